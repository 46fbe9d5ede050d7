/**
 * `aadsts lookup <CODE | ID | NAME>`: one catalog entry. This is the cold-start path: it loads the catalog's
 * code index, the entry it prints and the renderer, not the parser or the matcher's indexes.
 */
import { lookupAll } from "../../catalog/index.js";
import { FORMATS, type Format, renderEntry } from "../../render/index.js";
import { escapeHtml } from "../../render/markup.js";
import { userCatalog } from "../catalogs.js";
import {
  type CliIO,
  type Command,
  EXIT_CODES,
  formatOf,
  parseCommandArgs,
  sdkOption,
  UsageError,
} from "../io.js";

const options = {
  format: { type: "string" },
  color: { type: "string", default: "auto" },
  sdk: { type: "string" },
  catalog: { type: "string", multiple: true },
  help: { type: "boolean", short: "h" },
} as const;

const help = `Usage: aadsts lookup <CODE | AADSTSCODE | ID | NAME> [options]

Show one catalog entry by AADSTS code (7000215 or AADSTS7000215), by entry id
(client-secret-invalid) or by symbolic name (InvalidUserNameOrPassword). Where a code has one
entry per credential, the most general is shown and the others are listed under it.

Options:
  --format <F>    ${FORMATS.join(" | ")}  (default: ansi on a terminal, text when piped)
  --color <C>     auto | always | never
  --sdk <SDK>     show that SDK's version of the advice (go, js, python, dotnet, java, …)
  --catalog <F>   look in your own catalog file too (repeatable)
  -h, --help      this help

Exit codes: 0 found, 1 unknown code or id, 2 usage error or invalid --catalog.
`;

/** A line under the entry, in the medium of the format. */
function footnote(format: Format, text: string): string {
  return format === "html" ? `<p>${escapeHtml(text)}</p>\n` : `\n${text}\n`;
}

async function run(io: CliIO, args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, options);
  const format = formatOf(io, values, FORMATS);
  if (positionals.length !== 1) throw new UsageError("lookup takes exactly one code, id or name");
  const sdk = sdkOption(values.sdk);
  const query = positionals[0] as string;
  const catalog = await userCatalog(values.catalog);
  const [entry, ...others] = lookupAll(query, catalog);
  if (!entry) {
    const { search } = await import("../../catalog/search.js");
    const near = search(query, { catalog, limit: 3 });
    io.err(
      near.length > 0
        ? `aadsts: no catalog entry for '${query}'. Closest by search:\n${near.map((r) => `  ${r.id}  ${r.title}\n`).join("")}`
        : `aadsts: no catalog entry for '${query}'. Try 'aadsts search <words>' or 'aadsts list'.\n`,
    );
    return EXIT_CODES.notRecognised;
  }
  let text = renderEntry(entry, { format, catalog, ...(sdk ? { sdk } : {}) });
  if (format !== "json") {
    // The symbolic name is what some logs print instead of the code (JSON output has it as `name`).
    if (entry.name) text += footnote(format, `Symbolic name: ${entry.name}`);
    if (others.length > 0) {
      const also = others
        .map((o) => `${o.id} (${o.match.credentials.join(", ") || "any credential"})`)
        .join(", ");
      text += footnote(format, `Also for this code: ${also}`);
    }
  }
  io.out(text);
  return EXIT_CODES.ok;
}

export const lookupCommand: Command = { options, help, run };
