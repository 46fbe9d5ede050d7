/**
 * The public view of a catalog entry, in the reader's SDK: what `lookup` prints and what a match is built
 * on. Kept apart from the matcher so that printing an entry loads no ranking code.
 */
import { adviceSdk } from "../parse/producers/index.js";
import type { CatalogEntry, Match, Sdk } from "../schema.js";

/** The public view of an entry: a match without score, reasons, confidence and cause (what `lookup --format json` prints). */
export function entryView(
  entry: CatalogEntry,
  sdk?: Sdk,
): Omit<Match, "score" | "reasons" | "confidence" | "cause"> {
  const forSdk = adviceSdk(sdk);
  const specific = forSdk ? entry.mitigationBySdk?.[forSdk] : undefined;
  const mitigation = specific ?? entry.mitigation;
  // The links of the text shown: a Go reader is not sent to the other SDKs' guides.
  const links = entry.links.filter((l) => mitigation.includes(l.url));
  return {
    id: entry.id,
    title: entry.title,
    ...(entry.name ? { name: entry.name } : {}),
    codes: [...entry.match.codes],
    description: entry.description,
    mitigation,
    ...(specific && forSdk ? { mitigationSdk: forSdk } : {}),
    links: links.map((l) => ({ ...l })),
    kind: entry.kind,
    category: entry.category,
    actor: entry.actor,
    retryable: entry.retryable,
    related: [...entry.related],
    source: { ...entry.source },
  };
}
