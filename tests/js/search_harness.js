// Runs themes/default/static/search.js under node for tests and benchmarks.
// stdin: {"script": path, "op": ..., ...}; stdout: JSON.
//   {"op": "text", "cases": [...]}: folding rules and key hashes of each case
//   {"op": "classes", "from", "to"}: which code points are token characters
//   {"op": "pagetext", "pages": [html...]}: the text a snippet is taken from, of each article page
//   {"op": "split", "common": [[word, count]...], "cases": [...]}: how each run typed without
//     spaces is split into common words (null: not split)
//   {"op": "spaced", "names": [[spelling, key]...], "cases": [...]}: each query with letters and
//     digits run together spaced as the names' words allow
//   {"op": "family"}: the family names a name typed in Title Case starts with, and the common words
//     their syllables make ({names, words})
//   {"op": "candidates", "vocabulary": [[word, count]...], "cases": [...]}: the words of the
//     vocabulary each mistyped word may stand for, the likeliest first
//   {"op": "telex", "cases": [...]}: each word typed with Telex keys as the word they spell
//   {"op": "vni", "cases": [...]}: each word typed with VNI keys as the word they spell (null: none)
//   {"op": "variants", "cases": [[folded, typed, word before]...]}: the other spelling of each word
//     looked up with it (i/y, number and Roman numeral), or null
//   {"op": "initialism", "pairs": [[pair, count]...], "cases": [...]}: the words each initialism
//     may stand for, by chains of the pairs, the likeliest first
//   {"op": "postings", "dir": index folder}: every list of every shard, decoded
//   {"op": "provinces", "cases": [[list, first]...]}: the provinces each card shows, first ones ahead
//   {"op": "typing", "dir", "queries": [{"q"}]}: bytes when every prefix is searched on one page
//   {"op": "flaky", "dir", "q", "fail": path prefix}: the first load of each such file fails; the
//     query is searched twice on one engine: [first answer or error, second, files failed]
//   {"op": "search", "dir", "queries": [{"q", "filters", "open", "show", "light", "asTyped"}]}: each query on a
//     fresh engine (a cold page): the query it was corrected to and the one it suggests (or
//     null), ranked ids, approximate ids, the names typed that no article holds whole (apart),
//     whether a quoted phrase was checked only in part (cut), the names of the registries read (names),
//     the top records and the provinces their cards show, snippets of the first three (from
//     their pages in the output folder), bytes and files loaded (by kind: all, and those the
//     search loaded before the records shown), milliseconds.
"use strict";
const fs = require("fs");
const path = require("path");

const input = JSON.parse(fs.readFileSync(0, "utf8"));
require(path.resolve(input.script));
const S = globalThis.LTBSearch;

function counting(dir) {
  const seen = { bytes: 0, files: 0, pageBytes: 0, pages: 0, kinds: {} };
  const site = path.resolve(dir, "..", "..");
  const load = async (rel) => {
    const data = fs.readFileSync(path.join(dir, rel.split("?")[0]));
    const kind = rel.split("/")[0].split(".")[0];
    seen.kinds[kind] = (seen.kinds[kind] || 0) + data.length;
    seen.bytes += data.length;
    seen.files += 1;
    return data.buffer.slice(data.byteOffset, data.byteOffset + data.length);
  };
  const page = async (url) => {
    const data = fs.readFileSync(path.join(site, url, url.endsWith("/") || url === "" ? "index.html" : ""));
    seen.pageBytes += data.length;
    seen.pages += 1;
    return data.toString("utf8");
  };
  return { seen, engine: new S.Engine(load, page) };
}

// The province filter's names by slug, as the search page lists them (its select's options).
function labels(dir) {
  const page = path.join(path.resolve(dir, "..", ".."), "tim-kiem", "index.html");
  const html = fs.existsSync(page) ? fs.readFileSync(page, "utf8") : "";
  const select = (/<select id="tinh"[^]*?<\/select>/.exec(html) || [""])[0];
  const names = new Map();
  for (const m of select.matchAll(/<option value="([^"]+)">([^<]*)<\/option>/g)) names.set(m[1], m[2].trim());
  return (slug) => names.get(slug) || null;
}

