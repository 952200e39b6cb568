// @spdf implements SPDF-FC-NOLANG
import type { Position } from '../types';
import { LineIndex } from '../text';
import type { CompiledTagSyntaxes } from './tag-syntaxes';

/**
 * Extensions of programming languages the index has no grammar for. A tag written in such a file would link
 * nothing without a word, so these files are searched for tag text (documentation formats are not: they quote tags).
 */
export const SOURCE_EXTENSIONS_WITHOUT_GRAMMAR: ReadonlySet<string> = new Set(
  [
    ...['.kt', '.kts', '.swift', '.m', '.mm', '.scala', '.sc', '.groovy', '.dart', '.rb', '.php', '.pl', '.pm', '.lua'],
    ...['.r', '.jl', '.ex', '.exs', '.erl', '.hrl', '.hs', '.fs', '.fsx', '.vb', '.zig', '.nim', '.ml', '.mli', '.clj'],
    ...['.cljs', '.elm', '.sol', '.sh', '.bash', '.ps1', '.sql', '.proto', '.vhd', '.vhdl', '.v', '.sv', '.svh', '.s'],
    ...['.asm', '.f', '.f90', '.for', '.adb', '.ads', '.pas', '.cu', '.cuh', '.ino', '.pyx', '.pxd', '.vue', '.svelte'],
    // C++ sources under other names (inline and template implementation files, modules), read by mapping them to cpp.
    ...['.h++', '.hp', '.inl', '.ipp', '.tpp', '.txx', '.tcc', '.ixx', '.cppm', '.ccm', '.cxxm', '.c++m', '.pyw', '.bzl'],
    ...['.star', '.zsh', '.ksh', '.fish', '.bat', '.cmd', '.psm1', '.cmake', '.gradle', '.tf', '.hcl', '.tcl', '.awk'],
    ...['.coffee', '.cr', '.rkt', '.scm', '.lisp', '.el', '.vala', '.nasm', '.pde', '.glsl', '.hlsl', '.vert', '.frag'],
    ...['.metal', '.cl', '.ispc', '.qml', '.cshtml', '.razor', '.gd', '.hx', '.ada', '.cob', '.cbl', '.f77', '.f95'],
    ...['.f03', '.f08', '.cljc'],
  ].map((e) => e.toLowerCase()),
);

/** Where the first text of an enabled tag syntax (or a `code.tag_patterns` match) starts, and the line it is on. */
export function firstTagText(text: string, compiled: CompiledTagSyntaxes): { position: Position; line: string } | undefined {
  compiled.candidate.lastIndex = 0;
  const builtIn = compiled.candidate.exec(text);
  compiled.candidate.lastIndex = 0;
  const starts = [
    ...(builtIn ? [builtIn.index] : []),
    ...compiled.tagPatterns.flatMap((p) =>
      p.pattern
        .matches(text)
        .slice(0, 1)
        .map((m) => m.start),
    ),
  ];
  if (!starts.length) return undefined;
  const lines = new LineIndex(text);
  const position = lines.position(Math.min(...starts));
  const lineEnd = position.line + 1 < lines.starts.length ? lines.starts[position.line + 1] : text.length;
  return { position, line: text.slice(lines.starts[position.line], lineEnd).trim() };
}
