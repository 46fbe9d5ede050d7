/** `aadsts search <WORDS…>`: catalog entries by plain words, best first. */
import { userCatalog } from "../catalogs.js";
import {
  type CliIO,
  type Command,
  EXIT_CODES,
  oneOf,
  parseCommandArgs,
  positiveInt,
  UsageError,
} from "../io.js";

const FORMATS = ["text", "json"] as const;

const options = {
  format: { type: "string", default: "text" },
  limit: { type: "string" },
  catalog: { type: "string", multiple: true },
  help: { type: "boolean", short: "h" },
} as const;

const help = `Usage: aadsts search <WORDS…> [options]

Find catalog entries by plain words, best first: titles, symbolic names, Entra's own messages,
topics and descriptions. Typos and word forms are tolerated ("redirct uri mismatch").

Options:
  --format <F>    ${FORMATS.join(" | ")}  (default text: id, codes and title, one per line)
  --limit <N>     how many entries to show (default 10)
  --catalog <F>   search your own catalog file too (repeatable)
  -h, --help      this help

Exit codes: 0 found, 1 nothing matches, 2 usage error or invalid --catalog.
`;

async function run(io: CliIO, args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, options, ["limit"]);
  const format = oneOf(values.format, FORMATS, "search format");
  const limit = positiveInt(values.limit, "--limit") ?? 10;
  if (positionals.length === 0) throw new UsageError("search needs words to look for");
  const { search } = await import("../../catalog/search.js");
  const results = search(positionals.join(" "), { catalog: await userCatalog(values.catalog), limit });
  if (format === "json") io.out(`${JSON.stringify(results, null, 2)}\n`);
  else if (results.length === 0) io.err("aadsts: nothing in the catalog matches those words.\n");
  else
    for (const r of results)
      io.out(
        `${r.id.padEnd(40)} ${r.codes.length > 0 ? `AADSTS${r.codes.join(", AADSTS")}  ` : ""}${r.title}\n`,
      );
  return results.length > 0 ? EXIT_CODES.ok : EXIT_CODES.notRecognised;
}

export const searchCommand: Command = { options, help, run };
