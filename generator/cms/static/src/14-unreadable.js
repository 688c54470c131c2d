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
