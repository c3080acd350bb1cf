/**
 * Transcript tests through the whole stack: console chat -> bot -> dialog engine ->
 * plan builder -> SQLite file. What the admin types, what the bot answers, and the
 * steps of the posted plan in order, for the eight KB 328839 paths in both languages.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openConsole, type ConsoleSession } from './console-harness';

const alice = { id: 'alice', name: 'Alice' };
const BEFORE = 'release-notes full-backup stop-antivirus check-running-setup';

interface Row {
  path: string;
  lines: { en: string[]; nl: string[] };
  /** Step ids in order; `@NODE` where the step runs on a named node. */
  steps: string;
}

const rows: Row[] = [
  {
    path: '1. Exchange 2000 Standard, not clustered, with ADC, through Terminal Services',
    lines: { en: ['2000 standard sp adc ts', 'no', 'post'], nl: ['nl', '2000 standaard servicepack adc ts', 'nee', 'plaatsen'] },
    steps: `${BEFORE} export-adc-schema-maps apply-update restart-server upgrade-adc full-backup-after`,
  },
  {
    path: '2. Exchange 2000 active/passive cluster patches the passive node first',
    lines: {
      en: ['2000 enterprise active/passive EXCH1 EXCH2 evs EVS1 sp no adc', 'post'],
      nl: ['nl', '2000 enterprise actief/passief EXCH1 EXCH2 evs EVS1 servicepack geen adc', 'plaatsen'],
    },
    steps: `${BEFORE} apply-node-b@EXCH2 move-group-to-node-b@EXCH2 apply-node-a@EXCH1 full-backup-after`,
  },
  {
    path: '3. Exchange 2000 active/active cluster follows the five steps',
    lines: {
      en: ['2000 enterprise active/active NODE1 NODE2 EVS-A EVS-B hotfix store no adc', 'post'],
      nl: ['nl', '2000 enterprise actief/actief NODE1 NODE2 EVS-A EVS-B hotfix store geen adc', 'plaatsen'],
    },
    steps: `${BEFORE} move-evs-a-to-node-b@NODE2 apply-node-a@NODE1 move-both-evs-to-node-a@NODE1 check-evs-started-on-node-a@NODE1 apply-node-b@NODE2 full-backup-after`,
  },
  {
    path: '4. Exchange 2000 Conferencing Server',
    lines: { en: ['2000 conferencing sp no ts no adc', 'post'], nl: ['nl', '2000 conferencing servicepack geen ts geen adc', 'plaatsen'] },
    steps: `${BEFORE} apply-update full-backup-after`,
  },
  {
    path: '5. Small Business Server 2000',
    lines: { en: ['2000 sbs sp no adc no ts', 'post'], nl: ['nl', '2000 sbs servicepack geen adc geen ts', 'plaatsen'] },
    steps: `${BEFORE} apply-update full-backup-after`,
  },
  {
    path: '6. Exchange 5.5 not clustered, with Mailbox Manager and InterOrg Synchronization',
    lines: { en: ['5.5 standard sp mbm interorg', 'post'], nl: ['nl', '5.5 standaard servicepack mbm interorg', 'plaatsen'] },
    steps: `${BEFORE} apply-update update-mailbox-manager update-interorg-sync performance-optimizer full-backup-after`,
  },
  {
    path: '7. Exchange 5.5 cluster patches the active node first',
    lines: {
      en: ['5.5 enterprise cluster MAIL1 MAIL2 EVS55 sp no mbm no interorg', 'post'],
      nl: ['nl', '5.5 enterprise cluster MAIL1 MAIL2 EVS55 servicepack geen mbm geen interorg', 'plaatsen'],
    },
    steps: `${BEFORE} apply-node-a@MAIL1 apply-node-b@MAIL2 performance-optimizer full-backup-after`,
  },
  {
    path: '8. Exchange 5.5 on Small Business Server, with a hotfix: no Performance Optimizer (E55-3 speaks of service packs)',
    lines: { en: ['5.5 sbs hotfix no store no mbm no interorg', 'post'], nl: ['nl', '5.5 sbs hotfix geen store geen mbm geen interorg', 'plaatsen'] },
    steps: `${BEFORE} apply-update full-backup-after`,
  },
];

const LANGUAGE = {
  en: { understood: 'Understood:', before: 'BEFORE YOU START', progress: /0 of \d+ steps done/ },
  nl: { understood: 'Begrepen:', before: 'VOORDAT U BEGINT', progress: /0 van \d+ stappen klaar/ },
} as const;

describe('console transcripts of the eight KB 328839 paths', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'exsp-transcript-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  describe.each(['en', 'nl'] as const)('in %s', (locale) => {
    it.each(rows)('$path', async (row) => {
      const session: ConsoleSession = await openConsole(path.join(dir, `${locale}-${row.path.slice(0, 1)}.sqlite`), alice);
      try {
        const answers: string[] = [];
        for (const line of row.lines[locale]) answers.push(await session.say(line));
        const firstAnswerLine = row.lines[locale][0] === 'nl' ? answers[1] : answers[0];
        expect(firstAnswerLine).toContain(LANGUAGE[locale].understood);
        const posted = answers[answers.length - 1];
        expect(posted).toContain(LANGUAGE[locale].before);
        expect(posted).toMatch(LANGUAGE[locale].progress);

        const { rollout, events } = await session.latestRollout();
        expect(rollout.locale).toBe(locale);
        expect(rollout.plan.steps.map((s) => s.id + (s.node ? `@${s.node}` : '')).join(' ')).toBe(row.steps);
        expect(events.map((e) => e.type)).toEqual(['created']);
        // Each step is printed in plan order with its number, after what can be done now.
        const plan = posted.indexOf(LANGUAGE[locale].before);
        const numbered = rollout.plan.steps.map((_, i) => posted.indexOf(`] ${i + 1}. `, plan));
        expect(numbered.every((at) => at >= 0)).toBe(true);
        expect([...numbered].sort((a, b) => a - b)).toEqual(numbered);
      } finally {
        await session.close();
      }
    });
  });
});
