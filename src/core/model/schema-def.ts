import { FDA_ARCHITECTURE_VIEWS, FDA_CONTROL_CATEGORIES } from '../vocab/fda';
import { PROTOCOL_IDS } from '../vocab/protocols';

const protocol = (doc: string): FieldSpec => ({ type: 'enum', values: PROTOCOL_IDS, doc, open: 'protocol' });
import { STRIDE_LETTERS } from '../vocab/stride';
import { bool, date, list, obj, oneOf, path, ref, refs, sl, str, strings, text, type FieldSpec, type KindSpec } from './fields';
import type { ItemKind } from './kinds';

const SR_RE_DOC = 'IEC 62443-3-3 system requirements or requirement enhancements it meets, e.g. "SR 1.2" or "SR 1.1 RE 1" (the zone compliance view and RQ005 count them).';

export const ZONE_CLASSES = ['it', 'dmz', 'ot', 'device', 'external', 'cloud'] as const;
export const CRITICALITIES = ['safety-critical', 'mission-critical', 'important', 'operational', 'low'] as const;
export const CIA_LEVELS = ['low', 'medium', 'high', 'critical'] as const;
export const ASSET_KINDS = ['component', 'device', 'service', 'datastore', 'data', 'external-entity', 'human', 'access-point'] as const;
export const CONDUIT_DIRECTIONS = ['a-to-b', 'b-to-a', 'bidirectional', 'unidirectional-hw'] as const;
export const AUTHENTICATIONS = ['none', 'credentials', 'pre-shared-key', 'token', 'mutual-tls', 'device-cert', 'mfa'] as const;
export const FILTERING = ['none', 'stateful', 'protocol-aware', 'diode'] as const;
export const MONITORING = ['none', 'passive-ids', 'host-logging', 'active'] as const;
export const SCORE_METHODS = ['cvss-3.0', 'cvss-3.1', 'cvss-4.0', 'mitre-cvss-rubric', 'exploitability-matrix'] as const;
export const EXPLOITABILITY = ['very-low', 'low', 'medium', 'high', 'very-high'] as const;
export const THREAT_STATUSES = ['open', 'mitigated', 'accepted', 'transferred', 'avoided', 'n/a'] as const;
export const CONTROL_TYPES = ['technical', 'procedural', 'physical', 'labeling', 'compensating'] as const;
export const FAIL_MODES = ['open', 'closed', 'n/a'] as const;
export const CONTROL_STATUSES = ['planned', 'implemented', 'verified'] as const;
export const VERIFICATION_METHODS = ['test', 'analysis', 'inspection', 'demonstration', 'pentest', 'fuzz'] as const;
export const TEST_KINDS = ['unit', 'integration', 'system', 'pentest', 'fuzz', 'vuln-scan', 'active-scan', 'sca', 'sast', 'inspection', 'analysis', 'demonstration'] as const;
export const TEST_RESULTS = ['pass', 'fail', 'not-run', 'blocked'] as const;
export const TEST_ENVIRONMENTS = ['production', 'test-bed', 'maintenance-window', 'simulation'] as const;
export const REQUIREMENT_STATUSES = ['draft', 'approved', 'obsolete'] as const;
export const VEX_STATES = ['not_affected', 'affected', 'fixed', 'under_investigation'] as const;

const slTriple = {
  sl_t: sl('Target security level (IEC 62443-3-2 ZCR 5.6): a scalar 0..4 for every FR, or a mapping FR1..FR7.'),
  sl_c: sl('Capability security level (IEC 62443-3-3/4-2) of what is installed: scalar or FR1..FR7 mapping.'),
  sl_a: sl('Achieved security level, as verified after installation: scalar or FR1..FR7 mapping.'),
};

const component: FieldSpec = obj(
  {
    name: str('Component name as it appears in the SBOM.'),
    version: str('Component version.'),
    purl: str('Package URL of the component.'),
    cves: strings('Known vulnerabilities (CVE IDs) affecting this version.'),
    kev: bool('A listed CVE is in the CISA Known Exploited Vulnerabilities catalogue.'),
    vex: oneOf(VEX_STATES, 'VEX disposition of the listed CVEs.'),
    threat: ref(['threat'], 'Threat that assesses the listed CVEs.'),
  },
  'A software component of the asset (SBOM excerpt used for vulnerability traceability).',
  ['name'],
);

