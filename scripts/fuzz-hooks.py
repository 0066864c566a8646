"""Schemathesis hooks of the API fuzz drill (scripts/fuzz-api): the two rules of the API that
span more than one request body, and so cannot be written in the OpenAPI document.

- An Idempotency-Key names one command: the same key with another body is refused by design
  (422 idempotency/mismatch). Generated keys repeat (`0`, `00`, ...), so each request gets its
  own key, still within the documented length and characters.
- A document's file is recognised by its first bytes (PDF, JPEG, PNG, HEIC, TIFF). Generated
  bytes are none of these, so a valid case's file starts like a PDF and is declared as one.
  Invalid cases are left as generated: they are meant to be refused.
"""

import itertools

import schemathesis
from hypothesis import strategies as st
from schemathesis.generation.modes import GenerationMode

_serial = itertools.count(1)
_PDF = "%PDF-1.7\n"
_SIGNATURES = ("%PDF-", "\xff\xd8\xff", "\x89PNG", "II*\x00", "MM\x00*")

# Each declared part type gets bytes that start like a file of that type.
_HEADS = {
    "application/pdf": b"%PDF-1.7\n",
    "image/jpeg": b"\xff\xd8\xff\xe0",
    "image/png": b"\x89PNG\r\n\x1a\n",
    "image/tiff": b"II*\x00",
    "image/heic": b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic",
}
for _type, _head in _HEADS.items():
    schemathesis.openapi.media_type(_type, st.binary(max_size=64).map(lambda tail, head=_head: head + tail))
schemathesis.openapi.media_type(
    "application/octet-stream",
    st.sampled_from(sorted(_HEADS.values())).flatmap(lambda head: st.binary(max_size=64).map(lambda tail: head + tail)),
)


def _is_positive(case) -> bool:
    meta = case.meta
    return meta is not None and meta.generation.mode == GenerationMode.POSITIVE


@schemathesis.hook
def before_call(ctx, case, kwargs):
    headers = case.headers
    if headers and "Idempotency-Key" in headers and _is_positive(case):
        key = str(headers["Idempotency-Key"])
        suffix = f"-{next(_serial)}"
        headers["Idempotency-Key"] = key[: 255 - len(suffix)] + suffix
    if case.operation.label == "POST /v2/document" and _is_positive(case) and isinstance(case.body, dict):
        content = case.body.get("file")
        if isinstance(content, str) and not content.startswith(_SIGNATURES):
            case.body["file"] = _PDF + content
