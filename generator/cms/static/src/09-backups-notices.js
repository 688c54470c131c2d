  // Decap's local backups of unsaved forms, and its notices in Vietnamese.
  /* Decap keeps the form of an entry being edited as a local backup (IndexedDB through localForage, key
   * "backup.<collection>.<slug>") and offers to restore it when the entry is opened again. Restored, the
   * form is the text of the file as it was when the editing began, and a save of it was based on the file
   * read now: it wrote over what another tab, `import` or a text editor changed since (even after the
   * backend had refused that very save as stale). So each backup is recorded with the id of the file it
   * was edited from (BASES_KEY, written when Decap writes the backup), and a restored backup is saved
   * with that id: the backend refuses it when the file changed since, as it refused the first save. */
  var BASES_KEY = "lamtheobac.backup-bases";
  var LOAD_WAIT = 15000;  // ms a backup read waits at most for its entry (holdUntilLoaded)
  var BACKUP = /^backup\./;

  function readBases(storage) {
    try {
      var bases = JSON.parse(storage.getItem(BASES_KEY) || "{}");
      return bases && typeof bases === "object" ? bases : {};
    } catch (e) {
      return {};  // damaged by hand: no backup has a known base
    }
  }

  function writeBase(storage, key, base) {
    var bases = readBases(storage);
    if (base) {
      bases[key] = base;
    } else {
      delete bases[key];
    }
    storage.setItem(BASES_KEY, JSON.stringify(bases));
  }

  /* "#/collections/articles/entries/bai-a" -> "backup.articles.bai-a" (Decap's key for that entry's backup). */
  function backupKey(hash) {
    var m = /^#\/collections\/([^/]+)\/entries\/(.+)$/.exec(String(hash || ""));
    return m ? "backup." + decodeURIComponent(m[1]) + "." + decodeURIComponent(m[2]) : null;
  }

  /* Decap's question (in English, in its code) when an upload has the name of a file in the library. On
   * "yes" it deletes that file and then uploads the new one: when the upload is refused (not a photo, too
   * large) or fails, the old photo is gone, from every page that showed it. No file is replaced so. */
  var TAKEN = /^(.+) already exists\. Do you want to replace it\?$/;
  function takenMessage(name) {
    return "Thư viện đã có tệp “" + name + "”: tệp mới không thay tệp cũ (các bài có thể đang dùng ảnh cũ). " +
      "Hãy đổi tên tệp trên máy rồi tải lên lại. Muốn thay hẳn ảnh cũ thì xóa ảnh cũ trong thư viện trước " +
      "(chỉ xóa được ảnh không bài nào dùng).";
  }

  // Decap's notices written in its code, not in its locales: in Vietnamese. "API_ERROR: " is the name of
  // its error class before the backend's own message.
  // The browser's own words when the backend does not answer at all (Chromium, Firefox, Safari): the
  // editor saw "TypeError: Failed to fetch" and could not tell that nothing was saved, nor what to do.
  var OFFLINE = "không kết nối được với máy chủ biên tập (lệnh “lamtheobac serve --cms” đã dừng, hoặc máy " +
    "mất mạng): chưa có gì được lưu. Phần vừa sửa vẫn còn trong trang: đừng đóng hay tải lại trang; chạy lại " +
    "lệnh rồi bấm lưu lần nữa";
  var NOTICES = [
    [/^Failed to persist media: (?:Error: )?/, "Không tải được tệp lên: "],
    [/^Failed to delete media: /, "Không xóa được tệp: "],
    [/API_ERROR: /g, ""],
    [/(?:TypeError: )?(?:Failed to fetch|NetworkError when attempting to fetch resource\.?|Load failed)/, OFFLINE],
  ];
  function notice(text) {
    return NOTICES.reduce(function (out, pair) { return out.replace(pair[0], pair[1]); }, String(text));
  }

  /* The notices (react-toastify's, class Toastify__toast) in Vietnamese as they appear. */
  function translateNotices(win) {
    var doc = win.document;
    if (!doc || typeof win.MutationObserver !== "function") {
      return;
    }
    var fix = function (node) {  // an added toast, a node added inside one, or a changed text
      var walker = doc.createTreeWalker(node, 4);  // NodeFilter.SHOW_TEXT
      for (var text = node.nodeType === 3 ? node : walker.nextNode(); text; text = walker.nextNode()) {
        var better = notice(text.nodeValue);
        if (better !== text.nodeValue && text.parentElement && text.parentElement.closest(".Toastify__toast")) {
          text.nodeValue = better;
        }
      }
    };
    new win.MutationObserver(function (records) {
      records.forEach(function (record) {
        if (record.type === "characterData") {
          fix(record.target);
        } else {
          Array.prototype.forEach.call(record.addedNodes, fix);
        }
      });
    }).observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
  }

  /* A backup read is handed to Decap only once the entry it is of has loaded. Decap reads both at once
   * when an entry is opened and asks "restore the backup?" as soon as the backup is read, usually
   * before the entry (a local read is faster than the backend's answer): the entry, arriving next,
   * replaced the restored form, and the editor who chose to restore got the file's text back, not
   * theirs. The backup's value names its entry's path; localForage reads it in the request's onsuccess. */
  function holdUntilLoaded(request, tracker) {
    var own = Object.getOwnPropertyDescriptor(request, "onsuccess");  // another wrapper's (a test's) first
    var descriptor = own || Object.getOwnPropertyDescriptor(Object.getPrototypeOf(request), "onsuccess");
    if ((own && !own.configurable) || !descriptor || typeof descriptor.set !== "function") {
      return;
    }
    var held = null;
    Object.defineProperty(request, "onsuccess", {
      configurable: true,
      get: function () { return held; },
      set: function (handler) {
        held = handler;
        descriptor.set.call(request, typeof handler !== "function" ? handler : function (event) {
          var value = request.result;
          var path = value && typeof value.path === "string" ? value.path : "";
          if (!path) {  // a new entry's backup: no entry to wait for
            return handler.call(request, event);
          }
          tracker.whenLoaded(path, function () { handler.call(request, event); });
        });
      },
    });
  }

  function watchBackups(win, tracker, question) {
    var Store = win.IDBObjectStore;
    if (Store && Store.prototype && win.localStorage) {
      var get = Store.prototype.get;
      Store.prototype.get = function (key) {
        var request = get.apply(this, arguments);
        if (typeof key === "string" && BACKUP.test(key) && request) {
          holdUntilLoaded(request, tracker);
        }
        return request;
      };
      var put = Store.prototype.put;
      var remove = Store.prototype["delete"];
      Store.prototype.put = function (value, key) {
        if (typeof key === "string" && BACKUP.test(key) && value && typeof value.path === "string" && value.path) {
          writeBase(win.localStorage, key, { path: value.path, id: tracker.baseOf(value.path) || null });
        }
        return put.apply(this, arguments);
      };
      Store.prototype["delete"] = function (key) {
        if (typeof key === "string" && BACKUP.test(key)) {
          writeBase(win.localStorage, key, null);
        }
        return remove.apply(this, arguments);
      };
    }
    var confirm = win.confirm;
    win.confirm = function (message) {
      var taken = TAKEN.exec(String(message));
      if (taken) {  // Decap would delete the old file, then upload: a refused upload lost the photo
        win.alert(takenMessage(taken[1]));
        return false;
      }
      var yes = confirm.apply(win, arguments);
      if (yes && question(message)) {  // "restore the backup?": the form is the backup's
        var base = readBases(win.localStorage)[backupKey(win.location.hash)];
        if (base && typeof base.path === "string") {
          tracker.pin(base.path, base.id);
        }
      }
      return yes;
    };
  }

