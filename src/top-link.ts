import type { Explanation } from "./schema.js";

/**
 * The one link to show for an explanation: the top match's first link, unless that match is only a low
 * guess and the error has a code the catalog lacks, where Microsoft's lookup page for the code says more.
 */
export function topLink(ex: Explanation): string | undefined {
  const top = ex.matches[0];
  const lookup = ex.unknownCodes?.[0]?.lookup;
  if (lookup && (!top || top.confidence === "low")) return lookup;
  return top?.links[0]?.url ?? lookup;
}
