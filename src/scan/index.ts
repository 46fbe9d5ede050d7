/**
 * scan(): find every authentication failure in a stream of log text, group the lines that belong to one
 * failure (Go's response block, a Python traceback tail, a chained-credential list), and explain each.
 * Pure and browser-safe: it takes an async iterable of strings or bytes; src/scan/node.ts adapts files,
 * gzip and stdin. Speed comes from a prefilter: the text is searched with String#indexOf for a few
 * trigger words, and only the records around a trigger are parsed.
 */
import { type Catalog, defaultCatalog } from "../catalog/index.js";
import { match } from "../match/index.js";
import { failureId, splitFailures } from "../parse/failures.js";
import { parseWithText } from "../parse/index.js";
import { PATTERNS } from "../patterns.js";
import type { Match, ParsedAuthError } from "../schema.js";

export { failureId } from "../parse/failures.js";

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
}

/** One failure found by {@link scan}: where it is, what it says and what explains it. */
export interface Hit {
  file?: string;
  /** 1-based, inclusive. */
  startLine: number;
  endLine: number;
  parsed: ParsedAuthError;
  matches: Match[];
  /** The failure's text, redacted, at most 2,000 characters. */
  excerpt: string;
  /** The block or a line in it was longer than the limits and was cut. */
  truncated?: boolean;
}

/** Totals of one scan; `lines` counts every line read, so a pipeline can check that none was lost. */
export interface ScanSummary {
  file?: string;
  lines: number;
  hits: number;
  /** Lines longer than maxLineLength (cut, not dropped). */
  longLines: number;
}

/** Words whose presence makes a line worth parsing. Each is searched with indexOf over the whole text. */
const TRIGGERS = ["AADSTS", "Credential", "error_description", "az login", "Identity not found"];

/** The parts of Node's Buffer the fast path uses (typed here so the core needs no Node types). */
interface NodeBytes {
  readonly length: number;
  readonly [index: number]: number;
  indexOf(value: number | NodeBytes, byteOffset?: number): number;
  lastIndexOf(value: number, byteOffset?: number): number;
  toString(encoding: "utf8", start: number, end: number): string;
  subarray(start: number, end?: number): NodeBytes;
}
interface BufferLike {
  from(value: string | NodeBytes): NodeBytes;
  concat(list: NodeBytes[]): NodeBytes;
  isBuffer(value: unknown): boolean;
}

const DEFAULT_MAX_LINE = 1_000_000;
const DEFAULT_MAX_BLOCK_LINES = 400;
const EXCERPT = 2_000;

/**
 * The earliest position at or after `from` where any trigger occurs (-1: none). `cache` holds each
 * trigger's last found position (-2: not searched yet); positions only move forward within one text,
 * so a trigger is searched again only once `from` has passed it.
 */
function earliestTrigger(cache: number[], from: number, search: (i: number, from: number) => number): number {
  let next = -1;
  for (let i = 0; i < cache.length; i++) {
    let at = cache[i] as number;
    if (at === -2 || (at >= 0 && at < from)) {
      at = search(i, from);
      cache[i] = at;
    }
    if (at >= 0 && (next < 0 || at < next)) next = at;
  }
  return next;
}

/** A line that begins a new log record ends the block before it. */
function startsRecord(line: string): boolean {
  return PATTERNS.logRecordStart.test(line);
}

/** The lines of the current buffer, with their absolute line numbers. */
interface Line {
  text: string;
  no: number;
  long: boolean;
}

/**
 * Is this candidate worth reporting: a code, an OAuth error, an error status, or a catalog match at
 * message strength? Info lines that merely mention a credential are not failures.
 */
function isFailure(parsed: ParsedAuthError, matches: Match[]): boolean {
  if (parsed.codes.length > 0 || parsed.error !== undefined) return true;
  if (parsed.status !== undefined && parsed.status >= 400) return true;
  return (matches[0]?.score ?? 0) >= 45;
}

