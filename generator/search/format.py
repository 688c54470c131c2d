"""The index files, as search.js reads them (format 4: format 3 and v.bin).

Under the search page's folder (``tim-kiem/du-lieu/``); every file is gzip
(search.js inflates it with DecompressionStream):

* ``index.bin``: the manifest, JSON: format, version (a digest of every file), the
  number of documents, records per group, where each shard starts, year ranges,
  the name table of the query side (names.py), the provinces merged in 2025, and
  the most common folded keys with their document counts (a long query fetches
  the rarest of its words first);
* ``s/<n>.bin``: shards. The index is one sequence of lists in the order
  (kind, the first three UTF-16 units of the folded key, mix(key hash),
  spelling): words and names first, then pairs; keys sharing their first
  three units sit together, so the completions of a word being typed are in one
  or two shards. A shard holds whole keys; the manifest gives, for each shard,
  its first key's place as 13 hex digits of kind << 48 | prefix then 16 of mix,
  cut to 21 digits unless the key before shares them.
  A shard is a run of keys: [varint key length][key, UTF-8][varint body length]
  [body]; a body is [varint lists] then per list (an exact spelling of a word,
  the only list of a pair or a name): [varint tone length][tone key, UTF-8]
  [varint m << 2 | values << 1 | mode] then the m documents: mode 0, gap varints
  (the first id, then each gap minus one); mode 1, [varint b] and a bitmap of b
  bytes (bit i is bit i % 8 of byte i // 8); then, when values is set, one value
  byte per document ((min(count, 15) << 3) | title 1 | lead 2 | front matter 4).
* ``v.bin``: JSON ``{"words": [[word, documents], ...], "pairs": [[pair, documents],
  ...]}``: the words of the index (folded keys of letters a-z only) and its
  frequent pairs of such words, with their document counts, most common first:
  what search.js corrects a mistyped word against, and reads an initialism the
  index lacks as. Fetched only for a query holding a word the index lacks;
* ``r/<g>.bin``: the records of documents g*GROUP … as one JSON array (title,
  URL, date, provinces, summary).

Document ids are positions oldest first (the reverse of the site's lists): a
year is a range of ids, a higher id is a newer article, and an article newer than
all others only adds to the end of lists.
"""
from __future__ import annotations

import json
from typing import Sequence

import deflate
import numpy as np

FORMAT = 4
SHARD_BYTES = 8 * 1024   # uncompressed bytes of keys per shard, about (see assemble._shards)
GROUP = 16               # records per r/<g>.bin file (fewer files to write; ~2.5 KB a group gzip'd)


_SMALL = [bytes((n,)) for n in range(0x80)]


def varint(n: int) -> bytes:
    if n < 0x80:
        return _SMALL[n]
    out = bytearray()
    while n >= 0x80:
        out.append(n & 0x7F | 0x80)
        n >>= 7
    out.append(n)
    return bytes(out)


