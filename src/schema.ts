/**
 * Zod schemas for everything that crosses a boundary: the catalog as written in YAML, the Entra error
 * body as it arrives from the token endpoint, and the parse/explain output (the public JSON contract).
 * The TypeScript types are inferred from these, so the contract and the checks cannot drift apart.
 */
import * as z from "zod";
import { PATTERNS } from "./patterns.js";
import { hasControl, isHttps } from "./sanitize.js";

import { ACTORS, CATEGORIES, SDKS, type Sdk } from "./vocab.js";

export { ACTORS, CATEGORIES, SDKS, type Sdk } from "./vocab.js";

/** Catalog text: trimmed, not empty, and free of control and bidirectional-override characters. */
const text = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .refine((t) => !hasControl(t), "control characters are not allowed");
const oauthNames = z.array(
  z.string().regex(PATTERNS.oauthName, "an OAuth error name such as invalid_client"),
);

/** What an entry is matched on. Every list is optional; a missing one is empty ({@link completeMatch}). */
export const EntryMatchSchema = z.strictObject({
  codes: z.array(z.number().int().positive("an AADSTS code is a positive number")).optional(),
  credentials: z.array(z.string().regex(PATTERNS.credentialName, "a credential type name")).optional(),
  /** Decisive phrases (case-insensitive substrings) for failures that carry no code. */
  messages: z.array(text).optional(),
  /** Weak context phrases (a managed identity host's address). */
  hints: z.array(text).optional(),
  status: z.array(z.number().int().min(100).max(599)).optional(),
  /** OAuth `error` values (invalid_client) and `suberror` values (basic_action) this entry explains. */
  errors: oauthNames.optional(),
  suberrors: oauthNames.optional(),
  fallback: z.boolean().optional(),
  /** Offer this entry when a credential chain lists two or more credentials and none got an answer. */
  chainUnavailable: z.boolean().optional(),
  /**
   * The code is a generic wrapper (ADAL's AADSTS70002 "Error validating credentials") that Entra prints in
   * front of the specific code: when another code is beside it, that code's entry ranks first. On an
   * entry with no codes, its phrases are a tool's summary line around another error (a SQL driver's
   * "Failed to authenticate the user … in Active Directory"): any other entry the text's words match
   * ranks first.
   */
  wrapper: z.boolean().optional(),
  /**
   * The libraries whose own error the entry explains (MSAL.NET's `no_tokens_found`, msal-browser's): when
   * two entries for different libraries match one text equally, the one written for the library that
   * printed it ranks first.
   */
  sdks: z.array(z.enum(SDKS)).optional(),
});

/** Where the request sent the user or app: a tenant, or one of the multi-tenant authorities. */
export const AUTHORITIES = ["common", "organizations", "consumers", "tenant"] as const;

/**
 * One cause of a code: the signals that show it, and the description and fix for that case. The matcher
 * picks the first cause whose signals all hold (each list: any of its values) and shows it in place of the
 * code's general text, which stays the fallback.
 */
export const CauseSchema = z.strictObject({
  id: z.string().regex(PATTERNS.entryId, "cause ids are kebab-case"),
  title: text,
  when: z
    .strictObject({
      /** Case-insensitive substrings of the error text (SAML, grant_type=password, a first-party app's name). */
      phrases: z.array(text).optional(),
      /** The failing credential type, or a chain member's. */
      credentials: z.array(z.string().regex(PATTERNS.credentialName, "a credential type name")).optional(),
      /** The producer the error's shape shows. */
      sdks: z.array(z.enum(SDKS)).optional(),
      /** The authority in the request URL: common, organizations, consumers, or a tenant. */
      authority: z.array(z.enum(AUTHORITIES)).optional(),
      /** Application (client) IDs, such as Microsoft's own first-party apps. */
      clientIds: z.array(z.string().regex(PATTERNS.guidExact, "a GUID")).optional(),
    })
    .refine((w) => Object.values(w).some((v) => Array.isArray(v) && v.length > 0), {
      message: "a cause needs at least one signal",
    }),
  description: text,
  mitigation: text,
});

