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
 * ## What is left out, and why
 *
 * Every runtime name exported here is a semver promise, so the entry holds only what an application
 * calls (at most 25 names; test/api.test.ts checks the exact list through the built package). Left out:
 *
 * - The matcher's score table and helpers (`SCORES`, `MAX_BONUS`, `hasSignal`, `adviceSdk`, `entryView`):
 *   tuning data that changes whenever ranking improves. `Match.score`, `reasons` and `confidence` say
 *   what a caller needs about a ranking.
 * - The matcher's indexes (`PhraseIndex`, `IndexedEntry`): built per catalog and kept out of `Catalog`,
 *   which is a plain set of lookups.
 * - The zod schemas (`ParsedAuthErrorSchema`, `EntraErrorBodySchema`, `UserEntrySchema`,
 *   `CatalogEntrySourceSchema`): build-time and parse-time checks. Exporting them would make the zod
 *   version part of the API; the TypeScript types below describe the same shapes.
 * - `createCatalog`: it takes entries already validated; `loadCatalog` is the checked way in.
 * - `exportRows` (`exportCatalog` gives the same rows as CSV, JSON lines or PowerShell) and
 *   `MAX_INPUT_LENGTH` (the documented default of `ParseOptions.maxLength`).
 * - The render model and per-format renderers: `render` and `renderEntry` take a `format`.
 *
 * @module aadsts
 */
export {
  type Catalog,
  defaultCatalog,
  type EntryId,
  listEntries,
  lookup,
  lookupAll,
} from "./catalog/index.js";
export { type SearchOptions, type SearchResult, search } from "./catalog/search.js";
export { CatalogLoadError, type LoadCatalogOptions, loadCatalog } from "./catalog/user.js";
export { type ExplainOptions, explain, summarize } from "./explain.js";
export { EXPORT_FORMATS, type ExportFormat, exportCatalog } from "./export.js";
export { type MatchOptions, match } from "./match/index.js";
export { type ParseOptions, parse } from "./parse/index.js";
export { REDACTED, type RedactResult, redact } from "./redact.js";
export { FORMATS, type Format, type RenderOptions, render, renderEntry } from "./render/index.js";
export { type Hit, type ScanOptions, type ScanSummary, scan, scanAll } from "./scan/index.js";
export {
  type CatalogEntry,
  type Cause,
  type ChainStep,
  type Confidence,
  type EntryMatch,
  type Explanation,
  type Link,
  type Match,
  type ParsedAuthError,
  type Retryable,
  SDKS,
  type Sdk,
  type UserEntry,
} from "./schema.js";
export { type SerializedAuthFailure, type SerializedError, serializeError } from "./serialize.js";
