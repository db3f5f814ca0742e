"""Hypothesis throws hostile requests at every operation: never a 5xx, always SP-API's envelope."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from starlette.testclient import TestClient

from tests.budget import examples
from tests.conftest import issue_token

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=12,
)
segment = st.text(min_size=0, max_size=12).map(lambda s: quote(s, safe=""))
methods = st.sampled_from(["GET", "POST", "PUT", "PATCH", "DELETE"])


@pytest.fixture(scope="module")
def hostile_client(session_app):
    session_app.runtime.reset()
    with TestClient(session_app, base_url="http://127.0.0.1:8787") as client:
        yield client


@st.composite
def requests(draw, catalog):
    op = draw(st.sampled_from(list(catalog)))
    path = re.sub(r"\{[^}]+\}", lambda _: draw(segment) or "x", op.path)
    method = draw(st.one_of(st.just(op.method), methods))
    names = [p.name for p in op.parameters if p.location == "query"] + ["bogus"]
    query = draw(st.dictionaries(st.sampled_from(names), st.text(max_size=15), max_size=4))
    kind = draw(st.sampled_from(["json", "bytes", "none"]))
    if kind == "json":
        content = None
        body = draw(json_values)
    else:
        content = draw(st.binary(max_size=64)) if kind == "bytes" else None
        body = None
    content_type = draw(st.sampled_from(["application/json", "text/plain", ""]))
    return method, path, query, body, content, content_type


def check_envelope(response):
    assert response.status_code < 500 or response.status_code == 501, response.text
    if response.status_code >= 400:
        errors = response.json()["errors"]
        assert errors and all(set(e) >= {"code", "message"} for e in errors)
    assert response.headers["x-amzn-requestid"]


@pytest.mark.hypothesis
def test_hostile_requests_never_break_the_edge(hostile_client, catalog):
    token = {"x-amz-access-token": issue_token(hostile_client)}

    @settings(max_examples=examples(300), deadline=None, suppress_health_check=list(HealthCheck))
    @given(requests(catalog), st.booleans())
    def run(request, authorized):
        method, path, query, body, content, content_type = request
        headers = (token if authorized else {}) | ({"content-type": content_type} if content_type else {})
        if body is not None:
            response = hostile_client.request(method, path, params=query, json=body, headers=headers)
        else:
            response = hostile_client.request(method, path, params=query, content=content, headers=headers)
        check_envelope(response)

    run()
    assert list(hostile_client.app.edge.violations) == []
    assert hostile_client.get("/_emulator/health").status_code == 200
