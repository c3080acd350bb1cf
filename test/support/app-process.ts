/**
 * The built app (.test-dist/src/main.js, compiled by test/support/global-setup.ts)
 * as a real child process on a free loopback port, with a clean environment: no .env
 * (cwd is a temp folder) and nothing inherited but PATH and HOME. Every process
 * started here is tracked; killAll() in afterAll leaves none behind.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SIGNING_SECRET } from '../kit/slack-requests';

export const MAIN_JS = path.resolve(__dirname, '../../.test-dist/src/main.js');

export interface AppProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** Every log line so far (stderr). */
  logs: string[];
  exited: Promise<number | null>;
  /** SIGKILL: no shutdown hook runs, as a crash or an OOM kill. */
  kill9(): Promise<void>;
  /** SIGTERM, waiting for a clean exit. */
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();

export interface AppEnv {
  slackApiUrl: string;
  databaseUrl?: string;
  dataDir?: string;
  port?: number;
  extra?: Record<string, string>;
}

export async function startApp(env: AppEnv, readyTimeoutMs = 20_000): Promise<AppProcess> {
  const cwd = mkdtempSync(path.join(tmpdir(), 'exchange-sp-proc-'));
  const childEnv: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? cwd,
    PORT: String(env.port ?? 0),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: env.slackApiUrl,
    DATA_DIR: env.dataDir ?? path.join(cwd, 'data'),
    ...(env.databaseUrl ? { DATABASE_URL: env.databaseUrl } : {}),
    ...env.extra,
  };
  const child = spawn(process.execPath, [MAIN_JS], { cwd, env: childEnv, stdio: ['ignore', 'ignore', 'pipe'] });
  running.add(child);
  const logs: string[] = [];
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      running.delete(child);
      resolve(code);
    }),
  );
  let buffered = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`app not ready in ${readyTimeoutMs} ms:\n${logs.join('\n')}`)), readyTimeoutMs);
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        logs.push(line);
        const ready = / INFO ready (\{.*\})$/.exec(line);
        if (ready) {
          clearTimeout(timer);
          resolve((JSON.parse(ready[1]) as { port: number }).port);
        }
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`app exited with ${code} before it was ready:\n${logs.join('\n')}`));
    });
  });
  const kill = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return { url: `http://127.0.0.1:${port}`, port, child, logs, exited, kill9: () => kill('SIGKILL'), stop: () => kill('SIGTERM') };
}

/** For afterAll: SIGKILL whatever is still running from this file. */
export async function killAll(): Promise<void> {
  await Promise.all(
    [...running].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGKILL');
        }),
    ),
  );
}

export async function getHealth(url: string): Promise<number> {
  try {
    const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(5000) });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0;
  }
}

/** Polls until `check` holds (bounded); returns whether it did. */
export async function eventually(check: () => Promise<boolean> | boolean, timeoutMs = 15_000, everyMs = 100): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > until) return false;
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
