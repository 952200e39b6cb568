// @spdf verifies SPDF-SBOM-READ
import assert from 'node:assert/strict';
import { checkWorkspace } from '../../src/core/check';
import { MemoryHost } from '../../src/core/host';
import { cyclonedxSchemaValidator } from '../../src/node/sbom-schemas';

const MODEL = (ref: string) => `system:\n  id: SYS-PUMP\n  name: Pump\n  sbom: ${ref}\n`;
const CDX = (body: string) => `{"bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1, ${body}}`;

/** SB007 problems as `file:line:col message`, the model's reference included. */
async function problems(files: Record<string, string | Uint8Array>, config = 'profile: all\n') {
  const host = new MemoryHost(new Map(Object.entries({ 'spdf.config.yaml': config, ...files })));
  const { workspace, result } = await checkWorkspace(host, { sbomValidator: cyclonedxSchemaValidator() });
  const sb007 = result.findings.filter((f) => f.code === 'SB007');
  assert.ok(sb007.every((f) => f.severity === 'error'));
  return { components: workspace.graph.byKind.component.length, at: sb007.map((f) => `${f.file}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.message}`) };
}

describe('broken and hostile SBOM files fail closed with a position', () => {
  it('a truncated JSON file: at its end, and at the reference', async () => {
    const text = CDX('"components": [{"type": "library", "name": "zlib"}]').slice(0, 60);
    const { at } = await problems({ 'm.spdf.yaml': MODEL('b.cdx.json'), 'b.cdx.json': text });
    assert.equal(at.length, 2);
    assert.match(at[0], /^b\.cdx\.json:1:61 not valid JSON/);
    assert.match(at[1], /^m\.spdf\.yaml:4:9 SBOM\/VEX file 'b\.cdx\.json' was not read completely/);
  });

  it('a JSON syntax error: at the offending character', async () => {
    const { at } = await problems({ 'm.spdf.yaml': MODEL('b.cdx.json'), 'b.cdx.json': '{\n  "bomFormat": "CycloneDX",\n  "specVersion": "1.6" "version": 1\n}\n' });
    assert.match(at[0], /^b\.cdx\.json:3:24 not valid JSON/);
  });

  it('an XML entity bomb (billion laughs) is refused at its declaration, without expansion', async () => {
    const lol = `<?xml version="1.0"?>\n<!DOCTYPE bom [\n <!ENTITY a "lollollollollollollollollollol">\n${Array.from({ length: 9 }, (_, i) => ` <!ENTITY ${String.fromCharCode(98 + i)} "${`&${String.fromCharCode(97 + i)};`.repeat(10)}">`).join('\n')}\n]>\n<bom xmlns="http://cyclonedx.org/schema/bom/1.5"><components><component type="library"><name>&j;</name></component></components></bom>\n`;
    const { at, components } = await problems({ 'm.spdf.yaml': MODEL('b.cdx.xml'), 'b.cdx.xml': lol });
    assert.equal(components, 0);
    assert.match(at[0], /^b\.cdx\.xml:2:1 XML DOCTYPE declarations are refused/);
  });

  it('XML that is not well-formed: at the validator position', async () => {
    const { at } = await problems({
      'm.spdf.yaml': MODEL('b.cdx.xml'),
      'b.cdx.xml': '<bom xmlns="http://cyclonedx.org/schema/bom/1.5">\n  <components>\n    <component type="library"><name>z</component>\n</bom>\n',
    });
    assert.match(at[0], /^b\.cdx\.xml:3:\d+ not well-formed XML/);
  });

  it('a file over limits.max_sbom_bytes is not read: at the reference', async () => {
    const big = CDX(`"components": [${Array.from({ length: 200 }, (_, i) => `{"type": "library", "name": "c${i}"}`).join(',')}]`);
    const { at, components } = await problems({ 'm.spdf.yaml': MODEL('b.cdx.json'), 'b.cdx.json': big }, 'profile: all\nlimits:\n  max_sbom_bytes: 1000\n');
    assert.equal(components, 0);
    assert.deepEqual(at, [`m.spdf.yaml:4:9 SBOM/VEX file 'b.cdx.json' is ${big.length} bytes, over the limit of 1000 (limits.max_sbom_bytes); it was not read`]);
  });

  it('a missing file, an unreadable file and a file that is not UTF-8: at the reference', async () => {
    const missing = await problems({ 'm.spdf.yaml': MODEL('nope.cdx.json') });
    assert.deepEqual(missing.at, ["m.spdf.yaml:4:9 SBOM/VEX file 'nope.cdx.json' does not exist in the workspace"]);
    const host = new MemoryHost(
      new Map([
        ['spdf.config.yaml', 'profile: all\n'],
        ['m.spdf.yaml', MODEL('b.cdx.json')],
        ['b.cdx.json', '{}'],
      ]),
      new Set(['b.cdx.json']),
    );
    const { result } = await checkWorkspace(host);
    assert.match(result.findings.find((f) => f.code === 'SB007')!.message, /cannot be read: EACCES/);
    const latin1 = await problems({ 'm.spdf.yaml': MODEL('b.cdx.json'), 'b.cdx.json': new Uint8Array([0x7b, 0xe9, 0x7d]) });
    assert.match(latin1.at[0], /is not UTF-8 text/);
  });

  it('an unsupported version or format is a finding, never an empty component list', async () => {
    const old = await problems({ 'm.spdf.yaml': MODEL('b.cdx.json'), 'b.cdx.json': '{"bomFormat": "CycloneDX", "specVersion": "1.2", "components": [{"name": "x"}]}' });
    assert.match(old.at[0], /^b\.cdx\.json:1:1 CycloneDX 1\.2 is not supported/);
    const other = await problems({ 'm.spdf.yaml': MODEL('b.json'), 'b.json': '{"hello": "world"}' });
    assert.match(other.at[0], /^b\.json:1:1 not a supported SBOM or VEX document/);
    const empty = await problems({ 'm.spdf.yaml': MODEL('b.json'), 'b.json': '  \n' });
    assert.match(empty.at[0], /the file is empty/);
  });

  it('CycloneDX JSON invalid against the official schema: at the offending key', async () => {
    const text = '{\n  "bomFormat": "CycloneDX",\n  "specVersion": "1.6",\n  "version": 1,\n  "components": [\n    { "type": "librar", "name": "zlib" }\n  ]\n}\n';
    const { at, components } = await problems({ 'm.spdf.yaml': MODEL('b.cdx.json'), 'b.cdx.json': text });
    assert.equal(components, 1);
    assert.match(at[0], /^b\.cdx\.json:6:7 CycloneDX 1\.6 schema: \/components\/0\/type must be equal to one of the allowed values/);
  });

  it('valid IRIs the schema allows (git+https URLs, BOM-Links) are not schema problems; a URL with spaces is', async () => {
    const ref = (url: string) => CDX(`"components": [{"type": "library", "name": "z", "externalReferences": [{"type": "vcs", "url": "${url}"}]}]`);
    assert.deepEqual((await problems({ 'm.spdf.yaml': MODEL('b.cdx.json'), 'b.cdx.json': ref('git+https://example.com/z.git') })).at, []);
    assert.deepEqual((await problems({ 'm.spdf.yaml': MODEL('b.cdx.json'), 'b.cdx.json': ref('urn:cdx:411dafd2-c29f-491a-97d7-e97de5bc2289/1#z') })).at, []);
    assert.match((await problems({ 'm.spdf.yaml': MODEL('b.cdx.json'), 'b.cdx.json': ref('http://a.example and http://b.example') })).at[0], /must match format "iri-reference"/);
  });

  it('a vulnerability listed for no known component is a finding at the vulnerability (it would escape TR012)', async () => {
    const text = CDX('"components": [{"type": "library", "bom-ref": "zlib", "name": "zlib"}],\n"vulnerabilities": [{"id": "CVE-2022-37434", "affects": [{"ref": "zlbi"}]}]');
    const { at } = await problems({ 'm.spdf.yaml': MODEL('b.cdx.json'), 'b.cdx.json': text });
    assert.deepEqual(at, ['b.cdx.json:2:28 vulnerability CVE-2022-37434 names no component of the SBOMs read (affects zlbi); it cannot be checked']);
  });

  it('a component with neither bom-ref nor purl is named name@version, without white space (TM003 would reject it)', async () => {
    const host = new MemoryHost(
      new Map([
        ['spdf.config.yaml', 'profile: all\n'],
        ['m.spdf.yaml', MODEL('b.cdx.json')],
        ['b.cdx.json', CDX('"components": [{"type": "library", "name": "radio blob", "version": "2.1"}]')],
      ]),
    );
    const { workspace, result } = await checkWorkspace(host, { sbomValidator: cyclonedxSchemaValidator() });
    assert.deepEqual(
      workspace.graph.byKind.component.map((c) => c.id),
      ['radio%20blob@2.1'],
    );
    assert.deepEqual(
      result.findings.filter((f) => f.code === 'TM003'),
      [],
    );
  });

  it('a VEX status the reader does not know is reported at the statement, not applied', async () => {
    const vex = '{"@context": "https://openvex.dev/ns/v0.2.0", "statements": [{"vulnerability": {"name": "CVE-2024-1"}, "products": [{"@id": "pkg:npm/x@1"}], "status": "fine"}]}';
    const { at } = await problems({ 'm.spdf.yaml': `${MODEL('b.cdx.json')}  vex: [v.json]\n`, 'b.cdx.json': CDX('"components": []'), 'v.json': vex });
    assert.deepEqual(at, ["v.json:1:89 'fine' (vulnerability CVE-2024-1) is not a disposition this reader knows; it was not applied"]);
  });
});

