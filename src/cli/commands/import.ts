// @spdf implements SPDF-CMD-IMPORT
import { promises as fs } from 'node:fs';
import { extname, join, relative, resolve, sep } from 'node:path';
import { assembleImport, where } from '../../core/import/assemble';
import { assembleModelImport } from '../../core/import/model-assemble';
import { MODEL_IMPORTERS } from '../../core/import/model-registry';
import type { ModelDocument } from '../../core/import/model-types';
import { IMPORTERS } from '../../core/import/registry';
import { COLUMN_ROLES, type ColumnRole } from '../../core/import/table';
import { dropsEvidence, type ImportOptions, type ParsedDocument } from '../../core/import/types';
import type { MergeNote } from '../../core/import/merge';
import { withoutIncludedInputs } from '../../core/import/included-inputs';
import { importRoot, includeReader } from '../../node/import-read';
import { IMPORT_BASE, writeImport } from '../../node/import-write';
import { readXlsxRows, xlsxRefused } from '../../node/xlsx-rows';
import { XLSX_LIMITS } from '../../node/zip-limits';
import { readImportBytes, readImportText } from '../../node/import-source-bytes';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError, type Out } from '../io';
import { parseCommand, unknownValue } from '../parse-command';
import { visible } from '../visible';

const USAGE = `usage: spdf import FORMAT FILE_OR_DIR... -o DIR [--force]
Reads a project's existing requirement documents and writes them as *.spdf.yaml requirements into DIR,
one model file per source file, plus DIR/IMPORT-REPORT.md: per source element what was kept and what was lost.
Formats:
${Object.values(IMPORTERS)
  .map((i) => `  ${i.name.padEnd(10)}  ${i.summary}; in a folder: ${i.extensions.map((e) => `*${e}`).join(', ')}`)
  .join('\n')}
${Object.values(MODEL_IMPORTERS)
  .map((i) => `  ${i.name.padEnd(10)}  ${i.summary}; in a folder: ${i.extensions.map((e) => `*${e}`).join(', ')}`)
  .join('\n')}
Threat models are written as zones, assets, flows, threats and controls. DIR/${IMPORT_BASE} keeps what the import
wrote; importing again into DIR merges the changed source into the files as they are now, item by item and field
by field: fields left as imported take the source's new values, new source items are added, hand-added items,
fields and comments stay, a field edited by hand and changed in the source keeps the hand edit (a conflict,
exit 1), and items the source no longer has are kept and listed, never deleted. Everything is in IMPORT-REPORT.md.
Options:
  -o, --output DIR        folder for the model files and the report (created if missing)
  --force                 replace the files in DIR instead of merging (hand edits are lost)
  --columns ROLE=HEADER,...  csv, xlsx: the header of each column (roles ${COLUMN_ROLES.join(', ')}); without it the
                          header row is the first of the first ten rows with a usual ID header (ID, Key, Identifier...)
  --columns-file FILE     csv, xlsx: the same mapping in a file, one 'ROLE: HEADER' a line (# comments)
  --sheet NAME            xlsx: the worksheet to read (default: the first; other non-empty sheets are reported)
  --oft-ids name|full     oft-spec: model IDs are the item names, as tags link today (default), or type~name IDs with the item's revision (for code.oft_ids: full)
Exit status: 0 when every source element that carries evidence is in the model (layout, styles and fields the
model has no place for are only listed in the report); 1 when a source could not be read or parsed, or when a
requirement, threat, hazard, control, asset, zone, conduit, flow or test, or a relation between them, is not in
the model (the rest is still written, each is listed as an error with file:line:col, and the report says
INCOMPLETE), on a merge conflict, or when a file could not be merged or changed while the import ran (left as
it is); 2 on a usage error or when DIR holds files this
import would replace, no ${IMPORT_BASE} to merge with and --force is not given.`;

/** Files of `dir` (recursively) ending in one of `extensions`, outside the output folder (its report is Markdown too); symbolic links are listed, not followed. */
async function walk(dir: string, extensions: readonly string[], found: string[], skipped: string[], outDir: string): Promise<void> {
  if (resolve(dir) === outDir) return;
  const entries = await fs.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'node_modules' && e.name !== '.git') await walk(path, extensions, found, skipped, outDir);
    } else if (extensions.includes(extname(e.name).toLowerCase())) (e.isFile() ? found : skipped).push(path);
  }
}

