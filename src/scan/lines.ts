/**
 * Stage 1 of scan(): chunks of a log (strings, Node Buffers or other bytes) → the lines worth looking at.
 * A line matters when it holds a trigger word or when a block is open (the block stage decides what ends
 * it); every other line is only counted, in bulk: the text is searched with indexOf (Buffer#indexOf,
 * native memchr/memmem, on bytes) for the next trigger and the line ends before it are counted, never
 * decoded. Lines past the length limit are cut and flagged, never dropped.
 */
import { PATTERNS } from "../patterns.js";

/** One line handed to the block stage. */
export interface Line {
  text: string;
  /** 1-based line number. */
  no: number;
  /** The line was longer than the limit and is cut. */
  long: boolean;
}

/** Words whose presence makes a line worth parsing. */
export const TRIGGERS = ["Identity not found", "az login", "error_description", "AADSTS", "Credential"];

/**
 * What is searched for each trigger: a piece of at most 7 characters that starts with a rare character,
 * and where it sits in the trigger. V8's indexOf runs a memchr for the first character of so short a
 * pattern; on a 50 MB log, `z logi` takes 3 ms where `az login` takes 62 ms, and the five probes 21 ms
 * where the five triggers took 190 ms. A probe found is checked against the whole trigger.
 */
const PROBES: ReadonlyArray<readonly [probe: string, offset: number]> = [
  ["y not f", 7],
  ["z logi", 1],
  ["_descri", 5],
  ["AADSTS", 0],
  ["Creden", 0],
];

/** Line totals, kept as the lines are read. */
export interface LineCounts {
  lines: number;
  longLines: number;
}

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

/** Does the line hold a trigger word. */
export function hasTrigger(text: string): boolean {
  for (const t of TRIGGERS) if (text.includes(t)) return true;
  return false;
}

/**
 * The earliest position at or after `from` where any trigger occurs (-1: none). `cache` holds each
 * trigger's last found position (-2: not searched yet); positions only move forward within one text,
 * so a trigger is searched again only once `from` has passed it: a common word costs one search per
 * occurrence, not one per line.
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

/**
 * Reads a source as lines. `wanted()` says whether every line is wanted now (a block is open); when it
 * is not, lines up to the next trigger are skipped and only counted.
 */
export class LineReader {
  private lineNo = 0;
  private readonly NodeBuffer = (globalThis as unknown as { Buffer?: BufferLike }).Buffer;
  private readonly triggerBytes: NodeBytes[];
  private readonly probeBytes: NodeBytes[];
  private readonly decoder = new TextDecoder("utf-8", { fatal: false });
  /** Per text being split: where each trigger occurs next (-1: not at all, -2: not searched yet). */
  private readonly nextAt: number[] = TRIGGERS.map(() => -2);
  private cachedText = "";
  /** The start of a line whose end has not arrived yet. */
  private carry = "";
  private carryBytes: NodeBytes | undefined;
  /** Inside a line that passed the limit: skip to its end. */
  private longLine = false;
  /** Characters (or bytes) read so far. */
  read = 0;

  constructor(
    private readonly maxLine: number,
    private readonly counts: LineCounts,
    private readonly wanted: () => boolean,
  ) {
    const B = this.NodeBuffer;
    this.triggerBytes = B ? TRIGGERS.map((t) => B.from(t)) : [];
    this.probeBytes = B ? PROBES.map(([p]) => B.from(p)) : [];
  }

  /** Does this chunk take the byte path (a Node Buffer). */
  isBytes(chunk: unknown): boolean {
    return this.NodeBuffer?.isBuffer(chunk) === true;
  }

  private line(text: string, long: boolean): Line {
    this.lineNo++;
    this.counts.lines++;
    if (long) this.counts.longLines++;
    return { text, no: this.lineNo, long };
  }

