/**
 * The raw catalog, for tools that want the data without the parser or matcher: `import { entries } from "aadsts/catalog"`.
 *
 * Every entry was checked with zod when the package was built, and its Markdown links were extracted into
 * `links`. The same entries back `lookup()` and `match()` in the main entry point.
 *
 * @example
 * ```ts
 * import { entries } from "aadsts/catalog";
 *
 * const expiry = entries.find((e) => e.match.codes.includes(7000222));
 * console.log(expiry?.title); // "Expired client secret"
 * ```
 *
 * @module aadsts/catalog
 */
import { builtInEntries } from "./catalog/builtin.js";

export type { EntryId } from "./generated/catalog.js";

import type { CatalogEntry } from "./schema.js";

export type { CatalogEntry, Link } from "./schema.js";

/** Every catalog entry, in catalog order: the seed guide's rows first, then the other SDK guides, AADSTS codes and OAuth errors. */
export const entries: readonly CatalogEntry[] = builtInEntries();
