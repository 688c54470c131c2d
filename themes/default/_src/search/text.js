  // ---- Text rules (mirror of generator/search/text.py) ----
  var TONES = { "\u0300": "1", "\u0309": "2", "\u0303": "3", "\u0301": "4", "\u0323": "5" };
  var SHAPES = { "\u0306": true, "\u0302": true, "\u031b": true };
  var TOKEN = /[\p{L}\p{N}]+/gu;
  var NONSPACING = /\p{Mn}/gu;
  var QUOTES = /["\u201c\u201d\u201e\u00ab\u00bb]/;
  var ASCII = /^[\x00-\x7f]*$/;

  function prepare(text) {
    if (ASCII.test(text)) return text;
    return text.normalize("NFC").replace(/\u00d0/g, "\u0110").replace(/\u00f0/g, "\u0111");
  }

  function tokenize(text) {
    return prepare(text).match(TOKEN) || [];
  }

  function fold(token) {
    if (ASCII.test(token)) return token.toLowerCase();
    return prepare(token).toLowerCase().normalize("NFD").replace(NONSPACING, "").replace(/\u0111/g, "d");
  }

  function toneKey(token) {
    if (ASCII.test(token)) return token.toLowerCase();
    var out = "", tone = "";
    for (var ch of prepare(token).toLowerCase()) {
      var parts = Array.from(ch.normalize("NFD"));
      var shape = "";
      for (var i = 1; i < parts.length; i++) {
        if (TONES[parts[i]]) tone = TONES[parts[i]];
        else if (SHAPES[parts[i]]) shape += parts[i];
      }
      out += (parts[0] + shape).normalize("NFC");
    }
    return out + tone;
  }

  function hasDiacritics(token) {
    return toneKey(token) !== fold(token);
  }

  // ---- Key hashes: where a key sits in the index (text.py: key_hash, mix, prefix_code) ----
  var MASK = (1n << 64n) - 1n;
  var P = 0x9E3779B97F4A7C15n;

  function keyHash(key) {
    var h = 0n, power = 1n;
    for (var i = 0; i < key.length; i++) {
      h = (h + BigInt(key.charCodeAt(i)) * power) & MASK;
      power = (power * P) & MASK;
    }
    return h;
  }

  function mix(h) {
    h = ((h ^ (h >> 30n)) * 0xBF58476D1CE4E5B9n) & MASK;
    h = ((h ^ (h >> 27n)) * 0x94D049BB133111EBn) & MASK;
    return h ^ (h >> 31n);
  }

  function hex(value, width) {
    var s = value.toString(16);
    while (s.length < width) s = "0" + s;
    return s;
  }

  /* A key's place as the manifest gives shard starts: kind << 48 | first three units, then mix. */
  function place(key, pair, mixed) {
    var head = BigInt(pair ? 1 : 0) << 48n;
    for (var i = 0; i < 3; i++) head |= BigInt(i < key.length ? key.charCodeAt(i) : 0) << BigInt(32 - 16 * i);
    return hex(head, 13) + (mixed === undefined ? hex(mix(keyHash(key)), 16) : mixed);
  }