import type { EntryMatch } from "./entry-match.js";

/** An entry's `match` with every list present (see data/README.md for what each one means). */
export type { EntryMatch } from "./entry-match.js";
export { completeMatch, EMPTY_MATCH } from "./entry-match.js";

/** Whether sending the same request again, unchanged, can succeed; "unknown" when nobody can tell. */
export const RetryableSchema = z.union([z.boolean(), z.literal("unknown")]);
/** Whether sending the same request again, unchanged, can succeed: true, false, or "unknown". */
export type Retryable = boolean | "unknown";

/** The fields of one catalog entry, shared by the built-in catalog and user catalogs. */
const entryFields = {
  id: z.string().regex(PATTERNS.entryId, "ids are kebab-case: lower-case letters and digits joined by '-'"),
  title: text,
  /** error/host/guidance: a troubleshooting guide's rows and sections; code: one AADSTS code; oauth: an OAuth error or sub-error. */
  kind: z.enum(["error", "host", "guidance", "code", "oauth"]),
  /** The symbolic name Microsoft's reference gives the code (InvalidClientSecret); `aadsts lookup <name>` finds it. */
  name: z.string().regex(PATTERNS.symbolicName, "a CamelCase symbolic name").optional(),
  match: EntryMatchSchema,
  description: text,
  mitigation: text,
  /** The same advice in one SDK's own terms (option names, environment variables, logging calls), by parsed.sdk. */
  mitigationBySdk: z.partialRecord(z.enum(SDKS), text).optional(),
  related: z.array(z.string()).optional(),
  category: z.enum(CATEGORIES),
  actor: z.enum(ACTORS),
  retryable: RetryableSchema,
  /** A finer topic than `category`, in a few words (the reference table's grouping for AADSTS codes). */
  topic: text.optional(),
  /** Other guide rows this entry also covers (the same failure in another SDK's guide). */
  covers: z.array(z.strictObject({ guide: text, row: text })).optional(),
  /** Microsoft's reference judgement: can the signed-in user clear it alone? */
  userFixable: z.enum(["yes", "maybe", "no"]).optional(),
  /** A code Entra no longer emits. Retired entries stay, so old logs stay explainable. */
  retired: z.boolean().optional(),
  /** "low": the published evidence (a terse message template) says little; the lookup link comes first. */
  confidence: z.literal("low").optional(),
  /** The code's frequent causes, each with its own signals and fix; the entry's own text is the fallback. */
  causes: z.array(CauseSchema).optional(),
};

/** One entry of the built-in catalog (data/*.yaml), as written by hand. */
export const CatalogEntrySourceSchema = z.strictObject({
  ...entryFields,
  source: z.strictObject({
    guide: text,
    section: text,
    row: text.optional(),
    /** A public page for this entry's source when the guide's own URL is not it (a thread for codes seen in the wild). */
    url: z.string().refine(isHttps, "an https URL").optional(),
  }),
});
export type CatalogEntrySource = z.infer<typeof CatalogEntrySourceSchema>;

/**
 * One entry of a user catalog: the built-in entry's fields, all optional but the id, plus `override`; its
 * `source` is an https URL (a runbook or wiki page). New entries need title, description, mitigation and
 * match (checked by loadCatalog).
 */
export const UserEntrySchema = CatalogEntrySourceSchema.partial().extend({
  id: entryFields.id,
  /** Replace the built-in entry with this id; fields left out keep the built-in values. */
  override: z.boolean().optional(),
  /** Where this advice comes from: your runbook or wiki page (https). */
  source: z.string().refine(isHttps, "an https URL").optional(),
});
/** One entry of a user catalog, as {@link loadCatalog} accepts it. */
export type UserEntry = z.infer<typeof UserEntrySchema>;

/** Can an entry's `match` ever fire: a code, phrase, hint, status, OAuth name, or a fallback role. */
export function matchIsUsable(m: EntryMatch): boolean {
  return (
    m.codes.length +
      m.messages.length +
      m.hints.length +
      m.status.length +
      m.errors.length +
      m.suberrors.length >
      0 ||
    m.fallback ||
    m.chainUnavailable
  );
}

