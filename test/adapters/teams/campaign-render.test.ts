/**
 * A campaign of 20 servers in Teams: the campaign card in every state, each server's
 * card and the interview's summary, in English and Dutch, as valid Adaptive Cards
 * (the adaptivecards library under Teams' host config) within the size we send.
 */
import { renderCardForTeams } from '../../../adapters/teams/render';
import { cardBytes, MAX_CARD_BYTES } from '../../../adapters/teams/adaptive-card';
import { LOCALES } from '../../../conversations/types';
import { drawCampaignCard, drawMemberCard } from '../../../src/cards/campaign';
import { campaignSummaryCard } from '../../../src/cards/campaign-interview';
import { newDialogState } from '../../../src/interview/engine';
import type { Card } from '../../../src/cards/model';
import { campaignIn, STATES, twentyServers } from '../../src/campaign/fixtures';
import { allTexts, cardProblems } from './helpers/validate-card';

function problems(card: Card): string[] {
  return renderCardForTeams(card).flatMap((c, i) => [
    ...cardProblems(c).map((p) => `card ${i + 1}: ${p}`),
    ...(cardBytes(c) > MAX_CARD_BYTES ? [`card ${i + 1}: ${cardBytes(c)} bytes`] : []),
  ]);
}

describe.each(LOCALES)('a campaign of 20 servers as Adaptive Cards (%s)', (locale) => {
  it.each(STATES)('the campaign card, %s', (state) => {
    for (const waves of ['one-each', 'pilot-then-all'] as const) {
      const { hub, hubEvents, view } = campaignIn(state, locale, waves);
      const card = drawCampaignCard(hub, hubEvents, view);
      expect({ state, waves, problems: problems(card) }).toEqual({ state, waves, problems: [] });
      const text = renderCardForTeams(card).flatMap((c) => allTexts(c)).join('\n');
      for (const m of view.members) expect(text).toContain(m.server);
    }
  });

  it.each(STATES)('each server card, %s', (state) => {
    const { members, view } = campaignIn(state, locale);
    for (const member of members) expect(problems(drawMemberCard(member, [{ rolloutId: member.id, seq: 1, type: 'created', actor: view.owner, at: member.createdAt }], view))).toEqual([]);
  });

  it('the interview summary of 20 servers', () => {
    const plans = twentyServers();
    const servers = plans.members.map((m) => ({ name: m.server, wave: m.wave, dialog: { ...newDialogState(locale, new Date()), answers: m.answers, stage: 'summary' as const } }));
    expect(problems(campaignSummaryCard(locale, servers, [], []))).toEqual([]);
  });
});
