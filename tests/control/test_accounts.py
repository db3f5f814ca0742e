"""Applications, sellers, self-authorization, one seller's overview and the dashboard page (control API)."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from emulator.app import create_app
from emulator.settings import Settings

APP = {"clientId": "mine", "clientSecret": "secret", "redirectUris": ["https://shop.example/cb"]}


def test_a_registered_application_is_listed_without_its_secret(client):
    made = client.post("/_emulator/applications", json={**APP, "name": "Mine", "draft": True})
    assert made.status_code == 201
    listed = client.get("/_emulator/applications").json()["applications"]
    mine = next(a for a in listed if a["clientId"] == "mine")
    assert mine == made.json() and mine["draft"] is True and "clientSecret" not in mine


@pytest.mark.parametrize(
    ("body", "word"),
    [
        ({**APP, "redirectUris": ["ftp://x.example/"]}, "absolute http(s)"),
        ({**APP, "redirectUris": ["https://x.example/#a"]}, "fragment"),
        ({"clientId": "mine"}, "clientSecret"),
    ],
)
def test_bad_applications_are_refused_naming_the_problem(client, body, word):
    refused = client.post("/_emulator/applications", json=body)
    assert refused.status_code == 400 and word in refused.json()["message"]


def test_self_authorization_gives_a_refresh_token_of_the_seller(client, runtime):
    client.post("/_emulator/applications", json=APP)
    assert client.post("/_emulator/sellers", json={"sellerId": "A9SELF"}).status_code == 201
    granted = client.post("/_emulator/authorizations", json={"clientId": "mine", "sellerId": "A9SELF"})
    assert granted.status_code == 201
    assert runtime.accounts.refresh_token(granted.json()["refreshToken"]).seller_id == "A9SELF"
    unknown = client.post("/_emulator/authorizations", json={"clientId": "nobody", "sellerId": "A9SELF"})
    assert unknown.status_code == 404 and unknown.json()["error"] == "UnknownApplication"
    bad = client.post("/_emulator/sellers", json={"sellerId": "not a seller"})
    assert bad.status_code == 400 and bad.json()["error"] == "InvalidSeller"


def test_the_overview_reads_stock_through_the_operations_without_journaling(client):
    client.post("/_emulator/seed", json={"inventory": [{"sku": "OV-1", "quantity": 3}]})
    world = client.get("/_emulator/overview").json()
    assert [(r["sellerSku"], r["fulfillable"]) for r in world["inventory"]] == [("OV-1", 3)]
    assert world["orders"] == [] and client.get("/_emulator/journal").json()["entries"] == []
    assert client.get("/_emulator/overview", params={"sellerId": "NOBODY"}).status_code == 404


def test_the_consent_page_shows_errors_without_redirecting(client):
    client.post(
        "/_emulator/applications", json={**APP, "applicationId": "amzn1.sp.solution.d", "draft": True}
    )
    page = client.get("/apps/authorize/consent", params={"application_id": "amzn1.sp.solution.d"})
    assert page.status_code == 400 and "MD1000" in page.text and "location" not in page.headers
    beta = client.get(
        "/apps/authorize/consent", params={"application_id": "amzn1.sp.solution.d", "version": "beta"}
    )
    assert beta.status_code == 200 and "Inventory and Order Tracking" in beta.text


def test_a_bad_new_seller_id_is_asked_again(client):
    client.post("/_emulator/applications", json={**APP, "applicationId": "amzn1.sp.solution.p"})
    form = {"application_id": "amzn1.sp.solution.p", "decision": "confirm", "new_seller_id": "no spaces"}
    again = client.post("/apps/authorize/consent", data=form, follow_redirects=False)
    assert again.status_code == 400 and "letters and digits" in again.text


def test_the_dashboard_takes_the_admin_token_from_the_query_once(catalog):
    app = create_app(Settings(admin_token="T0K"), catalog)
    with TestClient(app) as client:
        assert client.get("/_emulator/ui").status_code == 401
        page = client.get("/_emulator/ui", params={"token": "T0K"})
        assert page.status_code == 200 and 'content="T0K"' in page.text
        assert (
            client.get("/_emulator/clock", params={"token": "T0K"}).status_code == 401
        )  # the API wants the header
        assert client.get("/_emulator/ui/static/dashboard.js").status_code == 200
        assert client.get("/_emulator/ui/static/nothing.js").status_code == 404
