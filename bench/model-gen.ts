/**
 * Synthetic model: N requirements with threats, controls, hazards, zones, conduits and tests in
 * proportion (per 10 requirements: 4 threats, 5 controls, 1 hazard, 10 tests; 1 zone pair + conduit per 100).
 * Returns files by path; 100 requirements per file.
 */
export function generateModel(n: number): Map<string, string> {
  const files = new Map<string, string>();
  const perFile = 100;
  const pad = (i: number) => String(i).padStart(6, '0');
  for (let f = 0; f * perFile < n; f++) {
    const lo = f * perFile;
    const hi = Math.min(n, lo + perFile);
    const zones: string[] = [];
    const conduits: string[] = [];
    const assets: string[] = [];
    const z = pad(f);
    zones.push(
      `  - id: Z-OT-${z}\n    name: Cell ${f}\n    class: device\n    safety_designation: true\n    accountable_org: R&D\n    boundary: {logical: "cell ${f}", physical: "cabinet ${f}"}\n    access_points: [AP-${z}]\n    sl_t: {FR1: 2, FR2: 2, FR3: 2, FR4: 1, FR5: 2, FR6: 1, FR7: 2}\n    monitoring: passive-ids`,
      `  - id: Z-DMZ-${z}\n    name: DMZ ${f}\n    class: dmz\n    safety_designation: false\n    accountable_org: IT\n    boundary: {logical: "dmz ${f}", physical: "rack ${f}"}\n    access_points: [AP-${z}]\n    sl_t: 2\n    monitoring: passive-ids`,
    );
    assets.push(
      `  - id: AST-${z}\n    name: Controller ${f}\n    kind: device\n    zone: Z-OT-${z}\n    software: true\n    sbom: sbom/c${f}.cdx.json\n    end_of_support: 2034-12\n    cia: {c: low, i: critical, a: critical}`,
      `  - id: AP-${z}\n    name: Port ${f}\n    kind: access-point\n    zone: Z-DMZ-${z}`,
    );
    conduits.push(
      `  - id: C-${z}\n    name: DMZ to cell ${f}\n    zones: [Z-DMZ-${z}, Z-OT-${z}]\n    direction: a-to-b\n    initiator: a\n    sl_t: 2\n    filtering: {type: protocol-aware, allow: [read]}\n    channels:\n      - protocol: opc-ua\n        port: 4840\n        encrypted: true\n        authentication: mutual-tls\n        integrity: true\n        write_capable: false`,
    );
    const threats: string[] = [];
    const controls: string[] = [];
    const hazards: string[] = [];
    const reqs: string[] = [];
    const tests: string[] = [];
    for (let i = lo; i < hi; i++) {
      const id = pad(i);
      const t = pad(Math.floor(i * 0.4));
      const c = pad(Math.floor(i * 0.5));
      const h = pad(Math.floor(i / 10));
      if (i % 10 === 0) hazards.push(`  - id: HAZ-${h}\n    hazard: Over-infusion ${h}\n    hazardous_situation: Pump runs too fast\n    harm: Overdose\n    severity: 4\n    rmf_ref: RMF-${h}`);
      if (i % 5 < 2)
        threats.push(
          `  - id: THR-${pad(Math.floor(i * 0.4) + (i % 5))}\n    title: Spoofed command ${i}\n    stride: [S, T]\n    targets: [AST-${z}]\n    score:\n      method: mitre-cvss-rubric\n      vector: "CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:H"\n      rubric: {AV: "adjacent via BLE", I: "incorrect therapy", A: "therapy stops"}\n      pre: 8.1\n      post: 3.1\n      exploitability: high\n      post_exploitability: low\n    hazards: [HAZ-${h}]\n    controls: [CTRL-${c}]\n    status: mitigated`,
        );
      if (i % 2 === 0)
        controls.push(
          `  - id: CTRL-${c}\n    title: Signed commands ${i}\n    type: technical\n    fda_category: authentication\n    applies_to: [AST-${z}]\n    implements: [SEC-REQ-${id}]\n    fail_mode: n/a\n    status: implemented`,
        );
      reqs.push(
        `  - id: SEC-REQ-${id}\n    title: Reject unsigned command ${i}\n    text: "The pump shall reject any therapy command ${i} not signed by an authorized key."\n    derived_from: [THR-${t}]\n    standards: {iec62443_3_3: ["SR 1.2", "SR 3.1"], fda_app1: [authentication]}\n    verification: [test]\n    tests: [TC-${id}]`,
      );
      tests.push(`  - id: TC-${id}\n    title: Unsigned command ${i} rejected\n    verifies: [SEC-REQ-${id}]\n    kind: unit\n    result: pass`);
    }
    const sections: [string, string[]][] = [
      ['zones', zones],
      ['assets', assets],
      ['conduits', conduits],
      ['hazards', hazards],
      ['threats', threats],
      ['controls', controls],
      ['requirements', reqs],
      ['tests', tests],
    ];
    files.set(
      `model/part-${z}.spdf.yaml`,
      sections
        .filter(([, l]) => l.length)
        .map(([k, l]) => `${k}:\n${l.join('\n')}\n`)
        .join(''),
    );
  }
  return files;
}
