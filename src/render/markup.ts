/**
 * Markdown and HTML output. Catalog Markdown goes through marked with a locked-down renderer (raw HTML
 * escaped, only https links, no images); everything that came from the input is escaped for the medium.
 */
import { Marked, type Tokens } from "marked";
import { PATTERNS } from "../patterns.js";
import { isHttps, stripControl } from "../sanitize.js";
import { type EntryRow, type RenderModel, type Section, WORDS } from "./model.js";

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escape text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return stripControl(text).replace(PATTERNS.htmlSpecial, (c) => HTML_ESCAPES[c] ?? c);
}

/** Escape input-derived text for Markdown inline context, on one line. */
export function escapeMarkdown(text: string): string {
  return stripControl(text)
    .replace(PATTERNS.whitespace, " ")
    .trim()
    .replace(PATTERNS.markdownSpecial, "\\$&");
}

/** A private marked instance: the global one is left untouched (the package has no side effects). */
const safeMarked = new Marked({
  gfm: true,
  async: false,
  renderer: {
    html(token: Tokens.HTML | Tokens.Tag) {
      return escapeHtml(token.text);
    },
    image(token: Tokens.Image) {
      return escapeHtml(token.text);
    },
    link(token: Tokens.Link) {
      const text = this.parser.parseInline(token.tokens);
      if (!isHttps(token.href)) return text;
      return `<a href="${escapeHtml(token.href)}" rel="noopener noreferrer">${text}</a>`;
    },
  },
});

/** Catalog Markdown as sanitised HTML. */
export function markdownToHtml(markdown: string): string {
  return (safeMarked.parse(markdown, { async: false }) as string).trim();
}

const credentialsCell = (e: EntryRow) => e.credentials.join(", ") || WORDS.anyCredential;

// ---- Markdown ----

const mdRow = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
const mdTable = (columns: readonly string[], rows: string[][]) =>
  [mdRow(columns), mdRow(columns.map(() => "---")), ...rows.map(mdRow)].join("\n");

