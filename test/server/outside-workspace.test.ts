import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { posOf, type Harness } from './harness';
import { C, C_FILE, MODEL, YAML, startWithFixtureOpen } from './fixture';

/** Each request with its empty answer, on a document of the workspace and at a position with something there. */
function requests(uri: string, file: 'yaml' | 'c'): [method: string, params: unknown, empty: unknown][] {
  const position = file === 'yaml' ? posOf(MODEL, 'CTRL-001') : posOf(C_FILE, 'CTRL-001', 2);
  const textDocument = { uri };
  const range = { start: position, end: position };
  return [
    ['textDocument/hover', { textDocument, position }, null],
    ['textDocument/definition', { textDocument, position }, null],
    ['textDocument/references', { textDocument, position, context: { includeDeclaration: true } }, []],
    ['textDocument/prepareRename', { textDocument, position }, null],
    ['textDocument/rename', { textDocument, position, newName: 'CTRL-900' }, null],
    ['textDocument/completion', { textDocument, position }, { isIncomplete: false, items: [] }],
    ['textDocument/codeAction', { textDocument, range, context: { diagnostics: [] } }, []],
    ...(file === 'yaml'
      ? ([
          ['textDocument/documentSymbol', { textDocument }, []],
          ['textDocument/documentLink', { textDocument }, []],
          ['textDocument/codeLens', { textDocument }, []],
        ] as [string, unknown, unknown][])
      : ([
          ['textDocument/codeLens', { textDocument }, []],
          ['spdf/tagCandidates', { uri }, []],
        ] as [string, unknown, unknown][])),
  ];
}

describe('language server: a document outside the workspace', function () {
  this.timeout(30000);
  let h: Harness;
  before(async () => {
    h = await startWithFixtureOpen();
  });
  after(async () => h.close());

  it('the same requests on the workspace documents answer something (the control for the test below)', async () => {
    for (const [path, file] of [
      [YAML, 'yaml'],
      [C, 'c'],
    ] as const)
      for (const [method, params, empty] of requests(h.uri(path), file)) {
        // Nothing to complete on a whole ID; no action in a model file without findings.
        if (method === 'textDocument/completion' || (method === 'textDocument/codeAction' && file === 'yaml')) continue;
        assert.notDeepEqual(await h.request(method, params), empty, `${method} on ${path}`);
      }
  });

  it('gets the empty answer of every feature for a file beside the root or a URI that is not a file', async () => {
    const beside = (path: string) => pathToFileURL(`${h.root}-beside/${path}`).href;
    for (const [uri, file] of [
      [beside(YAML), 'yaml'],
      [beside(C), 'c'],
      ['untitled:Untitled-1', 'yaml'],
      ['untitled:Untitled-2', 'c'],
    ] as const)
      for (const [method, params, empty] of requests(uri, file)) assert.deepEqual(await h.request(method, params), empty, `${method} on ${uri}`);
  });
});
