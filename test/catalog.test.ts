import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  catalogFileOrder,
  compileCatalog,
  referenceCodes,
  renderCatalogModule,
} from "../scripts/lib/compile-catalog.js";
import { guideOutline, slugify } from "../scripts/lib/guide-outline.js";
import { defaultCatalog, explain, listEntries, lookup, lookupAll } from "../src/index.js";
import { loadFixtures } from "./helpers/fixtures.js";

const read = (p: string) => readFileSync(new URL(`../${p}`, import.meta.url), "utf8");
const catalogFiles = catalogFileOrder(readdirSync(new URL("../data/", import.meta.url))).map((name) => ({
  name,
  text: read(`data/${name}`),
}));
const sourcesYaml = read("data/sources.yaml");
const tsvCodes = referenceCodes(read("data/aadsts-codes.tsv"));

const SOURCES = `
g:
  title: Test guide
  url: https://example.com/guide.md
  sections:
    errors: Errors
    logging: Logging
  rows:
    - { section: errors, row: AADSTS1 }
`;
const entry = (over: Record<string, string> = {}) => {
  const e = {
    id: "one",
    title: "One",
    kind: "error",
    row: "AADSTS1",
    codes: "[1]",
    description: "Something failed.",
    mitigation: "Do [this](https://learn.microsoft.com/entra/identity-platform/reference-error-codes).",
    related: "[]",
    ...over,
  };
  return `- id: ${e.id}
  title: ${e.title}
  kind: ${e.kind}
  source: { guide: g, section: errors${e.row ? `, row: ${e.row}` : ""} }
  match: { codes: ${e.codes} }
  description: ${JSON.stringify(e.description)}
  mitigation: ${JSON.stringify(e.mitigation)}
  related: ${e.related}
  category: credential
  actor: developer
  retryable: false
`;
};
const errorsOf = (yaml: string) => compileCatalog(yaml, SOURCES).errors;

describe("catalog build", () => {
  it("compiles the real catalog with no problems", () => {
    const { entries, errors } = compileCatalog(catalogFiles, sourcesYaml, tsvCodes);
    expect(errors).toEqual([]);
    expect(entries.length).toBe(listEntries().length);
  });

  it("the committed generated module is up to date", () => {
    const { entries } = compileCatalog(catalogFiles, sourcesYaml, tsvCodes);
    expect(read("src/generated/catalog.ts")).toBe(renderCatalogModule(entries));
  });

  it("accepts a minimal valid entry", () => {
    expect(errorsOf(entry())).toEqual([]);
  });

  it("rejects duplicate ids", () => {
    expect(errorsOf(entry() + entry({ row: "" }))).toContain("duplicate id: one");
  });

  it("rejects links to hosts outside the allow-list", () => {
    expect(errorsOf(entry({ mitigation: "See [x](https://example.com/a)." })).join()).toMatch(
      /outside the allow-list/,
    );
    expect(errorsOf(entry({ mitigation: "See [x](https://learn.microsft.com/a)." })).join()).toMatch(
      /outside the allow-list/,
    );
  });

  it("rejects a code listed by two entries with no credential narrowing, and allows it with one", () => {
    const two = entry() + entry({ id: "two", row: "" });
    expect(errorsOf(two).join()).toMatch(/AADSTS1 is listed by one and two with no credential narrowing/);
  });

  it("rejects links that are not https", () => {
    expect(errorsOf(entry({ mitigation: "See [x](http://example.com/a)." })).join()).toMatch(
      /not an https URL/,
    );
    expect(errorsOf(entry({ mitigation: "See [x](javascript:alert(1))." })).join()).toMatch(
      /not an https URL/,
    );
  });

  it("rejects links to guide sections that do not exist, and rewrites those that do", () => {
    expect(errorsOf(entry({ mitigation: "See [x](#nowhere)." })).join()).toMatch(/'#nowhere'/);
    const ok = compileCatalog(entry({ mitigation: "See [logs](#logging)." }), SOURCES);
    expect(ok.errors).toEqual([]);
    expect(ok.entries[0]?.mitigation).toBe("See [logs](https://example.com/guide.md#logging).");
    expect(ok.entries[0]?.links).toEqual([{ text: "logs", url: "https://example.com/guide.md#logging" }]);
  });

  it("rejects empty descriptions and mitigations", () => {
    expect(errorsOf(entry({ description: "  " })).join()).toMatch(/must not be empty;\s+→ at description/);
    expect(errorsOf(entry({ mitigation: "" })).join()).toMatch(/must not be empty;\s+→ at mitigation/);
  });

  it("rejects raw HTML and images in Markdown", () => {
    expect(errorsOf(entry({ mitigation: "Hi <script>x()</script>" })).join()).toMatch(/raw HTML/);
    expect(errorsOf(entry({ mitigation: "![x](https://example.com/a.png)" })).join()).toMatch(/images/);
  });

  it("rejects a guide row with no entry, and an entry citing a row the guide lacks", () => {
    expect(errorsOf(entry({ row: "" })).join()).toMatch(/row "AADSTS1" \(errors\) has no entry/);
    expect(errorsOf(entry({ row: "AADSTS2" })).join()).toMatch(/has no row "AADSTS2"/);
  });

  it("rejects unknown related ids and invalid YAML", () => {
    expect(errorsOf(entry({ related: "[nope]" })).join()).toMatch(/related id 'nope'/);
    expect(errorsOf("- id: [").join()).toMatch(/not valid YAML/);
  });
});

