/** Small extractors shared by every input shape. */
import { PATTERNS } from "../patterns.js";
import { replaceLiteral, substitute } from "../text.js";
import { validId } from "./ids.js";
import { execIf, mayMatch } from "./prefilter.js";

/** `2022-03-02 18:25:26Z` → `2022-03-02T18:25:26Z`. Anything that is not a timestamp gives undefined. */
export function normalizeTimestamp(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const m = PATTERNS.timestampValue.exec(value.trim());
  if (!m?.[1]) return undefined;
  return m[1].replace(" ", "T");
}

/** The URL without its query string and fragment (what Go prints, and what we report). */
export function stripQuery(url: string): string {
  const cut = url.search(PATTERNS.queryStart);
  return cut < 0 ? url : url.slice(0, cut);
}

/**
 * CRLF and lone CR line ends made LF. In this order the literal replacements give what one pass of
 * `/\r\n?/g` gives (a property test checks it).
 */
export function normalizeLineEnds(text: string): string {
  if (!text.includes("\r")) return text;
  return replaceLiteral(replaceLiteral(text, "\r\n", "\n"), "\r", "\n");
}

/**
 * Literal `\r\n` / `\n` / `\r` / `\t` escapes turned into real characters, for text that was JSON once.
 * One pass over the characters: the same result as a left-to-right regex pass over
 * `\\r\\n|\\n|\\r` followed by one over `\\t` (a property test checks it), and cheap even on a
 * megabyte of backslashes, where a substring search per backslash was not.
 */
export function unescapeLineBreaks(text: string): string {
  let i = text.indexOf("\\");
  if (i < 0) return text;
  let out = "";
  let last = 0;
  const end = text.length - 1;
  // From one backslash to the next by substring search: the characters between cannot start an escape.
  for (; i >= 0 && i < end; i = text.indexOf("\\", i + 1)) {
    const next = text.charCodeAt(i + 1);
    let to = -1;
    if (next === LETTER_N || next === LETTER_T) to = i + 2;
    else if (next === LETTER_R) to = text.startsWith("\\n", i + 2) ? i + 4 : i + 2;
    if (to < 0) continue;
    out += text.slice(last, i) + (next === LETTER_T ? "\t" : "\n");
    last = to;
    i = to - 1;
  }
  return last === 0 ? text : out + text.slice(last);
}

const BACKSLASH = 92;
const QUOTE = 34;
const LETTER_N = 110;
const LETTER_R = 114;
const LETTER_T = 116;

export interface DescriptionParts {
  message?: string;
  traceId?: string;
  correlationId?: string;
  timestampText?: string;
}

/** Collapse whitespace to single spaces. */
export function squash(text: string): string {
  return (spacedOnce(text) ? text : text.replace(PATTERNS.whitespace, " ")).trim();
}

/**
 * True when collapsing whitespace would change nothing: printable ASCII, no space beside another. (A
 * message is often squashed twice; replacing each of its spaces with a space built a new string.)
 */
function spacedOnce(text: string): boolean {
  let before = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 || c > 126 || (c === 32 && before === 32)) return false;
    before = c;
  }
  return true;
}

/** Longest `message` kept, in characters: a message is for reading; the full text is still parsed. */
export const MAX_MESSAGE_LENGTH = 8_192;

/** squash() for a message: only the start of a huge text is squashed, and a cut message ends in "…". */
export function messageText(text: string): string {
  const head = text.length > 4 * MAX_MESSAGE_LENGTH ? text.slice(0, 4 * MAX_MESSAGE_LENGTH) : text;
  const squashed = squash(head);
  if (squashed.length > MAX_MESSAGE_LENGTH) return `${squashed.slice(0, MAX_MESSAGE_LENGTH - 1).trimEnd()}…`;
  return head.length < text.length ? `${squashed}…` : squashed;
}

