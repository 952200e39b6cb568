import type { Rule } from '../types';

const DAY = 86_400_000;

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
    needs: ['git', 'code'],
    examples: { valid: [], invalid: [] },
  },
  check(ctx) {
    const dates = ctx.fileDates!;
    const code = ctx.code as { links?: { id: string; file: string }[] } | undefined;
    const newestCodeByItem = new Map<string, number>();
    for (const l of code?.links ?? []) {
      const d = dates.get(l.file);
      if (d !== undefined && d > (newestCodeByItem.get(l.id) ?? 0)) newestCodeByItem.set(l.id, d);
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
        ctx.report({ file: file.path, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message: `model file is ${lag} days older than the code it links (stale_days ${ctx.config.staleDays})` });
    }
  },
};
export default rule;
