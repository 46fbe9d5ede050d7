/**
 * The closed vocabularies of the catalog and the parse result. Kept apart from `schema.ts` so code that
 * only needs the names (the CLI's help and flag checks) does not load zod.
 */

/** Categories an entry can belong to. */
export const CATEGORIES = [
  "credential",
  "configuration",
  "permission",
  "environment",
  "network",
  "transient",
  "user-action",
  "guidance",
  "benign",
] as const;

/** Who must act to clear the failure. */
export const ACTORS = ["user", "admin", "developer", "operator", "microsoft"] as const;

/** Producers the parser can recognise from a text's shape. */
export const SDKS = [
  "go",
  "msal-go",
  "js",
  "msal-js",
  "python",
  "msal-python",
  "dotnet",
  "msal-dotnet",
  "java",
  "msal-java",
  "azure-cli",
  "powershell",
  "terraform",
  "browser",
] as const;
/** One of {@link SDKS}: the producer whose shape the error text has. */
export type Sdk = (typeof SDKS)[number];
