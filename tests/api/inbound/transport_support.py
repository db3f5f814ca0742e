"""A driver for the transport side's tests: one placed plan with one shipment, and its transport steps."""

from __future__ import annotations

from typing import Any

import pytest

from emulator.state.clock import iso
from tests.api.inbound.support import Inbound

DAY = 86400.0
SMALL, LTL = "GROUND_SMALL_PARCEL", "FREIGHT_LTL"
PARTNERED, OWN = "AMAZON_PARTNERED_CARRIER", "USE_YOUR_OWN_CARRIER"


class Transport:
    """One placed plan with one shipment, and the transport calls on it."""

    def __init__(self, inbound: Inbound, plan_id: str) -> None:
        self.inbound = inbound
        self.plan_id = plan_id
        [self.shipment_id] = inbound.shipment_ids(plan_id)
        self.at = f"{plan_id}/shipments/{self.shipment_id}"

    def shipment(self) -> dict[str, Any]:
        return self.inbound.shipment(self.plan_id, self.shipment_id)

    def generate_body(self, **config: Any) -> dict[str, Any]:
        start = iso(self.inbound.runtime.clock.timestamp() + DAY)
        entry = {"shipmentId": self.shipment_id, "readyToShipWindow": {"start": start}, **config}
        return {
            "placementOptionId": self.shipment()["placementOptionId"],
            "shipmentTransportationConfigurations": [entry],
        }

    def options(self, **config: Any) -> list[dict[str, Any]]:
        """Generate options (run to its end) and list them."""
        self.inbound.step("POST", f"{self.plan_id}/transportationOptions", json=self.generate_body(**config))
        return list(
            self.inbound.get(f"{self.plan_id}/transportationOptions", shipmentId=self.shipment_id)[
                "transportationOptions"
            ]
        )

    def pick(self, options: list[dict[str, Any]], mode: str, solution: str) -> dict[str, Any]:
        return next(o for o in options if o["shippingMode"] == mode and o["shippingSolution"] == solution)

    def confirm_body(self, option: dict[str, Any]) -> dict[str, Any]:
        selection = {
            "shipmentId": self.shipment_id,
            "transportationOptionId": option["transportationOptionId"],
        }
        return {"transportationSelections": [selection]}

    def confirm(self, option: dict[str, Any], expect: str = "SUCCESS") -> dict[str, Any]:
        path = f"{self.plan_id}/transportationOptions/confirmation"
        return self.inbound.step("POST", path, expect, json=self.confirm_body(option))

    def window(self, availability: str = "AVAILABLE") -> dict[str, Any]:
        """Generate delivery windows and confirm the first of `availability`."""
        self.inbound.step("POST", f"{self.at}/deliveryWindowOptions")
        windows = self.inbound.get(f"{self.at}/deliveryWindowOptions")["deliveryWindowOptions"]
        chosen = next(w for w in windows if w["availabilityType"] == availability)
        self.inbound.step(
            "POST", f"{self.at}/deliveryWindowOptions/{chosen['deliveryWindowOptionId']}/confirmation"
        )
        return dict(chosen)

    def box_ids(self) -> list[str]:
        return [b["boxId"] for b in self.inbound.get(f"{self.at}/boxes")["boxes"]]

    def track(self) -> dict[str, Any]:
        items = [{"boxId": b, "trackingId": f"1Z{n:016d}"} for n, b in enumerate(self.box_ids())]
        body = {"trackingDetails": {"spdTrackingDetail": {"spdTrackingItems": items}}}
        return self.inbound.step("PUT", f"{self.at}/trackingDetails", json=body)


@pytest.fixture(name="transport")
def transport_fixture(inbound: Inbound) -> Transport:
    """A plan of 24 units of MUG-01 in one box, placed (one shipment, WORKING)."""
    inbound.stock("MUG-01")
    return Transport(inbound, inbound.placed({"MUG-01": 24}))
