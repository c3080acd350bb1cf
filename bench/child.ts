/**
 * Child processes for the bench: the app under test (and the fake platforms) run in
 * their own processes so the load generator never shares their event loop. A tiny
 * request/response protocol over the IPC channel: the child says `ready` with what
 * the parent needs (ports, URLs), then answers numbered commands (rss, stop, ...).
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';

type Handler = (args: unknown) => unknown;
interface Reply {
  id: number;
  result?: unknown;
  error?: string;
}

export interface BenchChild<Info> {
  readonly pid: number;
  readonly info: Info;
  call<T = unknown>(command: string, args?: unknown): Promise<T>;
  /** SIGKILL: used when a backlog (2 s Slack) would make a clean stop take minutes. */
  kill(): Promise<void>;
  /** Asks the child to stop cleanly, then waits for its exit (killed after `graceMs`). */
  stop(graceMs?: number): Promise<void>;
}

export interface ForkOptions {
  env?: Record<string, string>;
  args?: string[];
  /** --expose-gc lets `rss` measure after a full collection. */
  execArgv?: string[];
  readyTimeoutMs?: number;
}

/** Forks dist/bench/<module>.js (a sibling of this file once compiled). */
export function forkBenchChild<Info>(module: string, options: ForkOptions = {}): Promise<BenchChild<Info>> {
  const child: ChildProcess = fork(path.join(__dirname, `${module}.js`), options.args ?? [], {
    env: { ...process.env, ...options.env },
    // BENCH_CPU_PROF=<dir> writes a V8 CPU profile of every child, to find where time goes.
    execArgv: [...(options.execArgv ?? ['--expose-gc']), ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [])],
    // The app's own log lines (warnings) go to our stderr; stdout is unused.
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.on('message', (message: unknown) => {
    const reply = message as Reply;
    const waiter = pending.get(reply.id);
    if (!waiter) return;
    pending.delete(reply.id);
    if (reply.error) waiter.reject(new Error(`${module}: ${reply.error}`));
    else waiter.resolve(reply.result);
  });
  void exited.then(() => {
    for (const waiter of pending.values()) waiter.reject(new Error(`${module} exited`));
    pending.clear();
  });
  const call = <T>(command: string, args?: unknown): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      child.send({ id, command, args });
    });
  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void kill();
      reject(new Error(`${module} not ready in time`));
    }, options.readyTimeoutMs ?? 30_000);
    void exited.then(() => reject(new Error(`${module} exited before ready`)));
    // id 0 is reserved for the ready message.
    pending.set(0, {
      resolve: (info) => {
        clearTimeout(timer);
        resolve({
          pid: child.pid ?? -1,
          info: info as Info,
          call,
          kill,
          async stop(graceMs = 10_000) {
            const timeout = setTimeout(() => void kill(), graceMs);
            await call('stop').catch(() => undefined);
            await exited;
            clearTimeout(timeout);
          },
        });
      },
      reject,
    });
  });
}

/** In the child: announce readiness with `info`, then serve commands until stopped. */
export function serveParent(info: unknown, handlers: Record<string, Handler>): void {
  const send = (reply: Reply) => process.send?.(reply);
  process.on('message', (message: unknown) => {
    const { id, command, args } = message as { id: number; command: string; args?: unknown };
    const handler = handlers[command];
    if (!handler) return send({ id, error: `unknown command ${command}` });
    Promise.resolve()
      .then(() => handler(args))
      .then(
        (result) => send({ id, result }),
        (error: unknown) => send({ id, error: error instanceof Error ? error.message : String(error) }),
      );
  });
  // The parent going away (crash, Ctrl-C) must not leave the child running.
  process.on('disconnect', () => process.exit(0));
  send({ id: 0, result: info });
}

/** RSS and heap after a full collection (the child runs with --expose-gc). */
export function memoryNow(): NodeJS.MemoryUsage {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
  return process.memoryUsage();
}
