import { afterEach, describe, expect, it, vi } from "vitest";

// A reader bug: the status reader returns a value the ParsedAuthError schema rejects (not an integer).
vi.mock("../src/parse/status.js", () => ({ readStatus: () => 401.5 }));

const { explain, parse } = await import("../src/index.js");

const TEXT = "AADSTS7000215: Invalid client secret provided. Status code 401";

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("a field that fails its schema", () => {
  it("fails the tests: parse throws with the field's name", () => {
    expect(() => parse(TEXT)).toThrow(/schema rejects: status: /);
    expect(() => explain(TEXT)).toThrow(/schema rejects: status: /);
  });
  it("is dropped for an application, which keeps every other field", () => {
    vi.stubEnv("AADSTS_DEBUG", "");
    const parsed = parse(TEXT);
    expect(parsed.status).toBeUndefined();
    expect(parsed.codes).toEqual([7000215]);
  });
});
