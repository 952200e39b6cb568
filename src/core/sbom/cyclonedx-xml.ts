// @spdf implements SPDF-SBOM-READ
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { cdataAsText, decodeXmlReferences, repeatedElements, undefinedXmlReference } from '../xml-references';
import { CYCLONEDX_VERSIONS, readCycloneDx } from './cyclonedx';
import { arr, isObj, TextLocator } from './json-text';
import { emptyDocument, type SbomDocument, type SbomProblem } from './types';

const NS = /<(?:\w+:)?bom\b[^>]*\sxmlns(?::\w+)?=["']http:\/\/cyclonedx\.org\/schema\/bom\/(\d+\.\d+)["']/;

/** Offset of a 1-based line and column (fast-xml-parser's validator reports those). */
function offsetOf(text: string, line: number, col: number): number {
  let at = 0;
  for (let l = 1; l < line && at >= 0; l++) at = text.indexOf('\n', at) + 1;
  return Math.min(Math.max(0, at) + Math.max(0, col - 1), text.length);
}

/** The spellings of a value in the document: escaped as a writer escapes it, then as the document wrote it. */
const xmlQuote =
  (written: Map<string, Set<string>>) =>
  (s: string): string[] => {
    const esc = s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    const spellings = [esc, ...(written.get(s) ?? [])];
    return spellings.flatMap((w) => [`"${w}"`, `>${w}<`, `'${w}'`]);
  };

/**
 * Reads a CycloneDX XML BOM: validated for well-formedness, refused when it declares a DTD or entities (an
 * SBOM has no use for them; entity expansion is how billion-laughs files blow up), its character and
 * predefined entity references decoded (any other reference refuses the file), converted to the JSON
 * shape and read by the JSON reader. The XSD is not checked (no XSD validator runs here): the structure the
 * reader needs is, and an element of the CycloneDX namespace where none is allowed in `<bom>` or in a list the
 * reader reads is a problem.
 */
export function readCycloneDxXml(text: string): SbomDocument {
  const doc = emptyDocument('cyclonedx-xml');
  const dtd = /<!(DOCTYPE|ENTITY)/i.exec(text);
  if (dtd) {
    doc.problems.push({ message: `XML ${dtd[1].toUpperCase()} declarations are refused in an SBOM (entity expansion); the file was not read`, start: dtd.index, end: dtd.index + dtd[0].length });
    return doc;
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const at = offsetOf(text, valid.err.line ?? 1, valid.err.col ?? 1);
    doc.problems.push({ message: `not well-formed XML: ${valid.err.msg}`, start: at, end: Math.min(at + 1, text.length) });
    return doc;
  }
  // Entity processing is off (no DTD is read): references are decoded here, and one without meaning is refused.
  const undefinedRef = undefinedXmlReference(text);
  if (undefinedRef) {
    doc.problems.push({
      message: `XML reference '${undefinedRef.reference}' names no character or predefined entity (an SBOM declares no entities); the file was not read`,
      start: undefinedRef.index,
      end: undefinedRef.index + undefinedRef.reference.length,
    });
    return doc;
  }
  const written = new Map<string, Set<string>>();
  const decode = (_name: string, raw: string): string => {
    const value = decodeXmlReferences(raw);
    if (value !== raw) written.set(value, (written.get(value) ?? new Set()).add(raw));
    return value;
  };
  let parsed: Record<string, unknown>;
  try {
    parsed = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '@',
      removeNSPrefix: true,
      processEntities: false,
      htmlEntities: false,
      parseTagValue: false,
      parseAttributeValue: false,
      tagValueProcessor: decode,
      attributeValueProcessor: decode,
      isArray: (name) => ['component', 'dependency', 'license', 'property', 'vulnerability', 'target', 'author', 'tool', 'hash'].includes(name),
    }).parse(cdataAsText(text)) as Record<string, unknown>;
  } catch (e) {
    doc.problems.push({ message: `cannot parse XML: ${(e as Error).message}`, start: 0, end: 0 });
    return doc;
  }
  const bom = isObj(parsed.bom) ? parsed.bom : undefined;
  const version = NS.exec(text)?.[1];
  if (!bom || !version) {
    const at = text.indexOf('<');
    doc.problems.push({ message: 'not a CycloneDX XML BOM: the root must be <bom xmlns="http://cyclonedx.org/schema/bom/1.x">', start: Math.max(0, at), end: Math.max(0, at) + 1 });
    return doc;
  }
  const read = readCycloneDx({ ...toJsonShape(bom), specVersion: version }, 'cyclonedx-xml', new TextLocator(text, xmlQuote(written)));
  if (CYCLONEDX_VERSIONS.includes(version)) read.problems.push(...unknownElements(text, bom, version), ...repeatedCdxElements(text));
  return read;
}

