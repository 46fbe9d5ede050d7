/**
 * Turn whatever the caller handed us (string, Error, plain object, anything) into text plus, where the
 * input already is one, an Entra error body. Nothing here may throw: getters can throw, objects can be
 * cyclic or huge, and `String(x)` itself can throw (`Symbol`, objects with a throwing `toString`).
 */

/** Default cap on the text we read from one input, in UTF-16 code units. */
export const MAX_INPUT_LENGTH = 1_000_000;

export interface InputText {
  text: string;
  /** The input itself was an Entra error body (a plain object with `error`/`error_description`). */
  body?: Record<string, unknown>;
}

const MAX_CAUSE_DEPTH = 5;

/** Read one property without letting a throwing getter escape. */
export function readProp(obj: object, key: string): unknown {
  try {
    return (obj as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

export function looksLikeEntraBody(obj: object): boolean {
  const error = readProp(obj, "error");
  const description = readProp(obj, "error_description");
  const codes = readProp(obj, "error_codes");
  return (
    typeof description === "string" ||
    (typeof error === "string" && (Array.isArray(codes) || typeof readProp(obj, "error_uri") === "string"))
  );
}

function safeString(value: unknown): string {
  try {
    return String(value);
  } catch {
    return "";
  }
}

/** JSON text for an arbitrary value: cycles become "[Circular]", throwing getters are skipped, depth is capped. */
export function safeStringify(value: unknown, maxLength = MAX_INPUT_LENGTH): string {
  const seen = new WeakSet<object>();
  let budget = maxLength;
  const walk = (v: unknown, depth: number): unknown => {
    if (budget <= 0) return "[…]";
    if (v === null || typeof v === "number" || typeof v === "boolean") return v;
    if (typeof v === "string") {
      budget -= v.length;
      return v;
    }
    if (typeof v === "bigint") return v.toString();
    if (typeof v !== "object") return undefined;
    if (seen.has(v)) return "[Circular]";
    if (depth > 8) return "[…]";
    seen.add(v);
    if (Array.isArray(v)) return v.slice(0, 1000).map((x) => walk(x, depth + 1));
    const out: Record<string, unknown> = {};
    let keys: string[] = [];
    try {
      keys = Object.keys(v).slice(0, 1000);
    } catch {
      return "[Unreadable]";
    }
    if (v instanceof Error)
      keys = ["name", "message", ...keys.filter((k) => k !== "name" && k !== "message")];
    for (const k of keys) {
      const w = walk(readProp(v, k), depth + 1);
      if (w !== undefined) Object.defineProperty(out, k, { value: w, enumerable: true, writable: true });
    }
    return out;
  };
  try {
    return JSON.stringify(walk(value, 0)) ?? "";
  } catch {
    return "";
  }
}

/** The text of an Error-like object: `Name: message`, then each `cause` on its own line. */
function errorText(obj: object, seen: Set<object>, depth: number): string {
  seen.add(obj);
  const name = readProp(obj, "name");
  const message = readProp(obj, "message");
  let text = typeof message === "string" ? message : "";
  if (typeof name === "string" && name && name !== "Error" && !text.startsWith(name))
    text = `${name}: ${text}`;
  const cause = readProp(obj, "cause");
  if (cause && depth < MAX_CAUSE_DEPTH) {
    if (typeof cause === "string") text += `\nCaused by: ${cause}`;
    else if (typeof cause === "object" && !seen.has(cause))
      text += `\nCaused by: ${errorText(cause, seen, depth + 1)}`;
  }
  return text;
}

export function toInputText(input: unknown): InputText {
  if (typeof input === "string") return { text: input };
  if (input === null || input === undefined) return { text: "" };
  if (typeof input !== "object") return { text: typeof input === "symbol" ? "" : safeString(input) };
  if (looksLikeEntraBody(input))
    return { text: safeStringify(input), body: input as Record<string, unknown> };
  if (input instanceof Error || typeof readProp(input, "message") === "string") {
    return { text: errorText(input, new Set(), 0) };
  }
  return { text: safeStringify(input) };
}
