// @spdf verifies SPDF-BASE-001, SPDF-BASE-003
import assert from 'node:assert/strict';
import { normaliseMessage } from '../../src/core/baseline/fingerprint';
import { parseBaseline, serialiseBaseline, type Baseline } from '../../src/core/baseline/format';

const entry = (e: object) => `{"version": 1, "entries": [\n  ${JSON.stringify({ file: 'm.spdf.yaml', code: 'TR001', item: 'THR-1', message: 'm', count: 1, ...e })}\n]}\n`;

/** Each text must be refused with a problem at `at` (1-based line:column) whose message matches. */
const CORRUPT: { name: string; text: string; at: string; message: RegExp }[] = [
  { name: 'empty file', text: '', at: '1:1', message: /not valid JSON/ },
  { name: 'truncated JSON', text: '{\n  "version": 1,\n  "entries": [\n', at: '4:1', message: /not valid JSON/ },
  { name: 'trailing comma', text: '{\n  "version": 1,\n}', at: '3:1', message: /not valid JSON/ },
  { name: 'unknown version', text: '{\n  "version": 2,\n  "entries": []\n}', at: '2:14', message: /unknown baseline version 2 \(this spdf reads version 1\)/ },
  { name: 'unknown version after a BOM, CRLF', text: '\uFEFF{\r\n  "version": 2,\r\n  "entries": []\r\n}\r\n', at: '2:14', message: /unknown baseline version 2/ },
  { name: 'version as a string', text: '{"version": "1", "entries": []}', at: '1:13', message: /unknown baseline version "1"/ },
  { name: 'no version', text: '{"entries": []}', at: '1:1', message: /no "version"/ },
  { name: 'not an object', text: '[]', at: '1:1', message: /a JSON object/ },
  { name: 'entries not a list', text: '{"version": 1, "entries": {}}', at: '1:27', message: /"entries" must be a list/ },
  { name: 'unknown top-level key', text: '{"version": 1, "entries": [], "extra": 1}', at: '1:31', message: /unknown key "extra"/ },
  { name: 'duplicate key', text: '{"version": 1, "version": 1, "entries": []}', at: '1:16', message: /the name "version" is written twice in one object/ },
  // A git merge can leave a name twice: JSON.parse keeps the last, so a second count or list would hide more findings.
  { name: 'count written twice in an entry', text: entry({}).replace('"count":1}', '"count":1,"count":9}'), at: '2:79', message: /the name "count" is written twice in one object/ },
  {
    name: '"entries" written twice',
    text: `{"version": 1, "entries": [],\n "entries": [${JSON.stringify({ file: 'a', code: 'X', message: 'm', count: 9 })}]}`,
    at: '2:2',
    message: /the name "entries" is written twice/,
  },
  { name: 'a name written twice, once with an escape', text: entry({}).replace('"count":1}', '"count":1,"c\\u006funt":9}'), at: '2:79', message: /the name "c\\u006funt" is written twice/ },
  { name: 'count zero', text: entry({ count: 0 }), at: '2:77', message: /"count" must be a whole number/ },
  { name: 'count not whole', text: entry({ count: 1.5 }), at: '2:77', message: /"count" must be a whole number/ },
  { name: 'entry without message', text: entry({ message: undefined }), at: '2:3', message: /needs "message"/ },
  { name: 'unknown entry key', text: entry({ line: 3 }), at: '2:79', message: /unknown key "line" in an entry/ },
  { name: 'item and symbol', text: entry({ symbol: 'f' }), at: '2:3', message: /not both/ },
  { name: 'a YAML syntax finding', text: entry({ code: 'TM000' }), at: '2:3', message: /TM000 means an input was not read/ },
  { name: 'an unreadable file', text: entry({ code: 'TM009' }), at: '2:3', message: /never baselined/ },
  { name: 'a malformed tag', text: entry({ code: 'CL008' }), at: '2:3', message: /never baselined/ },
  { name: 'a tag marker in another letter case', text: entry({ code: 'CL011' }), at: '2:3', message: /never baselined/ },
  { name: 'a misspelt tag marker', text: entry({ code: 'CL012' }), at: '2:3', message: /never baselined/ },
  { name: 'an unreadable SBOM', text: entry({ code: 'SB007' }), at: '2:3', message: /never baselined/ },
  { name: 'a nested config not applied', text: entry({ code: 'TM014' }), at: '2:3', message: /never baselined/ },
  {
    name: 'the same fingerprint twice',
    text: '{"version": 1, "entries": [\n  {"file": "a", "code": "X", "message": "m", "count": 1},\n  {"file": "a", "code": "X", "message": "m", "count": 2}\n]}',
    at: '3:3',
    message: /same fingerprint as the entry on line 2/,
  },
];

