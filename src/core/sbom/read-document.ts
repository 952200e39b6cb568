// @spdf implements SPDF-SBOM-READ
import { readCycloneDx } from './cyclonedx';
import { readCycloneDxXml } from './cyclonedx-xml';
import { isObj, parseJsonText, TextLocator } from './json-text';
import { readSpdx2, readSpdx3 } from './spdx';
import { emptyDocument, type SbomDocument, type SbomSchemaValidator } from './types';
import { readCsafVex, readOpenVex } from './vex';

const SUPPORTED = 'CycloneDX 1.4-1.6 (JSON, XML), SPDX 2.2/2.3 JSON, SPDX 3.0 JSON-LD, OpenVEX, CSAF 2.0 VEX';

const contextOf = (data: Record<string, unknown>): string => JSON.stringify(data['@context'] ?? '');

/** Reads an SBOM or VEX document from its text, whatever its format; never throws. Problems carry offsets. */
export function readSbomText(text: string, validate?: SbomSchemaValidator): SbomDocument {
  const first = /\S/.exec(text);
  if (!first) return unsupported(text, 'the file is empty: no SBOM or VEX was read');
  if (text[first.index] === '<') return readCycloneDxXml(text);
  if (text[first.index] !== '{') return unsupported(text, `not a supported SBOM or VEX format (${SUPPORTED}); tag-value, YAML and RDF/XML files are not read`);
  const parsed = parseJsonText(text);
  if ('problem' in parsed) {
    const doc = emptyDocument('cyclonedx-json');
    doc.problems.push(parsed.problem);
    return doc;
  }
  const data = parsed.value;
  if (!isObj(data)) return unsupported(text, 'the JSON document is not an object: no SBOM or VEX was read');
  const locator = new TextLocator(text);
  if (data.bomFormat === 'CycloneDX') return readCycloneDx(data, 'cyclonedx-json', locator, validate);
  if (typeof data.spdxVersion === 'string') return readSpdx2(data, locator);
  const context = contextOf(data);
  if (/openvex/i.test(context)) return readOpenVex(data, locator);
  if (/spdx\.org\/rdf\/3\./.test(context)) return readSpdx3(data, locator);
  if (isObj(data.document) && 'csaf_version' in data.document) return readCsafVex(data, locator);
  return unsupported(text, `not a supported SBOM or VEX document (${SUPPORTED}): no bomFormat, spdxVersion, OpenVEX or SPDX 3 @context, or CSAF document was found`);
}

function unsupported(text: string, message: string): SbomDocument {
  const doc = emptyDocument('cyclonedx-json');
  doc.problems.push({ message, start: 0, end: Math.min(1, text.length) });
  return doc;
}
