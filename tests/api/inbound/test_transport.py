"""Transport steps over HTTP: transportation options, delivery windows, self-ship appointments,
tracking, content-update previews, the void window, and each step refused when taken out of order."""

from __future__ import annotations

from tests.api.inbound.support import BASE, Inbound, box, item, refused
from tests.api.inbound.transport_support import (
    DAY,
    LTL,
    OWN,
    PARTNERED,
    SMALL,
    Transport,
    transport_fixture,  # noqa: F401  (the `transport` fixture)
)


def test_partnered_small_parcel_ships_and_the_units_arrive(transport: Transport) -> None:
    inbound = transport.inbound
    options = transport.options()
    assert {(o["shippingMode"], o["shippingSolution"]) for o in options} == {(SMALL, PARTNERED), (SMALL, OWN)}
    partnered = transport.pick(options, SMALL, PARTNERED)
    assert partnered["quote"]["cost"] == {"amount": 8.5, "code": "USD"}
    transport.confirm(partnered)
    shipment = transport.shipment()
    assert shipment["status"] == "READY_TO_SHIP"
    assert shipment["selectedTransportationOptionId"] == partnered["transportationOptionId"]
    transport.track()
    assert transport.shipment()["status"] == "SHIPPED"
    assert inbound.details("MUG-01")["inboundShippedQuantity"] == 24
    inbound.advance(10 * DAY)
    assert transport.shipment()["status"] == "CLOSED"
    assert inbound.details("MUG-01")["fulfillableQuantity"] == 24


def test_own_carrier_needs_a_confirmed_delivery_window(transport: Transport) -> None:
    own = transport.pick(transport.options(), SMALL, OWN)
    assert own["preconditions"] == ["CONFIRMED_DELIVERY_WINDOW"]
    path = f"{transport.plan_id}/transportationOptions/confirmation"
    early = transport.inbound.call("POST", f"{BASE}/inboundPlans/{path}", json=transport.confirm_body(own))
    refused(early, says="confirmDeliveryWindowOptions")
    chosen = transport.window()
    transport.confirm(own)
    assert (
        transport.shipment()["selectedDeliveryWindow"]["deliveryWindowOptionId"]
        == chosen["deliveryWindowOptionId"]
    )


def test_blocked_and_expired_delivery_windows_are_refused(transport: Transport) -> None:
    inbound = transport.inbound
    inbound.step("POST", f"{transport.at}/deliveryWindowOptions")
    windows = inbound.get(f"{transport.at}/deliveryWindowOptions")["deliveryWindowOptions"]
    blocked = next(w for w in windows if w["availabilityType"] == "BLOCKED")
    path = f"{BASE}/inboundPlans/{transport.at}/deliveryWindowOptions"
    refused(inbound.call("POST", f"{path}/{blocked['deliveryWindowOptionId']}/confirmation"), says="blocked")
    inbound.advance(8 * DAY)
    refused(
        inbound.call("POST", f"{path}/{windows[0]['deliveryWindowOptionId']}/confirmation"), says="expired"
    )


def test_delivery_windows_page_with_the_token_in_pagination(transport: Transport) -> None:
    inbound = transport.inbound
    inbound.step("POST", f"{transport.at}/deliveryWindowOptions")
    path = f"{transport.at}/deliveryWindowOptions"
    first = inbound.get(path, pageSize=2)
    token = first["pagination"]["nextToken"]
    rest = inbound.get(path, pageSize=10, paginationToken=token)
    every = inbound.get(path)["deliveryWindowOptions"]
    assert first["deliveryWindowOptions"] + rest["deliveryWindowOptions"] == every
    assert "pagination" not in rest


def test_steps_out_of_order_name_the_missing_step(inbound: Inbound) -> None:
    inbound.stock("MUG-01")
    plan_id = inbound.packed({"MUG-01": 6})
    config = {"shipmentId": "sh" + "0" * 36, "readyToShipWindow": {"start": "2030-01-01T00:00:00Z"}}
    body = {"placementOptionId": "pl" + "0" * 36, "shipmentTransportationConfigurations": [config]}
    path = f"{BASE}/inboundPlans/{plan_id}/transportationOptions"
    refused(inbound.call("POST", path, json=body), says="confirmPlacementOption")
    placed = Transport(inbound, inbound.placed({"MUG-01": 6}))
    refused(
        inbound.call("PUT", f"{BASE}/inboundPlans/{placed.at}/trackingDetails", json={"trackingDetails": {}}),
        says="confirmTransportationOptions",
    )
    refused(
        inbound.call("GET", f"{BASE}/inboundPlans/{placed.at}/selfShipAppointmentSlots"),
        says="generateSelfShip",
    )


def test_expired_transportation_options_cannot_be_confirmed(transport: Transport) -> None:
    partnered = transport.pick(transport.options(), SMALL, PARTNERED)
    transport.inbound.advance(8 * DAY)
    path = f"{BASE}/inboundPlans/{transport.plan_id}/transportationOptions/confirmation"
    refused(transport.inbound.call("POST", path, json=transport.confirm_body(partnered)), says="expired")
    assert transport.shipment()["status"] == "WORKING"