/** A CycloneDX XML BOM of one component, `attrs` and `body` written into it as they are. */
const XML_BOM = (attrs: string, body: string, vulnerabilities = '') =>
  `<?xml version="1.0"?>\n<bom xmlns="http://cyclonedx.org/schema/bom/1.5" version="1">\n  <components>\n    <component type="library"${attrs}>${body}</component>\n  </components>${vulnerabilities}\n</bom>\n`;

describe('XML references in a CycloneDX XML BOM are decoded, never kept as text (a wrong ID links nothing)', () => {
  for (const [name, attrs, body, ids] of [
    ['&amp; in a bom-ref', ' bom-ref="zlib&amp;x"', '<name>zlib</name>', ['zlib&x']],
    ['a hexadecimal character reference in a bom-ref', ' bom-ref="q&#x22;r"', '<name>q</name>', ['q"r']],
    ['a decimal character reference in a bom-ref', ' bom-ref="q&#34;r&#x1F600;"', '<name>q</name>', ['q"r\u{1F600}']],
    ['&amp; in a purl (no bom-ref)', '', '<name>a</name><purl>pkg:generic/a@1?x=1&amp;y=2</purl>', ['pkg:generic/a@1?x=1&y=2']],
    ['&lt; and &gt; in a name (no bom-ref or purl)', '', '<name>a&lt;b&gt;</name><version>1</version>', ['a<b>@1']],
    ['a CDATA section, whose text is literal', '', '<name><![CDATA[a&amp;b]]></name><version>1</version>', ['a&amp;b@1']],
  ] as const)
    it(`${name}: component ${ids.join(', ')}, no problem`, async () => {
      const { at, components } = await problems({ 'm.spdf.yaml': MODEL('b.cdx.xml'), 'b.cdx.xml': XML_BOM(attrs, body) });
      assert.deepEqual(at, []);
      assert.equal(components, ids.length);
      const host = new MemoryHost(new Map(Object.entries({ 'spdf.config.yaml': 'profile: all\n', 'm.spdf.yaml': MODEL('b.cdx.xml'), 'b.cdx.xml': XML_BOM(attrs, body) })));
      const { workspace } = await checkWorkspace(host, {});
      assert.deepEqual(
        workspace.graph.byKind.component.map((c) => c.id),
        ids,
      );
    });

  for (const [name, body, reference, col] of [
    ['an HTML entity no DTD declares', '<name>zlib&nbsp;x</name>', '&nbsp;', 41],
    ['a character reference to NUL', '<name>zlib&#0;</name>', '&#0;', 41],
    ['a character reference beyond Unicode', '<name>zlib&#x110000;</name>', '&#x110000;', 41],
    ['a character reference to a surrogate', '<name>zlib&#xD800;</name>', '&#xD800;', 41],
  ] as const)
    it(`${name} (${reference}) is refused at its position: nothing of the file is read`, async () => {
      const { at, components } = await problems({ 'm.spdf.yaml': MODEL('b.cdx.xml'), 'b.cdx.xml': XML_BOM('', body) });
      assert.equal(components, 0);
      assert.equal(at.length, 2, at.join('\n'));
      assert.equal(at[0], `b.cdx.xml:4:${col} XML reference '${reference}' names no character or predefined entity (an SBOM declares no entities); the file was not read`);
      assert.match(at[1], /^m\.spdf\.yaml:4:9 SBOM\/VEX file 'b\.cdx\.xml' was not read completely/);
    });

  it('a VEX disposition in XML for a bom-ref written with &amp; applies to the JSON SBOM component of that bom-ref', async () => {
    const sbom = CDX('"components": [{"type": "library", "bom-ref": "zlib&x", "name": "zlib"}],\n"vulnerabilities": [{"id": "CVE-2022-37434", "affects": [{"ref": "zlib&x"}]}]');
    const vex = `<bom xmlns="http://cyclonedx.org/schema/bom/1.5" version="1">\n  <vulnerabilities>\n    <vulnerability><id>CVE-2022-37434</id><analysis><state>not_affected</state><justification>code_not_reachable</justification></analysis><affects><target><ref>zlib&amp;x</ref></target></affects></vulnerability>\n  </vulnerabilities>\n</bom>\n`;
    const host = new MemoryHost(new Map(Object.entries({ 'spdf.config.yaml': 'profile: all\n', 'm.spdf.yaml': `${MODEL('b.cdx.json')}  vex: [v.cdx.xml]\n`, 'b.cdx.json': sbom, 'v.cdx.xml': vex })));
    const { workspace, result } = await checkWorkspace(host, { sbomValidator: cyclonedxSchemaValidator() });
    assert.deepEqual(
      workspace.graph.byKind.component.map((c) => [c.id, c.data.vulnerabilities]),
      [['zlib&x', [{ id: 'CVE-2022-37434', status: 'not_affected', source: 'v.cdx.xml', justification: 'code_not_reachable' }]]],
    );
    assert.deepEqual(
      result.findings.filter((f) => f.code === 'TR012' || f.code === 'SB007'),
      [],
    );
  });
});

