  // Tone-style-insensitive folding of names, and widget "lamtheobac-tags".
  // Tone-mark placement ignored ("hoà" = "hòa"), like term_key in generator/vietnamese.py.
  var TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;
  // Invisible characters text pasted from web pages and Word carries (vietnamese.INVISIBLE): a tag
  // "nêu gương" + U+200B looked like the existing one but was written as another.
  var INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

  function fold(text) {
    return String(text).replace(INVISIBLE, "").normalize("NFD").toLowerCase().replace(/\s+/g, " ").trim()
      .split(/([\s\-\u2010-\u2015,.;:/]+)/).map(function (part) {
        var tones = part.match(TONES) || [];
        return part.replace(TONES, "") + tones.join("");
      }).join("").normalize("NFC");
  }

  function tidyTag(text) {
    return String(text).replace(INVISIBLE, "").normalize("NFC").replace(/\s+/g, " ").replace(/^[\s,]+|[\s,]+$/g, "");
  }

  function addTag(items, text, suggestions) {
    var tag = tidyTag(text);
    if (!tag) {
      return items;
    }
    var known = (suggestions || []).filter(function (s) { return fold(s) === fold(tag); })[0] || tag;
    if (items.some(function (item) { return fold(item) === fold(known); })) {
      return items;
    }
    return items.concat([known]);
  }

  function tagsWidget(h, createClass) {
    var serial = 0;
    function listOf(value) {
      if (value === null || value === undefined || value === "") {
        return [];
      }
      if (typeof value === "string") {
        return [value];
      }
      if (typeof value.toJS === "function") {
        value = value.toJS();
      }
      return Array.isArray(value) ? value.map(String) : [];
    }
    var chip = { display: "inline-flex", alignItems: "center", gap: "4px", padding: "2px 4px 2px 10px",
                 borderRadius: "12px", background: "#e8eefc", color: "#1f2a44", lineHeight: "22px" };
    var remove = { border: 0, background: "transparent", cursor: "pointer", fontSize: "16px", lineHeight: "20px",
                   padding: "0 4px", color: "#1f2a44" };
    var input = { flex: "1 1 14em", minWidth: "10em", border: 0, outline: 0, font: "inherit",
                  padding: "4px 0", background: "transparent", color: "inherit" };
    var Control = createClass({
      getInitialState: function () {
        serial += 1;
        return { text: "", listId: "lamtheobac-tags-" + serial };
      },
      suggestions: function () {
        var s = this.props.field.get("suggestions");
        return listOf(s);
      },
      emit: function (items) {
        // An Immutable List like the ones Decap keeps: made from the field's own (it has none to import).
        var base = this.props.field.get("suggestions");
        this.props.onChange(base && typeof base.clear === "function" ? base.clear().concat(items) : items);
      },
      add: function (text) {
        var items = listOf(this.props.value);
        var next = addTag(items, text, this.suggestions());
        if (next.length !== items.length) {
          this.emit(next);
        }
        this.setState({ text: "" });
      },
      removeAt: function (index) {
        var items = listOf(this.props.value);
        items.splice(index, 1);
        this.emit(items);
      },
      onChange: function (event) {
        var text = event.target.value;
        var picked = event.nativeEvent && event.nativeEvent.inputType === "insertReplacementText";
        if (text.indexOf(",") >= 0) {
          var self = this;
          var items = listOf(this.props.value);
          var parts = text.split(",");
          parts.slice(0, -1).forEach(function (part) { items = addTag(items, part, self.suggestions()); });
          this.emit(items);
          this.setState({ text: parts[parts.length - 1] });
        } else if (picked) {  // chosen from the suggestion list
          this.add(text);
        } else {
          this.setState({ text: text });
        }
      },
      onKeyDown: function (event) {
        if (event.key === "Enter") {
          event.preventDefault();
          this.add(this.state.text);
        } else if (event.key === "Backspace" && !this.state.text) {
          var items = listOf(this.props.value);
          if (items.length) {
            this.removeAt(items.length - 1);
          }
        }
      },
      onBlur: function () {
        if (tidyTag(this.state.text)) {
          this.add(this.state.text);
        }
        this.props.setInactiveStyle();
      },
      render: function () {
        var self = this;
        var items = listOf(this.props.value);
        var chosen = items.map(fold);
        return h("div", { className: this.props.classNameWrapper,
                          style: { display: "flex", flexWrap: "wrap", gap: "6px", alignItems: "center" } },
          items.map(function (tag, index) {
            return h("span", { key: fold(tag), className: "lamtheobac-tag", style: chip }, tag,
              h("button", { type: "button", style: remove, title: "Bỏ chủ đề “" + tag + "”",
                            "aria-label": "Bỏ chủ đề “" + tag + "”",
                            onClick: function () { self.removeAt(index); } }, "×"));
          }),
          h("input", { id: this.props.forID, type: "text", list: this.state.listId, value: this.state.text,
                       autoComplete: "off", placeholder: "Gõ chủ đề rồi nhấn Enter", style: input,
                       onChange: this.onChange, onKeyDown: this.onKeyDown, onBlur: this.onBlur,
                       onFocus: this.props.setActiveStyle }),
          h("datalist", { id: this.state.listId }, this.suggestions().filter(function (s) {
            return chosen.indexOf(fold(s)) < 0;
          }).map(function (s) { return h("option", { key: s, value: s }); })));
      },
    });
    var Preview = function (props) {
      return h("p", {}, listOf(props.value).join(", "));
    };
    return { control: Control, preview: Preview };
  }

