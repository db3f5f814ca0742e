"""Reset, seed and snapshots through the admin API."""

from __future__ import annotations

import pytest
import yaml

from tests.control.support import V2020, order_body, stock, stock_levels, token

WORLD = {
    "applications": [
        {
            "clientId": "amzn1.application-oa2-client.shop",
            "clientSecret": "s3cret",
            "redirectUris": ["https://shop.example/callback"],
            "name": "Shop connector",
        }
    ],
    "sellers": [
        {
            "sellerId": "A2SHOPSELLER",
            "name": "Second shop",
            "refreshToken": "Atzr|shop",
            "clientId": "amzn1.application-oa2-client.shop",
        }
    ],
    "inventory": [
        {"sku": "MUG-01", "quantity": 25},
        {"sku": "TEE-M", "quantity": 4, "productName": "Tee M"},
        {"sku": "CAP", "quantity": 3, "sellerId": "A2SHOPSELLER"},
    ],
}


def quantities(http, auth) -> dict[str, int]:
    return {sku: summary["totalQuantity"] for sku, summary in stock_levels(http, auth).items()}


def test_seed_a_world_from_json(http, auth):
    response = http.post("/_emulator/seed", json=WORLD)
    assert response.status_code == 200, response.text
    assert response.json()["applied"] == {
        "applications": 1,
        "sellers": 1,
        "listings": 0,
        "inventory": 3,
        "inbound": 0,
        "calls": 0,
    }
    assert quantities(http, auth) == {"MUG-01": 25, "TEE-M": 4}
    assert quantities(http, {"x-amz-access-token": token(http, "Atzr|shop")}) == {"CAP": 3}


def test_seed_from_yaml(http, auth):
    response = http.post(
        "/_emulator/seed", content=yaml.safe_dump(WORLD), headers={"content-type": "application/yaml"}
    )
    assert response.status_code == 200, response.text
    assert quantities(http, auth)["MUG-01"] == 25


@pytest.mark.parametrize("number", ["-9223372036854775809", "18446744073709551616"])
def test_a_yaml_integer_beyond_64_bits_is_a_400_naming_the_field(http, number):
    """Found by fuzzing the control API: YAML integers have no limit, JSON on the wire has (was a 500)."""
    document = f"listings:\n  - sku: BIG-1\n    attributes:\n      units: {number}\n"
    response = http.post("/_emulator/seed", content=document, headers={"content-type": "application/yaml"})
    assert response.status_code == 400, response.text
    error = response.json()
    assert error["error"] == "InvalidBody" and "listings[0].attributes.units" in error["message"]
    assert number in error["message"]


def test_seed_calls_run_any_operation(http, auth):
    calls = {
        "inventory": [{"sku": "MUG-01", "quantity": 5}],
        "calls": [{"operationId": "createFulfillmentOrder", "body": order_body("SEEDED-1")}],
    }
    assert http.post("/_emulator/seed", json=calls).status_code == 200
    assert http.get(f"{V2020}/fulfillmentOrders/SEEDED-1", headers=auth).status_code == 200


def test_failed_seed_applies_nothing_and_names_the_entry(http, auth):
    bad = {
        "inventory": [{"sku": "MUG-01", "quantity": 5}, {"sku": "X", "quantity": 1, "marketplaceId": "NOPE"}]
    }
    response = http.post("/_emulator/seed", json=bad)
    assert response.status_code == 422
    body = response.json()
    assert body["error"] == "SeedFailed" and "inventory[1]" in body["message"]
    assert body["detail"]["errors"]
    assert quantities(http, auth) == {}


def test_seed_rejects_unknown_sections_and_bad_bodies(http):
    assert http.post("/_emulator/seed", json={"orders": []}).status_code == 400
    assert (
        http.post(
            "/_emulator/seed", content=b"{not json", headers={"content-type": "application/json"}
        ).status_code
        == 400
    )
    assert http.post("/_emulator/seed").status_code == 400
    assert http.post("/_emulator/seed", json={"calls": [{"operationId": "noSuchThing"}]}).status_code == 422


def test_reset_everything_or_one_seller(http, auth):
    http.post("/_emulator/seed", json=WORLD)
    shop = {"x-amz-access-token": token(http, "Atzr|shop")}
    assert http.post("/_emulator/reset", json={"sellerId": "A2SHOPSELLER"}).json()["reset"] == "A2SHOPSELLER"
    assert quantities(http, shop) == {}
    assert quantities(http, auth) == {"MUG-01": 25, "TEE-M": 4}
    assert http.post("/_emulator/reset").json()["reset"] == "all"
    assert quantities(http, auth) == {}


