/**
 * `aadsts scan [FILE…]`: stream logs through scan(), print one NDJSON hit per failure (or a text report),
 * and a summary on stderr: lines read, hits, counts by code, entry and credential. A file that cannot be
 * read is reported and skipped; the scan goes on with the next and exits 3 at the end.
 */
import { stat } from "node:fs/promises";
import { hitJson, hitTemplate } from "../../scan/hits.js";
import { type Hit, parseTimeBound, type ScanSummary, scan } from "../../scan/index.js";
import { Hole, type Reused, templateJson } from "../../scan/memo.js";
import { fileSource, streamSource } from "../../scan/node.js";
import type { Match } from "../../schema.js";
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

/** `ndjson` and `json` are the same output: one JSON object per failure. */
const FORMATS = ["ndjson", "text", "json"] as const;

const options = {
  format: { type: "string", default: "ndjson" },
  "fail-on-hit": { type: "boolean" },
  since: { type: "string" },
  until: { type: "string" },
  "max-line-length": { type: "string" },
  "max-block-lines": { type: "string" },
  "no-redact": { type: "boolean" },
  "no-progress": { type: "boolean" },
  catalog: { type: "string", multiple: true },
  help: { type: "boolean", short: "h" },
} as const;

const help = `Usage: aadsts scan [FILE…] [options]

Read logs (files, gzip detected by content, pipes such as <(…) and /dev/stdin, or stdin when no FILE
or -), find every authentication failure, group the lines of one failure (Go's response block, a Python
traceback tail, a credential chain), explain each, and print one JSON object per failure on stdout:
file, startLine, endLine, the top entry's id and title, the parsed fields and the excerpt (secrets
redacted). The summary (lines read, failures, counts by code, entry and credential) goes to stderr: a
table on a terminal, JSON otherwise. A FILE that cannot be read is reported on stderr and skipped; the
others are scanned, and the exit code is 3 (with no summary when nothing could be read).

Options:
  --format <F>            ndjson (default; json is the same) | text (a report with the summary and
                          failures over time per code; on a terminal the summary is shown once)
  --fail-on-hit           exit 1 when any failure is found (for CI jobs)
  --since <TIME>          only failures at or after TIME: ISO 8601 (UTC unless it names a zone) or a
                          span back from now (30m, 1h, 7d); a failure's time is its Entra timestamp,
                          else its log line's own leading time
  --until <TIME>          only failures at or before TIME (same forms)
  --max-line-length <N>   longest line read, in characters (default 1000000); longer lines are cut, flagged
  --max-block-lines <N>   most lines grouped into one failure (default 400); longer blocks are cut, flagged
  --no-redact             keep secrets in the output
  --catalog <FILE>        your own catalog entries on top of the built-in ones (repeatable)
  --no-progress           no progress line (it is shown only when stderr is a terminal and every input
                          is a regular file, so its size is known)
  -h, --help              this help

Examples:
  kubectl logs deploy/api --since=1h | aadsts scan --format text
  aadsts scan app.log.gz --fail-on-hit > failures.ndjson
  aadsts scan <(ssh web1 cat /var/log/app.log) app.log

Exit codes: 0 done (1 with --fail-on-hit and failures found), 2 usage error, 3 an input could not be
read (the others were scanned).
`;

interface Counts {
  files: ScanSummary[];
  lines: number;
  hits: number;
  longLines: number;
  truncatedHits: number;
  byCode: Record<string, number>;
  byEntry: Record<string, number>;
  byCredential: Record<string, number>;
  /** Per code, per minute (ISO minute) of the failure's own timestamp: for the text report's chart. */
  timeline: Record<string, Record<string, number>>;
}

function isoTime(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const t = parseTimeBound(value, Date.now());
  if (t === undefined)
    throw new UsageError(
      `${flag} must be an ISO 8601 time (UTC unless it names a zone) or a span such as 1h, 7d, not '${value}'`,
    );
  return t;
}

const bump = (o: Record<string, number>, k: string) => {
  o[k] = (o[k] ?? 0) + 1;
};

/** `AADSTS50126` for 50126, made once per code (the summary counts every hit's codes). */
const codeNames = new Map<number, string>();
const codeName = (code: number) => {
  let name = codeNames.get(code);
  if (name === undefined) {
    name = `AADSTS${code}`;
    codeNames.set(code, name);
  }
  return name;
};

