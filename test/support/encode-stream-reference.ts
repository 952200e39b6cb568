/**
 * The number-stream encoder of the code-index cache as it was before it wrote bytes into a reused buffer
 * (src/node/codeindex/number-stream.ts, `encodeStream`): kept as the reference its differential test compares with.
 */
export function encodeStreamReference(numbers: readonly number[]): string {
  const codes: number[] = [];
  const lead: number[] = [];
  for (const n of numbers) {
    const u = n + 1;
    if (u < 44) {
      codes.push(0x30 + u);
      continue;
    }
    const last = u % 44;
    let rest = (u - last) / 44;
    while (rest > 0) {
      const d = rest % 34;
      lead.push(0x5d + d);
      rest = (rest - d) / 34;
    }
    while (lead.length) codes.push(lead.pop()!);
    codes.push(0x30 + last);
  }
  let text = '';
  for (let at = 0; at < codes.length; at += 4096) text += String.fromCharCode(...codes.slice(at, at + 4096));
  return text;
}
