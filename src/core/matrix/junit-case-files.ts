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

/** The last segment of a `/`-separated path. */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

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
  return { ...(source ? { base: baseName(source) } : {}), segments: segmentsOf(c.classname) };
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
 * the file's when its function is a top-level test function of the file and its import path is the file's folder's
 * (`GoPackages.dirOf`). A failure of the package's test binary outside any test function (go-junit-report's
 * `[build failed]` and `Failure` cases, a panic in `TestMain`) is every one of its test files' and functions': they
 * did not run, or their passes do not stand.
 */
export function goPackageCases<C extends GoCase>(file: string, fileSymbols: readonly string[], byLast: ReadonlyMap<string, readonly { c: C }[]>, packages: GoPackages<C>): C[] {
  const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '';
  const out: C[] = [];
  for (const fn of new Set(fileSymbols.filter((s) => GO_TEST_FUNCTION.test(s))))
    for (const { c } of byLast.get(fn) ?? []) if (cleanCaseName(c.name) === fn && packages.dirOfCase(c) === dir) out.push(c);
  // Only a file or function that takes part in the results: a package failure alone never makes a file a Go test file.
  if (out.length || fileSymbols.some((s) => GO_TEST_FUNCTION.test(s))) out.push(...packages.packageFailures(dir));
  return out;
}

/** A JUnit case as Go's reporters write it: classname the import path, name the function. */
export interface GoCase {
  classname: string;
  name: string;
  outcome: string;
  /** The results file the case was read from: how its classnames are written is told per file (GoNaming). */
  file?: string;
}

/**
 * How a results file names Go packages. gotestsum's `--junitfile-testcase-classname` writes the import path (`full`,
 * the default, and go-junit-report's only way), the package's folder inside the module (`relative`: `pump/dose`, `.`
 * for the module's root package) or its last segment (`short`: `dose`). A file with a `.` classname is `relative`; one
 * with an import path whose first segment holds a dot (a host: `example.com/m`) is `full`; one with a `/` in some
 * classname (not a source file's path) is not `short`, which never writes one (`pathed`): its classnames are read as
 * `full` and as `relative`; any other may be any of the three (`unknown`). A classname that two ways place in
 * different folders, or one way in two, is in none (fail closed).
 */
type GoNaming = 'full' | 'relative' | 'pathed' | 'unknown';

function namingOf(classnames: readonly string[]): GoNaming {
  if (classnames.some((n) => n === '.')) return 'relative';
  const pathed = classnames.filter((n) => n.includes('/') && !languageForPath(n));
  if (pathed.some((n) => n.slice(0, n.indexOf('/')).includes('.'))) return 'full';
  return pathed.length ? 'pathed' : 'unknown';
}

/** A case named by no test function: the package's test binary failed outside them (TestMain is the package's too). */
const GO_FUNCTION_CASE = /^(?:Test|Benchmark|Example|Fuzz)\w*$/;

/** A Go test function's name (a method of a test suite type is none). */
export const GO_TEST_FUNCTION = /^Test\w*$/;

/**
 * The workspace folder of the Go package an import path names, for the results read. Go results name no folder: a
 * module's path is the one its go.mod declares (GoDirs.modulePaths), else it is learnt from the results: what the
 * import paths of its sub-folders' packages (`example.com/m/pump` for `pump/`) leave before the folder, when they all
 * leave the same (several candidates: none). With it, the module's own folder (its root package, named by the module
 * path alone, as a Go file at the workspace root is) and its sub-folders are exact (two modules of one path that fit
 * an import path: none); without it, a folder is the workspace folder of Go files whose path is the longest ending of
 * the import path (never all of it: its first segment is the module's host; so `example.com/m/other/pump` is never
 * `pump/`'s when `other/pump/` holds Go files; never a folder of a module whose go.mod declares its path: that path
 * did not fit), and a module's root folder gets no case: its import path cannot be told from a package outside the
 * workspace.
 */
