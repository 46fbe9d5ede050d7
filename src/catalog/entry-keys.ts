/**
 * The ids the generated module's ENTRY_KEYS leaves out: most code entries are called "aadsts-" and their
 * first code, and the module writes 0 for those ids (2.7 KB of the gzipped bundle). No imports, so the
 * generated module can call it at load.
 */

/** The id a code entry has by default: "aadsts-" and its first code ("" without codes). */
export function codeEntryId(codes: readonly number[]): string {
  return codes.length > 0 ? `aadsts-${codes[0]}` : "";
}

/** ENTRY_KEYS as the generated module writes it, with each id written 0 put back. */
export function withCodeIds<K extends readonly [string | 0, string, readonly number[], 0 | 1]>(
  keys: readonly K[],
): readonly [string, string, readonly number[], 0 | 1][] {
  return keys.map(([id, name, codes, restricted]) => [
    id === 0 ? codeEntryId(codes) : id,
    name,
    codes,
    restricted,
  ]);
}
