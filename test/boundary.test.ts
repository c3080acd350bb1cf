/**
 * The core stays platform-neutral: src/ and conversations/ import no Slack or Teams
 * library, and only src/main.ts imports adapters. A swap of botbuilder for its
 * successor must touch adapters/teams only.
 */
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const FORBIDDEN = /^(@slack\/|botbuilder|botframework-|adaptivecards|@microsoft\/teams)/;
const IMPORT = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(relative);
    return /\.(ts|js)$/.test(entry.name) ? [relative] : [];
  });
}

function importsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4]);
}

describe('module boundaries', () => {
  const coreFiles = [...sourceFiles('src'), ...sourceFiles('conversations')];

  it('finds the core files it checks', () => {
    expect(coreFiles.length).toBeGreaterThan(10);
    expect(coreFiles).toContain(path.join('src', 'main.ts'));
  });

  it.each(coreFiles)('%s imports no Slack or Teams library', (file) => {
    expect(importsOf(file).filter((spec) => FORBIDDEN.test(spec))).toEqual([]);
  });

  it.each(coreFiles.filter((f) => f !== path.join('src', 'main.ts')))('%s does not import adapters', (file) => {
    const offending = importsOf(file).filter((spec) => {
      if (!spec.startsWith('.')) return false;
      const target = path.relative(ROOT, path.resolve(path.dirname(path.join(ROOT, file)), spec));
      return target.startsWith('adapters');
    });
    expect(offending).toEqual([]);
  });

  it('the check itself catches a forbidden import', () => {
    const sample = `import { App } from '@slack/bolt';\nconst b = require('botbuilder');`;
    const found = [...sample.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4]);
    expect(found.filter((spec) => FORBIDDEN.test(spec))).toEqual(['@slack/bolt', 'botbuilder']);
  });
});