describe('an element of the CycloneDX XML namespace where its schema allows none is a problem, never a shorter SBOM', () => {
  const BOM = (inner: string, root = '<bom xmlns="http://cyclonedx.org/schema/bom/1.5" version="1">', end = '</bom>') => `<?xml version="1.0"?>\n${root}\n${inner}\n${end}\n`;
  const ZLIB = '<component type="library" bom-ref="zlib"><name>zlib</name></component>';
  for (const [name, text, components, at] of [
    ['a well-formed BOM', BOM(`<components>${ZLIB}</components>`), 1, []],
    ['<compnents> (misspelt) in <bom>', BOM(`<compnents>${ZLIB}</compnents>`), 0, ['b.cdx.xml:3:1 <compnents> is not a CycloneDX 1.5 element in <bom>; it was not read']],
    ['<Components> (XML is case-sensitive)', BOM(`<Components>${ZLIB}</Components>`), 0, ['b.cdx.xml:3:1 <Components> is not a CycloneDX 1.5 element in <bom>; it was not read']],
    [
      '<annotations> in a 1.4 BOM (added in 1.5)',
      BOM(`<components>${ZLIB}</components><annotations/>`, '<bom xmlns="http://cyclonedx.org/schema/bom/1.4" version="1">'),
      1,
      ['b.cdx.xml:3:96 <annotations> is not a CycloneDX 1.4 element in <bom>; it was not read'],
    ],
    [
      '<componet> in <components>',
      BOM(`<components>${ZLIB}<componet type="library"><name>z2</name></componet></components>`),
      1,
      ['b.cdx.xml:3:83 <componet> is not a CycloneDX 1.5 element in <components> (it holds <component> elements); it was not read'],
    ],
    [
      '<componet> in the <components> of a component',
      BOM(`<components><component type="library" bom-ref="a"><name>a</name><components><componet type="library"><name>b</name></componet></components></component></components>`),
      1,
      ['b.cdx.xml:3:77 <componet> is not a CycloneDX 1.5 element in <components> (it holds <component> elements); it was not read'],
    ],
    [
      '<vuln> in <vulnerabilities>',
      BOM(`<components>${ZLIB}</components><vulnerabilities><vuln><id>CVE-1</id></vuln></vulnerabilities>`),
      1,
      ['b.cdx.xml:3:113 <vuln> is not a CycloneDX 1.5 element in <vulnerabilities> (it holds <vulnerability> elements); it was not read'],
    ],
    ['an element of another namespace (an extension point of the XSD)', BOM(`<components>${ZLIB}</components><x:audit xmlns:x="urn:acme">ok</x:audit>`), 1, []],
    [
      'a prefixed BOM: its own prefix is the CycloneDX namespace',
      BOM(`<c:components>${ZLIB.replace(/<(\/?)(component|name)/g, '<$1c:$2')}</c:components><c:compnents/>`, '<c:bom xmlns:c="http://cyclonedx.org/schema/bom/1.5" version="1">', '</c:bom>'),
      1,
      ['b.cdx.xml:3:108 <compnents> is not a CycloneDX 1.5 element in <bom>; it was not read'],
    ],
  ] as const)
    it(`${name}: ${components} component(s)${at.length ? ', a problem at the element' : ''}`, async () => {
      const r = await problems({ 'm.spdf.yaml': MODEL('b.cdx.xml'), 'b.cdx.xml': text });
      assert.equal(r.components, components);
      assert.deepEqual(
        r.at.filter((a) => a.startsWith('b.cdx.xml')),
        at,
      );
      assert.equal(r.at.length, at.length ? at.length + 1 : 0, r.at.join('\n'));
    });
});

