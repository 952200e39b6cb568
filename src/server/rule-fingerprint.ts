import type { ReviewLock } from '../core/codelinks/review-lock';
import type { CodeFileIndex } from '../core/codelinks/model';

/**
 * Everything of one file's index a rule can read, except the code hashes of links the review lock does not
 * hold (they only matter against a lock entry). Positions are included: findings carry them. Equal
 * fingerprints before and after an edit mean every rule result is unchanged.
 */
export class RuleFingerprints {
  private readonly cache = new WeakMap<CodeFileIndex, string>();

  of(idx: CodeFileIndex | undefined, lock: ReviewLock): string {
    if (!idx) return '';
    const cached = this.cache.get(idx);
    if (cached !== undefined) return cached;
    const locked = new Set(lock.links.map((l) => `${l.id}\n${l.relation}\n${l.file}\n${l.symbol}`));
    const links = idx.links.map((l) => (locked.has(`${l.id}\n${l.relation}\n${l.file}\n${l.symbol}`) ? l : { ...l, codeHash: '' }));
    const symbols = idx.symbols.map((sym) => ({ ...sym, codeHash: '' }));
    const fp = JSON.stringify([idx.language, idx.tags, idx.orphanTags, idx.exclusions, idx.problems, links, symbols]);
    this.cache.set(idx, fp);
    return fp;
  }
}

/** The file's links as the model rules see them: which IDs link which symbols how. */
export function linkSet(idx: CodeFileIndex | undefined): string {
  return JSON.stringify((idx?.links ?? []).map((l) => [l.id, l.relation, l.symbol]).sort());
}
