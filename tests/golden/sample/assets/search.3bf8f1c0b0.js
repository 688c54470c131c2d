/* Search page of the portal: queries the static index built by generator/search.
 *
 * Folding rules and key hashes are the twins of generator/search/text.py (prepare,
 * tokenize, fold, toneKey, keyHash, mix); tests/test_search.py runs both on the same
 * cases, so keep them identical. The index format is described in
 * generator/search/format.py. Loaded with `defer` on the search page only; no inline
 * code (the site's CSP is script-src 'self').
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

  // ---- Key hashes: where a key sits in the index (text.py: key_hash, mix, prefix_code) ----
  var MASK = (1n << 64n) - 1n;
  var P = 0x9E3779B97F4A7C15n;

  function keyHash(key) {
    var h = 0n, power = 1n;
    for (var i = 0; i < key.length; i++) {
      h = (h + BigInt(key.charCodeAt(i)) * power) & MASK;
      power = (power * P) & MASK;
    }
    return h;
  }

  function mix(h) {
    h = ((h ^ (h >> 30n)) * 0xBF58476D1CE4E5B9n) & MASK;
    h = ((h ^ (h >> 27n)) * 0x94D049BB133111EBn) & MASK;
    return h ^ (h >> 31n);
  }

  function hex(value, width) {
    var s = value.toString(16);
    while (s.length < width) s = "0" + s;
    return s;
  }

  /* A key's place as the manifest gives shard starts: kind << 48 | first three units, then mix. */
  function place(key, pair, mixed) {
    var head = BigInt(pair ? 1 : 0) << 48n;
    for (var i = 0; i < 3; i++) head |= BigInt(i < key.length ? key.charCodeAt(i) : 0) << BigInt(32 - 16 * i);
    return hex(head, 13) + (mixed === undefined ? hex(mix(keyHash(key)), 16) : mixed);
  }

  // ---- Query parsing ----

  /* Runs of the query: quoted phrases and free text, each a list of tokens, and where a sentence
     ends before a token (ends[k]: between tokens k - 1 and k). */
  function parseQuery(query) {
    var runs = [];
    var parts = prepare(query).split(QUOTES);
    for (var i = 0; i < parts.length; i++) {
      var tokens = tokenize(parts[i]);
      if (tokens.length) runs.push({ phrase: i % 2 === 1, tokens: tokens, ends: sentenceEnds(parts[i]) });
    }
    return runs;
  }

  /* Where sentences end between the tokens of a query: where the index has them (text.sentences:
     after ! ? ; or …, or a full stop after a token starting with a small letter: "vững mạnh. Đảng";
     not "TP. Hồ", "4.0"), and at a full stop the reader typed before a space ("Bác Hồ. Đảng" is no
     name "Hồ Đảng"; a pair the query does not make is one it does not require). */
  var GAP = /[\p{L}\p{N}]+|[^\p{L}\p{N}]+/gu;
  function sentenceEnds(text) {
    var ends = [], before = null, k = 0, m;
    GAP.lastIndex = 0;
    while ((m = GAP.exec(text))) {
      if (/^[\p{L}\p{N}]/u.test(m[0])) { before = m[0]; k++; continue; }
      if (before !== null && (/[!?;…]|\.\s/.test(m[0]) || (m[0].indexOf(".") >= 0 && /^\p{Ll}/u.test(before)))) ends[k] = true;
    }
    return ends;
  }

  /* The runs of a query cut where its sentences end, but not inside a name of the registries that
     the reader typed in small letters ("tp. hồ chí minh", "tp.hcm"). */
  function sentencesOf(runs, byFirst) {
    var out = [];
    runs.forEach(function (run) {
      var spans = findNames(run.tokens.map(fold), byFirst, run.tokens.map(toneKey)), from = 0;
      for (var k = 1; k <= run.tokens.length; k++) {
        var inside = spans.some(function (s) { return k > s.start && k < s.end; });
        if (k === run.tokens.length || (run.ends[k] && !inside)) {
          out.push({ phrase: run.phrase, tokens: run.tokens.slice(from, k) });
          from = k;
        }
      }
    });
    return out;
  }

  /* Name spans (provinces, directives) in folded tokens, longest first: the walk of Names.find.
     With the tokens' tone keys (tones), a province's name only where each token has the marks of
     one of the registries' spellings or fewer ("tự diễn biến" is no Điện Biên, "hoa huệ" no Huế:
     the index's rule, names.mark_fault); with small (per token: it starts with a small letter: an
     article's text), also a capital where the registries write one ("hòa bình" is no Hòa Bình
     there). A query is read without the capitals: readers type in small letters. */
  function findNames(folded, byFirst, tones, small) {
    var found = [], i = 0;
    var fits = function (k) {
      var allowed = tones && byFirst.marks && byFirst.marks.get(folded[k]);
      if (!allowed) return true;
      if (small && small[k] && !byFirst.small.has(folded[k])) return false;
      return !markFault(tones[k], allowed);
    };
    while (i < folded.length) {
      var candidates = byFirst.get(folded[i]);
      var step = 1;
      if (candidates) {
        for (var c = 0; c < candidates.length; c++) {
          var seq = candidates[c].seq, ok = i + seq.length <= folded.length;
          for (var k = 0; ok && k < seq.length; k++) ok = folded[i + k] === seq[k];
          if (ok && candidates[c].key.indexOf("~p:") === 0) for (k = 0; ok && k < seq.length; k++) ok = fits(i + k);
          if (ok) { found.push({ start: i, end: i + seq.length, key: candidates[c].key }); step = seq.length; break; }
        }
      }
      i += step;
    }
    return found;
  }

  /* Whether a tone key has marks that none of allowed (the tone keys of a province's word as the
     registries spell it) has: a letter's shape (ă â ê ô ơ ư đ) or a tone other than theirs. Fewer
     marks fit ("dien", "điên" for "điện"); "diễn" does not (names.mark_fault). */
  function markFault(tone, allowed) {
    if (allowed.indexOf(tone) >= 0) return false;
    var typed = splitTone(tone);
    return !allowed.some(function (other) {
      var spelt = splitTone(other), a = Array.from(typed[0]), b = Array.from(spelt[0]);
      return (typed[1] === 0 || typed[1] === spelt[1]) && a.length === b.length &&
        a.every(function (ch, k) { return ch === b[k] || ch === fold(b[k]); });
    });
  }
  /* Whether the tokens before the k-th are a word saying a province's name follows: "tỉnh" (or
     "tinh" without marks, not "tình", "tính"), "thành phố", "tp" (tokens: folded and tone keys). */
  var PROVINCE_WORDS = [["tinh"], ["thanh", "pho"], ["tp"]].map(function (seq) {
    return { seq: seq, tones: seq.map(function (f) { return toneKey({ tinh: "tỉnh", thanh: "thành", pho: "phố" }[f] || f); }) };
  });
  function provinceWordBefore(tokens, k) {
    return PROVINCE_WORDS.some(function (w) {
      var from = k - w.seq.length;
      return from >= 0 && w.seq.every(function (f, j) {
        return tokens[from + j].folded === f && !markFault(tokens[from + j].tone, [w.tones[j]]);
      });
    });
  }
  function splitTone(tone) {
    return /[0-9]$/.test(tone) && !/^[0-9]+$/.test(tone) ? [tone.slice(0, -1), +tone.slice(-1)] : [tone, 0];
  }

  var SPLIT = /^(\p{L}{1,3})(\p{N}+)$|^(\p{N}+)(\p{L}{1,3})$/u;

  /* One Vietnamese syllable without its marks: an onset, then a rhyme (what đ, ă, â, ê, ô, ơ, ư
     fold to). A word typed as one is never split into others ("toan" is toàn, not "to an"). */
  var SYLLABLE = new RegExp("^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?(" + (
    "a ac ach ai am an ang anh ao ap at au ay e ec ech em en eng enh eo ep et eu i ia ich iec iem ien ieng " +
    "iep iet ieu im in inh ip it iu o oa oac oach oai oam oan oang oanh oao oap oat oay oc oe oem oen oeo oet " +
    "oi om on ong ooc oong op ot u ua uan uang uat uay uc ue uech uenh ui um un ung uo uoc uoi uom uon uong " +
    "uop uot uou up ut uu uy uya uych uyen uyet uynh uyt uyu y yen yet yeu").split(" ").join("|") + ")$");
  /* The start of such a syllable (a word still being typed: "duo" of "duong"). */
  var SYLLABLE_BEGUN = new RegExp("^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?(" + (function () {
    var starts = new Set();
    SYLLABLE.source.split("(")[2].split(")")[0].split("|").forEach(function (r) {
      for (var i = 1; i <= r.length; i++) starts.add(r.slice(0, i));
    });
    return Array.from(starts).join("|");
  })() + ")$");
  var JOINED_MAX = 8;  // words in a run typed without spaces
  var WORD_MAX = 7;    // letters in a syllable, at most ("nghiêng")

  /* A run of words typed without spaces ("hochiminh", "lamtheobac", "neuguong"): its split into
     the words the site uses most (the manifest's common ones), the fewest words first, then the
     most used; null for a syllable, a common word, or a run no such split covers. */
  function splitJoined(f, common) {
    if (!common || f.length < 4 || !/^[a-z]+$/.test(f) || SYLLABLE.test(f) || common.has(f)) return null;
    // best[i]: the best split of f from i on (words, their summed log counts, where the next starts)
    var best = new Array(f.length + 1).fill(null);
    best[f.length] = { words: 0, score: 0, next: -1 };
    for (var i = f.length - 1; i >= 0; i--) {
      for (var j = i + 1; j <= Math.min(f.length, i + WORD_MAX); j++) {
        var piece = f.slice(i, j), rest = best[j];
        // a letter that repeats the one before is a key pressed twice ("theoo"), not the word "ở"
        if (!rest || !common.has(piece) || (j === i + 1 && i > 0 && f[i - 1] === piece)) continue;
        var words = rest.words + 1, score = rest.score + Math.log(1 + common.get(piece));
        if (!best[i] || words < best[i].words || (words === best[i].words && score > best[i].score)) {
          best[i] = { words: words, score: score, next: j };
        }
      }
    }
    if (!best[0] || best[0].words < 2 || best[0].words > JOINED_MAX) return null;
    var out = [];
    for (var at = 0; at < f.length; at = best[at].next) out.push(f.slice(at, best[at].next));
    return out;
  }

  /* Tokens as a reader types them, as the index knows them: a name written in one word
     ("daknong") becomes its tokens, letters run into digits ("CT05") are split unless a name has
     them so ("NQ TW4 khóa 12"), and so are
     common words run together ("hochiminh"). */
  function expand(tokens, index) {
    var out = [];
    tokens.forEach(function (token) {
      var f = fold(token), joined = index.joined.get(f), name = joined || splitJoined(f, index.common), m;
      if (name) name.forEach(function (t) { out.push({ text: t, folded: t, tone: t, exact: false, joined: !!joined }); });
      else if (!(index.nameWords && index.nameWords.has(f)) && (m = SPLIT.exec(f))) {  // "TW4" of a name stays
        (m[1] !== undefined ? [m[1], m[2]] : [m[3], m[4]]).forEach(function (t) {
          out.push({ text: t, folded: t, tone: t, exact: false });
        });
      } else if (GROUPED.test(f) && !/^(19|20)[0-9]{2}$/.test(f)) {
        // "9630", "198835": articles write them in groups of thousands ("9.630", "198.835"), which
        // are tokens of their own; the last group is required (or the number written whole), the
        // others rank, as the pairs they make
        var groups = [];
        for (var e = f.length; e > 0; e -= 3) groups.unshift(f.slice(Math.max(0, e - 3), e));
        groups.forEach(function (g, k) {
          var last = k === groups.length - 1;
          out.push({ text: g, folded: g, tone: g, exact: false, loose: !last, whole: last ? f : null });
        });
      } else out.push({ text: token, folded: f, tone: toneKey(token), exact: hasDiacritics(token) });
    });
    return out;
  }
  var GROUPED = /^[1-9][0-9]{3,14}$/;  // a number of four digits or more typed without separators

  /* A syllable of one vowel i or y after its onset is spelled both ways ("kỹ" and "kĩ", "lý" and
     "lí", "quý" and "quí", "tỷ" and "tỉ", "hy" and "hi"; the 1980s rules chose i, the press kept y):
     the other spelling's folded key, or null. Only after the onsets that take both (no word is
     spelled "chy", "khy" or "đy": "chí", "khi", "đi" have no twin to look up). */
  var IY = /^(h|k|l|m|s|t|qu)([iy])$/;
  function iyVariant(f) {
    var m = IY.exec(f);
    return m ? m[1] + (m[2] === "i" ? "y" : "i") : null;
  }
  /* A tone key with the same swap ("ki3" -> "ky3"; đ kept). */
  function iyTone(tone) {
    var m = /^(.*)([iy])([1-5]?)$/.exec(tone);
    return m ? m[1] + (m[2] === "i" ? "y" : "i") + m[3] : tone;
  }
  /* Ordinals are written in Roman numerals or in digits ("khóa XII", "khóa 12"; "Đại hội XIII",
     "lần thứ 13"): a number from 2 to 39 and its numeral are one word, where the numeral has two
     letters or more and is no syllable ("VI" is also vì, "XI" xi; "V", "X", "I" are letters). */
  var ROMAN = [[10, "x"], [9, "ix"], [5, "v"], [4, "iv"], [1, "i"]];
  function roman(n) {
    var out = "";
    ROMAN.forEach(function (r) { while (n >= r[0]) { out += r[1]; n -= r[0]; } });
    return out;
  }
  function romanValue(f) {
    if (!/^[ivx]{2,6}$/.test(f)) return 0;
    for (var n = 2; n < 40; n++) if (roman(n) === f) return SYLLABLE.test(f) ? 0 : n;
    return 0;
  }
  /* The numeral of a number typed after a word ("khóa 12" -> "xii": an ordinal follows its noun,
     a count comes before it: "2 năm"), or the number of a numeral typed in capitals ("XII" -> "12";
     "xii" in lower case is no numeral a reader types); null for other words. */
  function romanVariant(f, text, after) {
    if (/^[1-9][0-9]?$/.test(f)) {
      if (!after || !/^[a-z]+$/.test(after)) return null;
      var n = parseInt(f, 10), r = n >= 2 && n < 40 ? roman(n) : "";
      return r.length > 1 && !SYLLABLE.test(r) ? r : null;
    }
    var v = text === text.toUpperCase() ? romanValue(f) : 0;
    return v ? String(v) : null;
  }
  /* The other spelling of a word of the query (i/y, or number and numeral), or null. */
  function variantOf(f, text, after) {
    return iyVariant(f) || romanVariant(f, text, after);
  }
  /* A folded token as such spellings compare: "ky" and "ki", "xii" and "12" alike. */
  function iySame(f) {
    if (IY.test(f)) return f.slice(0, -1) + "i";
    var v = romanValue(f);
    return v ? String(v) : f;
  }
  /* The folded keys a word of the query is found under: its own, and its other spelling. */
  function keysOf(w) {
    return w.alt ? [w.key, w.alt] : [w.key];
  }

  var MAX_WORDS = 6, MAX_PAIRS = 6, PHRASE_PAIRS = 16;

  /* What to look up for a query: words (folded key and exact spelling), names, adjacent pairs; and
     the runs of words between names, as typed (what a title or a passage shows as matched). */
  function plan(query, index, open, cased, loose) {
    query = slashed(englishKinds(dateWords(query)));
    var runs = sentencesOf(parseQuery(query), index.byFirst);
    var words = [], names = [], pairs = [], segments = [];
    // capitals tell a name ("Phú Quốc") when the reader typed them, and not all ("LAM THEO BAC")
    var shouting = cased === false || prepare(query) === prepare(query).toUpperCase();
    var fillers = new Set(), others = new Set();
    // the query is two syllables and nothing else but question words ("thi đua ở đâu"; no name of
    // the registries, no quotes): the place of the second in its tokens, else -1
    var pairAt = loose || runs.length !== 1 || runs[0].phrase ? -1 : (function (tokens) {
      var folded = tokens.map(function (t) { return t.folded; }), asked = fillerSpans(folded), kept = [];
      folded.forEach(function (f, k) { if (!asked.some(function (s) { return k >= s[0] && k < s[1]; })) kept.push(k); });
      var ok = kept.length === 2 && kept[1] === kept[0] + 1 && !findNames(folded, index.byFirst, tonesOf(tokens)).length &&
        kept.every(function (k) { return SYLLABLE.test(folded[k]); });
      return ok ? kept[1] : -1;
    })(expand(runs[0].tokens, index));
    runs.forEach(function (run, r) {
      var tokens = expand(run.tokens, index);
      var folded = tokens.map(function (t) { return t.folded; });
      var spans = findNames(folded, index.byFirst, tonesOf(tokens)), owner = new Array(folded.length).fill(-1);
      // a province's name typed with a small letter where the registries write a capital ("dien
      // bien", "hòa bình", "Hòa bình", "thành phố Hồ Chí Minh"; readers on phones type names so)
      // may be its words as well ("tự diễn biến", "vì hòa bình", which the index does not read
      // as the province, nor an article's "thành phố Hồ Chí Minh"): the name or its words (the
      // pairs of its words), the articles naming the province first when it is all the query
      // asks. Typed as the index reads a name ("Điện Biên", "Thành phố Hồ Chí Minh"), or once so
      // in the query, or run together ("daknong"), the name alone.
      // After the word that says what follows is a province ("tỉnh điện biên", "thành phố hòa
      // bình", "tp. điện biên phủ"), a name in small letters is the province's name, as typed so.
      var loose = spans.map(function (s) {
        var part = tokens.slice(s.start, s.end);
        return !run.phrase && s.key.indexOf("~p:") === 0 && s.end - s.start > 1 &&
          !part.some(function (t) { return t.joined; }) && !provinceWordBefore(tokens, s.start) &&
          part.some(function (t) { return SMALL.test(t.text) && !index.byFirst.small.has(t.folded); });
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
      var asked = run.phrase ? [] : fillerSpans(folded);
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
              ((!shouting && titled(tokens[i - 1]) && titled(tokens[i])) || (r === 0 && i === pairAt && cased !== false))) {
            pairs.filter(function (p) { return p.key === key; })[0].name = true;
          }
          // a province's name with a word typed as a name beside it ("Điện Biên Phủ", "Cầu Cần
          // Thơ"): a longer proper name holding the province's, held whole as a name is ("Điện
          // Biên" and "phủ" anywhere counted "Chính phủ"; where no article writes it, the page says
          // so), and no seam between two names ("Lai Châu Bác Hồ", "Quảng Ninh Hạ Long")
          // ("Tỉnh Hòa Bình", "Thành phố Điện Biên Phủ": "Tỉnh" says the province follows; it found nothing)
          if (!run.phrase && !shouting && (owner[i] < 0) !== (owner[i - 1] < 0) && titled(tokens[i - 1]) && titled(tokens[i]) &&
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
          made.text = made.text || tokens[i - 1].text + " " + tokens[i].text;
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

  /* The regions of the registry (the manifest's) a query names, by their name or the names
     readers use ("miền Tây", "Tây Nam Bộ", "ĐBSCL"): [{name, parts: [[slug, name]…], from, to}]
     (from, to: where in the query). A region names no province: the page offers its provinces as
     a filter rather than requiring them (which would flood the results). */
  var REGION_NAMES = { "mien tay": "Đồng bằng sông Cửu Long", "tay nam bo": "Đồng bằng sông Cửu Long",
                       "dbscl": "Đồng bằng sông Cửu Long", "mien trung": "Bắc Trung Bộ và duyên hải miền Trung" };
  function regionsIn(query, manifest) {
    var regions = (manifest && manifest.regions) || {}, text = prepare(query), tokens = tokensOf(text);
    var folded = tokens.map(function (t) { return t.f; }), out = [];
    var spellings = Object.keys(regions).map(function (name) { return [tokenize(name).map(fold), name]; });
    Object.keys(REGION_NAMES).forEach(function (alias) {
      if (regions[REGION_NAMES[alias]]) spellings.push([alias.split(" "), REGION_NAMES[alias]]);
    });
    spellings.sort(function (a, b) { return b[0].length - a[0].length; });  // the longest first
    var taken = new Uint8Array(folded.length);
    spellings.forEach(function (sp) {
      for (var i = 0; i + sp[0].length <= folded.length; i++) {
        var ok = true;
        for (var k = 0; ok && k < sp[0].length; k++) ok = !taken[i + k] && folded[i + k] === sp[0][k];
        if (!ok) continue;
        for (k = 0; k < sp[0].length; k++) taken[i + k] = 1;
        if (!out.some(function (r) { return r.name === sp[1]; })) {
          out.push({ name: sp[1], parts: regions[sp[1]], from: tokens[i].s, to: tokens[i + sp[0].length - 1].e });
        }
      }
    });
    return out;
  }
  /* Whether a region's name starts at token i of folded, or ends just before it: the pair across
     that edge is no name ("làm theo Bác Tây Nguyên" required "Bác Tây": nothing found). */
  function regionEdge(folded, i, manifest) {
    var regions = (manifest && manifest.regions) || {};
    var seqs = Object.keys(regions).map(function (name) { return tokenize(name).map(fold); }).concat(
      Object.keys(REGION_NAMES).filter(function (a) { return regions[REGION_NAMES[a]]; }).map(function (a) { return a.split(" "); }));
    return seqs.some(function (seq) {
      var at = function (from) { return from >= 0 && seq.every(function (f, k) { return folded[from + k] === f; }); };
      return at(i) || at(i - seq.length);
    });
  }
  /* The query without the name of the region whose provinces are the province filter. */
  function withinRegion(query, province, manifest) {
    if (!province) return query;
    var within = province.split("+").sort().join("+"), text = prepare(query);
    var region = regionsIn(text, manifest).filter(function (r) {
      return r.parts.map(function (p) { return p[0]; }).sort().join("+") === within;
    })[0];
    return region ? text.slice(0, region.from) + " " + text.slice(region.to) : query;
  }

  /* A province's name as a card writes it: named (slug -> name: the page's filter of provinces,
     which lists every province an article names), else the manifest's 2025 units and regions, else
     the one of shown (a record's provinces) spelt as one of its names (spellings: folded). */
  function provinceName(manifest, slug, named, shown, spellings) {
    var out = named ? named(slug) : null;
    var merged = (manifest && manifest.merged) || {}, regions = (manifest && manifest.regions) || {};
    Object.keys(merged).forEach(function (k) {
      merged[k].parts.forEach(function (p) { if (!out && p[0] === slug) out = p[1]; });
    });
    Object.keys(regions).forEach(function (k) {
      regions[k].forEach(function (p) { if (!out && p[0] === slug) out = p[1]; });
    });
    (shown || []).forEach(function (name) {
      var folded = tokenize(name.replace(OTHERS, "$1")).map(fold).join(" ");
      if (!out && (spellings.get("~p:" + slug) || []).some(function (seq) { return seq.join(" ") === folded; })) {
        out = name.replace(OTHERS, "$1");
      }
    });
    return out;
  }

  /* The provinces a result's card shows: its record's, those of the result's filter or query first
     (named: the page's names of provinces by slug, or nothing). */
  Engine.prototype.provinces = function (rec, id, result, named) {
    var self = this;
    var first = result && result.leading ? result.leading(id).map(function (slug) {
      return provinceName(self.manifest, slug, named, rec.p, self.spellings);
    }) : [];
    return provincesShown(rec.p, first.filter(Boolean));
  };

  /* The 2025 unit a province joined (its slug: "lam-dong" for "dak-nong"), or undefined. */
  function unitOf(manifest, slug) {
    var merged = (manifest && manifest.merged) || {};
    return Object.keys(merged).filter(function (k) {
      return merged[k].parts.some(function (p) { return p[0] === slug; });
    })[0];
  }

  /* An amount of money typed with its unit ("1,5 tỷ", "1.500 triệu", "1500 triệu đồng", "500
     nghìn"): the other ways articles write the same amount, as folded token sequences ("1 tỷ 500
     triệu", "1.500.000 đồng"), with the typed tokens and whether "đồng" follows. A Vietnamese
     number: a comma is the decimal mark, dots group thousands ("1.500,5"); a dot before one or two
     digits is a decimal mark as typed on an English keyboard ("1.5 tỷ"); a comma before three digits
     ("1,500 triệu": 1.5 or 1500?) is not read. Plain "ti" and "ngan" are no units (ti vi, ngắn). */
  var AMOUNT = /(^|[^\p{L}\p{N}.,])([0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]{1,3})?|[0-9]+(?:[.,][0-9]{1,3})?)\s*(t\u1ef7|t\u1ec9|ty|tri\u1ec7u|trieu|ngh\u00ecn|nghin|ng\u00e0n)(?:\s+(\u0111\u1ed3ng|dong|vn\u0111|vnd))?(?![\p{L}\p{N}])/giu;
  var UNITS = { ty: 1e9, ti: 1e9, trieu: 1e6, nghin: 1e3, ngan: 1e3 };
  function amounts(query) {
    var out = [], re = new RegExp(AMOUNT.source, "giu"), m;
    var groups = function (n) {  // "1500" -> ["1", "500"]
      var s = String(n), g = [];
      for (var e = s.length; e > 0; e -= 3) g.unshift(s.slice(Math.max(0, e - 3), e));
      return g;
    };
    var decimal = function (whole, frac) {  // "1", "500" -> ["1", "5"]; "2", "000" -> ["2"]
      var f = frac.replace(/0+$/, "");
      return f ? groups(whole).concat([f]) : groups(whole);
    };
    while ((m = re.exec(prepare(query)))) {
      var number = m[2], whole = number, frac = "";
      if (/,[0-9]{3}$/.test(number) && number.indexOf(".") < 0) continue;  // "1,500": which?
      var comma = number.lastIndexOf(",");
      if (comma >= 0) { whole = number.slice(0, comma); frac = number.slice(comma + 1); }
      else if (/^[0-9]+\.[0-9]{1,2}$/.test(number)) { whole = number.split(".")[0]; frac = number.split(".")[1]; }
      whole = whole.replace(/\./g, "");
      var unit = UNITS[fold(m[3])], dong = Math.round((parseInt(whole, 10) + (frac ? parseInt(frac, 10) / Math.pow(10, frac.length) : 0)) * unit);
      if (!(dong >= 1000) || dong > 1e15) continue;
      var forms = [];
      if (dong % 1e6 === 0 && dong >= 1e8) {  // in tỷ, to three decimals
        var t = decimal(Math.floor(dong / 1e9), String(dong % 1e9 / 1e6 + 1000).slice(1));
        if (dong >= 1e9) ["ty", "ti"].forEach(function (u) { forms.push(t.concat([u])); });
        if (dong % 1e9 && dong > 1e9) ["ty", "ti"].forEach(function (u) {  // "1 tỷ 500 triệu"
          forms.push(groups(Math.floor(dong / 1e9)).concat([u]).concat(groups(dong % 1e9 / 1e6)).concat(["trieu"]));
        });
      }
      if (dong % 1e3 === 0 && dong >= 1e6) {  // in triệu: "1.500 triệu", "1500 triệu", "1,5 triệu"
        var mil = Math.floor(dong / 1e6), rest = dong % 1e6;
        if (!rest) {
          forms.push(groups(mil).concat(["trieu"]));
          if (mil >= 1000) forms.push([String(mil), "trieu"]);
        } else if (mil < 1000) forms.push(decimal(mil, String(rest / 1e3 + 1000).slice(1)).concat(["trieu"]));
      }
      // in nghìn ("500 nghìn"), and in đồng when typed so ("500.000 đồng"; "1,5 triệu người" or
      // "… USD" are no "1.500.000 đồng")
      if (dong < 1e7 && dong % 1e3 === 0) ["nghin", "ngan"].forEach(function (u) { forms.push(groups(dong / 1e3).concat([u])); });
      if (m[4] && /^(\u0111\u1ed3ng|dong)$/i.test(m[4]) && dong < 1e9) forms.push(groups(dong).concat(["dong"]));
      var typed = tokenize(m[2] + " " + m[3]).map(fold);
      var key = typed.join(" ");
      forms = forms.filter(function (f) { return f.join(" ") !== key && f.join(" ") !== key.replace(/ ti$/, " ty"); });
      if (forms.length) out.push({ typed: typed, forms: forms, dong: !!m[4] });
    }
    return out;
  }

  var NUMBER_GROUPS = /(^|[^\p{L}\p{N}.,])([0-9]+(?:[.,][0-9]+)+)(?![\p{L}\p{N}]|[.,][0-9])/u;

  /* A date written in words ("ngày 12 tháng 3", "mùng 2 tháng 9", "15 tháng 5 năm 2016"), as its
     digits are typed ("ngày 12/3", "mùng 2/9", "15/5/2016"), which the rules of days and months read:
     with "ngày" (or "mùng", "mồng") before it or its year after it ("15 tháng 5" alone may be a count of months). */
  var DAY_MONTH_NAME = /([0-9]{1,2})(\s+)(th\u00e1ng|thang)(\s+)(m\u01b0\u1eddi\s+m\u1ed9t|m\u01b0\u1eddi\s+hai|muoi\s+mot|muoi\s+hai|\p{L}+)(?![\p{L}\p{N}])/giu;
  var MONTH_NAME_YEAR = /(th\u00e1ng|thang)(\s+)(m\u01b0\u1eddi\s+m\u1ed9t|m\u01b0\u1eddi\s+hai|muoi\s+mot|muoi\s+hai|\p{L}+)(\s+(?:n\u0103m|nam)\s+|\s*[\/-]\s*|\s+)((?:19|20)[0-9]{2})(?![\p{L}\p{N}])/giu;
  var DATE_WORDS = /(^|[^\p{L}\p{N}])(?:(\p{L}+)\s+)?([0-9]{1,2})\s+(\p{L}+)\s+([0-9]{1,2})(?:\s+(\p{L}+)\s+((?:19|20)[0-9]{2}))?(?![\p{L}\p{N}])/gu;
  /* The kinds of the registries' directives in English before a number ("Directive 05",
     "Resolution No. 04-NQ/TW", as the English press writes them): the Vietnamese kind, which the
     names of the registries hold ("directive 05" found nothing, not even in part). */
  var ENGLISH_KINDS = /(^|[^\p{L}\p{N}])(directive|resolution|conclusion|regulation)(?:\s+no\.?)?\s+(?=[0-9])/giu;
  var KINDS = { directive: "chỉ thị", resolution: "nghị quyết", conclusion: "kết luận", regulation: "quy định" };
  function englishKinds(query) {
    return query.replace(ENGLISH_KINDS, function (all, edge, kind) { return edge + KINDS[kind.toLowerCase()] + " "; });
  }
  /* The abbreviations of administrative writing with a slash ("đ/c Nguyễn Văn A", "v/v"): the words
     they stand for, which articles write (they were two one-letter words, required by nothing:
     "đ/c" found no article). */
  var SLASHED = /(^|[^\p{L}\p{N}\/])(đ\/c|đ\/v|v\/v|k\/g)(?![\p{L}\p{N}\/])/giu;
  var SLASHED_WORDS = { "đ/c": "đồng chí", "đ/v": "đối với", "v/v": "về việc", "k/g": "kính gửi" };
  var SLASHED_PAIRS = {};  // "dong chi" -> "d c": the pair an article writing "đ/c" has
  Object.keys(SLASHED_WORDS).forEach(function (short) {
    SLASHED_PAIRS[tokenize(SLASHED_WORDS[short]).map(fold).join(" ")] = tokenize(short).map(fold).join(" ");
  });
  function slashed(query) {
    return query.replace(SLASHED, function (all, edge, short) { return edge + SLASHED_WORDS[short.toLowerCase()]; });
  }

  /* A month written in words after "tháng" (with its marks, or without them where no other word
     folds the same: "thang sau" is as often "tháng sau", next month): its number. */
  var MONTH_NAMES = { "giêng": 1, "một": 1, "hai": 2, "ba": 3, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7, "bẩy": 7,
                      "tám": 8, "chín": 9, "mười": 10, "chạp": 12, " gieng": 1, " hai": 2, " ba": 3, " bay": 7,
                      " tam": 8, " chin": 9, " chap": 12 };
  /* A month in digits as articles write it in words after "tháng" (folded): not where the pair is
     as often something else ("tháng một" of "mỗi tháng một lần", "tháng tư" of "tháng từ", "tháng
     năm", "tháng sáu" of "tháng sau", "tháng mười" of "tháng mười hai"). */
  var MONTH_WRITTEN = { 1: ["gieng"], 2: ["hai"], 3: ["ba"], 7: ["bay"], 8: ["tam"], 9: ["chin"],
                        11: ["muoi mot"], 12: ["muoi hai", "chap"] };
  /* The number of a month written in words after "tháng" (MONTH_NAMES; "mười một", "mười hai"), or 0. */
  function monthNumber(name) {
    var typed = name.toLowerCase().replace(/\s+/g, " "), f = fold(typed);
    return f === "muoi mot" ? 11 : f === "muoi hai" ? 12 : typed.indexOf(" ") > 0 ? 0 :
      MONTH_NAMES[typed] || (typed === f ? MONTH_NAMES[" " + f] : 0);
  }
  /* The tone keys of expanded tokens (expand). */
  function tonesOf(tokens) {
    return tokens.map(function (t) { return t.tone; });
  }
  /* The keys of the pairs of adjacent words of a folded sequence ("a b", "b c"). */
  function pairKeys(seq) {
    var keys = [];
    for (var k = 1; k < seq.length; k++) keys.push(seq[k - 1] + " " + seq[k]);
    return keys;
  }
  var DAY_WORDS = /^(ngay|mung|mong)$/;  // "ngày 12", "mùng 2", "mồng 2"
  var DAY_LEADS = ["ngay", "mung", "mong"];
  function dateWords(query) {
    // a month in words after a day ("ngày 30 tháng Tư", "mùng 2 tháng Chín năm 1945"): its number,
    // read below as the date typed in digits is (it stayed words, "tư" and "chín" required)
    var named = prepare(query).replace(DAY_MONTH_NAME, function (all, day, space, month, gap, name) {
      var n = monthNumber(name), f = fold(name.toLowerCase());
      if (!n || f === "nam" || f === "mot") return all;  // "2 tháng năm 2020", "2 tháng một lần"
      return day + space + month + gap + n;
    });
    // and before a year ("tháng Ba năm 2018", "tháng Chạp 2020"): the month of that year
    named = named.replace(MONTH_NAME_YEAR, function (all, month, gap, name, sep, year) {
      var n = monthNumber(name);
      return n && fold(name.toLowerCase()) !== "nam" ? month + gap + n + sep + year : all;
    });
    return named.replace(DATE_WORDS, function (all, edge, lead, day, month, m, yearWord, year) {
      var dated = lead !== undefined && DAY_WORDS.test(fold(lead)), yeared = yearWord !== undefined && fold(yearWord) === "nam";
      if (fold(month) !== "thang" || !(dated || yeared)) return all;
      return edge + (lead !== undefined ? lead + " " : "") + day + "/" + m +
        (year === undefined ? "" : yeared ? "/" + year : " " + yearWord + " " + year);
    });
  }

  var DAY_MONTH = /(^|[^0-9\/.-])([0-9]{1,2})\s*[\/-]\s*([0-9]{1,2})(?![0-9]|\s*[\/.-]\s*[0-9])/;

  /* A word of a name as typed: a capital, then small letters ("Quốc", not "UBND" or "05"). */
  function titled(t) {
    return t.text.length > 1 && /^[a-z]+$/.test(t.folded) && t.text[0] !== t.text[0].toLowerCase() &&
      t.text.slice(1) === t.text.slice(1).toLowerCase();
  }

  /* Questions and polite requests around what is asked ("Chỉ thị 05 là gì", "cho tôi hỏi …",
     "tìm bài về …", "sinh năm nào", "ai là …"), folded; not "cho biết", which news writes ("Bí thư
     cho biết"). */
  var FILLERS = ["la gi", "nghia la gi", "co nghia la gi", "la sao", "la ai", "nhu the nao", "the nao", "ra sao",
    "nhu nao", "o dau", "tai dau", "khi nao", "luc nao", "bao gio", "bao nhieu", "tai sao", "vi sao",
    "gom nhung gi", "co nhung gi", "cho toi hoi", "cho minh hoi", "cho em hoi", "cho hoi", "xin hoi",
    "tim bai ve", "tim bai viet ve", "tim cac bai ve", "tim cac bai viet ve", "tim tin ve", "thong tin ve",
    "bai viet ve", "cho toi biet", "hay cho biet", "nao", "ai la",
    // what readers type into a search box about the news itself ("tin mới nhất về Lai Châu",
    // "các bài về …", "tìm kiếm …", "tin tức Lai Châu hôm nay": nothing found, no article writing
    // "hôm nay"): no words an article holds
    "tin moi nhat ve", "tin moi nhat", "moi nhat", "tin tuc ve", "tin tuc", "cac bai ve", "cac bai viet ve",
    "tim kiem", "tin ve", "hom nay", "gan day", "moi day"].map(function (f) { return f.split(" "); });

  /* [start, end) of the fillers in folded tokens, longest first, not overlapping. */
  function fillerSpans(folded) {
    var out = [];
    for (var i = 0; i < folded.length;) {
      var best = 0;
      FILLERS.forEach(function (f) {
        if (f.length > best && f.every(function (w, k) { return folded[i + k] === w; })) best = f.length;
      });
      if (best) out.push([i, i + best]);
      i += best || 1;
    }
    return out;
  }

  /* Months a query names ("5/2024", "tháng 05/2024", "19/5/2024", "tháng 5 năm 2024"): [{year,
     month, pairs (how an article writes it: "5 2024", "05 2024"), loose (the folded words of the
     date other than its year: the month, the day, "tháng": not required, as a year's month is
     what they say)}]. */
  var DATES = [
    [/(?:^|[^a-z0-9])(?:(ngay|mung|mong)\s+)?([0-9]{1,2})\s*[\/.-]\s*([0-9]{1,2})\s*[\/.-]\s*((?:19|20)[0-9]{2})(?![0-9])/g, 3, 4, 2],
    [/(?:^|[^a-z0-9])(?:(thang)\s+)?([0-9]{1,2})\s*[\/.-]\s*((?:19|20)[0-9]{2})(?![0-9])/g, 2, 3, 0],
    [/(?:^|[^a-z0-9])(thang)\s+([0-9]{1,2})\s+(?:(nam)\s+)?((?:19|20)[0-9]{2})(?![0-9])/g, 2, 4, 0]];
  function monthsOf(query) {
    var f = fold(prepare(query)), out = [];
    DATES.forEach(function (rule) {
      var re = new RegExp(rule[0].source, "g"), m;
      while ((m = re.exec(f))) {
        var month = parseInt(m[rule[1]], 10), year = m[rule[2]], day = rule[3] ? parseInt(m[rule[3]], 10) : 1;
        if (month < 1 || month > 12 || day < 1 || day > 31) continue;
        if (out.some(function (d) { return d.year === year && d.month === month; })) continue;
        var loose = [m[rule[1]]].concat(rule[3] ? [m[rule[3]]] : []).concat(m.slice(1).filter(function (x) {
          return x === "thang" || x === "nam" || DAY_WORDS.test(x);  // "mùng 2/9/1945" as "ngày 2/9/1945"
        }));
        var days = !rule[3] ? [] : [String(day)].concat(day < 10 ? ["0" + day] : []);
        var months = [String(month)].concat(month < 10 ? ["0" + month] : []);
        out.push({ year: year, month: month, loose: loose,
                   pairs: months.map(function (mm) { return mm + " " + year; }),
                   // a day ("19/5/2024"): the articles of that day, and those that write it
                   day: rule[3] ? day : 0,
                   dayPairs: [].concat.apply([], days.map(function (dd) { return months.map(function (mm) { return dd + " " + mm; }); })),
                   // a day written in words ("ngày 12 tháng 3 năm 2024"): the pairs an article holds all
                   // of, the day's after the word of a day ("12 tháng" alone is often a count of months)
                   // and the month's beside its year. Not a month alone: "tháng 3", "3 năm" (three years)
                   // and "năm 2024" apart are often no month, and pairs can't tell
                   written: months.map(function (mm) { return ["thang " + mm, mm + " nam", "nam " + year]; }),
                   dayWritten: [].concat.apply([], days.map(function (dd) {
                     return [].concat.apply([], months.map(function (mm) {
                       return DAY_LEADS.map(function (lead) { return [lead + " " + dd, dd + " thang", "thang " + mm]; });
                     }));
                   })) });
      }
    });
    return out;
  }

  /* The words and pairs fetched for a long query: the rarest words first (a word the manifest
     lists as common goes last), quoted pairs and the pairs of chosen words first. loaded (while
     the reader types a long query): whether a word's shard is already here; those go first, so
     that typing fetches few new shards (the pause then fetches the rarest). */
  function chooseKeys(q, common, loaded) {
    var rank = function (w) { return common.has(w.key) ? common.get(w.key) : -w.key.length; };
    var present = new Set(loaded && q.words.length > MAX_WORDS ? q.words.filter(function (w) { return loaded(w.key); }) : []);
    var here = function (w) { return present.has(w) ? 1 : 0; };
    var words = q.words.slice().sort(function (a, b) {
      return (b.phrase - a.phrase) || (a.prefix - b.prefix) || (here(b) - here(a)) || (rank(a) - rank(b));
    });
    var chosen = new Set();
    words.forEach(function (w) { if (chosen.size < MAX_WORDS) chosen.add(w.key); });
    q.words.forEach(function (w) { w.skipped = !chosen.has(w.key); });
    var pairs = q.pairs.slice().sort(function (a, b) {
      var ca = a.key.split(" ").every(function (k) { return chosen.has(k); });
      var cb = b.key.split(" ").every(function (k) { return chosen.has(k); });
      return (b.phrase - a.phrase) || (cb - ca) || (a.at - b.at);
    });
    // a quoted phrase is checked whole, up to PHRASE_PAIRS pairs (its count is then right), once the
    // reader pauses (loaded: while they type, its first pairs only, for fewer shards fetched)
    var quoted = loaded ? 0 : Math.min(PHRASE_PAIRS, pairs.filter(function (p) { return p.phrase; }).length);
    var kept = new Set(pairs.slice(0, Math.max(MAX_PAIRS, quoted)).map(function (p) { return p.key; }));
    q.pairs.forEach(function (p) { p.skipped = !kept.has(p.key); });
  }

  // ---- Mistyped words ----

  var MISTYPED = /^[a-z]{3,}$/;  // what may be corrected: a word of letters, three or more
  var CANDIDATES = 5;            // closest words of the index tried beside the query's other words

  /* A word typed with Telex keys where no input method turned them into marks ("hoof" hồ, "chis"
     chí, "dduwowngf" đường) as its bare letters: the word they spell, folded. */
  function untelex(f) {
    return fold(telexWord(f));
  }

  /* A word typed with Telex keys where no input method turned them into marks, as the word they
     spell ("hoof" hồ, "dduwowngf" đường, "thuyr" thủy): the tone on the vowel with a shape (the
     ơ of ươ), else on the last vowel before a final consonant, else on the first of two vowels
     and the middle of three ("hóa", "ngoài"); either style of tone is the same word to search. */
  var TELEX_TONES = { f: "\u0300", r: "\u0309", x: "\u0303", s: "\u0301", j: "\u0323" };
  var VOWELS = "aăâeêioôơuưy", SHAPED = "ăâêôơư";
  function telexWord(f) {
    var s = f.replace(/dd/g, "đ").replace(/uow/g, "ươ").replace(/aa/g, "â").replace(/ee/g, "ê")
      .replace(/oo/g, "ô").replace(/aw/g, "ă").replace(/ow/g, "ơ").replace(/uw/g, "ư").replace(/w/g, "ư");
    // the key of the tone ends the word, after a vowel (no Vietnamese word ends in s, f, r, x or j)
    var tone = /[aăâeêioôơuưy]\S*[sfrxj]$/.test(s) ? TELEX_TONES[s[s.length - 1]] : "";
    return tone ? withTone(s.slice(0, -1), tone) : s;
  }

  /* Whether a word's shaped letters (ă â ê ô ơ ư) make a Vietnamese syllable, its tone aside:
     "duâ" (Telex "duaa") or "thươ" do not; a word without them is left to SYLLABLE. */
  var SHAPED_SYLLABLE = new RegExp("^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?(" + (
    "ăc ăm ăn ăng ăp ăt âc âm ân âng âp ât âu ây ê êch êm ên ênh êp êt êu ô ôc ôi ôm ôn ông ôp ôt ơ ơi ơm " +
    "ơn ơp ơt ư ưa ưc ưi ưm ưn ưng ưt ưu ươc ươi ươm ươn ương ươp ươt ươu iêc iêm iên iêng iêp iêt iêu yêm " +
    "yên yêng yêt yêu uyên uyêt uân uâng uât uây uôc uôi uôm uôn uông uôt oăc oăm oăn oăng oăt uê uêch uênh " +
    "uơ").split(" ").join("|") + ")$");
  function shapedRight(word) {
    var bare = word.toLowerCase().normalize("NFD").replace(/[\u0300\u0301\u0303\u0309\u0323]/g, "").normalize("NFC");
    return !/[ăâêôơư]/.test(bare) || SHAPED_SYLLABLE.test(bare);
  }

  /* A word with its letters' shapes (any case) and a tone mark put where Vietnamese puts it. */
  function withTone(s, tone) {
    var low = s.toLowerCase(), from = /^(qu|gi)[aăâeêioôơuưy]/.test(low) ? 2 : 0, at = [];
    for (var i = from; i < low.length && (!at.length || VOWELS.indexOf(low[i]) >= 0); i++) {
      if (VOWELS.indexOf(low[i]) >= 0) at.push(i);
    }
    if (!at.length) return s;
    var shaped = at.filter(function (k) { return SHAPED.indexOf(low[k]) >= 0; });
    var closed = at[at.length - 1] < low.length - 1;
    var k = shaped.length ? shaped[shaped.length - 1] : closed ? at[at.length - 1] : at[at.length === 3 ? 1 : 0];
    return (s.slice(0, k + 1) + tone + s.slice(k + 1)).normalize("NFC");
  }

  /* A word typed with VNI keys where no input method turned them into marks ("ho61" hồ, "Ba1c"
     Bác, "d9u7o7ng2" đường), as the word they spell; null when its digits are no VNI keys: a
     number or a code ("CT05", "KL01", "COVID19", "U23", "A1", "H5N1", "Mig21"). VNI has no 0; a
     tone key (1 sắc, 2 huyền, 3 hỏi, 4 ngã, 5 nặng) comes once, after a vowel; a shape key (6 â ê
     ô, 7 ơ ư, 8 ă, 9 đ) after the letter it shapes (7 after "uo" is ươ); and the word must be a
     Vietnamese syllable of two letters or more. */
  var VNI_TONES = { 1: "\u0301", 2: "\u0300", 3: "\u0309", 4: "\u0303", 5: "\u0323" };
  var VNI_SHAPES = { 6: { a: "â", e: "ê", o: "ô" }, 7: { o: "ơ", u: "ư" }, 8: { a: "ă" }, 9: { d: "đ" } };
  var VNI = /^[a-z]+[1-9][a-z1-9]*$/i;
  function vniWord(token, begun, known) {
    if (!VNI.test(token)) return null;
    var out = [], tone = "";
    for (var i = 0; i < token.length; i++) {
      var ch = token[i];
      if (ch < "1" || ch > "9") { out.push(ch); continue; }
      if (VNI_TONES[ch]) {
        if (tone || !out.some(function (c) { return VOWELS.indexOf(c.toLowerCase()) >= 0; })) return null;
        tone = VNI_TONES[ch];
        continue;
      }
      var shapes = VNI_SHAPES[ch], k = out.length - 1;
      while (k >= 0 && !shapes[out[k].toLowerCase()]) k--;
      if (k < 0) return null;
      var up = function (c, like) { return like === like.toLowerCase() ? c : c.toUpperCase(); };
      if (ch === "7" && out[k].toLowerCase() === "o" && k > 0 && out[k - 1].toLowerCase() === "u" &&
          !(k > 1 && out[k - 2].toLowerCase() === "q")) out[k - 1] = up("ư", out[k - 1]);
      out[k] = up(shapes[out[k].toLowerCase()], out[k]);
    }
    var word = out.join(""), f = fold(word);
    if (f.length >= 2 && ((begun && SYLLABLE_BEGUN.test(f)) || (known && known.has(f)))) {
      return tone ? withTone(word, tone) : word.normalize("NFC");  // a syllable begun, a name's word ("Đắk")
    }
    if (!shapedRight(word)) word = word.replace(/ươ/g, "uơ").replace(/ƯƠ/g, "UƠ").replace(/Ươ/g, "Uơ");
    if (f.length < 2 || !SYLLABLE.test(f) || !shapedRight(word)) return null;
    return tone ? withTone(word, tone) : word.normalize("NFC");
  }

  /* A query that is an address alone ("https://…/bai-viet/lan-toa-thuc-hien-…-007025/"): the words
     of its last path segment, a page's slug (a long number ending it is the article's, not a word
     of it); null for any other query, or an address without a slug of two words or more. */
  function addressWords(query) {
    var parts = addressParts(query);
    return parts ? parts.words : null;
  }
  var SLUG = /^[a-z0-9]+(?:-[a-z0-9]+){2,}$/;
  var ASKED = ["q", "query", "keyword", "s"];  // parameters search pages put the query in
  /* {words, slug} of an address alone (a search page's: the query it holds, slug null); also
     without its scheme ("example.org/bai-viet/<slug>/",
     "/bai-viet/<slug>", as copied from a link or a log) where its last segment is a slug (three
     words of lower-case letters and digits or more: "05-CT/TW" is none), and a slug alone ending
     in its article's number ("lan-toa-…-007025"). */
  var WEB_ADDRESS = /^\s*(?:https?:\/\/|www\.)\S*\s*$/i;
  function addressParts(query) {
    var m = /^\s*(?:https?:\/\/|www\.)([^\s]+)\s*$/i.exec(query), bare = !m;
    if (bare) m = /^\s*([^\s]*\/[^\s]*|[a-z0-9]+(?:-[a-z0-9]+)+-[0-9]{5,})\s*$/.exec(query);
    if (!m) return null;
    // a search page's address (this site's "/tim-kiem/?q=…", a search engine's, a news site's
    // "?s=…"): the query it was asked, not the words of its host and path
    var asked = /\?([^#]*)/.exec(m[1]);
    for (var n = 0; asked && n < ASKED.length; n++) {
      var value = urlParam(asked[1], ASKED[n]);
      if (value !== null && /\p{L}/u.test(value)) return { words: value.trim(), slug: null };
    }
    var all = m[1].split(/[?#]/)[0].split("/");
    var path = (bare ? all : all.slice(1)).filter(Boolean), last = path[path.length - 1] || "";
    try { last = decodeURIComponent(last); } catch (err) { return null; }
    var slug = last.replace(/\.html?$/i, "");
    if (bare && !SLUG.test(slug)) return null;
    var words = slug.split(/[-_.+\s]+/).filter(Boolean);
    if (words.length > 2 && /^[0-9]{5,}$/.test(words[words.length - 1])) words.pop();
    return words.length >= 2 && tokenize(words.join(" ")).length >= 2 ? { words: words.join(" "), slug: slug } : null;
  }

  /* The query with its words typed with VNI keys read as the words they spell; null if none is.
     open: its last word is still being typed, and may be a syllable begun ("d9u7o" đưo of đường);
     known: the words of names, which may be no syllable ("D9a81k" Đắk). */
  function unvni(query, open, known) {
    var changed = false, text = prepare(query), last = -1, m, re = new RegExp(TOKEN.source, "gu");
    while ((m = re.exec(text))) last = m.index;
    var out = text.replace(TOKEN, function (token, at) {
      var word = vniWord(token, open && at === last, known);
      if (word === null) return token;
      changed = true;
      return word;
    });
    return changed ? out : null;
  }

  /* Edits from a to b (a letter added, dropped or changed, two letters swapped), or most + 1 once
     that many are passed. */
  function distance(a, b, most) {
    if (Math.abs(a.length - b.length) > most) return most + 1;
    var before = null, prev = [], j;
    for (j = 0; j <= b.length; j++) prev.push(j);
    for (var i = 1; i <= a.length; i++) {
      var row = [i], low = i;
      for (j = 1; j <= b.length; j++) {
        var v = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (before && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, before[j - 2] + 1);
        row.push(v);
        if (v < low) low = v;
      }
      if (low > most) return most + 1;
      before = prev;
      prev = row;
    }
    return prev[b.length];
  }

  /* The words of the index (vocabulary: [[word, documents]…]) a mistyped word may stand for, the
     closest first, then the most used: its Telex letters, or one edit away (two for a word of six
     letters or more, keeping its first letter). */
  function candidates(f, vocabulary) {
    var most = f.length >= 6 ? 2 : 1, plain = untelex(f), telex = shapedRight(telexWord(f)), out = [];
    vocabulary.forEach(function (entry) {
      var w = entry[0], cost = w === plain && plain !== f && telex ? 0.5 : distance(f, w, most);
      if (cost === 0 || cost > most || (cost === 2 && w[0] !== f[0])) return;  // not the word itself
      out.push({ word: w, cost: cost, count: entry[1], pairs: 0 });
    });
    out.sort(function (a, b) { return a.cost - b.cost || b.count - a.count || (a.word < b.word ? -1 : 1); });
    return out.slice(0, CANDIDATES);
  }

  var INITIALS = /^[a-z]{2,6}$/, VOWEL = /[aeiouy]/;
  var SPELLINGS = 3;  // ways an initialism is tried as, at most (each checked in an article's text)

  /* The initialisms of Vietnamese administrative writing, with what they stand for, the usual
     reading first (kinds of documents as Nghị định 30/2020/NĐ-CP abbreviates them; bodies of the
     State, the Party and the Front): read so, not by chains of pairs, which guess "qua đó" for QĐ,
     "tiền phong" for TP or half a name ("Bộ Chính") for BC. Each reading still counts only where
     an article writes it; none written, the initialism stays as typed. No syllable is listed
     ("TƯ", "ĐA" are words too), nor a reading an article writes with commas ("cán bộ, công chức"). */
  var INITIALISMS = new Map([
    ["ubnd", ["Ủy ban nhân dân"]], ["hdnd", ["Hội đồng nhân dân"]], ["mttq", ["Mặt trận Tổ quốc"]],
    ["ubmttq", ["Ủy ban Mặt trận Tổ quốc"]], ["bch", ["Ban Chấp hành"]], ["btv", ["Ban Thường vụ"]],
    ["bcd", ["Ban Chỉ đạo"]], ["bct", ["Bộ Chính trị"]], ["tw", ["Trung ương"]], ["tp", ["thành phố"]],
    ["hcm", ["Hồ Chí Minh"]], ["tphcm", ["Thành phố Hồ Chí Minh"]], ["dbscl", ["Đồng bằng sông Cửu Long"]],
    ["qd", ["quyết định", "quy định"]], ["nq", ["nghị quyết"]], ["ct", ["chỉ thị"]], ["kl", ["kết luận"]],
    ["nd", ["nghị định", "nhân dân"]], ["tt", ["thông tư"]], ["hd", ["hướng dẫn"]], ["kh", ["kế hoạch"]],
    ["tb", ["thông báo"]], ["bc", ["báo cáo"]], ["cv", ["công văn"]], ["ctr", ["chương trình"]],
    ["dbqh", ["đại biểu Quốc hội"]], ["qh", ["Quốc hội"]], ["cb", ["cán bộ"]], ["dv", ["đảng viên"]],
    ["hlhpn", ["Hội Liên hiệp Phụ nữ"]], ["ccb", ["Cựu chiến binh"]], ["tncs", ["Thanh niên Cộng sản"]], ["dtn", ["Đoàn Thanh niên"]], ["pct", ["Phó Chủ tịch"]], ["ttg", ["Thủ tướng"]],
    ["ldld", ["Liên đoàn Lao động"]], ["thcs", ["trung học cơ sở"]], ["thpt", ["trung học phổ thông"]],
["ktxh", ["kinh tế xã hội"]], ["xhcn", ["xã hội chủ nghĩa"]], ["cnxh", ["chủ nghĩa xã hội"]],
["bhxh", ["bảo hiểm xã hội"]], ["bhyt", ["bảo hiểm y tế"]],
    // the Party's committees ("BTV TU", "HU Bắc Hà", "ĐU xã"): syllables too ("tư", "tu", "đu"), so
    // read only in capitals or beside another initialism ("btv tu"), and as typed only unmarked
    ["tu", ["Tỉnh ủy", "Thành ủy"]], ["hu", ["Huyện ủy"]], ["du", ["Đảng ủy"]], ["ubkt", ["Ủy ban Kiểm tra"]],
    ["btg", ["Ban Tuyên giáo"]], ["bdv", ["Ban Dân vận"]],
    // written in parts too ("KT-XH", "QP-AN", "GD&ĐT", "CNH-HĐH": partReadings)
    ["qpan", ["quốc phòng an ninh"]], ["antt", ["an ninh trật tự"]], ["ttatxh", ["trật tự an toàn xã hội"]],
    ["gddt", ["giáo dục và đào tạo"]], ["cnhhdh", ["công nghiệp hóa hiện đại hóa"]],
    ["vhttdl", ["Văn hóa Thể thao và Du lịch"]], ["ldtbxh", ["Lao động Thương binh và Xã hội"]],
    ["tnmt", ["Tài nguyên và Môi trường"]], ["gtvt", ["giao thông vận tải"]], ["khdt", ["Kế hoạch và Đầu tư"]],
    ["ntm", ["nông thôn mới"]], ["cntt", ["công nghệ thông tin"]], ["khcn", ["khoa học và công nghệ", "khoa học công nghệ"]],
    ["dcsvn", ["Đảng Cộng sản Việt Nam"]], ["vn", ["Việt Nam"]], ["lhq", ["Liên hợp quốc"]],
    // the cities as the press abbreviates them (HCM, TPHCM above); "DN" is first a business
    ["hn", ["Hà Nội"]], ["hp", ["Hải Phòng"]], ["dn", ["doanh nghiệp", "Đà Nẵng"]]]);

  /* Every reading of the table as folded words, with its initials as written ("Ban Chỉ đạo": BCĐ). */
  var ABBREVIATIONS = [];
  INITIALISMS.forEach(function (readings, key) {
    readings.forEach(function (r) {
      var words = tokenize(r);
      if (words.length !== key.length) return;  // "khoa học và công nghệ" is KHCN without its "và"
      ABBREVIATIONS.push({ seq: words.map(fold), initials: words.map(function (w, i) {
        return /^[\u0111\u0110]/.test(w) ? "\u0110" : key[i].toUpperCase();  // "Trung ương": TW
      }).join("") });
    });
  });

  /* The tone keys of the table's reading of an initialism (folded) that words (folded, spaced)
     are, or null: an article must write those ("Ban Chỉ đạo", not the "bản chỉ đạo" of "văn bản"). */
  function readingOf(key, words) {
    var found = null;
    (INITIALISMS.get(key) || []).forEach(function (r) {
      var tokens = tokenize(r);
      if (!found && tokens.map(fold).join(" ") === words) found = tokens.map(toneKey);
    });
    return found;
  }

  /* The table's reading of an initialism that words (folded, spaced) are, as the table writes it. */
  function readingText(key, words) {
    return (INITIALISMS.get(key) || []).filter(function (r) { return tokenize(r).map(fold).join(" ") === words; })[0];
  }

  /* What a word of the query stands for by the table (folded, each word's first letter as typed:
     "NĐ" is nghị định, not nhân dân); null when the table lacks it. */
  function tableReadings(w) {
    var list = INITIALISMS.get(w.key);
    if (!list) return null;
    var typed = Array.from(w.text.toLowerCase());
    return list.map(function (reading) { return tokenize(reading); }).filter(function (words) {
      return words.length === typed.length && words.every(function (word, i) {
        var first = word[0].toLowerCase();
        return typed[i] === "\u0111" ? first === "\u0111" : fold(first) === typed[i];
      });
    }).map(function (words) { return words.map(fold).join(" "); });
  }

  /* An initialism of the table written in parts ("KT-XH", "QP-AN", "GD&ĐT", "CNH-HĐH": typed so,
     each part is a word of its own): per part, the folded words its share of each reading of the
     whole is, from the last word of the part before, so that the shares are held side by side
     ("kinh tế" for KT, "tế xã hội" for XH; "dục và đào tạo" for the ĐT of GD&ĐT), or null. */
  function partReadings(parts) {
    var typed = Array.from(parts.join("").toLowerCase()), list = INITIALISMS.get(fold(parts.join("")));
    if (!list) return null;
    var out = parts.map(function () { return []; });
    list.forEach(function (reading) {
      var all = tokenize(reading).map(fold), at = [];  // where each initial's word is, "và" aside
      all.forEach(function (w, k) { if (w !== "va") at.push(k); });
      if (at.length !== typed.length || !at.every(function (k, i) {
        var first = tokenize(reading)[k][0].toLowerCase();
        return typed[i] === "\u0111" ? first === "\u0111" : fold(first) === fold(typed[i]);
      })) return;
      var from = 0;
      parts.forEach(function (part, i) {
        var n = Array.from(part).length;
        out[i].push(all.slice(i ? at[from - 1] : at[0], at[from + n - 1] + 1));
        from += n;
      });
    });
    return out[0].length ? out : null;
  }
  var PARTED = /(^|[^\p{L}\p{N}])(\p{Lu}{2,}(?:\s*[-&]\s*\p{Lu}+)+)(?![\p{L}\p{N}])/gu;

  /* An initialism ("hcm", "ubnd", "hdnd" of HĐND) as the words it may stand for: chains of the
     site's frequent pairs (byInitials: "hc" -> [[first, second, documents]…]) whose words start
     with its letters, those whose rarest pair is in the most articles first (at most SPELLINGS;
     [] if none). Pairs are no phrases ("thực hiện chỉ" + "chỉ minh"), hence several. */
  function initialism(f, byInitials) {
    if (!INITIALS.test(f) || SYLLABLE.test(f)) return [];
    var better = function (a, b) { return b.score - a.score || (a.words.join(" ") < b.words.join(" ") ? -1 : 1); };
    var best = new Map([["", [{ score: Infinity, words: [] }]]]);  // last word -> its best chains
    for (var i = 1; i < f.length; i++) {
      var next = new Map();
      (byInitials.get(f[i - 1] + f[i]) || []).forEach(function (p) {
        (best.get(i === 1 ? "" : p[0]) || []).forEach(function (from) {
          var chain = { score: Math.min(from.score, p[2]), words: (i === 1 ? [p[0]] : from.words).concat([p[1]]) };
          if (!next.has(p[1])) next.set(p[1], []);
          next.get(p[1]).push(chain);
        });
      });
      next.forEach(function (chains) { chains.sort(better).splice(SPELLINGS); });
      best = next;
    }
    var all = [];
    best.forEach(function (chains) { all = all.concat(chains); });
    return all.sort(better).slice(0, SPELLINGS).map(function (chain) { return chain.words; });
  }

  /* Whether a correction is several words (an initialism spelled out). */
  function spelledOut(words) {
    return words.indexOf(" ") > 0;
  }

  /* The query with its words changed (folded word -> words), the rest as typed; a word typed in
     capitals ("HCM") gives capitalised words, one typed with a capital a capital; written: words
     to put as they are instead (one word: with the case typed). */
  function rewrite(query, changes, written) {
    return prepare(query).replace(TOKEN, function (token) {
      var key = fold(token), to = written && written.has(key) ? written.get(key) : changes.get(key);
      if (to === undefined) return token;
      var capital = token[0] !== token[0].toLowerCase();
      var cased = function (w) { return (capital ? w[0].toUpperCase() : w[0].toLowerCase()) + w.slice(1); };
      if (written && written.has(key) && spelledOut(to)) return to;
      var shouted = token.length > 1 && token === token.toUpperCase();
      if (shouted && !spelledOut(to)) return to.toUpperCase();  // "HOOF" -> "HỒ", as typed in capitals
      return spelledOut(to) && shouted ? to.split(" ").map(cased).join(" ") : cased(to);
    });
  }

  // ---- The index ----

  var decoder = typeof TextDecoder !== "undefined" ? new TextDecoder() : null;

  /* Data files are gzip; a server may already have decoded them (Content-Encoding), so only
     bytes starting with the gzip magic are inflated. */
  function inflate(buffer) {
    var bytes = new Uint8Array(buffer);
    if (bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) return Promise.resolve(buffer);
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Response(stream).arrayBuffer();
  }

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

  /* One list: [varint m << 2 | values << 1 | mode], documents (gap varints or a bitmap), values. */
  Reader.prototype.list = function () {
    var header = this.varint(), m = Math.floor(header / 4), withValues = header & 2, ids = new Uint32Array(m);
    if (!(header & 1)) {
      for (var i = 0, v = -1; i < m; i++) {
        v += this.varint() + 1;
        ids[i] = v;
      }
    } else {
      var size = this.varint(), b = this.b, k = 0;
      for (var j = 0; j < size; j++) {
        var byte = b[this.at + j];
        while (byte) {
          var low = byte & -byte;
          ids[k++] = j * 8 + 31 - Math.clz32(low);
          byte ^= low;
        }
      }
      this.at += size;
    }
    var vals = withValues ? this.b.slice(this.at, this.at + m) : new Uint8Array(m);
    if (withValues) this.at += m;
    return { ids: ids, vals: vals };
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

  /* Lists of one key: [{variant (tone key), ids, vals}], vals (count << 3) | title 1 | lead 2 | term 4. */
  Shard.prototype.postings = function (key) {
    var at = this.keys.get(key);
    if (at === undefined) return null;
    var r = new Reader(this.bytes, at), out = [], n = r.varint();
    for (var v = 0; v < n; v++) {
      var tlen = r.varint();
      var variant = decoder.decode(this.bytes.subarray(r.at, r.at + tlen));
      r.at += tlen;
      var list = r.list();
      out.push({ variant: variant, ids: list.ids, vals: list.vals });
    }
    return out;
  };

  /* How many documents a key's lists hold, without decoding them. */
  Shard.prototype.size = function (key) {
    var at = this.keys.get(key);
    if (at === undefined) return 0;
    var r = new Reader(this.bytes, at), n = r.varint(), total = 0;
    for (var v = 0; v < n; v++) {
      var tone = r.varint();  // not "r.at += r.varint()": the left side would be read before the varint moves it
      r.at += tone;
      var header = r.varint(), m = Math.floor(header / 4);
      total += m;
      if (header & 1) { var size = r.varint(); r.at += size; } else for (var i = 0; i < m; i++) r.varint();
      if (header & 2) r.at += m;
    }
    return total;
  };

  /* An index reached through load(relative path) -> Promise<ArrayBuffer>; page(site-relative URL)
     -> Promise<string> gives an article's page for its snippet. */
  function Engine(load, page) {
    this.load = load;
    this.page = page;
    this.shards = new Map();
    this.records = new Map();
    this.texts = new Map();
    this.manifest = null;
  }

  Engine.prototype.ready = function () {
    var self = this;
    if (!this._ready) {
      this._ready = this.load("index.bin").then(inflate).catch(function (err) {
        self._ready = null;  // a network drop: the next search loads it again, not this failure
        throw err;
      }).then(function (buf) {
        var m = JSON.parse(decoder.decode(new Uint8Array(buf)));
        var byFirst = new Map(), joined = new Map(), spellings = new Map();
        m.names.forEach(function (pair) {
          var seq = pair[0].split(" ");
          if (!byFirst.has(seq[0])) byFirst.set(seq[0], []);
          byFirst.get(seq[0]).push({ seq: seq, key: pair[1] });
          if (seq.length > 1 && !joined.has(seq.join(""))) joined.set(seq.join(""), seq);
          if (!spellings.has(pair[1])) spellings.set(pair[1], []);
          spellings.get(pair[1]).push(seq);
        });
        byFirst.forEach(function (list) {
          list.sort(function (a, b) { return b.seq.length - a.seq.length || (a.seq.join(" ") < b.seq.join(" ") ? -1 : 1); });
        });
        // the marks of provinces' names (Names.export_marks): a name only where they fit (findNames)
        var marks = m.nameMarks || { marks: {}, small: [] };
        byFirst.marks = new Map(Object.keys(marks.marks).map(function (f) { return [f, marks.marks[f]]; }));
        byFirst.small = new Set(marks.small);
        self.byFirst = byFirst;
        self.joined = joined;
        // the words of names, Vietnamese or not ("đắk", "lắk"): what VNI keys may spell besides syllables
        self.nameWords = new Set([].concat.apply([], m.names.map(function (pair) { return pair[0].split(" "); })));
        self.spellings = spellings;
        self.common = new Map(m.common.map(function (c) { return [c[0], c[1]]; }));
        self.manifest = m;
        return m;
      });
    }
    return this._ready;
  };

  /* The shard holding a place (the last whose start is not after it), -1 before the first. */
  Engine.prototype.shardAt = function (where) {
    var list = this.manifest.shards, lo = 0, hi = list.length - 1, found = -1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (list[mid] <= where) { found = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return found;
  };

  Engine.prototype.shard = function (n) {
    if (!this.shards.has(n)) {
      this.shards.set(n, this.load("s/" + n + ".bin?v=" + this.manifest.version).then(inflate).then(function (buf) {
        return new Shard(buf);
      }, forget(this.shards, n)));
    }
    return this.shards.get(n);
  };

  /* A file that failed to load (a phone's network dropped) is not kept as failed: the next search
     that needs it loads it again (the page said to try again, which did nothing until reloaded). */
  function forget(cache, key) {
    return function (err) {
      cache.delete(key);
      throw err;
    };
  }

  /* key -> its lists, for keys [{key, pair}] (missing keys are left out). */
  Engine.prototype.lookup = function (keys) {
    var self = this, wanted = [];
    keys.forEach(function (k) {
      var n = self.shardAt(place(k.key, k.pair));
      if (n >= 0) wanted.push([k.key, n]);
    });
    var numbers = Array.from(new Set(wanted.map(function (w) { return w[1]; })));
    return Promise.all(numbers.map(function (n) { return self.shard(n); })).then(function (shards) {
      var byNumber = new Map(), out = new Map();
      numbers.forEach(function (n, i) { byNumber.set(n, shards[i]); });
      wanted.forEach(function (w) {
        var p = byNumber.get(w[1]).postings(w[0]);
        if (p) out.set(w[0], p);
      });
      return out;
    });
  };

  /* Words starting with `prefix` (the word still being typed), most frequent first. */
  Engine.prototype.complete = function (prefix, limit) {
    var self = this;
    var from = this.shardAt(place(prefix, false, "0000000000000000"));
    var high = prefix.length >= 3 ? prefix.slice(0, 3) : prefix + "\uffff".repeat(3 - prefix.length);
    var to = this.shardAt(place(high, false, "ffffffffffffffff"));
    var numbers = [];
    for (var n = Math.max(from, 0); n <= to && numbers.length < 2; n++) numbers.push(n);
    return Promise.all(numbers.map(function (k) { return self.shard(k); })).then(function (shards) {
      var found = [];
      shards.forEach(function (s) {
        s.keys.forEach(function (_, key) {
          if (key.indexOf(prefix) === 0 && key !== prefix && key.indexOf(" ") < 0 && key[0] !== "~") {
            found.push([key, s.size(key)]);
          }
        });
      });
      found.sort(function (a, b) { return b[1] - a[1] || (a[0] < b[0] ? -1 : 1); });
      return found.slice(0, limit).map(function (f) { return f[0]; });
    });
  };

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
      var stop = w.key.length < 2 || !!w.date || !!w.loose || !!w.filler || !!w.operator ||
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

  // ---- What matched: marks for titles and snippets ----

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

  /* The value of a parameter of an address's query string ("?q=…"), decoded as a browser decodes a
     form's: "+" is a space, each run of %XX that is UTF-8 is its characters; what is no UTF-8 ("%E0%A4"
     cut short) or no escape ("%A", "%zz") stays as typed, not "\ufffd". A parameter given twice
     ("?q=&q=bác", a link's q and a form's): the first that is not blank. */
  function urlParam(search, name) {
    var found = null;
    String(search || "").replace(/^\?/, "").split("&").some(function (part) {
      var eq = part.indexOf("=");
      if (percentDecode(eq < 0 ? part : part.slice(0, eq)) !== name) return false;
      var value = eq < 0 ? "" : percentDecode(part.slice(eq + 1));
      if (found === null || !found.trim()) found = value;
      return !!found.trim();
    });
    return found;
  }

  function percentDecode(text) {
    return text.replace(/\+/g, " ").replace(/(?:%[0-9A-Fa-f]{2})+/g, function (run) {
      var bytes = run.match(/%../g), out = "", i = 0;
      while (i < bytes.length) {
        var b = parseInt(bytes[i].slice(1), 16);
        var n = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
        var chunk = n && i + n <= bytes.length ? bytes.slice(i, i + n).join("") : null, text = null;
        if (chunk) {
          try { text = decodeURIComponent(chunk); } catch (err) { text = null; }  // bad continuation, overlong, surrogate
        }
        if (text === null) { out += bytes[i]; i += 1; } else { out += text; i += n; }
      }
      return out;
    });
  }

  var api = { prepare: prepare, tokenize: tokenize, fold: fold, toneKey: toneKey, hasDiacritics: hasDiacritics,
              keyHash: keyHash, mix: mix, place: place, parseQuery: parseQuery, plan: plan, Engine: Engine,
              Shard: Shard, Reader: Reader, inflate: inflate, pieces: pieces, snippet: snippet, matches: matches,
              pageText: pageText, unitCount: unitCount, splitJoined: splitJoined, candidates: candidates,
              initialism: initialism, telexWord: telexWord, vniWord: vniWord,
              unvni: unvni, addressWords: addressWords, variantOf: variantOf, urlParam: urlParam,
              provincesShown: provincesShown };
  root.LTBSearch = api;

  // ---- The page ----

  if (typeof document === "undefined") return;

  var PAGE = 10, SEARCH_DELAY = 60, PAUSE = 200, PAGES_AT_ONCE = 5;

  function fill(element, parts) {
    element.textContent = "";
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
    var filterBox = document.getElementById("search-filters");
    var status = document.getElementById("search-status");
    var list = document.getElementById("search-results");
    var approxBox = document.getElementById("search-approx");
    var approxList = document.getElementById("search-approx-results");
    var approxStatus = document.getElementById("search-approx-status");
    var more = document.getElementById("search-more");
    var hint = document.getElementById("search-hint");
    var merged = document.getElementById("search-merged");
    var corrected = document.getElementById("search-corrected");
    var base = form.getAttribute("data-base");
    var dataUrl = new URL(form.getAttribute("data-index"), location.href);
    var get = function (url) {
      return fetch(url).then(function (r) {
        if (!r.ok) throw new Error(r.status + " " + url);
        return r;
      });
    };
    var engine = new Engine(function (path) {
      return get(new URL(path, dataUrl)).then(function (r) { return r.arrayBuffer(); });
    }, function (url) {
      return get(new URL(base + url, location.href)).then(function (r) { return r.text(); });
    });
    var seq = 0, timer = 0, pauseTimer = 0, current = null, shown = 0, lastKey = 0, asTyped = false;

    // Whether the history entry shown holds a query the reader settled on (Enter, a pause, a filter,
    // the page as loaded): the next query typed then gets an entry of its own, so that Back returns
    // to this one; while it is typed, its entry follows each key. Not yet: the page's first search
    // writes its address over the one loaded.
    var settled = false;

    form.classList.add("search-ready");
    fromAddress();
    if (filterBox) {
      var wide = root.matchMedia && root.matchMedia("(min-width: 48em)").matches;
      filterBox.open = wide || Object.keys(filters()).length > 0;
    }

    /* A button of the page doing onClick. */
    function button(label, onClick) {
      var b = document.createElement("button");
      b.type = "button";
      b.textContent = label;
      b.addEventListener("click", onClick);
      return b;
    }

    /* Selects value in a select, adding it as an option first when it is a group of provinces. */
    function choose(select, value) {
      if (!Array.prototype.some.call(select.options, function (o) { return o.value === value; })) {
        var option = document.createElement("option");
        option.value = value;
        option.setAttribute("data-added", "");
        option.textContent = value.split("+").map(function (slug) {
          var o = Array.prototype.find.call(select.options, function (x) { return x.value === slug; });
          return o ? o.textContent : slug;
        }).join(" + ");
        select.appendChild(option);
      }
      select.value = value;
    }

    /* Whether a filter's value (of the address, or a merger offer's button) is one the page
       filters by: an option the page was built with, or, for the province, provinces each one of
       those or one of the registry's (the offers of a 2025 unit or a region name them; the select
       lists only the provinces with articles). A slug no province has, or hostile text, is none. */
    function known(k, value) {
      var listed = function (v) {
        return Array.prototype.some.call(selects[k].options, function (o) { return o.value === v && !o.hasAttribute("data-added"); });
      };
      if (listed(value)) return true;
      if (k !== "province") return false;
      var provinces = new Set(((engine.manifest && engine.manifest.names) || []).filter(function (n) {
        return n[1].indexOf("~p:") === 0;
      }).map(function (n) { return n[1].slice(3); }));
      return value.split("+").every(function (slug) { return listed(slug) || provinces.has(slug); });
    }

    /* The filters of the address the page can't filter by, dropped from the selects and from the
       address (once the manifest is here): "?tinh=bogus" stayed in the select and the link. */
    function dropUnknown() {
      var dropped = false;
      Object.keys(selects).forEach(function (k) {
        var select = selects[k];
        if (!select || !select.value || known(k, select.value)) return;
        Array.prototype.slice.call(select.options).forEach(function (o) {
          if (o.value === select.value && o.hasAttribute("data-added")) select.removeChild(o);
        });
        select.value = "";
        dropped = true;
      });
      if (!dropped) return false;
      var next = new URL(location.href);
      Object.keys(params).forEach(function (k) {
        if (next.searchParams.has(params[k]) && !(selects[k] && selects[k].value)) next.searchParams.delete(params[k]);
      });
      history.replaceState(history.state, "", next.toString());
      return true;
    }

    /* A province's name by its slug, as the filter lists it (null: none). */
    function provinceLabel(slug) {
      var found = selects.province && Array.prototype.filter.call(selects.province.options, function (o) {
        return o.value === slug && !o.hasAttribute("data-added");
      })[0];
      return found ? found.textContent.trim() : null;
    }

    function filters() {
      var f = {};
      Object.keys(selects).forEach(function (k) { if (selects[k] && selects[k].value) f[k] = selects[k].value; });
      return f;
    }

    /* The query and filters of the address shown (loaded, or gone back to). */
    function fromAddress() {
      input.value = urlParam(location.search, "q") || "";
      Object.keys(selects).forEach(function (k) {
        var value = urlParam(location.search, params[k]);
        if (!selects[k]) return;
        if (value) choose(selects[k], value);
        else selects[k].value = "";
      });
    }

    /* The address of the query and filters; settle: the reader settled on them. A new query after a
       settled one is a new history entry (not one per key); a blank page's entry is replaced. */
    function remember(settle) {
      var next = new URL(location.href);
      next.search = "";
      if (input.value.trim()) next.searchParams.set("q", input.value.trim());
      var f = filters();
      Object.keys(f).forEach(function (k) { next.searchParams.set(params[k], f[k]); });
      var changed = next.toString() !== location.href;
      var blank = !(urlParam(location.search, "q") || "").trim() &&
        Object.keys(params).every(function (k) { return !urlParam(location.search, params[k]); });
      if (changed && settled && !blank) history.pushState(null, "", next.toString());
      else if (changed) history.replaceState(null, "", next.toString());
      if (settle) settled = true;
      else if (changed) settled = false;
    }

    // A capital with stacked marks after the first word (vietnamese.stacked_capital): more line height
    var STACKED = /\s[^]*[\u1e4c\u1e78\u1ea4\u1ea6\u1ea8\u1eaa\u1eae\u1eb0\u1eb2\u1eb4\u1ebe\u1ec0\u1ec2\u1ec4\u1ed0\u1ed2\u1ed4\u1ed6]/;

    function card(rec, id) {
      var paired = current.paired ? current.paired(id) : [];
      var li = document.createElement("li");
      var article = document.createElement("article");
      article.className = "card no-photo search-result";
      var h = document.createElement("h2");
      h.className = STACKED.test(rec.t) ? "card-title stacked" : "card-title";
      var a = document.createElement("a");
      a.href = base + rec.u;
      fill(a, pieces(rec.t, current.q, engine.byFirst, 0, paired).parts);
      h.appendChild(a);
      var meta = document.createElement("p");
      meta.className = "meta";
      var time = document.createElement("time");
      time.setAttribute("datetime", rec.d);
      time.textContent = rec.w;
      meta.appendChild(time);
      var named = engine.provinces(rec, id, current, provinceLabel);
      if (named.length) meta.appendChild(document.createTextNode(" · " + named.join(", ")));
      var p = document.createElement("p");
      p.className = "summary snippet";
      var first = snippet(rec, null, current.q, engine.byFirst, paired);
      fill(p, first.parts);
      article.appendChild(h);
      article.appendChild(meta);
      article.appendChild(p);
      li.appendChild(article);
      return { li: li, snippet: p, paired: paired, complete: first.units >= unitCount(current.q) };
    }

    /* Records of the next results (and of the approximate ones when the exact ones are few),
       then the passages of their pages. */
    function showMore() {
      var token = seq, result = current;
      var batch = result.ids.slice(shown, shown + PAGE);
      var room = PAGE - batch.length;
      var approx = shown === 0 && room > 0 ? result.approx.slice(0, room) : [];
      shown += batch.length;
      more.hidden = shown >= result.ids.length;
      return Promise.all(batch.concat(approx).map(function (id) { return engine.record(id); })).then(function (records) {
        if (token !== seq) return;
        list.setAttribute("data-for", result.query);
        var cards = [];
        var ids = batch.concat(approx);
        records.forEach(function (rec, i) {
          var c = card(rec, ids[i]);
          (i < batch.length ? list : approxList).appendChild(c.li);
          cards.push([rec, c]);
        });
        if (approx.length) {
          approxStatus.textContent = "Có " + result.approx.length.toLocaleString("vi-VN") +
            " bài chỉ chứa một phần từ khóa" + (result.approx.length > approx.length ? "; " + approx.length + " bài đầu:" : ":");
          approxBox.hidden = false;
        }
        cards.slice(0, shown <= PAGE ? PAGES_AT_ONCE : PAGE).forEach(function (pair) {
          if (pair[1].complete) return;
          engine.text(pair[0].u).then(function (text) {
            if (token !== seq || !text) return;
            fill(pair[1].snippet, snippet(pair[0], text, result.q, engine.byFirst, pair[1].paired).parts);
          });
        });
      });
    }

    function clear() {
      list.textContent = "";
      list.removeAttribute("data-for");
      approxList.textContent = "";
      approxBox.hidden = true;
      more.hidden = true;
      shown = 0;
    }

    function offerMerged(result) {
      merged.textContent = "";
      merged.hidden = true;
      var units = engine.manifest.merged, provinces = result.q.names.filter(function (n) { return n.key.indexOf("~p:") === 0; });
      var offered = new Set();
      provinces.forEach(function (n) {
        var slug = n.key.slice(3), unit = null, key = null;
        Object.keys(units).forEach(function (k) {
          if (units[k].parts.some(function (p) { return p[0] === slug; })) { unit = units[k]; key = k; }
        });
        // one offer a unit: "Tây Ninh Long An" named it twice (two offers, the same buttons)
        if (!unit || offered.has(key) || (result.within || []).indexOf(n.key) >= 0) return;
        offered.add(key);
        var label = document.createElement("p");
        var parts = unit.parts.map(function (p) { return p[1]; });
        label.textContent = key === slug || n.merged
          ? "Từ 1/7/2025, " + unit.name + " gồm cả " + parts.filter(function (p) { return p !== unit.name; }).join(", ") + ". Lọc theo:"
          : "Từ 1/7/2025, " + parts.filter(function (p, i) { return unit.parts[i][0] === slug; })[0] + " thuộc " + unit.name + ". Lọc theo:";
        merged.appendChild(label);
        var buttons = document.createElement("p");
        buttons.className = "search-merged-choices";
        var all = unit.parts.map(function (p) { return p[0]; }).join("+");
        [[all, "Cả " + parts.length + " tỉnh"]].concat(unit.parts).forEach(function (choice) {
          var b = button(choice[1], function () {
            if (selects.province) choose(selects.province, choice[0]);
            if (filterBox) filterBox.open = true;
            // the buttons are made again: the keyboard goes on from the filter now set
            if (selects.province) selects.province.focus();
            run(true);
          });
          b.setAttribute("data-province", choice[0]);
          buttons.appendChild(b);
        });
        merged.appendChild(buttons);
        merged.hidden = false;
      });
      // a region ("Tây Nguyên", "miền Tây"): its provinces offered as one filter, within which its
      // name is held by their articles (required as words, it found only those writing it)
      regionsIn(input.value, engine.manifest).forEach(function (region) {
        var label = document.createElement("p");
        label.textContent = region.name + " gồm " + region.parts.length + " tỉnh, thành phố: " +
          region.parts.map(function (p) { return p[1]; }).join(", ") + ". Lọc theo:";
        merged.appendChild(label);
        var buttons = document.createElement("p");
        buttons.className = "search-merged-choices";
        var all = region.parts.map(function (p) { return p[0]; }).join("+");
        var b = button("Cả " + region.parts.length + " tỉnh, thành phố", function () {
          if (selects.province) choose(selects.province, all);
          if (filterBox) filterBox.open = true;
          if (selects.province) selects.province.focus();
          run(true);
        });
        b.setAttribute("data-province", all);
        b.setAttribute("data-region", region.name);
        buttons.appendChild(b);
        merged.appendChild(buttons);
        merged.hidden = false;
      });
    }

    /* The query a mistyped one was corrected to, and the way back to it as typed; or the query
       suggested for one few articles answer. */
    function showCorrected(result, query) {
      if (!corrected) return;
      corrected.textContent = "";
      corrected.hidden = !result.corrected && !result.suggested;
      if (result.suggested) {
        corrected.appendChild(document.createTextNode("Có phải bạn muốn tìm "));
        corrected.appendChild(button("«" + result.suggested.trim() + "»", function () {
          input.value = result.suggested.trim();
          asTyped = false;
          input.focus();  // the note goes: the keyboard goes on from the query
          run(true);
        }));
        corrected.appendChild(document.createTextNode("?"));
      }
      if (!result.corrected) return;
      corrected.appendChild(document.createTextNode(result.corrected.vni
        ? "Đã đọc «" + query.trim() + "» theo kiểu gõ VNI. "
        : "Không có bài nào chứa đủ các từ «" + query.trim() + "». "));
      corrected.appendChild(button("Tìm đúng như đã gõ", function () {
        asTyped = true;
        input.focus();  // the note goes: the keyboard goes on from the query
        run(true);
      }));
    }

    /* What to try when nothing is found, as fits the query: fewer words for several, no quotes
       for a phrase. */
    function tips(q) {
      var parts = q.words.concat(q.names), out = ["từ khóa khác"];
      if (parts.length > 1) out.push("ít từ hơn");
      if (parts.some(function (p) { return p.phrase; })) out.push("bỏ dấu ngoặc kép");
      return out.length > 1 ? out.slice(0, -1).join(", ") + " hoặc " + out[out.length - 1] : out[0];
    }

    /* The count (and for what query), the correction or suggestion, the 2025 unit's provinces. */
    function showAnswer(result, query, f) {
      showCorrected(result, query);
      var n = result.ids.length, text;
      if (n) {
        text = "Tìm thấy " + (result.cut ? "khoảng " : "") + n.toLocaleString("vi-VN") + " kết quả" +
          (result.corrected ? " cho «" + result.corrected.to.trim() + "»" : "") +
          (result.cut ? " (cụm từ trong ngoặc kép quá dài: chỉ phần đầu được đối chiếu đúng thứ tự)" : "");
      } else if (result.approx.length && result.apart && result.apart.length) {
        text = "Không có bài nào chứa " + result.apart.map(function (t) { return "«" + t + "»"; }).join(", ") +
          "; dưới đây là các bài chứa một phần.";
      } else if (result.approx.length) {
        text = "Không có bài nào chứa đủ các từ khóa; dưới đây là các bài chứa một phần.";
      } else if (Object.keys(f).length) {
        text = "Không tìm thấy kết quả nào. Hãy thử bỏ bớt bộ lọc (tỉnh, văn bản, năm) hoặc dùng từ khóa khác.";
      } else {
        text = "Không tìm thấy kết quả nào. Hãy thử " + tips(result.q) + ".";
      }
      if (status.textContent !== text) status.textContent = text;  // the same count is not read out again
      if (hint) hint.hidden = true;
      offerMerged(result);
      if (!n && !result.approx.length && Object.keys(f).length) offerUnfiltered(query);
    }

    /* Nothing within the filters: how many the query finds without them, and a button that
       clears them (the page only said to remove them). */
    function offerUnfiltered(query) {
      var token = seq;
      if (!corrected) return;
      engine.search(query, {}, false, false, asTyped).then(function (all) {
        if (token !== seq || !all.ids.length) return;
        corrected.appendChild(document.createTextNode("Không lọc: " + all.ids.length.toLocaleString("vi-VN") + " kết quả. "));
        var b = button("Bỏ bộ lọc", function () {
          Object.keys(selects).forEach(function (k) { if (selects[k]) selects[k].value = ""; });
          input.focus();  // the note goes: the keyboard goes on from the query
          run(true);
        });
        b.setAttribute("data-unfilter", "");
        corrected.appendChild(b);
        corrected.hidden = false;
      });
    }

    /* Searches now; the records are fetched once the reader pauses (or at once). restored: the
       query of a history entry gone back (or forward) to, whose address stays as it is. */
    function run(now, restored) {
      var token = ++seq;
      failed = false;
      var query = input.value;
      var f = filters();
      if (!restored) remember(now);
      clearTimeout(pauseTimer);
      var blank = function () { return !tokenize(query).length && !Object.keys(f).length; };
      if (blank()) {
        clear();
        merged.hidden = true;
        if (corrected) corrected.hidden = true;
        status.textContent = query.trim() ? "Hãy gõ từ khóa có chữ hoặc số (dấu câu không tìm được)." : "";
        if (hint) hint.hidden = false;
        return Promise.resolve();
      }
      // the last word is being typed (its completions count) only while the reader types: a query
      // sent (Enter, a link, a filter, Back) is whole ("thiếu nhi" is no "thiếu nhiều")
      var open = !now && !/[\s"\u201c\u201d\u201e\u00ab\u00bb]$/.test(query);
      var typed = asTyped;
      // a slow network (a phone's 3G: the manifest and shards take seconds): say so, rather than
      // nothing, or the last query's count beside results that are about to go; not on a fast one
      var slow = setTimeout(function () { if (token === seq) status.textContent = LOADING; }, SLOW);
      return engine.ready().then(function () {
        if (dropUnknown()) f = filters();
        return blank() ? { ids: [], approx: [], empty: true, blank: true } : engine.search(query, f, open, !now, typed);
      }).then(function (result) {
        clearTimeout(slow);
        if (token !== seq) return;
        if (result.blank) {  // only a filter of the address, and none the page can filter by
          clear();
          status.textContent = "";
          if (hint) hint.hidden = false;
          return;
        }
        if (result.empty) {
          showCorrected(result, query);
          clear();
          if (hint) hint.hidden = false;
          status.textContent = "Hãy gõ từ khóa có chữ hoặc số (dấu câu không tìm được).";
          return;
        }
        if (!now && result.begun) {
          // Only a word begun ("t", "th", "Đ"): nothing to tell yet (no "no result" flash, nor the
          // count of the articles holding "t" before that of "thi"); Enter searches it as it is.
          clear();
          merged.hidden = true;
          if (corrected) corrected.hidden = true;
          status.textContent = "";
          if (hint) hint.hidden = false;
          return;
        }
        // an initialism read at the pause ("tư tưởng HCM"): no "no full result" before it
        if (now || !result.deferred) showAnswer(result, query, f);
        var wait = now ? 0 : Math.max(0, lastKey + PAUSE - Date.now());
        return new Promise(function (resolve) {
          pauseTimer = setTimeout(function () {
            if (token !== seq) return resolve();
            if (!now) remember(true);  // the reader paused on it: a query of its own in the history
            // The reader paused: the whole query now (its pairs order the results), then the records.
            resolve((now ? Promise.resolve(result) : engine.search(query, f, open, false, typed)).then(function (full) {
              if (token !== seq) return;
              full.query = query;
              current = full;
              if (full !== result) showAnswer(full, query, f);  // corrected, or offering a spelling, only now
              clear();
              return showMore();
            }));
          }, wait);
        });
      }).catch(function (err) {
        clearTimeout(slow);
        if (token !== seq) return;
        failed = true;
        status.textContent = LOAD_FAILED;
        if (root.console) root.console.error(err);
      });
    }
    // a file the search needed did not load (the network dropped): Enter tries again (the engine
    // keeps no failed load), and so does the page once the browser is back online
    var failed = false, LOAD_FAILED = "Không tải được dữ liệu tìm kiếm (mất kết nối?). Nhấn Tìm để thử lại.";
    var LOADING = "Đang tải dữ liệu tìm kiếm…", SLOW = 400;  // ms before the page says it is loading
    root.addEventListener("online", function () {
      if (failed) run(true, true);
    });

    function later() {
      lastKey = Date.now();
      asTyped = false;  // a new query: corrected again if need be
      seq++;  // what the last query was about to fetch or show is not wanted any more
      clearTimeout(pauseTimer);
      clearTimeout(timer);
      timer = setTimeout(function () { run(false); }, SEARCH_DELAY);
    }

    input.addEventListener("input", later);
    // A phone's keyboard leaves a short window (375 x 300 CSS px): the search box is brought to its
    // top while the reader types in it, so the first results show under it (they stood 190 px below
    // the window, the box at its bottom edge). The window's height as the keyboard leaves it: the
    // visual viewport, which shrinks after the focus.
    var view = root.visualViewport;
    function lift() {
      if (document.activeElement === input && (view ? view.height : root.innerHeight) < 480) {
        input.scrollIntoView({ block: "start" });
      }
    }
    input.addEventListener("focus", lift);
    if (view) view.addEventListener("resize", lift);
    root.addEventListener("popstate", function () {
      // Back or Forward to another search: its query, filters and results; the keyboard goes on
      // from the search box when what it was on (a result, "Xem thêm") is gone.
      fromAddress();
      if (filterBox && Object.keys(filters()).length) filterBox.open = true;
      asTyped = false;
      settled = true;
      clearTimeout(timer);
      run(true, true);
      var at = document.activeElement;
      if (!at || at === document.body || !form.contains(at)) input.focus({ preventScroll: true });
    });
    Object.keys(selects).forEach(function (k) { if (selects[k]) selects[k].addEventListener("change", function () { run(true); }); });
    form.addEventListener("submit", function (event) { event.preventDefault(); clearTimeout(timer); run(true); });
    more.addEventListener("click", function () {
      // the keyboard goes on from the first result added (the button may go with the last ones)
      var from = list.children.length, token = seq;
      showMore().then(function () {
        var link = token === seq && list.children[from] && list.children[from].querySelector("a");
        if (link) link.focus();
      });
    });
    engine.ready().catch(function () {
      failed = true;
      status.textContent = LOAD_FAILED;
    });
    run(true);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})(typeof globalThis !== "undefined" ? globalThis : this);
