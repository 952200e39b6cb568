// @spdf verifies SPDF-EXP-HTML
import assert from 'node:assert/strict';
import { htmlChunks, toHtml } from '../../src/core/export/html';
import { MemoryHost } from '../../src/core/host';
import { buildMatrix } from '../../src/core/matrix/build';
import { loadWorkspace } from '../../src/core/model/load-workspace';

/** A requirement title long enough that a few hundred rows fill several pieces. */
const TITLE = 'The pump shall stop the infusion & raise an alarm <within 2 s> when "occlusion" is detected'.repeat(3);

async function matrixOf(requirements: number) {
  const yaml = `requirements:\n${Array.from({ length: requirements }, (_, i) => `  - id: REQ-${i}\n    title: '${TITLE} ${i}'\n`).join('')}`;
  const { graph, config } = await loadWorkspace(new MemoryHost(new Map([['m.spdf.yaml', yaml]])));
  return buildMatrix({ graph, config }, ['requirements']);
}

describe('HTML report in pieces', () => {
  it('a large report comes in several pieces of about 64 K characters whose concatenation is the report', async () => {
    const m = await matrixOf(1500);
    const pieces = [...htmlChunks(m, { subtitle: 'x' })];
    assert.ok(pieces.length > 5, `${pieces.length} pieces`);
    const rowChars = Math.max(...m.views.requirements!.rows.map((r) => r.id.length + TITLE.length * 4 + 1000));
    for (const p of pieces) assert.ok(p.length > 0 && p.length <= (1 << 16) + rowChars, `a piece of ${p.length} characters`);
    assert.ok(
      pieces.slice(0, -1).every((p) => p.endsWith('</tr>\n')),
      'pieces end after a whole row',
    );
    const whole = pieces.join('');
    assert.equal(whole, toHtml(m, { subtitle: 'x' }));
    assert.equal(whole.split('<tr><td id="requirements-REQ-').length - 1, 1500);
    assert.ok(whole.endsWith('</body></html>\n'));
  });

  it('a small report is one piece', async () => {
    assert.equal([...htmlChunks(await matrixOf(2))].length, 1);
  });
});
