import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generatedFiles } from './generated-files';

/** Writes every generated file (schemas, model types, rule docs, README rules table). The tests only compare. */
const root = join(__dirname, '..');
for (const [file, content] of Object.entries(generatedFiles())) {
  const abs = join(root, file);
  const current = existsSync(abs) ? readFileSync(abs, 'utf8') : '';
  const next = typeof content === 'string' ? content : content(current);
  if (next === current) continue;
  mkdirSync(dirname(abs), { recursive: true });
  writeFileSync(abs, next);
  console.log(`wrote ${file}`);
}
