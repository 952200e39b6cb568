// @spdf implements SPDF-FC-JUNIT-MAPPING
import type { ModelItem } from '../core/model/graph';
import type { WorkspaceState } from './state';

/**
 * What the editor shows as a YAML test's result: the outcome the matrix decides from the JUnit cases read
 * (src/core/analysis/junit-mapping.ts), not the `result` written in the model, which a failed case overrides.
 * Where the two differ, the recorded one is named beside it.
 */
export function testResultLabel(state: WorkspaceState, test: ModelItem): { outcome?: string; text?: string } {
  const outcome = state.traceIndex().index.testOutcome(test.id);
  const recorded = typeof test.data.result === 'string' ? test.data.result : undefined;
  if (outcome === 'none') return recorded ? { outcome: recorded, text: recorded } : {};
  return { outcome, text: recorded && recorded !== outcome ? `${outcome} (recorded ${recorded})` : outcome };
}
