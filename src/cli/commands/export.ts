/** `aadsts export`: the catalog as a lookup table for log engines. */
import { EXPORT_FORMATS, exportCatalog } from "../../export.js";
import { userCatalog } from "../catalogs.js";
import { type CliIO, type Command, EXIT_CODES, oneOf, parseCommandArgs, UsageError } from "../io.js";

const options = {
  format: { type: "string", default: "csv" },
  catalog: { type: "string", multiple: true },
  help: { type: "boolean", short: "h" },
} as const;

const help = `Usage: aadsts export [--format ${EXPORT_FORMATS.join("|")}] [--catalog FILE…]

Write the catalog as a lookup table keyed by AADSTS code, one row per code and entry, for log
engines that join at query time (Sentinel/Log Analytics SigninLogs.ResultType, Splunk, Elastic):
  csv    a CSV with a header row: a Sentinel watchlist or a Splunk lookup (default)
  kql    a KQL datatable named AadstsCatalog, followed by a ready-to-run join with SigninLogs
  json   JSON lines: an Elastic enrich index

Columns: code, name, id, title, credentials, category, actor, retryable, userFixable,
description, docs, lookup. With --catalog, your own entries and overrides are in the table.

Options:
  --format <F>    ${EXPORT_FORMATS.join(" | ")}  (default csv)
  --catalog <F>   your own catalog file's entries and overrides too (repeatable)
  -h, --help      this help

Exit codes: 0 written, 2 usage error or invalid --catalog.
`;

async function run(io: CliIO, args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, options);
  if (positionals.length > 0) throw new UsageError("export takes no arguments");
  const format = oneOf(values.format, EXPORT_FORMATS, "export format");
  io.out(exportCatalog(format, await userCatalog(values.catalog)));
  return EXIT_CODES.ok;
}

export const exportCommand: Command = { options, help, run };
