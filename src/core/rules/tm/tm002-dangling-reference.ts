import { placeholder } from '../../fixes/placeholder';
import { appendItemEdit, yamlString } from '../../fixes/yaml-edits';
import { DEFAULT_ID_PATTERNS, type ItemKind } from '../../model/kinds';
import { closestCandidates, otherNumber } from '../../suggest';
import type { Fix } from '../../types';
import type { Rule, RuleContext } from '../types';
import { withArticle } from '../../article';

/** Stub fields for a dangling item, each a `key: value` line; `TODO(TM002)` where a human must decide keeps the stub an error (TM011). */
const TODO = placeholder('TM002');
const STUB: Partial<Record<ItemKind, (id: string) => string[]>> = {
  requirement: (id) => [`id: ${yamlString(id)}`, `title: ${TODO}  # spdf stub: write the requirement`, `text: ${TODO}`],
  control: (id) => [`id: ${yamlString(id)}`, `title: ${TODO}  # spdf stub: describe the control`, 'type: technical'],
  hazard: (id) => [`id: ${yamlString(id)}`, `hazard: ${TODO}  # spdf stub: copy from the risk management file`],
  test: (id) => [`id: ${yamlString(id)}`, `title: ${TODO}  # spdf stub: describe the test`, 'result: not-run'],
  threat: (id) => [`id: ${yamlString(id)}`, `title: ${TODO}  # spdf stub: describe the threat`],
};

/** Every candidate as close as the closest one (the "did you mean" resemblances of src/core/suggest.ts). */
function closestIds(id: string, candidates: string[]): string[] {
  return closestCandidates(id, candidates).map((c) => c.candidate);
}

/** The one kind a stub for `id` can have: offered by the field and matching that kind's ID pattern. */
function stubKindOf(ctx: RuleContext, id: string, kinds: readonly ItemKind[]): ItemKind | undefined {
  const patterns: Record<string, string> = ctx.config.trusted ? ctx.config.idPatterns : DEFAULT_ID_PATTERNS;
  const fits = kinds.filter((k) => {
    if (!STUB[k]) return false;
    try {
      return new RegExp(patterns[k] ?? DEFAULT_ID_PATTERNS[k]).test(id);
    } catch {
      return false;
    }
  });
  return fits.length === 1 ? fits[0] : undefined;
}

const rule: Rule = {
  meta: {
    code: 'TM002',
    alias: 'dangling-reference',
    severity: 'error',
    category: 'structure',
    description: 'A reference names an ID that no item defines, or an item of the wrong kind.',
    rationale:
      'A broken link breaks the chain zone -> threat -> hazard -> control -> requirement -> test that an FDA reviewer follows. When exactly one existing ID of the expected kind is close (a typo such as `CTRL-0O1`), the fix changes the reference to it ("did you mean"); when several are equally close, or the close one differs only in its number (`CTRL-002` vs `CTRL-001` names another item, and relinking would be false evidence), each is offered in the editor and nothing is applied automatically. Only when no ID is close, and the ID fits exactly one expected kind\'s pattern, does the fix create a stub (a requirement, control, hazard, test or threat) in the configured stubs file, else the first model file that holds items of that kind, else the referencing file; its `TODO(TM002)` fields keep it an error (TM011) until a person writes the item. `spdf lint --fix` applies nothing while any model file has load errors, so a stub is never created for an ID defined in a file that failed to load.',
    source: 'Threagile model parser ("missing referenced technical asset"); FDA premarket guidance traceability',
    fixable: true,
    since: '0.1.0',
    reads: ['code', 'kind', 'score', 'source', 'text'],
    examples: {
      valid: ['threats:\n  - id: THR-001\n    title: Spoofed command\n    controls: [CTRL-001]\ncontrols:\n  - id: CTRL-001\n    title: Signed commands\n'],
      invalid: ['threats:\n  - id: THR-001\n    title: Spoofed command\n    controls: [CTRL-404]\n#              ^^^^^^^^ TM002\n'],
    },
  },
  check(ctx) {
    const { graph } = ctx;
    let idsOfKind: Map<string, string[]> | undefined;
    for (const ref of graph.refs) {
      if (ref.target) {
        if (!ref.kinds.includes(ref.target.kind))
          ctx.report({
            file: ref.from.file,
            range: graph.fileByPath.get(ref.from.file)!.source.range(ref.node.start, ref.node.end),
            message: `'${ref.id}' is ${withArticle(ref.target.kind)}, but ${ref.from.kind}.${ref.field.replace(/\.\d+/g, '[]')} expects ${withArticle(ref.kinds.join(' or '))}`,
          });
        continue;
      }
      const file = graph.fileByPath.get(ref.from.file)!;
      const range = file.source.range(ref.node.start, ref.node.end);
      idsOfKind ??= groupIds(graph.items);
      const candidates = ref.kinds.flatMap((k) => idsOfKind!.get(k) ?? []);
      const close = closestIds(ref.id, candidates);
      const suggestions: Fix[] = close.slice(0, 5).map((c) => ({ description: `Change to '${c}'`, edits: [{ file: ref.from.file, range, newText: c }] }));
      const stubKind = stubKindOf(ctx, ref.id, ref.kinds);
      const home = stubKind && graph.items.find((i) => i.kind === stubKind)?.file;
      const target = (ctx.config.stubsFile && graph.fileByPath.get(ctx.config.stubsFile)) || (home && graph.fileByPath.get(home)) || file;
      const stub: Fix | undefined = stubKind && {
        description: `Create ${withArticle(stubKind)} stub '${ref.id}' in ${target.path}`,
        edits: [appendItemEdit(target, stubKind, STUB[stubKind]!(ref.id))],
      };
      // "Did you mean" wins over a stub; an ambiguous one, or one naming another number, is left to a person.
      const fix = close.length === 1 && !otherNumber(ref.id, close[0]) ? suggestions.shift() : close.length === 0 ? stub : undefined;
      if (stub && fix !== stub) suggestions.push(stub);
      const shown = close.slice(0, 3).map((c) => `'${c}'`);
      const near = close.length > 3 ? `${shown.join(', ')} or ${close.length - 3} more` : shown.join(' or ');
      ctx.report({
        file: ref.from.file,
        range,
        message: `unknown ${ref.kinds.join(' or ')} '${ref.id}'${near ? ` (did you mean ${near}?)` : ''}`,
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
