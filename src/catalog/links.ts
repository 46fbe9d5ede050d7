/**
 * The links of catalog Markdown, read without marked: the built-in catalog ships without its `links`
 * lists (they repeat what the Markdown says) and the run time reads them back here. Browser-safe.
 */
import { PATTERNS } from "../patterns.js";
import type { Link } from "../schema.js";

/** The links of one Markdown text, each URL once, in order (as checkMarkdown reports them). */
export function markdownLinks(markdown: string, into: Link[] = []): Link[] {
  for (const m of markdown.matchAll(PATTERNS.markdownLink)) {
    const [, text = "", url = ""] = m;
    if (!into.some((l) => l.url === url)) into.push({ text, url });
  }
  return into;
}

/** An entry's links: its mitigation's, then each SDK wording's new ones (as the build lists them). */
export function entryLinks(entry: {
  mitigation: string;
  mitigationBySdk?: Partial<Record<string, string>>;
}): Link[] {
  const links = markdownLinks(entry.mitigation);
  for (const md of Object.values(entry.mitigationBySdk ?? {})) if (md) markdownLinks(md, links);
  return links;
}