/** A link from an entry's mitigation: its text and its (https) URL. */
export interface Link {
  text: string;
  url: string;
}

/** A compiled cause of a code: its signals, its own description and fix, and the links of that fix. */
export interface Cause {
  id: string;
  title: string;
  /** Every list given must match (any value within it): text phrases, credentials, SDKs, authority, client IDs. */
  when: {
    phrases?: string[] | undefined;
    credentials?: string[] | undefined;
    sdks?: Sdk[] | undefined;
    authority?: Array<(typeof AUTHORITIES)[number]> | undefined;
    clientIds?: string[] | undefined;
  };
  description: string;
  /** Markdown. */
  mitigation: string;
  links: Link[];
}

/** A compiled catalog entry: the YAML entry plus what the build derives (links, absolute source URL). */
export interface CatalogEntry
  extends Omit<CatalogEntrySource, "source" | "match" | "related" | "covers" | "causes"> {
  causes?: Cause[];
  source: { guide: string; section: string; row?: string; url: string };
  match: EntryMatch;
  related: string[];
  covers: Array<{ guide: string; row: string }>;
  /** Entra's own message for the code, placeholders as `{name}` (from a published list), where one is known. */
  message?: string;
  /** Every link in the mitigation, in order, with guide anchors made absolute. */
  links: Link[];
}

/** The JSON body Entra's token endpoint returns on failure. Unknown keys are kept. */
export const EntraErrorBodySchema = z.looseObject({
  error: z.string().optional(),
  error_description: z.string().optional(),
  error_codes: z.array(z.union([z.number(), z.string()])).optional(),
  timestamp: z.string().optional(),
  trace_id: z.string().optional(),
  correlation_id: z.string().optional(),
  error_uri: z.string().optional(),
  suberror: z.string().optional(),
  claims: z.string().optional(),
});
/** The token endpoint's error body, as the parser reads it. */
export type EntraErrorBody = z.infer<typeof EntraErrorBodySchema>;

const RequestSchema = z.object({ method: z.string(), url: z.string() });

/** Fields extracted from one error. Every field is optional except `codes`; absent means not in the input. */
export const ParsedAuthErrorSchema = z.object({
  /** The credential type that failed, as printed ("ClientSecretCredential"). For a chain, the chain's name. */
  credential: z.string().optional(),
  /** Which producer's shape was recognised. */
  sdk: z.enum(SDKS).optional(),
  /**
   * The program that printed an SDK's error inside its own log lines (`kubernetes`: aad-pod-identity's NMI,
   * the CSI driver, the cloud provider). Its reader runs that program and does not write the SDK's code,
   * so no SDK's own terms are used in the advice.
   */
  host: z.string().optional(),
  /**
   * The language of the program that printed the text, when only its runtime shows it (a Python traceback,
   * a V8 or JVM stack frame, a Go panic, a .NET exception type) and no SDK's own mark does: a third-party
   * program may print the error, so `sdk` stays empty. The advice uses this language's terms.
   */
  runtime: z.enum(SDKS).optional(),
  /** The request that failed: method and URL (Go prints no query string). */
  request: RequestSchema.optional(),
  /** Tenant from the token URL: a GUID, a domain, or a truncated ID exactly as printed. */
  tenant: z.string().optional(),
  /** Application (client) ID, only where the text labels it. */
  clientId: z.string().optional(),
  status: z.number().int().optional(),
  statusText: z.string().optional(),
  /** False when the printed status is not the server's (the @azure/identity EnvironmentCredential wrapper always says 400). */
  statusReliable: z.literal(false).optional(),
  /** OAuth 2.0 `error` string: invalid_client, invalid_grant, ... */
  error: z.string().optional(),
  /** Entra's `error_description`, with real line breaks. */
  errorDescription: z.string().optional(),
  /** The human-readable failure sentence, without codes or trailers; at most 8,192 characters (a longer one ends in "…"). */
  message: z.string().optional(),
  /** AADSTS codes in order of first appearance. */
  codes: z.array(z.number().int()),
  traceId: z.string().optional(),
  correlationId: z.string().optional(),
  /** ISO 8601 (`2022-03-02T18:25:26Z`). */
  timestamp: z.string().optional(),
  /** The timestamp exactly as printed. */
  timestampText: z.string().optional(),
  errorUri: z.string().optional(),
  suberror: z.string().optional(),
  claims: z.string().optional(),
  /** A non-Entra service error body (`{"error":{"code","message"}}`) or azcore's `ERROR CODE:` line. */
  serviceError: z.object({ code: z.string(), message: z.string().optional() }).optional(),
  /** The troubleshooting link the SDK printed. */
  troubleshootingUrl: z.string().optional(),
  /** The exception or error class as printed (`Azure.Identity.AuthenticationFailedException`, `ServerError`). */
  exception: z.string().optional(),
  /** A command the producer suggests (the Azure CLI's `az login --scope …`). */
  command: z.string().optional(),
  /** The PowerShell cmdlet whose error record this is. */
  cmdlet: z.string().optional(),
  /** Fields whose sources in the input disagree; the reported value is the first listed. */
  conflicts: z.array(z.object({ field: z.string(), values: z.array(z.string()) })).optional(),
  /** One entry per credential a chain tried. */
  get chain() {
    return z.array(ParsedAuthErrorSchema).optional();
  },
  /** True when secrets were removed from the input before parsing. */
  redacted: z.boolean().optional(),
  /** True when the input was longer than the parse limit and only its start was read. */
  truncated: z.boolean().optional(),
});
/** The fields {@link parse} extracts; the public JSON contract (a zod schema checks every result). */
export type ParsedAuthError = z.infer<typeof ParsedAuthErrorSchema>;

