/**
 * Markdown and HTML output. Catalog Markdown goes through marked with a locked-down renderer (raw HTML
 * escaped, only https links, no images); everything that came from the input is escaped for the medium.
 */
import { Marked, type Tokens } from "marked";
import { PATTERNS } from "../patterns.js";
import { type MatchView, type RenderModel, sourceLabel } from "./model.js";
import { stripControl } from "./terminal.js";

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

function isHttps(href: string): boolean {
  try {
    return new URL(href).protocol === "https:";
  } catch {
    return false;
  }
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

// ---- Markdown ----

function mdMatch(m: MatchView, lines: string[]): void {
  lines.push("### What happened", "", escapeMarkdown(m.description), "");
  lines.push("### What to do", "", m.mitigation.trim(), "");
  if (m.links.length > 0) {
    lines.push("### Links", "");
    for (const l of m.links) lines.push(`- [${escapeMarkdown(l.text)}](${l.url})`);
    lines.push("");
  }
  if (m.related.length > 0) {
    lines.push("### See also", "");
    for (const r of m.related) lines.push(`- ${escapeMarkdown(r.title)} (\`${r.id}\`)`);
    lines.push("");
  }
  lines.push(
    `*Who acts: ${m.actor}. Retrying unchanged: ${m.retry}. Source: ${m.source.url ? `[${escapeMarkdown(sourceLabel(m.source))}](${m.source.url})` : escapeMarkdown(sourceLabel(m.source))}.*`,
    "",
  );
}

export function renderMarkdown(model: RenderModel): string {
  const lines: string[] = [];
  const best = model.best;
  lines.push(
    `## ${best ? `${escapeMarkdown(best.headline)} (\`${best.id}\`)` : escapeMarkdown(model.summary)}`,
    "",
  );
  if (best?.score !== undefined && best.reasons.length > 0)
    lines.push(
      `Matched on (${best.confidence ?? "medium"} confidence): ${best.reasons.map(escapeMarkdown).join("; ")}.`,
      "",
    );
  if (model.fields.length > 0) {
    lines.push("| Field | Value |", "| --- | --- |");
    for (const f of model.fields) lines.push(`| ${f.label} | ${escapeMarkdown(f.value)} |`);
    lines.push("");
  }
  for (const u of model.unknownCodes)
    lines.push(`AADSTS${u.code} is not in the aadsts catalog. Microsoft's lookup: <${u.lookup}>`, "");
  if (model.chain.length > 0) {
    lines.push("### Credentials tried", "");
    if (model.decidedBy) lines.push(escapeMarkdown(model.decidedBy), "");
    lines.push("| Credential | Outcome | Best match |", "| --- | --- | --- |");
    for (const c of model.chain)
      lines.push(
        `| ${escapeMarkdown(c.credential)} | ${escapeMarkdown(c.outcome)} | ${c.entry ? `\`${c.entry.id}\`` : ""} |`,
      );
    lines.push("");
  }
  if (best) mdMatch(best, lines);
  else lines.push("No catalog entry matches this text.", "");
  if (model.alternatives.length > 0) {
    lines.push("### Other possible causes", "");
    for (const a of model.alternatives)
      lines.push(
        `- ${escapeMarkdown(a.headline)} (\`${a.id}\`, score ${a.score ?? ""}, ${a.confidence ?? "medium"} confidence): ${a.reasons.map(escapeMarkdown).join("; ")}`,
      );
    lines.push("");
  }
  return `${lines.join("\n").trimEnd()}\n`;
}

// ---- HTML ----

function htmlMatch(m: MatchView, out: string[]): void {
  out.push(`<h3>What happened</h3>`, `<p>${escapeHtml(m.description)}</p>`);
  out.push(`<h3>What to do</h3>`, markdownToHtml(m.mitigation));
  if (m.links.length > 0) {
    out.push("<h3>Links</h3>", "<ul>");
    for (const l of m.links)
      if (isHttps(l.url))
        out.push(
          `<li><a href="${escapeHtml(l.url)}" rel="noopener noreferrer">${escapeHtml(l.text)}</a></li>`,
        );
    out.push("</ul>");
  }
  if (m.related.length > 0) {
    out.push("<h3>See also</h3>", "<ul>");
    for (const r of m.related) out.push(`<li>${escapeHtml(r.title)} <code>${escapeHtml(r.id)}</code></li>`);
    out.push("</ul>");
  }
  out.push(
    `<p class="aadsts-meta">Who acts: ${escapeHtml(m.actor)}. Retrying unchanged: ${m.retry}. Source: ${m.source.url ? `<a href="${escapeHtml(m.source.url)}" rel="noopener noreferrer">${escapeHtml(sourceLabel(m.source))}</a>` : escapeHtml(sourceLabel(m.source))}.</p>`,
  );
}

export function renderHtml(model: RenderModel): string {
  const out: string[] = ['<article class="aadsts-explanation">'];
  const best = model.best;
  out.push(
    best
      ? `<h2>${escapeHtml(best.headline)} <code>${escapeHtml(best.id)}</code></h2>`
      : `<h2>${escapeHtml(model.summary)}</h2>`,
  );
  if (best?.score !== undefined && best.reasons.length > 0)
    out.push(
      `<p class="aadsts-reasons">Matched on (${best.confidence ?? "medium"} confidence): ${escapeHtml(best.reasons.join("; "))}.</p>`,
    );
  if (model.fields.length > 0) {
    out.push('<table class="aadsts-fields">', "<tbody>");
    for (const f of model.fields) {
      const value = f.href
        ? `<a href="${escapeHtml(f.href)}" rel="noopener noreferrer">${escapeHtml(f.value)}</a>`
        : escapeHtml(f.value);
      out.push(`<tr><th scope="row">${escapeHtml(f.label)}</th><td>${value}</td></tr>`);
    }
    out.push("</tbody>", "</table>");
  }
  for (const u of model.unknownCodes)
    out.push(
      `<p class="aadsts-unknown">AADSTS${u.code} is not in the aadsts catalog. Microsoft's lookup: <a href="${escapeHtml(u.lookup)}" rel="noopener noreferrer">${escapeHtml(u.lookup)}</a></p>`,
    );
  if (model.chain.length > 0) {
    out.push("<h3>Credentials tried</h3>");
    if (model.decidedBy) out.push(`<p class="aadsts-decided">${escapeHtml(model.decidedBy)}</p>`);
    out.push('<table class="aadsts-chain">');
    out.push(
      '<thead><tr><th scope="col">Credential</th><th scope="col">Outcome</th><th scope="col">Best match</th></tr></thead>',
      "<tbody>",
    );
    for (const c of model.chain)
      out.push(
        `<tr><td>${escapeHtml(c.credential)}</td><td>${escapeHtml(c.outcome)}</td><td>${c.entry ? `<code>${escapeHtml(c.entry.id)}</code>` : ""}</td></tr>`,
      );
    out.push("</tbody>", "</table>");
  }
  if (best) htmlMatch(best, out);
  else out.push("<p>No catalog entry matches this text.</p>");
  if (model.alternatives.length > 0) {
    out.push("<h3>Other possible causes</h3>", "<ul>");
    for (const a of model.alternatives)
      out.push(
        `<li>${escapeHtml(a.headline)} <code>${escapeHtml(a.id)}</code> (score ${a.score ?? ""}, ${a.confidence ?? "medium"} confidence): ${escapeHtml(a.reasons.join("; "))}</li>`,
      );
    out.push("</ul>");
  }
  out.push("</article>");
  return `${out.join("\n")}\n`;
}
