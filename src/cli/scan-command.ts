/**
 * `aadsts scan [FILE…]`: stream logs through scan(), print one NDJSON hit per failure (or a text report),
 * and a summary on stderr: lines read, hits, counts by code, entry and credential.
 */
import { stat } from "node:fs/promises";
import { parseArgs } from "node:util";
import { type Hit, parseTimeBound, type ScanSummary, scan } from "../scan/index.js";
import { fileSource, streamSource } from "../scan/node.js";
import { userCatalog } from "./catalogs.js";
import type { CliIO } from "./run.js";

export class ScanUsageError extends Error {}

const OPTIONS = {
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

function positiveInt(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new ScanUsageError(`${flag} must be a positive integer, not '${value}'`);
  return n;
}

function isoTime(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const t = parseTimeBound(value, Date.now());
  if (t === undefined)
    throw new ScanUsageError(
      `${flag} must be an ISO 8601 time (UTC unless it names a zone) or a span such as 1h, 7d, not '${value}'`,
    );
  return t;
}

const bump = (o: Record<string, number>, k: string) => {
  o[k] = (o[k] ?? 0) + 1;
};

/** One hit as printed: where it is, what it is, the fields, and the redacted excerpt. */
function hitRecord(hit: Hit) {
  const top = hit.matches[0];
  return {
    ...(hit.file ? { file: hit.file } : {}),
    startLine: hit.startLine,
    endLine: hit.endLine,
    ...(top ? { id: top.id, title: top.title } : {}),
    parsed: hit.parsed,
    excerpt: hit.excerpt,
    ...(hit.truncated ? { truncated: true } : {}),
  };
}

/**
 * A bar chart of failures over time, one block per code: a burst of one code at one time shows at a
 * glance. Buckets are minutes when the failures span two hours or less, hours otherwise.
 */
function timelineChart(perMinute: Counts["timeline"]): string[] {
  const minutes = [...new Set(Object.values(perMinute).flatMap((h) => Object.keys(h)))].sort();
  if (minutes.length === 0) return [];
  const span = (Date.parse(`${minutes[minutes.length - 1]}Z`) - Date.parse(`${minutes[0]}Z`)) / 60_000;
  const byHour = !(span <= 120);
  const bucket = (minute: string) => (byHour ? `${minute.slice(0, 13)}:00` : minute);
  const timeline: Counts["timeline"] = {};
  for (const [code, counts] of Object.entries(perMinute)) {
    const row: Record<string, number> = {};
    for (const [minute, n] of Object.entries(counts)) row[bucket(minute)] = (row[bucket(minute)] ?? 0) + n;
    timeline[code] = row;
  }
  const buckets = [...new Set(minutes.map(bucket))].sort();
  const max = Math.max(...Object.values(timeline).flatMap((h) => Object.values(h)));
  const lines = [`Failures per ${byHour ? "hour" : "minute"} (by the failure's own timestamp, UTC):`];
  for (const [code, row] of Object.entries(timeline).sort()) {
    lines.push(`  ${code}`);
    for (const b of buckets) {
      const n = row[b] ?? 0;
      if (n === 0) continue;
      lines.push(`    ${b}  ${"#".repeat(Math.max(1, Math.round((40 * n) / max)))} ${n}`);
    }
  }
  return lines;
}

function summaryTable(c: Counts): string {
  const top = (o: Record<string, number>) =>
    Object.entries(o)
      .sort((a, b) => b[1] - a[1])
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

/** The total size of the inputs, or undefined when one is stdin or cannot be read (the scan reports it). */
async function totalSize(inputs: string[]): Promise<number | undefined> {
  let total = 0;
  for (const name of inputs) {
    if (name === "-") return undefined;
    try {
      total += (await stat(name)).size;
    } catch {
      return undefined;
    }
  }
  return total;
}

export async function cmdScan(io: CliIO, args: string[], help: string): Promise<number> {
  let parsed: ReturnType<
    typeof parseArgs<{ args: string[]; allowPositionals: true; strict: true; options: typeof OPTIONS }>
  >;
  try {
    parsed = parseArgs({ args, allowPositionals: true, strict: true, options: OPTIONS });
  } catch (e) {
    throw new ScanUsageError((e as Error).message.split("\n")[0] ?? "invalid arguments");
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(help);
    return 0;
  }
  const format = values.format;
  if (format !== "ndjson" && format !== "text" && format !== "json")
    throw new ScanUsageError(`unknown scan format '${format}' (expected ndjson, text)`);
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
  const batch: string[] = [];
  const catalog = await userCatalog(values.catalog);
  const inputs = positionals.length === 0 ? ["-"] : positionals;
  const total = io.stderrIsTTY && !values["no-progress"] ? await totalSize(inputs) : undefined;
  const progress = total === undefined ? undefined : new Progress(io, total);
  // On a shared terminal the progress line is erased before hits are written, and redrawn after.
  const out = (text: string) => {
    if (io.stdoutIsTTY) progress?.clear();
    io.out(text);
  };
  const flushBatch = () => {
    if (batch.length > 0) out(`${batch.join("\n")}\n`);
    batch.length = 0;
  };
  let shown = 0;
  for (const name of inputs) {
    let source: AsyncIterable<Buffer | string>;
    try {
      source =
        name === "-"
          ? await streamSource(io.stdin ?? (async function* () {})())
          : await fileSource(name, progress && ((bytes) => progress.read(bytes, shown, name)));
    } catch (e) {
      progress?.clear();
      io.err(`aadsts: cannot read ${name}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
      return 3;
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
          ...(since !== undefined ? { since } : {}),
          ...(until !== undefined ? { until } : {}),
        },
        summary,
      )) {
        shown++;
        for (const c of hit.parsed.codes) bump(counts.byCode, `AADSTS${c}`);
        if (hit.parsed.codes.length === 0) bump(counts.byCode, "(no code)");
        bump(counts.byEntry, hit.matches[0]?.id ?? "(none)");
        bump(counts.byCredential, hit.parsed.credential ?? "(not named)");
        if (hit.truncated) counts.truncatedHits++;
        if (hit.parsed.timestamp) {
          const minute = hit.parsed.timestamp.slice(0, 16);
          const code = hit.parsed.codes[0]
            ? `AADSTS${hit.parsed.codes[0]}`
            : (hit.matches[0]?.id ?? "(none)");
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
          batch.push(JSON.stringify(hitRecord(hit)));
          if (batch.length >= 256) flushBatch();
        }
      }
    } catch (e) {
      flushBatch();
      progress?.clear();
      io.err(`aadsts: error while reading ${name}: ${(e as Error).message}\n`);
      return 3;
    }
    flushBatch();
    counts.files.push(summary);
    counts.lines += summary.lines;
    counts.longLines += summary.longLines;
  }
  counts.hits = shown;
  progress?.clear();
  if (format === "text") {
    io.out(`\n${summaryTable(counts)}\n`);
    const chart = timelineChart(counts.timeline);
    if (chart.length > 0) io.out(`\n${chart.join("\n")}\n`);
  }
  // The summary goes to stderr: a table on a terminal, JSON otherwise (for pipelines).
  const { timeline: _t, ...summaryJson } = counts;
  io.err(io.stderrIsTTY ? `${summaryTable(counts)}\n` : `${JSON.stringify({ summary: summaryJson })}\n`);
  return values["fail-on-hit"] && shown > 0 ? 1 : 0;
}
