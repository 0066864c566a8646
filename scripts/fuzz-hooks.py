"""Schemathesis hooks of the API fuzz drill (scripts/fuzz-api): what no OpenAPI document can
state about a request.

- An Idempotency-Key names one command: the same key with another body is refused by design
  (422 idempotency/mismatch). Generated keys repeat (`0`, `00`, ...), so each request gets its
  own key, still within the documented length and characters.
- A document's file is recognised by its first bytes (PDF, JPEG, PNG, HEIC, TIFF), and a part
  declared as one of these types must be one. So the bytes generated for each declared part
  type start like a file of that type. Invalid cases keep their generated keys and bytes:
  they are meant to be refused.
- Dates of birth, incorporation and of a relationship lie in the past, a bound that moves with
  the day: a valid case with a later date gets one from the past.
- Whether the customer, representative, document, webhook or delivery a request names exists
  and is in a state that takes the request is state, not shape: valid cases name ones that
  scripts/fuzz_fixtures.py made through the API (a fresh one per case where the request uses
  it up: a decision, a review, a deletion, an erasure).
"""

import datetime
import itertools
import os
import sys

import schemathesis
from hypothesis import strategies as st
from schemathesis.generation.modes import GenerationMode

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fuzz_fixtures as fixtures  # noqa: E402

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


# A fixture shared by the cases of one use, made the first time a case needs it and made anew
# every _USES cases: every command folds its customer's whole stream, so a customer that
# gathered every case's documents or representatives would make the drill quadratic.
_USES = 25
_current = {}


def _shared(name):
    fixture, uses = _current.get(name, (None, _USES))
    if uses >= _USES:
        fixture, uses = _MAKERS[name](), 0
    _current[name] = (fixture, uses + 1)
    return fixture


_MAKERS = {
    "read individual": fixtures.individual,
    "updated individual": fixtures.individual,
    "uploads individual": fixtures.individual,
    "reviews individual": fixtures.individual,
    "business": fixtures.business,
    "uploads business": fixtures.business,
    "read representative": lambda: fixtures.representative(_shared("business")),
    "updated representative": lambda: fixtures.representative(_shared("business")),
    "uploads representative": lambda: fixtures.representative(_shared("business")),
    "webhook": fixtures.webhook,
    "event": fixtures.latest_event,
}


def _read_customer(case):
    case.path_parameters["id"] = _shared("read individual")
    query = case.query or {}
    # The stream of the fixture starts at version 1, and a moment from now on shows all of it.
    if "asOfVersion" in query:
        query.pop("asOf", None)
        query["asOfVersion"] = 1
    elif "asOf" in query:
        query["asOf"] = datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _upload(case):
    body = case.body if isinstance(case.body, dict) else {}
    # The coverage phase draws a form's file part from its strategy and leaves the other
    # required parts empty, whatever their schema says: such a case gets valid ones.
    if body.get("target") == "" or body.get("documentType") == "":
        body.update(target="customer", documentType="passport", country="USA")
    target, document_type = body.get("target"), body.get("documentType")
    if target == "business_representative":
        body["targetId"] = _shared("uploads representative")
    elif document_type in _BUSINESS_DOCUMENTS:
        body["targetId"] = _shared("uploads business")
    else:
        body["targetId"] = _shared("uploads individual")


_BUSINESS_DOCUMENTS = {"incorporation_cert", "incorporation_certificate", "shareholder_registry", "proof_of_address",
                       "directors_registry"}


def _set_path(**values):
    def rewrite(case):
        for name, value in values.items():
            case.path_parameters[name] = value() if callable(value) else value
    return rewrite


def _set_body(field, value):
    def rewrite(case):
        if isinstance(case.body, dict):
            case.body[field] = value()
    return rewrite


def _delivery():
    webhook, delivery = os.environ.get("FUZZ_WEBHOOK_ID"), os.environ.get("FUZZ_DELIVERY_ID")
    if not webhook or not delivery:
        raise fixtures.FixtureError("scripts/fuzz-api sets FUZZ_WEBHOOK_ID and FUZZ_DELIVERY_ID")
    return webhook, delivery


_STATE = {
    "GET /v2/customer/{id}": _read_customer,
    "PATCH /v2/customer/{id}": _set_path(id=lambda: _shared("updated individual")),
    "GET /v2/customer/{id}/events": _set_path(id=lambda: _shared("read individual")),
    "POST /v2/customer/{id}/verification-profiles/{name}/decision":
        _set_path(id=fixtures.pending_individual, name="kyc_profile_a"),
    "POST /v2/customer/{id}/forget": _set_path(id=fixtures.individual),
    "POST /v2/customer/{id}/legal-hold": _set_path(id=fixtures.individual),
    "DELETE /v2/customer/{id}/legal-hold": _set_path(id=fixtures.held_individual),
    "GET /v2/customer/{id}/verification-profiles/{name}/explanation":
        _set_path(id=lambda: _shared("read individual"), name="kyc_profile_a"),
    "GET /v2/business-representative/{id}/verification-profiles/{name}/explanation":
        _set_path(id=lambda: _shared("read representative"), name="ubo_kyc_profile_a"),
    "POST /v2/document": _upload,
    "POST /v2/document/{id}/review":
        _set_path(id=lambda: fixtures.upload(_shared("reviews individual"), "customer", "passport", "USA")),
    "POST /v2/business-representative": _set_body("customerId", fixtures.business),
    "GET /v2/business-representative/{id}": _set_path(id=lambda: _shared("read representative")),
    "PATCH /v2/business-representative/{id}": _set_path(id=lambda: _shared("updated representative")),
    "DELETE /v2/business-representative/{id}": _set_path(id=lambda: fixtures.representative(_shared("business"))),
    "POST /v2/business-representative/{id}/verification-profiles/{name}/decision":
        _set_path(id=lambda: fixtures.pending_representative(_shared("business")), name="ubo_kyc_profile_a"),
    "GET /v2/webhook/{id}": _set_path(id=lambda: _shared("webhook")),
    "PATCH /v2/webhook/{id}": _set_path(id=lambda: _shared("webhook")),
    "DELETE /v2/webhook/{id}": _set_path(id=fixtures.webhook),
    "POST /v2/webhook/{id}/rotate-secret": _set_path(id=lambda: _shared("webhook")),
    "GET /v2/webhook/{id}/deliveries": _set_path(id=lambda: _delivery()[0]),
    "POST /v2/webhook/{id}/deliveries/{deliveryId}/redeliver":
        _set_path(id=lambda: _delivery()[0], deliveryId=lambda: _delivery()[1]),
    "GET /v2/event/{id}": _set_path(id=lambda: _shared("event")),
}

_PAST_DATES = {"dateOfBirth", "incorporatedOn", "relationshipEstablishedAt"}


def _dates_in_the_past(value):
    if isinstance(value, dict):
        for key, item in value.items():
            if key in _PAST_DATES and isinstance(item, str) and item >= datetime.date.today().isoformat():
                value[key] = "1990-04-12"
            else:
                _dates_in_the_past(item)
    elif isinstance(value, list):
        for item in value:
            _dates_in_the_past(item)


@schemathesis.hook
def before_call(ctx, case, kwargs):
    if not _is_positive(case):
        return
    headers = case.headers
    if headers and "Idempotency-Key" in headers:
        key = str(headers["Idempotency-Key"])
        suffix = f"-{next(_serial)}"
        headers["Idempotency-Key"] = key[: 255 - len(suffix)] + suffix
    _dates_in_the_past(case.body)
    rewrite = _STATE.get(case.operation.label)
    if rewrite is not None:
        rewrite(case)
