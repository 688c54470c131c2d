/* Compiled kernels of the search index's batches (maker.py), called through ctypes; scan,
   which reads Python's strings, is a function of the module.

   Each function is the twin of a numpy routine in twins.py or vocab.py and gives the same arrays;
   tests run both on the same batches. The numpy routines stay: they are used when this
   module was not compiled (no C compiler at install time), and for the texts the kernels
   hand back (a unit the tables flag).

   Arithmetic is modulo 2**64 (uint64_t wraps), as numpy's and search.js's hashes. */
#include <Python.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define FLAGGED 0xFFFD /* folded units >= this are flags: prepare, unknown, special */

/* Table.get: the numbers of 64-bit hashes in an open-addressing table (linear probing), -1 for
   those it lacks. */
static int64_t table_find(const uint64_t *keys, const int64_t *numbers, int bits, uint64_t spread, uint64_t h) {
    uint64_t mask = ((uint64_t)1 << bits) - 1, slot = (h * spread) >> (64 - bits);
    for (;;) {
        int64_t number = numbers[slot];
        if (number < 0 || keys[slot] == h) return number;
        slot = (slot + 1) & mask;
    }
}

void lt_table_get(const uint64_t *keys, const int64_t *numbers, int bits, uint64_t spread,
                  const uint64_t *hashes, int64_t n, int64_t *out) {
    for (int64_t i = 0; i < n; i++) out[i] = table_find(keys, numbers, bits, spread, hashes[i]);
}

/* Table.put: new keys (not in the table) with their numbers, by linear probing; the table has
   room (the caller grows it first). */
void lt_table_put(uint64_t *keys, int64_t *numbers, int bits, uint64_t spread, const uint64_t *hashes,
                  const int64_t *values, int64_t n) {
    uint64_t mask = ((uint64_t)1 << bits) - 1;
    for (int64_t i = 0; i < n; i++) {
        uint64_t slot = (hashes[i] * spread) >> (64 - bits);
        while (numbers[slot] >= 0) slot = (slot + 1) & mask;
        keys[slot] = hashes[i];
        numbers[slot] = values[i];
    }
}

/* Keys numbered in the order first met: a batch's new words or pairs (those its vocabulary
   lacks: the kernels give every occurrence its number at once and describe the first one only),
   or the distinct hashes of lt_first. */
typedef struct {
    uint64_t *keys;
    int64_t *ids; /* per slot: the key's number, -1 when empty */
    uint64_t *by_id; /* per number: its key (to put the table back as it was) */
    int bits;
    int64_t count, room;
    uint64_t spread;
} Pending;

static void pending_free(Pending *p) {
    free(p->keys);
    free(p->ids);
    free(p->by_id);
    p->keys = NULL;
    p->ids = NULL;
    p->by_id = NULL;
}

static int pending_alloc(Pending *p, int bits) {
    size_t slots = (size_t)1 << bits;
    uint64_t *keys = malloc(slots * sizeof *keys);
    int64_t *ids = malloc(slots * sizeof *ids);
    if (!keys || !ids) {
        free(keys);
        free(ids);
        return -1;
    }
    memset(ids, 0xFF, slots * sizeof *ids);
    free(p->keys);
    free(p->ids);
    p->keys = keys;
    p->ids = ids;
    p->bits = bits;
    return 0;
}

static void pending_place(Pending *p, uint64_t h, int64_t id) {
    lt_table_put(p->keys, p->ids, p->bits, p->spread, &h, &id, 1);
}

static int pending_init(Pending *p, uint64_t spread) {
    memset(p, 0, sizeof *p);
    p->spread = spread;
    p->room = 512;
    p->by_id = malloc((size_t)p->room * sizeof *p->by_id);
    if (!p->by_id || pending_alloc(p, 10) < 0) {
        pending_free(p);
        return -1;
    }
    return 0;
}

/* The number of key h in the batch (*added: it is new to the batch); -1 when out of memory. */
static int64_t pending_id(Pending *p, uint64_t h, int *added) {
    int64_t id = table_find(p->keys, p->ids, p->bits, p->spread, h);
    *added = id < 0;
    if (id >= 0) return id;
    if (p->count == p->room) {
        uint64_t *by_id = realloc(p->by_id, (size_t)p->room * 2 * sizeof *by_id);
        if (!by_id) return -1;
        p->by_id = by_id;
        p->room *= 2;
    }
    id = p->count++;
    p->by_id[id] = h;
    if (2 * p->count > ((int64_t)1 << p->bits)) { /* half full: twice the slots, every key placed again */
        if (pending_alloc(p, p->bits + 1) < 0) return -1;
        for (int64_t k = 0; k < p->count; k++) pending_place(p, p->by_id[k], k);
    } else {
        pending_place(p, h, id);
    }
    return id;
}

/* Back to the first `count` keys (those of a text left to Python are forgotten). */
static void pending_truncate(Pending *p, int64_t count) {
    if (count >= p->count) return;
    memset(p->ids, 0xFF, ((size_t)1 << p->bits) * sizeof *p->ids);
    p->count = count;
    for (int64_t k = 0; k < count; k++) pending_place(p, p->by_id[k], k);
}

/* Vocab.numbers: where each distinct hash first occurs, in the order of the positions (numpy:
   a stable sort and a sort back). Returns how many, -1 when out of memory. */
int64_t lt_first(const uint64_t *hashes, int64_t n, uint64_t spread, int64_t *out) {
    Pending seen;
    if (pending_init(&seen, spread) < 0) return -1;
    int64_t m = 0;
    for (int64_t i = 0; i < n; i++) {
        int added;
        if (pending_id(&seen, hashes[i], &added) < 0) {
            m = -1;
            break;
        }
        if (added) out[m++] = i;
    }
    pending_free(&seen);
    return m;
}