/** The elements `<bom>` may hold in each CycloneDX version (its XSD; those of other namespaces are extensions). */
const BOM_CHILDREN: Record<string, string[]> = {
  '1.4': ['metadata', 'components', 'services', 'externalReferences', 'dependencies', 'compositions', 'vulnerabilities', 'signature'],
  '1.5': ['metadata', 'components', 'services', 'externalReferences', 'dependencies', 'compositions', 'properties', 'vulnerabilities', 'annotations', 'formulation', 'signature'],
  '1.6': [
    'metadata',
    'components',
    'services',
    'externalReferences',
    'dependencies',
    'compositions',
    'properties',
    'vulnerabilities',
    'annotations',
    'formulation',
    'declarations',
    'definitions',
    'signature',
  ],
};
/** The lists the reader reads, by the one element each holds. */
const LIST_ITEM: Record<string, string> = { components: 'component', vulnerabilities: 'vulnerability', dependencies: 'dependency' };

/**
 * Elements of the CycloneDX namespace that the schema does not allow where they stand, among the children of
 * `<bom>` and of the lists the reader reads: a misspelt `<compnents>` was skipped, and the SBOM read as one
 * without components (the JSON schema check reports the same for JSON). Elements of other namespaces (the
 * XSD's extension points) are left alone.
 */
function unknownElements(text: string, bom: Record<string, unknown>, version: string): SbomProblem[] {
  const prefix = /<(?:([\w.-]+):)?bom\b/.exec(text)?.[1];
  const problems: SbomProblem[] = [];
  const report = (name: string, where: string) => {
    const m = new RegExp(`<${(prefix ? `${prefix}:` : '').replace(/[.]/g, '\\.')}${name.replace(/[.]/g, '\\.')}[\\s/>]`).exec(text);
    if (!m) return; // only under another namespace's prefix: an extension
    problems.push({ message: `<${name}> is not a CycloneDX ${version} element ${where}; it was not read`, start: m.index, end: m.index + m[0].length - 1 });
  };
  const elements = (o: Record<string, unknown>) => Object.keys(o).filter((k) => !k.startsWith('@') && k !== '#text');
  for (const k of elements(bom)) if (!BOM_CHILDREN[version].includes(k)) report(k, 'in <bom>');
  const lists = (o: Record<string, unknown>, depth: number) => {
    for (const [list, item] of Object.entries(LIST_ITEM)) {
      const v = o[list];
      for (const el of arr(v)) if (isObj(el)) for (const k of elements(el)) if (k !== item) report(k, `in <${list}> (it holds <${item}> elements)`);
      if (list === 'components' && depth < 64) for (const el of arr(v)) if (isObj(el)) for (const c of arr(el.component)) if (isObj(c)) lists({ components: c.components }, depth + 1);
    }
  };
  lists(bom, 0);
  return problems;
}

const textOf = (v: unknown): string | undefined => (typeof v === 'string' ? v.trim() || undefined : isObj(v) && typeof v['#text'] === 'string' ? v['#text'].trim() || undefined : undefined);
const named = (v: unknown) => (isObj(v) ? { name: textOf(v.name) } : undefined);

