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
   * body's toolbar, one button a line (a bar half the screen high, stuck to the top while typing), wraps.
   * At any width, a title in the list of articles (ListCardTitle, CardHeading in the grid) breaks inside a
   * word too long for its row: the card hid what did not fit (a title of one unbroken word lost its end and
   * the article's date). */
  var NARROW_CSS = "#lamtheobac-xem-truoc{display:none}" +
    "[class*=-ListCardTitle],[class*=-CardHeading]{overflow-wrap:anywhere}" +
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

