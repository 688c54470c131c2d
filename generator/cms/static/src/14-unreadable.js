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

  // A line that starts a top-level key of the front matter ("title:", "\"title\":"), as keep.py _TOP_KEY.
  var TOP_KEY = /^(?:"([^"]+)"|'([^']+)'|([^\s#:\-'"][^:]*?))\s*:(?:\s|$)/;

  /* An article whose front matter does not read as a whole, read key by key: each top-level key with its
   * lines (indented ones, "- " items, comments) read alone; a key that does not read, a key written a
   * second time and lines before the first key are left out. {data: what read() makes of the article
   * without them (its body as written), dropped: [{line: the file's line, text, why}]}, or null when
   * nothing is left out or the rest does not read either (the front matter has no closing "---"). */
  function salvaged(text, read) {
    var parts;
    try {
      parts = split(text);
    } catch (error) {
      return null;
    }
    if (parts.front === null) {
      return null;
    }
    var lines = parts.front.replace(/\n$/, "").split("\n");
    var blocks = [];  // [first line's index, key or null, lines]
    lines.forEach(function (line, index) {
      var key = TOP_KEY.exec(line);
      if (key) {
        blocks.push([index, key[1] || key[2] || key[3].trim(), [line]]);
      } else if (blocks.length && blocks[blocks.length - 1][1] !== null) {
        blocks[blocks.length - 1][2].push(line);
      } else if (line.trim() && !/^\s*#/.test(line)) {
        blocks.push([index, null, [line]]);
      }
    });
    var kept = [];
    var seen = {};
    var dropped = [];
    blocks.forEach(function (block) {
      var why = "";
      if (block[1] === null) {
        why = "dòng này không thuộc khóa nào (thụt lề thừa hoặc thiếu “khóa:”)";
      } else if (Object.prototype.hasOwnProperty.call(seen, block[1])) {
        why = "khóa “" + block[1] + "” được viết lần thứ hai";
      } else {
        try {
          var value = yaml().load(block[2].join("\n"), { schema: yamlSchema() });
          if (!value || typeof value !== "object" || Array.isArray(value)) {
            why = "không đúng cách viết “khóa: giá trị”";
          }
        } catch (error) {
          why = YAML_REASONS.filter(function (pair) { return pair[0].test(String(error.reason || "")); })
            .map(function (pair) { return pair[1]; })[0] || "không đúng cách viết “khóa: giá trị”";
        }
      }
      if (why) {
        dropped.push({ line: block[0] + 2, text: block[2].join("\n"), why: why });
      } else {
        seen[block[1]] = true;
        kept.push(block[2].join("\n"));
      }
    });
    if (!dropped.length) {
      return null;
    }
    try {
      return { data: read("---\n" + kept.join("\n") + (kept.length ? "\n" : "") + "---\n\n" + parts.body), dropped: dropped };
    } catch (error) {
      return null;
    }
  }

  /* What the editor is told of an article read by salvaged (file name `name`). */
  function salvagedText(dropped, name) {
    var lines = dropped.map(function (d) {
      var shown = d.text.split("\n")[0].trim();
      shown = shown.length > 60 ? shown.slice(0, 59) + "…" : shown;
      return "dòng " + d.line + " “" + shown + "”: " + d.why;
    });
    return "Phần thông tin đầu bài của bài “" + name + "” có chỗ viết sai nên trình biên tập bỏ qua: " +
      lines.join("; ") + ". Các ô khác và toàn bộ nội dung bài vẫn được giữ nguyên. Hãy điền lại ô bị bỏ qua " +
      "(nếu cần) ngay tại đây rồi lưu: khi lưu, phần thông tin đầu bài được viết lại cho đúng.";
  }

  /* format's fromFile with the articles it could not read remembered (text -> notice), and a notice
   * (banner) while one of them is open (texts: file name -> text, kept by trackIds). An article read
   * key by key (salvaged) opens with what could be read; one that cannot be is an empty form (Decap's). */
  function watchUnreadable(win, texts, read) {
    var failed = {};
    var check = function () {
      var route = ENTRY_ROUTE.exec(win.location.hash || "");
      var slug = route ? decodeURIComponent(route[1]) : "";
      var text = slug && Object.prototype.hasOwnProperty.call(texts, slug) ? texts[slug] : null;
      var box = win.document.getElementById(UNREADABLE_ID);
      if (text !== null && Object.prototype.hasOwnProperty.call(failed, text)) {
        banner(win, UNREADABLE_ID, failed[text](slug + ".md"));
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
        var saved = salvaged(text, read);
        failed[text] = saved ? function (name) { return salvagedText(saved.dropped, name); }
          : function (name) { return unreadableText(error, name); };
        win.setTimeout(check, 0);
        if (saved) {
          return saved.data;
        }
        throw error;
      }
    };
  }
