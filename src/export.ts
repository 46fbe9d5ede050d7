/**
 * The catalog as lookup tables for log engines that join at query time: a CSV for a Sentinel watchlist or
 * a Splunk lookup, a KQL `datatable` with a join example, and JSON lines for an Elastic enrich index.
 * One row per (code, entry); `SigninLogs.ResultType` and similar fields hold the bare code.
 */
import { type Catalog, defaultCatalog } from "./catalog/index.js";
import { PATTERNS } from "./patterns.js";
import type { CatalogEntry } from "./schema.js";

/** The formats {@link exportCatalog} writes. */
export const EXPORT_FORMATS = ["csv", "kql", "json"] as const;
/** One of {@link EXPORT_FORMATS}. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** One row of the catalog export: one AADSTS code with its entry, for log tools to join on. */
export interface ExportRow {
  code: number;
  name: string;
  id: string;
  title: string;
  credentials: string;
  category: string;
  actor: string;
  retryable: boolean;
  userFixable: string;
  description: string;
  /** The first documentation link of the entry, else Microsoft's lookup page for the code. */
  docs: string;
  lookup: string;
}

/** The catalog as rows, one per AADSTS code it explains. */
export function exportRows(catalog: Catalog = defaultCatalog): ExportRow[] {
  const rows: ExportRow[] = [];
  const entries: readonly CatalogEntry[] = catalog.entries;
  for (const e of entries) {
    for (const code of e.match.codes) {
      const lookup = `https://login.microsoftonline.com/error?code=${code}`;
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
        description: e.description,
        docs:
          e.links.find((l) => !l.url.startsWith("https://login.microsoftonline.com/error"))?.url ?? lookup,
        lookup,
      });
    }
  }
  rows.sort((a, b) => a.code - b.code || a.credentials.localeCompare(b.credentials));
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
  "description",
  "docs",
  "lookup",
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
  retryable: "bool",
  userFixable: "string",
  description: "string",
  docs: "string",
  lookup: "string",
};

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
            return typeof v === "number" ? String(v) : typeof v === "boolean" ? String(v) : kqlString(v);
          }).join(", "),
        )
        .map((line) => `  ${line},`)
        .join("\n");
      return `// aadsts catalog: ${rows.length} rows. Join on the bare AADSTS code, e.g. SigninLogs.ResultType.
let AadstsCatalog = datatable(${header}) [
${body}
];
SigninLogs
| where ResultType != "0"
| extend code = toint(ResultType)
| join kind=leftouter (AadstsCatalog) on code
| project TimeGenerated, UserPrincipalName, AppDisplayName, code, title, actor, retryable, docs
`;
    }
  }
}
