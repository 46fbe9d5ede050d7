/**
 * `aadsts mcp`: serve the aadsts tools to an AI assistant over the Model Context Protocol, on stdin and
 * stdout. Loaded on demand by the command registry; it loads the MCP SDK in turn, so no other command pays for it.
 * Stdout belongs to the protocol from the first byte: anything else goes to stderr.
 */
import { userCatalog } from "../catalogs.js";
import { type CliIO, type Command, EXIT_CODES, parseCommandArgs, UsageError } from "../io.js";

const options = {
  catalog: { type: "string", multiple: true },
  help: { type: "boolean", short: "h" },
} as const;

const help = `Usage: aadsts mcp [--catalog FILE…]

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
  claude mcp add aadsts -- npx -y -p aadsts -p @modelcontextprotocol/sdk aadsts mcp
  VS Code, .vscode/mcp.json: { "servers": { "aadsts": { "command": "npx",
    "args": ["-y", "-p", "aadsts", "-p", "@modelcontextprotocol/sdk", "aadsts", "mcp"] } } }
The MCP SDK (@modelcontextprotocol/sdk) is an optional peer dependency: install it beside aadsts.

Exit codes: 0 input closed, 2 usage error, invalid --catalog, or the MCP SDK is not installed.
`;

/** Serve until stdin closes. `io` gives the version and stderr; the protocol itself uses the process's stdio. */
async function run(io: CliIO, args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, options);
  if (positionals.length > 0) throw new UsageError("mcp takes no arguments");
  const catalog = await userCatalog(values.catalog);
  const [{ createMcpServer }, { StdioServerTransport }] = await Promise.all([
    import("../../mcp/server.js"),
    import("@modelcontextprotocol/sdk/server/stdio.js"),
  ]).catch((e: NodeJS.ErrnoException) => {
    if (e?.code === "ERR_MODULE_NOT_FOUND" && String(e.message).includes("@modelcontextprotocol/sdk"))
      throw new UsageError(
        "aadsts mcp needs the MCP SDK beside it: npm install @modelcontextprotocol/sdk (or npx -y -p aadsts -p @modelcontextprotocol/sdk aadsts mcp)",
      );
    throw e;
  });
  const server = createMcpServer({ catalog, version: io.version });
  const transport = new StdioServerTransport();
  const closed = new Promise<void>((resolve) => {
    server.server.onclose = () => resolve();
    // The transport does not watch for the end of its input: a client that closes the pipe ends the server.
    process.stdin.once("end", () => void server.close().then(resolve, resolve));
  });
  await server.connect(transport);
  await closed;
  return EXIT_CODES.ok;
}

export const mcpCommand: Command = { options, help, run };