/** One hit as printed: where it is, what it is, the fields, and the redacted excerpt. */
export function hitRecord(hit: Hit) {
  const top = hit.matches[0];
  return {
    ...(hit.file ? { file: hit.file } : {}),
    startLine: hit.startLine,
    endLine: hit.endLine,
    ...(top
      ? {
          id: top.id,
          title: top.title,
          confidence: top.confidence,
          ...(top.cause ? { cause: top.cause.id } : {}),
        }
      : {}),
    parsed: hit.parsed,
    excerpt: hit.excerpt,
    ...(hit.truncated ? { truncated: true } : {}),
  };
}

/**
 * JSON.stringify(hitRecord(hit)), written from the hit's template when scan() answered it from its memo:
 * the parsed fields and excerpt are then serialised once per kind of failure, not once per hit.
 */
export function hitLine(hit: Hit): string {
  const fast = hitJson(hit);
  if (!fast) return JSON.stringify(hitRecord(hit));
  // hitRecord's keys, in its order, each written as JSON.stringify writes it (an undefined one left out).
  const top = hit.matches[0];
  const line = `{${hit.file ? `"file":${JSON.stringify(hit.file)},` : ""}"startLine":${hit.startLine},"endLine":${hit.endLine}${topProps(top)}`;
  return `${line},"parsed":${fast.parsed},"excerpt":${fast.excerpt}${hit.truncated ? ',"truncated":true' : ""}}`;
}

const prop = (key: string, value: string | undefined) =>
  value === undefined ? "" : `,"${key}":${JSON.stringify(value)}`;

/** hitRecord's keys of the top match (id, title, confidence, cause), as JSON.stringify writes them. */
const topProps = (top: Match | undefined) =>
  top
    ? `${prop("id", top.id)}${prop("title", top.title)}${prop("confidence", top.confidence)}${top.cause ? prop("cause", top.cause.id) : ""}`
    : "";

/** Bytes of output gathered before one write. */
const BATCH_BYTES = 1 << 20;

/**
 * A template's NDJSON line after `"endLine":N`, encoded once as UTF-8 with the values of the print it was
 * made for; another print of the template writes it whole and puts its own values over those, in place:
 * every print of a template has values of the same lengths (a GUID's 36 characters, a time's format is
 * part of the template), so the layout of its line is the same.
 */
interface EncodedLine {
  top: Match | undefined;
  bytes: Buffer;
  /** Per value in the line: where it starts in `bytes`, and its ref (as in a Hole). */
  at: number[];
  refs: number[];
  /** Per value: its length. */
  lengths: number[];
}

/** Per template JSON (see templateJson): its line, encoded. */
const encodedLines = new WeakMap<object, EncodedLine>();

/**
 * The encoded rest of a reused hit's line (hitLine's keys from `id` on, up to the excerpt's closing
 * quote), made once per template; undefined when the hit must be written by hitLine: it was parsed in
 * full, its template cannot be written, or its top match is not the template's own (matches that hold
 * a value are copied per hit).
 */
function encodedLine(how: Reused, top: Match | undefined): EncodedLine | undefined {
  const json = templateJson(how.template);
  if (json === null) return undefined;
  let enc = encodedLines.get(json);
  if (enc === undefined) {
    const { values, tValues } = how;
    // The line as text pieces and values, in order; the values' places are counted in bytes.
    const parts: string[] = [];
    const at: number[] = [];
    const refs: number[] = [];
    const lengths: number[] = [];
    let text = topProps(top);
    let bytes = 0;
    const add = (part: Hole | string) => {
      if (!(part instanceof Hole)) {
        text += part;
        return;
      }
      text += part.pieces[0] as string;
      for (let i = 0; i < part.refs.length; i++) {
        const r = part.refs[i] as number;
        const value = (r & 1 ? tValues : values)[r >> 1] as string;
        bytes += Buffer.byteLength(text);
        parts.push(text, value);
        at.push(bytes);
        refs.push(r);
        lengths.push(value.length);
        bytes += value.length;
        text = part.pieces[i + 1] as string;
      }
    };
    text += ',"parsed":';
    add(json.parsed);
    text += ',"excerpt":';
    add(json.excerpt);
    parts.push(text);
    enc = { top, bytes: Buffer.from(parts.join(""), "utf8"), at, refs, lengths };
    encodedLines.set(json, enc);
  }
  return enc.top === top ? enc : undefined;
}

