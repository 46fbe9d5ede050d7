import { atBoundary } from "../boundary.js";
import { entryView } from "../catalog/entry-view.js";
import { type Catalog, defaultCatalog } from "../catalog/index.js";
import type { CatalogEntry, Explanation, Match, Sdk } from "../schema.js";
import { renderHtml, renderMarkdown } from "./markup.js";
import { buildModel, entryModel, listModel, type RenderModel } from "./model.js";
import { ANSI, PLAIN, renderTerminal } from "./terminal.js";

/** The formats {@link render} and {@link renderEntry} produce. */
export const FORMATS = ["text", "markdown", "html", "ansi", "json"] as const;
/** One of {@link FORMATS}. */
export type Format = (typeof FORMATS)[number];

/** Options of {@link render} and {@link renderEntry}. */
export interface RenderOptions {
  /** Output format (default "text"). */
  format?: Format;
  /** Catalog used to name related entries (default: the built-in catalog). */
  catalog?: Catalog;
  /** For renderEntry: the SDK whose version of the advice to show. */
  sdk?: Sdk;
}

function renderModel(model: RenderModel, format: Format): string {
  switch (format) {
    case "markdown":
      return renderMarkdown(model);
    case "html":
      return renderHtml(model);
    case "ansi":
      return renderTerminal(model, ANSI);
    default:
      return renderTerminal(model, PLAIN);
  }
}

/**
 * Render an explanation as `text`, `markdown`, `html`, `ansi` or `json`. Input-derived text is escaped
 * for HTML and Markdown and stripped of control characters for text and ANSI. Never throws (except an
 * internal error under `AADSTS_DEBUG=1`).
 *
 * @example
 * ```ts
 * import { explain, render } from "aadsts";
 *
 * const explanation = explain(err);
 * process.stderr.write(render(explanation, { format: "ansi" }));
 * const ticket = render(explanation, { format: "markdown" });
 * ```
 */
export function render(explanation: Explanation, options: RenderOptions = {}): string {
  const format = options?.format ?? "text";
  return atBoundary(
    () => {
      if (format === "json") return `${JSON.stringify(explanation, null, 2)}\n`;
      return renderModel(buildModel(wellFormed(explanation), options?.catalog ?? defaultCatalog), format);
    },
    () =>
      format === "json"
        ? '{"parsed":{"codes":[]},"matches":[]}\n'
        : "aadsts: this explanation could not be rendered\n",
  );
}

/** A caller's explanation with the parts the model reads in their shapes (an absent part is empty). */
function wellFormed(explanation: Explanation): Explanation {
  const ex: Partial<Explanation> = typeof explanation === "object" && explanation !== null ? explanation : {};
  const parsed = typeof ex.parsed === "object" && ex.parsed !== null ? ex.parsed : { codes: [] };
  return {
    ...ex,
    parsed: Array.isArray(parsed.codes) ? parsed : { ...parsed, codes: [] },
    matches: Array.isArray(ex.matches) ? ex.matches.flatMap(wellFormedMatch) : [],
    summary: typeof ex.summary === "string" ? ex.summary : "",
  };
}

const text = (v: unknown, otherwise = ""): string => (typeof v === "string" ? v : otherwise);
const texts = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x) => typeof x === "string") : []);

/** A match as the model reads it, when it has an id: a missing text is empty, a missing list has nothing. */
function wellFormedMatch(m: unknown): Match[] {
  if (typeof m !== "object" || m === null || typeof (m as Match).id !== "string") return [];
  const given = m as Match;
  const source = typeof given.source === "object" && given.source !== null ? given.source : undefined;
  return [
    {
      ...given,
      title: text(given.title, given.id),
      description: text(given.description),
      mitigation: text(given.mitigation),
      reasons: texts(given.reasons),
      related: texts(given.related),
      links: Array.isArray(given.links)
        ? given.links.filter((l) => typeof l?.text === "string" && typeof l.url === "string")
        : [],
      source: source ?? { guide: "user", section: "", url: "" },
      actor: text(given.actor, "unknown") as Match["actor"],
      ...(given.cause && typeof given.cause.title !== "string" ? { cause: undefined } : {}),
    },
  ];
}

/** Render one catalog entry on its own (what `aadsts lookup` prints). */
export function renderEntry(entry: CatalogEntry, options: RenderOptions = {}): string {
  const format = options.format ?? "text";
  const view = entryView(entry, options.sdk);
  if (format === "json") return `${JSON.stringify(view, null, 2)}\n`;
  return renderModel(entryModel(view, options.catalog ?? defaultCatalog), format);
}

/**
 * The catalog's entries as a list (what `aadsts list` prints): grouped by category, one line or table row
 * per entry; `json` gives each entry as {@link renderEntry} would.
 */
export function renderList(
  entries: readonly CatalogEntry[],
  options: Pick<RenderOptions, "format"> = {},
): string {
  const format = options.format ?? "text";
  if (format === "json")
    return `${JSON.stringify(
      entries.map((e) => entryView(e)),
      null,
      2,
    )}\n`;
  return renderModel(listModel(entries), format);
}
