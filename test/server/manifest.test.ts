/** The extension manifest, grammar and snippets are consistent with the code that uses them. */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withLanguageContributions, TAG_SNIPPETS } from '../../scripts/manifest-languages';
import { LANGUAGE_DESCRIPTORS } from '../../src/core/codelinks/language-descriptors';

const root = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const c = pkg.contributes;

describe('extension manifest', () => {
  it('contributes every command the extension registers, all in category SPDF, and menus name only those', () => {
    const src = readFileSync(join(root, 'src', 'extension', 'extension.ts'), 'utf8') + readFileSync(join(root, 'src', 'protocol.ts'), 'utf8');
    const registered = new Set([...src.matchAll(/cmd\('([\w.]+)'/g)].map((m) => m[1]));
    for (const m of src.matchAll(/(\w+): '(spdf\.[\w]+)'/g)) if (m[1] !== 'markReviewed' && m[1] !== 'reindex') registered.add(m[2]); // CLIENT_COMMANDS
    const contributed = new Set<string>(c.commands.map((x: { command: string }) => x.command));
    for (const id of registered) if (!id.startsWith('spdf.server.')) assert.ok(contributed.has(id), `command ${id} is registered but not contributed`);
    assert.deepEqual(
      c.commands.filter((x: { category: string }) => x.category !== 'SPDF'),
      [],
      'every command is in the SPDF category',
    );
    for (const [menu, items] of Object.entries<{ command: string }[]>(c.menus)) for (const it of items) assert.ok(contributed.has(it.command), `${menu} names unknown command ${it.command}`);
  });

  it('contributes every tree view the extension creates, with the matrix and diagram as title-bar buttons of each', () => {
    const src = readFileSync(join(root, 'src', 'extension', 'extension.ts'), 'utf8');
    const created = [...src.matchAll(/\['(spdf\.\w+)', '\w+'\]/g)].map((m) => m[1]).concat('spdf.requirements');
    const views = c.views.spdf.map((v: { id: string }) => v.id);
    assert.deepEqual([...created].sort(), [...views].sort());
    for (const command of ['spdf.showMatrix', 'spdf.showZoneDiagram']) {
      const entry = c.menus['view/title'].find((m: { command: string }) => m.command === command);
      assert.match(entry.group, /^navigation(@\d+)?$/, command);
      for (const v of views) assert.ok(new RegExp(/view =~ \/(.*)\/$/.exec(entry.when)![1]).test(v), `${command} on ${v}`);
    }
  });

  it('is marketplace-ready: settings titled "SPDF", a 128x128 PNG icon, a user README, minified bundles, no CLI bundle in the .vsix', () => {
    assert.equal(c.configuration.title, 'SPDF');
    const png = readFileSync(join(root, pkg.icon));
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG', pkg.icon);
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128], 'icon size');
    const readme = /--readme-path (\S+)/.exec(pkg.scripts.package)?.[1];
    assert.ok(readme && existsSync(join(root, readme)), `package script names an existing extension README: ${readme}`);
    assert.match(pkg.scripts.package, /build\.mjs --minify/);
    const ignore = readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n');
    assert.equal(ignore[1], '**', '.vscodeignore is an allow-list');
    const allowed = ignore.filter((l) => l.startsWith('!')).map((l) => l.slice(1));
    assert.ok(!allowed.some((l) => l === 'dist/**' || l === 'dist/cli.js' || l === 'README.md'), allowed.join(' '));
    for (const f of ['dist/server.js', 'dist/server-main.js', 'dist/extension.js', 'dist/codeindex-worker.js']) assert.ok(allowed.includes(f), f);
  });

  it('names no made-up repository address (there is no public one); packaging goes on without it', () => {
    assert.equal(pkg.repository, undefined, "a placeholder address would be published as the extension's source");
    assert.doesNotMatch(readFileSync(join(root, 'package.json'), 'utf8'), /example\.invalid/);
    assert.match(pkg.scripts.package, /vsce package .*--allow-missing-repository/);
  });

  it('declares limited untrusted support, schemas for YAML and JSON, no extension dependencies', () => {
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.equal(pkg.extensionDependencies, undefined);
    for (const v of [...c.yamlValidation, ...c.jsonValidation]) assert.ok(existsSync(join(root, v.url)), v.url);
    assert.deepEqual(
      c.yamlValidation.map((v: { fileMatch: string }) => v.fileMatch),
      ['*.spdf.yaml', 'spdf.config.yaml'],
    );
  });

  it('points at files that exist (grammar, snippets, icons, walkthrough media, bundles)', () => {
    for (const g of c.grammars) assert.ok(existsSync(join(root, g.path)), g.path);
    for (const s of c.snippets) assert.ok(existsSync(join(root, s.path)), s.path);
    for (const v of c.viewsContainers.activitybar) assert.ok(existsSync(join(root, v.icon)), v.icon);
    for (const w of c.walkthroughs) for (const st of w.steps) assert.ok(existsSync(join(root, st.media.markdown ?? st.media.image)), st.id);
    assert.equal(pkg.main, './dist/extension.js');
    for (const k of ['build:server', 'build:extension', 'package']) assert.ok(pkg.scripts[k], k);
  });

  it('walks through the matrix, the diagram, quick fixes and the CI gate, each with an image and a completion event of a contributed or built-in command', () => {
    const steps = c.walkthroughs[0].steps as { id: string; media: { image?: string }; completionEvents?: string[] }[];
    const commands = new Set<string>(c.commands.map((x: { command: string }) => x.command).concat('editor.action.quickFix'));
    for (const id of ['matrix', 'diagram', 'quickFixes', 'ciGate']) {
      const st = steps.find((s) => s.id === id);
      assert.ok(st?.media.image?.startsWith('media/walkthrough/'), id);
      assert.ok(st!.completionEvents?.length, `${id} has completion events`);
    }
    for (const st of steps) for (const e of st.completionEvents ?? []) if (e.startsWith('onCommand:')) assert.ok(commands.has(e.slice('onCommand:'.length)), `${st.id}: ${e}`);
  });

  it('has settings for everything the server reads', () => {
    const props = Object.keys(c.configuration.properties);
    for (const k of ['spdf.diagnostics.debounceMs', 'spdf.codeLens.enable', 'spdf.codeLinks.enable', 'spdf.baseline.severity', 'spdf.review.reviewer', 'spdf.rulesDocsUrl', 'spdf.trace.server'])
      assert.ok(props.includes(k), k);
  });
});

