  var PAGE_SIZE = 10;

  var FEW = 3, RARE = 2, MORE = 10;

  /* A query few articles answer (FEW) because of a word in RARE articles at most (a slip in those
     articles as much as in the query: "bacc") gets the query with that word as the site mostly
     writes it (result.suggested), when that answers MORE times as many: offered, not put in its
     place. */
  Engine.prototype.suggest = function (query, q, found, filters, open, result) {
    var self = this;
    var rare = new Set(result.terms.filter(function (t) {  // the words' own lists (no completions)
      return t.word && found.has(t.word.key) && MISTYPED.test(t.word.key) && t.df <= RARE;
    }).map(function (t) { return t.word.key; }));
    if (!rare.size) return Promise.resolve(result);
    return this.correct(q, found, rare).then(function (choices) {
      var fixed = choices.length ? rewrite(query, choices[0]) : prepare(query);
      if (fixed === prepare(query)) return result;
      return self.search(fixed, filters, open, false, true).then(function (other) {
        if (other.ids.length >= MORE * result.ids.length) result.suggested = fixed;
        return result;
      });
    });
  };

  /* How the article of id (its title, summary and page) writes each run of words ({words, tone}:
     an initialism spelled out, or a word typed with marks as tone), as words with nothing but
     spaces between them (pairs of the index are found across commas too: "cấp ủy, ban, ngành"
     is no "Ủy ban"); for a word with a tone, its spelling closest to it. null where it doesn't.
     Words spelled out are no unit where the word before them (after them), with nothing but
     spaces between, makes with their first (last) word a pair of the site more frequent than
     their own first (last) pair: "giải quyết những" is no "quyết những" for QN ("giải quyết"
     holds it); a tie is left to the words ("Mặt trận Tổ quốc và" where it always is). A reading of
     the table (known) is no guess: "của Bộ Chính trị" is Bộ Chính trị, though "của bộ" is frequent;
     other words spelled out are a guess, read only as a name (named). */
  Engine.prototype.writtenIn = function (id, runs) {
    if (!runs.length) return Promise.resolve([]);
    var self = this;
    return Promise.all([this.record(id), this.vocabulary()]).then(function (got) {
      var rec = got[0], pairs = got[1].pairs || new Map();
      return self.text(rec.u).then(function (page) {
        var text = prepare([rec.t, rec.s || "", page || ""].join("\n"));
        var tokens = tokensOf(text);
        var spaced = function (a) { return /^\s+$/.test(text.slice(tokens[a].e, tokens[a + 1].s)); };
        var count = function (a, b) { return pairs.get(a + " " + b) || 0; };
        // words a guessed initialism stands for are a name: written with a capital, and not only
        // the one a sentence starts with ("Trong thời gian" is no TTG, "phong công tác" no PCT)
        var upper = function (t) { var c = text[tokens[t].s]; return c !== c.toLowerCase(); };
        var named = function (a, b) {
          for (var t = a + 1; t <= b; t++) if (upper(t)) return true;
          return upper(a) && a > 0 && !/[.!?:;…\n]/.test(text.slice(tokens[a - 1].e, tokens[a].s));
        };
        return runs.map(function (run) {
          var words = run.words, found = null, closest = Infinity, n = words.length;
          var first = n > 1 ? count(words[0], words[1]) : 0, end = n > 1 ? count(words[n - 2], words[n - 1]) : 0;
          for (var i = 0; i + words.length <= tokens.length; i++) {
            var k = 0;
            while (k < words.length && tokens[i + k].f === words[k] && (!run.known || tokens[i + k].t === run.known[k]) &&
                   (k === 0 || spaced(i + k - 1))) k++;
            if (k < words.length) continue;
            var last = i + k - 1;
            if (n > 1 && !run.known && !named(i, last)) continue;
            if (n > 1 && !run.known && ((i > 0 && spaced(i - 1) && count(tokens[i - 1].f, words[0]) > first) ||
                (last + 1 < tokens.length && spaced(last) && count(words[n - 1], tokens[last + 1].f) > end))) continue;
            var spelled = text.slice(tokens[i].s, tokens[i + k - 1].e).replace(/\s+/g, " ");
            if (!run.tone) return spelled;
            var d = distance(tokens[i].t, run.tone, 9);
            if (d < closest) { closest = d; found = spelled; }
          }
          return found;
        });
      });
    });
  };

  /* The words of the index and its frequent pairs with their counts (v.bin), loaded once: {words,
     byInitials}; none when it can't be (the query is then searched as typed, and the load is tried
     again next time). */
  Engine.prototype.vocabulary = function () {
    var self = this;
    if (!this._vocabulary) {
      this._vocabulary = this.load("v.bin?v=" + this.manifest.version).then(inflate).then(function (buf) {
        var v = JSON.parse(decoder.decode(new Uint8Array(buf))), byInitials = new Map();
        if (!Array.isArray(v.words) || !Array.isArray(v.pairs)) throw new Error("v.bin of another format");
        v.pairs.forEach(function (entry) {
          var two = entry[0].split(" "), at = two[0][0] + two[1][0];
          if (!byInitials.has(at)) byInitials.set(at, []);
          byInitials.get(at).push([two[0], two[1], entry[1]]);
        });
        return { words: v.words, byInitials: byInitials, pairs: new Map(v.pairs) };
      }).catch(function (err) {  // not loaded, or not of this script's format
        self._vocabulary = null;
        if (root.console) root.console.warn("search: no vocabulary (" + err + "): words are not corrected");
        return { words: [], byInitials: new Map() };
      });
    }
    return this._vocabulary;
  };

  /* For each word of the query the index lacks, the word it most likely stands for: the closest
     in spelling, then the one found beside the query's other words most (their pairs in the
     index), then the most used; for a word without vowels ("HCM", "HĐND", "CB" typed in capitals;
     but "mjnh" when no words have those initials) or one no word is close to ("UBND"), the words
     it is the initials of. Choices to try in turn, each a Map (folded -> words): the best, then
     other readings of an initialism; none when some such word has no candidate (a query of
     made-up words stays as typed). rare: words of the index to take as slips instead (suggest),
     read as other words only. */
  Engine.prototype.correct = function (q, found, rare) {
    var self = this;
    var unknown = q.words.filter(function (w) {
      if (rare) return rare.has(w.key);
      if (w.skipped || held(found, w) || (w.completions && w.completions.length)) return false;
      return MISTYPED.test(w.key) || (/^[a-z]{2}$/.test(w.key) && !VOWEL.test(w.key) && w.text === w.text.toUpperCase());
    });
    if (!unknown.length) return Promise.resolve([]);
    var capital = function (w) { return w.text === w.text.toUpperCase(); };
    var shouted = q.words.every(capital);
    var acronym = function (w) {
      return w.text.length > 2 && capital(w) && (!shouted || (q.words.length === 1 && w.text.length <= 5));
    };
    return this.vocabulary().then(function (vocabulary) {
      var spellings = new Map(), slips = new Map();
      var options = unknown.map(function (w) {
        var readings = rare ? null : tableReadings(w);
        if (readings) {  // a known initialism: what it stands for, or nothing
          if (!readings.length) return [];
          spellings.set(w.key, readings);
          return [{ word: readings[0], cost: 1, count: 0, pairs: 0 }];
        }
        // a word with vowels is first a slip of a word; one without, first an initialism
        var close = VOWEL.test(w.key) || rare ? candidates(w.key, vocabulary.words) : [];
        // a word typed in capitals ("VNI", "Hội nghị WHO") is an initialism or a name, not a slip of
        // "vi", unless its letters are Telex keys ("HOOF"); a query all in capitals ("LAM THEO BACC")
        // is one typed so
        if (!rare && acronym(w)) close = close.filter(function (c) { return c.cost < 1; });
        if (close.length || rare) return close;
        var chains = initialism(w.key, vocabulary.byInitials);
        // no chain: a word of three letters or more typed in lower case is a slip ("mjnh"); in
        // capitals ("HTX") or of two letters ("QN") an initialism the site doesn't write
        if (!chains.length) return VOWEL.test(w.key) || acronym(w) || !MISTYPED.test(w.key) ? [] : candidates(w.key, vocabulary.words);
        spellings.set(w.key, chains.map(function (c) { return c.join(" "); }));
        // the word may yet be a slip ("ho chi mnh"): tried once its initialisms are not written
        // (not one typed in capitals: "ĐTN" is an initialism the site doesn't write, not a slip of "dân")
        if (!VOWEL.test(w.key) && MISTYPED.test(w.key) && !acronym(w)) slips.set(w.key, candidates(w.key, vocabulary.words));
        return [{ word: chains[0].join(" "), cost: 1, count: 0, pairs: 0 }];
      });
      if (options.some(function (o) { return !o.length; })) return [];
      var lacking = new Set(unknown.map(function (w) { return w.key; })), keys = [], checks = [];
      // A word that is a Vietnamese syllable ("thuỷ", "xoa") is likelier a word the site never
      // uses than a slip: it is read as another only where that one stands beside its neighbours.
      var syllable = unknown.map(function (w) { return !rare && SYLLABLE.test(w.key); });
      // typed with its marks ("Lạt" of "Đà Lạt"), it is a word the site lacks: "đã lan" is no "Đà Lan"
      if (unknown.some(function (w, i) { return syllable[i] && w.exact && shapedRight(w.text); })) return [];
      unknown.forEach(function (w, i) {
        var tried = options[i].concat(slips.get(w.key) || []);
        if (tried.length < 2 && !syllable[i]) return;  // one candidate: nothing to choose
        q.pairs.forEach(function (p) {
          var two = p.key.split(" "), side = two[0] === w.key ? 0 : two[1] === w.key ? 1 : -1;
          if (side < 0 || lacking.has(two[1 - side])) return;
          tried.forEach(function (c) {
            var pair = side === 0 ? c.word + " " + two[1] : two[0] + " " + c.word;
            keys.push({ key: pair, pair: true });
            checks.push([c, pair, syllable[i]]);
          });
        });
      });
      return self.lookup(keys).then(function (pairs) {
        // a syllable is read as another only beside a pair the site uses often (v.bin's): "da lat"
        // is no "đạ Lan" that one article's broken line makes
        var frequent = vocabulary.pairs || new Map();
        checks.forEach(function (check, k) {
          if (pairs.has(check[1]) && (!check[2] || frequent.has(check[1]))) check[0].pairs++;
        });
        options = options.map(function (list, i) {
          if (syllable[i]) return list.filter(function (c) { return c.pairs || c.cost < 1; });  // Telex: no slip
          // three letters are one edit from many words ("and": an, anh, ang): with no neighbour to
          // choose, the closest are a guess unless only one is that close, or only one has the
          // letters typed, two swapped ("lma": lam)
          var key = unknown[i].key;
          if (!rare && key.length === 3 && !spellings.has(key) && !list.some(function (c) { return c.pairs || c.cost < 1; })) {
            var least = Math.min.apply(null, list.map(function (c) { return c.cost; }));
            var closest = list.filter(function (c) { return c.cost === least; });
            var letters = function (w) { return w.split("").sort().join(""); };
            var swapped = closest.filter(function (c) { return letters(c.word) === letters(key); });
            if (closest.length > 1 && swapped.length !== 1) return [];
            if (closest.length > 1) return swapped;
          }
          return list;
        });
        if (options.some(function (o) { return !o.length; })) return [];
        var changes = new Map();
        var best = function (list) {
          return list.slice().sort(function (a, b) {
            return a.cost - b.cost || b.pairs - a.pairs || b.count - a.count || (a.word < b.word ? -1 : 1);
          })[0];
        };
        unknown.forEach(function (w, i) { changes.set(w.key, best(options[i]).word); });
        var choices = [changes];
        spellings.forEach(function (list, key) {
          list.slice(1).forEach(function (words) {
            if (choices.length < SPELLINGS) choices.push(new Map(changes).set(key, words));
          });
        });
        var slipped = new Map(changes);
        slips.forEach(function (list, key) { if (list.length) slipped.set(key, best(list).word); });
        if (slips.size && !Array.from(slips.values()).every(function (list) { return !list.length; })) choices.push(slipped);
        return choices;
      });
    });
  };
