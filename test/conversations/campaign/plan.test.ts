/**
 * A campaign's plans: every server keeps its own path's plan (buildPlan), less the
 * steps the campaign does once for the organisation; those shared steps appear once,
 * and still cite their FACTS ids; the gates stay consistent; in both languages.
 */
import { buildCampaignPlans, DC_BACKUP_STEP, RELEASE_NOTES_STEP } from '../../../conversations/campaign/plan';
import { buildPlan } from '../../../conversations/plan';
import { isFactId } from '../../../conversations/plan/facts';
import { t } from '../../../conversations/strings';
import { LOCALES } from '../../../conversations/types';
import { PATHS, allMsgs } from '../plan/fixtures';

const servers = Object.values(PATHS).map((answers, i) => ({ server: `SRV${i + 1}`, wave: i === 0 ? 1 : 2, answers }));
const plans = buildCampaignPlans(servers);

test('each of the eight paths keeps its own plan, less the release notes the campaign reads once', () => {
  plans.members.forEach((member, i) => {
    const own = buildPlan(servers[i].answers);
    expect(member.plan.steps.map((s) => s.id)).toEqual(own.steps.map((s) => s.id).filter((id) => id !== RELEASE_NOTES_STEP));
    // Same facts, same order, same nodes: only the full backup leaves the domain controllers to the campaign.
    for (const step of member.plan.steps) {
      const original = own.steps.find((s) => s.id === step.id)!;
      expect({ id: step.id, facts: step.facts, node: step.node, kbs: step.kbs }).toEqual({ id: original.id, facts: original.facts, node: original.node, kbs: original.kbs });
      // Every gate names a step of the same plan.
      for (const id of step.requires) expect(member.plan.steps.map((s) => s.id)).toContain(id);
    }
    expect(t('en', member.plan.title)).toMatch(new RegExp(`^SRV${i + 1}: `));
  });
});

test('the shared steps appear once: one release-notes step per kind of update, the domain controllers\' backup once', () => {
  const ids = plans.hub.steps.map((s) => s.id);
  expect(ids.filter((id) => id === DC_BACKUP_STEP)).toHaveLength(1);
  const notes = plans.hub.steps.filter((s) => s.id.startsWith(RELEASE_NOTES_STEP));
  // 2000 Std/Ent (paths 1-3), Conferencing, SBS 2000, and 5.5 (paths 6-8) read different release notes.
  expect(notes.map((s) => s.facts.join(' '))).toEqual(['E2K-2 K1', 'E2K-2 K2 C5', 'E2K-2 K1 C6', 'E55-2 K3']);
  expect(t('en', notes[0].details[0])).toBe('For SRV1, SRV2, SRV3.');
  expect(t('en', notes[3].details[0])).toBe('For SRV6, SRV7, SRV8.');
  expect(plans.hub.steps.find((s) => s.id === DC_BACKUP_STEP)?.facts).toEqual(['E2K-1', 'E55-1']);
  for (const step of plans.hub.steps) {
    expect(step.phase).toBe('before');
    for (const fact of step.facts) expect(isFactId(fact)).toBe(true);
  }
});

test('a campaign of servers of one kind reads its release notes once, for all of them', () => {
  const same = buildCampaignPlans([
    { server: 'A', wave: 1, answers: PATHS['1: Exchange 2000 Standard, not clustered'] },
    { server: 'B', wave: 2, answers: PATHS['2: Exchange 2000 active/passive cluster'] },
  ]);
  expect(same.hub.steps.map((s) => s.id)).toEqual([RELEASE_NOTES_STEP, DC_BACKUP_STEP]);
  expect(same.hub.steps[1].facts).toEqual(['E2K-1']);
});

test.each(LOCALES)('every campaign text exists in %s, without a placeholder left', (locale) => {
  for (const plan of [plans.hub, ...plans.members.map((m) => m.plan)]) {
    for (const m of allMsgs(plan)) expect(t(locale, m)).not.toMatch(/\{\w+\}|^campaign\./);
  }
});