/** ASCII text (a masked value: hex digits, dashes, digits, `:`, `.`, `T`, space) into `buf` at `at`. */
function putAscii(buf: Buffer, at: number, text: string): number {
  for (let i = 0; i < text.length; i++) buf[at + i] = text.charCodeAt(i);
  return at + text.length;
}

/** Bytes into `buf` at `at` (TypedArray#set: native, without Buffer#copy's argument checks). */
function putBytes(buf: Buffer, at: number, bytes: Buffer): number {
  buf.set(bytes, at);
  return at + bytes.length;
}

/** A non-negative integer's digits into `buf` at `at`. */
function putInt(buf: Buffer, at: number, n: number): number {
  if (n < 10) {
    buf[at] = 48 + n;
    return at + 1;
  }
  return putAscii(buf, at, String(n));
}

/**
 * NDJSON lines, encoded straight into a 1 MiB buffer and written in one call when it is full: joining
 * the lines into one string and encoding that again cost more than the JSON itself. A buffer comes back
 * for reuse once its write is done, so memory holds the buffers in flight, not every one ever written.
 */
class LineBatch {
  private buf: Buffer | undefined;
  private used = 0;
  private readonly free: Buffer[] = [];
  /** `{"file":"…","startLine":` for the file being written (encoded once per file). */
  private head: { file: string | undefined; bytes: Buffer } | undefined;
  private static readonly END_LINE = Buffer.from(',"endLine":');
  private static readonly TRUNCATED = Buffer.from(',"truncated":true');
  constructor(
    private readonly io: CliIO,
    private readonly beforeWrite: () => void,
  ) {}

  /** Room for `most` more bytes: a promise when making it wrote a buffer the output cannot take yet. */
  private room(most: number): Promise<void> | undefined {
    const backedUp = this.used + most > BATCH_BYTES ? this.flush() : undefined;
    this.buf ??= this.free.pop() ?? Buffer.allocUnsafeSlow(BATCH_BYTES);
    return backedUp;
  }

  /** Add a line; when that wrote a buffer the output cannot take yet, a promise of when it can. */
  push(line: string): Promise<void> | undefined {
    // A UTF-16 code unit is at most 3 bytes of UTF-8.
    const most = 3 * line.length + 1;
    if (most > BATCH_BYTES) {
      const backedUp = this.flush();
      this.beforeWrite();
      this.io.out(`${line}\n`);
      return backedUp;
    }
    const backedUp = this.room(most);
    const buf = this.buf as Buffer;
    this.used += buf.write(line, this.used);
    buf[this.used++] = 10;
    return backedUp;
  }

  /**
   * Add a hit's line (hitLine's text): from its template's encoded line when scan() answered it from
   * its memo, with only the file, line numbers and values put in; else from hitLine.
   */
  pushHit(hit: Hit): Promise<void> | undefined {
    const how = hitTemplate(hit);
    // The print a template was made from has its own matches, equal to the template's when those hold
    // no value: its line is the template's line too.
    const top = how?.first
      ? how.template.constantMatches
        ? (how.template.result as { matches: Match[] }).matches[0]
        : undefined
      : hit.matches[0];
    const enc = how && (!how.first || how.template.constantMatches) ? encodedLine(how, top) : undefined;
    if (!how || !enc) return this.push(hitLine(hit));
    let head = this.head;
    if (head?.file !== hit.file || !head) {
      const file = hit.file ? `"file":${JSON.stringify(hit.file)},` : "";
      head = { file: hit.file, bytes: Buffer.from(`{${file}"startLine":`) };
      this.head = head;
    }
    const { values, tValues } = how;
    const { at: places, refs, lengths } = enc;
    for (let i = 0; i < refs.length; i++) {
      const r = refs[i] as number;
      if (((r & 1 ? tValues : values)[r >> 1] as string).length !== lengths[i])
        return this.push(hitLine(hit));
    }
    const most = head.bytes.length + enc.bytes.length + 64;
    if (most > BATCH_BYTES) return this.push(hitLine(hit));
    const backedUp = this.room(most);
    const buf = this.buf as Buffer;
    let at = this.used;
    at = putBytes(buf, at, head.bytes);
    at = putInt(buf, at, hit.startLine);
    at = putBytes(buf, at, LineBatch.END_LINE);
    at = putInt(buf, at, hit.endLine);
    // The template's line, then this print's values over the first print's.
    const base = at;
    at = putBytes(buf, at, enc.bytes);
    for (let i = 0; i < refs.length; i++) {
      const r = refs[i] as number;
      putAscii(buf, base + (places[i] as number), (r & 1 ? tValues : values)[r >> 1] as string);
    }
    if (hit.truncated) at = putBytes(buf, at, LineBatch.TRUNCATED);
    buf[at++] = 125; // }
    buf[at++] = 10;
    this.used = at;
    return backedUp;
  }

