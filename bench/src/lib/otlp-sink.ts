import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A collector that reads every OTLP/HTTP export and keeps nothing: the traced system pays for
 * making, batching, encoding and sending its spans, as against a real collector, and the
 * benchmark's machine pays nothing more for storing them.
 */
export async function startOtlpSink(): Promise<{ url: string; spansReceived(): number; close(): Promise<void> }> {
  let exports = 0;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      exports++;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  server.unref();
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    spansReceived: () => exports,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
