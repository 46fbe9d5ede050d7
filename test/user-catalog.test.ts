import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { createCatalog } from "../src/catalog/index.js";
import {
  type CatalogEntry,
  CatalogLoadError,
  defaultCatalog,
  explain,
  loadCatalog,
  lookup,
  render,
  scanAll,
} from "../src/index.js";

const CLI = new URL("../dist/cli.js", import.meta.url).pathname;

const CONTOSO = `# Contoso's own advice
- id: client-secret-expired
  override: true
  mitigation: |
    Secrets for Contoso apps are rotated by the Identity team. Open a ticket in
    [the Identity queue](https://contoso.example/identity/tickets) with the app ID from the error.
  actor: operator

- id: contoso-legacy-proxy
  title: The legacy egress proxy rewrote the token request
  description: Requests through proxy-legacy.contoso.example lose their body, and Entra rejects them.
  mitigation: Route the app through proxy-v2 (see [the network runbook](https://contoso.example/runbooks/proxy)).
  match:
    messages: ["via proxy-legacy.contoso.example"]
  category: network
`;

const EXPIRED =
  "ClientSecretCredential authentication failed: AADSTS7000222: The provided client secret keys for app '0b7c2f64-1d3e-4a5b-8c9d-0e1f2a3b4c5d' are expired.";

/** The problems a broken catalog reports, or a failed expectation when it loads. */
function problems(yamlText: string, name = "extra.yaml"): string[] {
  try {
    loadCatalog(yamlText, { name });
  } catch (e) {
    expect(e).toBeInstanceOf(CatalogLoadError);
    return (e as CatalogLoadError).problems;
  }
  throw new Error("the catalog loaded, but it should not have");
}

