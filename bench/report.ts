/**
 * BENCHMARKS.md from one run's figures: pure, so test/bench/report.test.ts can check it.
 * The figure that travels between machines is the ratio to the bare Bolt anchor
 * measured in the same run; absolute numbers depend on the machine and its load.
 */
import type { MachineInfo } from './machine';
import type { LoadResult } from './load';
import type { MemoryFigures } from './scenarios/memory';
import type { SlackFigures } from './scenarios/slack';
import type { StartupFigures } from './scenarios/startup';
import type { StoreFigures } from './scenarios/store';
import type { TeamsFigures } from './scenarios/teams';

export interface BenchFigures {
  date: string;
  machine: MachineInfo & { bolt: string; commit: string };
  seconds: number;
  totalSeconds: number;
  slack: SlackFigures;
  teams: TeamsFigures;
  store: StoreFigures;
  memory: MemoryFigures;
  startup: StartupFigures;
  /** Load average at the end too: a busy machine is reported, not hidden. */
  loadAverageEnd: number;
}

const n0 = (x: number) => Math.round(x).toLocaleString('en-US');
const n1 = (x: number) => x.toFixed(1);
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : '–');
const fails = (r: LoadResult) => `${r.errors} / ${r.non2xx}`;
const KIND = { slash: 'slash command', click: 'block_actions Confirm/Undo' } as const;

