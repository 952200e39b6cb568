import type { Rule } from '../types';

const DAY = 86_400_000;

const model = `requirements:
# <^ TM007
  - id: SEC-REQ-001
    title: Reject unsigned therapy commands
`;
const code = '// @spdf implements SEC-REQ-001\nint dose_set_rate(int rate) { return rate; }\n';

const rule: Rule = {
  meta: {
    code: 'TM007',
    alias: 'stale-model',
    severity: 'info',
    category: 'structure',
    description: 'A model file was last changed long before the code it links (stale threat model).',
    rationale:
      'A threat model that lags the code no longer describes the product. The host supplies last-commit dates from git; the rule compares each model file with the newest source file that carries a tag for one of its items, against `stale_days` (default 180).',
    source: 'pytm --stale_days',
    fixable: false,
    since: '0.1.0',
    reads: ['code'],
    needs: ['git', 'code'],
    examples: {
      valid: [{ 'model.spdf.yaml': model.replace('# <^ TM007\n', ''), 'src/dose.c': code, 'git log': 'model.spdf.yaml 2025-08-01\nsrc/dose.c 2025-09-01\n' }],
      invalid: [{ 'model.spdf.yaml': model, 'src/dose.c': code, 'git log': 'model.spdf.yaml 2025-01-10\nsrc/dose.c 2025-09-01\n' }],
    },
  },
  check(ctx) {
    const dates = ctx.fileDates!;
    const newestCodeByItem = new Map<string, number>();
    for (const f of ctx.code?.files ?? []) {
      const d = dates.get(f.file);
      if (d === undefined) continue;
      for (const l of f.links) if (d > (newestCodeByItem.get(l.id) ?? 0)) newestCodeByItem.set(l.id, d);
    }
    const newestByFile = new Map<string, number>();
    for (const item of ctx.graph.items) {
      const d = newestCodeByItem.get(item.id);
      if (d !== undefined && d > (newestByFile.get(item.file) ?? 0)) newestByFile.set(item.file, d);
    }
    for (const file of ctx.graph.files) {
      const modelDate = dates.get(file.path);
      const newest = newestByFile.get(file.path);
      if (modelDate === undefined || newest === undefined) continue;
      const lag = Math.floor((newest - modelDate) / DAY);
      if (lag > ctx.config.staleDays)
        ctx.report({
          file: file.path,
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          message: `model file is ${lag} days older than the code it links (stale_days ${ctx.config.staleDays})`,
        });
    }
  },
};
export default rule;
