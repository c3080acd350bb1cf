/**
 * The campaign interview's cards, shown to the interviewed person only: a server's
 * question (the single-server interview's own card, headed with which server it is
 * about), the question for a server's name, the campaign's summary with its waves,
 * and help. Like the interview's cards, each says in words what a console user types.
 */
import { msg, t, where, type Msg } from '../../conversations/strings';
import type { Answers, Locale, Place } from '../../conversations/types';
import { summaryItems } from '../../conversations/interview/describe';
import type { Button, Card, CardBlock } from './model';
import type { UserRef } from '../rollout/model';
import { windowText } from './live-lines';
import type { MaintenanceWindow } from '../rollout/live-model';

/** What these cards show of a server being described (the interview's draft has more). */
interface DraftServer {
  name: string;
  wave: number;
  dialog: { answers: Answers; place?: Place };
}

const title = (locale: Locale) => t(locale, 'campaign.interview.title');

export function noteBlocks(locale: Locale, notes: Msg[], problems: Msg[]): CardBlock[] {
  return [
    ...notes.map((m): CardBlock => ({ type: 'context', text: t(locale, m) })),
    ...problems.map((m): CardBlock => ({ type: 'text', style: 'warning', text: t(locale, m) })),
  ];
}

function navButtons(locale: Locale): Button[] {
  return [
    { label: t(locale, 'interview.button.help'), action: { k: 'dialog', c: 'help' } },
    { label: t(locale, 'interview.button.cancel'), action: { k: 'dialog', c: 'cancel' }, style: 'danger' },
    { label: t(locale, 'interview.button.otherLanguage'), action: { k: 'lang', l: locale === 'en' ? 'nl' : 'en' } },
  ];
}

/** The interview's own card for one server, headed with the campaign and which server it is. */
export function serverCard(locale: Locale, servers: DraftServer[], index: number, card: Card, before: CardBlock[]): Card {
  const server = servers[index];
  const where = t(locale, msg('campaign.interview.server', { position: index + 1, count: servers.length, server: server.name }));
  const rest = card.blocks[0]?.type === 'header' ? card.blocks.slice(1) : card.blocks;
  return { fallback: `${where} · ${card.fallback}`, blocks: [{ type: 'header', text: title(locale) }, ...before, { type: 'context', text: where }, ...rest] };
}

/** "What is the next server called?" */
export function nameCard(locale: Locale, which: 'first' | 'next', before: CardBlock[]): Card {
  const prompt = t(locale, which === 'first' ? 'campaign.interview.askName.first' : 'campaign.interview.askName.next');
  return {
    fallback: prompt,
    blocks: [
      { type: 'header', text: title(locale) },
      ...before,
      { type: 'text', style: 'strong', text: prompt },
      { type: 'text', style: 'muted', text: t(locale, 'interview.hint.name') },
      { type: 'actions', buttons: navButtons(locale) },
    ],
  };
}

/** One server's answers on one line. */
function answersLine(locale: Locale, server: DraftServer): string {
  const answers = summaryItems(server.dialog.answers)
    .map((item) => `${t(locale, item.label)}: ${typeof item.value === 'string' ? item.value : t(locale, item.value)}`)
    .join('; ');
  return t(locale, msg('campaign.summary.server', { server: server.name, answers }));
}

export function campaignSummaryCard(locale: Locale, servers: DraftServer[], operators: UserRef[], before: CardBlock[], window?: MaintenanceWindow): Card {
  const blocks: CardBlock[] = [{ type: 'header', text: t(locale, msg('campaign.summary.title', { count: servers.length })) }, ...before];
  const waves = [...new Set(servers.map((s) => s.wave))].sort((a, b) => a - b);
  for (const wave of waves) {
    blocks.push({ type: 'text', style: 'strong', text: t(locale, wave === 1 ? 'campaign.summary.pilot' : msg('campaign.summary.wave', { wave })) });
    blocks.push({ type: 'text', text: servers.filter((s) => s.wave === wave).map((s) => answersLine(locale, s)).join('\n') });
  }
  const anyone = t(locale, 'interview.operators.anyone', { where: where(locale, servers[0]?.dialog.place) });
  const who = operators.length === 0 ? anyone : operators.map((o) => o.name).join(', ');
  blocks.push(
    {
      type: 'facts',
      items: [
        { label: t(locale, 'interview.label.operators'), value: who },
        ...(window ? [{ label: t(locale, 'live.label.window'), value: windowText(locale, window) }] : []),
      ],
    },
    { type: 'text', style: 'muted', text: t(locale, 'campaign.summary.how') },
    { type: 'text', text: t(locale, 'campaign.summary.post') },
    {
      type: 'actions',
      buttons: [
        { label: t(locale, 'campaign.button.post'), action: { k: 'dialog', c: 'confirm' }, style: 'primary' },
        { label: t(locale, 'campaign.button.add'), action: { k: 'answer', q: 'campaign', v: 'add' } },
        ...navButtons(locale),
      ],
    },
  );
  return { fallback: t(locale, msg('campaign.summary.fallback', { count: servers.length })), blocks };
}

export function campaignHelpCard(locale: Locale): Card {
  return {
    fallback: t(locale, 'interview.help.fallback'),
    blocks: [
      { type: 'header', text: t(locale, 'interview.help.title') },
      { type: 'text', text: t(locale, 'campaign.interview.help.what') },
      { type: 'text', text: t(locale, 'campaign.interview.help.start') },
      { type: 'text', text: t(locale, 'campaign.summary.how') },
    ],
  };
}

export function campaignCancelledCard(locale: Locale): Card {
  const text = t(locale, 'campaign.interview.cancelled');
  return { fallback: text, blocks: [{ type: 'text', text }] };
}

/**
 * The remarks the interview made about one server's answers (what it understood, what
 * it left out and why), taken from its card, each headed with the server's name.
 */
export function remarksAbout(locale: Locale, server: string, card: Card): CardBlock[] {
  const out: CardBlock[] = [];
  for (const block of card.blocks.slice(1)) {
    const remark = block.type === 'context' || (block.type === 'text' && block.style !== 'strong');
    if (!remark) break;
    out.push({ ...block, text: t(locale, msg('campaign.interview.about', { server, text: block.text })) });
  }
  return out;
}
