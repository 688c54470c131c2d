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

  /* [start, end) of the words saying which of a province's two lives is meant, after its name
     ("Quảng Nam cũ", "tỉnh Đắk Nông (cũ)", "Lâm Đồng mới": the province before or after the 2025
     merger), at the end of the query or before another name: asked around the name (the page
     offers the 2025 unit), not words an article must hold ("cũ" counted 96 of Quảng Nam's 154). */
  var FORMER = ["cũ", "mới"].map(function (w) { return [fold(w), toneKey(w)]; });
  function formerSpans(tokens, spans) {
    var out = [];
    spans.forEach(function (s) {
      var t = tokens[s.end];
      if (s.key.indexOf("~p:") !== 0 || !t || !FORMER.some(function (w) { return t.folded === w[0] && !markFault(t.tone, [w[1]]); })) return;
      if (s.end + 1 === tokens.length || spans.some(function (o) { return o.start === s.end + 1; })) out.push([s.end, s.end + 1]);
    });
    return out;
  }

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


  /* A directive's alias typed without the term that tells it from another ("NQ TW4", "Nghị quyết
     Trung ương 4", "NQTW4": the aliases "NQ TW4 khóa 11" of 12-NQ/TW and "NQ TW4 khóa 12" of
     04-NQ/TW): a reader asks for any of them, as the press names both so. Outside quotes, where
     the words typed are the start of aliases of two directives or more up to their "khóa …" (and
     "khóa" does not follow, nor is the start a whole alias itself), they are read as those aliases
     joined by OR, each directive once: "nq tw4 khoa xi OR nq tw4 khoa xii" (after a dash, each
     left out). Found 8,459 bench
     articles through the words "nghị quyết", "tw", "4" (Chỉ thị 05's first). */
  function termless(query, byFirst) {
    if (!byFirst || QUOTES.test(query)) return query;
    var text = prepare(query), tokens = [], m, re = new RegExp(TOKEN.source, "gu");
    while ((m = re.exec(text))) tokens.push({ folded: fold(m[0]), start: m.index, end: m.index + m[0].length });
    var folded = tokens.map(function (t) { return t.folded; });
    // the tokens from i whose letters are those of words (spaced as the alias or not: "NQ TW 4"),
    // ending at a token's end: their number, else 0
    var spell = function (i, words) {
      var want = words.join(""), got = "";
      for (var j = i; j < tokens.length && got.length < want.length; j++) {
        got += folded[j];
        if (got === want) return j - i + 1;
        if (want.slice(0, got.length) !== got) return 0;
      }
      return 0;
    };
    var whole = function (i, n) {  // the n tokens from i are a whole alias
      return Array.from(byFirst.values()).some(function (cs) {
        return cs.some(function (c) { return spell(i, c.seq) === n; });
      });
    };
    // the aliases of directives with a term, once per names' table: [alias, the words before "khóa"]
    var termed = byFirst.termed || (byFirst.termed = [].concat.apply([], Array.from(byFirst.values())).filter(function (c) {
      return c.key.indexOf("~d:") === 0 && c.seq.indexOf("khoa") > 1;
    }).map(function (c) { return [c, c.seq.slice(0, c.seq.indexOf("khoa"))]; }));
    for (var i = 0; i < tokens.length; i++) {
      var found = new Map(), n = 0;
      termed.forEach(function (t) {
        var c = t[0], typed = t[1][0][0] === folded[i][0] ? spell(i, t[1]) : 0;
        if (!typed || found.has(c.key) || (n && typed !== n) || folded[i + typed] === "khoa") return;
        n = typed;
        found.set(c.key, c.seq.join(" "));
      });
      if (found.size < 2 || whole(i, n)) continue;
      // after a dash ("làm theo Bác -NQ TW4"): every one of them left out
      var dash = text[tokens[i].start - 1] === "-" && (tokens[i].start === 1 || /\s/.test(text[tokens[i].start - 2]));
      var read = Array.from(found.values()).join(dash ? " -" : " OR ");
      return text.slice(0, tokens[i].start) + read + termless(text.slice(tokens[i + n - 1].end), byFirst);
    }
    return text;
  }
