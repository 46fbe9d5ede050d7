/** The folded form catalog phrases and texts are compared in. Browser-safe; used by the build too. */
import { PATTERNS } from "../patterns.js";

/** Lower case, typographic quotes folded, whitespace squashed: the form phrases are compared in. */
export function foldText(text: string): string {
  // Most phrases and many texts are printable ASCII with single spaces: neither quote pattern nor the
  // whitespace rule changes them, and lower-casing alone folds them (without three regex passes).
  if (plainAscii(text)) return text.toLowerCase();
  return text
    .replace(PATTERNS.curlyApostrophe, "'")
    .replace(PATTERNS.curlyQuote, '"')
    .replace(PATTERNS.whitespace, " ")
    .toLowerCase();
}

/** Only printable ASCII (space to tilde), and no two spaces in a row. */
function plainAscii(text: string): boolean {
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) return false;
    if (c === 0x20) {
      if (space) return false;
      space = true;
    } else space = false;
  }
  return true;
}
