/**
 * scan(): find every authentication failure in a stream of log text, group the lines that belong to one
 * failure (Go's response block, a Python traceback tail, a chained-credential list), and explain each.
 * Pure and browser-safe: it takes an iterable of strings or bytes; src/scan/node.ts adapts files, gzip
 * and stdin. Three stages, each in its own module: lines (lines.ts: only the lines around a trigger word
 * are decoded, the rest are counted in bulk), blocks (blocks.ts) and hits (hits.ts: one parse and match
 * per kind of failure, memo.ts).
 */
import { type Catalog, defaultCatalog } from "../catalog/index.js";
import { type Block, BlockCollector } from "./blocks.js";
import { type Hit, HitReader } from "./hits.js";
import { type Line, LineReader } from "./lines.js";
import { lineTime, parseTimeBound, timeOf } from "./time.js";

export { failureId } from "../parse/failures.js";
export type { Hit } from "./hits.js";
export { parseTimeBound } from "./time.js";

/** Options of {@link scan}. */
export interface ScanOptions {
  /** Longest line kept, in characters (default 1,000,000). Longer lines are cut and the hit flagged. */
  maxLineLength?: number;
  /** Most lines grouped into one failure (default 400). Longer blocks are cut and flagged. */
  maxBlockLines?: number;
  /** Keep secrets (default: redacted). */
  redact?: boolean;
  /** Name reported on every hit. */
  file?: string;
  catalog?: Catalog;
  /** Called with the number of characters read so far (for progress bars). */
  onProgress?: (charsRead: number) => void;
  /**
   * Each string of the source is one line, without its line feed (what `text.split("\n")` or a readline
   * interface gives). Default: true for an array of 64 or more strings none of which holds a line feed
   * (no stream is cut that way), false for anything else: chunks of a stream, joined as they come. Pass
   * it for a shorter array of lines, and for any other iterable of lines.
   */
  lines?: boolean;
  /**
   * Only failures at or after this time: a time in milliseconds, a Date, or text as `parseTimeBound`
   * reads it (`2026-11-01T06:00`, UTC when no zone is given; `1h`, `7d` before now). A failure's time is
   * its Entra timestamp, else its log line's leading timestamp; a failure with neither is left out when
   * a bound is given. The summary's `outsideTime` counts what the bounds left out.
   */
  since?: number | Date | string;
  /** Only failures at or before this time (as `since`). */
  until?: number | Date | string;
  /** @internal Reuse one print's parse and match for every print of the same failure (default true). */
  memo?: boolean;
  /**
   * @internal Hits answered from the memo share their template's matches and nested parsed objects: for
   * the CLI, which only reads their top-level fields and writes each from its template's JSON.
   */
  shared?: boolean;
}

/** Totals of one scan; `lines` counts every line read, so a pipeline can check that none was lost. */
export interface ScanSummary {
  file?: string;
  lines: number;
  hits: number;
  /** Lines longer than maxLineLength (cut, not dropped). */
  longLines: number;
  /** Failures found but left out by `since`/`until` (present only when a bound is given). */
  outsideTime?: number;
}

const DEFAULT_MAX_LINE = 1_000_000;
const DEFAULT_MAX_BLOCK_LINES = 400;

/** A bound as milliseconds; text that is no time is an error (a typo must not silently match nothing). */
function bound(value: number | Date | string | undefined, name: string, now: number): number | undefined {
  if (value === undefined) return undefined;
  const ms =
    typeof value === "number" ? value : value instanceof Date ? value.getTime() : parseTimeBound(value, now);
  if (ms === undefined || Number.isNaN(ms))
    throw new RangeError(
      `scan(): ${name} must be a time such as 2026-11-01T06:00Z or 1h, not '${String(value)}'`,
    );
  return ms;
}

/** Fewest strings of an array read as lines when no option says so. */
const LINE_ARRAY = 64;

