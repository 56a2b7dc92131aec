"""winnow: the main text of a web page, without boilerplate.

    >>> import winnow
    >>> r = winnow.extract(open("page.html", "rb").read())
    >>> print(r.title); print(r.text)

A thin binding over libwinnow (C): extraction runs in the library with the
GIL released, so threads extract pages in parallel.
"""

import ctypes
import os
from dataclasses import dataclass
from typing import Optional, Tuple, Union

__all__ = ["extract", "Result", "WinnowError", "__version__"]
__version__ = "0.1.0"

_FORMATS = {"txt": 0, "text": 0, "md": 2, "markdown": 2}
_LIMIT_BITS = (1, 2, 4, 8)


class WinnowError(Exception):
    """The library refused the page or an option; `status` is its code."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class Result:
    text: str                 # title (unless include_title=False), blank line, blocks
    title: str                # the page title as chosen, or ""
    lang: str                 # the article's language (ISO 639-1) or "und"
    encoding: str             # the input encoding used, e.g. "UTF-8"
    author: Optional[str]     # as the page states it (tidied), or None
    date: Optional[str]       # publication date, ISO 8601, or None
    url: Optional[str]        # the url given to extract(), for the caller's records
    warnings: Tuple[str, ...]  # budgets the page reached (tags dropped, never text)
    canonical_url: Optional[str] = None
    site_name: Optional[str] = None
    description: Optional[str] = None
    image: Optional[str] = None       # the lead image
    keywords: Optional[str] = None    # joined with ", "
    page_type: Optional[str] = None   # og:type or the JSON-LD @type


class _Options(ctypes.Structure):
    _fields_ = [("encoding", ctypes.c_char_p), ("include_title", ctypes.c_int),
                ("format", ctypes.c_int), ("lang", ctypes.c_char_p),
                ("keep_foreign", ctypes.c_int), ("max_depth", ctypes.c_size_t),
                ("max_nodes", ctypes.c_size_t), ("max_tree_bytes", ctypes.c_size_t),
                ("encoding_hint", ctypes.c_char_p), ("timeout_seconds", ctypes.c_double),
                ("cancel", ctypes.c_void_p),  # const volatile int *: None, never
                ("keep_comments", ctypes.c_int), ("url", ctypes.c_char_p),
                ("links", ctypes.c_int), ("images", ctypes.c_int)]


class _Result(ctypes.Structure):
    _fields_ = [("text", ctypes.c_void_p), ("text_len", ctypes.c_size_t),
                ("title", ctypes.c_char_p), ("encoding", ctypes.c_char * 32),
                ("lang", ctypes.c_char * 8), ("author", ctypes.c_char_p),
                ("date", ctypes.c_char_p), ("limits", ctypes.c_uint),
                ("canonical_url", ctypes.c_char_p), ("site_name", ctypes.c_char_p),
                ("description", ctypes.c_char_p), ("image", ctypes.c_char_p),
                ("keywords", ctypes.c_char_p), ("page_type", ctypes.c_char_p)]


def _load():
    here = os.path.dirname(os.path.abspath(__file__))
    candidates = [os.environ.get("WINNOW_LIB"), os.path.join(here, "libwinnow.so"),
                  "libwinnow.so.0", "libwinnow.so"]
    errors = []
    for path in filter(None, candidates):
        try:
            lib = ctypes.CDLL(path)
            break
        except OSError as e:
            errors.append(str(e))
    else:
        raise ImportError("cannot load libwinnow: " + "; ".join(errors))
    lib.winnow_options_init.argtypes = [ctypes.POINTER(_Options)]
    lib.winnow_options_init.restype = None
    lib.winnow_extract.argtypes = [ctypes.c_char_p, ctypes.c_size_t,
                                   ctypes.POINTER(_Options), ctypes.POINTER(_Result)]
    lib.winnow_extract.restype = ctypes.c_int
    lib.winnow_result_free.argtypes = [ctypes.POINTER(_Result)]
    lib.winnow_result_free.restype = None
    lib.winnow_status_string.argtypes = [ctypes.c_int]
    lib.winnow_status_string.restype = ctypes.c_char_p
    lib.winnow_limit_string.argtypes = [ctypes.c_uint]
    lib.winnow_limit_string.restype = ctypes.c_char_p
    return lib


_lib = _load()


def _text(value: Optional[bytes]) -> Optional[str]:
    return None if value is None else value.decode("utf-8", "replace")


def _options(fmt, lang, encoding, encoding_hint, include_title, keep_foreign, comments=False,
             timeout=None, url=None, links=True, images=False):
    if fmt not in _FORMATS:
        raise ValueError(f"format must be one of {sorted(_FORMATS)}, not {fmt!r}")
    opts = _Options()
    _lib.winnow_options_init(ctypes.byref(opts))
    opts.format = _FORMATS[fmt]
    opts.include_title = 1 if include_title else 0
    opts.keep_foreign = 1 if keep_foreign else 0
    opts.keep_comments = 1 if comments else 0
    if lang is not None:
        opts.lang = lang.encode("ascii")
    if encoding is not None:
        opts.encoding = encoding.encode("ascii")
    if encoding_hint is not None:
        opts.encoding_hint = encoding_hint.encode("ascii", "replace")
    if timeout is not None:
        if not timeout > 0:
            raise ValueError(f"timeout must be a positive number of seconds, not {timeout!r}")
        opts.timeout_seconds = float(timeout)
    if url is not None:
        opts.url = url.encode("utf-8", "replace")
    opts.links = 1 if links else 0
    opts.images = 1 if images else 0
    return opts


def extract(html: Union[bytes, bytearray, memoryview, str], url: Optional[str] = None,
            format: str = "txt", lang: Optional[str] = None, *,
            encoding: Optional[str] = None, encoding_hint: Optional[str] = None,
            include_title: bool = True,
            keep_foreign: bool = False, comments: bool = False,
            timeout: Optional[float] = None, links: bool = True,
            images: bool = False) -> Result:
    """Extract the main content of one page.

    html: the page as bytes (any encoding: winnow sniffs it, or give
      `encoding`) or as str (passed on as UTF-8).
    url: where the page came from; kept in the result, and in Markdown the
      URL relative links resolve against (below <base href>).
    format: "txt" (plain text) or "md" (Markdown: headings, lists, tables,
      code, links, emphasis).
    lang: the article's language (ISO 639-1) if known; None identifies it.
    encoding: force the input encoding of bytes (e.g. "windows-1251").
    encoding_hint: the charset the server sent (HTTP Content-Type): it ranks
      below a byte-order mark and above <meta>; unknown names are ignored.
    include_title: print the title first (default True).
    keep_foreign: keep chrome written in another language than the article's.
    timeout: seconds of processor time the page may take; None is the
      library's default (5 s + 5 s per MB), math.inf no limit.
    comments: keep readers' comments that follow the article, after it (in
      Markdown under a "## Comments" heading).
    links: Markdown: links as [text](url) (default True); False keeps their text.
    images: Markdown: images with alt text as ![alt](src) (default False).

    Raises WinnowError when the library refuses the page or an option (an
    unknown encoding or language, a page past the tree-memory budget or
    the time limit).
    """
    if isinstance(html, str):
        data = html.encode("utf-8", "surrogatepass")
        if encoding is None:
            encoding = "UTF-8"
    elif isinstance(html, (bytes, bytearray, memoryview)):
        data = bytes(html)
    else:
        raise TypeError(f"html must be bytes or str, not {type(html).__name__}")
    opts = _options(format, lang, encoding, encoding_hint, include_title, keep_foreign, comments,
                    timeout, url, links, images)
    res = _Result()
    status = _lib.winnow_extract(data, len(data), ctypes.byref(opts), ctypes.byref(res))
    if status != 0:
        raise WinnowError(status, _lib.winnow_status_string(status).decode())
    try:
        text = ctypes.string_at(res.text, res.text_len).decode("utf-8", "replace")
        warnings = tuple(_lib.winnow_limit_string(bit).decode()
                         for bit in _LIMIT_BITS if res.limits & bit)
        return Result(text=text, title=_text(res.title) or "", lang=_text(res.lang),
                      encoding=_text(res.encoding), author=_text(res.author),
                      date=_text(res.date), url=url, warnings=warnings,
                      canonical_url=_text(res.canonical_url), site_name=_text(res.site_name),
                      description=_text(res.description), image=_text(res.image),
                      keywords=_text(res.keywords), page_type=_text(res.page_type))
    finally:
        _lib.winnow_result_free(ctypes.byref(res))
