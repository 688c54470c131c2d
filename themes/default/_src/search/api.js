  /* The value of a parameter of an address's query string ("?q=…"), decoded as a browser decodes a
     form's: "+" is a space, each run of %XX that is UTF-8 is its characters; what is no UTF-8 ("%E0%A4"
     cut short) or no escape ("%A", "%zz") stays as typed, not "\ufffd". A parameter given twice
     ("?q=&q=bác", a link's q and a form's): the first that is not blank. */
  function urlParam(search, name) {
    var found = null;
    String(search || "").replace(/^\?/, "").split("&").some(function (part) {
      var eq = part.indexOf("=");
      if (percentDecode(eq < 0 ? part : part.slice(0, eq)) !== name) return false;
      var value = eq < 0 ? "" : percentDecode(part.slice(eq + 1));
      if (found === null || !found.trim()) found = value;
      return !!found.trim();
    });
    return found;
  }

  function percentDecode(text) {
    return text.replace(/\+/g, " ").replace(/(?:%[0-9A-Fa-f]{2})+/g, function (run) {
      var bytes = run.match(/%../g), out = "", i = 0;
      while (i < bytes.length) {
        var b = parseInt(bytes[i].slice(1), 16);
        var n = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
        var chunk = n && i + n <= bytes.length ? bytes.slice(i, i + n).join("") : null, text = null;
        if (chunk) {
          try { text = decodeURIComponent(chunk); } catch (err) { text = null; }  // bad continuation, overlong, surrogate
        }
        if (text === null) { out += bytes[i]; i += 1; } else { out += text; i += n; }
      }
      return out;
    });
  }

  var api = { prepare: prepare, tokenize: tokenize, fold: fold, toneKey: toneKey, hasDiacritics: hasDiacritics,
              keyHash: keyHash, mix: mix, place: place, parseQuery: parseQuery, plan: plan, Engine: Engine,
              Shard: Shard, Reader: Reader, inflate: inflate, pieces: pieces, snippet: snippet, matches: matches,
              pageText: pageText, unitCount: unitCount, splitJoined: splitJoined, candidates: candidates,
              initialism: initialism, telexWord: telexWord, vniWord: vniWord,
              unvni: unvni, addressWords: addressWords, variantOf: variantOf, urlParam: urlParam,
              provincesShown: provincesShown, wholeSpans: wholeSpans, spaceJoined: spaceJoined,
              FAMILY_NAMES: FAMILY_NAMES, FAMILY_WORDS: FAMILY_WORDS };
  root.LTBSearch = api;

