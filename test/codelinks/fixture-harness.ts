import * as fs from 'node:fs';
import * as path from 'node:path';
import { indexCodeFile } from '../../src/core/codelinks/index-code-file';
import { languageForPath, type CodeLanguage } from '../../src/core/codelinks/languages';
import type { CodeFileIndex } from '../../src/core/codelinks/model';
import { compileTagSyntaxes, type TagSyntaxOptions } from '../../src/core/codelinks/tag-syntaxes';
import { TreeSitterRuntime } from '../../src/node/treesitter/tree-sitter-runtime';

export const FIXTURE_ROOT = path.resolve(__dirname, '../fixtures/code');

let runtime: Promise<TreeSitterRuntime> | undefined;
export function sharedRuntime(): Promise<TreeSitterRuntime> {
  runtime ??= TreeSitterRuntime.create();
  return runtime;
}

export function listFixtures(dir = FIXTURE_ROOT): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFixtures(full));
    else if (languageForPath(entry.name)) out.push(full);
  }
  return out.sort();
}

/** `spdf-test-config: {json}` inside a fixture selects tag syntaxes for it. */
export function fixtureConfig(text: string): TagSyntaxOptions {
  const m = /spdf-test-config:\s*(\{.*\})/.exec(text);
  return m ? (JSON.parse(m[1]) as TagSyntaxOptions) : {};
}

export async function indexText(file: string, text: string, options: TagSyntaxOptions = {}, language: CodeLanguage | undefined = languageForPath(file)): Promise<CodeFileIndex> {
  if (!language) throw new Error(`no language for ${file}`);
  const rt = await sharedRuntime();
  const tree = await rt.parse(language, text);
  try {
    return indexCodeFile({ file, language, text, root: tree.rootNode }, compileTagSyntaxes(options));
  } finally {
    tree.delete();
  }
}

export interface Expectations {
  links: string[];
  linkExtras: Map<string, Record<string, string>>;
  orphans: string[];
  symbols: string[];
  exclusions: string[];
  /** `kind line[ suggest=text]` of problems expected on the nearest fixture line above each `expect-problem:` (0-based). */
  problems: string[];
  /** Lines that hold expectations or config: tags found there are part of the harness, not the fixture. */
  harnessLines: Set<number>;
}

export function readExpectations(text: string): Expectations {
  const result: Expectations = { links: [], linkExtras: new Map(), orphans: [], symbols: [], exclusions: [], problems: [], harnessLines: new Set() };
  text.split('\n').forEach((line, index) => {
    if (/spdf-test-config:/.test(line)) result.harnessLines.add(index);
    const m = /expect-(link|orphan|symbol|exclude|problem):\s*(.*?)\s*(?:\*\/|"""|-->)?\s*$/.exec(line);
    if (!m) return;
    result.harnessLines.add(index);
    const body = m[2];
    switch (m[1]) {
      case 'link': {
        const words = body.split(/\s+/);
        const extras: Record<string, string> = {};
        while (words.length && /^[a-z]+=\S+$/.test(words[words.length - 1])) {
          const [k, v] = words.pop()!.split('=');
          extras[k] = v;
        }
        const [id, relation, ...symbol] = words;
        const key = `${id} ${relation} ${symbol.join(' ')}`;
        result.links.push(key);
        result.linkExtras.set(key, extras);
        break;
      }
      case 'orphan':
        result.orphans.push(body);
        break;
      case 'symbol':
        result.symbols.push(body);
        break;
      case 'exclude':
        result.exclusions.push(body);
        break;
      case 'problem': {
        const [kind, ...extras] = body.split(/\s+/);
        let target = index - 1;
        while (result.harnessLines.has(target)) target--;
        result.problems.push([kind, String(target), ...extras].join(' '));
        break;
      }
    }
  });
  return result;
}