/* Maker._compiled's first step (the numpy way: twins.glue, then the pairs' Table.get): the
   number in the pairs' table of the pair each token starts with the next token of its text (its
   code: word_folded[a] << 32 | word_folded[b]); -2 for the last token of a text; for a pair not
   in the table, -3 - its number among the batch's new pairs (in the order first met). The place
   and code of each new pair's first occurrence go to unknown_at and unknown_code; returns how
   many, -1 when out of memory. */
int64_t lt_pairs(const int64_t *seg, const uint8_t *brk, const int64_t *numbers, int64_t n, const int64_t *word_folded,
                 const uint64_t *keys, const int64_t *table_numbers, int bits, uint64_t spread, int64_t *pnum,
                 int64_t *unknown_at, uint64_t *unknown_code) {
    Pending pending;
    if (pending_init(&pending, spread) < 0) return -1;
    int64_t m = 0;
    for (int64_t i = 0; i + 1 < n; i++) {
        if (seg[i + 1] != seg[i] || (brk[i + 1] & 1)) { pnum[i] = -2; continue; } /* another text, or block */
        uint64_t code = (uint64_t)word_folded[numbers[i]] << 32 | (uint64_t)word_folded[numbers[i + 1]];
        int64_t found = table_find(keys, table_numbers, bits, spread, code);
        if (found < 0) {
            int added;
            int64_t id = pending_id(&pending, code, &added);
            if (id < 0) { m = -1; break; }
            if (added) {
                unknown_at[m] = i;
                unknown_code[m] = code;
                m++;
            }
            found = -3 - id;
        }
        pnum[i] = found;
    }
    if (n > 0) pnum[n - 1] = -2;
    pending_free(&pending);
    return m;
}

typedef struct {
    int64_t *lists, *docs;
    uint8_t *values;
    int64_t *mark, *slot; /* per list number: the stamp of the document it was last met in, and that
                             posting's place */
    int64_t count;
} Postings;

/* Occurrences (list, document, flag) as postings, one per list and document: the value is the
   flags or'ed, with min(occurrences, 15) << 3 when `counted`. Occurrences come grouped by
   document; its stamp (base + document + 1, base growing from call to call) tells the marks of
   this document from those of any other. */
#define OCCUR(P, L, DOC, FLAG, COUNTED)                                                         \
    do {                                                                                        \
        int64_t l_ = (L), stamp_ = base + (DOC) + 1;                                            \
        if (mark_##P[l_] != stamp_) {                                                           \
            mark_##P[l_] = stamp_;                                                              \
            slot_##P[l_] = m_##P;                                                               \
            lists_##P[m_##P] = l_;                                                              \
            docs_##P[m_##P] = (DOC);                                                            \
            values_##P[m_##P] = (uint8_t)(((COUNTED) ? 8 : 0) | (FLAG));                        \
            m_##P++;                                                                            \
        } else {                                                                                \
            int64_t at_ = slot_##P[l_];                                                         \
            uint8_t v_ = values_##P[at_];                                                       \
            if ((COUNTED) && (v_ >> 3) < 15) v_ += 8;                                           \
            values_##P[at_] = v_ | (FLAG);                                                      \
        }                                                                                       \
    } while (0)

#define LOCALS(P, S)                                                                            \
    int64_t *restrict lists_##P = (S)->lists, *restrict docs_##P = (S)->docs;                   \
    uint8_t *restrict values_##P = (S)->values;                                                 \
    int64_t *restrict mark_##P = (S)->mark, *restrict slot_##P = (S)->slot, m_##P = 0

/* The names of the texts (leftmost, longest, no overlap: NameMatcher.find) and the front matter terms. */
typedef struct {
    const uint8_t *start;        /* per pair number: tokens of the longest name it starts, or 0 */
    const uint64_t *pair_hash;   /* per pair number: the key hash of the pair ("a b") */
    const uint64_t *up;          /* P**i */
    int64_t nup;
    const uint64_t *keys;        /* the names of several tokens: key hash -> name number (or NULL) */
    const int64_t *numbers;
    int bits;
    uint64_t spread;
    const int64_t *word_single;  /* per word number: the name of one token it is, or -1 (NULL: no such names) */
    const int64_t *term_docs;    /* front matter terms, by document */
    const int64_t *term_numbers;
    int64_t nterms;
    uint8_t term_flag;           /* TERM */
    const uint8_t *checked;      /* per name number below nchecked: 1 for a province's (its tokens must fit) */
    int64_t nchecked;
    const uint8_t *word_fault;   /* per word number: Names.word_fault (MARKS 1, NEEDS_CAPITAL 2) */
} Names;

/* Tokens.brk's bits (text.EDGE, text.CAPITAL). */
#define EDGE 1
#define CAPITAL 2

/* Maker._compiled's second step (the numpy way: count_postings of the words, NameMatcher.find and
   count_postings of the names and terms, count_postings of the pairs): the postings of the words, the pairs and
   the names of a batch, their value bytes as _values makes them (pairs: the flags alone).
   out_sizes: the postings of each kind. */
