/**
 * The language server's workspace: per-file model loads and per-file code indexes (read in full by WorkspaceLoad,
 * workspace-load.ts), kept up to date one file at a time here, with open documents overriding the disk, and checked.
 * Knows nothing of LSP (paths are workspace-relative POSIX paths; positions are the core's).
 */
import type { LinkReviewStatus } from '../core/codelinks/review-status';
import type { CodeLink } from '../core/codelinks/model';
import { FsHost } from '../node/fs-host';
import type { ItemTrace, TraceInputs } from '../core/matrix/status';
import type { TraceIndex } from '../core/matrix/build';
import { GraphIndex } from '../core/query/locate';
import type { LintResult } from '../core/rules/engine';
import { findingsByFile, lintCode, mergeLintRuns, MODEL_RULES, openOutsideModel } from './lint-runs';
import { sameLinkSet, sameRuleFacts } from './rule-fingerprint';
import { traceInputsOf } from './trace-cache';
import { graphUnits } from './graph-assembly';
import { matrixProblemsOf } from './input-problems';
import { isGitignore, relistHost, walkLists } from './listed-files';
import { readModelFile } from './workspace-reads';
import { type ChangeKind, WorkspaceLoad } from './workspace-load';

export type { ChangeKind, StateOptions } from './workspace-load';

export class WorkspaceState extends WorkspaceLoad {
  /** An open document's text changed (or it was opened). */
  async setOverlay(path: string, text: string): Promise<ChangeKind> {
    const same = this.overlays.get(path) === text || (!this.overlays.has(path) && this.graph?.fileByPath.get(path)?.source.text === text);
    this.overlays.set(path, text);
    // A document on a file the walk does not list (a .gitignore hides it) is not read into the workspace, as `spdf
    // check` does not read it; a file not on disk yet is judged as the file it will be.
    const listed = this.files.has(path) || (await walkLists(this.host, path, true));
    if (listed && !this.files.has(path)) this.files.add(path);
    if (await this.evidence.changed(this.host, this.overlays, path, 'changed')) this.linksChanged = true;
    const kind = this.kindOf(path);
    if (!listed) return this.unlisted(path);
    if (same && kind !== 'code') return kind;
    return this.refresh(path);
  }

  /** A document closed: the disk is the truth again. */
  async closeOverlay(path: string): Promise<ChangeKind> {
    this.overlays.delete(path);
    if (await this.evidence.changed(this.host, this.overlays, path, 'changed')) this.linksChanged = true;
    await this.code?.release(path);
    return this.files.has(path) ? this.refresh(path) : this.unlisted(path);
  }

  /**
   * A file changed on disk (watcher). Open documents keep their editor text. Files of a root served inside this one come
   * here too when this root's load read them (a sub-folder it does not exclude): read from disk, as `spdf check` does.
   */
  async fileChanged(path: string, type: 'created' | 'changed' | 'deleted'): Promise<ChangeKind> {
    this.resultFiles.changed(path, type);
    if (this.host instanceof FsHost) this.host.changed(path);
    await this.inputProblems.fileChanged(path, type);
    if (!this.overlays.has(path) && (await this.evidence.changed(this.host, this.overlays, path, type))) this.linksChanged = true; // VT002 re-runs
    if (isGitignore(path) && this.host instanceof FsHost) {
      await this.relist();
      return 'other';
    }
    if (type === 'deleted') return this.drop(path);
    if (!(await walkLists(this.host, path))) {
      // Not a file `spdf check` reads or notes (a .gitignore hides it, a folder never walked, a folder link out of the
      // root): not taken up, and dropped if it was.
      return this.files.has(path) ? this.drop(path) : this.unlisted(path);
    }
    if (!this.files.has(path)) this.files.add(path);
    if (this.overlays.has(path)) return 'other';
    return this.refresh(path);
  }

  /** A file the walk does not list changed or was opened: only a file the model names (an SBOM) is read, by its path, listed or not. */
  private async unlisted(path: string): Promise<ChangeKind> {
    if (this.sboms.paths.includes(path)) {
      await this.loadSboms();
      this.graphDirty = true;
    }
    return 'other';
  }

  /** `path` is no longer a listed file (deleted, or the walk would not list it now). */
  private async drop(path: string): Promise<ChangeKind> {
    this.files.delete(path);
    this.loads.delete(path);
    this.code?.remove(path);
    this.codeSuppressions.delete(path);
    const kind = this.kindOf(path);
    if (kind === 'config') await this.relist();
    else if (kind === 'lock') await this.loadLock();
    else if (kind === 'baseline') await this.loadBaseline();
    if (kind === 'model' || this.sboms.paths.includes(path)) {
      await this.loadSboms();
      this.graphDirty = true;
    }
    if (kind === 'code' || kind === 'lock') this.codeDirty = true;
    if (kind === 'code') this.linksChanged = true;
    return kind;
  }