describe('injection grammar', () => {
  const g = JSON.parse(readFileSync(join(root, 'syntaxes', 'spdf-tags.injection.tmLanguage.json'), 'utf8'));
  const re = (name: string) => new RegExp(g.repository[name].match);

  it('is injected into every language of the descriptors and YAML', () => {
    const inj = pkg.contributes.grammars[0].injectTo as string[];
    const scopes = LANGUAGE_DESCRIPTORS.flatMap((d) => d.editor.map((e) => e.scope));
    assert.ok(scopes.length >= 11, `${scopes.length} scopes`);
    assert.deepEqual(inj, [...scopes, 'source.yaml']);
    assert.equal(g.scopeName, pkg.contributes.grammars[0].scopeName);
  });

  it('matches tags, relations, IDs and suppressions', () => {
    const tag = re('tag').exec('// @spdf implements SEC-REQ-014, CTRL-002')!;
    assert.equal(tag[2], 'implements');
    assert.equal(re('tag').exec('# @spdf implments X')![3], 'implments');
    assert.deepEqual(
      ['SEC-REQ-014', 'HAZ-001', 'Z-PUMP-COMMS', 'sec-req-1'].map((id) => [id, re('id').test(id)]),
      [
        ['SEC-REQ-014', true],
        ['HAZ-001', true],
        ['Z-PUMP-COMMS', true],
        ['sec-req-1', false],
      ],
    );
    const sup = re('suppression').exec('# spdf-disable-next-line ZC004, TM002 -- vendor diode in place')!;
    assert.equal(sup[2].trim(), 'ZC004, TM002');
    assert.equal(sup[4], 'vendor diode in place');
  });
});

describe('language contributions (generated from the language descriptors)', () => {
  const editor = LANGUAGE_DESCRIPTORS.flatMap((d) => d.editor.map((e) => ({ ...e, lineComment: d.lineComment })));

  it('offer tag snippets in every editor language, with its comment prefix', () => {
    for (const e of editor) {
      const entry = c.snippets.find((s: { language: string }) => s.language === e.languageId);
      assert.equal(entry?.path, TAG_SNIPPETS[e.lineComment], e.languageId);
      const tags = JSON.parse(readFileSync(join(root, entry.path), 'utf8'));
      for (const s of Object.values<{ body: string[] }>(tags)) for (const line of s.body) assert.ok(line.startsWith(e.lineComment), `${entry.path}: ${line}`);
    }
  });

  it('enable Insert Tag in exactly the editor languages', () => {
    const when: string = c.menus.commandPalette.find((m: { command: string }) => m.command === 'spdf.insertTag').when;
    const ids = /editorLangId =~ \/\^\(([^)]*)\)\$\//.exec(when)?.[1].split('|');
    assert.deepEqual(
      ids,
      editor.map((e) => e.languageId),
    );
  });

  it('offer "Show Requirements of the Symbol" in the editor menu of exactly the editor languages, with the gutter setting', () => {
    const when: string = c.menus['editor/context'].find((m: { command: string }) => m.command === 'spdf.showItemsOfSymbol').when;
    assert.deepEqual(
      /resourceLangId =~ \/\^\(([^)]*)\)\$\//.exec(when)?.[1].split('|'),
      editor.map((e) => e.languageId),
    );
    assert.equal(c.configuration.properties['spdf.gutter'].default, true);
  });

  it('are what `npm run generate` writes', () => {
    const text = readFileSync(join(root, 'package.json'), 'utf8');
    assert.equal(withLanguageContributions(text), text);
    const stale = JSON.parse(text);
    stale.contributes.grammars[0].injectTo = ['source.yaml'];
    stale.contributes.snippets = stale.contributes.snippets.slice(0, 1);
    assert.equal(withLanguageContributions(JSON.stringify(stale, null, 2) + '\n'), text);
  });
});

describe('snippets', () => {
  it('cover the model kinds and the tag comments', () => {
    const model = JSON.parse(readFileSync(join(root, 'snippets', 'spdf-model.code-snippets'), 'utf8'));
    const prefixes = Object.values(model).flatMap((s) => (s as { prefix: string[] }).prefix);
    for (const k of ['zone', 'conduit', 'asset', 'threat', 'hazard', 'control', 'requirement', 'test']) assert.ok(prefixes.includes(`spdf-${k}`), k);
    for (const f of ['spdf-tags.code-snippets', 'spdf-tags-hash.code-snippets']) {
      const tags = JSON.parse(readFileSync(join(root, 'snippets', f), 'utf8'));
      const bodies = Object.values(tags).map((s) => (s as { body: string[] }).body.join('\n'));
      for (const r of ['implements', 'verifies', 'mitigates', 'hazard'])
        assert.ok(
          bodies.some((b) => b.includes(`@spdf ${r} `)),
          `${f}: ${r}`,
        );
    }
  });
});
