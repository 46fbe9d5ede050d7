/**
 * The enrichment step for log shippers (`aadsts enrich`): every record that goes in comes out, in order.
 * A record with no authentication failure comes out byte for byte; one that holds a failure gets an
 * `aadsts` object (codes, IDs, the top entry's id, title and actor, whether a retry helps, a docs link).
 *
 * Records are lines. A JSON object line (NDJSON) gets the key spliced in before its closing brace, its
 * own bytes kept. A plain line is, by default, wrapped as `{"message": <the line>, "aadsts": {...}}`;
 * with `plain: "pass"` it is left as it is. A failure spread over several lines (a Go response block, a
 * Python traceback) is read whole, the way `aadsts scan` groups it, and its explanation goes on the
 * block's first line; the other lines pass through unchanged.
 *
 * Speed follows scan: lines are found with Buffer#indexOf, runs of lines with no trigger word are
 * copied out in one slice without decoding, and only lines around a trigger are parsed. Memory is bounded
 * by the longest line kept (`maxLineLength`) times the longest block (`maxBlockLines`). Needs a Node-style
 * `Buffer` (Node, Deno, Bun); the core imports nothing from Node.
 */
import { type Catalog, defaultCatalog } from "../catalog/index.js";
import { lookupUrl } from "../catalog/lookup-url.js";
import { match } from "../match/index.js";
import { failureId, splitFailures } from "../parse/failures.js";
import { parseWithText } from "../parse/index.js";
import { PATTERNS } from "../patterns.js";
import { redact } from "../redact.js";
import { guidsOf, isFailure } from "../scan/hits.js";
import { TRIGGERS } from "../scan/lines.js";
import { type Analysis, FailureMemo } from "../scan/memo.js";
import type { Match, ParsedAuthError, Retryable } from "../schema.js";

/** Options of {@link Enricher}. */
export interface EnrichOptions {
  catalog?: Catalog;
  /** Plain (non-JSON) lines with a failure: "wrap" (default) as `{"message", "aadsts"}`, or "pass" unchanged. */
  plain?: "wrap" | "pass";
  /** Longest line analysed, in bytes (default 1,000,000). Longer lines pass through unchanged, unexamined. */
  maxLineLength?: number;
  /** Most lines read as one failure (default 400); a longer block is closed and explained at that point. */
  maxBlockLines?: number;
  /** Replace secrets in the records that get an `aadsts` object (default true). Other records are never touched. */
  redact?: boolean;
  /**
   * Reuse the parse and match of a failure's template, as scan does (default true); false parses every
   * failure. The output is the same either way (test/enrich.test.ts compares them).
   */
  memo?: boolean;
}

/** What {@link Enricher} adds to a record holding a failure. Everything in it comes from redacted text. */
export interface EnrichInfo {
  /** AADSTS codes, in order of appearance (across every failure on the record). */
  codes: number[];
  /** The top catalog entry's id; absent when the failure has no catalog entry. */
  id?: string;
  title?: string;
  actor?: string;
  /** Whether retrying the same request can succeed (true, false or "unknown"). */
  retryable?: Retryable;
  confidence?: string;
  /** The entry's first documentation link, else Microsoft's lookup page for the code. */
  docs?: string;
  error?: string;
  credential?: string;
  traceId?: string;
  correlationId?: string;
  timestamp?: string;
  /** Failures found on this record (more than one when several share a block). */
  failures: number;
  /** Lines the failure spans, when more than one (the block starts on this record). */
  lines?: number;
}

/** Counts of an enrichment run: `records` in equals records out. */
export interface EnrichStats {
  records: number;
  enriched: number;
  failures: number;
  /** Lines longer than maxLineLength, passed through unexamined. */
  longLines: number;
}

/** Bytes out, in order: slices of the input or new records. */
export type EnrichOutput = Uint8Array | string;

interface Bytes extends Uint8Array {
  indexOf(value: number | Uint8Array, byteOffset?: number): number;
  lastIndexOf(value: number, byteOffset?: number): number;
  toString(encoding?: "utf8", start?: number, end?: number): string;
  subarray(start?: number, end?: number): Bytes;
}
interface BufferClass {
  from(value: string | Uint8Array): Bytes;
  concat(list: Uint8Array[]): Bytes;
  isBuffer(value: unknown): boolean;
}

interface PendingLine {
  /** The line's bytes, its line end included (none for a last line without one). */
  bytes: Bytes;
  text: string;
}

