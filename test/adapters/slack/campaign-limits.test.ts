/**
 * A campaign of 20 servers in Slack: the campaign card in every state, each server's
 * card and the interview's summary, in English and Dutch, checked message by message
 * against Block Kit's limits (test/kit/slack-limits-check.ts), however the card is split.
 */
import { renderCardForSlack } from '../../../adapters/slack';
import { LOCALES } from '../../../conversations/types';
import { drawCampaignCard, drawMemberCard } from '../../../src/cards/campaign';
import { campaignSummaryCard } from '../../../src/cards/campaign-interview';
import { newDialogState } from '../../../src/interview/engine';
import type { Card } from '../../../src/cards/model';
import { campaignIn, STATES, twentyServers } from '../../src/campaign/fixtures';
import { slackMessageViolations } from '../../kit/slack-limits-check';

function violations(card: Card): string[] {
  return renderCardForSlack(card).flatMap((m, i) => slackMessageViolations(m).map((v) => `message ${i + 1}: ${v}`));
}

describe.each(LOCALES)('a campaign of 20 servers fits Slack (%s)', (locale) => {
  it.each(STATES)('the campaign card, %s, one wave per server and pilot-then-all', (state) => {
    for (const waves of ['one-each', 'pilot-then-all'] as const) {
      const { hub, hubEvents, view } = campaignIn(state, locale, waves);
      const card = drawCampaignCard(hub, hubEvents, view);
      expect({ state, waves, problems: violations(card) }).toEqual({ state, waves, problems: [] });
      // Every server is on it, by name, with its wave.
      const text = renderCardForSlack(card).flatMap((m) => m.blocks).map((b) => JSON.stringify(b)).join('\n');
      for (const m of view.members) expect(text).toContain(m.server);
    }
  });

  it.each(STATES)('each server card, %s', (state) => {
    const { members, view } = campaignIn(state, locale);
    for (const member of members) expect(violations(drawMemberCard(member, [{ rolloutId: member.id, seq: 1, type: 'created', actor: view.owner, at: member.createdAt }], view))).toEqual([]);
  });

  it('the interview summary of 20 servers', () => {
    const plans = twentyServers();
    const servers = plans.members.map((m) => ({ name: m.server, wave: m.wave, dialog: { ...newDialogState(locale, new Date()), answers: m.answers, stage: 'summary' as const } }));
    expect(violations(campaignSummaryCard(locale, servers, [], []))).toEqual([]);
  });
});
