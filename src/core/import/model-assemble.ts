import { yamlString } from '../fixes/yaml-edits';
import { importCounts, incompleteBanner, noteSections, where, type ImportOutcome } from './assemble';
import { MODEL_SECTIONS, type ModelDocument, type ModelItem, type ModelRef, type ModelSection } from './model-types';
import type { ImportNote, SourcePos } from './types';
import { mdCell as cell } from '../export/markdown';

/** Prefix an ID gets when another item of the import already has it. */
const PREFIX: Record<ModelSection, string> = { zones: 'Z', assets: 'AST', flows: 'FL', conduits: 'C', threats: 'THR', controls: 'CTRL', requirements: 'REQ' };

const byPos = (a: { pos: SourcePos }, b: { pos: SourcePos }) => (a.pos.file < b.pos.file ? -1 : a.pos.file > b.pos.file ? 1 : a.pos.line - b.pos.line || a.pos.col - b.pos.col);
const key = (section: ModelSection, id: string) => `${section}\u0000${id}`;

/**
 * Joins the threat models read from each file into one model file per source and the mapping report.
 * Source IDs are kept; an ID another item already has gets its section's prefix (a rename the report
 * lists). The same ID twice in one section is an error (the second is not imported). References are
 * resolved to the model IDs; one to an element that was not imported is reported as lost.
 */
export function assembleModelImport(format: string, docs: { file: string; parsed: ModelDocument }[]): ImportOutcome {
  const notes: ImportNote[] = docs.flatMap((d) => d.parsed.notes);
  const kept: ModelItem[] = [];
  const modelId = new Map<string, string>();
  const first = new Map<string, ModelItem>();
  const taken = new Set<string>();
  // An item of a file the source includes is written with the source.
  const ownerOf = new Map<ModelItem, string>();
  for (const d of docs)
    for (const item of d.parsed.items) {
      ownerOf.set(item, d.file);
      const prior = first.get(key(item.section, item.id));
      if (prior) {
        notes.push({ pos: item.pos, kind: 'error', message: `duplicate ${item.element} ID '${item.id}' (first at ${where(prior.pos)}); not imported` });
        continue;
      }
      first.set(key(item.section, item.id), item);
      kept.push(item);
    }
  for (const item of kept) {
    let id = item.id;
    if (taken.has(id)) {
      id = `${PREFIX[item.section]}-${item.id}`;
      for (let i = 2; taken.has(id); i++) id = `${PREFIX[item.section]}-${item.id}-${i}`;
      notes.push({ pos: item.pos, kind: 'lost', subject: 'changed', message: `${item.element} '${item.id}' renamed to '${id}': another imported item has that ID` });
    }
    taken.add(id);
    modelId.set(key(item.section, item.id), id);
  }
  const found = (r: ModelRef) => r.sections.some((s) => modelId.has(key(s, r.id)));
  for (let changed = true; changed;) {
    changed = false;
    for (const item of kept) {
      const missing = Object.entries(item.refs)
        .flatMap(([field, r]) => (Array.isArray(r) ? r : [r]).map((x) => [field, x] as const))
        .find(([, r]) => r.required && !found(r));
      if (!missing || !modelId.has(key(item.section, item.id))) continue;
      const [field, r] = missing;
      notes.push({ pos: r.pos, kind: 'skipped', subject: 'element', message: `${item.element} '${item.id}' not imported: its ${field} '${r.id}' is not an imported ${r.sections.join(' or ')} item` });
      modelId.delete(key(item.section, item.id));
      changed = true;
    }
  }
  const written = kept.filter((i) => modelId.has(key(i.section, i.id)));
  kept.length = 0;
  kept.push(...written);
  const resolve = (item: ModelItem, field: string, r: ModelRef): string | undefined => {
    for (const s of r.sections) {
      const id = modelId.get(key(s, r.id));
      if (id !== undefined) return id;
    }
    notes.push({ pos: r.pos, kind: 'lost', subject: 'relation', message: `${item.id}: ${field} '${r.id}' not kept: no imported ${r.sections.join(' or ')} item has that ID` });
    return undefined;
  };
  const resolved = new Map<ModelItem, Record<string, unknown>>();
  for (const item of kept) {
    const fields: Record<string, unknown> = { id: modelId.get(key(item.section, item.id)), ...item.fields };
    for (const [field, r] of Object.entries(item.refs)) {
      if (Array.isArray(r)) {
        const ids = [...new Set(r.map((x) => resolve(item, field, x)).filter((x): x is string => x !== undefined))];
        if (ids.length) fields[field] = ids;
      } else {
        const id = resolve(item, field, r);
        if (id !== undefined) fields[field] = id;
      }
    }
    for (const l of item.lost) notes.push({ pos: item.pos, kind: 'lost', subject: 'changed', message: `${item.id}: ${l}` });
    resolved.set(item, fields);
  }
  notes.sort(byPos);
  const sources = docs.filter((d) => d.parsed.items.length).map((d) => d.file);
  const names = new Map(sources.map((s, i) => [s, outputName(s, sources.slice(0, i))]));
  const files = sources.map((source) => ({
    name: names.get(source)!,
    source,
    content: modelYaml(
      format,
      source,
      kept.filter((i) => ownerOf.get(i) === source),
      resolved,
    ),
  }));
  const counts = importCounts(kept.length, notes);
  const read = docs.reduce((n, d) => n + 1 + (d.parsed.included?.length ?? 0), 0);
  const report = reportMarkdown(format, read, kept, (i) => [resolved.get(i)!.id as string, names.get(ownerOf.get(i)!)!], notes, counts);
  return { files, notes, counts, report };
}

