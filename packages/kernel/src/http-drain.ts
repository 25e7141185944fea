import type http from 'node:http';

/**
 * Stops a server the way a load balancer expects: no new connections, idle keep-alive ones
 * closed, requests in flight allowed to finish (each new one answered with `connection: close`),
 * and after `graceMs` whatever is left is cut.
 */
export function drain(server: http.Server, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    server.on('request', (_req: http.IncomingMessage, res: http.ServerResponse) => {
      if (!res.headersSent) res.setHeader('connection', 'close');
    });
    // A keep-alive connection whose request finishes becomes idle; Node closes idle
    // connections only when asked, so it is asked until the last one is gone.
    const sweep = setInterval(() => server.closeIdleConnections(), 50);
    const cut = setTimeout(() => server.closeAllConnections(), graceMs);
    server.close(() => {
      clearInterval(sweep);
      clearTimeout(cut);
      resolve();
    });
    server.closeIdleConnections();
  });
}
