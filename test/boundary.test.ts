/**
 * The layers point one way (docs/DESIGN.md, "Layers"). Every relative import in the
 * product is checked against the rules below; a planted import proves the check can fail.
 *
 *   knowledge   conversations/**            imports nothing from src/ or adapters/
 *   runtime     src/runtime                 config, log, HTTP server, settings
 *   rollout     src/rollout                 rules, status, the rollout model
 *   campaign    src/campaign                waves and the wave gate
 *   cards       src/cards                   every card and line the bot draws
 *   store       src/store (+ sqlite/, postgres/, which never import each other)
 *   audit       src/audit                   exports of the record
 *   interview   src/interview               the interview runners and their state store
 *   delivery    src/delivery                the outbox publisher
 *   bot         src/bot                     the platform-neutral bot
 *   root        src/main.ts, src/open-store.ts, src/metrics.ts, src/cli/**
 *
 * A layer may import its own folder and any lower layer. Only the root imports
 * adapters; only the root imports a store implementation (sqlite/, postgres/).
 * Adapters import only what is listed in ADAPTER_MAY_IMPORT, never a store and
 * never another adapter. src/ and conversations/ import no Slack or Teams library.
 */
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const FORBIDDEN_LIBRARY = /^(@slack\/|botbuilder|botframework-|adaptivecards|@microsoft\/)/;
const IMPORT = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/g;

const LAYERS = ['knowledge', 'runtime', 'rollout', 'campaign', 'cards', 'store', 'audit', 'interview', 'delivery', 'bot', 'root'] as const;
type Layer = (typeof LAYERS)[number] | 'adapter';

/** What an adapter may use of the core: strings, the card model, the adapter-facing types. */
const ADAPTER_MAY_IMPORT = [
  /^conversations\/strings\//,
  /^conversations\/types\.ts$/,
  /^conversations\/(limits|command)\.ts$/,
  /^src\/runtime\//,
  /^src\/cards\/(model|actions|text|note-form)\.ts$/,
  /^src\/bot\/types\.ts$/,
  /^src\/delivery\/types\.ts$/,
  /^src\/rollout\/(model|short-ref)\.ts$/,
];

const ROOT_FILES = new Set(['src/main.ts', 'src/open-store.ts', 'src/metrics.ts']);

export function layerOf(file: string): Layer | undefined {
  if (file.startsWith('conversations/')) return 'knowledge';
  if (file.startsWith('adapters/')) return 'adapter';
  if (ROOT_FILES.has(file) || file.startsWith('src/cli/')) return 'root';
  const folder = /^src\/([^/]+)\//.exec(file)?.[1];
  return LAYERS.find((layer) => layer === folder);
}

/** The reasons one import breaks the rules, or [] when it is allowed. */
export function violations(from: string, to: string): string[] {
  const a = layerOf(from);
  const b = layerOf(to);
  if (a === undefined) return [`${from} is in no layer`];
  if (b === undefined) return [`${to} is in no layer`];
  const problems: string[] = [];
  if (a === 'adapter') {
    const sameAdapter = from.split('/')[1] === to.split('/')[1] && b === 'adapter';
    if (!sameAdapter && !ADAPTER_MAY_IMPORT.some((allowed) => allowed.test(to))) {
      problems.push(b === 'adapter' ? 'an adapter imports another adapter' : `an adapter may not import ${to}`);
    }
    return problems;
  }
  if (b === 'adapter' && from !== 'src/main.ts') problems.push('only src/main.ts imports adapters');
  if (b !== 'adapter' && LAYERS.indexOf(b) > LAYERS.indexOf(a)) problems.push(`${a} may not import the higher layer ${b}`);
  const implementation = /^src\/store\/(sqlite|postgres)\//.exec(to)?.[1];
  if (implementation !== undefined && a !== 'root' && !from.startsWith(`src/store/${implementation}/`)) {
    problems.push(`only the composition root picks a store implementation (${implementation})`);
  }
  return problems;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(relative);
    return /\.ts$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [relative] : [];
  });
}

function specifiersIn(text: string): string[] {
  return [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4]);
}

