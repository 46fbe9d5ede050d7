import { type Catalog, defaultCatalog } from "../catalog/index.js";
import { entryView } from "../match/index.js";
import type { CatalogEntry, Explanation, Sdk } from "../schema.js";
import { renderHtml, renderMarkdown } from "./markup.js";
import { buildModel, entryModel, type RenderModel } from "./model.js";
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
 * for HTML and Markdown and stripped of control characters for text and ANSI. Never throws.
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
  const format = options.format ?? "text";
  try {
    if (format === "json") return `${JSON.stringify(explanation, null, 2)}\n`;
    return renderModel(buildModel(explanation, options.catalog ?? defaultCatalog), format);
  } catch {
    return format === "json"
      ? '{"parsed":{"codes":[]},"matches":[]}\n'
      : "aadsts: this explanation could not be rendered\n";
  }
}

/** Render one catalog entry on its own (what `aadsts lookup` prints). */
export function renderEntry(entry: CatalogEntry, options: RenderOptions = {}): string {
  const format = options.format ?? "text";
  const view = entryView(entry, options.sdk);
  if (format === "json") return `${JSON.stringify(view, null, 2)}\n`;
  return renderModel(entryModel(view, options.catalog ?? defaultCatalog), format);
}
