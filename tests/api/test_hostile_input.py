"""Hypothesis throws hostile requests at every operation: never a 5xx, always SP-API's envelope."""

from __future__ import annotations

import itertools
import re
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from starlette.testclient import TestClient

from tests.api.outbound.support import ADDRESS
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


# Hostile money, quantities and addresses inside otherwise valid MCF requests of both versions.
money_texts = st.one_of(
    st.text(max_size=12),
    st.from_regex(r"-?[0-9]{1,25}(\.[0-9]{0,10})?([eE][+-]?[0-9]{1,4})?", fullmatch=True),
    st.sampled_from(["1e400", "1e-400", "-0", "NaN", "Infinity", "12,50", " 5", "0x10", "٣", "", "00.5"]),
)
currencies = st.one_of(st.sampled_from(["USD", "EUR", "JPY", "XYZ", "usd", "US", ""]), st.text(max_size=4))
quantities = st.one_of(
    st.integers(min_value=-(2**40), max_value=2**40),
    st.sampled_from([0, -1, 250, 251, 2**31 - 1, 2**31, 2**63 - 1]),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=6),
)
address_texts = st.one_of(st.none(), st.text(max_size=30), st.sampled_from(["", "   ", "\x00", "x" * 500]))
addresses = st.fixed_dictionaries(
    {
        "name": address_texts,
        "addressLine1": address_texts,
        "postalCode": address_texts,
        "countryCode": st.one_of(
            st.sampled_from(["US", "JP", "CA", "MX", "IN", "XX", "us", ""]), address_texts
        ),
    },
    optional={"city": address_texts, "stateOrRegion": address_texts, "addressLine2": address_texts},
).map(lambda found: {k: v for k, v in found.items() if v is not None})
#: What a refusal of these requests may name: the fields drawn hostile, and the address as a whole.
NAMED = (
    "quantity",
    "amount",
    "value",
    "currencyCode",
    "perUnit",
    "codSettings",
    "Address",
    "address",
    "city",
    "postalCode",
    "countryCode",
    "name",
    "addressLine",
    "stateOrRegion",
    "items",
    "lineItems",
    "units",
)


@st.composite
def mcf_requests(draw, order_ids):
    """One MCF request of either version with a hostile amount, quantity or address (or several)."""
    money = {"currencyCode": draw(currencies), "value": draw(money_texts)}
    quantity = draw(quantities)
    address = draw(st.one_of(st.just(ADDRESS), addresses))
    target = draw(st.sampled_from(["create-2020", "preview-2020", "create-2026", "preview-2026"]))
    if target.endswith("2020"):
        item = {"sellerSku": "MUG-01", "sellerFulfillmentOrderItemId": "L1", "quantity": quantity}
        item |= draw(st.sampled_from([{}, {"perUnitDeclaredValue": money}, {"perUnitPrice": money}]))
        if target == "preview-2020":
            body = {"marketplaceId": "ATVPDKIKX0DER", "address": address, "items": [item]}
            return "/fba/outbound/2020-07-01/fulfillmentOrders/preview", body
        order_id = f"H-{next(order_ids)}"
        body = {
            "sellerFulfillmentOrderId": order_id,
            "displayableOrderId": order_id,
            "displayableOrderDate": "2026-01-02T03:04:05Z",
            "displayableOrderComment": "hostile",
            "shippingSpeedCategory": "Standard",
            "destinationAddress": address,
            "items": [item],
        }
        body |= draw(st.sampled_from([{}, {"codSettings": {"isCodRequired": True, "codCharge": money}}]))
        return "/fba/outbound/2020-07-01/fulfillmentOrders", body
    amount = {"currencyCode": money["currencyCode"], "amount": money["value"]}
    product: dict = {"productIdentifier": {"amazonSku": "MUG-01"}}
    product |= draw(st.sampled_from([{}, {"perUnitDeclaredValue": amount}]))
    line = {"product": product, "amount": {"unit": "EACHES", "value": str(quantity)}}
    body = {"destination": {"deliveryAddress": address}}
    if target == "preview-2026":
        return "/fulfillment/outbound/2026-07-04/previews", body | {"lineItems": [line]}
    body |= {"orderId": f"H-{next(order_ids)}", "lineItems": [line | {"lineItemId": "L1"}]}
    return "/fulfillment/outbound/2026-07-04/orders", body


@pytest.mark.hypothesis
def test_hostile_money_quantities_and_addresses_are_refused_by_name(hostile_client):
    stocked = [
        {"sku": "MUG-01", "quantity": 100_000, "marketplaceId": marketplace}  # orders go where they ship
        for marketplace in ("ATVPDKIKX0DER", "A2EUQ1WTGCTBG2", "A1AM78C64UM0Y8")
    ]
    hostile_client.app.control.seed({"inventory": stocked})
    token = {"x-amz-access-token": issue_token(hostile_client)}
    order_ids = itertools.count(1)

    @settings(max_examples=examples(200), deadline=None, suppress_health_check=list(HealthCheck))
    @given(mcf_requests(order_ids))
    def run(request):
        path, body = request
        response = hostile_client.post(path, json=body, headers=token)
        check_envelope(response)
        assert response.status_code in (200, 202, 400), response.text
        if response.status_code == 400:
            error = response.json()["errors"][0]
            assert error["code"] == "InvalidInput" and error["message"] and error["details"], error
            said = f"{error['message']} {error['details']}"
            assert any(name in said for name in NAMED), error  # the refusal names what was wrong

    run()
    assert list(hostile_client.app.edge.violations) == []
