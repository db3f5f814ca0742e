"""A driver for Inbound tests: plans through every step over HTTP, each operation polled to its end."""

from __future__ import annotations

from typing import Any

import pytest
from starlette.testclient import TestClient

from emulator.apis.inbound import shipments
from emulator.control.seed import SEED_SOURCE as SOURCE
from emulator.lwa.accounts import DEFAULTS
from emulator.runtime import Runtime
from emulator.state.config import CONFIG
from tests.api.outbound.support import US, Mcf

BASE = "/inbound/fba/2024-03-20"
BOX_SIZE = {"length": 12, "width": 10, "height": 8, "unitOfMeasurement": "IN"}


def item(msku: str, quantity: int) -> dict[str, Any]:
    return {"msku": msku, "quantity": quantity, "labelOwner": "SELLER", "prepOwner": "NONE"}


def box(contents: dict[str, int], count: int = 1, pounds: float = 10) -> dict[str, Any]:
    """A `BoxInput` of `count` identical boxes, each holding `contents` (MSKU -> units)."""
    return {
        "contentInformationSource": "BOX_CONTENT_PROVIDED",
        "dimensions": BOX_SIZE,
        "weight": {"value": pounds, "unit": "LB"},
        "quantity": count,
        "items": [item(msku, units) for msku, units in contents.items()],
    }


class Inbound(Mcf):
    """The default seller sending stock to Amazon."""

    def plan(self, lines: dict[str, int], marketplace: str = US, settle: bool = True) -> str:
        """A new plan (after its operation succeeded when `settle`) for `lines` (MSKU -> units)."""
        body = {
            "destinationMarketplaces": [marketplace],
            "sourceAddress": SOURCE,
            "items": [item(msku, units) for msku, units in lines.items()],
        }
        response = self.call("POST", f"{BASE}/inboundPlans", json=body)
        assert response.status_code == 202, response.text
        if settle:
            self.finish(response.json()["operationId"])
        return str(response.json()["inboundPlanId"])

    def status(self, operation_id: str) -> dict[str, Any]:
        response = self.call("GET", f"{BASE}/operations/{operation_id}")
        assert response.status_code == 200, response.text
        return dict(response.json())

    def finish(self, operation_id: str, expect: str = "SUCCESS") -> dict[str, Any]:
        """Let the operation run its course on the clock; its final status."""
        assert self.status(operation_id)["operationStatus"] == "IN_PROGRESS"
        self.advance(5)
        found = self.status(operation_id)
        assert found["operationStatus"] == expect, found
        return found

    def step(self, method: str, path: str, expect: str = "SUCCESS", **kwargs: Any) -> dict[str, Any]:
        """An asynchronous operation under the plan path, run to its end; its status."""
        response = self.call(method, f"{BASE}/inboundPlans/{path}", **kwargs)
        assert response.status_code == 202, response.text
        return self.finish(response.json()["operationId"], expect)

    def get(self, path: str, **params: Any) -> Any:
        response = self.call("GET", f"{BASE}/inboundPlans/{path}", params=params)
        assert response.status_code == 200, response.text
        return response.json()

    def chosen(self, lines: dict[str, int]) -> tuple[str, str]:
        """A plan with its (single-group) packing option confirmed: (plan id, packing group id)."""
        plan_id = self.plan(lines)
        self.step("POST", f"{plan_id}/packingOptions")
        option = self.get(f"{plan_id}/packingOptions")["packingOptions"][0]
        self.step("POST", f"{plan_id}/packingOptions/{option['packingOptionId']}/confirmation")
        return plan_id, str(option["packingGroups"][0])

    def packed(self, lines: dict[str, int], boxes: list[dict[str, Any]] | None = None) -> str:
        """A plan with its single-group packing option confirmed and its boxes given."""
        plan_id, group = self.chosen(lines)
        grouping = {"packingGroupId": group, "boxes": boxes or [box(lines)]}
        self.step("POST", f"{plan_id}/packingInformation", json={"packageGroupings": [grouping]})
        return plan_id

    def placed(
        self, lines: dict[str, int], boxes: list[dict[str, Any]] | None = None, option: int = 0
    ) -> str:
        """A plan whose placement option `option` is confirmed."""
        plan_id = self.packed(lines, boxes)
        self.step("POST", f"{plan_id}/placementOptions", json={})
        chosen = self.get(f"{plan_id}/placementOptions")["placementOptions"][option]
        self.step("POST", f"{plan_id}/placementOptions/{chosen['placementOptionId']}/confirmation")
        return plan_id

    def shipment_ids(self, plan_id: str) -> list[str]:
        return [s["shipmentId"] for s in self.get(plan_id)["shipments"]]

    def shipment(self, plan_id: str, shipment_id: str) -> dict[str, Any]:
        return dict(self.get(f"{plan_id}/shipments/{shipment_id}"))


@pytest.fixture
def inbound(client: TestClient, runtime: Runtime) -> Inbound:
    """The default seller, driven over HTTP; timings back at their defaults."""
    for key in ("outbound.timings", "inbound.timings"):
        runtime.store.shared.table(CONFIG).delete(key)
    return Inbound(client, runtime)


def refused(response: Any, status: int = 400, code: str = "BadRequest", says: str = "") -> dict[str, Any]:
    """The single error of a rejected call, checked for its status, code and wording."""
    assert response.status_code == status, response.text
    [error] = response.json()["errors"]
    assert error["code"] == code, error
    assert says in error["message"], error
    return dict(error)


def ship(inbound: Inbound, plan_id: str, shipment_id: str) -> None:
    """What the transportation steps do: transportation confirmed, then tracking given."""
    store = inbound.runtime.store
    tenant, now = store.tenant(DEFAULTS.seller_id), inbound.runtime.clock.timestamp()
    shipments.ready_to_ship(tenant, now, plan_id, shipment_id)
    shipments.shipped(tenant, now, plan_id, shipment_id, store)
