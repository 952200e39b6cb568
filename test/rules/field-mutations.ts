import type { ModelItem } from '../../src/core/model/graph';
import type { LoadedFile } from '../../src/core/model/load-file';

/** A random source: each call a number in [0, 1). */
export type Random = () => number;

export function seeded(seed: number): Random {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 0x100000000;
  };
}

interface Splice {
  start: number;
  end: number;
  text: string;
}

const lineStart = (text: string, at: number) => text.lastIndexOf('\n', at - 1) + 1;
const lineEnd = (text: string, at: number) => {
  const e = text.indexOf('\n', at);
  return e < 0 ? text.length : e + 1;
};

/** A one-line value of the field from another item of the same kind, or a scalar of the same type. */
function replacement(text: string, items: readonly ModelItem[], item: ModelItem, field: string, random: Random): string {
  const others = items.flatMap((o) => {
    const p = o !== item && o.kind === item.kind ? o.node.pairs.find((q) => q.key.value === field) : undefined;
    const v = p?.value ? text.slice(p.value.start, p.value.end) : undefined;
    return v !== undefined && !v.includes('\n') ? [v] : [];
  });
  const current = (item.data as unknown as Record<string, unknown>)[field];
  if (others.length && random() < 0.6) return others[Math.floor(random() * others.length)];
  if (typeof current === 'number') return String(Math.floor(random() * 10));
  if (typeof current === 'boolean') return String(!current);
  return ['Changed while typing', 'x', "'quoted: text'", 'TODO', 'A longer text that goes on for a while'][Math.floor(random() * 5)];
}

/**
 * The file's text with `field` changed on some of its items: its value replaced (by another item's value of the same
 * field or a scalar), its line(s) deleted, or the field added where another item of the kind has it. IDs never change.
 */
export function mutateField(loaded: LoadedFile, field: string, random: Random): string {
  const text = loaded.file.source.text;
  const splices: Splice[] = [];
  for (const item of loaded.items) {
    if (item.node.start === item.node.end || text[item.node.start - 1] === '{') continue;
    const pair = item.node.pairs.find((p) => p.key.value === field);
    const roll = random();
    if (pair && pair.value && roll < 0.5) {
      splices.push({ start: pair.value.start, end: pair.value.end, text: replacement(text, loaded.items, item, field, random) });
    } else if (pair && roll < 0.8) {
      const start = lineStart(text, pair.key.start);
      const end = lineEnd(text, Math.max(pair.key.end, pair.value?.end ?? 0) - 1);
      if (/^\s*$/.test(text.slice(start, pair.key.start)) && item.node.pairs[0] !== pair) splices.push({ start, end, text: '' });
    } else if (!pair && roll < 0.5 && loaded.items.some((o) => o.kind === item.kind && o.node.pairs.some((q) => q.key.value === field))) {
      const value = replacement(text, loaded.items, item, field, random);
      const first = item.node.pairs[0].key;
      const indent = ' '.repeat(first.start - lineStart(text, first.start));
      const at = lineEnd(text, item.node.end - 1);
      splices.push({ start: at, end: at, text: `${at === text.length && !text.endsWith('\n') ? '\n' : ''}${indent}${field}: ${value}\n` });
    }
  }
  let out = text;
  for (const s of splices.sort((a, b) => b.start - a.start)) out = out.slice(0, s.start) + s.text + out.slice(s.end);
  return out;
}

/** Every field name written on an item of the files (the ID excepted). */
export function fieldsOf(loaded: readonly LoadedFile[]): string[] {
  return [...new Set(loaded.flatMap((l) => l.items.flatMap((i) => i.node.pairs.map((p) => String(p.key.value)))))].filter((f) => f !== 'id').sort();
}
