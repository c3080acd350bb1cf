/**
 * Every text the bot says, in English and Dutch. Each area keeps its own pair of
 * files (`<area>.en.ts` declares the keys, `<area>.nl.ts` must provide every one of
 * them: a missing translation fails to compile). Placeholders are `{name}`. Areas:
 * interview, plan, rollout, card, console (the console chat's own words), reach (where
 * an interview runs, how to start one on each platform), campaign (several servers in waves),
 * campaign-close (a campaign's closing summary, releasing a wave from its card) and live
 * (the live change record).
 */
import type { Locale, Place } from '../types';
import { interviewEn } from './interview.en';
import { interviewNl } from './interview.nl';
import { planEn } from './plan.en';
import { planNl } from './plan.nl';
import { rolloutEn } from './rollout.en';
import { rolloutNl } from './rollout.nl';
import { cardEn } from './card.en';
import { cardNl } from './card.nl';
import { consoleEn } from './console.en';
import { consoleNl } from './console.nl';
import { reachEn } from './reach.en';
import { reachNl } from './reach.nl';
import { campaignEn } from './campaign.en';
import { campaignNl } from './campaign.nl';
import { campaignCloseEn } from './campaign-close.en';
import { campaignCloseNl } from './campaign-close.nl';
import { liveEn } from './live.en';
import { liveNl } from './live.nl';

export const en = { ...interviewEn, ...planEn, ...rolloutEn, ...cardEn, ...consoleEn, ...reachEn, ...campaignEn, ...campaignCloseEn, ...liveEn } as const;
export type MessageKey = keyof typeof en;
export const nl: Record<MessageKey, string> = { ...interviewNl, ...planNl, ...rolloutNl, ...cardNl, ...consoleNl, ...reachNl, ...campaignNl, ...campaignCloseNl, ...liveNl };

export const catalog: Record<Locale, Record<MessageKey, string>> = { en, nl };

export type MessageParams = Record<string, string | number>;

/** "in this channel", "in deze groepschat", "here": the `{where}` of a text, for a place. */
export function where(locale: Locale, place: Place = 'channel', away = false): string {
  return t(locale, (away ? PLACE_WORDS_AWAY : PLACE_WORDS)[place]);
}

const PLACE_WORDS: Record<Place, MessageKey> = {
  channel: 'card.place.channel',
  group: 'card.place.group',
  personal: 'card.place.personal',
  here: 'card.place.here',
};
/** Said about the place from somewhere else ("in the channel", from a personal chat). */
const PLACE_WORDS_AWAY: Record<Place, MessageKey> = {
  channel: 'card.place.channel.away',
  group: 'card.place.group.away',
  personal: 'card.place.personal.away',
  here: 'card.place.here.away',
};

/** A text not yet put in a language: a key and its parameters (kept in plans and events). */
export interface Msg {
  key: MessageKey;
  params?: MessageParams;
}

export function msg(key: MessageKey, params?: MessageParams): Msg {
  return params ? { key, params } : { key };
}

/**
 * Puts a message in the given language; a placeholder without a value stays visible as
 * `{name}` (and throws under EXSP_STRICT_STRINGS=1, which the test suite sets, so a
 * caller that forgets one fails its tests instead of showing braces to a user).
 * `params` fill a key's placeholders, and for a Msg they are defaults under its own
 * (how a caller adds what only it knows, such as `where` the conversation is).
 */
export function t(locale: Locale, message: Msg | MessageKey, params?: MessageParams): string {
  const m = typeof message === 'string' ? { key: message, params } : { ...message, params: { ...params, ...message.params } };
  const template = catalog[locale][m.key] ?? catalog.en[m.key] ?? m.key;
  const p = m.params ?? {};
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (Object.prototype.hasOwnProperty.call(p, name)) return String(p[name]);
    if (process.env.EXSP_STRICT_STRINGS === '1') throw new Error(`${m.key}: no value for {${name}}`);
    return whole;
  });
}
