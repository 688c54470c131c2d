
  // Format "lamtheobac-md": front matter read (fromFile) and written (toFile) as the build reads it.
  var ISO = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
  var MOMENT = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})$/;
  var DATE_KEYS = { date: true, updated: true };
  // Made by fromFile for the list's summary, never written (generator/cms/schema.py SHOWN_DATE).
  var SHOWN_DATE = "lamtheobac_ngay";
  var SCHEDULED = " · hẹn đăng";  // after the day of an article whose date is still to come
  // The form's switches, and the words the build reads as on and off (content.py _Checker.flag).
  var FLAG_KEYS = ["draft", "date_estimated"];
  var ON = /^(?:true|yes|on)$/i;
  var OFF = /^(?:false|no|off)$/i;
  var CLOSING = /^(?:---|\.\.\.)[ \t]*$/gm;
  // Characters YAML readers refuse or fold inside quotes (C1 controls, line and paragraph separators,
  // BOM, noncharacters): written as \u escapes, which read back as the same text.
  var UNSAFE = /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g;
  var PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;
  // Combining marks after an ASCII character (the end of an escape such as \u001a or \n): escaped
  // too, as the build reads files as NFC, which would join a mark to the escape's last letter.
  var MARK_AFTER_ASCII = /([\u0000-\u007f])(\p{M}+)/gu;

  var schema = null;
  function yamlSchema() {
    if (!schema) {
      var y = yaml();
      // Text as written, like generator/frontmatter.py: "010", "1:30", "12.50", "~", a title "yes" are
      // no numbers, nothing or booleans (read as 8, 90, 12.5, null and true, a save re-wrote or dropped
      // them). The switches' keys (FLAG_KEYS) are made booleans in fromFile.
      schema = y.FAILSAFE_SCHEMA.withTags(y.mergeTag);
    }
    return schema;
  }

  function split(text) {
    text = String(text).replace(/^\ufeff/, "").replace(/\r\n?/g, "\n");
    if (!/^---\n/.test(text)) {
      return { front: null, body: text };
    }
    CLOSING.lastIndex = 4;
    var end = CLOSING.exec(text);
    if (!end) {
      throw new Error("Phần thông tin đầu bài mở bằng “---” nhưng không có dòng “---” đóng lại.");
    }
    return { front: text.slice(4, end.index), body: text.slice(end.index + end[0].length).replace(/^\n+/, "") };
  }

  /* A name's canonical spelling: a listed spelling (any case), else, given forms (directives), one of
   * the forms the build also reads ("CT05", "Chỉ thị 5": generator/spellings.py name_forms). */
  function canonical(table, name, forms) {
    var text = String(name).normalize("NFC").trim();
    var known = table && (table[text.toLowerCase()] || foldedTable(table)[fold(text)]);
    var key = !known && forms ? formKey(text) : "";
    return known || (key && forms[key]) || text;
  }

  /* The table by each spelling's fold (tone placement, spaces and invisible characters aside, as
   * term_key): the build read "Khánh Hoà" and "Lào  Cai" where only "Khánh Hòa" is listed. */
  var FOLDED = typeof WeakMap === "function" ? new WeakMap() : null;
  function foldedTable(table) {
    return keyedTable(FOLDED, table, fold, false);
  }

  /* A table of spellings by keyOf(spelling), kept in `cache` (a WeakMap by table). A key two names
   * share holds the first of them, or "" (neither) with dropShared. */
  function keyedTable(cache, table, keyOf, dropShared) {
    var keyed = cache && cache.get(table);
    if (!keyed) {
      keyed = {};
      Object.keys(table).forEach(function (spelling) {
        var key = keyOf(spelling);
        if (!key) {
          return;
        }
        if (!(key in keyed)) {
          keyed[key] = table[spelling];
        } else if (dropShared && keyed[key] !== table[spelling]) {
          keyed[key] = "";
        }
      });
      if (cache) {
        cache.set(table, keyed);
      }
    }
    return keyed;
  }

  /* A name's folded tokens joined by spaces ("Chỉ thị 5" -> "chi thi 5", "CT05" -> "ct 05"), as
   * spellings.folded_tokens makes them; "" when a word is "TU" (Tỉnh ủy, not TƯ: the build refuses
   * "05-CT/TU" as 05-CT/TW). */
  function formKey(text) {
    var out = [];
    var tokens = text.match(/[\p{L}\p{N}]+/gu) || [];
    for (var i = 0; i < tokens.length; i++) {
      if (tokens[i].toLowerCase() === "tu") {
        return "";
      }
      var folded = tokens[i].toLowerCase().normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d");
      var joined = /^([a-z]{1,3})(\d+)$|^(\d+)([a-z]{1,3})$/.exec(folded);
      out.push.apply(out, joined ? joined.slice(1).filter(Boolean) : [folded]);
    }
    return out.join(" ");
  }

  /* An article file -> the entry's data (front-matter keys and "body"). */
  function fromFile(text, terms) {
    var parts = split(text);
    var meta = parts.front === null ? {} : yaml().load(parts.front, { schema: yamlSchema() });
    if (meta === null || meta === undefined) {
      meta = {};
    }
    if (typeof meta !== "object" || Array.isArray(meta)) {
      throw new Error("Phần thông tin đầu bài phải là các dòng “khóa: giá trị”.");
    }
    FLAG_KEYS.forEach(function (key) {
      if (typeof meta[key] === "string") {  // anything else stays as written: the build reports it
        var word = meta[key].trim();
        meta[key] = ON.test(word) ? true : OFF.test(word) ? false : meta[key];
      }
    });
    var aliases = (terms && terms.aliases) || {};
    ["province", "directives"].forEach(function (key) {
      if (meta[key] === null || meta[key] === undefined) {
        return;
      }
      var items = Array.isArray(meta[key]) ? meta[key] : [meta[key]];
      var forms = key === "directives" ? aliases.directive_forms : null;
      meta[key] = items.map(function (item) { return canonical(aliases[key], item, forms); });
    });
    if (typeof meta.tags === "string") {
      meta.tags = [meta.tags];
    }
    if (typeof meta.source === "string") {
      meta.source = { name: meta.source };
    }
    if (typeof meta.image === "string") {
      meta.image = { src: meta.image };
    }
    ((terms && terms.single) || []).forEach(function (key) {
      if (meta[key] !== null && typeof meta[key] === "object" && !Array.isArray(meta[key])) {
        meta[key] = [meta[key]];
      }
    });
    // The day the list of articles shows (schema.py's summary): Decap's date filter formats in the
    // browser's zone, where an article of 03:00+07:00 showed the day before in Paris.
    // A date still to come is marked: the build publishes the article only from then on, and the list
    // showed it as any other (an editor took a scheduled article for one already on the site).
    var day = typeof meta.date === "string" ? shortDate(meta.date, terms && terms.offset) : "";
    if (day) {
      meta[SHOWN_DATE] = day + (startsAt(meta.date, terms && terms.offset) > Date.now() ? SCHEDULED : "");
    }
    meta.body = parts.body;
    return meta;
  }

  /* The time (ms since 1970) an article's date starts at: a day alone ("2026-12-05") at midnight in the
   * site's offset, as the build reads it; NaN when not a date. */
  function startsAt(value, offset) {
    var text = String(value || "").trim();
    if (MOMENT.test(text)) {
      return Date.parse(inOffset(text, "+00:00").replace(/\+00:00$/, "Z"));
    }
    return /^\d{4}-\d{2}-\d{2}$/.test(text) ? Date.parse(text + "T00:00:00" + (offset || "Z")) : NaN;
  }

  /* "2026-12-04T20:00:00Z" -> "05/12/2026": the day in the site's offset; "" when not a date. */
  function shortDate(value, offset) {
    var text = String(value || "").trim();
    var m = /^(\d{4})-(\d{2})-(\d{2})/.exec(MOMENT.test(text) && offset ? inOffset(text, offset) : text);
    return m ? m[3] + "/" + m[2] + "/" + m[1] : "";
  }

  function prune(value) {
    if (value === null || value === undefined) {
      return undefined;
    }
    if (typeof value === "string") {
      return value.trim() === "" ? undefined : value;
    }
    if (Array.isArray(value)) {
      var items = value.map(prune).filter(function (item) { return item !== undefined; });
      return items.length ? items : undefined;
    }
    if (typeof value === "object") {
      var out = {};
      var any = false;
      Object.keys(value).forEach(function (key) {
        var kept = prune(value[key]);
        if (kept !== undefined) {
          out[key] = kept;
          any = true;
        }
      });
      return any ? out : undefined;
    }
    return value;
  }

  function offsetMinutes(offset) {
    if (offset === "Z") {
      return 0;
    }
    var m = /^([+-])(\d{2}):?(\d{2})$/.exec(offset);
    return (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
  }

  function pad(n) {
    return (n < 10 ? "0" : "") + n;
  }

  /* "2024-05-19T09:27:00+00:00" -> "2024-05-19T16:27:00+07:00": the same moment in the site's offset. */
  function inOffset(text, offset) {
    var m = MOMENT.exec(text);
    if (!m || !offset) {
      return text;
    }
    var ms = Date.UTC(Number(m[1].slice(0, 4)), Number(m[1].slice(5, 7)) - 1, Number(m[1].slice(8, 10)),
                      Number(m[2]), Number(m[3]), Number(m[4] || 0)) - offsetMinutes(m[5]) * 60000;
    var local = new Date(ms + offsetMinutes(offset) * 60000);
    if (isNaN(local.getTime())) {
      return text;
    }
    return String(local.getUTCFullYear()).padStart(4, "0") + "-" + pad(local.getUTCMonth() + 1) + "-" +
      pad(local.getUTCDate()) + "T" + pad(local.getUTCHours()) + ":" + pad(local.getUTCMinutes()) + ":" +
      pad(local.getUTCSeconds()) + offset;
  }

  function scalar(value) {
    if (typeof value === "boolean") {
      return value ? "true" : "false";
    }
    if (typeof value === "number" && isFinite(value)) {
      return String(value);
    }
    var text = String(value).normalize("NFC");
    if (ISO.test(text)) {
      return text;
    }
    return JSON.stringify(text).replace(UNSAFE, function (ch) {
      return "\\u" + ch.charCodeAt(0).toString(16).padStart(4, "0");
    }).replace(MARK_AFTER_ASCII, function (all, before, marks) {
      return before + Array.from(marks).map(function (mark) {
        var code = mark.codePointAt(0);
        return code > 0xffff ? "\\U" + code.toString(16).padStart(8, "0") : "\\u" + code.toString(16).padStart(4, "0");
      }).join("");
    });
  }

  function keyText(key) {
    return PLAIN_KEY.test(key) ? key : scalar(key);
  }

  function ordered(keys, order) {
    var rank = {};
    (order || []).forEach(function (key, i) {
      if (!(key in rank)) {
        rank[key] = i;
      }
    });
    return keys.slice().sort(function (a, b) {
      var ra = a in rank ? rank[a] : 1e6 + keys.indexOf(a);
      var rb = b in rank ? rank[b] : 1e6 + keys.indexOf(b);
      return ra - rb;
    });
  }

  function lines(key, value, indent, order, offset) {
    if (Array.isArray(value)) {
      return indent + keyText(key) + ": [" + value.map(function (item) {
        return typeof item === "object" ? JSON.stringify(item) : scalar(item);
      }).join(", ") + "]\n";
    }
    if (typeof value === "object") {
      return indent + keyText(key) + ":\n" + ordered(Object.keys(value), order).map(function (inner) {
        return lines(inner, value[inner], indent + "  ", order, offset);
      }).join("");
    }
    if (DATE_KEYS[key] && typeof value === "string") {
      value = inOffset(value.trim(), offset);
    }
    return indent + keyText(key) + ": " + scalar(value) + "\n";
  }

  /* The entry's data -> an article file. order: Decap's field order; terms.offset: "+07:00". */
  function toFile(data, order, terms) {
    var meta = {};
    var single = (terms && terms.single) || [];
    Object.keys(data || {}).forEach(function (key) {
      if (key !== "body" && key !== SHOWN_DATE) {
        meta[key] = single.indexOf(key) >= 0 && Array.isArray(data[key]) ? data[key][0] : data[key];
      }
    });
    meta = prune(meta) || {};
    if (meta.date_estimated === false) {
      delete meta.date_estimated;  // the default: only an estimated date is marked
    }
    var offset = terms && terms.offset;
    var out = "---\n" + ordered(Object.keys(meta), order).map(function (key) {
      return lines(key, meta[key], "", order, offset);
    }).join("") + "---\n";
    // A line separator (U+2028: a line kept in its paragraph by a paste, 11-paste.js splitAtBreaks) is a
    // Markdown line break, as Shift+Enter is saved; the build would have run the lines on as one.
    var body = String((data && data.body) || "").replace(/\r\n?/g, "\n").replace(/[ \t]*\u2028[ \t]*/g, "\\\n")
      .replace(/^\n+/, "").replace(/\s+$/, "");
    return body ? out + "\n" + body + "\n" : out;
  }

