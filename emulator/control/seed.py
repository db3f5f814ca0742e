"""Seeding a world from one document (JSON or YAML): applications, sellers, listings, inventory, calls.

    applications: [{clientId, clientSecret, applicationId?, redirectUris?, name?}]
    sellers:      [{sellerId, marketplaces?, name?, refreshToken?, clientId?}]
    listings:     [{sku, sellerId?, productType?, marketplaceIds?, attributes?, requirements?}]
    inventory:    [{sku, quantity, sellerId?, marketplaceId?, productName?}]
    inbound:      [{items: {msku: units}, status?, sellerId?, marketplaceId?, name?, sourceAddress?}]
    calls:        [{operationId, sellerId?, params?, body?}]

Listings, inventory and calls run SP-API operations in-process (putListingsItem; createInventoryItem
then addInventory; any operation) so seeded data is exactly what the API itself would have made.
`sellerId` defaults to the default seller, marketplaces to the seller's first one. Seeding is all or
nothing: when any entry fails the world is put back as it was and the error names the entry.
A listing is held to putListingsItem's rules (`requirements` default `LISTING` needs `item_name`);
an INVALID answer fails the seed with the answer's issues.

An inbound plan ("a shipment in transit with 24 units": `{items: {MUG-1: 24}, status: IN_TRANSIT}`) is
made by the Inbound operations (create, packing options, one box, placement; the first option each time)
with their operations finishing at once, and its shipments are brought to `status` (default WORKING; or
ACTIVE: the plan only) on the clock's own path: Inbound's transition `inbound.seed.ship` stands in for the
transportation steps, and the steps up to `status` take no time while seeding (setting `inbound.timings`).
"""

from __future__ import annotations

from typing import Any

from emulator.edge.invoke import Invoker
from emulator.lwa.accounts import DEFAULTS, NA_MARKETPLACES, Accounts
from emulator.state import Clock, IdFactory, Store
from emulator.state.config import CONFIG, Setting

SECTIONS = ("applications", "sellers", "listings", "inventory", "inbound", "calls")
# Inbound's statuses a seeded shipment can be brought to, with the timing fields (`inbound.timings`) of the
# clock's steps it passes after shipping.
INBOUND_PATH = {
    "ACTIVE": (),
    "WORKING": (),
    "READY_TO_SHIP": (),
    "SHIPPED": (),
    "IN_TRANSIT": ("in_transit_after",),
    "DELIVERED": ("in_transit_after", "delivered_after"),
    "CHECKED_IN": ("in_transit_after", "delivered_after", "checked_in_after"),
    "RECEIVING": ("in_transit_after", "delivered_after", "checked_in_after", "receiving_after"),
    "CLOSED": ("in_transit_after", "delivered_after", "checked_in_after", "receiving_after", "closed_after"),
}
INBOUND_TIMINGS = "inbound.timings"
SEED_SHIP = "inbound.seed.ship"
SEED_BOX = {
    "contentInformationSource": "BOX_CONTENT_PROVIDED",
    "dimensions": {"length": 20, "width": 15, "height": 12, "unitOfMeasurement": "IN"},
    "weight": {"value": 20, "unit": "LB"},
    "quantity": 1,
}
SEED_SOURCE = {
    "name": "Seeded warehouse",
    "addressLine1": "1 Main St",
    "city": "Seattle",
    "stateOrProvinceCode": "WA",
    "postalCode": "98101",
    "countryCode": "US",
    "phoneNumber": "2065550100",
}


class SeedError(ValueError):
    """A seed entry that could not be applied; `detail` carries the SP-API answer when there was one."""

    def __init__(self, message: str, detail: Any = None) -> None:
        super().__init__(message)
        self.detail = detail


def _need(entry: dict[str, Any], name: str, where: str) -> Any:
    if entry.get(name) in (None, ""):
        raise SeedError(f"{where}: `{name}` is required")
    return entry[name]


