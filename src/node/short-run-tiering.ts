// @spdf implements SPDF-FC-CACHE

/** The commands that end after one short pass over their inputs: V8 optimises their functions later (`shortRunTiering`). */
const SHORT_RUN_COMMANDS = new Set(['links']);

/**
 * V8's `--interrupt-budget` of the V8 measured (Node 20's 11.3: 66 KB of bytecode run before a function is considered
 * for optimisation), and the one a short run uses. Cold, `spdf links` on the scale tree of bench/README.md had ~0.1 s of
 * TurboFan jobs on V8's helper threads beside a main thread of ~0.35 s, mostly for functions that end before their
 * optimised code pays; on two shared cores those jobs compete with the main thread.
 */
export const V8_DEFAULT_INTERRUPT_BUDGET = 67584;
export const SHORT_RUN_INTERRUPT_BUDGET = 300_000;

/** The restore of the one raised budget, shared by the bundles (dist/cli.js raises it, the commands' bundle may restore it). */
const SHARED = Symbol.for('spdf-workbench/short-run-tiering/1');
type Holder = Record<symbol, (() => void) | undefined>;

/**
 * For a short-run command, V8's interrupt budget raised until `restore` or `restoreDefaultTiering` (both idempotent).
 * V8 keys its code cache by its flags: raise it after the bundle is compiled and restore it before the bundle's code is
 * stored (code-cache.ts), so the stored code is made and used under the default flags and keeps matching. Only how
 * soon V8 optimises changes, never what the code computes. Nothing changes (undefined) for other commands, for
 * another V8 (its default is not known here: a wrong restore would only cost the code cache, not worth guessing), or
 * when Node's command line sets the budget. `setFlagsFromString` is node:v8's (the caller requires that module only
 * here: it loads the stream modules, which a stored answer's replay never needs).
 */
export function shortRunTiering(command: string | undefined, setFlagsFromString: (flags: string) => void): { restore: () => void } | undefined {
  if (command === undefined || !SHORT_RUN_COMMANDS.has(command) || !process.versions.v8.startsWith('11.3.')) return undefined;
  if ([...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((a) => /interrupt[-_]budget/.test(a))) return undefined;
  const holder = globalThis as unknown as Holder;
  if (holder[SHARED]) return undefined;
  setFlagsFromString(`--interrupt-budget=${SHORT_RUN_INTERRUPT_BUDGET}`);
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    holder[SHARED] = undefined;
    setFlagsFromString(`--interrupt-budget=${V8_DEFAULT_INTERRUPT_BUDGET}`);
  };
  holder[SHARED] = restore;
  return { restore };
}

/**
 * The default budget back, if a short run raised it: parse workers (worker-pool.ts) run long enough for V8's default
 * tiering to pay, and the flags are the process's.
 */
export function restoreDefaultTiering(): void {
  (globalThis as unknown as Holder)[SHARED]?.();
}
