// Runs themes/default/static/search.js under node for tests and benchmarks.
// stdin: {"script": path, "op": "text", "cases": [...]}
//     or {"script": path, "op": "postings", "dir": index folder}: every shard decoded
//     or {"script": path, "op": "typing", "dir": index folder, "queries": [{"q"}]}: bytes when every prefix is searched
//     or {"script": path, "op": "search", "dir": index folder, "queries": [{"q", "filters", "open"}]}
// stdout: JSON results. For "search", every query uses a fresh engine (a cold page):
// bytes and files it loaded are reported with the ranked ids and top records.
"use strict";
const fs = require("fs");
const path = require("path");

const input = JSON.parse(fs.readFileSync(0, "utf8"));
require(path.resolve(input.script));
const S = globalThis.LTBSearch;

async function main() {
  if (input.op === "text") {
    return input.cases.map((c) => ({ fold: S.fold(c), toneKey: S.toneKey(c), tokens: S.tokenize(c),
                                     diacritics: S.hasDiacritics(c) }));
  }
  if (input.op === "classes") {  // which code points are token characters
    const re = /[\p{L}\p{N}]/u;
    const out = [];
    for (let cp = input.from; cp < input.to; cp++) if (re.test(String.fromCodePoint(cp))) out.push(cp);
    return out;
  }
  if (input.op === "postings") {  // every key of every shard, decoded by search.js
    const read = (rel) => { const d = fs.readFileSync(path.join(input.dir, rel)); return d.buffer.slice(d.byteOffset, d.byteOffset + d.length); };
    const manifest = JSON.parse(fs.readFileSync(path.join(input.dir, "index.json"), "utf8"));
    const out = {};
    for (let i = 0; i < manifest.shards.length; i++) {
      const shard = new S.Shard(await S.inflate(read(`s/${i}.bin`)));
      for (const key of shard.keys.keys()) {
        out[key] = shard.postings(key).map((p) => [p.variant, Array.from(p.ids), Array.from(p.vals)]);
      }
    }
    return out;
  }
  if (input.op === "typing") {  // each query typed a key at a time on one cold page: every prefix searched
    const out = [];
    for (const query of input.queries) {
      const kinds = {};
      const engine = new S.Engine(async (rel) => {
        const file = path.join(input.dir, rel.split("?")[0]);
        const data = fs.readFileSync(file);
        const kind = rel.split("/")[0].split(".")[0];
        kinds[kind] = (kinds[kind] || 0) + data.length;
        return data.buffer.slice(data.byteOffset, data.byteOffset + data.length);
      });
      for (let n = 1; n <= query.q.length; n++) {
        const typed = query.q.slice(0, n);
        const open = !/[\s"\u201c\u201d\u201e\u00ab\u00bb]$/.test(typed);
        if (!typed.trim()) continue;
        const result = await engine.search(typed, {}, open);
        await Promise.all(result.ids.slice(0, 10).map((id) => engine.record(id)));
      }
      out.push({ q: query.q, bytes: Object.values(kinds).reduce((a, b) => a + b, 0), kinds });
    }
    return out;
  }
  const results = [];
  for (const query of input.queries) {
    let bytes = 0, files = 0;
    const engine = new S.Engine(async (rel) => {
      const file = path.join(input.dir, rel.split("?")[0]);
      const data = fs.readFileSync(file);
      bytes += data.length;
      files += 1;
      return data.buffer.slice(data.byteOffset, data.byteOffset + data.length);
    });
    const started = process.hrtime.bigint();
    const result = await engine.search(query.q, query.filters || {}, !!query.open);
    const top = await Promise.all(result.ids.slice(0, query.show || 10).map((id) => engine.record(id)));
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    results.push({ q: query.q, total: result.ids.length, ids: result.ids.slice(0, 50),
                   titles: top.map((r) => r.t), snippets: top.slice(0, 3).map((r) => S.snippet(r, result.highlight)),
                   bytes, files, ms });
  }
  return results;
}

main().then((out) => process.stdout.write(JSON.stringify(out)), (err) => { console.error(err); process.exit(1); });
