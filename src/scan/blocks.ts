/**
 * Stage 2 of scan(): lines → blocks. A block opens at a line holding a trigger word and takes the lines
 * after it (Go's response block, a traceback's tail, a credential chain's indented members) until a line
 * that starts a new log record, a blank line, or a new trigger after a complete one-line failure.
 */
import { PATTERNS } from "../patterns.js";
import { hasTrigger, type Line } from "./lines.js";

/** The lines of one failure (or of a few printed together), for the hit stage. */
export interface Block {
  lines: Line[];
  /** The block passed the line limit, or one of its lines was cut. */
  truncated: boolean;
}

export class BlockCollector {
  private pending: Line[] = [];
  private truncated = false;

  constructor(private readonly maxLines: number) {}

  /** A block is open: the line stage must hand over every line, not skip to the next trigger. */
  get open(): boolean {
    return this.pending.length > 0;
  }

  /** Take one line; returns the block it closes, if any. */
  push(line: Line): Block | undefined {
    const isTrigger = hasTrigger(line.text);
    let closed: Block | undefined;
    if (this.pending.length > 0) {
      // A record start or a blank line ends the block; so does a new trigger after a complete one-line
      // failure (logs without timestamps, one error per line).
      const ends =
        line.text.trim() === "" ||
        PATTERNS.logRecordStart.test(line.text) ||
        (isTrigger && this.pending.length === 1 && (this.pending[0] as Line).text.includes("AADSTS"));
      if (!ends) {
        if (this.pending.length < this.maxLines) this.pending.push(line);
        else this.truncated = true;
        return undefined;
      }
      closed = this.end();
    }
    if (isTrigger) this.pending.push(line);
    return closed;
  }

  /** Close the open block (at the end of the input). */
  end(): Block | undefined {
    if (this.pending.length === 0) return undefined;
    const lines = this.pending;
    const truncated = this.truncated || lines.some((l) => l.long);
    this.pending = [];
    this.truncated = false;
    return { lines, truncated };
  }
}
