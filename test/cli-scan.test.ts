/**
 * `aadsts scan` as a user meets it: pipes, FIFOs, /dev/stdin and process substitution (no ESPIPE), an
 * unreadable file among good ones, a directory on stdin, one summary on a terminal, and the time chart.
 * Spawns the built binary (test/global-setup.ts builds dist/) except where a fake terminal is needed.
 */
import { type ChildProcess, execFileSync, spawn, spawnSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { timelineChart } from "../src/cli/commands/scan.js";
import { type CliIO, EXIT_CODES } from "../src/cli/io.js";
import { run } from "../src/cli/run.js";

const CLI = new URL("../dist/cli.js", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "aadsts-cli-scan-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Three failures (two codes) and a gap of two empty minutes between 00:00 and 00:03. */
const LOG = [
  "2026-11-01T00:00:01Z INFO api starting",
  "2026-11-01T00:00:05Z ERROR token request failed: AADSTS7000215: Invalid client secret provided. Trace ID: 0f3c2a1e-1111-4a2b-9c3d-222233334444 Timestamp: 2026-11-01 00:00:05Z",
  "2026-11-01T00:03:10Z ERROR AADSTS50126: Error validating credentials due to invalid username or password. Timestamp: 2026-11-01 00:03:10Z",
  "2026-11-01T00:03:40Z ERROR AADSTS7000215: Invalid client secret provided. Timestamp: 2026-11-01 00:03:40Z",
  "2026-11-01T00:03:41Z INFO api stopping",
  "",
].join("\n");
const log = join(dir, "app.log");
writeFileSync(log, LOG);

const ids = (stdout: string) =>
  stdout
    .trim()
    .split("\n")
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { id: string }).id);
const EXPECTED = ["client-secret-invalid", "username-password-invalid", "client-secret-invalid"];

function aadsts(args: string[], options: Parameters<typeof spawnSync>[2] = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "", TERM: "dumb", TZ: "UTC" },
    ...options,
  });
  return { code: r.status, out: String(r.stdout), err: String(r.stderr) };
}

/** A FIFO with a writer child running `command` into it; the writer is killed if the reader never opens. */
function fifoWith(name: string, command: string): { path: string; writer: ChildProcess } {
  const path = join(dir, name);
  execFileSync("mkfifo", [path]);
  const writer = spawn("sh", ["-c", `${command} > "${path}"`], { stdio: "ignore" });
  return { path, writer };
}

describe("aadsts scan reads what is not a regular file", () => {
  it("a FIFO, fed by another process", () => {
    const { path, writer } = fifoWith("app.fifo", `cat "${log}"`);
    try {
      const r = aadsts(["scan", path]);
      expect(r.err).not.toContain("ESPIPE");
      expect(r.code).toBe(0);
      expect(ids(r.out)).toEqual(EXPECTED);
      expect(JSON.parse(r.err).summary).toMatchObject({ lines: 5, hits: 3 });
    } finally {
      writer.kill();
    }
  });

  it("a gzip stream through a FIFO, detected by its first bytes", () => {
    const gz = join(dir, "app.log.gz");
    writeFileSync(gz, gzipSync(LOG));
    const { path, writer } = fifoWith("gz.fifo", `cat "${gz}"`);
    try {
      const r = aadsts(["scan", path]);
      expect(r.code).toBe(0);
      expect(ids(r.out)).toEqual(EXPECTED);
    } finally {
      writer.kill();
    }
  });

  it("/dev/stdin, with stdin a pipe from the parent", () => {
    const r = aadsts(["scan", "/dev/stdin"], { input: LOG });
    expect(r.err).not.toContain("ESPIPE");
    expect(r.code).toBe(0);
    expect(ids(r.out)).toEqual(EXPECTED);
    expect(JSON.parse(r.out.split("\n")[0] as string).file).toBe("/dev/stdin");
  });

  it("process substitution, <(cat app.log), through bash", () => {
    const r = spawnSync("bash", ["-c", `"${process.execPath}" "${CLI}" scan <(cat "${log}")`], {
      encoding: "utf8",
    });
    expect(r.stderr).not.toContain("ESPIPE");
    expect(r.status).toBe(0);
    expect(ids(r.stdout)).toEqual(EXPECTED);
  });
});

