/**
 * The CLI as a function of its inputs: arguments, environment, terminal flags and I/O callbacks in,
 * an exit code out. main.ts binds it to the real process; tests call it directly or spawn the binary.
 */
import { parseArgs } from "node:util";
import { listEntries, lookupAll } from "../catalog/index.js";
import { EXPORT_FORMATS, type ExportFormat, exportCatalog } from "../export.js";
import { PATTERNS } from "../patterns.js";
import { FORMATS, type Format, render, renderEntry, renderList } from "../render/index.js";
import { escapeHtml } from "../render/markup.js";
import { SDKS, type Sdk } from "../vocab.js";
import { CatalogError, userCatalog } from "./catalogs.js";
import { COMMAND_HELP, EXIT_CODES, MAIN_HELP } from "./help.js";

export interface CliIO {
  argv: string[];
  env: Record<string, string | undefined>;
  stdoutIsTTY: boolean;
  stdinIsTTY: boolean;
  /** Read all of stdin (bounded by the caller). */
  readStdin(): Promise<string>;
  /** Stdin as a stream, for scan. */
  stdin?: AsyncIterable<Buffer>;
  stderrIsTTY?: boolean;
  out(text: string): void;
  err(text: string): void;
  version: string;
}

class UsageError extends Error {}

const COLORS = ["auto", "always", "never"] as const;
type Color = (typeof COLORS)[number];

/** The output format: explicit --format wins, except that colour off turns ansi into text. */
export function resolveFormat(
  format: string | undefined,
  color: Color,
  env: CliIO["env"],
  isTTY: boolean,
): Format {
  const colorOn =
    color === "always" ||
    (color === "auto" && isTTY && !env.NO_COLOR && env.TERM !== "dumb") ||
    (color === "auto" && !!env.FORCE_COLOR && env.FORCE_COLOR !== "0");
  if (format === undefined) return colorOn ? "ansi" : "text";
  if (!(FORMATS as readonly string[]).includes(format))
    throw new UsageError(`unknown format '${format}' (expected ${FORMATS.join(", ")})`);
  if (format === "ansi" && color === "never") return "text";
  return format as Format;
}

const COMMON_OPTIONS = {
  format: { type: "string" },
  catalog: { type: "string", multiple: true },
  color: { type: "string", default: "auto" },
  help: { type: "boolean", short: "h" },
} as const;

const EXPLAIN_OPTIONS = {
  ...COMMON_OPTIONS,
  limit: { type: "string" },
  "no-redact": { type: "boolean" },
  sdk: { type: "string" },
} as const;

const LOOKUP_OPTIONS = { ...COMMON_OPTIONS, sdk: { type: "string" } } as const;

const SEARCH_OPTIONS = { ...COMMON_OPTIONS, limit: { type: "string" } } as const;

function sdkOption(value: string | undefined): Sdk | undefined {
  if (value === undefined) return undefined;
  if ((SDKS as readonly string[]).includes(value)) return value as Sdk;
  throw new UsageError(`unknown sdk '${value}' (expected ${SDKS.join(", ")})`);
}

/** node:util parseArgs, with its errors turned into usage errors. */
function parseCommandArgs<O extends typeof COMMON_OPTIONS | typeof EXPLAIN_OPTIONS | typeof SEARCH_OPTIONS>(
  args: string[],
  options: O,
) {
  try {
    return parseArgs({ args, allowPositionals: true, strict: true, options });
  } catch (e) {
    throw new UsageError((e as Error).message.split("\n")[0] ?? "invalid arguments");
  }
}

function colorOption(value: unknown): Color {
  if (typeof value === "string" && (COLORS as readonly string[]).includes(value)) return value as Color;
  throw new UsageError(`unknown color mode '${String(value)}' (expected ${COLORS.join(", ")})`);
}

async function cmdExplain(io: CliIO, args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, EXPLAIN_OPTIONS);
  if (values.help) {
    io.out(COMMAND_HELP.explain ?? "");
    return EXIT_CODES.ok;
  }
  const format = resolveFormat(values.format, colorOption(values.color), io.env, io.stdoutIsTTY);
  let limit: number | undefined;
  if (values.limit !== undefined) {
    limit = Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1)
      throw new UsageError(`--limit must be a positive integer, not '${values.limit}'`);
  }
  let text: string;
  if (positionals.length === 0 || (positionals.length === 1 && positionals[0] === "-")) {
    if (io.stdinIsTTY) io.err("aadsts: paste the error, then press Ctrl-D (Ctrl-Z Enter on Windows)\n");
    try {
      text = await io.readStdin();
    } catch (e) {
      io.err(`aadsts: cannot read stdin: ${(e as Error).message}\n`);
      return EXIT_CODES.io;
    }
  } else {
    text = positionals.join(" ");
  }
  if (PATTERNS.bareCode.test(text.trim()))
    io.err(
      `aadsts: '${text.trim()}' is a bare code, not an error text; 'aadsts lookup ${text.trim()}' shows its entry.\n`,
    );
  // Loaded on demand: the parser pulls in zod, which lookup and list do not need (cold start).
  const { explain } = await import("../explain.js");
  const sdk = sdkOption(values.sdk);
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

