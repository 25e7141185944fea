import fs from 'node:fs';
import path from 'node:path';
import type http from 'node:http';
import { createRequire } from 'node:module';
import { sendJson } from '@ubos/kernel';

const require = createRequire(import.meta.url);
const packageDir = (name: string) => path.dirname(require.resolve(`${name}/package.json`));

/**
 * GraphiQL served from npm packages, never from a CDN, so the playground works offline.
 * GraphiQL 4 ships a browser-ready UMD build that runs on React 18's UMD files.
 */
const ASSETS: Record<string, { file: string; type: string }> = {
  '/playground/react.js': { file: path.join(packageDir('react'), 'umd/react.production.min.js'), type: 'text/javascript' },
  '/playground/react-dom.js': { file: path.join(packageDir('react-dom'), 'umd/react-dom.production.min.js'), type: 'text/javascript' },
  '/playground/graphiql.js': { file: path.join(packageDir('graphiql'), 'dist/index.umd.js'), type: 'text/javascript' },
  '/playground/graphiql.css': { file: path.join(packageDir('graphiql'), 'dist/style.css'), type: 'text/css' },
};

const cache = new Map<string, Buffer>();

function playgroundAsset(pathname: string): { body: Buffer; type: string } | undefined {
  const asset = ASSETS[pathname];
  if (!asset) return undefined;
  let body = cache.get(pathname);
  if (!body) {
    body = fs.readFileSync(asset.file);
    cache.set(pathname, body);
  }
  return { body, type: asset.type };
}

const DEFAULT_QUERY = `# Welcome to UBOS Graph. Press the run button (or Ctrl-Enter).
query Clients {
  me { name email }
  clients(first: 5) {
    totalCount
    edges {
      node {
        name
        status
        projects(first: 3) { edges { node { name status } } }
      }
    }
  }
}
`;

function escapeForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** The playground page. In demo mode the demo token is filled into the headers editor. */
function playgroundHtml(options: { endpoint: string; demoToken?: string }): string {
  const headers = options.demoToken ? JSON.stringify({ Authorization: `Bearer ${options.demoToken}` }, null, 2) : JSON.stringify({ Authorization: 'Bearer <token from the login mutation>' }, null, 2);
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <meta name="viewport" content="width=device-width, initial-scale=1" />
  <title>UBOS Graph playground</title>
  <link rel="stylesheet" href="/playground/graphiql.css" />
  <style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
  <div id="graphiql">Loading the playground…</div>
  <script src="/playground/react.js"></script>
  <script src="/playground/react-dom.js"></script>
  <script src="/playground/graphiql.js"></script>
  <script>
    const fetcher = GraphiQL.createFetcher({ url: ${escapeForScript(options.endpoint)} });
    const root = ReactDOM.createRoot(document.getElementById('graphiql'));
    root.render(React.createElement(GraphiQL, {
      fetcher,
      defaultQuery: ${escapeForScript(DEFAULT_QUERY)},
      defaultHeaders: ${escapeForScript(headers)},
      headers: ${escapeForScript(headers)},
      shouldPersistHeaders: false,
      isHeadersEditorEnabled: true,
      defaultEditorToolsVisibility: 'headers',
    }));
  </script>
</body>
</html>`;
}

/** GET /playground/…: the page's scripts and styles. */
export function servePlaygroundAsset(res: http.ServerResponse, pathname: string): void {
  const asset = playgroundAsset(pathname);
  if (!asset) return sendJson(res, 404, { error: 'not found' });
  res.writeHead(200, { 'content-type': asset.type, 'cache-control': 'public, max-age=3600', 'content-length': asset.body.length });
  res.end(asset.body);
}

/** GET /: the page, with the demo token when there is one. */
export function servePlaygroundPage(res: http.ServerResponse, demoToken: string | undefined): void {
  const html = playgroundHtml({ endpoint: '/graphql', demoToken });
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(html);
}
