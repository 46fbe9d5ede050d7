/** `aadsts list`: every catalog entry, grouped by category. */
import { listEntries } from "../../catalog/index.js";
import { entryView } from "../../match/index.js";
import { FORMATS, type Format } from "../../render/index.js";
import { escapeHtml, escapeMarkdown } from "../../render/markup.js";
import { ANSI } from "../../render/terminal.js";
import type { CatalogEntry } from "../../schema.js";
import { CATEGORIES } from "../../vocab.js";
import { userCatalog } from "../catalogs.js";
import {
  type CliIO,
  type Command,
  colorOption,
  EXIT_CODES,
  parseCommandArgs,
  resolveFormat,
  UsageError,
} from "../io.js";

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

/** The list in one format. (The one place the list is drawn: swap it for a shared renderer in one line.) */
function listText(entries: readonly CatalogEntry[], format: Format): string {
  if (format === "json")
    return `${JSON.stringify(
      entries.map((e) => entryView(e)),
      null,
      2,
    )}\n`;
  let out = "";
  // Grouped by category, in the order categories are declared; catalog order inside a group.
  const groups = CATEGORIES.map((c) => ({
    category: c,
    entries: entries.filter((e) => e.category === c),
  })).filter((g) => g.entries.length > 0);
  const codes = (codes: number[]) => codes.map((c) => `AADSTS${c}`).join(", ");
  const creds = (c: string[]) => c.join(", ") || "any";
  const meta = (e: CatalogEntry) =>
    [codes(e.match.codes), e.name ?? "", e.match.credentials.join(", ")].filter(Boolean).join(" · ");
  switch (format) {
    case "markdown":
      for (const g of groups) {
        out += `## ${g.category} (${g.entries.length})\n\n| Id | Codes | Name | Credentials | Title |\n| --- | --- | --- | --- | --- |\n`;
        for (const e of g.entries)
          out += `| \`${e.id}\` | ${codes(e.match.codes)} | ${escapeMarkdown(e.name ?? "")} | ${escapeMarkdown(creds(e.match.credentials))} | ${escapeMarkdown(e.title)} |\n`;
        out += "\n";
      }
      break;
    case "html":
      for (const g of groups) {
        out += `<h2>${escapeHtml(g.category)} (${g.entries.length})</h2>\n<table class="aadsts-list">\n<thead><tr><th scope="col">Id</th><th scope="col">Codes</th><th scope="col">Name</th><th scope="col">Credentials</th><th scope="col">Title</th></tr></thead>\n<tbody>\n`;
        for (const e of g.entries)
          out += `<tr><td><code>${escapeHtml(e.id)}</code></td><td>${codes(e.match.codes)}</td><td>${escapeHtml(e.name ?? "")}</td><td>${escapeHtml(creds(e.match.credentials))}</td><td>${escapeHtml(e.title)}</td></tr>\n`;
        out += "</tbody>\n</table>\n";
      }
      break;
    default: {
      const width = Math.min(48, Math.max(...entries.map((e) => e.id.length)));
      for (const g of groups) {
        const heading = `${g.category} (${g.entries.length})`;
        out += `${format === "ansi" ? ANSI.heading(heading) : heading}\n`;
        for (const e of g.entries) {
          const id = format === "ansi" ? ANSI.strong(e.id.padEnd(width)) : e.id.padEnd(width);
          const m = meta(e);
          out += `  ${id}  ${e.title}${m ? `  (${m})` : ""}\n`;
        }
        out += "\n";
      }
      out += `${entries.length} entries. 'aadsts lookup <id | code | name>' shows one.\n`;
    }
  }
  return out;
}

async function run(io: CliIO, args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, options);
  if (values.help) {
    io.out(help);
    return EXIT_CODES.ok;
  }
  if (positionals.length > 0) throw new UsageError("list takes no arguments");
  const format = resolveFormat<Format>(
    values.format,
    FORMATS,
    colorOption(values.color),
    io.env,
    io.stdoutIsTTY,
  );
  io.out(listText(listEntries(await userCatalog(values.catalog)), format));
  return EXIT_CODES.ok;
}

export const listCommand: Command = { options, help, run };
