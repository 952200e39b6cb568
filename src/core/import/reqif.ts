import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { cdataAsText, decodeXmlReferences as decode, repeatedElements, undefinedXmlReference } from '../xml-references';
import { duplicateName } from '../json-duplicate-name';
import { REQIF_ATTR } from './reqif-names';
import type { ImportedItem, ImportNote, ParsedDocument, SourcePos } from './types';

type X = Record<string, unknown>;
const kids = (x: unknown, name: string): X[] => ((x as X | undefined)?.[name] as X[] | undefined) ?? [];
const kid = (x: unknown, ...path: string[]): X | undefined => path.reduce<X | undefined>((at, n) => kids(at, n)[0], x as X);
/** An attribute's value, its references decoded (the parser keeps them as written). */
const attr = (x: X | undefined, name: string): string | undefined => {
  const raw = (x?.['@'] as X | undefined)?.[name];
  return typeof raw === 'string' ? decode(raw) : undefined;
};
/** An element's character data as written (XHTML is decoded once its markup is dropped). */
const rawText = (x: unknown): string | undefined => (typeof x === 'string' ? x : typeof (x as X)?.['#text'] === 'string' ? ((x as X)['#text'] as string) : undefined);
/** An element's character data, its references decoded (identifier references). */
const textOf = (x: unknown): string | undefined => {
  const raw = rawText(x);
  return raw === undefined ? undefined : decode(raw);
};
const STATUS: Record<string, ImportedItem['status']> = {
  draft: 'draft',
  new: 'draft',
  proposed: 'draft',
  approved: 'approved',
  accepted: 'approved',
  released: 'approved',
  obsolete: 'obsolete',
  deprecated: 'obsolete',
  rejected: 'obsolete',
};

/** XHTML of an ATTRIBUTE-VALUE-XHTML as plain text: `br` and block ends are line breaks, other markup is dropped. */
export function xhtmlText(xhtml: string): string {
  const t = xhtml
    .replace(/<(?:[\w-]+:)?br\s*\/?>/g, '\n')
    .replace(/<\/(?:[\w-]+:)?(?:p|div|li|h[1-6]|tr)>\s*(?=<(?:[\w-]+:)?(?:p|div|li|h[1-6]|tr|ul|ol|table)[\s>])/g, '\n')
    .replace(/<[^>]*>/g, '');
  return decode(t);
}

/** Fields the model has beyond those with ReqIF attributes of their own, from `SPDF.Model`: a JSON object of plain field names. */
function modelFields(json: string): Record<string, unknown> | string {
  let v: unknown;
  try {
    v = JSON.parse(json);
  } catch {
    return 'not JSON';
  }
  // JSON.parse keeps the last of a name written twice: which value the tool that wrote it meant is unknown.
  const dup = duplicateName(json);
  if (dup) return `the name ${dup.name} is written twice in one object (JSON readers disagree on which value counts)`;
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'not a JSON object';
  const bad = Object.keys(v).filter((k) => !/^[a-z][a-z0-9_]*$/.test(k) || ['id', 'title', 'text', 'status'].includes(k));
  return bad.length ? `field name(s) ${bad.join(', ')} not allowed there` : (v as Record<string, unknown>);
}

const VALUE_PARTS = ['DEFINITION', 'THE-VALUE', 'VALUES'];
/** Elements ReqIF 1.2 allows once in their parent, among those the reader reads (it reads the first). */
const SINGLE: Record<string, readonly string[]> = {
  'REQ-IF': ['THE-HEADER', 'CORE-CONTENT'],
  'CORE-CONTENT': ['REQ-IF-CONTENT'],
  'REQ-IF-CONTENT': ['DATATYPES', 'SPEC-TYPES', 'SPEC-OBJECTS', 'SPEC-RELATIONS', 'SPECIFICATIONS', 'SPEC-RELATION-GROUPS'],
  'SPEC-OBJECT': ['TYPE', 'VALUES'],
  'SPEC-RELATION': ['TYPE', 'VALUES', 'SOURCE', 'TARGET'],
  'SPEC-OBJECT-TYPE': ['SPEC-ATTRIBUTES'],
  'DATATYPE-DEFINITION-ENUMERATION': ['SPECIFIED-VALUES'],
  SOURCE: ['SPEC-OBJECT-REF'],
  TARGET: ['SPEC-OBJECT-REF'],
  TYPE: ['SPEC-OBJECT-TYPE-REF', 'SPEC-RELATION-TYPE-REF'],
  ...Object.fromEntries(['STRING', 'INTEGER', 'REAL', 'DATE', 'BOOLEAN', 'XHTML', 'ENUMERATION'].map((t) => [`ATTRIBUTE-VALUE-${t}`, VALUE_PARTS])),
};

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  attributesGroupName: '@',
  removeNSPrefix: true,
  processEntities: false,
  stopNodes: ['*.ATTRIBUTE-VALUE-XHTML.THE-VALUE'],
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  isArray: (_name, _jpath, _leaf, isAttribute) => !isAttribute,
});

