  // ---- The page ----

  if (typeof document === "undefined") return;

  var PAGE = 10, SEARCH_DELAY = 60, PAUSE = 200, PAGES_AT_ONCE = 5;

  /* The parts ([text, matched]) of a title or snippet, matched ones marked. whole: a number joined
     by hyphens ("05-CT/TW", "2016-2026") stays on one line, in a span.nw as the theme's `whole`
     filter writes it (a mark inside it cut at its edges). */
  function fill(element, parts, whole) {
    element.textContent = "";
    var spans = whole ? wholeSpans(parts.map(function (p) { return p[0]; }).join("")) : [];
    var at = 0, k = 0, box = null;
    parts.forEach(function (p) {
      for (var from = 0; from < p[0].length;) {
        while (k < spans.length && spans[k][1] <= at + from) { k += 1; box = null; }
        var span = spans[k], inside = span && span[0] <= at + from;
        var to = !span ? p[0].length : Math.min(p[0].length, (inside ? span[1] : span[0]) - at);
        var piece = p[0].slice(from, to), into = element;
        if (inside) {
          if (!box) { box = document.createElement("span"); box.className = "nw"; element.appendChild(box); }
          into = box;
        }
        if (p[1]) {
          var mark = document.createElement("mark");
          mark.textContent = piece;
          into.appendChild(mark);
        } else {
          into.appendChild(document.createTextNode(piece));
        }
        from = to;
      }
      at += p[0].length;
    });
  }

  function start() {
    var form = document.getElementById("search-form");
    if (!form) return;
    var input = document.getElementById("q");
    var selects = { province: document.getElementById("tinh"), directive: document.getElementById("van-ban"),
                    year: document.getElementById("nam") };
    var params = { province: "tinh", directive: "van-ban", year: "nam" };
    var filterBox = document.getElementById("search-filters");
    var status = document.getElementById("search-status");
    var list = document.getElementById("search-results");
    var approxBox = document.getElementById("search-approx");
    var approxList = document.getElementById("search-approx-results");
    var approxStatus = document.getElementById("search-approx-status");
    var more = document.getElementById("search-more");
    var hint = document.getElementById("search-hint");
    var merged = document.getElementById("search-merged");
    var corrected = document.getElementById("search-corrected");
    var base = form.getAttribute("data-base");
    var dataUrl = new URL(form.getAttribute("data-index"), location.href);
    var get = function (url) {
      return fetch(url).then(function (r) {
        if (!r.ok) throw new Error(r.status + " " + url);
        return r;
      });
    };
    var engine = new Engine(function (path) {
      return get(new URL(path, dataUrl)).then(function (r) { return r.arrayBuffer(); });
    }, function (url) {
      return get(new URL(base + url, location.href)).then(function (r) { return r.text(); });
    });
    var seq = 0, timer = 0, pauseTimer = 0, current = null, shown = 0, lastKey = 0, asTyped = false;

    // Whether the history entry shown holds a query the reader settled on (Enter, a pause, a filter,
    // the page as loaded): the next query typed then gets an entry of its own, so that Back returns
    // to this one; while it is typed, its entry follows each key. Not yet: the page's first search
    // writes its address over the one loaded.
    var settled = false;

    form.classList.add("search-ready");
    fromAddress();
    if (filterBox) {
      var wide = root.matchMedia && root.matchMedia("(min-width: 48em)").matches;
      filterBox.open = wide || Object.keys(filters()).length > 0;
    }

    /* A button of the page doing onClick. */
    function button(label, onClick) {
      var b = document.createElement("button");
      b.type = "button";
      b.textContent = label;
      b.addEventListener("click", onClick);
      return b;
    }

    /* Selects value in a select, adding it as an option first when it is a group of provinces. */
    function choose(select, value) {
      if (!Array.prototype.some.call(select.options, function (o) { return o.value === value; })) {
        var option = document.createElement("option");
        option.value = value;
        option.setAttribute("data-added", "");
        option.textContent = value.split("+").map(function (slug) {
          var o = Array.prototype.find.call(select.options, function (x) { return x.value === slug; });
          return o ? o.textContent : slug;
        }).join(" + ");
        select.appendChild(option);
      }
      select.value = value;
    }

    /* Whether a filter's value (of the address, or a merger offer's button) is one the page
       filters by: an option the page was built with, or, for the province, provinces each one of
       those or one of the registry's (the offers of a 2025 unit or a region name them; the select
       lists only the provinces with articles). A slug no province has, or hostile text, is none. */
    function known(k, value) {
      var listed = function (v) {
        return Array.prototype.some.call(selects[k].options, function (o) { return o.value === v && !o.hasAttribute("data-added"); });
      };
      if (listed(value)) return true;
      if (k !== "province") return false;
      var provinces = new Set(((engine.manifest && engine.manifest.names) || []).filter(function (n) {
        return n[1].indexOf("~p:") === 0;
      }).map(function (n) { return n[1].slice(3); }));
      return value.split("+").every(function (slug) { return listed(slug) || provinces.has(slug); });
    }

    /* The filters of the address the page can't filter by, dropped from the selects and from the
       address (once the manifest is here): "?tinh=bogus" stayed in the select and the link. */
    function dropUnknown() {
      var dropped = false;
      Object.keys(selects).forEach(function (k) {
        var select = selects[k];
        if (!select || !select.value || known(k, select.value)) return;
        Array.prototype.slice.call(select.options).forEach(function (o) {
          if (o.value === select.value && o.hasAttribute("data-added")) select.removeChild(o);
        });
        select.value = "";
        dropped = true;
      });
      if (!dropped) return false;
      var next = new URL(location.href);
      Object.keys(params).forEach(function (k) {
        if (next.searchParams.has(params[k]) && !(selects[k] && selects[k].value)) next.searchParams.delete(params[k]);
      });
      history.replaceState(history.state, "", next.toString());
      return true;
    }

    /* A province's name by its slug, as the filter lists it (null: none). */
    function provinceLabel(slug) {
      var found = selects.province && Array.prototype.filter.call(selects.province.options, function (o) {
        return o.value === slug && !o.hasAttribute("data-added");
      })[0];
      return found ? found.textContent.trim() : null;
    }

    function filters() {
      var f = {};
      Object.keys(selects).forEach(function (k) { if (selects[k] && selects[k].value) f[k] = selects[k].value; });
      return f;
    }

    /* The query and filters of the address shown (loaded, or gone back to). */
    function fromAddress() {
      input.value = urlParam(location.search, "q") || "";
      Object.keys(selects).forEach(function (k) {
        var value = urlParam(location.search, params[k]);
        if (!selects[k]) return;
        if (value) choose(selects[k], value);
        else selects[k].value = "";
      });
    }

    /* The address of the query and filters; settle: the reader settled on them. A new query after a
       settled one is a new history entry (not one per key); a blank page's entry is replaced. */
    function remember(settle) {
      var next = new URL(location.href);
      next.search = "";
      if (input.value.trim()) next.searchParams.set("q", input.value.trim());
      var f = filters();
      Object.keys(f).forEach(function (k) { next.searchParams.set(params[k], f[k]); });
      var changed = next.toString() !== location.href;
      var blank = !(urlParam(location.search, "q") || "").trim() &&
        Object.keys(params).every(function (k) { return !urlParam(location.search, params[k]); });
      if (changed && settled && !blank) history.pushState(null, "", next.toString());
      else if (changed) history.replaceState(null, "", next.toString());
      if (settle) settled = true;
      else if (changed) settled = false;
    }

