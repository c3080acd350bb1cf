/** A campaign's waves before it is posted: the pilot alone in wave 1, the rest after it, no gaps. */
import { choosePilot, moveToWave, normalizeWaves, removeServer } from '../../../src/campaign/waves';

const servers = (waves: number[]) => waves.map((wave, i) => ({ name: `S${i + 1}`, wave }));
const waves = (list: { name: string; wave: number }[]) => Object.fromEntries(list.map((s) => [s.name, s.wave]));

test('waves are numbered from 1 without gaps, the pilot alone in wave 1', () => {
  expect(waves(normalizeWaves(servers([1, 4, 4, 9])))).toEqual({ S1: 1, S2: 2, S3: 2, S4: 3 });
  expect(waves(normalizeWaves(servers([3, 5])))).toEqual({ S1: 1, S2: 2 });
});

test('"pilot S3" swaps the pilot with S3', () => {
  const result = choosePilot(servers([1, 2, 3]), 's3');
  expect(result.ok && waves(result.servers)).toEqual({ S1: 3, S2: 2, S3: 1 });
  expect(choosePilot(servers([1, 2]), 'S9')).toMatchObject({ ok: false, problem: { key: 'campaign.refused.unknownServer', params: { names: 'S1, S2' } } });
});

test('"wave 5 S2" puts S2 after the others; wave 1 and the pilot are refused', () => {
  const later = moveToWave(servers([1, 2, 2]), 5, ['S2']);
  expect(later.ok && waves(later.servers)).toEqual({ S1: 1, S2: 3, S3: 2 });
  expect(later).toMatchObject({ note: { key: 'campaign.wave.set', params: { wave: 3, servers: 'S2' } } });
  const back = moveToWave(servers([1, 2, 3]), 2, ['S3']);
  expect(back.ok && waves(back.servers)).toEqual({ S1: 1, S2: 2, S3: 2 });
  expect(moveToWave(servers([1, 2]), 1, ['S2'])).toMatchObject({ ok: false, problem: { key: 'campaign.refused.pilotWave' } });
  expect(moveToWave(servers([1, 2]), 2, ['S1'])).toMatchObject({ ok: false, problem: { key: 'campaign.refused.movePilot' } });
  expect(moveToWave(servers([1, 2]), undefined, ['S2'])).toMatchObject({ ok: false, problem: { key: 'campaign.refused.waveNumber' } });
});

test('removing the pilot makes the first server left the pilot', () => {
  const result = removeServer(servers([1, 2, 3]), 'S1');
  expect(result.ok && waves(result.servers)).toEqual({ S2: 1, S3: 2 });
});
