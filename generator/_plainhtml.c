/* plainhtml.plain_html compiled: the same answer, without a Python step per tag.

   plain(raw, tags, flags, deepest) gives raw with its tags written as nh3 writes them (before
   the &quot; and no-break space replacements, which plainhtml.Plain makes), or None when raw
   needs nh3. tags: every tag as the engines write it -> (kind, name number, how nh3 writes it or
   None when the same); flags: per name number, where it may hold blocks, items and phrasing.
   tests/test_plainhtml.py compares both ways on random tag soup. */
#include <Python.h>

enum { END, BLOCK, RULE, ITEM, PHRASE, BREAK };      /* plainhtml's kinds of tag */
enum { HOLDS_BLOCKS = 1, IS_LIST = 2, HOLDS_PHRASING = 4 };
#define TOP_FLAGS (HOLDS_BLOCKS | HOLDS_PHRASING)    /* the top of the body */

typedef struct { Py_ssize_t start, end; PyObject *written; } Rewrite;

typedef struct {
    PyObject *raw, *tags;
    const unsigned char *flags;
    Py_ssize_t nflags;
    int *stack, depth, deepest;
    Rewrite *rewrites;
    Py_ssize_t nrewrites, cap;
} State;

/* 1: the tag at raw[start:end] is taken, 0: raw needs nh3, -1: a Python error. */
static int take_tag(State *s, Py_ssize_t start, Py_ssize_t end) {
    PyObject *tag = PyUnicode_Substring(s->raw, start, end);
    if (tag == NULL) return -1;
    PyObject *found = PyDict_GetItemWithError(s->tags, tag);  /* borrowed */
    Py_DECREF(tag);
    if (found == NULL) return PyErr_Occurred() ? -1 : 0;
    if (!PyTuple_Check(found) || PyTuple_GET_SIZE(found) != 3) {
        PyErr_SetString(PyExc_TypeError, "tags: (kind, name, written) expected");
        return -1;
    }
    long kind = PyLong_AsLong(PyTuple_GET_ITEM(found, 0));
    long name = PyLong_AsLong(PyTuple_GET_ITEM(found, 1));
    if (PyErr_Occurred()) return -1;
    if (name < 0 || name >= s->nflags) {
        PyErr_SetString(PyExc_ValueError, "tags: a name without flags");
        return -1;
    }
    int parent = s->depth ? s->stack[s->depth - 1] : -1;
    int held = parent < 0 ? TOP_FLAGS : s->flags[parent];
    if (kind == END) {
        if (parent != name) return 0;
        s->depth--;
    } else {
        int need = (kind == BLOCK || kind == RULE) ? HOLDS_BLOCKS : kind == ITEM ? IS_LIST : HOLDS_PHRASING;
        if (!(held & need)) return 0;
        if (kind == PHRASE) {
            int same = 0;
            for (int i = 0; i < s->depth; i++) same += s->stack[i] == name;
            if (same >= 2) return 0;   /* the parser's "Noah's Ark" acts at 3 */
        }
        if (kind != RULE && kind != BREAK) {
            if (s->depth >= s->deepest) return 0;
            s->stack[s->depth++] = (int)name;
        }
    }
    PyObject *written = PyTuple_GET_ITEM(found, 2);
    if (written != Py_None) {
        if (s->nrewrites == s->cap) {
            Py_ssize_t cap = s->cap ? 2 * s->cap : 16;
            Rewrite *more = PyMem_Realloc(s->rewrites, cap * sizeof(Rewrite));
            if (more == NULL) { PyErr_NoMemory(); return -1; }
            s->rewrites = more, s->cap = cap;
        }
        s->rewrites[s->nrewrites++] = (Rewrite){start, end, written};
    }
    return 1;
}

static const char *ENTITIES[] = {"quot;", "amp;", "lt;", "gt;"};

/* The characters that stop the scan: what the parser rewrites (NUL, \r), tags' brackets, entities. */
static unsigned char SPECIAL[128];

/* The next special character from i (n when there is none), in a string of one kind. */
#define NEXT_SPECIAL(T)                                                             \
    static Py_ssize_t next_special_##T(const void *data, Py_ssize_t i, Py_ssize_t n) { \
        const T *p = data;                                                          \
        while (i < n && (p[i] > '>' || !SPECIAL[p[i]])) i++;                       \
        return i;                                                                   \
    }
NEXT_SPECIAL(Py_UCS1)
NEXT_SPECIAL(Py_UCS2)
NEXT_SPECIAL(Py_UCS4)

