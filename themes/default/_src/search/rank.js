
  /* The articles of a year of the site as a list of a word's (a year typed is held by the
     articles that write it and by those of that year, as if their front matter said it). */
  function yearList(span) {
    var ids = new Int32Array(Math.max(0, span[1] - span[0]));
    for (var i = 0; i < ids.length; i++) ids[i] = span[0] + i;
    return { variant: "", ids: ids, vals: new Uint8Array(ids.length).fill(4) };
  }

  /* A day typed ("19/5/2024", "ngày 19-5-2024"): the results are the articles dated that day (a
     date known to the day: an estimated one shows only its month) and those that write it (the
     day beside its month, and the month beside its year); the other articles of its month, which
     hold the month as rank() finds it, come after them as approximate results. Ids are in date
     order, so the day is found by bisecting its month's ids on their records' dates. */
  Engine.prototype.ofTheDay = function (q, found, result) {
    var self = this, years = this.manifest.years || {}, months = this.manifest.months || {};
    var dates = q.dates.filter(function (d) { return d.day; });
    if (!dates.length || !result.ids.length) return Promise.resolve(result);
    var holds = function (keys, chains) {
      var set = new Set();
      keys.forEach(function (k) { (found.get(k) || []).forEach(function (p) { p.ids.forEach(function (d) { set.add(d); }); }); });
      chains.forEach(function (c) { allPairs(found, c).ids.forEach(function (d) { set.add(d); }); });
      return set;
    };
    return Promise.all(dates.map(function (d) {
      var iso = d.year + "-" + (d.month < 10 ? "0" : "") + d.month + "-" + (d.day < 10 ? "0" : "") + d.day;
      var writes = holds(d.dayPairs, d.dayWritten), month = holds(d.pairs, d.written);
      var ofDay = function () { return Promise.resolve([]); };
      if (years[d.year] && months[d.year]) {
        var span = monthSpan(years[d.year], months[d.year], d.month);
        var bound = function (a, b, after) {  // the first id of [a, b) dated after the day (or on it)
          if (a >= b) return Promise.resolve(a);
          var mid = (a + b) >> 1;
          return self.record(mid).then(function (r) {
            return (after ? r.d > iso : r.d >= iso) ? bound(a, mid, after) : bound(mid + 1, b, after);
          });
        };
        ofDay = function () {
          return bound(span[0], span[1], false).then(function (from) {
            return bound(from, span[1], true).then(function (to) {
              var ids = [];
              for (var id = from; id < to; id++) ids.push(id);
              return Promise.all(ids.map(function (id) { return self.record(id); })).then(function (recs) {
                return ids.filter(function (id, i) { return DAY_SHOWN.test(recs[i].w || ""); });
              });
            });
          });
        };
      }
      return ofDay().then(function (dated) {
        var set = new Set(dated);
        writes.forEach(function (id) { if (month.has(id)) set.add(id); });
        return set;
      });
    })).then(function (sets) {
      var inDay = function (id) { return sets.some(function (set) { return set.has(id); }); };
      var day = result.ids.filter(inDay), rest = result.ids.filter(function (id) { return !inDay(id); });
      result.ids = day;
      result.approx = rest.concat(result.approx);
      return result;
    });
  };
  var DAY_SHOWN = /[0-9]{1,2}\/[0-9]{1,2}\/[0-9]{4}/;  // a record's date as shown, to the day
  var FOREIGN = /^[^\p{Script=Latin}\p{N}]+$/u;  // letters of no Latin script, no digit

  /* The ids of month m of a year: from its start to the next month's (or the year's end). */
  function monthSpan(year, starts, m) {
    return [starts[m - 1], m < 12 ? starts[m] : year[1]];
  }

  Engine.prototype.rank = function (q, found, filters) {
    var N = this.manifest.count, years = this.manifest.years || {}, months = this.manifest.months || {};
    var terms = [];  // words and names: what a result must hold
    q.words.forEach(function (w) {
      if (w.skipped) return;
      var lists = [];
      (w.completions && !held(found, w) ? w.completions : keysOf(w)).forEach(function (k) {
        (found.get(k) || []).forEach(function (p) { if (!w.bare || p.variant === w.tone) lists.push(p); });
      });
      var month = w.month && months[w.key] ? q.dates.filter(function (d) { return d.year === w.key; })[0] : null;
      if (month) {
        // a month typed: the articles of that month, and those that write it ("5/2024"), not all of the year's
        lists = [yearList(monthSpan(years[w.key], months[w.key], month.month))];
        month.pairs.forEach(function (k) { (found.get(k) || []).forEach(function (p) { lists.push(p); }); });
      } else if (YEAR.test(w.key) && Object.prototype.hasOwnProperty.call(years, w.key)) lists.push(yearList(years[w.key]));
      // an initialism the index has: also the articles holding every pair of a reading of it (one
      // it lacks is read as its words by a correction, shown so)
      if (w.readings && (held(found, w) || w.heldAnyway)) {
        w.readings.forEach(function (r) { lists.push(Object.assign(allPairs(found, r), { reading: true })); });
      }
      // "1", "a"; and two letters being typed that are no word of the index, or no syllable ("ho ch",
      // though a site may have "CH"): the start of a word too short to look up as one, not a word
      // a word of another script ("胡志明" pasted after "Hồ Chí Minh", Cyrillic, Thai) that no
      // article holds: no word a reader of the site can mean to require (it found nothing)
      var stop = w.key.length < 2 || !!w.date || !!w.loose || !!w.filler || !!w.operator ||
        (!lists.length && FOREIGN.test(w.key)) ||
        (w.prefix && w.key.length === 2 && (!lists.length || (/^[a-z]+$/.test(w.key) && !SYLLABLE.test(w.key))));
      terms.push({ word: w, lists: lists, exact: w.exact, tone: w.tone, altTone: w.altTone, stop: stop });
    });
    // a province of a 2025 unit searched within provinces of that unit (the offer's filters: "Lâm
    // Đồng" within Đắk Nông): held by the articles of the filter, which are news of the unit (none
    // were found: no article of Đắk Nông names Lâm Đồng)
    var manifest = this.manifest, within = filters.province ? filters.province.split("+") : [];
    var unitWide = function (n) {
      var unit = n.key.indexOf("~p:") === 0 && unitOf(manifest, n.key.slice(3));
      return !!unit && within.every(function (p) { return unitOf(manifest, p) === unit; });
    };
    q.names.forEach(function (n) {
      var lists = found.get(n.key) || [];
      if (within.length && unitWide(n)) {
        lists = [].concat.apply([], within.map(function (p) { return found.get("~p:" + p) || []; }));
      }
      // a name typed in small letters, or its words (plan): the articles holding each of their pairs too
      if (n.words) lists = lists.concat([Object.assign(allPairs(found, n.words), { reading: true })]);
      terms.push({ name: n.key, unit: n, lists: lists, exact: false });
    });
    // words or names typed "a OR b": one term, held by the articles holding either
    var heads = new Map();
    terms = terms.filter(function (t) {
      var group = (t.word || t.unit).either, head = group && heads.get(group);
      if (!group) return true;
      if (!head) { heads.set(group, t); t.exact = false; t.members = [t.lists]; return true; }
      head.members.push(t.lists);
      head.lists = head.lists.concat(t.lists);
      head.stop = head.stop && t.stop;
      return false;
    });
    terms.forEach(function (t) {
      var df = 0;
      t.lists.forEach(function (p) { df += p.ids.length; });
      t.df = Math.min(df, N);
    });
    var needed = terms.filter(function (t) { return !t.stop; });
    // a query of common words only: all of them count, but the word before a date ("mùng" of
    // "mùng 2/9", which no article may write: it found nothing where "ngày 2/9" found the day)
    if (!needed.length) needed = terms.filter(function (t) { return !(t.word && t.word.date && DAY_WORDS.test(t.word.key)); });
    if (!needed.length) needed = terms;
    // An article holding only a number of the query ("19" of "COVID-19") is no approximate result.
    var number = function (t) { return t.word && /^[0-9]+$/.test(romanValue(t.word.key) ? "0" : t.word.key); };
    var weak = needed.some(function (t) { return !number(t); }) ? new Set(needed.filter(number)) : new Set();
    var score = new Float64Array(N), hits = new Uint8Array(N), all = new Uint8Array(N), exact = new Uint8Array(N);
    var strong = new Uint8Array(N);  // hits of needed terms other than weak ones
    var pairHits = new Uint8Array(N), titlePairs = new Uint8Array(N), phraseOk = new Uint8Array(N);
    var nameOk = new Uint8Array(N);  // name pairs held ("Phú Quốc" together): else only in part
    // a province's name typed in small letters, its words read too (plan): the articles naming the
    // province first when the name is all the query requires ("dien bien", "hòa bình"), else after
    // those holding more of the query together ("tu dien bien": "tự diễn biến" first)
    var nameFirst = new Uint8Array(N), nameLater = new Uint8Array(N);
    var looseNames = needed.filter(function (t) { return t.unit && t.unit.words; });
    looseNames.forEach(function (t) {
      var mark = looseNames.length === needed.length && !t.unit.marked ? nameFirst : nameLater;
      (found.get(t.name) || []).forEach(function (p) { for (var i = 0; i < p.ids.length; i++) mark[p.ids[i]] = 1; });
    });
    // the articles whose title holds a word typed with marks in that spelling (folded key -> per
    // article): a pair of the query in a title counts only where its words are so spelt there
    // ("chống tự diễn biến" ranked "… ở Điện Biên" first, by the folded pair "dien bien" of its title)
    var spelt = new Map();
    var stamp = new Int32Array(N).fill(-1), best = new Float64Array(N), touched = [];
    terms.forEach(function (t, ti) {
      if (!t.df) return;
      var idf = Math.log(1 + N / t.df), counts = needed.indexOf(t) >= 0, firm = counts && !weak.has(t);
      var inTitle = t.exact && t.word ? spelt.get(t.word.key) || new Uint8Array(N) : null;
      if (inTitle) spelt.set(t.word.key, inTitle);
      touched.length = 0;
      t.lists.forEach(function (p) {
        // an initialism as typed ("UBND") ranks before its reading spelled out ("Ủy ban nhân dân")
        var isExact = t.exact ? p.variant === t.tone || p.variant === t.altTone :
          !!t.word && !!t.word.readings && !t.word.writtenOtherwise && !p.reading;
        var weight = (t.exact && !isExact) || p.reading ? FOLDED_ONLY : 1;
        for (var i = 0; i < p.ids.length; i++) {
          var d = p.ids[i], val = p.vals[i], tf = val >> 3;
          // A word counts once, by its best spelling: "Lâm" in a title beside "làm" is no second hit.
          // (another spelling of a word typed with marks weighs as in the text wherever it stands:
          // "Điện Biên" in a title is no title hit for "diễn biến")
          var placed = t.exact && !isExact ? 0 : val;
          var value = weight * idf * (tf / (tf + 1.2) + (placed & 1 ? W_TITLE : 0) + (placed & 2 ? W_LEAD : 0) +
                                      (placed & 4 ? W_TERM : 0));
          if (stamp[d] !== ti) {
            stamp[d] = ti;
            best[d] = value;
            touched.push(d);
            all[d]++;
            if (counts) hits[d]++;
            if (firm) strong[d]++;
          } else if (value > best[d]) best[d] = value;
          if (isExact) exact[d] = Math.min(255, exact[d] + 1);
          if (inTitle && isExact && (val & 1)) inTitle[d] = 1;
        }
      });
      for (var k = 0; k < touched.length; k++) score[touched[k]] += best[touched[k]];
      // provinces of one 2025 unit typed together: an article naming more of them ranks higher
      if (t.unit && t.unit.merged) {
        var hold = new Uint8Array(N);
        t.members.forEach(function (lists) {
          var seen = new Uint8Array(N);
          lists.forEach(function (p) { for (var i = 0; i < p.ids.length; i++) seen[p.ids[i]] = 1; });
          for (var d = 0; d < N; d++) hold[d] += seen[d];
        });
        for (var d = 0; d < N; d++) if (hold[d] > 1) all[d] += hold[d] - 1;
      }
    });
    var quoted = q.pairs.filter(function (p) { return p.phrase && !p.skipped; });
    // A word being typed ("Phú Qu") binds its pair once some article holds it; at the pause, also
    // when it is a word of the index that may be the whole of it ("Hạ Lo"), not the start of one ("qu").
    var together = function (p) { return pairPostings(found, p).some(function (l) { return l.ids.length > 0; }); };
    var last = terms.filter(function (t) { return t.word && t.word.prefix; })[0];
    var whole = !q.light && !!last && !last.stop && held(found, last.word);
    // Two names typed one after the other ("Lê Đức Dục Nguyễn Văn Bình", "Bác Hồ Bác Hồ"): the pair
    // where they meet, which no article holds, while the name pairs on both sides of it are held,
    // is no part of a name.
    var nameAt = new Map();
    q.pairs.forEach(function (p) { if (p.name && !p.skipped) (p.places || []).forEach(function (at) { nameAt.set(at, p); }); });
    var seam = function (p) {
      return (p.glued || !together(p)) && (p.places || []).some(function (at) {
        var r = at.split(":")[0], i = +at.split(":")[1];
        var before = nameAt.get(r + ":" + (i - 1)), after = nameAt.get(r + ":" + (i + 1));
        // a province's name glued to a word that starts a name of its own ("Sa Pa" of "Lào Cai Sa Pa")
        if (p.glued) return !!(p.glued === "after" ? after : before);
        return !!before && !!after && together(before) && together(after);
      });
    };
    var bound = q.pairs.filter(function (p) {
      // a day and month ("19/5") or a number's groups ("4.0") typed last are whole at the pause:
      // their last digits are no word begun ("5" is no word of the index to wait for)
      return p.name && !p.phrase && !p.skipped && (!p.open || whole || together(p) || (p.digits && !q.light)) && !seam(p);
    });
    var named = bound.length;
    // while typing, a name's pair whose last word is still open and that no article holds yet
    // ("Phú Qu", "Phú Quốc" where none writes it) is undecided: the pause binds it or not, so the
    // count of its syllables apart is not told meanwhile (it was, then fell to none)
    var undecided = q.light && q.pairs.some(function (p) { return p.name && p.open && !p.skipped && bound.indexOf(p) < 0; });
    var typed = asTyped(needed, found, N);
    var pairSeen = new Int32Array(N).fill(-1);
    // pairs held as typed, not only as another way of writing them ("1.500 triệu" typed: an article
    // writing "1 tỷ 500 triệu" holds its pairs too, and ranks after those writing it as typed)
    var typedPairs = new Uint8Array(N), markedPairs = new Uint8Array(N);
    q.pairs.forEach(function (pair, pi) {
      if (pair.skipped) return;
      var spelling = pair.key.split(" ").map(function (k) { return spelt.get(k); }).filter(Boolean);
      var marked = pair.key.split(" ").map(function (k) { return typed.byKey.get(k); }).filter(Boolean);
      pairPostings(found, pair).forEach(function (p) {
        var idf = Math.log(1 + N / p.ids.length);
        for (var i = 0; i < p.ids.length; i++) {
          var d = p.ids[i];
          if (pairSeen[d] === pi) continue;  // an article spelling the pair both ways counts it once
          pairSeen[d] = pi;
          pairHits[d]++;
          if (marked.every(function (m) { return m[d]; })) markedPairs[d]++;
          if (!p.keys) typedPairs[d]++;
          if ((p.vals[i] & 1) && spelling.every(function (m) { return m[d]; })) titlePairs[d]++;
          if (pair.phrase) phraseOk[d]++;
          if (pair.name && bound.indexOf(pair) >= 0) nameOk[d]++;
          score[d] += 0.5 * idf * (p.vals[i] & 1 ? 2 : 1);
        }
      });
    });

    var allow = null;
    function restrict(keys) {
      var set = new Uint8Array(N);
      keys.forEach(function (key) {
        (found.get(key) || []).forEach(function (p) {
          for (var i = 0; i < p.ids.length; i++) if (p.vals[i] & 4) set[p.ids[i]] = 1;
        });
      });
      if (allow) for (var d = 0; d < N; d++) allow[d] &= set[d];
      else allow = set;
    }
    if (filters.province) restrict(filters.province.split("+").map(function (p) { return "~p:" + p; }));
    if (filters.directive) restrict(["~d:" + filters.directive]);
    var lo = 0, hi = N;
    if (filters.year) {
      var span = this.manifest.years[filters.year];
      if (span) { lo = span[0]; hi = span[1]; } else { hi = 0; }
    }
    var browsing = q.empty;  // filters only: every matching article, newest first
    var ids = [], approx = [];
    for (var d = hi - 1; d >= lo; d--) {  // ids are oldest first: a higher id is newer
      if (allow && !allow[d]) continue;
      if (browsing) { ids.push(d); continue; }
      if (phraseOk[d] < quoted.length) continue;
      if (hits[d] >= needed.length && nameOk[d] >= named) ids.push(d);
      else if (strong[d] > 0) approx.push(d);
    }
    // The whole query close together first (pairs of it found), in the title before the text.
    var regional = new Uint8Array(N);  // of a province of the region named, by its front matter
    (q.regional || []).forEach(function (key) {
      (found.get(key) || []).forEach(function (p) {
        for (var i = 0; i < p.ids.length; i++) if (p.vals[i] & 4) regional[p.ids[i]] = 1;
      });
    });
    var order = function (a, b) {
      return (nameFirst[b] - nameFirst[a]) || (markedPairs[b] - markedPairs[a]) || (typed.all[b] - typed.all[a]) ||
        (pairHits[b] - pairHits[a]) || (titlePairs[b] - titlePairs[a]) ||
        (regional[b] - regional[a]) || (hits[b] - hits[a]) || (nameLater[b] - nameLater[a]) || (typedPairs[b] - typedPairs[a]) || (exact[b] - exact[a]) || (all[b] - all[a]) || (score[b] - score[a]) || (b - a);
    };
    if (!browsing) {
      // "mới nhất" asked ("tin mới nhất về Lai Châu"): the newest first, not the closest match
      ids.sort(q.newest ? function (a, b) { return b - a; } : order);
      approx.sort(order);
    }
    var pairLists = [];
    q.pairs.forEach(function (p) {
      if (!p.skipped) pairPostings(found, p).forEach(function (list) {
        (list.keys || [p.key]).forEach(function (k) { pairLists.push([k, list.ids]); });
      });
    });
    // only a word begun, too short to look up ("h", "Đ"): no answer yet, not "no result"
    var begun = terms.length > 0 && terms.every(function (t) { return t.stop; }) &&
      terms.some(function (t) { return t.word && t.word.prefix; });
    // the names no article holds together ("Phú Quốc"), told when there are only approximate results
    var apart = bound.filter(function (p) { return !together(p); }).map(function (p) { return p.text; });
    // a quoted phrase of more pairs than are looked up (PHRASE_PAIRS): its first ones are checked in
    // order, the rest not, so the count may hold articles lacking the phrase's end; the page says so
    var cut = !q.light && q.pairs.some(function (p) { return p.phrase && p.skipped; });
    // the provinces named only within a longer name held whole ("Thái Bình Dương"): no offer of theirs
    var within = bound.filter(function (p) { return p.glued; }).map(function (p) { return p.province; });
    // the provinces a result names first (its card's list): those of the filter, then those the
    // query was read as, that its front matter names (a province's page lists its cards so)
    var leading = (filters.province ? filters.province.split("+") : []).concat(q.names.filter(function (n) {
      return n.key.indexOf("~p:") === 0 && within.indexOf(n.key) < 0;
    }).map(function (n) { return n.key.slice(3); })).filter(function (slug, k, all) { return all.indexOf(slug) === k; });
    return { ids: ids, approx: approx, empty: false, q: q, terms: terms, begun: begun, apart: apart, deferred: undecided, cut: cut,
             within: within,
             leading: function (d) {
      return leading.filter(function (slug) {
        return (found.get("~p:" + slug) || []).some(function (p) { return termOf(p, d); });
      });
    },
             paired: function (d) {
      return Array.from(new Set(pairLists.filter(function (pl) { return contains(pl[1], d); }).map(function (pl) { return pl[0]; })));
    } };
  };

  /* Where the words the reader typed with marks are written with them (those marks or more: "biên"
     fits "biến"; "diễn" does not fit "Điện", nor "bắc" "Bác"; tone styles are one tone key), and the
     words of a province's name typed loosely with all its marks ("hòa bình") written more often
     than the name itself (the peace, not only "tỉnh Hòa Bình"): per folded key, the articles
     (byKey); and all, the articles holding every such word so (1 for all when none was typed so).
     A reader who typed marks means them: these articles rank first (rank). */
  function asTyped(needed, found, N) {
    var byKey = new Map(), all = new Uint8Array(N).fill(1);
    var hold = function (key, each) {
      if (byKey.has(key)) return;  // a key typed twice: its first spelling
      var seen = new Uint8Array(N);
      byKey.set(key, seen);
      each(seen);
    };
    needed.forEach(function (t) {
      var w = t.word;
      if (w && w.exact && !w.bare && !w.readings && !w.date && !w.month && !(w.completions && !held(found, w)) &&
          hasDiacritics(w.text)) {
        hold(w.key, function (seen) {
          t.lists.forEach(function (p) {
            if (p.reading || !p.variant || (p.variant !== t.altTone && markFault(t.tone, [p.variant]))) return;
            for (var i = 0; i < p.ids.length; i++) seen[p.ids[i]] = 1;
          });
        });
      }
      ((t.unit && t.unit.words && t.unit.marked) || []).forEach(function (m) {
        hold(m.key, function (seen) {
          var count = new Uint8Array(N);
          (found.get(m.key) || []).forEach(function (p) {
            if (markFault(m.tone, [p.variant])) return;
            for (var i = 0; i < p.ids.length; i++) count[p.ids[i]] = Math.min(255, count[p.ids[i]] + (p.vals[i] >> 3));
          });
          (found.get(t.name) || []).forEach(function (p) {
            for (var i = 0; i < p.ids.length; i++) {
              var d = p.ids[i], named = p.vals[i] >> 3;
              if (count[d] <= named && named < MAX_COUNT) count[d] = 0;
            }
          });
          for (var d = 0; d < N; d++) if (count[d]) seen[d] = 1;
        });
      });
    });
    byKey.forEach(function (seen) { for (var d = 0; d < N; d++) all[d] &= seen[d]; });
    return { byKey: byKey, all: all };
  }
