/**
 * The published package, as a user gets it: `npm pack` the built tree, install the tarball into a fresh
 * project, then require it, import it, type-check against it and run its binary. `npm test` builds `dist/`
 * before vitest runs, and the install works offline from the npm cache that `npm ci` filled.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listEntries } from "../src/index.js";

const ROOT = new URL("..", import.meta.url).pathname;
const TSC = join(ROOT, "node_modules/typescript/bin/tsc");
const guide = readFileSync(join(ROOT, "examples/guide-client-secret.txt"), "utf8");
const entryCount = listEntries().length;

let work = "";
let project = "";
let tarball = "";

function run(cmd: string, args: string[], options: { cwd?: string; input?: string } = {}) {
  const r = spawnSync(cmd, args, {
    cwd: options.cwd ?? project,
    input: options.input,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", npm_config_update_notifier: "false" },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "aadsts-pack-"));
  const packed = execFileSync("npm", ["pack", "--json", "--pack-destination", work], {
    cwd: ROOT,
    encoding: "utf8",
  });
  const [info] = JSON.parse(packed) as { filename: string }[];
  tarball = join(work, info?.filename ?? "missing.tgz");
  project = join(work, "app");
  mkdirSync(project);
  writeFileSync(
    join(project, "package.json"),
    JSON.stringify({ name: "smoke", private: true, version: "1.0.0" }),
  );
  const install = run("npm", [
    "install",
    tarball,
    "--prefer-offline",
    "--no-audit",
    "--no-fund",
    "--ignore-scripts",
  ]);
  if (install.code !== 0) throw new Error(`npm install of the tarball failed:\n${install.err}`);
}, 180_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("the packed tarball", () => {
  it("ships the builds, types, licence and catalog template, and nothing else", () => {
    const files = execFileSync("tar", ["tzf", tarball], { encoding: "utf8" })
      .split("\n")
      .filter(Boolean)
      .map((f) => f.replace(/^package\//, ""));
    for (const f of [
      "package.json",
      "README.md",
      "LICENSE",
      "dist/index.js",
      "dist/index.cjs",
      "dist/index.d.ts",
      "dist/index.d.cts",
      "dist/catalog.js",
      "dist/catalog.cjs",
      "dist/identity.js",
      "dist/identity.cjs",
      "dist/identity.d.ts",
      "dist/cli.js",
      "data/errors.yaml",
    ]) {
      expect(files).toContain(f);
    }
    const stray = files.filter((f) => /^(src|test|scripts|bench|examples)\/|\.map$|\.tsbuildinfo$/.test(f));
    expect(stray).toEqual([]);
  });

  it("works with require() from CommonJS", () => {
    const r = run(
      "node",
      [
        "-e",
        `const { explain, lookup } = require("aadsts");
       const { entries } = require("aadsts/catalog");
       const e = explain(require("fs").readFileSync(0, "utf8"));
       console.log(JSON.stringify({ top: e.matches[0].id, codes: e.parsed.codes, n: entries.length, t: lookup("7000222").title }));`,
      ],
      { input: guide },
    );
    expect(r.err).toBe("");
    expect(JSON.parse(r.out)).toEqual({
      top: "client-secret-invalid",
      codes: [7000215],
      n: entryCount,
      t: "Expired client secret",
    });
  });

  it("works with import from ESM", () => {
    const r = run(
      "node",
      [
        "--input-type=module",
        "-e",
        `import { explain, render } from "aadsts";
       import { entries } from "aadsts/catalog";
       import { readFileSync } from "node:fs";
       const e = explain(readFileSync(0, "utf8"));
       console.log(JSON.stringify({ top: e.matches[0].id, n: entries.length, md: render(e, { format: "markdown" }).split("\\n")[0] }));`,
      ],
      { input: guide },
    );
    expect(r.err).toBe("");
    expect(JSON.parse(r.out)).toEqual({
      top: "client-secret-invalid",
      n: entryCount,
      md: "## Invalid client secret (`client-secret-invalid`)",
    });
  });

  it("runs aadsts/identity from ESM and CommonJS with no @azure package installed", () => {
    const body = `const failing = { getToken: () => Promise.reject(new Error("AADSTS7000222: The provided client secret keys for app 'x' are expired.")) };
       explainingCredential(failing).getToken("s").catch((e) => console.log(explanationOf(e).matches[0].id));`;
    const esm = run("node", [
      "--input-type=module",
      "-e",
      `import { explainingCredential, explanationOf } from "aadsts/identity";\n${body}`,
    ]);
    const cjs = run("node", [
      "-e",
      `const { explainingCredential, explanationOf } = require("aadsts/identity");\n${body}`,
    ]);
    for (const r of [esm, cjs]) {
      expect(r.err).toBe("");
      expect(r.out.trim()).toBe("client-secret-expired");
    }
    expect(run("node", ["-e", `require.resolve("@azure/core-auth")`]).code).not.toBe(0);
  });

  it.each(["nodenext", "bundler"] as const)(
    "type-checks a TypeScript consumer (moduleResolution %s)",
    (resolution) => {
      const dir = join(project, `ts-${resolution}`);
      mkdirSync(dir, { recursive: true });
      const tsconfig = {
        compilerOptions: {
          strict: true,
          noEmit: true,
          target: "ES2022",
          module: resolution === "bundler" ? "ESNext" : "NodeNext",
          moduleResolution: resolution,
          types: [],
          // The DOM lib gives `URL`, which zod's own declarations use; apps have it from DOM or @types/node.
          lib: ["ES2022", "DOM"],
        },
        include: ["*.ts", "*.mts", "*.cts"],
      };
      writeFileSync(join(dir, "tsconfig.json"), JSON.stringify(tsconfig));
      const good = `import { explain, lookup, type Explanation, type ParsedAuthError } from "aadsts";
import { entries, type CatalogEntry } from "aadsts/catalog";
const e: Explanation = explain("AADSTS7000222: The provided client secret keys are expired.");
const parsed: ParsedAuthError = e.parsed;
const codes: number[] = parsed.codes;
const first: CatalogEntry | undefined = entries[0];
const title: string | undefined = lookup(7000222)?.title;
export { codes, first, title };
`;
      writeFileSync(join(dir, "good.mts"), good);
      if (resolution === "nodenext")
        writeFileSync(
          join(dir, "good.cts"),
          `import aadsts = require("aadsts");\nconst s: string = aadsts.explain("x").summary;\nexport = s;\n`,
        );
      const ok = run("node", [TSC, "-p", dir]);
      expect(ok.out + ok.err).toBe("");
      expect(ok.code).toBe(0);

      // The types are real, not `any`: a wrong use must be refused.
      writeFileSync(
        join(dir, "bad.mts"),
        `import { explain } from "aadsts";\nexport const n: number = explain("x").summary;\n`,
      );
      const bad = run("node", [TSC, "-p", dir]);
      rmSync(join(dir, "bad.mts"));
      expect(bad.code).not.toBe(0);
      expect(bad.out).toMatch(/bad\.mts.*error TS2322: Type 'string' is not assignable to type 'number'/);
    },
    // Two whole tsc runs: about 20 s on a quiet 2-core machine, past the default 30 s when it is loaded.
    120_000,
  );

  it("runs the binary with npx", () => {
    const r = run("npx", ["--no-install", "aadsts", "explain", "--format", "json", "-"], { input: guide });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).matches[0].id).toBe("client-secret-invalid");
    const v = run("npx", ["--no-install", "aadsts", "--version"]);
    expect(v.out.trim()).toBe(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version);
  });

  // The MCP SDK is an optional peer: an install without it still works, and `aadsts mcp` says what is missing.
  it("installs without the MCP SDK, and aadsts mcp then names it in one line", () => {
    const r = run("npx", ["--no-install", "aadsts", "mcp"], { input: "" });
    expect(r.code).toBe(2);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.err).toContain("npm install @modelcontextprotocol/sdk");
  });
});
