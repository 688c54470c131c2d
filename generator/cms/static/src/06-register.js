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
    pastedIntoMarkdown(win);
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

