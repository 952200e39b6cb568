import { appendItemEdit, yamlString } from '../../fixes/yaml-edits';
import type { ItemKind } from '../../model/kinds';
import { nearest } from '../../model/suggest';
import type { Fix } from '../../types';
import type { Rule } from '../types';

/** Stub fields for a dangling item, each a `key: value` line with a TODO where a human must decide. */
const STUB: Partial<Record<ItemKind, (id: string) => string[]>> = {
  requirement: (id) => [`id: ${yamlString(id)}`, 'title: TODO  # spdf stub: write the requirement', 'text: TODO'],
  control: (id) => [`id: ${yamlString(id)}`, 'title: TODO  # spdf stub: describe the control', 'type: technical'],
  hazard: (id) => [`id: ${yamlString(id)}`, 'hazard: TODO  # spdf stub: copy from the risk management file'],
  test: (id) => [`id: ${yamlString(id)}`, 'title: TODO  # spdf stub: describe the test', 'result: not-run'],
  threat: (id) => [`id: ${yamlString(id)}`, 'title: TODO  # spdf stub: describe the threat'],
};

const rule: Rule = {
  meta: {
    code: 'TM002',
    alias: 'dangling-reference',
    severity: 'error',
    category: 'structure',
    description: 'A reference names an ID that no item defines, or an item of the wrong kind.',
    rationale:
      'A broken link breaks the chain zone -> threat -> hazard -> control -> requirement -> test that an FDA reviewer follows. The fix creates a stub (a requirement, control, hazard, test or threat with TODO fields) in the referencing file or the configured stubs file; relinking to a similar existing ID is only offered as a suggestion, because a silent relink would falsify evidence.',
    source: 'Threagile model parser ("missing referenced technical asset"); FDA premarket guidance traceability',
    fixable: true,
    since: '0.1.0',
    examples: {
      valid: ['threats:\n  - id: THR-001\n    title: Spoofed command\n    controls: [CTRL-001]\ncontrols:\n  - id: CTRL-001\n    title: Signed commands\n'],
      invalid: ['threats:\n  - id: THR-001\n    title: Spoofed command\n    controls: [CTRL-404]\n#              ^^^^^^^^ TM002\n'],
    },
  },
  check(ctx) {
    const { graph } = ctx;
    let idsOfKind: Map<string, string[]> | undefined;
    for (const ref of graph.refs) {
      const file = graph.fileByPath.get(ref.from.file)!;
      const range = file.source.range(ref.node.start, ref.node.end);
      if (ref.target) {
        if (!ref.kinds.includes(ref.target.kind))
          ctx.report({
            file: ref.from.file,
            range,
            message: `'${ref.id}' is a ${ref.target.kind}, but ${ref.from.kind}.${ref.field.replace(/\.\d+/g, '[]')} expects a ${ref.kinds.join(' or ')}`,
          });
        continue;
      }
      idsOfKind ??= groupIds(graph.items);
      const candidates = ref.kinds.flatMap((k) => idsOfKind!.get(k) ?? []);
      const near = nearest(ref.id, candidates);
      const suggestions: Fix[] = near
        ? [{ description: `Change to '${near}'`, edits: [{ file: ref.from.file, range, newText: near }] }]
        : [];
      const stubKind = ref.kinds.find((k) => STUB[k]);
      let fix: Fix | undefined;
      if (stubKind) {
        const target = (ctx.config.stubsFile && graph.fileByPath.get(ctx.config.stubsFile)) || file;
        fix = { description: `Create a ${stubKind} stub '${ref.id}' in ${target.path}`, edits: [appendItemEdit(target, stubKind, STUB[stubKind]!(ref.id))] };
      }
      ctx.report({
        file: ref.from.file,
        range,
        message: `unknown ${ref.kinds.join(' or ')} '${ref.id}'${near ? ` (did you mean '${near}'?)` : ''}`,
        fix,
        suggestions,
      });
    }
  },
};

function groupIds(items: { kind: string; id: string }[]): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const i of items) {
    const l = m.get(i.kind);
    if (l) l.push(i.id);
    else m.set(i.kind, [i.id]);
  }
  return m;
}

export default rule;
