"""Sending stock to Amazon against a real `mcf-emulator serve`, through two unmodified SDKs.

A listing with an Amazon channel, an inbound plan through every step (each operation polled until it
ends), box labels downloaded (a real PDF), tracking, the clock moved until the shipment is CLOSED, the
units fulfillable, and an MCF order shipping them. The server runs with strict responses, and
`emulator_serve` fails the test if it recorded any contract violation.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pypdf
import pytest

from emulator.lwa.accounts import DEFAULTS
from emulator.testing.clients import sp_api_client
from emulator.testing.credentials import Credentials
from tests.api.inbound.support import SOURCE, box, item
from tests.api.outbound.support import order_body
from tests.e2e.test_mcf_flow import advance_clock as advance
from tests.e2e.test_mcf_flow import official_sdk
from tests.processes import emulator_serve

US = "ATVPDKIKX0DER"
DAY = 86400.0


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    with emulator_serve("--seed", "4", "--strict-responses") as base:
        yield base


def now(base: str) -> str:
    return str(httpx.get(f"{base}/_emulator/clock").json()["now"])


def listing(sku: str) -> dict[str, Any]:
    """A LISTING body offering `sku` in the US, fulfilled by Amazon (channel AMAZON_NA)."""
    attributes = {
        "item_name": [{"value": f"Mug {sku}", "language_tag": "en_US", "marketplace_id": US}],
        "condition_type": [{"value": "new_new"}],
        "purchasable_offer": [
            {"marketplace_id": US, "currency": "USD", "our_price": [{"schedule": [{"value_with_tax": 12.5}]}]}
        ],
        "fulfillment_availability": [{"fulfillment_channel_code": "AMAZON_NA"}],
        "main_product_image_locator": [{"media_location": "https://example.com/mug.jpg"}],
    }
    return {"productType": "HOME", "requirements": "LISTING", "attributes": attributes}


def packing(group_id: str, sku: str, quantity: int) -> dict[str, Any]:
    return {"packageGroupings": [{"packingGroupId": group_id, "boxes": [box({sku: quantity})]}]}


def polled(base: str, status: Callable[[str], str]) -> Callable[[str], None]:
    """A poller: asks `status(operationId)` until it leaves IN_PROGRESS (moving the clock), wants SUCCESS."""

    def wait(operation_id: str) -> None:
        found = status(operation_id)
        for _ in range(30):
            if found != "IN_PROGRESS":
                break
            advance(base, 1)
            found = status(operation_id)
        assert found == "SUCCESS", (operation_id, found)

    return wait


def _official_plan(base: str, api: Any, sku: str) -> tuple[str, str, str]:
    """Every step of the plan through Amazon's SDK; (plan id, shipment id, confirmation id)."""
    from spapi import FbaInboundApi

    inbound = FbaInboundApi(api)
    wait = polled(base, lambda op: inbound.get_inbound_operation_status(op).operation_status)
    created = inbound.create_inbound_plan(
        {"destinationMarketplaces": [US], "sourceAddress": SOURCE, "items": [item(sku, 24)], "name": "E2E"}
    )
    wait(created.operation_id)
    plan_id = created.inbound_plan_id
    wait(inbound.generate_packing_options(plan_id).operation_id)
    option = inbound.list_packing_options(plan_id).packing_options[0]
    wait(inbound.confirm_packing_option(plan_id, option.packing_option_id).operation_id)
    group = option.packing_groups[0]
    assert inbound.list_packing_group_items(plan_id, group).items[0].msku == sku
    wait(inbound.set_packing_information(plan_id, packing(group, sku, 24)).operation_id)
    wait(inbound.generate_placement_options(plan_id, {}).operation_id)
    placement = inbound.list_placement_options(plan_id).placement_options[0]
    wait(inbound.confirm_placement_option(plan_id, placement.placement_option_id).operation_id)
    [shipment_id] = placement.shipment_ids
    shipment = inbound.get_shipment(plan_id, shipment_id)
    assert shipment.status == "WORKING"
    box_ids = [b.box_id for b in inbound.list_shipment_boxes(plan_id, shipment_id).boxes]

    config = {"shipmentId": shipment_id, "readyToShipWindow": {"start": now(base)}}
    body = {
        "placementOptionId": placement.placement_option_id,
        "shipmentTransportationConfigurations": [config],
    }
    wait(inbound.generate_transportation_options(plan_id, body).operation_id)
    options = inbound.list_transportation_options(plan_id, shipment_id=shipment_id).transportation_options
    own = next(o for o in options if o.shipping_solution == "USE_YOUR_OWN_CARRIER")
    assert own.preconditions == ["CONFIRMED_DELIVERY_WINDOW"]
    wait(inbound.generate_delivery_window_options(plan_id, shipment_id).operation_id)
    windows = inbound.list_delivery_window_options(plan_id, shipment_id).delivery_window_options
    window = next(w for w in windows if w.availability_type == "AVAILABLE")
    wait(
        inbound.confirm_delivery_window_options(
            plan_id, shipment_id, window.delivery_window_option_id
        ).operation_id
    )
    selection = {"shipmentId": shipment_id, "transportationOptionId": own.transportation_option_id}
    wait(
        inbound.confirm_transportation_options(
            plan_id, {"transportationSelections": [selection]}
        ).operation_id
    )
    assert inbound.get_shipment(plan_id, shipment_id).status == "READY_TO_SHIP"
    confirmation = shipment.shipment_confirmation_id

    from spapi import FbaInboundV0Api

    labels = FbaInboundV0Api(api).get_labels(
        confirmation, "PackageLabel_Letter_2", "UNIQUE", package_labels_to_print=box_ids
    )
    _assert_pdf(labels.payload.download_url, box_ids[0])

    tracking = [{"boxId": b, "trackingId": f"1Z999AA1{n:010d}"} for n, b in enumerate(box_ids)]
    body = {"trackingDetails": {"spdTrackingDetail": {"spdTrackingItems": tracking}}}
    wait(inbound.update_shipment_tracking_details(plan_id, shipment_id, body).operation_id)
    assert inbound.get_shipment(plan_id, shipment_id).status == "SHIPPED"
    return plan_id, shipment_id, confirmation


