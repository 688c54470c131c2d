  // ---- What matched: marks for titles and snippets ----

  /* Where a text holds a number joined by hyphens that a line must not split ("05-CT/TW",
     "2016-2026"; at most 12 characters): [[start, end]], the twin of vietnamese.hyphened_pieces
     behind the theme's `whole` filter. */
  var HYPHENED = /(?<![\p{L}\p{N}_\/-])\p{Nd}+(?:-[\p{L}\p{N}_]+)+(?:\/[\p{L}\p{N}_]+)*(?![\p{L}\p{N}_\/-])/gu;
  function wholeSpans(text) {
    if (text.indexOf("-") < 0) return [];
    var out = [], m;
    HYPHENED.lastIndex = 0;
    while ((m = HYPHENED.exec(text))) if (m[0].length <= 12) out.push([m.index, m.index + m[0].length]);
    return out;
  }

  /* Tokens of a text with where they are: [{s, e, f (folded), t (tone key), l (starts with a small letter)}]. */
  var SMALL = /^\p{Ll}/u;
  function tokensOf(text) {
    var out = [], m, re = new RegExp(TOKEN.source, "gu");
    while ((m = re.exec(text))) {
      out.push({ s: m.index, e: m.index + m[0].length, f: fold(m[0]), t: toneKey(m[0]), l: SMALL.test(m[0]) });
    }
    return out;
  }

  /* Which tokens of a text matched the query: the names of the query in any spelling, runs of
     consecutive query words (two or more; a quoted phrase only whole), and the words left
     (exact spellings preferred): [{from, to, units: [query words or name keys]}] by token. */
  function matches(tokens, q, byFirst, paired) {
    var spans = [], covered = new Set();
    (paired || []).forEach(function (key) { key.split(" ").forEach(function (w) { covered.add(iySame(w)); }); });
    var folded = tokens.map(function (t) { return t.f; }), same = folded.map(iySame);
    var nameKeys = new Set(q.names.map(function (n) { return n.key; }));
    var taken = new Uint8Array(tokens.length), named = new Uint8Array(tokens.length);
    // an article's text: a province's name as the index reads it there (capitals and marks)
    findNames(folded, byFirst, tokens.map(function (t) { return t.t; }), tokens.map(function (t) { return t.l; })).forEach(function (s) {
      if (!nameKeys.has(s.key)) return;
      spans.push({ from: s.start, to: s.end, units: [s.key] });
      for (var k = s.start; k < s.end; k++) taken[k] = named[k] = 1;
    });
    // the words of a month typed ("tháng", "5", "2024" of "tháng 5/2024") are marked where the
    // month is written, not alone ("tháng 4/2017", "năm 2024" are no hits)
    var loose = new Set(), years = new Set(), numbers = new Set();
    (q.words || []).forEach(function (w) { if (w.date) loose.add(w.key); if (w.month) years.add(w.key); });
    (q.dates || []).forEach(function (d) { numbers.add(String(d.month)); numbers.add("0" + d.month); });
    var bare = function (from, to) {
      var year = false, month = false;
      for (var c = from; c < to; c++) {
        if (years.has(folded[c])) year = true;
        else if (numbers.has(folded[c])) month = true;
        else if (!loose.has(folded[c])) return false;
      }
      return !(year && month);
    };
    q.runs.forEach(function (run) {
      var seq = run.folded;
      if (seq.length < 2) return;
      for (var i = 0; i < tokens.length; i++) {
        if (taken[i]) continue;
        var best = 0;
        for (var j = 0; j + 1 < seq.length; j++) {
          var k = 0;
          while (i + k < tokens.length && j + k < seq.length && !taken[i + k] && same[i + k] === iySame(seq[j + k])) k++;
          if (k > best) best = k;
        }
        if ((run.phrase ? best === seq.length : best >= 2) && !bare(i, i + best)) {
          spans.push({ from: i, to: i + best, units: run.reading ? [run.reading] : same.slice(i, i + best) });
          for (var c = i; c < i + best; c++) { taken[c] = 1; covered.add(same[c]); }
          i += best - 1;
        }
      }
    });
    // a word the query holds beside a name ("Phủ" of "Điện Biên Phủ"), where the article holds that
    // pair: marked with the name (it was left unmarked, its word covered by the pair)
    (paired || []).forEach(function (key) {
      var two = key.split(" ").map(iySame);
      if (two.length !== 2) return;
      for (var i = 0; i + 1 < tokens.length; i++) {
        if (same[i] !== two[0] || same[i + 1] !== two[1] || named[i] === named[i + 1] || (taken[i] && taken[i + 1])) continue;
        var at = named[i] ? i + 1 : i;
        spans.push({ from: at, to: at + 1, units: [same[at]] });
        taken[at] = 1;
      }
    });
    // an initialism the query's words stand for ("UBND" of "Ủy ban nhân dân")
    (q.also || []).forEach(function (a) {
      tokens.forEach(function (t, i) {
        if (taken[i] || t.f !== a.key) return;
        spans.push({ from: i, to: i + 1, units: a.units.map(iySame) });
        taken[i] = 1;
        a.units.forEach(function (u) { covered.add(iySame(u)); });
      });
    });
    var quoted = new Set();
    q.runs.forEach(function (run) {
      if (run.phrase && !run.reading && run.folded.length > 1) run.folded.forEach(function (f) { quoted.add(f); });
    });
    q.words.forEach(function (w) {
      if (covered.has(iySame(w.key)) || quoted.has(w.key) || (w.key.length < 2 && q.words.length > 1) || w.date || w.month ||
          w.loose || w.filler) return;  // (not "Đồng" of Lâm Đồng for the "đồng" of "1,5 tỷ đồng")
      var keys = w.completions && w.completions.length ? w.completions.concat(keysOf(w)) : keysOf(w);
      var spelled = function (t) { return t.t === w.tone || (!!w.altTone && t.t === w.altTone); };
      var exactThere = w.bare || (w.exact && tokens.some(function (t, i) { return !taken[i] && spelled(t); }));
      tokens.forEach(function (t, i) {
        if (taken[i] || keys.indexOf(t.f) < 0 || (exactThere && !spelled(t))) return;
        spans.push({ from: i, to: i + 1, units: [iySame(w.key)] });
        taken[i] = 1;
      });
    });
    return spans.sort(function (a, b) { return a.from - b.from; });
  }

  /* [text, marked] pieces of a text, around the passage (width tokens) that holds the most
     distinct matches of the query, or all of it when width is 0. */
  function pieces(text, q, byFirst, width, paired) {
    text = prepare(text || "");
    var tokens = tokensOf(text), spans = matches(tokens, q, byFirst, paired);
    var from = 0, to = tokens.length, best = -1;
    var unitsOf = function (a, b) {
      var units = new Set(), marked = 0, longest = 0;
      spans.forEach(function (t) {
        if (t.from >= a && t.to <= b) {
          t.units.forEach(function (u) { units.add(u); });
          marked += t.to - t.from;
          longest = Math.max(longest, t.to - t.from);
        }
      });
      return { units: units, marked: marked, longest: longest };
    };
    if (width && tokens.length > width) {
      var start = 0;
      spans.forEach(function (s) {
        var begin = Math.max(0, Math.min(s.from - 4, tokens.length - width)), seen = unitsOf(begin, begin + width);
        var value = seen.units.size * 1000 + seen.longest * 30 + seen.marked;
        if (value > best) { best = value; start = begin; }
      });
      from = start;
      to = Math.min(tokens.length, start + width);
    }
    var out = [], at = from > 0 ? tokens[from].s : 0;
    var end = to < tokens.length ? tokens[to - 1].e : text.length;
    if (from > 0) out.push(["… ", false]);
    spans.forEach(function (s) {
      if (s.from < from || s.to > to) return;
      var a = tokens[s.from].s, b = tokens[s.to - 1].e;
      // a bracket the mark opens is closed in it: "Nghị quyết Trung ương 4 (khóa XII)", not "…XII])"
      var inside = text.slice(a, b), opened = (inside.match(/\(/g) || []).length - (inside.match(/\)/g) || []).length;
      if (opened > 0 && text[b] === ")" && (s.to === tokens.length || tokens[s.to].s > b)) b += 1;
      if (a > at) out.push([text.slice(at, a), false]);
      out.push([text.slice(a, b), true]);
      at = b;
    });
    if (end > at) out.push([text.slice(at, end), false]);
    if (to < tokens.length) out.push([" …", false]);
    return { parts: out, units: unitsOf(from, to).units.size, all: unitsOf(0, tokens.length).units.size };
  }

  var SNIPPET = 32;

  /* A result's snippet: from its summary, or from the passage of its page's text that shows more
     of the query (text: null while not loaded). paired: the query's pairs the article holds (its
     words are marked only where they stand together). */
  function snippet(record, text, q, byFirst, paired) {
    var summary = pieces(record.s || "", q, byFirst, SNIPPET, paired);
    if (!text) return summary;
    var body = pieces(text, q, byFirst, SNIPPET, paired);
    return body.units > summary.units ? body : summary;
  }

  /* How many units a query has: its words (but one-letter ones) and names. */
  function unitCount(q) {
    return new Set(q.words.filter(function (w) { return w.key.length > 1; }).map(function (w) { return w.key; })).size +
      q.names.length;
  }

