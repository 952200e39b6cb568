// @spdf implements SPDF-IMPORT-MERGE
import { promises as fs } from 'node:fs';
import { basename, join } from 'node:path';
import { mergeImport, type MergeNote } from '../core/import/merge';
import { writeFileAtomic } from './atomic-write';
import { readImportText } from './import-source-bytes';
import { refuseLinkOutside } from './path-inside';

/** What the previous import wrote, per model file: the base of the next re-import's merge. */
export const IMPORT_BASE = 'IMPORT-BASE.json';
const BASE_VERSION = 1;

interface ImportBase {
  version: number;
  format: string;
  files: Record<string, string>;
}

export interface ImportWrite {
  /** Written (new or replaced) and merged model files, by name. */
  written: string[];
  merged: string[];
  notes: MergeNote[];
  /** Problems that kept a file from being written, each naming the file. */
  errors: string[];
  /** Set when nothing was written because files would be replaced without a base to merge with. */
  refused?: string[];
}

/** Why a file of the output folder was not read (a FIFO, a file over the limit, not UTF-8): the import writes nothing. */
class UnreadOutput extends Error {}

/**
 * A file of the output folder (a model file, the report, the snapshot) as text, or undefined when there is none:
 * read with the bounds of an import source, so a FIFO or a huge file there is refused instead of read without end.
 */
async function read(path: string): Promise<string | undefined> {
  const got = await readImportText(path);
  if (!('error' in got)) return got.text;
  if (got.code === 'ENOENT') return undefined;
  throw new UnreadOutput(`${basename(path)}: ${got.error}`);
}

async function readBase(dir: string): Promise<ImportBase | undefined | string> {
  let text: string | undefined;
  try {
    text = await read(join(dir, IMPORT_BASE));
  } catch (e) {
    if (e instanceof UnreadOutput) return `${e.message}; not read as the snapshot of the last import`;
    throw e;
  }
  if (text === undefined) return undefined;
  try {
    const b = JSON.parse(text) as ImportBase;
    if (b.version === BASE_VERSION && typeof b.format === 'string' && b.files && typeof b.files === 'object' && Object.values(b.files).every((f) => typeof f === 'string')) return b;
  } catch {
    // reported below
  }
  return `${IMPORT_BASE} is not a snapshot this version reads`;
}

/**
 * Writes an import's model files into `dir`. Without a snapshot of a previous import (`IMPORT-BASE.json`)
 * nothing is replaced unless `force`; with one, each model file is merged three ways (`mergeImport`: the
 * snapshot, the new import, the file as the user has it). A file is written only if it still holds what was
 * read at the start (a change meanwhile is an error and the file is left alone). The snapshot records the new
 * import of every file written or merged, and keeps the old base of a file that was not.
 */
export async function writeImport(dir: string, format: string, files: { name: string; content: string }[], report: (merge: MergeNote[]) => string, force: boolean): Promise<ImportWrite> {
  const out: ImportWrite = { written: [], merged: [], notes: [], errors: [] };
  const base = force ? undefined : await readBase(dir);
  if (typeof base === 'string') return { ...out, errors: [`${base}; nothing written (--force replaces the files and the snapshot)`] };
  if (base && base.format !== format) return { ...out, errors: [`${IMPORT_BASE} records a '${base.format}' import, not '${format}'; nothing written (import into another folder, or --force)`] };
  const seen = new Map<string, string | undefined>();
  try {
    for (const f of files) seen.set(f.name, await read(join(dir, f.name)));
    if (!force && !base) {
      const existing = [...seen].filter(([, t]) => t !== undefined).map(([n]) => n);
      for (const extra of ['IMPORT-REPORT.md', IMPORT_BASE]) if ((await read(join(dir, extra))) !== undefined) existing.push(extra);
      if (existing.length) return { ...out, refused: existing };
    }
  } catch (e) {
    if (e instanceof UnreadOutput) return { ...out, errors: [`${e.message}; nothing written`] };
    throw e;
  }
  const snapshot: ImportBase = { version: BASE_VERSION, format, files: { ...(base?.files ?? {}) } };
  const writes: { name: string; content: string }[] = [];
  for (const f of files) {
    const current = seen.get(f.name);
    const before = base?.files[f.name];
    if (!base || force || current === undefined) {
      if (base && current === undefined && before !== undefined) {
        out.notes.push({ pos: { file: f.name, line: 1, col: 1 }, kind: 'kept', message: `${f.name} was deleted by hand: not written again (delete ${IMPORT_BASE} or use --force to get it back)` });
        continue;
      }
      writes.push(f);
      out.written.push(f.name);
      snapshot.files[f.name] = f.content;
      continue;
    }
    if (before === undefined) {
      out.errors.push(`${f.name}: exists but no previous import wrote it; not replaced (rename it, or --force)`);
      continue;
    }
    const merged = mergeImport(f.name, before, f.content, current);
    if (merged.error !== undefined || merged.text === undefined) {
      out.errors.push(`${f.name}: ${merged.error ?? 'not merged'}; left as it is`);
      continue;
    }
    out.notes.push(...merged.notes);
    if (merged.text !== current) writes.push({ name: f.name, content: merged.text });
    out.merged.push(f.name);
    snapshot.files[f.name] = f.content;
  }
  if (base)
    for (const name of Object.keys(base.files))
      if (!files.some((f) => f.name === name))
        out.notes.push({ pos: { file: name, line: 1, col: 1 }, kind: 'kept', message: `${name}: its source file is no longer imported; the file is kept as it is` });

  const reportText = report(out.notes);
  await fs.mkdir(dir, { recursive: true });
  // Before anything is written: a link leading out of the folder stops the whole import, not half of it.
  for (const name of [...writes.map((w) => w.name), 'IMPORT-REPORT.md', IMPORT_BASE]) refuseLinkOutside(dir, join(dir, name));
  for (const w of writes) {
    const path = join(dir, w.name);
    const now = await read(path).catch((e: Error) => {
      if (e instanceof UnreadOutput) return e;
      throw e;
    });
    if (now !== seen.get(w.name)) {
      out.errors.push(`${w.name}: changed since it was read; not written (run the import again)`);
      out.written = out.written.filter((n) => n !== w.name);
      out.merged = out.merged.filter((n) => n !== w.name);
      snapshot.files[w.name] = base?.files[w.name] ?? '';
      if (base?.files[w.name] === undefined) delete snapshot.files[w.name];
      continue;
    }
    await writeFileAtomic(path, w.content, { inside: dir });
  }
  await writeFileAtomic(join(dir, 'IMPORT-REPORT.md'), reportText + (out.errors.length ? `\n## Not written\n\n${out.errors.map((e) => `- ${e}\n`).join('')}` : ''), { inside: dir });
  await writeFileAtomic(join(dir, IMPORT_BASE), `${JSON.stringify(snapshot, null, 2)}\n`, { inside: dir });
  return out;
}