  /** The lines a chunk completes. */
  *chunk(chunk: string | Uint8Array): Generator<Line> {
    if (this.isBytes(chunk)) {
      yield* this.bytes(chunk as unknown as NodeBytes);
      return;
    }
    const piece = typeof chunk === "string" ? chunk : this.decoder.decode(chunk, { stream: true });
    this.read += piece.length;
    yield* this.text(piece);
  }

  /** One whole line given on its own (an iterable of lines): the same as the line and a line feed. */
  *wholeLine(text: string): Generator<Line> {
    this.read += text.length + 1;
    yield* this.text(`${text}\n`);
  }

  private *text(piece: string): Generator<Line> {
    const maxLine = this.maxLine;
    let text = this.carry + piece;
    this.carry = "";
    let from = 0;
    for (;;) {
      const nl = text.indexOf("\n", from);
      if (nl < 0) break;
      let end = nl;
      if (end > from && text.charCodeAt(end - 1) === 13) end--;
      if (this.longLine) {
        this.longLine = false;
      } else {
        const long = end - from > maxLine;
        yield this.line(text.slice(from, long ? from + maxLine : end), long);
      }
      from = nl + 1;
      // Lines without a trigger and outside a block are skipped in bulk: jump to the next trigger.
      if (!this.wanted() && !this.longLine) from = this.skipToTrigger(text, from);
    }
    const rest = text.slice(from);
    if (this.longLine) {
      this.carry = "";
    } else if (rest.length > maxLine) {
      // A line longer than the limit: keep its start as a (flagged) line, drop the rest up to its end.
      yield this.line(rest.slice(0, maxLine), true);
      this.longLine = true;
      this.carry = "";
    } else this.carry = rest;
    text = "";
  }

  /** The last line, which has no line feed (even when it is only a carriage return). */
  *end(): Generator<Line> {
    if (this.carryBytes && this.carryBytes.length > 0)
      this.carry += this.carryBytes.toString("utf8", 0, this.carryBytes.length);
    this.carryBytes = undefined;
    const last = this.carry + this.decoder.decode();
    this.carry = "";
    const tail = last.replace(PATTERNS.trailingCarriageReturn, "");
    if (last.length > 0 && !this.longLine)
      yield this.line(tail.slice(0, this.maxLine), tail.length > this.maxLine);
  }

  /**
   * From `from`, the start of the line holding the next trigger (or the text's last line start), counting
   * the lines skipped. Lines with no trigger cannot start a failure, so they are only counted.
   */
  private skipToTrigger(text: string, from: number): number {
    if (text !== this.cachedText) {
      this.cachedText = text;
      this.nextAt.fill(-2);
    }
    const next = earliestTrigger(this.nextAt, from, (i, f) => findText(text, i, f));
    const target = next < 0 ? text.lastIndexOf("\n") + 1 : text.lastIndexOf("\n", next) + 1;
    if (target <= from) return from;
    let skipped = 0;
    for (let i = text.indexOf("\n", from); i >= 0 && i < target; i = text.indexOf("\n", i + 1)) skipped++;
    this.lineNo += skipped;
    this.counts.lines += skipped;
    return target;
  }

  // Node Buffers take a byte-level fast path: triggers and line ends are found with Buffer#indexOf (native
  // memchr/memmem) and only the lines around a trigger are decoded.

  private *bytes(chunk: NodeBytes): Generator<Line> {
    this.read += chunk.length;
    let from = 0;
    if (this.longLine) {
      // Still inside a line already reported (cut) at the limit: skip to its end without counting it again.
      const nl = chunk.indexOf(10, 0);
      if (nl < 0) return;
      this.longLine = false;
      from = nl + 1;
    }
    if (this.carryBytes) {
      // The line the last chunk ended in: join it with its end only, not with the whole chunk.
      const nl = chunk.indexOf(10, from);
      const head = chunk.subarray(from, nl < 0 ? chunk.length : nl + 1);
      const joined = (this.NodeBuffer as BufferLike).concat([this.carryBytes, head]);
      this.carryBytes = undefined;
      if (nl < 0) {
        yield* this.keepRest(joined, 0);
        return;
      }
      yield* this.walk(joined, 0);
      from = nl + 1;
    }
    const end = yield* this.walk(chunk, from);
    yield* this.keepRest(chunk, end);
  }