/**
 * Find every Entra authentication failure in a stream of text (a log), parse and match each one, and
 * yield them in order. Multi-line failures (a Go response block, a traceback, a credential chain) give
 * one hit each; a line with several failures gives several. Lines and blocks past the limits are cut
 * and flagged, never dropped. Pass `summary` to have it filled in as the scan goes. Browser-safe: the
 * source is any iterable of strings or bytes (the CLI adds files, gzip and stdin on top).
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
  const maxLine = options.maxLineLength ?? DEFAULT_MAX_LINE;
  const maxBlock = options.maxBlockLines ?? DEFAULT_MAX_BLOCK_LINES;
  const catalog = options.catalog ?? defaultCatalog;
  const decoder = new TextDecoder("utf-8", { fatal: false });
  const stats: ScanSummary = summary ?? { lines: 0, hits: 0, longLines: 0 };
  if (options.file) stats.file = options.file;
  let read = 0;

  // Per text being split: where each trigger occurs next (-1: not at all, -2: not searched yet).
  const nextAt: number[] = TRIGGERS.map(() => -2);
  let cachedText = "";
  /** Lines still waiting: an open block, or lines after a trigger whose block may continue. */
  let carry = "";
  let lineNo = 0; // lines fully consumed
  let longLine = false; // inside a line that passed maxLine: skip to its end
  let pending: Line[] = []; // the current block's lines (bounded by maxBlock)
  let blockTruncated = false;

  function* flush(): Generator<Hit> {
    if (pending.length === 0) return;
    const block = pending;
    pending = [];
    const truncated = blockTruncated || block.some((l) => l.long);
    blockTruncated = false;
    const text = block.map((l) => l.text).join("\n");
    // Parts of one block that share a trace ID (or correlation ID) are one failure printed twice, as
    // Python's log line and the traceback after it are: it is reported once.
    const seen = new Set<string>();
    for (const part of splitFailures(text)) {
      // parseWithText is a boundary: it returns no fields rather than throw (src/boundary.ts).
      const { parsed, text: redactedText } = parseWithText(part, { redact: options.redact !== false }, true);
      const id = failureId(parsed);
      if (id !== undefined && seen.has(id)) continue;
      const matches = match(parsed, { catalog, text: redactedText, limit: 3 });
      if (!isFailure(parsed, matches)) continue;
      if (id !== undefined) seen.add(id);
      stats.hits++;
      const hit: Hit = {
        startLine: (block[0] as Line).no,
        endLine: (block[block.length - 1] as Line).no,
        parsed,
        matches,
        excerpt: redactedText.length > EXCERPT ? `${redactedText.slice(0, EXCERPT)}…` : redactedText,
      };
      if (options.file) hit.file = options.file;
      if (truncated) hit.truncated = true;
      yield hit;
    }
  }

  /** Handle one complete line: extend the open block, close it, or open one if the line has a trigger. */
  function* onLine(text: string, long: boolean): Generator<Hit> {
    lineNo++;
    stats.lines++;
    if (long) stats.longLines++;
    const isTrigger = TRIGGERS.some((t) => text.includes(t));
    if (pending.length > 0) {
      // A record start or a blank line ends the block; so does a new trigger after a complete one-line
      // failure (logs without timestamps, one error per line).
      const ends =
        text.trim() === "" ||
        startsRecord(text) ||
        (isTrigger && pending.length === 1 && (pending[0] as Line).text.includes("AADSTS"));
      if (!ends) {
        if (pending.length < maxBlock) pending.push({ text, no: lineNo, long });
        else blockTruncated = true;
        return;
      }
      yield* flush();
    }
    if (isTrigger) pending.push({ text, no: lineNo, long });
  }

  // Node Buffers take a byte-level fast path: triggers and line ends are found with Buffer#indexOf (native
  // memchr/memmem) and only the lines around a trigger are decoded. Strings and plain Uint8Arrays (browsers)
  // are decoded whole and searched as text.
  const NodeBuffer = (globalThis as unknown as { Buffer?: BufferLike }).Buffer;
  const triggerBytes = NodeBuffer ? TRIGGERS.map((t) => NodeBuffer.from(t)) : [];
  let carryBytes: NodeBytes | undefined;

  function* onBytes(chunk: NodeBytes): Generator<Hit> {
    read += chunk.length;
    let from = 0;
    if (longLine) {
      // Still inside a line already reported (cut) at the limit: skip to its end without counting it again.
      const nl = chunk.indexOf(10, 0);
      if (nl < 0) return;
      longLine = false;
      from = nl + 1;
    }
    if (carryBytes) {
      // The line the last chunk ended in: join it with its end only, not with the whole chunk.
      const nl = chunk.indexOf(10, from);
      const head = chunk.subarray(from, nl < 0 ? chunk.length : nl + 1);
      const joined = (NodeBuffer as BufferLike).concat([carryBytes, head]);
      carryBytes = undefined;
      if (nl < 0) {
        yield* keepRest(joined, 0);
        return;
      }
      yield* walk(joined, 0);
      from = nl + 1;
    }
    const end = yield* walk(chunk, from);
    yield* keepRest(chunk, end);
  }

  /** Bytes after the last line end wait for the next chunk, unless they already pass the line limit. */
  function* keepRest(buf: NodeBytes, from: number): Generator<Hit> {
    const rest = buf.length - from;
    if (rest > maxLine) {
      yield* onLine(buf.toString("utf8", from, from + maxLine), true);
      longLine = true;
    } else if (rest > 0) carryBytes = (NodeBuffer as BufferLike).from(buf.subarray(from));
  }

  /**
   * Every complete line of `buf` from `from`: lines outside a block are skipped in bulk to the next
   * trigger (only counted); the rest go through onLine. Returns where the incomplete last line starts.
   */
  function* walk(buf: NodeBytes, start: number): Generator<Hit, number> {
    let from = start;
    const next = triggerBytes.map(() => -2);
    for (;;) {
      if (pending.length === 0) {
        const at = earliestTrigger(next, from, (i, f) => buf.indexOf(triggerBytes[i] as NodeBytes, f));
        const target = at < 0 ? buf.lastIndexOf(10) + 1 : buf.lastIndexOf(10, at) + 1;
        if (target > from) {
          countLines(buf, from, target);
          from = target;
        }
        if (at < 0) return from;
      }
      const nl = buf.indexOf(10, from);
      if (nl < 0) return from;
      let end = nl;
      if (end > from && buf[end - 1] === 13) end--;
      const long = end - from > maxLine;
      yield* onLine(buf.toString("utf8", from, long ? from + maxLine : end), long);
      from = nl + 1;
    }
  }

  /** Count the lines in [from, to) of a buffer that are only skipped, and those past the length limit. */
  function countLines(buf: NodeBytes, from: number, to: number): void {
    let prev = from;
    for (let nl = buf.indexOf(10, from); nl >= 0 && nl < to; nl = buf.indexOf(10, nl + 1)) {
      lineNo++;
      stats.lines++;
      if (nl - prev > maxLine) stats.longLines++;
      prev = nl + 1;
    }
  }

  for await (const chunk of source) {
    if (NodeBuffer?.isBuffer(chunk)) {
      yield* onBytes(chunk as NodeBytes);
      options.onProgress?.(read);
      continue;
    }
    const piece = typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
    read += piece.length;
    let text = carry + piece;
    carry = "";
    let from = 0;
    for (;;) {
      const nl = text.indexOf("\n", from);
      if (nl < 0) break;
      let end = nl;
      if (end > from && text.charCodeAt(end - 1) === 13) end--;
      if (longLine) {
        longLine = false;
      } else {
        const long = end - from > maxLine;
        yield* onLine(text.slice(from, long ? from + maxLine : end), long);
      }
      from = nl + 1;
      // Lines without a trigger and outside a block are skipped in bulk: jump to the next trigger.
      if (pending.length === 0 && !longLine) from = skipToTrigger(text, from);
    }
    const rest = text.slice(from);
    if (longLine) {
      carry = "";
    } else if (rest.length > maxLine) {
      // A line longer than the limit: keep its start as a (flagged) line, drop the rest up to its end.
      yield* onLine(rest.slice(0, maxLine), true);
      longLine = true;
      carry = "";
    } else carry = rest;
    text = "";
    options.onProgress?.(read);
  }
  if (carryBytes && carryBytes.length > 0) carry += carryBytes.toString("utf8", 0, carryBytes.length);
  // A last line with no line feed is a line, even when it is only a carriage return.
  const last = carry + decoder.decode();
  const tail = last.replace(PATTERNS.trailingCarriageReturn, "");
  if (last.length > 0 && !longLine) yield* onLine(tail.slice(0, maxLine), tail.length > maxLine);
  yield* flush();

  /**
   * From `from`, the start of the line holding the next trigger (or the text's last line start), counting
   * the lines skipped. Lines with no trigger cannot start a failure, so they are only counted.
   */
  function skipToTrigger(text: string, from: number): number {
    if (text !== cachedText) {
      cachedText = text;
      nextAt.fill(-2);
    }
    const next = earliestTrigger(nextAt, from, (i, f) => text.indexOf(TRIGGERS[i] as string, f));
    const target = next < 0 ? text.lastIndexOf("\n") + 1 : text.lastIndexOf("\n", next) + 1;
    if (target <= from) return from;
    let skipped = 0;
    for (let i = text.indexOf("\n", from); i >= 0 && i < target; i = text.indexOf("\n", i + 1)) skipped++;
    lineNo += skipped;
    stats.lines += skipped;
    return target;
  }
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
