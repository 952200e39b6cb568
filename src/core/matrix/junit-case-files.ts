// @spdf implements SPDF-FC-TAGGED-TEST-RESULTS
import { languageForPath } from '../codelinks/languages';
import { cleanCaseName, segmentsOf } from './test-segments';

/**
 * Which JUnit cases come from a source file, for a test file tagged as a whole (a `verifies` tag in its leading
 * comment). A case names its file by a `file` attribute (Mocha's xunit, pytest, jest-junit), by a classname that is a
 * path to a source file of a supported language (Vitest; a Go package such as `gopkg.in/yaml.v3` is none), or by a classname whose leading segments end the file's path without extension (`com.acme.DoseTest`
 * for `src/test/java/com/acme/DoseTest.java`, `tests.test_dose.TestDose` for `tests/test_dose.py`; two segments at
 * least, so a bare class name never claims a file).
 */

/** The case's own file as written in the results (`/`-separated, without a leading `./`), if it names one. */
export function caseSourcePath(c: { source?: string; classname: string }): string | undefined {
  const written = c.source ?? (/[/\\]/.test(c.classname) && languageForPath(c.classname.trim().replace(/\\/g, '/')) ? c.classname : undefined);
  const path = written
    ?.trim()
    .replace(/\\/g, '/')
    .replace(/^(?:\.\/)+/, '');
  return path || undefined;
}

/** Whether a path from a results file and a workspace-relative path name the same file (either may hold more leading folders). */
export function samePathTail(a: string, b: string): boolean {
  return a === b || a.endsWith(`/${b}`) || b.endsWith(`/${a}`);
}

/** The name segments of a workspace file without its extension: `tests/test_dose.py` -> tests, test_dose. */
export function fileSegments(file: string): string[] {
  return segmentsOf(file.replace(/\.[^./]*$/, ''));
}

/** Keys under which a case is found for a file: its source's base name; its classname's segments, each prefix of two or more by its last segment. */
export function caseFileKeys(c: { source?: string; classname: string }): { base?: string; segments: string[] } {
  const source = caseSourcePath(c);
  return { ...(source ? { base: source.slice(source.lastIndexOf('/') + 1) } : {}), segments: segmentsOf(c.classname) };
}

/** Whether the first `length` segments end the file's segments. */
export function prefixEndsFile(segments: readonly string[], length: number, fileSegs: readonly string[]): boolean {
  if (length > fileSegs.length) return false;
  for (let i = 1; i <= length; i++) if (segments[length - i] !== fileSegs[fileSegs.length - i]) return false;
  return true;
}

/**
 * The cases of a Go test file's own test functions: go-junit-report and gotestsum name a case by its package's import
 * path (`example.com/pump/internal/dose`) and its function (`TestDose`, `TestDose/subtest`), never by file. A case is
 * the file's when its function is a top-level test function of the file and the file's folder is the workspace folder
 * of Go files whose path is the longest ending of the import path (`goDirs`: so `example.com/m/other/pump` is never
 * `pump/`'s when `other/pump/` holds Go files). A file at the workspace root gets none: its import path is the
 * module's, which the results cannot tell from a package outside the workspace.
 */
export function goPackageCases<C extends { classname: string; name: string }>(file: string, fileSymbols: readonly string[], goDirs: GoDirs, byLast: ReadonlyMap<string, readonly { c: C }[]>): C[] {
  const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '';
  if (!dir) return [];
  const out: C[] = [];
  for (const fn of new Set(fileSymbols.filter((s) => /^Test\w*$/.test(s))))
    for (const { c } of byLast.get(fn) ?? []) if (cleanCaseName(c.name).split('/')[0] === fn && packageDir(c.classname.trim(), goDirs) === dir) out.push(c);
  return out;
}

/** The workspace folder of Go files whose path is the longest ending of `importPath` (never all of it: its first segment is the module's host). */
function packageDir(importPath: string, goDirs: GoDirs): string | undefined {
  const segs = importPath.split('/');
  // Only endings as deep as a workspace folder can be one: a classname of thousands of segments costs no more.
  for (let length = Math.min(segs.length - 1, goDirs.depth); length >= 1; length--) {
    const candidate = segs.slice(segs.length - length).join('/');
    if (goDirs.dirs.has(candidate)) return candidate;
  }
  return undefined;
}

/** The folders holding Go files and the most segments one has. */
export interface GoDirs {
  dirs: ReadonlySet<string>;
  depth: number;
}

/** The folders holding Go files, from the workspace's file list. */
export function goDirsOf(files: readonly string[]): GoDirs {
  const dirs = new Set<string>();
  let depth = 0;
  for (const f of files)
    if (f.endsWith('.go') && f.includes('/')) {
      const dir = f.slice(0, f.lastIndexOf('/'));
      if (!dirs.has(dir)) {
        dirs.add(dir);
        depth = Math.max(depth, dir.split('/').length);
      }
    }
  return { dirs, depth };
}
