import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadTrace } from '../../src/cli/commands/trace';
import { TraceIndex } from '../../src/core/matrix/build';
import { zoneDiagram, zoneDiagramModel, type DiagramBox, type ZoneDiagram } from '../../src/core/matrix/diagram';
import { layoutZoneDiagram, wrapText, type TextMeasure } from '../../src/core/matrix/diagram-layout';

async function example() {
  process.env.SPDF_NO_GIT = '1';
  const t = await loadTrace(join(__dirname, '..', '..', 'examples', 'infusion-pump'), { code: false });
  return new TraceIndex({ graph: t.check.workspace.graph, config: t.check.workspace.config, lint: t.result });
}

/** A wide font: 9 px a character, 11 for capitals (wider than any estimate would guess for W and M). */
const wide: TextMeasure = (t, style) => [...t].reduce((n, c) => n + (/[A-Z]/.test(c) ? 11 : 9) * (style === 'title' ? 1.1 : 1), 0);

/** A box's geometry, for failure messages. */
const box = (b: DiagramBox) => `x ${b.x} y ${b.y} w ${b.width} h ${b.height}`;

const meet = (a: DiagramBox, b: DiagramBox) => Math.min(a.x + a.width, b.x + b.width) > Math.max(a.x, b.x) && Math.min(a.y + a.height, b.y + b.height) > Math.max(a.y, b.y);

/** Zones and conduit labels pairwise disjoint; assets inside their zone, under its header, pairwise disjoint; header fits. */
function assertReadable(d: ZoneDiagram, measure: TextMeasure): void {
  const top: [string, DiagramBox][] = [
    ...d.zones.map((z) => [z.id, z] as [string, DiagramBox]),
    ...d.conduits.flatMap((c) => c.paths.flatMap((p) => (p.label ? [[c.id, p.label] as [string, DiagramBox]] : []))),
  ];
  for (let i = 0; i < top.length; i++) for (let j = i + 1; j < top.length; j++) assert.ok(!meet(top[i][1], top[j][1]), `${top[i][0]} (${box(top[i][1])}) overlaps ${top[j][0]} (${box(top[j][1])})`);
  for (const z of d.zones) {
    const text = Math.max(...z.titleLines!.map((l) => measure(l, 'title')), ...z.flagLines!.map((l) => measure(l, 'flags')));
    assert.ok(z.width >= 8 + text + (z.badge ? 8 + z.badgeWidth! : 0) + 8 - 0.5, `${z.id}: header fits (width ${z.width}, text ${text})`);
    assert.equal(z.titleLines!.join(' ').replace(/\s/g, ''), `${z.name}(${z.id})`.replace(/\s/g, ''), `${z.id}: title complete`);
    for (const a of z.assets) {
      assert.ok(
        a.x >= 0 && a.y >= z.headerHeight! && a.x + a.width <= z.width + 0.5 && a.y + a.height <= z.height + 0.5,
        `${a.id} (${box(a)}) inside ${z.id} (w ${z.width} h ${z.height}) under its header (${z.headerHeight})`,
      );
      assert.ok(a.width >= 2 * 8 + Math.max(...a.lines!.map((l) => measure(l, 'asset'))) - 0.5, `${a.id}: name fits (width ${a.width}, lines ${JSON.stringify(a.lines)})`);
    }
    for (let i = 0; i < z.assets.length; i++)
      for (let j = i + 1; j < z.assets.length; j++) assert.ok(!meet(z.assets[i], z.assets[j]), `${z.assets[i].id} (${box(z.assets[i])}) overlaps ${z.assets[j].id} (${box(z.assets[j])})`);
  }
}

describe('zone diagram', () => {
  it('lays out the example: zones with assets inside, conduits as edges with protocol labels, DMZ and findings', async function () {
    this.timeout(60_000);
    const d = await zoneDiagram(await example());
    assert.equal(d.version, 2);
    assert.ok(d.zones.length >= 6, `${d.zones.length} zones`);
    assert.ok(d.width > 0 && d.height > 0, `diagram ${d.width} x ${d.height}`);
    for (const z of d.zones) {
      assert.ok(z.width > 0 && z.height > 0, `${z.id}: ${z.width} x ${z.height}`);
      for (const a of z.assets) assert.ok(a.x >= 0 && a.y >= 0 && a.x + a.width <= z.width + 1 && a.y + a.height <= z.height + 1, `${a.id} (${box(a)}) inside ${z.id} (w ${z.width} h ${z.height})`);
    }
    const direct = d.conduits.find((c) => c.id === 'C-IT-PUMP-DIRECT')!;
    assert.equal(direct.viaDmz, false);
    assert.ok(
      direct.findings.some((f) => f.startsWith('ZC004')),
      `the deliberate IT-to-device conduit is highlighted: ${JSON.stringify(direct.findings)}`,
    );
    const viaDmz = d.conduits.find((c) => c.id === 'C-IT-DMZ')!;
    assert.equal(viaDmz.viaDmz, true);
    for (const c of d.conduits) {
      assert.ok(c.paths.length >= 1 && c.paths[0].points.length >= 2, `${c.id} has an edge: ${JSON.stringify(c.paths)}`);
      assert.match(c.label, /encrypt/i);
    }
  });

  it('sizes boxes from measured text: long names wrap, titles clear the SL-T badge, nothing overlaps', async function () {
    this.timeout(60_000);
    const m = zoneDiagramModel(await example());
    m.zones[0].name = `Zone ${'W'.repeat(70)} with a very long name that goes on and on`;
    m.zones[1].assets[0].name = 'M'.repeat(60);
    m.zones[2].flags = ['safety designation', 'wireless', 'temporarily connected'];
    m.conduits[0].label = `${m.conduits[0].label} ${'and a long tail '.repeat(8)}`;
    const d = await layoutZoneDiagram(m, wide);
    assertReadable(d, wide);
    assert.ok(d.zones[0].titleLines!.length >= 3, `the long title wraps: ${JSON.stringify(d.zones[0].titleLines)}`);
    assert.ok(d.zones[1].assets[0].lines!.length >= 2, `the long asset name wraps: ${JSON.stringify(d.zones[1].assets[0].lines)}`);
  });

  it('wraps at spaces first, then after - _ / . and only then between characters; drops nothing', () => {
    const mono: TextMeasure = (t) => [...t].length * 10;
    assert.deepEqual(wrapText('Pump communications processor (Z-PUMP-COMMS)', 300, 'title', mono), ['Pump communications processor', '(Z-PUMP-COMMS)']);
    assert.deepEqual(wrapText('(Z-PUMP-COMMUNICATIONS-PROCESSOR)', 150, 'title', mono), ['(Z-PUMP-', 'COMMUNICATIONS-', 'PROCESSOR)']);
    const long = 'Ä'.repeat(45);
    const lines = wrapText(long, 200, 'asset', mono);
    assert.deepEqual(lines, ['Ä'.repeat(20), 'Ä'.repeat(20), 'Ä'.repeat(5)]);
    assert.deepEqual(wrapText('', 100, 'asset', mono), ['']);
  });
});
