/**
 * Rules that need git dates (TM007) show them in their examples as a pseudo-file named `git log`: one
 * `path YYYY-MM-DD` line per file, the date of the file's last commit. The example harness turns it into
 * `fileDates`, as a host reads them from git.
 */
export const GIT_LOG_EXAMPLE = 'git log';

export function exampleFileDates(text: string): Map<string, number> {
  const dates = new Map<string, number>();
  for (const line of text.split('\n')) {
    const m = /^(\S+)\s+(\d{4}-\d{2}-\d{2})\s*$/.exec(line);
    if (m) dates.set(m[1], Date.parse(`${m[2]}T00:00:00Z`));
  }
  return dates;
}
