// @spdf implements SPDF-LSP-READS
import type { Graph } from '../core/model/graph';
import type { RuleOutcomeStore } from '../core/rules/engine';
import type { Finding } from '../core/types';
import { changedFields, FileRemap } from './finding-remap';
import { editOf, graphId, type GraphEdit } from './graph-assembly';

/**
 * The rules' findings of the previous run, kept for a rule whose `meta.reads` names nothing the edit since then
 * changed: the graph was patched from the previous one (one model file edited, IDs, kinds and references unchanged)
 * and every other input is the same object. Their positions in the edited file move with their nodes; when one
 * cannot, or the rule declares no reads, the rule runs. Every rule runs when the file's load problems changed: the
 * tree then differs in more than its values (a duplicated key leaves the data as it was but moves the node a rule
 * points at), so no finding's position can be taken from the previous run.
 */
export class RuleReuse {
  private last?: { graph: Graph; inputs: readonly unknown[]; raw: Map<string, Finding[]> };

  clear(): void {
    this.last = undefined;
  }

  /** The engine's outcome store for a run over `graph`, the other inputs the rules read in `inputs` (compared by identity). */
  store(graph: Graph, inputs: readonly unknown[]): RuleOutcomeStore {
    const last = this.last;
    const raw = new Map<string, Finding[]>();
    this.last = { graph, inputs, raw };
    const edit = last && last.inputs.length === inputs.length && last.inputs.every((x, i) => x === inputs[i]) ? editOf(graph) : undefined;
    if (!last || !edit || edit.prev !== graphId(last.graph)) return { get: () => undefined, set: (rule, outcome) => void raw.set(rule.meta.code, outcome.findings) };
    return {
      get: (rule) => {
        const reads = rule.meta.reads;
        const before = last.raw.get(rule.meta.code);
        if (!reads || !before) return undefined;
        const { changed, remap } = deltaOf(edit);
        if (changed.has('problems') || reads.some((r) => changed.has(r))) return undefined;
        const findings = remap.findings(before);
        if (!findings) return undefined;
        raw.set(rule.meta.code, findings);
        return { findings };
      },
      set: (rule, outcome) => void raw.set(rule.meta.code, outcome.findings),
    };
  }
}

/** The fields an edit changed and its node positions, computed once for the model and the code rules. */
function deltaOf(edit: GraphEdit): { changed: Set<string>; remap: FileRemap } {
  let d = deltas.get(edit);
  if (!d) deltas.set(edit, (d = { changed: changedFields(edit.before, edit.after), remap: new FileRemap(edit.after.file.path, edit.before, edit.after) }));
  return d;
}

const deltas = new WeakMap<GraphEdit, { changed: Set<string>; remap: FileRemap }>();
