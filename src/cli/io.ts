/**
 * What every CLI command shares: the I/O seam (CliIO), the usage error, the exit codes, and the argument
 * helpers. It imports nothing from the library but its vocabulary, so the dispatcher that loads it stays small (cold start).
 */
import { type ParseArgsConfig, parseArgs } from "node:util";
import { SDKS, type Sdk } from "../vocab.js";

/** The process as the commands see it: main.ts binds it to the real one, tests pass their own. */
export interface CliIO {
  argv: string[];
  env: Record<string, string | undefined>;
  stdoutIsTTY: boolean;
  stdinIsTTY: boolean;
  /** Read all of stdin (bounded by the caller). Rejects when stdin cannot be read (a directory, say). */
  readStdin(): Promise<string>;
  /** Stdin as a stream, for scan. */
  stdin?: AsyncIterable<Buffer>;
  stderrIsTTY?: boolean;
  out(text: string): void;
  /**
   * Write bytes already encoded as UTF-8 to stdout (scan's NDJSON), calling `written` once they are out
   * and the bytes may be overwritten; when absent, `out` gets them decoded. Returns a promise when stdout
   * is backed up (a pipe whose reader is behind): the caller waits for it before writing more.
   */
  outBytes?(bytes: Uint8Array, written: () => void): Promise<void> | undefined;
  err(text: string): void;
  version: string;
}

/** Exit codes, documented in the main help and the README. */
export const EXIT_CODES = {
  ok: 0,
  notRecognised: 1,
  /** `scan --fail-on-hit` found failures. */
  failuresFound: 1,
  usage: 2,
  io: 3,
} as const;

/** A mistake in the command line: one line on stderr, exit 2. */
export class UsageError extends Error {}

/** A `--catalog` file that cannot be read or loaded: exit 2, with every problem on its own line. */
export class CatalogError extends Error {}

/** One command: its options (node:util parseArgs), its help text and what it does. */
export interface Command {
  options: NonNullable<ParseArgsConfig["options"]>;
  help: string;
  run(io: CliIO, args: string[]): Promise<number>;
}

export const COLORS = ["auto", "always", "never"] as const;
export type Color = (typeof COLORS)[number];

export function colorOption(value: unknown): Color {
  if (typeof value === "string" && (COLORS as readonly string[]).includes(value)) return value as Color;
  throw new UsageError(`unknown color mode '${String(value)}' (expected ${COLORS.join(", ")})`);
}

/**
 * The output format of a rendering command: an explicit --format wins (checked against `formats`), except
 * that colour off turns ansi into text; without --format, ansi when colour is on, text otherwise.
 */
export function resolveFormat<F extends string>(
  format: string | undefined,
  formats: readonly F[],
  color: Color,
  env: CliIO["env"],
  isTTY: boolean,
): F {
  const colorOn =
    color === "always" ||
    (color === "auto" && isTTY && !env.NO_COLOR && env.TERM !== "dumb") ||
    (color === "auto" && !!env.FORCE_COLOR && env.FORCE_COLOR !== "0");
  if (format === undefined) return (colorOn ? "ansi" : "text") as F;
  const f = oneOf(format, formats, "format");
  return (f === "ansi" && color === "never" ? "text" : f) as F;
}

/** resolveFormat for a command's own `--format` and `--color` values, on this terminal. */
export function formatOf<F extends string>(
  io: CliIO,
  values: { format?: string | undefined; color?: string | undefined },
  formats: readonly F[],
): F {
  return resolveFormat(values.format, formats, colorOption(values.color), io.env, io.stdoutIsTTY);
}

/** `value` when it is one of `allowed`, else a usage error naming them (and the closest, when one is close). */
export function oneOf<T extends string>(value: string, allowed: readonly T[], what: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  const near = closest(value, allowed);
  throw new UsageError(
    `unknown ${what} '${value}' (expected ${allowed.join(", ")})${near ? `; did you mean '${near}'?` : ""}`,
  );
}

/** `--sdk`: one of the SDKs whose advice the catalog has. */
export function sdkOption(value: string | undefined): Sdk | undefined {
  return value === undefined ? undefined : oneOf(value, SDKS, "sdk");
}

/** `--flag N`: a positive integer, or a usage error that says so. */
export function positiveInt(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === "" || !Number.isInteger(n) || n < 1)
    throw new UsageError(`${flag} must be a positive integer, not '${value}'`);
  return n;
}

/** Edit distance (insertions, deletions, substitutions, swaps of neighbours), for "did you mean". */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i]);
  for (let j = 0; j <= b.length; j++) (d[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = d[i] as number[];
    const up = d[i - 1] as number[];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((up[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (up[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, ((d[i - 2] as number[])[j - 2] ?? 0) + 1);
      row[j] = best;
    }
  }
  return (d[a.length] as number[])[b.length] ?? 0;
}

/** The candidate nearest to `word`, when it is near enough to be a typo (at most a third of it differs). */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    const d = distance(word.toLowerCase(), c.toLowerCase());
    if (d < bestD) {
      best = c;
      bestD = d;
    }
  }
  return best !== undefined && bestD <= Math.max(1, Math.floor(Math.max(word.length, 1) / 3))
    ? best
    : undefined;
}

/**
 * node:util parseArgs with the command line checked first, so every mistake is one clear line: an unknown
 * option names the closest known one, and an option whose value is missing or starts with '-' says so
 * (parseArgs' own words for these are multi-line, and call `--limit -3` "ambiguous").
 * `integers` are the options that take a positive integer: `--limit -3` is reported as not one.
 */
export function parseCommandArgs<O extends Command["options"]>(
  args: string[],
  options: O,
  integers: readonly string[] = [],
): ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; strict: true; options: O }>> {
  const longs = Object.keys(options);
  const shorts = new Map<string, string>();
  for (const [name, o] of Object.entries(options)) if (o.short) shorts.set(o.short, name);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === "--") break;
    if (arg === "-" || !arg.startsWith("-")) continue;
    const eq = arg.indexOf("=");
    const long = arg.startsWith("--");
    const name = long ? arg.slice(2, eq < 0 ? undefined : eq) : shorts.get(arg.slice(1, 2));
    // No option name is long: a long "option" is something pasted, and only its start is quoted back.
    const shown = long ? `--${(name ?? "").length > 32 ? `${name?.slice(0, 12)}…` : name}` : arg.slice(0, 2);
    const option = name === undefined ? undefined : options[name];
    if (!option) {
      if (!long && Number.isFinite(Number(arg)))
        throw new UsageError(`unexpected '${arg}': a number is not an option (put '--' before it)`);
      const near = closest(long ? (name ?? "") : arg.slice(1), longs);
      throw new UsageError(`unknown option '${shown}'${near ? `; did you mean '--${near}'?` : ""}`);
    }
    if (option.type !== "string") continue;
    if (long ? eq >= 0 : arg.length > 2) continue;
    const value = args[i + 1];
    if (value === undefined) throw new UsageError(`${shown} needs a value`);
    if (value.startsWith("-") && value !== "-") {
      if (name && integers.includes(name))
        throw new UsageError(`${shown} must be a positive integer, not '${value}'`);
      throw new UsageError(
        `${shown} needs a value, not '${value}' (write ${shown}=${value} if that is the value)`,
      );
    }
    i++;
  }
  try {
    return parseArgs({ args, allowPositionals: true, strict: true, options });
  } catch (e) {
    // Anything the check above let through: parseArgs' first line, without its doubled full stop.
    const first = (e as Error).message.split("\n")[0] ?? "invalid arguments";
    throw new UsageError(first.endsWith(".") ? first.slice(0, -1) : first);
  }
}