void lt_post(const int64_t *restrict seg, const uint8_t *restrict brk, const int64_t *restrict numbers,
             const int64_t *restrict length, int64_t n,
             const int64_t *restrict pnum, const uint64_t *restrict word_fold, int64_t fields,
             const uint8_t *field_flags, int64_t base, const Names *names, Postings *words, Postings *pairs,
             Postings *found, int64_t *out_sizes) {
    {
        LOCALS(w, words);
        int64_t last = -1, doc = 0; /* texts come in order: a division per text, not per token */
        uint8_t flag = 0;
        for (int64_t t = 0; t < n; t++) {
            if (seg[t] != last) { last = seg[t]; doc = last / fields; flag = field_flags[last % fields]; }
            OCCUR(w, numbers[t], doc, flag, 1);
        }
        out_sizes[0] = m_w;
    }
    {
        LOCALS(p, pairs);
        int64_t last = -1, doc = 0;
        uint8_t flag = 0;
        for (int64_t t = 0; t < n; t++) {
            if (pnum[t] < 0) continue; /* the last token of its text */
            if (seg[t] != last) { last = seg[t]; doc = last / fields; flag = field_flags[last % fields]; }
            OCCUR(p, pnum[t], doc, flag, 0);
        }
        out_sizes[1] = m_p;
    }
    out_sizes[2] = 0;
    if (!names) return;
    LOCALS(f, found);
    const uint8_t *start = names->start;
    const uint64_t *pair_hash = names->pair_hash, *up = names->up, *keys = names->keys;
    const int64_t *name_numbers = names->numbers, *word_single = names->word_single;
    const int64_t *term_docs = names->term_docs, *term_numbers = names->term_numbers;
    int64_t nup = names->nup, nterms = names->nterms;
    int bits = names->bits;
    uint64_t spread = names->spread;
    uint8_t term_flag = names->term_flag;
    const uint8_t *checked = names->checked, *fault = names->word_fault;
    int64_t nchecked = names->nchecked;
    /* whether the token at T may stand in a province's name (names.Names.fits) */
#define FITS(T) (!(fault[numbers[T]] & 1) && (!(fault[numbers[T]] & 2) || (brk[T] & CAPITAL)))
    int64_t free = 0, term = 0;
    for (int64_t t = 0; t < n; t++) {
        int64_t best = 0, number = -1;
        int64_t reach = keys && pnum[t] >= 0 ? start[pnum[t]] : 0;
        if (reach) {
            int64_t s = seg[t];
            uint64_t h = pair_hash[pnum[t]];
            int64_t size = length[t] + 1 + length[t + 1];
            for (int64_t count = 2; count <= reach; count++) {
                if (count > 2) {
                    int64_t nxt = t + count - 1;
                    if (nxt >= n || seg[nxt] != s || (brk[nxt] & EDGE) || size + 1 >= nup) break;
                    h = h + (uint64_t)32 * up[size] + word_fold[numbers[nxt]] * up[size + 1];
                    size += 1 + length[nxt];
                }
                int64_t hit = table_find(keys, name_numbers, bits, spread, h);
                if (hit >= 0 && hit < nchecked && checked[hit]) /* a province's: where its tokens fit */
                    for (int64_t k = 0; k < count && hit >= 0; k++) if (!FITS(t + k)) hit = -1;
                if (hit >= 0) { best = count; number = hit; }
            }
        }
        if (!best && word_single && word_single[numbers[t]] >= 0) {
            int64_t single = word_single[numbers[t]];
            if (single >= nchecked || !checked[single] || FITS(t)) { best = 1; number = single; }
        }
        if (best && t >= free) {
            int64_t s = seg[t], doc = s / fields;
            for (; term < nterms && term_docs[term] < doc; term++) /* terms of the documents before */
                OCCUR(f, term_numbers[term], term_docs[term], term_flag, 0);
            OCCUR(f, number, doc, field_flags[s % fields], 1);
            free = t + best;
        }
    }
    for (; term < nterms; term++) OCCUR(f, term_numbers[term], term_docs[term], term_flag, 0);
    out_sizes[2] = m_f;
#undef FITS
}

/* Maker._part's first step (the numpy way: twins.part_rows): the row of the part's table of each list
   its postings meet, numbered in the order first met, one kind after the other. row[k] (as long as
   kind k's vocabulary) holds -1 for a list not met yet and its row once met (lt_narrow puts -1
   back); distinct[r] is the vocabulary number of row r, ends[k] the rows of kinds 0 to k. */
void lt_rows(int64_t nkinds, const int64_t *const *lists, const int64_t *counts, int64_t *const *row,
             int64_t *distinct, int64_t *ends) {
    int64_t rows = 0;
    for (int64_t k = 0; k < nkinds; k++) {
        const int64_t *l = lists[k];
        int64_t *r = row[k];
        for (int64_t i = 0; i < counts[k]; i++)
            if (r[l[i]] < 0) {
                r[l[i]] = rows;
                distinct[rows++] = l[i];
            }
        ends[k] = rows;
    }
}

#define NARROW(RT, DT)                                                                          \
    do {                                                                                        \
        RT *restrict to_rows = out_rows;                                                        \
        DT *restrict to_docs = out_docs;                                                        \
        for (int64_t k = 0, at = 0; k < nkinds; k++) {                                          \
            const int64_t *l = lists[k], *d = docs[k], *r = row[k];                             \
            for (int64_t i = 0; i < counts[k]; i++, at++) {                                     \
                to_rows[at] = (RT)r[l[i]];                                                      \
                to_docs[at] = (DT)d[i];                                                         \
            }                                                                                   \
        }                                                                                       \
    } while (0)

/* Maker._part's second step: the postings of every kind, one kind after the other, as rows (in
   row_bytes: 2 or 4), documents (doc_bytes: 1, 2 or 4) and values; then row[k] back to -1 for the
   lists of kind k (distinct[ends[k - 1] .. ends[k]]). */