export class GoPackages<C extends GoCase> {
  private readonly modules = new Map<string, string>();
  private readonly memo = new Map<string, string | undefined>();
  private readonly otherMemo = { relative: new Map<string, string | undefined>(), pathed: new Map<string, string | undefined>(), unknown: new Map<string, string | undefined>() };
  private readonly naming = new Map<string | undefined, GoNaming>();
  private byShort?: Map<string, string[]>;
  /** Whether a root package whose module path is unknown (no readable go.mod) has Go test files (shortDir). */
  private unknownRoot?: boolean;
  private failures?: Map<string, C[]>;

  constructor(
    private readonly cases: readonly C[],
    private readonly goDirs: GoDirs,
  ) {
    const byFile = new Map<string | undefined, string[]>();
    for (const c of cases) {
      const list = byFile.get(c.file);
      if (list) list.push(c.classname.trim());
      else byFile.set(c.file, [c.classname.trim()]);
    }
    for (const [file, names] of byFile) this.naming.set(file, namingOf(names));
    // A module path is learnt from import paths only: a relative classname (`other/pump`) would teach a false one.
    const classnames = cases.filter((c) => this.naming.get(c.file) !== 'relative').map((c) => c.classname);
    // The folders of each module (below its root, outside nested modules) by their path inside it.
    const byRel = new Map<string, string[]>();
    for (const dir of goDirs.dirs) {
      const root = moduleRootOf(dir, goDirs.modules);
      if (root === undefined || root === dir) continue;
      const rel = root ? dir.slice(root.length + 1) : dir;
      const roots = byRel.get(rel);
      if (roots) roots.push(root);
      else byRel.set(rel, [root]);
    }
    const declared = goDirs.modulePaths ?? new Map<string, string>();
    for (const [root, path] of declared) this.modules.set(root, path);
    const candidates = new Map<string, Set<string>>();
    for (const raw of new Set(classnames)) {
      const importPath = raw.trim();
      const segs = importPath.split('/');
      // Per module, the longest ending that is one of its folders; only endings as deep as a folder can be one.
      const longest = new Map<string, string>();
      for (let length = 1; length <= Math.min(segs.length - 1, goDirs.depth); length++)
        for (const root of byRel.get(segs.slice(segs.length - length).join('/')) ?? []) if (!declared.has(root)) longest.set(root, segs.slice(0, segs.length - length).join('/'));
      for (const [root, modulePath] of longest) {
        const set = candidates.get(root);
        if (set) set.add(modulePath);
        else candidates.set(root, new Set([modulePath]));
      }
    }
    for (const [root, set] of candidates) if (set.size === 1) this.modules.set(root, [...set][0]);
  }

  /** The failed or errored cases of the package in `dir` that name no test function (GO_FUNCTION_CASE). */
  packageFailures(dir: string): readonly C[] {
    if (!this.failures) {
      this.failures = new Map();
      for (const c of this.cases) {
        if (c.outcome !== 'fail' && c.outcome !== 'error') continue;
        const name = cleanCaseName(c.name);
        if (GO_FUNCTION_CASE.test(name) && name !== 'TestMain') continue;
        const at = this.dirOfCase(c);
        if (at === undefined) continue;
        const list = this.failures.get(at);
        if (list) list.push(c);
        else this.failures.set(at, [c]);
      }
    }
    return this.failures.get(dir) ?? [];
  }

  /** The workspace folder (`''` for the root) of the case's package, read as its results file names packages (GoNaming). */
  dirOfCase(c: GoCase): string | undefined {
    const naming = this.naming.get(c.file) ?? 'unknown';
    if (naming === 'full') return this.dirOf(c.classname);
    const memo = this.otherMemo[naming];
    const classname = c.classname.trim();
    if (memo.has(classname)) return memo.get(classname);
    let dir: string | undefined;
    if (naming === 'relative') dir = this.relativeDir(classname);
    else {
      // Every way it may be read: a way that finds two folders, or two ways that find different ones, find none.
      const found = new Set<string>();
      let ambiguous = false;
      for (const way of [this.dirOf(classname), this.relativeDir(classname), naming === 'unknown' ? this.shortDir(classname) : undefined]) {
        if (way === AMBIGUOUS) ambiguous = true;
        else if (way !== undefined) found.add(way);
      }
      dir = !ambiguous && found.size === 1 ? [...found][0] : undefined;
    }
    const out = dir === AMBIGUOUS ? undefined : dir;
    memo.set(classname, out);
    return out;
  }

