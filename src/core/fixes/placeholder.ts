/**
 * The value a fix writes where a person must decide. It names the rule the fix came from, so TM011 keeps that
 * rule's severity: an error-level finding "fixed" with a placeholder is still an error until a person writes
 * the value.
 */
export function placeholder(ruleCode: string): string {
  return `TODO(${ruleCode})`;
}

/** A placeholder value (TODO, TBD, FIXME), with the rule code a fix wrote into it, if any. */
export function parsePlaceholder(value: string): { origin?: string } | undefined {
  const m = /^\s*(TODO|TBD|FIXME)\b(?:\(([A-Za-z]{2}\d{3})\))?/i.exec(value);
  if (!m) return undefined;
  return m[2] ? { origin: m[2].toUpperCase() } : {};
}