describe('a CycloneDX XML element written twice where its schema allows one is a problem at the repeat, never an empty list', () => {
  const BOM = (inner: string) => `<?xml version="1.0"?>\n<bom xmlns="http://cyclonedx.org/schema/bom/1.5" version="1">\n${inner}\n</bom>\n`;
  const comp = (ref: string, inner = '') => `<component type="library" bom-ref="${ref}"><name>${ref}</name>${inner}</component>`;
  for (const [name, inner, components, at] of [
    ['one <components> of two components', `<components>${comp('a')}${comp('b')}</components>`, 2, []],
    [
      'two <components> in <bom>',
      `<components>${comp('a')}</components>\n<components>${comp('b')}</components>`,
      0,
      ['b.cdx.xml:4:1 <components> is written twice in <bom>, where the CycloneDX schema allows one; neither was read'],
    ],
    [
      'two <vulnerabilities> in <bom>',
      `<components>${comp('a')}</components>\n<vulnerabilities><vulnerability><id>CVE-1</id><affects><target><ref>a</ref></target></affects></vulnerability></vulnerabilities>\n<vulnerabilities/>`,
      1,
      ['b.cdx.xml:5:1 <vulnerabilities> is written twice in <bom>, where the CycloneDX schema allows one; neither was read'],
    ],
    [
      'two <components> in a component',
      `<components>${comp('a', `<components>${comp('a1')}</components>\n<components>${comp('a2')}</components>`)}</components>`,
      1,
      ['b.cdx.xml:4:1 <components> is written twice in <component>, where the CycloneDX schema allows one; neither was read'],
    ],
    [
      'two <analysis> in a vulnerability',
      `<components>${comp('a')}</components><vulnerabilities><vulnerability><id>CVE-1</id>\n<analysis><state>exploitable</state></analysis>\n<analysis><state>not_affected</state></analysis><affects><target><ref>a</ref></target></affects></vulnerability></vulnerabilities>`,
      1,
      ['b.cdx.xml:5:1 <analysis> is written twice in <vulnerability>, where the CycloneDX schema allows one; neither was read'],
    ],
    [
      'repeated elements the schema allows (two <component>, two <url> in a supplier)',
      `<components>${comp('a', '<supplier><name>s</name><url>https://a</url><url>https://b</url></supplier>')}${comp('b')}</components>`,
      2,
      [],
    ],
  ] as const)
    it(`${name}: ${components} component(s)${at.length ? ', a problem at the repeat' : ''}`, async () => {
      const r = await problems({ 'm.spdf.yaml': MODEL('b.cdx.xml'), 'b.cdx.xml': BOM(inner) });
      assert.equal(r.components, components);
      assert.deepEqual(
        r.at.filter((a) => a.startsWith('b.cdx.xml')),
        at,
      );
    });
});

