// @spdf implements SPDF-IMPORT-THREAGILE-INCLUDES
import { deref, type YMap, type YNode, type YPair, type YSeq } from '../yaml/ynode';
import { entries, map, seq, str } from './tree';
import type { ImportNote, SourcePos } from './types';

/** Sections whose entries Threagile merges by name, field by field (an element may be spread over files). */
const ELEMENTS: Record<string, string> = {
  data_assets: 'data asset',
  technical_assets: 'technical asset',
  trust_boundaries: 'trust boundary',
  shared_runtimes: 'shared runtime',
  risk_tracking: 'risk tracking',
};
/** Sections where a name already read is a duplicate Threagile refuses (no field merge). */
export const NO_REPEAT: Record<string, string> = {
  security_requirements: 'security requirement',
  abuse_cases: 'abuse case',
  questions: 'question',
  custom_risk_categories: 'custom risk category',
  individual_risk_categories: 'individual risk category',
};
/** Top-level values one file sets and the others may only repeat (letter case aside). */
const SINGLE = new Set(['threagile_version', 'title', 'date', 'business_criticality']);
/** Fields Threagile does not compare: texts it joins, numbers and lists where the first file wins. None is imported. */
const FIRST_WINS = new Set(['justification_out_of_scope', 'justification_cia_rating', 'technologies', 'diagram_tweak_order', 'diagram_tweak_weight']);

const isEmpty = (n: YNode | null | undefined): boolean => {
  const d = deref(n);
  return !d || (d.kind === 'scalar' && (d.value === null || d.value === '')) || (d.kind === 'seq' && !d.items.length) || (d.kind === 'map' && !d.pairs.length);
};
const text = (n: YNode | null | undefined): string => {
  const d = deref(n);
  return d?.kind === 'scalar' ? String(d.value) : d ? `(a ${d.kind === 'map' ? 'mapping' : 'list'})` : '';
};

/** The fields of a mapping as written, YAML merge keys (`<<: *base`) followed; the mapping's own fields win. */
function fields(m: YMap, depth = 0): YPair[] {
  const own = m.pairs.filter((p) => p.key.value !== '<<');
  const merge = m.pairs.find((p) => p.key.value === '<<')?.value;
  if (merge === undefined || depth > 8) return own;
  const names = new Set(own.map((p) => p.key.value));
  const inherited: YPair[] = [];
  for (const b of seq(merge)?.items ?? [merge]) {
    const base = map(b);
    if (base)
      for (const p of fields(base, depth + 1))
        if (!names.has(p.key.value)) {
          names.add(p.key.value);
          inherited.push(p);
        }
  }
  return [...own, ...inherited];
}

/**
 * Merges the top level of each file a Threagile model includes into one, as Threagile does: elements of the
 * same name are merged field by field (a value both files set must agree, lists are joined, flags or-ed),
 * security requirements, abuse cases, questions and risk categories must not repeat, and the title, version,
 * date and criticality must agree. Every disagreement is an error at the later value: Threagile refuses
 * the model, so the import must not pick one. New nodes stand at the place of their first part (`adopt`).
 */
export class ThreagileMerge {
  private readonly sections = new Map<string, YPair>();

  constructor(
    private readonly at: (n: YNode) => SourcePos,
    private readonly notes: ImportNote[],
    private readonly adopt: <T extends YNode>(made: T, like: YNode) => T,
  ) {}

  /** Adds one file's top level; the first file added is the including one. */
  add(root: YMap): void {
    for (const p of root.pairs) {
      const k = String(p.key.value);
      const prior = this.sections.get(k);
      if (!prior || isEmpty(prior.value)) this.sections.set(k, p);
      else if (p.value === null || isEmpty(p.value)) continue;
      else if (ELEMENTS[k]) this.sections.set(k, { key: prior.key, value: this.keyed(prior.value!, p.value, ELEMENTS[k], (a, b, name) => this.element(`${ELEMENTS[k]} '${name}'`, a, b)) });
      else if (k === 'custom_risk_categories' && seq(prior.value) && seq(p.value)) this.sections.set(k, { key: prior.key, value: this.categories(seq(prior.value)!, seq(p.value)!) });
      else if (NO_REPEAT[k]) this.sections.set(k, { key: prior.key, value: this.keyed(prior.value!, p.value, NO_REPEAT[k], (a, b, name) => this.repeated(NO_REPEAT[k], name, a, b)) });
      else if (SINGLE.has(k)) this.scalar(k, prior.value!, p.value);
      else if (k === 'author') this.author(prior.value!, p.value);
    }
  }

  /** The merged top level, standing where the including file's does. */
  root(first: YMap): YMap {
    return this.adopt({ kind: 'map', start: first.start, end: first.end, pairs: [...this.sections.values()] }, first);
  }

  private conflict(later: YNode, earlier: YNode, what: string): void {
    const p = this.at(earlier);
    this.notes.push({
      pos: this.at(later),
      kind: 'error',
      message: `${what} (first at ${p.file}:${p.line}:${p.col}): Threagile refuses a model whose included files disagree; the first is kept and the import fails`,
    });
  }