@pytest.mark.parametrize("blank", [b" ", b"\n\t "])
def test_a_blank_body_is_refused_while_no_body_resets(http, blank):
    """Found by fuzzing the control API: white space is no document, and was read as "no body"."""
    response = http.post("/_emulator/reset", content=blank, headers={"content-type": "application/json"})
    assert response.status_code == 400 and response.json()["error"] == "InvalidBody"
    assert "blank" in response.json()["message"]
    assert http.post("/_emulator/reset").status_code == 200


def test_reset_can_also_clear_faults_and_journal(http, auth):
    http.post("/_emulator/faults", json={"effect": {"type": "latency", "ms": 1}})
    quantities(http, auth)
    http.post("/_emulator/reset", json={})
    assert len(http.get("/_emulator/faults").json()["rules"]) == 1
    http.post("/_emulator/reset", json={"faults": True, "journal": True})
    assert http.get("/_emulator/faults").json()["rules"] == []
    assert http.get("/_emulator/journal").json()["entries"] == []


def test_snapshot_and_restore_bring_back_orders_clock_and_ids(http, auth, live):
    stock(live)
    http.post(f"{V2020}/fulfillmentOrders", json=order_body("ORDER-1"), headers=auth)
    http.post("/_emulator/clock/freeze")
    snapshot = http.get("/_emulator/state").json()
    assert snapshot["format"] == "mcf-emulator/state" and snapshot["version"] == 2
    http.post("/_emulator/clock/advance", json={"by": "1d"})
    http.post("/_emulator/reset")
    restored = http.put("/_emulator/state", json=snapshot)
    assert restored.status_code == 200
    assert restored.json()["clock"]["now"] == snapshot["clock"]["now"]
    again = http.get("/_emulator/state").json()
    assert again["store"] == snapshot["store"] and again["ids"] == snapshot["ids"]
    order = http.get(f"{V2020}/fulfillmentOrders/ORDER-1", headers=auth).json()["payload"]["fulfillmentOrder"]
    assert order["fulfillmentOrderStatus"] != "Complete"


def test_restored_world_replays_identically(http, auth, live):
    stock(live)
    http.post("/_emulator/clock/freeze")
    snapshot = http.get("/_emulator/state").json()

    def play() -> list:
        http.put("/_emulator/state", json=snapshot)
        http.post(f"{V2020}/fulfillmentOrders", json=order_body("ORDER-R"), headers=auth)
        http.post("/_emulator/clock/advance", json={"by": "1d"})
        fresh = {"x-amz-access-token": token(http)}
        return http.get(f"{V2020}/fulfillmentOrders/ORDER-R", headers=fresh).json()["payload"]

    assert play() == play()


def test_bad_snapshots_are_rejected_and_change_nothing(http, auth, live):
    stock(live)
    good = http.get("/_emulator/state").json()
    for bad in (
        {"format": "other"},
        {**good, "version": 1},
        {**good, "ids": {"seed": 1, "state": [1, 2, 3]}},
        {**good, "store": {"version": 99}},
        {**good, "clock": {"epoch": "noon", "speed": 1}},
        [1],
    ):
        response = http.put("/_emulator/state", json=bad)
        assert response.status_code == 400, bad
        assert response.json()["error"] in ("InvalidBody", "InvalidSnapshot")
    assert quantities(http, auth) == {"MUG-01": 20}


def test_config_records_change_behaviour_and_survive_reset(http, auth, live):
    fast = {"planning_after": 1, "processing_after": 1, "ship_after": 1, "transit_standard": 1}
    assert http.put("/_emulator/config/outbound.timings", json=fast).json() == fast
    http.post("/_emulator/reset")
    assert http.get("/_emulator/config").json() == {"outbound.timings": fast}  # settings outlive a reset
    stock(live)
    http.post("/_emulator/clock/freeze")
    http.post(f"{V2020}/fulfillmentOrders", json=order_body("FAST-1"), headers=auth)
    http.post("/_emulator/clock/advance", json={"by": "10s"})
    order = http.get(f"{V2020}/fulfillmentOrders/FAST-1", headers=auth).json()["payload"]["fulfillmentOrder"]
    assert order["fulfillmentOrderStatus"] == "Complete"
    assert http.put("/_emulator/config/outbound.timings", json=[1]).status_code == 400
    assert http.delete("/_emulator/config/outbound.timings").status_code == 204
    assert http.delete("/_emulator/config/outbound.timings").status_code == 404
