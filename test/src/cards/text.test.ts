/**
 * The plan as plain text (the console chat): the same reading order as the cards —
 * progress, "Next up" in full, the plan one line a step with where it stands — and
 * marks that say each state without colour, in English and Dutch.
 */
import { drawPlanCard } from '../../../src/cards/plan-card';
import { renderCardAsText } from '../../../src/cards/text';
import { ANSWER_SETS, planCardWithProgress, progressEvents, rolloutOf } from '../../adapters/teams/fixtures';

const CLUSTER = ANSWER_SETS['active/passive Exchange 2000 cluster, service pack'];

const WORDS = {
  en: {
    lines: [
      '» 2 of 10 steps done (1 skipped) · next: steps 3–5',
      'NEXT UP',
      '[!] 3. Close antivirus and stop what need not run now',
      '      ! Problem reported by Bob de Vries · 24 Nov 2024 10:32 UTC: setup says files in use',
      '[x] 1. Read the release notes of the service pack · Done by Alice Jansen · 24 Nov 2024 10:32 UTC',
      '[-] 2. Make a full backup, system state included · Skipped by Bob de Vries · 24 Nov 2024 10:32 UTC · reason: done *last* night by_on-call [x](y)',
      '[>] 4. Check that no Setup, Update or Xcopy is running · next up',
      '[.] 6. Install the service pack on NODE-B · waits for steps 3–5',
      '[!] 10. Make a new full backup of the Exchange databases · waits for step 9',
      'WHO MAY ACT',
      'Anyone in this channel can confirm steps.',
      '  (To change it, type: operators @name … or operators anyone.)',
    ],
    refusal: '      ! Step 6 must wait for steps 3–5: confirm or skip those first.',
  },
  nl: {
    lines: [
      '» 2 van 10 stappen klaar (1 overgeslagen) · volgende: stappen 3–5',
      'NU TE DOEN',
      '[!] 3. Sluit antivirus af en stop wat nu niet hoeft te draaien',
      '      ! Probleem gemeld door Bob de Vries · 24 nov 2024 10:32 UTC: setup says files in use',
      '[x] 1. Lees de releasenotes van het servicepack · Klaar, door Alice Jansen · 24 nov 2024 10:32 UTC',
      '[-] 2. Maak een volledige back-up, systeemstatus inbegrepen · Overgeslagen door Bob de Vries · 24 nov 2024 10:32 UTC · reden: done *last* night by_on-call [x](y)',
      '[>] 4. Controleer dat Setup, Update en Xcopy niet draaien · nu te doen',
      '[.] 6. Installeer het servicepack op NODE-B · wacht op stappen 3–5',
      '[!] 10. Maak een nieuwe volledige back-up van de Exchange-databases · wacht op stap 9',
      'WIE MAG AFHANDELEN',
      'Iedereen in dit kanaal kan stappen bevestigen.',
      '  (Typ om dit te wijzigen: uitvoerders @naam … of uitvoerders iedereen.)',
    ],
    refusal: '      ! Stap 6 moet wachten op de stappen 3–5: bevestig die eerst of sla ze over.',
  },
} as const;

describe.each(['en', 'nl'] as const)('the plan as text, in %s', (locale) => {
  const w = WORDS[locale];
  const text = renderCardAsText(planCardWithProgress(CLUSTER, locale)).text;
  const lines = text.split('\n');

  it('reads in order: progress, what to do now, then every step on one line with where it stands', () => {
    const at = w.lines.map((line) => lines.indexOf(line));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    // FACTS ids are for the details and the export, not the plan.
    expect(text).not.toContain('E2K-');
    expect(text).toContain('KB 328839 · read KB 255602, 260745'.replace('read', locale === 'en' ? 'read' : 'lees'));
  });

  it('a refusal is printed under its step', () => {
    const rollout = rolloutOf(CLUSTER, locale);
    const reason = w.refusal.trim().slice(2);
    const refused = renderCardAsText(drawPlanCard(rollout, progressEvents(rollout), { refusal: { at: 'apply-node-b', text: reason } })).text.split('\n');
    expect(refused[refused.findIndex((l) => l.startsWith('[.] 6.')) + 1]).toBe(w.refusal);
  });
});