  /**
   * Write what is gathered. A pipe's writes are queued, not made at once, and the scan's loop alone never
   * lets the queue drain: the promise returned when the output is backed up is to be awaited.
   */
  flush(): Promise<void> | undefined {
    const buf = this.buf;
    if (this.used === 0 || !buf) return undefined;
    this.beforeWrite();
    const bytes = buf.subarray(0, this.used);
    this.buf = undefined;
    this.used = 0;
    if (this.io.outBytes) return this.io.outBytes(bytes, () => this.free.push(buf));
    this.io.out(bytes.toString("utf8"));
    this.free.push(buf);
    return undefined;
  }
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The time of a timeline key (an ISO minute, read as UTC), or NaN. */
const minuteTime = (minute: string) => Date.parse(`${minute.slice(0, 10)}T${minute.slice(11, 16)}Z`);

/** "AADSTS50126" → 50126; an entry id (a failure with no code) sorts after every code. */
const codeNumber = (key: string) =>
  key.startsWith("AADSTS") && Number.isInteger(Number(key.slice(6))) ? Number(key.slice(6)) : Infinity;

/**
 * A bar chart of failures over time, one block per code, the most frequent first: a burst of one code at
 * one time shows at a glance. Buckets are minutes when the failures span two hours or less, hours up to
 * three days, days beyond; every bucket between the first and the last is shown, empty ones too, so the
 * gaps are visible.
 */
export function timelineChart(perMinute: Counts["timeline"]): string[] {
  const times = Object.values(perMinute)
    .flatMap((h) => Object.keys(h).map(minuteTime))
    .filter((t) => !Number.isNaN(t));
  if (times.length === 0) return [];
  const first = Math.min(...times);
  const last = Math.max(...times);
  const unit = last - first <= 2 * HOUR ? MINUTE : last - first <= 3 * DAY ? HOUR : DAY;
  const label = (t: number) => {
    const iso = new Date(t).toISOString();
    return unit === MINUTE ? iso.slice(0, 16) : unit === HOUR ? `${iso.slice(0, 13)}:00` : iso.slice(0, 10);
  };
  const floor = (t: number) => t - (t % unit);
  const buckets: string[] = [];
  for (let t = floor(first); t <= last; t += unit) buckets.push(label(t));
  const rows = Object.entries(perMinute).map(([code, counts]) => {
    const row = new Map<string, number>();
    let total = 0;
    for (const [minute, n] of Object.entries(counts)) {
      const t = minuteTime(minute);
      if (Number.isNaN(t)) continue;
      const b = label(floor(t));
      row.set(b, (row.get(b) ?? 0) + n);
      total += n;
    }
    return { code, row, total };
  });
  rows.sort(
    (a, b) =>
      b.total - a.total ||
      codeNumber(a.code) - codeNumber(b.code) ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
  const max = Math.max(...rows.flatMap((r) => [...r.row.values()]));
  const lines = [
    `Failures per ${unit === MINUTE ? "minute" : unit === HOUR ? "hour" : "day"} (by the failure's own timestamp, UTC):`,
  ];
  for (const { code, row, total } of rows) {
    if (total === 0) continue;
    lines.push(`  ${code} (${total})`);
    for (const b of buckets) {
      const n = row.get(b) ?? 0;
      const bar = n > 0 ? `${"#".repeat(Math.max(1, Math.round((40 * n) / max)))} ` : "";
      lines.push(`    ${b}  ${bar}${n}`);
    }
  }
  return lines;
}

function summaryTable(c: Counts): string {
  const top = (o: Record<string, number>) =>
    Object.entries(o)
      .sort((a, b) => b[1] - a[1] || codeNumber(a[0]) - codeNumber(b[0]))
      .slice(0, 10)
      .map(([k, n]) => `    ${String(n).padStart(7)}  ${k}`);
  return [
    `Lines read: ${c.lines}   Failures: ${c.hits}${c.longLines ? `   Lines cut at the length limit: ${c.longLines}` : ""}${c.truncatedHits ? `   Failures cut at a limit: ${c.truncatedHits}` : ""}`,
    "  By code:",
    ...top(c.byCode),
    "  By catalog entry:",
    ...top(c.byEntry),
    "  By credential:",
    ...top(c.byCredential),
  ].join("\n");
}

const MiB = 1048576;

/**
 * The progress line on stderr: shown only when stderr is a terminal and every input is a file whose size
 * is known (stdin has none). It is redrawn at most ten times a second and erased before the summary.
 */
class Progress {
  private done = 0;
  private last = 0;
  private drawn = false;
  constructor(
    private readonly io: CliIO,
    private readonly total: number,
  ) {}
  read(bytes: number, hits: number, name: string): void {
    this.done += bytes;
    const now = Date.now();
    if (this.drawn && now - this.last < 100 && this.done < this.total) return;
    this.last = now;
    this.drawn = true;
    const ratio = this.total > 0 ? Math.min(1, this.done / this.total) : 1;
    const width = 24;
    const full = Math.round(ratio * width);
    const bar = `${"█".repeat(full)}${"░".repeat(width - full)}`;
    const size = `${(this.done / MiB).toFixed(1)}/${(this.total / MiB).toFixed(1)} MiB`;
    this.io.err(
      `\r\x1b[K${bar} ${String(Math.floor(ratio * 100)).padStart(3)}%  ${size}  ${hits} hits  ${name}`,
    );
  }
  clear(): void {
    if (this.drawn) this.io.err("\r\x1b[K");
    this.drawn = false;
  }
}

/** The inputs that name the process's own stdin, which is read as the stream it was given. */
const STDIN_NAMES = new Set(["-", "/dev/stdin", "/dev/fd/0", "/proc/self/fd/0"]);

/**
 * The total size of the inputs, or undefined when one is stdin, a pipe or anything else that is not a
 * regular file (its size is unknown). A file that cannot be read counts 0 here; the scan reports it.
 */
async function totalSize(inputs: string[]): Promise<number | undefined> {
  let total = 0;
  for (const name of inputs) {
    if (STDIN_NAMES.has(name)) return undefined;
    const st = await stat(name).catch(() => undefined);
    if (st && !st.isFile()) return undefined;
    total += st?.size ?? 0;
  }
  return total;
}

async function run(io: CliIO, args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, options, ["max-line-length", "max-block-lines"]);
  const format = oneOf(values.format, FORMATS, "scan format");
  const since = isoTime(values.since, "--since");
  const until = isoTime(values.until, "--until");
  const maxLineLength = positiveInt(values["max-line-length"], "--max-line-length");
  const maxBlockLines = positiveInt(values["max-block-lines"], "--max-block-lines");

  const counts: Counts = {
    files: [],
    lines: 0,
    hits: 0,
    longLines: 0,
    truncatedHits: 0,
    byCode: {},
    byEntry: {},
    byCredential: {},
    timeline: {},
  };
  const catalog = await userCatalog(values.catalog);
  const inputs = positionals.length === 0 ? ["-"] : positionals;
  const total = io.stderrIsTTY && !values["no-progress"] ? await totalSize(inputs) : undefined;
  const progress = total === undefined ? undefined : new Progress(io, total);
  // On a shared terminal the progress line is erased before hits are written, and redrawn after.
  const out = (text: string) => {
    if (io.stdoutIsTTY) progress?.clear();
    io.out(text);
  };
  const batch = new LineBatch(io, () => {
    if (io.stdoutIsTTY) progress?.clear();
  });
  const flushBatch = () => batch.flush();
  let shown = 0;
  const unreadable: string[] = [];
  const failed = (name: string, e: unknown, what: string) => {
    progress?.clear();
    unreadable.push(name);
    io.err(
      `aadsts: ${what} ${name === "-" ? "stdin" : name}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`,
    );
  };
  for (const name of inputs) {
    const isStdin = STDIN_NAMES.has(name);
    let source: AsyncIterable<Buffer | string>;
    try {
      source = isStdin
        ? await streamSource(io.stdin ?? (async function* () {})())
        : await fileSource(name, progress && ((bytes) => progress.read(bytes, shown, name)), { reuse: true });
    } catch (e) {
      failed(name, e, "cannot read");
      continue;
    }
    const summary: ScanSummary = { lines: 0, hits: 0, longLines: 0 };
    try {
      for await (const hit of scan(
        source,
        {
          catalog,
          ...(name === "-" ? {} : { file: name }),
          ...(maxLineLength ? { maxLineLength } : {}),
          ...(maxBlockLines ? { maxBlockLines } : {}),
          redact: !values["no-redact"],
          // Hits are only read here and written from their template's JSON: no copy per hit.
          shared: true,
          ...(since !== undefined ? { since } : {}),
          ...(until !== undefined ? { until } : {}),
        },
        summary,
      )) {
        shown++;
        for (const c of hit.parsed.codes) bump(counts.byCode, codeName(c));
        if (hit.parsed.codes.length === 0) bump(counts.byCode, "(no code)");
        bump(counts.byEntry, hit.matches[0]?.id ?? "(none)");
        bump(counts.byCredential, hit.parsed.credential ?? "(not named)");
        if (hit.truncated) counts.truncatedHits++;
        if (hit.parsed.timestamp) {
          const minute = hit.parsed.timestamp.slice(0, 16);
          const code = hit.parsed.codes[0] ? codeName(hit.parsed.codes[0]) : (hit.matches[0]?.id ?? "(none)");
          counts.timeline[code] ??= {};
          bump(counts.timeline[code] as Record<string, number>, minute);
        }
        if (format === "text") {
          const where = `${hit.file ?? "stdin"}:${hit.startLine}${hit.endLine > hit.startLine ? `-${hit.endLine}` : ""}`;
          const top = hit.matches[0];
          out(
            `${where}  ${hit.parsed.codes.map((c) => `AADSTS${c}`).join(",") || "-"}  ${top ? `${top.id}: ${top.title}` : ""}\n`,
          );
        } else {
          // Hits are written in batches: one write per hit costs more than the JSON itself.
          const backedUp = batch.pushHit(hit);
          if (backedUp) await backedUp;
        }
      }
    } catch (e) {
      await flushBatch();
      failed(name, e, "error while reading");
      continue;
    }
    await flushBatch();
    counts.files.push(summary);
    counts.lines += summary.lines;
    counts.longLines += summary.longLines;
  }
  counts.hits = shown;
  progress?.clear();
  // Nothing could be read: the errors above say so, and a summary of nothing would only add noise.
  if (unreadable.length === inputs.length) return EXIT_CODES.io;
  if (format === "text") {
    io.out(`\n${summaryTable(counts)}\n`);
    const chart = timelineChart(counts.timeline);
    if (chart.length > 0) io.out(`\n${chart.join("\n")}\n`);
  }
  // The summary goes to stderr: a table on a terminal, JSON otherwise (for pipelines). The text report
  // holds the table already: when it is on the same terminal, it is not shown twice.
  const { timeline: _t, ...summaryJson } = counts;
  if (io.stderrIsTTY) {
    if (!(format === "text" && io.stdoutIsTTY)) io.err(`${summaryTable(counts)}\n`);
  } else
    io.err(
      `${JSON.stringify({ summary: { ...summaryJson, ...(unreadable.length > 0 ? { unreadable } : {}) } })}\n`,
    );
  if (unreadable.length > 0) return EXIT_CODES.io;
  return values["fail-on-hit"] && shown > 0 ? EXIT_CODES.failuresFound : EXIT_CODES.ok;
}

export const scanCommand: Command = { options, help, run };