/** A catalog entry that explains the error, with its score and the reasons it matched. */
export interface Match {
  /** The entry id (`client-secret-expired`). */
  id: string;
  title: string;
  /**
   * How sure the match is, from the signals it rests on: "high" (the code, or Entra's own words, with a
   * credential that fits), "medium" (an OAuth error, a shorter phrase, a code written for another
   * credential, or a close tie), "low" (a status, a host hint or a name in a stack frame only). Renderers
   * call a low one a possible cause.
   */
  confidence: Confidence;
  /** The cause of the code this error shows; description and mitigation are then the cause's. */
  cause?: { id: string; title: string };
  /** Microsoft's symbolic name for the code, where it has one. */
  name?: string;
  codes: number[];
  score: number;
  reasons: string[];
  description: string;
  /** Markdown; in the error's SDK's own terms when the entry has a version for it. */
  mitigation: string;
  /** Set when `mitigation` is the version for one SDK. */
  mitigationSdk?: Sdk;
  links: Link[];
  kind: CatalogEntry["kind"];
  category: CatalogEntry["category"];
  actor: CatalogEntry["actor"];
  retryable: Retryable;
  related: string[];
  source: CatalogEntry["source"];
}

/** How sure a match is: see {@link Match.confidence}. */
export type Confidence = "high" | "medium" | "low";

/** One credential a chain tried, with its own best match. */
export interface ChainStep {
  credential?: string;
  /** "failed" when the credential reached a service and got an error; "unavailable" when it could not try. */
  outcome: "failed" | "unavailable";
  /** What the member's text says, in one line. */
  detail: string;
  match?: { id: string; title: string; score: number };
}

/** What {@link explain} returns: the parsed fields, the ranked matches and a one-line summary. */
export interface Explanation {
  parsed: ParsedAuthError;
  /** Best first; empty when nothing was recognised. */
  matches: Match[];
  /** One line: what failed and the best match, for logs and notifications. */
  summary: string;
  /** For a credential chain: each credential tried, in order, with its own best match. */
  chain?: ChainStep[];
  /** For a chain: the credential whose failure decided the outcome, or why none did. */
  decidedBy?: { credential?: string; reason: string };
  /** AADSTS codes in the error that the catalog has no entry for, each with Microsoft's lookup page. */
  unknownCodes?: Array<{ code: number; lookup: string }>;
  /** Further failures in the input after the one explained (a log excerpt); `aadsts scan` reports each. */
  moreFailures?: number;
}
