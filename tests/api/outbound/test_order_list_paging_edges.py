"""listAllFulfillmentOrders paging at its edges: a full last page, the token's form, a bad token."""

from __future__ import annotations

import re

from tests.api.outbound.support import V2020


def listing(mcf, **params):
    response = mcf.call("GET", f"{V2020}/fulfillmentOrders", params=params)
    assert response.status_code == 200, response.text
    return response.json()["payload"]


def test_exactly_one_full_page_has_no_next_token(mcf):
    mcf.stock("MUG", 100)
    for n in range(50):
        mcf.create(f"O-{n:02d}", {"MUG": 1})
    first = listing(mcf)
    assert len(first["fulfillmentOrders"]) == 50
    assert "nextToken" not in first


def test_next_tokens_are_url_safe_and_lead_through_every_order(mcf):
    mcf.stock("MUG", 200)
    for n in range(101):
        mcf.create(f"O-{n:03d}", {"MUG": 1})
        if n % 7 == 0:
            mcf.advance(1.5)
    seen, params, pages = [], {}, 0
    while True:
        page = listing(mcf, **params)
        pages += 1
        seen += [o["sellerFulfillmentOrderId"] for o in page["fulfillmentOrders"]]
        if "nextToken" not in page:
            break
        assert re.fullmatch(r"[A-Za-z0-9_-]+", page["nextToken"]), page["nextToken"]
        params = {"nextToken": page["nextToken"]}
    assert pages == 3
    assert sorted(seen) == [f"O-{n:03d}" for n in range(101)] and len(seen) == 101


def test_a_garbage_token_is_named_in_the_error(mcf):
    response = mcf.call("GET", f"{V2020}/fulfillmentOrders", params={"nextToken": "garbage!"})
    assert response.status_code == 400, response.text
    error = response.json()["errors"][0]
    assert error["code"] == "InvalidInput"
    assert error["message"] == "nextToken is invalid."
    assert error["details"] == "nextToken=garbage!"


def test_a_token_with_characters_added_is_refused(mcf):
    mcf.stock("MUG", 60)
    for n in range(51):
        mcf.create(f"O-{n:02d}", {"MUG": 1})
    token = listing(mcf)["nextToken"]
    rest = listing(mcf, nextToken=token)["fulfillmentOrders"]
    assert [o["sellerFulfillmentOrderId"] for o in rest] == ["O-50"]
    for tampered in (f"{token}.", f"{token}....", f"{token[:4]}~~~~{token[4:]}"):  # 4: the length stays valid
        response = mcf.call("GET", f"{V2020}/fulfillmentOrders", params={"nextToken": tampered})
        assert response.status_code == 400, tampered
        assert response.json()["errors"][0]["details"] == f"nextToken={tampered}"