void lt_narrow(int64_t nkinds, const int64_t *const *lists, const int64_t *const *docs,
               const uint8_t *const *values, const int64_t *counts, int64_t *const *row, const int64_t *distinct,
               const int64_t *ends, void *out_rows, int row_bytes, void *out_docs, int doc_bytes,
               uint8_t *out_values) {
    if (row_bytes == 2) {
        if (doc_bytes == 1) NARROW(uint16_t, uint8_t);
        else if (doc_bytes == 2) NARROW(uint16_t, uint16_t);
        else NARROW(uint16_t, uint32_t);
    } else {
        if (doc_bytes == 1) NARROW(uint32_t, uint8_t);
        else if (doc_bytes == 2) NARROW(uint32_t, uint16_t);
        else NARROW(uint32_t, uint32_t);
    }
    for (int64_t k = 0, at = 0; k < nkinds; k++) {
        memcpy(out_values + at, values[k], (size_t)counts[k]);
        at += counts[k];
        for (int64_t j = k ? ends[k - 1] : 0; j < ends[k]; j++) row[k][distinct[j]] = -1;
    }
}
#undef NARROW

/* twins.number_pending: the entries -step - j of numbers (the kernels' number of a batch's new
   word or pair j) replaced by numbered[j], its number in the vocabulary. */
void lt_number_pending(int64_t *numbers, int64_t n, const int64_t *numbered, int64_t step) {
    for (int64_t i = 0; i < n; i++)
        if (numbers[i] <= -step) numbers[i] = numbered[-step - numbers[i]];
}

static int varint_size(uint64_t n) {
    int k = 1;
    while (n >= 0x80) { n >>= 7; k++; }
    return k;
}

static uint8_t *put_varint(uint8_t *at, uint64_t n) {
    while (n >= 0x80) { *at++ = (uint8_t)(n & 0x7F) | 0x80; n >>= 7; }
    *at++ = (uint8_t)n;
    return at;
}

/* A few of one list's postings, each a document id with its value in the top byte (id | value
   << 24), into its documents d and values v in order, by insertion. */
static void sort_few(const uint32_t *packed, int64_t m, int32_t *d, uint8_t *v) {
    for (int64_t k = 0; k < m; k++) {
        int32_t doc = (int32_t)(packed[k] & 0xFFFFFF);
        uint8_t value = (uint8_t)(packed[k] >> 24);
        int64_t at = k - 1;
        while (at >= 0 && d[at] > doc) { d[at + 1] = d[at]; v[at + 1] = v[at]; at--; }
        d[at + 1] = doc;
        v[at + 1] = value;
    }
}

/* Many of one list's postings as the bitmap of its documents: their bits set in scratch (ndocs / 8
   + 1 bytes, zero before), their values in values_by_doc (ndocs bytes); the lowest and highest
   document. Returns whether any value is not 0. */
static int fill_bitmap(const uint32_t *packed, int64_t m, uint8_t *scratch, uint8_t *values_by_doc, int32_t *low,
                       int32_t *high) {
    int has_values = 0;
    *low = *high = (int32_t)(packed[0] & 0xFFFFFF);
    for (int64_t k = 0; k < m; k++) {
        int32_t doc = (int32_t)(packed[k] & 0xFFFFFF);
        uint8_t value = (uint8_t)(packed[k] >> 24);
        if (doc < *low) *low = doc;
        if (doc > *high) *high = doc;
        scratch[doc >> 3] |= (uint8_t)(1 << (doc & 7));
        values_by_doc[doc] = value;
        has_values |= value != 0;
    }
    return has_values;
}

/* The documents of fill_bitmap's bitmap in order into d, their values into v; scratch left zero. */
static void drain_bitmap(uint8_t *scratch, int32_t low, int32_t high, const uint8_t *values_by_doc, int32_t *d,
                         uint8_t *v) {
    int64_t k = 0;
    for (int64_t byte = low >> 3; byte <= (high >> 3); byte++) {
        uint8_t bits = scratch[byte];
        scratch[byte] = 0;
        while (bits) {
            int32_t doc = (int32_t)(byte * 8 + __builtin_ctz(bits));
            bits &= (uint8_t)(bits - 1);
            d[k] = doc;
            v[k] = values_by_doc[doc];
            k++;
        }
    }
}

/* assemble.merge's second step (_grid and _sorted) at once. Sources: postings numbered by each
   source's own table and documents (lists[s][i] < table size, in row_bytes[s] bytes: 2 or 4;
   docs[s][i] in doc_bytes[s]: 1, 2 or 4, as narrow as a part's are, not widened for the call),
   to[s]: its table's
   rows -> index list numbers, ids[s]: its documents -> index ids (-1: left out); at most one
   posting per list and document. Each list is encoded as format.encode_list does: [varint m << 2
   | has values << 1 | mode], then the gap varints (mode 0) or the bitmap (mode 1, [varint
   bytes][bits]) whichever is smaller, then the m values unless all are 0. Lists go one after
   the other into out (cap bytes); offsets[j] is where list j starts (offsets[nlists] the end)
   and sizes[j] its documents. Returns the bytes written, -1 when out of memory, -2 when out is
   too small, -3 for 2**24 documents or more, -4 for two postings of a list in one document. */
static inline uint32_t item(const void *array, int bytes, int64_t i) {
    switch (bytes) {
    case 1: return ((const uint8_t *)array)[i];
    case 2: return ((const uint16_t *)array)[i];
    default: return ((const uint32_t *)array)[i];
    }
}

