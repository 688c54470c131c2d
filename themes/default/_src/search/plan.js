  var MAX_WORDS = 6, MAX_PAIRS = 6, PHRASE_PAIRS = 16;

  /* What to look up for a query: words (folded key and exact spelling), names, adjacent pairs; and
     the runs of words between names, as typed (what a title or a passage shows as matched). */
  function plan(query, index, open, cased, loose) {
    query = slashed(englishKinds(dateWords(query)));
    var runs = sentencesOf(parseQuery(query), index.byFirst);
    var words = [], names = [], pairs = [], segments = [];
    // capitals tell a name ("Phú Quốc") when the reader typed them, and not all ("LAM THEO BAC")
    var shouting = cased === false || prepare(query) === prepare(query).toUpperCase();
    // nor when each word has one, grammar's too ("Học Tập Và Làm Theo"): read as in small letters
    var plain = shouting || headline(runs), bare = !plain && titledWords(runs);
    var fillers = new Set(), others = new Set();
    // the query is two syllables and nothing else but question words ("thi đua ở đâu"; no name of
    // the registries, no quotes): the place of the second in its tokens, else -1
    var pairAt = loose || runs.length !== 1 || runs[0].phrase ? -1 : (function (tokens) {
      var folded = tokens.map(function (t) { return t.folded; }), asked = fillerSpans(folded), kept = [];
      folded.forEach(function (f, k) { if (!asked.some(function (s) { return k >= s[0] && k < s[1]; })) kept.push(k); });
      var ok = kept.length === 2 && kept[1] === kept[0] + 1 &&
        !findNames(folded, index.byFirst, tonesOf(tokens), null, plain ? null : tokens.map(titled)).length &&
        kept.every(function (k) { return SYLLABLE.test(folded[k]); });
      return ok ? kept[1] : -1;
    })(expand(runs[0].tokens, index));
    runs.forEach(function (run, r) {
      var tokens = expand(run.tokens, index, run.primes);
      var folded = tokens.map(function (t) { return t.folded; });
      // Title Case without grammar: name pairs only within a person's name (nameWordsOf)
      var spans = findNames(folded, index.byFirst, tonesOf(tokens), null, run.phrase || plain ? null : tokens.map(titled));
      var named = bare && !run.phrase ? nameWordsOf(tokens, spans) : null;
      // the prefixes of names ("Y" of "Y Ngông Niê Kdăm", "H’" of "H’Hen Niê"): words of a name
      var prefixed = run.phrase || plain ? null : namePrefixes(tokens, spans);
      var owner = new Array(folded.length).fill(-1);
      // a province's name typed with a small letter where the registries write a capital ("dien
      // bien", "hòa bình", "Hòa bình", "thành phố Hồ Chí Minh"; readers on phones type names so)
      // may be its words as well ("tự diễn biến", "vì hòa bình", which the index does not read
      // as the province, nor an article's "thành phố Hồ Chí Minh"): the name or its words (the
      // pairs of its words), the articles naming the province first when it is all the query
      // asks. Typed as the index reads a name ("Điện Biên", "Thành phố Hồ Chí Minh"), or once so
      // in the query, or run together ("daknong"), the name alone.
      // After the word that says what follows is a province ("tỉnh điện biên", "thành phố hòa
      // bình", "tp. điện biên phủ"), a name in small letters is the province's name, as typed so.
      // Typed with its capitals and one slipped mark ("Điện Biện"): the name or its words too.
      var loose = spans.map(function (s) {
        var part = tokens.slice(s.start, s.end);
        return !run.phrase && s.key.indexOf("~p:") === 0 && s.end - s.start > 1 &&
          !part.some(function (t) { return t.joined; }) && !provinceWordBefore(tokens, s.start) &&
          (!!s.slipped || (plain && !shouting) ||
           part.some(function (t) { return SMALL.test(t.text) && !index.byFirst.small.has(t.folded); }));
      });
      spans.forEach(function (s, n) {
        for (var k = s.start; k < s.end; k++) owner[k] = n;
        var known = names.filter(function (x) { return x.key === s.key; })[0];
        if (!known) names.push(known = { key: s.key, phrase: run.phrase });
        if (!loose[n]) known.words = known.marked = null;
        else if (known.words === undefined) {
          known.words = pairKeys(folded.slice(s.start, s.end));
          // a name of two syllables typed with every mark of its spelling ("hòa bình", "điện
          // biên"), not fewer ("hoa binh", "Điên biên"): the reader means those marks, which the
          // words have as well as the name; the articles writing the words (not only the name)
          // come first (rank). Longer names ("thành phố hồ chí minh") are no words of text: their
          // common words are not looked up (72 -> 150 KB)
          var part = tokens.slice(s.start, s.end), marks = index.byFirst.marks;
          var full = part.length === 2 && part.some(function (t) { return t.exact; }) && part.every(function (t) {
            var allowed = marks && marks.get(t.folded);
            return !!allowed && allowed.indexOf(t.tone) >= 0;
          });
          known.marked = full ? part.map(function (t) { return { key: t.folded, tone: t.tone }; }) : null;
        }
      });
      var asked = run.phrase ? [] : fillerSpans(folded).concat(formerSpans(tokens, spans));
      folded.forEach(function (f, k) {
        if (owner[k] < 0) (asked.some(function (s) { return k >= s[0] && k < s[1]; }) ? fillers : others).add(f);
      });
      // "a OR b" (in capitals, between two words of free text): either word, no pair across it; and
      // "hoặc" between two names of the registries ("Lào Cai hoặc Lai Châu", "Chỉ thị 05 hoặc Kết
      // luận 01"), which no article holds together (no result); elsewhere "hoặc" is a word of text
      var or = tokens.map(function (t, k) {
        return !run.phrase && k > 0 && k < tokens.length - 1 && owner[k] < 0 &&
          (t.text === "OR" || (t.folded === "hoac" && owner[k - 1] >= 0 && owner[k + 1] >= 0));
      });
      var unitAt = function (k) {  // the word or name of the k-th token
        return owner[k] < 0 ? wordAt[k] : names.filter(function (x) { return x.key === spans[owner[k]].key; })[0];
      };
      var segment = [], wordAt = [];
      for (var i = 0; i < tokens.length; i++) {
        if (or[i]) {
          if (segment.length) segments.push({ phrase: run.phrase, folded: segment });
          segment = [];
          continue;
        }
        if (owner[i] < 0) {
          var last = open && !run.phrase && r === runs.length - 1 && i === tokens.length - 1;
          var t = tokens[i];
          var same = words.filter(function (w) { return w.key === t.folded && w.tone === t.tone; })[0];
          if (same) same.phrase = same.phrase || run.phrase;
          else {
            var alt = t.whole || variantOf(t.folded, t.text, i > 0 ? tokens[i - 1].folded : null);
            words.push({ key: t.folded, tone: t.tone, exact: t.exact, text: t.text, prefix: last, phrase: run.phrase,
                         alt: alt, altTone: alt ? (iyVariant(t.folded) ? iyTone(t.tone) : alt) : null, loose: !!t.loose });
          }
          wordAt[i] = same || words[words.length - 1];
          // "OR" typed first or last (the next word not typed yet: "Hồ Chí Minh OR"): no word to hold
          if (!run.phrase && t.text === "OR" && (i === 0 || i === tokens.length - 1) && tokens.length > 1) wordAt[i].operator = true;
          segment.push(t.folded);
        } else if (loose[owner[i]]) segment.push(tokens[i].folded);  // its words marked as words are
        else if (segment.length) {
          segments.push({ phrase: run.phrase, folded: segment });
          segment = [];
        }
        var before = i > 1 && or[i - 1] ? unitAt(i - 2) : null, unit = unitAt(i);
        if (before && unit && before !== unit) unit.either = before.either = before.either || before;
        if (i > 0 && !or[i - 1] && !(owner[i] >= 0 && owner[i] === owner[i - 1] && !loose[owner[i]])) {
          var key = folded[i - 1] + " " + folded[i];
          if (!pairs.some(function (p) { return p.key === key; })) {
            // the pair as an article may spell it: "kỹ năng" for "kĩ năng"
            // (a number typed whole, "1500 triệu", as an article may write it: "1500 triệu", "1.500 triệu")
            var firsts = [folded[i - 1]].concat(tokens[i - 1].whole || variantOf(folded[i - 1], tokens[i - 1].text, i > 1 ? folded[i - 2] : null) || []);
            var seconds = [folded[i]].concat(variantOf(folded[i], tokens[i].text, folded[i - 1]) || []), alts = [];
            firsts.forEach(function (a) { seconds.forEach(function (b) { if (a + " " + b !== key) alts.push(a + " " + b); }); });
            pairs.push({ key: key, phrase: run.phrase, at: pairs.length, alts: alts });
          }
          // two syllables typed as a name ("Phú Quốc", "Côn Đảo"), or a query of two syllables alone
          // in any case ("phu quoc", "côn đảo": in Vietnamese a compound word or a name, whose
          // syllables apart are other words): held together, or only in part; a word typed twice
          // with its marks ("Bác Bác") is no name ("tien tien" may be tiên tiến)
          if (!run.phrase && owner[i] < 0 && owner[i - 1] < 0 && !(tokens[i].exact && tokens[i - 1].tone === tokens[i].tone) &&
              !regionEdge(folded, i, index.manifest) &&
              ((!plain && (titled(tokens[i - 1]) || (!!prefixed && prefixed[i - 1])) && titled(tokens[i]) && nameSeam(tokens, i, asked) &&
                (!named || (named[i] > 0 && named[i - 1] === named[i]))) ||
               (r === 0 && i === pairAt && cased !== false))) {
            pairs.filter(function (p) { return p.key === key; })[0].name = true;
          }
          // a province's name with a word typed as a name beside it ("Điện Biên Phủ", "Cầu Cần
          // Thơ"): a longer proper name holding the province's, held whole as a name is ("Điện
          // Biên" and "phủ" anywhere counted "Chính phủ"; where no article writes it, the page says
          // so), and no seam between two names ("Lai Châu Bác Hồ", "Quảng Ninh Hạ Long")
          // ("Tỉnh Hòa Bình", "Thành phố Điện Biên Phủ": "Tỉnh" says the province follows; it found nothing)
          if (!run.phrase && !plain && (owner[i] < 0) !== (owner[i - 1] < 0) && titled(tokens[i - 1]) && titled(tokens[i]) &&
              nameSeam(tokens, i, asked) && (!named || gluedAlone(spans[owner[i] < 0 ? owner[i - 1] : owner[i]], tokens)) &&
              spans[owner[i] < 0 ? owner[i - 1] : owner[i]].key.indexOf("~p:") === 0 &&
              !(owner[i] >= 0 && provinceWordBefore(tokens, spans[owner[i]].start))) {
            var glued = pairs.filter(function (p) { return p.key === key; })[0], span = spans[owner[i] < 0 ? owner[i - 1] : owner[i]];
            if (!glued.name) {
              glued.name = glued.glued = owner[i] < 0 ? "after" : "before";
              glued.province = span.key;
              glued.text = tokens.slice(Math.min(span.start, i - 1), Math.max(span.end, i + 1)).map(function (t) { return t.text; }).join(" ");
            }
          }
          var made = pairs.filter(function (p) { return p.key === key; })[0];
          made.text = made.text || tokens[i - 1].text + (tokens[i - 1].primed || " ") + tokens[i].text;  // "H’Hen"
          if (made.name) (made.places = made.places || []).push(r + ":" + i);  // where, for its neighbours
          if (open && r === runs.length - 1 && i === tokens.length - 1) made.open = true;
        }
      }
      if (segment.length) segments.push({ phrase: run.phrase, folded: segment });
    });
    // an initialism of the table (of two letters: typed in capitals) is also held by the articles
    // that spell it out ("BCH" by "Ban Chấp hành"): its readings' pairs are looked up, and marked
    var typedKeys = tokenize(query).map(fold);
    var besideInitialism = function (key) {  // "tu" of "btv tu", "tp" of "ubnd tp"
      return typedKeys.some(function (f, k) {
        return f === key && [typedKeys[k - 1], typedKeys[k + 1]].some(function (o) {
          return !!o && o.length > 2 && INITIALISMS.has(o) && !SYLLABLE.test(o);
        });
      });
    };
    words.forEach(function (w) {
      var capitals = w.text.length > 1 && w.text === w.text.toUpperCase();
      var readings = w.key.length > 2 || capitals || besideInitialism(w.key) ? tableReadings(w) : null;
      if (!readings || !readings.length) return;
      // a syllable read so ("TU", "HU"): as typed, held unmarked ("tu", not "tư", "từ")
      if (SYLLABLE.test(w.key) && !hasDiacritics(w.text.replace(/[\u0111\u0110]/g, "d"))) w.bare = w.exact = true;
      // and it makes no name of two syllables with its neighbour ("ĐU xã" required "đu xã")
      pairs.forEach(function (p) {
        if (p.name === true && !p.digits && p.key.split(" ").indexOf(w.key) >= 0) p.name = false;
      });
      w.readings = readings.map(function (r) {
        var seq = r.split(" ");
        segments.push({ phrase: true, folded: seq, reading: w.key });
        return pairKeys(seq);
      });
    });
    // the table's readings written out ("Ban Thường vụ Tỉnh ủy", "Ủy ban nhân dân"): also held by
    // the articles writing their initialisms ("BTV TU", "UBND": none was found); an initialism
    // that is a syllable or of two letters ("Huyện ủy": HU) only beside the word after or before it
    // ("HU Bắc Hà"), as "Tỉnh ủy" alone is no "TU" of "tu sửa"
    var also = [];
    runs.forEach(function (run) {
      if (run.phrase) return;
      var expanded = expand(run.tokens, index), folded = expanded.map(function (t) { return t.folded; });
      var registry = findNames(folded, index.byFirst, tonesOf(expanded)), groups = [];
      for (var i = 0; i < folded.length;) {
        var best = null;
        ABBREVIATIONS.forEach(function (a) {
          if ((!best || a.seq.length > best.seq.length) && a.seq.every(function (f, k) { return folded[i + k] === f; }) &&
              !registry.some(function (n) { return n.start < i + a.seq.length && i < n.end; })) best = a;
        });
        if (!best) { i++; continue; }
        var last = groups[groups.length - 1], key = fold(best.initials);
        if (last && last.to === i) { last.to += best.seq.length; last.seq.push(key); } else groups.push({ from: i, to: i + best.seq.length, seq: [key] });
        i += best.seq.length;
      }
      groups.forEach(function (g) {
        var seq = g.seq.slice();
        if (seq.length === 1 && (seq[0].length < 3 || SYLLABLE.test(seq[0]))) {
          if (g.to < folded.length) seq.push(folded[g.to]);
          else if (g.from > 0) seq.unshift(folded[g.from - 1]);
          else return;
        }
        var alt = seq.length > 1 ? pairKeys(seq) : seq, inside = new Set(folded.slice(g.from, g.to));
        if (seq.length > 1) segments.push({ phrase: true, folded: seq, reading: folded[g.from] });
        else also.push({ key: seq[0], units: folded.slice(g.from, g.to) });  // a passage with "BCH" holds "ban chấp hành"
        words.forEach(function (w) {
          if (!inside.has(w.key)) return;
          w.readings = (w.readings || []).concat([alt]);
          w.heldAnyway = w.writtenOtherwise = true;  // (no initialism as typed: "ho chi minh" ranks as before)
        });
        pairs.forEach(function (p) {
          var two = p.key.split(" ");
          if (!p.phrase && p.name && inside.has(two[0]) && inside.has(two[1])) p.written = (p.written || []).concat([alt]);
        });
      });
    });
    // an initialism written in parts ("KT-XH": "KT" and "XH", no word of the table): each part also
    // held by the articles writing its share of the reading ("kinh tế", "xã hội"; "KT-XH" found
    // none of the 5,997 bench articles writing "kinh tế - xã hội")
    var parted = new RegExp(PARTED.source, "gu"), pm;
    while ((pm = parted.exec(prepare(query)))) {
      var parts = pm[2].split(/\s*[-&]\s*/), shares = partReadings(parts);
      (shares || []).forEach(function (seqs, i) {
        var w = words.filter(function (x) { return x.key === fold(parts[i]); })[0];
        if (!w) return;
        seqs.forEach(function (seq) {
          if (seq.length < 2) return;
          w.readings = (w.readings || []).concat([pairKeys(seq)]);
          w.heldAnyway = true;
          segments.push({ phrase: true, folded: seq, reading: w.key });
        });
      });
    }
    // "… là gì", "cho tôi hỏi …": asked around the words, not words an article must hold, when
    // the query has others
    if (names.length || words.some(function (w) { return !fillers.has(w.key) || others.has(w.key); })) {
      words.forEach(function (w) { if (fillers.has(w.key) && !others.has(w.key)) w.filler = true; });
    }
    var dates = monthsOf(query), loose = new Set();
    dates.forEach(function (d) {  // a date written in words is marked where it is written so, day first
      d.dayWritten.forEach(function (c) {
        if (c[0].indexOf("ngay ") === 0) segments.push({ phrase: true, folded: [c[1].split(" ")[0], "thang", c[2].split(" ")[1], "nam", d.year], reading: d.year });
      });
      d.written.forEach(function (c) { segments.push({ phrase: true, folded: ["thang", c[1].split(" ")[0], "nam", d.year], reading: d.year }); });
    });
    dates.forEach(function (d) { d.loose.forEach(function (k) { loose.add(k); }); });
    words.forEach(function (w) {
      if (loose.has(w.key)) w.date = true;
      if (w.date) w.alt = w.altTone = null;  // "tháng 12/2024" is no XII
      dates.forEach(function (d) { if (w.key === d.year) w.month = d.month; });
    });
    pairs.forEach(function (p) { if (p.key.split(" ").some(function (k) { return loose.has(k); })) p.alts = []; });
    // "năm 2023": the word before a year, as "ngày" before a day, is not one to hold (the year is,
    // by the articles of that year: "năm 2023" counted 474 of the 476 "2023" did, and listed the
    // 9,464 holding "năm" as approximate)
    var yearWords = tokenize(query).map(fold);
    yearWords.forEach(function (f, k) {
      if (f === "nam" && YEAR.test(yearWords[k + 1] || "")) words.forEach(function (w) { if (w.key === "nam") w.date = true; });
    });
    // a day of a month without its year ("19/5", "2/9", "30-4": a day readers name events by) is
    // held by the articles writing it, day beside month (also "19/05", "02/9"), as a name is held
    // whole: not by those holding "19" and "5" anywhere
    var re = new RegExp(DAY_MONTH.source, "g"), m;
    while ((m = re.exec(prepare(query)))) {
      var day = parseInt(m[2], 10), month = parseInt(m[3], 10), key = m[2] + " " + m[3];
      var pair = pairs.filter(function (p) { return p.key === key && !p.phrase; })[0];
      if (!pair || day < 1 || day > 31 || month < 1 || month > 12) continue;
      var ds = [String(day)].concat(day < 10 ? ["0" + day] : []), ms = [String(month)].concat(month < 10 ? ["0" + month] : []);
      pair.alts = [];
      ds.forEach(function (a) { ms.forEach(function (b) { if (a + " " + b !== key) pair.alts.push(a + " " + b); }); });
      pair.name = pair.digits = true;
      pair.text = m[2] + "/" + m[3];
      // its day and month are words of one date, with or without their leading zero ("19/04" is
      // held by an article writing "19/4", which has no word "04"), and no Roman numeral ("ngày 12")
      [ds, ms].forEach(function (forms) {
        words.forEach(function (w) {
          if (forms.indexOf(w.key) >= 0) { w.alt = forms.filter(function (f) { return f !== w.key; })[0] || null; w.altTone = w.alt; }
        });
      });
      // the same day written in words after the word of a day ("ngày 12 tháng 3", "mùng 2 tháng 9"):
      // held by the articles holding its three pairs ("12 tháng" alone is often a count of months:
      // "12 tháng qua", "6 tháng đầu năm"), and marked where they are side by side
      pair.written = [];
      ds.forEach(function (a) {
        ms.forEach(function (b) {
          DAY_LEADS.forEach(function (lead) { pair.written.push([lead + " " + a, a + " thang", "thang " + b]); });
          segments.push({ phrase: true, folded: [a, "thang", b], reading: key });
        });
      });
      // "ngày 19/5": the word of the date, as "ngày" of "ngày 19/5/2024" is, not one to hold
      var before = prepare(query).slice(0, m.index + m[1].length).match(/(\p{L}+)\s*$/u);
      var lead = before ? fold(before[1]) : "";
      if (DAY_WORDS.test(lead)) words.forEach(function (w) { if (w.key === lead) w.date = true; });
    }
    // a number written with its separators ("4.0" of "công nghiệp 4.0", "1.000 hộ", "2,5%", "1.000.000")
    // is held as written, its groups side by side: not its one-digit parts anywhere, or none at all
    re = new RegExp(NUMBER_GROUPS.source, "gu");
    while ((m = re.exec(prepare(query)))) {
      var parts = m[2].split(/[.,]/), seps = m[2].replace(/[0-9]/g, "");
      if (parts.some(function (x) { return loose.has(x); })) continue;  // a date ("15.5.2016")
      for (var k = 1; k < parts.length; k++) {
        var group = pairs.filter(function (p) { return p.key === parts[k - 1] + " " + parts[k] && !p.phrase; })[0];
        if (!group) continue;
        group.alts = [];
        group.name = group.digits = true;
        group.text = parts[k - 1] + seps[k - 1] + parts[k];
      }
      words.forEach(function (w) { if (parts.indexOf(w.key) >= 0) w.alt = w.altTone = null; });  // "4" is no IV here
    }
    // an amount of money ("1,5 tỷ"): also held by the articles writing it another way ("1.500
    // triệu", "1500 triệu", "1 tỷ 500 triệu": none of them was found), each way's pairs all held;
    // "đồng" after it is not required (articles write "1,5 tỷ" as often as "1,5 tỷ đồng")
    amounts(query).forEach(function (a) {
      var typed = new Set(a.typed), readings = a.forms.map(pairKeys);
      a.forms.forEach(function (seq) { segments.push({ phrase: true, folded: seq, reading: a.typed[a.typed.length - 1] }); });
      words.forEach(function (w) {
        if (!typed.has(w.key) && !(w.alt && typed.has(w.alt)) && !(w.key === "dong" && a.dong)) return;
        if (w.key === "dong") { w.filler = true; return; }
        w.readings = (w.readings || []).concat(readings);
        w.heldAnyway = w.writtenOtherwise = true;
      });
      pairs.forEach(function (p) {
        var two = p.key.split(" ");
        // the number's groups held as written ("1 5" of "1,5"), or as another way writes the amount;
        // its pair with the unit ("5 tỷ") ranks the amount written as typed first
        if (p.phrase || !p.name || !typed.has(two[0]) || !typed.has(two[1])) return;
        p.written = (p.written || []).concat(readings);
      });
    });
    // a month after "tháng", in digits or in words ("tháng 3", "tháng ba", "tháng Chạp"): also held
    // by the articles writing it the other way, the words beside "tháng" ("tháng ba" found none of
    // the 6,853 bench articles writing "tháng 3", nor "tháng 3" one writing "tháng ba")
    pairs.forEach(function (p) {
      var two = p.key.split(" ");
      if (p.phrase || two[0] !== "thang" || loose.has(two[1])) return;
      var typed = prepare((p.text || "").split(" ")[1] || "").toLowerCase(), others = [];
      if (/^[0-9]{1,2}$/.test(two[1])) {
        var n = parseInt(two[1], 10);
        (MONTH_WRITTEN[n] || []).forEach(function (w) { others.push(("thang " + w).split(" ")); });
      } else {
        var month = MONTH_NAMES[typed] || (typed === two[1] ? MONTH_NAMES[" " + two[1]] : 0);
        if (month) others = [["thang", String(month)]].concat(month < 10 ? [["thang", "0" + month]] : []);
      }
      if (!others.length) return;
      var readings = others.map(function (seq) {
        segments.push({ phrase: true, folded: seq, reading: two[1] });
        return pairKeys(seq);
      });
      readings.forEach(function (keys) {
        if (keys.length === 1) p.alts.push(keys[0]);
        else (p.written = p.written || []).push(keys);
      });
      // (a month's name no article uses, "Chạp", is held by those writing its number)
      words.forEach(function (w) { if (w.key === two[1] && !w.readings) { w.readings = readings; w.heldAnyway = true; } });
    });
    // the words of a slashed abbreviation ("đồng chí", "đối với"): also held by the articles writing
    // it ("Đ/c Nguyễn Văn A", as "đ/c" finds those writing "đồng chí"; "đồng chí" found none of them)
    pairs.forEach(function (p) {
      var short = SLASHED_PAIRS[p.key];
      if (p.phrase || !short) return;
      p.alts.push(short);
      segments.push({ phrase: true, folded: short.split(" "), reading: p.key });
      p.key.split(" ").forEach(function (k) {
        words.forEach(function (w) {
          if (w.key === k && !w.readings) { w.readings = [[short]]; w.heldAnyway = true; }
        });
      });
    });
    // provinces merged into one unit in 2025 typed together ("Lâm Đồng Đắk Nông", "Tây Ninh Long
    // An"): the reader means the unit, whose news names either: one term, as if typed with OR (both
    // were required: 0 articles for "Tây Ninh Long An"); those naming both rank first by their pair
    var byUnit = new Map();
    names.forEach(function (n) {
      if (n.phrase || n.key.indexOf("~p:") !== 0) return;
      var unit = unitOf(index.manifest, n.key.slice(3));
      if (!unit) return;
      var first = byUnit.get(unit);
      if (first) { n.either = first.either = first.either || n.either || first; n.merged = first.merged = unit; }
      else byUnit.set(unit, n);
    });
    var newest = runs.some(function (run) {
      return !run.phrase && / (moi nhat|hom nay|gan day|moi day) /.test(" " + run.tokens.map(function (t) { return fold(t.text || t); }).join(" ") + " ");
    });
    return { words: words, names: names, pairs: pairs, runs: segments, empty: !runs.length, dates: dates, newest: newest,
             also: also };
  }

