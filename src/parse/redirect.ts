/**
 * Authorize-endpoint errors carried on a redirect: `?error=…&error_description=…` in the query string,
 * `#error=…` in the fragment, or a bare form_post body. Values are URL-encoded (`+`, `%0D%0A`, `%3a`).
 */
import { PATTERNS } from "../patterns.js";
import type { EntraErrorBody } from "../schema.js";
import { testIf } from "./prefilter.js";

const KEYS = [
  "error",
  "error_description",
  "error_uri",
  "suberror",
  "trace_id",
  "correlation_id",
  "timestamp",
  "claims",
];

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/** The error parameters of the first redirect in the text, as an Entra error body. */
export function readRedirect(input: string): EntraErrorBody | undefined {
  if (!testIf(PATTERNS.sdkBrowser, input) || !testIf(PATTERNS.redirectError, input)) return undefined;
  // A query string pasted one parameter per line (`?error=…` / `&error_description=…`) is one URL.
  const text = input.split("\n&").join("&");
  const at = text.search(PATTERNS.sdkBrowser);
  // The whitespace-free token around the parameters, from its first `?` or `#`.
  let start = at;
  while (start > 0 && !isSpace(text.charCodeAt(start - 1))) start--;
  let end = at;
  while (end < text.length && !isSpace(text.charCodeAt(end))) end++;
  const token = text.slice(start, end);
  const q = token.search(PATTERNS.redirectParamsStart);
  const query = (q >= 0 ? token.slice(q + 1) : token).split("#").join("&");
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(query);
  } catch {
    return undefined;
  }
  const body: Record<string, string> = {};
  for (const key of KEYS) {
    const v = params.get(key);
    if (v) body[key] = v;
  }
  return body.error || body.error_description ? (body as EntraErrorBody) : undefined;
}