def _assert_pdf(url: str, contains: str, base: str | None = None) -> None:
    """The link serves a parseable PDF mentioning `contains`. With `base`, its path is fetched from there:
    sp_api sends Amazon's `Host` header, so its links name Amazon's host (right behind the TLS proxy)."""
    download = httpx.get(f"{base}{httpx.URL(url).raw_path.decode()}" if base else url)
    assert download.status_code == 200 and download.content.startswith(b"%PDF-")
    text = "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(download.content)).pages)
    assert contains in text


def test_inbound_flow_with_amazons_official_sdk(base_url: str) -> None:
    from spapi import FbaInboundApi, FbaInventoryApi, FbaOutboundApi, ListingsApi

    with official_sdk(base_url) as api:
        ListingsApi(api).put_listings_item(DEFAULTS.seller_id, "IN-MUG", [US], listing("IN-MUG"))
        advance(base_url, 120)
    with official_sdk(base_url) as api:
        plan_id, shipment_id, _ = _official_plan(base_url, api, "IN-MUG")
    for _ in range(30):  # the carrier and the fulfilment centre take days
        advance(base_url, DAY)
        with official_sdk(base_url) as api:
            status = FbaInboundApi(api).get_shipment(plan_id, shipment_id).status
        if status == "CLOSED":
            break
    assert status == "CLOSED"
    with official_sdk(base_url) as api:
        inventory = FbaInventoryApi(api)
        found = inventory.get_inventory_summaries("Marketplace", US, [US], details=True, seller_sku="IN-MUG")
        assert found.payload.inventory_summaries[0].inventory_details.fulfillable_quantity == 24
        outbound = FbaOutboundApi(api)
        outbound.create_fulfillment_order(order_body("IN-1", "IN-MUG", 5))
        outbound.submit_fulfillment_order_status_update("IN-1", {"fulfillmentOrderStatus": "Complete"})
        order = outbound.get_fulfillment_order("IN-1").payload
        assert order.fulfillment_shipments[0].fulfillment_shipment_status == "SHIPPED"
        found = inventory.get_inventory_summaries("Marketplace", US, [US], details=True, seller_sku="IN-MUG")
        assert found.payload.inventory_summaries[0].inventory_details.fulfillable_quantity == 19


