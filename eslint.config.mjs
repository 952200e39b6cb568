// ESLint: typescript-eslint's type-checked recommendations over src, scripts, bench and test (`npm run lint`,
// part of `npm test`). A rule is relaxed here only for the files named, with the reason beside it.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'out/**',
      'media/**',
      'node_modules/**',
      'examples/**',
      // Inputs of the tests (code-link and rule fixtures, whole workspaces), not code of this project.
      'test/fixtures/**',
      'test/workspaces/**',
      'test/e2e/**',
      // Browser scripts and bundles; the project's own JavaScript is .mjs or .cjs.
      '**/*.js',
    ],
  },
  ...tseslint.configs.recommendedTypeChecked,
  {
    // No `eslint-disable` comments: a relaxation lives here, with its reason, where a reviewer sees all of them.
    linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'error' },
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // The convention tsc's noUnusedLocals and noUnusedParameters already accept: a leading underscore marks a
      // name left unused on purpose (a parameter kept for its position, a property taken out of a rest).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // Plain JavaScript (the build and self-check scripts, a mocha reporter, a benchmark probe) is outside the
    // TypeScript project: the rules that need types are off for it, the others apply. CommonJS loads with require.
    files: ['**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Each command module is required on first use so that `spdf lint` starts without loading exceljs, elkjs and
    // the other commands' dependencies (start-up time); a static import would load them all on every run. The
    // binary (bin.ts) requires the commands' bundle only when no stored answer can be replayed.
    // ajv and its format packages are required on the first SBOM validated (src/node/sbom-schemas.ts).
    files: ['src/cli/extra-commands.ts', 'src/cli/bin.ts', 'src/node/sbom-schemas.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Tests assert on the shape of parsed JSON (CLI output, LSP responses, exported files, caches): the values
    // are `any` by nature and the assertions are what checks them; typing each would restate the formats under test.
    files: ['test/**/*.ts'],
    rules: {
      // Fakes implement async interfaces (hosts, file systems, watchers) without awaiting anything; `async` keeps
      // what they throw a rejection, as the real implementation's would be. Mocha tests may be async by habit.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
);
