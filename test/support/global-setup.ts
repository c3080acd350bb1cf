/**
 * Jest globalSetup: compiles the app once per run into .test-dist/, so the process
 * level suites (test/scale) spawn the real `node .test-dist/src/main.js` built from
 * the current sources instead of a stale dist/ (a few seconds on two cores).
 * It also turns on EXSP_STRICT_STRINGS for the whole run (conversations/strings).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export default function globalSetup(): void {
  // A message whose placeholder has no value throws in every test (and in the bot
  // processes the suites start), instead of showing "{where}" to a user.
  process.env.EXSP_STRICT_STRINGS = '1';
  const root = path.resolve(__dirname, '../..');
  const tsc = require.resolve('typescript/bin/tsc', { paths: [root] });
  const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--outDir', '.test-dist'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 180_000,
  });
  // tsc still emits on type errors; `npm test` reports those in its own tsc step, and a
  // half-edited file elsewhere in the tree must not stop every other suite from running.
  if (result.status !== 0 && !existsSync(path.join(root, '.test-dist/src/main.js'))) {
    throw new Error(`compiling the app for the process tests failed:\n${result.stdout}\n${result.stderr}`);
  }
  if (result.status !== 0) console.warn(`\n.test-dist built with type errors (see tsc):\n${result.stdout}`);
}