/** A mapping file: `ROLE: HEADER` (or `ROLE=HEADER`) a line; blank lines and `#` comments skipped. */
async function columnsFile(path: string): Promise<string[]> {
  const read = await readImportText(path);
  if ('error' in read) throw new UsageError(`--columns-file ${path}: ${read.error}`);
  const text = read.text;
  return text.split(/\r?\n/).flatMap((line, n) => {
    if (!line.trim() || line.trim().startsWith('#')) return [];
    const m = /^\s*([a-z_]+)\s*[:=]\s*(.*?)\s*$/.exec(line);
    if (!m || !m[2] || m[2].includes(',')) throw new UsageError(`${path}:${n + 1}:1: expected 'ROLE: HEADER' (roles ${COLUMN_ROLES.join(', ')}; a header without commas)`);
    return [`${m[1]}=${m[2].replace(/^(["'])(.*)\1$/, '$2')}`];
  });
}

/** `--columns id=Req ID,title=Name` (repeatable): header names by role; later ones win. */
function parseColumns(specs: string[]): ImportOptions['columns'] {
  const out: Partial<Record<ColumnRole, string>> = {};
  for (const part of specs.flatMap((s) => s.split(','))) {
    const eq = part.indexOf('=');
    const role = part.slice(0, eq).trim() as ColumnRole;
    if (eq < 0 || !COLUMN_ROLES.includes(role) || !part.slice(eq + 1).trim()) throw new UsageError(`--columns: '${part}' is not ROLE=HEADER (roles ${COLUMN_ROLES.join(', ')})`);
    out[role] = part.slice(eq + 1).trim();
  }
  return Object.keys(out).length ? out : undefined;
}

const cell = (s: string) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ').replace(/`/g, "'");

/** The re-import section of IMPORT-REPORT.md: what the merge with the files as the user has them did. */
function mergeReport(notes: MergeNote[]): string {
  if (!notes.length) return '';
  const out = ['', '## Re-import: merged with the files as they were', ''];
  for (const [kind, heading] of [
    ['conflict', 'Conflicts (edited by hand and changed in the source: the hand edit is kept)'],
    ['kept', 'Kept although the source no longer has it, or deleted by hand and not added again'],
    ['updated', 'Updated from the source'],
    ['added', 'Added from the source'],
  ] as const) {
    const mine = notes.filter((n) => n.kind === kind);
    if (mine.length) out.push(`### ${heading}`, '', ...mine.map((n) => `- ${cell(`${n.pos.file}:${n.pos.line}:${n.pos.col}`)}: ${cell(n.message)}`), '');
  }
  return out.join('\n');
}

const shown = (p: string) => relative(process.cwd(), p).split(sep).join('/') || '.';

