/**
 * `aadsts/identity`: explain a failure where it happens, inside `getToken`.
 *
 * {@link explainingCredential} wraps any `TokenCredential` (from `@azure/identity` or your own). When
 * `getToken` fails, the wrapper rethrows the very error object it caught, so its class and `name` are kept
 * and a `ChainedTokenCredential` or `DefaultAzureCredential` still moves on past a
 * `CredentialUnavailableError`. Before that it attaches the {@link Explanation} as `error.explanation`
 * and, on request, adds the one-line summary and the best link to `error.message`.
 *
 * Only the types of `@azure/core-auth` are used (an optional peer dependency): nothing from the Azure
 * packages is loaded at run time, and a successful `getToken` passes through untouched.
 *
 * @example
 * ```ts
 * import { DefaultAzureCredential } from "@azure/identity";
 * import { SecretClient } from "@azure/keyvault-secrets";
 * import { explainingCredential, explanationOf } from "aadsts/identity";
 *
 * const credential = explainingCredential(new DefaultAzureCredential(), { appendSummary: true });
 * const client = new SecretClient("https://my-vault.vault.azure.net", credential);
 * try {
 *   await client.getSecret("db-password");
 * } catch (err) {
 *   console.error(explanationOf(err)?.matches[0]?.mitigation ?? err);
 * }
 * ```
 *
 * @module aadsts/identity
 */
import type { AccessToken, GetTokenOptions, TokenCredential } from "@azure/core-auth";
import type { Catalog } from "./catalog/index.js";
import { explain } from "./explain.js";
import { redact } from "./redact.js";
import type { Explanation, Sdk } from "./schema.js";
import { topLink } from "./top-link.js";

/** Options of {@link explainingCredential}. */
export interface ExplainingCredentialOptions {
  /**
   * Add a line to `error.message`: `aadsts: <summary>. See <link>` (redacted). Off by default, so the
   * message stays exactly what the SDK wrote. Done once per error, however many wrappers it passes.
   */
  appendSummary?: boolean;
  /** The SDK whose advice the explanation gives (default "js"). */
  sdk?: Sdk;
  /** Catalog to explain with (default: the built-in one). */
  catalog?: Catalog;
  /**
   * Called with each failure's explanation and the error, before the error is rethrown: a place to log or
   * count. What it throws is ignored, so the caller still gets the credential's own error.
   */
  onExplanation?(explanation: Explanation, error: unknown): void;
}

/** An error that passed through {@link explainingCredential}. */
export type ExplainedError = Error & { explanation: Explanation };

/**
 * Where the wrapper keeps what it did to an error, shared by every copy of aadsts in the process (ESM and
 * CommonJS alike), so an error wrapped twice is explained and extended once.
 */
const STATE = Symbol.for("aadsts.identity.explained");

interface State {
  explanation: Explanation;
  appended: boolean;
}

/**
 * Wrap a `TokenCredential` so that a failed `getToken` rethrows the same error, with its
 * {@link Explanation} attached as `error.explanation` (not enumerable, so loggers and `console.log` do not
 * print it). A value thrown that is not an object (a string) is rethrown as it is. Tokens, `null`, and the
 * `scopes` and `options` passed in go through unchanged.
 */
export function explainingCredential(
  credential: TokenCredential,
  options: ExplainingCredentialOptions = {},
): TokenCredential {
  return new ExplainingCredential(credential, options);
}

/** The explanation {@link explainingCredential} attached to an error, if any. */
export function explanationOf(error: unknown): Explanation | undefined {
  return stateOf(error)?.explanation;
}

/** The wrapper. A class, so that a chain's log line names it ("Result for ExplainingCredential"). */
class ExplainingCredential implements TokenCredential {
  readonly #credential: TokenCredential;
  readonly #options: ExplainingCredentialOptions;
  readonly #onRejected: (error: unknown) => never;

  constructor(credential: TokenCredential, options: ExplainingCredentialOptions) {
    this.#credential = credential;
    this.#options = options;
    this.#onRejected = (error) => {
      throw annotate(error, this.#options);
    };
  }

  getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null> {
    let pending: Promise<AccessToken | null>;
    try {
      pending = this.#credential.getToken(scopes, options);
    } catch (error) {
      // A getToken that throws instead of rejecting: the caller gets a rejection, as from any credential.
      return Promise.reject(annotate(error, this.#options));
    }
    // One reaction, on failure only: a token is handed on as it is.
    return pending.then(undefined, this.#onRejected);
  }
}

function stateOf(error: unknown): State | undefined {
  if (error === null || (typeof error !== "object" && typeof error !== "function")) return undefined;
  try {
    const state = (error as Record<symbol, unknown>)[STATE];
    return state && typeof state === "object" ? (state as State) : undefined;
  } catch {
    return undefined;
  }
}

/** Attach the explanation (once) and, if asked, the summary line (once). Never throws; returns `error`. */
function annotate(error: unknown, options: ExplainingCredentialOptions): unknown {
  if (error === null || (typeof error !== "object" && typeof error !== "function")) return error;
  try {
    let state = stateOf(error);
    if (!state) {
      const explanation = explain(error, {
        sdk: options.sdk ?? "js",
        ...(options.catalog ? { catalog: options.catalog } : {}),
      });
      state = { explanation, appended: false };
      define(error, STATE, state);
      define(error, "explanation", explanation);
    }
    if (options.appendSummary && !state.appended) {
      const line = summaryLine(state.explanation);
      if (line) state.appended = appendToMessage(error as Error, line);
    }
    if (options.onExplanation) {
      try {
        options.onExplanation(state.explanation, error);
      } catch {
        // The credential's error matters more than the callback's.
      }
    }
  } catch {
    // A frozen or exotic error object: it is rethrown as it came.
  }
  return error;
}

function define(target: object, key: PropertyKey, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: false, configurable: true, writable: true });
}

/**
 * `aadsts: <summary>. See <link>`, from the explanation's own summary (the one {@link explain} writes) and
 * the top match's first link (or Microsoft's lookup page for a code the catalog lacks). Nothing when the
 * error was not recognised at all.
 */
function summaryLine(ex: Explanation): string | undefined {
  if (ex.matches.length === 0 && !ex.unknownCodes?.length) return undefined;
  const link = topLink(ex);
  const summary = ex.summary.endsWith(".") ? ex.summary.slice(0, -1) : ex.summary;
  return redact(`aadsts: ${summary}.${link ? ` See ${link}` : ""}`).text;
}

/**
 * Add the line to `message`, and to the head of `stack` when it begins with the old message (V8 writes the
 * stack when the error is made, and `console.error(err)` prints the stack), so both show it.
 */
function appendToMessage(error: Error, line: string): boolean {
  const before = typeof error.message === "string" ? error.message : "";
  const after = before ? `${before}\n${line}` : line;
  error.message = after;
  if (error.message !== after) return false;
  try {
    const stack = error.stack;
    const head = `${error.name}: ${before}`;
    if (typeof stack === "string" && before && stack.startsWith(head))
      error.stack = `${error.name}: ${after}${stack.slice(head.length)}`;
  } catch {
    // A stack that cannot be read or written keeps its old head.
  }
  return true;
}
