// The core's boundary (docs/architecture.md, Layers): src/core imports only its own modules, zod, luxon, chrono-node, mdast-util-from-markdown (the text parser) and node:*.
// And the features' (docs/architecture.md, Features): one feature reaches another only through its ports file.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const core = join(root, 'src/core');
const ALLOWED_PACKAGES = new Set(['zod', 'luxon', 'chrono-node', 'mdast-util-from-markdown', 'mdast']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|js|mts|cts)$/.test(entry.name) ? [path] : [];
  });
}

function specifiers(source: string): string[] {
  const found: string[] = [];
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\sfrom\s*)?['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) for (const m of source.matchAll(pattern)) if (m[1]) found.push(m[1]);
  return found;
}

/** The imports of `file` that break the boundary. */
function violations(file: string, source: string): string[] {
  return specifiers(source).filter((spec) => {
    if (spec.startsWith('node:')) return false;
    if (spec.startsWith('.')) {
      const target = resolve(dirname(file), spec);
      return relative(core, target).startsWith('..');
    }
    const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] ?? spec);
    return !ALLOWED_PACKAGES.has(pkg);
  });
}

describe('the core boundary', () => {
  it('finds every kind of forbidden import in a sample (the scanner works)', () => {
    const sample = [
      "import { App } from '@slack/bolt';",
      "import type { Kysely } from 'kysely';",
      "export { x } from '../../db/client.ts';",
      "const q = await import('bullmq');",
      "import { DateTime } from 'luxon';",
      "import { z } from 'zod';",
      "import { readFile } from 'node:fs/promises';",
      "import { parse } from './commands/parser.ts';",
    ].join('\n');
    expect(violations(join(core, 'sample.ts'), sample)).toEqual(['@slack/bolt', 'kysely', '../../db/client.ts', 'bullmq']);
  });

  it('holds for every file under src/core', () => {
    const files = sourceFiles(core);
    expect(files.length).toBeGreaterThan(10);
    const bad = files.flatMap((file) => violations(file, readFileSync(file, 'utf8')).map((spec) => `${relative(root, file)} → ${spec}`));
    expect(bad).toEqual([]);
  });
});

/** The folders of src/core that are features: each has a `feature.ts`. */
function featureFolders(): string[] {
  return readdirSync(core, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(core, entry.name, 'feature.ts')))
    .map((entry) => join(core, entry.name));
}

/** The feature folder `path` lies in, if any. */
function featureOf(path: string, features: readonly string[]): string | undefined {
  return features.find((folder) => !relative(folder, path).startsWith('..'));
}

/**
 * A feature's declared ports: `ports.ts`, what other features and the wiring may use of it, and `repository.ts`,
 * the storage it needs, which db/ implements.
 */
const PORT_FILES = ['ports.ts', 'repository.ts'];

/** The imports of `file` that reach into another feature's folder other than through its declared ports. */
function crossFeatureViolations(file: string, source: string, features: readonly string[]): string[] {
  const own = featureOf(file, features);
  return specifiers(source).filter((spec) => {
    if (!spec.startsWith('.')) return false;
    const target = resolve(dirname(file), spec);
    const other = featureOf(target, features);
    return other !== undefined && other !== own && !PORT_FILES.some((port) => target === join(other, port));
  });
}

describe('the features\' boundary', () => {
  const features = featureFolders();

  it('finds the five feature folders', () => {
    expect(features.map((folder) => relative(core, folder)).sort()).toEqual(['checkins', 'coverage', 'mentoring', 'people', 'settings']);
  });

  it('finds an import into another feature past its ports file in a sample (the scanner works)', () => {
    const sample = [
      "import { resolveMention } from '../people/mentions.ts';",
      "import { todayFor } from '../people/ports.ts';",
      "import { formatDay } from '../time/days.ts';",
      "import { showSkills } from './skills.ts';",
      "export { isWorkDay } from '../settings/calendar.ts';",
    ].join('\n');
    expect(crossFeatureViolations(join(core, 'coverage/sample.ts'), sample, features)).toEqual(['../people/mentions.ts', '../settings/calendar.ts']);
  });

  /** The imports of `file` that reach into a feature folder, or into the registry (src/core/features.ts). */
  function featureImports(file: string, source: string): string[] {
    return specifiers(source).filter((spec) => {
      if (!spec.startsWith('.')) return false;
      const target = resolve(dirname(file), spec);
      return featureOf(target, features) !== undefined || target === join(core, 'features.ts');
    });
  }

  it('finds an import of a feature or of the registry in a sample (the scanner works)', () => {
    const sample = [
      "import { checkinTouchpoints } from '../core/checkins/tick.ts';",
      "import { FEATURES } from '../core/features.ts';",
      "import { assembleFeatures } from '../core/feature-set.ts';",
      "import type { Feature } from '../core/feature.ts';",
    ].join('\n');
    expect(featureImports(join(root, 'src/app/sample.ts'), sample)).toEqual(['../core/checkins/tick.ts', '../core/features.ts']);
  });

  it('keeps the bot and the runtime free of features: they are handed the registry\'s list', () => {
    expect(featureImports(join(core, 'bot.ts'), readFileSync(join(core, 'bot.ts'), 'utf8'))).toEqual([]);
    const runtime = join(root, 'src/app/runtime.ts');
    // The runtime is the wiring: it may read the registry, never a feature folder.
    expect(featureImports(runtime, readFileSync(runtime, 'utf8'))).toEqual(['../core/features.ts']);
  });

  it('holds outside the core too: the wiring and the adapters use a feature only through its ports file', () => {
    const outside = ['src/app', 'adapters', 'jobs', 'db'].flatMap((dir) => sourceFiles(join(root, dir)));
    expect(outside.length).toBeGreaterThan(10);
    const bad = outside.flatMap((file) =>
      crossFeatureViolations(file, readFileSync(file, 'utf8'), features).map((spec) => `${relative(root, file)} → ${spec}`),
    );
    expect(bad).toEqual([]);
  });

  it('holds for every file of every feature', () => {
    const bad = features.flatMap((folder) =>
      sourceFiles(folder).flatMap((file) => crossFeatureViolations(file, readFileSync(file, 'utf8'), features).map((spec) => `${relative(root, file)} → ${spec}`)),
    );
    expect(bad).toEqual([]);
  });
});
