# One image for every UBOS Graph service; docker-compose.yml picks the command per service
# (the gateway by default, `npm start -w subgraphs/<name>` for a subgraph, `npm run migrate`,
# `npm run worker`).
FROM node:20-bookworm-slim

WORKDIR /app
ENV NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false

# The manifests first, so the `npm ci` layer is reused until a dependency changes. Every
# workspace of the root package.json needs its package.json here, or `npm ci` refuses.
COPY package.json package-lock.json ./
COPY packages/kernel/package.json packages/kernel/
COPY packages/quickbooks/package.json packages/quickbooks/
COPY db/package.json db/
COPY subgraphs/identity/package.json subgraphs/identity/
COPY subgraphs/crm/package.json subgraphs/crm/
COPY subgraphs/projects/package.json subgraphs/projects/
COPY subgraphs/agreements/package.json subgraphs/agreements/
COPY subgraphs/engagements/package.json subgraphs/engagements/
COPY subgraphs/revenue/package.json subgraphs/revenue/
COPY subgraphs/communication/package.json subgraphs/communication/
COPY subgraphs/files/package.json subgraphs/files/
COPY subgraphs/workflow/package.json subgraphs/workflow/
COPY subgraphs/timeline/package.json subgraphs/timeline/
COPY subgraphs/integrations/package.json subgraphs/integrations/
COPY gateway/package.json gateway/
COPY worker/package.json worker/
COPY bench/package.json bench/
COPY test/support/package.json test/support/
# With the dev dependencies: the services run their TypeScript through tsx, which is one.
RUN npm ci

COPY . .

# The services run unprivileged. In docker-compose.yml nothing is written at run time (keys and
# passwords come from the environment); a plain `docker run` of the image is the one-process
# demo, which keeps its embedded PostgreSQL, keys and passwords in ./.ubos (UBOS_DATA_DIR).
# /data/files is where docker-compose mounts the shared file store: a new volume takes this owner.
RUN mkdir -p .ubos /data/files && chown node:node .ubos /data/files
USER node
# `npm start` runs npm, then sh, then tsx, then node. With `init: true` (docker-compose.yml) or
# `docker run --init`, tini is PID 1 and, with this set, signals that whole process group, so
# `docker stop` reaches the service itself and it shuts down in order instead of being killed.
ENV TINI_KILL_PROCESS_GROUP=1
EXPOSE 4000
CMD ["npm", "start"]
