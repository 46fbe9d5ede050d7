/**
 * The sanitisers every stage shares, each written once: control characters out of text that reaches a
 * terminal or a page, the https check for any link we show or accept, and HTML-entity decoding for text
 * that went through a page or marked's lexer. Pure (no `node:` imports): the browser bundle uses it too.
 */
import { PATTERNS } from "./patterns.js";

/**
 * Text without C0/C1 control characters and bidi overrides: an escape sequence loses its ESC and becomes
 * inert text, so input or catalog text cannot move a terminal's cursor, retitle it or reorder a line.
 */
export function stripControl(text: string): string {
  return text.replace(PATTERNS.unsafeControl, "");
}

/** True when `text` holds a character {@link stripControl} removes (catalog text must not). */
export function hasControl(text: string): boolean {
  return text.search(PATTERNS.unsafeControl) !== -1;
}

/** `value` parsed as an absolute URL, or undefined when it is not one. */
export function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

/** `value` as an https URL, or undefined when it is not a URL or not https. */
export function httpsUrl(value: string | URL): URL | undefined {
  const url = typeof value === "string" ? parseUrl(value) : value;
  return url?.protocol === "https:" ? url : undefined;
}

/** True when `value` is an https URL: the only links rendered, and the only ones a catalog may hold. */
export function isHttps(value: string): boolean {
  return httpsUrl(value) !== undefined;
}

const ENTITIES: Record<string, string> = {
  "&quot;": '"',
  "&apos;": "'",
  "&#39;": "'",
  "&#x27;": "'",
  "&#34;": '"',
  "&lt;": "<",
  "&gt;": ">",
  "&amp;": "&",
  "&nbsp;": " ",
};

/**
 * The common HTML entities turned back into characters, in one pass (so `&amp;lt;` becomes `&lt;`, not
 * `<`): text copied from a web page, and the text tokens marked's lexer leaves escaped.
 */
export function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(PATTERNS.htmlEntityAny, (e) => ENTITIES[e] ?? e);
}
