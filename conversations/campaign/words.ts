/**
 * The words of a campaign interview, in English and Dutch: a list of servers
 * ("EXCH1 2000 enterprise; OLD55 5.5 standard"), "add another server" (nog een server),
 * "pilot CLUS1", "wave 3 OLD55" (golf 3 OLD55), "remove OLD55" (verwijder), "change
 * EXCH1" (wijzig), and for posted campaigns "release wave 2 <reason>" (vrijgeven) and
 * step commands that name their server ("confirm EXCH1 3") or the shared steps
 * ("confirm shared 1", "bevestig gedeeld 1"). Every pattern is anchored and has no
 * nested repetition, so reading stays linear in the text (which is at most
 * MAX_INTERVIEW_TEXT long when it reaches an interview).
 */
import { NETBIOS_NAME } from '../types';
import { msg, type Msg } from '../strings';
import { parseText } from '../interview/parse';

/** What separates the servers in a list typed at once. */
export const SERVER_SEPARATOR = ';';

export type CampaignCommand =
  /** "add another server", maybe with the next server's name and answers after it. */
  | { kind: 'add'; rest: string }
  | { kind: 'pilot'; server: string }
  /** `wave` is undefined when it is not a number. */
  | { kind: 'wave'; wave?: number; servers: string[] }
  | { kind: 'remove'; server: string }
  | { kind: 'change'; server: string };

const ADD =
  /^\s*(?:add\s+(?:another|a|one\s+more)\s+server|another\s+server|one\s+more\s+server|nog\s+een\s+server|server\s+toevoegen|voeg\s+(?:nog\s+)?een\s+server\s+toe)(?![\w-])[\s:,.-]*([\s\S]*)$/i;
const PILOT = /^\s*(?:pilot|piloot)\s+(\S+)\s*$/i;
const WAVE = /^\s*(?:wave|golf)\s+(\S+)\s+(\S[\s\S]*)$/i;
const REMOVE = /^\s*(?:remove|verwijder)\s+(\S+)\s*$/i;
const CHANGE = /^\s*(?:change|wijzig|wijzigen)\s+(\S+)\s*$/i;

/** A server's name as typed, without the punctuation around it ("EXCH1:", "EXCH1,"). */
export function cleanName(word: string): string {
  return word.replace(/^[("'“]+/, '').replace(/[)"'”:,.;]+$/, '');
}

function names(text: string): string[] {
  return text.split(/[\s,]+/).map(cleanName).filter(Boolean);
}

/** The campaign command this text is, if any ("change EXCH1" only names a server: the caller checks it is one). */
export function parseCampaignCommand(text: string): CampaignCommand | undefined {
  const add = ADD.exec(text);
  if (add) return { kind: 'add', rest: add[1].trim() };
  const pilot = PILOT.exec(text);
  if (pilot) return { kind: 'pilot', server: cleanName(pilot[1]) };
  const wave = WAVE.exec(text);
  if (wave) {
    const number = /^\d{1,2}$/.test(wave[1]) ? Number(wave[1]) : undefined;
    return { kind: 'wave', ...(number !== undefined ? { wave: number } : {}), servers: names(wave[2]) };
  }
  const remove = REMOVE.exec(text);
  if (remove) return { kind: 'remove', server: cleanName(remove[1]) };
  const change = CHANGE.exec(text);
  if (change) return { kind: 'change', server: cleanName(change[1]) };
  return undefined;
}

/** The parts of a list of servers ("A ...; B ..."), or undefined when the text is not one. */
export function serverList(text: string): string[] | undefined {
  if (!text.includes(SERVER_SEPARATOR)) return undefined;
  const parts = text.split(SERVER_SEPARATOR).map((p) => p.trim()).filter(Boolean);
  return parts.length >= 1 ? parts : undefined;
}

export type ServerPart = { ok: true; name: string; rest: string } | { ok: false; problem: Msg };

/** A word that can only be a name: a NetBIOS name the interview does not read as an answer or a command. */
export function isServerName(word: string): boolean {
  if (!NETBIOS_NAME.test(word)) return false;
  const parsed = parseText(word);
  return (
    Object.keys(parsed.answers).length === 0 &&
    !parsed.cluster &&
    parsed.command === undefined &&
    parsed.language === undefined &&
    parsed.operators === undefined &&
    parsed.yesNo.length === 0
  );
}

/** One part of a list: the server's name first, then its answers. */
export function readServerPart(part: string): ServerPart {
  const match = /^\s*(\S+)\s*([\s\S]*)$/.exec(part);
  if (!match) return { ok: false, problem: msg('campaign.refused.name.missing', { text: part.trim() }) };
  const name = cleanName(match[1]);
  if (isServerName(name)) return { ok: true, name, rest: match[2].trim() };
  // A word the interview reads ("2000", "enterprise"): the part has no name at all.
  const parsed = parseText(name);
  const known = Object.keys(parsed.answers).length > 0 || parsed.cluster || parsed.command !== undefined || parsed.yesNo.length > 0;
  if (known || name === '') return { ok: false, problem: msg('campaign.refused.name.missing', { text: part.trim().slice(0, 80) }) };
  return { ok: false, problem: msg('campaign.refused.name.invalid', { name: name.slice(0, 40) }) };
}

/** The same server name, in any case (NetBIOS names are case-insensitive). */
export function sameServer(a: string, b: string): boolean {
  return a.toUpperCase() === b.toUpperCase();
}
