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
  // Decap's rich-text body has no tables: a pasted one came out as a paragraph a cell, silently.
  var TABLE_ID = "lamtheobac-bang-dan";
  var PASTED_TABLE = "Bảng trong phần vừa dán không giữ được dạng bảng ở chế độ soạn trực quan: mỗi ô thành " +
    "một đoạn. Hãy bấm hoàn tác (Ctrl+Z), chuyển ô nội dung sang chế độ Markdown rồi dán lại: bảng sẽ thành " +
    "bảng của bài.";
  var PICTURE_TAGS = "img,picture,svg,video,audio,object,embed,canvas,image";
  // What Decap's rich-text body keeps; other elements give their content (span, font, u, Word's o:p).
  var KEPT_TAGS = /^(?:p|br|strong|em|del|s|a|ul|ol|li|h[1-6]|blockquote|pre|code|hr|table|thead|tbody|tr|th|td)$/;
  var DROPPED_TAGS = "head,style,script,meta,link,title,template,noscript,iframe,xml";
  var BLOCK_TAGS = /^(?:p|div|ul|ol|li|h[1-6]|blockquote|pre|table|hr)$/;
  var BOLD = /^(?:bold|bolder|[6-9]00)$/;
  // A Word list item's number or letter ("1.", "a)", "iv.") rather than a bullet.
  var NUMBERED = /^[\s(]*(?:\d+|[a-z]|[ivxlcdm]+)[.)]/i;

  // Spaces of a pasted text: Word and Google Docs write no-break spaces (U+00A0) between words, at a
  // paragraph's end and alone in its empty paragraphs ("<o:p>&nbsp;</o:p>"): the saved Markdown kept
  // them, invisible, and the blank paragraphs. One plain space each (the build ties words where it must).
  var SPACES = /[ \t\r\n\u00a0\u2007\u202f]+/g;
  var TRIMMED = "p,h1,h2,h3,h4,h5,h6,li,td,th";

  /* Text nodes of el in order, outside <pre>. */
  function textsOf(el) {
    var out = [];
    var walker = el.ownerDocument.createTreeWalker(el, 4);
    while (walker.nextNode()) {
      out.push(walker.currentNode);
    }
    return out;
  }

  /* A paragraph's line breaks (<br>: a poem's lines, an address, a signature, Word's Shift+Enter; each
   * paragraph of a message from Zalo or an e-mail): Decap wrote a pasted <br> as a bare line end, which
   * Markdown joins with a space (the lines ran on as one on the site). The lines between two breaks
   * (<br><br>: a blank line, a poem's stanzas) are one run: a run of two lines or more all short
   * (SHORT_LINE characters at most: verse, an address, a signature) is kept one paragraph, its lines
   * broken where they were (a line separator, U+2028, which Decap keeps and toFile saves "\\" at the line's
   * end, as Shift+Enter is; Decap wrote a <br> given to it as a bare line end); a run with a longer line
   * (prose, a paragraph a line) is a paragraph a line. Not in a list item or a table's cell, whose line a
   * paragraph would split. */
  var SHORT_LINE = 60;
  function trimEdges(el) {
    var texts = textsOf(el);
    for (var i = 0; i < texts.length && !(texts[i].data = texts[i].data.replace(/^[\s\u00a0]+/, "")); i++) { /* next */ }
    for (var j = texts.length - 1; j >= 0 && !(texts[j].data = texts[j].data.replace(/[\s\u00a0]+$/, "")); j--) { /* next */ }
  }

  function splitAtBreaks(doc) {
    Array.prototype.forEach.call(doc.body.querySelectorAll("p"), function (p) {
      if (p.closest("li,td,th,pre") || !p.querySelector("br")) {
        return;
      }
      var lines = [];
      for (var br = p.querySelector("br"); br; br = p.querySelector("br")) {
        var range = doc.createRange();
        range.setStart(p, 0);
        range.setEndBefore(br);
        var before = doc.createElement("p");
        before.appendChild(range.extractContents());  // an inline element around the break is split in two
        p.parentNode.insertBefore(before, p);
        lines.push(before);
        br.remove();
      }
      lines.push(p);
      var run = [];
      lines.concat([null]).forEach(function (line) {
        var text = line ? line.textContent.replace(SPACES, " ").trim() : "";
        if (text) {
          run.push(line);
          return;
        }
        var verse = run.length > 1 && run.every(function (l) {
          return l.textContent.replace(SPACES, " ").trim().length <= SHORT_LINE;
        });
        if (verse) {
          run.forEach(trimEdges);
          run.slice(1).forEach(function (next) {
            run[0].appendChild(doc.createTextNode("\u2028"));
            while (next.firstChild) {
              run[0].appendChild(next.firstChild);
            }
            next.remove();
          });
        }
        run = [];
      });
    });
  }

  /* Blocks without the spaces at their start and end (Word's "mso-spacerun" indents, a space before a
   * line's end); a paragraph left with no text and no line break is taken out. */
  function trimBlocks(doc) {
    Array.prototype.slice.call(doc.body.querySelectorAll(TRIMMED)).reverse().forEach(function (block) {
      if (block.closest("pre")) {
        return;
      }
      var texts = textsOf(block);
      for (var i = 0; i < texts.length && !(texts[i].data = texts[i].data.replace(/^ +/, "")); i++) { /* next */ }
      for (var j = texts.length - 1; j >= 0 && !(texts[j].data = texts[j].data.replace(/ +$/, "")); j--) { /* next */ }
      if (/^p$|^h[1-6]$/i.test(block.tagName) && !block.textContent && !block.querySelector("br")) {
        block.remove();
      }
    });
  }

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
    var tables = doc.querySelectorAll("table").length > 0;
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
    splitAtBreaks(doc);
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
      node.data = node.data.replace(SPACES, " ");
      if (node.data === " " && /^(?:body|ul|ol|li|blockquote|table|thead|tbody|tr)$/i.test(node.parentNode.tagName)) {
        blank.push(node);
      }
    }
    blank.forEach(function (node) { node.remove(); });
    trimBlocks(doc);
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
    return { html: doc.body.textContent.trim() ? doc.body.innerHTML : "", pictures: pictures, tables: tables };
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
      if (cleaned && cleaned.tables) {
        banner(win, TABLE_ID, PASTED_TABLE);
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

