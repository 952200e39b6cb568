import { yamlString } from '../fixes/yaml-edits';
import { dropsEvidence, type ImportedItem, type ImportNote, type ParsedDocument, type SourcePos } from './types';
import { mdCell as cell } from '../export/markdown';

export interface ImportedFile {
  /** Output file name (no folder), unique within this import. */
  name: string;
  source: string;
  content: string;
}

export interface ImportOutcome {
  files: ImportedFile[];
  report: string;
  /** Source elements seen = imported + reported (every element is one or the other); `dropped`: notes naming evidence not in the model (they fail the import). */
  counts: { elements: number; imported: number; reported: number; errors: number; dropped: number };
  /** Every note, in source order, for the terminal. */
  notes: ImportNote[];
}

interface Placed {
  item: ImportedItem;
  modelId: string;
  derivedFrom: string[];
  output: string;
}

export const where = (p: SourcePos) => `${p.file}:${p.line}:${p.col}`;

export function importCounts(imported: number, notes: ImportNote[]): ImportOutcome['counts'] {
  const reported = notes.filter((n) => n.kind !== 'lost').length;
  return { elements: imported + reported, imported, reported, errors: notes.filter((n) => n.kind === 'error').length, dropped: notes.filter(dropsEvidence).length };
}

/** The first lines of a report whose import fails: the model files are written, and are not the whole source. */
export function incompleteBanner(counts: ImportOutcome['counts']): string[] {
  if (!counts.errors && !counts.dropped) return [];
  const parts = [...(counts.errors ? [`${counts.errors} source error(s)`] : []), ...(counts.dropped ? [`${counts.dropped} element(s) or relation(s) of evidence dropped`] : [])];
  return [
    `**INCOMPLETE**: ${parts.join(' and ')} (listed below); the model files hold what was read, not the whole source, and \`spdf import\` exits 1. Fix the source, or add what is listed to the model by hand.`,
    '',
  ];
}

/** The note sections of IMPORT-REPORT.md: errors and dropped evidence (which fail the import) first. */
export function noteSections(notes: ImportNote[]): string[] {
  const out: string[] = [];
  for (const [heading, test] of [
    ['Errors (source not understood; the element is not imported)', (n: ImportNote) => n.kind === 'error'],
    ['Dropped evidence (in the source, not in the model: the import fails)', dropsEvidence],
    ['Source elements not imported', (n: ImportNote) => n.kind === 'skipped' && !dropsEvidence(n)],
    ['Lost or changed in imported elements', (n: ImportNote) => n.kind === 'lost' && !dropsEvidence(n)],
  ] as const) {
    const mine = notes.filter(test);
    if (mine.length) out.push('', `## ${heading}`, '', ...mine.map((n) => `- ${cell(where(n.pos))}: ${cell(n.message)}`));
  }
  return out;
}
const byPos = (a: { pos: SourcePos }, b: { pos: SourcePos }) => (a.pos.file < b.pos.file ? -1 : a.pos.file > b.pos.file ? 1 : a.pos.line - b.pos.line || a.pos.col - b.pos.col);

/**
 * Joins what the importers read from each file into model files and the mapping report: IDs are checked
 * across files (a duplicate is reported, not merged), relations are resolved to the imported items (one to
 * an item not imported is reported as lost), and every source element is either written or listed.
 */
export function assembleImport(format: string, tagSyntax: string, docs: { file: string; parsed: ParsedDocument }[], codeSettings: string[] = []): ImportOutcome {
  const notes: ImportNote[] = docs.flatMap((d) => d.parsed.notes);
  const names = outputNames(docs.filter((d) => d.parsed.items.length).map((d) => d.file));
  const first = new Map<string, ImportedItem>();
  const kept: ImportedItem[] = [];
  for (const d of docs)
    for (const item of d.parsed.items) {
      const prior = first.get(item.id);
      if (prior) notes.push({ pos: item.pos, kind: 'error', message: `duplicate ID '${item.id}' (first at ${where(prior.pos)}); not imported` });
      else {
        first.set(item.id, item);
        kept.push(item);
      }
    }
  const claimants = new Map<string, ImportedItem[]>();
  for (const item of kept) if (item.shortId !== undefined) claimants.set(item.shortId, [...(claimants.get(item.shortId) ?? []), item]);
  const modelId = new Map<string, string>();
  for (const item of kept) {
    const rivals = item.shortId === undefined ? [] : claimants.get(item.shortId)!;
    const winner = [...rivals].sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0))[0];
    const short = winner === item && !first.has(item.shortId!) ? item.shortId : undefined;
    modelId.set(item.id, short ?? item.id);
    if (item.shortId !== undefined && !short)
      notes.push({
        pos: item.pos,
        kind: 'lost',
        subject: 'changed',
        message: `kept under its full ID '${item.id}': the name '${item.shortId}' is taken by ${where(winner.pos)}, so tags naming '${item.shortId}' link to that item`,
      });
  }
  const placed = new Map<string, Placed>(kept.map((item) => [item.id, { item, modelId: modelId.get(item.id)!, derivedFrom: [], output: names.get(item.pos.file)! }]));
  const link = (from: Placed, to: string, pos: SourcePos, via: string, reverse: boolean) => {
    const target = placed.get(to);
    if (!target) {
      const unrevised = to.replace(/~\d+$/, '');
      const revision = unrevised !== to ? [...placed.keys()].find((id) => id.replace(/~\d+$/, '') === unrevised) : undefined;
      const hint = revision ? `; '${revision}' is imported: ${via} names another revision of it (OpenFastTrace: outdated coverage)` : '';
      return notes.push({ pos, kind: 'lost', subject: 'relation', message: `${via} '${to}' of '${from.item.id}': no imported item has that ID${hint}` });
    }
    if (target === from) return notes.push({ pos, kind: 'lost', subject: 'relation', message: `${via} '${to}' of '${from.item.id}' names the item itself` });
    const [child, parent] = reverse ? [target, from] : [from, target];
    if (!child.derivedFrom.includes(parent.modelId)) child.derivedFrom.push(parent.modelId);
  };
  for (const p of placed.values()) {
    for (const r of p.item.derivedFrom) link(p, r.id, r.pos, r.via, false);
    for (const r of p.item.children) link(p, r.id, r.pos, r.via, true);
    for (const l of p.item.lost) notes.push({ pos: p.item.pos, kind: 'lost', subject: 'changed', message: `${p.item.id}: ${l}` });
  }
  notes.sort(byPos);
  const files = [...names].map(([source, name]) => ({
    name,
    source,
    content: modelYaml(
      format,
      source,
      [...placed.values()].filter((p) => p.item.pos.file === source),
    ),
  }));
  const counts = importCounts(kept.length, notes);
  return {
    files,
    notes,
    counts,
    report: reportMarkdown(
      format,
      tagSyntax,
      docs.map((d) => d.file),
      [...placed.values()],
      notes,
      counts,
      codeSettings,
    ),
  };
}