def varints(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The varints of many values at once: (bytes, how many bytes each value took)."""
    values = values.astype(np.uint64)
    lengths = np.ones(len(values), dtype=np.int64)
    rest = values >> np.uint64(7)
    while rest.any():
        lengths += rest > 0
        rest >>= np.uint64(7)
    starts = np.cumsum(lengths) - lengths
    out = np.empty(int(lengths.sum()), dtype=np.uint8)
    for k in range(int(lengths.max(initial=1))):
        has = np.flatnonzero(lengths > k)
        low = ((values[has] >> np.uint64(7 * k)) & np.uint64(0x7F)).astype(np.uint8)
        out[starts[has] + k] = low | ((lengths[has] - 1 > k).astype(np.uint8) << 7)
    return out, lengths


def pack(data: bytes, level: int = 6) -> bytes:
    """A file as gzip (no name, no time: the same bytes every build), by libdeflate: at level 1
    three times as fast as zlib's and 4 % smaller (the 10,000-article bench index: 0.08 s and
    7.65 MB against 0.24 s and 7.99 MB)."""
    return deflate.gzip_compress(data, level)


SHARD_LEVEL = 1  # shards (mostly bitmaps) and record groups: level 6 makes them ~5 % smaller for twice the time


def encode_list(docs: np.ndarray | None, values: np.ndarray | None, m: int, bitmap: bytes) -> bytes:
    """One list of m documents: the smaller of gap varints and the bitmap (docs None: the bitmap is
    known to be smaller); values None when all are 0."""
    mode = 1
    if docs is not None:
        gaps = varints(np.diff(docs.astype(np.int64), prepend=-1) - 1)[0].tobytes()
        mode = int(len(bitmap) + len(varint(len(bitmap))) < len(gaps))
    head = varint(m << 2 | (values is not None) << 1 | mode)
    body = head + varint(len(bitmap)) + bitmap if mode else head + gaps
    return body + values.tobytes() if values is not None else body


def varint_values(raw: np.ndarray) -> np.ndarray:
    """The numbers of consecutive varints (bytes, the last varint complete), decoded at once."""
    if not len(raw):
        return np.zeros(0, np.int64)
    raw = raw.astype(np.int64)
    ends = raw < 0x80
    varint_of = np.cumsum(ends) - ends  # each byte's varint
    starts = np.flatnonzero(np.concatenate(([True], ends[:-1])))
    shift = 7 * (np.arange(len(raw)) - starts[varint_of])
    return np.bincount(varint_of, weights=(raw & 0x7F) << shift, minlength=len(starts)).astype(np.int64)


def decode_list(data: bytes, at: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """(documents, values) of an encoded list."""
    header, at = read_varint(data, at)
    m, has_values, mode = header >> 2, header >> 1 & 1, header & 1
    if mode:
        size, at = read_varint(data, at)
        docs = np.flatnonzero(np.unpackbits(np.frombuffer(data, np.uint8, size, at), bitorder="little"))
        at += size
    else:
        raw = np.frombuffer(data, np.uint8, len(data) - at, at)
        ends = np.flatnonzero(raw < 0x80)[:m]
        used = int(ends[-1]) + 1 if m else 0
        docs = np.cumsum(varint_values(raw[:used]) + 1) - 1
        at += used
    values = np.frombuffer(data, np.uint8, m, at).copy() if has_values else np.zeros(m, np.uint8)
    return docs.astype(np.int64), values


def decode_lists(encoded: Sequence[bytes]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(list number, document, value) of every posting of many encoded lists, in list order.
    The gap-coded lists are decoded together: one numpy pass over all their bytes (a list's gaps
    are its bytes between the header and its m values). decode_list per list cost ~35 us each
    whatever its length: 500,000 lists (one article of 100,000 footnotes) took 17 s."""
    gap_parts, value_parts, gap_lists, counts = [], [], [], []
    bitmaps: list[tuple[int, np.ndarray, np.ndarray]] = []
    for j, data in enumerate(encoded):
        header, at = read_varint(data, 0)
        m, has_values = header >> 2, header >> 1 & 1
        if header & 1:
            docs_j, values_j = decode_list(data)
            bitmaps.append((j, docs_j, values_j))
            continue
        end = len(data) - m if has_values else len(data)
        gap_parts.append(data[at:end])
        value_parts.append(data[end:] if has_values else bytes(m))
        gap_lists.append(j)
        counts.append(m)
    gaps = varint_values(np.frombuffer(b"".join(gap_parts), np.uint8))
    counts_a = np.array(counts, dtype=np.int64)
    steps = np.cumsum(gaps + 1)
    before = np.repeat(np.concatenate(([0], steps))[np.cumsum(counts_a) - counts_a], counts_a)
    rows = [np.repeat(np.array(gap_lists, dtype=np.int64), counts_a)]
    docs = [steps - before - 1]
    values = [np.frombuffer(b"".join(value_parts), np.uint8)]
    for j, docs_j, values_j in bitmaps:
        rows.append(np.full(len(docs_j), j, dtype=np.int64))
        docs.append(docs_j)
        values.append(values_j)
    rows_a = np.concatenate(rows)
    order = np.argsort(rows_a, kind="stable")
    return rows_a[order], np.concatenate(docs)[order], np.concatenate(values)[order]