  /** Lists the root's files again and reads them as a fresh load does (a .gitignore or the config changed which files are read). */
  private async relist(): Promise<void> {
    await this.loadAll(undefined, relistHost(this.host, this.opts.root));
  }

  protected async refresh(path: string): Promise<ChangeKind> {
    const kind = this.kindOf(path);
    switch (kind) {
      case 'config':
        await this.relist();
        break;
      case 'lock':
        await this.loadLock();
        this.codeDirty = true;
        break;
      case 'baseline':
        await this.loadBaseline();
        break;
      case 'model':
        this.loads.set(path, await readModelFile(this.host, path, this.overlays.get(path), this.config.limits));
        await this.evidence.read(this.host, this.overlays, this.loads.values(), this.files.paths, false);
        await this.loadSboms();
        this.graphDirty = true;
        break;
      case 'code': {
        const before = this.code.files.get(path);
        const suppressionsChanged = this.codeSuppressions.note(path, (await this.code.refresh(path, this.host, this.overlays.get(path))) ?? '');
        const after = this.code.files.get(path);
        // Rules see the code index, not the text: when the file's rule-relevant facts are identical, every
        // rule result is too, and the check is skipped (typing inside a function body on one line).
        if (suppressionsChanged || !sameRuleFacts(before, after, this.reviewLock.lock)) {
          this.codeDirty = true;
          if (!sameLinkSet(before, after)) this.linksChanged = true;
        }
        break;
      }
      default:
        if (this.opts.codeLinks && this.code?.isUnreadLanguage(path)) await this.code.refresh(path, this.host, this.overlays.get(path));
        if (this.sboms.paths.includes(path)) {
          await this.loadSboms();
          this.graphDirty = true;
        }
        break;
    }
    return kind;
  }

  /** Rebuilds what is dirty and lints. Returns the files whose findings may have changed (all when undefined). */
  check(): { result: LintResult; graphRebuilt: boolean } {
    let graphRebuilt = false;
    if (this.graphDirty || !this.graph || this.linksChanged) {
      if (this.graphDirty || !this.graph) this.rebuildGraph();
      this.modelResult = this.modelLint.run(this.inputs(), graphUnits(this.loads, this.sboms, this.configProblems), MODEL_RULES);
      this.graphDirty = false;
      this.linksChanged = false;
      this.codeDirty = true;
      graphRebuilt = true;
    }
    const outside = this.overlays.size === 0 ? [] : openOutsideModel(this.graph, this.config, this.files.sorted, this.overlays.keys());
    const outsideKey = JSON.stringify(outside);
    if (this.codeDirty || outsideKey !== this.outsideKey) {
      if (this.codeDirty) this.codeResult = lintCode(this.inputs(), this.codeSuppressions.all(), this.codeReuse);
      this.codeDirty = false;
      this.outsideKey = outsideKey;
      const merged = mergeLintRuns(this.modelResult, this.codeResult, (f) => this.kindOf(f) === 'code');
      this.result = outside.length ? { ...merged, findings: [...merged.findings, ...outside] } : merged;
      this.findingsByFile = findingsByFile(this.result.findings);
      this.traceCache.clear();
      this.editorBaseline.dirty = true;
    }
    if (this.editorBaseline.dirty) this.editorBaseline.apply(this.result.findings, this.graph, this.codeInput(), this.findingsByFile);
    this.trees.release(this.loads.values(), (p) => this.overlays.has(p), this.config.limits);
    return { result: this.result, graphRebuilt };
  }

  /** The position index of the graph, built on first use after a rebuild (after the diagnostics of an edit). */
  get index(): GraphIndex {
    return (this.graphIndex ??= new GraphIndex(this.graph));
  }

  /** Review state of one code link against the lock. */
  reviewOf(link: CodeLink): LinkReviewStatus {
    return this.reviewLock.reviewOf(this.graph, link);
  }

  /** The matrix module's trace index over the current graph, lint result and code links (cached until the next check). */
  traceIndex(): { inputs: TraceInputs; index: TraceIndex } {
    return this.traceCache.index(() => traceInputsOf(this), matrixProblemsOf(this));
  }

  /** Trace statuses of the items of these kinds (cached until the next check). */
  traces(kinds: readonly string[] = ['requirement']): ItemTrace[] {
    return this.traceCache.traces(kinds, () => traceInputsOf(this));
  }

  textOf(path: string): string | undefined {
    return this.overlays.get(path) ?? this.graph?.fileByPath.get(path)?.source.text;
  }

  async readTextOf(path: string): Promise<string | undefined> {
    return this.textOf(path) ?? this.readText(path);
  }

  dispose(): void {
    this.code?.dispose();
  }
}
