import picomatch from 'picomatch';
import { pathMatcher } from '../../path-glob';
import type { Rule, RuleContext } from '../types';
import { countBelow } from '../../sorted';

/** Memoised "does this glob match any workspace file" over a sorted file list, narrowed by the glob's static base. */
function globMatcher(ctx: RuleContext): (glob: string) => boolean {
  return ctx.shared('rq006/glob-matcher', () => {
    const files = [...ctx.allFiles].sort();
    const set = new Set(files);
    const memo = new Map<string, boolean>();
    const lowerBound = (prefix: string) => countBelow(files.length, (i) => files[i] < prefix);
    return (raw: string) => {
      const glob = raw.trim().replace(/^\.\//, '');
      const hit = memo.get(glob);
      if (hit !== undefined) return hit;
      let found = false;
      const scan = picomatch.scan(glob);
      if (!scan.isGlob) found = set.has(glob) || files[lowerBound(glob.replace(/\/$/, '') + '/')]?.startsWith(glob.replace(/\/$/, '') + '/') === true;
      else {
        const isMatch = pathMatcher(glob);
        const prefix = scan.base ? `${scan.base}/` : '';
        for (let i = lowerBound(prefix); i < files.length && files[i].startsWith(prefix); i++)
          if (isMatch(files[i])) {
            found = true;
            break;
          }
      }
      memo.set(glob, found);
      return found;
    };
  });
}

const rule: Rule = {
  meta: {
    code: 'RQ006',
    alias: 'code-glob-without-match',
    severity: 'warning',
    category: 'requirements',
    description: 'A `code` glob of a requirement or asset matches no workspace file.',
    rationale:
      'A requirement or asset points at the code that implements it with `code` globs; a glob that matches nothing (a renamed folder, a typo) is a broken trace that looks like evidence. `symbol:` entries are checked by the code-link rules. A warning rather than an error: the host may hide files (ignore rules) that the glob rightly names. Unknown IDs in code tags belong to the code-link rules.',
    source: 'Heuristic; threatspec and OpenFastTrace precedent (links from specification to code); IEC 62304 5.1.1 traceability',
    fixable: false,
    needs: ['files'],
    since: '0.1.0',
    reads: [],
    examples: {
      valid: [
        {
          'model.spdf.yaml': `requirements:
  - id: SEC-REQ-001
    title: Reject unsigned therapy commands
    standards: {fda_app1: [authentication]}
    verification: [test]
    tests: [TC-001]
    code: ["firmware/dose/**"]
tests:
  - id: TC-001
    title: Unsigned command is rejected
`,
          'firmware/dose/verify.c': 'int verify(void) { return 0; }\n',
        },
      ],
      invalid: [
        {
          'model.spdf.yaml': `requirements:
  - id: SEC-REQ-001
    title: Reject unsigned therapy commands
    standards: {fda_app1: [authentication]}
    verification: [test]
    tests: [TC-001]
    code: ["firmware/dosing/**"]
#          ^^^^^^^^^^^^^^^^^^^^ RQ006
tests:
  - id: TC-001
    title: Unsigned command is rejected
`,
          'firmware/dose/verify.c': 'int verify(void) { return 0; }\n',
        },
      ],
    },
  },
  check(ctx) {
    let matches: ((g: string) => boolean) | undefined;
    for (const item of [...ctx.graph.byKind.requirement, ...ctx.graph.byKind.asset]) {
      const globs = item.data.code;
      if (!Array.isArray(globs)) continue;
      globs.forEach((g: unknown, i: number) => {
        if (typeof g !== 'string' || !g.trim() || /^symbol:/.test(g)) return;
        matches ??= globMatcher(ctx);
        if (matches(g)) return;
        ctx.report({
          file: item.file,
          range: ctx.rangeOf(item, ['code', i]),
          message: `${item.kind} '${item.id}': code glob '${g}' matches no file in the workspace`,
        });
      });
    }
  },
};
export default rule;