/** One section as Markdown. */
function mdSection(s: Section): string {
  switch (s.kind) {
    case "title":
      return `## ${escapeMarkdown(s.text)}${s.id ? ` (\`${s.id}\`)` : ""}`;
    case "reasons":
    case "note":
      return escapeMarkdown(s.text);
    case "fields":
      return mdTable(
        s.columns,
        s.rows.map((f) => [f.label, escapeMarkdown(f.value)]),
      );
    case "notice":
      return `${escapeMarkdown(s.text)} <${s.link}>`;
    case "chain":
      return [
        `### ${s.heading}`,
        ...(s.note ? [escapeMarkdown(s.note)] : []),
        mdTable(
          s.columns,
          s.rows.map((c) => [
            escapeMarkdown(c.credential),
            escapeMarkdown(c.outcome),
            c.entry ? `\`${c.entry.id}\`` : "",
          ]),
        ),
      ].join("\n\n");
    case "text":
      return `### ${s.heading}\n\n${escapeMarkdown(s.text)}`;
    case "markdown":
      return `### ${s.heading}\n\n${s.markdown.trim()}`;
    case "links":
      return `### ${s.heading}\n\n${s.links.map((l) => `- [${escapeMarkdown(l.text)}](${l.url})`).join("\n")}`;
    case "related":
      return `### ${s.heading}\n\n${s.items.map((r) => `- ${escapeMarkdown(r.title)} (\`${r.id}\`)`).join("\n")}`;
    case "meta":
      return `*${s.items
        .map(
          (i) =>
            `${i.label}: ${i.href ? `[${escapeMarkdown(i.value)}](${i.href})` : escapeMarkdown(i.value)}`,
        )
        .join(". ")}.*`;
    case "alternatives":
      return `### ${s.heading}\n\n${s.items
        .map(
          (a) => `- ${escapeMarkdown(a.headline)} (\`${a.id}\`, ${a.detail}): ${escapeMarkdown(a.reasons)}`,
        )
        .join("\n")}`;
    case "entries":
      return `## ${escapeMarkdown(s.heading)}\n\n${mdTable(
        s.columns,
        s.rows.map((e) => [
          `\`${e.id}\``,
          e.codes,
          escapeMarkdown(e.name),
          escapeMarkdown(credentialsCell(e)),
          escapeMarkdown(e.title),
        ]),
      )}`;
  }
}

/** The model as Markdown: sections one after another, a blank line between them. */
export function renderMarkdown(model: RenderModel): string {
  return `${model.sections.map(mdSection).join("\n\n").trimEnd()}\n`;
}

// ---- HTML ----

const link = (href: string, text: string) =>
  `<a href="${escapeHtml(href)}" rel="noopener noreferrer">${escapeHtml(text)}</a>`;
const htmlList = (items: string[]) => ["<ul>", ...items.map((i) => `<li>${i}</li>`), "</ul>"];

/** One section as HTML lines. */
function htmlSection(s: Section): string[] {
  switch (s.kind) {
    case "title":
      return [`<h2>${escapeHtml(s.text)}${s.id ? ` <code>${escapeHtml(s.id)}</code>` : ""}</h2>`];
    case "reasons":
      return [`<p class="aadsts-reasons">${escapeHtml(s.text)}</p>`];
    case "fields":
      return [
        '<table class="aadsts-fields">',
        "<tbody>",
        ...s.rows.map(
          (f) =>
            `<tr><th scope="row">${escapeHtml(f.label)}</th><td>${f.href ? link(f.href, f.value) : escapeHtml(f.value)}</td></tr>`,
        ),
        "</tbody>",
        "</table>",
      ];
    case "notice":
      return [`<p class="aadsts-unknown">${escapeHtml(s.text)} ${link(s.link, s.link)}</p>`];
    case "chain":
      return [
        `<h3>${escapeHtml(s.heading)}</h3>`,
        ...(s.note ? [`<p class="aadsts-decided">${escapeHtml(s.note)}</p>`] : []),
        '<table class="aadsts-chain">',
        `<thead><tr>${s.columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join("")}</tr></thead>`,
        "<tbody>",
        ...s.rows.map(
          (c) =>
            `<tr><td>${escapeHtml(c.credential)}</td><td>${escapeHtml(c.outcome)}</td><td>${c.entry ? `<code>${escapeHtml(c.entry.id)}</code>` : ""}</td></tr>`,
        ),
        "</tbody>",
        "</table>",
      ];
    case "text":
      return [`<h3>${escapeHtml(s.heading)}</h3>`, `<p>${escapeHtml(s.text)}</p>`];
    case "markdown":
      return [`<h3>${escapeHtml(s.heading)}</h3>`, markdownToHtml(s.markdown)];
    case "links":
      return [
        `<h3>${escapeHtml(s.heading)}</h3>`,
        ...htmlList(s.links.filter((l) => isHttps(l.url)).map((l) => link(l.url, l.text))),
      ];
    case "related":
      return [
        `<h3>${escapeHtml(s.heading)}</h3>`,
        ...htmlList(s.items.map((r) => `${escapeHtml(r.title)} <code>${escapeHtml(r.id)}</code>`)),
      ];
    case "meta":
      return [
        `<p class="aadsts-meta">${s.items
          .map(
            (i) =>
              `${escapeHtml(i.label)}: ${i.href && isHttps(i.href) ? link(i.href, i.value) : escapeHtml(i.value)}`,
          )
          .join(". ")}.</p>`,
      ];
    case "note":
      return [`<p>${escapeHtml(s.text)}</p>`];
    case "alternatives":
      return [
        `<h3>${escapeHtml(s.heading)}</h3>`,
        ...htmlList(
          s.items.map(
            (a) =>
              `${escapeHtml(a.headline)} <code>${escapeHtml(a.id)}</code> (${escapeHtml(a.detail)}): ${escapeHtml(a.reasons)}`,
          ),
        ),
      ];
    case "entries":
      return [
        `<h2>${escapeHtml(s.heading)}</h2>`,
        '<table class="aadsts-list">',
        `<thead><tr>${s.columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join("")}</tr></thead>`,
        "<tbody>",
        ...s.rows.map(
          (e) =>
            `<tr><td><code>${escapeHtml(e.id)}</code></td><td>${escapeHtml(e.codes)}</td><td>${escapeHtml(e.name)}</td><td>${escapeHtml(credentialsCell(e))}</td><td>${escapeHtml(e.title)}</td></tr>`,
        ),
        "</tbody>",
        "</table>",
      ];
  }
}

/** The model as HTML: one article, sections one after another. */
export function renderHtml(model: RenderModel): string {
  const className = model.view === "list" ? "aadsts-catalog" : "aadsts-explanation";
  return `${[`<article class="${className}">`, ...model.sections.flatMap(htmlSection), "</article>"].join("\n")}\n`;
}
