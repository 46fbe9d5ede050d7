/**
 * Plain text and ANSI output. Both walk the same token tree from marked's lexer, so Markdown in the
 * catalog becomes readable terminal text (lists, code blocks, "text (url)" links). Input-derived text is
 * stripped of control characters first, so a crafted log line cannot move the cursor or retitle the
 * terminal.
 */
import { getDefaults, Lexer, type Token, Tokenizer, type Tokens } from "marked";
import { PATTERNS } from "../patterns.js";
import { type MatchView, type RenderModel, sourceLabel } from "./model.js";

export interface Style {
  title(s: string): string;
  heading(s: string): string;
  label(s: string): string;
  code(s: string): string;
  /** A line of a fenced code block. */
  codeLine(s: string): string;
  link(text: string, url: string): string;
  dim(s: string): string;
  strong(s: string): string;
}

export const PLAIN: Style = {
  title: (s) => s,
  heading: (s) => s,
  label: (s) => s,
  code: (s) => `\`${s}\``,
  codeLine: (s) => s,
  link: (text, url) => (text === url ? url : `${text} (${url})`),
  dim: (s) => s,
  strong: (s) => s,
};

const esc = (code: string) => (s: string) => `\u001b[${code}m${s}\u001b[0m`;
export const ANSI: Style = {
  title: esc("1;4"),
  heading: esc("1;36"),
  label: esc("2"),
  code: esc("33"),
  codeLine: esc("33"),
  link: (text, url) => (text === url ? esc("4;34")(url) : `${text} ${esc("2;4")(`(${url})`)}`),
  dim: esc("2"),
  strong: esc("1"),
};

/** Remove C0/C1 controls (escape sequences lose their ESC and become inert text) and bidi overrides. */
export function stripControl(text: string): string {
  return text.replace(PATTERNS.unsafeControl, "");
}

function inline(tokens: Token[] | undefined, style: Style): string {
  let out = "";
  for (const t of tokens ?? []) {
    switch (t.type) {
      case "strong":
        out += style.strong(inline((t as Tokens.Strong).tokens, style));
        break;
      case "em":
        out += inline((t as Tokens.Em).tokens, style);
        break;
      case "codespan":
        out += style.code(decodeEntities((t as Tokens.Codespan).text));
        break;
      case "link": {
        const l = t as Tokens.Link;
        out += style.link(inline(l.tokens, style), l.href);
        break;
      }
      case "br":
        out += "\n";
        break;
      case "escape":
      case "text": {
        const tt = t as Tokens.Text;
        out += tt.tokens ? inline(tt.tokens, style) : decodeEntities(tt.text);
        break;
      }
      default:
        out += decodeEntities((t as { raw?: string }).raw ?? "");
    }
  }
  return out;
}

const ENTITIES: Record<string, string> = { quot: '"', "#39": "'", lt: "<", gt: ">", amp: "&" };

/** marked's lexer leaves HTML entities in text tokens; terminals want the characters. */
function decodeEntities(s: string): string {
  return s.replace(PATTERNS.htmlEntity, (m, name: string) => ENTITIES[name] ?? m);
}

const indentLines = (text: string, pad: string) => text.split("\n").join(`\n${pad}`);

function blocks(tokens: Token[], style: Style, indent: string): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    switch (t.type) {
      case "paragraph":
        out.push(indent + indentLines(inline((t as Tokens.Paragraph).tokens, style), indent));
        break;
      case "list": {
        const list = t as Tokens.List;
        const items = list.items.map((item, i) => {
          const bullet = list.ordered ? `${Number(list.start || 1) + i}. ` : "- ";
          const inner = blocks(item.tokens, style, "").join("\n");
          const pad = " ".repeat(bullet.length);
          return `${indent}${bullet}${indentLines(inner, indent + pad)}`;
        });
        out.push(items.join("\n"));
        break;
      }
      case "code": {
        const code = t as Tokens.Code;
        out.push(
          code.text
            .split("\n")
            .map((l) => `${indent}    ${style.codeLine(l)}`)
            .join("\n"),
        );
        break;
      }
      case "text": {
        const tt = t as Tokens.Text;
        out.push(indent + (tt.tokens ? inline(tt.tokens, style) : decodeEntities(tt.text)));
        break;
      }
      case "heading":
        out.push(indent + style.strong(inline((t as Tokens.Heading).tokens, style)));
        break;
      case "space":
        break;
      default:
        out.push(indent + decodeEntities((t as { raw?: string }).raw?.trim() ?? ""));
    }
  }
  return out;
}

