// @spdf implements SPDF-FC-TAGGED-TEST-RESULTS

/**
 * The module path a go.mod declares (its `module` directive), which names a module's root package: gotestsum's
 * `short` classname of that package is its last segment (junit-case-files.ts). Pure: the hosts read the bytes.
 *
 * Read as Go reads it (golang.org/x/mod/modfile): `module example.com/m`, `module "example.com/m"`, a `// comment`
 * after it or on lines around it, CRLF line ends. Anything else gives no path, and the matching then does without it
 * (as without a go.mod's text, never a guess): a file that is not UTF-8 text or holds a NUL (binary), a byte order mark
 * (Go refuses one), no `module` line or two, one with more than a path, a quoted path with an escape or a backquoted
 * one, the block form `module ( ... )`, a `/*` comment, or a path that is not one (whitespace, an empty, `.` or `..`
 * segment, a leading or trailing `/`).
 */

/** Largest go.mod whose module path is read: a larger one is not read at all (its module path unknown). */
export const MAX_GO_MOD_BYTES = 64 * 1024;

const FATAL_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** A line's tokens (`(`, `)`, words, quoted strings unquoted), or undefined for one Go would not read. */
function tokensOf(line: string): string[] | undefined {
  const out: string[] = [];
  let i = 0;
  while (i < line.length) {
    const ch = line[i];
    if (ch === ' ' || ch === '\t' || ch === '\r') i++;
    else if (line.startsWith('//', i)) break;
    else if (line.startsWith('/*', i)) return undefined;
    else if (ch === '(' || ch === ')') {
      out.push(ch);
      i++;
    } else if (ch === '"') {
      const end = line.indexOf('"', i + 1);
      if (end < 0) return undefined;
      const inner = line.slice(i + 1, end);
      // An escape would be unquoted as Go does: rare enough to be read as no path (fail closed).
      if (inner.includes('\\')) return undefined;
      out.push(inner);
      i = end + 1;
    } else {
      let j = i;
      while (j < line.length && !' \t\r()'.includes(line[j]) && !line.startsWith('//', j)) {
        if (line[j] === '"' || line[j] === '`') return undefined;
        j++;
      }
      out.push(line.slice(i, j));
      i = j;
    }
  }
  return out;
}

/** A module path as this reads one: no whitespace, quote or backslash; segments neither empty nor `.` nor `..`. */
function isModulePath(p: string): boolean {
  if (!p || /[\s"'`\\]/.test(p) || [...p].some((ch) => ch.charCodeAt(0) < 0x20 || ch === '\u007f')) return false;
  return p.split('/').every((s) => s !== '' && s !== '.' && s !== '..');
}

/** The module path the go.mod's text declares, or undefined when it declares none this can read (see above). */
export function goModulePath(bytes: Uint8Array): string | undefined {
  if (bytes.length > MAX_GO_MOD_BYTES || bytes.includes(0)) return undefined;
  let text: string;
  try {
    text = FATAL_UTF8.decode(bytes);
  } catch {
    return undefined;
  }
  if (text.startsWith('\uFEFF')) return undefined;
  let path: string | undefined;
  let modules = 0;
  let inBlock = false;
  for (const line of text.split('\n')) {
    const tokens = tokensOf(line);
    if (tokens === undefined) {
      // A line Go would refuse: only one that may be the module directive matters (Go refuses the whole file).
      if (/^\s*module\b/.test(line) && !inBlock) return undefined;
      continue;
    }
    if (!tokens.length) continue;
    if (inBlock) {
      if (tokens[0] === ')') inBlock = false;
      continue;
    }
    if (tokens[tokens.length - 1] === '(') {
      // A block (`require (`): its lines are no directives. A `module (` block is read as no path.
      if (tokens[0] === 'module') return undefined;
      inBlock = true;
      continue;
    }
    if (tokens[0] !== 'module') continue;
    modules++;
    if (tokens.length !== 2 || !isModulePath(tokens[1])) return undefined;
    path = tokens[1];
  }
  return modules === 1 ? path : undefined;
}
