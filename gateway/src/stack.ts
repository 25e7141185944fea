import { DataQualityMonitor, backgroundMigrationsSettled, migrationDatabaseOf, ONE_PROCESS_POOL_MAX, createFileStore, tokensFromConfig, generateInternalSecret, InternalContextSigner, SubgraphRuntime, writeDemoFileBodies, type FileStore, type TokenService, type UbosConfig } from '@ubos/kernel';
import { crmSubgraph } from '@ubos/crm';
import { createIdentitySubgraph } from '@ubos/identity';
import { projectsSubgraph } from '@ubos/projects';
import { agreementsSubgraph } from '@ubos/agreements';
import { engagementsSubgraph } from '@ubos/engagements';
import { revenueSubgraph } from '@ubos/revenue';
import { communicationSubgraph } from '@ubos/communication';
import { createFilesSubgraph } from '@ubos/files';
import { workflowSubgraph } from '@ubos/workflow';
import { createTimelineSubgraph } from '@ubos/timeline';
import { integrationsSubgraph } from '@ubos/integrations';
import { readCommittedSupergraph } from './compose.js';
import { RedisRateLimitStore } from './rate-limit-redis.js';
import { startGateway, type RunningGateway } from './server.js';

export interface StackOptions {
  config: UbosConfig;
  /** The serving role's connection (one-process mode). */
  appUrl?: string;
  demoToken?: (tokens: TokenService) => Promise<string | undefined>;
  host?: string;
}

export interface RunningStack {
  gateway: RunningGateway;
  tokens: TokenService;
  runtimes: SubgraphRuntime<unknown>[];
  /** Where file bodies live; the gateway serves the local store's URLs. */
  fileStore: FileStore;
  demoToken?: string;
  /** Drains the gateway (`graceMs` for requests in flight), then closes the subgraphs' pools. */
  close(graceMs?: number): Promise<void>;
}

/**
 * Starts the gateway and, in one-process mode, every subgraph in this process. With
 * UBOS_SUBGRAPH_URLS set, the subgraphs are elsewhere and only the gateway runs here.
 */
export async function startStack(options: StackOptions): Promise<RunningStack> {
  const { config } = options;
  const distributed = Object.keys(config.subgraphUrls).length > 0;
  if (distributed && !config.internalSecret) throw new Error('UBOS_INTERNAL_SECRET is required when UBOS_SUBGRAPH_URLS is set');
  // One-process mode signs with a secret made for this start: nothing outside this process needs it.
  const internalSecret = config.internalSecret ?? generateInternalSecret();
  const tokens = await tokensFromConfig(config);
  const runtimes: SubgraphRuntime<unknown>[] = [];
  // The local store's URLs start with the gateway's address, known once it listens.
  let gatewayUrl: string | undefined;
  const fileStore = await createFileStore(config, { publicUrl: () => gatewayUrl });
  try {
    // The demo seed records its files as uploaded; their bodies are written here when missing.
    if (config.demo) await writeDemoFileBodies(fileStore);
    if (!distributed) {
      if (!options.appUrl) throw new Error('one-process mode needs the serving database URL');
      const runtimeOptions = { appDatabaseUrl: options.appUrl, poolMax: config.poolMax ?? ONE_PROCESS_POOL_MAX, internalSecret, timeouts: config.timeouts };
      for (const definition of [
        createIdentitySubgraph(tokens, { settings: config.accounts, publicUrl: () => config.publicUrl ?? gatewayUrl ?? `http://localhost:${config.port}` }),
        crmSubgraph,
        agreementsSubgraph,
        engagementsSubgraph,
        projectsSubgraph,
        revenueSubgraph,
        communicationSubgraph,
        createFilesSubgraph(fileStore, { maxBytes: config.files.maxBytes }),
        workflowSubgraph,
        createTimelineSubgraph(tokens),
        integrationsSubgraph,
      ]) {
        runtimes.push((await SubgraphRuntime.create(definition as never, runtimeOptions)) as SubgraphRuntime<unknown>);
      }
    }
    // Every tenant's data quality and the queue's counts for /metrics, on schedules, through the
    // identity pool (in distributed mode the identity process keeps them: standalone.ts).
    const identity = runtimes.find((runtime) => runtime.name === 'identity');
    const qualityMonitor = identity ? new DataQualityMonitor(migrationDatabaseOf(identity.orm.em), config.dataQualityIntervalSeconds, config.queueMetricsIntervalSeconds) : undefined;
    qualityMonitor?.start();
    const demoToken = await options.demoToken?.(tokens);
    const gateway = await startGateway(
      {
        supergraphSdl: readCommittedSupergraph(),
        tokens,
        signer: new InternalContextSigner(internalSecret),
        runtimes: Object.fromEntries(runtimes.map((runtime) => [runtime.name, runtime])),
        subgraphUrls: config.subgraphUrls,
        production: config.production,
        demoToken,
        metricsToken: config.metricsToken,
        limits: config.limits,
        rateLimits: config.rateLimits,
        rateLimitStore: config.redisUrl ? new RedisRateLimitStore(config.redisUrl) : undefined,
        fileStore,
        subgraphTimeoutMs: config.timeouts.subgraphFetchMs,
        sessionRecheckSeconds: config.accounts.sessionRecheckSeconds,
      },
      config.port,
      options.host,
    );
    gatewayUrl = gateway.url;
    return {
      gateway,
      tokens,
      runtimes,
      fileStore,
      demoToken,
      async close(graceMs = 0) {
        await gateway.close(graceMs);
        await qualityMonitor?.stop();
        await backgroundMigrationsSettled();
        await Promise.all(runtimes.map((runtime) => runtime.close()));
        await fileStore.close?.();
      },
    };
  } catch (error) {
    await Promise.all(runtimes.map((runtime) => runtime.close().catch(() => undefined)));
    await fileStore.close?.().catch(() => undefined);
    throw error;
  }
}
