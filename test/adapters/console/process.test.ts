/**
 * The console chat as a script uses it: the built app (.test-dist, compiled by the
 * global setup) as a child process with piped input, a clean environment and a temp
 * folder. The README's own example posts a plan; an interview cut short says so,
 * exits 1 and goes on in the next process on the same SQLite file; piped input gets
 * no plan dump at start; a refused line exits 1; LANG=nl_NL.UTF-8 speaks Dutch.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MAIN_JS } from '../../support/app-process';

interface Run {
  status: number | null;
  out: string;
  err: string;
}

let cwd: string;
beforeEach(() => {
  cwd = mkdtempSync(path.join(tmpdir(), 'exchange-sp-console-'));
});
afterEach(() => rmSync(cwd, { recursive: true, force: true }));

/** Runs a shell pipeline whose `npm run chat` is the built app (npm run chat = build, then this). */
function shell(pipeline: string, env: Record<string, string | undefined> = {}): Promise<Run> {
  const command = pipeline.replace(/npm run chat$/, `"${process.execPath}" "${MAIN_JS}" --console`);
  const child = spawn('/bin/sh', ['-c', command], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: cwd, CONSOLE_USER: 'alice', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  return new Promise((resolve) => child.once('close', (status) => resolve({ status, out, err })));
}

const chat = (lines: string[], env?: Record<string, string | undefined>) =>
  shell(`printf '${lines.map((l) => `${l}\\n`).join('')}' | npm run chat`, env);

test("the README's piped example posts a plan and exits 0", async () => {
  const readme = readFileSync(path.resolve(__dirname, '../../../README.md'), 'utf8');
  const example = /`(printf '[^`]*' \| npm run chat)`/.exec(readme)?.[1];
  expect(example).toBeDefined();
  const run = await shell(example!);
  expect(run).toMatchObject({ status: 0, err: '' });
  // The console is "here", not a channel; the plan says what can be done now first.
  expect(run.out).toContain('Posted here: Service pack rollout plan for Exchange 2000 (#1).');
  expect(run.out).toContain('» 0 of 6 steps done · next: steps 1–4');
  expect(run.out).toContain('NEXT UP');
  expect(run.out).toContain('BEFORE YOU START');
  expect(run.out).toMatch(/\[>\] 1\. Read the release notes of the service pack\n/);
  expect(run.out).toMatch(/\[\.\] 5\. Install the service pack · waits for steps 1–4/);
  expect(run.out).not.toMatch(/click/i);
});

describe.each([
  {
    lang: 'en',
    env: {},
    first: ['2000 standard sp'],
    rest: ['no', 'no', 'post'],
    banner: 'exchange-sp console chat. Type your answers, or "help".',
    commands: /During a rollout: confirm N \| .* \| export \[json\] \| quit/,
    typed: '(Type yes or no (or 1 or 2).)',
    ended: 'The chat ended before the plan was posted. Your answers so far are kept',
    posted: 'Posted here: Service pack rollout plan for Exchange 2000 (#1).',
    status: 'Open rollouts here',
    noStep: '! There is no step 99:',
  },
  {
    lang: 'nl',
    env: { LANG: 'nl_NL.UTF-8' },
    first: ['2000 standaard servicepack'],
    rest: ['nee', 'nee', 'plaatsen'],
    banner: 'exchange-sp-consolechat. Typ uw antwoorden, of "help".',
    commands: /Tijdens een uitrol: bevestig N \| .* \| exporteer \[json\] \| stoppen/,
    typed: '(Typ ja of nee (of 1 of 2).)',
    ended: 'De chat stopte voordat het plan was geplaatst. Uw antwoorden tot nu toe blijven bewaard',
    posted: 'Geplaatst hier: Uitrolplan servicepack voor Exchange 2000 (#1).',
    status: 'Lopende uitrollen hier',
    noStep: '! Er is geen stap 99:',
  },
])('in $lang', (c) => {
  test('an interview cut short says so, exits 1, and the next process on the same file finishes it', async () => {
    const first = await chat([...c.first, 'help'], c.env);
    expect(first.status).toBe(1);
    expect(first.out.startsWith(c.banner)).toBe(true);
    expect(first.out).toMatch(c.commands);
    expect(first.out).toContain(c.typed);
    // Nothing to click in a terminal: the cards say "type", help included.
    expect(first.out).not.toMatch(/click|klik|button|knop/i);
    expect(first.out).toContain(c.ended);

    const second = await chat(c.rest, c.env);
    expect(second.status).toBe(0);
    expect(second.out).toContain(c.posted);
    expect(second.out).not.toContain(c.ended);
  });

  test('with piped input nothing of the open rollout is dumped at start, and a refused line exits 1', async () => {
    expect((await chat([...c.first, ...c.rest], c.env)).status).toBe(0);
    const status = await chat(['status'], c.env);
    expect(status.status).toBe(0);
    expect(status.out).toContain(c.status);
    expect(status.out).not.toMatch(/\[[ >]\] 1\./);
    const refused = await chat(['confirm 99'], c.env);
    expect(refused.status).toBe(1);
    expect(refused.out).toContain(c.noStep);
  });
});