/** The labelled IDs and timestamp in a text. */
export function labels(text: string): Omit<DescriptionParts, "message"> {
  const parts: DescriptionParts = {};
  // Failing a label, the correlation ID a .NET-serialized body's key holds (`"CorrelationId":"…"`), or
  // the one MSAL.NET's log lines carry in their prefix.
  const correlation =
    labelledId(text, PATTERNS.correlationIdLabel) ??
    keyedId(text, PATTERNS.correlationIdKey) ??
    keyedId(text, PATTERNS.msalNetLogCorrelation);
  if (correlation) parts.correlationId = correlation;
  const ts = execIf(PATTERNS.timestampLabel, text)?.[1];
  if (ts) parts.timestampText = ts;
  // The sign-in page prints the trace ID as `Request Id:`, beside its Correlation Id and Timestamp.
  const trace =
    labelledId(text, PATTERNS.traceIdLabel) ??
    (correlation || ts ? labelledId(text, PATTERNS.requestIdLabel) : undefined);
  if (trace) parts.traceId = trace;
  return parts;
}

/** Labels looked at per text: the first one outside a log line's `[…]` context is wanted, rarely far. */
const MAX_LABELS = 10;

/**
 * A labelled ID. A label inside brackets (msal4j's log context `[Correlation ID: …]`, the ID the client
 * sent) gives way to a later label outside them, the failure's own. When console wrapping cut a GUID in
 * two (`…-1e0f9a8b` / `7c6d` on the next line), the two parts are joined, but only if together they make a
 * complete GUID. A value cut short by a mask (`145947e5-*******`) is no ID.
 */
function labelledId(text: string, label: RegExp): string | undefined {
  // A text without the label's literals holds no label (its pieces, searched below, hold none either).
  if (!mayMatch(label, text)) return undefined;
  let bracketed: { id: string | undefined } | undefined;
  let from = 0;
  for (let n = 0; n < MAX_LABELS && from < text.length; n++) {
    const rest = from === 0 ? text : text.slice(from);
    const m = label.exec(rest);
    if (!m?.[1]) break;
    const end = m.index + m[0].length;
    const id = idAt(rest, m[1], end);
    if (rest[m.index - 1] !== "[") return id;
    bracketed ??= { id };
    from += end;
  }
  return bracketed?.id;
}

/** Characters people mask the rest of an ID with (`145947e5-*******`, `68846eb####`, `0a2c••••`). */
const MASKS = "*#\u2022";

/** The ID a label matched, `end` being where the match ends in `text`. */
function idAt(text: string, value: string, end: number): string | undefined {
  const id = trimId(value);
  if (PATTERNS.fullGuid.test(id)) return id;
  if (MASKS.includes(text[end] ?? " ")) return undefined;
  const tail = PATTERNS.wrappedGuidTail.exec(text.slice(end, end + 60))?.[1];
  if (tail && PATTERNS.fullGuid.test(value + tail)) return value + tail;
  return id;
}

/** An ID an object key holds; as for a label, a value cut short by a mask is none. */
function keyedId(text: string, key: RegExp): string | undefined {
  const m = execIf(key, text);
  if (!m?.[1]) return undefined;
  return idAt(text, m[1], m.index + m[0].length);
}

/** An ID pattern may take a trailing hyphen from the text around it; an ID never ends with one. */
function trimId(id: string): string {
  let end = id.length;
  while (end > 0 && id[end - 1] === "-") end--;
  return id.slice(0, end);
}

/** A description's labels, and its message: the text before the label trailer, without the code prefix. */
export function descriptionParts(description: string): DescriptionParts {
  const text = unescapeLineBreaks(description);
  const parts: DescriptionParts = labels(text);
  const trailer = execIf(PATTERNS.trailerStart, text);
  const body = (trailer ? text.slice(0, trailer.index) : text).replace(PATTERNS.aadstsPrefix, "");
  const message = messageText(body);
  if (message) parts.message = message;
  return parts;
}

/** A comma-separated list of codes (`7000215`, `50076,50079`, a JSON array's inside) as numbers. */
export function codeList(list: string | undefined): number[] {
  if (!list) return [];
  return list
    .split(",")
    .map((s) => Number(s.trim()))
    .filter((n) => Number.isInteger(n) && n > 0);
}

/**
 * AADSTS codes in order of first appearance, and the code the sign-in page's troubleshooting details
 * print without its prefix (`Error Code: 53000` beside `Request Id:`).
 */
export function aadstsCodes(text: string): number[] {
  const codes: number[] = [];
  for (const m of text.matchAll(PATTERNS.aadstsCode)) {
    const n = Number(m[1]);
    if (!codes.includes(n)) codes.push(n);
  }
  if (text.includes("Error Code:") && PATTERNS.troubleshootingBlock.test(text)) {
    const n = Number(PATTERNS.pageErrorCode.exec(text)?.[1]);
    if (n && !codes.includes(n)) codes.push(n);
  }
  return codes;
}

