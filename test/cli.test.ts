/** End-to-end: spawn the built binary with a pinned environment and check output and exit codes. */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { COMMANDS } from "../src/cli/commands/index.js";
import { listEntries } from "../src/index.js";

const CLI = new URL("../dist/cli.js", import.meta.url).pathname;
const guide = readFileSync(new URL("../examples/guide-client-secret.txt", import.meta.url), "utf8");

function aadsts(args: string[], input?: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    input,
    encoding: "utf8",
    maxBuffer: 64 << 20,
    env: { PATH: process.env.PATH ?? "", TERM: "dumb", TZ: "UTC", ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe("aadsts explain", () => {
  it("explains the guide's example from stdin, as plain text when piped", () => {
    const r = aadsts(["explain"], guide);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Invalid client secret \[client-secret-invalid\]/);
    // The advice is in the Go SDK's terms (the example is azidentity's) and links its guide.
    expect(r.out).toContain("https://github.com/Azure/azure-sdk-for-go/");
    expect(r.out).not.toContain("\u001b[");
  });
  it("takes the text as an argument, or - for stdin", () => {
    expect(aadsts(["explain", "AADSTS7000222: The provided client secret keys are expired."]).out).toMatch(
      /^Expired client secret/,
    );
    expect(aadsts(["explain", "-"], "Azure CLI not found on path").out).toMatch(/^Azure CLI not found/);
  });
  it("prints the JSON contract", () => {
    const r = aadsts(["explain", "--format", "json"], guide);
    const json = JSON.parse(r.out);
    expect(json.parsed.codes).toEqual([7000215]);
    expect(json.parsed.tenant).toBe("3c631bb7-a9f7-4343-a5ba-a615913");
    expect(json.matches[0].id).toBe("client-secret-invalid");
  });
  it("honours --limit", () => {
    const json = JSON.parse(aadsts(["explain", "--format", "json", "--limit", "1"], guide).out);
    expect(json.matches).toHaveLength(1);
  });
  it("exits 1 when nothing is recognised", () => {
    const r = aadsts(["explain", "all systems nominal"]);
    expect(r.code).toBe(1);
    expect(r.out).toContain("No catalog entry matches");
  });
  it("colours with --color always, and not with NO_COLOR or --color never", () => {
    expect(aadsts(["explain", "--color", "always"], guide).out).toContain("\u001b[");
    expect(aadsts(["explain", "--format", "ansi", "--color", "never"], guide).out).not.toContain("\u001b[");
    expect(aadsts(["explain"], guide, { NO_COLOR: "1" }).out).not.toContain("\u001b[");
  });
  it("redacts secrets unless told not to", () => {
    const text = "AADSTS7000215: bad secret. client_secret=not-a-real-secret-42";
    expect(aadsts(["explain", "--format", "json", text]).out).not.toContain("not-a-real-secret-42");
    expect(aadsts(["explain", "--format", "json", "--no-redact", text]).out).toContain(
      "not-a-real-secret-42",
    );
  });
  it.each(["html", "markdown"])("renders %s", (format) => {
    const r = aadsts(["explain", "--format", format], guide);
    expect(r.code).toBe(0);
    expect(r.out).toContain(format === "html" ? "<article" : "## Invalid client secret");
  });
});

describe("aadsts lookup", () => {
  it.each(["7000215", "AADSTS7000215", "client-secret-invalid"])("finds %s", (q) => {
    const r = aadsts(["lookup", q]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Invalid client secret/);
  });
  it("names the other entries for a shared code", () => {
    const out = aadsts(["lookup", "700016"]).out;
    expect(out).toMatch(/^Application not found in the directory/);
    expect(out).toMatch(/Also for this code: client-secret-app-not-found .*client-certificate-app-not-found/);
  });
  it("prints one entry as JSON without score and reasons", () => {
    const json = JSON.parse(aadsts(["lookup", "--format", "json", "7000215"]).out);
    expect(json.id).toBe("client-secret-invalid");
    expect(json.score).toBeUndefined();
  });
  it("exits 1 with a one-line error for an unknown code", () => {
    const r = aadsts(["lookup", "99999999"]);
    expect(r.code).toBe(1);
    expect(r.out).toBe("");
    expect(r.err.trim().split("\n")).toHaveLength(1);
  });
});

describe("aadsts search", () => {
  it("ranks entries for plain words, as text or JSON", () => {
    const r = aadsts(["search", "redirect", "uri", "mismatch", "--limit", "3"]);
    expect(r.code).toBe(0);
    expect(r.out.split("\n")[0]).toMatch(/^aadsts-50011\s+AADSTS50011\s+Redirect URI/);
    const json = JSON.parse(aadsts(["search", "secret expired", "--format", "json"]).out) as Array<{
      id: string;
    }>;
    expect(json.map((x) => x.id)).toContain("client-secret-expired");
  });
  it("exits 1 when nothing matches and 2 without words", () => {
    expect(aadsts(["search", "zzqqxxjj"]).code).toBe(1);
    expect(aadsts(["search"]).code).toBe(2);
  });
  it("lookup suggests search results when nothing has that id, and explain points a bare code to lookup", () => {
    const r = aadsts(["lookup", "redirect"]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/Closest by search:\n {2}aadsts-/);
    expect(aadsts(["explain", "50076"]).err).toContain("'aadsts lookup 50076' shows its entry");
  });
});

describe("aadsts list and usage", () => {
  it("lists every entry as JSON", () => {
    expect(JSON.parse(aadsts(["list", "--format", "json"]).out)).toHaveLength(listEntries().length);
  });
  it.each([
    [["frobnicate"]],
    [["explain", "--bogus"]],
    [["explain", "--format", "xml", "x"]],
    [["lookup"]],
    [["explain", "--limit", "0", "x"]],
  ])("exits 2 with a one-line error for %j", (args) => {
    const r = aadsts(args);
    expect(r.code).toBe(2);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.err).toMatch(/^aadsts: .*Run 'aadsts (\w+ )?--help' for usage\.$/m);
  });
  it.each(["explain", "lookup", "list", "search", "export", "scan"])("%s --help", (cmd) => {
    const r = aadsts([cmd, "--help"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`aadsts ${cmd}`);
  });
  it("prints the main help and version", () => {
    expect(aadsts(["--help"]).out).toContain("Exit codes:");
    expect(aadsts(["--version"]).out.trim()).toBe(JSON.parse(readFileSync("package.json", "utf8")).version);
    expect(aadsts([]).code).toBe(2);
  });
});

describe("README", () => {
  it("the CLI block lists every command, scan included", () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    const section = readme.slice(readme.indexOf("## CLI"));
    const block = section.slice(section.indexOf("```"), section.indexOf("```", section.indexOf("```") + 3));
    for (const c of Object.values(COMMANDS)) expect(block).toContain(`aadsts ${c.usage}`);
    expect(block).toContain("aadsts scan [FILE…]");
  });
});