export async function importCommand(o: Out, args: string[]): Promise<number> {
  const { values, positionals } = parseCommand(
    args,
    {
      output: { type: 'string', short: 'o' },
      force: { type: 'boolean', default: false },
      'oft-ids': { type: 'string' },
      sheet: { type: 'string' },
      'columns-file': { type: 'string' },
      columns: { type: 'string', multiple: true },
    },
    Infinity,
  );
  if (values.help) return (o.out(USAGE), EXIT_OK);
  const [format, ...inputs] = positionals;
  const formatNames = [...Object.keys(IMPORTERS), ...Object.keys(MODEL_IMPORTERS)];
  const formats = formatNames.join(', ');
  if (!format) throw new UsageError(`usage: spdf import FORMAT FILE_OR_DIR... -o DIR (formats: ${formats})`);
  const modelImporter = Object.hasOwn(MODEL_IMPORTERS, format) ? MODEL_IMPORTERS[format] : undefined;
  const importer = Object.hasOwn(IMPORTERS, format) ? IMPORTERS[format] : modelImporter;
  if (!importer) throw unknownValue('import format', format, formatNames);
  if (!inputs.length) throw new UsageError('spdf import: name at least one FILE_OR_DIR to import');
  if (!values.output) throw new UsageError('spdf import: -o DIR is required');
  const oftIds = values['oft-ids'];
  if (oftIds !== undefined && oftIds !== 'name' && oftIds !== 'full') throw unknownValue('--oft-ids', oftIds, ['name', 'full']);

  const columns = parseColumns([...(values['columns-file'] ? await columnsFile(values['columns-file']) : []), ...(values.columns ?? [])]);

  const outDir = resolve(values.output);
  let failed = false;
  const files: string[] = [];
  const roots = new Map<string, string>();
  for (const input of inputs) {
    const stat = await fs.stat(input).catch((e: NodeJS.ErrnoException) => e);
    if (stat instanceof Error) {
      o.err(`${visible(input)}: error: cannot read (${stat.code ?? stat.message})`);
      failed = true;
    } else if (stat.isDirectory()) {
      const skipped: string[] = [];
      const before = files.length;
      await walk(input, importer.extensions, files, skipped, outDir);
      for (const f of files.slice(before)) roots.set(resolve(f), importRoot(input, true));
      for (const s of skipped) o.err(`${visible(shown(s))}: warning: not a regular file (symbolic link or special file); not read`);
      if (files.length === before) {
        o.err(`${visible(input)}: error: no ${importer.extensions.map((e) => `*${e}`).join(' or ')} file in this folder`);
        failed = true;
      }
    } else {
      files.push(input);
      roots.set(resolve(input), importRoot(input, false));
    }
  }
  const docs: { file: string; parsed: ParsedDocument }[] = [];
  const models: { file: string; parsed: ModelDocument }[] = [];
  for (const f of [...new Set(files.map((f) => resolve(f)))]) {
    if ('table' in importer) {
      const bytes = await readImportBytes(f, XLSX_LIMITS.maxFileBytes);
      if (!Buffer.isBuffer(bytes)) {
        docs.push({ file: shown(f), parsed: { items: [], notes: [xlsxRefused(shown(f), bytes.error)] } });
        continue;
      }
      const read = await readXlsxRows(shown(f), bytes, values.sheet);
      const parsed = importer.parseTable(shown(f), read.rows, { columns });
      docs.push({ file: shown(f), parsed: { items: parsed.items, notes: [...read.notes, ...parsed.notes] } });
      continue;
    }
    const read = await readImportText(f);
    if ('error' in read) {
      o.err(`${visible(shown(f))}: error: ${visible(read.error)}`);
      failed = true;
      continue;
    }
    const text = read.text;
    if (modelImporter) models.push({ file: shown(f), parsed: await modelImporter.parse(shown(f), text.replace(/^\uFEFF/, ''), includeReader(roots.get(f) ?? process.cwd())) });
    else {
      const textImporter = IMPORTERS[format];
      if ('parse' in textImporter) docs.push({ file: shown(f), parsed: textImporter.parse(shown(f), text.replace(/^\uFEFF/, ''), { oftIds, columns }) });
    }
  }
  const parts = withoutIncludedInputs(models);
  for (const p of parts.left) o.err(`${visible(p.file)}: note: included by ${visible(p.by)}; imported as part of it, not on its own`);
  const outcome = modelImporter ? assembleModelImport(format, parts.kept) : assembleImport(format, IMPORTERS[format].tagSyntax, docs, IMPORTERS[format].codeSettings?.({ oftIds }) ?? []);
  for (const n of outcome.notes) if (n.kind === 'error' || dropsEvidence(n)) o.err(`${visible(where(n.pos))}: error: ${visible(n.message)}`);

  const written = await writeImport(outDir, format, outcome.files, (merge) => outcome.report + mergeReport(merge), values.force);
  if (written.refused) {
    o.err(
      `spdf import: would replace ${written.refused.map((f) => visible(shown(join(outDir, f)))).join(', ')}; nothing written (use --force to replace them; there is no ${IMPORT_BASE} of an earlier import to merge with)`,
    );
    return EXIT_USAGE;
  }
  for (const e of written.errors) o.err(`${visible(shown(outDir))}/${visible(e)}`);
  for (const n of written.notes)
    if (n.kind === 'conflict' || n.kind === 'kept')
      o.err(`${visible(shown(join(outDir, n.pos.file)))}:${n.pos.line}:${n.pos.col}: ${n.kind === 'conflict' ? 'warning' : 'note'}: ${visible(n.message)}`);
  if (written.merged.length) {
    const count = (k: string) => written.notes.filter((n) => n.kind === k).length;
    o.err(
      `merged into ${written.merged.length} file(s) edited since the last import: ${count('updated')} field(s) updated, ${count('added')} item(s) added, ${count('conflict')} conflict(s) (hand edits kept), ${count('kept')} item(s) kept that the source no longer has`,
    );
  }
  const c = outcome.counts;
  // Sources read that held nothing the importer recognises (a wrong format, an empty or cut-off file): an import of nothing is no success.
  if (c.elements === 0)
    for (const d of [...docs, ...parts.kept]) {
      o.err(`${visible(d.file)}:1:1: error: no ${format} element found in this file; nothing imported`);
      failed = true;
    }
  o.err(
    `imported ${c.imported} of ${c.elements} source element(s) from ${docs.length + parts.kept.reduce((n, m) => n + 1 + (m.parsed.included?.length ?? 0), 0)} file(s) into ${visible(shown(outDir))} (${outcome.files.length} model file(s)); ${c.reported} not imported, ${c.errors} error(s), ${c.dropped} element(s) or relation(s) of evidence dropped: see ${visible(shown(join(outDir, 'IMPORT-REPORT.md')))}`,
  );
  return failed || c.errors || c.dropped || written.errors.length || written.notes.some((n) => n.kind === 'conflict') ? EXIT_FINDINGS : EXIT_OK;
}