  /**
   * The folder of a package named by its path inside its module (`relative`; `.` the module's root): the folder of Go
   * files at that path below exactly one module root (a folder with a go.mod), inside that module. Without a go.mod in
   * the workspace, none: the module may sit above the workspace.
   */
  private relativeDir(classname: string): string | undefined {
    // No folder is deeper than the deepest folder of Go files: a classname of thousands of segments costs no more.
    if (classname !== '.' && classname.split('/', this.goDirs.depth + 1).length > this.goDirs.depth) return undefined;
    if (classname.startsWith('/') || classname.endsWith('/') || classname.split('/').some((s) => s === '' || s === '..' || (s === '.' && classname !== '.'))) return undefined;
    const found: string[] = [];
    for (const root of this.goDirs.modules) {
      const inside = classname === '.' ? root : root ? `${root}/${classname}` : classname;
      if (this.goDirs.dirs.has(inside) && moduleRootOf(inside, this.goDirs.modules) === root) found.push(inside);
    }
    return found.length === 1 ? found[0] : found.length ? AMBIGUOUS : undefined;
  }

  /**
   * The folder of a package named by its last segment (`short`): the one workspace folder of Go files of that name. A
   * module's root package is named by its module path's last segment (`module example.com/pump`: `pump`), which only
   * its go.mod tells (GoDirs.modulePaths): where the workspace holds a root package with tests whose module path is
   * not known (Go test files in a folder with a go.mod that declares none this reads, or at the workspace root without
   * one), any name may be its, so a name that fits a folder fits two (fail closed: a root package's pass is never a
   * folder's). A name that fits two folders, a root package and a sub-folder alike, fits none.
   */
  private shortDir(classname: string): string | undefined {
    if (!classname || classname.includes('/') || classname === '.') return undefined;
    if (!this.byShort) {
      const tests = this.goDirs.testDirs ?? this.goDirs.dirs;
      const byShort = new Map<string, string[]>();
      const add = (name: string, dir: string) => {
        const list = byShort.get(name);
        if (list) list.push(dir);
        else byShort.set(name, [dir]);
      };
      this.unknownRoot = false;
      for (const dir of this.goDirs.dirs) {
        const modulePath = this.goDirs.modulePaths?.get(dir);
        if (modulePath !== undefined) add(baseName(modulePath), dir);
        else if (dir === '' || this.goDirs.modules.has(dir)) {
          if (tests.has(dir)) this.unknownRoot = true;
          // A root package without tests, of a path not known: it writes no case, but its folder's name may be one.
          else if (dir) add(baseName(dir), dir);
        } else add(baseName(dir), dir);
      }
      this.byShort = byShort;
    }
    const found = this.byShort.get(classname) ?? [];
    return found.length === 1 && !this.unknownRoot ? found[0] : found.length ? AMBIGUOUS : undefined;
  }

  /** The workspace folder (`''` for the root) of the package with this import path, if the results tell it. */
  dirOf(classname: string): string | undefined {
    const importPath = classname.trim();
    if (this.memo.has(importPath)) return this.memo.get(importPath);
    let dir: string | undefined;
    let longest = -1;
    let twice = false;
    for (const [root, modulePath] of this.modules) {
      if (modulePath.length < longest) continue;
      let here: string | undefined;
      if (importPath === modulePath) here = root;
      else if (importPath.startsWith(`${modulePath}/`)) {
        const inside = root ? `${root}/${importPath.slice(modulePath.length + 1)}` : importPath.slice(modulePath.length + 1);
        if (this.goDirs.dirs.has(inside) && moduleRootOf(inside, this.goDirs.modules) === root) here = inside;
      }
      if (here === undefined) continue;
      // Two modules of one path (learnt alike, or a copy of a module in the workspace) that both fit: neither folder.
      if (modulePath.length > longest) [dir, longest, twice] = [here, modulePath.length, false];
      else if (here !== dir) twice = true;
    }
    if (twice) dir = undefined;
    else dir ??= packageDir(importPath, this.goDirs);
    this.memo.set(importPath, dir);
    return dir;
  }
}

