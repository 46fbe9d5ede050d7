/**
 * The CLI's commands run in-process through run() with a scripted CliIO: help and version, argument
 * mistakes (one line, "did you mean"), explain's input rules, lookup's symbolic name, and the registry.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { COMMANDS } from "../src/cli/commands/index.js";
import { MAIN_HELP } from "../src/cli/help.js";
import { type CliIO, EXIT_CODES } from "../src/cli/io.js";
import { run } from "../src/cli/run.js";
import { lookup } from "../src/index.js";

const dir = mkdtempSync(join(tmpdir(), "aadsts-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Options {
  /** Stdin's text, or the error reading it raises. */
  stdin?: string | NodeJS.ErrnoException;
  stdoutIsTTY?: boolean;
}

async function cli(argv: string[], opts: Options = {}) {
  const out: string[] = [];
  const err: string[] = [];
  let stdinRead = false;
  const io: CliIO = {
    argv,
    env: { TERM: "dumb" },
    stdoutIsTTY: opts.stdoutIsTTY ?? false,
    stdinIsTTY: false,
    readStdin: async () => {
      stdinRead = true;
      if (opts.stdin instanceof Error) throw opts.stdin;
      return opts.stdin ?? "";
    },
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    version: "9.8.7-test",
  };
  const code = await run(io);
  return { code, out: out.join(""), err: err.join(""), stdinRead };
}

/** A usage error: exit 2, one line on stderr, nothing on stdout, and the quotes in it balanced. */
function expectUsageError(r: Awaited<ReturnType<typeof cli>>) {
  expect(r.code).toBe(EXIT_CODES.usage);
  expect(r.out).toBe("");
  expect(r.err.trim().split("\n")).toHaveLength(1);
  expect(r.err).toMatch(/^aadsts: /);
  expect(r.err.split("'").length % 2, `unbalanced quotes in ${r.err}`).toBe(1);
  return r.err;
}

describe("help and version", () => {
  it.each([["--version"], ["-v"], ["version"]])("%s prints the version", async (flag) => {
    const r = await cli([flag]);
    expect(r).toMatchObject({ code: 0, out: "9.8.7-test\n", err: "" });
  });

  it.each([
    ["help", "scan"],
    ["-h", "scan"],
    ["--help", "scan"],
    ["scan", "-h"],
    ["scan", "--help"],
  ])("%s %s shows scan's help, not the main help", async (...argv) => {
    const r = await cli(argv);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Usage: aadsts scan /);
    expect(r.out).toContain("--fail-on-hit");
    expect(r.out).not.toBe(MAIN_HELP);
  });

  it("a command's -h wins over its other arguments, but not after --", async () => {
    const r = await cli(["lookup", "7000215", "--format", "json", "-h"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Usage: aadsts lookup /);
    // After --, "-h" is text to explain: no catalog entry matches it.
    const text = await cli(["explain", "--format", "json", "--", "-h"]);
    expect(text.out).not.toMatch(/^Usage:/);
    expect(JSON.parse(text.out).matches).toEqual([]);
  });

  it("help for an unknown command is a usage error naming the closest one", async () => {
    expect(expectUsageError(await cli(["help", "lokup"]))).toContain("did you mean 'lookup'?");
  });

  it("the main help lists every registered command, scan included, and how to get each one's help", async () => {
    const r = await cli(["--help"]);
    expect(r.code).toBe(0);
    for (const c of Object.values(COMMANDS)) expect(r.out).toContain(`aadsts ${c.usage}`);
    expect(r.out).toContain("aadsts scan [FILE…]");
    expect(r.out).toContain("aadsts help <COMMAND>");
    expect(r.out).toContain("aadsts --version");
  });

  it("no arguments prints the main help and exits 2", async () => {
    const r = await cli([]);
    expect(r.code).toBe(EXIT_CODES.usage);
    expect(r.out).toBe(MAIN_HELP);
  });

  it("each command's help lists its own --format values", async () => {
    const formatLine = async (cmd: string) =>
      (await cli(["help", cmd])).out.split("\n").find((l) => l.trimStart().startsWith("--format")) ?? "";
    for (const cmd of ["explain", "lookup", "list"])
      expect(await formatLine(cmd)).toContain("text | markdown | html | ansi | json");
    expect(await formatLine("search")).toContain("text | json");
    expect(await formatLine("search")).not.toContain("markdown");
    expect(await formatLine("export")).toContain("csv | kql | json");
    const scan = await formatLine("scan");
    expect(scan).toContain("ndjson");
    expect(scan).toContain("text");
    expect(scan).not.toContain("markdown");
  });

  it("every registered command loads, and its help names it", async () => {
    for (const [name, entry] of Object.entries(COMMANDS)) {
      const command = await entry.load();
      expect(command.help).toContain(`aadsts ${name}`);
      expect(Object.keys(command.options)).toContain("help");
    }
  });

  it("the registry holds exactly the command modules in src/cli/commands", () => {
    const modules = readdirSync(new URL("../src/cli/commands/", import.meta.url))
      .filter((f) => f.endsWith(".ts") && f !== "index.ts")
      .map((f) => f.slice(0, -3))
      .sort();
    expect(Object.keys(COMMANDS).sort()).toEqual(modules);
  });
});

