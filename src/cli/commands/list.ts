/** `aadsts list`: every catalog entry, grouped by category. */
import { listEntries } from "../../catalog/index.js";
import { FORMATS, renderList } from "../../render/index.js";
import { userCatalog } from "../catalogs.js";
import { type CliIO, type Command, EXIT_CODES, formatOf, parseCommandArgs, UsageError } from "../io.js";

const options = {
  format: { type: "string" },
  color: { type: "string", default: "auto" },
  catalog: { type: "string", multiple: true },
  help: { type: "boolean", short: "h" },
} as const;

const help = `Usage: aadsts list [options]

List every catalog entry, grouped by category: id, AADSTS codes, symbolic name, credentials, title.

Options:
  --format <F>    ${FORMATS.join(" | ")}  (default: ansi on a terminal, text when piped)
  --color <C>     auto | always | never
  --catalog <F>   list your own catalog file's entries too (repeatable)
  -h, --help      this help

Exit codes: 0 always, 2 usage error or invalid --catalog.
`;

async function run(io: CliIO, args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, options);
  if (positionals.length > 0) throw new UsageError("list takes no arguments");
  const format = formatOf(io, values, FORMATS);
  io.out(renderList(listEntries(await userCatalog(values.catalog)), { format }));
  return EXIT_CODES.ok;
}

export const listCommand: Command = { options, help, run };
