/** Microsoft's public page for one AADSTS code. Its own module: the core needs it without the catalog rules (and marked). */
export function lookupUrl(code: number): string {
  return `https://login.microsoftonline.com/error?code=${code}`;
}

/**
 * The line that ends most code entries' mitigations, linking Microsoft's page for the code. The generated
 * catalog leaves it out where a mitigation ends with it (encodeCatalog in scripts/lib/compile-catalog.ts) and
 * src/catalog/decode.ts puts it back: about 870 copies, 7 KB of the gzipped bundle.
 */
export function lookupLine(code: number): string {
  return `Microsoft's lookup: [AADSTS${code}](${lookupUrl(code)})`;
}

/**
 * How a stored mitigation ends, for the generated catalog: 1 when it ended with lookupLine(code), 2 when
 * with that line and a full stop; the mitigation is then stored without it.
 */
export type LookupTail = 1 | 2;

/** A mitigation without its closing lookup line for `code`, and how it ended (undefined: left whole). */
export function splitLookup(mitigation: string, code: number | undefined): [string, LookupTail?] {
  if (code === undefined) return [mitigation];
  const line = lookupLine(code);
  if (mitigation.endsWith(line)) return [mitigation.slice(0, -line.length), 1];
  if (mitigation.endsWith(`${line}.`)) return [mitigation.slice(0, -line.length - 1), 2];
  return [mitigation];
}

/** splitLookup's inverse. */
export function joinLookup(
  mitigation: string,
  code: number | undefined,
  tail: LookupTail | undefined,
): string {
  if (tail === undefined || code === undefined) return mitigation;
  return `${mitigation}${lookupLine(code)}${tail === 2 ? "." : ""}`;
}