/**
 * The `AADSTSnnnn: …` block in free text: from the code to the end of its Timestamp label, or to the end
 * of its line when there is no trailer. Works on real line breaks and on text flattened onto one line.
 */
export function aadstsBlock(text: string): string | undefined {
  const start = text.search(PATTERNS.aadstsStart);
  if (start < 0) return undefined;
  const rest = text.slice(start);
  const ts = execIf(PATTERNS.timestampLabel, rest);
  if (ts) return rest.slice(0, ts.index + ts[0].length).trim();
  const eol = rest.indexOf("\n");
  return (eol < 0 ? rest : rest.slice(0, eol)).trim();
}

/**
 * The application (client) ID where the text labels it, unless it is a placeholder; else a client ID that
 * is no GUID but is what the request really sent (Entra's echo of it, a request URL's `client_id=`),
 * unless the person masked it.
 */
export function clientIdFrom(text: string): string | undefined {
  const plain = withoutChallenge(text);
  const m = PATTERNS.clientIdLabel.exec(plain);
  const labelled = validId(m?.[1]) ?? m?.[2];
  if (labelled !== undefined || m?.[1] !== undefined) return labelled;
  const sent = execIf(PATTERNS.clientIdSent, plain);
  const value = (sent?.[1] ?? sent?.[2])?.trim();
  if (!value || PATTERNS.placeholderMark.test(value) || PATTERNS.guidLike.test(value)) return undefined;
  // Entra's echo proves the value was sent, a sample's own placeholder included; a URL in the text may be
  // the person's illustration (`client_id=any-client-id`).
  if (sent?.[2] !== undefined && PATTERNS.idPlaceholderWord.test(value)) return undefined;
  return value;
}

/**
 * The text with a `WWW-Authenticate` response header's value blanked out. A resource's bearer challenge
 * names the resource's own application (`client_id="00000003-0000-0000-c000-000000000000"` is Microsoft
 * Graph), not the client that failed. The value ends at the next header line (`Name: value`) or a blank
 * line, so a challenge that a console wrapped onto the next line is blanked whole.
 */
function withoutChallenge(text: string): string {
  // HTTP/2 and curl print header names in lower case.
  const upper = text.indexOf("WWW-Authenticate:");
  const lower = text.indexOf("www-authenticate:");
  const at = upper < 0 ? lower : lower < 0 ? upper : Math.min(upper, lower);
  if (at < 0) return text;
  let end = text.indexOf("\n", at);
  while (end >= 0) {
    const next = text.indexOf("\n", end + 1);
    const line = text.slice(end + 1, next < 0 ? text.length : next);
    if (PATTERNS.headerLine.test(line)) break;
    end = next;
  }
  if (end < 0) end = text.length;
  return text.slice(0, at) + " ".repeat(end - at) + text.slice(end);
}

const JSON_ESCAPES: Record<string, string> = {
  '"': '"',
  "\\": "\\",
  "/": "/",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
};

/** Undo one level of JSON string escaping (text that was a JSON string value, pasted with its escapes). */
export function unescapeOnce(text: string): string {
  // When the whole text is a valid JSON string body, the native parser undoes exactly the same escapes,
  // in one pass and without a callback per escape (a text of many escapes is slow the other way).
  // Any raw quote, control character or invalid escape makes it throw at once, and the replace below runs.
  // A raw line break or an unescaped quote makes it throw for sure: it is not tried then (a throw and
  // catch cost more than the rest of reading a short text).
  if (mayBeJsonStringBody(text))
    try {
      const native: unknown = JSON.parse(`"${text}"`);
      if (typeof native === "string") return native;
    } catch {}
  return substitute(text, PATTERNS.jsonEscape, (m) =>
    m[1] ? (JSON_ESCAPES[m[1]] ?? m[1]) : String.fromCharCode(Number.parseInt(m[2] ?? "0", 16)),
  );
}

/** False when JSON.parse of the text in quotes would throw: a raw line break or tab, or a first quote not escaped. */
function mayBeJsonStringBody(text: string): boolean {
  if (text.includes("\n") || text.includes("\r") || text.includes("\t")) return false;
  const quote = text.indexOf('"');
  return quote < 0 || (quote > 0 && text.charCodeAt(quote - 1) === BACKSLASH);
}

