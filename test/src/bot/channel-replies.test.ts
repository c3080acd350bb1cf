/** "export <id>": the id as typed, whole, also when it begins or ends with - or _ (rollout ids are base64url). */
import { exportedRolloutId } from '../../../src/bot/channel-replies';

test.each([
  ['json -Z4VVPUzxdG-NdgV', '-Z4VVPUzxdG-NdgV'],
  ['_abc123DEF456ghi-', '_abc123DEF456ghi-'],
  ['r7aQ2mX9pL0sK3vB csv', 'r7aQ2mX9pL0sK3vB'],
  ['json', undefined],
  ['', undefined],
])('export %s', (rest, id) => {
  expect(exportedRolloutId(rest)).toBe(id);
});
