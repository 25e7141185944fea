import net from 'node:net';

/**
 * A reason the process cannot start that the operator can fix: printed as one line, with no
 * stack trace, and the process exits 1 after stopping whatever it had started.
 */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}

/** True when nothing listens on `port` at `host` (the address the server itself would bind). */
export function portIsFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

export function portTaken(port: number, what: string, variable: string): StartupError {
  return new StartupError(`Port ${port} (${what}) is already in use: stop what holds it, or set ${variable} to a free port.`);
}

/** `server.listen` that turns EADDRINUSE (lost a race with the preflight check) into the operator's line. */
export function listen(server: net.Server, port: number, host: string, what: string, variable: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => reject(error.code === 'EADDRINUSE' ? portTaken(port, what, variable) : error);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}
