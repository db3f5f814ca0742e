"""The consent page and self-authorization, clicked through in headless Chromium.

The redirect URI registered for the application is the emulator's own health endpoint, so the browser
lands on a page that exists and the test reads the redirect's query from the address bar.
"""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx
import pytest

from emulator.testing.clients import spapi_client
from emulator.testing.credentials import Credentials
from tests.browser.conftest import wait_for

US = "ATVPDKIKX0DER"
APP = {"clientId": "shop-client", "clientSecret": "shop-secret", "applicationId": "amzn1.sp.solution.shop"}


def register(url: str, **extra: object) -> str:
    """Register the integrator's application; its redirect URI is the emulator's health page."""
    callback = f"{url}/_emulator/health"
    body = {**APP, "name": "Shop Connector", "redirectUris": [callback], **extra}
    assert httpx.post(f"{url}/_emulator/applications", json=body).status_code == 201
    return callback


def open_consent(driver, url: str, **query: str) -> str:
    """Open the consent page for the registered application; its address."""
    address = f"{url}/apps/authorize/consent?" + urlencode({"application_id": APP["applicationId"], **query})
    driver.get(address)
    return address


def landed(driver, callback: str) -> dict[str, str]:
    wait_for(driver, lambda d: d.current_url.startswith(callback), "the browser to reach the redirect URI")
    return {k: v[0] for k, v in parse_qs(urlsplit(driver.current_url).query).items()}


def inventory_as(url: str, refresh_token: str, seller_id: str) -> int:
    """An SP-API call as the seller, through Amazon's official SDK (its LWA client uses `refresh_token`)."""
    from spapi import FbaInventoryApi

    credentials = replace(
        Credentials.for_emulator(url, refresh_token=refresh_token, seller_id=seller_id),
        client_id=APP["clientId"],
        client_secret=APP["clientSecret"],
    )
    api = FbaInventoryApi(spapi_client(credentials).api_client)
    found = api.get_inventory_summaries("Marketplace", US, [US], details=True)
    return len(found.payload.inventory_summaries)


def test_confirm_gives_a_code_that_buys_tokens_for_a_new_seller(live, driver, pages):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    app, url = live
    callback = register(url)
    open_consent(driver, url, state="st-1")
    assert driver.find_element(By.ID, "app-name").text == "Shop Connector"
    roles = [li.text for li in driver.find_elements(By.CSS_SELECTOR, "ul.roles li")]
    assert roles == ["Product Listing", "Amazon Fulfillment", "Inventory and Order Tracking"]
    pages.check("consent")
    new_seller = driver.find_element(By.ID, "new-seller")  # reached and filled from the keyboard
    new_seller.send_keys("A2BROWSERSELLER")
    driver.find_element(By.CSS_SELECTOR, "button[value=confirm]").send_keys(Keys.ENTER)
    query = landed(driver, callback)
    assert query["state"] == "st-1" and query["selling_partner_id"] == "A2BROWSERSELLER"
    tokens = httpx.post(
        f"{url}/auth/o2/token",
        data={
            "grant_type": "authorization_code",
            "code": query["spapi_oauth_code"],
            "redirect_uri": callback,
            "client_id": APP["clientId"],
            "client_secret": APP["clientSecret"],
        },
    ).json()
    assert tokens["refresh_token"].startswith("Atzr|")
    assert app.runtime.accounts.refresh_token(tokens["refresh_token"]).seller_id == "A2BROWSERSELLER"
    assert inventory_as(url, tokens["refresh_token"], "A2BROWSERSELLER") == 0
    assert app.control.journal(bodies=False)["entries"][-1]["sellerId"] == "A2BROWSERSELLER"


def test_cancel_sends_the_denial(live, driver, pages):
    from selenium.webdriver.common.by import By

    _, url = live
    callback = register(url)
    open_consent(driver, url, state="st-2")
    pages.check("consent-before-cancel")
    driver.find_element(By.CSS_SELECTOR, "button[value=cancel]").click()
    query = landed(driver, callback)
    assert query == {
        "error": "access_denied",
        "error_description": "The seller denied the request",
        "state": "st-2",
    }


@pytest.mark.parametrize(
    ("case", "query", "code"),
    [
        ("unknown-application", {"application_id": "amzn1.sp.solution.nobody"}, "MD1000"),
        ("unregistered-redirect", {"redirect_uri": "https://elsewhere.example/cb"}, "MD5101"),
        ("fragment", {"redirect_uri": "https://shop.example/cb#top"}, "MD5110"),
        ("draft-without-beta", {"draft": True}, "MD1000"),
    ],
)
def test_errors_are_shown_on_the_page_and_never_redirect(live, driver, pages, case, query, code):
    from selenium.webdriver.common.by import By

    _, url = live
    register(url, draft=bool(query.get("draft")))
    target = open_consent(driver, url, state="s", **{k: v for k, v in query.items() if k != "draft"})
    assert driver.current_url == target
    assert driver.find_element(By.ID, "error-code").text == code
    pages.check(f"error-{case}", allowed_status="400")


def test_a_draft_is_authorized_with_version_beta(live, driver):
    from selenium.webdriver.common.by import By

    _, url = live
    callback = register(url, draft=True)
    open_consent(driver, url, state="b", version="beta")
    driver.find_element(By.CSS_SELECTOR, "button[value=confirm]").click()
    assert landed(driver, callback)["selling_partner_id"] == "A1MCFEMULATOR1"


def test_self_authorization_gives_a_refresh_token_that_works(live, driver, pages):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    app, url = live
    register(url)
    httpx.post(f"{url}/_emulator/sellers", json={"sellerId": "A3SELFSELLER", "name": "Self"})
    driver.get(f"{url}/_emulator/ui")
    wait_for(
        driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#self-app option[value=shop-client]"), "apps"
    )
    driver.find_element(By.CSS_SELECTOR, "#self-authorize summary").click()
    Select(driver.find_element(By.ID, "self-app")).select_by_value("shop-client")
    Select(driver.find_element(By.ID, "self-seller")).select_by_value("A3SELFSELLER")
    driver.find_element(By.CSS_SELECTOR, "#self-form button[type=submit]").click()
    token = wait_for(
        driver, lambda d: d.find_element(By.ID, "refresh-token").get_attribute("value"), "a token"
    )
    pages.check("self-authorization")
    assert app.runtime.accounts.refresh_token(token).seller_id == "A3SELFSELLER"
    assert inventory_as(url, token, "A3SELFSELLER") == 0