describe("aadsts scan with inputs that cannot be read", () => {
  it("reports a missing file, goes on with the next, and exits 3 at the end", () => {
    const nope = join(dir, "nope.log");
    const r = aadsts(["scan", nope, log]);
    expect(r.code).toBe(EXIT_CODES.io);
    const [first, summary] = r.err.trim().split("\n");
    expect(first).toBe(`aadsts: cannot read ${nope}: ENOENT`);
    expect(ids(r.out)).toEqual(EXPECTED);
    expect(JSON.parse(summary as string).summary).toMatchObject({ hits: 3, unreadable: [nope] });
  });

  it("when nothing can be read, the errors are all there is: one line each, no summary", () => {
    const [a, b] = [join(dir, "gone-a.log"), join(dir, "gone-b.log")];
    const r = aadsts(["scan", a, b]);
    expect(r.code).toBe(EXIT_CODES.io);
    expect(r.out).toBe("");
    expect(r.err).toBe(`aadsts: cannot read ${a}: ENOENT\naadsts: cannot read ${b}: ENOENT\n`);
  });

  it("a directory among the files is reported the same way", () => {
    const r = aadsts(["scan", log, dir]);
    expect(r.code).toBe(EXIT_CODES.io);
    expect(r.err).toContain(`aadsts: cannot read ${dir}: EISDIR`);
    expect(ids(r.out)).toEqual(EXPECTED);
  });

  it("--fail-on-hit does not hide an unreadable file: 3 wins over 1", () => {
    expect(aadsts(["scan", "--fail-on-hit", log, join(dir, "gone.log")]).code).toBe(EXIT_CODES.io);
    expect(aadsts(["scan", "--fail-on-hit", log]).code).toBe(EXIT_CODES.failuresFound);
  });

  it.each([["explain"], ["scan"]])("a directory on stdin: %s exits 3 with one line", (command) => {
    const fd = openSync(dir, "r");
    try {
      const r = aadsts([command], { stdio: [fd, "pipe", "pipe"] });
      expect(r.code).toBe(EXIT_CODES.io);
      expect(r.out).toBe("");
      expect(r.err.split("\n")[0]).toBe("aadsts: cannot read stdin: EISDIR");
    } finally {
      closeSync(fd);
    }
  });
});