/** The text holds a JSON string value pasted with its escapes (escaped quotes or line breaks), whole or in part. */
export function looksEscaped(text: string): boolean {
  // One pass from backslash to backslash rather than two substring searches for `\\"` and `\\n`, which on
  // a megabyte of backslashes each cost as much as the rest of parsing.
  const end = text.length - 1;
  for (let i = text.indexOf("\\"); i >= 0 && i < end; i = text.indexOf("\\", i + 1)) {
    const next = text.charCodeAt(i + 1);
    if (next === QUOTE || next === LETTER_N) return true;
  }
  return false;
}

/**
 * Drop a prefix that most lines share: `> ` from quoted replies, `│ ` from Terraform's framed
 * diagnostics. Applied only when at least two lines and most non-empty lines carry it.
 */
export function stripLinePrefixes(input: string): string {
  return rejoinHardWraps(stripSharedPrefix(dedent(stripLogHeaders(stripCiTimestamps(input)))));
}

function stripSharedPrefix(text: string): string {
  // Most texts have no prefix character at all; a huge one is then not split into lines for nothing.
  if (!PREFIX_MARKS.some((mark) => text.includes(mark))) return text;
  let nonEmpty = 0;
  let prefixed = 0;
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    const kind = lineKind(text, start, end);
    if (kind !== "empty") nonEmpty++;
    if (kind === "prefixed") prefixed++;
    start = end + 1;
  }
  if (!mostLines(prefixed, nonEmpty)) return text;
  return text
    .split("\n")
    .map((line) => line.replace(PATTERNS.linePrefix, ""))
    .join("\n");
}

/** The narrowest console width whose hard wraps are rejoined (narrower texts are rarely wrapped). */
const MIN_WRAP_WIDTH = 80;

/**
 * A text copied from a console that hard-wrapped it (Windows PowerShell's error records, a terminal at a
 * fixed width) has its wrapped lines joined again, so that a credential name, a URL or a GUID cut at the
 * border reads whole. The wrap shows as several different lines of exactly the longest length, at least
 * 80 characters: each such line is joined to the next one, with no character between (the console cut
 * the text where the width ran out, not at a space). A text without two distinct longest lines, such as
 * a log repeating one line, is left as it is, and so is a rule drawn across the width (Go's `-----`).
 */
function rejoinHardWraps(text: string): string {
  let width = 0;
  let atWidth = 0;
  let firstAtWidth = -1;
  let distinct = false;
  for (let start = 0; start < text.length; ) {
    const end = text.indexOf("\n", start);
    if (end < 0) break; // the last line is never a wrapped one
    const length = end - start;
    if (isRule(text, start, end)) {
      start = end + 1;
      continue;
    }
    if (length > width) {
      width = length;
      atWidth = 1;
      firstAtWidth = start;
      distinct = false;
    } else if (length === width) {
      atWidth++;
      if (!distinct && text.slice(start, end) !== text.slice(firstAtWidth, firstAtWidth + width))
        distinct = true;
    }
    start = end + 1;
  }
  if (width < MIN_WRAP_WIDTH || atWidth < 2 || !distinct) return text;
  const lines = text.split("\n");
  let out = lines[0] ?? "";
  for (let i = 1; i < lines.length; i++) {
    const previous = lines[i - 1] ?? "";
    const joined = previous.length === width && (lines[i] ?? "") !== "" && !isRule(previous, 0, width);
    out += joined ? lines[i] : `\n${lines[i]}`;
  }
  return out;
}

/** A line drawn with one character (`-----`, `=====`): a rule between blocks, never a wrapped line. */
function isRule(text: string, start: number, end: number): boolean {
  const first = text.charCodeAt(start);
  if (first !== 45 && first !== 61 && first !== 95 && first !== 42 && first !== 126 && first !== 35)
    return false;
  for (let i = start + 1; i < end; i++) if (text.charCodeAt(i) !== first) return false;
  return true;
}

/**
 * A text whose every line is indented (a paste nested in a Markdown list or a log, an indented code
 * block) loses the indentation its lines share, so that markers written for a line start (a cmdlet's
 * `Connect-AzAccount : `, the CLI's `ERROR: `) still find it. Lines keep their indentation relative to
 * each other. The walk stops at the first line that is not indented, so most texts cost one character.
 */
