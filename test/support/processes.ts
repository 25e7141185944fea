import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface RunningProcess {
  child: ChildProcess;
  output(): string;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  /**
   * Ctrl-C in a terminal: the signal goes to the whole process group, so the children the
   * process started (embedded PostgreSQL) get it at the same moment.
   */
  stopAsTerminal(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts a TypeScript entry point of this repository as its own Node process. */
export function startProcess(entry: string, env: Record<string, string | undefined>, args: string[] = []): RunningProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, entry), ...args], {
    cwd: repoRoot,
    // The test workers run with LOG_LEVEL=silent; a started process logs as it would for a user.
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, as a command started from a shell has (stopAsTerminal).
    detached: true,
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const stopWith = async (send: () => void) => {
    if (child.exitCode === null && child.signalCode === null) send();
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    const code = await exited;
    clearTimeout(timer);
    return code;
  };
  return {
    child,
    output: () => output,
    exited,
    stop: (signal = 'SIGTERM') => stopWith(() => child.kill(signal)),
    stopAsTerminal: (signal = 'SIGINT') => stopWith(() => process.kill(-child.pid!, signal)),
  };
}

export async function waitFor<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 60_000, process?: RunningProcess): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (process && process.child.exitCode !== null) throw new Error(`${what}: process exited early:\n${process.output()}`);
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch {
      // not yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timed out waiting for ${what}${process ? `:\n${process.output()}` : ''}`);
}

export async function waitForHealth(url: string, process?: RunningProcess): Promise<void> {
  await waitFor(async () => ((await fetch(`${url}/health`)).ok ? true : undefined), `${url}/health`, 60_000, process);
}
