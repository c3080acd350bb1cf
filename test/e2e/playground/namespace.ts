/**
 * Starts the bot, the M365 Agents Playground and (optionally) a headless chromium in a
 * fresh network namespace with loopback alone, and gives the test loopback ports on
 * this side that lead through unix sockets to theirs. Nothing in the namespace can
 * reach beyond its own loopback: the Playground calls cloud hosts by default.
 *
 * `describePlayground` runs a suite where this works; elsewhere it skips with the
 * reason, or fails with REQUIRE_PLAYGROUND=1 (.ci/run), so CI never passes by skipping.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { MAIN_JS } from '../../support/app-process';
import type { NamespacePlan, NamespaceReady, NamespaceReport } from './namespace-protocol';

const ROOT = path.resolve(__dirname, '../../..');
export const PLAYGROUND_CONFIG = path.join(__dirname, 'm365agentsplayground.yml');
/** Debian's chromium (`apt-get install chromium`, done by .ci/run). */
export const CHROMIUM = '/usr/bin/chromium';
/** The flags that keep chromium from calling home; it runs in the namespace besides. */
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** The ports docs/teams.md uses; inside a fresh namespace they are always free. */
export const BOT_PORT = 3978;
export const PLAYGROUND_PORT = 56150;
const START_TIMEOUT_MS = 90_000;
const required = process.env.REQUIRE_PLAYGROUND === '1';

function playgroundCli(): string {
  return require.resolve('@microsoft/m365agentsplayground/cli.js', { paths: [ROOT] });
}

/** Why this machine cannot run the Playground suite, or undefined when it can. */
function unsupportedReason(): string | undefined {
  if (process.platform !== 'linux') return 'network namespaces need Linux';
  try {
    playgroundCli();
  } catch {
    return '@microsoft/m365agentsplayground is not installed (npm ci)';
  }
  const probe = spawnSync('unshare', ['--net', '--pid', '--fork', '--kill-child', '--', 'sh', '-c', 'ip link set lo up'], {
    encoding: 'utf8',
    timeout: 10_000,
  });
  if (probe.error || probe.status !== 0) {
    return `cannot make a network namespace with loopback (unshare --net as root, and ip from iproute2): ${probe.error?.message ?? probe.stderr.trim()}`;
  }
  return undefined;
}

/**
 * `describe` where the namespace and the Playground work (and chromium, for a suite that
 * drives the web client); otherwise a skipped suite and a warning, or, with
 * REQUIRE_PLAYGROUND=1, a failing test, so CI never passes by skipping.
 */
export function describePlayground(name: string, body: () => void, options: { browser?: boolean } = {}): void {
  const reason = unsupportedReason() ?? (options.browser && !existsSync(CHROMIUM) ? `${CHROMIUM} is missing (apt-get install chromium)` : undefined);
  if (!reason) return describe(name, body);
  if (required) {
    it(`${name}: the Playground must run when REQUIRE_PLAYGROUND=1`, () => {
      throw new Error(reason);
    });
    return;
  }
  // Straight to stderr: jest prints no console output for a file whose tests all skip.
  process.stderr.write(`Skipping "${name}": ${reason} (set REQUIRE_PLAYGROUND=1 to fail instead).\n`);
  describe.skip(name, body);
}

/** namespace-main.ts as JavaScript beside the compiled app, so its packages resolve. */
function compileNamespaceMain(): string {
  const source = path.join(__dirname, 'namespace-main.ts');
  const out = path.join(ROOT, '.test-dist/test/e2e/playground/namespace-main.js');
  const { outputText } = ts.transpileModule(readFileSync(source, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    fileName: source,
  });
  mkdirSync(path.dirname(out), { recursive: true });
  // Suites in parallel workers write it at once: rename, so no node ever reads half a file.
  const partial = `${out}.${process.pid}`;
  writeFileSync(partial, outputText);
  renameSync(partial, out);
  return out;
}

/** A loopback port on this side that leads to a door (unix socket) of the namespace. */
function forward(socketPath: string): Promise<net.Server> {
  const server = net.createServer((here) => {
    const there = net.connect(socketPath);
    here.pipe(there).pipe(here);
    const close = () => {
      here.destroy();
      there.destroy();
    };
    here.on('error', close);
    there.on('error', close);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

const portOf = (server: net.Server) => (server.address() as net.AddressInfo).port;

export interface PlaygroundNamespace {
  /** The Playground's HTTP API and web client, as seen from the test. */
  playgroundUrl: string;
  /** For playwright-core's chromium.connect, when a browser was asked for. */
  browserWsEndpoint?: string;
  ready: NamespaceReady;
  /** The bot's and the Playground's logs so far (for failure messages). */
  logs(): string;
  stop(): Promise<void>;
}

export async function startPlaygroundNamespace(options: { browser: boolean }): Promise<PlaygroundNamespace> {
  const workDir = mkdtempSync(path.join(tmpdir(), 'exchange-sp-playground-'));
  const plan: NamespacePlan = {
    workDir,
    bot: { mainJs: MAIN_JS, port: BOT_PORT },
    playground: { cliJs: playgroundCli(), port: PLAYGROUND_PORT, configPath: PLAYGROUND_CONFIG },
    ...(options.browser ? { browser: { executablePath: CHROMIUM, args: CHROMIUM_FLAGS } } : {}),
  };
  const child = spawn(
    'unshare',
    ['--net', '--pid', '--fork', '--kill-child', '--', 'sh', '-c', 'ip link set lo up && exec "$0" "$@"', process.execPath, compileNamespaceMain(), JSON.stringify(plan)],
    { cwd: workDir, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const logs = () =>
    ['bot.log', 'playground.log']
      .map((file) => path.join(workDir, file))
      .filter((file) => existsSync(file))
      .map((file) => `--- ${path.basename(file)}\n${readFileSync(file, 'utf8')}`)
      .join('\n');

  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const report = await new Promise<NamespaceReport>((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error(`the namespace was not ready within ${START_TIMEOUT_MS} ms\n${stderr}\n${logs()}`)), START_TIMEOUT_MS);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const line = stdout.split('\n').find((l) => l.startsWith('{'));
      if (line && stdout.includes('\n')) {
        clearTimeout(timer);
        resolve(JSON.parse(line) as NamespaceReport);
      }
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`the namespace ended before it was ready\n${stdout}${stderr}\n${logs()}`));
    });
  });
  const stopChild = async () => {
    child.stdin.end();
    const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(killer);
  };
  if ('failed' in report) {
    await stopChild();
    throw new Error(`${report.failed}\n${logs()}`);
  }

  const playground = await forward(report.ready.doors.playground);
  const browser = report.ready.doors.browser ? await forward(report.ready.doors.browser) : undefined;
  return {
    playgroundUrl: `http://127.0.0.1:${portOf(playground)}`,
    ...(browser ? { browserWsEndpoint: `ws://127.0.0.1:${portOf(browser)}${report.ready.browserWsPath ?? ''}` } : {}),
    ready: report.ready,
    logs,
    async stop() {
      for (const server of [playground, browser]) server?.close();
      await stopChild();
      rmSync(workDir, { recursive: true, force: true });
    },
  };
}
