/**
 * Extension-host test entry (`extensionTestsPath`): runs mocha inside the real VS Code extension host
 * (code-server 1.139.1) against the installed-from-source extension and the example workspace.
 * Bundled by run-exthost.mjs; `vscode` and `mocha` stay external.
 */
import { writeFileSync } from 'node:fs';

export async function run(): Promise<void> {
  const { default: Mocha } = (await import('mocha')) as unknown as { default: typeof import('mocha') };
  const mocha = new Mocha({ ui: 'bdd', timeout: 90000, color: false, reporter: 'spec' });
  mocha.suite.emit('pre-require', globalThis, 'exthost', mocha);
  require('./exthost.test');
  require('./matrix-state.test'); // last: it adds and removes a model file
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  const file = process.env.EXT_TEST_RESULT_FILE;
  if (file) writeFileSync(file, JSON.stringify({ failures }));
  if (failures > 0) throw new Error(`${failures} extension-host test(s) failed`);
}
