/**
 * The fields that the built-in catalog stores as an index into a list of their values (the `enums` of
 * src/generated/catalog-tables.ts). Its own module with no imports, so the build can read it without
 * loading the generated tables it is about to write.
 */
export const ENUM_FIELDS = ["kind", "category", "actor", "retryable", "userFixable", "confidence", "topic"];