/** A way of reading a classname that fits several folders (no folder path holds a NUL). */
const AMBIGUOUS = '\0ambiguous';

/** The nearest folder at or above `dir` holding a go.mod (`''` for the workspace root), if any. */
function moduleRootOf(dir: string, modules: ReadonlySet<string>): string | undefined {
  for (let d = dir; ; d = d.slice(0, Math.max(0, d.lastIndexOf('/')))) {
    if (modules.has(d)) return d;
    if (d === '') return undefined;
  }
}

/** The workspace folder of Go files whose path is the longest ending of `importPath` (never all of it: its first segment is the module's host). */
function packageDir(importPath: string, goDirs: GoDirs): string | undefined {
  const segs = importPath.split('/');
  // Only endings as deep as a workspace folder can be one: a classname of thousands of segments costs no more.
  for (let length = Math.min(segs.length - 1, goDirs.depth); length >= 1; length--) {
    const candidate = segs.slice(segs.length - length).join('/');
    if (candidate && goDirs.dirs.has(candidate)) {
      // A folder of a module whose go.mod declares its path has an import path of that path, which did not fit.
      const root = goDirs.modulePaths?.size ? moduleRootOf(candidate, goDirs.modules) : undefined;
      return root !== undefined && goDirs.modulePaths!.has(root) ? undefined : candidate;
    }
  }
  return undefined;
}

/** The folders holding Go files (`''` for the workspace root), the most segments one has, and the folders holding a go.mod. */
export interface GoDirs {
  dirs: ReadonlySet<string>;
  depth: number;
  modules: ReadonlySet<string>;
  /** The folders holding Go test files (`_test.go`). */
  testDirs?: ReadonlySet<string>;
  /** The module path each folder's go.mod declares (go-mod.ts), where it was read and no other go.mod declares it too. */
  modulePaths?: ReadonlyMap<string, string>;
}

/**
 * The folders holding Go files and go.mod files, from the workspace's file list, and the module paths the hosts read
 * from those go.mod files (TestResultsInput.goModules: folder -> path).
 */
export function goDirsOf(files: readonly string[], declared?: Readonly<Record<string, string>>): GoDirs {
  const dirs = new Set<string>();
  const modules = new Set<string>();
  const testDirs = new Set<string>();
  let depth = 0;
  for (const f of files) {
    const dir = f.includes('/') ? f.slice(0, f.lastIndexOf('/')) : '';
    const base = baseName(f);
    if (base === 'go.mod') modules.add(dir);
    else if (f.endsWith('.go')) {
      if (f.endsWith('_test.go')) testDirs.add(dir);
      if (dirs.has(dir)) continue;
      dirs.add(dir);
      if (dir) depth = Math.max(depth, dir.split('/').length);
    }
  }
  const modulePaths = new Map<string, string>();
  if (declared) {
    // A module path declared twice (a copy of the module under testdata/, a fork beside it) names neither module.
    const seen = new Map<string, number>();
    for (const dir of modules) if (Object.hasOwn(declared, dir) && typeof declared[dir] === 'string') seen.set(declared[dir], (seen.get(declared[dir]) ?? 0) + 1);
    for (const dir of modules) if (Object.hasOwn(declared, dir) && seen.get(declared[dir]) === 1) modulePaths.set(dir, declared[dir]);
  }
  return { dirs, depth, modules, testDirs, modulePaths };
}
