/**
 * Times for scan()'s `since` and `until`: the bounds a user types, and the time a failure happened.
 * A time written without a zone is UTC, as the report prints times.
 */
import { PATTERNS } from "../patterns.js";

const UNIT_MS: Record<string, number> = {
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

/**
 * A `since`/`until` bound in milliseconds since the epoch, or undefined when the text is not one.
 * Accepts a date (`2026-11-01`, midnight UTC), a date and time (`2026-11-01T06:00`, `2026-11-01 06:00:00`),
 * read as UTC unless it names a zone (`Z`, `+02:00`), or a span before `now`: `30s`, `15m`, `1h`, `7d`, `2w`.
 *
 * @example
 * ```ts
 * parseTimeBound("1h", Date.parse("2026-11-01T12:00:00Z")); // Date.parse("2026-11-01T11:00:00Z")
 * parseTimeBound("2026-11-01 06:00", 0);                     // Date.parse("2026-11-01T06:00:00Z")
 * ```
 */
export function parseTimeBound(text: string, now: number): number | undefined {
  const t = text.trim();
  const relative = PATTERNS.relativeTime.exec(t);
  if (relative) return now - Number(relative[1]) * (UNIT_MS[(relative[2] as string).toLowerCase()] as number);
  const m = PATTERNS.timeBound.exec(t);
  if (!m) return undefined;
  const [, date, time, zone] = m;
  const clock = time ? (time.length === 5 ? `${time}:00` : time) : "00:00:00";
  const ms = Date.parse(`${date}T${clock}${zone ? zone.toUpperCase() : "Z"}`);
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * The time a log line was written, from its leading timestamp (`2026-11-01T06:00:00.123Z …`,
 * `[2026-11-01 06:00:00] …`) or a JSON record's `time`/`timestamp` field; UTC when no zone is given.
 * NaN when the line states none.
 */
export function lineTime(line: string): number {
  const text = PATTERNS.lineTime.exec(line)?.[1] ?? PATTERNS.jsonRecordTime.exec(line)?.[1];
  return text === undefined ? Number.NaN : timeOf(text);
}

/** Milliseconds of an ISO-like time (space or `T`, `.` or `,` before the fraction), UTC when no zone. */
export function timeOf(text: string): number {
  const iso = text.trim().replace(" ", "T").replace(",", ".");
  const zoned = PATTERNS.zoneSuffix.test(iso);
  return Date.parse(zoned ? iso : `${iso}Z`);
}
