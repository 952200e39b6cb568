import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const SERVER = join(__dirname, '..', '..', 'src', 'server');
/** The server's wiring: what holds the connection, the queue and the handlers. */
const WIRING = ['session', 'server-parts', 'diagnostics', 'status', 'settings', 'workspace-indexer', 'main', 'server', 'handlers'];

const importsOf = (file: string) => [...readFileSync(file, 'utf8').matchAll(/\bfrom\s+['"]([^'"]+)['"]/g)].map((m) => m[1]);

describe('language server: feature modules (docs/architecture.md, src/server)', () => {
  it('read a FeatureContext and return values: none imports the connection wiring or a handler', () => {
    const features = readdirSync(join(SERVER, 'features'));
    assert.ok(features.includes('hover.ts') && features.length >= 9, features.join(', '));
    const bad = features.flatMap((f) =>
      importsOf(join(SERVER, 'features', f))
        .filter((spec) => WIRING.some((w) => spec === `../${w}` || spec.startsWith(`../${w}/`)))
        .map((spec) => `features/${f} imports ${spec}`),
    );
    assert.deepEqual(bad, []);
  });

  it('the standard LSP requests are registered in one place (handlers/language-features.ts)', () => {
    const registering = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory()
          ? registering(join(dir, e.name))
          : /connection\.on(Hover|Completion|Definition|References|PrepareRename|RenameRequest|DocumentSymbol|WorkspaceSymbol|DocumentLinks|CodeLens|CodeAction|ExecuteCommand)\(/.test(
                readFileSync(join(dir, e.name), 'utf8'),
              )
            ? [e.name]
            : [],
      );
    assert.deepEqual(registering(SERVER), ['language-features.ts']);
  });
});