const channel: FieldSpec = obj(
  {
    protocol: protocol('Protocol of the channel: the built-in vocabulary or a name declared under `protocols` in spdf.config.yaml.'),
    port: { type: 'integer', doc: 'TCP/UDP port.', minimum: 0, maximum: 65535 },
    encrypted: bool('Traffic is encrypted on this channel.'),
    authentication: oneOf(AUTHENTICATIONS, 'How peers authenticate on this channel.'),
    integrity: bool('Messages are integrity protected.'),
    write_capable: bool('Write or command functions that change device state are allowed through this channel (default: what the protocol can carry).'),
    security_mode: str(
      'Security mode as configured, for protocols whose security depends on it: OPC UA None/Sign/SignAndEncrypt, TLS version (tls-1.0 .. tls-1.3), BLE pairing (no-pairing, just-works, passkey, numeric-comparison, oob), SNMP (v1, v2c, v3-noauth, v3-auth, v3-authpriv), Wi-Fi, NFS, SMB, JDBC, Zigbee; `spdf explain ZC034` lists them. Required where the protocol says so.',
    ),
    untrusted_network: bool("The channel runs over a network outside the control of the system's owner (internet, carrier, shared or public network); SR 4.1 RE 1 then requires encryption from SL 2."),
    signed_commands: bool('Commands on this channel carry an application-layer signature or MAC that the receiving device verifies before acting (end to end, independent of the link).'),
  },
  'A communication channel inside a conduit.',
  ['protocol'],
);

const vulnerability: FieldSpec = obj(
  {
    id: str('Vulnerability ID (CVE, GHSA ...).'),
    status: oneOf(VEX_STATES, 'VEX disposition: not_affected, affected, fixed or under_investigation.'),
    justification: str('Why, as the VEX states it (e.g. vulnerable_code_not_in_execute_path).'),
    source: path('The SBOM or VEX file that states it.'),
  },
  'A known vulnerability of the component and its disposition.',
  ['id'],
);

