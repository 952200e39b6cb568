// @spdf implements SPDF-SBOM-READ, SPDF-CMD-REVIEW, SPDF-BASE-003, SPDF-CMD-IMPORT
/**
 * A JSON object may name a member twice, and readers disagree on which value counts (JSON.parse keeps the last,
 * others the first or refuse): a second `"components"` in an SBOM, `"links"` in the review lock or `"count"` in a
 * baseline entry would silently decide what the file says. Every JSON input spdf reads for the gate or an import is
 * scanned here.
 */

/** The first object member name written twice in one object of a valid JSON text (names compared after unescaping). */
export function duplicateName(text: string): { name: string; start: number; end: number } | undefined {
  const objects: (Set<string> | undefined)[] = [];
  let expectName = false;
  // Only quotes, brackets and commas matter: the scan jumps from one to the next (white space and literals skipped).
  const structural = /["{}[\],]/g;
  for (let m = structural.exec(text); m; m = structural.exec(text)) {
    const i = m.index;
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      // The closing quote: the next one after an even run of backslashes (the text is valid JSON).
      let j = text.indexOf('"', i + 1);
      for (;;) {
        let k = j - 1;
        while (text.charCodeAt(k) === 0x5c /* \ */) k--;
        if ((j - 1 - k) % 2 === 0) break;
        j = text.indexOf('"', j + 1);
      }
      if (expectName) {
        const raw = text.slice(i, j + 1);
        const name = raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
        const names = objects[objects.length - 1]!;
        if (names.has(name)) return { name: raw, start: i, end: j + 1 };
        names.add(name);
        expectName = false;
      }
      structural.lastIndex = j + 1;
    } else if (c === 0x7b /* { */) {
      objects.push(new Set());
      expectName = true;
    } else if (c === 0x5b /* [ */) objects.push(undefined);
    else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      objects.pop();
      expectName = false;
    } else expectName = objects[objects.length - 1] !== undefined; // a comma
  }
  return undefined;
}
