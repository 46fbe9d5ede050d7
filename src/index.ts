/**
 * aadsts: explain Microsoft Entra ID (Azure AD) authentication failures.
 *
 * parse → match → explain → render. Everything exported here is pure and runs in browsers too; the raw
 * catalog data is also available alone from `aadsts/catalog`.
 *
 * @example
 * ```ts
 * import { explain, render } from "aadsts";
 *
 * try {
 *   await credential.getToken("https://vault.azure.net/.default");
 * } catch (err) {
 *   console.error(render(explain(err), { format: "text" }));
 * }
 * ```
 *
 * @module aadsts
 */
export {
  type Catalog,
  createCatalog,
  defaultCatalog,
  type EntryId,
  listEntries,
  lookup,
  lookupAll,
} from "./catalog/index.js";
export { type SearchOptions, type SearchResult, search } from "./catalog/search.js";
export { CatalogLoadError, type LoadCatalogOptions, loadCatalog } from "./catalog/user.js";
export { type ExplainOptions, explain, summarize } from "./explain.js";
export { EXPORT_FORMATS, type ExportFormat, type ExportRow, exportCatalog, exportRows } from "./export.js";
export {
  adviceSdk,
  entryView,
  hasSignal,
  MAX_BONUS,
  type MatchOptions,
  match,
  SCORES,
} from "./match/index.js";
export { MAX_INPUT_LENGTH, type ParseOptions, parse } from "./parse/index.js";
export { REDACTED, type RedactResult, redact } from "./redact.js";
export { FORMATS, type Format, type RenderOptions, render, renderEntry } from "./render/index.js";
export { type Hit, type ScanOptions, type ScanSummary, scan, scanAll } from "./scan/index.js";
export {
  type CatalogEntry,
  CatalogEntrySourceSchema,
  type Cause,
  type ChainStep,
  type Confidence,
  type EntraErrorBody,
  EntraErrorBodySchema,
  type EntryMatch,
  type Explanation,
  type Link,
  type Match,
  type ParsedAuthError,
  ParsedAuthErrorSchema,
  type Retryable,
  SDKS,
  type Sdk,
  type UserEntry,
  UserEntrySchema,
} from "./schema.js";
export { type SerializedAuthFailure, type SerializedError, serializeError } from "./serialize.js";
