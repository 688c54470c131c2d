  // Documents attached to an article: the body's component, their folder, their first bytes checked.
  /* "Văn bản đính kèm" in the body's "+" menu (rich-text mode, local backend): a document (PDF, Word,
   * Excel …) uploaded with the article and linked on a line of its own, "[Tải toàn văn](/files/chi-thi.pdf)".
   * Without it an editor could not offer a document: the media library takes photos only. Decap sends the
   * file with a photo's path (it ignores a component field's media_folder, decap-cms #6595): the backend
   * stores a document in the attachments folder, checked as the build checks it, and the link here says
   * files.url ("/files/…") instead of files.images ("/images/…"). */
  function attachmentComponent(files) {
    var escapeText = function (text) { return String(text).replace(/[\\\[\]]/g, "\\$&").replace(/\s+/g, " ").trim(); };
    var html = function (text) {
      return String(text).replace(/[&<>"]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]; });
    };
    var folder = function (url) { return url.replace(/\/?$/, "/"); };
    var quoted = function (text) { return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); };
    var url = folder(files.url);
    var images = folder(files.images);
    var kinds = files.kinds || [];
    // A paragraph that is only a link into the folder (other links stay text): [text](/files/name.pdf).
    var pattern = new RegExp("^\\[((?:[^\\]\\\\\\n]|\\\\.)*)\\]\\((" + quoted(url) + "[^\\s()]+)\\)$");
    var nameOf = function (path) { return String(path || "").split("/").pop(); };
    // "/images/ke-hoach.pdf" (where Decap thinks the upload is) -> "/files/ke-hoach.pdf" (where it is).
    var linked = function (path) {
      var name = nameOf(path);
      var dot = name.lastIndexOf(".");
      var isDocument = dot > 0 && kinds.indexOf(name.slice(dot).toLowerCase()) >= 0;
      return isDocument && path.indexOf(images) === 0 ? url + path.slice(images.length) : path;
    };
    return {
      id: "lamtheobac-van-ban",
      label: "Văn bản đính kèm",
      fields: [
        { name: "file", label: "Tệp văn bản (PDF, Word, Excel, PowerPoint …)", widget: "file", required: true,
          choose_url: false, media_library: { config: { max_file_size: files.max_bytes } },
          hint: "Tệp được lưu vào thư mục văn bản đính kèm khi lưu bài và đăng nguyên dạng cho bạn đọc tải về." },
        { name: "text", label: "Chữ của liên kết", widget: "string", required: false,
          hint: "Ví dụ: Tải toàn văn Chỉ thị 05-CT/TW. Bỏ trống thì dùng tên tệp." },
      ],
      pattern: pattern,
      fromBlock: function (match) {
        return { text: match[1].replace(/\\(.)/g, "$1"), file: match[2] };
      },
      toBlock: function (data) {
        var file = linked(String(data.file || ""));
        return file ? "[" + escapeText(data.text || nameOf(file)) + "](" + file + ")" : "";
      },
      toPreview: function (data) {
        var file = linked(String(data.file || ""));
        return file ? '<p><a href="' + html(file) + '">' + html(data.text || nameOf(file)) + "</a></p>" : "";
      },
    };
  }

  /* Documents picked in "Văn bản đính kèm" are stored in the attachments folder whatever the backend.
   * Decap sends a component's upload with a photo's path (decap-cms #6595): the local backend moves it
   * itself (media.py Media._placed), but the git backends of the published admin/ (git-gateway on
   * Netlify) committed it among the photos, at /images/, where the component's link (/files/) found
   * nothing. Each backend made by Decap gets the document's path in the attachments folder in
   * persistEntry and persistMedia, and its getMedia of the photos' folder lists the attachments
   * folder's documents too (an uploaded document was in no list). files: terms.files. */
  var BACKENDS = ["git-gateway", "github", "gitlab", "gitea", "forgejo", "bitbucket", "azure",
                  "aws-cognito-github-proxy", "test-repo"];
  function placeDocuments(CMS, files) {
    var trimmed = function (path) { return String(path || "").replace(/^\/+|\/+$/g, ""); };
    var media = trimmed(files.media);
    var folder = trimmed(files.folder);
    var kinds = files.kinds || [];
    var made = { backend: null };  // the backend Decap made last (rawAttachments uploads through it)
    if (!media || !folder || typeof CMS.getBackend !== "function") {
      return made;
    }
    var isDocument = function (path) {
      var name = String(path || "").split("/").pop();
      var dot = name.lastIndexOf(".");
      return dot > 0 && kinds.indexOf(name.slice(dot).toLowerCase()) >= 0;
    };
    // "content/images/ke-hoach.pdf" -> "content/files/ke-hoach.pdf"; other paths: null.
    var placed = function (path) {
      var clean = trimmed(path);
      return clean.indexOf(media + "/") === 0 && isDocument(clean) ? folder + "/" + clean.slice(media.length + 1) : null;
    };
    // The asset with its new path: same class (toBase64 …), same own fields (a backend may copy them).
    var moved = function (asset) {
      var path = asset && placed(asset.path);
      return path ? Object.assign(Object.create(Object.getPrototypeOf(asset)), asset, { path: path }) : asset;
    };
    // A git backend commits what it is given: a document that is not what its name says (a program
    // renamed .pdf) is refused here with the build's words, as the local backend refuses it.
    var checked = function (asset) {
      return asset && isDocument(asset.path) ? misnamedDocument(asset.fileObj, asset.path, files.checks).then(
        function (wrong) { return wrong ? Promise.reject(new Error(wrong)) : asset; }) : Promise.resolve(asset);
    };
    var placing = function (backend) {
      made.backend = backend || made.backend;
      if (!backend || backend.lamtheobacPlaced) {
        return backend;
      }
      backend.lamtheobacPlaced = true;
      ["persistEntry", "persistMedia", "getMedia"].forEach(function (name) {
        var own = backend[name];
        if (typeof own !== "function") {
          return;
        }
        backend[name] = function (first) {
          var rest = Array.prototype.slice.call(arguments, 1);
          if (name === "persistEntry" && first && Array.isArray(first.assets)) {
            var entry = first;
            return Promise.all(first.assets.map(function (asset) { return checked(moved(asset)); }))
              .then(function (assets) { return own.apply(backend, [Object.assign({}, entry, { assets: assets })].concat(rest)); });
          } else if (name === "persistMedia") {
            return checked(moved(first)).then(function (asset) { return own.apply(backend, [asset].concat(rest)); });
          }
          var answer = own.apply(backend, [first].concat(rest));
          if (name !== "getMedia" || trimmed(first === undefined ? backend.mediaFolder || media : first) !== media) {
            return answer;
          }
          return Promise.resolve(answer).then(function (photos) {
            return Promise.resolve(own.call(backend, folder)).then(function (documents) {
              return (photos || []).concat((documents || []).filter(function (file) { return isDocument(file && file.path); }));
            }, function () { return photos; });  // no attachments folder yet
          });
        };
      });
      return backend;
    };
    BACKENDS.forEach(function (name) {
      var entry = CMS.getBackend(name);  // Decap's own record: init(config, options) makes the backend
      if (!entry || typeof entry.init !== "function" || entry.lamtheobacPlaced) {
        return;
      }
      var init = entry.init;
      entry.lamtheobacPlaced = true;
      entry.init = function () { return placing(init.apply(this, arguments)); };
    });
    // serve --cms: the local backend places documents itself and lists them with the photos (media.py).
    var local = CMS.getBackend("proxy");
    if (local && typeof local.init === "function" && !local.lamtheobacPlaced) {
      var initLocal = local.init;
      local.lamtheobacPlaced = true;
      local.init = function () {
        made.backend = initLocal.apply(this, arguments);
        made.local = made.backend;  // refuses an upload over another file itself (media.py _unclaimed)
        return made.backend;
      };
    }
    return made;
  }

  /* Why the document file (a File or Blob) named path is not what its name says, as the build's
   * attachments.misnamed words it (checks: terms.files.checks, by ending: how its bytes start, in hex,
   * [] for plain text); "" when it is, or when it cannot be read here. A promise. */
  function misnamedDocument(file, path, checks) {
    var name = String(path || "").split("/").pop();
    var dot = name.lastIndexOf(".");
    var check = checks && dot > 0 ? checks[name.slice(dot).toLowerCase()] : null;
    if (!check || !file || typeof file.slice !== "function") {
      return Promise.resolve("");
    }
    return file.slice(0, 4096).arrayBuffer().then(function (buffer) {
      var head = new Uint8Array(buffer);
      var hex = Array.prototype.map.call(head.subarray(0, 16), function (b) { return (b < 16 ? "0" : "") + b.toString(16); }).join("");
      var fits;
      if (check.starts.length) {
        fits = check.starts.some(function (start) { return hex.indexOf(start) === 0; });
      } else {  // plain text: UTF-8 without NUL (a character cut at the 4096th byte still is)
        fits = head.indexOf(0) < 0;
        if (fits) {
          try {
            new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: head.length >= 4096 });
          } catch (error) {
            fits = false;
          }
        }
      }
      return fits ? "" : "không tải lên được “" + name + "”: " + check.wrong;
    }, function () { return ""; });
  }

  /* "Đính kèm văn bản" above the body in Markdown mode (the mode it opens in): Decap's "+" menu, where
   * "Văn bản đính kèm" is, is disabled there, and switching to "Soạn trực quan" to reach it re-writes the
   * whole body (refused for an article with tables or notes). The button picks a document, uploads it
   * to the attachments folder through the backend Decap made (made.backend: placeDocuments), and inserts
   * "[Tên tệp](/files/ten-tep.pdf)" as a paragraph of its own at the caret (at the end when the body was
   * never clicked). A file of another kind or over the limit is refused in Vietnamese, nothing uploaded. */
  var ATTACH_CLASS = "lamtheobac-dinh-kem";
  function safeFileName(name) {
    var text = String(name || "").normalize("NFC");
    var dot = text.lastIndexOf(".");
    var base = dot > 0 ? text.slice(0, dot) : text;
    var ending = dot > 0 ? text.slice(dot).toLowerCase() : "";
    var ascii = base.replace(/[đĐ]/g, "d").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
    return { stem: ascii, ending: ending, words: base.replace(/\s+/g, " ").trim() };
  }
  function rawAttachments(win, files, made) {
    var doc = win.document;
    if (!doc || typeof win.MutationObserver !== "function" || typeof win.FileReader !== "function") {
      return;
    }
    var kinds = files.kinds || [];
    var folder = String(files.folder || "").replace(/\/+$/, "");
    var url = String(files.url || "").replace(/\/+$/, "");
    var saved = null;  // the caret in the Markdown body, as last placed there
    doc.addEventListener("selectionchange", function () {
      var selection = win.getSelection && win.getSelection();
      var node = selection && selection.rangeCount ? selection.getRangeAt(0).startContainer : null;
      var element = node && (node.nodeType === 1 ? node : node.parentElement);
      if (element && element.closest && element.closest(".cms-editor-raw [data-slate-editor]")) {
        saved = selection.getRangeAt(0).cloneRange();
      }
    });
    var base64 = function (file) {
      return new Promise(function (resolve, reject) {
        var reader = new win.FileReader();
        reader.onload = function () { resolve(String(reader.result).replace(/^[^,]*,/, "")); };
        reader.onerror = function () { reject(reader.error); };
        reader.readAsDataURL(file);
      });
    };
    var megabytes = function (bytes) { return (Math.ceil(bytes / 104857.6) / 10).toLocaleString("vi-VN") + " MB"; };
    // The link as a paragraph of its own at the caret (after the last line when the body was never
    // clicked), pasted as plain text: Decap's Markdown body takes it as typed. The paste waits for the
    // editor to have read the caret placed here (Slate reads the page's selection a moment later).
    var insert = function (editor, text) {
      var selection = win.getSelection();
      editor.focus();
      var range;
      if (saved && editor.contains(saved.startContainer)) {
        range = saved;
      } else {
        var leaves = editor.querySelectorAll("[data-slate-string],[data-slate-zero-width]");
        var last = leaves.length ? leaves[leaves.length - 1].firstChild : null;
        range = doc.createRange();
        if (last && last.nodeType === 3) {
          range.setStart(last, last.parentNode.hasAttribute("data-slate-zero-width") ? 0 : last.length);
        } else {
          range.selectNodeContents(editor);
          range.collapse(false);
        }
      }
      selection.removeAllRanges();
      selection.addRange(range);
      var node = range.startContainer;
      var line = node && (node.nodeType === 1 ? node : node.parentElement).closest("[data-slate-node=element]");
      var empty = !line || !line.textContent.replace(/[\u200b\ufeff]/g, "").trim();
      var data = new win.DataTransfer();
      data.setData("text/plain", (empty ? "" : "\n\n") + text + "\n\n");
      return new Promise(function (resolve) {
        win.setTimeout(function () {
          editor.dispatchEvent(new win.ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
          resolve();
        }, 150);
      });
    };
    var attach = function (bar, file) {
      var status = bar.querySelector("[role=status]");
      var say = function (text, bad) { status.textContent = text; status.style.color = bad ? "#b00020" : "#1d6b2f"; };
      var name = safeFileName(file.name);
      var shown = "“" + file.name + "”";
      if (kinds.indexOf(name.ending) < 0) {
        say("Không đính kèm được " + shown + ": chỉ nhận văn bản (" +
            kinds.map(function (k) { return k.slice(1).toUpperCase(); }).join(", ") +
            "). Ảnh hãy chèn bằng ô “Ảnh đại diện” hoặc ở chế độ “Soạn trực quan”.", true);
        return;
      }
      if (!name.stem) {
        say("Không đính kèm được " + shown + ": tên tệp không có chữ cái hay chữ số nào; hãy đổi tên tệp rồi chọn lại.", true);
        return;
      }
      if (files.max_bytes && file.size > files.max_bytes) {
        say("Không đính kèm được " + shown + ": tệp quá lớn (" + megabytes(file.size) + "; tối đa " +
            megabytes(files.max_bytes) + " cho một tệp văn bản đính kèm).", true);
        return;
      }
      var backend = made && made.backend;
      if (!backend || typeof backend.persistMedia !== "function") {
        say("Chưa đính kèm được: giao diện chưa kết nối xong. Hãy đợi một lát rồi thử lại.", true);
        return;
      }
      var stored = name.stem + name.ending;
      var asset = { path: folder + "/" + stored, fileObj: file, name: stored, size: file.size,
                    toBase64: function () { return base64(file); } };
      say("Đang tải lên " + shown + "…", false);
      // A git backend writes over a file of the same name (other articles may link to it): refused here.
      var taken = made.local === backend ? Promise.resolve(false) :
        Promise.resolve(backend.getMedia(folder)).then(function (listed) {
          return (listed || []).some(function (f) { return f && String(f.path || "").split("/").pop() === stored; });
        }, function () { return false; });  // no attachments folder yet
      misnamedDocument(file, stored, files.checks).then(function (wrong) {
        return wrong ? Promise.reject(new Error(wrong)) : taken;
      }).then(function (exists) {
        if (exists) {
          throw new Error("đã có văn bản “" + folder + "/" + stored + "”: tải lên sẽ thay mất văn bản cũ mà các bài " +
                          "khác có thể đang dùng; hãy đổi tên tệp rồi chọn lại (nếu đúng là văn bản đó, chỉ cần " +
                          "gõ liên kết [" + name.words + "](" + url + "/" + stored + ") vào bài)");
        }
        return backend.persistMedia(asset, { commitMessage: "Tải lên văn bản đính kèm “" + stored + "”" });
      }).then(function () {
        var editor = bar.parentNode && bar.parentNode.querySelector("[data-slate-editor]");
        var link = "[" + name.words.replace(/[\\\[\]]/g, "\\$&") + "](" + url + "/" + stored + ")";
        if (!editor) {
          say("Đã lưu " + shown + " vào " + folder + "/" + stored + " nhưng ô nội dung đã đóng: hãy gõ liên kết " +
              link + " vào bài.", true);
          return;
        }
        return insert(editor, link).then(function () {
          say("Đã tải lên " + shown + " và chèn liên kết vào nội dung (sửa chữ trong dấu [ ] nếu cần). " +
              "Bấm “Công bố” để lưu bài; văn bản chỉ được đăng lên trang cùng bài.", false);
        });
      }, function (error) {
        // The backend's refusal as it says it; a lost connection ("Failed to fetch") in Vietnamese.
        var why = notice(error && error.message ? String(error.message) : String(error || "") || OFFLINE)
          .replace(/^không tải lên được “[^”]*”: /, "");  // the file is named once
        say("Chưa đính kèm được " + shown + ": " + why.replace(/[.\s]+$/, "") + ". Nội dung bài chưa bị thay đổi.", true);
      });
    };
    var add = function (raw) {
      if (raw.querySelector("." + ATTACH_CLASS) || !raw.querySelector("[data-slate-editor]")) {
        return;
      }
      var bar = doc.createElement("div");
      bar.className = ATTACH_CLASS;
      bar.style.cssText = "display:flex;flex-wrap:wrap;align-items:center;gap:8px;padding:6px 10px;font-size:13px";
      var button = doc.createElement("button");
      button.type = "button";
      button.textContent = "Đính kèm văn bản (PDF, Word, Excel…)";
      button.style.cssText = "padding:4px 10px;border:1px solid #798291;border-radius:4px;background:#fff;cursor:pointer";
      var status = doc.createElement("span");
      status.setAttribute("role", "status");
      // The picker's input is made on each click and never put in the page: the page's other file
      // inputs (Decap's media library) stay the only ones there.
      button.addEventListener("click", function () {
        var input = doc.createElement("input");
        input.type = "file";
        input.accept = kinds.join(",");
        input.addEventListener("change", function () {
          if (input.files && input.files[0]) {
            attach(bar, input.files[0]);
          }
        });
        input.click();
      });
      bar.appendChild(button);
      bar.appendChild(status);
      var editor = raw.querySelector("[data-slate-editor]");
      var holder = editor;
      while (holder.parentNode && holder.parentNode !== raw) {
        holder = holder.parentNode;
      }
      raw.insertBefore(bar, holder.parentNode === raw ? holder : raw.firstChild);
    };
    new win.MutationObserver(function () {
      Array.prototype.forEach.call(doc.querySelectorAll(".cms-editor-raw"), add);
    }).observe(doc.documentElement, { childList: true, subtree: true });
  }

