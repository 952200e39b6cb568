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
