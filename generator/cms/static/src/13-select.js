  // Decap's select (provinces, directives) finding an option by every spelling the build reads.

  /* The registry name (an option's value) the typed text spells, read as a hand-written article is
   * (canonical: a listed spelling, or a directive's forms, generator/spellings.py name_forms), or "" when
   * it spells none or the name itself. kind: the field ("province", "directives"). */
  function spelledOption(aliases, kind, typed) {
    var text = String(typed || "").normalize("NFC").trim();
    if (!text || !aliases || !aliases[kind]) {
      return "";
    }
    var name = canonical(aliases[kind], text, kind === "directives" ? aliases.directive_forms : null);
    if (name === text) {  // typed without accents, as the select's own matching allows ("sai gon")
      name = unaccented(aliases[kind])[formKey(text)] || text;
    }
    return name !== text ? name : "";
  }

  var UNACCENTED = typeof WeakMap === "function" ? new WeakMap() : null;
  /* A table of spellings keyed by their words without accents (formKey), a key two names share left out. */
  function unaccented(table) {
    return keyedTable(UNACCENTED, table, formKey, true);
  }

  /* The field's options with the one named `value` labelled also by what was typed (as plain objects,
   * which Decap's select takes as they are). */
  function withTyped(options, value, typed) {
    return options.map(function (option) {
      var plain = typeof option === "string" ? { label: option, value: option }
        : option && typeof option.toJS === "function" ? option.toJS() : option;
      if (!plain || plain.value !== value) {
        return option;
      }
      return { label: plain.label + " · " + String(typed).trim(), value: plain.value };
    });
  }

  /* The values of a select (a hand-written article's "province: [Xứ Lạ]", a name the registry no longer has)
   * that are none of its options: Decap showed no chip for them, kept them, and the save was refused for a
   * name the editor could neither see nor take out. */
  function unlisted(field, value) {
    var values = value && typeof value.toJS === "function" ? value.toJS() : value;
    values = Array.isArray(values) ? values : values === null || values === undefined || values === "" ? [] : [values];
    var known = {};
    optionList(field.get("options")).forEach(function (option) {
      known[typeof option === "string" ? option : option && option.value] = true;
    });
    return values.map(String).filter(function (v) { return !Object.prototype.hasOwnProperty.call(known, v); });
  }

  function optionList(options) {
    options = options && typeof options.toJS === "function" ? options.toJS() : options;
    return Array.isArray(options) ? options : [];
  }

  /* Decap's select finds an option whose label holds what is typed (accents and case aside): "Chỉ thị 5"
   * (for Chỉ thị 05), "5-CT", "Nghị quyết Trung ương 4 khóa XI", "Sài Gòn" or "Kontum" found nothing
   * ("Không có lựa chọn"), though the build reads an article written so. While an editor types, the
   * option the text spells (spelledOption) is labelled also by it, so the select finds it; the chosen
   * option's chip keeps its own label (the typed text is forgotten once chosen or left). */
  function spelledSelect(h, createClass, Select, aliases) {
    return createClass({
      getInitialState: function () { return { typed: "" }; },
      isValid: function () {
        var unknown = unlisted(this.props.field, this.props.value);
        if (unknown.length) {
          return { error: { message: unknown.map(function (v) { return "“" + v + "”"; }).join(", ") + " không có trong " +
            "danh mục: hãy bỏ đi (nút × trên tên đó) và chọn lại tên đúng trong danh sách" } };
        }
        return this.inner && typeof this.inner.isValid === "function" ? this.inner.isValid() : { error: false };
      },
      typing: function (event) {
        var input = event.target;
        if (input && input.tagName === "INPUT" && input.value !== this.state.typed) {
          this.setState({ typed: input.value });
        }
      },
      forget: function () {
        if (this.state.typed) {
          this.setState({ typed: "" });
        }
      },
      render: function () {
        var self = this;
        var props = this.props;
        var field = props.field;
        var named = field && typeof field.get === "function"
          ? spelledOption(aliases, field.get("name"), this.state.typed) : "";
        var shown = named ? field.set("options", withTyped(field.get("options"), named, this.state.typed)) : field;
        var unknown = field && typeof field.get === "function" ? unlisted(field, props.value) : [];
        if (unknown.length) {  // shown as chips, so that they can be seen and taken out
          shown = shown.set("options", optionList(shown.get("options")).concat(unknown.map(function (v) {
            return { label: v + " (không có trong danh mục)", value: v };
          })));
        }
        var inner = {};
        Object.keys(props).forEach(function (key) { inner[key] = props[key]; });
        inner.field = shown;
        inner.ref = function (control) { self.inner = control; };
        inner.onChange = function (value) {
          self.forget();
          props.onChange(value);
        };
        return h("div", { onInput: this.typing, onBlur: this.forget }, h(Select, inner));
      },
    });
  }