describe('a JSON SBOM or VEX with a name written twice in one object is not read (JSON readers disagree on which value counts)', () => {
  for (const [name, text, at] of [
    [
      'no name twice (the same name in two objects, escapes that differ from the name)',
      CDX('"components": [{"type": "library", "name": "a"}, {"type": "library", "name": "b", "description": "\\"name\\""}]'),
      undefined,
    ],
    ['"components" twice: JSON.parse kept the empty last one', CDX('"components": [{"type": "library", "name": "a"}],\n"components": []'), '2:1 "components"'],
    [
      '"state" twice in an analysis',
      CDX(
        '"components": [{"type": "library", "bom-ref": "a", "name": "a"}],\n"vulnerabilities": [{"id": "CVE-1", "analysis": {"state": "exploitable", "state": "not_affected"}, "affects": [{"ref": "a"}]}]',
      ),
      '2:74 "state"',
    ],
    [
      'a name written once plainly and once with an escape',
      '{"@context": "https://openvex.dev/ns/v0.2.0", "statements": [{"vulnerability": {"name": "CVE-1"}, "status": "affected", "st\\u0061tus": "fixed", "products": ["pkg:npm/x@1"]}]}',
      '1:121 "st\\u0061tus"',
    ],
  ] as const)
    it(`${name}: ${at ? `a problem at ${at}` : 'read'}`, async () => {
      const r = await problems({ 'm.spdf.yaml': MODEL('b.cdx.json'), 'b.cdx.json': text });
      const own = r.at.filter((a) => a.startsWith('b.cdx.json'));
      if (!at) assert.deepEqual(own, []);
      else {
        assert.equal(r.components, 0);
        assert.deepEqual(own, [
          `b.cdx.json:${at.split(' ')[0]} not valid JSON for an SBOM or VEX: the name ${at.split(' ')[1]} is written twice in one object (JSON readers disagree on which value counts); the file was not read`,
        ]);
      }
    });
});
