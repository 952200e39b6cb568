import { parseInduform } from './induform';
import type { ModelDocument, ReadSource } from './model-types';
import { parseOtm } from './otm';
import { parseThreagile } from './threagile';
import { parseThreatDragon } from './threat-dragon';

/** An importer of threat models: writes zones, assets, flows, conduits, threats and controls. */
export interface ModelImporter {
  name: string;
  summary: string;
  extensions: readonly string[];
  /** `read` reads the further files a source names (Threagile `includes`); the other formats read one file. */
  parse(file: string, text: string, read: ReadSource): ModelDocument | Promise<ModelDocument>;
}

/** Every threat-model `spdf import FORMAT`, by name; a new format is one module and one entry here. */
export const MODEL_IMPORTERS: Record<string, ModelImporter> = {
  otm: {
    name: 'otm',
    summary: 'Open Threat Model JSON/YAML (trust zones, components, dataflows, threats, mitigations)',
    extensions: ['.otm', '.json', '.yaml', '.yml'],
    parse: (file, text) => parseOtm(file, text),
  },
  threagile: {
    name: 'threagile',
    summary: 'Threagile YAML (trust boundaries, technical and data assets, communication links, risk tracking; includes merged)',
    extensions: ['.yaml', '.yml'],
    parse: (file, text, read) => parseThreagile(file, text, read),
  },
  'threat-dragon': {
    name: 'threat-dragon',
    summary: 'OWASP Threat Dragon v2 and v1 JSON (actors, processes, stores, flows, boundary boxes, threats)',
    extensions: ['.json'],
    parse: (file, text) => parseThreatDragon(file, text),
  },
  induform: {
    name: 'induform',
    summary: 'IEC 62443 zone/conduit YAML as InduForm writes it (zones with type and SL-T, assets, conduits with protocol flows)',
    extensions: ['.yaml', '.yml'],
    parse: (file, text) => parseInduform(file, text),
  },
};
