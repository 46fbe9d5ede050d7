/**
 * The offline explainer page (`npm run build:page`). Everything runs here, in the browser: the text is
 * scanned for failures, each one is explained, and the library's own HTML rendering (which escapes all
 * input-derived text and links https only) is shown. The page's Content-Security-Policy allows no network
 * access and no script but this one.
 */
import { explain, render, scanAll, summarize } from "../index.js";
import { failureId } from "../scan/index.js";
import type { Explanation } from "../schema.js";

interface Example {
  label: string;
  text: string;
}

declare const __EXAMPLES__: Example[];

/** Longest text the page reads; the library's own limit for one explain() call is the same. */
const MAX_CHARS = 1_000_000;
/** A pasted log with more failures than this shows the first ones and says how many were left out. */
const MAX_SHOWN = 25;

interface Shown {
  explanation: Explanation;
  /** "Lines 3–9" for a failure found in a longer paste. */
  place?: string;
}

function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`page is missing #${id}`);
  return el as T;
}

const form = byId<HTMLFormElement>("form");
const input = byId<HTMLTextAreaElement>("error-text");
const status = byId<HTMLParagraphElement>("status");
const result = byId<HTMLElement>("result");
const heading = byId<HTMLHeadingElement>("result-heading");
const explanations = byId<HTMLDivElement>("explanations");
const markdownBox = byId<HTMLTextAreaElement>("markdown");
const copyButton = byId<HTMLButtonElement>("copy-markdown");

let markdown = "";
let generation = 0;

/**
 * Finds every failure in the text: one for a single error, several for a pasted log. scan() already
 * reports a failure printed twice within one block once (see failureId); a paste is small enough to do
 * the same across blocks, so only the first hit with a given failureId is shown.
 */
async function analyse(text: string): Promise<{ shown: Shown[]; total: number }> {
  const seen = new Set<string>();
  const hits = (await scanAll([text])).hits.filter((hit) => {
    const id = failureId(hit.parsed);
    if (id === undefined) return true;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  if (hits.length < 2) return { shown: [{ explanation: explain(text) }], total: 1 };
  const shown = hits.slice(0, MAX_SHOWN).map((hit) => ({
    explanation: { parsed: hit.parsed, matches: hit.matches, summary: summarize(hit.parsed, hit.matches) },
    place: hit.startLine === hit.endLine ? `Line ${hit.startLine}` : `Lines ${hit.startLine}–${hit.endLine}`,
  }));
  return { shown, total: hits.length };
}

function show(shown: Shown[], total: number, cut: boolean): void {
  explanations.replaceChildren();
  const parts: string[] = [];
  for (const { explanation, place } of shown) {
    if (place) {
      const p = document.createElement("p");
      p.className = "hit-place";
      p.textContent = place;
      explanations.append(p);
      parts.push(`**${place}**\n`);
    }
    const holder = document.createElement("div");
    // render() escapes every input-derived string and emits https links only; see src/render/markup.ts.
    holder.innerHTML = render(explanation, { format: "html" });
    for (const a of holder.querySelectorAll("a")) {
      a.target = "_blank";
      a.rel = "noopener noreferrer";
    }
    explanations.append(...holder.childNodes);
    parts.push(render(explanation, { format: "markdown" }));
  }
  markdown = parts.join("\n");
  markdownBox.value = markdown;
  heading.textContent = total > 1 ? `${total} failures found` : "Explanation";
  const first = shown[0]?.explanation;
  const notes: string[] = [];
  if (total > shown.length) notes.push(`showing the first ${shown.length} of ${total}`);
  if (cut) notes.push(`only the first ${MAX_CHARS.toLocaleString("en")} characters were read`);
  const titles = [...new Set(shown.map((s) => s.explanation.matches[0]?.title).filter(Boolean))];
  const lead =
    total > 1
      ? `${total} failures found: ${titles.slice(0, 3).join("; ")}${titles.length > 3 ? "; …" : ""}.`
      : (first?.summary ?? "");
  status.textContent = notes.length > 0 ? `${lead} (${notes.join("; ")})` : lead;
  result.hidden = false;
}

async function run(): Promise<void> {
  const mine = ++generation;
  const raw = input.value;
  if (raw.trim() === "") {
    result.hidden = true;
    markdown = "";
    status.textContent = "Paste an error above to explain it.";
    return;
  }
  const cut = raw.length > MAX_CHARS;
  const text = cut ? raw.slice(0, MAX_CHARS) : raw;
  try {
    const { shown, total } = await analyse(text);
    if (mine !== generation) return; // a newer paste is being read
    show(shown, total, cut);
  } catch (e) {
    // The library does not throw on input; this only guards against a bug in the page itself.
    status.textContent = `Could not explain this text: ${(e as Error)?.message ?? String(e)}`;
  }
}

let timer: ReturnType<typeof setTimeout> | undefined;
function schedule(delay: number): void {
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => void run(), delay);
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  if (timer) clearTimeout(timer);
  void run().then(() => {
    if (!result.hidden) heading.focus();
  });
});
input.addEventListener("input", () => schedule(250));
input.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    form.requestSubmit();
  }
});
byId<HTMLButtonElement>("clear").addEventListener("click", () => {
  input.value = "";
  void run();
  input.focus();
});

for (const button of document.querySelectorAll<HTMLButtonElement>("button[data-example]")) {
  button.addEventListener("click", () => {
    const example = __EXAMPLES__[Number(button.dataset.example)];
    if (!example) return;
    input.value = example.text;
    form.requestSubmit();
  });
}

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard permission (some browsers refuse it on file:// pages): copy the selection instead.
    markdownBox.parentElement?.setAttribute("open", "");
    markdownBox.focus();
    markdownBox.select();
    try {
      return document.execCommand("copy");
    } catch {
      return false;
    }
  }
}

copyButton.addEventListener("click", () => {
  if (!markdown) return;
  void copy(markdown).then((ok) => {
    status.textContent = ok
      ? "Copied the explanation as Markdown."
      : "Could not reach the clipboard: the Markdown is selected below, copy it with Ctrl+C.";
  });
});

status.textContent = "Paste an error above to explain it.";
input.focus();