/** An array of strings that are lines already (no line feed in any, and too many to be a stream's chunks). */
function isLineArray(source: unknown): boolean {
  if (!Array.isArray(source) || source.length < LINE_ARRAY) return false;
  for (const s of source) if (typeof s !== "string" || s.includes("\n")) return false;
  return true;
}

/**
 * Find every Entra authentication failure in a stream of text (a log), parse and match each one, and
 * yield them in order. Multi-line failures (a Go response block, a traceback, a credential chain) give
 * one hit each; a line with several failures gives several. Lines and blocks past the limits are cut
 * and flagged, never dropped. Pass `summary` to have it filled in as the scan goes. Browser-safe: the
 * source is any iterable of strings or bytes (the CLI adds files, gzip and stdin on top): chunks of a
 * stream, or lines without their line feeds (see `lines`). Hits of one kind of failure are parsed once;
 * treat each hit as your own copy.
 *
 * @example
 * ```ts
 * import { scan } from "aadsts";
 *
 * const summary = { lines: 0, hits: 0, longLines: 0 };
 * for await (const hit of scan(response.body, {}, summary)) {
 *   console.log(hit.startLine, hit.parsed.codes, hit.matches[0]?.id);
 * }
 * console.log(`${summary.hits} failures in ${summary.lines} lines`);
 * ```
 */
export async function* scan(
  source: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
  options: ScanOptions = {},
  summary?: ScanSummary,
): AsyncGenerator<Hit> {
  const now = Date.now();
  const since = bound(options.since, "since", now);
  const until = bound(options.until, "until", now);
  const bounded = since !== undefined || until !== undefined;
  const stats: ScanSummary = summary ?? { lines: 0, hits: 0, longLines: 0 };
  if (options.file) stats.file = options.file;
  if (bounded) stats.outsideTime ??= 0;
  const blocks = new BlockCollector(options.maxBlockLines ?? DEFAULT_MAX_BLOCK_LINES);
  const lines = new LineReader(options.maxLineLength ?? DEFAULT_MAX_LINE, stats, () => blocks.open);
  // Made at the first block: a log with no failure never loads the catalog's matching indexes.
  let hits: HitReader | undefined;
  const reader = () =>
    (hits ??= new HitReader({
      catalog: options.catalog ?? defaultCatalog,
      redact: options.redact !== false,
      memo: options.memo !== false,
      shared: options.shared === true,
      ...(options.file ? { file: options.file } : {}),
    }));
  const asLines = options.lines ?? isLineArray(source);

  /** The hits of a closed block that pass the time bounds. */
  function* emit(block: Block): Generator<Hit> {
    let when: number | undefined;
    for (const hit of reader().read(block)) {
      if (bounded) {
        let t = hit.parsed.timestamp ? timeOf(hit.parsed.timestamp) : Number.NaN;
        if (Number.isNaN(t)) {
          when ??= lineTime((block.lines[0] as Line).text);
          t = when;
        }
        if (Number.isNaN(t) || (since !== undefined && t < since) || (until !== undefined && t > until)) {
          stats.outsideTime = (stats.outsideTime ?? 0) + 1;
          continue;
        }
      }
      stats.hits++;
      yield hit;
    }
  }

  for await (const chunk of source) {
    const read = asLines && typeof chunk === "string" ? lines.wholeLine(chunk) : lines.chunk(chunk);
    for (const line of read) {
      const block = blocks.push(line);
      if (block) yield* emit(block);
    }
    options.onProgress?.(lines.read);
  }
  for (const line of lines.end()) {
    const block = blocks.push(line);
    if (block) yield* emit(block);
  }
  const last = blocks.end();
  if (last) yield* emit(last);
}

/** Scan, collecting every hit and the summary (for tests and small inputs). */
export async function scanAll(
  source: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
  options: ScanOptions = {},
): Promise<{ hits: Hit[]; summary: ScanSummary }> {
  const summary: ScanSummary = { lines: 0, hits: 0, longLines: 0 };
  const hits: Hit[] = [];
  for await (const hit of scan(source, options, summary)) hits.push(hit);
  return { hits, summary };
}