async function main() {
  if (input.op === "text") {
    return input.cases.map((c) => ({ fold: S.fold(c), toneKey: S.toneKey(c), tokens: S.tokenize(c),
                                     diacritics: S.hasDiacritics(c), hash: S.keyHash(c).toString(),
                                     mix: S.mix(S.keyHash(c)).toString(), place: S.place(c, false),
                                     pairPlace: S.place(c, true) }));
  }
  if (input.op === "pagetext") {
    return input.pages.map((html) => S.pageText(html));
  }
  if (input.op === "split") {
    const common = new Map(input.common);
    return input.cases.map((c) => S.splitJoined(c, common));
  }
  if (input.op === "family") {
    return { names: S.FAMILY_NAMES, words: S.FAMILY_WORDS };
  }
  if (input.op === "spaced") {
    const joined = new Map(input.names.map((n) => [n[0].split(" ").join(""), n[0].split(" ")]));
    const nameWords = new Set([].concat(...input.names.map((n) => n[0].split(" "))));
    return input.cases.map((c) => S.spaceJoined(c, { joined, nameWords }));
  }
  if (input.op === "candidates") {
    return input.cases.map((c) => S.candidates(c, input.vocabulary).map((x) => x.word));
  }
  if (input.op === "telex") {
    return input.cases.map((c) => S.telexWord(c));
  }
  if (input.op === "variants") {  // [folded, typed, word before]: the other spelling looked up (null: none)
    return input.cases.map((c) => S.variantOf(c[0], c[1], c[2]));
  }
  if (input.op === "vni") {
    return input.cases.map((c) => S.vniWord(c));
  }
  if (input.op === "initialism") {
    const byInitials = new Map();
    input.pairs.forEach(([pair, n]) => {
      const [a, b] = pair.split(" ");
      if (!byInitials.has(a[0] + b[0])) byInitials.set(a[0] + b[0], []);
      byInitials.get(a[0] + b[0]).push([a, b, n]);
    });
    return input.cases.map((c) => S.initialism(c, byInitials));
  }
  if (input.op === "classes") {
    const re = /[\p{L}\p{N}]/u;
    const out = [];
    for (let cp = input.from; cp < input.to; cp++) if (re.test(String.fromCodePoint(cp))) out.push(cp);
    return out;
  }
  if (input.op === "postings") {
    const read = (rel) => { const d = fs.readFileSync(path.join(input.dir, rel)); return d.buffer.slice(d.byteOffset, d.byteOffset + d.length); };
    const manifest = JSON.parse(new TextDecoder().decode(await S.inflate(read("index.bin"))));
    const out = {};
    for (let i = 0; i < manifest.shards.length; i++) {
      const shard = new S.Shard(await S.inflate(read(`s/${i}.bin`)));
      for (const key of shard.keys.keys()) {
        out[key] = shard.postings(key).map((p) => [p.variant, Array.from(p.ids), Array.from(p.vals)]);
        if (input.sizes) out[key].push(shard.size(key));
      }
    }
    return out;
  }
  if (input.op === "whole") {  // where each text's hyphened numbers are kept on one line
    return input.texts.map((text) => S.wholeSpans(text));
  }
  if (input.op === "provinces") {  // [[a record's provinces, the names put first]...]: what its card shows
    return input.cases.map((c) => S.provincesShown(c[0], c[1]));
  }
  if (input.op === "typing") {  // each query typed a key at a time on one cold page, as the page does:
    // every prefix searched without the pairs of free text, then (the reader pauses) the whole
    // query and its first ten records; with "records", every prefix's records too (the worst case).
    const out = [];
    for (const query of input.queries) {
      const { seen, engine } = counting(input.dir);
      for (let n = 1; n <= query.q.length; n++) {
        const typed = query.q.slice(0, n), last = n === query.q.length;
        const open = !/[\s"\u201c\u201d\u201e\u00ab\u00bb]$/.test(typed);
        const result = await engine.search(typed, {}, open, !last);
        if (query.records || last) await Promise.all(result.ids.slice(0, 10).map((id) => engine.record(id)));
      }
      out.push({ q: query.q, bytes: seen.bytes, kinds: seen.kinds });
    }
    return out;
  }
  if (input.op === "flaky") {
    // the first load of each file starting with input.fail rejects (a network drop), the next ones
    // succeed: the same engine searches input.q twice
    const { engine } = counting(input.dir);
    const load = engine.load, failed = new Set();
    engine.load = (rel) => {
      if (rel.startsWith(input.fail) && !failed.has(rel)) {
        failed.add(rel);
        return Promise.reject(new Error("network: " + rel));
      }
      return load(rel);
    };
    const attempt = async () => {
      try {
        const result = await engine.search(input.q, {}, false, false, false);
        const top = await Promise.all(result.ids.slice(0, 10).map((id) => engine.record(id)));
        return { total: result.ids.length, titles: top.map((r) => r.t) };
      } catch (err) {
        return { error: String(err.message || err) };
      }
    };
    const first = await attempt();
    return [first, await attempt(), Array.from(failed)];
  }
  const results = [];
  for (const query of input.queries) {
    const { seen, engine } = counting(input.dir);
    const started = process.hrtime.bigint();
    const result = await engine.search(query.q, query.filters || {}, !!query.open, !!query.light, !!query.asTyped);
    const searched = { ...seen.kinds };  // what the search itself loaded, before the records shown
    const show = query.show || 10;
    const ids = result.ids.slice(0, show);
    const approx = ids.length < show ? result.approx.slice(0, show - ids.length) : [];
    const top = await Promise.all(ids.concat(approx).map((id) => engine.record(id)));
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const shown = ids.concat(approx);
    const paired = shown.map((id) => (result.paired ? result.paired(id) : []));
    const snippets = [];
    for (const [i, rec] of top.slice(0, 3).entries()) {
      const text = await engine.text(rec.u);
      snippets.push(S.snippet(rec, text, result.q, engine.byFirst, paired[i]).parts);
    }
    const titles = top.map((r, i) => S.pieces(r.t, result.q, engine.byFirst, 0, paired[i]).parts);
    results.push({ q: query.q, empty: !!result.empty, corrected: result.corrected ? result.corrected.to : null,
                   deferred: !!result.deferred, begun: !!result.begun, cut: !!result.cut,
                   suggested: result.suggested || null, total: result.ids.length, approxTotal: result.approx.length,
                   apart: result.apart || [], within: result.within || [],
                   names: result.q && result.q.names ? result.q.names.map((n) => n.key) : [],
                   ids: result.ids.slice(0, 50), approx: result.approx.slice(0, 50),
                   titles: top.map((r) => r.t), urls: top.map((r) => r.u), marked: titles, snippets,
                   provinces: top.map((r, i) => engine.provinces(r, shown[i], result, labels(input.dir))),
                   bytes: seen.bytes, files: seen.files, kinds: seen.kinds, searched, pageBytes: seen.pageBytes, ms });
  }
  return results;
}

main().then((out) => process.stdout.write(JSON.stringify(out)), (err) => { console.error(err); process.exit(1); });
