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

