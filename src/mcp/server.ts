/**
 * The Model Context Protocol server of `aadsts mcp`: the four tools of ./tools.ts registered on the
 * official SDK's McpServer. Transport-free; the CLI connects it to stdio. This module and the SDK are
 * loaded only by `aadsts mcp` (a dynamic import), so no other command pays for them at start-up.
 */
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import * as z from "zod";
import { type Catalog, defaultCatalog } from "../catalog/index.js";
import { SDKS } from "../schema.js";
import { explainError, lookupError, scanLog, searchErrors, type ToolAnswer } from "./tools.js";

/** The longest text a tool takes, in characters (explain reads 1,000,000 at most anyway). */
export const MAX_TOOL_INPUT = 2_000_000;

/** The tool descriptions: each says what the tool does and when an assistant should reach for it. */
export const TOOL_DESCRIPTIONS = {
  explain_error:
    "Explain a Microsoft Entra ID (Azure AD) sign-in or token failure. Call this whenever the user shows an error, stack trace or log line with an AADSTS code (AADSTS7000215, AADSTS50076, ...), an OAuth error such as invalid_client or invalid_grant, or a failure from an Azure SDK credential (ClientSecretCredential, DefaultAzureCredential, ManagedIdentityCredential, AzureCliCredential, MSAL). Pass the whole error text as printed, not a summary: the trace ID, the credential type and the SDK's wording all sharpen the answer. Returns the likely cause, who has to fix it, whether retrying helps, step-by-step mitigation and documentation links. Secrets in the input are redacted.",
  lookup_error:
    "Look up one Entra ID error in the aadsts catalog by its AADSTS code (7000215 or AADSTS7000215), its catalog id (client-secret-expired) or Microsoft's symbolic name (InvalidClientSecretExpiredKeysProvided). Call this when the user asks what a specific code means, or to get the full fix for an id that explain_error, search_errors or scan_log returned. Use explain_error instead when you have the actual error text.",
  search_errors:
    "Search the catalog of Entra ID authentication failures with plain words, best match first (for example 'client secret expired', 'redirect uri mismatch', 'managed identity not found', 'conditional access MFA'). Call this when the user describes a sign-in problem in their own words and has no error code or error text to hand. Returns ids, codes and titles; follow up with lookup_error.",
  scan_log:
    "Find every Entra ID authentication failure in a log excerpt (application logs, kubectl logs, CI output, several hundred lines is fine) and group them by cause, most frequent first, with line numbers, time range and one redacted example each. Call this when the user pastes a log or a long output that may hold several failures, or asks which auth errors a log shows; use explain_error for a single error.",
} as const;

function toResult(answer: ToolAnswer) {
  return {
    content: [{ type: "text" as const, text: answer.markdown }],
    structuredContent: answer.data,
  };
}

const sdk = z
  .enum(SDKS)
  .optional()
  .describe("Give the advice for this SDK (default: the SDK the error text shows).");

/** An McpServer with the four aadsts tools registered, explaining against `catalog`. */
export function createMcpServer(options: { catalog?: Catalog; version: string }): McpServer {
  const catalog = options.catalog ?? defaultCatalog;
  const server = new McpServer(
    { name: "aadsts", title: "aadsts: Entra ID error explainer", version: options.version },
    {
      instructions:
        "Explains Microsoft Entra ID (Azure AD) authentication failures from a catalog of causes and fixes. Use explain_error for an error text, scan_log for a log, lookup_error for a code or id, search_errors for a description in plain words.",
    },
  );
  const readOnly = { readOnlyHint: true, openWorldHint: false, idempotentHint: true } as const;

  server.registerTool(
    "explain_error",
    {
      title: "Explain an Entra ID error",
      description: TOOL_DESCRIPTIONS.explain_error,
      inputSchema: {
        error: z
          .string()
          .max(MAX_TOOL_INPUT)
          .describe("The error text exactly as printed: message, stack trace, log line or JSON body."),
        sdk,
      },
      outputSchema: z.looseObject({
        recognised: z.boolean(),
        summary: z.string(),
        explanation: z.looseObject({ parsed: z.looseObject({}), matches: z.array(z.looseObject({})) }),
      }),
      annotations: readOnly,
    },
    ({ error, sdk }) => toResult(explainError(error, { catalog, ...(sdk ? { sdk } : {}) })),
  );

  server.registerTool(
    "lookup_error",
    {
      title: "Look up an Entra ID error code",
      description: TOOL_DESCRIPTIONS.lookup_error,
      inputSchema: {
        code: z
          .string()
          .max(200)
          .describe("An AADSTS code (7000215, AADSTS7000215), a catalog id or a symbolic name."),
        sdk,
      },
      outputSchema: z.looseObject({ found: z.boolean(), query: z.string() }),
      annotations: readOnly,
    },
    ({ code, sdk }) => toResult(lookupError(code, { catalog, ...(sdk ? { sdk } : {}) })),
  );

  server.registerTool(
    "search_errors",
    {
      title: "Search Entra ID errors by words",
      description: TOOL_DESCRIPTIONS.search_errors,
      inputSchema: {
        words: z.string().max(2000).describe("Plain words describing the problem."),
        limit: z.number().int().min(1).max(25).optional().describe("Most results (default 8)."),
      },
      outputSchema: z.looseObject({
        results: z.array(z.looseObject({ id: z.string(), title: z.string(), codes: z.array(z.number()) })),
      }),
      annotations: readOnly,
    },
    ({ words, limit }) => toResult(searchErrors(words, { catalog, ...(limit ? { limit } : {}) })),
  );

  server.registerTool(
    "scan_log",
    {
      title: "Scan a log for Entra ID failures",
      description: TOOL_DESCRIPTIONS.scan_log,
      inputSchema: {
        log: z.string().max(MAX_TOOL_INPUT).describe("The log text, any number of lines."),
      },
      outputSchema: z.looseObject({
        lines: z.number(),
        failures: z.number(),
        groups: z.array(z.looseObject({ key: z.string(), title: z.string(), count: z.number() })),
      }),
      annotations: readOnly,
    },
    async ({ log }) => toResult(await scanLog(log, { catalog })),
  );

  return server;
}
