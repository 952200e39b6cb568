import assert from 'node:assert/strict';
import { LANGUAGE_DESCRIPTORS } from '../../src/core/codelinks/language-descriptors';
import { SOURCE_EXTENSIONS_WITHOUT_GRAMMAR } from '../../src/core/codelinks/unread-languages';
import { BASE_WATCHED_GLOBS, configuredSourceGlob, resultGlobs, WatchedFiles } from '../../src/node/watched-files';

describe('watched files', () => {
  it('watches the model, the config, the lock, every source extension of the language descriptors and those without a grammar, and .gitignore files', () => {
    const extensions = LANGUAGE_DESCRIPTORS.flatMap((d) => d.extensions.map((e) => e.slice(1)));
    assert.ok(extensions.includes('c') && extensions.includes('py'), extensions.join());
    const unread = [...SOURCE_EXTENSIONS_WITHOUT_GRAMMAR].map((e) => e.slice(1));
    assert.ok(unread.includes('kt'), unread.join());
    assert.deepEqual(BASE_WATCHED_GLOBS, [
      '**/*.spdf.yaml',
      '**/spdf.config.yaml',
      '**/*[sS][pP][dD][fF]*',
      '**/spdf.lock.json',
      '**/spdf.baseline.json',
      `**/*.{${extensions.join(',')}}`,
      `**/*.{${unread.join(',')}}`,
      '**/.gitignore',
    ]);
  });

  it('adds the extensions code.languages maps to a language, not those it turns off, remaps or names an unknown language for', () => {
    assert.equal(configuredSourceGlob({ '.inl': 'cpp', tpp: 'cpp', '.h': 'cpp', '.ts': 'off', '.cob': 'cobol' }), '**/*.{inl,tpp}');
    assert.equal(configuredSourceGlob({ '.h': 'cpp' }), undefined);
    assert.equal(configuredSourceGlob({}), undefined);
  });

  it('turns glob syntax in a configured extension into a wildcard (watching more, never less)', () => {
    assert.equal(configuredSourceGlob({ '.a{b,c}': 'c', '.x*': 'c' }), '**/*.{a?b?c?,x?}');
  });

  it('watches the JUnit files test_results chooses from any folder, not those outside the workspace, and go.mod files', () => {
    assert.deepEqual(resultGlobs(['out/junit/*.xml', './reports/**/TEST-*.xml', '**/junit.xml', '../build/r.xml', '/abs/r.xml', '']), [
      '**/go.mod',
      '**/junit.xml',
      '**/out/junit/*.xml',
      '**/reports/**/TEST-*.xml',
    ]);
    assert.deepEqual(resultGlobs([]), []);
  });

  it('registers the base globs on start, then one registration for the configured extensions, replaced when they change', async () => {
    const log: string[] = [];
    let n = 0;
    const watchers = new WatchedFiles(async (globs) => {
      const id = ++n;
      log.push(`register ${id} ${globs.join(' ')}`);
      return { dispose: () => log.push(`dispose ${id}`) };
    });
    watchers.follow({ '.inl': 'cpp' });
    assert.deepEqual(log, [], 'nothing before start (the client cannot register watchers)');
    watchers.start();
    watchers.follow({});
    watchers.follow({ '.inl': 'cpp' });
    watchers.follow({ '.inl': 'cpp' });
    watchers.follow({ '.tpp': 'cpp' });
    watchers.follow({});
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(log, [`register 1 ${BASE_WATCHED_GLOBS.join(' ')}`, 'register 2 **/*.{inl}', 'register 3 **/*.{tpp}', 'dispose 2', 'dispose 3']);
  });
});