function dedent(text: string): string {
  let common: string | undefined;
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    let i = start;
    while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
    if (i < end) {
      // A line with text: its leading white space bounds the indentation every line shares.
      const lead = text.slice(start, i);
      if (common === undefined) common = lead;
      else {
        let n = 0;
        while (n < common.length && n < lead.length && common[n] === lead[n]) n++;
        common = common.slice(0, n);
      }
      if (common === "") return text;
    }
    start = end + 1;
  }
  if (common === undefined || common === "") return text;
  const cut = common.length;
  return text
    .split("\n")
    .map((line) => (line.startsWith(common) ? line.slice(cut) : line.trimStart()))
    .join("\n");
}

/**
 * A log record's header (its time, level and thread) goes from every line that starts with one, so that
 * what the SDK printed after it starts the line again: markers written for a line start (a cmdlet's
 * `Connect-AzAccount : `, the CLI's `ERROR: `) then find it. The header's time is the log's, never Entra's
 * timestamp. Most texts start no line with a digit or a bracket after a line break, and cost one search.
 */
function stripLogHeaders(text: string): string {
  if (!startsLineWithDate(text)) return text;
  // A time on a line of its own, or after a line that ends in a label (`Timestamp:` wrapped by a console),
  // is a value, not a header.
  return text.replace(PATTERNS.logHeader, (header: string, at: number) =>
    PATTERNS.labelLineEnd.test(text.slice(Math.max(0, at - 40), at)) ? header : "",
  );
}

/** Whether any line starts (after up to four blanks and a bracket) with four digits and a dash. */
function startsLineWithDate(text: string): boolean {
  for (let start = 0; start < text.length; ) {
    let i = start;
    const stop = Math.min(text.length, start + 6);
    while (i < stop && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9 || text.charCodeAt(i) === 91))
      i++;
    if (isDigit(text.charCodeAt(i)) && isDigit(text.charCodeAt(i + 3)) && text.charCodeAt(i + 4) === 45)
      return true;
    const next = text.indexOf("\n", start);
    if (next < 0) return false;
    start = next + 1;
  }
  return false;
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * A CI log (GitHub Actions, Azure Pipelines) stamps every line with its time: when most lines of a text
 * that starts with one carry it, it goes, so a JSON body or a framed diagnostic spread over the lines reads
 * as one again.
 */
function stripCiTimestamps(text: string): string {
  if (!PATTERNS.ciTimestampPrefix.test(text)) return text;
  const lines = text.split("\n");
  const stamped = lines.filter((l) => PATTERNS.ciTimestampPrefix.test(l)).length;
  const nonEmpty = lines.filter((l) => l.trim() !== "").length;
  if (!mostLines(stamped, nonEmpty)) return text;
  return lines.map((l) => l.replace(PATTERNS.ciTimestampPrefix, "")).join("\n");
}

/** A prefix counts when at least two lines and 60% of the non-empty ones carry it. */
function mostLines(carrying: number, nonEmpty: number): boolean {
  return carrying >= 2 && carrying * 10 >= nonEmpty * 6;
}

/** The characters PATTERNS.linePrefix starts a prefix with. */
const PREFIX_MARKS = [">", "\u2502", "\u2503", "|"];

/**
 * What PATTERNS.linePrefix and trim() would say of text[start, end), without cutting the line out: up to
 * four spaces or tabs, then a prefix mark, is "prefixed"; only whitespace is "empty".
 */
function lineKind(text: string, start: number, end: number): "empty" | "prefixed" | "other" {
  let i = start;
  while (i < end && (text[i] === " " || text[i] === "\t") && i - start < 4) i++;
  if (i < end && PREFIX_MARKS.includes(text[i] as string)) return "prefixed";
  while (i < end && (text[i] === " " || text[i] === "\t" || text[i] === "\r")) i++;
  if (i === end) return "empty";
  // Rarer whitespace (no-break space, form feed, …): let trim() decide.
  return text.charCodeAt(i) > 32 && text.charCodeAt(i) < 127
    ? "other"
    : text.slice(i, end).trim() === ""
      ? "empty"
      : "other";
}
