import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const DOCUMENTS = ['docs/architecture.md', 'CONTRIBUTING.md'];

/** Top-level entries of the repository that a path in backticks may start with (build output and caches are not). */
const TOP_LEVEL = new Set(readdirSync(ROOT).filter((n) => !['node_modules', 'dist', 'out', '.git', '.spdf-cache'].includes(n)));

/**
 * Backticked text that looks like a repository path: no spaces, no placeholders or globs (`<CODE>`, `*`, `{a,b}`),
 * at least one `/` or a name of a top-level file, and a first segment that is a top-level entry of the repository.
 * A `#anchor` or `:line` suffix is dropped.
 */
export function repoPaths(markdown: string): string[] {
  const out = new Set<string>();
  for (const [, raw] of markdown.matchAll(/`([^`\n]+)`/g)) {
    if (/[\s<>*{}]/.test(raw) || raw.includes('://')) continue;
    const path = raw
      .replace(/#.*$/, '')
      .replace(/:\d+(:\d+)?$/, '')
      .replace(/\/$/, '');
    const first = path.split('/')[0];
    if (!TOP_LEVEL.has(first)) continue;
    if (!path.includes('/') && !/\.[a-z]+$/i.test(path)) continue;
    out.add(path);
  }
  return [...out];
}

describe('paths named in the contributor documents', () => {
  for (const doc of DOCUMENTS) {
    it(`every repository path in ${doc} exists`, () => {
      const paths = repoPaths(readFileSync(join(ROOT, doc), 'utf8'));
      assert.ok(paths.length >= 20, `only ${paths.length} paths recognised in ${doc}: is the extraction broken?`);
      assert.deepEqual(
        paths.filter((p) => !existsSync(join(ROOT, p))),
        [],
      );
    });
  }

  it('recognises paths and skips what is not one', () => {
    const found = repoPaths(
      '`src/core/types.ts` `src/core/rules/<family>/` `npm test` `media/**/*.js` `docs/rules.md#tm000-yaml-syntax` `team.config.yaml` `node:fs` `src/cli/main.ts:12` `package.json`',
    );
    assert.deepEqual(found.sort(), ['docs/rules.md', 'package.json', 'src/cli/main.ts', 'src/core/types.ts']);
  });
});