function outputName(source: string, before: string[]): string {
  const base =
    (source.split('/').pop() ?? 'import')
      .replace(/\.[^.]*$/, '')
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^[-.]+/, '') || 'import';
  const used = new Set(before.map((b) => outputName(b, before.slice(0, before.indexOf(b))).toLowerCase()));
  let name = `${base}.spdf.yaml`;
  for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base}-${i}.spdf.yaml`;
  return name;
}

function scalar(v: unknown): string {
  if (typeof v === 'string') return yamlString(v);
  return typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v ?? null);
}

function value(v: unknown, indent: string): string {
  if (Array.isArray(v)) return `[${v.map(scalar).join(', ')}]`;
  if (v && typeof v === 'object')
    return (
      '\n' +
      Object.entries(v)
        .map(([k, x]) => `${indent}  ${k}: ${value(x, indent + '  ')}`)
        .join('\n')
    );
  return scalar(v);
}

function modelYaml(format: string, source: string, items: ModelItem[], resolved: Map<ModelItem, Record<string, unknown>>): string {
  const lines = [`# Imported by \`spdf import ${format}\` from ${source}; what was kept and lost is in IMPORT-REPORT.md.`, 'spdf: "0.1"'];
  for (const section of MODEL_SECTIONS) {
    const mine = items.filter((i) => i.section === section);
    if (!mine.length) continue;
    lines.push(`${section}:`);
    for (const item of mine) Object.entries(resolved.get(item)!).forEach(([k, v], n) => lines.push(`${n ? '    ' : '  - '}${k}:${value(v, '    ').replace(/^(?!\n)/, ' ')}`));
  }
  return lines.join('\n') + '\n';
}

function reportMarkdown(format: string, sourceCount: number, items: ModelItem[], placed: (i: ModelItem) => [string, string], notes: ImportNote[], counts: ImportOutcome['counts']): string {
  const out = [
    `# Import report: ${format}`,
    '',
    ...incompleteBanner(counts),
    `${sourceCount} source file(s) read, ${counts.elements} source element(s): ${counts.imported} imported, ${counts.reported} not imported (listed below${counts.errors ? `, ${counts.errors} of them errors` : ''}).`,
    '',
    'Importing again into this folder merges the changed source into the files as they are (IMPORT-BASE.json keeps what this import wrote): hand-written items, fields and comments stay; see the re-import section of the next report.',
    '',
    '## Imported elements',
    '',
    '| Source | Element | Source ID | Section | Model ID | File |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const i of [...items].sort(byPos)) {
    const [id, file] = placed(i);
    out.push(`| ${cell(where(i.pos))} | ${cell(i.element)} | ${cell(i.id)} | ${i.section} | ${cell(id)} | ${cell(file)} |`);
  }
  out.push(...noteSections(notes));
  return out.join('\n') + '\n';
}
