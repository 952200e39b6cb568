import type { Out } from './io';

export interface ExtraCommand {
  summary: string;
  run(o: Out, args: string[]): Promise<number>;
}

/**
 * Commands beyond lint/rules/explain/init (links, review, trace, check): each lives in its own
 * module under src/cli/commands and is listed here. They load on first use (`import()`; esbuild turns it
 * into a lazy require), so `spdf lint` never initialises the matrix exports (exceljs, elkjs ...).
 */
export const extraCommands: Record<string, ExtraCommand> = {
  trace: {
    summary: 'traceability matrix: --view requirements|threats|hazards|controls|zones|fda --format html|csv|xlsx|md|json|sarif -o FILE',
    run: async (o, args) => (await import('./commands/trace')).traceCommand(o, args),
  },
  links: {
    summary: 'every code link (id, relation, file, symbol, status) [--format json]',
    run: async (o, args) => (await import('./commands/links')).linksCommand(o, args),
  },
  review: {
    summary: 'record links as reviewed in spdf.lock.json: --all | ID... [--reviewer NAME]',
    run: async (o, args) => (await import('./commands/review')).reviewCommand(o, args),
  },
  check: {
    summary: 'CI gate: --min-coverage PCT [--fail-on-status SUSPECT,MISSING,ERROR]',
    run: async (o, args) => (await import('./commands/check')).checkCommand(o, args),
  },
};