int64_t lt_merge(int64_t nsources, const void *const *lists, const uint8_t *row_bytes, const void *const *docs,
                 const uint8_t *doc_bytes, const uint8_t *const *values, const int64_t *counts,
                 const int32_t *const *to, const int32_t *const *ids, int64_t nlists, int64_t ndocs, uint8_t *out,
                 int64_t cap, int64_t *offsets, int64_t *sizes) {
#define DOC(S, I) item(docs[S], doc_bytes[S], I)
#define ROW(S, I) item(lists[S], row_bytes[S], I)
    int64_t n = 0, written = -1, longest = 0;
    if (ndocs >= ((int64_t)1 << 24)) return -3; /* ids take 24 bits beside their values */
    for (int64_t s = 0; s < nsources; s++) n += counts[s];
    int64_t *list_start = calloc((size_t)nlists + 1, sizeof(int64_t));
    /* one stream of 32 bits per list (id | value << 24) while the postings are put in place: half
       the places written at once that two streams (ids, values) would take */
    uint32_t *sorted = malloc(sizeof(uint32_t) * (n ? n : 1));
    int32_t *d = malloc(sizeof(int32_t) * ((size_t)ndocs + 1));
    uint8_t *v = malloc((size_t)ndocs + 1);
    uint8_t *scratch = calloc((size_t)ndocs / 8 + 2, 1);
    uint8_t *values_by_doc = malloc((size_t)ndocs + 1);
    if (!list_start || !sorted || !d || !v || !scratch || !values_by_doc) goto done;
    for (int64_t s = 0; s < nsources; s++)
        for (int64_t i = 0; i < counts[s]; i++)
            if (ids[s][DOC(s, i)] >= 0) list_start[to[s][ROW(s, i)] + 1]++;
    for (int64_t j = 0; j < nlists; j++) list_start[j + 1] += list_start[j];
    for (int64_t j = 0; j < nlists; j++) {
        sizes[j] = list_start[j + 1] - list_start[j];
        if (sizes[j] > longest) longest = sizes[j];
    }
    if (longest > ndocs) { written = -4; goto done; } /* more than one posting per list and document */
    for (int64_t s = 0; s < nsources; s++)
        for (int64_t i = 0; i < counts[s]; i++) {
            int32_t id = ids[s][DOC(s, i)];
            if (id < 0) continue;
            sorted[list_start[to[s][ROW(s, i)]]++] = (uint32_t)id | (uint32_t)values[s][i] << 24;
        }
    uint8_t *at = out, *end = out + cap;
    int64_t first = 0;
    for (int64_t j = 0; j < nlists; j++) {
        int64_t m = sizes[j];
        offsets[j] = at - out;
        if (!m) continue;
        if (m < 48) {
            sort_few(sorted + first, m, d, v);
        } else { /* many: through the bitmap of their documents */
            int32_t low, high;
            int has_values = fill_bitmap(sorted + first, m, scratch, values_by_doc, &low, &high);
            int64_t bitmap = high / 8 + 1;
            if (bitmap + varint_size((uint64_t)bitmap) < m) {
                /* surely smaller than the gaps (a byte each at least): written as it is, no sort */
                if (end - at < 20 + bitmap + (has_values ? m : 0)) { written = -2; goto done; }
                at = put_varint(at, (uint64_t)m << 2 | (uint64_t)has_values << 1 | 1);
                at = put_varint(at, (uint64_t)bitmap);
                memcpy(at, scratch, (size_t)bitmap);
                memset(scratch, 0, (size_t)bitmap);
                uint8_t *bits = at;
                at += bitmap;
                if (has_values) /* in document order: the bitmap's bits in turn */
                    for (int64_t byte = 0; byte < bitmap; byte++)
                        for (uint8_t b = bits[byte]; b; b &= (uint8_t)(b - 1))
                            *at++ = values_by_doc[byte * 8 + __builtin_ctz(b)];
                first += m;
                continue;
            }
            drain_bitmap(scratch, low, high, values_by_doc, d, v);
        }
        int64_t gaps = 0, previous = -1;
        int has_values = 0;
        for (int64_t k = 0; k < m; k++) {
            gaps += varint_size((uint64_t)(d[k] - previous - 1));
            previous = d[k];
            has_values |= v[k] != 0;
        }
        int64_t bitmap = d[m - 1] / 8 + 1;
        int mode = bitmap + varint_size((uint64_t)bitmap) < gaps;
        int64_t need = 20 + (mode ? bitmap : gaps) + (has_values ? m : 0);
        if (end - at < need) { written = -2; goto done; }
        at = put_varint(at, (uint64_t)m << 2 | (uint64_t)has_values << 1 | (uint64_t)mode);
        if (mode) {
            at = put_varint(at, (uint64_t)bitmap);
            memset(at, 0, (size_t)bitmap);
            for (int64_t k = 0; k < m; k++) at[d[k] >> 3] |= (uint8_t)(1 << (d[k] & 7));
            at += bitmap;
        } else {
            previous = -1;
            for (int64_t k = 0; k < m; k++) {
                at = put_varint(at, (uint64_t)(d[k] - previous - 1));
                previous = d[k];
            }
        }
        if (has_values) {
            memcpy(at, v, (size_t)m);
            at += m;
        }
        first += m;
    }
    offsets[nlists] = at - out;
    written = at - out;
done:
    free(list_start);
    free(sorted);
    free(d);
    free(v);
    free(scratch);
    free(values_by_doc);
    return written;
#undef DOC
#undef ROW
}

/* ---- scan: Maker.part's tokens from the articles' own strings (a Python function) ----

   The twin of html_to_text and Maker._fast over the batch's UTF-16 text, then the words' table
   (Vocab.numbers' look-up): the tokens of the texts (each a str; every `fields`-th one, from
   the first, sanitised HTML) read where Python keeps them, with their word numbers (-1: not in
   the table). In HTML, a tag (from < to the next >) and a character reference of a character
   that is no token character separate tokens, as the space html_to_text puts there; a text
   holding any other reference, a unit the tables flag, or a character beyond U+FFFF is left
   to Python (flagged), as are its tokens. Positions are those of the texts joined with a
   separator before each, as Maker.tokens joins them. */

#define UP 64 /* powers of P a scan keeps at hand */

/* Whether a tag (its text between < and >, units of `width` bytes) opens or closes a block:
   text.py's _BLOCK, whose edges no pair or name crosses. */
