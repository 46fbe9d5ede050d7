import { forgetTexts, mayMatchFolded } from "./parse/prefilter.js";
import { PATTERNS } from "./patterns.js";
import { substitute as replaceEach } from "./text.js";

/** What replaces a secret value. Field names around it are kept. */
export const REDACTED = "[REDACTED]";

/** What {@link redact} returns. */
export interface RedactResult {
  text: string;
  /** How many secret values were replaced. */
  count: number;
}

/**
 * Replace secret values in `text` and keep everything else: field names, GUIDs, codes and timestamps.
 * Runs in time linear in the input: every pattern is checked by the ReDoS test, and PEM blocks are
 * found with `indexOf` rather than a lazy regex.
 */
export function redact(text: string): RedactResult {
  forgetTexts();
  let count = 0;
  const bump = () => {
    count++;
  };
  let out = redactPemBlocks(text, bump);
  // Each pattern runs only on a text that holds one of its required literals (most texts hold no secret,
  // and most of the patterns are case-insensitive: their literals are looked for in the lower case).
  let lower = out.toLowerCase();
  const substitute = (
    current: string,
    re: RegExp,
    fn: (m: RegExpExecArray) => string | undefined,
  ): string => {
    if (!mayMatchFolded(re, current, lower)) return current;
    const next = replaceEach(current, re, fn);
    if (next !== current) lower = next.toLowerCase();
    return next;
  };
  out = substitute(out, PATTERNS.jwt, () => {
    bump();
    return REDACTED;
  });
  out = substitute(out, PATTERNS.bearer, (m) => {
    // "Bearer assertion", "Bearer token": an English word after the scheme name is prose, not a token.
    if (isPlainWord(m[2] as string)) return undefined;
    bump();
    return `${m[1]}${REDACTED}`;
  });
  out = substitute(out, PATTERNS.secretAssignment, (m) => {
    if (m[2] === REDACTED) return undefined;
    bump();
    return `${m[1]}=${REDACTED}`;
  });
  out = substitute(out, PATTERNS.secretJsonField, (m) => {
    if (m[3] === REDACTED || m[3] === "") return undefined;
    bump();
    return `"${m[1]}"${m[2]}"${REDACTED}"`;
  });
  out = substitute(out, PATTERNS.secretHiddenInput, (m) => {
    if (m[2] === REDACTED) return undefined;
    bump();
    return `${m[1]}${REDACTED}${m[3]}`;
  });
  out = substitute(out, PATTERNS.secretPythonField, (m) => {
    if (m[3] === REDACTED || m[3] === "") return undefined;
    bump();
    return `'${m[1]}'${m[2]}'${REDACTED}'`;
  });
  out = substitute(out, PATTERNS.digestHeader, (m) => {
    if (m[2]?.startsWith(REDACTED)) return undefined;
    bump();
    return `${m[1]}${REDACTED}`;
  });
  out = substitute(out, PATTERNS.secretHeader, (m) => {
    if (m[3]?.startsWith(REDACTED)) return undefined;
    bump();
    return `${m[1]}${m[2]}${REDACTED}`;
  });
  out = substitute(out, PATTERNS.secretFlag, (m) => {
    const value = m[3] as string;
    if (value.includes(REDACTED) || value.startsWith("$")) return undefined; // a variable name is no secret
    if (m[1] === "-p" && PATTERNS.portLike.test(value)) return undefined; // `-p 8080:80` is a port
    // Prose about the flag ("--password no longer accepts…", az's own message): an unquoted English word.
    if (isPlainWord(value)) return undefined;
    bump();
    const quote = value[0] === '"' || value[0] === "'" ? value[0] : "";
    return `${m[1]}${m[2]}${quote}${REDACTED}${quote}`;
  });
  out = substitute(out, PATTERNS.secureStringLiteral, (m) => {
    if ((m[2] as string).includes(REDACTED)) return undefined;
    bump();
    const quote = (m[2] as string)[0];
    return `${m[1]}${quote}${REDACTED}${quote}`;
  });
  out = substitute(out, PATTERNS.authorizationCode, (m) => {
    if (m[2] === REDACTED) return undefined;
    bump();
    return `${m[1]}${REDACTED}`;
  });
  out = substitute(out, PATTERNS.entraSecret, () => {
    bump();
    return REDACTED;
  });
  return { text: out, count };
}

const PEM_BEGIN = "-----BEGIN ";
const PEM_END = "-----END ";

/** Replace the body of every `-----BEGIN … PRIVATE KEY-----` block; an unterminated block is cut to the end. */
function redactPemBlocks(text: string, bump: () => void): string {
  if (!text.includes(PEM_BEGIN)) return text;
  let out = "";
  let from = 0;
  for (;;) {
    const begin = text.indexOf(PEM_BEGIN, from);
    if (begin < 0) break;
    const labelEnd = text.indexOf("-----", begin + PEM_BEGIN.length);
    if (labelEnd < 0) break;
    const label = text.slice(begin + PEM_BEGIN.length, labelEnd);
    const headerEnd = labelEnd + 5;
    if (!label.endsWith("PRIVATE KEY") || label.length > 40) {
      out += text.slice(from, headerEnd);
      from = headerEnd;
      continue;
    }
    bump();
    const end = text.indexOf(PEM_END, headerEnd);
    out += `${text.slice(from, headerEnd)}\n${REDACTED}\n`;
    if (end < 0) return out;
    from = end;
    // Keep the END line itself; advance past it so the next search starts after this block.
    const endLineEnd = text.indexOf("-----", end + PEM_END.length);
    const stop = endLineEnd < 0 ? text.length : endLineEnd + 5;
    out += text.slice(end, stop);
    from = stop;
  }
  return out + text.slice(from);
}

/** A short word of letters with at most a leading capital: never an access token. */
function isPlainWord(value: string): boolean {
  if (value.length >= 20) return false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    const lower = c >= 97 && c <= 122;
    const upper = c >= 65 && c <= 90;
    if (!lower && !(upper && i === 0)) return false;
  }
  return true;
}