describe("cold start", () => {
  const dist = new URL("../dist/", import.meta.url).pathname;
  const readJson = (file: string): unknown => JSON.parse(readFileSync(`${dist}${file}`, "utf8"));
  /** The files a module loads before it runs: its static imports, transitively (tsup writes them one per line). */
  function closure(file: string, seen = new Set<string>(), external = new Set<string>()) {
    if (seen.has(file)) return { seen, external };
    seen.add(file);
    const text = readFileSync(`${dist}${file}`, "utf8");
    for (const line of text.split("\n")) {
      if (!line.startsWith("import ")) continue;
      const from = line.slice(line.lastIndexOf(" ") + 1).replace(/[';"]/g, "");
      if (from.startsWith("./")) closure(from.slice(2), seen, external);
      else external.add(from);
    }
    return { seen, external };
  }
  const sources = (files: Set<string>) =>
    [...files].flatMap((f) =>
      readFileSync(`${dist}${f}`, "utf8")
        .split("\n")
        .filter((l) => l.startsWith("// src/"))
        .map((l) => l.slice(3)),
    );

  it("dist/cli.js is a dispatcher: no catalog, renderer or parser before a command is chosen", () => {
    const { seen, external } = closure("cli.js");
    expect([...external].sort()).toEqual(["fs", "util"]);
    const modules = sources(seen);
    // esbuild marks a module with a comment only where its code follows another's: run.ts after help.ts
    // is unmarked, and so is io.ts, a file of its own (dist/cli-io.js, shared with dist/cli-lookup.js).
    expect(modules).toEqual(expect.arrayContaining(["src/cli/main.ts", "src/cli/commands/index.ts"]));
    expect(readFileSync(`${dist}cli.js`, "utf8")).toContain("async function run(io)");
    expect(seen).toContain("cli-io.js");
    expect(modules.filter((m) => !m.startsWith("src/cli/") && m !== "src/vocab.ts")).toEqual([]);
  });

  it("lookup's module loads neither the parser, the matcher, zod, minisearch, yaml nor the whole compiled catalog", () => {
    // A build of its own (tsup.config.ts), which the dispatcher imports by name.
    expect(readdirSync(dist)).toContain("cli-lookup.js");
    expect(readFileSync(`${dist}cli.js`, "utf8")).toContain(`import('./cli-lookup.js')`);
    const { seen, external } = closure("cli-lookup.js");
    const modules = sources(seen);
    expect(readFileSync(`${dist}cli-lookup.js`, "utf8")).toContain("var lookupCommand = ");
    expect(modules).toContain("src/cli/catalog-files.ts");
    for (const m of [
      "src/generated/catalog.ts",
      "src/parse/index.ts",
      "src/explain.ts",
      "src/schema.ts",
      // The matcher and its indexes: printing an entry ranks nothing.
      "src/match/index.ts",
      "src/catalog/match-indexes.ts",
      "src/catalog/phrase-index.ts",
    ])
      expect(modules).not.toContain(m);
    for (const pkg of ["zod", "minisearch", "yaml"]) expect(external).not.toContain(pkg);
  });

  it("lookup reads the catalog's keys and only the parts holding the entries it names", async () => {
    const preload = new URL("./helpers/report-files-read.cjs", import.meta.url).pathname;
    const r = spawnSync(process.execPath, ["--require", preload, CLI, "lookup", "7000215"], {
      encoding: "utf8",
      env: { PATH: process.env.PATH ?? "", TERM: "dumb" },
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Invalid client secret/);
    const loaded = [
      ...new Set(
        (JSON.parse(r.stderr.trim().split("\n").pop() as string) as string[])
          .map((f) => f.slice(f.lastIndexOf("/") + 1))
          .filter((f) => f.startsWith("catalog-")),
      ),
    ].sort();
    // The entry printed, the others for its code, and the related entries whose titles it shows.
    const { keys, parts } = readJson("catalog-keys.json") as { keys: [string][]; parts: number[] };
    const { lookupAll } = await import("../src/index.js");
    const shown = lookupAll(7000215);
    const named = new Set([...shown.map((e) => e.id), ...(shown[0]?.related ?? [])]);
    const needed = new Set(
      keys.flatMap(([id], i) => (named.has(id) ? [`catalog-part-${parts[i]}.json`] : [])),
    );
    expect(loaded).toEqual(["catalog-keys.json", ...[...needed].sort()]);
    expect(needed.size).toBeLessThan(Math.max(...parts) / 4);
  });

  it("the CLI's catalog files hold the same entries as the library's catalog", async () => {
    const { keys, parts } = readJson("catalog-keys.json") as { keys: [string][]; parts: number[] };
    const entries = listEntries();
    expect(keys.map((k) => k[0])).toEqual(entries.map((e) => e.id));
    const { ENTRY_BLOCKS } = await import("../src/generated/catalog.js");
    const text: Record<string, string> = Object.assign({}, ...ENTRY_BLOCKS.map((b) => b()));
    keys.forEach(([id], i) => {
      expect((readJson(`catalog-part-${parts[i]}.json`) as Record<string, string>)[id]).toBe(text[id]);
    });
  });
});
