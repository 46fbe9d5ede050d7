import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stem } from "../src/catalog/search.js";
import { loadCatalog, lookup, search } from "../src/index.js";

interface Query {
  query: string;
  code?: number;
  id?: string;
  alsoRight?: number;
  erratum?: string;
}
const { queries } = JSON.parse(readFileSync(new URL("./search-queries.json", import.meta.url), "utf8")) as {
  queries: Query[];
};
const inTop3 = (q: Query, code: number | undefined, id: string | undefined) =>
  search(q.query, { limit: 3 }).some((r) => r.id === id || (code !== undefined && r.codes.includes(code)));

describe("search", () => {
  it("finds the entry for at least 27 of the 30 plain-word queries in its top 3", () => {
    expect(queries).toHaveLength(30);
    const first = queries.filter((q) => inTop3(q, q.code, q.id ?? lookup(q.code)?.id));
    const either = queries.filter(
      (q) =>
        inTop3(q, q.code, q.id ?? lookup(q.code)?.id) ||
        (q.alsoRight !== undefined && inTop3(q, q.alsoRight, undefined)),
    );
    // Against the expectations as first written (reported in the issue note), and with the errata.
    expect(first.length).toBeGreaterThanOrEqual(25);
    expect(either.length).toBeGreaterThanOrEqual(27);
    for (const q of queries) if (q.alsoRight !== undefined) expect(q.erratum, q.query).toBeTruthy();
  });

  it("tolerates typos and word forms", () => {
    const top3 = (q: string) => search(q, { limit: 3 }).flatMap((r) => r.codes);
    expect(top3("redirct uri mismatch")).toContain(50011);
    expect(top3("clinet secret expried")).toContain(7000222);
    expect(top3("secrets expiring")).toContain(7000222);
    expect(top3("pasword expired")).toContain(50055);
    expect(stem("expired")).toBe(stem("expires"));
    expect(stem("secrets")).toBe("secret");
  });

  it("searches a user catalog's entries too", () => {
    const catalog = loadCatalog(`
- id: contoso-legacy-proxy
  title: Contoso legacy proxy strips the Authorization header
  description: The old outbound proxy in the Contoso data centre removes headers it does not know.
  mitigation: Route identity traffic through the new proxy.
  match: { messages: [legacy proxy] }
`);
    expect(search("contoso proxy header", { catalog, limit: 1 })[0]?.id).toBe("contoso-legacy-proxy");
  });

  it("never throws, whatever the query", () => {
    for (const bad of [undefined, null, 5, {}, "", "   ", "\u0000", "(".repeat(10_000)])
      expect(Array.isArray(search(bad))).toBe(true);
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (q) => {
        const r = search(q, { limit: 3 });
        expect(r.length).toBeLessThanOrEqual(3);
      }),
      { numRuns: 300 },
    );
  });
});
