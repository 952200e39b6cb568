// @spdf verifies SPDF-FC-LOAD
import assert from 'node:assert/strict';
import { MemoryHost } from '../../src/core/host';
import { loadWorkspace } from '../../src/core/model/load-workspace';

const load = (files: Record<string, string>) => loadWorkspace(new MemoryHost(new Map(Object.entries(files))));
const at = (p: { file: string; range: { start: { line: number; character: number } } }) => `${p.file}:${p.range.start.line + 1}:${p.range.start.character + 1}`;
const REQ = (status: string) => `requirements:\n  - id: SEC-REQ-001\n    title: Signed commands\n    status: ${status}\n`;

describe('YAML tags the schema does not resolve', () => {
  // Each of these used to load as the plain value after the tag, so `status: !rejected approved` read as approved.
  const unresolved: { name: string; files: Record<string, string>; at: string }[] = [
    { name: 'a custom tag on a model value', files: { 'm.spdf.yaml': REQ('!rejected approved') }, at: 'm.spdf.yaml:4:13' },
    { name: 'a verbatim tag', files: { 'm.spdf.yaml': REQ('!<tag:example.com,2026:status> approved') }, at: 'm.spdf.yaml:4:13' },
    { name: 'a core tag the value does not fit', files: { 'm.spdf.yaml': REQ('!!float approved') }, at: 'm.spdf.yaml:4:13' },
    { name: 'a scalar tag on a list', files: { 'm.spdf.yaml': 'requirements: !!str\n  - id: SEC-REQ-001\n    title: t\n' }, at: 'm.spdf.yaml:1:15' },
    { name: 'a custom tag in the config', files: { 'spdf.config.yaml': 'version: 1\ncheck:\n  min_coverage: !percent 100\n', 'm.spdf.yaml': REQ('approved') }, at: 'spdf.config.yaml:3:17' },
  ];
  for (const c of unresolved)
    it(`reports ${c.name} at the tag`, async () => {
      const ws = await load(c.files);
      const found = ws.graph.problems.filter((p) => p.code === 'TM000').map((p) => `${at(p)} ${p.message}`);
      assert.equal(found.length, 1, found.join('\n'));
      assert.match(found[0], new RegExp(`^${c.at.replace(/\./g, '\\.')} Unresolved tag: .*; the value is not read as written`));
    });

  it('accepts the tags the core schema resolves and untagged values', async () => {
    const ws = await load({ 'm.spdf.yaml': REQ('!!str approved') + '  - id: SEC-REQ-002\n    title: !!str 12\n    status: approved\n' });
    assert.deepEqual(
      ws.graph.problems.filter((p) => p.code === 'TM000'),
      [],
    );
  });
});