describe("aadsts scan on a terminal", () => {
  async function onTerminal(argv: string[], stdoutIsTTY: boolean, stderrIsTTY: boolean) {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIO = {
      argv,
      env: { TERM: "dumb" },
      stdoutIsTTY,
      stdinIsTTY: false,
      stderrIsTTY,
      readStdin: async () => "",
      out: (t) => out.push(t),
      err: (t) => err.push(t),
      version: "0.0.0-test",
    };
    const code = await run(io);
    return { code, out: out.join(""), err: err.join("") };
  }
  const count = (text: string, word: string) => text.split(word).length - 1;

  it("--format text shows the summary once when stdout and stderr are the same terminal", async () => {
    const r = await onTerminal(["scan", "--format", "text", "--no-progress", log], true, true);
    expect(r.code).toBe(0);
    expect(count(r.out + r.err, "Lines read:")).toBe(1);
    expect(r.out).toContain("Lines read: 5   Failures: 3");
  });

  it("with the report sent to a file, the terminal still gets the summary", async () => {
    const r = await onTerminal(["scan", "--format", "text", "--no-progress", log], false, true);
    expect(count(r.out, "Lines read:")).toBe(1);
    expect(count(r.err, "Lines read:")).toBe(1);
  });

  it("NDJSON on a terminal: the table on stderr, once", async () => {
    const r = await onTerminal(["scan", "--no-progress", log], true, true);
    expect(count(r.out + r.err, "Lines read:")).toBe(1);
    expect(ids(r.out)).toEqual(EXPECTED);
  });

  it("the text report's chart keeps the empty minutes between failures", async () => {
    const r = await onTerminal(["scan", "--format", "text", log], false, false);
    const chart = r.out.slice(r.out.indexOf("Failures per minute"));
    expect(chart.split("\n").filter((l) => l.startsWith("    2026-11-01T00:0"))).toEqual([
      expect.stringMatching(/^ {4}2026-11-01T00:00 {2}#+ 1$/),
      "    2026-11-01T00:01  0",
      "    2026-11-01T00:02  0",
      expect.stringMatching(/^ {4}2026-11-01T00:03 {2}#+ 1$/),
      // AADSTS50126's block: the same four minutes.
      "    2026-11-01T00:00  0",
      "    2026-11-01T00:01  0",
      "    2026-11-01T00:02  0",
      expect.stringMatching(/^ {4}2026-11-01T00:03 {2}#+ 1$/),
    ]);
    expect(chart.indexOf("AADSTS7000215 (2)")).toBeLessThan(chart.indexOf("AADSTS50126 (1)"));
  });
});

describe("timelineChart", () => {
  const codesIn = (lines: string[]) => lines.filter((l) => /^ {2}\S/.test(l)).map((l) => l.trim());

  it("orders codes by count, then by code as a number (not as a string)", () => {
    const chart = timelineChart({
      AADSTS500011: { "2026-11-01T00:00": 2 },
      AADSTS90002: { "2026-11-01T00:00": 1, "2026-11-01T00:01": 1 },
      "client-secret-invalid": { "2026-11-01T00:01": 2 },
      AADSTS7000215: { "2026-11-01T00:01": 3 },
    });
    // As strings, AADSTS500011 sorts before AADSTS90002; as numbers, 90002 comes first.
    expect(codesIn(chart)).toEqual([
      "AADSTS7000215 (3)",
      "AADSTS90002 (2)",
      "AADSTS500011 (2)",
      "client-secret-invalid (2)",
    ]);
  });

  it("uses hours past two hours of span, and keeps the empty hours", () => {
    const chart = timelineChart({
      AADSTS50126: { "2026-11-01T01:10": 4, "2026-11-01T05:59": 1 },
    });
    expect(chart[0]).toMatch(/^Failures per hour/);
    expect(chart.slice(2).map((l) => l.trim().split("  ")[0])).toEqual([
      "2026-11-01T01:00",
      "2026-11-01T02:00",
      "2026-11-01T03:00",
      "2026-11-01T04:00",
      "2026-11-01T05:00",
    ]);
    expect(chart.filter((l) => l.endsWith("  0"))).toHaveLength(3);
  });

  it("uses days past three days, and draws nothing without timestamps", () => {
    const chart = timelineChart({ AADSTS50126: { "2026-11-01T01:10": 1, "2026-11-09T05:59": 1 } });
    expect(chart[0]).toMatch(/^Failures per day/);
    expect(chart.slice(2)).toHaveLength(9);
    expect(timelineChart({})).toEqual([]);
  });
});

describe("scan's NDJSON hits", () => {
  it("carry the top entry's confidence, and the cause picked within it when one applies", () => {
    const text = [
      LOG,
      // The password flow and MFA: aadsts-50076's cause for ROPC applies.
      "2026-11-01T00:05:00Z ERROR AADSTS50076: Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access '00000003-0000-0000-c000-000000000000'. grant_type=password Timestamp: 2026-11-01 00:05:00Z",
    ].join("\n");
    const r = aadsts(["scan", "-"], { input: text });
    const hits = r.out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { id: string; confidence?: string; cause?: string });
    expect(hits.map((h) => h.id)).toEqual([...EXPECTED, "aadsts-50076"]);
    for (const h of hits) expect(["high", "medium", "low"]).toContain(h.confidence);
    expect(hits[3]?.cause).toBe("password-flow-needs-mfa");
    expect(hits[0]).not.toHaveProperty("cause");
  });
});
