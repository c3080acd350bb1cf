/**
 * The bench's report formatter: BENCHMARKS.md states the machine, puts the app beside
 * the bare Bolt anchor with their ratio, says when the machine was busy, and explains
 * every figure. No timings are measured here.
 */
import { formatReport, type BenchFigures } from '../../bench/report';
import type { LoadResult } from '../../bench/load';

const load = (rps: number, p50: number, p99: number, connections = 50): LoadResult => ({
  connections,
  seconds: 5,
  requests: rps * 5,
  rps,
  p50,
  p99,
  max: p99 * 2,
  errors: 0,
  non2xx: 0,
  acked: rps * 5,
});

function figures(loadAverage: number): BenchFigures {
  return {
    date: '2025-01-01 10:00 UTC',
    machine: { cpu: 'Test CPU', cores: 2, memoryGb: 8, node: 'v20.0.0', os: 'Linux', loadAverage, bolt: '5.1.0', commit: 'abc1234' },
    seconds: 5,
    totalSeconds: 200,
    loadAverageEnd: loadAverage,
    slack: {
      rows: [
        { kind: 'click', setup: 'one process', connections: 50, app: load(1000, 20, 80), bolt: load(4000, 5, 20), slowApp: load(900, 22, 90), backlog: { pending: 120, oldestSeconds: 1.5 }, drainSeconds: 12.5 },
        { kind: 'click', setup: 'separate worker', connections: 50, app: load(3800, 6, 22), bolt: load(4000, 5, 20), backlog: { pending: 90, oldestSeconds: 0.8 } },
      ],
      rollouts: 2000,
      workspaces: 200,
      visible: { users: 50, thinkMs: 2000, seconds: 10, clicks: 250, acked: 250, visible: 248, superseded: 2, missing: 0, ackP50: 3, ackP99: 9, p50: 210, p99: 640, max: 800 },
      clicksSent: 5100,
      clicksAcked: 5000,
      eventsRecorded: 5050,
      slackCalls: { 'chat.update': 10 },
      blocked: [],
    },
    teams: { load: load(300, 100, 400), rollouts: 1000, clicksAcked: 1500, eventsRecorded: 1500, blocked: [] },
    store: { rows: [{ kind: 'sqlite', replicas: 1, perSecond: 2000, recorded: 10000, other: 0 }], lanes: 8, skipped: 'Postgres at x not reachable' },
    memory: { idle: { rss: 100, heap: 20 }, afterRollouts: { rss: 150, heap: 40 }, rollouts: 10000, withInterviews: { rss: 160, heap: 45 }, interviews: 1000, createSeconds: 60 },
    startup: { runsMs: [400, 420, 410], medianMs: 410 },
  };
}

describe('the benchmark report', () => {
  it('names the machine, the date and how to reproduce', () => {
    const text = formatReport(figures(0.1));
    expect(text).toContain('2025-01-01 10:00 UTC');
    expect(text).toContain('| CPU | Test CPU, 2 cores |');
    expect(text).toContain('| Node.js | v20.0.0 |');
    expect(text).toContain('`npm run bench`');
    expect(text).toContain('## bench/README: how it is measured');
  });

  it('puts the app beside the bare Bolt anchor with their ratio, and the slow-Slack run beside the fast one', () => {
    const text = formatReport(figures(0.1));
    expect(text).toContain('| block_actions Confirm/Undo | one process | 50 | 1,000 | 4,000 | 0.25× | 20 | 80 | 5 | 20 | 4.00× | 0 / 0 | 0 / 0 |');
    expect(text).toContain('| block_actions Confirm/Undo | separate worker | 50 | 3,800 | 4,000 | 0.95× | 6 | 22 | 5 | 20 | 1.10× | 0 / 0 | 0 / 0 |');
    expect(text).toContain('| block_actions Confirm/Undo | 50 | 1,000 | 900 | 20 | 22 | 80 | 90 | 0 / 0 |');
  });

  it('reports the delivery backlog after each click cell, and click-to-visible latency', () => {
    const text = formatReport(figures(0.1));
    expect(text).toContain('| one process | 50 | 120 | 1.5 | 12.5 |');
    expect(text).toContain('| separate worker | 50 | 90 | 0.8 | not within 120 s |');
    expect(text).toContain('| 250 | 250 | 248 | 2 | 0 | 3 | 9 | 210 | 640 | 800 |');
  });

  it('says when the machine was busy, and only then', () => {
    expect(formatReport(figures(3))).toContain('Something else was running when this run began');
    expect(formatReport(figures(0.1))).not.toContain('Something else was running when this run began');
  });

  it('reports store, memory, start-up and a skipped Postgres', () => {
    const text = formatReport(figures(0.1));
    expect(text).toContain('| sqlite | 1 | 2,000 | 10,000 | 0 |');
    expect(text).toContain('Postgres skipped: Postgres at x not reachable');
    expect(text).toContain('| idle, just started | 100.0 | | 20.0 | |');
    expect(text).toContain('| after 10,000 rollouts created through the flow | 150.0 | +50.0 | 40.0 | +20.0 |');
    expect(text).toContain('median **410 ms**');
  });
});