  /** Bytes after the last line end wait for the next chunk, unless they already pass the line limit. */
  private *keepRest(buf: NodeBytes, from: number): Generator<Line> {
    const rest = buf.length - from;
    if (rest > this.maxLine) {
      yield this.line(buf.toString("utf8", from, from + this.maxLine), true);
      this.longLine = true;
    } else if (rest > 0) this.carryBytes = (this.NodeBuffer as BufferLike).from(buf.subarray(from));
  }

  /**
   * Every complete line of `buf` from `start`: lines outside a block are skipped in bulk to the next
   * trigger (only counted); the rest are yielded. Returns where the incomplete last line starts.
   */
  private *walk(buf: NodeBytes, start: number): Generator<Line, number> {
    let from = start;
    const next = this.triggerBytes.map(() => -2);
    const triggers = this.triggerBytes;
    const probes = this.probeBytes;
    const search = (i: number, f: number) =>
      findBytes(
        buf,
        triggers[i] as NodeBytes,
        probes[i] as NodeBytes,
        (PROBES[i] as readonly [string, number])[1],
        f,
      );
    for (;;) {
      if (!this.wanted()) {
        const at = earliestTrigger(next, from, search);
        const target = at < 0 ? buf.lastIndexOf(10) + 1 : buf.lastIndexOf(10, at) + 1;
        if (target > from) {
          this.countLines(buf, from, target);
          from = target;
        }
        if (at < 0) return from;
      }
      const nl = buf.indexOf(10, from);
      if (nl < 0) return from;
      let end = nl;
      if (end > from && buf[end - 1] === 13) end--;
      const long = end - from > this.maxLine;
      yield this.line(buf.toString("utf8", from, long ? from + this.maxLine : end), long);
      from = nl + 1;
    }
  }

  /**
   * Count the lines in [from, to) of a buffer that are only skipped, and those past the length limit.
   * Buffer#indexOf is native memchr: measured on a 50 MB log, faster than a call-free loop over the bytes.
   */
  private countLines(buf: NodeBytes, from: number, to: number): void {
    const maxLine = this.maxLine;
    let prev = from;
    let n = 0;
    for (let nl = buf.indexOf(10, from); nl >= 0 && nl < to; nl = buf.indexOf(10, nl + 1)) {
      n++;
      if (nl - prev > maxLine) this.counts.longLines++;
      prev = nl + 1;
    }
    this.lineNo += n;
    this.counts.lines += n;
  }
}

/** Where trigger `i` next starts in a text at or after `from` (-1: nowhere), found by its probe. */
function findText(text: string, i: number, from: number): number {
  const [probe, offset] = PROBES[i] as readonly [string, number];
  const trigger = TRIGGERS[i] as string;
  for (let p = text.indexOf(probe, from + offset); p >= 0; p = text.indexOf(probe, p + 1)) {
    const start = p - offset;
    if (text.startsWith(trigger, start)) return start;
  }
  return -1;
}

/** findText for bytes. */
function findBytes(
  buf: NodeBytes,
  trigger: NodeBytes,
  probe: NodeBytes,
  offset: number,
  from: number,
): number {
  const end = buf.length - trigger.length;
  for (let p = buf.indexOf(probe, from + offset); p >= 0; p = buf.indexOf(probe, p + 1)) {
    const start = p - offset;
    if (start > end) return -1;
    let i = 0;
    while (i < trigger.length && buf[start + i] === trigger[i]) i++;
    if (i === trigger.length) return start;
  }
  return -1;
}
