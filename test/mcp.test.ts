/**
 * `aadsts mcp` as an assistant meets it: the MCP SDK's own Client spawns the built CLI over stdio, lists
 * the tools and calls each one. A planted secret in every input must not come back in any answer.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCatalog } from "../src/catalog/user.js";
import { createMcpServer, TOOL_DESCRIPTIONS } from "../src/mcp/server.js";
import { explainError, lookupError, scanLog, searchErrors } from "../src/mcp/tools.js";

const CLI = new URL("../dist/cli.js", import.meta.url).pathname;
const guide = readFileSync(new URL("../examples/guide-client-secret.txt", import.meta.url), "utf8");

/** Invented; shaped like an Entra client secret so only redaction can keep it out of the answers. */
const SECRET = "Qx7~abcDEFghiJKLmnoPQRstuVWXyz0123456789";
const PLANTED = `${guide}\nretrying with client_secret=${SECRET}\n`;

const LOG = [
  "2026-11-01T08:00:00.000Z INFO api GET /v1/orders 200 12ms",
  "2026-11-01T08:00:01.000Z ERROR api token request failed: AADSTS7000222: The provided client secret keys for app '6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b' are expired. Trace ID: 1a2b3c4d-0000-4000-8000-000000000001",
  "2026-11-01T08:00:02.000Z INFO api GET /v1/orders 200 9ms",
  `2026-11-01T08:05:01.000Z ERROR api token request failed: AADSTS7000222: The provided client secret keys for app '6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b' are expired. Trace ID: 1a2b3c4d-0000-4000-8000-000000000002 client_secret=${SECRET}`,
  "2026-11-01T08:06:00.000Z ERROR worker AADSTS700016: Application with identifier 'a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d' was not found in the directory 'contoso.onmicrosoft.com'. Trace ID: 1a2b3c4d-0000-4000-8000-000000000003",
  "2026-11-01T08:07:00.000Z INFO api shutting down",
].join("\n");

type ToolResult = {
  content: Array<{ type: string; text?: string }>;
  structuredContent?: Record<string, unknown>;
  isError?: boolean;
};

function text(r: ToolResult): string {
  return r.content.map((c) => c.text ?? "").join("");
}

describe("aadsts mcp over stdio, with the SDK's client", () => {
  let client: Client;
  let stderr = "";
  beforeAll(async () => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [CLI, "mcp"],
      env: { PATH: process.env.PATH ?? "" },
      stderr: "pipe",
    });
    transport.stderr?.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    client = new Client({ name: "aadsts-test", version: "1.0.0" });
    await client.connect(transport);
  }, 30_000);
  afterAll(async () => {
    await client?.close();
  });

  it("lists the four tools, each saying when to call it", async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual([
      "explain_error",
      "lookup_error",
      "scan_log",
      "search_errors",
    ]);
    for (const t of tools) {
      expect(t.description).toBe(TOOL_DESCRIPTIONS[t.name as keyof typeof TOOL_DESCRIPTIONS]);
      expect(t.description).toMatch(/\b(Call this|Use explain_error|use explain_error)\b/);
      expect(t.inputSchema.type).toBe("object");
      expect(t.outputSchema?.type).toBe("object");
      expect(t.annotations?.readOnlyHint).toBe(true);
    }
    const explainTool = tools.find((t) => t.name === "explain_error");
    expect(explainTool?.inputSchema.required).toEqual(["error"]);
    expect(client.getServerVersion()?.name).toBe("aadsts");
  });

  it("explain_error: Markdown and the structured explanation, secrets redacted", async () => {
    const r = (await client.callTool({ name: "explain_error", arguments: { error: PLANTED } })) as ToolResult;
    expect(r.isError).toBeFalsy();
    const md = text(r);
    expect(md).toContain("Invalid client secret");
    expect(md).toContain("client-secret-invalid");
    const data = r.structuredContent as {
      recognised: boolean;
      summary: string;
      explanation: { parsed: { codes: number[] }; matches: Array<{ id: string; mitigation: string }> };
    };
    expect(data.recognised).toBe(true);
    expect(data.explanation.parsed.codes).toEqual([7000215]);
    expect(data.explanation.matches[0]?.id).toBe("client-secret-invalid");
    expect(data.summary).toContain("AADSTS7000215");
    expect(JSON.stringify(r)).not.toContain(SECRET);
  });

  it("explain_error: text it does not recognise says so, without an error", async () => {
    const r = (await client.callTool({
      name: "explain_error",
      arguments: { error: "all systems nominal" },
    })) as ToolResult;
    expect(r.isError).toBeFalsy();
    expect(r.structuredContent?.recognised).toBe(false);
    expect(text(r)).toContain("No catalog entry matches");
  });

  it("lookup_error: by code, by AADSTS code and by id; an unknown one gets suggestions", async () => {
    for (const code of ["7000222", "AADSTS7000222", "client-secret-expired"]) {
      const r = (await client.callTool({ name: "lookup_error", arguments: { code } })) as ToolResult;
      const data = r.structuredContent as { found: boolean; entry: { id: string; codes: number[] } };
      expect(data.found).toBe(true);
      expect(data.entry.id).toBe("client-secret-expired");
      expect(text(r)).toContain("Expired client secret");
    }
    const miss = (await client.callTool({
      name: "lookup_error",
      arguments: { code: "secret expired" },
    })) as ToolResult;
    const data = miss.structuredContent as { found: boolean; suggestions: Array<{ id: string }> };
    expect(data.found).toBe(false);
    expect(data.suggestions.map((s) => s.id)).toContain("client-secret-expired");
  });

  it("search_errors: plain words find the entry", async () => {
    const r = (await client.callTool({
      name: "search_errors",
      arguments: { words: "redirect uri mismatch", limit: 3 },
    })) as ToolResult;
    const data = r.structuredContent as { results: Array<{ id: string; codes: number[] }> };
    expect(data.results.length).toBeGreaterThan(0);
    expect(data.results.length).toBeLessThanOrEqual(3);
    expect(data.results[0]?.codes).toContain(50011);
    expect(text(r)).toContain(data.results[0]?.id ?? "missing");
  });

  it("scan_log: failures grouped by cause, most frequent first, with lines; secrets redacted", async () => {
    const r = (await client.callTool({ name: "scan_log", arguments: { log: LOG } })) as ToolResult;
    const data = r.structuredContent as {
      lines: number;
      failures: number;
      groups: Array<{ id?: string; count: number; lines: string[]; codes: number[] }>;
    };
    expect(data.lines).toBe(6);
    expect(data.failures).toBe(3);
    expect(data.groups.map((g) => [g.id, g.count, g.lines])).toEqual([
      ["client-secret-expired", 2, ["2", "4"]],
      ["aadsts-700016", 1, ["5"]],
    ]);
    expect(text(r)).toMatch(/^3 authentication failures in 6 lines, 2 kinds\./);
    expect(JSON.stringify(r)).not.toContain(SECRET);
  });

  it("rejects arguments of the wrong type with a tool error, and keeps serving", async () => {
    const r = (await client.callTool({ name: "explain_error", arguments: { error: 42 } })) as ToolResult;
    expect(r.isError).toBe(true);
    const ok = (await client.callTool({ name: "lookup_error", arguments: { code: "50076" } })) as ToolResult;
    expect(ok.structuredContent?.found).toBe(true);
    expect(stderr).toBe("");
  });
});

