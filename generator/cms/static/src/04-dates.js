  // Dates in the site's UTC offset: the day-first date and time widgets, the list's and preview's date lines.
  /* "2021-06-21T10:00:00+07:00" -> "2021-06-21T10:00", the value of an <input type="datetime-local"> in the
   * site's time (offset); a moment written without an offset is already in it; "" when there is none. */
  function wallClock(value, offset) {
    var text = String(value === null || value === undefined ? "" : value).trim();
    var m = MOMENT.exec(inOffset(text, offset));
    if (m) {
      return m[1] + "T" + m[2] + ":" + m[3];
    }
    var d = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2}))?/.exec(text);
    return d ? d[1] + "T" + (d[2] || "00") + ":" + (d[3] || "00") : "";
  }

  /* The site's time now as wallClock gives it (ms: Date.now() unless given). */
  function siteNow(offset, ms) {
    var t = new Date((ms === undefined ? Date.now() : ms) + offsetMinutes(offset) * 60000);
    return String(t.getUTCFullYear()).padStart(4, "0") + "-" + pad(t.getUTCMonth() + 1) + "-" + pad(t.getUTCDate()) +
      "T" + pad(t.getUTCHours()) + ":" + pad(t.getUTCMinutes());
  }

  /* "2021-06-21T10:00" (wallClock) -> "21/06/2021 10:00"; with time false, "2021-06-21" -> "21/06/2021". */
  function dayFirst(local, time) {
    var m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(String(local || ""));
    if (!m) {
      return "";
    }
    return m[3] + "/" + m[2] + "/" + m[1] + (time && m[4] ? " " + m[4] + ":" + m[5] : "");
  }

  /* What an editor typed, day first ("21/06/2021 10:00", "21/6/2021 8h05", "21-06-2021"), as wallClock's
   * "2021-06-21T10:00" ("2021-06-21" when time is false); "" for nothing typed, null for no such day or time. */
  function fromDayFirst(text, time) {
    var typed = String(text || "").trim();
    if (!typed) {
      return "";
    }
    var m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:(?:\s+|\s*[,T]\s*)(\d{1,2})\s*[:h]\s*(\d{2}))?$/i.exec(typed);
    if (!m || (!time && m[4] !== undefined)) {
      return null;
    }
    var day = Number(m[1]), month = Number(m[2]), year = Number(m[3]);
    var hours = m[4] === undefined ? 0 : Number(m[4]), minutes = m[5] === undefined ? 0 : Number(m[5]);
    var t = new Date(Date.UTC(year, month - 1, day));
    if (year < 1 || t.getUTCFullYear() !== year || t.getUTCMonth() !== month - 1 || t.getUTCDate() !== day ||
        hours > 23 || minutes > 59) {
      return null;
    }
    var date = String(year).padStart(4, "0") + "-" + pad(month) + "-" + pad(day);
    return time ? date + "T" + pad(hours) + ":" + pad(minutes) : date;
  }

  /* A text field typed and shown day first, whatever the browser's language: <input type="date"> and
   * "datetime-local" show the browser's order (an English browser showed 06/21/2021, month first, and a
   * Vietnamese editor typing 12/05 meant 12 May, not 5 December). toText(value) is what it shows, toValue(local)
   * what it stores (local: fromDayFirst's); a text that is no day is kept as typed and the form refuses it. */
  function dayFirstControl(h, createClass, options) {
    var box = { display: "flex", flexWrap: "wrap", gap: "8px", alignItems: "center" };
    var button = { border: "1px solid #cdd3e0", borderRadius: "4px", background: "#f4f6fb", padding: "4px 10px",
                   cursor: "pointer", font: "inherit" };
    return createClass({
      getInitialState: function () {
        return { text: options.toText(this.props.value), left: false };
      },
      componentDidMount: function () {
        var value = this.props.value;
        if ((value === null || value === undefined || value === "") && options.now &&
            this.props.field.get("default_now")) {
          this.props.onChange(options.toValue(options.now()));
        }
      },
      componentDidUpdate: function (before) {
        // A value set from outside (the button, a restored backup, the default): shown as it is.
        if (before.value !== this.props.value && this.props.value !== this.sent) {
          this.setState({ text: options.toText(this.props.value) });
        }
      },
      problem: function () {
        return fromDayFirst(this.state.text, options.time) === null ?
          "“" + this.state.text + "” không phải " + options.example : "";
      },
      isValid: function () {
        var problem = this.problem();
        return problem ? { error: { message: problem } } : true;
      },
      set: function (text) {
        var local = fromDayFirst(text, options.time);
        this.setState({ text: text });
        if (local !== null) {
          this.sent = local ? options.toValue(local) : "";
          this.props.onChange(this.sent);
        }
      },
      render: function () {
        var self = this;
        var setLocal = function (local) { self.set(options.toText(local ? options.toValue(local) : "")); };
        // Said as soon as the editor leaves the field ("45/13/2021": no such day), not only when saving.
        var problem = this.state.left ? this.problem() : "";
        return h("div", { className: this.props.classNameWrapper, style: box },
          h("input", { id: this.props.forID, type: "text", value: this.state.text, inputMode: "numeric",
                       placeholder: options.placeholder, autoComplete: "off",
                       // Wide enough for the placeholder ("ngày/tháng/năm giờ:phút" was cut at "giờ:p").
                       style: { font: "inherit", border: 0, background: "transparent", color: "inherit",
                                width: (options.placeholder.length + 1) + "ch", maxWidth: "100%", padding: 0 },
                       onChange: function (event) { self.set(event.target.value); },
                       "aria-invalid": problem ? "true" : undefined,
                       "aria-describedby": problem ? this.props.forID + "-sai" : undefined,
                       onFocus: this.props.setActiveStyle,
                       onBlur: function (event) {
                         self.setState({ left: true });
                         if (self.props.setInactiveStyle) self.props.setInactiveStyle(event);
                       } }),
          options.unit ? h("span", { style: { color: "#57606a" } }, options.unit) : null,
          options.now ? h("button", { type: "button", style: button, onClick: function () { setLocal(options.now()); } },
                          options.time ? "Bây giờ" : "Hôm nay") : null,
          this.props.field.get("required") === false ?
            h("button", { type: "button", style: button, onClick: function () { setLocal(""); } }, "Xóa") : null,
          problem ? h("span", { id: this.props.forID + "-sai", role: "alert",
                                style: { flexBasis: "100%", color: "#b42318", fontSize: "0.9em" } }, problem) : null);
      },
    });
  }

  /* Widget "lamtheobac-datetime": a moment typed and shown in the site's time, whatever the browser's zone
   * (Decap's datetime widget reads and writes the browser's: in Paris an article of 10:00+07:00 showed 05:00,
   * and 08:00 typed was saved as 13:00+07:00), day first. Writes "2025-05-20T08:00:00+07:00". */
  function datetimeWidget(h, createClass, offset) {
    var Control = dayFirstControl(h, createClass, {
      time: true, unit: "giờ UTC" + offset, placeholder: "ngày/tháng/năm giờ:phút",
      example: "ngày giờ dạng ngày/tháng/năm giờ:phút, ví dụ 20/05/2025 08:00",
      toText: function (value) { return dayFirst(wallClock(value, offset), true); },
      toValue: function (local) { return local + ":00" + offset; },
      now: function () { return siteNow(offset); },
    });
    var Preview = function (props) {
      return h("p", {}, shownDate(props.value, offset));
    };
    return { control: Control, preview: Preview };
  }

  /* Widget "lamtheobac-date": a day, typed and shown day first; writes "2024-05-18". */
  function dateWidget(h, createClass) {
    var Control = dayFirstControl(h, createClass, {
      time: false, placeholder: "ngày/tháng/năm", example: "ngày dạng ngày/tháng/năm, ví dụ 18/05/2024",
      toText: function (value) { return dayFirst(/^\d{4}-\d{2}-\d{2}/.test(String(value || "")) ? value : "", false); },
      toValue: function (local) { return local; },
    });
    var Preview = function (props) {
      return h("p", {}, dayFirst(props.value, false));
    };
    return { control: Control, preview: Preview };
  }

  // tied by a no-break space, as the site's pages tie them (generator/vietnamese.py TIED_WEEKDAYS)
  var WEEKDAYS = ["Chủ\u00a0Nhật", "Thứ\u00a0Hai", "Thứ\u00a0Ba", "Thứ\u00a0Tư", "Thứ\u00a0Năm", "Thứ\u00a0Sáu",
    "Thứ\u00a0Bảy"];

  /* "Thứ Hai, 19/05/2025 | 16:27" (no-break spaces but after the comma), as the site shows dates (generator/vietnamese.py shown_date). */
  function shownDate(value, offset) {
    var m = MOMENT.exec(inOffset(String(value || ""), offset)) ||
      /^(\d{4}-\d{2}-\d{2})()()/.exec(String(value || ""));
    if (!m) {
      return String(value || "");
    }
    var day = m[1].split("-").map(Number);
    var weekday = WEEKDAYS[new Date(Date.UTC(day[0], day[1] - 1, day[2])).getUTCDay()];
    var date = weekday + ", " + pad(day[2]) + "/" + pad(day[1]) + "/" + day[0];
    return m[2] ? date + "\u00a0|\u00a0" + m[2] + ":" + m[3] : date;  // the time tied to its date, as on pages
  }

  /* The blob URL of an image chosen but not saved yet (Decap's getAsset gives its future address, a 404). */
  function draftFile(entry, src) {
    var name = String(src).split("/").pop();
    var files = entry.get("mediaFiles");
    var found = files && files.find ? files.find(function (file) {
      return String(file.get("path") || "").split("/").pop() === name && file.get("url");
    }) : null;
    return found ? found.get("url") : null;
  }

  /* The date line as the article page shows it (generator/render.py dateline): "Khoảng tháng 5/2021" for an
   * estimated date, else shownDate (with the time when the article has one). */
  function dateline(value, estimated, offset) {
    var text = shownDate(value, offset);
    var m = /^\S+\s\S+, (\d{2})\/(\d{2})\/(\d{4})/.exec(text);
    return estimated && m ? "Khoảng tháng\u00a0" + Number(m[2]) + "/" + m[3] : text;
  }

