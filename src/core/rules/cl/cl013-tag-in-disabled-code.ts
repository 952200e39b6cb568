// @spdf implements SPDF-FC-DISABLED-CODE
import type { Rule } from '../types';
import { reportCodeProblems } from './code-facts';

const rule: Rule = {
  meta: {
    code: 'CL013',
    alias: 'tag-in-disabled-code',
    severity: 'error',
    category: 'code-links',
    description: 'A tag in C, C++ or C# sits in a branch the preprocessor leaves out in every build (`#if 0`, `#if false`, the `#else` of `#if 1`).',
    rationale:
      'Code under `#if 0` is parsed and its symbols are found like any other, so a tag on a function there links a requirement to code that is not in the product: the requirement looks implemented (or verified, for a test compiled out) when nothing built does it. Only conditions every build agrees on are judged (`0`, `false`, a non-zero number, `true` outside C, in parentheses or not); a branch under a macro (`#ifdef DEBUG`, `#if FEATURE_X`) may be built and is left alone. An error by default, so `spdf check` fails on it: move the tag to the code that is built, or remove the condition. A deliberate exception is suppressed with a reason.',
    source: 'heuristic (seed): preprocessor branches with constant conditions (ISO C 6.10.1, C# preprocessor directives)',
    fixable: false,
    since: '0.2.0',
    codeScope: 'file',
    reads: [],
    needs: ['code'],
    examples: {
      valid: [
        {
          'model.spdf.yaml': 'requirements:\n  - id: SEC-REQ-014\n    title: Signed commands\n',
          'src/dose.c': '#ifdef PUMP_V2\n// @spdf implements SEC-REQ-014\nint dose_set_rate(int rate) { return rate; }\n#endif\n',
        },
      ],
      invalid: [
        {
          'model.spdf.yaml': 'requirements:\n  - id: SEC-REQ-014\n    title: Signed commands\n',
          'src/dose.c': '#if 0\n// @spdf implements SEC-REQ-014\n// ^^^^^^^^^^^^^^^^^^^^^^^^^^^^ CL013\nint dose_set_rate(int rate) { return rate; }\n#endif\n',
        },
      ],
    },
  },
  check(ctx) {
    reportCodeProblems(ctx, (kind) => kind === 'tag-in-disabled-code');
  },
};
export default rule;
