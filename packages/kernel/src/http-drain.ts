import type http from 'node:http';

/**
 * Stops a server the way a load balancer expects: no new connections, idle keep-alive ones
 * closed, requests in flight allowed to finish (each answered with `connection: close`), and
 * after `graceMs` whatever is left is cut.
 */
export function drain(server: http.Server, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    server.on('request', (_req: http.IncomingMessage, res: http.ServerResponse) => {
      if (!res.headersSent) res.setHeader('connection', 'close');
    });
    const timer = setTimeout(() => server.closeAllConnections(), graceMs);
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    server.closeIdleConnections();
  });
}
