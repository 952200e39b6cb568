import * as fs from 'node:fs/promises';
import * as path from 'node:path';

/**
 * The corpus spdf and OpenFastTrace read side by side (issue 13): N requirements, F Python files of K functions,
 * each function carrying one OpenFastTrace tag `[impl->dsn~ID~1]`. 1 % of requirements are named by no tag
 * (uncovered); 0.5 % of tags name an ID that no requirement has (orphan). The same `src/` is read by both tools;
 * spdf reads `model/*.spdf.yaml` (tag syntax `oft`), OpenFastTrace reads `spec/*.md` (items `dsn~ID~1`, Needs: impl).
 * Deterministic, so runs and machines compare.
 */
export interface PeerShape {
  name: string;
  requirements: number;
  files: number;
  functionsPerFile: number;
}

export const PEER_SHAPES: Readonly<Record<string, PeerShape>> = {
  quick: { name: 'quick', requirements: 500, files: 50, functionsPerFile: 20 },
  '5k': { name: '5k', requirements: 5_000, files: 500, functionsPerFile: 20 },
  '20k': { name: '20k', requirements: 20_000, files: 2_000, functionsPerFile: 25 },
  /** Issue 13's HTML report target is for 20k and 50k (not in the default run). */
  '50k': { name: '50k', requirements: 50_000, files: 5_000, functionsPerFile: 25 },
  /** Issue 13's memory ceiling: 100,000 requirements and 250,000 links must check within 8 GB (not in the default run). */
  '100k': { name: '100k', requirements: 100_000, files: 10_000, functionsPerFile: 25 },
};

export interface PeerCorpus {
  root: string;
  /** Inputs of OpenFastTrace, relative to root. */
  oftInputs: string[];
  tags: number;
  sourceBytes: number;
  /** What both tools must report, sorted. */
  expectedUncovered: string[];
  expectedOrphans: string[];
  /** A source file the "one file changed" scenario edits. */
  changeFile: string;
}

// OpenFastTrace's items need implementation only (Needs: impl): spdf's verification rules would add defects it has no peer for.
const SPDF_CONFIG = 'include: ["model/**/*.spdf.yaml"]\nrules: { RQ001: off, RQ002: off }\ncode:\n  include: ["src/**"]\n  tag_syntaxes: [oft]\n';

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const ORPHAN_EVERY = 200;

export function requirementId(n: number, shape: PeerShape): string {
  return `SEC-REQ-${pad(n, String(shape.requirements).length + 1)}`;
}

function pythonFunction(f: number, k: number, id: string): string {
  return `def func_${f}_${k}(a, b):\n    # [impl->dsn~${id}~1]\n    x = ${k}\n    for i in range(3):\n        x += i\n    return x\n\n`;
}

export async function generatePeerCorpus(root: string, shape: PeerShape): Promise<PeerCorpus> {
  await fs.rm(root, { recursive: true, force: true });
  for (const dir of ['model', 'spec', 'src']) await fs.mkdir(path.join(root, dir), { recursive: true });
  await fs.writeFile(path.join(root, 'spdf.config.yaml'), SPDF_CONFIG);

  const perFile = 1000;
  for (let start = 0; start < shape.requirements; start += perFile) {
    let yaml = 'requirements:\n';
    let md = `# Generated requirements ${start}\n\n`;
    for (let n = start; n < Math.min(start + perFile, shape.requirements); n++) {
      const id = requirementId(n, shape);
      const text = `The pump shall satisfy generated requirement ${n}.`;
      yaml += `  - id: ${id}\n    title: Requirement ${n}\n    text: ${text}\n`;
      md += `### Requirement ${n}\n\`dsn~${id}~1\`\n\n${text}\n\nNeeds: impl\n\n`;
    }
    const base = `requirements-${pad(start / perFile, 3)}`;
    await fs.writeFile(path.join(root, 'model', `${base}.spdf.yaml`), yaml);
    await fs.writeFile(path.join(root, 'spec', `${base}.md`), md);
  }

  const covered = shape.requirements - Math.floor(shape.requirements / 100);
  const orphans: string[] = [];
  const linked = new Set<number>();
  let tag = 0;
  let sourceBytes = 0;
  let changeFile = '';
  for (let f = 0; f < shape.files; f++) {
    let text = '';
    for (let k = 0; k < shape.functionsPerFile; k++, tag++) {
      const orphan = tag % ORPHAN_EVERY === ORPHAN_EVERY - 1;
      const id = orphan ? `SEC-REQ-MISSING-${tag}` : requirementId(tag % covered, shape);
      if (orphan) orphans.push(id);
      else linked.add(tag % covered);
      text += pythonFunction(f, k, id);
    }
    sourceBytes += Buffer.byteLength(text);
    const file = path.join('src', `file_${pad(f, 5)}.py`);
    if (f === shape.files >> 1) changeFile = file;
    await fs.writeFile(path.join(root, file), text);
  }
  const uncovered: string[] = [];
  for (let n = 0; n < shape.requirements; n++) if (!linked.has(n)) uncovered.push(requirementId(n, shape));
  return { root, oftInputs: ['spec', 'src'], tags: tag, sourceBytes, expectedUncovered: uncovered.sort(), expectedOrphans: orphans.sort(), changeFile };
}
