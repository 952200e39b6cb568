// @spdf implements SPDF-LSP-INCR
import { buildGraph, type ReferenceCache } from '../core/model/build-graph';
import type { Graph, LoadProblem } from '../core/model/graph';
import type { LoadedFile } from '../core/model/load-file';
import type { Load } from './workspace-reads';
import { patchGraph } from './graph-patch';

/**
 * The graph of the model files as loaded (in path order), the SBOM documents and the problems of the config and of
 * files that did not load: what `loadWorkspace` builds from the same inputs. `cache` carries the references of
 * unchanged items from one rebuild to the next; with the `previous` graph, an edit of one file that renames nothing is patched in.
 */
export function assembleGraph(
  loads: ReadonlyMap<string, Load>,
  sboms: { files: LoadedFile[]; problems: LoadProblem[] },
  configProblems: LoadProblem[],
  cache: ReferenceCache,
  previous?: Graph,
): Graph {
  const ok: LoadedFile[] = [];
  const failed: LoadProblem[] = [];
  for (const p of [...loads.keys()].sort()) {
    const l = loads.get(p)!;
    if ('problem' in l) failed.push(l.problem);
    else ok.push(l);
  }
  const loaded = [...ok, ...sboms.files];
  const problems = [...configProblems, ...failed, ...sboms.problems];
  const before = previous && loadedOf.get(previous);
  const patched = previous && before && patchGraph(previous, before, loaded, problems, cache);
  const graph = patched || buildGraph(loaded, problems, cache);
  loadedOf.set(graph, loaded);
  const at = patched ? loaded.findIndex((l, i) => l !== before[i]) : -1;
  if (patched && previous && before && at >= 0) editsOf.set(graph, { prev: graphId(previous), before: before[at], after: loaded[at] });
  return graph;
}

/**
 * The edit a patched graph was patched with: the previous graph's `graphId`, and the one model file before and after.
 * Not a reference to the previous graph, nor a WeakRef: V8 keeps a WeakRef's target alive until the job that made or
 * read it ends, and in the server that kept every earlier graph and model text alive (about 2 MB per model edit).
 */
export interface GraphEdit {
  prev: number;
  before: LoadedFile;
  after: LoadedFile;
}

export function editOf(graph: Graph): GraphEdit | undefined {
  return editsOf.get(graph);
}

const editsOf = new WeakMap<Graph, GraphEdit>();

let lastGraphId = 0;
const graphIds = new WeakMap<Graph, number>();

/** A number naming `graph` for as long as it lives, without keeping it alive. */
export function graphId(graph: Graph): number {
  let id = graphIds.get(graph);
  if (id === undefined) graphIds.set(graph, (id = ++lastGraphId));
  return id;
}

/** The files each assembled graph was built from, so the next one can be patched from it (src/server/graph-patch.ts). */
const loadedOf = new WeakMap<Graph, readonly LoadedFile[]>();

/** A part of the graph `assembleGraph` builds: one loaded model file, or the rest (SBOM documents and the problems of the config and of files that did not load). */
export interface GraphUnit {
  /** The model file's path; '' for the rest. */
  key: string;
  loaded: readonly LoadedFile[];
  problems: readonly LoadProblem[];
}

/** The graph of `assembleGraph` cut into units: file-scoped rules (`meta.scope`) report on the whole graph exactly what they report on each unit alone. */
export function graphUnits(loads: ReadonlyMap<string, Load>, sboms: { files: LoadedFile[]; problems: LoadProblem[] }, configProblems: LoadProblem[]): GraphUnit[] {
  const units: GraphUnit[] = [];
  const failed: LoadProblem[] = [];
  for (const p of [...loads.keys()].sort()) {
    const l = loads.get(p)!;
    if ('problem' in l) failed.push(l.problem);
    else units.push({ key: p, loaded: [l], problems: [] });
  }
  units.push({ key: '', loaded: sboms.files, problems: [...configProblems, ...failed, ...sboms.problems] });
  return units;
}