describe("a server with a user catalog (in memory)", () => {
  it("answers from the user's override", async () => {
    const catalog = loadCatalog(
      `- id: client-secret-expired
  override: true
  mitigation: Open a ticket in the Identity queue with the app ID from the error.
  actor: operator
`,
      { name: "contoso.yaml" },
    );
    const server = createMcpServer({ catalog, version: "0.0.0-test" });
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    const client = new Client({ name: "aadsts-test", version: "1.0.0" });
    await Promise.all([server.connect(serverSide), client.connect(clientSide)]);
    const r = (await client.callTool({ name: "lookup_error", arguments: { code: "7000222" } })) as ToolResult;
    expect(text(r)).toContain("Identity queue");
    expect((r.structuredContent as { entry: { actor: string } }).entry.actor).toBe("operator");
    const e = (await client.callTool({
      name: "explain_error",
      arguments: { error: "AADSTS7000222: The provided client secret keys for app 'x' are expired." },
    })) as ToolResult;
    expect(text(e)).toContain("Identity queue");
    await client.close();
  });
});

describe("loading", () => {
  it("the CLI's static import graph leaves the MCP SDK out (only `aadsts mcp` loads it)", () => {
    const seen = new Set<string>();
    const walk = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const src = readFileSync(file, "utf8");
      // Static imports only: `import … from "./x.js"` and bare `import "./x.js"` (dynamic import() is skipped).
      for (const m of src.matchAll(/^import\s(?:[^;]*?\sfrom\s)?["'](\.[^"']+)["']/gm))
        walk(join(dirname(file), m[1] as string));
    };
    walk(CLI);
    expect(seen.size).toBeGreaterThan(1);
    for (const file of seen) expect(readFileSync(file, "utf8"), file).not.toContain("@modelcontextprotocol");
    // And the SDK is reached from the CLI at all: through the mcp command's chunk, loaded on demand.
    const cli = readFileSync(CLI, "utf8");
    const chunk = /import\(["'](\.\/mcp-[A-Z0-9]+\.js)["']\)/.exec(cli)?.[1];
    expect(chunk).toBeDefined();
    expect(readFileSync(join(dirname(CLI), chunk as string), "utf8")).toContain("@modelcontextprotocol/sdk");
  });

  it("exits 0 when its input closes, and rejects arguments", () => {
    const r = spawnSync(process.execPath, [CLI, "mcp"], { input: "", encoding: "utf8", timeout: 20_000 });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("");
    const bad = spawnSync(process.execPath, [CLI, "mcp", "extra"], { encoding: "utf8" });
    expect(bad.status).toBe(2);
  });
});

describe("the tool functions on their own", () => {
  it("redact a planted secret from the Markdown and from every string of the data", async () => {
    for (const answer of [
      explainError(PLANTED),
      lookupError(`client_secret=${SECRET}`),
      searchErrors(`client_secret=${SECRET}`),
      await scanLog(LOG),
    ]) {
      expect(answer.markdown).not.toContain(SECRET);
      expect(JSON.stringify(answer.data)).not.toContain(SECRET);
    }
  });
  it("never throw on garbage", async () => {
    for (const junk of ["", "\u0000\uffff", "AADSTS", "{".repeat(10_000), "x\n".repeat(5_000)]) {
      expect(() => explainError(junk)).not.toThrow();
      expect(() => lookupError(junk)).not.toThrow();
      expect(() => searchErrors(junk)).not.toThrow();
      await expect(scanLog(junk)).resolves.toBeDefined();
    }
  });
});
