/**
 * Record a guide's outline (section anchors and table rows) in data/sources.yaml.
 * Usage: tsx scripts/sync-guide.ts <guide.md> <id> <public-url> [title]
 * The catalog build then rejects links to sections the guide lacks and guide rows with no entry.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { parse, stringify } from "yaml";
import { guideOutline } from "./lib/guide-outline.js";

const [file, id, url, title] = process.argv.slice(2);
if (!file || !id || !url) {
  console.error("usage: tsx scripts/sync-guide.ts <guide.md> <id> <public-url> [title]");
  process.exit(2);
}
const outline = guideOutline(readFileSync(file, "utf8"));
const path = new URL("../data/sources.yaml", import.meta.url);
let doc: Record<string, unknown> = {};
try {
  doc = (parse(readFileSync(path, "utf8")) as Record<string, unknown>) ?? {};
} catch {
  // first guide: start a new file
}
const previous = (doc[id] ?? {}) as { title?: string };
doc[id] = {
  title: title ?? previous.title ?? id,
  url,
  sections: Object.fromEntries(outline.sections.map((s) => [s.slug, s.heading])),
  rows: outline.rows.map((r) => ({ section: r.section, row: r.row })),
};
const header =
  "# Outlines of the troubleshooting guides the catalog cites: section anchors and table rows.\n" +
  "# Written by scripts/sync-guide.ts from each guide; see data/README.md.\n";
writeFileSync(path, header + stringify(doc, { lineWidth: 0 }));
console.log(`${id}: ${outline.sections.length} sections, ${outline.rows.length} rows`);
