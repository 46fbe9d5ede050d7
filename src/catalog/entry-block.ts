/**
 * Which block of the generated module holds an entry's JSON text. The build and the run time both call this,
 * so it has no imports. The block follows the id, not the entry's position, so adding an entry changes only
 * its own block; and it groups entries the way data/codes-<first digit>.yaml does, so neighbours stay alike
 * and the bundle compresses as well as one list would.
 */
export const ENTRY_BLOCK_COUNT = 10;

/** Block 1–9: `aadsts-<code>` entries by the code's first digit. Block 0: every other entry. */
export function entryBlock(id: string): number {
  if (!id.startsWith("aadsts-")) return 0;
  const digit = id.charCodeAt(7) - 48;
  return digit >= 1 && digit <= 9 ? digit : 0;
}
