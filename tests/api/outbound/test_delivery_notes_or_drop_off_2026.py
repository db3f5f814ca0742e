"""A 2026-07-04 order's delivery notes and drop-off location each read back on their own: either one is
enough to keep the order's delivery preferences."""

from __future__ import annotations

from tests.api.outbound.support import ADDRESS
from tests.api.outbound.test_outbound_2026 import create, get


def test_delivery_notes_alone_read_back(mcf):
    mcf.stock("MUG", 5)
    response = create(mcf, destination={"deliveryAddress": ADDRESS, "deliveryNotes": "Ring twice"})
    assert response.status_code == 200, response.text
    destination = get(mcf)["destination"]
    assert destination["deliveryNotes"] == "Ring twice"
    assert "dropOffLocation" not in destination


def test_a_drop_off_location_alone_reads_back(mcf):
    mcf.stock("MUG", 5)
    drop_off = {"type": "FRONT_DOOR"}
    response = create(mcf, destination={"deliveryAddress": ADDRESS, "dropOffLocation": drop_off})
    assert response.status_code == 200, response.text
    destination = get(mcf)["destination"]
    assert destination["dropOffLocation"] == drop_off
    assert "deliveryNotes" not in destination
