/** What `spdf` prints for `--help` and after a usage error; it names every command without loading one. */

/** Commands beyond lint/rules/explain/init, each in its own module under src/cli/commands (run by extra-commands.ts). */
export const EXTRA_COMMAND_SUMMARIES = {
  trace: 'traceability matrix: --view requirements|threats|hazards|controls|zones|fda|iec62443|sbom --format html|csv|xlsx|md|json|sarif|reqif -o FILE',
  links: 'every code link (id, relation, file, symbol, status) [--format json]',
  review: 'record links as reviewed in spdf.lock.json: --all | ID... [--reviewer NAME]',
  import:
    'requirements (csv, oft-spec, reqif, strictdoc, trlc, xlsx) or threat models (otm, threagile, threat-dragon, induform) from existing documents: FORMAT FILE_OR_DIR... -o DIR [--force]; writes *.spdf.yaml and IMPORT-REPORT.md',
  export: 'the threat model for other tools: otm [dir] [-o FILE] (Open Threat Model JSON; what OTM cannot hold is listed)',
  diff: 'what a change did to the evidence (items, links, statuses, coverage, findings, impact): [REV_A[..REV_B]] [--format human|md|json|sarif] [-o FILE]',
  baseline: 'accept the current findings: writes spdf.baseline.json (lint and check then report only new ones) [-o FILE] [--prune]',
  check:
    'CI gate, fails closed: [--min-coverage PCT (default check.min_coverage, else 100)] [--fail-on-status S,...] [--allow-load-errors] [--allow-unknown-ids] [--allow-errors] [--format human|json]',
} as const;

export type ExtraCommandName = keyof typeof EXTRA_COMMAND_SUMMARIES;

export const USAGE = `usage: spdf <command> [options]   (spdf <command> --help for its options)

commands:
  lint [paths...]     check the workspace; paths narrow what is reported
      --format human|json|sarif|code-quality   --max-warnings N   --fix   --quiet   --baseline FILE   --untrusted   --no-code   --no-cache   --cache-location DIR
  rules [--format json]   list every rule
  explain CODE        print a rule's documentation
  init [dir]          write a starter config and model into an empty folder
${Object.entries(EXTRA_COMMAND_SUMMARIES)
  .map(([n, summary]) => `  ${n.padEnd(18)}  ${summary}`)
  .join('\n')}
exit codes: 0 clean, 1 findings at error level (or too many warnings, or baseline entries that no longer occur), 2 usage or internal error (or an unreadable baseline, or output that could not be written).`;
