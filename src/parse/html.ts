/**
 * An HTML page pasted whole (the sign-in page a client received instead of a token, a saved error page):
 * what a person would read on it, not its markup. Scripts and styles go, tags go, and the page's own
 * account of the error in its `$Config` (`strServiceExceptionMessage`) is kept as a line of text. Its
 * anti-forgery values (canary, flow token) never reach a field: they are in the script that goes, and
 * redaction removes them from the text before that.
 */
import { PATTERNS } from "../patterns.js";
import { decodeEntities } from "../sanitize.js";
import { unescapeOnce } from "./fields.js";
import { execIf } from "./prefilter.js";

/** The readable text of an HTML document, or undefined when the text is not one. */
export function htmlPageText(text: string): string | undefined {
  if (!PATTERNS.htmlDocument.test(text)) return undefined;
  const message = execIf(PATTERNS.signInPageMessage, text)?.[1];
  const visible = decodeEntities(withoutCode(text).replace(PATTERNS.htmlTag, "\n"))
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .join("\n");
  return message ? `${visible}\n${unescapeOnce(message)}${signInPageDetails(text)}` : visible;
}

/**
 * The sign-in page's troubleshooting details as its `$Config` holds them (`strTraceId`, `correlationId`,
 * `strTimestamp`, `iHttpErrorCode`), written as the labelled lines the page shows, for a text that holds
 * the page's `$Config` (its `strServiceExceptionMessage`); "" when it holds none of them. The page draws
 * these lines with script, so they are not in its markup.
 */
export function signInPageDetails(text: string): string {
  if (!text.includes('"strServiceExceptionMessage"')) return "";
  const trace = execIf(PATTERNS.signInPageTrace, text)?.[1];
  const correlation = execIf(PATTERNS.signInPageCorrelation, text)?.[1];
  const timestamp = execIf(PATTERNS.signInPageTimestamp, text)?.[1];
  const status = execIf(PATTERNS.signInPageStatus, text)?.[1];
  return [
    trace ? `\nTrace ID: ${trace}` : "",
    correlation ? `\nCorrelation ID: ${correlation}` : "",
    timestamp ? `\nTimestamp: ${timestamp}` : "",
    status ? `\nStatus code: ${status}` : "",
  ].join("");
}

/**
 * Blocks that are code, not text: each runs from its opening mark to the first closing one. The `<` is
 * built at run time so that no bundle holds the literal openers: the offline page inlines this code in a
 * <script> element, where a literal comment opener and script tag would change how HTML parses it.
 */
const LT = String.fromCharCode(60);
const CODE_BLOCKS: ReadonlyArray<readonly [open: string, close: string]> = [
  [`${LT}!--`, "-->"],
  [`${LT}script`, `${LT}/script>`],
  [`${LT}style`, `${LT}/style>`],
];

/**
 * The text without its comments, scripts and styles, found with indexOf on a lower-cased copy (one pass
 * per kind, linear; an unclosed block runs to the end).
 */
function withoutCode(text: string): string {
  let out = text;
  for (const [open, close] of CODE_BLOCKS) {
    if (!out.includes(open) && !out.toLowerCase().includes(open)) continue;
    const lower = out.toLowerCase();
    let kept = "";
    let from = 0;
    for (let at = lower.indexOf(open); at >= 0; at = lower.indexOf(open, from)) {
      kept += `${out.slice(from, at)}\n`;
      const end = lower.indexOf(close, at + open.length);
      from = end < 0 ? out.length : end + close.length;
    }
    out = kept + out.slice(from);
  }
  return out;
}
