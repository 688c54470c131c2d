  var MAX_COUNT = 15;  // a posting's count is cut at 15 (entries.MAX_TF)

  /* The articles holding every one of these pairs, as a list whose values say one occurrence. */
  function allPairs(found, keys) {
    var ids = null;
    keys.forEach(function (k) {
      var set = new Set();
      (found.get(k) || []).forEach(function (p) { p.ids.forEach(function (d) { if (!ids || ids.has(d)) set.add(d); }); });
      ids = set;
    });
    var sorted = Int32Array.from(ids || []).sort();
    return { variant: "", ids: sorted, vals: new Uint8Array(sorted.length).fill(8) };
  }

  /* Whether the index holds a word of the query under one of its keys. */
  function held(found, w) {
    return keysOf(w).some(function (k) { return found.has(k); });
  }

  /* The postings of a pair of the query under each of its spellings. */
  function pairPostings(found, pair) {
    var out = [];
    [pair.key].concat(pair.alts || []).forEach(function (k) { (found.get(k) || []).forEach(function (p) { out.push(p); }); });
    (pair.written || []).forEach(function (keys) {  // a day in words: both its pairs
      var both = allPairs(found, keys);
      if (both.ids.length) out.push(Object.assign(both, { keys: keys }));
    });
    return out;
  }

  /* Whether a name's postings hold document d by its front matter. */
  function termOf(p, d) {
    var lo = 0, hi = p.ids.length - 1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (p.ids[mid] === d) return !!(p.vals[mid] & 4);
      if (p.ids[mid] < d) lo = mid + 1; else hi = mid - 1;
    }
    return false;
  }

  /* The provinces a result shows (its record's list, as entries.shown_provinces cut it: all of
     them up to 4, else the first 3, the third followed by "và N tỉnh, thành phố khác"), with the
     names of first (the filter's province, the query's) ahead when the article names them: a
     province's name hidden among the N others comes out, the third shown goes in. */
  var OTHERS = /^(.*) và ([0-9]+) tỉnh, thành phố khác$/;
  function provincesShown(list, first) {
    var names = (list || []).slice(), hidden = 0, m = names.length && OTHERS.exec(names[names.length - 1]);
    if (m) { names[names.length - 1] = m[1]; hidden = +m[2]; }
    var ahead = first.filter(function (name) { return names.indexOf(name) >= 0 || hidden > 0; });
    if (!ahead.length) return list || [];
    var total = names.length + hidden;
    names = ahead.concat(names.filter(function (name) { return ahead.indexOf(name) < 0; }));
    if (total <= 4) return names;
    return names.slice(0, 2).concat([names[2] + " và " + (total - 3) + " tỉnh, thành phố khác"]);
  }

  function contains(sorted, value) {
    var lo = 0, hi = sorted.length - 1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (sorted[mid] === value) return true;
      if (sorted[mid] < value) lo = mid + 1; else hi = mid - 1;
    }
    return false;
  }

  /* The record of a document, from its group file r/<id / group>.bin (one JSON array). */
  Engine.prototype.record = function (id) {
    var size = this.manifest.group, g = Math.floor(id / size);
    if (!this.records.has(g)) {
      this.records.set(g, this.load("r/" + g + ".bin?v=" + this.manifest.version).then(inflate).then(function (buf) {
        return JSON.parse(decoder.decode(new Uint8Array(buf)));
      }, forget(this.records, g)));
    }
    return this.records.get(g).then(function (list) { return list[id - g * size]; });
  };

  /* The text of an article's page (its lead and body), for a snippet anywhere in it. */
  Engine.prototype.text = function (url) {
    var self = this;
    if (!this.page) return Promise.resolve(null);
    if (!this.texts.has(url)) {
      this.texts.set(url, this.page(url).then(pageText).catch(function () {
        self.texts.delete(url);
        return null;
      }));
    }
    return this.texts.get(url);
  };

  var ENTITIES = { amp: "&", lt: "<", gt: ">", quot: "\"", apos: "'", nbsp: "\u00a0" };

  /* The article's sapo and body as text: through the DOM in a browser, else (node) by the
     same rules as generator/search/text.py html_to_text. */
  function pageText(html) {
    if (typeof DOMParser !== "undefined") {
      var doc = new DOMParser().parseFromString(html, "text/html");
      var article = doc.querySelector("article") || doc.body;
      var body = article.querySelector(".body");
      var sapo = article.querySelector(".sapo");
      var parts = body ? [sapo, body] : [article];
      return parts.filter(Boolean).map(function (e) { return e.textContent; }).join("\n");
    }
    var start = html.search(/<article[\s>]/), end = start >= 0 ? html.indexOf("</article>", start) : -1;
    if (start >= 0 && end > start) html = html.slice(start, end);
    var from = html.search(/<p class="sapo"|<div class="body"/);
    if (from >= 0) html = html.slice(from);
    // as above: the sapo and the body, not the lead photo's caption nor the footer's terms
    var footer = html.search(/<footer class="article-footer"/);
    if (from >= 0 && footer >= 0) html = html.slice(0, footer);
    html = html.replace(/<figure class="lead-image"[\s\S]*?<\/figure>/, " ");
    return html.replace(/<[^>]*>/g, " ").replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, function (all, e) {
      if (e[0] === "#") return String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
      return ENTITIES[e.toLowerCase()] !== undefined ? ENTITIES[e.toLowerCase()] : all;
    });
  }