def encode_lists(starts: np.ndarray, docs: np.ndarray, values: np.ndarray) -> list[bytes]:
    """Each list's document set and values ([varint header] …, see above), for many lists at once."""
    n = len(starts) - 1
    if not n:
        return []
    counts = np.diff(starts)
    first = starts[:-1]
    previous = np.empty(len(docs), dtype=np.int64)
    previous[1:] = docs[:-1]
    previous[first] = -1
    gaps = docs.astype(np.int64) - previous - 1
    gap_bytes, gap_lengths = varints(gaps)
    gap_ends = np.cumsum(gap_lengths)
    per_list = np.add.reduceat(gap_lengths, first)
    gap_starts = np.concatenate(([0], gap_ends))[first]
    last = docs[starts[1:] - 1].astype(np.int64)
    bitmap = (last >> 3) + 1
    bitmapped = bitmap + np.where(bitmap < 1 << 7, 1, np.where(bitmap < 1 << 14, 2, 3)) < per_list
    has_values = np.maximum.reduceat(values, first) > 0
    out_bits = b""
    bit_at = np.zeros(n, dtype=np.int64)
    if bitmapped.any():
        chosen = np.flatnonzero(bitmapped)
        sizes = bitmap[chosen]
        base = np.zeros(n, dtype=np.int64)
        base[chosen] = np.cumsum(sizes) - sizes
        bit_at = base
        in_bitmap = np.repeat(bitmapped, counts)
        owner = np.repeat(np.arange(n), counts)[in_bitmap]
        bits = np.zeros(int(sizes.sum()) * 8, dtype=np.uint8)
        bits[base[owner] * 8 + docs[in_bitmap].astype(np.int64)] = 1
        out_bits = np.packbits(bits, bitorder="little").tobytes()
    gap_data, value_data = gap_bytes.tobytes(), values.tobytes()
    out = []
    for j, (m, mode, hv, g0, g1, b, at, s) in enumerate(zip(
            counts.tolist(), bitmapped.tolist(), has_values.tolist(), gap_starts.tolist(),
            (gap_starts + per_list).tolist(), bitmap.tolist(), bit_at.tolist(), first.tolist())):
        head = varint(m << 2 | hv << 1 | mode)
        body = head + varint(b) + out_bits[at:at + b] if mode else head + gap_data[g0:g1]
        out.append(body + value_data[s:s + m] if hv else body)
    return out


MANIFEST = "index.bin"
VOCABULARY = "v.bin"


def shard_key(order_key: int, mixed: int, before: str = "") -> str:
    """A key's place in the index as the manifest writes shard starts (compares as text). With
    `before` (the place of the key before it), cut to 21 digits when that still tells them apart:
    a cut start is not after the key, and every key before the shard is before the cut start."""
    full = f"{order_key:013x}{mixed:016x}"
    return full[:21] if before[:21] < full[:21] else full


def manifest_bytes(count: int, version: str, shards: list[str], years: dict[int, tuple[int, int]], names,
                   common: list[list], months: dict[int, tuple[int, ...]] | None = None) -> bytes:
    manifest = {
        "format": FORMAT,
        "version": version,
        "count": count,
        "group": GROUP,
        "shards": shards,
        "years": {str(y): list(r) for y, r in sorted(years.items())},
        "months": {str(y): list(r) for y, r in sorted((months or {}).items())},
        "names": names.export(),
        "nameMarks": names.export_marks(),
        "merged": names.merged,
        "regions": names.regions,
        "common": common,
    }
    return json.dumps(manifest, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def vocabulary_bytes(words: list[list], pairs: list[list]) -> bytes:
    return json.dumps({"words": words, "pairs": pairs}, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


# ---- Reading (the Python twin of search.js's decoder; for tests and tools) ----

def read_varint(data: bytes, at: int) -> tuple[int, int]:
    n = shift = 0
    while True:
        byte = data[at]
        at += 1
        n |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return n, at


def read_list(data: bytes, at: int) -> tuple[list[int], list[int], int]:
    """(documents, values, where the next list starts)."""
    header, at = read_varint(data, at)
    m, has_values, mode = header >> 2, header >> 1 & 1, header & 1
    docs: list[int] = []
    if mode == 0:
        value = -1
        for _ in range(m):
            gap, at = read_varint(data, at)
            value += gap + 1
            docs.append(value)
    else:
        size, at = read_varint(data, at)
        bits = int.from_bytes(data[at:at + size], "little")
        docs = [i for i in range(size * 8) if bits >> i & 1]
        at += size
    values = list(data[at:at + m]) if has_values else [0] * m
    return docs, values, at + (m if has_values else 0)


def read_shard(data: bytes) -> dict[str, list[tuple[str, list[int], list[int]]]]:
    """A shard (inflated) as {folded key: [(tone key, documents, values)]}."""
    out: dict[str, list] = {}
    at = 0
    while at < len(data):
        klen, at = read_varint(data, at)
        key = data[at:at + klen].decode("utf-8")
        at += klen
        blen, at = read_varint(data, at)
        end = at + blen
        nlists, at = read_varint(data, at)
        lists = []
        for _ in range(nlists):
            tlen, at = read_varint(data, at)
            tone = data[at:at + tlen].decode("utf-8")
            docs, values, at = read_list(data, at + tlen)
            lists.append((tone, docs, values))
        assert at == end, key
        out[key] = lists
    return out
