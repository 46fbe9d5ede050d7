/**
 * The CLI build's catalog files in dist/: tsup.config.ts writes them, src/cli/catalog-files.ts reads them.
 * They are JSON, read with JSON.parse: several times faster to load than the same data as a module.
 */

/** The keys file: `{ keys: EntryKey[], parts: number[] }`, parts[i] naming the file of entry i's JSON text. */
export const KEYS_FILE = "catalog-keys.json";

/** One file of entries' JSON text, by id. */
export const partFile = (part: number): string => `catalog-part-${part}.json`;

/** A part file holds entries up to about this many bytes of text, so one lookup reads little. */
export const PART_BYTES = 48 * 1024;