def _sp_api_plan(base: str, inbound: Any, labeller: Any, sku: str) -> tuple[str, str]:
    """Every step of the plan through python-amazon-sp-api; (plan id, shipment id)."""

    def status(operation_id: str) -> str:
        return str(inbound.get_inbound_operation_status(operation_id).payload["operationStatus"])

    wait = polled(base, status)
    created = inbound.create_inbound_plan(
        destinationMarketplaces=[US], sourceAddress=SOURCE, items=[item(sku, 12)]
    ).payload
    wait(created["operationId"])
    plan_id = created["inboundPlanId"]
    wait(inbound.generate_packing_options(plan_id).payload["operationId"])
    option = inbound.list_packing_options(plan_id).payload["packingOptions"][0]
    wait(inbound.confirm_packing_option(plan_id, option["packingOptionId"]).payload["operationId"])
    group = option["packingGroups"][0]
    wait(inbound.set_packing_information(plan_id, **packing(group, sku, 12)).payload["operationId"])
    wait(inbound.generate_placement_options(plan_id).payload["operationId"])
    placement = inbound.list_placement_options(plan_id).payload["placementOptions"][0]
    wait(inbound.confirm_placement_option(plan_id, placement["placementOptionId"]).payload["operationId"])
    [shipment_id] = placement["shipmentIds"]
    box_ids = [b["boxId"] for b in inbound.list_shipment_boxes(plan_id, shipment_id).payload["boxes"]]

    config = {"shipmentId": shipment_id, "readyToShipWindow": {"start": now(base)}}
    wait(
        inbound.generate_transportation_options(
            plan_id,
            placementOptionId=placement["placementOptionId"],
            shipmentTransportationConfigurations=[config],
        ).payload["operationId"]
    )
    options = inbound.list_transportation_options(plan_id, shipmentId=shipment_id).payload
    partnered = next(
        o for o in options["transportationOptions"] if o["shippingSolution"] == "AMAZON_PARTNERED_CARRIER"
    )
    selection = {"shipmentId": shipment_id, "transportationOptionId": partnered["transportationOptionId"]}
    wait(
        inbound.confirm_transportation_options(plan_id, transportationSelections=[selection]).payload[
            "operationId"
        ]
    )
    confirmation = inbound.get_shipment(plan_id, shipment_id).payload["shipmentConfirmationId"]
    labels = labeller.get_labels(
        confirmation, PageType="PackageLabel_Letter_2", LabelType="UNIQUE", PackageLabelsToPrint=box_ids
    )
    _assert_pdf(labels.payload["DownloadURL"], box_ids[0], base)
    tracking = [{"boxId": b, "trackingId": f"1Z999BB1{n:010d}"} for n, b in enumerate(box_ids)]
    details = {"spdTrackingDetail": {"spdTrackingItems": tracking}}
    wait(
        inbound.update_shipment_tracking_details(plan_id, shipment_id, trackingDetails=details).payload[
            "operationId"
        ]
    )
    assert inbound.get_shipment(plan_id, shipment_id).payload["status"] == "SHIPPED"
    return plan_id, shipment_id


def test_inbound_flow_with_python_amazon_sp_api(base_url: str) -> None:
    """The same flow through python-amazon-sp-api, as it is; the listing and the MCF order go through
    Amazon's SDK (the outbound flow test covers sp_api's outbound calls)."""
    from sp_api.api import FulfillmentInboundV0, FulfillmentInboundV20240320, Inventories
    from spapi import FbaOutboundApi, ListingsApi

    with official_sdk(base_url) as api:
        ListingsApi(api).put_listings_item(DEFAULTS.seller_id, "SP-MUG", [US], listing("SP-MUG"))
        advance(base_url, 120)
    credentials = Credentials.for_emulator(base_url)
    inbound = sp_api_client(FulfillmentInboundV20240320, credentials)
    labeller = sp_api_client(FulfillmentInboundV0, credentials)
    try:
        plan_id, shipment_id = _sp_api_plan(base_url, inbound, labeller, "SP-MUG")
    finally:
        inbound.close()
        labeller.close()
    advance(base_url, 30 * DAY)
    # The library keeps an access token for 3200 s of real time; the emulator's clock just moved past it.
    from sp_api.auth import access_token_client

    access_token_client.cache.clear()
    credentials = Credentials.for_emulator(base_url)
    inbound = sp_api_client(FulfillmentInboundV20240320, credentials)
    inventories = sp_api_client(Inventories, credentials)
    try:
        assert inbound.get_shipment(plan_id, shipment_id).payload["status"] == "CLOSED"
        found = inventories.get_inventory_summary_marketplace(details=True, sellerSkus=["SP-MUG"]).payload
        assert found["inventorySummaries"][0]["inventoryDetails"]["fulfillableQuantity"] == 12
    finally:
        inbound.close()
        inventories.close()
    with official_sdk(base_url) as api:
        FbaOutboundApi(api).create_fulfillment_order(order_body("SP-1", "SP-MUG", 12))
