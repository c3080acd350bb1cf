/**
 * Every environment variable the app reads is documented where a new user looks: the
 * README's configuration table and .env.example (ARCHITECTURE: ".env.example lists
 * every variable with a comment").
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
/** The shell's own variables: read, but not ours to document. */
const SYSTEM = new Set(['HOME', 'PATH', 'LANG', 'LC_ALL', 'LC_MESSAGES']);

function variablesRead(): string[] {
  const names = new Set<string>();
  for (const match of read('src/runtime/config.ts').matchAll(/\(env, '([A-Za-z_][A-Za-z0-9_]*)'/g)) names.add(match[1]);
  for (const file of ['manifest/teams/package.ts', 'adapters/console/index.ts', 'adapters/console/language.ts', 'src/main.ts']) {
    let text = '';
    try {
      text = read(file);
    } catch {
      continue;
    }
    for (const match of text.matchAll(/\benv\.([A-Za-z_][A-Za-z0-9_]*)/g)) names.add(match[1]);
  }
  return [...names].filter((n) => !SYSTEM.has(n)).sort();
}

test('the app reads the variables this test knows where to find', () => {
  expect(variablesRead()).toEqual(expect.arrayContaining(['PORT', 'DATABASE_URL', 'TEAMS_APP_ID', 'TEAMS_BOT_DOMAIN', 'TEAMS_APP_VERSION', 'CONSOLE_USER']));
});

test.each(variablesRead())('%s is in the README configuration table and in .env.example', (name) => {
  expect(read('README.md')).toMatch(new RegExp(`^\\|[^\\n]*\`${name}\``, 'm'));
  expect(read('.env.example')).toMatch(new RegExp(`^${name}=`, 'm'));
});
