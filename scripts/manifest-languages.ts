import { LANGUAGE_DESCRIPTORS } from '../src/core/codelinks/language-descriptors';

/** The tag snippets file for a line-comment prefix. */
export const TAG_SNIPPETS: Readonly<Record<'//' | '#', string>> = {
  '//': './snippets/spdf-tags.code-snippets',
  '#': './snippets/spdf-tags-hash.code-snippets',
};

const INSERT_TAG = 'spdf.insertTag';

interface Manifest {
  contributes: {
    grammars: { injectTo: string[] }[];
    snippets: { language: string; path: string }[];
    menus: { commandPalette: { command: string; when?: string }[] };
  };
}

/** The language parts of the manifest, from the descriptors: tag grammar injection, tag snippets and the Insert Tag when-clause. */
export function languageContributions() {
  const editor = LANGUAGE_DESCRIPTORS.flatMap((d) => d.editor.map((e) => ({ ...e, lineComment: d.lineComment })));
  return {
    injectTo: [...editor.map((e) => e.scope), 'source.yaml'],
    snippets: editor.map((e) => ({ language: e.languageId, path: TAG_SNIPPETS[e.lineComment] })),
    insertTagWhen: `isWorkspaceTrusted && editorLangId =~ /^(${editor.map((e) => e.languageId).join('|')})$/`,
  };
}

/** package.json with its language parts regenerated; everything else (and the model snippets) is kept as written. */
export function withLanguageContributions(current: string): string {
  const pkg = JSON.parse(current) as Manifest;
  const c = pkg.contributes;
  const generated = languageContributions();
  const codeSnippets = new Set(Object.values(TAG_SNIPPETS));
  c.grammars[0].injectTo = generated.injectTo;
  c.snippets = [...c.snippets.filter((s) => !codeSnippets.has(s.path)), ...generated.snippets];
  for (const item of c.menus.commandPalette) if (item.command === INSERT_TAG) item.when = generated.insertTagWhen;
  return JSON.stringify(pkg, null, 2) + '\n';
}
