/**
 * Time from start to ready: spawn `node dist/src/main.js` with the Slack env (fresh
 * SQLite file, so the migration is included) and poll GET /healthz until it answers
 * 200. Median of a few runs; includes node's own start and loading every module.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { SIGNING_SECRET } from '../../test/kit/slack-requests';

export interface StartupFigures {
  runsMs: number[];
  medianMs: number;
}

function freePort(): Promise<number> {
  const server = http.createServer();
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    }),
  );
}

function healthz(port: number): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/healthz', agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', () => resolve(0));
  });
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export async function benchStartup(options: { dataDir: string; slackApiUrl: string; runs: number }): Promise<StartupFigures> {
  const main = path.resolve(__dirname, '../../src/main.js');
  const runsMs: number[] = [];
  for (let run = 0; run < options.runs; run++) {
    const port = await freePort();
    const dataDir = path.join(options.dataDir, `startup-${run}`);
    fs.mkdirSync(dataDir, { recursive: true });
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [main], {
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn', SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: options.slackApiUrl },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    try {
      const until = Date.now() + 20_000;
      while ((await healthz(port)) !== 200) {
        if (Date.now() > until || child.exitCode !== null) throw new Error('the app did not become ready in 20 s');
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      runsMs.push(Number(process.hrtime.bigint() - started) / 1e6);
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  }
  return { runsMs, medianMs: median(runsMs) };
}
