// @spdf implements SPDF-BASE-004
import { posix } from 'node:path';
import { Fingerprinter } from '../core/baseline/fingerprint';
import { parseBaseline, type Baseline } from '../core/baseline/format';
import { matchBaseline } from '../core/baseline/match';
import type { CodeLinksInput } from '../core/codelinks/rule-input';
import { CONFIG_FILE } from '../core/model/config';
import type { ResolvedConfig } from '../core/model/config-def';
import type { Graph } from '../core/model/graph';
import type { Finding } from '../core/types';
import { ZERO } from './workspace-reads';

/** The baseline file a config names, workspace-relative, or undefined (none, or outside the root). */
export function baselinePathOf(config: ResolvedConfig | undefined): string | undefined {
  const name = config?.baseline;
  if (name === undefined) return undefined;
  const p = posix.normalize(name.replace(/\\/g, '/'));
  return p.startsWith('../') || p === '..' || posix.isAbsolute(p) || /^[a-zA-Z]:/.test(p) ? undefined : p;
}

/** The editor's view of the config's baseline: which findings it accepts, and its own problems (which baseline nothing). */
export class EditorBaseline {
  private baseline?: Baseline;
  private problems: Finding[] = [];
  /** The problems `apply` last added to the files' findings (taken out again before the next ones go in). */
  private added: readonly Finding[] = [];
  dirty = true;
  /** Findings of the latest check that the baseline accepts (the editor shows them at a lower severity). */
  baselined: ReadonlySet<Finding> = new Set();

  async load(config: ResolvedConfig, readText: (path: string) => Promise<string | undefined>): Promise<void> {
    this.baseline = undefined;
    this.problems = [];
    this.dirty = true;
    if (config.baseline === undefined) return;
    const problem = (file: string, range: Finding['range'], message: string) =>
      this.problems.push({ code: 'TM009', severity: 'error', file, range, message: `baseline: ${message}; no finding is baselined` });
    const path = baselinePathOf(config);
    if (path === undefined) return void problem(CONFIG_FILE, ZERO, `'${config.baseline}' must name a file inside the workspace root`);
    const text = await readText(path);
    if (text === undefined) return void problem(CONFIG_FILE, ZERO, `'${path}' named by spdf.config.yaml does not exist or cannot be read (write it with spdf baseline)`);
    const parsed = parseBaseline(text);
    for (const p of parsed.problems) problem(path, p.range, p.message);
    this.baseline = parsed.baseline;
  }

  /** Splits the latest findings against the baseline, and adds the baseline's own problems to the files' findings. */
  apply(findings: readonly Finding[], graph: Graph, code: CodeLinksInput | undefined, findingsByFile: Map<string, Finding[]>): void {
    const fp = this.baseline && new Fingerprinter({ graph, code });
    this.baselined = new Set(fp && this.baseline ? matchBaseline(findings, this.baseline, (f) => fp.of(f)).baselined : []);
    const added = new Set(this.added);
    for (const p of this.added) {
      const left = (findingsByFile.get(p.file) ?? []).filter((f) => !added.has(f));
      if (left.length) findingsByFile.set(p.file, left);
      else findingsByFile.delete(p.file);
    }
    for (const p of this.problems) findingsByFile.set(p.file, [...(findingsByFile.get(p.file) ?? []), p]);
    this.added = this.problems;
    this.dirty = false;
  }
}
