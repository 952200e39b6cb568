import * as fs from 'node:fs/promises';
import * as path from 'node:path';

/** The synthetic workspace of issue 4's benchmark: N requirements, F files of K tagged functions each. */
export interface BenchShape {
  name: string;
  requirements: number;
  files: number;
  functionsPerFile: number;
}

export const BENCH_SHAPES: Readonly<Record<string, BenchShape>> = {
  quick: { name: 'quick', requirements: 500, files: 50, functionsPerFile: 20 },
  small: { name: 'small', requirements: 5_000, files: 500, functionsPerFile: 20 },
  large: { name: 'large', requirements: 20_000, files: 2_000, functionsPerFile: 25 },
};

export type BenchLanguage = 'python' | 'c' | 'cpp' | 'typescript' | 'javascript' | 'java' | 'go' | 'rust' | 'csharp';

interface Template {
  ext: string;
  header?: (f: number) => string;
  footer?: string;
  fn: (f: number, k: number, id: string) => string;
}

const C_LIKE_BODY = (k: number, indent: string, decl: string) => `${indent}${decl} x = ${k};\n${indent}for (${decl} i = 0; i < 3; i++) {\n${indent}    x += i;\n${indent}}\n${indent}return x;\n`;

const TEMPLATES: Readonly<Record<BenchLanguage, Template>> = {
  python: {
    ext: 'py',
    fn: (f, k, id) => `def func_${f}_${k}(a, b):\n    # @spdf implements ${id}\n    x = ${k}\n    for i in range(3):\n        x += i\n    return x\n\n`,
  },
  c: { ext: 'c', fn: (f, k, id) => `int func_${f}_${k}(int a, int b) {\n    // @spdf implements ${id}\n${C_LIKE_BODY(k, '    ', 'int')}}\n\n` },
  cpp: { ext: 'cpp', fn: (f, k, id) => `int func_${f}_${k}(int a, int b) {\n    // @spdf implements ${id}\n${C_LIKE_BODY(k, '    ', 'int')}}\n\n` },
  typescript: {
    ext: 'ts',
    fn: (f, k, id) =>
      `export function func_${f}_${k}(a: number, b: number): number {\n  // @spdf implements ${id}\n  let x = ${k};\n  for (let i = 0; i < 3; i++) {\n    x += i;\n  }\n  return x;\n}\n\n`,
  },
  javascript: {
    ext: 'js',
    fn: (f, k, id) => `function func_${f}_${k}(a, b) {\n  // @spdf implements ${id}\n  let x = ${k};\n  for (let i = 0; i < 3; i++) {\n    x += i;\n  }\n  return x;\n}\n\n`,
  },
  java: {
    ext: 'java',
    header: (f) => `package bench;\n\npublic class File${f} {\n`,
    footer: '}\n',
    fn: (f, k, id) => `    static int func_${f}_${k}(int a, int b) {\n        // @spdf implements ${id}\n${C_LIKE_BODY(k, '        ', 'int')}    }\n\n`,
  },
  csharp: {
    ext: 'cs',
    header: (f) => `namespace Bench;\n\npublic static class File${f}\n{\n`,
    footer: '}\n',
    fn: (f, k, id) => `    static int Func_${f}_${k}(int a, int b)\n    {\n        // @spdf implements ${id}\n${C_LIKE_BODY(k, '        ', 'int')}    }\n\n`,
  },
  go: {
    ext: 'go',
    header: () => 'package bench\n\n',
    fn: (f, k, id) => `func func_${f}_${k}(a int, b int) int {\n\t// @spdf implements ${id}\n\tx := ${k}\n\tfor i := 0; i < 3; i++ {\n\t\tx += i\n\t}\n\treturn x\n}\n\n`,
  },
  rust: {
    ext: 'rs',
    fn: (f, k, id) => `fn func_${f}_${k}(a: i32, b: i32) -> i32 {\n    // @spdf implements ${id}\n    let mut x = ${k};\n    for i in 0..3 {\n        x += i;\n    }\n    x\n}\n\n`,
  },
};

export interface GeneratedWorkspace {
  dir: string;
  tags: number;
  missingIdTags: number;
  uncoveredRequirements: number;
  sourceBytes: number;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * Writes the workspace into `dir` (emptied first). 1% of requirements get no tag; 0.5% of tags name an
 * ID that does not exist. Deterministic, so runs compare.
 */
export async function generateWorkspace(dir: string, shape: BenchShape, language: BenchLanguage = 'python'): Promise<GeneratedWorkspace> {
  await fs.rm(dir, { recursive: true, force: true });
  await fs.mkdir(path.join(dir, 'model'), { recursive: true });
  await fs.mkdir(path.join(dir, 'src'), { recursive: true });
  const width = String(shape.requirements).length + 1;
  const reqId = (n: number) => `SEC-REQ-${pad(n, width)}`;

  const perModelFile = 1000;
  for (let start = 0; start < shape.requirements; start += perModelFile) {
    let yaml = 'requirements:\n';
    for (let n = start; n < Math.min(start + perModelFile, shape.requirements); n++) {
      yaml += `  - id: ${reqId(n)}\n    title: Requirement ${n}\n    text: The pump shall satisfy generated requirement ${n}.\n`;
    }
    await fs.writeFile(path.join(dir, 'model', `requirements-${pad(start / perModelFile, 3)}.spdf.yaml`), yaml);
  }

  const covered = shape.requirements - Math.floor(shape.requirements / 100);
  const missingEvery = 200;
  const template = TEMPLATES[language];
  let tag = 0;
  let missingIdTags = 0;
  let sourceBytes = 0;
  for (let f = 0; f < shape.files; f++) {
    let text = template.header?.(f) ?? '';
    for (let k = 0; k < shape.functionsPerFile; k++, tag++) {
      const missing = tag % missingEvery === missingEvery - 1;
      if (missing) missingIdTags++;
      text += template.fn(f, k, missing ? `SEC-REQ-MISSING-${tag}` : reqId(tag % covered));
    }
    text += template.footer ?? '';
    sourceBytes += Buffer.byteLength(text);
    await fs.writeFile(path.join(dir, 'src', `file_${pad(f, 5)}.${template.ext}`), text);
  }
  return { dir, tags: tag, missingIdTags, uncoveredRequirements: shape.requirements - covered, sourceBytes };
}
