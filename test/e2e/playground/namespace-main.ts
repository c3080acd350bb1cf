/**
 * Runs INSIDE a network namespace that has loopback alone (started by namespace.ts as
 * `unshare --net --pid --fork --kill-child`): the bot (the built app, as `npm start`
 * runs it), the M365 Agents Playground, and optionally a headless chromium server for
 * the Playground's web client. The Playground and its web client call cloud hosts
 * (telemetry, fonts); in here those calls have nowhere to go.
 *
 * The test reaches the Playground and the browser only through unix sockets in the
 * work folder ("doors"), each piped to a loopback port in here. This process is PID 1
 * of its own PID namespace: when it ends, the kernel ends everything it started.
 *
 * Transpiled alone (namespace.ts): imports from siblings must be types only.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { NamespacePlan, NamespaceReport } from './namespace-protocol';

const READY_TIMEOUT_MS = 60_000;
const children: ChildProcess[] = [];

function report(message: NamespaceReport): void {
  process.stdout.write(`${JSON.stringify(message)}\n`);
}

/** Interface names of this network namespace (/proc/net/dev is per namespace; /sys is not remounted). */
function interfaces(): string[] {
  return readFileSync('/proc/net/dev', 'utf8')
    .split('\n')
    .slice(2)
    .map((line) => line.split(':')[0].trim())
    .filter(Boolean);
}

/** Starts a child with only the environment given, logging to a file; resolves when a line matches. */
function startChild(name: string, args: string[], env: Record<string, string>, cwd: string, ready: RegExp, logFile: string): Promise<void> {
  const log = createWriteStream(logFile);
  const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} not ready within ${READY_TIMEOUT_MS} ms (see ${logFile})`)), READY_TIMEOUT_MS);
    const watch = (chunk: Buffer) => {
      log.write(chunk);
      if (ready.test(chunk.toString('utf8'))) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', watch);
    child.stderr!.on('data', watch);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${signal ?? code}) before it was ready (see ${logFile})`));
    });
  });
}

/** A unix socket that leads to a loopback port in here. */
function openDoor(socketPath: string, port: number): Promise<void> {
  rmSync(socketPath, { force: true });
  const server = net.createServer((outside) => {
    const inside = net.connect(port, '127.0.0.1');
    outside.pipe(inside).pipe(outside);
    const close = () => {
      outside.destroy();
      inside.destroy();
    };
    outside.on('error', close);
    inside.on('error', close);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => resolve());
  });
}

async function startBrowser(browser: NonNullable<NamespacePlan['browser']>): Promise<{ port: number; wsPath: string }> {
  // Loaded only when asked for: the API-only suite runs without chromium.
  const { chromium } = await import('playwright-core');
  const server = await chromium.launchServer({ executablePath: browser.executablePath, args: browser.args, headless: true, host: '127.0.0.1', port: 0 });
  const endpoint = new URL(server.wsEndpoint());
  return { port: Number(endpoint.port), wsPath: endpoint.pathname };
}

async function main(plan: NamespacePlan): Promise<void> {
  const found = interfaces();
  if (found.length !== 1 || found[0] !== 'lo') throw new Error(`refusing to start: this network namespace has ${found.join(', ')}, not loopback alone`);

  const home = plan.workDir;
  await startChild(
    'the bot',
    [plan.bot.mainJs],
    {
      PATH: process.env.PATH ?? '',
      HOME: home,
      HOST: '127.0.0.1',
      PORT: String(plan.bot.port),
      TEAMS_ALLOW_UNAUTHENTICATED: 'true',
      DATA_DIR: path.join(home, 'data'),
      LOG_LEVEL: 'info',
    },
    home,
    / INFO ready \{/,
    path.join(home, 'bot.log'),
  );
  await startChild(
    'the Playground',
    [
      plan.playground.cliJs,
      'start',
      '--app-endpoint',
      `http://127.0.0.1:${plan.bot.port}/api/messages`,
      '--channel-id',
      'msteams',
      '--port',
      String(plan.playground.port),
      '--disable-telemetry',
    ],
    {
      PATH: process.env.PATH ?? '',
      HOME: home,
      APPLICATION_INSIGHTS_NO_STATSBEAT: '1',
      TEAMSAPPTESTER_BROWSER: 'none',
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: plan.playground.configPath,
      M365_AGENTS_PLAYGROUND_LOGFILE: path.join(home, 'playground-internal.log'),
    },
    home,
    /Listening on \d+/,
    path.join(home, 'playground.log'),
  );

  const doors: { playground: string; browser?: string } = { playground: path.join(home, 'playground.sock') };
  await openDoor(doors.playground, plan.playground.port);
  let browserWsPath: string | undefined;
  if (plan.browser) {
    const browser = await startBrowser(plan.browser);
    doors.browser = path.join(home, 'browser.sock');
    await openDoor(doors.browser, browser.port);
    browserWsPath = browser.wsPath;
  }
  report({ ready: { doors, browserWsPath, interfaces: found } });
}

function shutDown(code: number): never {
  for (const child of children) child.kill('SIGKILL');
  process.exit(code);
}

// PID 1 gets no default signal handling: say what ends it. The test closes stdin to stop us.
process.on('SIGTERM', () => shutDown(0));
process.on('SIGINT', () => shutDown(0));
process.stdin.on('end', () => shutDown(0));
process.stdin.resume();

main(JSON.parse(process.argv[2] ?? '{}') as NamespacePlan).catch((error: unknown) => {
  report({ failed: error instanceof Error ? error.message : String(error) });
  shutDown(1);
});
