// @spdf implements SPDF-FC-TAGGED-TEST-RESULTS
import { segmentsOf } from './test-segments';

/**
 * Which JUnit cases come from a source file, for a test file tagged as a whole (a `verifies` tag in its leading
 * comment). A case names its file by a `file` attribute (Mocha's xunit, pytest, jest-junit), by a classname that is a
 * path (Vitest), or by a classname whose leading segments end the file's path without extension (`com.acme.DoseTest`
 * for `src/test/java/com/acme/DoseTest.java`, `tests.test_dose.TestDose` for `tests/test_dose.py`; two segments at
 * least, so a bare class name never claims a file).
 */

/** The case's own file as written in the results (`/`-separated, without a leading `./`), if it names one. */
export function caseSourcePath(c: { source?: string; classname: string }): string | undefined {
  const written = c.source ?? (/[/\\]/.test(c.classname) && /\.[A-Za-z0-9]+$/.test(c.classname.trim()) ? c.classname : undefined);
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

/** Keys under which a case is found for a file: its source's base name, and the last segment of each classname prefix of two or more segments. */
export function caseFileKeys(c: { source?: string; classname: string }): { base?: string; modules: string[][] } {
  const source = caseSourcePath(c);
  const segs = segmentsOf(c.classname);
  const modules: string[][] = [];
  for (let k = 2; k <= segs.length; k++) modules.push(segs.slice(0, k));
  return { ...(source ? { base: source.slice(source.lastIndexOf('/') + 1) } : {}), modules };
}

/** Whether the module segments end the file's segments. */
export function moduleNamesFile(module: readonly string[], fileSegs: readonly string[]): boolean {
  if (module.length > fileSegs.length) return false;
  for (let i = 1; i <= module.length; i++) if (module[module.length - i] !== fileSegs[fileSegs.length - i]) return false;
  return true;
}