describe('baseline file format', () => {
  for (const c of CORRUPT)
    it(`refuses ${c.name}, with its position, and baselines nothing`, () => {
      const { baseline, problems } = parseBaseline(c.text);
      assert.equal(baseline, undefined);
      assert.ok(problems.length > 0);
      const p = problems[0];
      assert.equal(`${p.range.start.line + 1}:${p.range.start.character + 1}`, c.at, p.message);
      assert.match(p.message, c.message);
    });

  it('writes entries sorted, one per line, and reads back what it wrote', () => {
    const b: Baseline = {
      version: 1,
      entries: [
        { file: 'src/b.c', code: 'CL005', symbol: 'f', message: 'untraced', count: 1 },
        { file: 'model/a.spdf.yaml', code: 'TR001', item: 'THR-2', field: 'stride', message: 'no STRIDE', count: 2 },
        { file: 'model/a.spdf.yaml', code: 'TR001', item: 'THR-1', message: 'no STRIDE', count: 1 },
      ],
    };
    const text = serialiseBaseline(b);
    const lines = text.split('\n');
    assert.deepEqual(lines.slice(0, 3), ['{', '  "version": 1,', '  "entries": [']);
    assert.match(lines[3], /^ {4}\{"file":"model\/a\.spdf\.yaml","code":"TR001","item":"THR-1","message":"no STRIDE","count":1\},$/);
    assert.match(lines[4], /"item":"THR-2","field":"stride"/);
    assert.match(lines[5], /"file":"src\/b\.c".*"symbol":"f".*\}$/);
    assert.deepEqual(parseBaseline(text), { baseline: { version: 1, entries: [b.entries[2], b.entries[1], b.entries[0]] }, problems: [] });
    assert.equal(serialiseBaseline(parseBaseline(text).baseline!), text);
  });

  it('reads a baseline saved with a BOM and CRLF line ends (an editor on Windows) as it was written', () => {
    const b: Baseline = { version: 1, entries: [{ file: 'model/a.spdf.yaml', code: 'TR001', item: 'THR-1', message: 'no STRIDE', count: 1 }] };
    assert.deepEqual(parseBaseline(`\uFEFF${serialiseBaseline(b).replace(/\n/g, '\r\n')}`), { baseline: b, problems: [] });
  });

  it('writes an empty baseline that reads back as empty', () => {
    assert.deepEqual(parseBaseline(serialiseBaseline({ version: 1, entries: [] })), { baseline: { version: 1, entries: [] }, problems: [] });
  });

  it('normalises positions and "did you mean" guesses out of messages, and nothing else', () => {
    assert.equal(normaliseMessage("unknown control 'CTRL-012' (did you mean 'CTRL-002', 'CTRL-010' or 7 more?)"), "unknown control 'CTRL-012'");
    assert.equal(normaliseMessage("'SEC-REQ-099' is not defined in the model; did you mean 'SEC-REQ-009'?"), "'SEC-REQ-099' is not defined in the model");
    assert.equal(
      normaliseMessage('tag next to code the parser could not understand (syntax error at 12:5); check it'),
      'tag next to code the parser could not understand (syntax error at #:#); check it',
    );
    assert.equal(normaliseMessage("zone 'Z-1' has SL-T 2  below 3"), "zone 'Z-1' has SL-T 2 below 3");
  });
});
