    /* Searches now; the records are fetched once the reader pauses (or at once). restored: the
       query of a history entry gone back (or forward) to, whose address stays as it is. */
    function run(now, restored) {
      var token = ++seq;
      failed = false;
      var query = input.value;
      var f = filters();
      if (!restored) remember(now);
      clearTimeout(pauseTimer);
      var blank = function () { return !tokenize(query).length && !Object.keys(f).length; };
      if (blank()) {
        clear();
        merged.hidden = true;
        if (corrected) corrected.hidden = true;
        status.textContent = query.trim() ? "Hãy gõ từ khóa có chữ hoặc số (dấu câu không tìm được)." : "";
        if (hint) hint.hidden = false;
        return Promise.resolve();
      }
      // the last word is being typed (its completions count) only while the reader types: a query
      // sent (Enter, a link, a filter, Back) is whole ("thiếu nhi" is no "thiếu nhiều")
      var open = !now && !/[\s"\u201c\u201d\u201e\u00ab\u00bb]$/.test(query);
      var typed = asTyped;
      // a slow network (a phone's 3G: the manifest and shards take seconds): say so, rather than
      // nothing, or the last query's count beside results that are about to go; not on a fast one
      var slow = setTimeout(function () { if (token === seq) status.textContent = LOADING; }, SLOW);
      return engine.ready().then(function () {
        if (dropUnknown()) f = filters();
        return blank() ? { ids: [], approx: [], empty: true, blank: true } : engine.search(query, f, open, !now, typed);
      }).then(function (result) {
        clearTimeout(slow);
        if (token !== seq) return;
        if (result.blank) {  // only a filter of the address, and none the page can filter by
          clear();
          status.textContent = "";
          if (hint) hint.hidden = false;
          return;
        }
        if (result.empty) {
          showCorrected(result, query);
          clear();
          if (hint) hint.hidden = false;
          status.textContent = "Hãy gõ từ khóa có chữ hoặc số (dấu câu không tìm được).";
          return;
        }
        if (!now && result.begun) {
          // Only a word begun ("t", "th", "Đ"): nothing to tell yet (no "no result" flash, nor the
          // count of the articles holding "t" before that of "thi"); Enter searches it as it is.
          clear();
          merged.hidden = true;
          if (corrected) corrected.hidden = true;
          status.textContent = "";
          if (hint) hint.hidden = false;
          return;
        }
        // an initialism read at the pause ("tư tưởng HCM"): no "no full result" before it
        if (now || !result.deferred) showAnswer(result, query, f);
        var wait = now ? 0 : Math.max(0, lastKey + PAUSE - Date.now());
        return new Promise(function (resolve) {
          pauseTimer = setTimeout(function () {
            if (token !== seq) return resolve();
            if (!now) remember(true);  // the reader paused on it: a query of its own in the history
            // The reader paused: the whole query now (its pairs order the results), then the records.
            resolve((now ? Promise.resolve(result) : engine.search(query, f, open, false, typed)).then(function (full) {
              if (token !== seq) return;
              full.query = query;
              current = full;
              if (full !== result) showAnswer(full, query, f);  // corrected, or offering a spelling, only now
              clear();
              return showMore();
            }));
          }, wait);
        });
      }).catch(function (err) {
        clearTimeout(slow);
        if (token !== seq) return;
        failed = true;
        status.textContent = LOAD_FAILED;
        if (root.console) root.console.error(err);
      });
    }
    // a file the search needed did not load (the network dropped): Enter tries again (the engine
    // keeps no failed load), and so does the page once the browser is back online
    var failed = false, LOAD_FAILED = "Không tải được dữ liệu tìm kiếm (mất kết nối?). Nhấn Tìm để thử lại.";
    var LOADING = "Đang tải dữ liệu tìm kiếm…", SLOW = 400;  // ms before the page says it is loading
    root.addEventListener("online", function () {
      if (failed) run(true, true);
    });

    function later() {
      lastKey = Date.now();
      asTyped = false;  // a new query: corrected again if need be
      seq++;  // what the last query was about to fetch or show is not wanted any more
      clearTimeout(pauseTimer);
      clearTimeout(timer);
      timer = setTimeout(function () { run(false); }, SEARCH_DELAY);
    }

    input.addEventListener("input", later);
    // A phone's keyboard leaves a short window (375 x 300 CSS px): the search box is brought to its
    // top while the reader types in it, so the first results show under it (they stood 190 px below
    // the window, the box at its bottom edge). The window's height as the keyboard leaves it: the
    // visual viewport, which shrinks after the focus.
    var view = root.visualViewport;
    function lift() {
      if (document.activeElement === input && (view ? view.height : root.innerHeight) < 480) {
        input.scrollIntoView({ block: "start" });
      }
    }
    input.addEventListener("focus", lift);
    if (view) view.addEventListener("resize", lift);
    root.addEventListener("popstate", function () {
      // Back or Forward to another search: its query, filters and results; the keyboard goes on
      // from the search box when what it was on (a result, "Xem thêm") is gone.
      fromAddress();
      if (filterBox && Object.keys(filters()).length) filterBox.open = true;
      asTyped = false;
      settled = true;
      clearTimeout(timer);
      run(true, true);
      var at = document.activeElement;
      if (!at || at === document.body || !form.contains(at)) input.focus({ preventScroll: true });
    });
    Object.keys(selects).forEach(function (k) { if (selects[k]) selects[k].addEventListener("change", function () { run(true); }); });
    form.addEventListener("submit", function (event) { event.preventDefault(); clearTimeout(timer); run(true); });
    more.addEventListener("click", function () {
      // the keyboard goes on from the first result added (the button may go with the last ones)
      var from = list.children.length, token = seq;
      showMore().then(function () {
        var link = token === seq && list.children[from] && list.children[from].querySelector("a");
        if (link) link.focus();
      });
    });
    engine.ready().catch(function () {
      failed = true;
      status.textContent = LOAD_FAILED;
    });
    run(true);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
