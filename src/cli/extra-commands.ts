import type { Out } from './io';

export interface ExtraCommand {
  summary: string;
  run(o: Out, args: string[]): Promise<number>;
}

/**
 * Commands beyond lint/rules/explain/init (links, review, trace, check): each lives in its own
 * module under src/cli/commands and is listed here. They load on first use (a `require` inside the
 * function; esbuild initialises such modules lazily), so `spdf lint` never initialises the matrix exports (exceljs, elkjs ...).
 */
export const extraCommands: Record<string, ExtraCommand> = {
  trace: {
    summary: 'traceability matrix: --view requirements|threats|hazards|controls|zones|fda|iec62443|sbom --format html|csv|xlsx|md|json|sarif|reqif -o FILE',
    run: (o, args) => (require('./commands/trace') as typeof import('./commands/trace')).traceCommand(o, args),
  },
  links: {
    summary: 'every code link (id, relation, file, symbol, status) [--format json]',
    run: (o, args) => (require('./commands/links') as typeof import('./commands/links')).linksCommand(o, args),
  },
  review: {
    summary: 'record links as reviewed in spdf.lock.json: --all | ID... [--reviewer NAME]',
    run: (o, args) => (require('./commands/review') as typeof import('./commands/review')).reviewCommand(o, args),
  },
  import: {
    summary:
      'requirements (csv, oft-spec, reqif, strictdoc, trlc, xlsx) or threat models (otm, threagile, threat-dragon, induform) from existing documents: FORMAT FILE_OR_DIR... -o DIR [--force]; writes *.spdf.yaml and IMPORT-REPORT.md',
    run: (o, args) => (require('./commands/import') as typeof import('./commands/import')).importCommand(o, args),
  },
  export: {
    summary: 'the threat model for other tools: otm [dir] [-o FILE] (Open Threat Model JSON; what OTM cannot hold is listed)',
    run: (o, args) => (require('./commands/export') as typeof import('./commands/export')).exportCommand(o, args),
  },
  diff: {
    summary: 'what a change did to the evidence (items, links, statuses, coverage, findings, impact): [REV_A[..REV_B]] [--format human|md|json|sarif] [-o FILE]',
    run: (o, args) => (require('./commands/diff') as typeof import('./commands/diff')).diffCommand(o, args),
  },
  baseline: {
    summary: 'accept the current findings: writes spdf.baseline.json (lint and check then report only new ones) [-o FILE] [--prune]',
    run: (o, args) => (require('./commands/baseline') as typeof import('./commands/baseline')).baselineCommand(o, args),
  },
  check: {
    summary:
      'CI gate, fails closed: [--min-coverage PCT (default check.min_coverage, else 100)] [--fail-on-status S,...] [--allow-load-errors] [--allow-unknown-ids] [--allow-errors] [--format human|json]',
    run: (o, args) => (require('./commands/check') as typeof import('./commands/check')).checkCommand(o, args),
  },
};
