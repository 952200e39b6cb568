/**
 * `an asset`, `a zone`: the indefinite article for the item kinds and other lower-case English words the
 * tool puts in messages (chosen by the first letter, which is right for every such word it uses).
 */
export function withArticle(word: string): string {
  return `${/^[aeio]/i.test(word) ? 'an' : 'a'} ${word}`;
}