describe("guide outline", () => {
  it("slugs headings the way GitHub does", () => {
    expect(slugify("Troubleshoot `WorkloadIdentityCredential` authentication issues")).toBe(
      "troubleshoot-workloadidentitycredential-authentication-issues",
    );
    expect(slugify("Verify IMDS is available on the VM")).toBe("verify-imds-is-available-on-the-vm");
  });

  it("reads table rows even when cells break across lines", () => {
    const md = [
      "# Title",
      "## Troubleshoot `X` issues",
      "| Error | Description | Mitigation |",
      "|---|---|---|",
      '|"first row"|desc|- item one',
      "- item two",
      "|",
      "|`second row`|desc|fix",
      "```",
      "| not | a | row |",
      "```",
    ].join("\n");
    const outline = guideOutline(md);
    expect(outline.sections.map((s) => s.slug)).toEqual(["troubleshoot-x-issues"]);
    expect(outline.rows).toEqual([
      { section: "troubleshoot-x-issues", row: "first row" },
      { section: "troubleshoot-x-issues", row: "second row" },
    ]);
  });
});

describe("catalog contents", () => {
  const fixtures = loadFixtures();
  const tops = new Set(fixtures.map((f) => explain(f.text).matches[0]?.id));

  it("every error and host entry is the top match of at least one fixture", () => {
    const missing = listEntries()
      .filter((e) => e.kind === "error" || e.kind === "host")
      .filter((e) => !tops.has(e.id))
      .map((e) => e.id);
    expect(missing).toEqual([]);
  });

  it("has every row the seed guide lists, including the host table", () => {
    const rows = listEntries().flatMap((e) => (e.source.row ? [e.source.row] : []));
    for (const row of [
      "AADSTS7000215",
      "AADSTS7000222",
      "AADSTS700016",
      "AADSTS700027",
      "AADSTS50126",
      "Azure Virtual Machines and Scale Sets",
      "Azure Arc",
      "Azure Service Fabric",
      "Azure CLI not found on path",
      "no client ID/tenant ID/token file specified",
    ])
      expect(rows).toContain(row);
    expect(rows.filter((r) => r === "AADSTS700016")).toHaveLength(2);
  });

  it("keeps the guide's links, absolute and https", () => {
    for (const e of listEntries()) {
      for (const l of e.links) expect(l.url, e.id).toMatch(/^https:\/\//);
      expect(e.mitigation, e.id).not.toMatch(/\]\(#/);
    }
    expect(lookup("client-secret-expired")?.links.map((l) => l.url)).toContain(
      "https://docs.microsoft.com/azure/active-directory/develop/howto-create-service-principal-portal#option-2-create-a-new-application-secret",
    );
  });

  it("looks entries up by code, AADSTS code and id, and never throws", () => {
    expect(lookup(7000215)?.id).toBe("client-secret-invalid");
    expect(lookup("AADSTS7000215")?.id).toBe("client-secret-invalid");
    expect(lookup("aadsts7000222")?.id).toBe("client-secret-expired");
    expect(lookup(" verify-imds ")?.id).toBe("verify-imds");
    expect(
      lookupAll(700016)
        .map((e) => e.id)
        .slice(0, 2),
    ).toEqual(["client-secret-app-not-found", "client-certificate-app-not-found"]);
    expect(lookupAll(700016).every((e) => e.match.credentials.length > 0)).toBe(true);
    for (const bad of [99999999, "nope", null, undefined, {}, [], Number.NaN, 1.5, Symbol("x")])
      expect(lookup(bad)).toBeUndefined();
  });

  it("indexes by id and code consistently", () => {
    for (const e of listEntries()) {
      expect(defaultCatalog.byId(e.id)).toBe(e);
      for (const c of e.match.codes) expect(defaultCatalog.byCode(c)).toContain(e);
    }
  });
});
