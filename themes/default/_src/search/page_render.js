    // A capital with stacked marks after the first word (vietnamese.stacked_capital): more line height
    var STACKED = /\s[^]*[\u1e4c\u1e78\u1ea4\u1ea6\u1ea8\u1eaa\u1eae\u1eb0\u1eb2\u1eb4\u1ebe\u1ec0\u1ec2\u1ec4\u1ed0\u1ed2\u1ed4\u1ed6]/;

    function card(rec, id) {
      var paired = current.paired ? current.paired(id) : [];
      var li = document.createElement("li");
      var article = document.createElement("article");
      article.className = "card no-photo search-result";
      var h = document.createElement("h2");
      h.className = STACKED.test(rec.t) ? "card-title stacked" : "card-title";
      var a = document.createElement("a");
      a.href = base + rec.u;
      fill(a, pieces(rec.t, current.q, engine.byFirst, 0, paired).parts, true);
      h.appendChild(a);
      var meta = document.createElement("p");
      meta.className = "meta";
      var time = document.createElement("time");
      time.setAttribute("datetime", rec.d);
      time.textContent = rec.w;
      meta.appendChild(time);
      var named = engine.provinces(rec, id, current, provinceLabel);
      if (named.length) meta.appendChild(document.createTextNode("\u00a0· " + named.join(", ")));  // never a line opening with "·"
      var p = document.createElement("p");
      p.className = "summary snippet";
      var first = snippet(rec, null, current.q, engine.byFirst, paired);
      fill(p, first.parts);
      article.appendChild(h);
      article.appendChild(meta);
      article.appendChild(p);
      li.appendChild(article);
      return { li: li, snippet: p, paired: paired, complete: first.units >= unitCount(current.q) };
    }

    /* Records of the next results (and of the approximate ones when the exact ones are few),
       then the passages of their pages. */
    function showMore() {
      var token = seq, result = current;
      var batch = result.ids.slice(shown, shown + PAGE);
      var room = PAGE - batch.length;
      var approx = shown === 0 && room > 0 ? result.approx.slice(0, room) : [];
      shown += batch.length;
      more.hidden = shown >= result.ids.length;
      return Promise.all(batch.concat(approx).map(function (id) { return engine.record(id); })).then(function (records) {
        if (token !== seq) return;
        list.setAttribute("data-for", result.query);
        var cards = [];
        var ids = batch.concat(approx);
        records.forEach(function (rec, i) {
          var c = card(rec, ids[i]);
          (i < batch.length ? list : approxList).appendChild(c.li);
          cards.push([rec, c]);
        });
        if (approx.length) {
          approxStatus.textContent = "Có " + result.approx.length.toLocaleString("vi-VN") +
            " bài chỉ chứa một phần từ khóa" + (result.approx.length > approx.length ? "; " + approx.length + " bài đầu:" : ":");
          approxBox.hidden = false;
        }
        cards.slice(0, shown <= PAGE ? PAGES_AT_ONCE : PAGE).forEach(function (pair) {
          if (pair[1].complete) return;
          engine.text(pair[0].u).then(function (text) {
            if (token !== seq || !text) return;
            fill(pair[1].snippet, snippet(pair[0], text, result.q, engine.byFirst, pair[1].paired).parts);
          });
        });
      });
    }

    function clear() {
      list.textContent = "";
      list.removeAttribute("data-for");
      approxList.textContent = "";
      approxBox.hidden = true;
      more.hidden = true;
      shown = 0;
    }

    function offerMerged(result) {
      merged.textContent = "";
      merged.hidden = true;
      var units = engine.manifest.merged, provinces = result.q.names.filter(function (n) { return n.key.indexOf("~p:") === 0; });
      var offered = new Set();
      provinces.forEach(function (n) {
        var slug = n.key.slice(3), unit = null, key = null;
        Object.keys(units).forEach(function (k) {
          if (units[k].parts.some(function (p) { return p[0] === slug; })) { unit = units[k]; key = k; }
        });
        // one offer a unit: "Tây Ninh Long An" named it twice (two offers, the same buttons)
        if (!unit || offered.has(key) || (result.within || []).indexOf(n.key) >= 0) return;
        offered.add(key);
        var label = document.createElement("p");
        var parts = unit.parts.map(function (p) { return p[1]; });
        label.textContent = key === slug || n.merged
          ? "Từ 1/7/2025, " + unit.name + " gồm cả " + parts.filter(function (p) { return p !== unit.name; }).join(", ") + ". Lọc theo:"
          : "Từ 1/7/2025, " + parts.filter(function (p, i) { return unit.parts[i][0] === slug; })[0] + " thuộc " + unit.name + ". Lọc theo:";
        merged.appendChild(label);
        var buttons = document.createElement("p");
        buttons.className = "search-merged-choices";
        var all = unit.parts.map(function (p) { return p[0]; }).join("+");
        [[all, "Cả " + parts.length + " tỉnh"]].concat(unit.parts).forEach(function (choice) {
          var b = button(choice[1], function () {
            if (selects.province) choose(selects.province, choice[0]);
            if (filterBox) filterBox.open = true;
            // the buttons are made again: the keyboard goes on from the filter now set
            if (selects.province) selects.province.focus();
            run(true);
          });
          b.setAttribute("data-province", choice[0]);
          buttons.appendChild(b);
        });
        merged.appendChild(buttons);
        merged.hidden = false;
      });
      // a region ("Tây Nguyên", "miền Tây"): its provinces offered as one filter, within which its
      // name is held by their articles (required as words, it found only those writing it)
      regionsIn(input.value, engine.manifest).forEach(function (region) {
        var label = document.createElement("p");
        label.textContent = region.name + " gồm " + region.parts.length + " tỉnh, thành phố: " +
          region.parts.map(function (p) { return p[1]; }).join(", ") + ". Lọc theo:";
        merged.appendChild(label);
        var buttons = document.createElement("p");
        buttons.className = "search-merged-choices";
        var all = region.parts.map(function (p) { return p[0]; }).join("+");
        var b = button("Cả " + region.parts.length + " tỉnh, thành phố", function () {
          if (selects.province) choose(selects.province, all);
          if (filterBox) filterBox.open = true;
          if (selects.province) selects.province.focus();
          run(true);
        });
        b.setAttribute("data-province", all);
        b.setAttribute("data-region", region.name);
        buttons.appendChild(b);
        merged.appendChild(buttons);
        merged.hidden = false;
      });
    }

    /* The query a mistyped one was corrected to, and the way back to it as typed; or the query
       suggested for one few articles answer. */
    function showCorrected(result, query) {
      if (!corrected) return;
      corrected.textContent = "";
      corrected.hidden = !result.corrected && !result.suggested;
      if (result.suggested) {
        corrected.appendChild(document.createTextNode("Có phải bạn muốn tìm "));
        corrected.appendChild(button("«" + result.suggested.trim() + "»", function () {
          input.value = result.suggested.trim();
          asTyped = false;
          input.focus();  // the note goes: the keyboard goes on from the query
          run(true);
        }));
        corrected.appendChild(document.createTextNode("?"));
      }
      if (!result.corrected) return;
      corrected.appendChild(document.createTextNode(result.corrected.vni
        ? "Đã đọc «" + query.trim() + "» theo kiểu gõ VNI. "
        : "Không có bài nào chứa đủ các từ «" + query.trim() + "». "));
      corrected.appendChild(button("Tìm đúng như đã gõ", function () {
        asTyped = true;
        input.focus();  // the note goes: the keyboard goes on from the query
        run(true);
      }));
    }

    /* What to try when nothing is found, as fits the query: fewer words for several, no quotes
       for a phrase. */
    function tips(q) {
      var parts = q.words.concat(q.names), out = ["từ khóa khác"];
      if (parts.length > 1) out.push("ít từ hơn");
      if (parts.some(function (p) { return p.phrase; })) out.push("bỏ dấu ngoặc kép");
      return out.length > 1 ? out.slice(0, -1).join(", ") + " hoặc " + out[out.length - 1] : out[0];
    }

    /* The count (and for what query), the correction or suggestion, the 2025 unit's provinces. */
    function showAnswer(result, query, f) {
      showCorrected(result, query);
      var n = result.ids.length, text;
      if (n) {
        text = "Tìm thấy " + (result.cut ? "khoảng " : "") + n.toLocaleString("vi-VN") + " kết quả" +
          (result.corrected ? " cho «" + result.corrected.to.trim() + "»" : "") +
          (result.cut ? " (cụm từ trong ngoặc kép quá dài: chỉ phần đầu được đối chiếu đúng thứ tự)" : "");
      } else if (result.approx.length && result.apart && result.apart.length) {
        text = "Không có bài nào chứa " + result.apart.map(function (t) { return "«" + t + "»"; }).join(", ") +
          "; dưới đây là các bài chứa một phần.";
      } else if (result.approx.length) {
        text = "Không có bài nào chứa đủ các từ khóa; dưới đây là các bài chứa một phần.";
      } else if (Object.keys(f).length) {
        text = "Không tìm thấy kết quả nào. Hãy thử bỏ bớt bộ lọc (tỉnh, văn bản, năm) hoặc dùng từ khóa khác.";
      } else {
        text = "Không tìm thấy kết quả nào. Hãy thử " + tips(result.q) + ".";
      }
      if (status.textContent !== text) status.textContent = text;  // the same count is not read out again
      if (hint) hint.hidden = true;
      offerMerged(result);
      if (!n && !result.approx.length && Object.keys(f).length) offerUnfiltered(query);
    }

    /* Nothing within the filters: how many the query finds without them, and a button that
       clears them (the page only said to remove them). */
    function offerUnfiltered(query) {
      var token = seq;
      if (!corrected) return;
      engine.search(query, {}, false, false, asTyped).then(function (all) {
        if (token !== seq || !all.ids.length) return;
        corrected.appendChild(document.createTextNode("Không lọc: " + all.ids.length.toLocaleString("vi-VN") + " kết quả. "));
        var b = button("Bỏ bộ lọc", function () {
          Object.keys(selects).forEach(function (k) { if (selects[k]) selects[k].value = ""; });
          input.focus();  // the note goes: the keyboard goes on from the query
          run(true);
        });
        b.setAttribute("data-unfilter", "");
        corrected.appendChild(b);
        corrected.hidden = false;
      });
    }

