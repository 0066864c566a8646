"""Schemathesis hooks of the API fuzz drill (scripts/fuzz-api): the two rules of the API that
no OpenAPI document can state.

- An Idempotency-Key names one command: the same key with another body is refused by design
  (422 idempotency/mismatch). Generated keys repeat (`0`, `00`, ...), so each request gets its
  own key, still within the documented length and characters.
- A document's file is recognised by its first bytes (PDF, JPEG, PNG, HEIC, TIFF), and a part
  declared as one of these types must be one. So the bytes generated for each declared part
  type start like a file of that type. Invalid cases keep their generated keys and bytes:
  they are meant to be refused.
"""

import itertools

import schemathesis
from hypothesis import strategies as st
from schemathesis.generation.modes import GenerationMode

_serial = itertools.count(1)

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
