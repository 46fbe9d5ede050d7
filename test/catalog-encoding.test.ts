import { describe, expect, it } from "vitest";
import { compileBuiltInCatalog } from "../scripts/lib/catalog-files.js";
import { encodeCatalog, renderCatalogTables } from "../scripts/lib/compile-catalog.js";
import { builtInEntries } from "../src/catalog/builtin.js";
import { type CatalogTables, decodeEntry, unmark } from "../src/catalog/decode.js";
import { ENTRY_BLOCKS, ENTRY_KEYS, type EntryKey } from "../src/generated/catalog.js";
import { CATALOG_TABLES } from "../src/generated/catalog-tables.js";
import type { CatalogEntry } from "../src/schema.js";

const compiled = compileBuiltInCatalog();
const stored: Record<string, string> = Object.assign({}, ...ENTRY_BLOCKS.map((b) => b()));

/**
 * An entry's fields in the order the run time has always given them: the compiled order without related,
 * covers, links and causes, then related and covers when not empty, then those that are, links, causes.
 */
function runTimeOrder(e: CatalogEntry): CatalogEntry {
  const { related, covers, links, causes, ...rest } = e;
  const out: Record<string, unknown> = { ...rest };
  if (related.length > 0) out.related = related;
  if (covers.length > 0) out.covers = covers;
  out.related = related;
  out.covers = covers;
  out.links = links;
  if (causes) out.causes = causes;
  return out as unknown as CatalogEntry;
}

const keyOf = (e: CatalogEntry): EntryKey => [e.id, e.name ?? "", e.match.codes, 0];

describe("the stored form of the built-in catalog", () => {
  it("reads back as exactly the entries the YAML compiles to, field order included", () => {
    expect(compiled.errors).toEqual([]);
    const decoded = builtInEntries();
    expect(decoded.length).toBe(compiled.entries.length);
    compiled.entries.forEach((want, i) => {
      const got = decoded[i];
      expect(got).toEqual(want);
      expect(JSON.stringify(got)).toBe(JSON.stringify(runTimeOrder(want)));
    });
  });

  it("the committed tables are the ones the build writes", async () => {
    const { readFileSync } = await import("node:fs");
    const committed = readFileSync(new URL("../src/generated/catalog-tables.ts", import.meta.url), "utf8");
    expect(committed).toBe(renderCatalogTables(compiled.entries));
  });

  it("stores what the run time can rebuild once, and a link URL that several entries link once", () => {
    const { urlMark, urls } = CATALOG_TABLES;
    const texts = Object.values(stored);
    expect(urlMark).not.toBe("");
    expect(texts.filter((t) => t.includes(urlMark)).length).toBeGreaterThan(300);
    // Table URLs are written as marks; each table URL is linked more than once in the catalog.
    expect(urls.length).toBeGreaterThan(100);
    for (const url of urls.slice(0, 20)) expect(texts.every((t) => !t.includes(`](${url})`))).toBe(true);
    const whole = JSON.stringify(compiled.entries);
    for (const url of urls) expect(whole.split(`](${url})`).length - 1).toBeGreaterThan(1);
    // Ids, names and codes live in ENTRY_KEYS only.
    const secret = stored["client-secret-expired"] ?? "";
    expect(secret).not.toContain("client-secret-expired");
    expect(secret).not.toContain("InvalidClientSecretExpiredKeysProvided");
    const { id, name, match } = JSON.parse(unmark(secret));
    expect([id, name, match.codes]).toEqual(["", "", []]);
  });

  it("round-trips entries whose text holds every mark candidate, the URL table then left unused", () => {
    const base = compiled.entries.find((e) => e.id === "aadsts-700016") as CatalogEntry;
    const odd: CatalogEntry = {
      ...base,
      id: "contoso-odd",
      title: "Odd ~ title ! with ^ marks | and 'quotes' and \\n a backslash-n",
      description: "Line one\nline two ~!^|@$%&*+=<>{} all of them, and a \\ backslash.",
      mitigation: `See [a](https://example.com/a) and [a again](https://example.com/a).\n\n${base.mitigation}`,
      links: [{ text: "a", url: "https://example.com/a" }, ...base.links],
    };
    const plain: CatalogEntry = { ...base, id: "contoso-plain", related: [], covers: [] };
    const entries = [odd, plain, base];
    const encoded = encodeCatalog(entries);
    // Every candidate appears in the text, so there is no mark and the text is plain JSON.
    expect(encoded.tables.urlMark).toBe("");
    expect(encoded.tables.urls).toEqual([]);
    expect(encoded.texts[0]).toContain("](https://example.com/a)");
    encoded.texts.forEach((text, i) => {
      const e = entries[i] as CatalogEntry;
      const back = decodeEntry(text, keyOf(e), encoded.tables);
      expect(back).toEqual(e);
      expect(JSON.stringify(back)).toBe(JSON.stringify(runTimeOrder(e)));
    });
  });

  it("round-trips with the marks in use, a URL linked twice becoming a table reference", () => {
    const base = compiled.entries.find((e) => e.id === "aadsts-700016") as CatalogEntry;
    const linked: CatalogEntry = {
      ...base,
      id: "contoso-linked",
      mitigation:
        "- Read [the page](https://example.com/p?x=1) then [it again](https://example.com/p?x=1).\n",
      links: [{ text: "the page", url: "https://example.com/p?x=1" }],
      causes: undefined,
      source: { guide: "contoso", section: "s", url: "https://example.com/guide#s" },
    };
    const entries = [linked, base];
    const encoded = encodeCatalog(entries);
    const tables: CatalogTables = encoded.tables;
    expect(tables.urls).toContain("https://example.com/p?x=1");
    expect(encoded.texts[0]).not.toContain("example.com/p");
    expect(unmark(encoded.texts[0] ?? "", tables)).toContain("](https://example.com/p?x=1)");
    encoded.texts.forEach((text, i) => {
      const e = entries[i] as CatalogEntry;
      const back = decodeEntry(text, keyOf(e), tables);
      expect(back).toEqual(e);
      expect(back.source).toEqual(e.source);
    });
  });

  it("every entry's keys in ENTRY_KEYS agree with the compiled entry", () => {
    compiled.entries.forEach((e, i) => {
      const key = ENTRY_KEYS[i] as EntryKey;
      expect([key[0], key[1], key[2]]).toEqual([e.id, e.name ?? "", e.match.codes]);
    });
  });
});