describe("loadCatalog", () => {
  const catalog = loadCatalog(CONTOSO, { name: "contoso.yaml" });

  it("overrides a built-in entry's advice explicitly, keeping its matching and the rest of its fields", () => {
    const ex = explain(EXPIRED, { catalog });
    const top = ex.matches[0];
    expect(top?.id).toBe("client-secret-expired");
    expect(top?.mitigation).toContain("Identity team");
    expect(top?.links).toEqual([
      { text: "the Identity queue", url: "https://contoso.example/identity/tickets" },
    ]);
    expect(top?.actor).toBe("operator");
    expect(top?.title).toBe(defaultCatalog.byId("client-secret-expired")?.title);
    expect(top?.source).toMatchObject({ guide: "user", section: "contoso.yaml" });
    expect(render(ex, { format: "markdown", catalog })).toContain("your catalog contoso.yaml");
    // The built-in catalog is untouched.
    expect(explain(EXPIRED).matches[0]?.mitigation).not.toContain("Identity team");
  });

  it("adds new entries that match on their own phrases and are found by lookup", () => {
    const text =
      "2026-11-03T10:00:00Z ERROR token request via proxy-legacy.contoso.example failed: AADSTS900144: The request body must contain the following parameter: 'grant_type'.";
    const ex = explain(text, { catalog });
    expect(ex.matches.map((m) => m.id)).toContain("contoso-legacy-proxy");
    expect(lookup("contoso-legacy-proxy", catalog)?.category).toBe("network");
    expect(lookup("contoso-legacy-proxy")).toBeUndefined();
    expect(explain(text).matches.map((m) => m.id)).not.toContain("contoso-legacy-proxy");
  });

  it("layers several files in order, and an empty file changes nothing", () => {
    const second = loadCatalog(
      "- id: contoso-legacy-proxy\n  override: true\n  title: Legacy proxy (retired in 2027)\n",
      { name: "team.yaml", base: catalog },
    );
    expect(lookup("contoso-legacy-proxy", second)?.title).toBe("Legacy proxy (retired in 2027)");
    expect(lookup("contoso-legacy-proxy", second)?.mitigation).toContain("proxy-v2");
    expect(loadCatalog("# nothing yet\n")).toBe(defaultCatalog);
  });

  it("refuses to replace or shadow a built-in entry by accident", () => {
    expect(problems("- id: client-secret-expired\n  mitigation: Call team X.\n")).toEqual([
      "extra.yaml:1:7: id: 'client-secret-expired' is already an entry; add 'override: true' to replace it, or choose another id",
    ]);
    const shadow = problems(
      [
        "- id: contoso-expired",
        "  title: Expired secret at Contoso",
        "  description: The secret expired.",
        "  mitigation: Ask the Identity team.",
        "  match:",
        "    codes: [7000222]",
      ].join("\n"),
    );
    expect(shadow).toHaveLength(1);
    expect(shadow[0]).toMatch(
      /^extra\.yaml:6:12: match\.codes: AADSTS7000222 is already explained by 'client-secret-expired'/,
    );
    expect(problems("- id: contoso-nothing\n  override: true\n  title: x\n")[0]).toBe(
      "extra.yaml:2:13: override: there is no entry 'contoso-nothing' to override (see 'aadsts list')",
    );
  });

  it("names the file, line, column and field of every problem in an entry", () => {
    const found = problems(
      [
        "- id: contoso-thing", //                    1
        "  title: Something", //                      2
        "  description: A thing.", //                 3
        "  mitigation: See [the page](http://intranet/x).", // 4
        "  match:", //                                5
        '    codes: ["7000222"]', //                  6
        "    colour: red", //                         7
        "- id: Bad_Id", //                            8
        "- id: contoso-incomplete", //                9
        "  title: Incomplete", //                     10
        "- id: contoso-link", //                      11
        "  title: Link", //                           12
        "  description: Link.", //                    13
        "  mitigation: See [the page](http://intranet/x).", // 14
        "  match: { messages: [intranet failure] }", // 15
        "  category: sometimes", //                   16
      ].join("\n"),
      "org/catalog.yaml",
    );
    expect(found).toEqual([
      "org/catalog.yaml:6:13: match.codes[0]: Invalid input: expected number, received string",
      'org/catalog.yaml:7:13: match.colour: Unrecognized key: "colour"',
      "org/catalog.yaml:8:7: id: ids are kebab-case: lower-case letters and digits joined by '-'",
      "org/catalog.yaml:9:3: description: a new entry needs a description",
      "org/catalog.yaml:9:3: mitigation: a new entry needs a mitigation",
      "org/catalog.yaml:9:3: match: a new entry needs a match",
      expect.stringMatching(/^org\/catalog\.yaml:16:13: category: Invalid option/),
    ]);
    const link = problems(
      "- id: contoso-link\n  title: Link\n  description: Link.\n  mitigation: See [the page](http://intranet/x).\n  match: { messages: [intranet failure] }\n",
    );
    expect(link).toEqual(['extra.yaml:4:15: mitigation: link "http://intranet/x" is not an https URL']);
    // The same walk as the build's: links inside tables are checked too, and images are refused.
    const table = problems(
      '- id: contoso-table\n  title: Table\n  description: Table.\n  mitigation: "| Step |\\n| --- |\\n| [x](http://intranet/y) ![i](https://contoso.example/i.png) |"\n  match: { messages: [table failure] }\n',
    );
    expect(table).toEqual([
      "extra.yaml:4:15: mitigation: images are not allowed: https://contoso.example/i.png",
      'extra.yaml:4:15: mitigation: link "http://intranet/y" is not an https URL',
    ]);
  });

  it("reports invalid YAML, a non-list, duplicate keys and duplicate ids with positions", () => {
    expect(problems("- id: x\n  title: [unclosed\n")[0]).toMatch(/^extra\.yaml:\d+:\d+: invalid YAML: /);
    expect(problems("id: contoso-x\ntitle: not a list\n")).toEqual([
      "extra.yaml:1:1: a catalog is a YAML list of entries (- id: …)",
    ]);
    expect(problems("- id: contoso-x\n  title: a\n  title: b\n")[0]).toMatch(
      /^extra\.yaml:3:3: invalid YAML: .*unique/i,
    );
    const twice =
      "- id: contoso-x\n  title: X\n  description: X.\n  mitigation: X.\n  match: { status: [418] }\n";
    expect(problems(twice + twice)).toEqual(["extra.yaml:6:7: id: 'contoso-x' appears twice in this file"]);
  });

  it("either loads or throws CatalogLoadError, for any text", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: "binary" }),
          fc.jsonValue().map((v) => JSON.stringify(v)),
        ),
        (text) => {
          try {
            loadCatalog(text);
          } catch (e) {
            if (!(e instanceof CatalogLoadError)) throw e;
            expect(e.problems.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("is used by scan", async () => {
    const { hits } = await scanAll([`2026-11-03T10:00:00Z ERROR ${EXPIRED}\n`], { catalog });
    expect(hits[0]?.matches[0]?.mitigation).toContain("Identity team");
  });
});

describe("aadsts --catalog", () => {
  const dir = mkdtempSync(join(tmpdir(), "aadsts-catalog-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const good = join(dir, "contoso.yaml");
  writeFileSync(good, CONTOSO);
  const bad = join(dir, "broken.yaml");
  writeFileSync(
    bad,
    "- id: client-secret-expired\n  mitigation: Call team X.\n- id: contoso-y\n  title: 5\n",
  );
  const cli = (args: string[], input?: string) =>
    spawnSync(process.execPath, [CLI, ...args], {
      encoding: "utf8",
      maxBuffer: 64 << 20,
      ...(input ? { input } : {}),
    });

  it("applies to explain, lookup, list, export and scan", () => {
    expect(cli(["explain", "--catalog", good, "--format", "json", EXPIRED]).stdout).toContain(
      "Identity team",
    );
    expect(cli(["lookup", "contoso-legacy-proxy", "--catalog", good, "--format", "text"]).stdout).toContain(
      "legacy egress proxy",
    );
    expect(cli(["list", "--catalog", good, "--format", "json"]).stdout).toContain("contoso-legacy-proxy");
    // Exports have one row per code: the override's row for 7000222 carries its new actor.
    const csv = cli(["export", "--catalog", good, "--format", "csv"]).stdout;
    expect(csv.split("\n").find((l) => l.startsWith("7000222,"))).toContain(",operator,");
    const scan = cli(["scan", "--catalog", good], `2026-11-03T10:00:00Z ERROR ${EXPIRED}\n`);
    expect(scan.stdout).toContain("client-secret-expired");
  });

  it("exits 2 and lists every problem with file:line:col for a broken catalog", () => {
    const r = cli(["explain", "--catalog", bad, EXPIRED]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    const lines = r.stderr.trim().split("\n");
    expect(lines[0]).toBe(`aadsts: ${bad}: 2 problems in the catalog:`);
    expect(lines[1]).toContain(`${bad}:1:7: id: 'client-secret-expired' is already an entry`);
    expect(lines.slice(2).join("\n")).toContain(
      `${bad}:4:10: title: Invalid input: expected string, received number`,
    );
    const missing = cli(["lookup", "7000222", "--catalog", join(dir, "nope.yaml")]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe(`aadsts: cannot read catalog ${join(dir, "nope.yaml")}: ENOENT\n`);
  });
});

describe("hostile catalog text", () => {
  // Text with a terminal retitle, a screen clear, an OSC 8 link and a C1 CSI, as YAML escapes.
  const ESCAPES = "\\e]0;pwned\\a \\e[2J\\e]8;;https://evil.example\\a \\x9b31m";

  it("loadCatalog refuses control characters in any text field", () => {
    const found = problems(
      `- id: contoso-evil\n  title: "Evil ${ESCAPES}"\n  description: Fine.\n  mitigation: Fine.\n  match: { messages: [contoso evil marker] }\n`,
    );
    expect(found).toEqual(["extra.yaml:2:10: title: control characters are not allowed"]);
  });

  it("HTML, ANSI and text renders of a catalog built in code stay inert", () => {
    const evil = {
      ...(defaultCatalog.byId("client-secret-expired") as CatalogEntry),
      id: "contoso-evil",
      title: "Evil <script>alert(1)</script> \u001b]0;pwned\u0007 title",
      description: "Desc <img src=x onerror=alert(1)> \u001b[2J\u009b31m",
      mitigation:
        "See [docs](javascript:alert(1)) and <iframe src=x></iframe> \u001b]8;;https://evil.example\u0007",
      related: ["client-secret-invalid"],
    };
    const catalog = createCatalog([
      ...defaultCatalog.entries.filter((e) => e.id !== "client-secret-expired"),
      evil,
    ]);
    const ex = explain(EXPIRED, { catalog, limit: 3 });
    expect(ex.matches.map((m) => m.id)).toContain("contoso-evil");
    const html = render(ex, { format: "html", catalog });
    expect(html).not.toMatch(/<(script|img|iframe)\b/i);
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain("&lt;script&gt;");
    for (const format of ["ansi", "text", "markdown"] as const) {
      const out = render(ex, { format, catalog });
      expect(out).not.toContain("\u001b]0;");
      expect(out).not.toContain("\u001b[2J");
      expect(out).not.toContain("\u009b");
      expect(out).not.toContain("evil.example\u0007");
    }
  });
});