export function formatReport(f: BenchFigures): string {
  const m = f.machine;
  const out: string[] = [];
  // The bench's own processes raise the load while it runs: only the load when it began
  // says whether something else was competing for the cores.
  const busy = m.loadAverage > m.cores * 0.5;
  out.push('# Benchmarks', '');
  out.push(`Measured ${f.date} by \`npm run bench\` (commit ${m.commit}, ${n0(f.totalSeconds)} s in all), on loopback only.`, '');
  out.push('| machine | |', '|---|---|');
  out.push(`| CPU | ${m.cpu}, ${m.cores} cores |`, `| memory | ${n1(m.memoryGb)} GB |`, `| Node.js | ${m.node} |`);
  out.push(`| OS | ${m.os} |`, `| @slack/bolt | ${m.bolt} |`, `| load average (1 min) | ${n1(m.loadAverage)} at start, ${n1(f.loadAverageEnd)} at end |`, '');
  if (busy) {
    out.push(`> Something else was running when this run began (load average above half the cores).`);
    out.push('> Absolute figures are lower than on an idle machine; the ratios to the bare Bolt anchor, measured in the same run, are the figures to compare.', '');
  }

  out.push('## Slack: ack latency and throughput', '');
  out.push(`Each cell starts once the app has delivered everything the previous one recorded (its GET /metrics shows an empty outbox), then runs ${f.seconds} s after a 1 s warm-up; the bare Bolt anchor runs right after it with the same bodies. Latency is the time to the HTTP answer (the ack), in ms. Errors / non-2xx are counted per run. Clicks run twice: with the delivery worker in the same process (ROLE=all, as \`npm start\`) and with a ROLE=web process answering while a ROLE=worker process delivers (one SQLite file).`, '');
  out.push('| request | delivery | conns | app req/s | bare Bolt req/s | app / Bolt | app p50 | app p99 | Bolt p50 | Bolt p99 | p99 app / Bolt | app errors / non-2xx | Bolt errors / non-2xx |');
  out.push('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of f.slack.rows) {
    const b = r.bolt;
    const where = r.kind === 'click' ? r.setup : '–';
    out.push(
      `| ${KIND[r.kind]} | ${where} | ${r.connections} | ${n0(r.app.rps)} | ${b ? n0(b.rps) : '–'} | ${b ? ratio(r.app.rps, b.rps) : '–'} | ${r.app.p50} | ${r.app.p99} | ${b?.p50 ?? '–'} | ${b?.p99 ?? '–'} | ${b ? ratio(r.app.p99, b.p99) : '–'} | ${fails(r.app)} | ${b ? fails(b) : '–'} |`,
    );
  }
  out.push('');
  const s = f.slack;
  out.push(`Clicks on ${n0(s.rollouts)} rollouts in ${n0(s.workspaces)} workspaces (one channel each), warm-ups included: ${n0(s.clicksSent)} sent, ${n0(s.clicksAcked)} answered 2xx before a run's clock stopped, ${n0(s.eventsRecorded)} Confirm/Undo events recorded. Recorded between answered and sent means no acked click was lost (requests still in flight when autocannon stops are processed by the app but not counted by autocannon).`, '');

  out.push('### Delivery backlog after each click cell', '');
  out.push("What the channels had not been shown yet the moment the cell's load stopped (GET /metrics), and how long the worker then took to show it all. The worker paces itself within Slack's limits (about one message a second per channel, chat.update Tier 3 per workspace), so a burst is drained at the platform's pace, not the app's.", '');
  out.push('| delivery | conns | pending | oldest due (s) | drained in (s) |', '|---|---:|---:|---:|---:|');
  for (const r of f.slack.rows.filter((row) => row.kind === 'click')) {
    out.push(`| ${r.setup} | ${r.connections} | ${r.backlog ? n0(r.backlog.pending) : '–'} | ${r.backlog ? n1(r.backlog.oldestSeconds) : '–'} | ${r.drainSeconds !== undefined ? n1(r.drainSeconds) : 'not within 120 s'} |`);
  }
  out.push('');

  const v = f.slack.visible;
  out.push('### Click to visible', '');
  out.push(`${v.users} people, each in their own workspace with their own plan, each clicking Confirm/Undo every ${n1(v.thinkMs / 1000)} s for ${v.seconds} s (a team at work, one process, ROLE=all). A click is visible at the first \`chat.update\` of its plan that shows the state it left; latency is from its ack to that update reaching Slack.`, '');
  out.push('| clicks | acked | visible | superseded | missing | ack p50 ms | ack p99 ms | visible p50 ms | visible p99 ms | max ms |', '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  out.push(`| ${n0(v.clicks)} | ${n0(v.acked)} | ${n0(v.visible)} | ${v.superseded} | ${v.missing} | ${v.ackP50} | ${v.ackP99} | ${v.p50} | ${v.p99} | ${v.max} |`, '');

  const slow = f.slack.rows.filter((r) => r.slowApp);
  out.push(`### The same app with the fake Slack Web API answering after 2 s`, '');
  out.push('| request | conns | req/s (fast Slack) | req/s (slow Slack) | p50 fast | p50 slow | p99 fast | p99 slow | errors / non-2xx slow |');
  out.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of slow) {
    const sl = r.slowApp!;
    out.push(`| ${KIND[r.kind]} | ${r.connections} | ${n0(r.app.rps)} | ${n0(sl.rps)} | ${r.app.p50} | ${sl.p50} | ${r.app.p99} | ${sl.p99} | ${fails(sl)} |`);
  }
  out.push('');
  const calls = Object.entries(f.slack.slackCalls).map(([k, c]) => `${k} ${n0(c)}`).join(', ');
  out.push(`Calls the fake Slack received over the Slack runs: ${calls || 'none'}.`, '');

  out.push('## Teams: adaptiveCard/action invokes that confirm steps', '');
  const t = f.teams.load;
  out.push('| conns | req/s | p50 ms | p99 ms | max ms | errors / non-2xx | clicks answered 2xx | events recorded |', '|---:|---:|---:|---:|---:|---:|---:|---:|');
  out.push(`| ${t.connections} | ${n0(t.rps)} | ${t.p50} | ${t.p99} | ${t.max} | ${fails(t)} | ${n0(f.teams.clicksAcked)} | ${n0(f.teams.eventsRecorded)} |`, '');

  out.push('## Store: confirmations per second', '');
  out.push(`Straight on the Store interface, ${f.store.lanes} actions in flight per replica, ${f.seconds} s per row.`, '');
  out.push('| store | replicas | confirmations/s | recorded | not recorded |', '|---|---:|---:|---:|---:|');
  for (const r of f.store.rows) out.push(`| ${r.kind} | ${r.replicas} | ${n0(r.perSecond)} | ${n0(r.recorded)} | ${r.other} |`);
  if (f.store.skipped) out.push('', `Postgres skipped: ${f.store.skipped}`);
  out.push('');

  const mem = f.memory;
  out.push('## Memory (RSS of the Slack app process, after a full GC)', '');
  const delta = (x: number, idle: number) => `${x >= idle ? '+' : '−'}${n1(Math.abs(x - idle))}`;
  out.push('| state | RSS MB | RSS vs idle | V8 heap used MB | heap vs idle |', '|---|---:|---:|---:|---:|');
  out.push(`| idle, just started | ${n1(mem.idle.rss)} | | ${n1(mem.idle.heap)} | |`);
  for (const [label, p] of [
    [`after ${n0(mem.rollouts)} rollouts created through the flow`, mem.afterRollouts],
    [`then with ${n0(mem.interviews)} open interviews too`, mem.withInterviews],
  ] as const) {
    out.push(`| ${label} | ${n1(p.rss)} | ${delta(p.rss, mem.idle.rss)} | ${n1(p.heap)} | ${delta(p.heap, mem.idle.heap)} |`);
  }
  out.push('', 'RSS keeps pages the allocator has not returned to the system yet; the V8 heap after a full GC is what the process really holds on to.', '');
  out.push(`Creating the ${n0(mem.rollouts)} rollouts (slash command + "Post plan" click each, every after-ack call done) took ${n0(mem.createSeconds)} s.`, '');

  out.push('## Time from start to ready', '');
  out.push(`\`node dist/src/main.js\` with the Slack env, until GET /healthz answers 200: median **${n0(f.startup.medianMs)} ms** (runs: ${f.startup.runsMs.map(n0).join(', ')} ms).`, '');

  out.push(...METHOD);
  return out.join('\n') + '\n';
}