/** The parts of an XML BOM the reader uses, in the JSON format's shape. */
function toJsonShape(bom: Record<string, unknown>): Record<string, unknown> {
  const meta = isObj(bom.metadata) ? bom.metadata : {};
  const tools = isObj(meta.tools) ? meta.tools : {};
  return {
    metadata: {
      timestamp: textOf(meta.timestamp),
      authors: arr(isObj(meta.authors) ? meta.authors.author : undefined).map(named),
      manufacture: named(meta.manufacture) ?? named(meta.manufacturer),
      supplier: named(meta.supplier),
      tools: [...arr(tools.tool), ...arr(isObj(tools.components) ? tools.components.component : undefined)].map(named),
    },
    components: components(bom.components),
    dependencies: dependencies(bom.dependencies),
    vulnerabilities: arr(isObj(bom.vulnerabilities) ? bom.vulnerabilities.vulnerability : undefined).map((v) => {
      const o = isObj(v) ? v : {};
      const analysis = isObj(o.analysis) ? o.analysis : undefined;
      return {
        id: textOf(o.id),
        'bom-ref': o['@bom-ref'],
        analysis: analysis ? { state: textOf(analysis.state), justification: textOf(analysis.justification) } : undefined,
        affects: arr(isObj(o.affects) ? o.affects.target : undefined).map((t) => ({ ref: isObj(t) ? textOf(t.ref) : undefined })),
      };
    }),
  };
}

function components(list: unknown): unknown[] {
  return arr(isObj(list) ? list.component : undefined).map((c) => {
    const o = isObj(c) ? c : {};
    const licenses = isObj(o.licenses) ? o.licenses : {};
    return {
      'bom-ref': o['@bom-ref'],
      name: textOf(o.name),
      version: textOf(o.version),
      supplier: named(o.supplier),
      manufacturer: named(o.manufacturer),
      publisher: textOf(o.publisher),
      author: textOf(o.author),
      purl: textOf(o.purl),
      cpe: textOf(o.cpe),
      swid: isObj(o.swid) ? { tagId: o.swid['@tagId'] } : undefined,
      licenses: [
        ...arr(licenses.license).map((l) => ({ license: isObj(l) ? { id: textOf(l.id), name: textOf(l.name) } : undefined })),
        ...arr(licenses.expression).map((e) => ({ expression: textOf(e) })),
      ],
      properties: arr(isObj(o.properties) ? o.properties.property : undefined).map((p) => ({ name: isObj(p) ? p['@name'] : undefined, value: textOf(p) })),
      components: o.components === undefined ? undefined : components(o.components),
    };
  });
}

function dependencies(list: unknown): unknown[] {
  const out: unknown[] = [];
  const walk = (deps: unknown) => {
    for (const d of arr(isObj(deps) ? deps.dependency : undefined)) {
      if (!isObj(d)) continue;
      const inner = arr(d.dependency).filter(isObj);
      out.push({ ref: d['@ref'], dependsOn: inner.map((x) => x['@ref']) });
      walk(d);
    }
  };
  walk(list);
  return out;
}

/** Elements the reader reads as one value, by the element they stand in: the schema allows each once there. */
const SINGLE: Record<string, string[]> = {
  bom: ['metadata', 'components', 'services', 'externalReferences', 'dependencies', 'compositions', 'properties', 'vulnerabilities', 'annotations', 'formulation', 'declarations', 'definitions'],
  metadata: ['timestamp', 'tools', 'authors', 'component', 'manufacture', 'manufacturer', 'supplier', 'licenses', 'properties'],
  component: ['name', 'version', 'supplier', 'manufacturer', 'publisher', 'author', 'purl', 'cpe', 'swid', 'licenses', 'properties', 'components'],
  vulnerability: ['id', 'analysis', 'affects'],
  analysis: ['state', 'justification'],
  target: ['ref'],
  license: ['id', 'name'],
};

/** Elements of the CycloneDX namespace written twice where the schema allows one: each repeat is a problem at its start tag. */
function repeatedCdxElements(text: string): SbomProblem[] {
  const prefix = /<(?:([\w.-]+):)?bom\b/.exec(text)?.[1];
  const local = (qname: string): string | undefined => {
    const at = qname.indexOf(':');
    if (at < 0) return prefix ? undefined : qname;
    return qname.slice(0, at) === prefix ? qname.slice(at + 1) : undefined;
  };
  return repeatedElements(text, SINGLE, local).map((r) => ({
    message: `<${r.name}> is written twice in <${r.parent}>, where the CycloneDX schema allows one; neither was read`,
    start: r.index,
    end: r.index + r.length,
  }));
}
