import { gzipSync } from "node:zlib";
import { compileBuiltInCatalog } from "./scripts/lib/catalog-files.js";
import { encodeCatalog } from "./scripts/lib/compile-catalog.js";
import { entryBlock } from "./src/catalog/entry-block.js";
const { entries } = compileBuiltInCatalog();
const { texts } = encodeCatalog(entries);
const gz = (s: string) => gzipSync(Buffer.from(s), { level: 9 }).length;
const lit = (t: string) => `'${t.replace(/'/g, "\\u0027").replace(/\\/g, "\\\\")}'`;
const render = (order: number[]) => order.map((i) => `"${entries[i]!.id}":${lit(texts[i]!)}`).join(",\n");
const idx = entries.map((_, i) => i);
const blockOf = idx.map((i) => entryBlock(entries[i]!.id));
const sorted = (key: (i: number) => string) => [...idx].sort((a, b) => blockOf[a]! - blockOf[b]! || key(a).localeCompare(key(b)) || a - b);
console.log("catalog order by block", gz(render(sorted(() => ""))));
console.log("topic", gz(render(sorted((i) => entries[i]!.topic ?? ""))));
console.log("category|topic", gz(render(sorted((i) => `${entries[i]!.category}|${entries[i]!.topic ?? ""}`))));
console.log("topic|category", gz(render(sorted((i) => `${entries[i]!.topic ?? ""}|${entries[i]!.category}`))));
console.log("kind|topic", gz(render(sorted((i) => `${entries[i]!.kind}|${entries[i]!.topic ?? ""}`))));
console.log("source|topic", gz(render(sorted((i) => `${entries[i]!.source.guide}|${entries[i]!.topic ?? ""}`))));
console.log("sdk?|topic", gz(render(sorted((i) => `${entries[i]!.mitigationBySdk ? 0 : 1}|${entries[i]!.topic ?? ""}`))));
console.log("sdk?|source|topic", gz(render(sorted((i) => `${entries[i]!.mitigationBySdk ? 0 : 1}|${entries[i]!.source.guide}|${entries[i]!.source.section}|${entries[i]!.topic ?? ""}`))));
console.log("id", gz(render(sorted((i) => entries[i]!.id))));
{
  const order = sorted((i) => `${entries[i]!.mitigationBySdk ? 0 : 1}|${entries[i]!.topic ?? ""}`);
  // repeated lines inside JSON strings: the JSON text has "\\n" as separators
  for (const minLen of [30, 60, 100]) {
    const counts = new Map<string, number>();
    for (const t of texts) for (const l of t.split("\\n")) if (l.length >= minLen && !l.includes('"')) counts.set(l, (counts.get(l) ?? 0) + 1);
    const table = [...counts].filter(([, n]) => n > 1).map(([l]) => l);
    const ix = new Map(table.map((l, i) => [l, i]));
    const t2 = texts.map((t) => t.split("\\n").map((l) => ix.has(l) ? `~${ix.get(l)!.toString(36)}~` : l).join("\\n"));
    const r = order.map((i) => `"${entries[i]!.id}":${lit(t2[i]!)}`).join(",\n");
    const tableText = JSON.stringify(table);
    console.log("line table minLen", minLen, "lines", table.length, "gz", gz(r), "+table", gz(tableText), "=", gz(r) + gz(tableText));
  }
}
