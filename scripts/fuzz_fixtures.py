"""State for the API fuzz drill, made through the API itself: customers, representatives,
documents and webhooks in the states an operation needs before it can accept a request.

An OpenAPI document describes the shape of a request, not whether the customer it names exists,
is an individual, still has its personal data, or has a profile waiting for a decision. The
drill's hooks (scripts/fuzz-hooks.py) take those identifiers from here.
"""

import json
import os
import urllib.error
import urllib.request
import uuid

_BASE = os.environ.get("FUZZ_BASE_URL", "http://127.0.0.1:18089")
_TOKEN = os.environ.get("FUZZ_TOKEN", "")
# Documents are accepted by a key of their own: four eyes refuse a decision by the key that
# accepted one of the profile's documents, and the fuzzer decides with FUZZ_TOKEN.
_REVIEWER_TOKEN = os.environ.get("FUZZ_REVIEWER_TOKEN", _TOKEN)
_PDF = b"%PDF-1.7\n% fuzz drill fixture\n%%EOF\n"


class FixtureError(RuntimeError):
    """The API refused a request the drill needs to make its state: the drill cannot go on."""


def _send(method, path, body=None, content_type="application/json", token=None):
    data = body
    if body is not None and content_type == "application/json":
        data = json.dumps(body).encode()
    request = urllib.request.Request(_BASE + path, data=data, method=method)
    request.add_header("Authorization", f"Bearer {token or _TOKEN}")
    if data is not None:
        request.add_header("Content-Type", content_type)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        raise FixtureError(f"{method} {path}: {error.code} {error.read().decode(errors='replace')}") from error


def _person():
    return {
        "email": f"fixture.{uuid.uuid4().hex[:12]}@example.com",
        "phone": "+14155550123",
        "address": {"line1": "233 S Wacker Dr", "city": "Chicago", "state": "IL", "postalCode": "60606", "country": "USA"},
        "personalInformation": {
            "firstName": "Jane", "lastName": "Smith", "dateOfBirth": "1990-04-12",
            "taxIdentificationNumber": "123-45-6789", "taxIdentificationNumberType": "ssn",
            "taxIdentificationNumberCountry": "USA",
        },
    }


def individual():
    """A new individual whose profile is still `incomplete` (its names can change)."""
    return _send("POST", "/v2/customer", {"type": "individual", **_person()})["id"]


def held_individual():
    """A new individual under a legal hold, for its release."""
    customer = individual()
    _send("POST", f"/v2/customer/{customer}/legal-hold", {"reason": "fuzz drill fixture"})
    return customer


def business():
    """A new business without representatives."""
    body = {
        "type": "business", "email": f"ops.{uuid.uuid4().hex[:12]}@example.com", "phone": "+442071838750",
        "addresses": [{"type": "registered", "line1": "10 Downing St", "city": "London", "country": "GBR"}],
        "businessInformation": {"legalName": "Fixture Ltd", "entityType": "corporation"},
    }
    return _send("POST", "/v2/customer", body)["id"]


def representative(business_id):
    """A new director of the business (no ownership, so any number of them fit its 100%)."""
    body = {"type": "individual", "customerId": business_id, **_person(), "representationDetails": {"roles": ["director"]}}
    return _send("POST", "/v2/business-representative", body)["id"]


def upload(target_id, target, document_type, country=None):
    """A document of the target, waiting for its review."""
    fields = {"targetId": target_id, "target": target, "documentType": document_type}
    if country:
        fields["country"] = country
    boundary = uuid.uuid4().hex
    parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
             for name, value in fields.items()]
    parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="fixture.pdf"\r\n'
                 f"Content-Type: application/pdf\r\n\r\n".encode() + _PDF + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return _send("POST", "/v2/document", b"".join(parts), f"multipart/form-data; boundary={boundary}")["id"]


def accept(document_id):
    _send("POST", f"/v2/document/{document_id}/review", {"decision": "accepted"}, token=_REVIEWER_TOKEN)


def pending_individual():
    """An individual whose `kyc_profile_a` waits for a decision, every criterion complete."""
    customer = individual()
    accept(upload(customer, "customer", "passport", "USA"))
    accept(upload(customer, "customer", "liveness_report"))
    return customer


def pending_representative(business_id):
    """A representative whose `ubo_kyc_profile_a` waits for a decision, every criterion complete."""
    person = representative(business_id)
    accept(upload(person, "business_representative", "passport", "USA"))
    accept(upload(person, "business_representative", "liveness_report"))
    accept(upload(person, "business_representative", "proof_of_address"))
    return person


def webhook():
    """A subscription to every event; this drill's server delivers nothing."""
    body = {"url": f"https://hooks.example.com/{uuid.uuid4().hex}", "events": ["*"]}
    return _send("POST", "/v2/webhook", body)["id"]


def latest_event():
    """The id of an event in the feed."""
    page = _send("GET", "/v2/events?limit=1")
    events = page.get("events") or []
    if not events:
        raise FixtureError("the event feed is empty")
    return events[0]["id"]
