// @spdf implements SPDF-FC-TAGS
import { RELATIONS } from '../model';

/**
 * The spell-outs one edit away from the tag marker `spdf` (a letter changed, left out, added, or two neighbours
 * swapped: `spfd`, `sdpf`, `spd`, `spdff`), in lower case. The marker itself, in any case, is CL011's.
 */
const NEAR_MISSES: ReadonlySet<string> = (() => {
  const marker = 'spdf';
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const out = new Set<string>();
  for (let i = 0; i <= marker.length; i++) {
    if (i < marker.length) out.add(marker.slice(0, i) + marker.slice(i + 1));
    if (i < marker.length - 1) out.add(marker.slice(0, i) + marker[i + 1] + marker[i] + marker.slice(i + 2));
    for (const c of letters) {
      out.add(marker.slice(0, i) + c + marker.slice(i));
      if (i < marker.length) out.add(marker.slice(0, i) + c + marker.slice(i + 1));
    }
  }
  out.delete(marker);
  return out;
})();

/** Whether `word` (the letters after an at sign) is the marker misspelt by one edit. */
export function isNearMissMarker(word: string): boolean {
  return NEAR_MISSES.has(word.toLowerCase());
}

/** The relations the spdf parser knows, as they follow a marker. */
const RELATION_WORDS = RELATIONS.join('|');

/**
 * An at sign, three to five letters and a relation the parser knows (`@spfd implements`): where a near miss can
 * be. The prefilter (prefilter.ts) lets a text that holds one through; the scanner then checks the letters.
 */
export const NEAR_MISS_CANDIDATE = new RegExp(String.raw`@([A-Za-z]{3,5})[ \t]+(?:${RELATION_WORDS})\b`, 'g');

/** The near misses in `text`: where each starts (at its at sign) and the letters written. */
export function nearMissMarkers(text: string): { start: number; word: string }[] {
  if (!text.includes('@')) return [];
  const found: { start: number; word: string }[] = [];
  const re = new RegExp(NEAR_MISS_CANDIDATE.source, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    // An e-mail address or a path (`qa@spd implements`) is no marker, nor is one quoted as an example in backticks.
    if (m.index > 0 && /[\w.@/`-]/.test(text[m.index - 1])) continue;
    if (isNearMissMarker(m[1])) found.push({ start: m.index, word: m[1] });
  }
  return found;
}