/** `doc/spec/design.md` -> `design.spdf.yaml` (the folders all sources share are left out), made unique. */
function outputNames(files: string[]): Map<string, string> {
  const out = new Map<string, string>();
  const used = new Set<string>();
  const dirs = files.map((f) => f.split('/').slice(0, -1));
  let common = 0;
  while (dirs.length && dirs.every((d) => d.length > common && d[common] === dirs[0][common])) common++;
  for (const f of files) {
    const base =
      f
        .split('/')
        .slice(common)
        .join('/')
        .replace(/^(\.\.?\/)+/, '')
        .replace(/\.[^./]*$/, '')
        .replace(/[^A-Za-z0-9._-]+/g, '-')
        .replace(/^[-.]+/, '') || 'import';
    let name = `${base}.spdf.yaml`;
    for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base}-${i}.spdf.yaml`;
    used.add(name.toLowerCase());
    out.set(f, name);
  }
  return out;
}

function yamlText(s: string, indent: string): string {
  const plainLines = s.split('\n').every((l) => !/[\t\r\u0000-\u0008\u000b-\u001f\u007f\u2028\u2029\ufeff]/.test(l));
  if (!s.includes('\n') || !plainLines || /^\s/.test(s)) return JSON.stringify(s);
  return (
    '|-\n' +
    s
      .split('\n')
      .map((l) => (l ? indent + l : ''))
      .join('\n')
  );
}

function modelYaml(format: string, source: string, items: Placed[]): string {
  const lines = [`# Imported by \`spdf import ${format}\` from ${source}; what was kept and lost is in IMPORT-REPORT.md.`, 'spdf: "0.1"', 'requirements:'];
  for (const p of items) {
    const i = p.item;
    lines.push(`  - id: ${yamlString(p.modelId)}`, `    title: ${JSON.stringify(i.title ?? i.id)}`);
    if (i.text) lines.push(`    text: ${yamlText(i.text, '      ')}`);
    if (p.derivedFrom.length && !i.fields?.derived_from) lines.push(`    derived_from: [${p.derivedFrom.map(yamlString).join(', ')}]`);
    if (i.status) lines.push(`    status: ${i.status}`);
    for (const [k, v] of Object.entries(i.fields ?? {})) lines.push(`    ${k}: ${JSON.stringify(v)}`);
  }
  return lines.join('\n') + '\n';
}

function idPattern(ids: string[]): string {
  return ids.every((id) => /^[A-Za-z0-9][A-Za-z0-9_.~-]*$/.test(id)) ? '^[A-Za-z0-9][A-Za-z0-9_.~-]*$' : '^\\S+$';
}

function reportMarkdown(format: string, tagSyntax: string, sources: string[], items: Placed[], notes: ImportNote[], counts: ImportOutcome['counts'], codeSettings: string[]): string {
  const out = [
    `# Import report: ${format}`,
    '',
    ...incompleteBanner(counts),
    `${sources.length} source file(s), ${counts.elements} source element(s): ${counts.imported} imported, ${counts.reported} not imported (listed below${counts.errors ? `, ${counts.errors} of them errors` : ''}).`,
    '',
    '## Configuration for the imported IDs',
    '',
    "Add to spdf.config.yaml so the imported IDs are accepted and code tags in the source project's syntax link to them:",
    '',
    '```yaml',
    'id_patterns:',
    `  requirement: '${idPattern(items.map((p) => p.modelId))}'`,
    'code:',
    `  tag_syntaxes: [${[...new Set(['spdf', tagSyntax])].join(', ')}]`,
    ...codeSettings.map((l) => `  ${l}`),
    '```',
    '',
    '## Imported elements',
    '',
    '| Source | Element | Source ID | Model ID | File | Kept |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const p of [...items].sort((a, b) => byPos(a.item, b.item))) {
    const keptFields = [
      'title' + (p.item.title ? '' : ' (none in the source: the ID is used)'),
      ...(p.item.text ? ['text'] : []),
      ...(p.derivedFrom.length ? [`derived_from (${p.derivedFrom.length})`] : []),
      ...(p.item.status ? ['status'] : []),
      ...Object.keys(p.item.fields ?? {}).filter((k) => k !== 'derived_from' || !p.derivedFrom.length),
    ];
    out.push(`| ${cell(where(p.item.pos))} | ${cell(p.item.element)} | ${cell(p.item.id)} | ${cell(p.modelId)} | ${cell(p.output)} | ${keptFields.join(', ')} |`);
  }
  out.push(...noteSections(notes));
  return out.join('\n') + '\n';
}
