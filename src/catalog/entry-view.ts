/**
 * The public view of a catalog entry, in the reader's SDK: what `lookup` prints and what a match is built
 * on. Kept apart from the matcher so that printing an entry loads no ranking code.
 */
import { adviceSdk } from "../parse/producers/index.js";
import type { CatalogEntry, Cause, Link, Match, Sdk } from "../schema.js";

/** The public view of an entry: a match without score, reasons, confidence and cause (what `lookup --format json` prints). */
export type EntryView = Omit<Match, "score" | "reasons" | "confidence" | "cause">;

/** The public view of an entry: a match without score, reasons, confidence and cause (what `lookup --format json` prints). */
export function entryView(entry: CatalogEntry, sdk?: Sdk): EntryView {
  return viewWithCause(entry, sdk);
}

/**
 * The view, or with a cause, the view as that cause tells it: the cause's description and fix, the
 * cause's links before the entry's own, no SDK version of the fix, and `cause` after `source`. A new
 * object each call, written field by field in the order of the output (no spreads: copying a view with
 * `{ ...view }` cost more than the whole ranking of an error).
 * @internal
 */
export function viewWithCause(
  entry: CatalogEntry,
  sdk?: Sdk,
  cause?: Cause,
): EntryView & Pick<Match, "cause"> {
  const forSdk = adviceSdk(sdk);
  const specific = forSdk ? entry.mitigationBySdk?.[forSdk] : undefined;
  const mitigation = specific ?? entry.mitigation;
  // The links of the text shown: a Go reader is not sent to the other SDKs' guides.
  const own = linksIn(entry, mitigation).map((l) => ({ ...l }));
  const view = { id: entry.id, title: entry.title } as EntryView & Pick<Match, "cause">;
  if (entry.name) view.name = entry.name;
  view.codes = [...entry.match.codes];
  if (cause) {
    view.description = cause.description;
    view.mitigation = cause.mitigation;
    const links = cause.links.map((l) => ({ ...l }));
    for (const l of own) if (!links.some((x) => x.url === l.url)) links.push(l);
    view.links = links;
  } else {
    view.description = entry.description;
    view.mitigation = mitigation;
    if (specific && forSdk) view.mitigationSdk = forSdk;
    view.links = own;
  }
  view.kind = entry.kind;
  view.category = entry.category;
  view.actor = entry.actor;
  view.retryable = entry.retryable;
  view.related = [...entry.related];
  view.source = { ...entry.source };
  if (cause) view.cause = { id: cause.id, title: cause.title };
  return view;
}

/**
 * The entry's links that a mitigation text of it holds, found once per entry and text: the texts are
 * the catalog's (fixed once it is built), and searching a long mitigation for each link's URL on every
 * match cost more than building the match.
 */
const shown = new WeakMap<CatalogEntry, Map<string, readonly Link[]>>();
function linksIn(entry: CatalogEntry, mitigation: string): readonly Link[] {
  let byText = shown.get(entry);
  if (!byText) {
    byText = new Map();
    shown.set(entry, byText);
  }
  let links = byText.get(mitigation);
  if (!links) {
    links = entry.links.filter((l) => mitigation.includes(l.url));
    byText.set(mitigation, links);
  }
  return links;
}
