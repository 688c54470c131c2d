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
        var scheduled = startsAt(get("date"), offset) > Date.now();
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
                // Dated still to come: not on the site until then (the list says "hẹn đăng" too).
                scheduled ? h("span", { className: "badge" }, "Hẹn đăng") : null,
                scheduled ? " " : null,
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