export const KIND_SPECS: Record<ItemKind, KindSpec> = {
  system: {
    doc: 'The system under consideration (IEC 62443-3-2 ZCR 1) and submission-level facts.',
    required: ['id', 'name'],
    fields: {
      id: str('Unique ID of the system.'),
      name: str('Name of the system under consideration.'),
      description: text('What the system is.'),
      intended_use: text('Intended use, as in the labeling.'),
      environment: strings('Operating environments (e.g. hospital-network, home-wifi, cloud).'),
      cyber_device: bool('The device is a cyber device under FD&C Act section 524B (enables the SB rules).'),
      tolerable_risk: str('Reference to the tolerable-risk definition (62443-3-2 ZCR 4 / 6.8).'),
      approvals: list(obj({ by: str('Approver.'), on: date('Approval date.') }, 'An approval.', ['by']), 'Asset-owner approvals (62443-3-2 ZCR 7).'),
      views: obj(
        {
          global: path('Global system view.'),
          multi_patient: path('Multi-patient harm view.'),
          updatability: path('Updatability/patchability view.'),
          security_use_cases: { type: 'list', of: path(''), doc: 'Security use case views.' },
        },
        `FDA architecture views (premarket guidance V.B.2): ${FDA_ARCHITECTURE_VIEWS.join(', ')}.`,
      ),
      postmarket: obj(
        { plan: path('Postmarket cybersecurity management plan.'), cvd: str('Coordinated vulnerability disclosure policy or contact.') },
        'Section 524B(b)(1) postmarket vulnerability management.',
      ),
      sbom: path('SBOM of the system (524B(b)(3)): a CycloneDX 1.4-1.6 (JSON or XML), SPDX 2.3 JSON or SPDX 3.0 JSON-LD file, read and checked; its components become `component` items.'),
      vex: {
        type: 'list',
        of: path(''),
        doc: 'VEX documents (CycloneDX VEX, OpenVEX, CSAF 2.0 VEX) whose statements give the dispositions of the vulnerabilities of SBOM components (matched by bom-ref, purl or CPE).',
      },
    },
  },
  zone: {
    doc: 'An IEC 62443 security zone: assets that share security requirements (ZCR 6.4 characteristics).',
    required: ['id', 'name', 'class'],
    fields: {
      id: str('Unique ID of the zone.'),
      name: str('Name of the zone.'),
      description: text('What the zone holds.'),
      class: oneOf(ZONE_CLASSES, 'Network role of the zone: it, dmz, ot, device, external or cloud.'),
      purdue_level: { type: 'integer', doc: 'Purdue/ISA-95 level.', minimum: 0, maximum: 5 },
      criticality: oneOf(CRITICALITIES, 'Criticality of the zone.'),
      safety_designation: bool('The zone holds safety-related functions (62443-3-2 ZCR 3.3).'),
      wireless: bool('The zone holds wireless devices (ZCR 3.5).'),
      temporarily_connected: bool('The zone holds temporarily connected devices (ZCR 3.4).'),
      accountable_org: str('Organisation accountable for the zone.'),
      boundary: obj({ logical: str('Logical boundary.'), physical: str('Physical boundary.') }, 'Logical and physical boundary of the zone.'),
      access_points: refs(['asset'], 'Access points into the zone: assets of kind access-point.'),
      assets: refs(['asset'], "Assets placed in this zone (alternative to the asset's own `zone`)."),
      ...slTriple,
      monitoring: oneOf(MONITORING, 'Security monitoring in the zone (SR 6.2).'),
      compensating_controls: refs(['control'], 'Compensating controls applied at zone level.'),
      worst_case_impact: text('Worst-case impact on health, safety, environment and business (ZCR 2).'),
      residual_risk: text('Residual risk after countermeasures (ZCR 5.10).'),
      assumptions: strings('Assumptions and external dependencies (ZCR 6.4).'),
    },
  },
  asset: {
    doc: 'An asset of the system: component, device, service, data store, data, external entity, person or access point.',
    required: ['id', 'name', 'kind'],
    fields: {
      id: str('Unique ID of the asset.'),
      name: str('Name of the asset.'),
      description: text('What the asset is.'),
      kind: oneOf(ASSET_KINDS, 'What sort of asset this is.'),
      zone: ref(['zone'], 'The one zone the asset belongs to.'),
      in_scope: bool('Part of the system under consideration (default true); out-of-scope assets need no zone.'),
      technology: str('Technology (e.g. embedded-firmware, mobile-app, web-service).'),
      software: bool('The asset is or contains software (SBOM and end-of-support apply; default true for component and service).'),
      cia: obj({ c: oneOf(CIA_LEVELS, 'Confidentiality.'), i: oneOf(CIA_LEVELS, 'Integrity.'), a: oneOf(CIA_LEVELS, 'Availability.') }, 'Protection needs.'),
      criticality: oneOf(CRITICALITIES, 'Criticality of the asset.'),
      sl_c: sl('Capability security level of the asset (IEC 62443-4-2 component SL-C): scalar or FR1..FR7 mapping; a zone without its own sl_c takes the minimum over its assets.'),
      capabilities: strings(
        'IEC 62443-3-3 SRs and REs the asset provides, e.g. "SR 1.1 RE 1"; when any asset of a zone states them, RQ007 checks the zone\'s SL-C against what its assets provide together.',
      ),
      safety_critical: bool('The asset performs safety-critical functions; its `code` must be traced.'),
      legacy: bool('Legacy asset beyond its designed security lifetime.'),
      patchable: bool('Security updates can be applied (default true).'),
      end_of_support: str('End of support date (YYYY-MM or YYYY-MM-DD).'),
      sbom: path('SBOM reference (file, or file#purl for the one component of the file that is this asset); the file is read like `system.sbom`.'),
      components: list(component, 'SBOM components with their known vulnerabilities.'),
      temporarily_connected: bool('Connected only temporarily (service laptop, USB tool).'),
      wireless: bool('Communicates over a wireless link.'),
      multi_patient: bool('Serves more than one patient or device (FDA multi-patient harm view).'),
      parses: { type: 'list', of: protocol(''), doc: 'Protocols whose input the asset parses (fuzzing applies).' },
      code: strings('Globs of source files that implement the asset.'),
      compensating_controls: refs(['control'], 'Compensating controls for this asset.'),
    },
  },
  flow: {
    doc: 'A data flow between two assets.',
    required: ['id', 'source', 'destination', 'protocol'],
    fields: {
      id: str('Unique ID of the flow.'),
      name: str('Name of the flow.'),
      source: ref(['asset'], 'Asset the data leaves.'),
      destination: ref(['asset'], 'Asset the data reaches.'),
      protocol: protocol('Protocol of the flow (built-in or declared under `protocols` in spdf.config.yaml).'),
      port: { type: 'integer', doc: 'Port.', minimum: 0, maximum: 65535 },
      data: strings('Data carried: the IDs of data assets where the model has them (their `cia` needs count), or free text.'),
      initiator: oneOf(['source', 'destination'], 'Which side opens the connection (default source).'),
      authentication: oneOf(AUTHENTICATIONS, 'How the peers of this flow authenticate (default: what its protocol provides natively).'),
      encrypted: bool('The flow is encrypted (default: whether its protocol encrypts).'),
      bidirectional: bool('Request/response: data also returns from destination to source (default: from the protocol).'),
      conduit: ref(['conduit'], 'The conduit carrying the flow, when it crosses a zone boundary.'),
    },
  },
  conduit: {
    doc: 'An IEC 62443 conduit: the communication channels between zones that share security requirements.',
    required: ['id', 'zones'],
    fields: {
      id: str('Unique ID of the conduit.'),
      name: str('Name of the conduit.'),
      description: text('What the conduit carries.'),
      zones: refs(['zone'], 'The zones the conduit joins: zone a, zone b.'),
      direction: oneOf(CONDUIT_DIRECTIONS, 'Direction of data: a-to-b, b-to-a, bidirectional, or unidirectional-hw (data diode).'),
      initiator: oneOf(['a', 'b', 'both'], 'Which side opens sessions.'),
      channels: list(channel, 'Channels inside the conduit.'),
      filtering: obj({ type: oneOf(FILTERING, 'Filtering at the boundary.'), allow: strings('Allowed messages or function codes.') }, 'Boundary filtering (SR 5.2).'),
      remote_access: bool('Used for remote or vendor access over untrusted networks (SR 1.13).'),
      compensating_controls: refs(['control'], 'Compensating controls applied on the conduit (e.g. for a point-to-point wireless link, where no DMZ can stand between the two ends).'),
      ...slTriple,
      flows: refs(['flow'], 'Flows the conduit carries.'),
      data: strings('Data carried.'),
    },
  },
  threat: {
    doc: 'A cybersecurity threat with its risk scores, hazards and controls.',
    required: ['id', 'title'],
    fields: {
      id: str('Unique ID of the threat.'),
      title: str('Short title.'),
      description: text('Threat scenario.'),
      stride: { type: 'list', of: oneOf(STRIDE_LETTERS, ''), doc: 'STRIDE categories: S T R I D E.' },
      targets: refs(['asset', 'conduit', 'zone', 'flow', 'component'], 'Assets, conduits, zones, flows or SBOM components (by bom-ref, purl or SPDX ID) the threat targets.'),
      attacker: str('Attacker profile.'),
      preconditions: text('Preconditions.'),
      refs: obj({ capec: strings('CAPEC IDs.'), cwe: strings('CWE IDs.'), attack_ics: strings('MITRE ATT&CK for ICS technique IDs.'), cve: strings('CVE IDs.') }, 'External references.'),
      score: obj(
        {
          method: oneOf(SCORE_METHODS, 'Scoring method.'),
          vector: str('CVSS vector before mitigation.'),
          post_vector: str('CVSS vector after mitigation.'),
          rubric: { type: 'map', values: str(''), doc: 'MITRE rubric answers per CVSS metric (AV, AC, PR, UI, S, C, I, A), so reviewers can audit the score.' },
          pre: { type: 'number', doc: 'Pre-mitigation base score.', minimum: 0, maximum: 10 },
          post: { type: 'number', doc: 'Post-mitigation score.', minimum: 0, maximum: 10 },
          exploitability: oneOf(EXPLOITABILITY, 'Pre-mitigation exploitability (FDA: exploitability, not probability).'),
          post_exploitability: oneOf(EXPLOITABILITY, 'Post-mitigation exploitability.'),
        },
        'Risk score before and after mitigation.',
      ),
      hazards: refs(['hazard'], 'Hazards the threat can lead to (TIR57/SW96 linkage to ISO 14971).'),
      no_safety_impact_rationale: text('Why the threat has no safety impact, when it links no hazard.'),
      controls: refs(['control'], 'Controls that mitigate the threat.'),
      status: oneOf(THREAT_STATUSES, 'Treatment status.'),
      acceptance: obj({ by: str('Approver.'), on: date('Date.'), rationale: text('Why the residual risk is acceptable.') }, 'Risk acceptance.'),
      multi_patient: bool('Exploitation can harm more than one patient.'),
      view: path('Architecture view that shows the threat.'),
    },
  },
  hazard: {
    doc: 'A hazard mirrored from the ISO 14971 risk management file.',
    required: ['id', 'hazard'],
    fields: {
      id: str('Unique ID of the hazard.'),
      hazard: str('The hazard.'),
      hazardous_situation: text('The hazardous situation.'),
      harm: str('The harm.'),
      severity: { type: 'integer', doc: 'Severity on the configured scale (default 1 negligible .. 5 catastrophic).', minimum: 1, maximum: 10 },
      rmf_ref: str('Reference into the risk management file.'),
    },
  },
  control: {
    doc: 'A security control (risk control measure).',
    required: ['id', 'title'],
    fields: {
      id: str('Unique ID of the control.'),
      title: str('Short title.'),
      revision: { type: 'integer', doc: 'Revision of the item; an OpenFastTrace tag naming another revision is CL010.', minimum: 0 },
      description: text('What the control does.'),
      type: oneOf(CONTROL_TYPES, 'Kind of control.'),
      fda_category: oneOf(FDA_CONTROL_CATEGORIES, 'FDA premarket guidance Appendix 1 category.'),
      applies_to: refs(['asset', 'zone', 'conduit', 'flow', 'component'], 'Where the control applies: assets, zones, conduits, flows or SBOM components.'),
      threats: refs(['threat'], "Threats the control mitigates (in addition to the threats' own `controls`)."),
      implements: refs(['requirement'], 'Requirements that specify the control.'),
      compensates_for: refs(['asset', 'zone', 'conduit'], 'What a compensating control compensates for.'),
      rationale: text('Why the control is adequate (required for compensating controls without a target).'),
      fail_mode: oneOf(FAIL_MODES, 'Behaviour on failure: open, closed or n/a.'),
      emergency_access: text('How emergency or critical functions stay available when the control fails closed.'),
      status: oneOf(CONTROL_STATUSES, 'Implementation status.'),
      standards: obj({ iec62443_3_3: strings(SR_RE_DOC) }, 'Standards the control maps to.'),
    },
  },
  requirement: {
    doc: 'A security requirement of the SPDF.',
    required: ['id', 'title'],
    fields: {
      id: str('Unique ID of the requirement.'),
      title: str('Short title.'),
      revision: { type: 'integer', doc: 'Revision of the item; an OpenFastTrace tag naming another revision is CL010.', minimum: 0 },
      text: text('The normative requirement text ("shall ...").'),
      derived_from: refs(['threat', 'control', 'hazard', 'requirement'], 'Items the requirement is derived from.'),
      controls: refs(['control'], 'Controls the requirement specifies.'),
      standards: obj(
        {
          iec62443_3_3: strings(SR_RE_DOC),
          fda_app1: { type: 'list', of: oneOf(FDA_CONTROL_CATEGORIES, ''), doc: 'FDA Appendix 1 categories.' },
          iec81001_5_1: strings('IEC 81001-5-1 clauses.'),
        },
        'Standards the requirement maps to.',
      ),
      sl: { type: 'integer', doc: 'Security level the requirement serves.', minimum: 0, maximum: 4 },
      verification: { type: 'list', of: oneOf(VERIFICATION_METHODS, ''), doc: 'Verification methods.' },
      tests: refs(['test'], 'Tests that verify the requirement.'),
      status: oneOf(REQUIREMENT_STATUSES, 'Lifecycle status.'),
      code: strings('Globs of source files that implement the requirement.'),
    },
  },
  test: {
    doc: 'A verification activity and its latest result.',
    required: ['id'],
    fields: {
      id: str('Unique ID of the test.'),
      title: str('Short title.'),
      verifies: refs(['requirement', 'control', 'threat'], 'Requirements, controls or threat mitigations verified.'),
      kind: oneOf(TEST_KINDS, 'Kind of test.'),
      targets: refs(['asset', 'conduit', 'zone'], 'What the test exercises (pentest and scan coverage).'),
      environment: oneOf(TEST_ENVIRONMENTS, 'Where the test runs (active scans on live devices need a test bed or maintenance window).'),
      result: oneOf(TEST_RESULTS, 'Latest result.'),
      evidence: path('Evidence file (report, JUnit XML).'),
      date: date('Date of the latest result.'),
      junit: obj({ classname: str('JUnit classname.'), name: str('JUnit test case name.') }, 'The JUnit test case that carries the result.'),
    },
  },
  component: {
    doc: 'A software component, normally read from an SBOM named by `system.sbom` or `assets[].sbom` (ID: bom-ref, purl or SPDX ID); threats target it and controls apply to it by that ID.',
    required: ['id'],
    fields: {
      id: str('Unique ID: the bom-ref, purl or SPDX ID.'),
      name: str('Component name (NTIA minimum element).'),
      version: str('Component version (NTIA minimum element).'),
      supplier: str('Supplier name (NTIA minimum element).'),
      authors: strings('Authors of the component.'),
      purl: str('Package URL (a unique identifier, NTIA minimum element).'),
      cpe: str('CPE name (a unique identifier).'),
      other_ids: strings('Other unique identifiers (SWID tag ID).'),
      licenses: strings('Licences (SPDX IDs or expressions).'),
      support_level: str('Level of support by its maker (FDA premarket guidance V.A.4.b), e.g. actively-maintained, limited, none.'),
      end_of_support: str('End-of-support date (YYYY-MM or YYYY-MM-DD).'),
      depends_on: strings('IDs of the components it depends on.'),
      dependencies_known: bool('The SBOM states its dependency relationships (NTIA minimum element).'),
      sbom: path('The SBOM it was read from.'),
      assets: refs(['asset'], 'Assets whose SBOM lists it.'),
      vulnerabilities: list(vulnerability, 'Known vulnerabilities from the SBOM and VEX documents, with their dispositions.'),
    },
  },
};

/** Every reference field of each kind, as dotted paths with `[]` for list steps, for the loader's reference table. */
export interface RefField {
  path: string[];
  kinds: readonly ItemKind[];
  many: boolean;
}

export function referenceFields(kind: ItemKind): RefField[] {
  const out: RefField[] = [];
  const walk = (spec: FieldSpec, path: string[]) => {
    if (spec.type === 'ref') out.push({ path, kinds: spec.kinds, many: false });
    else if (spec.type === 'refs') out.push({ path, kinds: spec.kinds, many: true });
    else if (spec.type === 'object') for (const [k, f] of Object.entries(spec.fields)) walk(f, [...path, k]);
    else if (spec.type === 'list') walk(spec.of, [...path, '[]']);
  };
  for (const [k, f] of Object.entries(KIND_SPECS[kind].fields)) walk(f, [k]);
  return out;
}
