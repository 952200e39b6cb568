import { isDeepStrictEqual } from 'node:util';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseYamlFast } from '../src/core/yaml/fast-parse';
import { DEFAULT_YAML_LIMITS, parseYaml, parseYamlReference } from '../src/core/yaml/parse';
import { generateModel } from './model-gen';
import { generatePeerCorpus, PEER_SHAPES } from './peer/corpus';

/**
 * `npm run bench -- --only yaml` (issue 13 item 2): parseYaml (fast path, reference path for what it leaves)
 * against the reference path alone (`yaml` + converter), in the same process over the same texts: medians of
 * interleaved rounds, MB/s. Every file's trees are compared before timing.
 */
function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => readFileSync(join(e.parentPath, e.name), 'utf8'));
}

async function peerModel(shape: string): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'spdf-yaml-bench-'));
  try {
    await generatePeerCorpus(dir, PEER_SHAPES[shape]);
    return yamlFiles(join(dir, 'model'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function time(texts: string[], parse: (t: string) => unknown): number {
  const t0 = performance.now();
  for (const t of texts) parse(t);
  return performance.now() - t0;
}

function measureSet(label: string, texts: string[], rounds: number): void {
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  let fast = 0;
  for (const t of texts) {
    if (!isDeepStrictEqual(parseYaml(t), parseYamlReference(t))) throw new Error(`${label}: parseYaml and the reference path differ`);
    if (parseYamlFast(t.replace(/\r(?!\n)/g, '\n'), DEFAULT_YAML_LIMITS.maxDepth)) fast++;
  }
  const old: number[] = [];
  const now: number[] = [];
  for (let r = 0; r < rounds; r++) {
    old.push(time(texts, (t) => parseYamlReference(t)));
    now.push(time(texts, (t) => parseYaml(t)));
  }
  const mbs = (ms: number) => (bytes / 1e6 / (ms / 1000)).toFixed(1);
  console.log(`${label}: ${texts.length} files, ${(bytes / 1e6).toFixed(2)} MB, ${fast} on the fast path; medians of ${rounds} interleaved rounds`);
  console.log(`  reference path (yaml + converter) ${median(old).toFixed(0).padStart(6)} ms  ${mbs(median(old)).padStart(6)} MB/s  1.00x`);
  console.log(`  parseYaml                         ${median(now).toFixed(0).padStart(6)} ms  ${mbs(median(now)).padStart(6)} MB/s  ${(median(now) / median(old)).toFixed(3)}x reference`);
}

export async function runYamlParseBench({ quick = false, runs }: { quick?: boolean; runs?: number } = {}): Promise<void> {
  const rounds = runs ?? (quick ? 1 : 5);
  measureSet(`peer corpus ${quick ? 'quick' : '20k'} (model/*.spdf.yaml)`, await peerModel(quick ? 'quick' : '20k'), rounds);
  measureSet(`bench/model-gen.ts, ${quick ? 200 : 2000} requirements`, [...generateModel(quick ? 200 : 2000).values()], rounds);
  const root = join(__dirname, '..');
  measureSet(
    'repository YAML (test/, examples/, requirements/)',
    ['test', 'examples', 'requirements'].flatMap((d) => yamlFiles(join(root, d))),
    rounds,
  );
}
