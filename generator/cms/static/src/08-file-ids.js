  // The Markdown mode preset, and the id of each file as this tab read it (saves over another's change refused).
  /* The body opens as Markdown, kept as typed, until the editor picks the rich-text mode (Decap keeps
   * that choice under this key; with none it opens rich text, which re-writes the whole body on a
   * one-letter edit: the backend refuses such a save when it loses markup nobody edited). */
  var MODE_KEY = "cms.md-mode";
  function presetMode(storage) {
    if (storage.getItem(MODE_KEY) === null) {
      storage.setItem(MODE_KEY, "raw");
    }
    return storage.getItem(MODE_KEY);
  }

  var API = /\/api\/v1$/;  // the local backend's endpoint (generator/cms/local.py API_PATH)

  /* The file name of path without its folder and ".md" (an entry's slug in a folder collection). */
  function stemOf(path) {
    return String(path).split("/").pop().replace(/\.md$/i, "");
  }

  /* ids: path -> the id (sha256) of the file as this tab last read or wrote it, from the backend's answers;
   * texts (optional): file name without ".md" -> the file's text as last read or saved (articleLinks). */
  function remember(ids, request, answer, texts) {
    var read = function (entry) {
      if (texts && entry && entry.file && typeof entry.file.path === "string" && typeof entry.data === "string") {
        texts[stemOf(entry.file.path)] = entry.data;
      }
      if (entry && entry.file && typeof entry.file.path === "string") {
        if (entry.file.id) {
          ids[entry.file.path] = entry.file.id;
        } else {
          delete ids[entry.file.path];
        }
      }
    };
    var action = request.action;
    if ((action === "entriesByFolder" || action === "entriesByFiles") && Array.isArray(answer)) {
      answer.forEach(read);
    } else if (action === "getEntry") {
      read(answer);
    } else if (action === "persistEntry" && answer && answer.ids) {
      Object.keys(answer.ids).forEach(function (path) { ids[path] = answer.ids[path]; });
      var files = request.params && (request.params.dataFiles || [request.params.entry]);
      (texts && Array.isArray(files) ? files : []).forEach(function (file) {
        if (file && typeof file.raw === "string" && typeof (file.newPath || file.path) === "string") {
          texts[stemOf(file.newPath || file.path)] = file.raw;
        }
      });
    } else if (action === "deleteFile" || action === "deleteFiles") {
      (request.params.paths || [request.params.path]).forEach(function (path) { delete ids[path]; });
    }
  }

  /* Requests to the local backend through window.fetch: persistEntry, deleteFile(s) get "baseIds". */
  function trackIds(win) {
    var ids = {};
    var pinned = {};  // path -> the id a restored backup was edited from (see watchBackups)
    // path -> { pending: getEntry requests in flight, done: when one last ended } (see whenLoaded)
    var loads = {};
    var waiting = {};  // path -> callbacks waiting for its entry to load
    var opened = 0;    // when the editor last went to another page of the CMS (hash route)
    var now = function () { return win.performance && win.performance.now ? win.performance.now() : Date.now(); };
    if (typeof win.addEventListener === "function") {
      win.addEventListener("hashchange", function () { opened = now(); });
    }
    var settle = function (path) {
      var callbacks = waiting[path] || [];
      delete waiting[path];
      // Decap makes the form from the entry in the promise callbacks after the answer: a timer runs after them.
      callbacks.forEach(function (callback) { win.setTimeout(callback, 100); });
    };
    var tracker = {
      texts: {},  // file name -> text, for articleLinks
      changed: function () {},  // called when texts changed
      // The id a save of path is based on: a restored backup's own, else the one this tab read.
      baseOf: function (path) { return path in pinned ? pinned[path] : ids[path]; },
      pin: function (path, id) { pinned[path] = id; },
      // callback() once the entry at path has loaded for the page now open (at once if it has): a form
      // restored from a backup before that is replaced by the entry (Decap's DRAFT_CREATE_FROM_ENTRY).
      // Not waiting longer than LOAD_WAIT: a backup is offered late rather than never.
      whenLoaded: function (path, callback) {
        var load = loads[path];
        if (load && !load.pending && load.done >= opened) {
          callback();
          return;
        }
        var once = function () { if (callback) { var run = callback; callback = null; run(); } };
        (waiting[path] = waiting[path] || []).push(once);
        win.setTimeout(once, LOAD_WAIT);
      },
    };
    var original = win.fetch;
    if (typeof original !== "function") {
      return tracker;
    }
    win.fetch = function (input, init) {
      var url = String(typeof input === "string" ? input : (input && input.url) || "").split("?")[0];
      var request = null;
      if (API.test(url) && init && typeof init.body === "string") {
        try {
          request = JSON.parse(init.body);
        } catch (e) {
          request = null;  // not ours to read: sent as it is
        }
      }
      var changing = request && request.params ? {
        persistEntry: function (p) { return (p.dataFiles || [p.entry]).map(function (f) { return f && f.path; }); },
        deleteFile: function (p) { return [p.path]; },
        deleteFiles: function (p) { return Array.isArray(p.paths) ? p.paths : []; },
      }[request.action] : null;
      var paths = changing ? changing(request.params) : [];
      if (changing) {
        var base = {};
        paths.forEach(function (path) {
          if (typeof path === "string" && tracker.baseOf(path)) {
            base[path] = tracker.baseOf(path);
          }
        });
        request.params.baseIds = base;
        init = Object.assign({}, init, { body: JSON.stringify(request) });
      }
      var answer = original.call(win, input, init);
      if (!request) {
        return answer;
      }
      var entry = request.action === "getEntry" && request.params && typeof request.params.path === "string" ?
        request.params.path : null;
      if (entry !== null) {
        var load = loads[entry] = loads[entry] || { pending: 0, done: -1 };
        load.pending += 1;
        var ended = function () {
          load.pending -= 1;
          load.done = now();
          if (!load.pending) {
            settle(entry);
          }
        };
        answer.then(function (response) { return response.clone().text(); }).then(ended, ended);
      }
      return answer.then(function (response) {
        if (response.ok) {
          paths.forEach(function (path) { delete pinned[path]; });  // the file was the one the backup began from
          response.clone().json().then(function (data) {
            remember(ids, request, data, tracker.texts);
            tracker.changed();
          }, function () {});
        }
        return response;
      });
    };
    return tracker;
  }

