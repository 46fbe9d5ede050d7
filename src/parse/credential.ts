/**
 * The credential field: which Azure Identity credential type failed, from every form it takes. In order:
 * a chain's name; the producer's own header (Go's `X authentication failed.`, Python's `X.get_token
 * failed`); a sentence naming it (`X authentication failed`, `X is unavailable`, `X: …`); a logger or
 * type name (`c.a.i.X - Azure Identity => ERROR`, `Azure.Identity.X`, a Python repr); the top frame of a
 * V8 stack, when it is the credential's getToken; for a chain member, the wording of a credential that
 * does not print its name.
 */
import { execIfPossible, PATTERNS } from "../patterns.js";
import { execIf } from "./prefilter.js";

/**
 * Chain members whose line does not name their credential (@azure/identity's DefaultAzureCredential
 * prints these), known by their wording. Checked in order; the first phrase the member holds names it.
 */
const UNNAMED_MEMBER_WORDINGS: ReadonlyArray<readonly [phrase: string, credential: string]> = [
  ["Visual Studio Code Authentication is not available", "VisualStudioCodeCredential"],
  ["Azure Developer CLI couldn't be found", "AzureDeveloperCliCredential"],
  ["Azure Developer CLI could not be found", "AzureDeveloperCliCredential"],
  ["Please run 'azd auth login'", "AzureDeveloperCliCredential"],
  ["Azure CLI could not be found", "AzureCliCredential"],
  ["Please run 'az login' from a command prompt", "AzureCliCredential"],
  ["Unable to execute PowerShell", "AzurePowerShellCredential"],
  ["Az.Accounts module", "AzurePowerShellCredential"],
  ["Please run 'Connect-AzAccount'", "AzurePowerShellCredential"],
];

export interface CredentialSources {
  /** The chain's name, when the text is a chain that prints one. */
  chain?: string;
  /** A list of members with no chain name: it names no single failing credential. */
  unnamedChain: boolean;
  /** The credential the producer's own shape names. */
  shape?: string;
  /** The text is one member of a chain. */
  member: boolean;
}

export function readCredential(text: string, from: CredentialSources): string | undefined {
  const name = unglued(readName(text, from));
  // azure-identity for Python logs its managed identity's inner classes by their own names
  // (`ImdsCredential.get_token failed: ManagedIdentityCredential authentication unavailable …`): the
  // credential the reader created is the one the message names.
  return name && PYTHON_MANAGED_IDENTITY_PARTS.has(name) && text.includes("ManagedIdentityCredential")
    ? "ManagedIdentityCredential"
    : name;
}

/** azure-identity for Python's classes behind ManagedIdentityCredential, one per host kind. */
const PYTHON_MANAGED_IDENTITY_PARTS = new Set([
  "ImdsCredential",
  "MsiCredential",
  "AppServiceCredential",
  "AzureArcCredential",
  "AzureMLCredential",
  "CloudShellCredential",
  "ServiceFabricCredential",
]);

function readName(text: string, from: CredentialSources): string | undefined {
  if (from.chain) return from.chain;
  if (from.shape) return from.shape;
  if (from.unnamedChain) return undefined;
  const stated = execIfPossible("credentialStatement", text)?.[1];
  if (stated) return stated;
  const named = execIf(PATTERNS.credentialNamed, text);
  const name = named?.[1] ?? named?.[2] ?? named?.[3];
  if (name) return name;
  const framed = execIf(PATTERNS.credentialTopFrame, text)?.[1];
  if (framed) return framed;
  return from.member ? memberCredential(text) : undefined;
}

/** The credential types the Azure Identity libraries define (both spellings where they differ). */
const KNOWN_CREDENTIALS = [
  "DefaultAzureCredential",
  "ChainedTokenCredential",
  "EnvironmentCredential",
  "WorkloadIdentityCredential",
  "ManagedIdentityCredential",
  "SharedTokenCacheCredential",
  "VisualStudioCredential",
  "VisualStudioCodeCredential",
  "AzureCliCredential",
  "AzureCLICredential",
  "AzurePowerShellCredential",
  "AzureDeveloperCliCredential",
  "AzureDeveloperCLICredential",
  "AzurePipelinesCredential",
  "InteractiveBrowserCredential",
  "DeviceCodeCredential",
  "ClientSecretCredential",
  "ClientCertificateCredential",
  "ClientAssertionCredential",
  "CertificateCredential",
  "UsernamePasswordCredential",
  "OnBehalfOfCredential",
  "AuthorizationCodeCredential",
  "IntelliJCredential",
];

/**
 * A known credential's name with a few capitals glued before it by the paste (a log viewer's `12:29:34 PM`
 * run into the message: `PMDefaultAzureCredential`) is that credential.
 */
function unglued(name: string | undefined): string | undefined {
  if (!name || KNOWN_CREDENTIALS.includes(name)) return name;
  const known = KNOWN_CREDENTIALS.find((k) => name.endsWith(k) && name.length - k.length <= 3);
  const glued = known ? name.slice(0, name.length - known.length) : "";
  return known && glued === glued.toUpperCase() && glued !== glued.toLowerCase() ? known : name;
}

/** The credential a chain member's text stands for when it does not print the credential's name. */
export function memberCredential(text: string): string | undefined {
  for (const [phrase, credential] of UNNAMED_MEMBER_WORDINGS) if (text.includes(phrase)) return credential;
  return undefined;
}
