/**
 * The outline of a troubleshooting guide: its section anchors (GitHub heading slugs) and the first cell
 * of every table row, keyed by section. The catalog build checks entries against this outline, so a link
 * to a section the guide lacks, or a guide row with no entry, fails the build.
 */
import { lexer, type Token, type Tokens } from "marked";

export interface GuideSection {
  slug: string;
  heading: string;
  depth: number;
}
export interface GuideRow {
  section: string;
  row: string;
}
export interface GuideOutline {
  sections: GuideSection[];
  rows: GuideRow[];
}

/** GitHub's heading slug: lower case, punctuation dropped, spaces to hyphens. */
export function slugify(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

/** The plain text of inline tokens (code spans and emphasis lose their markers). */
function plainText(tokens: Token[] | undefined, fallback: string): string {
  if (!tokens) return fallback;
  return tokens
    .map((t) => ("tokens" in t && t.tokens ? plainText(t.tokens, "") : "text" in t ? String(t.text) : ""))
    .join("");
}

/** A table cell's text as the catalog quotes it: no surrounding quotes, no backticks. */
export function cleanCell(cell: string): string {
  return cell
    .trim()
    .replace(/`/g, "")
    .replace(/^"(.*)"$/, "$1")
    .trim();
}

export function guideOutline(markdown: string): GuideOutline {
  const sections: GuideSection[] = [];
  const seen = new Map<string, number>();
  for (const token of lexer(markdown)) {
    if (token.type !== "heading") continue;
    const heading = token as Tokens.Heading;
    if (heading.depth === 1) continue;
    const text = plainText(heading.tokens, heading.text);
    let slug = slugify(text);
    // GitHub de-duplicates repeated headings with -1, -2, ...
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    if (n > 0) slug = `${slug}-${n}`;
    sections.push({ slug, heading: text, depth: heading.depth });
  }

  // Table rows are read from the raw lines: the guide's cells hold line breaks and lists, which end a
  // GFM table early, so the lexer would lose every row after the first broken cell.
  const rows: GuideRow[] = [];
  const lines = markdown.split(/\r?\n/);
  let sectionIndex = -1;
  let inFence = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (/^\s*```/.test(line)) inFence = !inFence;
    if (inFence) continue;
    if (/^#{2,6}\s/.test(line)) {
      sectionIndex++;
      continue;
    }
    if (!line.startsWith("|")) continue;
    if (/^\|\s*:?-{3,}/.test(line)) continue; // delimiter row
    if (/^\|\s*:?-{3,}/.test(lines[i + 1] ?? "")) continue; // header row
    const first = cleanCell(line.split("|")[1] ?? "");
    const section = sections[sectionIndex];
    if (first && section) rows.push({ section: section.slug, row: first });
  }
  return { sections, rows };
}
