"""A 2026-07-04 order's service level and services read back as they were asked for."""

from __future__ import annotations

from tests.api.outbound.test_outbound_2026 import create, get


def test_an_orders_delivery_interval_reads_back(mcf):
    mcf.stock("MUG", 2)
    interval = {"startTime": "2026-12-01T09:00:00Z", "endTime": "2026-12-01T13:00:00Z"}
    level = {"serviceTiers": ["STANDARD"], "deliveryInterval": interval}
    response = create(mcf, fulfillmentConfiguration={"serviceLevel": level})
    assert response.status_code == 200, response.text
    assert get(mcf)["fulfillmentConfiguration"]["serviceLevel"]["deliveryInterval"] == interval


def test_services_without_packaging_read_back_without_packaging(mcf):
    mcf.stock("MUG", 2)
    response = create(mcf, fulfillmentConfiguration={"services": {"delivery": {}}})
    assert response.status_code == 200, response.text
    services = get(mcf)["fulfillmentConfiguration"]["services"]
    assert "packaging" not in services
