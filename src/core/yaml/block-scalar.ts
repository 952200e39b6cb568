// @spdf implements SPDF-FC-LOAD

export interface BlockScalar {
  value: string;
  /** After the newline of the last content line: where `yaml` ends the scalar's range. */
  end: number;
}

/**
 * A literal (`|`, `|-`) or folded (`>`, `>-`) block scalar whose header is at `p`, inside a collection indented
 * `parentIndent`, valued as the `yaml` package values it; undefined for what the fast path leaves to it: keep
 * chomping (`+`), indentation indicators, leading blank lines, an empty scalar, lines indented beyond the first
 * in a folded scalar, and whitespace-only lines longer than the indentation.
 */
export function readBlockScalar(s: string, p: number, parentIndent: number): BlockScalar | undefined {
  const folded = s.charCodeAt(p) === 62;
  let q = p + 1;
  const strip = s.charCodeAt(q) === 45;
  if (strip) q++;
  const afterHeader = q;
  while (s.charCodeAt(q) === 32) q++;
  const nl = s.indexOf('\n', q);
  const headerEnd = lineEnd(s, nl);
  if (q < headerEnd && (s.charCodeAt(q) !== 35 || q === afterHeader)) return undefined;
  if (nl < 0) return undefined;
  let trim = -1;
  let value = '';
  let sep = '';
  let empties = 0;
  let end = -1;
  for (let ls = nl + 1; ls < s.length;) {
    let cs = ls;
    while (s.charCodeAt(cs) === 32) cs++;
    const next = s.indexOf('\n', cs);
    const le = lineEnd(s, next);
    const indent = cs - ls;
    if (cs >= le) {
      // An empty line counts only once content follows it.
      if (trim < 0 || indent > trim) return undefined;
      empties++;
    } else {
      if (trim < 0) {
        if (indent <= parentIndent) return undefined;
        trim = indent;
      }
      if (indent < trim) break;
      if (indent > trim && folded) return undefined;
      for (; empties > 0; empties--) {
        if (!folded || sep === '\n') value += folded ? '\n' : sep;
        sep = '\n';
      }
      value += sep + s.slice(ls + trim, le);
      sep = folded ? ' ' : '\n';
      end = next < 0 ? s.length : next + 1;
    }
    if (next < 0) break;
    ls = next + 1;
  }
  if (end < 0) return undefined;
  return { value: strip ? value : `${value}\n`, end };
}

function lineEnd(s: string, nl: number): number {
  const end = nl < 0 ? s.length : nl;
  return end > 0 && s.charCodeAt(end - 1) === 13 ? end - 1 : end;
}
