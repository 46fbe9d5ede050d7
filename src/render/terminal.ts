/**
 * Plain text and ANSI output. Both walk the same token tree from marked's lexer, so Markdown in the
 * catalog becomes readable terminal text (lists, code blocks, "text (url)" links). Input-derived text is
 * stripped of control characters first, so a crafted log line cannot move the cursor or retitle the
 * terminal.
 */
import { getDefaults, Lexer, type Token, Tokenizer, type Tokens } from "marked";
import { PATTERNS } from "../patterns.js";
import { decodeEntities, stripControl } from "../sanitize.js";
import type { RenderModel, Section } from "./model.js";

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

/** Input-derived text made safe and flat for one terminal line. */
const oneLine = (s: string) => stripControl(s).replace(PATTERNS.whitespace, " ").trim();

/** A heading and the lines under it. */
const headed = (style: Style, heading: string, lines: string[]) =>
  [style.heading(heading), ...lines].join("\n");

/** One section as terminal lines (without the blank line that separates sections). */
function section(s: Section, style: Style, idWidth: number): string {
  switch (s.kind) {
    case "title":
      return style.title(stripControl(s.id ? `${s.text} [${s.id}]` : s.text));
    case "reasons":
      return style.dim(stripControl(s.text));
    case "fields": {
      const width = Math.max(...s.rows.map((f) => f.label.length));
      return s.rows.map((f) => `  ${style.label(f.label.padEnd(width))}  ${oneLine(f.value)}`).join("\n");
    }
    case "notice":
      return `${stripControl(s.text)} ${style.link(s.link, s.link)}`;
    case "chain": {
      const width = Math.max(...s.rows.map((c) => c.credential.length));
      return headed(style, s.heading, [
        ...(s.note ? [`  ${oneLine(s.note)}`] : []),
        ...s.rows.map((c) => {
          const entry = c.entry ? `  ${style.dim(`-> ${c.entry.id}`)}` : "";
          return `  ${oneLine(c.credential).padEnd(width)}  ${oneLine(c.outcome)}${entry}`;
        }),
      ]);
    }
    case "text":
      return headed(style, s.heading, [`  ${s.text}`]);
    case "markdown":
      return headed(style, s.heading, [markdownToTerminal(s.markdown, style, "  ")]);
    case "links":
      return headed(
        style,
        s.heading,
        s.links.map((l) => `  - ${style.link(l.text, l.url)}`),
      );
    case "related":
      return headed(
        style,
        s.heading,
        s.items.map((r) => `  - ${r.title} ${style.dim(`(aadsts lookup ${r.id})`)}`),
      );
    case "meta":
      // A terminal cannot link a word: the source shows as its address.
      return style.dim(s.items.map((i) => `${i.label}: ${i.href ?? i.value}`).join(" · "));
    case "note":
      return stripControl(s.text);
    case "alternatives":
      return headed(
        style,
        s.heading,
        s.items.map(
          (a) => `  - ${a.headline} ${style.dim(`[${a.id}] ${a.detail}: ${stripControl(a.reasons)}`)}`,
        ),
      );
    case "entries":
      return headed(
        style,
        s.heading,
        s.rows.map((e) => {
          const meta = [e.codes, e.name, e.credentials.join(", ")].filter(Boolean).join(" · ");
          return `  ${style.strong(e.id.padEnd(idWidth))}  ${e.title}${meta ? `  (${meta})` : ""}`;
        }),
      );
  }
}

/** The list view aligns its ids across every group, up to a width that keeps a title on the line. */
function listIdWidth(model: RenderModel): number {
  const ids = model.sections.flatMap((s) => (s.kind === "entries" ? s.rows.map((e) => e.id.length) : []));
  return ids.length > 0 ? Math.min(48, Math.max(...ids)) : 0;
}

/** The model as plain text or ANSI: sections one after another, a blank line between them. */
export function renderTerminal(model: RenderModel, style: Style): string {
  const idWidth = listIdWidth(model);
  const blocks: string[] = [];
  for (const s of model.sections) {
    const text = section(s, style, idWidth);
    // The reasons belong to the title: no blank line between them.
    if (s.kind === "reasons" && blocks.length > 0) blocks[blocks.length - 1] += `\n${text}`;
    else blocks.push(text);
  }
  return `${blocks.join("\n\n").trimEnd()}\n`;
}
