import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compileBuiltInCatalog, readCatalogInputs } from "../scripts/lib/catalog-files.js";
import { compileCatalog, renderCatalogModule, templatePhrases } from "../scripts/lib/compile-catalog.js";
import { guideOutline, slugify } from "../scripts/lib/guide-outline.js";
import { builtInEntries } from "../src/catalog/builtin.js";
import { joinLookup, lookupLine, splitLookup } from "../src/catalog/lookup-url.js";
import { linkProblem } from "../src/catalog/rules.js";
import { defaultCatalog, explain, listEntries, lookup, lookupAll } from "../src/index.js";
import { loadFixtures } from "./helpers/fixtures.js";

const read = (p: string) => readFileSync(new URL(`../${p}`, import.meta.url), "utf8");
const inputs = readCatalogInputs();
const builtIn = compileBuiltInCatalog(inputs);

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
    expect(builtIn.errors).toEqual([]);
    expect(builtIn.entries.length).toBe(listEntries().length);
  });

  it("the committed generated module is up to date", () => {
    expect(read("src/generated/catalog.ts")).toBe(renderCatalogModule(builtIn.entries));
  });

  it("the generated module reads back as the compiled entries, apostrophes, backslashes and all", () => {
    const entries = builtInEntries();
    expect(entries).toEqual(builtIn.entries);
    expect(entries.some((e) => e.mitigation.includes("'"))).toBe(true);
    expect(entries.some((e) => Object.values(e.mitigationBySdk ?? {}).some((m) => m.includes("\\")))).toBe(
      true,
    );
    // The closing lookup lines the module leaves out come back: most code entries end with one.
    const module = read("src/generated/catalog.ts");
    const ending = entries.filter(
      (e) => e.match.codes[0] && e.mitigation.includes(lookupLine(e.match.codes[0])),
    );
    expect(ending.length).toBeGreaterThan(500);
    expect(module.split('"lk":').length - 1).toBeGreaterThan(ending.length * 0.9);
    // Lookups by code and id give the same objects as the full list.
    const secret = entries.find((e) => e.id === "client-secret-invalid");
    expect(lookup("client-secret-invalid")).toBe(secret);
    expect(lookupAll(7000215)).toContain(secret);
  });

  it("leaves out a closing lookup line only when it is exactly the first code's, and puts it back as it was", () => {
    const line = lookupLine(50011);
    for (const tail of ["", "."])
      for (const before of ["- Fix the URI.\n\n", "- Fix the URI.\n- ", ""]) {
        const text = `${before}${line}${tail}`;
        const [rest, lk] = splitLookup(text, 50011);
        expect(rest).toBe(before);
        expect(joinLookup(rest, 50011, lk)).toBe(text);
      }
    // Another code's line, a line in the middle, text after it, or no code: kept whole.
    for (const [text, code] of [
      [`- See ${lookupLine(50012)}`, 50011],
      [`${line}\n- Then retry.`, 50011],
      [`${line}!`, 50011],
      [line, undefined],
    ] as const) {
      const [rest, lk] = splitLookup(text, code);
      expect([rest, lk]).toEqual([text, undefined]);
      expect(joinLookup(rest, code, lk)).toBe(text);
    }
  });

  it("a change to one entry changes a few lines of the generated module", () => {
    const before = renderCatalogModule(builtIn.entries).split("\n");
    const changedLines = (files: typeof inputs.files) => {
      const result = compileBuiltInCatalog({ ...inputs, files });
      expect(result.errors.filter((e) => !e.includes("published"))).toEqual([]);
      const after = renderCatalogModule(result.entries).split("\n");
      const removed = before.filter((l) => !after.includes(l)).length;
      const added = after.filter((l) => !before.includes(l)).length;
      return removed + added;
    };
    // A title changed in errors.yaml: the entry's line, removed and added.
    const retitled = inputs.files.map((f) =>
      f.name === "errors.yaml"
        ? { ...f, text: f.text.replace("title: Invalid client secret\n", "title: Client secret rejected\n") }
        : f,
    );
    expect(retitled).not.toEqual(inputs.files);
    expect(changedLines(retitled)).toBe(2);
    // A new entry: its line and its id's line.
    const added = inputs.files.map((f) =>
      f.name === "oauth.yaml"
        ? {
            ...f,
            text: `${f.text}
- id: contoso-example
  title: An example entry
  kind: oauth
  source: { guide: azidentity, section: troubleshoot-clientsecretcredential-authentication-issues }
  match: { errors: [contoso_example] }
  description: An example used by a test.
  mitigation: Nothing to do.
  category: configuration
  actor: developer
  retryable: unknown
`,
          }
        : f,
    );
    expect(changedLines(added)).toBeLessThanOrEqual(3);
  });

  it("holds the catalog to the published facts: reference rows, published list, published ids", () => {
    const facts = {
      referenceTsv:
        "code\tname\tcategory\tuser_fixable\tretryable\n1\tSomethingFailed\tsomething\tno\tyes\n2\tOther\tx\tno\tno\n",
      messagesTsv: "code\tmessage\n1\tSomething failed for {app}.\n3\tThree.\n",
      published: ["one", "gone"],
    };
    const one = entry({
      kind: "code",
      mitigation: "[AADSTS1](https://login.microsoftonline.com/error?code=1)",
    });
    const errors = compileCatalog(one, SOURCES, facts).errors.join("\n");
    expect(errors).toMatch(/one: name is undefined but data\/aadsts-codes.tsv says "SomethingFailed"/);
    expect(errors).toMatch(/AADSTS2 from Microsoft's reference .* has no entry/);
    expect(errors).toMatch(/AADSTS3 from the published list .* has no entry/);
    expect(errors).toMatch(/published id 'gone' is gone/);
  });

  it("a code entry links Microsoft's lookup page, first when its confidence is low", () => {
    const code = (mitigation: string, extra = "") =>
      errorsOf(entry({ row: "", kind: "code", mitigation }) + extra).join("\n");
    expect(code("Do [this](https://learn.microsoft.com/a).")).toMatch(/links Microsoft's lookup page/);
    const lookupLink = "[AADSTS1](https://login.microsoftonline.com/error?code=1)";
    expect(code(`Do [this](https://learn.microsoft.com/a). ${lookupLink}`)).not.toMatch(/lookup/);
    expect(code(`Do [this](https://learn.microsoft.com/a). ${lookupLink}`, "  confidence: low\n")).toMatch(
      /low-confidence entry gives the lookup link first/,
    );
    expect(
      code(`${lookupLink} Then [this](https://learn.microsoft.com/a).`, "  confidence: low\n"),
    ).not.toMatch(/lookup/);
  });

  it("refuses control characters in the built-in catalog, as in user catalogs", () => {
    expect(errorsOf(entry({ description: "Bad \u202e text." })).join()).toMatch(/control characters/);
  });

  it("takes the most specific run of a message template as its phrase", () => {
    const all = new Map([
      [1, "Invalid request."],
      [2, "The app {app} has no {thing} configured for the tenant {tenant}."],
      [3, "A transient error has occurred. Please try again."],
      [4, "A transient error has occurred. Please try again."],
      [5, "User account is disabled."],
      [6, "The user account is disabled by the admin for {app}."],
    ]);
    expect(templatePhrases(1, all)[0]).toBeUndefined();
    expect(templatePhrases(2, all)[0]).toBe("configured for the tenant");
    // Two codes with one template, or a run another template also holds, cannot tell the codes apart.
    expect(templatePhrases(3, all)[0]).toBeUndefined();
    expect(templatePhrases(5, all)[0]).toBeUndefined();
    expect(templatePhrases(6, all)[0]).toBe("The user account is disabled by the admin for");
  });

  it("keeps every specific run of a template (longest first), so an older wording that lost a sentence is still known", () => {
    const all = new Map([
      [
        11,
        "The redirect URI '{uri}' specified in the request does not match the redirect URIs configured for the application '{app}'. Make sure the redirect URI sent in the request matches one added to your application.",
      ],
      [
        12,
        "The redirect URI '{uri}' is not valid for this application. It does not match the redirect URIs configured for the application.",
      ],
    ]);
    expect(templatePhrases(11, all)).toEqual([
      "specified in the request does not match the redirect URIs configured for the application",
      "Make sure the redirect URI sent in the request matches one added to your application",
    ]);
    // The run both templates hold tells the codes apart only where it is not shared.
    expect(templatePhrases(12, all)).toEqual([
      "is not valid for this application. It does not match the redirect URIs configured for the application",
    ]);
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
    expect(errorsOf(entry({ related: "[nope]" })).join()).toMatch(/related: 'nope' is not an entry id/);
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
    // The guide lists AADSTS700016 twice (secret and certificate); the reference's own entry is a third.
    const guideRows = listEntries().filter(
      (e) => e.source.guide === "azidentity" && e.source.row === "AADSTS700016",
    );
    expect(guideRows).toHaveLength(2);
  });

  it("keeps the guide's links, absolute, https and on their current learn.microsoft.com pages", () => {
    for (const e of listEntries()) {
      for (const l of e.links) {
        expect(l.url, e.id).toMatch(/^https:\/\//);
        expect(new URL(l.url).hostname, e.id).not.toBe("docs.microsoft.com");
      }
      expect(e.mitigation, e.id).not.toMatch(/\]\(#/);
    }
    // The guide's docs.microsoft.com link, at its learn.microsoft.com home.
    expect(lookup("client-secret-expired")?.links.map((l) => l.url)).toContain(
      "https://learn.microsoft.com/entra/identity-platform/howto-create-service-principal-portal",
    );
    expect(linkProblem("https://docs.microsoft.com/azure/app-service/overview-managed-identity")).toMatch(
      /learn\.microsoft\.com/,
    );
  });

  it("looks entries up by code, AADSTS code and id, and never throws", () => {
    expect(lookup(7000215)?.id).toBe("client-secret-invalid");
    expect(lookup("AADSTS7000215")?.id).toBe("client-secret-invalid");
    expect(lookup("aadsts7000222")?.id).toBe("client-secret-expired");
    expect(lookup(" verify-imds ")?.id).toBe("verify-imds");
    // The code's general entry first, then the entries written for one credential, in catalog order.
    expect(
      lookupAll(700016)
        .map((e) => e.id)
        .slice(0, 3),
    ).toEqual(["aadsts-700016", "client-secret-app-not-found", "client-certificate-app-not-found"]);
    expect(
      lookupAll(700016)
        .slice(1)
        .every((e) => e.match.credentials.length > 0),
    ).toBe(true);
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