class Seeder:
    """Applies seed documents to a store, through its accounts and the SP-API operations themselves."""

    def __init__(
        self, store: Store, accounts: Accounts, ids: IdFactory, invoke: Invoker, clock: Clock
    ) -> None:
        self._store = store
        self._clock = clock
        self._accounts = accounts
        self._ids = ids
        self._invoke = invoke

    def apply(self, document: Any) -> dict[str, int]:
        """Apply every section in order; returns how many entries of each were applied."""
        if not isinstance(document, dict):
            raise SeedError("a seed document must be a mapping")
        unknown = set(document) - set(SECTIONS)
        if unknown:
            raise SeedError(f"unknown seed sections {sorted(unknown)}; expected some of {list(SECTIONS)}")
        before = self._store.snapshot()
        counts: dict[str, int] = {}
        try:
            for section in SECTIONS:
                entries = document.get(section) or []
                if not isinstance(entries, list):
                    raise SeedError(f"`{section}` must be a list")
                for index, entry in enumerate(entries):
                    where = f"{section}[{index}]"
                    if not isinstance(entry, dict):
                        raise SeedError(f"{where} must be a mapping")
                    getattr(self, f"_{section}")(entry, where)
                counts[section] = len(entries)
        except Exception:
            self._store.restore(before)
            raise
        return counts

    def _applications(self, entry: dict[str, Any], where: str) -> None:
        uris = entry.get("redirectUris") or []
        if not isinstance(uris, list):
            raise SeedError(f"{where}: `redirectUris` must be a list")
        self._accounts.add_application(
            str(_need(entry, "clientId", where)),
            str(_need(entry, "clientSecret", where)),
            str(entry["applicationId"]) if entry.get("applicationId") else None,
            [str(u) for u in uris],
            str(entry.get("name", "")),
        )

    def _sellers(self, entry: dict[str, Any], where: str) -> None:
        seller_id = str(_need(entry, "sellerId", where))
        marketplaces = entry.get("marketplaces") or list(NA_MARKETPLACES)
        if not isinstance(marketplaces, list) or not marketplaces:
            raise SeedError(f"{where}: `marketplaces` must be a non-empty list")
        self._accounts.add_seller(seller_id, [str(m) for m in marketplaces], str(entry.get("name", "")))
        client_id = str(entry.get("clientId") or DEFAULTS.client_id)
        if self._accounts.application(client_id) is None:
            raise SeedError(f"{where}: no application with clientId {client_id!r}")
        if entry.get("refreshToken"):
            self._accounts.add_refresh_token(client_id, seller_id, str(entry["refreshToken"]))

    def _seller(self, entry: dict[str, Any], where: str) -> tuple[str, list[str]]:
        seller_id = str(entry.get("sellerId") or DEFAULTS.seller_id)
        seller = self._accounts.seller(seller_id)
        if seller is None:
            raise SeedError(f"{where}: unknown seller {seller_id!r} (add it under `sellers` first)")
        return seller_id, list(seller.marketplaces)

    def _call(self, where: str, operation_id: str, seller_id: str, params: dict[str, Any], body: Any) -> Any:
        try:
            status, answer = self._invoke(operation_id, seller_id, params, body)
        except KeyError as error:
            raise SeedError(f"{where}: {error.args[0]}") from None
        if not 200 <= status < 300:
            raise SeedError(f"{where}: {operation_id} answered {status}", answer)
        return answer

    def _listings(self, entry: dict[str, Any], where: str) -> None:
        seller_id, marketplaces = self._seller(entry, where)
        body: dict[str, Any] = {
            "productType": entry.get("productType", "PRODUCT"),
            "attributes": entry.get("attributes") or {},
        }
        if entry.get("requirements"):
            body["requirements"] = entry["requirements"]
        params = {
            "sellerId": seller_id,
            "sku": str(_need(entry, "sku", where)),
            "marketplaceIds": entry.get("marketplaceIds") or marketplaces[:1],
        }
        answer = self._call(where, "putListingsItem", seller_id, params, body)
        if isinstance(answer, dict) and answer.get("status") == "INVALID":
            raise SeedError(f"{where}: putListingsItem rejected the listing", answer)

    def _inventory(self, entry: dict[str, Any], where: str) -> None:
        seller_id, marketplaces = self._seller(entry, where)
        sku = str(_need(entry, "sku", where))
        marketplace = str(entry.get("marketplaceId") or marketplaces[0])
        quantity = _need(entry, "quantity", where)
        self._call(
            where,
            "createInventoryItem",
            seller_id,
            {},
            {
                "sellerSku": sku,
                "marketplaceId": marketplace,
                "productName": str(entry.get("productName") or sku),
            },
        )
        if quantity:
            self._call(
                where,
                "addInventory",
                seller_id,
                {"x-amzn-idempotency-token": self._ids.uuid()},
                {"inventoryItems": [{"sellerSku": sku, "marketplaceId": marketplace, "quantity": quantity}]},
            )

    def _inbound(self, entry: dict[str, Any], where: str) -> None:
        seller_id, marketplaces = self._seller(entry, where)
        status = str(entry.get("status") or "WORKING")
        if status not in INBOUND_PATH:
            raise SeedError(f"{where}: `status` must be one of {list(INBOUND_PATH)}")
        units = _need(entry, "items", where)
        if not isinstance(units, dict):
            raise SeedError(f"{where}: `items` must map MSKUs to units")
        lines = [
            {"msku": str(m), "quantity": q, "labelOwner": "SELLER", "prepOwner": "NONE"}
            for m, q in units.items()
        ]
        config = self._store.shared.table(CONFIG)
        kept = config.get(INBOUND_TIMINGS)
        instant = dict.fromkeys(("operation", *INBOUND_PATH[status]), 0)
        config.put(INBOUND_TIMINGS, Setting(value={**(kept.value if kept else {}), **instant}))
        try:
            self._inbound_plan(entry, where, seller_id, marketplaces, lines, status)
        finally:
            config.put(INBOUND_TIMINGS, kept) if kept else config.delete(INBOUND_TIMINGS)

    def _inbound_plan(
        self,
        entry: dict[str, Any],
        where: str,
        seller_id: str,
        marketplaces: list[str],
        lines: list[dict[str, Any]],
        status: str,
    ) -> None:
        """Create the plan and take it through placement, each operation finished by the next call."""
        body = {
            "destinationMarketplaces": [str(entry.get("marketplaceId") or marketplaces[0])],
            "sourceAddress": entry.get("sourceAddress") or SEED_SOURCE,
            "items": lines,
        } | ({"name": entry["name"]} if entry.get("name") else {})
        created = self._call(where, "createInboundPlan", seller_id, {}, body)
        plan_id, operation = created["inboundPlanId"], {"operationId": created["operationId"]}
        outcome = self._call(where, "getInboundOperationStatus", seller_id, operation, None)
        if outcome["operationStatus"] != "SUCCESS":
            raise SeedError(f"{where}: createInboundPlan failed", outcome)
        if status == "ACTIVE":
            return
        on_plan = {"inboundPlanId": plan_id}
        self._call(where, "generatePackingOptions", seller_id, on_plan, None)
        packing = self._call(where, "listPackingOptions", seller_id, on_plan, None)["packingOptions"][0]
        chosen = on_plan | {"packingOptionId": packing["packingOptionId"]}
        self._call(where, "confirmPackingOption", seller_id, chosen, None)
        grouping = {"packingGroupId": packing["packingGroups"][0], "boxes": [SEED_BOX | {"items": lines}]}
        self._call(where, "setPackingInformation", seller_id, on_plan, {"packageGroupings": [grouping]})
        self._call(where, "generatePlacementOptions", seller_id, on_plan, {})
        placement = self._call(where, "listPlacementOptions", seller_id, on_plan, None)["placementOptions"][0]
        chosen = on_plan | {"placementOptionId": placement["placementOptionId"]}
        self._call(where, "confirmPlacementOption", seller_id, chosen, None)
        if status != "WORKING":
            for shipment_id in placement["shipmentIds"]:
                payload = {"plan_id": plan_id, "shipment_id": shipment_id, "ship": status != "READY_TO_SHIP"}
                self._store.scheduler.schedule(self._clock.timestamp(), SEED_SHIP, seller_id, payload)
        self._call(where, "getInboundPlan", seller_id, on_plan, None)

    def _calls(self, entry: dict[str, Any], where: str) -> None:
        seller_id = str(entry.get("sellerId") or DEFAULTS.seller_id)
        params = entry.get("params") or {}
        if not isinstance(params, dict):
            raise SeedError(f"{where}: `params` must be a mapping")
        self._call(where, str(_need(entry, "operationId", where)), seller_id, params, entry.get("body"))
