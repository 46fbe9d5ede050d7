/** `aadsts explain [TEXT | -]`: parse, match and render one error. */
import { statSync } from "node:fs";
import { PATTERNS } from "../../patterns.js";
import { FORMATS, render } from "../../render/index.js";
import { userCatalog } from "../catalogs.js";
import {
  type CliIO,
  type Command,
  EXIT_CODES,
  formatOf,
  parseCommandArgs,
  positiveInt,
  sdkOption,
  UsageError,
} from "../io.js";

const options = {
  format: { type: "string" },
  color: { type: "string", default: "auto" },
  limit: { type: "string" },
  "no-redact": { type: "boolean" },
  sdk: { type: "string" },
  catalog: { type: "string", multiple: true },
  help: { type: "boolean", short: "h" },
} as const;

const help = `Usage: aadsts explain [TEXT | -] [options]

Explain an authentication error: the error text from any Azure SDK, a token endpoint JSON body,
or plain 'AADSTSnnnn: ...' text. With no TEXT, or with -, the text is read from stdin; to explain
a file, redirect it: aadsts explain < error.txt (a lone argument naming a file is refused, so a
file name is never explained as if it were the error).
Secrets in the input (tokens, client secrets, passwords, SAS signatures) are redacted from the output.

Options:
  --format <F>    ${FORMATS.join(" | ")}  (default: ansi on a terminal, text when piped)
  --color <C>     auto | always | never
  --limit <N>     how many matches to show (default 5)
  --no-redact     keep secrets in the parsed fields (never do this for output you share)
  --sdk <SDK>     give that SDK's version of the advice (default: the SDK the error came from)
  --catalog <F>   add your own entries from a YAML file, or override built-in ones (repeatable)
  -h, --help      this help

Examples:
  aadsts explain "AADSTS7000215: Invalid client secret provided."
  go test ./... 2>&1 | aadsts explain --format json
  aadsts explain < error.txt

Exit codes: 0 explained, 1 nothing recognised, 2 usage error or invalid --catalog, 3 input could not
be read.
`;

/** A lone argument that names a file or directory: the user meant to redirect it. */
function namesAPath(arg: string): "file" | "directory" | undefined {
  if (arg.includes("\n")) return undefined;
  try {
    const st = statSync(arg, { throwIfNoEntry: false });
    return st?.isDirectory() ? "directory" : st ? "file" : undefined;
  } catch {
    return undefined;
  }
}

async function run(io: CliIO, args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, options, ["limit"]);
  const format = formatOf(io, values, FORMATS);
  const limit = positiveInt(values.limit, "--limit");
  const sdk = sdkOption(values.sdk);
  if (positionals.includes("-") && positionals.length > 1)
    throw new UsageError("'-' reads the error from stdin and takes no other text; give one or the other");
  const only = positionals.length === 1 ? (positionals[0] as string) : undefined;
  const path = only !== undefined && only !== "-" ? namesAPath(only) : undefined;
  if (path)
    throw new UsageError(
      path === "file"
        ? `'${only}' is a file; did you mean 'aadsts explain < ${only}'?`
        : `'${only}' is a directory, not an error text`,
    );
  let text: string;
  if (positionals.length === 0 || only === "-") {
    if (io.stdinIsTTY) io.err("aadsts: paste the error, then press Ctrl-D (Ctrl-Z Enter on Windows)\n");
    try {
      text = await io.readStdin();
    } catch (e) {
      io.err(`aadsts: cannot read stdin: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
      return EXIT_CODES.io;
    }
  } else {
    text = positionals.join(" ");
  }
  // Loaded here: the parser pulls in zod, which help and usage errors do not need.
  const { explain } = await import("../../explain.js");
  const bare = text.trim();
  if (PATTERNS.bareCode.test(bare))
    io.err(`aadsts: '${bare}' is a bare code, not an error text; 'aadsts lookup ${bare}' shows its entry.\n`);
  const catalog = await userCatalog(values.catalog);
  const ex = explain(text, {
    catalog,
    redact: !values["no-redact"],
    ...(limit ? { limit } : {}),
    ...(sdk ? { sdk } : {}),
  });
  io.out(render(ex, { format, catalog }));
  return ex.matches.length > 0 ? EXIT_CODES.ok : EXIT_CODES.notRecognised;
}

export const explainCommand: Command = { options, help, run };
