/**
 * The order of a campaign's servers before it is posted: wave 1 is the pilot, one
 * server on its own (the first one named, unless the owner chooses another); the
 * others follow in wave 2, or in later waves the owner puts them in. Waves are kept
 * numbered 1, 2, 3... without gaps, so "wave 5 OLD55" with two waves in use makes it
 * wave 3.
 */
import { msg, type Msg } from '../../conversations/strings';
import { sameServer } from '../../conversations/campaign/words';
import { MAX_CAMPAIGN_SERVERS } from './model';

export interface Waved {
  name: string;
  wave: number;
}

export type WaveChange<T extends Waved> = { ok: true; servers: T[]; note: Msg } | { ok: false; problem: Msg };

/** Waves renumbered 1, 2, 3... in their order; the pilot stays alone in wave 1. */
export function normalizeWaves<T extends Waved>(servers: T[]): T[] {
  if (servers.length === 0) return servers;
  const pilots = servers.filter((s) => s.wave === 1);
  const pilot = pilots[0] ?? servers.reduce((min, s) => (s.wave < min.wave ? s : min), servers[0]);
  const used = [...new Set(servers.filter((s) => s !== pilot).map((s) => (s.wave <= 1 ? 2 : s.wave)))].sort((a, b) => a - b);
  return servers.map((s) => ({ ...s, wave: s === pilot ? 1 : used.indexOf(s.wave <= 1 ? 2 : s.wave) + 2 }));
}

/** The wave a new server joins: the last one in use, and never the pilot's. */
export function waveForNewServer(servers: Waved[]): number {
  if (servers.length === 0) return 1;
  return Math.max(2, ...servers.map((s) => s.wave));
}

export function indexOfServer(servers: Waved[], name: string): number {
  return servers.findIndex((s) => sameServer(s.name, name));
}

export function unknownServer(servers: Waved[], name: string): Msg {
  return msg('campaign.refused.unknownServer', { name, names: servers.map((s) => s.name).join(', ') });
}

/** "pilot CLUS1": CLUS1 goes first, alone; the pilot it replaces takes its place. */
export function choosePilot<T extends Waved>(servers: T[], name: string): WaveChange<T> {
  const i = indexOfServer(servers, name);
  if (i < 0) return { ok: false, problem: unknownServer(servers, name) };
  const chosen = servers[i];
  const swapped = servers.map((s) => (s === chosen ? { ...s, wave: 1 } : s.wave === 1 ? { ...s, wave: chosen.wave === 1 ? 2 : chosen.wave } : s));
  return { ok: true, servers: normalizeWaves(swapped), note: msg('campaign.pilot.set', { server: chosen.name }) };
}

/** "wave 3 OLD55 EXCH4": those servers move to that wave (2 or later; the pilot stays where it is). */
export function moveToWave<T extends Waved>(servers: T[], wave: number | undefined, names: string[]): WaveChange<T> {
  if (wave === undefined || wave < 1 || wave > MAX_CAMPAIGN_SERVERS) {
    return { ok: false, problem: msg('campaign.refused.waveNumber', { max: MAX_CAMPAIGN_SERVERS }) };
  }
  const moving: T[] = [];
  for (const name of names) {
    const i = indexOfServer(servers, name);
    if (i < 0) return { ok: false, problem: unknownServer(servers, name) };
    moving.push(servers[i]);
  }
  if (moving.length === 0) return { ok: false, problem: msg('campaign.refused.waveNumber', { max: MAX_CAMPAIGN_SERVERS }) };
  if (wave === 1) return { ok: false, problem: msg('campaign.refused.pilotWave', { server: moving[0].name }) };
  const pilot = moving.find((s) => s.wave === 1);
  if (pilot) return { ok: false, problem: msg('campaign.refused.movePilot', { server: pilot.name }) };
  // Stretch the waves by ten so the new number lands where it was asked, then close the gaps.
  const spread = servers.map((s) => (moving.includes(s) ? { ...s, wave: wave * 10 } : { ...s, wave: s.wave * 10 }));
  const result = normalizeWaves(spread.map((s) => (s.wave === 10 ? { ...s, wave: 1 } : s)));
  const landed = result.find((s) => sameServer(s.name, moving[0].name))?.wave ?? wave;
  return { ok: true, servers: result, note: msg('campaign.wave.set', { wave: landed, servers: moving.map((s) => s.name).join(', ') }) };
}

/** "remove OLD55": it leaves the campaign; if it was the pilot, the first server left becomes the pilot. */
export function removeServer<T extends Waved>(servers: T[], name: string): WaveChange<T> {
  const i = indexOfServer(servers, name);
  if (i < 0) return { ok: false, problem: unknownServer(servers, name) };
  const gone = servers[i];
  let rest = servers.filter((s) => s !== gone);
  if (gone.wave === 1 && rest.length > 0) rest = rest.map((s, j) => (j === 0 ? { ...s, wave: 1 } : s));
  return { ok: true, servers: normalizeWaves(rest), note: msg('campaign.removed', { server: gone.name }) };
}
