// @spdf implements SPDF-LSP-WATCH, SPDF-FC-RESULTS
import type { ResolvedConfig } from '../core/model/config-def';
import { pathMatcher } from '../core/path-glob';

/**
 * The JUnit files `test_results` chooses, followed: a test run that rewrote one since the results were read makes the
 * next check read them again (WorkspaceState.readChangedResults), once however many files the run wrote, so that the
 * editor shows the outcomes `spdf check` would read now, never those of an earlier run.
 */
export class ResultFiles {
  private matches: (path: string) => boolean = () => false;
  private stale = false;

  /** After every (re)load of the config, which reads the results. */
  configure(config: ResolvedConfig): void {
    this.matches = config.testResults.length ? pathMatcher(config.testResults) : () => false;
    this.stale = false;
  }

  /**
   * A watched file was created, changed or deleted. A go.mod moves Go packages, so their cases, however it changed:
   * created or deleted, it makes or ends a module; changed, its `module` line names the module's root package (read
   * with the results: src/node/go-modules.ts).
   */
  changed(path: string, _type: 'created' | 'changed' | 'deleted'): void {
    if (this.matches(path) || /(^|\/)go\.mod$/.test(path)) this.stale = true;
  }

  /** Whether one of them changed since the results were read; the next call says no until another changes. */
  takeStale(): boolean {
    const stale = this.stale;
    this.stale = false;
    return stale;
  }
}