static int block_tag(const void *tag, int64_t n, size_t width) {
    static const char *const blocks[] = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl",
                                         "dt", "dd", "blockquote", "br", "hr", "tr", "td", "th", "table", "thead",
                                         "tbody", "tfoot", "caption", "figure", "figcaption", "section", "article",
                                         "aside", "header", "footer", "nav", "pre"};
    char name[16];
    int64_t i = 0, m = 0;
    uint32_t c = width == 1 ? ((const uint8_t *)tag)[0] : ((const uint16_t *)tag)[0];
    if (n > 0 && c == '/') i = 1;
    for (; i < n && m < 15; i++, m++) {
        c = width == 1 ? ((const uint8_t *)tag)[i] : ((const uint16_t *)tag)[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '/') break;
        if (c >= 'A' && c <= 'Z') c += 32;
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) return 0;
        name[m] = (char)c;
    }
    if (m == 0 || m == 15) return 0;
    name[m] = 0;
    for (size_t k = 0; k < sizeof blocks / sizeof *blocks; k++)
        if (!strcmp(name, blocks[k])) return 1;
    return 0;
}

typedef struct {
    const uint64_t *table;                 /* _Chars.table */
    uint64_t p, tone_step, up[UP];
    const uint64_t *keys;                  /* the words' Table */
    const int64_t *numbers;
    int bits;
    uint64_t spread;
    int64_t *seg, *start, *length, *prefix, *number, *firsts;
    uint8_t *brk;                          /* per token: a block's edge (html_blocks' BREAK) before it */
    uint64_t *spelling, *fold_hash;
    int64_t cap, count;
    Pending pending;                       /* the batch's new words */
} Scan;

enum { SCAN_OK = 0, SCAN_FLAGGED = 1, SCAN_FULL = 2, SCAN_NO_MEMORY = 3 };

/* text.sentences: between two tokens, ! ? ; or … end a sentence (ENDS in the letters' table), and
   a full stop (STOP) after a token starting with a small letter (LOWER): "mạnh. Đảng", not "TP. Hồ",
   "4.0". A separator is 0 in the table but for these: one test for a space. */
#define SENTENCE_END(c) ((c) == '!' || (c) == '?' || (c) == ';' || (c) == 0x2026)
#define LOWER (1ULL << 48)
#define ENDS (1ULL << 49)
#define STOP (1ULL << 50)

/* The end of the character reference at u[i] == '&' when it stands for a character that is no
   token character (a separator); 0 when it is no reference (html.unescape keeps it as it is);
   -1 for any other reference (Python decodes it). */
