import { readFileSync } from "node:fs";
import { lexer } from "marked";
import { describe, expect, it } from "vitest";
import { explain, FORMATS, listEntries, lookup, render, renderEntry } from "../src/index.js";
import { FIELD_LABELS } from "../src/render/model.js";
import { lexerFor } from "../src/render/terminal.js";
import { ParsedAuthErrorSchema } from "../src/schema.js";

const guide = readFileSync(new URL("../examples/guide-client-secret.txt", import.meta.url), "utf8");
const chain = readFileSync(new URL("./fixtures/go/dac-failed-to-acquire-token.txt", import.meta.url), "utf8");
const EXT = { text: "txt", markdown: "md", html: "html", ansi: "ansi", json: "json" } as const;

describe("golden output", () => {
  for (const format of FORMATS) {
    it(`guide example as ${format}`, async () => {
      await expect(render(explain(guide), { format })).toMatchFileSnapshot(
        `golden/guide-example.${EXT[format]}`,
      );
    });
  }
  it("a credential chain as text", async () => {
    await expect(render(explain(chain), { format: "text" })).toMatchFileSnapshot("golden/dac-chain.txt");
  });
  it("a credential chain as HTML", async () => {
    await expect(render(explain(chain), { format: "html" })).toMatchFileSnapshot("golden/dac-chain.html");
  });
  it("a catalog entry as markdown", async () => {
    const entry = lookup("verify-imds");
    expect(entry).toBeDefined();
    if (entry)
      await expect(renderEntry(entry, { format: "markdown" })).toMatchFileSnapshot("golden/verify-imds.md");
  });
});

describe("the JSON contract", () => {
  it("keeps the public names", () => {
    const json = JSON.parse(render(explain(guide), { format: "json" }));
    expect(Object.keys(json)).toEqual(expect.arrayContaining(["parsed", "matches"]));
    for (const key of [
      "credential",
      "request",
      "tenant",
      "status",
      "statusText",
      "error",
      "errorDescription",
      "message",
      "codes",
      "traceId",
      "correlationId",
      "timestamp",
      "errorUri",
    ])
      expect(json.parsed, key).toHaveProperty(key);
    for (const key of ["id", "title", "codes", "score", "reasons", "description", "mitigation", "links"])
      expect(json.matches[0], key).toHaveProperty(key);
    expect(json.matches[0].links[0]).toEqual({
      text: expect.any(String),
      url: expect.stringMatching(/^https:/),
    });
  });
  it("lookup's JSON is a match without score and reasons", () => {
    const entry = lookup(7000215);
    const json = entry ? JSON.parse(renderEntry(entry, { format: "json" })) : {};
    expect(json.id).toBe("client-secret-invalid");
    expect(json).not.toHaveProperty("score");
    expect(json).not.toHaveProperty("reasons");
  });
});

describe("input-derived text is made safe for each medium", () => {
  const hostile = `ClientSecretCredential authentication failed.
AADSTS7000215: <script>alert(1)</script><img src=x onerror=alert(2)> [click](javascript:alert(3)) | pipe bad \u001b]0;pwned\u0007 secret \u001b[2J\u001b[31mred\u202Eevil
Trace ID: 0b9a8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d`;
  const ex = explain(hostile);

  it("HTML escapes markup and keeps only https links", () => {
    const html = render(ex, { format: "html" });
    expect(html).not.toMatch(/<script|<img|onerror=alert\(2\)>|href="javascript/i);
    expect(html).toContain("&lt;script&gt;");
    for (const href of html.matchAll(/href="([^"]*)"/g)) expect(href[1]).toMatch(/^https:\/\//);
  });
  it("Markdown escapes link and table syntax", () => {
    const md = render(ex, { format: "markdown" });
    expect(md).not.toContain("[click](javascript:");
    // Escaped brackets cannot open a link, so the parentheses after them stay plain text.
    expect(md).toContain("\\[click\\](javascript:alert(3))");
    expect(md).toContain("\\| pipe");
  });
  it("text and ANSI carry no control characters from the input", () => {
    for (const format of ["text", "ansi"] as const) {
      const out = render(ex, { format });
      expect(out).not.toContain("\u0007");
      expect(out).not.toContain("\u202E");
      expect(out).not.toContain("\u001b]0;");
      expect(out).not.toContain("\u001b[2J");
      if (format === "text") expect(out).not.toContain("\u001b");
    }
  });
});

describe("render never throws", () => {
  it("on a hand-made explanation with missing parts", () => {
    const broken = { parsed: { codes: [] }, matches: [{ id: "x" }], summary: "" } as never;
    for (const format of FORMATS) expect(typeof render(broken, { format })).toBe("string");
  });
});

describe("every parsed field has a label", () => {
  // Fields shown another way than as a labelled row, each with where it shows.
  const SHOWN_OTHERWISE: Record<string, string> = {
    statusText: "beside the status",
    statusReliable: "qualifies the status",
    errorDescription: "the message row holds its sentence",
    timestampText: "the timestamp row holds it, normalised",
    conflicts: "a note under the fields",
    chain: "the chain table",
    redacted: "the Input row",
    truncated: "the Input row",
  };

  it("labels each field of ParsedAuthError, or says where it shows", () => {
    const labelled = new Set(FIELD_LABELS.map(([key]) => key as string));
    for (const key of Object.keys(ParsedAuthErrorSchema.shape))
      expect(labelled.has(key) || key in SHOWN_OTHERWISE, `${key} has no label`).toBe(true);
  });

  it("shows a producer's own fields (command, cmdlet) and the exception in every format", () => {
    const cli = readFileSync(
      new URL("./fixtures/azure-cli/mfa-required-50076-claims-logout.txt", import.meta.url),
      "utf8",
    );
    const ps = readFileSync(
      new URL("./fixtures/powershell/ps7-conciseview-federated-700024.txt", import.meta.url),
      "utf8",
    );
    const dotnet = readFileSync(
      new URL("./fixtures/dotnet/client-secret-expired-config-issue.txt", import.meta.url),
      "utf8",
    );
    const cases = [
      { text: cli, label: "Suggested command", value: "az logout" },
      { text: ps, label: "Cmdlet", value: "Connect-AzAccount" },
      { text: dotnet, label: "Exception", value: "AuthenticationFailedException" },
    ];
    for (const { text, label, value } of cases) {
      const ex = explain(text);
      for (const format of FORMATS) {
        const out = render(ex, { format });
        expect(out, `${label} in ${format}`).toContain(value);
        if (format !== "json") expect(out, `${label} label in ${format}`).toContain(label);
      }
    }
  });
});

describe("the terminal renderer's lexer", () => {
  it("gives exactly marked's tokens for every catalog text and for texts that need the rules it can skip", () => {
    const texts = listEntries().flatMap((e) => [
      e.description,
      e.mitigation,
      ...Object.values(e.mitigationBySdk ?? {}),
      ...(e.causes ?? []).map((c) => c.mitigation),
    ]);
    texts.push(
      "Title\n===\n\ntext",
      "Sub\n---\n- item",
      "a <b>bold</b> word",
      "| a | b |\n| - | - |\n| 1 | 2 |",
      "[ref]: https://learn.microsoft.com/x\n\nsee [ref]",
    );
    for (const md of texts)
      expect(JSON.stringify(lexerFor(md ?? "").lex(md ?? ""))).toBe(JSON.stringify(lexer(md ?? "")));
  });
});
