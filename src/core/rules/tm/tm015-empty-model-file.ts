import { ZERO_RANGE } from '../../types';
import type { Rule } from '../types';

const rule: Rule = {
  meta: {
    code: 'TM015',
    alias: 'empty-model-file',
    severity: 'warning',
    category: 'structure',
    description: 'A model file defines nothing: it is empty, holds only comments, or only empty documents (`---`).',
    rationale:
      'A model file the `include` globs match is read as evidence. One that holds nothing passed without a word, while a file holding only `---` was a TM000 error: the same content, two answers. Both now give this warning at 1:1, because an empty file in the model is most likely evidence that was lost (an editor that saved nothing, a merge that emptied it, a file created and never filled); a reviewer sees it listed. A written `~` or `null` is still TM000 (a value that is not a mapping). Delete the file, fill it, or list it in `exclude`.',
    source: 'fail-closed gate (No false green): an input that holds nothing must not look like a complete one',
    fixable: false,
    since: '0.2.0',
    scope: 'file',
    examples: {
      valid: ['requirements: []\n', '# Hazards of the pump\nhazards:\n  - id: HAZ-001\n    hazard: Over-infusion\n'],
      invalid: ['# threats of the gateway: to do\n#<^ TM015\n', '---\n#<^ TM015\n'],
    },
  },
  check(ctx) {
    for (const file of ctx.graph.files)
      if (file.empty)
        ctx.report({
          file: file.path,
          range: ZERO_RANGE,
          message: 'the model file defines nothing (it is empty or holds only comments): if it was meant to hold evidence, that evidence is not in the model',
        });
  },
};
export default rule;
