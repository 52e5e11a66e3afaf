"""Credentials out of vcrpy cassettes recorded against a real Airflow (vcrpy is a test requirement, not the SDK's)::

    import vcr
    from airflow_python_sdk.testing.vcr import vcr_config

    with vcr.VCR(**vcr_config()).use_cassette("test/cassettes/trigger.yaml"):
        my_script(client)  # recorded once against a real server, replayed with none

What vcrpy's own ``filter_headers`` leaves: Airflow 3's login (``POST /auth/token``) carries the password in its
body and answers a JWT, and its UI sets the ``_token`` cookie. Every JWT in a request or answer (header, cookie
or body) is replaced by one unsigned token that lasts until 2100 (so the replayed client uses it without a new
login), password and secret keys of a JSON body by ``"<scrubbed>"``, and ``Authorization``, ``Cookie``,
``Set-Cookie`` and the given API-key headers are dropped. With pytest-recording, return ``vcr_config()`` from its
``vcr_config`` fixture.
"""

from __future__ import annotations

import base64
import functools
import json
import re
from collections.abc import Iterable
from typing import Any

__all__ = ["FAKE_JWT", "scrub", "scrub_request", "scrub_response", "vcr_config"]


def _part(value: dict[str, Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")


FAKE_JWT = f"{_part({'alg': 'none', 'typ': 'JWT'})}.{_part({'sub': 'scrubbed', 'iat': 0, 'exp': 4102444800})}.x"
"""What every JWT becomes: unsigned, ``sub`` "scrubbed", valid until 2100 by its claims."""
_JWT = re.compile(r"eyJ[\w-]+\.eyJ[\w-]+\.[\w-]*")
_SECRET_KEYS = re.compile(r'("(?:password|client_secret|secret|refresh_token)"\s*:\s*)"(?:[^"\\]|\\.)*"', re.I)
DROPPED = ("authorization", "cookie", "set-cookie", "proxy-authorization")


def scrub(text: str) -> str:
    """``text`` with every JWT replaced by :data:`FAKE_JWT` and JSON password/secret values by ``"<scrubbed>"``."""
    return _SECRET_KEYS.sub(r'\1"<scrubbed>"', _JWT.sub(FAKE_JWT, text))


def _scrub_body(body: Any) -> Any:
    if isinstance(body, bytes):
        try:
            return scrub(body.decode()).encode()
        except UnicodeDecodeError:
            return body
    return scrub(body) if isinstance(body, str) else body


def scrub_request(request: Any, dropped: Iterable[str] = ()) -> Any:
    """vcrpy's ``before_record_request``: the request without credentials (headers in ``dropped`` too)."""
    names = {*DROPPED, *(h.lower() for h in dropped)}
    for name in [h for h in request.headers if h.lower() in names]:
        del request.headers[name]
    request.body = _scrub_body(request.body)
    return request


def scrub_response(response: dict[str, Any]) -> dict[str, Any]:
    """vcrpy's ``before_record_response``: the answer without tokens, cookies or secrets."""
    headers = response.get("headers") or {}
    for name in [h for h in headers if h.lower() in DROPPED]:
        del headers[name]
    body = response.get("body") or {}
    if "string" in body:
        body["string"] = _scrub_body(body["string"])
    return response


def vcr_config(api_key_headers: Iterable[str] = ()) -> dict[str, Any]:
    """Keyword arguments for ``vcr.VCR(...)`` (or pytest-recording's ``vcr_config`` fixture) that scrub what
    Airflow 2 and 3 send; ``api_key_headers`` (a gateway's key header) are dropped too."""
    dropped = tuple(api_key_headers)
    return {
        "filter_headers": [*DROPPED, *dropped],
        "before_record_request": functools.partial(scrub_request, dropped=dropped),
        "before_record_response": scrub_response,
        "decode_compressed_response": True,
        "record_mode": "none",
    }
