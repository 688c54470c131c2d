  // Saves Decap refuses, NFC entries, and the Vietnamese phrases Decap's locale lacks.
  function refusedSaves(win) {
    var doc = win.document;
    if (!doc || typeof win.addEventListener !== "function") {
      return;
    }
    var shown = function (messages) { banner(win, REFUSED_ID, refusedText(messages)); };
    win.addEventListener("unhandledrejection", function (event) {
      var reason = event.reason;
      if (reason && typeof reason === "object" && reason.error === PERSIST_FAILED) {
        event.preventDefault();  // Decap's notice gives the backend's reason
        return;
      }
      if (reason !== undefined) {
        return;
      }
      var lists = doc.querySelectorAll("[class*=-ControlErrorsList] li");
      var messages = Array.prototype.map.call(lists, function (li) { return li.textContent.trim(); })
        .filter(function (text) { return text; });
      if (!messages.length) {
        return;  // not the form's checks: left to the console
      }
      event.preventDefault();
      shown(messages);
      var toggle = doc.getElementById("lamtheobac-xem-truoc");
      if (toggle && doc.body.classList.contains("lamtheobac-xem-truoc")) {
        toggle.click();  // the phone's preview hid the form
      }
      win.setTimeout(function () {
        var first = doc.querySelector("[class*=-ControlErrorsList]");
        if (first && typeof first.scrollIntoView === "function") {
          first.scrollIntoView({ block: "center" });
        }
      }, 0);
    });
    // A save sent to the backend takes the notice away.
    var original = win.fetch;
    if (typeof original === "function") {
      win.fetch = function (input, init) {
        if (init && typeof init.body === "string" && init.body.indexOf('"persistEntry"') >= 0) {
          var box = doc.getElementById(REFUSED_ID);
          if (box) {
            box.remove();
          }
        }
        return original.apply(win, arguments);
      };
    }
  }

  /* Every string of an entry's data (Immutable maps and lists) in NFC. */
  function nfc(value) {
    if (typeof value === "string") return value.normalize("NFC");
    if (value && typeof value.map === "function" && typeof value.toJS === "function") return value.map(nfc);
    return value;
  }

  // Phrases Decap's "vi" locale lacks (it falls back to English), for what this site's editors see.
  var VI = {
    collection: { collectionTop: { newButton: "Thêm %{collectionLabel}", viewAsList: "Xem dạng danh sách",
                                   viewAsGrid: "Xem dạng lưới", groupBy: "Nhóm theo" },
                  groups: { other: "Khác", negateLabel: "Không %{label}" } },
    editor: {
      // Decap's "vi" asks whether to "upload" (tải lên) the backup: the question is whether to open it.
      editor: { confirmLoadBackup: "Máy này còn giữ bản sao lưu những thay đổi chưa lưu của bài này. Khôi phục " +
                                   "bản sao lưu đó (OK) hay bỏ nó và mở bài như đang lưu (Hủy)?" },
      editorControl: { field: { widgetLabel: "ô %{widgetLabel}" } },
      editorInterface: { togglePreview: "Bật/tắt xem trước", toggleScrollSync: "Cuộn cùng lúc" },
      editorToolbar: { status: "Trạng thái: %{status}" },
      editorWidgets: {
        markdown: { bold: "Đậm", italic: "Nghiêng", strikethrough: "Gạch ngang", code: "Mã",
                    link: "Liên kết", linkPrompt: "Nhập địa chỉ của liên kết", headings: "Tiêu đề",
                    quote: "Trích dẫn", bulletedList: "Danh sách gạch đầu dòng",
                    numberedList: "Danh sách đánh số", addComponent: "Chèn thành phần",
                    richText: "Soạn trực quan", markdown: "Markdown",
                    toggleMode: { rich: "Chuyển sang chế độ soạn trực quan", markdown: "Chuyển sang Markdown" } },
        image: { chooseMultiple: "Chọn các hình", addMore: "Thêm hình", removeAll: "Gỡ bỏ mọi hình" },
        file: { chooseMultiple: "Chọn các tập tin", addMore: "Thêm tập tin", removeAll: "Gỡ bỏ mọi tập tin" },
        datetime: { setToNow: "Đặt %{fieldLabel} là lúc này" },
        list: { add: "Thêm %{item}", addType: "Thêm %{item}" },
        object: { expand: "Mở ra", collapse: "Thu gọn" },
      },
    },
    mediaLibrary: { mediaLibraryCard: { copy: "Chép", copyUrl: "Chép địa chỉ", copyPath: "Chép đường dẫn",
                                        copyName: "Chép tên", copied: "Đã chép" },
                    mediaLibraryModal: { close: "Đóng" } },
    ui: { settingsDropdown: { account: "Tài khoản" } },
  };

  /* The phrases that give the upload limit: Decap's says "%{size} kB" of its bytes / 1000 ("20971 kB"),
   * a size no editor's computer shows; the limit is said as the backend says it (terms.max_upload). */
  function limits(terms) {
    if (!terms || !terms.max_upload) {
      return {};
    }
    return { mediaLibrary: { mediaLibrary: {
      fileTooLarge: "Tệp quá lớn, chưa được tải lên: mỗi tệp tối đa " + terms.max_upload + ". Hãy thu nhỏ " +
                    "ảnh (hoặc nén tệp) rồi tải lên lại." } } };
  }

  // A tone mark on the first vowel of a final "oa", "oe", "uy" (not after "q": "quý", "quả").
  var OLD_TONE_PLACE = /(?<![qQ])([oOuU])([aAeEyY])([\u0300\u0301\u0303\u0309\u0323])(?![\p{L}\p{M}])/gu;

  /* Decap's "vi" phrases in the tone style of the site's own words ("Xoá mục này" beside our "Xóa",
   * "thuỷ" beside "thủy": the style the registries' canonical names use, "Hòa Bình", "khóa XI"): the
   * mark on the first vowel of a final "oa", "oe", "uy". Every string of value, deeply, as a new object. */
  function toneStyled(value) {
    if (typeof value === "string") {
      return value.normalize("NFD").replace(OLD_TONE_PLACE, "$1$3$2").normalize("NFC");
    }
    if (value && typeof value === "object" && !Array.isArray(value)) {
      var out = {};
      Object.keys(value).forEach(function (key) { out[key] = toneStyled(value[key]); });
      return out;
    }
    return value;
  }

  /* base with the phrases of extra it lacks (and the ones extra corrects), as a new object. */
  function withDefaults(base, extra) {
    var out = {};
    Object.keys(base).forEach(function (key) { out[key] = base[key]; });
    Object.keys(extra).forEach(function (key) {
      if (typeof extra[key] === "object") {
        out[key] = withDefaults(typeof base[key] === "object" ? base[key] : {}, extra[key]);
      } else {
        out[key] = extra[key];
      }
    });
    return out;
  }