/** The file a relative specifier names, relative to the repository. */
function resolve(from: string, spec: string): string {
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
  for (const candidate of [`${base}.ts`, `${base}/index.ts`, base]) {
    if (fs.existsSync(path.join(ROOT, candidate)) && fs.statSync(path.join(ROOT, candidate)).isFile()) return candidate;
  }
  throw new Error(`${from}: cannot resolve ${spec}`);
}

function problemsIn(file: string, text: string): string[] {
  return specifiersIn(text).flatMap((spec) => {
    if (!spec.startsWith('.')) {
      const core = !file.startsWith('adapters/');
      return core && FORBIDDEN_LIBRARY.test(spec) ? [`${file} imports the platform library ${spec}`] : [];
    }
    const target = resolve(file, spec);
    return violations(file, target).map((why) => `${file} -> ${target}: ${why}`);
  });
}

describe('layers', () => {
  const files = [...sourceFiles('conversations'), ...sourceFiles('src'), ...sourceFiles('adapters')];

  it('finds every layer it checks', () => {
    const seen = new Set(files.map(layerOf));
    for (const layer of [...LAYERS, 'adapter']) expect(seen).toContain(layer);
    expect(files.filter((f) => layerOf(f) === undefined)).toEqual([]);
  });

  it('no import in src/, conversations/ or adapters/ breaks the layer rules', () => {
    const problems = files.flatMap((file) => problemsIn(file, fs.readFileSync(path.join(ROOT, file), 'utf8')));
    expect(problems).toEqual([]);
  });

  describe('the check fails on planted imports', () => {
    const plant = (file: string, spec: string): string[] => problemsIn(file, `import { x } from '${spec}';\n`);

    it('knowledge importing the core', () => {
      expect(plant('conversations/plan/build.ts', '../../src/rollout/model')).toEqual([
        'conversations/plan/build.ts -> src/rollout/model.ts: knowledge may not import the higher layer rollout',
      ]);
    });
    it('a lower core layer importing a higher one', () => {
      expect(plant('src/cards/plan-card.ts', '../bot/index')).toEqual([
        'src/cards/plan-card.ts -> src/bot/index.ts: cards may not import the higher layer bot',
      ]);
    });
    it('the core importing an adapter or a store implementation', () => {
      expect(plant('src/bot/index.ts', '../../adapters/slack/index')).toEqual([
        'src/bot/index.ts -> adapters/slack/index.ts: only src/main.ts imports adapters',
      ]);
      expect(plant('src/bot/index.ts', '../store/sqlite/index')).toEqual([
        'src/bot/index.ts -> src/store/sqlite/index.ts: only the composition root picks a store implementation (sqlite)',
      ]);
      expect(plant('src/store/postgres/index.ts', '../sqlite/schema')).toHaveLength(1);
    });
    it('an adapter importing a store, the bot runner or another adapter', () => {
      expect(plant('adapters/slack/index.ts', '../../src/store/store')).toEqual([
        'adapters/slack/index.ts -> src/store/store.ts: an adapter may not import src/store/store.ts',
      ]);
      expect(plant('adapters/teams/index.ts', '../slack/render')).toEqual([
        'adapters/teams/index.ts -> adapters/slack/render.ts: an adapter imports another adapter',
      ]);
      expect(plant('adapters/teams/index.ts', '../../src/bot/index')).toHaveLength(1);
    });
    it('a platform library in the core', () => {
      expect(problemsIn('src/bot/index.ts', `import { App } from '@slack/bolt';\nconst b = require('botbuilder');`)).toEqual([
        'src/bot/index.ts imports the platform library @slack/bolt',
        'src/bot/index.ts imports the platform library botbuilder',
      ]);
    });
    it('while allowed imports pass', () => {
      expect(plant('src/main.ts', '../adapters/slack/index')).toEqual([]);
      expect(plant('adapters/slack/render.ts', '../../src/cards/model')).toEqual([]);
      expect(plant('src/bot/index.ts', '../rollout/decide')).toEqual([]);
    });
  });
});
