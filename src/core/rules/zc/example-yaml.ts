/**
 * Builders for the YAML of rule examples: every zone they write documents all ZCR 6.4 characteristics,
 * so an example fires only the rule it illustrates. Each returns whole lines ending in a newline.
 */
export interface ZoneOpts {
  name?: string;
  sl?: string;
  safety?: boolean;
  /** Extra `key: value` lines at item level (without indentation). */
  extra?: string[];
}

export function zone(id: string, cls: string, o: ZoneOpts = {}): string {
  const lines = [
    `id: ${id}`,
    `name: ${o.name ?? id.replace(/^Z-/, '')}`,
    `class: ${cls}`,
    'accountable_org: Clinical engineering',
    `boundary: {logical: ${id} network, physical: ${id} cabinet}`,
    'access_points: []',
    `safety_designation: ${o.safety ?? false}`,
    ...(o.sl === '' ? [] : [`sl_t: ${o.sl ?? '1'}`]),
    ...(o.extra ?? []),
  ];
  return item(lines);
}

export interface ConduitOpts {
  channels?: string[];
  sl?: string;
  extra?: string[];
}

export function conduit(id: string, a: string, b: string, o: ConduitOpts = {}): string {
  const lines = [
    `id: ${id}`,
    `zones: [${a}, ${b}]`,
    'channels:',
    ...(o.channels ?? ['{protocol: https, port: 443}']).map((c) => `  - ${c}`),
    ...(o.sl === '' ? [] : [`sl_t: ${o.sl ?? '1'}`]),
    ...(o.extra ?? []),
  ];
  return item(lines);
}

/** An asset of kind device (no software-specific SBOM obligations) in a zone. */
export function device(id: string, zoneId: string, extra: string[] = []): string {
  return item([`id: ${id}`, `name: ${id.replace(/^AST-/, '')}`, 'kind: device', `zone: ${zoneId}`, ...extra]);
}

/** A list item at section indentation: `  - first`, then `    next`. */
export function item(lines: string[]): string {
  return lines.map((l, i) => `${i === 0 ? '  - ' : '    '}${l}\n`).join('');
}

/**
 * A control with an FDA category, and the threat it mitigates: a control that traces to no threat is
 * CT001's finding, and a threat needs STRIDE, targets, scores and a safety statement (TR rules). The
 * threat covers T, I and D so that conduits among its targets are considered (TR010); a passing
 * penetration test with JUnit evidence verifies the control (RQ002, VT002) and covers the targets (VT003).
 */
export function controlWithThreat(id: string, targets: string[], extra: string[] = []): string {
  const control = item([`id: ${id}`, `title: ${id.replace(/^CTRL-/, '')} control`, 'fda_category: resiliency and recovery', ...extra]);
  const threat = item([
    `id: THR-${id.replace(/^CTRL-/, '')}`,
    `title: Attack countered by ${id}`,
    'stride: [T, I, D, E]',
    `targets: [${targets.join(', ')}]`,
    'score: {exploitability: medium, post_exploitability: low}',
    'no_safety_impact_rationale: Illustration only; no clinical function is affected.',
    `controls: [${id}]`,
  ]);
  const test = item([
    `id: TC-${id.replace(/^CTRL-/, '')}`,
    `title: Penetration test of ${targets.join(', ')}`,
    `verifies: [${id}]`,
    'kind: pentest',
    `targets: [${targets.join(', ')}]`,
    'result: pass',
    `junit: {classname: pentest, name: ${id}}`,
  ]);
  return `controls:\n${control}threats:\n${threat}tests:\n${test}`;
}
