  // ---- Capitals: names typed as names, headlines in Title Case, the seams of names ----

  /* A word of a name as typed: a capital, then small letters ("Quốc", not "UBND" or "05"). */
  function titled(t) {
    return t.text.length > 1 && /^[a-z]+$/.test(t.folded) && t.text[0] !== t.text[0].toLowerCase() &&
      t.text.slice(1) === t.text.slice(1).toLowerCase();
  }

  /* Whether a query is a headline typed in Title Case (a phone's keyboard capitalising each word,
     a headline pasted so: "Học Tập Và Làm Theo", "Làm Theo Bác Hồ"): three words or more outside
     quotes, each with a capital first (words in capitals aside: "UBND"), one of them a word of
     grammar no name holds ("Và", "Theo", "Của", "Ở"; some without marks: "Va", "Cua"). Its capitals then mark no name: it is read
     as typed in small letters. A name alone keeps its capitals ("Lê Đức Dục", "Điện Biên Phủ"). */
  var GRAMMAR = new Set(["và", "của", "theo", "các", "những", "cho", "với", "trong", "là", "có", "được", "ở",
    "tại", "về", "từ", "đến", "để", "khi", "thì", "mà", "này", "đã", "đang", "sẽ", "không", "cũng", "trên",
    "vì", "do", "hay", "hoặc", "bị", "nên", "vào", "qua", "giữa", "cùng", "nhằm", "trước", "sau", "tới"].map(toneKey));
  // typed without marks, only those no name's syllable is also spelt so ("Thi" may be Thị,
  // "Trong" Trọng, "Tai" Tài, "Do" Đỗ, "Sau" Sáu)
  var GRAMMAR_BARE = new Set(["va", "cua", "theo", "cac", "voi", "duoc", "khong", "vao", "giua", "cho", "ve", "nham"]);
  function headline(runs) {
    var cased = titleCase(runs);
    return !cased.lower && cased.grammar && cased.capitals >= 3;
  }
  /* Whether a query is typed in Title Case without a word of grammar ("Đạo Đức Công Vụ", "Gương
     Sáng Lê Đức Dục", "Lê Đức Dục"): names are then told by their first word (nameWordsOf). */
  function titledWords(runs) {
    var cased = titleCase(runs);
    return !cased.lower && !cased.grammar && cased.capitals >= 3;
  }
  function titleCase(runs) {
    var capitals = 0, grammar = false, lower = false;
    runs.forEach(function (run) {
      if (run.phrase) return;
      run.tokens.forEach(function (t) {
        var text = prepare(t), first = text[0];
        if (!/^\p{L}+$/u.test(text)) return;
        var rest = text.slice(1);
        if (text.length > 1 && text === text.toUpperCase()) return;  // an initialism, "UBND"
        if (first === first.toLowerCase() || rest !== rest.toLowerCase()) { lower = true; return; }
        capitals++;
        if (GRAMMAR.has(toneKey(text)) || GRAMMAR_BARE.has(text.toLowerCase())) grammar = true;
      });
    });
    return { capitals: capitals, grammar: grammar, lower: lower };
  }

  /* In a query typed in Title Case without a word of grammar, which tokens may be words of a
     person's name: those from a family name on (FAMILY_NAMES, typed with its marks or fewer) or a
     name's prefix (namePrefixes: "Y Ngông Niê Kdăm", "H’Hen Niê", of five words at most), to
     the end of the words typed with a capital or the next name (of more than four words: its
     first three); "Bác" before a family name and that name ("Bác Hồ"). Per token: the number of
     its name, 0 for none. A family name starts no name where it makes a common word with the word
     after or before it (FAMILY_WORDS: "Hồ Sơ Cán Bộ", "Lý Luận Chính Trị", "Lê Hội" for "Lễ Hội",
     "Quản Lý", "Tuyên Dương"), nor inside a name of the registries (spans: "Hà Nội", "Lâm
     Đồng"); inside a name such words are its words ("Trần Văn Minh", not "văn minh"). Other words typed with a capital are words of a
     headline ("Đạo Đức Công Vụ", "Gương Sáng" of "Gương Sáng Lê Đức Dục"): they make no name pair. */
  var FAMILY = FAMILY_NAMES.map(function (w) { return [fold(w), toneKey(w)]; });
  /* Whether a province's name (span) with a word typed with a capital beside it is all a Title
     Case query without grammar holds ("Điện Biên Phủ", "Cầu Cần Thơ": a longer proper name), not
     a headline naming the province ("Gương Sáng Lai Châu" made the name "Sáng Lai Châu"). */
  function gluedAlone(span, tokens) {
    return tokens.length === span.end - span.start + 1;
  }
  var NAME_MAX = 4, NAME_USUAL = 3;
  var BAC = [fold("Bác"), toneKey("Bác")];
  var HIGHLAND = HIGHLANDS.map(function (w) { return [fold(w), toneKey(w)]; });
  var familyWord = function (a, b) { return !!a && !!b && FAMILY_WORD_PAIRS.has(a.folded + " " + b.folded); };
  var inSpans = function (spans, j) { return (spans || []).some(function (s) { return j >= s.start && j < s.end; }); };
  /* Per token: whether it is a name's prefix (family.js, NAME_PREFIXES): "Y", or "H", "K" typed with
     their apostrophe, before a word typed with a capital ("Y Ngông", "H’Hen", "K' Thương"), the two
     making no common word ("Y Tế", "Quân Y", "H'Mông"), not before a name of the registries. Typed
     so, in a query of any case (not in quotes, not a headline: plan), the prefix is a word of the
     name, as "Lê" of "Lê Đức Dục" is; the index holds its pairs as any ("y ngong", "h hen"). */
  function namePrefixes(tokens, spans) {
    return tokens.map(function (t, j) {
      var next = tokens[j + 1];
      return !!next && titled(next) && NAME_PREFIXES.some(function (p) { return t.text === p.text && (!p.primed || !!t.primed); }) &&
        !familyWord(t, next) && !familyWord(tokens[j - 1], t) && !inSpans(spans, j + 1);
    });
  }
  function nameWordsOf(tokens, spans) {
    var out = tokens.map(function () { return 0; }), k = 0, number = 0, prefixed = namePrefixes(tokens, spans);
    var is = function (t, w) { return !!t && titled(t) && t.folded === w[0] && !markFault(t.tone, [w[1]]); };
    var registry = function (j) { return inSpans(spans, j); };
    var word = familyWord;
    var family = function (j) {
      return !registry(j) && !word(tokens[j], tokens[j + 1]) && !word(tokens[j - 1], tokens[j]) &&
        FAMILY.some(function (w) { return is(tokens[j], w); });
    };
    var highland = function (j) { return HIGHLAND.some(function (w) { return is(tokens[j], w); }); };
    // where a name starts: a prefix ("Y Ngông Niê Kdăm"), a family name, or "Bác" before one ("Bác Hồ", "Bác Tôn")
    var start = function (j) {
      return prefixed[j] ? "prefix" : is(tokens[j], BAC) && family(j + 1) ? "bac" : family(j) ? "family" : null;
    };
    while (k < tokens.length) {
      var kind = start(k);
      if (!kind) { k++; continue; }
      var end = k + (kind === "bac" ? 2 : 1), s;
      if (kind === "bac") {  // "Bác Hồ" whole ("Bác Hồ Kính Yêu": the rest are words)
        out[k] = out[k + 1] = ++number;
        k = end;
        continue;
      }
      // to the next name: "Bác" before a family name, or a family name after three words ("Lê
      // Đức Dục Nguyễn Văn Bình"; not the "Lương" of "Nguyễn Lương Bằng"), not the Highlands'
      // family name of a name begun by a prefix ("Y Thanh Hà Niê Kđăm")
      while (end < tokens.length && titled(tokens[end]) && !registry(end) &&
             !((s = start(end)) === "bac" || (s === "family" && end - k >= 3 && !(kind === "prefix" && highland(end))))) end++;
      // longer, its end is not known: the three words most names have ("Hồ Chí Minh Vĩ Đại"),
      // and the prefix before them
      var more = kind === "prefix" ? 1 : 0;
      if (end - k > NAME_MAX + more) end = k + NAME_USUAL + more;
      if (end - k > 1) {
        number++;
        for (var j = k; j < end; j++) out[j] = number;
      }
      k = end;
    }
    return out;
  }


  /* Whether the pair of tokens i - 1 and i is no seam of a name, whatever their capitals: a word
     of a question or of the news around what is asked ("Tin Tức Lai Châu": fillers, not required)
     on either side, or a word of address before the name it precedes ("Ông Lê Đức Dục", "Đồng Chí
     Lê …": articles write "ông", "đồng chí" in small letters inside a sentence), a word of a
     date, or a word typed twice. */
  var ADDRESS = ["ông", "bà", "anh", "chị", "em", "cụ", "thầy"].map(function (w) { return [fold(w), toneKey(w)]; });
  var COMRADE = [["dong", toneKey("đồng")], ["chi", toneKey("chí")]];
  function nameSeam(tokens, i, asked) {
    if (asked.some(function (s) { return (i - 1 >= s[0] && i - 1 < s[1]) || (i >= s[0] && i < s[1]); })) return false;
    var is = function (t, w) { return !!t && t.folded === w[0] && !markFault(t.tone, [w[1]]); };
    if (ADDRESS.some(function (w) { return is(tokens[i - 1], w); })) return false;
    if (datePart(tokens, i - 1) || datePart(tokens, i)) return false;
    // a word typed twice with its marks ("Lai Châu Châu", a key held down on a phone)
    if (tokens[i].exact && tokens[i].folded === tokens[i - 1].folded && tokens[i].tone === tokens[i - 1].tone) return false;
    return !(i > 1 && is(tokens[i - 2], COMRADE[0]) && is(tokens[i - 1], COMRADE[1]));
  }
  /* Whether token k is a word of a date: "ngày", "tháng", "năm", "mùng", "mồng" before a number
     ("Lai Châu Năm 2024" made the name "Lai Châu Năm"), "tháng" before a month's name or that
     name after it ("Tháng Năm 2024", May: the name "Tháng Năm"). */
  var DATE_LEADS = ["ngày", "tháng", "năm", "mùng", "mồng"].map(function (w) { return [fold(w), toneKey(w)]; });
  var MONTH = [fold("tháng"), toneKey("tháng")];
  function datePart(tokens, k) {
    var t = tokens[k], next = tokens[k + 1], before = tokens[k - 1];
    var is = function (x, w) { return !!x && x.folded === w[0] && !markFault(x.tone, [w[1]]); };
    var month = function (x) { return !!x && monthNumber(prepare(x.text)) > 0; };
    if (DATE_LEADS.some(function (w) { return is(t, w); }) && !!next && /^[0-9]+$/.test(next.folded)) return true;
    return (is(t, MONTH) && month(next)) || (is(before, MONTH) && month(t));
  }
