/**
 * The hot path's shortcuts give what the plain forms they replace gave: squash's no-op check, validId's
 * placeholder test, and mayMatch's literal check in front of a pattern.
 */
import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Catalog, defaultCatalog } from "../src/catalog/index.js";
import { matchIndexes } from "../src/catalog/match-indexes.js";
import { match } from "../src/match/index.js";
import { squash } from "../src/parse/fields.js";
import { validId } from "../src/parse/ids.js";
import { parseWithText } from "../src/parse/index.js";
import { mayMatch } from "../src/parse/prefilter.js";
import { PATTERNS } from "../src/patterns.js";
import type { ParsedAuthError } from "../src/schema.js";
import { loadFixtures } from "./helpers/fixtures.js";
import { textFrom } from "./helpers/texts.js";

describe("fast paths agree with the plain forms", () => {
  it("squash: whitespace runs to one space, trimmed", () => {
    const pieces = [
      "a",
      "B",
      " ",
      "  ",
      "\t",
      "\n",
      "\r\n",
      "\u00a0",
      "\u2028",
      "\ufeff",
      "é",
      "~",
      "\u0001",
    ];
    fc.assert(
      fc.property(textFrom(pieces, 30), (text) => {
        expect(squash(text)).toBe(text.replace(/\s+/g, " ").trim());
      }),
      { numRuns: 3000 },
    );
  });

  it("validId: a GUID (or prefix) of one digit repeated is a placeholder, in any case and with any dashes", () => {
    const plain = (value: string | undefined) => {
      if (!value) return undefined;
      const id = value.trim();
      if (!PATTERNS.guidPrefix.test(id)) return undefined;
      const hex = id.replaceAll("-", "").toLowerCase();
      if (hex.split("").every((c) => c === hex[0])) return undefined;
      return id.endsWith("-") ? id.slice(0, -1) : id;
    };
    fc.assert(
      fc.property(textFrom(["a", "A", "f", "F", "0", "1", "-", "g", " "], 40), (text) => {
        expect(validId(text)).toBe(plain(text));
      }),
      { numRuns: 3000 },
    );
    expect(validId("ffffffff-FFFF-ffff-FFFF-ffffffffffff")).toBeUndefined();
    expect(validId("00000000-0000-0000-0000-000000000001")).toBe("00000000-0000-0000-0000-000000000001");
  });

  it("mayMatch: false only for a text without the pattern's literals, which the pattern then does not match", () => {
    expect(mayMatch(PATTERNS.msalJsNew, "invalid_client: Error(s): 7000215 - Timestamp: 2025")).toBe(true);
    expect(mayMatch(PATTERNS.msalJsNew, "invalid_client: 7000215 - [2025-01-15 10:20:30Z]: AADSTS")).toBe(
      false,
    );
    expect(mayMatch(PATTERNS.responseLine, "RESPONSE 401 Unauthorized")).toBe(true);
    expect(mayMatch(PATTERNS.responseLine, "HTTP/1.1 401 Unauthorized")).toBe(false);
    // A long list of literals is looked up in the text's trigram table, so it is checked too.
    expect(mayMatch(PATTERNS.statusReason, "nothing here")).toBe(false);
    expect(mayMatch(PATTERNS.statusReason, "HTTP 401 Unauthorized")).toBe(true);
    // A case-insensitive pattern is not checked by mayMatch (mayMatchFolded takes the lower case): always run.
    expect(mayMatch(PATTERNS.secretAssignment, "nothing here")).toBe(true);
    const patterns = [
      PATTERNS.msalJsNew,
      PATTERNS.msalJsOld,
      PATTERNS.msalJsBracketTimestamp,
      PATTERNS.responseLine,
    ];
    fc.assert(
      fc.property(
        textFrom(
          [
            "invalid_client",
            ": ",
            "Error(s)",
            "7000215",
            " - ",
            "[",
            "2025-01-15 10:20:30Z",
            "]: ",
            "AADSTS",
            "RESPONSE ",
            "401",
            "Timestamp: ",
            "\n",
          ],
          14,
        ),
        (text) => {
          for (const re of patterns) if (!mayMatch(re, text)) expect(re.test(text)).toBe(false);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("match: a parsed error is ranked as its well-formed copy is, whether ranking reads it as it is or copies it", () => {
    const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;
    // The copy match() made of every input before (each field kept only in its schema's shape: a flag as
    // a boolean, any other field as text).
    const flags = ["statusReliable", "redacted", "truncated"];
    const copy = (given: Record<string, unknown>): Record<string, unknown> => {
      const out: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(given))
        if (!["codes", "chain", "status", "request", "serviceError", "conflicts"].includes(key))
          if (typeof value === (flags.includes(key) ? "boolean" : "string")) out[key] = value;
      out.codes = Array.isArray(given.codes) ? given.codes.filter((c) => Number.isInteger(c)) : [];
      if (Number.isInteger(given.status)) out.status = given.status;
      const { request, serviceError, chain } = given;
      if (isRecord(request) && typeof request.method === "string" && typeof request.url === "string")
        out.request = { method: request.method, url: request.url };
      if (isRecord(serviceError) && typeof serviceError.code === "string")
        out.serviceError = {
          code: serviceError.code,
          ...(typeof serviceError.message === "string" ? { message: serviceError.message } : {}),
        };
      if (Array.isArray(chain)) out.chain = chain.filter(isRecord).map(copy);
      return out;
    };
    const value = fc.oneof(
      fc.constantFrom(
        "ClientSecretCredential",
        "invalid_client",
        "AADSTS7000215: Invalid client secret provided.",
      ),
      fc.constantFrom(7000215, 401, 1.5, true, null, undefined),
      fc.constant([7000215, "x", 50076]),
      fc.constant({ method: "POST", url: "https://login.microsoftonline.com/common/oauth2/v2.0/token" }),
      fc.constant({ code: "Forbidden", message: 3 }),
    );
    const keys = [
      "credential",
      "codes",
      "status",
      "error",
      "message",
      "request",
      "serviceError",
      "sdk",
      "errorDescription",
    ];
    const member = fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: 6 });
    const parsed = fc
      .tuple(
        member,
        fc.option(fc.array(fc.oneof(member, fc.constant(7)), { maxLength: 3 }), { nil: undefined }),
      )
      .map(([m, chain]) => (chain ? { ...m, chain } : m));
    fc.assert(
      fc.property(parsed, (p) => {
        // No input throws (the tests run with AADSTS_DEBUG=1, so an internal error would surface here).
        expect(match(p as unknown as ParsedAuthError)).toEqual(match(copy(p) as unknown as ParsedAuthError));
      }),
      { numRuns: 1500 },
    );
  });

  it("candidates: scoring only them ranks as scoring every entry of the catalog, on every fixture and corpus text", () => {
    // The built-in catalog again, with every entry a candidate.
    const everyEntry: Catalog = {
      entries: defaultCatalog.entries,
      byId: (id) => defaultCatalog.byId(id),
      byCode: (code) => defaultCatalog.byCode(code),
      byName: (name) => defaultCatalog.byName(name),
    };
    const all = matchIndexes(everyEntry);
    all.candidates = () => all.indexed;
    const corpus = new URL("./corpus/cases/", import.meta.url).pathname;
    const texts = [
      ...loadFixtures().map((f) => f.text),
      ...readdirSync(corpus)
        .filter((f) => f.endsWith(".txt"))
        .map((f) => readFileSync(corpus + f, "utf8")),
    ];
    let matched = 0;
    for (const text of texts) {
      const { parsed, text: read } = parseWithText(text);
      const now = match(parsed, { text: read, limit: 50 });
      expect(now).toEqual(match(parsed, { text: read, limit: 50, catalog: everyEntry }));
      if (now.length > 0) matched++;
    }
    expect(matched).toBeGreaterThan(700);
  }, 120_000);
});
