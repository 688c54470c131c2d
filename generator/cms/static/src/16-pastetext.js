  // Text pasted from Word, Google Docs or a web page into the Markdown body (the mode the body opens in).
  /* The Markdown body takes the clipboard's plain text, as Word and Google Docs write it: a line a
   * paragraph (Markdown joins lines into one paragraph: three pasted paragraphs were one on the site),
   * no-break spaces between words and alone on blank lines, bullets "·<tab>" (Word's "o", "§" below),
   * numbers "1.<tab>", a table's cells split by tabs. Made Markdown by rules: a blank line between
   * paragraphs, "- " and "1. " items one a line, a run of rows with as many cells a table (its first
   * row the head), one plain space for a no-break space or a tab, no spaces at a line's ends. Only
   * for a copy from another program (the clipboard has HTML too): text copied from a Markdown file or
   * from the body itself is pasted as it is. */
  var NBSP = /[\u00a0\u2007\u202f]/g;
  var BULLET_LINE = /^[ \t]*[\u00b7\u2022\u25aa\u25a0\u25e6\u2013\u2014o\u00a7\uf0b7\uf0a7\-*][ \t]*\t[ \t]*/;
  var NUMBER_LINE = /^[ \t]*(\d{1,3})[.)]\t[ \t]*/;

  function tableRow(cells) {
    return "| " + cells.map(function (cell) { return cell.replace(/\|/g, "\\|"); }).join(" | ") + " |";
  }

  /* The plain text of a copy from another program as Markdown (see above). */
  function pastedMarkdown(text) {
    var lines = String(text).replace(/\r\n?/g, "\n").replace(NBSP, " ").split("\n");
    var INLINE_BREAK = /[\u000b\u2028]/g;  // in an item or a cell: a space
    var blocks = [];  // [kind, [lines]]: "p", "list" or "table"
    lines.forEach(function (raw) {
      var line = raw.replace(/[ \t]+$/, "");
      var last = blocks[blocks.length - 1];
      if (!line.trim()) {
        blocks.push(["blank", []]);
      } else if (BULLET_LINE.test(line) || NUMBER_LINE.test(line)) {
        var item = NUMBER_LINE.test(line) ? line.replace(NUMBER_LINE, "$1. ") : line.replace(BULLET_LINE, "- ");
        item = item.replace(INLINE_BREAK, " ").replace(/[ \t]+/g, " ").trim();
        if (last && last[0] === "list") {
          last[1].push(item);
        } else {
          blocks.push(["list", [item]]);
        }
      } else if (/\S\t+\S/.test(line.trim())) {
        var cells = line.trim().split(/\t+/).map(function (cell) { return cell.replace(INLINE_BREAK, " ").replace(/[ \t]+/g, " ").trim(); });
        if (last && last[0] === "table" && last[1][0].length === cells.length) {
          last[1].push(cells);
        } else {
          blocks.push(["table", [cells]]);
        }
      } else {
        // A line break inside the paragraph (Word's Shift+Enter is a vertical tab in its text; U+2028): a
        // Markdown line break (the control character was saved, and the lines ran on as one on the site).
        blocks.push(["p", [line.replace(/[ \t]+/g, " ").trim().replace(/ ?[\u000b\u2028]+ ?/g, "\\\n")]]);
      }
    });
    var out = [];
    blocks.forEach(function (block) {
      if (block[0] === "blank") {
        return;
      }
      if (block[0] === "table") {
        var rows = block[1];
        if (rows.length < 2) {  // one line with tabs: words, not a table
          out.push(rows[0].join(" "));
          return;
        }
        var head = tableRow(rows[0]);
        var rule = "|" + rows[0].map(function () { return " --- "; }).join("|") + "|";
        out.push([head, rule].concat(rows.slice(1).map(tableRow)).join("\n"));
        return;
      }
      out.push(block[1].join("\n"));
    });
    return out.join("\n\n");
  }

  /* A paste into the Markdown body from another program, as pastedMarkdown makes it (see 11-paste.js for
   * the rich-text body). */
  function pastedIntoMarkdown(win) {
    var doc = win.document;
    if (!doc || typeof win.addEventListener !== "function" || typeof win.DataTransfer !== "function") {
      return;
    }
    var giving = false;
    var guard = function (event) {
      var target = event.target;
      var editor = target && typeof target.closest === "function" ? target.closest("[data-slate-editor]") : null;
      var data = event.clipboardData || event.dataTransfer;
      if (giving || !editor || !data || !editor.closest(".cms-editor-raw")) {
        return;
      }
      var types = Array.prototype.slice.call(data.types || []);
      if (types.indexOf("text/html") < 0 || types.indexOf("application/x-slate-fragment") >= 0) {
        return;  // plain text (a Markdown file, a text editor) or the body's own: as it is
      }
      var text = data.getData("text/plain") || "";
      var made = pastedMarkdown(text);
      if (made === text) {
        return;
      }
      event.preventDefault();
      event.stopImmediatePropagation();
      var clean = new win.DataTransfer();
      clean.setData("text/plain", made);
      giving = true;
      try {
        editor.dispatchEvent(new win.InputEvent("beforeinput", { inputType: "insertFromPaste", dataTransfer: clean,
                                                                 bubbles: true, cancelable: true }));
      } finally {
        giving = false;
      }
    };
    doc.addEventListener("paste", guard, true);
    doc.addEventListener("beforeinput", function (event) {
      if (event.inputType === "insertFromPaste" && (event.isTrusted || !giving)) {
        guard(event);
      }
    }, true);
  }
