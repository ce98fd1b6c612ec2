"""What a request sends, checked before anything acts on it.

A body larger than `MAX_BODY`, a body that is not UTF-8, a malformed form or
JSON document, a field of the wrong type, and text that cannot be stored in a
UTF-8 catalog (a lone surrogate such as ``"\\ud800"``, which JSON allows) are
each a 4xx answer with a message in the person's language, never an error
deep inside the catalog writer.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from http import HTTPStatus
from typing import Any
from urllib.parse import parse_qsl

from starlette.requests import Request

from ..ui import tr
from .state import Refused

MAX_BODY = 1 << 20
MAX_FIELDS = 20


async def read_body(request: Request, lang: str) -> bytes:
    """The request body, refused past `MAX_BODY` without reading further."""
    too_large = Refused(HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                        tr(lang, "The request is larger than %(size)d KiB; send less text at once.",
                           size=MAX_BODY // 1024))
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > MAX_BODY):
        raise too_large
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BODY:
            raise too_large
    return bytes(body)


def _decoded(body: bytes, lang: str) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise Refused(HTTPStatus.BAD_REQUEST,
                      tr(lang, "The request is not UTF-8 (byte %(position)d); send UTF-8 text.",
                         position=exc.start)) from None


def storable(value: str, name: str, lang: str) -> str:
    """`value`, when every character of it can be written to a UTF-8 file."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        code = "%04X" % ord(value[exc.start])
        raise Refused(HTTPStatus.BAD_REQUEST, tr(
            lang, "%(field)s: character %(position)d is U+%(code)s, half of a surrogate pair, which no "
                  "text file can hold; copy the text again from its source.",
            field=name, position=exc.start + 1, code=code)) from None
    if "\x00" in value:
        raise Refused(HTTPStatus.BAD_REQUEST, tr(
            lang, "%(field)s: character %(position)d is a NUL character, which a PO file cannot hold; "
                  "remove it.", field=name, position=value.index("\x00") + 1))
    return value


def form_fields(body: bytes, lang: str) -> dict[str, str]:
    """The fields of a form post (`application/x-www-form-urlencoded`)."""
    try:
        pairs = parse_qsl(_decoded(body, lang), keep_blank_values=True, max_num_fields=MAX_FIELDS,
                          encoding="utf-8", errors="strict")
    except (ValueError, UnicodeDecodeError):
        raise Refused(HTTPStatus.BAD_REQUEST, tr(lang, "The form is malformed; reload the page.")) from None
    return {key: storable(value, key, lang) for key, value in pairs}


def json_object(body: bytes, lang: str) -> dict[str, Any]:
    """A JSON object body."""
    try:
        data = json.loads(_decoded(body, lang))
    except ValueError:
        raise Refused(HTTPStatus.BAD_REQUEST, tr(lang, "The request is not JSON.")) from None
    if not isinstance(data, dict):
        raise Refused(HTTPStatus.BAD_REQUEST, tr(lang, "Expected a JSON object."))
    return data


def text_field(body: Mapping[str, Any], key: str, lang: str) -> str:
    """A string field of a JSON body, checked to be storable."""
    value = body.get(key)
    if not isinstance(value, str):
        raise Refused(HTTPStatus.BAD_REQUEST, tr(lang, "%(field)s: expected a string.", field=key))
    return storable(value, key, lang)


def optional_text_field(body: Mapping[str, Any], key: str, lang: str) -> str | None:
    """A string field of a JSON body that may be missing or null."""
    if body.get(key) is None:
        return None
    return text_field(body, key, lang)
