import type { Out } from './io';
import type { ExtraCommandName } from './usage';

/**
 * Runs the commands beyond lint/rules/explain/init (their summaries: usage.ts): each lives in its own module under
 * src/cli/commands and loads on first use (a `require` inside the function; esbuild initialises such modules
 * lazily), so `spdf lint` never initialises the matrix exports (exceljs, elkjs ...).
 */
export const extraCommands: Record<ExtraCommandName, (o: Out, args: string[]) => Promise<number>> = {
  trace: (o, args) => (require('./commands/trace') as typeof import('./commands/trace')).traceCommand(o, args),
  links: (o, args) => (require('./commands/links') as typeof import('./commands/links')).linksCommand(o, args),
  review: (o, args) => (require('./commands/review') as typeof import('./commands/review')).reviewCommand(o, args),
  import: (o, args) => (require('./commands/import') as typeof import('./commands/import')).importCommand(o, args),
  export: (o, args) => (require('./commands/export') as typeof import('./commands/export')).exportCommand(o, args),
  diff: (o, args) => (require('./commands/diff') as typeof import('./commands/diff')).diffCommand(o, args),
  baseline: (o, args) => (require('./commands/baseline') as typeof import('./commands/baseline')).baselineCommand(o, args),
  check: (o, args) => (require('./commands/check') as typeof import('./commands/check')).checkCommand(o, args),
};