#define REFERENCE(NAME, T)                                                                      \
static int64_t NAME(const Scan *s, const T *u, int64_t i, int64_t n) {                          \
    static const char *const named[] = {"amp;", "lt;", "gt;", "quot;", "apos;", "nbsp;"};       \
    int64_t j = i + 1;                                                                          \
    if (j >= n) return 0;                                                                       \
    uint32_t c = u[j];                                                                          \
    int alnum = (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z');                 \
    if (!alnum && c != '#') return 0;                                                           \
    if (c != '#') {                                                                             \
        for (size_t k = 0; k < sizeof named / sizeof *named; k++) {                             \
            size_t m = strlen(named[k]), at = 0;                                                \
            while (at < m && j + (int64_t)at < n && u[j + at] == (T)named[k][at]) at++;         \
            if (at == m) return j + (int64_t)m;                                                 \
        }                                                                                       \
        return -1;                                                                              \
    }                                                                                           \
    int hex = j + 1 < n && (u[j + 1] | 32) == 'x';                                              \
    int64_t at = j + 1 + hex, digits = 0;                                                       \
    uint32_t v = 0;                                                                             \
    for (; at < n && digits < 7; at++, digits++) {                                              \
        uint32_t d = u[at], x;                                                                  \
        if (d >= '0' && d <= '9') x = d - '0';                                                  \
        else if (hex && (d | 32) >= 'a' && (d | 32) <= 'f') x = (d | 32) - 'a' + 10;            \
        else break;                                                                             \
        v = v * (hex ? 16 : 10) + x;                                                            \
    }                                                                                           \
    if (!digits || at >= n || u[at] != ';') return -1;                                          \
    /* what html.unescape gives as such a character: no control, no replacement */              \
    if (v < 0x20 || (v >= 0x7F && v < 0xA0) || v >= 0xD800 || v == 0x2029) return -1;          \
    if ((uint16_t)s->table[v] != 0) return -1; /* a token character, or a flag */               \
    if (SENTENCE_END(v) || v == '.') return -1; /* the end of a sentence: Python's to read */   \
    return at + 1;                                                                              \
}

/* A unit's folded form is a token character's when it is 1 to FLAGGED - 1: one test for both
   ends of the range (0: a separator; FLAGGED and above: a flag). */
#define TOKEN_UNIT(folded) ((uint16_t)((folded) - 1) < FLAGGED - 1)

#define SCAN_TEXT(NAME, T, REF)                                                                 \
static int NAME(Scan *s, const T *restrict u, int64_t n, int html, int64_t base, int64_t text) { \
    const uint64_t *restrict table = s->table, *restrict up = s->up;                            \
    int64_t *restrict seg = s->seg, *restrict length = s->length, *restrict number_of = s->number; \
    uint64_t *restrict spellings = s->spelling;                                                 \
    uint8_t *restrict brk = s->brk;                                                             \
    const int64_t cap = s->cap, opening = s->count; /* the text's first token: no edge before it */ \
    int64_t i = 0, count = s->count;                                                            \
    uint8_t edge = 0;                                                                           \
    int64_t last = -1; /* where the last token starts */                                       \
    while (i < n) {                                                                             \
        uint32_t c = u[i];                                                                      \
        uint64_t packed = table[c];                                                             \
        if (!TOKEN_UNIT((uint16_t)packed)) { /* '<', '&' and U+2029 are separators (scan checks) */ \
            if (html && c == '<') {                                                             \
                int64_t j = i + 1;                                                              \
                while (j < n && u[j] != '>') j++;                                               \
                if (j < n && block_tag(u + i + 1, j - i - 1, sizeof(T))) edge = 1;              \
                i = j < n ? j + 1 : i + 1;                                                      \
            } else if (c == 0x2029) {                                                           \
                edge = 1;                                                                       \
                i++;                                                                            \
            } else if (html && c == '&') {                                                      \
                int64_t end = REF(s, u, i, n);                                                  \
                if (end < 0) { s->count = count; return SCAN_FLAGGED; }                         \
                i = end ? end : i + 1;                                                          \
            } else if ((uint16_t)packed) {                                                      \
                s->count = count;                                                               \
                return SCAN_FLAGGED;                                                            \
            } else {                                                                            \
                if (packed && ((packed & ENDS) || (last >= 0 && (table[u[last]] & LOWER)))) edge = 1; \
                i++;                                                                            \
            }                                                                                   \
            continue;                                                                           \
        }                                                                                       \
        /* a token: P**k from the table for its first UP units, by multiplication beyond */    \
        int64_t first = i;                                                                      \
        uint8_t capital = (packed & LOWER) ? 0 : CAPITAL;                                       \
        last = i;                                                                               \
        uint64_t h = 0;                                                                         \
        unsigned tone = 0; /* the last toned unit's tone + 8, or 0 */                           \
        int64_t near = n - i < UP ? n : i + UP;                                                 \
        const uint64_t *power = up;                                                             \
        do {                                                                                    \
            h += (uint64_t)(uint16_t)(packed >> 16) * *power++;                                 \
            unsigned t = (unsigned)(uint16_t)(packed >> 32);                                    \
            tone = t ? t : tone;                                                                \
            if (++i == near) break;                                                             \
            packed = table[u[i]];                                                               \
        } while (TOKEN_UNIT((uint16_t)packed));                                                 \
        if (i == near && i < n) { /* a token of UP units or more */                             \
            uint64_t far = up[UP - 1];                                                          \
            while (i < n && TOKEN_UNIT((uint16_t)(packed = table[u[i]]))) {                     \
                h += (uint64_t)(uint16_t)(packed >> 16) * (far *= s->p);                        \
                unsigned t = (unsigned)(uint16_t)(packed >> 32);                                \
                tone = t ? t : tone;                                                            \
                i++;                                                                            \
            }                                                                                   \
        }                                                                                       \
        if (count == cap) { s->count = count; return SCAN_FULL; }                               \
        int64_t k = count++;                                                                    \
        uint64_t spelling = h + (uint64_t)(tone ? tone - 8 : 0) * s->tone_step;                \
        int64_t number = table_find(s->keys, s->numbers, s->bits, s->spread, spelling);         \
        seg[k] = text;                                                                          \
        brk[k] = (uint8_t)((edge && k > opening) | capital);                                    \
        edge = 0;                                                                               \
        length[k] = i - first;                                                                  \
        spellings[k] = spelling;                                                                \
        if (number < 0) { /* a new word: numbered in the batch, described where first met */     \
            int added = 0;                                                                      \
            int64_t id = pending_id(&s->pending, spelling, &added);                             \
            if (id < 0) { s->count = count; return SCAN_NO_MEMORY; }                            \
            number = -2 - id;                                                                   \
            if (added) { /* what its list needs, from a second look at it */                    \
                uint64_t f = 0, far = up[UP - 1];                                               \
                int64_t head = 0;                                                               \
                s->firsts[id] = k;                                                              \
                for (int64_t j = first; j < i; j++) {                                           \
                    uint16_t unit = (uint16_t)table[u[j]];                                      \
                    int64_t at = j - first;                                                     \
                    f += (uint64_t)unit * (at < UP ? up[at] : (far *= s->p));                   \
                    if (at < 3) head |= (int64_t)unit << (16 * (2 - at));                       \
                }                                                                               \
                s->start[k] = base + first;                                                     \
                s->fold_hash[k] = f;                                                            \
                s->prefix[k] = head;                                                            \
            }                                                                                   \
        }                                                                                       \
        number_of[k] = number;                                                                  \
    }                                                                                           \
    s->count = count;                                                                           \
    return SCAN_OK;                                                                             \
}

REFERENCE(reference1, Py_UCS1)
REFERENCE(reference2, Py_UCS2)
SCAN_TEXT(scan1, Py_UCS1, reference1)
SCAN_TEXT(scan2, Py_UCS2, reference2)

typedef struct {
    Py_buffer view;
    int held;
} Buffer;

static int take(PyObject *obj, Buffer *b, Py_ssize_t item, int writable, const char *name) {
    if (PyObject_GetBuffer(obj, &b->view, PyBUF_C_CONTIGUOUS | (writable ? PyBUF_WRITABLE : 0)) < 0) return -1;
    b->held = 1;
    if (b->view.itemsize != item) {
        PyErr_Format(PyExc_TypeError, "scan: %s has items of %zd bytes, not %zd", name, b->view.itemsize, item);
        return -1;
    }
    return 0;
}

/* scan(texts, fields, chars, p, tone_step, keys, numbers, bits, spread, seg, start, length,
   spelling, fold_hash, prefix, number, flagged, firsts, brk) -> (tokens written, new words), or -1
   when the arrays have no room for them all. A word the table lacks is numbered -2 - its number
   among the batch's new words (in the order first met); firsts[j] is where new word j first
   occurs, and there only start, fold_hash and prefix are written: only their lists are
   described. flagged (one byte per text) is set for the texts left to Python. */
static PyObject *scan(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    if (nargs != 19) {
        PyErr_SetString(PyExc_TypeError, "scan takes 19 arguments");
        return NULL;
    }
    PyObject *texts = args[0];
    if (!PyList_Check(texts)) {
        PyErr_SetString(PyExc_TypeError, "scan: texts must be a list");
        return NULL;
    }
    Scan s;
    memset(&s, 0, sizeof s);
    Buffer b[13];
    memset(b, 0, sizeof b);
    PyObject *result = NULL;
    long fields = PyLong_AsLong(args[1]);
    s.p = PyLong_AsUnsignedLongLongMask(args[3]);
    s.tone_step = PyLong_AsUnsignedLongLongMask(args[4]);
    s.bits = (int)PyLong_AsLong(args[7]);
    s.spread = PyLong_AsUnsignedLongLongMask(args[8]);
    if (PyErr_Occurred()) return NULL;
    s.up[0] = 1;
    for (int k = 1; k < UP; k++) s.up[k] = s.up[k - 1] * s.p;
    if (fields < 1) {
        PyErr_SetString(PyExc_ValueError, "scan: fields < 1");
        return NULL;
    }
    static const Py_ssize_t sizes[13] = {8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 1, 8, 1};
    static const int arg_of[13] = {2, 5, 6, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18};
    static const char *const names[13] = {"chars", "keys", "numbers", "seg", "start", "length", "spelling",
                                          "fold_hash", "prefix", "number", "flagged", "firsts", "brk"};
    for (int k = 0; k < 13; k++)
        if (take(args[arg_of[k]], &b[k], sizes[k], k >= 3, names[k]) < 0) goto done;
    if (b[0].view.len < (Py_ssize_t)(0x10000 * 8)) {
        PyErr_SetString(PyExc_ValueError, "scan: chars must cover every UTF-16 unit");
        goto done;
    }
    Py_ssize_t ntexts = PyList_GET_SIZE(texts);
    s.cap = b[3].view.len / 8;
    for (int k = 4; k < 12; k++)
        if (k != 10 && b[k].view.len / 8 < s.cap) s.cap = b[k].view.len / 8;
    if (b[12].view.len < s.cap) s.cap = b[12].view.len;
    if (b[10].view.len < ntexts) {
        PyErr_SetString(PyExc_ValueError, "scan: flagged is shorter than texts");
        goto done;
    }
    s.table = b[0].view.buf;
    s.keys = b[1].view.buf;
    s.numbers = b[2].view.buf;
    s.seg = b[3].view.buf;
    s.start = b[4].view.buf;
    s.length = b[5].view.buf;
    s.spelling = b[6].view.buf;
    s.fold_hash = b[7].view.buf;
    s.prefix = b[8].view.buf;
    s.number = b[9].view.buf;
    s.firsts = b[11].view.buf;
    s.brk = b[12].view.buf;
    uint8_t *flagged = b[10].view.buf;
    if ((uint16_t)s.table['<'] || (uint16_t)s.table['&'] || (uint16_t)s.table[0x2029]) {
        PyErr_SetString(PyExc_ValueError, "scan: '<', '&' and U+2029 must be separators in chars");
        goto done;
    }
    if (pending_init(&s.pending, s.spread) < 0) {
        PyErr_NoMemory();
        goto done;
    }
    int64_t base = 1; /* a separator before each text */
    for (Py_ssize_t t = 0; t < ntexts; t++) {
        PyObject *text = PyList_GET_ITEM(texts, t);
        if (!PyUnicode_Check(text)) {
            PyErr_SetString(PyExc_TypeError, "scan: texts must be str");
            goto done;
        }
        Py_ssize_t n = PyUnicode_GET_LENGTH(text);
        int html = t % fields == 0, got;
        int64_t before = s.count, known_before = s.pending.count;
        switch (PyUnicode_KIND(text)) {
        case PyUnicode_1BYTE_KIND: got = scan1(&s, PyUnicode_1BYTE_DATA(text), n, html, base, t); break;
        case PyUnicode_2BYTE_KIND: got = scan2(&s, PyUnicode_2BYTE_DATA(text), n, html, base, t); break;
        default: got = SCAN_FLAGGED; /* beyond U+FFFF: surrogates in UTF-16, which the tables flag */
        }
        if (got == SCAN_FULL) {
            result = PyLong_FromLong(-1);
            goto done;
        }
        if (got == SCAN_NO_MEMORY) {
            PyErr_NoMemory();
            goto done;
        }
        flagged[t] = got == SCAN_FLAGGED;
        if (got == SCAN_FLAGGED) { /* its tokens are Python's to find, its new words too */
            s.count = before;
            pending_truncate(&s.pending, known_before);
        }
        base += n + 1;
    }
    result = Py_BuildValue("(LL)", (long long)s.count, (long long)s.pending.count);
done:
    pending_free(&s.pending);
    for (int k = 0; k < 13; k++)
        if (b[k].held) PyBuffer_Release(&b[k].view);
    return result;
}

static PyMethodDef methods[] = {
    {"scan", (PyCFunction)(void (*)(void))scan, METH_FASTCALL, "The tokens of texts and their word numbers."},
    {NULL, NULL, 0, NULL}};

/* A module only so that the build installs it beside maker.py and kernels.py can find it; it
   carries the digest of this file it was compiled from (setup.py). */
#ifndef LT_SOURCE_DIGEST
#define LT_SOURCE_DIGEST ""
#endif
static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_kernels", "Compiled kernels (ctypes, and scan).", -1,
                                     methods};

PyMODINIT_FUNC PyInit__kernels(void) {
    PyObject *m = PyModule_Create(&module);
    if (m && PyModule_AddStringConstant(m, "source_digest", LT_SOURCE_DIGEST) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
