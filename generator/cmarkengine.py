"""cmark-gfm, the default Markdown engine, called through cmarkgfm's C bindings without leaking
what each call allocates (Cmark)."""
from __future__ import annotations

import functools


class Cmark:
    """cmark-gfm through cmarkgfm's C bindings, freeing what each call allocates.

    cmarkgfm's markdown_to_html_with_extensions never frees the document tree nor the HTML
    buffer: ~34 KB lost per bench article, 170 MB in each read worker of a 10,000-article
    build (measured: 20,000 calls grew the process by 683 MB; this class, by 0). The same
    calls are made here, then cmark_node_free and cmark's allocator free what they made;
    both are exported by the module's library but not declared by cmarkgfm, so they are
    reached with ctypes (cffi's cdef would import and run a C parser: ~0.15 s per process).
    Where they can't be found, cmarkgfm's own function is used.
    """

    def __init__(self, options: int, extensions: tuple[str, ...]):
        import cmarkgfm.cmark
        from cmarkgfm import _cmark

        self.options = options
        self.names = list(extensions)
        self.lib, self.ffi = _cmark.lib, _cmark.ffi
        self.lib.cmark_gfm_core_extensions_ensure_registered()
        self.extensions = [self.lib.cmark_find_syntax_extension(name.encode()) for name in extensions]
        self.fallback = cmarkgfm.cmark.markdown_to_html_with_extensions
        self.frees = _cmark_frees(_cmark.__file__)

    def __call__(self, text: str) -> str:
        if self.frees is None:
            return self.fallback(text, options=self.options, extensions=self.names)
        node_free, mem_free = self.frees
        lib, ffi, data = self.lib, self.ffi, text.encode("utf-8")
        parser = lib.cmark_parser_new(self.options)
        try:
            for extension in self.extensions:
                lib.cmark_parser_attach_syntax_extension(parser, extension)
            lib.cmark_parser_feed(parser, data, len(data))
            root = lib.cmark_parser_finish(parser)
            try:
                html = lib.cmark_render_html(root, self.options, lib.cmark_parser_get_syntax_extensions(parser))
                try:
                    return ffi.string(html).decode("utf-8")
                finally:
                    mem_free(int(ffi.cast("uintptr_t", html)))
            finally:
                node_free(int(ffi.cast("uintptr_t", root)))
        finally:
            lib.cmark_parser_free(parser)


@functools.lru_cache(maxsize=None)
def _cmark_frees(library: str):
    """cmark_node_free and the default allocator's free of cmarkgfm's library, or None."""
    import ctypes

    class Memory(ctypes.Structure):
        _fields_ = [("calloc", ctypes.c_void_p), ("realloc", ctypes.c_void_p),
                    ("free", ctypes.CFUNCTYPE(None, ctypes.c_void_p))]

    try:
        cmark = ctypes.CDLL(library)
        allocator, node_free = cmark.cmark_get_default_mem_allocator, cmark.cmark_node_free
    except (OSError, AttributeError):  # another build of cmarkgfm: it leaks, but it works
        return None
    allocator.restype, allocator.argtypes = ctypes.POINTER(Memory), []
    node_free.restype, node_free.argtypes = None, [ctypes.c_void_p]
    return node_free, allocator().contents.free