describe("argument mistakes are one line", () => {
  it("a misspelt option suggests the right one, with balanced quotes", async () => {
    const err = expectUsageError(await cli(["explain", "--frmat", "json", "x"]));
    expect(err).toContain("unknown option '--frmat'; did you mean '--format'?");
    expect(err).toContain("aadsts explain --help");
    expect(expectUsageError(await cli(["scan", "--fail-on-hits"]))).toContain(
      "did you mean '--fail-on-hit'?",
    );
    expect(expectUsageError(await cli(["lookup", "--formt=json", "50126"]))).toContain(
      "did you mean '--format'?",
    );
  });

  it("an option far from every known one gets no suggestion", async () => {
    const err = expectUsageError(await cli(["explain", "--zzzzzzzz", "x"]));
    expect(err).toContain("unknown option '--zzzzzzzz'");
    expect(err).not.toContain("did you mean");
  });

  it("a misspelt command suggests the right one", async () => {
    expect(expectUsageError(await cli(["expalin", "x"]))).toContain(
      "unknown command 'expalin'; did you mean 'explain'?",
    );
    expect(expectUsageError(await cli(["frobnicate"]))).not.toContain("did you mean");
  });

  it.each([
    [["explain", "--limit", "-3", "x"], "--limit must be a positive integer, not '-3'"],
    [["explain", "--limit", "0", "x"], "--limit must be a positive integer, not '0'"],
    [["explain", "--limit=-3", "x"], "--limit must be a positive integer, not '-3'"],
    [["search", "--limit", "-1", "secret"], "--limit must be a positive integer, not '-1'"],
    [["scan", "--max-block-lines", "-5"], "--max-block-lines must be a positive integer, not '-5'"],
    [["explain", "x", "--format"], "--format needs a value"],
    [["explain", "--format", "--color", "never", "x"], "--format needs a value, not '--color'"],
  ])("%j: %s", async (argv, message) => {
    const err = expectUsageError(await cli(argv));
    expect(err).toContain(message);
    expect(err).not.toContain("ambiguous");
  });

  it("a token pasted where a command or value goes is not echoed", async () => {
    // An invented JWT-shaped token (header.payload.signature), not a real one.
    const token = `eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.${"eyJhdWQiOiJhcGk6Ly9pbnZlbnRlZCJ9"}.c2lnbmF0dXJlLWludmVudGVkLWZvci10ZXN0cw`;
    for (const argv of [[token], ["explain", "--format", token, "x"], ["lookup", `--${token}`]]) {
      const err = expectUsageError(await cli(argv));
      expect(err).not.toContain(token.split(".")[2]);
    }
  });

  it("unknown values suggest the closest allowed one", async () => {
    expect(expectUsageError(await cli(["explain", "--sdk", "pyhton", "x"]))).toContain(
      "did you mean 'python'?",
    );
    expect(expectUsageError(await cli(["explain", "--format", "jsno", "x"]))).toContain(
      "did you mean 'json'?",
    );
    expect(expectUsageError(await cli(["export", "--format", "xml"]))).toContain("expected csv, kql, json");
  });
});

describe("explain's input", () => {
  const file = join(dir, "error.txt");
  writeFileSync(file, "AADSTS7000215: Invalid client secret provided.\n");

  it("a lone argument naming a file is refused with the redirect it meant, not explained as text", async () => {
    const r = await cli(["explain", file]);
    const err = expectUsageError(r);
    expect(err).toContain(`did you mean 'aadsts explain < ${file}'?`);
    expect(r.stdinRead).toBe(false);
  });

  it("a directory argument is refused too", async () => {
    expect(expectUsageError(await cli(["explain", dir]))).toContain("is a directory");
  });

  it("a word that names no file is still explained as text", async () => {
    const r = await cli(["explain", join(dir, "no-such-file.txt")]);
    expect(r.code).toBe(EXIT_CODES.notRecognised);
    expect(r.out).toContain("No catalog entry matches");
  });

  it("'-' reads stdin, and '-' with more text is a usage error that does not read stdin", async () => {
    const r = await cli(["explain", "-"], { stdin: readFileSync(file, "utf8") });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Invalid client secret/);
    const both = await cli(["explain", "-", "extra"], { stdin: "AADSTS7000215: Invalid client secret" });
    expect(expectUsageError(both)).toContain("'-' reads the error from stdin");
    expect(both.stdinRead).toBe(false);
  });

  it("stdin that cannot be read exits 3 with one line", async () => {
    const eisdir = Object.assign(new Error("stdin is a directory"), { code: "EISDIR" });
    const r = await cli(["explain"], { stdin: eisdir });
    expect(r.code).toBe(EXIT_CODES.io);
    expect(r.err).toBe("aadsts: cannot read stdin: EISDIR\n");
  });
});

describe("lookup", () => {
  it("shows the symbolic name in text output, as the catalog has it", async () => {
    const entry = lookup(50126);
    expect(entry?.name).toBeTruthy();
    const r = await cli(["lookup", "50126"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Symbolic name: ${entry?.name}`);
    // And by that name, the same entry.
    const byName = await cli(["lookup", entry?.name ?? ""]);
    expect(byName.out.split("\n")[0]).toBe(r.out.split("\n")[0]);
  });

  it("JSON output keeps the name as a field and adds no footnote", async () => {
    const json = JSON.parse((await cli(["lookup", "--format", "json", "50126"])).out);
    expect(json.name).toBe(lookup(50126)?.name);
  });

  it("an entry without a symbolic name shows no name line", async () => {
    const entry = lookup("client-secret-invalid");
    expect(entry?.name ?? "").toBe("");
    expect((await cli(["lookup", "client-secret-invalid"])).out).not.toContain("Symbolic name");
  });
});
