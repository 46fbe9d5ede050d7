import { ENTRY_BLOCKS as OLD_BLOCKS, ENTRY_KEYS } from "/tmp/density/base/src/generated/catalog.ts";
import { entryBlock } from "./src/catalog/entry-block.js";
import { entryLinks, markdownLinks } from "./src/catalog/links.js";
import { completeMatch, emptyMatch } from "./src/entry-match.js";
import { joinLookup } from "./src/catalog/lookup-url.js";
function oldDecode(text: string) {
  const stored = JSON.parse(text) as any;
  const { causes, lk, ...fields } = stored;
  const code = stored.match.codes?.[0];
  const mitigation = joinLookup(stored.mitigation, code, lk);
  return { ...fields, mitigation, match: completeMatch(stored.match, emptyMatch()), related: stored.related ?? [], covers: stored.covers ?? [], links: entryLinks({ ...stored, mitigation }),
    ...(causes ? { causes: causes.map(({ lk: tail, ...c }: any) => { const m = joinLookup(c.mitigation, code, tail); return { ...c, mitigation: m, links: markdownLinks(m) }; }) } : {}) };
}
const mode = process.argv[2];
const cpu = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1000; };
const blocks = OLD_BLOCKS.map((b) => b());
const t0 = cpu();
let n = 0;
if (mode === "oldparse") for (const k of ENTRY_KEYS) n += JSON.parse(blocks[entryBlock(k[0])]![k[0]]!) ? 1 : 0;
if (mode === "olddecode") for (const k of ENTRY_KEYS) n += oldDecode(blocks[entryBlock(k[0])]![k[0]]!) ? 1 : 0;
if (mode === "links") for (const k of ENTRY_KEYS) n += entryLinks(JSON.parse(blocks[entryBlock(k[0])]![k[0]]!)).length;
console.log(mode, (cpu() - t0).toFixed(1));
