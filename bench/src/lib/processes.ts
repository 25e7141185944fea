import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const BENCH_HOOKS = path.join(root, 'bench/src/preload/bench-hooks.ts');

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A Node process of the benchmark (`node --import tsx …`), its output prefixed and kept. */
export class NodeProcess {
  readonly child: ChildProcess;
  private readonly exited: Promise<void>;
  private exitStatus: string | undefined;
  private readonly tail: string[] = [];

  constructor(
    readonly name: string,
    args: string[],
    env: NodeJS.ProcessEnv,
    options: { hooks?: boolean; quiet?: boolean } = {},
  ) {
    const preload = ['--import', 'tsx', ...(options.hooks ? ['--import', BENCH_HOOKS] : [])];
    // BENCH_CPU_PROFILE=<dir>: every server process writes a V8 CPU profile there when it stops
    // (bench/src/profile-summary.ts groups one by package).
    if (process.env.BENCH_CPU_PROFILE) preload.unshift('--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`);
    this.child = spawn(process.execPath, [...preload, ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    for (const stream of [this.child.stdout!, this.child.stderr!]) {
      readline.createInterface({ input: stream }).on('line', (line) => {
        if (!line.trim()) return;
        this.tail.push(line);
        if (this.tail.length > 200) this.tail.shift();
        // Errors always; the rest only when asked (ten subgraphs say a lot while starting).
        if (!options.quiet || /error|fail|warn/i.test(line)) console.log(`[${name}] ${line}`);
      });
    }
    this.exited = new Promise((resolve) => {
      this.child.once('exit', (code, signal) => {
        this.exitStatus = signal ?? `code ${code}`;
        resolve();
      });
      this.child.once('error', (error) => {
        this.exitStatus = error.message;
        resolve();
      });
    });
  }

  get pid(): number {
    return this.child.pid!;
  }

  get running(): boolean {
    return this.exitStatus === undefined;
  }

  output(): string {
    return this.tail.join('\n');
  }

  async waitForHealth(url: string, timeoutMs = 240_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!this.running) throw new Error(`${this.name} exited during startup (${this.exitStatus}):\n${this.output()}`);
      try {
        const response = await fetch(url);
        if (response.status === 200) return;
      } catch {
        // not listening yet
      }
      await sleep(250);
    }
    throw new Error(`${this.name}: ${url} did not answer 200 within ${timeoutMs / 1000}s`);
  }

  /** SIGINT first (the product's processes close their servers and pools), SIGKILL at the end. */
  async stop(timeoutMs = 30_000): Promise<void> {
    if (!this.running) return;
    this.child.kill('SIGINT');
    let timer: NodeJS.Timeout | undefined;
    const timedOut = await Promise.race([
      this.exited.then(() => false),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), timeoutMs))),
    ]);
    clearTimeout(timer);
    if (timedOut) {
      this.child.kill('SIGKILL');
      await this.exited;
    }
  }
}

/** Runs `node --import tsx <args>` to completion, sharing this terminal. */
export function runScript(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: root, env, stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`${args[0]} exited with ${signal ?? `code ${code}`}`))));
  });
}
