// @spdf implements SPDF-TRC-003
/** Name segments of JUnit classnames, case names and qualified symbol names: split at `.`, `::`, `/`, `\`, `#` and `$`. */
const SPLIT = /::|[./\\#$]+/;

export function segmentsOf(text: string): string[] {
  return text.split(SPLIT).filter(Boolean);
}

/** A case name without its parameters (`(...)`, `[...]`) or Go subtest (`/...`). */
export function cleanCaseName(name: string): string {
  return name
    .replace(/\s*[([].*$/s, '')
    .replace(/\/.*$/s, '')
    .trim();
}
