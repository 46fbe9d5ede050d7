/** The folded form catalog phrases and texts are compared in. Browser-safe; used by the build too. */
import { PATTERNS } from "../patterns.js";

/** Lower case, typographic quotes folded, whitespace squashed: the form phrases are compared in. */
export function foldText(text: string): string {
  return text
    .replace(PATTERNS.curlyApostrophe, "'")
    .replace(PATTERNS.curlyQuote, '"')
    .replace(PATTERNS.whitespace, " ")
    .toLowerCase();
}
