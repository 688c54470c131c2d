/* Search page of the portal: queries the static index built by generator/search.
 *
 * Folding rules are the twins of generator/search/text.py (prepare, tokenize,
 * fold, toneKey); tests/test_search.py runs both on the same cases, so keep
 * them identical. Loaded with `defer` on the search page only; no inline code
 * (the site's CSP is script-src 'self').
 */
(function (root) {
  "use strict";

  // ---- Text rules (mirror of generator/search/text.py) ----
  var TONES = { "\u0300": "1", "\u0309": "2", "\u0303": "3", "\u0301": "4", "\u0323": "5" };
  var SHAPES = { "\u0306": true, "\u0302": true, "\u031b": true };
  var TOKEN = /[\p{L}\p{N}]+/gu;
  var NONSPACING = /\p{Mn}/gu;
  var QUOTES = /["\u201c\u201d\u201e\u00ab\u00bb]/;
  var ASCII = /^[\x00-\x7f]*$/;

  function prepare(text) {
    if (ASCII.test(text)) return text;
    return text.normalize("NFC").replace(/\u00d0/g, "\u0110").replace(/\u00f0/g, "\u0111");
  }

  function tokenize(text) {
    return prepare(text).match(TOKEN) || [];
  }

  function fold(token) {
    if (ASCII.test(token)) return token.toLowerCase();
    return prepare(token).toLowerCase().normalize("NFD").replace(NONSPACING, "").replace(/\u0111/g, "d");
  }

  function toneKey(token) {
    if (ASCII.test(token)) return token.toLowerCase();
    var out = "", tone = "";
    for (var ch of prepare(token).toLowerCase()) {
      var parts = Array.from(ch.normalize("NFD"));
      var shape = "";
      for (var i = 1; i < parts.length; i++) {
        if (TONES[parts[i]]) tone = TONES[parts[i]];
        else if (SHAPES[parts[i]]) shape += parts[i];
      }
      out += (parts[0] + shape).normalize("NFC");
    }
    return out + tone;
  }

  function hasDiacritics(token) {
    return toneKey(token) !== fold(token);
  }

  // ---- Query parsing ----

  /* Runs of the query: quoted phrases (required) and free text, each a list of tokens. */
  function parseQuery(query) {
    var runs = [];
    var parts = prepare(query).split(QUOTES);
    for (var i = 0; i < parts.length; i++) {
      var tokens = tokenize(parts[i]);
      if (tokens.length) runs.push({ phrase: i % 2 === 1, tokens: tokens });
    }
    return runs;
  }

  /* Name spans (provinces, directives) in folded tokens, longest first: same walk as Names.find. */
  function findNames(folded, byFirst) {
    var found = [], i = 0;
    while (i < folded.length) {
      var candidates = byFirst.get(folded[i]);
      var step = 1;
      if (candidates) {
        for (var c = 0; c < candidates.length; c++) {
          var seq = candidates[c].seq, ok = i + seq.length <= folded.length;
          for (var k = 0; ok && k < seq.length; k++) ok = folded[i + k] === seq[k];
          if (ok) { found.push({ start: i, end: i + seq.length, key: candidates[c].key }); step = seq.length; break; }
        }
      }
      i += step;
    }
    return found;
  }

  /* The terms of a query: unigrams (folded key + exact spelling), names, bigrams. */
  function plan(query, byFirst, open, spellings) {
    var runs = parseQuery(query);
    var terms = [], bigrams = [], highlight = new Set();
    runs.forEach(function (run, r) {
      var folded = run.tokens.map(fold);
      folded.forEach(function (f) { highlight.add(f); });
      var spans = findNames(folded, byFirst), inside = new Array(folded.length).fill(-1);
      spans.forEach(function (s, n) {
        for (var k = s.start; k < s.end; k++) inside[k] = n;
        terms.push({ key: s.key, required: run.phrase, exact: false });
        // Every listed spelling of the name is highlighted ("Đắc Nông" for "dak nong").
        ((spellings && spellings.get(s.key)) || []).forEach(function (seq) {
          seq.forEach(function (t) { highlight.add(t); });
        });
      });
      for (var i = 0; i < folded.length; i++) {
        if (inside[i] < 0) {
          var last = open && !run.phrase && r === runs.length - 1 && i === folded.length - 1;
          terms.push({ key: folded[i], tone: toneKey(run.tokens[i]), exact: hasDiacritics(run.tokens[i]),
                       required: run.phrase, prefix: last });
        }
        if (i > 0 && !(inside[i] >= 0 && inside[i] === inside[i - 1])) {
          bigrams.push({ key: folded[i - 1] + " " + folded[i], required: run.phrase });
        }
      }
    });
    return { terms: terms, bigrams: bigrams, highlight: highlight };
  }

  // ---- The index ----

  var decoder = typeof TextDecoder !== "undefined" ? new TextDecoder() : null;

  /* Data files are gzip (format in generator/search/index.py); a server may already have
     decoded them (Content-Encoding), so only bytes starting with the gzip magic are inflated. */
  function inflate(buffer) {
    var bytes = new Uint8Array(buffer);
    if (bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) return Promise.resolve(buffer);
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Response(stream).arrayBuffer();
  }

  /* Varints and sets, as written by generator/search/index.py (varint, encode_set). */
  function Reader(bytes, at) {
    this.b = bytes;
    this.at = at || 0;
  }

  Reader.prototype.varint = function () {
    var b = this.b, n = 0, scale = 1, byte;
    do {
      byte = b[this.at++];
      n += (byte & 0x7f) * scale;
      scale *= 128;
    } while (byte & 0x80);
    return n;
  };

  /* A set of ints: m gap varints, or [varint size] and a bitmap (bit i = bit i % 8 of byte i / 8). */
  Reader.prototype.set = function () {
    var header = this.varint(), m = Math.floor(header / 2), out = new Uint32Array(m);
    if (header % 2 === 0) {
      for (var i = 0, v = -1; i < m; i++) {
        v += this.varint() + 1;
        out[i] = v;
      }
    } else {
      var size = this.varint(), b = this.b, k = 0;
      for (var j = 0; j < size; j++) {
        var byte = b[this.at + j];
        while (byte) {
          var low = byte & -byte;
          out[k++] = j * 8 + 31 - Math.clz32(low);
          byte ^= low;
        }
      }
      this.at += size;
    }
    return out;
  };

  function Shard(buffer) {
    this.bytes = new Uint8Array(buffer);
    this.keys = new Map();
    var r = new Reader(this.bytes), n = this.bytes.length;
    while (r.at < n) {
      var klen = r.varint();
      var key = decoder.decode(this.bytes.subarray(r.at, r.at + klen));
      r.at += klen;
      var blen = r.varint();
      this.keys.set(key, r.at);
      r.at += blen;
    }
  }

  var FLAGS = [1, 2, 4];  // title, lead, front matter term: the low bits of a value

  /* Postings of one key: [{variant, ids, vals}], vals as (tf << 3) | flags. */
  Shard.prototype.postings = function (key) {
    var at = this.keys.get(key);
    if (at === undefined) return null;
    var bytes = this.bytes, r = new Reader(bytes, at), out = [];
    var withTf = key.indexOf(" ") < 0;  // bigrams keep no counts
    var nvar = r.varint();
    for (var v = 0; v < nvar; v++) {
      var vlen = r.varint();
      var variant = decoder.decode(bytes.subarray(r.at, r.at + vlen));
      r.at += vlen;
      var ids = r.set(), n = ids.length, vals = new Uint8Array(n);
      if (withTf) {
        for (var i = 0; i < n; i++) vals[i] = ((bytes[r.at + (i >> 1)] >> ((i & 1) << 2)) & 15) << 3;
        r.at += (n + 1) >> 1;
      }
      for (var f = 0; f < FLAGS.length; f++) {
        var positions = r.set();
        for (var k = 0; k < positions.length; k++) vals[positions[k]] |= FLAGS[f];
      }
      out.push({ variant: variant, ids: ids, vals: vals });
    }
    return out;
  };

  /* An index reached through load(relativePath) -> Promise<ArrayBuffer>. */
  function Engine(load) {
    this.load = load;
    this.shards = new Map();
    this.records = new Map();
    this.manifest = null;
  }

  Engine.prototype.ready = function () {
    var self = this;
    if (!this._ready) {
      this._ready = this.load("index.json").then(function (buf) {
        var m = JSON.parse(decoder.decode(new Uint8Array(buf)));
        var byFirst = new Map(), spellings = new Map();
        m.names.forEach(function (pair) {
          var seq = pair[0].split(" ");
          if (!spellings.has(pair[1])) spellings.set(pair[1], []);
          spellings.get(pair[1]).push(seq);
          if (!byFirst.has(seq[0])) byFirst.set(seq[0], []);
          byFirst.get(seq[0]).push({ seq: seq, key: pair[1] });
        });
        byFirst.forEach(function (list) {
          list.sort(function (a, b) { return b.seq.length - a.seq.length || (a.seq.join(" ") < b.seq.join(" ") ? -1 : 1); });
        });
        self.byFirst = byFirst;
        self.spellings = spellings;
        self.manifest = m;
        return m;
      });
    }
    return this._ready;
  };

  Engine.prototype.shardOf = function (key) {
    var list = this.manifest.shards, lo = 0, hi = list.length - 1, found = -1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (list[mid] <= key) { found = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return found;
  };

  Engine.prototype.shard = function (n) {
    var self = this;
    if (!this.shards.has(n)) {
      this.shards.set(n, this.load("s/" + n + ".bin?v=" + this.manifest.version).then(inflate).then(function (buf) {
        return new Shard(buf);
      }));
    }
    return this.shards.get(n);
  };

  Engine.prototype.lookup = function (keys) {
    var self = this, wanted = new Map();
    keys.forEach(function (key) {
      var n = self.shardOf(key);
      if (n >= 0) wanted.set(key, n);
    });
    var numbers = Array.from(new Set(wanted.values()));
    return Promise.all(numbers.map(function (n) { return self.shard(n); })).then(function (shards) {
      var byNumber = new Map();
      numbers.forEach(function (n, i) { byNumber.set(n, shards[i]); });
      var out = new Map();
      wanted.forEach(function (n, key) {
        var p = byNumber.get(n).postings(key);
        if (p) out.set(key, p);
      });
      return { postings: out, shards: byNumber };
    });
  };

  /* Keys of the shard(s) holding `prefix` that start with it: the word still being typed. */
  Engine.prototype.expand = function (prefix, limit) {
    var self = this, n = this.shardOf(prefix), numbers = [Math.max(n, 0)];
    if (n + 1 < this.manifest.shards.length && this.manifest.shards[n + 1].indexOf(prefix) === 0) numbers.push(n + 1);
    return Promise.all(numbers.map(function (k) { return self.shard(k); })).then(function (shards) {
      var keys = [];
      shards.forEach(function (s) {
        s.keys.forEach(function (_, key) {
          if (keys.length < limit && key.indexOf(prefix) === 0 && key.indexOf(" ") < 0 && key[0] !== "~") keys.push(key);
        });
      });
      return keys;
    });
  };

  var W_TITLE = 2, W_LEAD = 1, W_TERM = 3, FOLDED_ONLY = 0.25;

  /* Ranked document ids for a query and filters {province, directive, year}. */
  Engine.prototype.search = function (query, filters, open) {
    var self = this;
    filters = filters || {};
    return this.ready().then(function (m) {
      var q = plan(query, self.byFirst, open, self.spellings);
      var keys = q.terms.map(function (t) { return t.key; }).concat(q.bigrams.map(function (b) { return b.key; }));
      if (filters.province) keys.push("~p:" + filters.province);
      if (filters.directive) keys.push("~d:" + filters.directive);
      return self.lookup(keys).then(function (found) {
        // The word being typed, when not a word yet: its completions (not for one letter: too many, too vague).
        var pending = q.terms.filter(function (t) { return t.prefix && !found.postings.has(t.key) && t.key.length > 1; });
        if (!pending.length) return found;
        return Promise.all(pending.map(function (t) { return self.expand(t.key, 40); })).then(function (lists) {
          pending.forEach(function (t, i) { t.expanded = lists[i]; });
          var more = [].concat.apply([], lists);
          return self.lookup(more).then(function (extra) {
            extra.postings.forEach(function (p, k) { found.postings.set(k, p); });
            return found;
          });
        });
      }).then(function (found) { return self.rank(q, found.postings, filters); });
    });
  };

  Engine.prototype.rank = function (q, postings, filters) {
    var N = this.manifest.count;
    var score = new Float64Array(N), matched = new Uint8Array(N), exact = new Uint8Array(N);
    var adj = new Uint8Array(N), req = new Uint8Array(N), stamp = new Int32Array(N).fill(-1);
    var estamp = new Int32Array(N).fill(-1);
    var required = 0, terms = 0;
    var any = false;

    function lists(term) {
      if (term.expanded) {
        var all = [];
        term.expanded.forEach(function (k) { (postings.get(k) || []).forEach(function (p) { all.push(p); }); });
        return all;
      }
      return postings.get(term.key) || [];
    }

    q.terms.forEach(function (term, ti) {
      terms++;
      if (term.required) required++;
      var ls = lists(term), df = 0;
      ls.forEach(function (p) { df += p.ids.length; });
      if (!df) return;
      any = true;
      var idf = Math.log(1 + N / df);
      ls.forEach(function (p) {
        var isExact = term.exact && p.variant === term.tone;
        // Typed with diacritics: other spellings still match, but weigh less.
        var weight = term.exact && !isExact ? FOLDED_ONLY : 1;
        for (var i = 0; i < p.ids.length; i++) {
          var d = p.ids[i], val = p.vals[i], tf = val >> 3;
          score[d] += weight * idf * (tf / (tf + 1.2) + (val & 1 ? W_TITLE : 0) + (val & 2 ? W_LEAD : 0) + (val & 4 ? W_TERM : 0));
          if (stamp[d] !== ti) {
            stamp[d] = ti;
            matched[d]++;
            if (term.required) req[d]++;
          }
          if (isExact && estamp[d] !== ti) { estamp[d] = ti; exact[d]++; }
        }
      });
    });
    q.bigrams.forEach(function (bigram, bi) {
      if (bigram.required) required++;
      var ls = postings.get(bigram.key) || [];
      ls.forEach(function (p) {
        var idf = Math.log(1 + N / p.ids.length);
        for (var i = 0; i < p.ids.length; i++) {
          var d = p.ids[i];
          adj[d]++;
          score[d] += 0.5 * idf * (p.vals[i] & 1 ? 2 : 1);
          if (bigram.required) req[d]++;
        }
      });
    });

    var allow = null;
    function restrict(key) {
      var set = new Uint8Array(N);
      (postings.get(key) || []).forEach(function (p) {
        for (var i = 0; i < p.ids.length; i++) if (p.vals[i] & 4) set[p.ids[i]] = 1;
      });
      if (allow) for (var d = 0; d < N; d++) allow[d] &= set[d];
      else allow = set;
    }
    if (filters.province) restrict("~p:" + filters.province);
    if (filters.directive) restrict("~d:" + filters.directive);
    var lo = 0, hi = N;
    if (filters.year) {
      var span = this.manifest.years[filters.year];
      if (span) { lo = span[0]; hi = span[1]; } else { hi = 0; }
    }

    var ids = [];
    var browsing = terms === 0;  // filters only: every matching article, newest first
    for (var d = hi - 1; d >= lo; d--) {  // ids are oldest first: a higher id is newer
      if (allow && !allow[d]) continue;
      if (!browsing && (!matched[d] || req[d] < required)) continue;
      ids.push(d);
    }
    if (!browsing) {
      ids.sort(function (a, b) {
        return (matched[b] - matched[a]) || (exact[b] - exact[a]) || (adj[b] - adj[a]) ||
          (score[b] - score[a]) || (b - a);
      });
    }
    return { ids: ids, highlight: q.highlight, empty: terms === 0 && !filters.province && !filters.directive && !filters.year };
  };

  /* The record of a document, from its group file r/<id / group>.bin (one JSON array). */
  Engine.prototype.record = function (id) {
    var size = this.manifest.group, g = Math.floor(id / size);
    if (!this.records.has(g)) {
      this.records.set(g, this.load("r/" + g + ".bin?v=" + this.manifest.version).then(inflate).then(function (buf) {
        return JSON.parse(decoder.decode(new Uint8Array(buf)));
      }));
    }
    return this.records.get(g).then(function (list) { return list[id - g * size]; });
  };

  // ---- Snippets ----

  /* [text, marked] pieces of `text` around the best cluster of query words. */
  function pieces(text, highlight, width) {
    var tokens = [], m;
    var re = new RegExp(TOKEN.source, "gu");
    text = prepare(text);
    while ((m = re.exec(text))) tokens.push({ s: m.index, e: m.index + m[0].length, hit: highlight.has(fold(m[0])) });
    var from = 0, to = tokens.length;
    if (width && tokens.length > width) {
      var best = 0, bestHits = -1;
      for (var i = 0; i < tokens.length; i++) {
        if (!tokens[i].hit) continue;
        var start = Math.max(0, i - 6), hits = 0;
        for (var k = start; k < Math.min(tokens.length, start + width); k++) if (tokens[k].hit) hits++;
        if (hits > bestHits) { bestHits = hits; best = start; }
      }
      from = best;
      to = Math.min(tokens.length, best + width);
    }
    var out = [], at = from > 0 ? tokens[from].s : 0;
    var end = to < tokens.length ? tokens[to - 1].e : text.length;
    if (from > 0) out.push(["… ", false]);
    for (var j = from; j < to; j++) {
      if (!tokens[j].hit) continue;
      if (tokens[j].s > at) out.push([text.slice(at, tokens[j].s), false]);
      out.push([text.slice(tokens[j].s, tokens[j].e), true]);
      at = tokens[j].e;
    }
    if (end > at) out.push([text.slice(at, end), false]);
    if (to < tokens.length) out.push([" …", false]);
    return { parts: out, hits: tokens.filter(function (t) { return t.hit; }).length };
  }

  /* From the summary or the start of the text, whichever shows more query words; a record
     without "s" has a summary that is the start of its text. */
  function snippet(record, highlight) {
    var b = pieces(record.x || "", highlight, 40);
    if (record.s === undefined) return b.parts;
    var a = pieces(record.s, highlight, 40);
    return b.hits > a.hits ? b.parts : a.parts;
  }

  var api = { prepare: prepare, tokenize: tokenize, fold: fold, toneKey: toneKey, hasDiacritics: hasDiacritics,
              parseQuery: parseQuery, plan: plan, Engine: Engine, Shard: Shard, Reader: Reader, inflate: inflate, pieces: pieces, snippet: snippet };
  root.LTBSearch = api;

  // ---- The page ----

  if (typeof document === "undefined") return;

  var PAGE = 10;

  function fill(element, parts) {
    parts.forEach(function (p) {
      if (p[1]) {
        var mark = document.createElement("mark");
        mark.textContent = p[0];
        element.appendChild(mark);
      } else {
        element.appendChild(document.createTextNode(p[0]));
      }
    });
  }

  function start() {
    var form = document.getElementById("search-form");
    if (!form) return;
    var input = document.getElementById("q");
    var selects = { province: document.getElementById("tinh"), directive: document.getElementById("van-ban"),
                    year: document.getElementById("nam") };
    var params = { province: "tinh", directive: "van-ban", year: "nam" };
    var status = document.getElementById("search-status");
    var list = document.getElementById("search-results");
    var more = document.getElementById("search-more");
    var hint = document.getElementById("search-hint");
    var base = form.getAttribute("data-base");
    var dataUrl = new URL(form.getAttribute("data-index"), location.href);
    var engine = new Engine(function (path) {
      return fetch(new URL(path, dataUrl)).then(function (r) {
        if (!r.ok) throw new Error(r.status + " " + path);
        return r.arrayBuffer();
      });
    });
    var seq = 0, timer = 0, current = null, shown = 0;

    form.classList.add("search-ready");
    var url = new URL(location.href);
    input.value = url.searchParams.get("q") || "";
    Object.keys(selects).forEach(function (k) {
      var value = url.searchParams.get(params[k]);
      if (value && selects[k]) selects[k].value = value;
    });

    function filters() {
      var f = {};
      Object.keys(selects).forEach(function (k) { if (selects[k] && selects[k].value) f[k] = selects[k].value; });
      return f;
    }

    function remember() {
      var next = new URL(location.href);
      next.search = "";
      if (input.value.trim()) next.searchParams.set("q", input.value.trim());
      var f = filters();
      Object.keys(f).forEach(function (k) { next.searchParams.set(params[k], f[k]); });
      history.replaceState(null, "", next.toString());
    }

    function showMore() {
      var batch = current.ids.slice(shown, shown + PAGE);
      var token = seq;
      shown += batch.length;
      more.hidden = shown >= current.ids.length;
      return Promise.all(batch.map(function (id) { return engine.record(id); })).then(function (records) {
        if (token !== seq) return;
        records.forEach(function (rec) {
          var li = document.createElement("li");
          var article = document.createElement("article");
          article.className = "card search-result";
          var h = document.createElement("h2");
          h.className = "card-title";
          var a = document.createElement("a");
          a.href = base + rec.u;
          fill(a, pieces(rec.t, current.highlight, 0).parts);
          h.appendChild(a);
          var meta = document.createElement("p");
          meta.className = "meta";
          var time = document.createElement("time");
          time.setAttribute("datetime", rec.d);
          time.textContent = rec.w;
          meta.appendChild(time);
          if (rec.p && rec.p.length) meta.appendChild(document.createTextNode(" · " + rec.p.join(", ")));
          var p = document.createElement("p");
          p.className = "summary snippet";
          fill(p, snippet(rec, current.highlight));
          article.appendChild(h);
          article.appendChild(meta);
          article.appendChild(p);
          li.appendChild(article);
          list.appendChild(li);
        });
      });
    }

    function run() {
      var token = ++seq;
      var query = input.value;
      var f = filters();
      remember();
      if (!query.trim() && !Object.keys(f).length) {
        list.textContent = "";
        more.hidden = true;
        status.textContent = "";
        if (hint) hint.hidden = false;
        return Promise.resolve();
      }
      var open = !/[\s"\u201c\u201d\u201e\u00ab\u00bb]$/.test(query);
      return engine.search(query, f, open).then(function (result) {
        if (token !== seq) return;
        current = result;
        shown = 0;
        list.textContent = "";
        if (hint) hint.hidden = true;
        var n = result.ids.length;
        if (n) {
          status.textContent = "Tìm thấy " + n.toLocaleString("vi-VN") + " kết quả";
        } else if (Object.keys(f).length) {
          status.textContent = "Không tìm thấy kết quả nào. Hãy thử bỏ bớt bộ lọc (tỉnh, văn bản, năm) hoặc dùng từ khóa khác.";
        } else {
          status.textContent = "Không tìm thấy kết quả nào. Hãy thử từ khóa khác, ít từ hơn, hoặc bỏ dấu ngoặc kép.";
        }
        return showMore();
      }).catch(function (err) {
        if (token !== seq) return;
        status.textContent = "Không tải được dữ liệu tìm kiếm. Hãy tải lại trang hoặc thử lại sau.";
        if (root.console) root.console.error(err);
      });
    }

    function later() {
      clearTimeout(timer);
      timer = setTimeout(run, 60);
    }

    input.addEventListener("input", later);
    Object.keys(selects).forEach(function (k) { if (selects[k]) selects[k].addEventListener("change", run); });
    form.addEventListener("submit", function (event) { event.preventDefault(); clearTimeout(timer); run(); });
    more.addEventListener("click", function () { showMore(); });
    engine.ready().catch(function () {
      status.textContent = "Không tải được dữ liệu tìm kiếm. Hãy tải lại trang hoặc thử lại sau.";
    });
    run();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})(typeof globalThis !== "undefined" ? globalThis : this);
