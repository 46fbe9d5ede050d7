/**
 * `npm run build:page`: the offline explainer, as one self-contained HTML file (dist/aadsts-explainer.html
 * unless a path is given). The page script is src/page/main.ts bundled for the browser with the whole
 * catalog; the style and the script are inlined, and a Content-Security-Policy admits exactly those two by
 * hash and nothing else: no network requests, no other script, no plugins, no forms posted anywhere.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { listEntries } from "../src/index.js";
import { nodeBuiltinRecorder } from "./lib/node-builtins.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const DEFAULT_OUT = join(ROOT, "dist/aadsts-explainer.html");

/** The example buttons: realistic texts with invented IDs, from the repository's example and fixtures. */
const EXAMPLES = [
  { label: "Go: wrong client secret", file: "examples/guide-client-secret.txt" },
  {
    label: "JavaScript: no credential in the chain",
    file: "test/fixtures/js/aggregate-dac-all-unavailable-container-app-job.txt",
  },
  { label: "Python: expired secret", file: "test/fixtures/python/client-secret-expired-traceback.txt" },
] as const;

export interface PageBuild {
  file: string;
  bytes: number;
  gzipped: number;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function sha256(text: string): string {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

/** Builds the page and writes it to `out`. */
export async function buildPage(out: string = DEFAULT_OUT): Promise<PageBuild> {
  const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
  const examples = EXAMPLES.map((e) => ({ label: e.label, text: readFileSync(join(ROOT, e.file), "utf8") }));
  const builtins = new Set<string>();
  const bundled = await build({
    entryPoints: [join(ROOT, "src/page/main.ts")],
    bundle: true,
    minify: true,
    platform: "browser",
    format: "iife",
    target: "es2022",
    write: false,
    legalComments: "none",
    charset: "utf8",
    define: { __EXAMPLES__: JSON.stringify(examples) },
    logLevel: "silent",
    plugins: [nodeBuiltinRecorder(builtins)],
  });
  if (builtins.size > 0)
    throw new Error(`the page must not import Node built-ins: ${[...builtins].join(", ")}`);
  // A literal "</script" inside the bundle would end the inline script early.
  const script = (bundled.outputFiles[0]?.text ?? "").replace(/<\/(script)/gi, "<\\/$1");
  // "<!--" followed by "<script" would put the HTML parser in its double-escaped script state, where the
  // closing tag no longer ends the script. The bundle has one "<!--" (marked's comment rule) and no "<script".
  if (script.includes("<!--") && /<script/i.test(script)) {
    throw new Error('the page script holds both "<!--" and "<script"; it cannot be inlined safely');
  }
  const style = readFileSync(join(ROOT, "src/page/page.css"), "utf8");
  const csp = [
    "default-src 'none'",
    `script-src ${sha256(script)}`,
    `style-src ${sha256(style)}`,
    "img-src 'none'",
    "connect-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
  ].join("; ");
  const buttons = examples
    .map(
      (e, i) => `<button type="button" class="secondary" data-example="${i}">${escapeHtml(e.label)}</button>`,
    )
    .join("\n        ");
  const template = readFileSync(join(ROOT, "src/page/template.html"), "utf8");
  const fill: Record<string, string> = {
    CSP: csp,
    STYLE: style,
    SCRIPT: script,
    VERSION: escapeHtml(version),
    ENTRY_COUNT: String(listEntries().length),
    EXAMPLE_BUTTONS: buttons,
  };
  // `{{NAME}}` in HTML text; `/*{{NAME}}*/` inside <style> and <script>, where it keeps the template valid CSS and JS.
  const placeholder = /\/\*\{\{([A-Z_]+)\}\}\*\/|\{\{([A-Z_]+)\}\}/g;
  for (const m of template.matchAll(placeholder)) {
    const name = m[1] ?? m[2] ?? "";
    if (!(name in fill)) throw new Error(`template placeholder ${m[0]} has no value`);
  }
  // One pass, so nothing inserted is itself searched for placeholders.
  const html = template.replace(placeholder, (_whole, a?: string, b?: string) => fill[a ?? b ?? ""] ?? "");
  const file = resolve(out);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, html);
  return { file, bytes: Buffer.byteLength(html), gzipped: gzipSync(html, { level: 9 }).length };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  buildPage(process.argv[2]).then(
    (r) => {
      const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
      console.log(
        `${r.file}: ${kb(r.bytes)} (${kb(r.gzipped)} gzipped). Open it in a browser; it works offline.`,
      );
    },
    (e: unknown) => {
      console.error(`build:page: ${(e as Error).message}`);
      process.exit(1);
    },
  );
}
