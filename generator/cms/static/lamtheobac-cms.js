/* GENERATED FILE, do not edit: made by tools/bundle_cms_js.py of generator/cms/static/src/*.js.
 * Edit the sources there, then run `python3 tools/bundle_cms_js.py`. */
// ---- src/01-open.js ----
/* lamtheobac-cms.js: what Decap CMS needs to write this project's articles exactly as the build reads them.
 *
 * - Format "lamtheobac-md": front matter read with js-yaml as text, like the build (the switches'
 *   yes/no/true/false as booleans), and written in the project's flat style (the one
 *   `lamtheobac new` writes): every text double-quoted, lists in brackets, empty values left out, dates
 *   in the site's UTC offset. Decap's own YAML writer follows YAML 1.2, where a title "yes" or a tag
 *   "12:30" would be read back by the build as a boolean or a number.
 *   "source" and "image" are edited as lists of at most one item (Decap checks the required parts of an
 *   optional object even when it is empty) and stored as the tables the build reads.
 * - Widget "lamtheobac-tags": free tags with the existing ones suggested (Decap has no such widget).
 * - Vietnamese for the phrases Decap's "vi" locale lacks.
 * - The body opens in Decap's Markdown (raw) mode unless the editor chose the rich-text one.
 * - Saves and deletions carry the id of each file as this tab read it ("baseIds", local backend only): the
 *   backend refuses to write over or delete a file changed since (in another tab, by `import`, in a text editor).
 *
 * The pure functions also run under node (tests/test_cms.py checks what they write against the build).
 */
(function (root, factory) {
  "use strict";
  var api = factory(function () { return root.jsyaml || require("js-yaml"); });
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.LamTheoBac = api;
    api.register(root);
  }
})(typeof globalThis !== "undefined" ? globalThis : this, function (yaml) {
  "use strict";
// ---- src/02-frontmatter.js ----

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
    var folded = FOLDED && FOLDED.get(table);
    if (!folded) {
      folded = {};
      Object.keys(table).forEach(function (spelling) {
        var key = fold(spelling);
        if (!(key in folded)) {
          folded[key] = table[spelling];
        }
      });
      if (FOLDED) {
        FOLDED.set(table, folded);
      }
    }
    return folded;
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
    var body = String((data && data.body) || "").replace(/\r\n?/g, "\n").replace(/^\n+/, "").replace(/\s+$/, "");
    return body ? out + "\n" + body + "\n" : out;
  }

// ---- src/03-tags.js ----
  // Tone-style-insensitive folding of names, and widget "lamtheobac-tags".
  // Tone-mark placement ignored ("hoà" = "hòa"), like term_key in generator/vietnamese.py.
  var TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;
  // Invisible characters text pasted from web pages and Word carries (vietnamese.INVISIBLE): a tag
  // "nêu gương" + U+200B looked like the existing one but was written as another.
  var INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

  function fold(text) {
    return String(text).replace(INVISIBLE, "").normalize("NFD").toLowerCase().replace(/\s+/g, " ").trim()
      .split(/([\s\-\u2010-\u2015,.;:/]+)/).map(function (part) {
        var tones = part.match(TONES) || [];
        return part.replace(TONES, "") + tones.join("");
      }).join("").normalize("NFC");
  }

  function tidyTag(text) {
    return String(text).replace(INVISIBLE, "").normalize("NFC").replace(/\s+/g, " ").replace(/^[\s,]+|[\s,]+$/g, "");
  }

  function addTag(items, text, suggestions) {
    var tag = tidyTag(text);
    if (!tag) {
      return items;
    }
    var known = (suggestions || []).filter(function (s) { return fold(s) === fold(tag); })[0] || tag;
    if (items.some(function (item) { return fold(item) === fold(known); })) {
      return items;
    }
    return items.concat([known]);
  }

  function tagsWidget(h, createClass) {
    var serial = 0;
    function listOf(value) {
      if (value === null || value === undefined || value === "") {
        return [];
      }
      if (typeof value === "string") {
        return [value];
      }
      if (typeof value.toJS === "function") {
        value = value.toJS();
      }
      return Array.isArray(value) ? value.map(String) : [];
    }
    var chip = { display: "inline-flex", alignItems: "center", gap: "4px", padding: "2px 4px 2px 10px",
                 borderRadius: "12px", background: "#e8eefc", color: "#1f2a44", lineHeight: "22px" };
    var remove = { border: 0, background: "transparent", cursor: "pointer", fontSize: "16px", lineHeight: "20px",
                   padding: "0 4px", color: "#1f2a44" };
    var input = { flex: "1 1 14em", minWidth: "10em", border: 0, outline: 0, font: "inherit",
                  padding: "4px 0", background: "transparent", color: "inherit" };
    var Control = createClass({
      getInitialState: function () {
        serial += 1;
        return { text: "", listId: "lamtheobac-tags-" + serial };
      },
      suggestions: function () {
        var s = this.props.field.get("suggestions");
        return listOf(s);
      },
      emit: function (items) {
        // An Immutable List like the ones Decap keeps: made from the field's own (it has none to import).
        var base = this.props.field.get("suggestions");
        this.props.onChange(base && typeof base.clear === "function" ? base.clear().concat(items) : items);
      },
      add: function (text) {
        var items = listOf(this.props.value);
        var next = addTag(items, text, this.suggestions());
        if (next.length !== items.length) {
          this.emit(next);
        }
        this.setState({ text: "" });
      },
      removeAt: function (index) {
        var items = listOf(this.props.value);
        items.splice(index, 1);
        this.emit(items);
      },
      onChange: function (event) {
        var text = event.target.value;
        var picked = event.nativeEvent && event.nativeEvent.inputType === "insertReplacementText";
        if (text.indexOf(",") >= 0) {
          var self = this;
          var items = listOf(this.props.value);
          var parts = text.split(",");
          parts.slice(0, -1).forEach(function (part) { items = addTag(items, part, self.suggestions()); });
          this.emit(items);
          this.setState({ text: parts[parts.length - 1] });
        } else if (picked) {  // chosen from the suggestion list
          this.add(text);
        } else {
          this.setState({ text: text });
        }
      },
      onKeyDown: function (event) {
        if (event.key === "Enter") {
          event.preventDefault();
          this.add(this.state.text);
        } else if (event.key === "Backspace" && !this.state.text) {
          var items = listOf(this.props.value);
          if (items.length) {
            this.removeAt(items.length - 1);
          }
        }
      },
      onBlur: function () {
        if (tidyTag(this.state.text)) {
          this.add(this.state.text);
        }
        this.props.setInactiveStyle();
      },
      render: function () {
        var self = this;
        var items = listOf(this.props.value);
        var chosen = items.map(fold);
        return h("div", { className: this.props.classNameWrapper,
                          style: { display: "flex", flexWrap: "wrap", gap: "6px", alignItems: "center" } },
          items.map(function (tag, index) {
            return h("span", { key: fold(tag), className: "lamtheobac-tag", style: chip }, tag,
              h("button", { type: "button", style: remove, title: "Bỏ chủ đề “" + tag + "”",
                            "aria-label": "Bỏ chủ đề “" + tag + "”",
                            onClick: function () { self.removeAt(index); } }, "×"));
          }),
          h("input", { id: this.props.forID, type: "text", list: this.state.listId, value: this.state.text,
                       autoComplete: "off", placeholder: "Gõ chủ đề rồi nhấn Enter", style: input,
                       onChange: this.onChange, onKeyDown: this.onKeyDown, onBlur: this.onBlur,
                       onFocus: this.props.setActiveStyle }),
          h("datalist", { id: this.state.listId }, this.suggestions().filter(function (s) {
            return chosen.indexOf(fold(s)) < 0;
          }).map(function (s) { return h("option", { key: s, value: s }); })));
      },
    });
    var Preview = function (props) {
      return h("p", {}, listOf(props.value).join(", "));
    };
    return { control: Control, preview: Preview };
  }

// ---- src/04-dates.js ----
  // Dates in the site's UTC offset: the day-first date and time widgets, the list's and preview's date lines.
  /* "2021-06-21T10:00:00+07:00" -> "2021-06-21T10:00", the value of an <input type="datetime-local"> in the
   * site's time (offset); a moment written without an offset is already in it; "" when there is none. */
  function wallClock(value, offset) {
    var text = String(value === null || value === undefined ? "" : value).trim();
    var m = MOMENT.exec(inOffset(text, offset));
    if (m) {
      return m[1] + "T" + m[2] + ":" + m[3];
    }
    var d = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2}))?/.exec(text);
    return d ? d[1] + "T" + (d[2] || "00") + ":" + (d[3] || "00") : "";
  }

  /* The site's time now as wallClock gives it (ms: Date.now() unless given). */
  function siteNow(offset, ms) {
    var t = new Date((ms === undefined ? Date.now() : ms) + offsetMinutes(offset) * 60000);
    return String(t.getUTCFullYear()).padStart(4, "0") + "-" + pad(t.getUTCMonth() + 1) + "-" + pad(t.getUTCDate()) +
      "T" + pad(t.getUTCHours()) + ":" + pad(t.getUTCMinutes());
  }

  /* "2021-06-21T10:00" (wallClock) -> "21/06/2021 10:00"; with time false, "2021-06-21" -> "21/06/2021". */
  function dayFirst(local, time) {
    var m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(String(local || ""));
    if (!m) {
      return "";
    }
    return m[3] + "/" + m[2] + "/" + m[1] + (time && m[4] ? " " + m[4] + ":" + m[5] : "");
  }

  /* What an editor typed, day first ("21/06/2021 10:00", "21/6/2021 8h05", "21-06-2021"), as wallClock's
   * "2021-06-21T10:00" ("2021-06-21" when time is false); "" for nothing typed, null for no such day or time. */
  function fromDayFirst(text, time) {
    var typed = String(text || "").trim();
    if (!typed) {
      return "";
    }
    var m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:(?:\s+|\s*[,T]\s*)(\d{1,2})\s*[:h]\s*(\d{2}))?$/i.exec(typed);
    if (!m || (!time && m[4] !== undefined)) {
      return null;
    }
    var day = Number(m[1]), month = Number(m[2]), year = Number(m[3]);
    var hours = m[4] === undefined ? 0 : Number(m[4]), minutes = m[5] === undefined ? 0 : Number(m[5]);
    var t = new Date(Date.UTC(year, month - 1, day));
    if (year < 1 || t.getUTCFullYear() !== year || t.getUTCMonth() !== month - 1 || t.getUTCDate() !== day ||
        hours > 23 || minutes > 59) {
      return null;
    }
    var date = String(year).padStart(4, "0") + "-" + pad(month) + "-" + pad(day);
    return time ? date + "T" + pad(hours) + ":" + pad(minutes) : date;
  }

  /* A text field typed and shown day first, whatever the browser's language: <input type="date"> and
   * "datetime-local" show the browser's order (an English browser showed 06/21/2021, month first, and a
   * Vietnamese editor typing 12/05 meant 12 May, not 5 December). toText(value) is what it shows, toValue(local)
   * what it stores (local: fromDayFirst's); a text that is no day is kept as typed and the form refuses it. */
  function dayFirstControl(h, createClass, options) {
    var box = { display: "flex", flexWrap: "wrap", gap: "8px", alignItems: "center" };
    var button = { border: "1px solid #cdd3e0", borderRadius: "4px", background: "#f4f6fb", padding: "4px 10px",
                   cursor: "pointer", font: "inherit" };
    return createClass({
      getInitialState: function () {
        return { text: options.toText(this.props.value) };
      },
      componentDidMount: function () {
        var value = this.props.value;
        if ((value === null || value === undefined || value === "") && options.now &&
            this.props.field.get("default_now")) {
          this.props.onChange(options.toValue(options.now()));
        }
      },
      componentDidUpdate: function (before) {
        // A value set from outside (the button, a restored backup, the default): shown as it is.
        if (before.value !== this.props.value && this.props.value !== this.sent) {
          this.setState({ text: options.toText(this.props.value) });
        }
      },
      isValid: function () {
        return fromDayFirst(this.state.text, options.time) === null ?
          { error: { message: "“" + this.state.text + "” không phải " + options.example } } : true;
      },
      set: function (text) {
        var local = fromDayFirst(text, options.time);
        this.setState({ text: text });
        if (local !== null) {
          this.sent = local ? options.toValue(local) : "";
          this.props.onChange(this.sent);
        }
      },
      render: function () {
        var self = this;
        var setLocal = function (local) { self.set(options.toText(local ? options.toValue(local) : "")); };
        return h("div", { className: this.props.classNameWrapper, style: box },
          h("input", { id: this.props.forID, type: "text", value: this.state.text, inputMode: "numeric",
                       placeholder: options.placeholder, autoComplete: "off",
                       // Wide enough for the placeholder ("ngày/tháng/năm giờ:phút" was cut at "giờ:p").
                       style: { font: "inherit", border: 0, background: "transparent", color: "inherit",
                                width: (options.placeholder.length + 1) + "ch", maxWidth: "100%", padding: 0 },
                       onChange: function (event) { self.set(event.target.value); },
                       onFocus: this.props.setActiveStyle, onBlur: this.props.setInactiveStyle }),
          options.unit ? h("span", { style: { color: "#57606a" } }, options.unit) : null,
          options.now ? h("button", { type: "button", style: button, onClick: function () { setLocal(options.now()); } },
                          options.time ? "Bây giờ" : "Hôm nay") : null,
          this.props.field.get("required") === false ?
            h("button", { type: "button", style: button, onClick: function () { setLocal(""); } }, "Xóa") : null);
      },
    });
  }

  /* Widget "lamtheobac-datetime": a moment typed and shown in the site's time, whatever the browser's zone
   * (Decap's datetime widget reads and writes the browser's: in Paris an article of 10:00+07:00 showed 05:00,
   * and 08:00 typed was saved as 13:00+07:00), day first. Writes "2025-05-20T08:00:00+07:00". */
  function datetimeWidget(h, createClass, offset) {
    var Control = dayFirstControl(h, createClass, {
      time: true, unit: "giờ UTC" + offset, placeholder: "ngày/tháng/năm giờ:phút",
      example: "ngày giờ dạng ngày/tháng/năm giờ:phút, ví dụ 20/05/2025 08:00",
      toText: function (value) { return dayFirst(wallClock(value, offset), true); },
      toValue: function (local) { return local + ":00" + offset; },
      now: function () { return siteNow(offset); },
    });
    var Preview = function (props) {
      return h("p", {}, shownDate(props.value, offset));
    };
    return { control: Control, preview: Preview };
  }

  /* Widget "lamtheobac-date": a day, typed and shown day first; writes "2024-05-18". */
  function dateWidget(h, createClass) {
    var Control = dayFirstControl(h, createClass, {
      time: false, placeholder: "ngày/tháng/năm", example: "ngày dạng ngày/tháng/năm, ví dụ 18/05/2024",
      toText: function (value) { return dayFirst(/^\d{4}-\d{2}-\d{2}/.test(String(value || "")) ? value : "", false); },
      toValue: function (local) { return local; },
    });
    var Preview = function (props) {
      return h("p", {}, dayFirst(props.value, false));
    };
    return { control: Control, preview: Preview };
  }

  // tied by a no-break space, as the site's pages tie them (generator/vietnamese.py TIED_WEEKDAYS)
  var WEEKDAYS = ["Chủ\u00a0Nhật", "Thứ\u00a0Hai", "Thứ\u00a0Ba", "Thứ\u00a0Tư", "Thứ\u00a0Năm", "Thứ\u00a0Sáu",
    "Thứ\u00a0Bảy"];

  /* "Thứ Hai, 19/05/2025 | 16:27" (no-break spaces but after the comma), as the site shows dates (generator/vietnamese.py shown_date). */
  function shownDate(value, offset) {
    var m = MOMENT.exec(inOffset(String(value || ""), offset)) ||
      /^(\d{4}-\d{2}-\d{2})()()/.exec(String(value || ""));
    if (!m) {
      return String(value || "");
    }
    var day = m[1].split("-").map(Number);
    var weekday = WEEKDAYS[new Date(Date.UTC(day[0], day[1] - 1, day[2])).getUTCDay()];
    var date = weekday + ", " + pad(day[2]) + "/" + pad(day[1]) + "/" + day[0];
    return m[2] ? date + "\u00a0|\u00a0" + m[2] + ":" + m[3] : date;  // the time tied to its date, as on pages
  }

  /* The blob URL of an image chosen but not saved yet (Decap's getAsset gives its future address, a 404). */
  function draftFile(entry, src) {
    var name = String(src).split("/").pop();
    var files = entry.get("mediaFiles");
    var found = files && files.find ? files.find(function (file) {
      return String(file.get("path") || "").split("/").pop() === name && file.get("url");
    }) : null;
    return found ? found.get("url") : null;
  }

  /* The date line as the article page shows it (generator/render.py dateline): "Khoảng tháng 5/2021" for an
   * estimated date, else shownDate (with the time when the article has one). */
  function dateline(value, estimated, offset) {
    var text = shownDate(value, offset);
    var m = /^\S+\s\S+, (\d{2})\/(\d{2})\/(\d{4})/.exec(text);
    return estimated && m ? "Khoảng tháng\u00a0" + Number(m[2]) + "/" + m[3] : text;
  }

