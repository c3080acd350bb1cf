/**
 * The campaign interview as a pure function, for what the transcripts do not reach:
 * the limit of 20 servers, posting needs two complete servers, a language chosen in
 * one server's questions is the campaign's, cancel ends it all, a stale click.
 */
import { t } from '../../../conversations/strings';
import { renderCardAsText } from '../../../src/cards/text';
import { startCampaign, stepCampaign } from '../../../src/interview/campaign';
import type { CampaignResult } from '../../../src/interview/campaign-model';
import type { DialogContext } from '../../../src/interview/types';

const ctx: DialogContext = { locale: 'en', now: new Date('2026-11-24T09:00:00Z'), user: { id: 'U1', name: 'Alice' } };
const shown = (result: CampaignResult) => result.outputs.map((o) => (o.type === 'post-campaign' ? 'POST' : renderCardAsText(o.card).text)).join('\n---\n');
const complete = (name: string) => `${name} 2000 standard sp no adc no ts`;

test('a list of 21 servers keeps 20 and names the one left out', () => {
  const parts = Array.from({ length: 21 }, (_, i) => complete(`SRV${i + 1}`));
  const result = startCampaign(parts, 'en', ctx);
  expect(result.state?.servers).toHaveLength(20);
  expect(shown(result)).toContain('! A campaign plans at most 20 servers, so SRV21 was left out.');
  expect(shown(result)).toContain('== Campaign: 20 servers ==');
  // Adding one more is refused the same way.
  expect(shown(stepCampaign(result.state!, { type: 'text', text: `add another server ${complete('SRV22')}` }, ctx))).toContain('SRV22 was left out');
});

test('posting needs at least two servers, each with every answer', () => {
  const one = startCampaign([complete('EXCH1')], 'en', ctx);
  expect(shown(stepCampaign(one.state!, { type: 'text', text: 'post' }, ctx))).toContain('! A campaign needs at least 2 servers');
  const two = startCampaign([complete('EXCH1'), complete('EXCH2')], 'en', ctx);
  const posted = stepCampaign(two.state!, { type: 'command', command: 'confirm' }, ctx);
  expect(posted.state).toBeUndefined();
  expect(posted.outputs).toEqual([
    {
      type: 'post-campaign',
      locale: 'en',
      operators: [],
      servers: [
        { server: 'EXCH1', wave: 1, answers: expect.objectContaining({ version: '2000', product: 'standard', change: 'service-pack' }) },
        { server: 'EXCH2', wave: 2, answers: expect.objectContaining({ version: '2000' }) },
      ],
    },
  ]);
});

test('"nl" in one server\'s questions switches the whole campaign; cancel ends it', () => {
  const started = startCampaign(['EXCH1 2000 standard', 'OLD55 5.5 standard'], 'en', ctx);
  const dutch = stepCampaign(started.state!, { type: 'text', text: 'nl' }, ctx);
  expect(dutch.state?.locale).toBe('nl');
  expect(dutch.state?.servers.map((s) => s.dialog.locale)).toEqual(['nl', 'nl']);
  expect(shown(dutch)).toContain('Server 1 van 2: EXCH1');
  const cancelled = stepCampaign(dutch.state!, { type: 'text', text: 'annuleren' }, ctx);
  expect(cancelled.state).toBeUndefined();
  expect(shown(cancelled)).toBe(t('nl', 'campaign.interview.cancelled'));
});

test('a click on a question no server is asking is stale and changes nothing', () => {
  const two = startCampaign([complete('EXCH1'), complete('EXCH2')], 'en', ctx);
  const stale = stepCampaign(two.state!, { type: 'answer', question: 'version', value: '5.5' }, ctx);
  expect(stale.state?.servers).toEqual(two.state?.servers);
  expect(shown(stale)).toContain(t('en', 'interview.why.stale'));
});

test('the "Add another server" button asks for a name; an answer with it adds the server', () => {
  const two = startCampaign([complete('EXCH1'), complete('EXCH2')], 'en', ctx);
  const asking = stepCampaign(two.state!, { type: 'answer', question: 'campaign', value: 'add' }, ctx);
  expect(shown(asking)).toContain('WHAT IS THE NEXT SERVER CALLED?');
  const added = stepCampaign(asking.state!, { type: 'text', text: 'OLD55 5.5 standard no no' }, ctx);
  expect(added.state?.servers.map((s) => [s.name, s.wave])).toEqual([['EXCH1', 1], ['EXCH2', 2], ['OLD55', 2]]);
  expect(shown(added)).toContain('== Campaign: 3 servers ==');
});