def test_options_cannot_be_generated_again_after_confirmation(transport: Transport) -> None:
    transport.confirm(transport.pick(transport.options(), SMALL, PARTNERED))
    path = f"{BASE}/inboundPlans/{transport.plan_id}/transportationOptions"
    refused(
        transport.inbound.call("POST", path, json=transport.generate_body()), says="cannot be generated again"
    )


def test_cancelling_is_refused_after_the_void_window(transport: Transport) -> None:
    transport.confirm(transport.pick(transport.options(), SMALL, PARTNERED))
    transport.inbound.advance(2 * DAY)
    refused(
        transport.inbound.call("PUT", f"{BASE}/inboundPlans/{transport.plan_id}/cancellation"),
        says="void window",
    )


def test_pallets_bring_freight_options(transport: Transport) -> None:
    pallets = [{"quantity": 2, "weight": {"value": 300, "unit": "LB"}, "stackability": "STACKABLE"}]
    options = transport.options(pallets=pallets)
    freight = transport.pick(options, LTL, PARTNERED)
    assert freight["quote"]["cost"]["amount"] == 222.0
    assert len(transport.inbound.get(f"{transport.at}/pallets")["pallets"]) == 1


def test_tracking_names_boxes_of_the_shipment(transport: Transport) -> None:
    transport.confirm(transport.pick(transport.options(), SMALL, PARTNERED))
    items = [{"boxId": "FBA000000000U000999", "trackingId": "1Z"}]
    body = {"trackingDetails": {"spdTrackingDetail": {"spdTrackingItems": items}}}
    refused(
        transport.inbound.call("PUT", f"{BASE}/inboundPlans/{transport.at}/trackingDetails", json=body),
        says="box",
    )
    assert transport.shipment()["status"] == "READY_TO_SHIP"


def test_self_ship_appointment_is_scheduled_rescheduled_and_cancelled(transport: Transport) -> None:
    inbound = transport.inbound
    response = inbound.call("POST", f"{BASE}/inboundPlans/{transport.at}/selfShipAppointmentSlots", json={})
    assert response.status_code == 201, response.text
    inbound.finish(response.json()["operationId"])
    slots = inbound.get(f"{transport.at}/selfShipAppointmentSlots")["selfShipAppointmentSlotsAvailability"][
        "slots"
    ]
    schedule = f"{BASE}/inboundPlans/{transport.at}/selfShipAppointmentSlots"
    booked = inbound.call("POST", f"{schedule}/{slots[0]['slotId']}/schedule", json={})
    assert booked.json()["selfShipAppointmentDetails"]["appointmentStatus"] == "ARRIVAL_SCHEDULED"
    refused(inbound.call("POST", f"{schedule}/{slots[1]['slotId']}/schedule", json={}), says="reasonComment")
    again = inbound.call(
        "POST", f"{schedule}/{slots[1]['slotId']}/schedule", json={"reasonComment": "VEHICLE_DELAY"}
    )
    assert again.status_code == 200
    inbound.step("PUT", f"{transport.at}/selfShipAppointmentCancellation", json={})
    [shown] = transport.shipment()["selfShipAppointmentDetails"]
    assert shown["appointmentStatus"] == "CANCELLED"


def test_content_update_preview_reprices_the_confirmed_option(transport: Transport) -> None:
    inbound = transport.inbound
    transport.confirm(transport.pick(transport.options(), SMALL, PARTNERED))
    body = {"boxes": [box({"MUG-01": 24}, pounds=30)], "items": [item("MUG-01", 24)]}
    inbound.step("POST", f"{transport.at}/contentUpdatePreviews", json=body)
    [preview] = inbound.get(f"{transport.at}/contentUpdatePreviews")["contentUpdatePreviews"]
    assert preview["transportationOption"]["quote"]["cost"]["amount"] == 17.5
    preview_id = preview["contentUpdatePreviewId"]
    assert inbound.get(f"{transport.at}/contentUpdatePreviews/{preview_id}") == preview
    inbound.step("POST", f"{transport.at}/contentUpdatePreviews/{preview_id}/confirmation")
    options = inbound.get(f"{transport.plan_id}/transportationOptions", shipmentId=transport.shipment_id)
    chosen = transport.shipment()["selectedTransportationOptionId"]
    [confirmed] = [o for o in options["transportationOptions"] if o["transportationOptionId"] == chosen]
    assert confirmed["quote"]["cost"]["amount"] == 17.5


def test_another_seller_cannot_see_the_shipment(transport: Transport, other_seller_headers: dict) -> None:
    path = f"{BASE}/inboundPlans/{transport.plan_id}/transportationOptions"
    response = transport.inbound.client.get(
        path, params={"shipmentId": transport.shipment_id}, headers=other_seller_headers
    )
    refused(response, 404, "NotFound")
