import { afterEach, describe, expect, it, vi } from "vitest";
import { debugging } from "../src/boundary.js";
import type { Catalog } from "../src/catalog/index.js";
import { defaultCatalog, explain, match, parse, render } from "../src/index.js";

const TEXT = `ClientSecretCredential authentication failed: AADSTS7000215: Invalid client secret provided.
Trace ID: 3f2e1d0c-9b8a-4765-8432-10fedcba9876`;

/** The built-in catalog with one internal step broken: an error the library did not expect. */
function brokenCatalog(method: "entries" | "byId"): Catalog {
  const fail = () => {
    throw new TypeError(`injected failure in ${method}`);
  };
  return new Proxy(defaultCatalog, {
    get(target, key, receiver) {
      // Reading `entries` fails at once (the matcher reads it to build its indexes); byId fails when called.
      if (key === method) return method === "entries" ? fail() : fail;
      return Reflect.get(target, key, receiver);
    },
  });
}

/** As an application runs it (this project's test runs set AADSTS_DEBUG=1): AADSTS_DEBUG as given. */
function asAnApplication(debug?: "1"): void {
  vi.stubEnv("AADSTS_DEBUG", debug ?? "");
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("errors surface under test and debug, and are contained otherwise", () => {
  it("debugging() is on with AADSTS_DEBUG=1 (as in these tests), and off for an application", () => {
    expect(debugging()).toBe(true);
    asAnApplication();
    expect(debugging()).toBe(false);
    // An application's own vitest suite sees what the application sees.
    vi.stubEnv("VITEST", "true");
    expect(debugging()).toBe(false);
    asAnApplication("1");
    expect(debugging()).toBe(true);
  });

  it("an internal error in matching rethrows with its stack under test", () => {
    const catalog = brokenCatalog("entries");
    let caught: unknown;
    try {
      explain(TEXT, { catalog });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(TypeError);
    expect((caught as Error).message).toBe("injected failure in entries");
    expect((caught as Error).stack).toContain("boundary.test.ts");
    expect(() => match(parse(TEXT), { catalog })).toThrow("injected failure in entries");
  });

  it("the same error surfaces with AADSTS_DEBUG=1 in an application", () => {
    asAnApplication("1");
    expect(() => explain(TEXT, { catalog: brokenCatalog("entries") })).toThrow("injected failure");
  });

  it("an application gets a safe result instead", () => {
    asAnApplication();
    const catalog = brokenCatalog("entries");
    const ex = explain(TEXT, { catalog });
    expect(ex.matches).toEqual([]);
    expect(ex.summary).toMatch(/internal error; AADSTS_DEBUG=1 shows it/);
    expect(match(parse(TEXT), { catalog })).toEqual([]);
    // The working catalog still explains the same text: only the broken step was contained.
    expect(explain(TEXT).matches[0]?.id).toBe("client-secret-invalid");
  });

  it("render: an internal error surfaces under test and gives the fallback text otherwise", () => {
    const ex = explain(TEXT);
    const withRelated = {
      ...ex,
      matches: ex.matches.map((m) => ({ ...m, related: ["client-secret-expired"] })),
    };
    const catalog = brokenCatalog("byId");
    expect(() => render(withRelated, { format: "markdown", catalog })).toThrow("injected failure in byId");
    asAnApplication();
    expect(render(withRelated, { format: "markdown", catalog })).toBe(
      "aadsts: this explanation could not be rendered\n",
    );
    expect(render(withRelated, { format: "markdown" })).toContain("client-secret-invalid");
  });

  it("bad input is guarded explicitly, not caught: no throw even under test", () => {
    for (const garbage of [null, undefined, 42, "text", [], { codes: "x" }, { codes: [1.5], chain: "no" }])
      expect(match(garbage as never)).toEqual([]);
    expect(match({ codes: [7000215], chain: [null as never, { codes: [] }] })[0]?.id).toBe(
      "client-secret-invalid",
    );
    for (const options of [null, 7, "x", { maxLength: "10", redact: "no", limit: "3", catalog: {} }])
      expect(explain(TEXT, options as never).matches[0]?.id).toBe("client-secret-invalid");
    for (const garbage of [null, undefined, 1, "x", {}, { parsed: null, matches: "x" }])
      for (const format of ["text", "markdown", "html", "ansi"] as const)
        expect(render(garbage as never, { format })).toContain("No catalog entry matches this text");
  });
});
