import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { createCatalog } from "../src/catalog/index.js";
import { listEntries, lookup } from "../src/index.js";
import { renderList } from "../src/render/index.js";
import { WORDS } from "../src/render/model.js";
import type { CatalogEntry } from "../src/schema.js";

const SRC = new URL("../src/", import.meta.url).pathname;
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory()
      ? d.name === "generated"
        ? []
        : files(join(dir, d.name))
      : d.name.endsWith(".ts")
        ? [join(dir, d.name)]
        : [],
  );
const sources = files(SRC).map((f) => ({ file: relative(SRC, f), text: readFileSync(f, "utf8") }));
const filesWith = (needle: string) => sources.filter((s) => s.text.includes(needle)).map((s) => s.file);
const count = (needle: string) => sources.reduce((n, s) => n + s.text.split(needle).length - 1, 0);

describe("each render string and sanitiser is written once", () => {
  it("every word the renderers show is in the model's WORDS only", () => {
    const words = Object.values(WORDS).flatMap((w) => (typeof w === "string" ? [w] : [...w]));
    // Single words ("Id", "Credential") are field names in code too; the phrases are the renderers' only.
    for (const word of words.filter((w) => w.includes(" ")))
      expect([word, count(`"${word}"`)]).toEqual([word, 1]);
    for (const phrase of ["Retrying unchanged", "Who acts", "What to do", "Matched on ("])
      expect([phrase, filesWith(phrase)]).toEqual([phrase, ["render/model.ts"]]);
    expect(filesWith("Retry unchanged")).toEqual([]);
  });

  it("control characters, https and HTML entities each have one home: src/sanitize.ts", () => {
    expect(filesWith("PATTERNS.unsafeControl")).toEqual(["sanitize.ts"]);
    expect(filesWith('"https:"')).toEqual(["sanitize.ts"]);
    expect(filesWith("PATTERNS.htmlEntityAny")).toEqual(["sanitize.ts"]);
    expect(filesWith("function stripControl")).toEqual(["sanitize.ts"]);
  });
});

describe("renderList (aadsts list)", () => {
  const entries = listEntries();
  const secret = lookup("client-secret-invalid") as CatalogEntry;

  it("text: one group per category with its count, one line per entry, the count at the end", () => {
    const out = renderList(entries, { format: "text" });
    expect(out).toMatch(/^configuration \(\d+\)\n {2}\S/m);
    const meta = ["AADSTS7000215", secret.name, secret.match.credentials.join(", ")]
      .filter(Boolean)
      .join(" · ");
    const width = Math.min(48, Math.max(...entries.map((e) => e.id.length)));
    expect(out.split("\n")).toContain(
      `  ${"client-secret-invalid".padEnd(width)}  ${secret.title}  (${meta})`,
    );
    expect(out.trimEnd().split("\n").at(-1)).toBe(
      `${entries.length} entries. 'aadsts lookup <id | code | name>' shows one.`,
    );
    expect(out).not.toContain("\u001b[");
    expect(renderList(entries, { format: "ansi" })).toContain("\u001b[1mclient-secret-invalid");
  });

  it("markdown and html: a table per category, the Credentials column says 'any' when none is named", () => {
    const md = renderList(entries, { format: "markdown" });
    expect(md).toContain("| Id | Codes | Name | Credentials | Title |\n| --- | --- | --- | --- | --- |");
    expect(md).toMatch(/^\| `aadsts-50076` \| AADSTS50076 \| \S+ \| any \| /m);
    const html = renderList(entries, { format: "html" });
    expect(html).toContain('<table class="aadsts-list">');
    expect(html).toMatch(
      /<tr><td><code>aadsts-50076<\/code><\/td><td>AADSTS50076<\/td><td>\w+<\/td><td>any<\/td>/,
    );
  });

  it("json: each entry as renderEntry shows it", () => {
    const json = JSON.parse(renderList([secret], { format: "json" })) as Array<{
      id: string;
      mitigation: string;
    }>;
    expect(json.map((e) => e.id)).toEqual(["client-secret-invalid"]);
    expect(json[0]?.mitigation).toContain("secret");
  });

  it("a hostile user-catalog title is inert in every format", () => {
    const hostile = {
      ...secret,
      id: "hostile-entry",
      title: "Bad \u001b]0;pwned\u0007 <script>x</script> | *t*",
    };
    const list = [hostile as CatalogEntry];
    createCatalog(list);
    for (const format of ["text", "ansi", "markdown", "html"] as const) {
      const out = renderList(list, { format });
      expect(out).not.toContain("\u001b]");
      expect(out).not.toContain("\u0007");
      if (format === "html") expect(out).not.toContain("<script>");
      if (format === "markdown") expect(out).toContain("\\<script\\>");
    }
  });
});
