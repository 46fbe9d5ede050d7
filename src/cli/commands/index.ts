/**
 * The command registry. Each command is a module in this folder exporting a Command (its options, its help
 * and its run function), loaded only when it runs, so `aadsts lookup` never loads the parser that
 * `aadsts explain` needs. To add a command: write src/cli/commands/<name>.ts, and add one line here.
 */
import type { Command } from "../io.js";

export interface CommandEntry {
  /** The usage line in the main help, after "aadsts ". */
  usage: string;
  /** What it does, in the main help. */
  summary: string;
  load(): Promise<Command>;
}

export const COMMANDS: Readonly<Record<string, CommandEntry>> = {
  explain: {
    usage: "explain [TEXT | -]",
    summary: "explain an error (reads stdin when TEXT is absent or -)",
    load: async () => (await import("./explain.js")).explainCommand,
  },
  lookup: {
    usage: "lookup <CODE | ID | NAME>",
    summary: "one catalog entry: 7000215, AADSTS7000215, client-secret-invalid or a symbolic name",
    load: async () => (await import("./lookup.js")).lookupCommand,
  },
  search: {
    usage: "search <WORDS…>",
    summary: 'find entries by plain words: "redirect uri mismatch", "secret expired"',
    load: async () => (await import("./search.js")).searchCommand,
  },
  list: {
    usage: "list",
    summary: "list the catalog, grouped by category",
    load: async () => (await import("./list.js")).listCommand,
  },
  export: {
    usage: "export",
    summary: "the catalog as a lookup table (CSV, KQL datatable or JSON lines)",
    load: async () => (await import("./export.js")).exportCommand,
  },
  scan: {
    usage: "scan [FILE…]",
    summary: "find every failure in logs (files, .gz, pipes, stdin): NDJSON hits, summary on stderr",
    load: async () => (await import("./scan.js")).scanCommand,
  },
  enrich: {
    usage: "enrich [FILE…]",
    summary: 'log shipper step: every record out, in order, failures with an "aadsts" object',
    load: async () => (await import("./enrich.js")).enrichCommand,
  },
  mcp: {
    usage: "mcp",
    summary: "Model Context Protocol server on stdio, for AI assistants",
    load: async () => (await import("./mcp.js")).mcpCommand,
  },
};
