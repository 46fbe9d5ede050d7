/**
 * The shapes of the built-in catalog's stored form (src/catalog/decode.ts reads it back), and the fields
 * that it stores as an index into a list of their values (the `enums` of
 * src/generated/catalog-tables.ts). Its own module with no imports, so the build can read it without
 * loading the generated tables it is about to write, and the generated tables can name their type
 * without an import cycle.
 */
/** The fields stored as an index into a list of their values (CatalogTables.enums). */
export const ENUM_FIELDS = ["kind", "category", "actor", "retryable", "userFixable", "confidence", "topic"];

/** The lookup tables of the stored form, written by the build into src/generated/catalog-tables.ts. */
export interface CatalogTables {
  /** Per field stored as an index, its values. */
  readonly enums: Readonly<Record<string, readonly unknown[]>>;
  /** Guides: id and URL. A source's URL is by default the guide's URL, "#" and the section. */
  readonly guides: readonly (readonly [id: string, url: string])[];
  /** Link URLs that several entries link, written `](<urlMark><index in base 36>)`. */
  readonly urls: readonly string[];
  /** The character that starts a table URL, one the catalog's text never holds ("" when there is none). */
  readonly urlMark: string;
}

/** A stored source: guide index, section, row (0 none, 1 "AADSTS<first code>", or the row), URL if not derived. */
export type StoredSource = [guide: number, section: string, row: 0 | 1 | string, url?: string];