/* 1: raw is taken whole (s->rewrites say which tags to write otherwise), 0: it needs nh3, -1: error. */
static int scan(State *s) {
    PyObject *raw = s->raw;
    int kind = PyUnicode_KIND(raw);
    const void *data = PyUnicode_DATA(raw);
    Py_ssize_t (*next)(const void *, Py_ssize_t, Py_ssize_t) =
        kind == PyUnicode_1BYTE_KIND ? next_special_Py_UCS1 : kind == PyUnicode_2BYTE_KIND ? next_special_Py_UCS2
                                                                                          : next_special_Py_UCS4;
    Py_ssize_t n = PyUnicode_GET_LENGTH(raw), text = 0;   /* text: where the words since the last tag start */
    if (n && PyUnicode_READ(kind, data, 0) == 0xFEFF) return 0;   /* dropped by the parser */
    for (Py_ssize_t i = next(data, 0, n); i < n; i = next(data, i + 1, n)) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c == 0 || c == '\r' || c == '>') return 0;   /* rewritten by the parser; a stray > */
        if (c == '&') {
            int known = 0;
            for (int e = 0; e < 4 && !known; e++) {
                const char *ent = ENTITIES[e];
                Py_ssize_t len = (Py_ssize_t)strlen(ent), k = 0;
                if (i + 1 + len > n) continue;
                while (k < len && PyUnicode_READ(kind, data, i + 1 + k) == (Py_UCS4)ent[k]) k++;
                known = k == len;
            }
            if (!known) return 0;
        } else {   /* '<' */
            Py_ssize_t j = i + 1;
            Py_UCS4 d = 0;
            for (; j < n; j++) {
                d = PyUnicode_READ(kind, data, j);
                if (d == '<' || d == '>') break;
            }
            if (j == n || d == '<') return 0;   /* a stray < */
            int parent = s->depth ? s->stack[s->depth - 1] : -1;
            if (i > text && parent >= 0 && (s->flags[parent] & IS_LIST)) {   /* words straight in a list */
                for (Py_ssize_t k = text; k < i; k++)
                    if (!Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, k))) return 0;
            }
            int taken = take_tag(s, i, j + 1);
            if (taken <= 0) return taken;
            i = j;
            text = j + 1;
        }
    }
    return s->depth == 0;   /* nothing left open */
}

static PyObject *written_anew(State *s) {
    PyObject *parts = PyList_New(0), *joined = NULL;
    if (parts == NULL) return NULL;
    Py_ssize_t at = 0;
    for (Py_ssize_t r = 0; r < s->nrewrites; r++) {
        PyObject *before = PyUnicode_Substring(s->raw, at, s->rewrites[r].start);
        if (before == NULL || PyList_Append(parts, before) < 0 || PyList_Append(parts, s->rewrites[r].written) < 0) {
            Py_XDECREF(before);
            goto done;
        }
        Py_DECREF(before);
        at = s->rewrites[r].end;
    }
    PyObject *rest = PyUnicode_Substring(s->raw, at, PyUnicode_GET_LENGTH(s->raw));
    if (rest == NULL || PyList_Append(parts, rest) < 0) {
        Py_XDECREF(rest);
        goto done;
    }
    Py_DECREF(rest);
    PyObject *empty = PyUnicode_FromStringAndSize("", 0);
    if (empty != NULL) {
        joined = PyUnicode_Join(empty, parts);
        Py_DECREF(empty);
    }
done:
    Py_DECREF(parts);
    return joined;
}

static PyObject *plain(PyObject *self, PyObject *args) {
    (void)self;
    State s = {0};
    Py_buffer flags;
    if (!PyArg_ParseTuple(args, "UO!y*i", &s.raw, &PyDict_Type, &s.tags, &flags, &s.deepest)) return NULL;
    s.flags = flags.buf, s.nflags = flags.len;
    if (s.deepest < 0) s.deepest = 0;
    s.stack = PyMem_Malloc(((size_t)s.deepest + 1) * sizeof(int));
    PyObject *result = NULL;
    if (s.stack == NULL) {
        PyErr_NoMemory();
    } else {
        int taken = scan(&s);
        if (taken > 0) {
            if (s.nrewrites == 0) {
                Py_INCREF(s.raw);
                result = s.raw;
            } else {
                result = written_anew(&s);
            }
        } else if (taken == 0) {
            Py_INCREF(Py_None);
            result = Py_None;
        }
    }
    PyMem_Free(s.stack);
    PyMem_Free(s.rewrites);
    PyBuffer_Release(&flags);
    return result;
}

static PyMethodDef methods[] = {
    {"plain", plain, METH_VARARGS, "raw with its tags as nh3 writes them, or None when it needs nh3."},
    {NULL, NULL, 0, NULL}};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_plainhtml", "plainhtml.plain_html compiled.", -1,
                                    methods};

PyMODINIT_FUNC PyInit__plainhtml(void) {
    SPECIAL[0] = SPECIAL['\r'] = SPECIAL['<'] = SPECIAL['>'] = SPECIAL['&'] = 1;
    PyObject *m = PyModule_Create(&module);
    if (m && PyModule_AddStringConstant(m, "source_digest", LT_SOURCE_DIGEST) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