/**
 * marked's lexer, without the block rules this text cannot contain. Each rule's regex is compiled the first
 * time it runs, and the setext-heading, HTML, table and link-definition rules are a visible part of a cold
 * `aadsts lookup` (the README's start-up figures); a rule is left out only when a character it needs is absent, so the tokens are the same.
 * @internal
 */
export function lexerFor(markdown: string): Lexer {
  const tokenizer = new Tokenizer();
  if (!PATTERNS.setextUnderline.test(markdown)) tokenizer.lheading = () => undefined;
  if (!markdown.includes("<")) tokenizer.html = () => undefined;
  if (!markdown.includes("|")) tokenizer.table = () => undefined;
  if (!markdown.includes("]:")) tokenizer.def = () => undefined;
  // marked's default options (GFM on), as the plain lexer() uses them, with this tokenizer.
  return new Lexer({ ...getDefaults(), tokenizer });
}

/** Catalog Markdown as terminal text. */
export function markdownToTerminal(markdown: string, style: Style, indent = ""): string {
  return blocks(lexerFor(markdown).lex(markdown), style, indent).join("\n\n");
}

function matchBlock(m: MatchView, style: Style): string[] {
  const lines: string[] = [];
  lines.push(style.heading("What happened"));
  lines.push(`  ${m.description}`);
  lines.push("");
  lines.push(style.heading("What to do"));
  lines.push(markdownToTerminal(m.mitigation, style, "  "));
  if (m.links.length > 0) {
    lines.push("");
    lines.push(style.heading("Links"));
    for (const l of m.links) lines.push(`  - ${style.link(l.text, l.url)}`);
  }
  if (m.related.length > 0) {
    lines.push("");
    lines.push(style.heading("See also"));
    for (const r of m.related) lines.push(`  - ${r.title} ${style.dim(`(aadsts lookup ${r.id})`)}`);
  }
  lines.push("");
  lines.push(
    style.dim(
      `Who acts: ${m.actor} · Retrying unchanged: ${m.retry} · Source: ${m.source.url || sourceLabel(m.source)}`,
    ),
  );
  return lines;
}

/** Input-derived text made safe and flat for one terminal line. */
const oneLine = (s: string) => stripControl(s).replace(PATTERNS.whitespace, " ").trim();

export function renderTerminal(model: RenderModel, style: Style): string {
  const lines: string[] = [];
  const best = model.best;
  lines.push(style.title(stripControl(best ? `${best.headline} [${best.id}]` : model.summary)));
  if (best?.score !== undefined && best.reasons.length > 0)
    lines.push(
      style.dim(
        `matched on (${best.confidence ?? "medium"} confidence): ${stripControl(best.reasons.join("; "))}`,
      ),
    );
  lines.push("");
  if (model.fields.length > 0) {
    const width = Math.max(...model.fields.map((f) => f.label.length));
    for (const f of model.fields) {
      const value = oneLine(f.value);
      lines.push(`  ${style.label(f.label.padEnd(width))}  ${value}`);
    }
    lines.push("");
  }
  for (const u of model.unknownCodes)
    lines.push(
      `AADSTS${u.code} is not in the aadsts catalog. Microsoft's lookup: ${style.link(u.lookup, u.lookup)}`,
      "",
    );
  if (model.chain.length > 0) {
    lines.push(style.heading("Credentials tried"));
    if (model.decidedBy) lines.push(`  ${oneLine(model.decidedBy)}`);
    const width = Math.max(...model.chain.map((c) => c.credential.length));
    for (const c of model.chain) {
      const entry = c.entry ? `  ${style.dim(`-> ${c.entry.id}`)}` : "";
      lines.push(`  ${oneLine(c.credential).padEnd(width)}  ${oneLine(c.outcome)}${entry}`);
    }
    lines.push("");
  }
  if (best) lines.push(...matchBlock(best, style));
  else lines.push("No catalog entry matches this text. Run `aadsts list` to see what is covered.");
  if (model.alternatives.length > 0) {
    lines.push("");
    lines.push(style.heading("Other possible causes"));
    for (const a of model.alternatives)
      lines.push(
        `  - ${a.headline} ${style.dim(`[${a.id}] score ${a.score ?? ""}, ${a.confidence ?? "medium"} confidence: ${stripControl(a.reasons.join("; "))}`)}`,
      );
  }
  return `${lines.join("\n").trimEnd()}\n`;
}