const METHOD = [
  '## bench/README: how it is measured',
  '',
  '**Reproduce:** `npm run bench` (builds, then runs `dist/bench/run.js`; about 4 minutes on 2 cores; needs Postgres at 127.0.0.1:5432, trust auth, database `test` for the Postgres rows, else they are skipped). `BENCH_SECONDS` changes the length of each load cell (default 5), `BENCH_POSTGRES_URL` the database. To find where time goes: `BENCH_CPU_PROF=<dir>` writes a V8 CPU profile of every child, and `node dist/bench/profile-clicks.js [connections] [seconds]` (after `npm run build`) runs only the Slack Confirm/Undo cell (`PROFILE_MODE=bolt` for the anchor).',
  '',
  '**Processes.** The app under test runs in its own child process (`bench/app-process.ts`), the fake platforms (Slack Web API, OpenID/JWKS, Bot Connector: the same ones the tests use, from `test/kit/`, as strict as the services and holding the messages of the seeded plans) in another (`bench/fakes-process.ts`), and autocannon (programmatic API) in the bench process itself. Load generator and app never share an event loop; on a 2-core machine they do share the cores, so absolute figures are lower than the app alone could do. Every child wraps `net.Socket.prototype.connect` and refuses anything but loopback; the report would list any refused host.',
  '',
  '- **Slack app**: `startApp` from `src/main.ts` (the real composition root) with Slack over HTTP, SQLite store (`synchronous = FULL`), `LOG_LEVEL=warn`, the Web API at the fake. Requests are signed per request (fresh timestamp, HMAC v0), so Bolt verifies every one.',
  '- **Bare Bolt anchor**: the same @slack/bolt, an `HTTPReceiver` on its own port with the same signing secret, `processBeforeResponse: false`, `authorize` without auth.test, and listeners that only `ack()`. It gets the same request bodies, interleaved with the app cell by cell. The ratio app / Bolt is the figure to track.',
  '- **Slash command**: `/exchange-sp 2000 standard` from 50 rotating users: the ack, then the interview step and its ephemeral answer via response_url.',
  '- **block_actions**: rollouts seeded through the store (as the bot creates them, marked as posted); each click is the Confirm or Undo button of step 1 of the next rollout in turn (Confirm on even rounds, Undo on odd), by the owner, with a unique `action_ts`, so every click passes the rules and records one event: store transaction, coalesced `chat.update`, thread note `chat.postMessage`. The event count in the store is checked against the acked clicks.',
  '- **Slow Slack**: the same cells again with every fake Web API and response_url call answered after 2 s. The ack must not wait for Slack; if p99 moves, it is because after-ack work shares the event loop with the acks.',
  '- **Teams**: the real Teams adapter (CloudAdapter) with its auth overrides pointing at the local OpenID metadata/JWKS: every invoke carries an RS256 Bot Connector token that botbuilder validates (signature, issuer, audience, serviceUrl, endorsements). The invoke answer is the redrawn card, so the store write is inside the latency. 50 connections, Confirm/Undo as for Slack.',
  '- **Store**: `applyAction` Confirm/Undo straight on the Store, no HTTP; each replica is a child process with its own SQLite connection or Postgres pool (size = actions in flight) on the same database, on its own rollouts. Postgres uses a fresh schema `bench_<random>`, dropped at the end.',
  '- **Memory**: RSS reported by the app process itself after two full GCs (`--expose-gc`): idle; after creating the rollouts through the real flow (signed slash command with every answer, then the "Post plan" click, waiting until every plan was posted to the fake); then after that many plus the open interviews (a bare `/exchange-sp` from new users, waiting for every answer).',
  '- **Start to ready**: spawn `node dist/src/main.js` with the Slack env and a fresh SQLite directory (migration included), poll GET /healthz every 5 ms; median of 5 runs.',
  '',
  '**Reading the figures.** Latencies are autocannon HDR histograms in whole milliseconds, measured from writing the request to reading the answer, so under saturation they mostly reflect queueing (connections ÷ throughput). Slack retries an interaction whose ack takes more than 3 s, so p99 near 3000 ms is the line to watch. No test asserts timings; `test/bench/report.test.ts` only checks this report.',
];
