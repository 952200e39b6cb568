#!/usr/bin/env node
// @spdf implements SPDF-CLI-001, SPDF-FC-RESULT-CACHE
import { resultCachePlan, runWithResultCache, type Rederive, type ResultCacheStats } from '../node/result-cache';
import { join } from 'node:path';
import { cacheLocationInside } from '../node/cache-location';
import { commandBundle, requireBundle } from '../node/code-cache';
import { shortRunTiering } from '../node/short-run-tiering';
import { EXIT_USAGE, processOut, type Out } from './io';

/** Commands whose whole answer is cached (src/node/result-cache.ts); any that writes a file is refused there. */
const CACHED_COMMANDS = new Set(['check', 'lint', 'links', 'trace']);
/**
 * Of those, the commands whose answer depends on a source file only through what the code index made of it: their
 * answer replays when a source file's bytes changed but not its index (src/node/result-cache-derived.ts).
 */
const DERIVED_COMMANDS = new Set(['check', 'links', 'trace']);

/**
 * The commands (`main.ts`, its own bundle `dist/cli-main.js`; `links` and `check` each in a bundle of their own that
 * holds only what it uses: code-cache.ts `commandBundle`), loaded only when a stored answer cannot be replayed.
 * `require`, not `import()`: Node's ESM loader would scan the whole 2 MB CommonJS bundle for its exports first (0.1 s).
 * The bundle is compiled with V8's code cache of it (code-cache.ts), unless caches are off (`--no-cache`, `--untrusted`).
 */
let commands: { main: typeof import('./main').main; rederive: Rederive; save: () => void } | undefined;

function loaded(argv: string[]): NonNullable<typeof commands> {
  return (commands ??= loadCommands(argv[0], !argv.includes('--no-cache') && !argv.includes('--untrusted')));
}

function runMain(argv: string[], o: Out): Promise<number> {
  return loaded(argv).main(argv, o);
}

function loadCommands(command: string | undefined, codeCache: boolean): NonNullable<typeof commands> {
  // From source (tsx) there is no bundle.
  if (__filename.endsWith('.ts')) {
    const { main, rederive } = require('./main') as typeof import('./main');
    return { main, rederive, save: () => undefined };
  }
  const file = join(__dirname, commandBundle(command));
  if (!codeCache) {
    const { main, rederive } = require(file) as typeof import('./main');
    return { main, rederive, save: () => undefined };
  }
  const bundle = requireBundle(file);
  // Set after the compile and set back before the store, so the stored code is made and used under the same flags.
  const tiering = shortRunTiering(command, (flags) => (require('node:v8') as typeof import('node:v8')).setFlagsFromString(flags));
  const { main, rederive } = bundle.exports as typeof import('./main');
  return {
    main,
    rederive,
    save: () => {
      tiering?.restore();
      bundle.save();
    },
  };
}

/**
 * The `spdf` binary: `main` through the whole-result cache, for the commands that only read; not with `--no-cache`
 * or `--untrusted` (as the other caches), nor when a `--` ends the options (its operands could look like flags).
 */
export async function cachedMain(argv: string[], o: Out, stats?: Partial<ResultCacheStats>): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || !CACHED_COMMANDS.has(command) || rest.some((a) => a === '--no-cache' || a === '--untrusted' || a === '--' || a === '--help' || a === '-h')) return runMain(argv, o);
  const at = rest.findIndex((a) => a === '--cache-location' || a.startsWith('--cache-location='));
  const location = at < 0 ? undefined : rest[at].includes('=') ? rest[at].slice(rest[at].indexOf('=') + 1) : rest[at + 1];
  const plan = resultCachePlan(argv, o.color, location);
  // Every argument that is not an option may name the workspace (a flag's value too: that only costs the cache).
  const operands = rest.filter((a, i) => !a.startsWith('-') && !(at >= 0 && i === at + 1 && rest[at] === '--cache-location'));
  const inWorkspace = plan && cacheLocationInside(plan.base, [process.cwd(), ...operands]);
  if (!plan || inWorkspace) return runMain(argv, o);
  const derive = DERIVED_COMMANDS.has(command) ? () => loaded(argv).rederive : undefined;
  return runWithResultCache(plan, o, (lines) => runMain(argv, { ...o, ...lines }), stats, derive);
}

if (require.main === module) {
  const o = processOut();
  void cachedMain(process.argv.slice(2), o).then((code) => {
    // An answer that could not be written is no answer (io.ts): exit 2 whatever the command found.
    process.exitCode = o.failed() ? EXIT_USAGE : code;
    commands?.save();
  });
}