const NL = 10;
const CR = 13;
const CLOSE_BRACE = 0x7d;

/** The length of the line end at the end of `b` (2 for CRLF, 1 for LF, 0 for none). */
function lineEndLength(b: Uint8Array): number {
  const n = b.length;
  if (n > 0 && b[n - 1] === NL) return n > 1 && b[n - 2] === CR ? 2 : 1;
  return 0;
}

/** A JSON value with every string in it redacted. */
function redactStrings(value: unknown): unknown {
  if (typeof value === "string") return redact(value).text;
  if (Array.isArray(value)) return value.map(redactStrings);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = redactStrings(v);
    return out;
  }
  return value;
}

/** A line that is one JSON object (NDJSON), parsed; undefined otherwise. */
function jsonRecord(text: string): Record<string, unknown> | undefined {
  const t = text.trim();
  if (t.length < 2 || t.charCodeAt(0) !== 0x7b || t.charCodeAt(t.length - 1) !== CLOSE_BRACE)
    return undefined;
  try {
    const v: unknown = JSON.parse(t);
    return v !== null && typeof v === "object" && !Array.isArray(v)
      ? (v as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Streaming enricher: feed it chunks with {@link push}, write what each call returns, in order; call
 * {@link idle} when the input pauses (so a failure at the end of a burst is not held back) and
 * {@link end} at the end. Never throws on bad input.
 *
 * @example
 * ```ts
 * const enricher = new Enricher();
 * for await (const chunk of process.stdin) for (const out of enricher.push(chunk)) process.stdout.write(out);
 * for (const out of enricher.end()) process.stdout.write(out);
 * ```
 */
export class Enricher {
  readonly stats: EnrichStats = { records: 0, enriched: 0, failures: 0, longLines: 0 };
  private readonly catalog: Catalog;
  private readonly wrapPlain: boolean;
  private readonly maxLine: number;
  private readonly maxBlock: number;
  private readonly redactRecords: boolean;
  private readonly B: BufferClass;
  private readonly triggers: Bytes[];
  /** One parse and match per kind of failure, as scan does (src/scan/memo.ts). */
  private readonly memo: FailureMemo | undefined;
  private readonly analyse: (part: string) => Analysis;
  private pending: PendingLine[] = [];
  private carry: Bytes | undefined;
  /** Inside a line longer than maxLine: its bytes pass through until its end. */
  private longLine = false;
  private out: EnrichOutput[] = [];

  constructor(options: EnrichOptions = {}) {
    const B = (globalThis as unknown as { Buffer?: BufferClass }).Buffer;
    if (!B) throw new Error("aadsts enrich needs a Node-style Buffer (Node.js, Deno or Bun)");
    this.B = B;
    this.catalog = options.catalog ?? defaultCatalog;
    this.wrapPlain = options.plain !== "pass";
    this.maxLine = options.maxLineLength ?? 1_000_000;
    this.maxBlock = options.maxBlockLines ?? 400;
    this.redactRecords = options.redact !== false;
    this.triggers = TRIGGERS.map((t) => B.from(t));
    this.memo = options.memo === false ? undefined : new FailureMemo(guidsOf(this.catalog));
    const catalog = this.catalog;
    this.analyse = (part) => {
      // parseWithText and match are boundaries: they return no fields or no matches rather than throw.
      const { parsed, text } = parseWithText(part, { redact: true }, true);
      return { parsed, matches: match(parsed, { catalog, text, limit: 1 }), excerpt: "" };
    };
  }

  /** A failure block is open: its lines are held until it ends, or until {@link idle} or {@link end}. */
  get waiting(): boolean {
    return this.pending.length > 0;
  }

  /** Feed the next chunk of input; returns what to write now, in order. */
  push(chunk: Uint8Array | string): EnrichOutput[] {
    const buf = this.B.isBuffer(chunk) ? (chunk as Bytes) : this.B.from(chunk);
    this.walk(buf);
    return this.take();
  }

  /** The input paused: close an open block, so its lines go out now. */
  idle(): EnrichOutput[] {
    if (this.pending.length > 0) this.closeBlock();
    return this.take();
  }

  /** The input ended: the last line (even without a line end) and any open block go out. */
  end(): EnrichOutput[] {
    if (this.carry && this.carry.length > 0) {
      const last = this.carry;
      this.carry = undefined;
      this.line(last);
    }
    this.carry = undefined;
    this.longLine = false;
    if (this.pending.length > 0) this.closeBlock();
    return this.take();
  }

  private take(): EnrichOutput[] {
    const out = this.out;
    this.out = [];
    return out;
  }

  private walk(chunk: Bytes): void {
    let from = 0;
    if (this.longLine) {
      const nl = chunk.indexOf(NL, 0);
      if (nl < 0) {
        this.out.push(chunk);
        return;
      }
      this.out.push(chunk.subarray(0, nl + 1));
      this.longLine = false;
      from = nl + 1;
    }
    if (this.carry) {
      const nl = chunk.indexOf(NL, from);
      const head = chunk.subarray(from, nl < 0 ? chunk.length : nl + 1);
      const joined = this.B.concat([this.carry, head]);
      this.carry = undefined;
      if (nl < 0) {
        this.keepRest(joined, 0);
        return;
      }
      this.line(joined);
      from = nl + 1;
    }
    const next = this.triggers.map(() => -2);
    for (;;) {
      if (this.pending.length === 0) {
        // Outside a block: every line before the next trigger's line goes out as one slice, undecoded.
        const at = this.earliestTrigger(chunk, next, from);
        const lastNl = at < 0 ? chunk.lastIndexOf(NL) : chunk.lastIndexOf(NL, at);
        const target = lastNl + 1;
        if (target > from) {
          this.countLines(chunk, from, target);
          this.out.push(chunk.subarray(from, target));
          from = target;
        }
        if (at < 0) break;
      }
      const nl = chunk.indexOf(NL, from);
      if (nl < 0) break;
      this.line(chunk.subarray(from, nl + 1));
      from = nl + 1;
    }
    this.keepRest(chunk, from);
  }

  /** Bytes after the last line end wait for the next chunk, unless they already pass the line limit. */
  private keepRest(buf: Bytes, from: number): void {
    const rest = buf.length - from;
    if (rest === 0) return;
    if (rest > this.maxLine) {
      if (this.pending.length > 0) this.closeBlock();
      this.stats.records++;
      this.stats.longLines++;
      this.out.push(buf.subarray(from));
      this.longLine = true;
      return;
    }
    this.carry = this.B.from(buf.subarray(from));
  }

  private earliestTrigger(buf: Bytes, cache: number[], from: number): number {
    let next = -1;
    for (let i = 0; i < cache.length; i++) {
      let at = cache[i] as number;
      if (at === -2 || (at >= 0 && at < from)) {
        at = buf.indexOf(this.triggers[i] as Bytes, from);
        cache[i] = at;
      }
      if (at >= 0 && (next < 0 || at < next)) next = at;
    }
    return next;
  }

  private countLines(buf: Bytes, from: number, to: number): void {
    let n = 0;
    let prev = from;
    for (let nl = buf.indexOf(NL, from); nl >= 0 && nl < to; nl = buf.indexOf(NL, nl + 1)) {
      n++;
      if (nl - prev > this.maxLine) this.stats.longLines++;
      prev = nl + 1;
    }
    this.stats.records += n;
  }

  /** One whole line (its line end included, if any): extend, close or open a block, or pass it through. */
  private line(bytes: Bytes): void {
    this.stats.records++;
    const body = bytes.length - lineEndLength(bytes);
    if (body > this.maxLine) {
      if (this.pending.length > 0) this.closeBlock();
      this.stats.longLines++;
      this.out.push(bytes);
      return;
    }
    const text = bytes.toString("utf8", 0, body);
    const isTrigger = TRIGGERS.some((t) => text.includes(t));
    if (this.pending.length > 0) {
      const first = this.pending[0] as PendingLine;
      const ends =
        text.trim() === "" ||
        PATTERNS.logRecordStart.test(text) ||
        (isTrigger && this.pending.length === 1 && first.text.includes("AADSTS"));
      if (!ends && this.pending.length < this.maxBlock) {
        this.pending.push({ bytes: this.B.from(bytes), text });
        return;
      }
      this.closeBlock();
    }
    if (!isTrigger) {
      this.out.push(bytes);
      return;
    }
    this.pending.push({ bytes: this.B.from(bytes), text });
    // A JSON record is whole on its line: nothing after it belongs to it, so it need not wait.
    if (text.charCodeAt(0) === 0x7b && jsonRecord(text)) this.closeBlock();
  }

  /** Explain the open block; its first line goes out enriched (when it holds a failure), the rest unchanged. */
  private closeBlock(): void {
    const block = this.pending;
    this.pending = [];
    const first = block[0];
    if (!first) return;
    const { info, clean } = this.explainBlock(block);
    this.out.push(info ? this.enrichLine(first, info, clean) : first.bytes);
    for (let i = 1; i < block.length; i++) this.out.push((block[i] as PendingLine).bytes);
  }

  /**
   * The block's failures, summed up for its first line. `clean`: the parser's redaction, which reads every
   * part of the block, found no secret, so the line need not be redacted again.
   */
  private explainBlock(block: PendingLine[]): { info: EnrichInfo | undefined; clean: boolean } {
    let info: EnrichInfo | undefined;
    let clean = true;
    const text = block.length === 1 ? (block[0] as PendingLine).text : block.map((l) => l.text).join("\n");
    const seen = new Set<string>();
    for (const part of splitFailures(text)) {
      // this.analyse always gives a result, so the memo does too.
      const { parsed, matches } = this.memo
        ? (this.memo.analyse(part, this.analyse) as Analysis)
        : this.analyse(part);
      if (parsed.redacted) clean = false;
      const id = failureId(parsed);
      if (id !== undefined && seen.has(id)) continue;
      if (!isFailure(parsed, matches)) continue;
      if (id !== undefined) seen.add(id);
      this.stats.failures++;
      if (info) {
        info.failures++;
        for (const c of parsed.codes) if (!info.codes.includes(c)) info.codes.push(c);
        continue;
      }
      info = this.info(parsed, matches[0]);
      if (block.length > 1) info.lines = block.length;
    }
    return { info, clean };
  }

  private info(parsed: ParsedAuthError, top: Match | undefined): EnrichInfo {
    const info: EnrichInfo = { codes: [...parsed.codes], failures: 1 };
    if (top) {
      info.id = top.id;
      info.title = top.title;
      info.actor = top.actor;
      info.retryable = top.retryable;
      info.confidence = top.confidence;
    }
    const code = parsed.codes[0];
    const docs =
      top?.links.find((l) => !l.url.startsWith("https://login.microsoftonline.com/error"))?.url ??
      (code !== undefined ? lookupUrl(code) : undefined);
    if (docs) info.docs = docs;
    if (parsed.error) info.error = parsed.error;
    if (parsed.credential) info.credential = parsed.credential;
    if (parsed.traceId) info.traceId = parsed.traceId;
    if (parsed.correlationId) info.correlationId = parsed.correlationId;
    if (parsed.timestamp) info.timestamp = parsed.timestamp;
    return info;
  }

  /**
   * The record with `aadsts` added: spliced into a JSON object before its closing brace, else the line
   * wrapped (or left as it is, with plain: "pass"). With redaction on (the default), secrets in the
   * record's own text are replaced too; a record without any keeps its bytes.
   */
  private enrichLine(line: PendingLine, info: EnrichInfo, clean: boolean): EnrichOutput {
    const bytes = line.bytes;
    const end = bytes.length - lineEndLength(bytes);
    const eol = bytes.subarray(end).toString("utf8");
    const record = jsonRecord(line.text);
    const payload = JSON.stringify(info);
    const cleaned = this.redactRecords && !clean ? redact(line.text) : { text: line.text, count: 0 };
    if (record) {
      this.stats.enriched++;
      const exists = Object.hasOwn(record, "aadsts");
      if (cleaned.count === 0 && !exists) {
        // The record's own bytes up to its closing brace, then the new key: nothing of the original is rewritten.
        const brace = bytes.lastIndexOf(CLOSE_BRACE, end - 1);
        return this.B.concat([
          bytes.subarray(0, brace),
          this.B.from(`${Object.keys(record).length === 0 ? "" : ","}"aadsts":${payload}`),
          bytes.subarray(brace),
        ]);
      }
      if (!exists && jsonRecord(cleaned.text)) {
        const brace = cleaned.text.lastIndexOf("}");
        return `${cleaned.text.slice(0, brace)}${Object.keys(record).length === 0 ? "" : ","}"aadsts":${payload}${cleaned.text.slice(brace)}${eol}`;
      }
      // The record already has an aadsts key, or redaction would break its JSON: written anew.
      const base = this.redactRecords ? redactStrings(record) : record;
      return `${JSON.stringify({ ...(base as object), aadsts: info })}${eol}`;
    }
    if (!this.wrapPlain) return cleaned.count === 0 ? bytes : `${cleaned.text}${eol}`;
    this.stats.enriched++;
    return `{"message":${JSON.stringify(cleaned.text)},"aadsts":${payload}}${eol}`;
  }
}