  /** Two mappings of entries by name; `both` decides an entry both have. */
  private keyed(a: YNode, b: YNode, what: string, both: (a: YPair, b: YPair, name: string) => YNode | null): YNode {
    const ma = map(a);
    const mb = map(b);
    if (!ma || !mb) {
      this.conflict(b, a, `${what}s written as a ${map(b) ? 'mapping' : 'list or value'} here and as a ${ma ? 'mapping' : 'list or value'} before`);
      return a;
    }
    const pairs = fields(ma);
    for (const pb of fields(mb)) {
      const i = pairs.findIndex((pa) => pa.key.value === pb.key.value);
      if (i < 0) pairs.push(pb);
      else if (isEmpty(pairs[i].value)) pairs[i] = pb;
      else if (!isEmpty(pb.value)) pairs[i] = { key: pairs[i].key, value: both(pairs[i], pb, String(pb.key.value)) };
    }
    return this.adopt({ kind: 'map', start: ma.start, end: ma.end, pairs }, ma);
  }

  private repeated(what: string, name: string, a: YPair, b: YPair): YNode | null {
    this.conflict(b.key, a.key, `${what} '${name}' written a second time`);
    return a.value;
  }

  private element(what: string, pa: YPair, pb: YPair): YNode | null {
    const [a, b] = [pa.value!, pb.value!];
    if (!map(a) || !map(b)) {
      this.conflict(b, a, `${what}: not a mapping in both files`);
      return a;
    }
    return this.keyed(a, b, `${what}: field`, (fa, fb, field) => this.field(what, field, fa.value!, fb.value!));
  }

  private field(owner: string, name: string, a: YNode, b: YNode): YNode | null {
    const [da, db] = [deref(a)!, deref(b)!];
    const what = `${owner}: '${name}'`;
    if (FIRST_WINS.has(name)) return a;
    if (name === 'communication_links') return this.keyed(a, b, `${owner}: communication link`, (la, lb, link) => this.element(`${owner}: communication link '${link}'`, la, lb));
    if (da.kind === 'seq' && db.kind === 'seq') return this.union(da, db);
    if (da.kind === 'scalar' && db.kind === 'scalar') {
      if (typeof da.value === 'boolean' && typeof db.value === 'boolean') return da.value ? a : b;
      if (text(da).toLowerCase() !== text(db).toLowerCase()) this.conflict(b, a, `${what} is '${text(db)}' here and '${text(da)}' before`);
      return a;
    }
    this.conflict(b, a, `${what} is ${text(db)} here and ${text(da)} before`);
    return a;
  }

  /** Threagile's unique join of string lists: the first list, then what the second adds. */
  private union(a: YSeq, b: YSeq): YSeq {
    const seen = new Set(a.items.map((i) => str(i)).filter((s) => s !== undefined));
    const added = b.items.filter((i) => {
      const s = str(i);
      if (s === undefined) return true;
      if (seen.has(s)) return false;
      seen.add(s);
      return true;
    });
    return added.length ? this.adopt({ kind: 'seq', start: a.start, end: a.end, items: [...a.items, ...added] }, a) : a;
  }

  /** Custom risk categories are a list: appended, an ID already listed (letter case aside) is a duplicate. */
  private categories(a: YSeq, b: YSeq): YSeq {
    const ids = new Map<string, YNode>();
    for (const e of entries(a)) {
      const id = str(map(e.node)?.pairs.find((p) => p.key.value === 'id')?.value);
      if (id) ids.set(id.toLowerCase(), e.node);
    }
    const added = b.items.filter((i) => {
      const id = str(map(i)?.pairs.find((p) => p.key.value === 'id')?.value);
      const prior = id === undefined ? undefined : ids.get(id.toLowerCase());
      if (prior && i) this.conflict(i, prior, `custom risk category '${id}' written a second time`);
      else if (id && i) ids.set(id.toLowerCase(), i);
      return !prior;
    });
    return this.adopt({ kind: 'seq', start: a.start, end: a.end, items: [...a.items, ...added] }, a);
  }

  private scalar(k: string, a: YNode, b: YNode): void {
    if (text(a).toLowerCase() !== text(b).toLowerCase()) this.conflict(b, a, `'${k}' is '${text(b)}' here and '${text(a)}' before`);
  }

  /** Threagile compares each author field the first file sets with the later file's, an empty one too. */
  private author(a: YNode, b: YNode): void {
    const ma = map(a);
    const mb = map(b);
    for (const f of ['name', 'contact', 'homepage']) {
      const va = ma ? fields(ma).find((p) => p.key.value === f)?.value : undefined;
      const vb = mb ? fields(mb).find((p) => p.key.value === f)?.value : undefined;
      if (!isEmpty(va) && text(va).toLowerCase() !== (isEmpty(vb) ? '' : text(vb).toLowerCase()))
        this.conflict(vb ?? b, va!, `author ${f} is '${isEmpty(vb) ? '' : text(vb)}' here and '${text(va)}' before`);
    }
  }
}
