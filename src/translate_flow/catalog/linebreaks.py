"""Where GNU gettext may break a PO string: libunistring's line breaking, as msgcat calls it.

gettext's `wrap()` (write-po.c) asks libunistring's `ulc_width_linebreaks` for
the break opportunities of each string (Unicode line breaking, UAX #14, with
column widths of wide and combining characters). Calling the same function is
the only way to break exactly where msgcat, msgmerge and Poedit's gettext tools
break; libunistring is installed wherever gettext is.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import threading
from collections.abc import Callable
from functools import lru_cache

from ..errors import CatalogError

UNDEFINED = 0
PROHIBITED = 1
POSSIBLE = 2

_FUNCTION = "ulc_width_linebreaks_v2"  # what gettext >= 0.21 links (libunistring >= 1.0)
_FALLBACK = "ulc_width_linebreaks"


@lru_cache(maxsize=1)
def _function() -> Callable[..., int]:
    name = ctypes.util.find_library("unistring")
    if name is None:
        raise CatalogError(
            "libunistring is missing; it comes with GNU gettext "
            "(apt-get install gettext, brew install gettext)"
        )
    library = ctypes.CDLL(name)
    function = getattr(library, _FUNCTION, None) or getattr(library, _FALLBACK)
    function.argtypes = [
        ctypes.c_char_p, ctypes.c_size_t, ctypes.c_int, ctypes.c_int, ctypes.c_int,
        ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p,
    ]
    function.restype = ctypes.c_int
    return function  # type: ignore[no-any-return]


_buffers = threading.local()


def find(text: bytes, width: int, start_column: int, overrides: bytes) -> bytes:
    """One byte per byte of UTF-8 `text`: POSSIBLE where a line may break before it.

    `overrides` holds UNDEFINED (let Unicode decide) or PROHIBITED per byte,
    as gettext passes them (no break inside an escape sequence).
    """
    size = len(text)
    result = getattr(_buffers, "result", None)
    if result is None or len(result) < size:
        result = _buffers.result = ctypes.create_string_buffer(max(size, 4096))
    _function()(text, size, width, start_column, 0, overrides, b"UTF-8", result)
    return result.raw[:size]