/**
 * ReqIF 1.2 (`.reqif`): each SPEC-OBJECT is a requirement. Its ID is the ALM's own ID when the object has
 * a `ReqIF.ForeignID` attribute, else its IDENTIFIER; `ReqIF.Name` (or `ReqIF.ChapterName`) is the title,
 * `ReqIF.Text` (XHTML or string) the text, an attribute named `Status` the status. Every SPEC-RELATION
 * reads as SOURCE derived from TARGET. Objects with only a chapter name are headings and are skipped.
 */
export function parseReqif(file: string, text: string): ParsedDocument {
  const items: ImportedItem[] = [];
  const notes: ImportNote[] = [];
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const posAt = (offset: number): SourcePos => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { file, line: lo + 1, col: offset - lineStarts[lo] + 1 };
  };
  const doctype = /<!DOCTYPE/i.exec(text);
  if (doctype) return { items, notes: [{ pos: posAt(doctype.index), kind: 'error', message: 'a DOCTYPE is not allowed in ReqIF (entity declarations are not expanded); nothing imported' }] };
  const valid = XMLValidator.validate(text);
  if (valid !== true)
    return { items, notes: [{ pos: { file, line: valid.err.line ?? 1, col: valid.err.col ?? 1 }, kind: 'error', message: `not well-formed XML: ${valid.err.msg}; nothing imported` }] };
  const undefinedRef = undefinedXmlReference(text);
  if (undefinedRef)
    return {
      items,
      notes: [
        { pos: posAt(undefinedRef.index), kind: 'error', message: `XML reference '${undefinedRef.reference}' names no character or predefined entity (ReqIF declares no entities); nothing imported` },
      ],
    };
  // The reader takes the first of each element below; a second one where ReqIF allows one would be dropped unseen.
  const repeated = repeatedElements(text, SINGLE, (q) => q.slice(q.indexOf(':') + 1));
  if (repeated.length)
    return {
      items,
      notes: repeated.map((r) => ({ pos: posAt(r.index), kind: 'error', message: `<${r.name}> is written twice in <${r.parent}>, where ReqIF allows one; nothing imported` })),
    };
  const root = kid(parser.parse(cdataAsText(text)) as X, 'REQ-IF');
  const content = kid(root, 'CORE-CONTENT', 'REQ-IF-CONTENT');
  if (!content) {
    const at = /<(?:[\w-]+:)?REQ-IF[\s>]/.exec(text);
    return { items, notes: [{ pos: posAt(at?.index ?? 0), kind: 'error', message: 'not a ReqIF document (no REQ-IF/CORE-CONTENT/REQ-IF-CONTENT); nothing imported' }] };
  }
  /** Where each element with an IDENTIFIER starts, by tag and identifier. */
  const at = new Map<string, SourcePos>();
  for (const m of text.matchAll(/<(?:[\w-]+:)?([A-Z][A-Z-]*)\s[^>]*?\bIDENTIFIER\s*=\s*(["'])(.*?)\2/g)) {
    const key = `${m[1]} ${decode(m[3])}`;
    if (!at.has(key)) at.set(key, posAt(m.index));
  }
  const where = (tag: string, id: string | undefined) => at.get(`${tag} ${id ?? ''}`) ?? posAt(0);

  const names = new Map<string, string>();
  for (const [group, x] of Object.entries(kid(content, 'DATATYPES') ?? {}))
    for (const dt of x as X[])
      if (group.startsWith('DATATYPE-DEFINITION-ENUMERATION'))
        for (const ev of kids(kid(dt, 'SPECIFIED-VALUES'), 'ENUM-VALUE')) names.set(attr(ev, 'IDENTIFIER') ?? '', attr(ev, 'LONG-NAME') ?? attr(ev, 'IDENTIFIER') ?? '');
  for (const type of kids(kid(content, 'SPEC-TYPES'), 'SPEC-OBJECT-TYPE'))
    for (const [, defs] of Object.entries(kid(type, 'SPEC-ATTRIBUTES') ?? {})) for (const d of defs as X[]) names.set(attr(d, 'IDENTIFIER') ?? '', attr(d, 'LONG-NAME') ?? attr(d, 'IDENTIFIER') ?? '');
  const relationTypes = new Map(kids(kid(content, 'SPEC-TYPES'), 'SPEC-RELATION-TYPE').map((t) => [attr(t, 'IDENTIFIER') ?? '', attr(t, 'LONG-NAME') ?? attr(t, 'IDENTIFIER') ?? '']));

  const byIdentifier = new Map<string, ImportedItem>();
  for (const obj of kids(kid(content, 'SPEC-OBJECTS'), 'SPEC-OBJECT')) {
    const identifier = attr(obj, 'IDENTIFIER');
    const pos = where('SPEC-OBJECT', identifier);
    if (!identifier) {
      notes.push({ pos, kind: 'error', message: 'SPEC-OBJECT without IDENTIFIER; not imported' });
      continue;
    }
    const values = new Map<string, string>();
    const kinds = new Map<string, string>();
    for (const [tag, list] of Object.entries(kid(obj, 'VALUES') ?? {})) {
      if (tag === '@') continue;
      for (const v of list as X[]) {
        const def = Object.values(kid(v, 'DEFINITION') ?? {})
          .flat()
          .map(textOf)
          .find((s) => s !== undefined);
        const name = names.get(def?.trim() ?? '') ?? def?.trim() ?? '?';
        let value: string | undefined;
        if (tag === 'ATTRIBUTE-VALUE-XHTML') value = xhtmlText(rawText(kids(v, 'THE-VALUE')[0]) ?? '');
        else if (tag === 'ATTRIBUTE-VALUE-ENUMERATION')
          value = kids(kid(v, 'VALUES'), 'ENUM-VALUE-REF')
            .map((r) => textOf(r)?.trim() ?? '')
            .map((r) => names.get(r) ?? r)
            .join(', ');
        else value = attr(v, 'THE-VALUE');
        if (value !== undefined) {
          values.set(name, value);
          kinds.set(name, tag);
        }
      }
    }
    const foreign = values.get(REQIF_ATTR.foreignId)?.trim();
    const id = foreign || identifier;
    if (/\s/.test(id)) {
      notes.push({ pos, kind: 'error', message: `ID '${id}' contains white space; not imported` });
      continue;
    }
    const title = (values.get(REQIF_ATTR.name) ?? values.get(REQIF_ATTR.chapterName))?.trim();
    const body = values.get(REQIF_ATTR.text)?.trim();
    if (!body && !values.has(REQIF_ATTR.name) && values.has(REQIF_ATTR.chapterName)) {
      notes.push({ pos, kind: 'skipped', subject: 'heading', message: `heading '${title ?? ''}' (${identifier}): a chapter name without text; not imported` });
      continue;
    }
    const item: ImportedItem = { id, element: 'SPEC-OBJECT', derivedFrom: [], children: [], lost: [], pos };
    if (foreign && foreign !== identifier) item.lost.push(`ReqIF IDENTIFIER '${identifier}' not kept (the ALM's ID ${REQIF_ATTR.foreignId} is the model ID)`);
    if (title) item.title = title;
    else item.lost.push('no ReqIF.Name in the source; the ID is the title');
    if (body) item.text = body;
    const status = values.get(REQIF_ATTR.status)?.trim();
    if (status) {
      item.status = STATUS[status.toLowerCase()];
      if (!item.status) item.lost.push(`Status '${status}' not kept (the model knows draft, approved, obsolete)`);
      else if (item.status !== status.toLowerCase()) item.lost.push(`Status '${status}' kept as ${item.status}`);
    }
    const model = values.get(REQIF_ATTR.model);
    if (model !== undefined) {
      const fields = modelFields(model);
      if (typeof fields === 'string') notes.push({ pos, kind: 'lost', subject: 'relation', message: `${id}: ${REQIF_ATTR.model} (its model fields and relations) not kept: ${fields}` });
      else if (Object.keys(fields).length) item.fields = fields;
    }
    const known: string[] = [REQIF_ATTR.foreignId, REQIF_ATTR.name, REQIF_ATTR.chapterName, REQIF_ATTR.text, REQIF_ATTR.status, REQIF_ATTR.model];
    const other = [...values.keys()].filter((k) => !known.includes(k));
    if (other.length) item.lost.push(`attributes not kept: ${other.join(', ')}`);
    byIdentifier.set(identifier, item);
    items.push(item);
  }
  for (const rel of kids(kid(content, 'SPEC-RELATIONS'), 'SPEC-RELATION')) {
    const identifier = attr(rel, 'IDENTIFIER');
    const pos = where('SPEC-RELATION', identifier);
    const source = textOf(kid(rel, 'SOURCE', 'SPEC-OBJECT-REF'))?.trim() ?? '';
    const target = textOf(kid(rel, 'TARGET', 'SPEC-OBJECT-REF'))?.trim() ?? '';
    const typeRef = textOf(kid(rel, 'TYPE', 'SPEC-RELATION-TYPE-REF'))?.trim() ?? '';
    const via = `SPEC-RELATION ${relationTypes.get(typeRef) ?? typeRef}`.trim();
    const child = byIdentifier.get(source);
    const parent = byIdentifier.get(target);
    if (!child || !parent) {
      notes.push({
        pos,
        kind: 'lost',
        subject: 'relation',
        message: `${via} ${identifier ?? ''} from '${source}' to '${target}' not kept: ${!child ? `no imported SPEC-OBJECT '${source}'` : `no imported SPEC-OBJECT '${target}'`}`,
      });
      continue;
    }
    if (!child.fields?.derived_from) child.derivedFrom.push({ id: parent.id, pos, via });
  }
  return { items, notes };
}
