/** String helpers for the hot paths, tuned on crafted megabyte inputs (npm run bench:adversarial). */

/**
 * `text.replace(re, fn)` for a global pattern, where `fn` returns undefined to keep a match as it is.
 * Built by concatenation, which beats String.prototype.replace with a callback when a crafted input holds
 * tens of thousands of matches (bench:adversarial measures it).
 */
export function substitute(text: string, re: RegExp, fn: (m: RegExpExecArray) => string | undefined): string {
  re.lastIndex = 0;
  let out = "";
  let last = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0] === "") {
      re.lastIndex++;
      continue;
    }
    const replacement = fn(m);
    if (replacement !== undefined) {
      out += text.slice(last, m.index) + replacement;
      last = m.index + m[0].length;
    }
    if (!re.global) break; // exec would find the same match forever
  }
  re.lastIndex = 0;
  return last === 0 ? text : out + text.slice(last);
}

/**
 * Every `find` in `text` replaced by `replacement`. split/join, because on dense matches (a crafted input
 * of nothing but CRLFs or `\t` escapes) it beats a global regex replace or replaceAll, which build the
 * result one match at a time (bench:adversarial measures it).
 */
export function replaceLiteral(text: string, find: string, replacement: string): string {
  return text.includes(find) ? text.split(find).join(replacement) : text;
}
