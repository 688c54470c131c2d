  var W_TITLE = 2, W_LEAD = 1, W_TERM = 3, FOLDED_ONLY = 0.3, COMPLETIONS = 6;
  var YEAR = /^(19|20)[0-9]{2}$/;

  /* Ranked results for a query and filters {province ("a" or "a+b"), directive, year}:
     {ids, approx, empty, q, paired}. light: while the reader types, the pairs of free text are
     not fetched (they order the results, they don't choose them: the count is the same). */
  Engine.prototype.search = function (query, filters, open, light, asTyped) {
    var self = this;
    filters = filters || {};
    // Full-width letters and digits ("ｈｏｃ ｔａｐ", typed with an East Asian input method), ligatures
    // and other compatibility forms are the letters they stand for, as the articles write them.
    query = ASCII.test(query) ? query : query.normalize("NFKC");
    // Words typed with VNI keys are read at once (digits inside a word are no word of the site):
    // the answer is the read query's, shown so, with the query as typed a click away.
    // An address first: its escapes ("?q=l%C3%A0m+theo+B%C3%A1c", as an address bar copies it)
    // are no VNI keys ("C3", "A1c" read as VNI hid the query it holds: no result).
    return this.ready().then(function () {
      var address = asTyped ? null : addressWords(query);
      if (address !== null) return self.readAddress(query, address, filters, open, light);
      // an address with no words to read (a host, "https://", "facebook.com/share/p/1AbCdEf"):
      // nothing the reader asks for (its "com" found 3,667 articles through "cơm", as approximate)
      if (!asTyped && WEB_ADDRESS.test(query)) return self.find("", filters, open, light, false);
      var read = asTyped ? null : unvni(query, open, self.nameWords);
      if (read !== null) return self.readVni(query, read, filters, open, light);
      return self.find(query, filters, open, light, asTyped);
    });
  };

  /* Operators readers bring from web search engines, in the free text of a query with other
     words: "site:example.org" (this is one site) is left out, and "-word" (a dash after a space,
     before a letter: not "Bà Rịa - Vũng Tàu", "COVID-19", "2017 -2020") leaves out the articles
     holding that word (by its spelling when typed with marks, else folded), or before a name of
     the registries of two words or more ("-Lào Cai") the articles naming it, before a quoted
     phrase those holding it, before a number after a word ("Lai Châu -2023") those holding it
     (a year: and those of that year).
     {query without them, without: [{key, tone, exact, name}]}. */
  var MINUS_NUMBER = /(^|\s)-([0-9]+)(?=\s|$)/g;
  var OPERATOR = /(^|\s)(?:site:\S*|-(\p{L}[\p{L}\p{N}]*))(?=\s|$)/giu;
  function operators(query, byFirst) {
    var typed = prepare(query), text = typed, without = [];
    // a dash before a name of the registries of two words or more leaves out the articles naming
    // it, in any spelling ("-Lào Cai" left out "Lào" only, and "Cai" was then required)
    var tokens = tokensOf(text), spans = findNames(tokens.map(function (t) { return t.f; }), byFirst, tokens.map(function (t) { return t.t; }));
    spans.slice().reverse().forEach(function (s) {
      var from = tokens[s.start].s - 1, to = tokens[s.end - 1].e;
      if (s.end - s.start < 2 || text[from] !== "-" || (from > 0 && !/\s/.test(text[from - 1]))) return;
      if ((text.slice(0, from).match(new RegExp(QUOTES.source, "g")) || []).length % 2) return;  // quoted
      without.push({ key: s.key, name: true, last: !text.slice(to).trim() });
      text = text.slice(0, from) + text.slice(to);
    });
    if (without.length) {
      tokens = tokensOf(text);
      spans = findNames(tokens.map(function (t) { return t.f; }), byFirst, tokens.map(function (t) { return t.t; }));
    }
    var parts = text.split(QUOTES), offset = 0, dropped = new Set();
    // a dash before a quoted phrase (-"Lai Châu", as web search engines read it) leaves out the
    // articles holding the phrase (it was a phrase to hold: the opposite)
    for (var q = 1; q < parts.length - 1; q += 2) {
      var words = tokenize(parts[q]).map(fold);
      if (!/(^|\s)-$/.test(parts[q - 1]) || !words.length) continue;
      var keys = pairKeys(words);
      without.push(keys.length ? { pairs: keys, last: false }
                               : { key: words[0], tone: toneKey(tokenize(parts[q])[0]), exact: hasDiacritics(parts[q]), last: false });
      dropped.add(q);
    }
    // a dash inside a name of the registries is no operator ("Bà Rịa -Vũng Tàu")
    var inName = function (from) {
      var k = tokens.findIndex(function (t) { return t.s === from; });
      return spans.some(function (s) { return k > s.start && k < s.end; });
    };
    var rest = parts.map(function (part, i) {
      var base = offset;
      offset += part.length + 1;
      if (dropped.has(i)) return "";
      if (dropped.has(i + 1)) part = part.slice(0, -1);  // the dash before a phrase left out
      if (!(i % 2)) {
        // "-2023" after a word (not "2017 -2020", a range): leaves out the articles holding that
        // number, and for a year those of that year ("Lai Châu -2023" was "Lai Châu 2023")
        part = part.replace(MINUS_NUMBER, function (all, space, number, at, whole) {
          if (/[0-9]$/.test(whole.slice(0, at).trim()) || !whole.slice(0, at).trim()) return all;
          without.push({ key: number, year: YEAR.test(number),
                         last: i === parts.length - 1 && at + all.length === whole.length });
          return space;
        });
      }
      return i % 2 ? part : part.replace(OPERATOR, function (all, space, word, at, whole) {
        if (word && inName(base + at + all.indexOf("-") + 1)) return all;
        if (word) {
          without.push({ key: fold(word), tone: toneKey(word), exact: hasDiacritics(word),
                         last: i === parts.length - 1 && at + all.length === whole.length });
        }
        return space;
      });
    });
    // the quotes kept as typed: rebuild with the marks the query had between its parts
    var marks = text.match(new RegExp(QUOTES.source, "g")) || [], out = rest[0];
    for (var i = 1; i < rest.length; i++) {
      out += (dropped.has(i) || dropped.has(i - 1) ? " " : marks[i - 1]) + rest[i];  // a phrase left out: no quotes
    }
    if (!tokenize(out).length || out === typed) return { query: query, without: [] };
    return { query: out, without: without };
  }

  /* search, for a query as it is read (no VNI keys, no address). */
  Engine.prototype.find = function (query, filters, open, light, asTyped) {
    var self = this;
    return this.ready().then(function () { return self.read(query, filters, open, light, asTyped); });
  };

  /* find, once the manifest (its names) is here. */
  Engine.prototype.read = function (query, filters, open, light, asTyped) {
    // letters and digits run together ("NQTW4") are read as their spaced form ("NQ TW4")
    query = termless(spaceJoined(query, this), this.byFirst);  // "NQ TW4": either term's resolution
    var self = this, ops = operators(query, this.byFirst);
    if (ops.query !== query) {
      // a word left out while it is typed ("-l", "-la" of "-lao") leaves out nothing until the pause
      var without = ops.without.filter(function (w) { return !(light && open && w.last); });
      return this.find(ops.query, filters, open, light, asTyped).then(function (result) {
        if (!without.length) return result;
        var keys = [];
        without.forEach(function (w) {
          if (w.pairs) w.pairs.forEach(function (k) { keys.push({ key: k, pair: true }); });
          else keys.push({ key: w.key });
        });
        return self.lookup(keys).then(function (found) {
          var out = new Set();
          without.forEach(function (w) {
            if (w.pairs) {  // a phrase: the articles holding each of its pairs
              allPairs(found, w.pairs).ids.forEach(function (d) { out.add(d); });
              return;
            }
            (found.get(w.key) || []).forEach(function (p) {
              if (!w.exact || p.variant === w.tone) p.ids.forEach(function (d) { out.add(d); });
            });
            var span = w.year && self.manifest.years[w.key];
            if (span) for (var d = span[0]; d < span[1]; d++) out.add(d);
          });
          var keep = function (d) { return !out.has(d); };
          result.ids = result.ids.filter(keep);
          result.approx = result.approx.filter(keep);
          return result;
        });
      });
    }
    return this.ready().then(function (m) {
      // a region's name within its provinces (the offer's filter: "Tây Nguyên" within its five):
      // held by the filter's articles, as a 2025 unit's name is within its provinces
      query = withinRegion(query, filters.province, m);
      var q = plan(query, self, open, !filters.written, !!filters.loose);
      var filtered = filters.province || filters.directive || filters.year;
      if (q.empty && !filtered) return { ids: [], approx: [], empty: true, q: q };
      chooseKeys(q, self.common, light ? function (key) { return self.shards.has(self.shardAt(place(key, false))); } : null);
      if (light) q.pairs.forEach(function (p) { if (!p.phrase && !p.name) p.skipped = true; });
      q.light = !!light;
      var keys = [];
      new Set([].concat.apply([], q.words.filter(function (w) { return !w.skipped; }).map(keysOf))).forEach(function (k) {
        keys.push({ key: k });
      });
      q.names.forEach(function (n) {
        keys.push({ key: n.key });
        (n.words || []).forEach(function (k) { keys.push({ key: k, pair: true }); });  // a name or its words
        (n.marked || []).forEach(function (w) { keys.push({ key: w.key }); });  // its words as typed (rank)
      });
      // a region named ("Tây Nguyên"): the articles of its provinces rank first ("… ở Thái Nguyên"
      // did, by "Nguyên" in its title)
      q.regional = filters.province ? [] : [].concat.apply([], regionsIn(query, m).map(function (r) {
        return r.parts.map(function (p) { return "~p:" + p[0]; });
      }));
      q.regional.forEach(function (k) { keys.push({ key: k }); });
      q.pairs.forEach(function (p) {
        if (!p.skipped) [p.key].concat(p.alts || []).forEach(function (k) { keys.push({ key: k, pair: true }); });
      });
      // a month typed is held by the articles that write it: its pairs are looked up as its words are
      q.pairs.forEach(function (p) {
        if (!p.skipped) (p.written || []).forEach(function (c) { c.forEach(function (k) { keys.push({ key: k, pair: k.indexOf(" ") > 0 }); }); });
      });
      q.dates.forEach(function (d) {
        d.pairs.concat(d.dayPairs).forEach(function (k) { keys.push({ key: k, pair: true }); });
        d.written.concat(d.dayWritten).forEach(function (c) { c.forEach(function (k) { keys.push({ key: k, pair: true }); }); });
      });
      q.words.forEach(function (w) {
        if (!w.skipped) (w.readings || []).forEach(function (r) { r.forEach(function (k) { keys.push({ key: k, pair: k.indexOf(" ") > 0 }); }); });
      });
      (filters.province ? filters.province.split("+") : []).forEach(function (p) { keys.push({ key: "~p:" + p }); });
      if (filters.directive) keys.push({ key: "~d:" + filters.directive });
      return self.lookup(keys).then(function (found) {
        // The word being typed, when not a word of the index: its most frequent completions.
        var pending = q.words.filter(function (w) { return w.prefix && !w.skipped && !held(found, w) && w.key.length > 2; });
        if (!pending.length) return found;
        return Promise.all(pending.map(function (w) { return self.complete(w.key, COMPLETIONS); })).then(function (lists) {
          pending.forEach(function (w, i) { w.completions = lists[i]; });
          var more = [].concat.apply([], lists).map(function (k) { return { key: k }; });
          return self.lookup(more).then(function (extra) {
            extra.forEach(function (p, k) { found.set(k, p); });
            return found;
          });
        });
      }).then(function (found) {
        return self.ofTheDay(q, found, self.rank(q, found, filters)).then(function (result) { return [found, result]; });
      }).then(function (both) {
        var found = both[0], result = both[1];
        if (asTyped) return result;
        if (result.ids.length) return light || result.ids.length > FEW ? result : self.suggest(query, q, found, filters, open, result);
        // No article holds every word: a word the index lacks is likely mistyped ("bacc", "Mihn").
        return self.corrected(query, q, found, filters, open, light, result).then(function (fixed) {
          if (fixed.corrected || fixed.ids.length) return fixed;
          return self.withoutSource(query, filters, open, light, fixed).then(function (titled) {
            return titled.corrected ? titled : self.abbreviated(query, filters, open, light, titled);
          });
        });
      });
    });
  };

  /* The words of a reading of the table spelled out in a query ("Ban Chấp hành Trung ương") where
     the articles write the initialism ("BCH Trung ương"): when no article holds every word, the
     query with each reading written as its initialism is searched, shown as a correction. */
  Engine.prototype.abbreviated = function (query, filters, open, light, result) {
    if (QUOTES.test(query)) return Promise.resolve(result);
    var tokens = tokenize(query), folded = tokens.map(fold), out = [], changed = false, last = false;
    // a name of the registries is found as such ("Đà Nẵng" is no "ĐN" to look for)
    var names = findNames(folded, this.byFirst, tokens.map(toneKey));
    for (var i = 0; i < tokens.length;) {
      var best = null;
      ABBREVIATIONS.forEach(function (a) {
        if ((!best || a.seq.length > best.seq.length) && a.seq.every(function (f, k) { return folded[i + k] === f; }) &&
            !names.some(function (n) { return n.start < i + a.seq.length && i < n.end; })) best = a;
      });
      last = !!best;
      if (best) { out.push(best.initials); i += best.seq.length; changed = true; } else out.push(tokens[i++]);
    }
    if (!changed) return Promise.resolve(result);
    var to = out.join(" ");
    // an initialism put last is whole, not a word the reader is typing
    return this.search(to, filters, open && !last, light, true).then(function (short) {
      if (!short.ids.length) return result;
      short.corrected = { from: query, to: to };
      return short;
    });
  };

  /* A title copied from a browser's tab or a share keeps its site's name ("… ở Lào Cai - Báo Lào
     Cai", "… | Báo Nhân Dân"): when no article holds every word, the query without that tail (a
     few words after a dash or bar at the end, the title before it four words or more) is
     searched, shown as a correction. */
  var SOURCE = /^(.*\S)\s+[-\u2013\u2014|]\s+([^-\u2013\u2014|]+)$/;
  Engine.prototype.withoutSource = function (query, filters, open, light, result) {
    var m = SOURCE.exec(prepare(query).trim());
    if (!m || tokenize(m[1]).length < 4 || tokenize(m[2]).length > 5 || !tokenize(m[2]).length) return Promise.resolve(result);
    return this.search(m[1], filters, open, light, false).then(function (title) {
      if (!title.ids.length) return result;
      title.corrected = { from: query, to: title.corrected ? title.corrected.to : m[1] };
      return title;
    });
  };

  /* For a query no article answers in full: the result of the first correction (correct) that
     finds articles holding every word, with {from, to} as result.corrected; else the result as
     it is. Initialisms spelled out must be written so in an article, and words typed with marks
     are shown with the article's ("Bácc" -> "Bác", not "Bac"): while the reader types (light) no
     record is fetched, so initialisms wait for the pause and other words are shown as the index
     has them. */
  Engine.prototype.corrected = function (query, q, found, filters, open, light, result) {
    var self = this;
    var typed = new Map(q.words.filter(function (w) { return w.exact; }).map(function (w) { return [w.key, w.tone]; }));
    return this.correct(q, found).then(function (choices) {
      var deferred = false;  // an initialism left for the pause (light): the answer is not known yet
      var attempt = function (n) {
        if (n >= choices.length) {
          result.deferred = result.deferred || deferred;
          return result;
        }
        // a reading of the table is searched with its marks ("Ban Chỉ đạo" before "văn bản chỉ đạo")
        var changes = choices[n], marked = new Map(), telex = new Map();
        changes.forEach(function (to, from) { var r = readingOf(from, to); if (r) marked.set(from, readingText(from, to)); });
        var fixed = rewrite(query, changes, marked);
        // a word read from its Telex keys is shown with the marks they stand for ("hoof chis" -> "hồ chí")
        changes.forEach(function (to, from) {
          if (!typed.has(from) && to !== from && untelex(from) === to && shapedRight(telexWord(from))) telex.set(from, telexWord(from));
        });
        var spelled = Array.from(changes.values()).some(spelledOut);
        if (light && spelled) deferred = true;
        if (fixed === prepare(query) || (light && spelled)) return attempt(n + 1);
        // the capitals of an initialism's reading are an article's, not the reader's: no name told
        // by them ("BTV" is "Ban Thường vụ" as written, not a name to hold whole)
        var read = spelled ? Object.assign({}, filters, { written: true }) : filters;
        // the words are checked anywhere ("bcá theo" is "bác theo"), the answer shown is the one
        // the corrected query typed gets (two syllables alone held together, or the page says none does)
        var shownAs = function (to, checked) {
          return self.search(to, read, open, light, true).then(function (r) {
            return r.ids.length || (r.apart && r.apart.length) ? r : checked;
          });
        };
        return self.search(fixed, Object.assign({}, read, { loose: true }), open, light, true).then(function (better) {
          if (!better.ids.length) return attempt(n + 1);
          if (light) {
            return shownAs(fixed, better).then(function (shown) {
              shown.corrected = { from: query, to: rewrite(query, changes, telex) };
              return shown;
            });
          }
          // a word read from Telex keys without a tone key is shown with the tone the article writes
          // on those letters: "taap" spells "tâp", no word; the article writes "tập"
          var toneless = function (c) { return telex.has(c[0]) && !/[1-5]$/.test(toneKey(telex.get(c[0]))); };
          var runs = Array.from(changes).filter(function (c) { return spelledOut(c[1]) || typed.has(c[0]) || toneless(c); });
          return self.writtenIn(better.ids[0], runs.map(function (c) {
            var tone = typed.get(c[0]) || (toneless(c) ? toneKey(telex.get(c[0])) : undefined);
            return { words: c[1].split(" "), tone: tone, known: readingOf(c[0], c[1]) };
          })).then(function (written) {
            if (runs.some(function (c, i) { return !written[i] && spelledOut(c[1]); })) return attempt(n + 1);
            var shown = new Map(telex);
            runs.forEach(function (c, i) {
              if (!written[i] || (toneless(c) && toneKey(written[i]).replace(/[1-5]$/, "") !== toneKey(telex.get(c[0])))) return;
              shown.set(c[0], written[i]);
            });
            var to = rewrite(query, changes, shown);
            // with its marks the word ranks its spelling first, as if typed so (its lists are loaded)
            return shownAs(to, better).then(function (best) {
              best.corrected = { from: query, to: to };
              return best;
            });
          });
        });
      };
      return attempt(0);
    });
  };

  /* The answer to a query with words typed with VNI keys: that of the query they spell (read),
     as corrected from the one typed; when no article holds all its words, the query's as typed
     if that has some (a correction stands only if it finds articles holding every word). */
  Engine.prototype.readVni = function (query, read, filters, open, light) {
    var self = this;
    return this.search(read, filters, open, light, false).then(function (result) {
      if (result.ids.length) {
        result.corrected = { from: query, to: result.corrected ? result.corrected.to : read, vni: true };
        return result;
      }
      return self.search(query, filters, open, light, true).then(function (typed) {
        return typed.ids.length ? typed : result;
      });
    });
  };

  /* The answer to an address pasted as the query: that of the words of its page's slug, shown
     as corrected to them (no article holds "https" or the site's host), when it finds any. */
  Engine.prototype.readAddress = function (query, words, filters, open, light) {
    var self = this, slug = addressParts(query).slug;
    return this.search(words, filters, open, light, false).then(function (result) {
      if (!result.ids.length) return self.search(query, filters, open, light, true);
      result.corrected = { from: query, to: result.corrected ? result.corrected.to : words };
      if (slug === null) return result;  // a search page's address: no article of its own
      // the article of that address first, before others of the same title (their records are
      // those the page shows first)
      var top = result.ids.slice(0, PAGE_SIZE);
      return Promise.all(top.map(function (id) { return self.record(id); })).then(function (recs) {
        var at = recs.findIndex(function (r) { return r && r.u.replace(/\/$/, "").split("/").pop().replace(/\.html?$/i, "") === slug; });
        if (at > 0) result.ids = [top[at]].concat(result.ids.filter(function (id) { return id !== top[at]; }));
        return result;
      });
    });
  };
