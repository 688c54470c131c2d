  // ---- Query parsing ----

  /* Runs of the query: quoted phrases and free text, each a list of tokens, and where a sentence
     ends before a token (ends[k]: between tokens k - 1 and k). */
  function parseQuery(query) {
    var runs = [];
    var parts = prepare(query).split(QUOTES);
    for (var i = 0; i < parts.length; i++) {
      var tokens = tokenize(parts[i]);
      if (tokens.length) runs.push({ phrase: i % 2 === 1, tokens: tokens, ends: sentenceEnds(parts[i]), primes: primesOf(parts[i]) });
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

  /* Per token of a text: the apostrophe typed right after it (' or ’, a space after it or not),
     else nothing: the "H'" of "H'Hen Niê", "H’ Hen Niê", the "K’" of "K’Thương" (family.js,
     NAME_PREFIXES). An apostrophe is no token's letter, here as in the index (text.tokenize). */
  var PRIME = /^['\u2019]/;
  function primesOf(text) {
    var primes = [], k = 0, m;
    GAP.lastIndex = 0;
    while ((m = GAP.exec(text))) {
      if (/^[\p{L}\p{N}]/u.test(m[0])) { k++; continue; }
      if (k > 0 && PRIME.test(m[0])) primes[k - 1] = m[0][0];
    }
    return primes;
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
          out.push({ phrase: run.phrase, tokens: run.tokens.slice(from, k), primes: (run.primes || []).slice(from, k) });
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
     there). A query is read without the capitals: readers type in small letters. With titles
     (per token: typed as a name, a capital then small letters), a name of two tokens or more
     all typed so may have one token with other marks (a slipped mark: "Điện Biện", "Hòa Bính"):
     its span says slipped (the name or its words, as one typed in small letters). */
  function findNames(folded, byFirst, tones, small, titles) {
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
          for (var k = 0; ok && k < seq.length; k++) ok = folded[i + k] === seq[k] || sameTerm(seq, k, folded[i + k]);
          var slips = 0;
          if (ok && candidates[c].key.indexOf("~p:") === 0) for (k = 0; ok && k < seq.length; k++) if (!fits(i + k)) slips++;
          if (slips) ok = slips === 1 && seq.length > 1 && !!titles && titles.slice(i, i + seq.length).every(Boolean);
          if (ok) {
            found.push(slips ? { start: i, end: i + seq.length, key: candidates[c].key, slipped: true }
                             : { start: i, end: i + seq.length, key: candidates[c].key });
            step = seq.length;
            break;
          }
        }
      }
      i += step;
    }
    return found;
  }

  /* Whether word k of a name's words is the term after "khóa" and typed is that term in the other
     way of writing it: "12" for the alias's "xii", "xii" for its "12" ("Nghị quyết TW4 khóa 12",
     "nq tw4 khoa xii" found no resolution: each alias writes the term one way). */
  function sameTerm(seq, k, typed) {
    return k > 0 && seq[k - 1] === "khoa" && !!typed && termNumber(typed) > 0 && termNumber(typed) === termNumber(seq[k]);
  }
  function termNumber(f) {
    if (/^[1-9][0-9]?$/.test(f)) return parseInt(f, 10);
    if (!/^[ivxl]{1,7}$/.test(f)) return 0;
    for (var n = 1; n < 40; n++) if (roman(n) === f) return n;
    return 0;
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
     them so ("NQ TW4 khóa 12") and read there, and so are
     common words run together ("hochiminh"). A token of one letter with an apostrophe after it
     (primes: parseQuery's) says so (primed: the "’" of "H’Hen"). */
  function expand(tokens, index, primes) {
    var out = [], kept = false;
    tokens.forEach(function (token, at) {
      if (primes && primes[at] && Array.from(token).length === 1) {
        out.push({ text: token, folded: fold(token), tone: toneKey(token), exact: hasDiacritics(token), primed: primes[at] });
        return;
      }
      var f = fold(token), joined = index.joined.get(f), name = joined || splitJoined(f, index.common), m;
      if (name) name.forEach(function (t) { out.push({ text: t, folded: t, tone: t, exact: false, joined: !!joined }); });
      else if ((m = SPLIT.exec(f))) {  // "TW4" of a name stays whole (below: where the name is read)
        var parts = m[1] !== undefined ? [m[1], m[2]] : [m[3], m[4]];
        if (index.nameWords && index.nameWords.has(f)) {
          kept = true;
          out.push({ text: token, folded: f, tone: toneKey(token), exact: hasDiacritics(token), parts: parts });
        } else parts.forEach(function (t) { out.push({ text: t, folded: t, tone: t, exact: false }); });
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
    return kept ? splitStray(out, index) : out;
  }

  /* A word kept whole for a name ("TW4" of "NQ TW4 khóa 12") where no name of the registries is
     read around it ("NQ TW4", "TW4": no article writes "tw4"; nothing was found, not even in
     part): split as letters run into digits are ("TW 4"). */
  function splitStray(tokens, index) {
    var spans = findNames(tokens.map(function (t) { return t.folded; }), index.byFirst);
    var out = [];
    tokens.forEach(function (t, k) {
      if (!t.parts) out.push(t);
      else if (spans.some(function (s) { return k >= s.start && k < s.end; })) {
        out.push({ text: t.text, folded: t.folded, tone: t.tone, exact: t.exact });
      } else t.parts.forEach(function (part) { out.push({ text: part, folded: part, tone: part, exact: false }); });
    });
    return out;
  }
  /* Letters and digits run together in a word that no name has so and no rule above splits
     ("NQTW4", "nghiquyettw4", "KL21TW", "UBND2024"): the query with each such word spaced into
     the pieces readers space it into, so that it is read as its spaced form is ("NQ TW4"). The
     pieces: whole runs of digits, initialisms of the table, words of the registries' names ("tw4",
     "nghi", "quyet"), a syllable as a whole run of letters; the fewest; else letters and a number ("COVID19" is "COVID 19").
     A word of other runs ("H5N1", "ab12cd") or one read already ("CT05", "CT05TW", "chithi05",
     "U23") stays as typed, and so does every word inside quotes; words of letters alone are never
     spaced here (splitJoined's job). */
  var QUOTE_SPLIT = /(["\u201c\u201d\u201e\u00ab\u00bb])/;
  function spaceJoined(query, index) {
    if (!/[0-9]/.test(query)) return query;
    var inside = false;
    return prepare(query).split(QUOTE_SPLIT).map(function (part, k) {
      if (k % 2) { inside = !inside; return part; }
      if (inside) return part;
      return part.replace(TOKEN, function (token) {
        var f = fold(token), pieces = mixedPieces(f, index), chars = Array.from(token), at = 0;
        if (!pieces || chars.length !== f.length) return token;
        return pieces.map(function (piece) { return chars.slice(at, at += piece.length).join(""); }).join(" ");
      });
    }).join("");
  }
  var MIXED_MAX = 12;  // letters and digits in one piece, at most
  function mixedPieces(f, index) {
    if (!/^[a-z0-9]+$/.test(f) || !/[a-z]/.test(f) || !/[0-9]/.test(f)) return null;
    var words = index.nameWords || new Set();
    if ((index.joined && index.joined.has(f)) || words.has(f) || SPLIT.test(f)) return null;
    var digit = function (i) { return i >= 0 && i < f.length && f[i] >= "0" && f[i] <= "9"; };
    var known = function (i, j) {
      var piece = f.slice(i, j);
      if (/^[0-9]+$/.test(piece)) return !digit(i - 1) && !digit(j);  // a number whole
      if (digit(i - 1) && digit(i) || digit(j - 1) && digit(j)) return false;  // no cut inside a number
      if (words.has(piece)) return true;
      // a syllable only as a whole run of letters ("thang" of "thang5"; not "a" + "pec" of "apec")
      return /^[a-z]+$/.test(piece) && (INITIALISMS.has(piece) ||
        ((i === 0 || digit(i - 1)) && (j === f.length || digit(j)) && SYLLABLE.test(piece)));
    };
    var best = new Array(f.length + 1).fill(null);  // best[i]: the fewest pieces from i on
    best[f.length] = { n: 0, next: -1 };
    for (var i = f.length - 1; i >= 0; i--) {
      for (var j = i + 1; j <= Math.min(f.length, i + MIXED_MAX); j++) {
        if (best[j] && (!best[i] || best[j].n + 1 < best[i].n) && known(i, j)) best[i] = { n: best[j].n + 1, next: j };
      }
    }
    if (!best[0] || best[0].n < 2) {
      // a word of letters and a number ("COVID19", "APEC2017", "iPhone15"): articles space them
      // or write a dash ("COVID-19"); letters, numbers and letters again ("H5N1") stay whole
      var m = /^([a-z]{4,})([0-9]+)$|^([0-9]+)([a-z]{4,})$/.exec(f);
      return m ? (m[1] ? [m[1], m[2]] : [m[3], m[4]]) : null;
    }
    var out = [];
    for (var at = 0; at < f.length; at = best[at].next) out.push(f.slice(at, best[at].next));
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

