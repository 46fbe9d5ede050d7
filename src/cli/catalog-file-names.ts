/** The CLI build's catalog files in dist/: tsup.config.ts writes them, src/cli/catalog-files.ts reads them. */

/** The keys file: `{ keys: EntryKey[], parts: number[] }`, parts[i] naming the file of entry i's JSON text. */
export const KEYS_FILE = "catalog-keys.cjs";

/** One file of entries' JSON text, by id. */
export const partFile = (part: number): string => `catalog-part-${part}.cjs`;

/** A part file holds entries up to about this many bytes of text, so one lookup reads little. */
export const PART_BYTES = 48 * 1024;
