// Runs lamtheobac-cms.js's pure functions under node for tests/test_cms.py.
// stdin: {"terms": {...}, "cases": [{"op": "toFile" | "fromFile" | "inOffset" | "fold" | "addTag", ...}]}
// stdout: a JSON list with one {"ok": value} or {"error": message} per case.
"use strict";
const path = require("path");
globalThis.jsyaml = require("js-yaml");  // from tests/node/node_modules (NODE_PATH): the pinned version
const cms = require(path.join(__dirname, "..", "..", "generator", "cms", "static", "lamtheobac-cms.js"));

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const { terms, cases } = JSON.parse(input);
  const run = {
    toFile: (c) => cms.toFile(c.data, c.order || [], terms),
    fromFile: (c) => cms.fromFile(c.text, terms),
    // An article opened, edited as the form would ({set, unset, item: [key, index, value], body}), saved.
    save: (c) => {
      const data = cms.fromFile(c.text, terms);
      const edit = c.edit || {};
      Object.assign(data, edit.set || {});
      (edit.unset || []).forEach((key) => { delete data[key]; });
      if (edit.item && Array.isArray(data[edit.item[0]]) && data[edit.item[0]].length) {
        const items = data[edit.item[0]];
        items[edit.item[1] % items.length] = edit.item[2];
      }
      if (typeof edit.body === "string") {
        data.body = edit.body;
      }
      return cms.toFile(data, c.order || [], terms);
    },
    inOffset: (c) => cms.inOffset(c.text, c.offset),
    iframeSrc: (c) => cms.iframeSrc(c.text, terms.iframe_hosts),
    // No DOM under node: a tag's double-quoted attributes (the browser's parser reads them in the CMS).
    markEmbeds: (c) => cms.markEmbeds(c.text, terms.iframe_hosts, (tag) => Object.fromEntries(
      [...tag.matchAll(/([a-z-]+)(?:="([^"]*)")?/g)].slice(1).map((m) => [m[1], m[2] === undefined ? "" : m[2]]))),
    fromDayFirst: (c) => cms.fromDayFirst(c.text, c.time),
    dayFirst: (c) => cms.dayFirst(c.text, c.time),
    fold: (c) => cms.fold(c.text),
    pastedMarkdown: (c) => cms.pastedMarkdown(c.text),
    notice: (c) => cms.notice(c.text),
    // What the editor is told of an article fromFile cannot read (null: it reads).
    unreadable: (c) => { try { cms.fromFile(c.text, terms); return null; } catch (e) { return cms.unreadableText(e, c.name); } },
    // An article fromFile cannot read, read key by key: {data, notice} (null: nothing to leave out).
    salvage: (c) => { const s = cms.salvaged(c.text, (t) => cms.fromFile(t, terms));
                      return s && { data: s.data, notice: cms.salvagedText(s.dropped, c.name) }; },
    toneStyled: (c) => cms.toneStyled(c.value),
    spelledOption: (c) => cms.spelledOption(terms.aliases, c.kind, c.text),
    addressOf: (c) => cms.addressOf(c.text, c.stem),
    addTag: (c) => cms.addTag(c.items, c.text, c.suggestions),
    presetMode: (c) => {
      const stored = Object.assign({}, c.stored);
      const storage = { getItem: (k) => (k in stored ? stored[k] : null), setItem: (k, v) => { stored[k] = v; } };
      return cms.presetMode(storage);
    },
  };
  const out = cases.map((c) => {
    try {
      return { ok: run[c.op](c) };
    } catch (e) {
      return { error: String(e && e.message || e) };
    }
  });
  process.stdout.write(JSON.stringify(out));
});
