/**
 * The catalog as lookup tables for log engines that join at query time: a CSV for a Sentinel watchlist or
 * a Splunk lookup, a KQL `datatable` with a join example, and JSON lines for an Elastic enrich index.
 * One row per code (a code's credential-specific entries go in the `variants` column), so a join on the
 * bare code (`SigninLogs.ResultType` and similar fields) never multiplies rows.
 */
import { type Catalog, defaultCatalog } from "./catalog/index.js";
import { lookupUrl } from "./catalog/lookup-url.js";
import { PATTERNS } from "./patterns.js";
import type { CatalogEntry, Retryable } from "./schema.js";

/** The formats {@link exportCatalog} writes. */
export const EXPORT_FORMATS = ["csv", "kql", "json"] as const;
/** One of {@link EXPORT_FORMATS}. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * One row of the catalog export: one AADSTS code, for log tools to join on. The code's primary entry (the
 * one with no credential restriction, else the first) fills the columns; entries written for particular
 * credentials are listed in `variants`, so a join on `code` never multiplies rows.
 */
export interface ExportRow {
  code: number;
  name: string;
  id: string;
  title: string;
  /** The credentials the primary entry is written for (space-separated; empty: any). */
  credentials: string;
  category: string;
  actor: string;
  retryable: Retryable;
  userFixable: string;
  /** "low" when the entry rests on thin evidence. */
  confidence: string;
  description: string;
  /** Entra's message template for the code, where one is published. */
  message: string;
  /** The first documentation link of the entry, else Microsoft's lookup page for the code. */
  docs: string;
  lookup: string;
  /** Other entries for this code, each `id (Credential …)`, separated by "; ". */
  variants: string;
}

/** The catalog as rows, one per AADSTS code it explains, in code order. */
export function exportRows(catalog: Catalog = defaultCatalog): ExportRow[] {
  const codes = new Set<number>();
  const entries: readonly CatalogEntry[] = catalog.entries;
  for (const e of entries) for (const code of e.match.codes) codes.add(code);
  const rows: ExportRow[] = [];
  for (const code of [...codes].sort((a, b) => a - b)) {
    const all = catalog.byCode(code);
    const [e, ...others] = all;
    if (!e) continue;
    const lookup = lookupUrl(code);
    rows.push({
      code,
      name: e.name ?? "",
      id: e.id,
      title: e.title,
      credentials: e.match.credentials.join(" "),
      category: e.category,
      actor: e.actor,
      retryable: e.retryable,
      userFixable: e.userFixable ?? "",
      confidence: e.confidence ?? "",
      description: e.description,
      message: all.find((x) => x.message)?.message ?? "",
      docs: e.links.find((l) => !l.url.startsWith("https://login.microsoftonline.com/error"))?.url ?? lookup,
      lookup,
      variants: others.map((o) => `${o.id} (${o.match.credentials.join(" ")})`).join("; "),
    });
  }
  return rows;
}

const COLUMNS: Array<keyof ExportRow> = [
  "code",
  "name",
  "id",
  "title",
  "credentials",
  "category",
  "actor",
  "retryable",
  "userFixable",
  "confidence",
  "description",
  "message",
  "docs",
  "lookup",
  "variants",
];

/** RFC 4180: quote a field holding a comma, quote or line break, doubling its quotes. */
function csvField(v: unknown): string {
  const s = String(v);
  return PATTERNS.csvSpecial.test(s) ? `"${s.split('"').join('""')}"` : s;
}

/** A KQL verbatim string: no escapes, quotes doubled; line breaks become spaces. */
function kqlString(v: string): string {
  return `@"${v.replace(PATTERNS.lineBreaks, " ").split('"').join('""')}"`;
}

const KQL_TYPES: Record<keyof ExportRow, string> = {
  code: "int",
  name: "string",
  id: "string",
  title: "string",
  credentials: "string",
  category: "string",
  actor: "string",
  retryable: "string",
  userFixable: "string",
  confidence: "string",
  description: "string",
  message: "string",
  docs: "string",
  lookup: "string",
  variants: "string",
};

/**
 * For logs that carry the error as text (AppTraces, ContainerLogV2, AzureDiagnostics, a custom table):
 * a function that takes any table with a string `Message` column, pulls the first AADSTS code out of it
 * and joins the catalog. `contains` is a cheap filter before the regex; an unknown code keeps its row and
 * gets Microsoft's lookup page as `docs`.
 */
const KQL_FREE_TEXT = `// Free-text logs: any table with a string column named Message (rename or convert yours first).
// AppTraces | invoke AadstsFailures() | project TimeGenerated, AppRoleName, AadstsCode, title, actor, retryable, docs
// ContainerLogV2 | extend Message = tostring(LogMessage) | invoke AadstsFailures() | summarize count() by AadstsCode, title
// AzureDiagnostics | extend Message = tostring(column_ifexists("Message", "")) | invoke AadstsFailures()
let AadstsFailures = (T:(Message:string)) {
    T
    | where Message contains "AADSTS"
    | extend AadstsCode = toint(extract(@"AADSTS(\\d{4,8})\\b", 1, Message))
    | where isnotnull(AadstsCode)
    | join kind=leftouter (AadstsCatalog) on $left.AadstsCode == $right.code
    | extend docs = iff(isempty(docs), strcat("https://login.microsoftonline.com/error?code=", tostring(AadstsCode)), docs)
};`;

/** The catalog as CSV, a KQL `datatable` (for Azure Monitor and Sentinel joins) or JSON. */
export function exportCatalog(format: ExportFormat, catalog: Catalog = defaultCatalog): string {
  const rows = exportRows(catalog);
  switch (format) {
    case "csv":
      return `${[COLUMNS.join(","), ...rows.map((r) => COLUMNS.map((c) => csvField(r[c])).join(","))].join("\r\n")}\r\n`;
    case "json":
      return rows.map((r) => JSON.stringify(r)).join("\n") + (rows.length > 0 ? "\n" : "");
    case "kql": {
      const header = COLUMNS.map((c) => `${c}:${KQL_TYPES[c]}`).join(", ");
      const body = rows
        .map((r) =>
          COLUMNS.map((c) => {
            const v = r[c];
            return typeof v === "number" ? String(v) : kqlString(String(v));
          }).join(", "),
        )
        .map((line) => `  ${line},`)
        .join("\n");
      return `// aadsts catalog: ${rows.length} rows. Join on the bare AADSTS code, e.g. SigninLogs.ResultType.
let AadstsCatalog = datatable(${header}) [
${body}
];
${KQL_FREE_TEXT}
SigninLogs
| where ResultType != "0"
| extend code = toint(ResultType)
| join kind=leftouter (AadstsCatalog) on code
| project TimeGenerated, UserPrincipalName, AppDisplayName, code, title, actor, retryable, docs
`;
    }
  }
}