async function cmdLookup(io: CliIO, args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, LOOKUP_OPTIONS);
  if (values.help) {
    io.out(COMMAND_HELP.lookup ?? "");
    return EXIT_CODES.ok;
  }
  const format = resolveFormat(values.format, colorOption(values.color), io.env, io.stdoutIsTTY);
  if (positionals.length !== 1) throw new UsageError("lookup takes exactly one code or id");
  const query = positionals[0] as string;
  const catalog = await userCatalog(values.catalog);
  const [entry, ...others] = lookupAll(query, catalog);
  if (!entry) {
    const { search } = await import("../catalog/search.js");
    const near = search(query, { catalog, limit: 3 });
    io.err(
      near.length > 0
        ? `aadsts: no catalog entry for '${query}'. Closest by search:\n${near.map((r) => `  ${r.id}  ${r.title}\n`).join("")}`
        : `aadsts: no catalog entry for '${query}'. Try 'aadsts search <words>' or 'aadsts list'.\n`,
    );
    return EXIT_CODES.notRecognised;
  }
  const sdk = sdkOption(values.sdk);
  let text = renderEntry(entry, { format, catalog, ...(sdk ? { sdk } : {}) });
  if (others.length > 0 && format !== "json") {
    const also = others
      .map((o) => `${o.id} (${o.match.credentials.join(", ") || "any credential"})`)
      .join(", ");
    text +=
      format === "html"
        ? `<p>Also for this code: ${escapeHtml(also)}</p>\n`
        : `\nAlso for this code: ${also}\n`;
  }
  io.out(text);
  return EXIT_CODES.ok;
}

async function cmdList(io: CliIO, args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, COMMON_OPTIONS);
  if (values.help) {
    io.out(COMMAND_HELP.list ?? "");
    return EXIT_CODES.ok;
  }
  if (positionals.length > 0) throw new UsageError("list takes no arguments");
  const format = resolveFormat(values.format, colorOption(values.color), io.env, io.stdoutIsTTY);
  io.out(renderList(listEntries(await userCatalog(values.catalog)), { format }));
  return EXIT_CODES.ok;
}

async function cmdSearch(io: CliIO, args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, SEARCH_OPTIONS);
  if (values.help) {
    io.out(COMMAND_HELP.search ?? "");
    return EXIT_CODES.ok;
  }
  if (positionals.length === 0) throw new UsageError("search needs words to look for");
  const format = values.format ?? "text";
  if (format !== "text" && format !== "json")
    throw new UsageError(`unknown search format '${format}' (expected text, json)`);
  let limit = 10;
  if (values.limit !== undefined) {
    limit = Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1)
      throw new UsageError(`--limit must be a positive integer, not '${values.limit}'`);
  }
  const { search } = await import("../catalog/search.js");
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

async function cmdExport(io: CliIO, args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, COMMON_OPTIONS);
  if (values.help) {
    io.out(COMMAND_HELP.export ?? "");
    return EXIT_CODES.ok;
  }
  if (positionals.length > 0) throw new UsageError("export takes no arguments");
  const format = values.format ?? "csv";
  if (!(EXPORT_FORMATS as readonly string[]).includes(format))
    throw new UsageError(`unknown export format '${format}' (expected ${EXPORT_FORMATS.join(", ")})`);
  io.out(exportCatalog(format as ExportFormat, await userCatalog(values.catalog)));
  return EXIT_CODES.ok;
}

export async function run(io: CliIO): Promise<number> {
  const [command, ...rest] = io.argv;
  try {
    switch (command) {
      case undefined:
      case "-h":
      case "--help":
      case "help":
        if (command === "help" && rest[0] && COMMAND_HELP[rest[0]]) io.out(COMMAND_HELP[rest[0]] as string);
        else io.out(MAIN_HELP);
        return command === undefined ? EXIT_CODES.usage : EXIT_CODES.ok;
      case "-v":
      case "--version":
        io.out(`${io.version}\n`);
        return EXIT_CODES.ok;
      case "explain":
        return await cmdExplain(io, rest);
      case "lookup":
        return await cmdLookup(io, rest);
      case "list":
        return await cmdList(io, rest);
      case "export":
        return await cmdExport(io, rest);
      case "search":
        return await cmdSearch(io, rest);
      case "scan": {
        // Loaded on demand: scanning pulls in the parser (and zod), which lookup and list never need.
        const { cmdScan, ScanUsageError } = await import("./scan-command.js");
        try {
          return await cmdScan(io, rest, COMMAND_HELP.scan ?? "");
        } catch (e) {
          throw e instanceof ScanUsageError ? new UsageError(e.message) : e;
        }
      }
      default:
        throw new UsageError(`unknown command '${command}'`);
    }
  } catch (e) {
    if (e instanceof CatalogError) {
      io.err(`aadsts: ${e.message}\n`);
      return EXIT_CODES.usage;
    }
    if (e instanceof UsageError) {
      io.err(`aadsts: ${e.message}. Run 'aadsts --help' for usage.\n`);
      return EXIT_CODES.usage;
    }
    io.err(`aadsts: internal error: ${(e as Error)?.message ?? String(e)}\n`);
    return EXIT_CODES.io;
  }
}
