/** Links and forbidden constructs in catalog Markdown. Browser-safe. */
import { lexer, type Token } from "marked";

export interface FoundLink {
  text: string;
  href: string;
}

/**
 * Walk marked's token tree (lists and tables included); collect links, and report raw HTML and images,
 * which catalogs forbid. Used by the build for data/*.yaml and by loadCatalog for user catalogs.
 */
export function scanMarkdown(markdown: string): { links: FoundLink[]; problems: string[] } {
  const links: FoundLink[] = [];
  const problems: string[] = [];
  const visit = (tokens: Token[] | undefined) => {
    for (const t of tokens ?? []) {
      if (t.type === "link") links.push({ text: t.text, href: t.href });
      if (t.type === "html") problems.push(`raw HTML is not allowed: ${JSON.stringify(t.raw.trim())}`);
      if (t.type === "image") problems.push(`images are not allowed: ${t.href}`);
      const anyToken = t as Token & {
        tokens?: Token[];
        items?: Token[];
        header?: { tokens: Token[] }[];
        rows?: { tokens: Token[] }[][];
      };
      visit(anyToken.tokens);
      visit(anyToken.items);
      for (const cell of anyToken.header ?? []) visit(cell.tokens);
      for (const row of anyToken.rows ?? []) for (const cell of row) visit(cell.tokens);
    }
  };
  visit(lexer(markdown));
  return { links, problems };
}
