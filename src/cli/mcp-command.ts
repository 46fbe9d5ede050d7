/**
 * `aadsts mcp`: serve the aadsts tools to an AI assistant over the Model Context Protocol, on stdin and
 * stdout. Loaded on demand by run.ts; it loads the MCP SDK in turn, so no other command pays for it.
 * Stdout belongs to the protocol from the first byte: anything else goes to stderr.
 */
import { parseArgs } from "node:util";
import { userCatalog } from "./catalogs.js";
import type { CliIO } from "./run.js";

export class McpUsageError extends Error {}

const OPTIONS = {
  catalog: { type: "string", multiple: true },
  help: { type: "boolean", short: "h" },
} as const;

export const MCP_HELP = `Usage: aadsts mcp [--catalog FILE…]

Run a Model Context Protocol server on stdin/stdout, for AI assistants (VS Code, Claude Code, any MCP
client). It offers four read-only tools:
  explain_error   an error text in; the explanation as Markdown and as JSON out
  lookup_error    a code (7000215, AADSTS7000215), an entry id or a symbolic name
  search_errors   plain words ("secret expired")
  scan_log        a log excerpt in; its failures grouped by cause
Secrets in what the assistant sends are redacted from every answer. The server runs until its input
closes.

Options:
  --catalog <F>   your own catalog entries on top of the built-in ones (repeatable)
  -h, --help      this help

Set up:
  claude mcp add aadsts -- npx -y aadsts mcp
  VS Code, .vscode/mcp.json: { "servers": { "aadsts": { "command": "npx", "args": ["-y", "aadsts", "mcp"] } } }

Exit codes: 0 input closed, 2 usage error or invalid --catalog.
`;

/** Serve until stdin closes. `io` gives the version and stderr; the protocol itself uses the process's stdio. */
export async function cmdMcp(io: CliIO, args: string[]): Promise<number> {
  let values: { catalog?: string[]; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args, allowPositionals: true, strict: true, options: OPTIONS }));
  } catch (e) {
    throw new McpUsageError((e as Error).message.split("\n")[0] ?? "invalid arguments");
  }
  if (values.help) {
    io.out(MCP_HELP);
    return 0;
  }
  if (positionals.length > 0) throw new McpUsageError("mcp takes no arguments");
  const catalog = await userCatalog(values.catalog);
  const [{ createMcpServer }, { StdioServerTransport }] = await Promise.all([
    import("../mcp/server.js"),
    import("@modelcontextprotocol/sdk/server/stdio.js"),
  ]);
  const server = createMcpServer({ catalog, version: io.version });
  const transport = new StdioServerTransport();
  const closed = new Promise<void>((resolve) => {
    server.server.onclose = () => resolve();
    // The transport does not watch for the end of its input: a client that closes the pipe ends the server.
    process.stdin.once("end", () => void server.close().then(resolve, resolve));
  });
  await server.connect(transport);
  await closed;
  return 0;
}
