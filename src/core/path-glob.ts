// @spdf implements SPDF-FC-LOAD
import type { PicomatchOptions } from 'picomatch';

/**
 * The options of every glob matched against workspace paths. `dot`: a glob reaches hidden files and folders too.
 * `flags: 's'`: picomatch compiles `**` to `.`, which does not match a line break, so a file whose name holds
 * `\n`, `\r`, U+2028 or U+2029 escaped `src/**` and was never read; with dotAll every character of a name matches.
 */
export const PATH_GLOB: PicomatchOptions = { dot: true, flags: 's' };
