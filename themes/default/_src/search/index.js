  // ---- The index ----

  var decoder = typeof TextDecoder !== "undefined" ? new TextDecoder() : null;

  /* Data files are gzip; a server may already have decoded them (Content-Encoding), so only
     bytes starting with the gzip magic are inflated. */
  function inflate(buffer) {
    var bytes = new Uint8Array(buffer);
    if (bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) return Promise.resolve(buffer);
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Response(stream).arrayBuffer();
  }

  function Reader(bytes, at) {
    this.b = bytes;
    this.at = at || 0;
  }

  Reader.prototype.varint = function () {
    var b = this.b, n = 0, scale = 1, byte;
    do {
      byte = b[this.at++];
      n += (byte & 0x7f) * scale;
      scale *= 128;
    } while (byte & 0x80);
    return n;
  };

  /* One list: [varint m << 2 | values << 1 | mode], documents (gap varints or a bitmap), values. */
  Reader.prototype.list = function () {
    var header = this.varint(), m = Math.floor(header / 4), withValues = header & 2, ids = new Uint32Array(m);
    if (!(header & 1)) {
      for (var i = 0, v = -1; i < m; i++) {
        v += this.varint() + 1;
        ids[i] = v;
      }
    } else {
      var size = this.varint(), b = this.b, k = 0;
      for (var j = 0; j < size; j++) {
        var byte = b[this.at + j];
        while (byte) {
          var low = byte & -byte;
          ids[k++] = j * 8 + 31 - Math.clz32(low);
          byte ^= low;
        }
      }
      this.at += size;
    }
    var vals = withValues ? this.b.slice(this.at, this.at + m) : new Uint8Array(m);
    if (withValues) this.at += m;
    return { ids: ids, vals: vals };
  };

  function Shard(buffer) {
    this.bytes = new Uint8Array(buffer);
    this.keys = new Map();
    var r = new Reader(this.bytes), n = this.bytes.length;
    while (r.at < n) {
      var klen = r.varint();
      var key = decoder.decode(this.bytes.subarray(r.at, r.at + klen));
      r.at += klen;
      var blen = r.varint();
      this.keys.set(key, r.at);
      r.at += blen;
    }
  }

  /* Lists of one key: [{variant (tone key), ids, vals}], vals (count << 3) | title 1 | lead 2 | term 4. */
  Shard.prototype.postings = function (key) {
    var at = this.keys.get(key);
    if (at === undefined) return null;
    var r = new Reader(this.bytes, at), out = [], n = r.varint();
    for (var v = 0; v < n; v++) {
      var tlen = r.varint();
      var variant = decoder.decode(this.bytes.subarray(r.at, r.at + tlen));
      r.at += tlen;
      var list = r.list();
      out.push({ variant: variant, ids: list.ids, vals: list.vals });
    }
    return out;
  };

  /* How many documents a key's lists hold, without decoding them. */
  Shard.prototype.size = function (key) {
    var at = this.keys.get(key);
    if (at === undefined) return 0;
    var r = new Reader(this.bytes, at), n = r.varint(), total = 0;
    for (var v = 0; v < n; v++) {
      var tone = r.varint();  // not "r.at += r.varint()": the left side would be read before the varint moves it
      r.at += tone;
      var header = r.varint(), m = Math.floor(header / 4);
      total += m;
      if (header & 1) { var size = r.varint(); r.at += size; } else for (var i = 0; i < m; i++) r.varint();
      if (header & 2) r.at += m;
    }
    return total;
  };

  /* An index reached through load(relative path) -> Promise<ArrayBuffer>; page(site-relative URL)
     -> Promise<string> gives an article's page for its snippet. */
  function Engine(load, page) {
    this.load = load;
    this.page = page;
    this.shards = new Map();
    this.records = new Map();
    this.texts = new Map();
    this.manifest = null;
  }

  Engine.prototype.ready = function () {
    var self = this;
    if (!this._ready) {
      this._ready = this.load("index.bin").then(inflate).catch(function (err) {
        self._ready = null;  // a network drop: the next search loads it again, not this failure
        throw err;
      }).then(function (buf) {
        var m = JSON.parse(decoder.decode(new Uint8Array(buf)));
        var byFirst = new Map(), joined = new Map(), spellings = new Map();
        m.names.forEach(function (pair) {
          var seq = pair[0].split(" ");
          if (!byFirst.has(seq[0])) byFirst.set(seq[0], []);
          byFirst.get(seq[0]).push({ seq: seq, key: pair[1] });
          if (seq.length > 1 && !joined.has(seq.join(""))) joined.set(seq.join(""), seq);
          if (!spellings.has(pair[1])) spellings.set(pair[1], []);
          spellings.get(pair[1]).push(seq);
        });
        byFirst.forEach(function (list) {
          list.sort(function (a, b) { return b.seq.length - a.seq.length || (a.seq.join(" ") < b.seq.join(" ") ? -1 : 1); });
        });
        // the marks of provinces' names (Names.export_marks): a name only where they fit (findNames)
        var marks = m.nameMarks || { marks: {}, small: [] };
        byFirst.marks = new Map(Object.keys(marks.marks).map(function (f) { return [f, marks.marks[f]]; }));
        byFirst.small = new Set(marks.small);
        self.byFirst = byFirst;
        self.joined = joined;
        // the words of names, Vietnamese or not ("đắk", "lắk"): what VNI keys may spell besides syllables
        self.nameWords = new Set([].concat.apply([], m.names.map(function (pair) { return pair[0].split(" "); })));
        self.spellings = spellings;
        self.common = new Map(m.common.map(function (c) { return [c[0], c[1]]; }));
        self.manifest = m;
        return m;
      });
    }
    return this._ready;
  };

  /* The shard holding a place (the last whose start is not after it), -1 before the first. */
  Engine.prototype.shardAt = function (where) {
    var list = this.manifest.shards, lo = 0, hi = list.length - 1, found = -1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (list[mid] <= where) { found = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return found;
  };

  Engine.prototype.shard = function (n) {
    if (!this.shards.has(n)) {
      this.shards.set(n, this.load("s/" + n + ".bin?v=" + this.manifest.version).then(inflate).then(function (buf) {
        return new Shard(buf);
      }, forget(this.shards, n)));
    }
    return this.shards.get(n);
  };

  /* A file that failed to load (a phone's network dropped) is not kept as failed: the next search
     that needs it loads it again (the page said to try again, which did nothing until reloaded). */
  function forget(cache, key) {
    return function (err) {
      cache.delete(key);
      throw err;
    };
  }

  /* key -> its lists, for keys [{key, pair}] (missing keys are left out). */
  Engine.prototype.lookup = function (keys) {
    var self = this, wanted = [];
    keys.forEach(function (k) {
      var n = self.shardAt(place(k.key, k.pair));
      if (n >= 0) wanted.push([k.key, n]);
    });
    var numbers = Array.from(new Set(wanted.map(function (w) { return w[1]; })));
    return Promise.all(numbers.map(function (n) { return self.shard(n); })).then(function (shards) {
      var byNumber = new Map(), out = new Map();
      numbers.forEach(function (n, i) { byNumber.set(n, shards[i]); });
      wanted.forEach(function (w) {
        var p = byNumber.get(w[1]).postings(w[0]);
        if (p) out.set(w[0], p);
      });
      return out;
    });
  };

  /* Words starting with `prefix` (the word still being typed), most frequent first. */
  Engine.prototype.complete = function (prefix, limit) {
    var self = this;
    var from = this.shardAt(place(prefix, false, "0000000000000000"));
    var high = prefix.length >= 3 ? prefix.slice(0, 3) : prefix + "\uffff".repeat(3 - prefix.length);
    var to = this.shardAt(place(high, false, "ffffffffffffffff"));
    var numbers = [];
    for (var n = Math.max(from, 0); n <= to && numbers.length < 2; n++) numbers.push(n);
    return Promise.all(numbers.map(function (k) { return self.shard(k); })).then(function (shards) {
      var found = [];
      shards.forEach(function (s) {
        s.keys.forEach(function (_, key) {
          if (key.indexOf(prefix) === 0 && key !== prefix && key.indexOf(" ") < 0 && key[0] !== "~") {
            found.push([key, s.size(key)]);
          }
        });
      });
      found.sort(function (a, b) { return b[1] - a[1] || (a[0] < b[0] ? -1 : 1); });
      return found.slice(0, limit).map(function (f) { return f[0]; });
    });
  };

