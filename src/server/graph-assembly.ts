// @spdf implements SPDF-LSP-INCR
import { buildGraph, type ReferenceCache } from '../core/model/build-graph';
import type { Graph, LoadProblem } from '../core/model/graph';
import type { LoadedFile } from '../core/model/load-file';
import type { Load } from './workspace-reads';

/**
 * The graph of the model files as loaded (in path order), the SBOM documents and the problems of the config and of
 * files that did not load: what `loadWorkspace` builds from the same inputs. `cache` carries the references of
 * unchanged items from one rebuild to the next.
 */
export function assembleGraph(loads: ReadonlyMap<string, Load>, sboms: { files: LoadedFile[]; problems: LoadProblem[] }, configProblems: LoadProblem[], cache: ReferenceCache): Graph {
  const ok: LoadedFile[] = [];
  const failed: LoadProblem[] = [];
  for (const p of [...loads.keys()].sort()) {
    const l = loads.get(p)!;
    if ('problem' in l) failed.push(l.problem);
    else ok.push(l);
  }
  return buildGraph([...ok, ...sboms.files], [...configProblems, ...failed, ...sboms.problems], cache);
}

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