// ---- src/05-preview.js ----
  // The preview pane: the article as its page shows it (iframes, links under the base, the sanitiser's tags).
  // In an iframe address: what the build refuses besides the URL rules (generator/markdown.py iframe_src).
  var IFRAME_REFUSED = /[\\\u0000-\u001f\u007f]/;
  var AUTHORITY = /^[ ]*[A-Za-z][A-Za-z0-9+.-]*:\/*([^/?#]*)/;
  var IFRAME = /<iframe\b[^>]*>[\s\S]*?<\/iframe\s*>/gi;
  var EMBED = "data-lamtheobac-embed";

  /* The address an iframe may load in the preview, as the build allows it ([security] iframe_hosts:
   * https, a listed host, no user info, no other port), or null. */
  function iframeSrc(value, hosts) {
    var text = String(value || "");
    var authority = AUTHORITY.exec(text);
    if (!text || IFRAME_REFUSED.test(text) || (authority && authority[1].indexOf("@") >= 0)) {
      return null;
    }
    var url;
    try {
      url = new URL(text);
    } catch (e) {
      return null;  // not an absolute address: the build refuses it too
    }
    if (url.protocol !== "https:" || url.username || url.password || url.port ||
        (hosts || []).indexOf(url.hostname) < 0) {
      return null;
    }
    return url.href;
  }

  /* The body with each allowed iframe swapped for an empty marker Decap's sanitiser keeps (a data-
   * attribute): the sanitiser drops every iframe, so embedded videos showed nothing. frames: the iframes'
   * checked attributes, in order, which placeEmbeds puts back. Refused iframes stay: the sanitiser drops
   * them, as the build does. parse: a tag's text -> its attributes (the browser's parser, inert). */
  function markEmbeds(body, hosts, parse) {
    var frames = [];
    var text = outsideCode(String(body || ""), function (part) { return part.replace(IFRAME, function (tag) {
      var attrs = parse(tag);
      var src = attrs && iframeSrc(attrs.src, hosts);
      if (!src) {
        return tag;
      }
      frames.push({ src: src, title: attrs.title || "", width: attrs.width || "", height: attrs.height || "",
                    allowfullscreen: attrs.allowfullscreen !== undefined && attrs.allowfullscreen !== null });
      return "<div " + EMBED + "=\"" + (frames.length - 1) + "\"></div>";
    }); });
    return { body: text, frames: frames };
  }

  // Code the body shows as typed: fenced blocks, indented lines, `spans`. An iframe there is text.
  var CODE = /(^|\n)(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:\n[ ]{0,3}\2[`~]*[ \t]*(?=\n|$)|$)|(^|\n)(?:    |\t)[^\n]*|(`+)[^`]*?\4/g;

  /* text with change() applied to what is not code. */
  function outsideCode(text, change) {
    var out = "";
    var last = 0;
    CODE.lastIndex = 0;
    for (var m = CODE.exec(text); m; m = CODE.exec(text)) {
      out += change(text.slice(last, m.index)) + m[0];
      last = m.index + m[0].length;
      if (!m[0].length) {
        CODE.lastIndex += 1;
      }
    }
    return out + change(text.slice(last));
  }

  /* An iframe tag's attributes, read by the browser's HTML parser in an inert <template> (nothing loads). */
  function tagParser(doc) {
    return function (tag) {
      var box = doc.createElement("template");
      box.innerHTML = tag;
      var frame = box.content.querySelector("iframe");
      if (!frame) {
        return null;
      }
      var out = {};
      Array.prototype.forEach.call(frame.attributes, function (a) { out[a.name] = a.value; });
      return out;
    };
  }

  /* The markers in node -> the iframes, built attribute by attribute (only the ones the build keeps). */
  function placeEmbeds(node, frames) {
    if (!node) {
      return;
    }
    Array.prototype.forEach.call(node.querySelectorAll("[" + EMBED + "]"), function (marker) {
      var frame = frames[Number(marker.getAttribute(EMBED))];
      var old = marker.firstChild;
      if (!frame || (old && old.getAttribute && old.getAttribute("src") === frame.src)) {
        return;  // already there: not reloaded on every keystroke
      }
      var iframe = marker.ownerDocument.createElement("iframe");
      iframe.setAttribute("src", frame.src);
      ["title", "width", "height"].forEach(function (name) {
        if (frame[name]) {
          iframe.setAttribute(name, frame[name]);
        }
      });
      if (frame.allowfullscreen) {
        iframe.setAttribute("allowfullscreen", "");
      }
      iframe.setAttribute("loading", "lazy");
      marker.textContent = "";
      marker.appendChild(iframe);
    });
  }

  /* The site's stylesheet asked for again when it failed to load: `serve --cms` opens the page while its
   * first build (or a rebuild after a theme change) is still writing assets/, and Decap links it once. */
  function retryStyles(doc, styles) {
    if (!doc || !styles.length || doc.__lamtheobacRetry) {
      return;
    }
    doc.__lamtheobacRetry = true;
    var tries = 0;
    var again = function (link) {
      if (tries >= 60) {
        return;
      }
      tries += 1;
      var url = link.getAttribute("href").split("?")[0];
      setTimeout(function () { link.setAttribute("href", url + "?nap-lai=" + tries); }, 1000);
    };
    doc.addEventListener("error", function (event) {
      var link = event.target;
      if (link && link.tagName === "LINK" && styles.indexOf(String(link.getAttribute("href")).split("?")[0]) >= 0) {
        again(link);
      }
    }, true);
    // Failed before this listener was there: no stylesheet, and not loading any more.
    Array.prototype.forEach.call(doc.querySelectorAll("link[rel=stylesheet]"), function (link) {
      if (styles.indexOf(link.getAttribute("href")) >= 0 && !link.sheet) {
        link.addEventListener("load", function () { tries = 60; });
        setTimeout(function () { if (!link.sheet) { again(link); } }, 3000);
      }
    });
  }

  /* A site-root address ("/files/ke-hoach.pdf") placed under the site's base path ("/hoc-tap/files/ke-hoach.pdf"),
   * as the build writes it (generator/markdown.py site_link); other addresses as they are. */
  function siteLink(url, base) {
    var text = String(url || "");
    return base && text.charAt(0) === "/" && text.charAt(1) !== "/" ? base + text.slice(1) : text;
  }

  // element -> the address basedLinks gave it: not placed under the base twice (kept aside, not in an
  // attribute, which buildTagsOnly removes as the build's sanitiser would).
  var BASED = typeof WeakMap === "function" ? new WeakMap() : null;

  /* The links and pictures of the preview at the addresses the published page gives them: on a site under a
   * sub-path (base_url "https://example.org/hoc-tap/") an attached document's link "/files/ke-hoach.pdf"
   * led out of the site (https://example.org/files/…, not found). base: the site's base path ("/" or
   * "/hoc-tap/"); "/" changes nothing. Blob addresses of pictures not saved yet stay as they are. */
  function basedLinks(node, base) {
    if (!node || !base || base === "/" || !BASED) {
      return;
    }
    Array.prototype.forEach.call(node.querySelectorAll("a[href], img[src]"), function (element) {
      var name = element.tagName === "A" ? "href" : "src";
      var value = element.getAttribute(name);
      if (BASED.get(element) === value) {
        return;  // placed already, and not rendered again since
      }
      var placed = siteLink(value, base);
      if (placed !== value) {
        BASED.set(element, placed);
        element.setAttribute(name, placed);
      }
    });
  }

  /* basedLinks now and whenever the preview changes: Decap puts a body's pictures in after the template has
   * rendered (it looks each one up among the media first). */
  function watchLinks(node, base) {
    basedLinks(node, base);
    var view = node && node.ownerDocument && node.ownerDocument.defaultView;
    if (!node || !base || base === "/" || !view || typeof view.MutationObserver !== "function") {
      return;
    }
    new view.MutationObserver(function () { basedLinks(node, base); })
      .observe(node, { subtree: true, childList: true, attributes: true, attributeFilter: ["href", "src"] });
  }

  /* The <style> elements in the body switched off (not removed: React keeps them): Decap's markdown preview
   * adds its own look for code, pre and blockquote, and its sanitiser keeps a <style> typed in the body
   * (which restyled the whole pane), while the build drops it. */
  function siteStylesOnly(node) {
    if (node) {
      Array.prototype.forEach.call(node.querySelectorAll("style"), function (style) { style.disabled = true; });
    }
  }

  /* The body's HTML cut down to what the build's sanitiser keeps (html: terms.html, from generator/markdown.py
   * TAGS and ATTRIBUTES), after Decap's sanitiser: it kept style="…", class, id, <font>, <center>, which the
   * page drops. A tag the build drops leaves its content, as the build does. Decap's own elements (the
   * body's children) and the iframes placeEmbeds built are left as they are. */
  function buildTagsOnly(node, html) {
    if (!node || !html || !html.tags) {
      return;
    }
    var kept = {};
    html.tags.forEach(function (tag) { kept[tag] = true; });
    var all = node.querySelectorAll("*");
    for (var i = all.length - 1; i >= 0; i -= 1) {  // the innermost first: an unwrapped element's children are done
      var el = all[i];
      var tag = el.tagName.toLowerCase();
      if (el.parentNode === node || tag === "style" || el.hasAttribute(EMBED) ||
          (el.parentNode && el.parentNode.hasAttribute && el.parentNode.hasAttribute(EMBED))) {
        continue;
      }
      if (!kept[tag]) {
        // The page's title is its only h1: the build makes the body's h2 (generator/markdown.py _H1).
        var into = tag === "h1" ? el.ownerDocument.createElement("h2") : null;
        while (el.firstChild) {
          (into || el.parentNode).insertBefore(el.firstChild, into ? null : el);
        }
        if (into) {
          el.parentNode.insertBefore(into, el);
        }
        el.parentNode.removeChild(el);
        continue;
      }
      var names = (html.attributes && html.attributes[tag]) || [];
      Array.prototype.slice.call(el.attributes).forEach(function (a) {
        if (names.indexOf(a.name) < 0) {
          el.removeAttribute(a.name);
        }
      });
    }
  }

  /* Decap's round buttons (preview on/off, scroll together) sit over the preview's top right corner: on a
   * wide screen they covered the end of the article's title. spacer: an empty float at the start of the
   * article's header, given the size of the part of the header under the buttons, so the title's words
   * wrap before them (nothing when the buttons are beside the article, on a wider pane). */
  var TOGGLES = "[class*=-EditorToggle]";
  var TOGGLE_GAP = 8;  // px between the buttons and the words
  function clearToggles(spacer) {
    var win = spacer && spacer.ownerDocument && spacer.ownerDocument.defaultView;
    var frame = win && win.frameElement;
    if (!frame || !spacer.parentNode) {
      return;
    }
    spacer.style.width = "0";
    spacer.style.height = "0";
    var box = frame.getBoundingClientRect();
    // The buttons stay where they are while the preview scrolls: placed against the page scrolled to its top.
    var header = spacer.parentNode.getBoundingClientRect();
    var top = header.top + win.scrollY;
    // Only buttons beside the header's right half: the phone layout puts them at the bottom left of the
    // screen, where a float on the right would only push the whole article down.
    var over = Array.prototype.map.call(frame.ownerDocument.querySelectorAll(TOGGLES), function (b) {
      return b.getBoundingClientRect();
    }).filter(function (r) {
      var y = r.top - box.top;
      return r.width && r.left - box.left > (header.left + header.right) / 2 && r.left < box.right &&
        y < top + header.height && r.bottom - box.top > top;
    });
    if (!over.length) {
      return;
    }
    var left = Math.min.apply(null, over.map(function (r) { return r.left; })) - box.left - TOGGLE_GAP;
    var bottom = Math.max.apply(null, over.map(function (r) { return r.bottom; })) - box.top + TOGGLE_GAP;
    var width = header.right - left;
    var height = bottom - top;
    if (width > 0 && height > 0) {
      spacer.style.width = Math.ceil(width) + "px";
      spacer.style.height = Math.ceil(height) + "px";
    }
  }

  function watchToggles(spacer) {
    var win = spacer && spacer.ownerDocument && spacer.ownerDocument.defaultView;
    if (!win || spacer.lamtheobacWatched) {
      return;
    }
    spacer.lamtheobacWatched = true;
    var fit = function () { clearToggles(spacer); };
    win.addEventListener("resize", fit);
    win.addEventListener("load", fit);  // the site's stylesheet changes the header's place
    if (typeof win.ResizeObserver === "function") {
      new win.ResizeObserver(fit).observe(spacer.ownerDocument.body);
    }
  }

  /* The article in the preview pane with the markup of its page on the site (themes/default/templates/
   * article.html), styled by the site's own stylesheet (registerPreviewStyle in register). */
  function articlePreview(h, createClass, terms) {
    var offset = terms && terms.offset;
    var hosts = (terms && terms.iframe_hosts) || [];
    var labels = (terms && terms.labels && terms.labels.directives) || {};
    return createClass({
      componentDidMount: function () {
        watchToggles(this.spacerNode);
        clearToggles(this.spacerNode);
        placeEmbeds(this.bodyNode, this.frames);
        siteStylesOnly(this.bodyNode);
        buildTagsOnly(this.bodyNode, terms && terms.html);
        watchLinks(this.articleNode, terms && terms.base);
        retryStyles(this.props.document, (terms && terms.styles) || []);
      },
      componentDidUpdate: function () {
        clearToggles(this.spacerNode);
        placeEmbeds(this.bodyNode, this.frames);
        siteStylesOnly(this.bodyNode);
        buildTagsOnly(this.bodyNode, terms && terms.html);
        basedLinks(this.articleNode, terms && terms.base);
      },
      render: function () {
        var self = this;
        var entry = this.props.entry;
        var data = entry.get("data");
        var get = function (key) {
          var value = data.get(key);
          return value && typeof value.toJS === "function" ? value.toJS() : value;
        };
        var list = function (key) {
          var value = get(key);
          return Array.isArray(value) ? value : value ? [value] : [];
        };
        var doc = this.props.document || (typeof document !== "undefined" ? document : null);
        var marked = markEmbeds(get("body"), hosts, doc ? tagParser(doc) : function () { return null; });
        this.frames = marked.frames;
        // Decap's own rendering and sanitiser, given the body with the markers.
        var body = marked.frames.length ?
          this.props.widgetFor("body", undefined, data.set("body", marked.body)) : this.props.widgetFor("body");
        var image = list("image")[0];
        // Not shown above the body when the body has it (as the article page: imported articles often do).
        var inBody = image && image.src && String(get("body") || "").indexOf(image.src) >= 0;
        var src = image && image.src && !inBody ? draftFile(entry, image.src) || this.props.getAsset(image.src) : null;
        var source = list("source")[0];
        var names = [["Tỉnh, thành phố", list("province")],
                     ["Văn bản", list("directives").map(function (d) { return labels[d] || d; })],
                     ["Chủ đề", list("tags")]].filter(function (t) { return t[1].length; });
        var term = function (name) { return h("li", { key: name }, h("a", {}, name)); };
        return h("main", { className: "wrap lamtheobac-preview" },
          h("article", { className: "article", ref: function (node) { self.articleNode = node; } },
            h("header", {},
              h("span", { className: "lamtheobac-cho-nut", "aria-hidden": "true", style: { float: "right" },
                          ref: function (node) { self.spacerNode = node; } }),
              h("h1", {}, get("title") || ""),
              h("p", { className: "meta" },
                get("draft") ? h("span", { className: "badge" }, "Bản nháp") : null,
                get("draft") ? " " : null,
                h("time", {}, dateline(get("date"), get("date_estimated"), offset)),
                get("date_estimated") ?
                  h("span", { className: "estimated" }, " (ngày đăng ước tính: trang gốc không ghi ngày)") : null,
                get("updated") ? "\u00a0· Cập nhật " : null,
                get("updated") ? h("time", {}, shownDate(get("updated"), offset)) : null)),
            get("summary") ? h("p", { className: "sapo" }, get("summary")) : null,
            src ? h("figure", { className: "lead-image" }, h("img", { src: String(src), alt: image.alt || "" }),
                    image.caption ? h("figcaption", {}, image.caption) : null) : null,
            h("div", { className: "body", ref: function (node) { self.bodyNode = node; } }, body),
            h("footer", { className: "article-footer" },
              get("author") ? h("p", { className: "byline" }, get("author")) : null,
              source && source.name ? h("p", { className: "source" }, "Nguồn: ",
                source.url ? h("a", { href: source.url, target: "_blank", rel: "noopener" }, source.name) : source.name,
                source.date ? ", " + shownDate(source.date, offset) : null) : null,
              names.length ? h("dl", { className: "terms" }, names.map(function (t) {
                return [h("dt", { key: t[0] }, t[0]), h("dd", { key: t[0] + "-v" }, h("ul", {}, t[1].map(term)))];
              })) : null)));
      },
    });
  }

  // Only when the build gave no stylesheet (a theme without style.css): a plain look, not Decap's own.
  var PREVIEW_CSS = "body{font:17px/1.6 system-ui,sans-serif;color:#1f2328;margin:0}" +
    ".lamtheobac-preview{max-width:42rem;margin:1.5rem auto;padding:0 1rem}" +
    "h1{font-family:Georgia,serif;font-size:1.9rem;line-height:1.25;color:#7a0e0a;margin:.5rem 0}" +
    ".meta{color:#57606a;font-size:.9rem}.sapo{font-weight:600}.badge{background:#fff4ce;padding:.1rem .4rem}" +
    "figure{margin:1rem 0}figure img{max-width:100%;height:auto}figcaption{color:#57606a;font-size:.9rem}" +
    ".body iframe{width:100%;aspect-ratio:16/9;border:0}" +
    "dl{border-top:1px solid #d0d7de;padding-top:.5rem;font-size:.9rem}dt{font-weight:600}dd{margin:0 0 .4rem}" +
    "dd ul{list-style:none;padding:0;margin:0}";

// ---- src/06-register.js ----
  // register(): what the admin page registers with Decap (format, widgets, preview, watchers).
  function readTerms(doc) {
    var node = doc && doc.getElementById("lamtheobac-terms");
    return node ? JSON.parse(node.textContent) : {};
  }

  function register(win) {
    var CMS = win.CMS;
    if (!CMS) {
      return;
    }
    presetMode(win.localStorage);
    var terms = readTerms(win.document);
    var tracker = trackIds(win);
    var read = watchUnreadable(win, tracker.texts, function (text) { return fromFile(text, terms); });
    CMS.registerCustomFormat("lamtheobac-md", "md", {
      fromFile: read,
      toFile: function (data, order) { return toFile(data, order, terms); },
    });
    CMS.registerPreviewTemplate("articles", articlePreview(win.h, win.createClass, terms));
    if (terms.styles && terms.styles.length) {  // the site's fingerprinted stylesheet(s), as the build published them
      terms.styles.forEach(function (url) { CMS.registerPreviewStyle(url); });
    } else {
      CMS.registerPreviewStyle(PREVIEW_CSS, { raw: true });
    }
    if (terms.offset) {
      var moment = datetimeWidget(win.h, win.createClass, terms.offset);
      CMS.registerWidget("lamtheobac-datetime", moment.control, moment.preview,
                         { properties: { default_now: { type: "boolean" } } });
    }
    var day = dateWidget(win.h, win.createClass);
    CMS.registerWidget("lamtheobac-date", day.control, day.preview);
    var select = typeof CMS.getWidget === "function" && CMS.getWidget("select");
    if (select && select.control && terms.aliases) {  // finds provinces and directives as the build reads them
      CMS.registerWidget("select", spelledSelect(win.h, win.createClass, select.control, terms.aliases),
                         select.preview, select.schema);
    }
    var tags = tagsWidget(win.h, win.createClass);
    CMS.registerWidget("lamtheobac-tags", tags.control, tags.preview,
                       { properties: { suggestions: { type: "array", items: { type: "string" } } } });
    if (terms.files) {
      CMS.registerEditorComponent(attachmentComponent(terms.files));
      rawAttachments(win, terms.files, placeDocuments(CMS, terms.files));
    }
    tracker.changed = articleLinks(win, tracker.texts, terms.article_url);
    if (typeof CMS.getLocale === "function" && CMS.getLocale("vi")) {
      CMS.registerLocale("vi", withDefaults(withDefaults(toneStyled(CMS.getLocale("vi")), VI), limits(terms)));
    }
    translateNotices(win);
    spokenInVietnamese(win);
    narrowScreens(win);
    refusedSaves(win);
    pastedPictures(win);
    watchBackups(win, tracker, function (message) {
      return ["vi", "en"].some(function (code) {
        var words = typeof CMS.getLocale === "function" && CMS.getLocale(code);
        return words && words.editor && words.editor.editor && words.editor.editor.confirmLoadBackup === message;
      });
    });
    // Text pasted decomposed (NFD) made the new article's address of its marks ("ho-a-nha-p"):
    // the entry is NFC before Decap makes the address from its title.
    if (typeof CMS.registerEventListener === "function") {
      CMS.registerEventListener({ name: "preSave", handler: function (event) { return nfc(event.entry.get("data")); } });
    }
  }

// ---- src/07-attachments.js ----
  // Documents attached to an article: the body's component, their folder, their first bytes checked.
  /* "Văn bản đính kèm" in the body's "+" menu (rich-text mode, local backend): a document (PDF, Word,
   * Excel …) uploaded with the article and linked on a line of its own, "[Tải toàn văn](/files/chi-thi.pdf)".
   * Without it an editor could not offer a document: the media library takes photos only. Decap sends the
   * file with a photo's path (it ignores a component field's media_folder, decap-cms #6595): the backend
   * stores a document in the attachments folder, checked as the build checks it, and the link here says
   * files.url ("/files/…") instead of files.images ("/images/…"). */
  function attachmentComponent(files) {
    var escapeText = function (text) { return String(text).replace(/[\\\[\]]/g, "\\$&").replace(/\s+/g, " ").trim(); };
    var html = function (text) {
      return String(text).replace(/[&<>"]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]; });
    };
    var folder = function (url) { return url.replace(/\/?$/, "/"); };
    var quoted = function (text) { return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); };
    var url = folder(files.url);
    var images = folder(files.images);
    var kinds = files.kinds || [];
    // A paragraph that is only a link into the folder (other links stay text): [text](/files/name.pdf).
    var pattern = new RegExp("^\\[((?:[^\\]\\\\\\n]|\\\\.)*)\\]\\((" + quoted(url) + "[^\\s()]+)\\)$");
    var nameOf = function (path) { return String(path || "").split("/").pop(); };
    // "/images/ke-hoach.pdf" (where Decap thinks the upload is) -> "/files/ke-hoach.pdf" (where it is).
    var linked = function (path) {
      var name = nameOf(path);
      var dot = name.lastIndexOf(".");
      var isDocument = dot > 0 && kinds.indexOf(name.slice(dot).toLowerCase()) >= 0;
      return isDocument && path.indexOf(images) === 0 ? url + path.slice(images.length) : path;
    };
    return {
      id: "lamtheobac-van-ban",
      label: "Văn bản đính kèm",
      fields: [
        { name: "file", label: "Tệp văn bản (PDF, Word, Excel, PowerPoint …)", widget: "file", required: true,
          choose_url: false, media_library: { config: { max_file_size: files.max_bytes } },
          hint: "Tệp được lưu vào thư mục văn bản đính kèm khi lưu bài và đăng nguyên dạng cho bạn đọc tải về." },
        { name: "text", label: "Chữ của liên kết", widget: "string", required: false,
          hint: "Ví dụ: Tải toàn văn Chỉ thị 05-CT/TW. Bỏ trống thì dùng tên tệp." },
      ],
      pattern: pattern,
      fromBlock: function (match) {
        return { text: match[1].replace(/\\(.)/g, "$1"), file: match[2] };
      },
      toBlock: function (data) {
        var file = linked(String(data.file || ""));
        return file ? "[" + escapeText(data.text || nameOf(file)) + "](" + file + ")" : "";
      },
      toPreview: function (data) {
        var file = linked(String(data.file || ""));
        return file ? '<p><a href="' + html(file) + '">' + html(data.text || nameOf(file)) + "</a></p>" : "";
      },
    };
  }

  /* Documents picked in "Văn bản đính kèm" are stored in the attachments folder whatever the backend.
   * Decap sends a component's upload with a photo's path (decap-cms #6595): the local backend moves it
   * itself (media.py Media._placed), but the git backends of the published admin/ (git-gateway on
   * Netlify) committed it among the photos, at /images/, where the component's link (/files/) found
   * nothing. Each backend made by Decap gets the document's path in the attachments folder in
   * persistEntry and persistMedia, and its getMedia of the photos' folder lists the attachments
   * folder's documents too (an uploaded document was in no list). files: terms.files. */
  var BACKENDS = ["git-gateway", "github", "gitlab", "gitea", "forgejo", "bitbucket", "azure",
                  "aws-cognito-github-proxy", "test-repo"];
  function placeDocuments(CMS, files) {
    var trimmed = function (path) { return String(path || "").replace(/^\/+|\/+$/g, ""); };
    var media = trimmed(files.media);
    var folder = trimmed(files.folder);
    var kinds = files.kinds || [];
    var made = { backend: null };  // the backend Decap made last (rawAttachments uploads through it)
    if (!media || !folder || typeof CMS.getBackend !== "function") {
      return made;
    }
    var isDocument = function (path) {
      var name = String(path || "").split("/").pop();
      var dot = name.lastIndexOf(".");
      return dot > 0 && kinds.indexOf(name.slice(dot).toLowerCase()) >= 0;
    };
    // "content/images/ke-hoach.pdf" -> "content/files/ke-hoach.pdf"; other paths: null.
    var placed = function (path) {
      var clean = trimmed(path);
      return clean.indexOf(media + "/") === 0 && isDocument(clean) ? folder + "/" + clean.slice(media.length + 1) : null;
    };
    // The asset with its new path: same class (toBase64 …), same own fields (a backend may copy them).
    var moved = function (asset) {
      var path = asset && placed(asset.path);
      return path ? Object.assign(Object.create(Object.getPrototypeOf(asset)), asset, { path: path }) : asset;
    };
    // A git backend commits what it is given: a document that is not what its name says (a program
    // renamed .pdf) is refused here with the build's words, as the local backend refuses it.
    var checked = function (asset) {
      return asset && isDocument(asset.path) ? misnamedDocument(asset.fileObj, asset.path, files.checks).then(
        function (wrong) { return wrong ? Promise.reject(new Error(wrong)) : asset; }) : Promise.resolve(asset);
    };
    var placing = function (backend) {
      made.backend = backend || made.backend;
      if (!backend || backend.lamtheobacPlaced) {
        return backend;
      }
      backend.lamtheobacPlaced = true;
      ["persistEntry", "persistMedia", "getMedia"].forEach(function (name) {
        var own = backend[name];
        if (typeof own !== "function") {
          return;
        }
        backend[name] = function (first) {
          var rest = Array.prototype.slice.call(arguments, 1);
          if (name === "persistEntry" && first && Array.isArray(first.assets)) {
            var entry = first;
            return Promise.all(first.assets.map(function (asset) { return checked(moved(asset)); }))
              .then(function (assets) { return own.apply(backend, [Object.assign({}, entry, { assets: assets })].concat(rest)); });
          } else if (name === "persistMedia") {
            return checked(moved(first)).then(function (asset) { return own.apply(backend, [asset].concat(rest)); });
          }
          var answer = own.apply(backend, [first].concat(rest));
          if (name !== "getMedia" || trimmed(first === undefined ? backend.mediaFolder || media : first) !== media) {
            return answer;
          }
          return Promise.resolve(answer).then(function (photos) {
            return Promise.resolve(own.call(backend, folder)).then(function (documents) {
              return (photos || []).concat((documents || []).filter(function (file) { return isDocument(file && file.path); }));
            }, function () { return photos; });  // no attachments folder yet
          });
        };
      });
      return backend;
    };
    BACKENDS.forEach(function (name) {
      var entry = CMS.getBackend(name);  // Decap's own record: init(config, options) makes the backend
      if (!entry || typeof entry.init !== "function" || entry.lamtheobacPlaced) {
        return;
      }
      var init = entry.init;
      entry.lamtheobacPlaced = true;
      entry.init = function () { return placing(init.apply(this, arguments)); };
    });
    // serve --cms: the local backend places documents itself and lists them with the photos (media.py).
    var local = CMS.getBackend("proxy");
    if (local && typeof local.init === "function" && !local.lamtheobacPlaced) {
      var initLocal = local.init;
      local.lamtheobacPlaced = true;
      local.init = function () {
        made.backend = initLocal.apply(this, arguments);
        made.local = made.backend;  // refuses an upload over another file itself (media.py _unclaimed)
        return made.backend;
      };
    }
    return made;
  }

  /* Why the document file (a File or Blob) named path is not what its name says, as the build's
   * attachments.misnamed words it (checks: terms.files.checks, by ending: how its bytes start, in hex,
   * [] for plain text); "" when it is, or when it cannot be read here. A promise. */
  function misnamedDocument(file, path, checks) {
    var name = String(path || "").split("/").pop();
    var dot = name.lastIndexOf(".");
    var check = checks && dot > 0 ? checks[name.slice(dot).toLowerCase()] : null;
    if (!check || !file || typeof file.slice !== "function") {
      return Promise.resolve("");
    }
    return file.slice(0, 4096).arrayBuffer().then(function (buffer) {
      var head = new Uint8Array(buffer);
      var hex = Array.prototype.map.call(head.subarray(0, 16), function (b) { return (b < 16 ? "0" : "") + b.toString(16); }).join("");
      var fits;
      if (check.starts.length) {
        fits = check.starts.some(function (start) { return hex.indexOf(start) === 0; });
      } else {  // plain text: UTF-8 without NUL (a character cut at the 4096th byte still is)
        fits = head.indexOf(0) < 0;
        if (fits) {
          try {
            new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: head.length >= 4096 });
          } catch (error) {
            fits = false;
          }
        }
      }
      return fits ? "" : "không tải lên được “" + name + "”: " + check.wrong;
    }, function () { return ""; });
  }

  /* "Đính kèm văn bản" above the body in Markdown mode (the mode it opens in): Decap's "+" menu, where
   * "Văn bản đính kèm" is, is disabled there, and switching to "Soạn trực quan" to reach it re-writes the
   * whole body (refused for an article with tables or notes). The button picks a document, uploads it
   * to the attachments folder through the backend Decap made (made.backend: placeDocuments), and inserts
   * "[Tên tệp](/files/ten-tep.pdf)" as a paragraph of its own at the caret (at the end when the body was
   * never clicked). A file of another kind or over the limit is refused in Vietnamese, nothing uploaded. */
  var ATTACH_CLASS = "lamtheobac-dinh-kem";
  function safeFileName(name) {
    var text = String(name || "").normalize("NFC");
    var dot = text.lastIndexOf(".");
    var base = dot > 0 ? text.slice(0, dot) : text;
    var ending = dot > 0 ? text.slice(dot).toLowerCase() : "";
    var ascii = base.replace(/[đĐ]/g, "d").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
    return { stem: ascii, ending: ending, words: base.replace(/\s+/g, " ").trim() };
  }
  function rawAttachments(win, files, made) {
    var doc = win.document;
    if (!doc || typeof win.MutationObserver !== "function" || typeof win.FileReader !== "function") {
      return;
    }
    var kinds = files.kinds || [];
    var folder = String(files.folder || "").replace(/\/+$/, "");
    var url = String(files.url || "").replace(/\/+$/, "");
    var saved = null;  // the caret in the Markdown body, as last placed there
    doc.addEventListener("selectionchange", function () {
      var selection = win.getSelection && win.getSelection();
      var node = selection && selection.rangeCount ? selection.getRangeAt(0).startContainer : null;
      var element = node && (node.nodeType === 1 ? node : node.parentElement);
      if (element && element.closest && element.closest(".cms-editor-raw [data-slate-editor]")) {
        saved = selection.getRangeAt(0).cloneRange();
      }
    });
    var base64 = function (file) {
      return new Promise(function (resolve, reject) {
        var reader = new win.FileReader();
        reader.onload = function () { resolve(String(reader.result).replace(/^[^,]*,/, "")); };
        reader.onerror = function () { reject(reader.error); };
        reader.readAsDataURL(file);
      });
    };
    var megabytes = function (bytes) { return (Math.ceil(bytes / 104857.6) / 10).toLocaleString("vi-VN") + " MB"; };
    // The link as a paragraph of its own at the caret (after the last line when the body was never
    // clicked), pasted as plain text: Decap's Markdown body takes it as typed. The paste waits for the
    // editor to have read the caret placed here (Slate reads the page's selection a moment later).
    var insert = function (editor, text) {
      var selection = win.getSelection();
      editor.focus();
      var range;
      if (saved && editor.contains(saved.startContainer)) {
        range = saved;
      } else {
        var leaves = editor.querySelectorAll("[data-slate-string],[data-slate-zero-width]");
        var last = leaves.length ? leaves[leaves.length - 1].firstChild : null;
        range = doc.createRange();
        if (last && last.nodeType === 3) {
          range.setStart(last, last.parentNode.hasAttribute("data-slate-zero-width") ? 0 : last.length);
        } else {
          range.selectNodeContents(editor);
          range.collapse(false);
        }
      }
      selection.removeAllRanges();
      selection.addRange(range);
      var node = range.startContainer;
      var line = node && (node.nodeType === 1 ? node : node.parentElement).closest("[data-slate-node=element]");
      var empty = !line || !line.textContent.replace(/[\u200b\ufeff]/g, "").trim();
      var data = new win.DataTransfer();
      data.setData("text/plain", (empty ? "" : "\n\n") + text + "\n\n");
      return new Promise(function (resolve) {
        win.setTimeout(function () {
          editor.dispatchEvent(new win.ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
          resolve();
        }, 150);
      });
    };
    var attach = function (bar, file) {
      var status = bar.querySelector("[role=status]");
      var say = function (text, bad) { status.textContent = text; status.style.color = bad ? "#b00020" : "#1d6b2f"; };
      var name = safeFileName(file.name);
      var shown = "“" + file.name + "”";
      if (kinds.indexOf(name.ending) < 0) {
        say("Không đính kèm được " + shown + ": chỉ nhận văn bản (" +
            kinds.map(function (k) { return k.slice(1).toUpperCase(); }).join(", ") +
            "). Ảnh hãy chèn bằng ô “Ảnh đại diện” hoặc ở chế độ “Soạn trực quan”.", true);
        return;
      }
      if (!name.stem) {
        say("Không đính kèm được " + shown + ": tên tệp không có chữ cái hay chữ số nào; hãy đổi tên tệp rồi chọn lại.", true);
        return;
      }
      if (files.max_bytes && file.size > files.max_bytes) {
        say("Không đính kèm được " + shown + ": tệp quá lớn (" + megabytes(file.size) + "; tối đa " +
            megabytes(files.max_bytes) + " cho một tệp văn bản đính kèm).", true);
        return;
      }
      var backend = made && made.backend;
      if (!backend || typeof backend.persistMedia !== "function") {
        say("Chưa đính kèm được: giao diện chưa kết nối xong. Hãy đợi một lát rồi thử lại.", true);
        return;
      }
      var stored = name.stem + name.ending;
      var asset = { path: folder + "/" + stored, fileObj: file, name: stored, size: file.size,
                    toBase64: function () { return base64(file); } };
      say("Đang tải lên " + shown + "…", false);
      // A git backend writes over a file of the same name (other articles may link to it): refused here.
      var taken = made.local === backend ? Promise.resolve(false) :
        Promise.resolve(backend.getMedia(folder)).then(function (listed) {
          return (listed || []).some(function (f) { return f && String(f.path || "").split("/").pop() === stored; });
        }, function () { return false; });  // no attachments folder yet
      misnamedDocument(file, stored, files.checks).then(function (wrong) {
        return wrong ? Promise.reject(new Error(wrong)) : taken;
      }).then(function (exists) {
        if (exists) {
          throw new Error("đã có văn bản “" + folder + "/" + stored + "”: tải lên sẽ thay mất văn bản cũ mà các bài " +
                          "khác có thể đang dùng; hãy đổi tên tệp rồi chọn lại (nếu đúng là văn bản đó, chỉ cần " +
                          "gõ liên kết [" + name.words + "](" + url + "/" + stored + ") vào bài)");
        }
        return backend.persistMedia(asset, { commitMessage: "Tải lên văn bản đính kèm “" + stored + "”" });
      }).then(function () {
        var editor = bar.parentNode && bar.parentNode.querySelector("[data-slate-editor]");
        var link = "[" + name.words.replace(/[\\\[\]]/g, "\\$&") + "](" + url + "/" + stored + ")";
        if (!editor) {
          say("Đã lưu " + shown + " vào " + folder + "/" + stored + " nhưng ô nội dung đã đóng: hãy gõ liên kết " +
              link + " vào bài.", true);
          return;
        }
        return insert(editor, link).then(function () {
          say("Đã tải lên " + shown + " và chèn liên kết vào nội dung (sửa chữ trong dấu [ ] nếu cần). " +
              "Bấm “Công bố” để lưu bài; văn bản chỉ được đăng lên trang cùng bài.", false);
        });
      }, function (error) {
        // The backend's refusal as it says it; a lost connection ("Failed to fetch") in Vietnamese.
        var why = notice(error && error.message ? String(error.message) : String(error || "") || OFFLINE)
          .replace(/^không tải lên được “[^”]*”: /, "");  // the file is named once
        say("Chưa đính kèm được " + shown + ": " + why.replace(/[.\s]+$/, "") + ". Nội dung bài chưa bị thay đổi.", true);
      });
    };
    var add = function (raw) {
      if (raw.querySelector("." + ATTACH_CLASS) || !raw.querySelector("[data-slate-editor]")) {
        return;
      }
      var bar = doc.createElement("div");
      bar.className = ATTACH_CLASS;
      bar.style.cssText = "display:flex;flex-wrap:wrap;align-items:center;gap:8px;padding:6px 10px;font-size:13px";
      var button = doc.createElement("button");
      button.type = "button";
      button.textContent = "Đính kèm văn bản (PDF, Word, Excel…)";
      button.style.cssText = "padding:4px 10px;border:1px solid #798291;border-radius:4px;background:#fff;cursor:pointer";
      var status = doc.createElement("span");
      status.setAttribute("role", "status");
      // The picker's input is made on each click and never put in the page: the page's other file
      // inputs (Decap's media library) stay the only ones there.
      button.addEventListener("click", function () {
        var input = doc.createElement("input");
        input.type = "file";
        input.accept = kinds.join(",");
        input.addEventListener("change", function () {
          if (input.files && input.files[0]) {
            attach(bar, input.files[0]);
          }
        });
        input.click();
      });
      bar.appendChild(button);
      bar.appendChild(status);
      var editor = raw.querySelector("[data-slate-editor]");
      var holder = editor;
      while (holder.parentNode && holder.parentNode !== raw) {
        holder = holder.parentNode;
      }
      raw.insertBefore(bar, holder.parentNode === raw ? holder : raw.firstChild);
    };
    new win.MutationObserver(function () {
      Array.prototype.forEach.call(doc.querySelectorAll(".cms-editor-raw"), add);
    }).observe(doc.documentElement, { childList: true, subtree: true });
  }

// ---- src/08-file-ids.js ----
  // The Markdown mode preset, and the id of each file as this tab read it (saves over another's change refused).
  /* The body opens as Markdown, kept as typed, until the editor picks the rich-text mode (Decap keeps
   * that choice under this key; with none it opens rich text, which re-writes the whole body on a
   * one-letter edit: the backend refuses such a save when it loses markup nobody edited). */
  var MODE_KEY = "cms.md-mode";
  function presetMode(storage) {
    if (storage.getItem(MODE_KEY) === null) {
      storage.setItem(MODE_KEY, "raw");
    }
    return storage.getItem(MODE_KEY);
  }

  var API = /\/api\/v1$/;  // the local backend's endpoint (generator/cms/local.py API_PATH)

  /* The file name of path without its folder and ".md" (an entry's slug in a folder collection). */
  function stemOf(path) {
    return String(path).split("/").pop().replace(/\.md$/i, "");
  }

  /* ids: path -> the id (sha256) of the file as this tab last read or wrote it, from the backend's answers;
   * texts (optional): file name without ".md" -> the file's text as last read or saved (articleLinks). */
  function remember(ids, request, answer, texts) {
    var read = function (entry) {
      if (texts && entry && entry.file && typeof entry.file.path === "string" && typeof entry.data === "string") {
        texts[stemOf(entry.file.path)] = entry.data;
      }
      if (entry && entry.file && typeof entry.file.path === "string") {
        if (entry.file.id) {
          ids[entry.file.path] = entry.file.id;
        } else {
          delete ids[entry.file.path];
        }
      }
    };
    var action = request.action;
    if ((action === "entriesByFolder" || action === "entriesByFiles") && Array.isArray(answer)) {
      answer.forEach(read);
    } else if (action === "getEntry") {
      read(answer);
    } else if (action === "persistEntry" && answer && answer.ids) {
      Object.keys(answer.ids).forEach(function (path) { ids[path] = answer.ids[path]; });
      var files = request.params && (request.params.dataFiles || [request.params.entry]);
      (texts && Array.isArray(files) ? files : []).forEach(function (file) {
        if (file && typeof file.raw === "string" && typeof (file.newPath || file.path) === "string") {
          texts[stemOf(file.newPath || file.path)] = file.raw;
        }
      });
    } else if (action === "deleteFile" || action === "deleteFiles") {
      (request.params.paths || [request.params.path]).forEach(function (path) { delete ids[path]; });
    }
  }

  /* Requests to the local backend through window.fetch: persistEntry, deleteFile(s) get "baseIds". */
  function trackIds(win) {
    var ids = {};
    var pinned = {};  // path -> the id a restored backup was edited from (see watchBackups)
    // path -> { pending: getEntry requests in flight, done: when one last ended } (see whenLoaded)
    var loads = {};
    var waiting = {};  // path -> callbacks waiting for its entry to load
    var opened = 0;    // when the editor last went to another page of the CMS (hash route)
    var now = function () { return win.performance && win.performance.now ? win.performance.now() : Date.now(); };
    if (typeof win.addEventListener === "function") {
      win.addEventListener("hashchange", function () { opened = now(); });
    }
    var settle = function (path) {
      var callbacks = waiting[path] || [];
      delete waiting[path];
      // Decap makes the form from the entry in the promise callbacks after the answer: a timer runs after them.
      callbacks.forEach(function (callback) { win.setTimeout(callback, 100); });
    };
    var tracker = {
      texts: {},  // file name -> text, for articleLinks
      changed: function () {},  // called when texts changed
      // The id a save of path is based on: a restored backup's own, else the one this tab read.
      baseOf: function (path) { return path in pinned ? pinned[path] : ids[path]; },
      pin: function (path, id) { pinned[path] = id; },
      // callback() once the entry at path has loaded for the page now open (at once if it has): a form
      // restored from a backup before that is replaced by the entry (Decap's DRAFT_CREATE_FROM_ENTRY).
      // Not waiting longer than LOAD_WAIT: a backup is offered late rather than never.
      whenLoaded: function (path, callback) {
        var load = loads[path];
        if (load && !load.pending && load.done >= opened) {
          callback();
          return;
        }
        var once = function () { if (callback) { var run = callback; callback = null; run(); } };
        (waiting[path] = waiting[path] || []).push(once);
        win.setTimeout(once, LOAD_WAIT);
      },
    };
    var original = win.fetch;
    if (typeof original !== "function") {
      return tracker;
    }
    win.fetch = function (input, init) {
      var url = String(typeof input === "string" ? input : (input && input.url) || "").split("?")[0];
      var request = null;
      if (API.test(url) && init && typeof init.body === "string") {
        try {
          request = JSON.parse(init.body);
        } catch (e) {
          request = null;  // not ours to read: sent as it is
        }
      }
      var changing = request && request.params ? {
        persistEntry: function (p) { return (p.dataFiles || [p.entry]).map(function (f) { return f && f.path; }); },
        deleteFile: function (p) { return [p.path]; },
        deleteFiles: function (p) { return Array.isArray(p.paths) ? p.paths : []; },
      }[request.action] : null;
      var paths = changing ? changing(request.params) : [];
      if (changing) {
        var base = {};
        paths.forEach(function (path) {
          if (typeof path === "string" && tracker.baseOf(path)) {
            base[path] = tracker.baseOf(path);
          }
        });
        request.params.baseIds = base;
        init = Object.assign({}, init, { body: JSON.stringify(request) });
      }
      var answer = original.call(win, input, init);
      if (!request) {
        return answer;
      }
      var entry = request.action === "getEntry" && request.params && typeof request.params.path === "string" ?
        request.params.path : null;
      if (entry !== null) {
        var load = loads[entry] = loads[entry] || { pending: 0, done: -1 };
        load.pending += 1;
        var ended = function () {
          load.pending -= 1;
          load.done = now();
          if (!load.pending) {
            settle(entry);
          }
        };
        answer.then(function (response) { return response.clone().text(); }).then(ended, ended);
      }
      return answer.then(function (response) {
        if (response.ok) {
          paths.forEach(function (path) { delete pinned[path]; });  // the file was the one the backup began from
          response.clone().json().then(function (data) {
            remember(ids, request, data, tracker.texts);
            tracker.changed();
          }, function () {});
        }
        return response;
      });
    };
    return tracker;
  }

// ---- src/09-backups-notices.js ----
  // Decap's local backups of unsaved forms, and its notices in Vietnamese.
  /* Decap keeps the form of an entry being edited as a local backup (IndexedDB through localForage, key
   * "backup.<collection>.<slug>") and offers to restore it when the entry is opened again. Restored, the
   * form is the text of the file as it was when the editing began, and a save of it was based on the file
   * read now: it wrote over what another tab, `import` or a text editor changed since (even after the
   * backend had refused that very save as stale). So each backup is recorded with the id of the file it
   * was edited from (BASES_KEY, written when Decap writes the backup), and a restored backup is saved
   * with that id: the backend refuses it when the file changed since, as it refused the first save. */
  var BASES_KEY = "lamtheobac.backup-bases";
  var LOAD_WAIT = 15000;  // ms a backup read waits at most for its entry (holdUntilLoaded)
  var BACKUP = /^backup\./;

  function readBases(storage) {
    try {
      var bases = JSON.parse(storage.getItem(BASES_KEY) || "{}");
      return bases && typeof bases === "object" ? bases : {};
    } catch (e) {
      return {};  // damaged by hand: no backup has a known base
    }
  }

  function writeBase(storage, key, base) {
    var bases = readBases(storage);
    if (base) {
      bases[key] = base;
    } else {
      delete bases[key];
    }
    storage.setItem(BASES_KEY, JSON.stringify(bases));
  }

  /* "#/collections/articles/entries/bai-a" -> "backup.articles.bai-a" (Decap's key for that entry's backup). */
  function backupKey(hash) {
    var m = /^#\/collections\/([^/]+)\/entries\/(.+)$/.exec(String(hash || ""));
    return m ? "backup." + decodeURIComponent(m[1]) + "." + decodeURIComponent(m[2]) : null;
  }

  /* Decap's question (in English, in its code) when an upload has the name of a file in the library. On
   * "yes" it deletes that file and then uploads the new one: when the upload is refused (not a photo, too
   * large) or fails, the old photo is gone, from every page that showed it. No file is replaced so. */
  var TAKEN = /^(.+) already exists\. Do you want to replace it\?$/;
  function takenMessage(name) {
    return "Thư viện đã có tệp “" + name + "”: tệp mới không thay tệp cũ (các bài có thể đang dùng ảnh cũ). " +
      "Hãy đổi tên tệp trên máy rồi tải lên lại. Muốn thay hẳn ảnh cũ thì xóa ảnh cũ trong thư viện trước " +
      "(chỉ xóa được ảnh không bài nào dùng).";
  }

  // Decap's notices written in its code, not in its locales: in Vietnamese. "API_ERROR: " is the name of
  // its error class before the backend's own message.
  // The browser's own words when the backend does not answer at all (Chromium, Firefox, Safari): the
  // editor saw "TypeError: Failed to fetch" and could not tell that nothing was saved, nor what to do.
  var OFFLINE = "không kết nối được với máy chủ biên tập (lệnh “lamtheobac serve --cms” đã dừng, hoặc máy " +
    "mất mạng): chưa có gì được lưu. Phần vừa sửa vẫn còn trong trang: đừng đóng hay tải lại trang; chạy lại " +
    "lệnh rồi bấm lưu lần nữa";
  var NOTICES = [
    [/^Failed to persist media: (?:Error: )?/, "Không tải được tệp lên: "],
    [/^Failed to delete media: /, "Không xóa được tệp: "],
    [/API_ERROR: /g, ""],
    [/(?:TypeError: )?(?:Failed to fetch|NetworkError when attempting to fetch resource\.?|Load failed)/, OFFLINE],
  ];
  function notice(text) {
    return NOTICES.reduce(function (out, pair) { return out.replace(pair[0], pair[1]); }, String(text));
  }

  /* The notices (react-toastify's, class Toastify__toast) in Vietnamese as they appear. */
  function translateNotices(win) {
    var doc = win.document;
    if (!doc || typeof win.MutationObserver !== "function") {
      return;
    }
    var fix = function (node) {  // an added toast, a node added inside one, or a changed text
      var walker = doc.createTreeWalker(node, 4);  // NodeFilter.SHOW_TEXT
      for (var text = node.nodeType === 3 ? node : walker.nextNode(); text; text = walker.nextNode()) {
        var better = notice(text.nodeValue);
        if (better !== text.nodeValue && text.parentElement && text.parentElement.closest(".Toastify__toast")) {
          text.nodeValue = better;
        }
      }
    };
    new win.MutationObserver(function (records) {
      records.forEach(function (record) {
        if (record.type === "characterData") {
          fix(record.target);
        } else {
          Array.prototype.forEach.call(record.addedNodes, fix);
        }
      });
    }).observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
  }

  /* A backup read is handed to Decap only once the entry it is of has loaded. Decap reads both at once
   * when an entry is opened and asks "restore the backup?" as soon as the backup is read, usually
   * before the entry (a local read is faster than the backend's answer): the entry, arriving next,
   * replaced the restored form, and the editor who chose to restore got the file's text back, not
   * theirs. The backup's value names its entry's path; localForage reads it in the request's onsuccess. */
  function holdUntilLoaded(request, tracker) {
    var own = Object.getOwnPropertyDescriptor(request, "onsuccess");  // another wrapper's (a test's) first
    var descriptor = own || Object.getOwnPropertyDescriptor(Object.getPrototypeOf(request), "onsuccess");
    if ((own && !own.configurable) || !descriptor || typeof descriptor.set !== "function") {
      return;
    }
    var held = null;
    Object.defineProperty(request, "onsuccess", {
      configurable: true,
      get: function () { return held; },
      set: function (handler) {
        held = handler;
        descriptor.set.call(request, typeof handler !== "function" ? handler : function (event) {
          var value = request.result;
          var path = value && typeof value.path === "string" ? value.path : "";
          if (!path) {  // a new entry's backup: no entry to wait for
            return handler.call(request, event);
          }
          tracker.whenLoaded(path, function () { handler.call(request, event); });
        });
      },
    });
  }

  function watchBackups(win, tracker, question) {
    var Store = win.IDBObjectStore;
    if (Store && Store.prototype && win.localStorage) {
      var get = Store.prototype.get;
      Store.prototype.get = function (key) {
        var request = get.apply(this, arguments);
        if (typeof key === "string" && BACKUP.test(key) && request) {
          holdUntilLoaded(request, tracker);
        }
        return request;
      };
      var put = Store.prototype.put;
      var remove = Store.prototype["delete"];
      Store.prototype.put = function (value, key) {
        if (typeof key === "string" && BACKUP.test(key) && value && typeof value.path === "string" && value.path) {
          writeBase(win.localStorage, key, { path: value.path, id: tracker.baseOf(value.path) || null });
        }
        return put.apply(this, arguments);
      };
      Store.prototype["delete"] = function (key) {
        if (typeof key === "string" && BACKUP.test(key)) {
          writeBase(win.localStorage, key, null);
        }
        return remove.apply(this, arguments);
      };
    }
    var confirm = win.confirm;
    win.confirm = function (message) {
      var taken = TAKEN.exec(String(message));
      if (taken) {  // Decap would delete the old file, then upload: a refused upload lost the photo
        win.alert(takenMessage(taken[1]));
        return false;
      }
      var yes = confirm.apply(win, arguments);
      if (yes && question(message)) {  // "restore the backup?": the form is the backup's
        var base = readBases(win.localStorage)[backupKey(win.location.hash)];
        if (base && typeof base.path === "string") {
          tracker.pin(base.path, base.id);
        }
      }
      return yes;
    };
  }

// ---- src/10-page.js ----
  // The editor page: phone-sized layout, links to an article's page, banners.
  /* On a phone (a screen narrower than 800 px) Decap keeps the form and the preview side by side in a
   * pane 800 px wide: the page scrolled sideways, the form was cut at its right and the preview lay
   * off-screen. There the form takes the screen's width, and a button at the bottom right swaps it for
   * the preview ("Xem trước") and back ("Sửa bài"). SplitPane, Pane1 (the form), Pane2 (the preview) and
   * Resizer are react-split-pane's own class names; Decap's own end in their component's name
   * ("css-hn3jn7-EditorContainer", the 800 px minimum) in the vendored build.
   * The editor's top bar (one row of 66 px, wider than the screen: the back link squeezed to a word a
   * line, "Xoá mục này", "Xem bản hoàn chỉnh" and the account menu cut off at the right) wraps onto two
   * rows, the form below it (the container's fixed 66 px top padding gives way to a column). Decap's
   * round buttons at the form's top right (show the preview, scroll together), over the title field,
   * go to the bottom left, a row beside "Xem trước"; the form ends with room for them. The Markdown
   * body's toolbar, one button a line (a bar half the screen high, stuck to the top while typing), wraps. */
  var NARROW_CSS = "#lamtheobac-xem-truoc{display:none}" +
    "@media (max-width:799px){" +
    "[class*=-EditorContainer],[class*=-ToolbarContainer]{min-width:0!important}" +
    ".SplitPane.vertical{min-width:0!important;width:100%!important}" +
    ".SplitPane.vertical>.Pane1{width:100%!important;flex:1 1 auto!important}" +
    ".SplitPane.vertical>.Pane2,.SplitPane.vertical>.Resizer{display:none!important}" +
    "body.lamtheobac-xem-truoc .SplitPane.vertical>.Pane1{display:none!important}" +
    "body.lamtheobac-xem-truoc .SplitPane.vertical>.Pane2{display:block!important;width:100%!important;" +
    "flex:1 1 auto!important}" +
    "body:has(.SplitPane.vertical>.Pane2) #lamtheobac-xem-truoc{display:block;position:fixed;right:12px;" +
    "bottom:12px;z-index:1000;padding:10px 16px;border:0;border-radius:22px;background:#3a69c7;color:#fff;" +
    "font:inherit;font-weight:600;box-shadow:0 2px 8px rgba(0,0,0,.3);cursor:pointer}" +
    // The top bar: back link and account menu on the first row, publish, delete and the page's link below.
    "[class*=-EditorContainer]{padding-top:0!important;display:flex!important;flex-direction:column}" +
    "[class*=-EditorContainer]>[class*=-ToolbarContainer]{position:relative!important;height:auto!important;" +
    "flex:0 0 auto;flex-wrap:wrap;overflow:visible!important}" +
    "[class*=-EditorContainer]>[class$=-Editor],[class*=-EditorContainer]>[class*=\"-Editor \"]{flex:1 1 auto;" +
    "height:auto!important;min-height:0;width:100%!important;align-self:stretch;margin:0!important}" +
    "[class*=-ToolbarSectionBackLink]{order:0;flex:1 1 0!important;min-width:0;height:52px!important}" +
    "[class*=-ToolbarSectionMeta]{order:1;flex:0 0 auto!important;height:52px!important;border-left:0!important}" +
    "[class*=-ToolbarSectionMeta] [class*=-AppHeaderSiteLink]{display:none!important}" +
    "[class*=-ToolbarSectionMain]{order:2;flex:1 0 100%!important;height:auto!important;padding:6px 8px!important;" +
    "flex-wrap:wrap;row-gap:6px;border-top:1px solid #dfdfe3;border-left:0!important}" +
    "[class*=-PreviewLink]{white-space:nowrap!important;width:auto!important}" +
    // Decap's round buttons, from the top right of the form to the bottom left of the screen. Only the
    // editor's "-ViewControls" (the list's "-ViewControlsSection", list or grid, stays in its row: fixed
    // too, it covered the last article's title).
    "[class$=-ViewControls],[class*=\"-ViewControls \"]{position:fixed!important;left:12px!important;" +
    "right:auto!important;top:auto!important;bottom:12px!important;display:flex!important;gap:8px;z-index:1000}" +
    "[class$=-ViewControls]>*,[class*=\"-ViewControls \"]>*{margin:0!important}" +
    "[class*=-ControlPaneContainer]{padding-bottom:72px!important}" +
    // The Markdown body's toolbar: its buttons wrap in rows.
    "[class*=-EditorControlBar] [class*=-ToolbarContainer]{flex-wrap:wrap!important;row-gap:4px}" +
    "[class*=-EditorControlBar] [class*=-ToolbarContainer]>:first-child{flex:1 1 100%!important;display:flex;" +
    "flex-wrap:wrap}}";

  function narrowScreens(win) {
    var doc = win.document;
    if (!doc || !doc.head || !doc.body) {
      return;
    }
    var style = doc.createElement("style");
    style.textContent = NARROW_CSS;
    doc.head.appendChild(style);
    var button = doc.createElement("button");
    button.type = "button";
    button.id = "lamtheobac-xem-truoc";
    var show = function (preview) {
      doc.body.classList.toggle("lamtheobac-xem-truoc", preview);
      button.textContent = preview ? "Sửa bài" : "Xem trước";
      button.setAttribute("aria-pressed", preview ? "true" : "false");
    };
    button.addEventListener("click", function () { show(!doc.body.classList.contains("lamtheobac-xem-truoc")); });
    win.addEventListener("hashchange", function () { show(false); });  // another entry opens on its form
    show(false);
    doc.body.appendChild(button);
  }

  /* The address an article's file gives: its "slug" when it has a valid one, else its file name (stem),
   * as the build decides it (frontmatter.written_slug). */
  var SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
  function addressOf(text, stem) {
    var slug = null;
    try {
      var front = split(String(text)).front;
      var meta = front === null ? null : yaml().load(front, { schema: yamlSchema() });
      slug = meta && typeof meta === "object" && meta.slug !== null && meta.slug !== undefined &&
        typeof meta.slug !== "object" ? String(meta.slug).trim() : null;
    } catch (e) {
      slug = null;  // a file the build refuses: its page is not there, whatever the link says
    }
    return slug && SLUG.test(slug) ? slug : stem;
  }

  /* Decap links an article to its page ("Xem bản hoàn chỉnh") by its file name: "{{slug}}" in preview_path
   * is the entry's, and its templates have no "this field, else that". An article whose "slug" was changed
   * in the form (the file keeps its name) or written by hand was linked to its old address (a redirect, or
   * "not found" for a draft). Links to an article's page get the address its file as last read or saved
   * gives (texts: file name without ".md" -> its text, kept by trackIds). */
  function articleLinks(win, texts, articleUrl) {
    var doc = win.document;
    var at = articleUrl ? articleUrl.indexOf("{slug}") : -1;
    if (!doc || !doc.documentElement || typeof win.MutationObserver !== "function" || at < 0) {
      return function () {};
    }
    var head = "/" + articleUrl.slice(0, at);
    var tail = articleUrl.slice(at + "{slug}".length);
    var fix = function () {
      var links = doc.querySelectorAll("a[href]");
      for (var i = 0; i < links.length; i++) {
        var link = links[i];
        var href = link.getAttribute("href");
        var start = href.lastIndexOf(head);
        if (start < 0 || href === link.getAttribute("data-lamtheobac-dia-chi") ||
            href.length - tail.length < start + head.length || href.slice(href.length - tail.length) !== tail) {
          continue;  // not a link to an article's page, or one given its address already
        }
        var stem = href.slice(start + head.length, href.length - tail.length);
        if (!Object.prototype.hasOwnProperty.call(texts, stem)) {
          continue;
        }
        var fixed = href.slice(0, start + head.length) + addressOf(texts[stem], stem) + tail;
        link.setAttribute("data-lamtheobac-dia-chi", fixed);
        if (fixed !== href) {
          link.setAttribute("href", fixed);
        }
      }
    };
    new win.MutationObserver(fix).observe(doc.documentElement,
                                          { subtree: true, childList: true, attributes: true, attributeFilter: ["href"] });
    return fix;
  }

  /* A save Decap refuses ends in a promise nobody catches (its toolbar calls the save without a catch):
   * an "Uncaught (in promise)" error in the console at every refused save. Decap's two refusals are
   * handled here: the backend's (its action "Failed to persist entry": Decap's notice already gives the
   * backend's Vietnamese reason) and the form's own checks (rejected with nothing). For the latter Decap
   * says nothing unless a required field is empty (a notice), only marking the field in red, which may
   * be out of sight (scrolled away, or behind the preview on a phone): a notice at the top lists the
   * fields' messages, the form is shown and its first wrong field scrolled to. Other rejections are left
   * to the console. */
  var PERSIST_FAILED = "Failed to persist entry";  // the error of Decap's ENTRY_PERSIST_FAILURE action
  var REFUSED_ID = "lamtheobac-chua-luu";

  function refusedText(messages) {
    return "Chưa lưu: " + (messages.length === 1 ? "một ô" : messages.length + " ô") +
      " chưa đúng (tô đỏ), hãy sửa rồi lưu lại. " + messages.join(" · ");
  }

  /* A notice (role "alert") with text, under the editor's top bar (two rows on a phone). Closed by its ×,
   * by opening another page of the CMS, and by a press in the top bar: the menu of "Công bố" opens over
   * where it is. One per id: shown again, its text is replaced. */
  var TOP_BAR = "[class*=-EditorContainer]>[class*=-ToolbarContainer]";
  function banner(win, id, text) {
    var doc = win.document;
    var box = doc.getElementById(id);
    if (!box) {
      box = doc.createElement("div");
      box.id = id;
      box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;top:8px;left:0;right:0;margin:0 auto;width:fit-content;z-index:2000;" +
        "max-width:min(40rem,calc(100vw - 16px));box-sizing:border-box;padding:10px 40px 10px 14px;" +
        "border-radius:6px;background:#ff003b;color:#fff;font:inherit;font-weight:600;" +
        "box-shadow:0 2px 8px rgba(0,0,0,.3)";
      var words = doc.createElement("span");
      var close = doc.createElement("button");
      close.type = "button";
      close.textContent = "×";
      close.setAttribute("aria-label", "Đóng");
      close.style.cssText = "position:absolute;top:4px;right:6px;border:0;background:none;color:#fff;" +
        "font-size:22px;cursor:pointer";
      close.addEventListener("click", function () { box.remove(); });
      box.appendChild(words);
      box.appendChild(close);
      doc.body.appendChild(box);
      win.addEventListener("hashchange", function () { box.remove(); });
      doc.addEventListener("pointerdown", function (event) {
        var target = event.target;
        if (target && typeof target.closest === "function" && target.closest(TOP_BAR)) {
          box.remove();
        }
      }, true);
    }
    box.firstChild.textContent = text;
    var bar = doc.querySelector(TOP_BAR);
    box.style.top = ((bar ? Math.max(0, bar.getBoundingClientRect().bottom) : 0) + 8) + "px";
    return box;
  }

// ---- src/11-paste.js ----
  // Text pasted from Word, Google Docs and web pages reduced to the article's markup; pasted pictures.
  /* Pictures pasted or dropped into the rich-text body (a page or a Word document with photos, a
   * screenshot) crashed Decap: its error page took the whole editor, and what was not saved with it
   * (decap-cms issue #7585). The pictures are left out (the text is pasted without them) and a notice
   * says how to add a photo.
   * Decap also read Word's and Google Docs' markup badly: <b> (Word's bold) and Google Docs' bold and
   * italic spans were pasted as plain text, Word's lists as paragraphs starting with "·" or "1.", its
   * styles and classes went along. Pasted HTML is reduced to what the article keeps (cleanPasted); so is
   * dropped HTML (text dragged with the mouse from Word or a page), which went in untouched. */
  var PASTED_ID = "lamtheobac-anh-dan";
  var PASTED_PHOTOS = "Ảnh trong phần vừa dán (hay kéo thả) không được chép vào bài: giao diện biên tập không " +
    "nhận ảnh dán vào. Hãy tải ảnh lên bằng nút “+” → “Image” trong ô nội dung, hoặc ở ô “Ảnh đại diện”.";
  var PICTURE_TAGS = "img,picture,svg,video,audio,object,embed,canvas,image";
  // What Decap's rich-text body keeps; other elements give their content (span, font, u, Word's o:p).
  var KEPT_TAGS = /^(?:p|br|strong|em|del|s|a|ul|ol|li|h[1-6]|blockquote|pre|code|hr|table|thead|tbody|tr|th|td)$/;
  var DROPPED_TAGS = "head,style,script,meta,link,title,template,noscript,iframe,xml";
  var BLOCK_TAGS = /^(?:p|div|ul|ol|li|h[1-6]|blockquote|pre|table|hr)$/;
  var BOLD = /^(?:bold|bolder|[6-9]00)$/;
  // A Word list item's number or letter ("1.", "a)", "iv.") rather than a bullet.
  var NUMBERED = /^[\s(]*(?:\d+|[a-z]|[ivxlcdm]+)[.)]/i;

  function styleOf(el, name) {
    var m = new RegExp("(?:^|;)\\s*" + name + "\\s*:\\s*([^;]+)", "i").exec(el.getAttribute("style") || "");
    return m ? m[1].trim().toLowerCase() : "";
  }

  function unwrap(el) {
    while (el.firstChild) {
      el.parentNode.insertBefore(el.firstChild, el);
    }
    el.remove();
  }

  function retag(el, tag) {
    var made = el.ownerDocument.createElement(tag);
    while (el.firstChild) {
      made.appendChild(el.firstChild);
    }
    el.parentNode.replaceChild(made, el);
    return made;
  }

  function wrapContent(el, tag) {
    var made = el.ownerDocument.createElement(tag);
    while (el.firstChild) {
      made.appendChild(el.firstChild);
    }
    el.appendChild(made);
  }

  /* Word writes a list as paragraphs "mso-list: l0 level1 lfo1" led by their bullet or number (between
   * the comments [if !supportLists] and [endif], or in a span "mso-list: Ignore"): made <ul>/<ol>,
   * nested by their level. */
  function wordLists(doc) {
    var items = Array.prototype.filter.call(doc.querySelectorAll("p,h1,h2,h3,h4,h5,h6"), function (p) {
      return /mso-list\s*:\s*l\d/i.test(p.getAttribute("style") || "");
    });
    var open = [];  // the lists open at each level (open[0] in the page), for the run of items being read
    items.forEach(function (p) {
      var level = Number((/level(\d+)/i.exec(p.getAttribute("style")) || [0, 1])[1]);
      var marker = "";
      var walker = doc.createTreeWalker(p, 128);  // comments, at any depth
      var start = null;
      while (walker.nextNode()) {
        var note = walker.currentNode;
        if (/^\[if !supportLists\]/i.test(note.data)) {
          start = note;
        } else if (start && /^\[endif\]/i.test(note.data)) {
          var range = doc.createRange();
          range.setStartAfter(start);
          range.setEndBefore(note);
          marker += range.extractContents().textContent;
          start = null;
        }
      }
      Array.prototype.forEach.call(p.querySelectorAll("span"), function (span) {
        if (span.isConnected && /^ignore$/.test(styleOf(span, "mso-list"))) {
          marker += span.textContent;
          span.remove();
        }
      });
      var tag = NUMBERED.test(marker) ? "ol" : "ul";
      if (!open.length || p.previousElementSibling !== open[0]) {
        open = [];  // not right after the list being made: another list
      }
      while (open.length > level || (open.length === level && open[level - 1].tagName.toLowerCase() !== tag)) {
        open.pop();
      }
      while (open.length < level) {
        var list = doc.createElement(open.length === level - 1 ? tag : "ul");
        if (open.length) {
          var outer = open[open.length - 1];
          (outer.lastElementChild || outer.appendChild(doc.createElement("li"))).appendChild(list);
        } else {
          p.parentNode.insertBefore(list, p);
        }
        open.push(list);
      }
      var li = doc.createElement("li");
      while (p.firstChild) {
        li.appendChild(p.firstChild);
      }
      open[open.length - 1].appendChild(li);
      p.remove();
    });
  }

  /* Pasted html reduced to the article's markup: bold and italic (also Google Docs' and Word's styled
   * spans) as <strong>/<em>, links (not javascript: or data:), lists (Word's too), headings, quotes;
   * without pictures, styles, classes, comments. html: the result ("" when no text is left);
   * pictures: whether some were left out. */
  function cleanPasted(html, parse) {
    var doc = parse(html);
    var pictures = doc.querySelectorAll(PICTURE_TAGS).length > 0;
    Array.prototype.forEach.call(doc.querySelectorAll(PICTURE_TAGS + "," + DROPPED_TAGS),
                                 function (node) { if (node.isConnected) node.remove(); });
    wordLists(doc);
    var walker = doc.createTreeWalker(doc.body, 128);  // comments (Word's conditional ones, fragments)
    var comments = [];
    while (walker.nextNode()) {
      comments.push(walker.currentNode);
    }
    comments.forEach(function (node) { node.remove(); });
    // Deepest first: an element's children are done when it is.
    var all = Array.prototype.slice.call(doc.body.querySelectorAll("*")).reverse();
    all.forEach(function (el) {
      var tag = el.tagName.toLowerCase();
      var weight = styleOf(el, "font-weight");
      var slant = styleOf(el, "font-style");
      if (tag === "b" || tag === "strong") {
        // Google Docs wraps a whole copy in <b style="font-weight:normal">.
        el = weight === "normal" || weight === "400" ? (unwrap(el), null) : retag(el, "strong");
      } else if (tag === "i" || tag === "em") {
        el = slant === "normal" ? (unwrap(el), null) : retag(el, "em");
      } else if (!/^h[1-6]$/.test(tag)) {  // a heading is bold already
        if (BOLD.test(weight)) {
          wrapContent(el, "strong");
        }
        if (slant === "italic" || slant === "oblique") {
          wrapContent(el, "em");
        }
      }
      if (!el) {
        return;
      }
      tag = el.tagName.toLowerCase();
      var href = tag === "a" ? (el.getAttribute("href") || "").trim() : "";
      Array.prototype.slice.call(el.attributes).forEach(function (attr) { el.removeAttribute(attr.name); });
      if (tag === "a") {
        if (!href || /^(?:javascript|data|vbscript):/i.test(href.replace(/[\s\u0000-\u001f]+/g, ""))) {
          unwrap(el);
        } else {
          el.setAttribute("href", href);
        }
      } else if (tag === "div") {
        // A div of text is a paragraph; one holding blocks gives them.
        var blocks = Array.prototype.some.call(el.children, function (c) { return BLOCK_TAGS.test(c.tagName.toLowerCase()); });
        if (blocks) {
          unwrap(el);
        } else {
          retag(el, "p");
        }
      } else if (!KEPT_TAGS.test(tag)) {
        unwrap(el);
      }
    });
    // Word wraps its HTML's lines inside sentences: a line break there is a space (Decap dropped it:
    // "Bước\n<b>một</b>" was pasted as "Bước**một**").
    // Between blocks it is nothing: Decap made it a paragraph of a space, joined to the next paste.
    var texts = doc.createTreeWalker(doc.body, 4);
    var blank = [];
    while (texts.nextNode()) {
      var node = texts.currentNode;
      if (node.parentNode.closest && node.parentNode.closest("pre")) {
        continue;
      }
      node.data = node.data.replace(/[ \t\r\n]+/g, " ");
      if (node.data === " " && /^(?:body|ul|ol|li|blockquote|table|thead|tbody|tr)$/i.test(node.parentNode.tagName)) {
        blank.push(node);
      }
    }
    blank.forEach(function (node) { node.remove(); });
    // An item's words in a paragraph: Decap split "Mục <em>hai</em>" at the italic into two paragraphs.
    Array.prototype.forEach.call(doc.body.querySelectorAll("li"), function (li) {
      var run = null;
      Array.prototype.slice.call(li.childNodes).forEach(function (node) {
        if (node.nodeType === 1 && BLOCK_TAGS.test(node.tagName.toLowerCase())) {
          run = null;
        } else if (!run && node.nodeType === 3 && !node.data.trim()) {
          node.remove();  // the line breaks between blocks
        } else {
          if (!run) {
            run = li.insertBefore(doc.createElement("p"), node);
          }
          run.appendChild(node);
        }
      });
    });
    // Empty bold or italic (Word's around a space) would be written as "****".
    Array.prototype.forEach.call(doc.body.querySelectorAll("strong,em"), function (el) {
      if (el.isConnected && !el.textContent.trim()) {
        unwrap(el);
      }
    });
    return { html: doc.body.textContent.trim() ? doc.body.innerHTML : "", pictures: pictures };
  }

  function pastedPictures(win) {
    var doc = win.document;
    if (!doc || typeof win.addEventListener !== "function" || typeof win.DataTransfer !== "function" ||
        typeof win.DOMParser !== "function") {
      return;
    }
    var parse = function (html) { return new win.DOMParser().parseFromString(html, "text/html"); };
    var giving = false;  // while the cleaned drop is handed to Decap: not cleaned again
    var guard = function (event) {
      var target = event.target;
      var editor = target && typeof target.closest === "function" ? target.closest("[data-slate-editor]") : null;
      var data = event.clipboardData || event.dataTransfer;
      if (giving || !editor || !data || editor.closest(".cms-editor-raw")) {
        return;  // not the rich-text body (the Markdown one pastes text only)
      }
      if (event.type === "drop" && Array.prototype.indexOf.call(data.types || [], "application/x-slate-fragment") >= 0) {
        return;  // text moved inside the body: Decap's own markup
      }
      var files = Array.prototype.some.call(data.files || [], function (f) { return /^image\//.test(f.type); });
      var html = data.getData("text/html") || "";
      var cleaned = html ? cleanPasted(html, parse) : null;
      var pictures = files || (cleaned !== null && cleaned.pictures);
      if (!pictures && cleaned === null) {
        return;  // plain text: Decap inserts it
      }
      event.preventDefault();
      event.stopImmediatePropagation();
      if (pictures) {
        banner(win, PASTED_ID, PASTED_PHOTOS);
      }
      var text = data.getData("text/plain") || "";
      if (!text.trim() && !(cleaned && cleaned.html)) {
        return;  // only pictures: nothing else to insert
      }
      var clean = new win.DataTransfer();
      clean.setData("text/plain", text);
      if (cleaned && cleaned.html) {
        clean.setData("text/html", cleaned.html);
      }
      if (event.type === "drop") {
        // Dropped (text dragged from Word or a page): given to Decap as a drop at the same point, cleaned
        // as a paste is (it went in with Word's styles, without its bold, lists as "·" paragraphs).
        giving = true;
        try {
          target.dispatchEvent(new win.DragEvent("drop", { dataTransfer: clean, clientX: event.clientX,
                                                           clientY: event.clientY, bubbles: true, cancelable: true }));
        } finally {
          giving = false;
        }
        return;
      }
      editor.dispatchEvent(new win.InputEvent("beforeinput", { inputType: "insertFromPaste", dataTransfer: clean,
                                                               bubbles: true, cancelable: true }));
    };
    doc.addEventListener("paste", guard, true);
    doc.addEventListener("drop", guard, true);
    doc.addEventListener("beforeinput", function (event) {
      if (event.isTrusted && event.inputType === "insertFromPaste") {
        guard(event);
      }
    }, true);
  }

// ---- src/12-saves-locale.js ----
  // Saves Decap refuses, NFC entries, and the Vietnamese phrases Decap's locale lacks.
  function refusedSaves(win) {
    var doc = win.document;
    if (!doc || typeof win.addEventListener !== "function") {
      return;
    }
    var shown = function (messages) { banner(win, REFUSED_ID, refusedText(messages)); };
    win.addEventListener("unhandledrejection", function (event) {
      var reason = event.reason;
      if (reason && typeof reason === "object" && reason.error === PERSIST_FAILED) {
        event.preventDefault();  // Decap's notice gives the backend's reason
        return;
      }
      if (reason !== undefined) {
        return;
      }
      var lists = doc.querySelectorAll("[class*=-ControlErrorsList] li");
      var messages = Array.prototype.map.call(lists, function (li) { return li.textContent.trim(); })
        .filter(function (text) { return text; });
      if (!messages.length) {
        return;  // not the form's checks: left to the console
      }
      event.preventDefault();
      shown(messages);
      var toggle = doc.getElementById("lamtheobac-xem-truoc");
      if (toggle && doc.body.classList.contains("lamtheobac-xem-truoc")) {
        toggle.click();  // the phone's preview hid the form
      }
      win.setTimeout(function () {
        var first = doc.querySelector("[class*=-ControlErrorsList]");
        if (first && typeof first.scrollIntoView === "function") {
          first.scrollIntoView({ block: "center" });
        }
      }, 0);
    });
    // A save sent to the backend takes the notice away.
    var original = win.fetch;
    if (typeof original === "function") {
      win.fetch = function (input, init) {
        if (init && typeof init.body === "string" && init.body.indexOf('"persistEntry"') >= 0) {
          var box = doc.getElementById(REFUSED_ID);
          if (box) {
            box.remove();
          }
        }
        return original.apply(win, arguments);
      };
    }
  }

  /* Every string of an entry's data (Immutable maps and lists) in NFC. */
  function nfc(value) {
    if (typeof value === "string") return value.normalize("NFC");
    if (value && typeof value.map === "function" && typeof value.toJS === "function") return value.map(nfc);
    return value;
  }

  // Phrases Decap's "vi" locale lacks (it falls back to English), for what this site's editors see.
  var VI = {
    collection: { collectionTop: { newButton: "Thêm %{collectionLabel}", viewAsList: "Xem dạng danh sách",
                                   viewAsGrid: "Xem dạng lưới", groupBy: "Nhóm theo" },
                  groups: { other: "Khác", negateLabel: "Không %{label}" } },
    editor: {
      // Decap's "vi" asks whether to "upload" (tải lên) the backup: the question is whether to open it.
      editor: { confirmLoadBackup: "Máy này còn giữ bản sao lưu những thay đổi chưa lưu của bài này. Khôi phục " +
                                   "bản sao lưu đó (OK) hay bỏ nó và mở bài như đang lưu (Hủy)?" },
      editorControl: { field: { widgetLabel: "ô %{widgetLabel}" } },
      editorInterface: { togglePreview: "Bật/tắt xem trước", toggleScrollSync: "Cuộn cùng lúc" },
      editorToolbar: { status: "Trạng thái: %{status}" },
      editorWidgets: {
        markdown: { bold: "Đậm", italic: "Nghiêng", strikethrough: "Gạch ngang", code: "Mã",
                    link: "Liên kết", linkPrompt: "Nhập địa chỉ của liên kết", headings: "Tiêu đề",
                    quote: "Trích dẫn", bulletedList: "Danh sách gạch đầu dòng",
                    numberedList: "Danh sách đánh số", addComponent: "Chèn thành phần",
                    richText: "Soạn trực quan", markdown: "Markdown",
                    toggleMode: { rich: "Chuyển sang chế độ soạn trực quan", markdown: "Chuyển sang Markdown" } },
        image: { chooseMultiple: "Chọn các hình", addMore: "Thêm hình", removeAll: "Gỡ bỏ mọi hình" },
        file: { chooseMultiple: "Chọn các tập tin", addMore: "Thêm tập tin", removeAll: "Gỡ bỏ mọi tập tin" },
        datetime: { setToNow: "Đặt %{fieldLabel} là lúc này" },
        list: { add: "Thêm %{item}", addType: "Thêm %{item}" },
        object: { expand: "Mở ra", collapse: "Thu gọn" },
      },
    },
    mediaLibrary: { mediaLibraryCard: { copy: "Chép", copyUrl: "Chép địa chỉ", copyPath: "Chép đường dẫn",
                                        copyName: "Chép tên", copied: "Đã chép" },
                    mediaLibraryModal: { close: "Đóng" } },
    ui: { settingsDropdown: { account: "Tài khoản" } },
  };

  /* The phrases that give the upload limit: Decap's says "%{size} kB" of its bytes / 1000 ("20971 kB"),
   * a size no editor's computer shows; the limit is said as the backend says it (terms.max_upload). */
  function limits(terms) {
    if (!terms || !terms.max_upload) {
      return {};
    }
    return { mediaLibrary: { mediaLibrary: {
      fileTooLarge: "Tệp quá lớn, chưa được tải lên: mỗi tệp tối đa " + terms.max_upload + ". Hãy thu nhỏ " +
                    "ảnh (hoặc nén tệp) rồi tải lên lại." } } };
  }

  // A tone mark on the first vowel of a final "oa", "oe", "uy" (not after "q": "quý", "quả").
  var OLD_TONE_PLACE = /(?<![qQ])([oOuU])([aAeEyY])([\u0300\u0301\u0303\u0309\u0323])(?![\p{L}\p{M}])/gu;

  /* Decap's "vi" phrases in the tone style of the site's own words ("Xoá mục này" beside our "Xóa",
   * "thuỷ" beside "thủy": the style the registries' canonical names use, "Hòa Bình", "khóa XI"): the
   * mark on the first vowel of a final "oa", "oe", "uy". Every string of value, deeply, as a new object. */
  function toneStyled(value) {
    if (typeof value === "string") {
      return value.normalize("NFD").replace(OLD_TONE_PLACE, "$1$3$2").normalize("NFC");
    }
    if (value && typeof value === "object" && !Array.isArray(value)) {
      var out = {};
      Object.keys(value).forEach(function (key) { out[key] = toneStyled(value[key]); });
      return out;
    }
    return value;
  }

  /* base with the phrases of extra it lacks (and the ones extra corrects), as a new object. */
  function withDefaults(base, extra) {
    var out = {};
    Object.keys(base).forEach(function (key) { out[key] = base[key]; });
    Object.keys(extra).forEach(function (key) {
      if (typeof extra[key] === "object") {
        out[key] = withDefaults(typeof base[key] === "object" ? base[key] : {}, extra[key]);
      } else {
        out[key] = extra[key];
      }
    });
    return out;
  }

// ---- src/13-select.js ----
  // Decap's select (provinces, directives) finding an option by every spelling the build reads.

  /* The registry name (an option's value) the typed text spells, read as a hand-written article is
   * (canonical: a listed spelling, or a directive's forms, generator/spellings.py name_forms), or "" when
   * it spells none or the name itself. kind: the field ("province", "directives"). */
  function spelledOption(aliases, kind, typed) {
    var text = String(typed || "").normalize("NFC").trim();
    if (!text || !aliases || !aliases[kind]) {
      return "";
    }
    var name = canonical(aliases[kind], text, kind === "directives" ? aliases.directive_forms : null);
    if (name === text) {  // typed without accents, as the select's own matching allows ("sai gon")
      name = unaccented(aliases[kind])[formKey(text)] || text;
    }
    return name !== text ? name : "";
  }

  var UNACCENTED = typeof WeakMap === "function" ? new WeakMap() : null;
  /* A table of spellings keyed by their words without accents (formKey), a key two names share left out. */
  function unaccented(table) {
    var known = UNACCENTED && UNACCENTED.get(table);
    if (!known) {
      known = {};
      Object.keys(table).forEach(function (spelling) {
        var key = formKey(spelling);
        if (key) {
          known[key] = key in known && known[key] !== table[spelling] ? "" : table[spelling];
        }
      });
      if (UNACCENTED) {
        UNACCENTED.set(table, known);
      }
    }
    return known;
  }

  /* The field's options with the one named `value` labelled also by what was typed (as plain objects,
   * which Decap's select takes as they are). */
  function withTyped(options, value, typed) {
    return options.map(function (option) {
      var plain = typeof option === "string" ? { label: option, value: option }
        : option && typeof option.toJS === "function" ? option.toJS() : option;
      if (!plain || plain.value !== value) {
        return option;
      }
      return { label: plain.label + " · " + String(typed).trim(), value: plain.value };
    });
  }

  /* Decap's select finds an option whose label holds what is typed (accents and case aside): "Chỉ thị 5"
   * (for Chỉ thị 05), "5-CT", "Nghị quyết Trung ương 4 khóa XI", "Sài Gòn" or "Kontum" found nothing
   * ("Không có lựa chọn"), though the build reads an article written so. While an editor types, the
   * option the text spells (spelledOption) is labelled also by it, so the select finds it; the chosen
   * option's chip keeps its own label (the typed text is forgotten once chosen or left). */
  function spelledSelect(h, createClass, Select, aliases) {
    return createClass({
      getInitialState: function () { return { typed: "" }; },
      isValid: function () {
        return this.inner && typeof this.inner.isValid === "function" ? this.inner.isValid() : { error: false };
      },
      typing: function (event) {
        var input = event.target;
        if (input && input.tagName === "INPUT" && input.value !== this.state.typed) {
          this.setState({ typed: input.value });
        }
      },
      forget: function () {
        if (this.state.typed) {
          this.setState({ typed: "" });
        }
      },
      render: function () {
        var self = this;
        var props = this.props;
        var field = props.field;
        var named = field && typeof field.get === "function"
          ? spelledOption(aliases, field.get("name"), this.state.typed) : "";
        var shown = named ? field.set("options", withTyped(field.get("options"), named, this.state.typed)) : field;
        var inner = {};
        Object.keys(props).forEach(function (key) { inner[key] = props[key]; });
        inner.field = shown;
        inner.ref = function (control) { self.inner = control; };
        inner.onChange = function (value) {
          self.forget();
          props.onChange(value);
        };
        return h("div", { onInput: this.typing, onBlur: this.forget }, h(Select, inner));
      },
    });
  }
// ---- src/14-unreadable.js ----
  // Articles whose front matter the editor cannot read: said when one is opened.

  var UNREADABLE_ID = "lamtheobac-khong-doc-duoc";
  // js-yaml's reasons (its error.reason) an editor can act on, in Vietnamese.
  var YAML_REASONS = [
    [/duplicated mapping key/, "một khóa được viết hai lần"],
    [/\btab\b/i, "có ký tự tab; hãy thụt lề bằng dấu cách"],
    [/end of the stream within a (?:double|single) quoted scalar|missed comma|flow collection/,
     "thiếu dấu ngoặc kép hoặc ngoặc vuông đóng"],
  ];
  var ENTRY_ROUTE = /^#\/collections\/[^/]+\/entries\/([^/?#]+)$/;

  /* What the editor is told of an article (file name `name`) fromFile could not read: Decap catches the
   * error (in English, js-yaml's "bad indentation of a mapping entry (3:5)"), logs it to the console and
   * opens the article as an empty form, which saved is written over its text. */
  function unreadableText(error, name) {
    var mark = error && error.mark;
    var where = mark && typeof mark.line === "number" ? " (lỗi ở dòng " + (mark.line + 2) + ")" : "";
    var reason = String((error && error.reason) || "");
    var why = !mark ? String((error && error.message) || error).replace(/\.\s*$/, "").replace(/^./, function (c) { return c.toLowerCase(); })
      : YAML_REASONS.filter(function (pair) { return pair[0].test(reason); }).map(function (pair) { return pair[1]; })[0] ||
        "các dòng đó không đúng cách viết “khóa: giá trị”";
    return "Không đọc được phần thông tin đầu bài của bài “" + name + "”" + where + ": " + why + ". Vì thế các ô " +
      "bên dưới để trống. Đừng lưu bài này ở đây (sẽ ghi mất nội dung cũ): hãy sửa tệp bằng trình soạn thảo " +
      "văn bản (hoặc nhờ người quản trị) rồi tải lại trang.";
  }

  /* format's fromFile with the articles it could not read remembered (text -> error), and a notice
   * (banner) while one of them is open (texts: file name -> text, kept by trackIds). */
  function watchUnreadable(win, texts, read) {
    var failed = {};
    var check = function () {
      var route = ENTRY_ROUTE.exec(win.location.hash || "");
      var slug = route ? decodeURIComponent(route[1]) : "";
      var text = slug && Object.prototype.hasOwnProperty.call(texts, slug) ? texts[slug] : null;
      var box = win.document.getElementById(UNREADABLE_ID);
      if (text !== null && Object.prototype.hasOwnProperty.call(failed, text)) {
        banner(win, UNREADABLE_ID, unreadableText(failed[text], slug + ".md"));
      } else if (box) {
        box.remove();
      }
    };
    // after banner's own hashchange listener, which removes the box
    win.addEventListener("hashchange", function () { win.setTimeout(check, 0); });
    return function (text) {
      try {
        return read(text);
      } catch (error) {
        failed[text] = error;
        win.setTimeout(check, 0);
        throw error;
      }
    };
  }
// ---- src/15-spoken.js ----
  // What a screen reader says in the editor, in Vietnamese: react-select's and dnd-kit's words are English.

  // [pattern, replacement] of the English sentences, in the order they are tried; "$1" … as in replace.
  var SPOKEN = [
    // dnd-kit (the list fields' drag handles): the instructions and what it announces.
    [/^\s*To pick up a draggable item, press the space bar\.[\s\S]*$/,
     "Để nhấc một mục lên, bấm phím cách. Khi đang kéo, dùng các phím mũi tên để di chuyển mục. Bấm phím " +
     "cách lần nữa để đặt mục vào chỗ mới, hoặc bấm Esc để thôi."],
    [/^Picked up draggable item (.*)\.$/, "Đã nhấc mục $1."],
    [/^Draggable item (.*) was moved over droppable area (.*)\.$/, "Mục $1 đang ở trên vùng $2."],
    [/^Draggable item (.*) is no longer over a droppable area\.$/, "Mục $1 không còn ở trên vùng nào."],
    [/^Draggable item (.*) was dropped over droppable area (.*)$/, "Đã đặt mục $1 vào vùng $2."],
    [/^Dragging was cancelled\. Draggable item (.*) was dropped\.$/, "Đã thôi kéo. Mục $1 trở về chỗ cũ."],
    [/^Draggable item (.*) was dropped\.$/, "Đã đặt mục $1."],
    // react-select (provinces, directives): its live region and its remove buttons.
    [/^options? (.*), selected\.$/, "Đã chọn $1."],
    [/^option (.*), deselected\.$/, "Đã bỏ $1."],
    [/^option (.*) is disabled\. Select another option\.$/, "Không chọn được $1. Hãy chọn mục khác."],
    [/^All selected options have been cleared\.$/, "Đã bỏ mọi mục đã chọn."],
    [/^value (.*) focused, (\d+) of (\d+)\.$/, "Mục đã chọn $1, thứ $2 trên $3."],
    [/^(.*), (\d+) of (\d+)\.$/, "$1, thứ $2 trên $3."],
    [/^(\d+) results? available for search term (.*)\.$/, "Có $1 lựa chọn cho “$2”."],
    [/^(\d+) results? available\.$/, "Có $1 lựa chọn."],
    [/^No options for search term (.*)\.$/, "Không có lựa chọn nào cho “$1”."],
    [/^Use Up and Down to choose options, press Enter to select the currently focused option, press Escape to exit the menu(, press Tab to select the option and exit the menu)?\.$/,
     "Dùng mũi tên lên, xuống để tìm mục, Enter để chọn mục đang đứng, Esc để đóng danh sách."],
    [/^(.*) is focused ?(?:,type to refine list)?, press Down to open the menu,\s*(press left to focus selected values)?$/,
     function (all, field, values) {
       return "Đang ở ô " + field + ": gõ để lọc, bấm mũi tên xuống để mở danh sách" +
         (values ? ", mũi tên trái để tới các mục đã chọn." : ".");
     }],
    [/^Use left and right to toggle between focused values, press Backspace to remove the currently focused value$/,
     "Dùng mũi tên trái, phải để đi qua các mục đã chọn, Backspace để bỏ mục đang đứng."],
  ];
  var SPOKEN_LABELS = [[/^Remove (.+)$/, "Bỏ $1"]];
  // A field's box is labelled by its widget's name ("ô lamtheobac-datetime", VI's widgetLabel): a screen
  // reader said a program's word; the label is taken off (the field's <label> names its input).
  var WIDGET_LABEL = /^ô [a-z][\w-]*$/;
  // The elements whose text is spoken only (react-select's live region, dnd-kit's).
  var SPOKEN_PLACES = "#aria-selection,#aria-focused,#aria-results,#aria-guidance,[id^=DndDescribedBy-],[id^=DndLiveRegion-]";

  /* text in Vietnamese by rules (SPOKEN or SPOKEN_LABELS), or as it was. */
  function spokenText(text, rules) {
    for (var i = 0; i < rules.length; i++) {
      if (rules[i][0].test(text)) {
        return text.replace(rules[i][0], rules[i][1]);
      }
    }
    return text;
  }

  /* Rewrites in place (React keeps its nodes: a text node's value, an attribute) what screen readers say. */
  function spokenInVietnamese(win) {
    var doc = win.document;
    if (typeof win.MutationObserver !== "function" || !doc.body) {
      return;
    }
    var label = function (el) {
      var old = el.getAttribute("aria-label");
      var said = old && spokenText(old, SPOKEN_LABELS);
      if (said && WIDGET_LABEL.test(said)) {  // its <label> names the field (a name twice would be read twice)
        el.removeAttribute("aria-label");
        return;
      }
      if (said && said !== old) {
        el.setAttribute("aria-label", said);
      }
    };
    var text = function (node) {
      var parent = node.parentElement;
      if (parent && typeof parent.closest === "function" && parent.closest(SPOKEN_PLACES)) {
        var said = spokenText(node.nodeValue, SPOKEN);
        if (said !== node.nodeValue) {
          node.nodeValue = said;
        }
      }
    };
    var walk = function (root) {
      if (root.nodeType === 3) {
        text(root);
        return;
      }
      if (root.nodeType !== 1) {
        return;
      }
      if (root.hasAttribute("aria-label")) {
        label(root);
      }
      Array.prototype.forEach.call(root.querySelectorAll("[aria-label]"), label);
      Array.prototype.forEach.call(root.querySelectorAll(SPOKEN_PLACES), function (place) {
        var nodes = doc.createTreeWalker(place, 4);
        while (nodes.nextNode()) {
          text(nodes.currentNode);
        }
      });
      if (typeof root.closest === "function" && root.closest(SPOKEN_PLACES)) {
        Array.prototype.forEach.call(root.childNodes, function (child) { if (child.nodeType === 3) text(child); });
      }
    };
    walk(doc.body);
    new win.MutationObserver(function (records) {
      records.forEach(function (record) {
        if (record.type === "attributes") {
          label(record.target);
        } else if (record.type === "characterData") {
          text(record.target);
        } else {
          Array.prototype.forEach.call(record.addedNodes, walk);
        }
      });
    }).observe(doc.body, { childList: true, subtree: true, characterData: true, attributes: true,
                           attributeFilter: ["aria-label"] });
  }
// ---- src/99-close.js ----
  // What the factory gives node (tests) and the page.
  return { fromFile: fromFile, toFile: toFile, remember: remember, addressOf: addressOf, refusedText: refusedText, fold: fold, addTag: addTag, cleanPasted: cleanPasted, inOffset: inOffset,
           shownDate: shownDate, shortDate: shortDate, dateline: dateline, iframeSrc: iframeSrc, markEmbeds: markEmbeds, backupKey: backupKey, notice: notice,
           wallClock: wallClock, siteNow: siteNow, dayFirst: dayFirst, fromDayFirst: fromDayFirst,
           withDefaults: withDefaults, limits: limits, presetMode: presetMode, attachmentComponent: attachmentComponent, placeDocuments: placeDocuments, safeFileName: safeFileName, misnamedDocument: misnamedDocument,
           spelledOption: spelledOption, withTyped: withTyped, unreadableText: unreadableText, toneStyled: toneStyled, spokenText: spokenText, SPOKEN: SPOKEN,
           register: register };
});
