"""The dashboard in headless Chromium while a client works against the emulator over HTTP."""

from __future__ import annotations

import httpx

from emulator.testing.clients import httpx_client
from emulator.testing.credentials import Credentials
from tests.browser.conftest import wait_for

US = "ATVPDKIKX0DER"
ORDER = "DASH-ORDER-1"
ADDRESS = {
    "name": "Ada",
    "addressLine1": "1 Main St",
    "city": "Seattle",
    "stateOrRegion": "WA",
    "postalCode": "98101",
    "countryCode": "US",
}


def _order_body() -> dict[str, object]:
    return {
        "sellerFulfillmentOrderId": ORDER,
        "displayableOrderId": ORDER,
        "displayableOrderDate": "2026-01-01T00:00:00Z",
        "displayableOrderComment": "dashboard test",
        "shippingSpeedCategory": "Standard",
        "destinationAddress": ADDRESS,
        "items": [{"sellerSku": "DASH-MUG", "sellerFulfillmentOrderItemId": "line-1", "quantity": 1}],
    }


def _summaries(client: httpx.Client) -> httpx.Response:
    params = {"granularityType": "Marketplace", "granularityId": US, "marketplaceIds": US}
    return client.get("/fba/inventory/v1/summaries", params=params)


def test_watch_an_order_ship_then_fault_a_call_and_open_it(live, driver, pages):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    app, url = live
    app.control.freeze()
    with httpx_client(Credentials.for_emulator(url)) as client:
        assert httpx.post(
            f"{url}/_emulator/seed", json={"inventory": [{"sku": "DASH-MUG", "quantity": 5}]}
        ).is_success
        driver.get(f"{url}/_emulator/ui")
        wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#inventory-table td code"), "the stock")
        created = client.post("/fba/outbound/2020-07-01/fulfillmentOrders", json=_order_body())
        assert created.status_code == 200

        order = f'details[data-order="{ORDER}"]'
        wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, order), "the order to appear")
        pages.check("dashboard-order-received")

        by = driver.find_element(By.ID, "advance-by")
        by.clear()
        by.send_keys("10d")
        driver.find_element(By.CSS_SELECTOR, "#advance-form button").click()
        wait_for(
            driver,
            lambda d: d.find_element(By.CSS_SELECTOR, f"{order} summary .badge").text == "Complete",
            "the order to complete",
        )
        driver.find_element(By.CSS_SELECTOR, f"{order} summary").click()
        tracking = wait_for(
            driver, lambda d: d.find_element(By.CSS_SELECTOR, f"{order}[open] code.tracking").text, "tracking"
        )
        assert tracking.startswith("TBA")
        pages.check("dashboard-order-complete")

        driver.find_element(By.ID, "fault-operation").send_keys("getInventorySummaries")
        driver.find_element(By.ID, "fault-times").send_keys("1")
        Select(driver.find_element(By.ID, "fault-status")).select_by_visible_text("503")
        driver.find_element(By.CSS_SELECTOR, "#fault-form button").click()
        wait_for(
            driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#faults-table td code"), "the fault rule"
        )
        assert _summaries(client).status_code == 503
        assert _summaries(client).status_code == 200  # the rule fired its one time

    def open_faulted(d):
        rows = [
            r for r in d.find_elements(By.CSS_SELECTOR, "#journal-table tbody tr") if " 503 " in f" {r.text} "
        ]
        if rows:
            rows[0].find_element(By.CSS_SELECTOR, "button.open-exchange").click()
        return bool(rows)

    wait_for(driver, open_faulted, "the faulted call in the journal")
    exchange = driver.find_element(By.ID, "exchange-body")
    wait_for(driver, lambda d: '"status": 503' in exchange.text, "the exchange to open")
    assert '"operationId": "getInventorySummaries"' in exchange.text
    assert driver.switch_to.active_element == exchange  # keyboard focus follows
    pages.check("dashboard-journal-exchange")
