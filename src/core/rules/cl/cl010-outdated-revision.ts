import type { Rule } from '../types';
import { allTags } from './code-facts';

const rule: Rule = {
  meta: {
    code: 'CL010',
    alias: 'outdated-tag-revision',
    severity: 'error',
    category: 'code-links',
    description: 'A tag names a revision of an item other than the revision the model gives it.',
    rationale:
      "OpenFastTrace IDs carry a revision (`[impl->dsn~valve-open~2]`); raising an item's revision is how a team marks every link to it as suspect until the code is checked against the changed item. A tag naming another revision than the item's `revision` is evidence for a version of the item that no longer exists. Items without a `revision` are not compared.",
    source: 'OpenFastTrace revision check (outdated coverage)',
    fixable: false,
    since: '0.2.0',
    codeScope: 'file',
    reads: ['revision'],
    needs: ['code'],
    examples: {
      valid: [
        {
          'spdf.config.yaml': 'code:\n  tag_syntaxes: [oft]\n',
          'model.spdf.yaml': 'requirements:\n  - id: SEC-REQ-014\n    title: Signed commands\n    revision: 2\n',
          'src/dose.c': '// [impl->req~SEC-REQ-014~2]\nint dose_set_rate(int rate) { return rate; }\n',
        },
      ],
      invalid: [
        {
          'spdf.config.yaml': 'code:\n  tag_syntaxes: [oft]\n',
          'model.spdf.yaml': 'requirements:\n  - id: SEC-REQ-014\n    title: Signed commands\n    revision: 2\n',
          'src/dose.c': '// [impl->req~SEC-REQ-014~1]\n// ^^^^^^^^^^^^^^^^^^^^^^^^^ CL010\nint dose_set_rate(int rate) { return rate; }\n',
        },
      ],
    },
  },
  check(ctx) {
    for (const { file, tag } of allTags(ctx)) {
      if (tag.revision === undefined) continue;
      const item = ctx.graph.byId.get(tag.id);
      const revision = item?.data.revision;
      if (typeof revision !== 'number' || revision === tag.revision) continue;
      const older = tag.revision < revision;
      ctx.report({
        file,
        range: tag.tagRange,
        message: `'${tag.id}' is at revision ${revision} in the model but this tag names revision ${tag.revision}${older ? '; check the code against the changed item, then update the revision in the tag' : '; the model lags behind the tag'}`,
      });
    }
  },
};
export default rule;
