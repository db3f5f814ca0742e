"""The SP-API edge: routing, auth, headers, request validation and the error envelope."""

from __future__ import annotations

import pytest

from tests.api.conftest import ITEMS
from tests.conftest import issue_token

SUMMARIES = "/fba/inventory/v1/summaries"
SUMMARY_QUERY = {
    "granularityType": "Marketplace",
    "granularityId": "ATVPDKIKX0DER",
    "marketplaceIds": "ATVPDKIKX0DER",
}
ORDERS_2020 = "/fba/outbound/2020-07-01/fulfillmentOrders"
ORDERS_2026 = "/fulfillment/outbound/2026-07-04/orders"


@pytest.fixture
def auth(edge) -> dict[str, str]:
    return {"x-amz-access-token": issue_token(edge)}


def only_error(response):
    body = response.json()
    assert set(body) == {"errors"} and len(body["errors"]) == 1
    error = body["errors"][0]
    assert set(error) == {"code", "message", "details"}
    assert response.headers["x-amzn-requestid"]
    return error


def test_success_carries_request_id_and_rate_limit(edge, auth):
    response = edge.get(SUMMARIES, params=SUMMARY_QUERY, headers=auth)
    assert response.status_code == 200
    assert response.headers["x-amzn-ratelimit-limit"] == "2.0"
    assert len(response.headers["x-amzn-requestid"]) == 36


def test_request_ids_differ_per_request(edge, auth):
    ids = {
        edge.get(SUMMARIES, params=SUMMARY_QUERY, headers=auth).headers["x-amzn-requestid"] for _ in range(3)
    }
    assert len(ids) == 3


@pytest.mark.parametrize(
    ("method", "path", "details"),
    [
        (
            "GET",
            "/fba/outbound/2020-07-01/nothing",
            "No SP-API operation exists at /fba/outbound/2020-07-01/nothing.",
        ),
        (
            "GET",
            "/fba/inventory/v1/summaries/",
            "No SP-API operation exists at /fba/inventory/v1/summaries/.",
        ),
        ("DELETE", SUMMARIES, "No SP-API operation answers DELETE on /fba/inventory/v1/summaries."),
        ("PATCH", ORDERS_2020 + "/A1", "No SP-API operation answers PATCH on " + ORDERS_2020 + "/A1."),
    ],
)
def test_unknown_paths_and_methods_get_403_like_amazon(edge, auth, method, path, details):
    response = edge.request(method, path, headers=auth)
    assert response.status_code == 403
    assert only_error(response) == {
        "code": "Unauthorized",
        "message": "Access to requested resource is denied.",
        "details": details,
    }
    assert "x-amzn-ratelimit-limit" not in response.headers


@pytest.mark.parametrize(
    ("token", "details"),
    [
        (None, "Access token is missing in the request header."),
        ("Atza|forged", "The access token you provided is revoked, malformed or invalid."),
    ],
)
def test_bad_tokens_get_403(edge, token, details):
    headers = {"x-amz-access-token": token} if token else {}
    response = edge.get(SUMMARIES, params=SUMMARY_QUERY, headers=headers)
    assert response.status_code == 403 and only_error(response)["details"] == details


def test_access_tokens_expire_after_an_hour_of_emulator_time(edge, auth):
    runtime = edge.app.runtime
    runtime.clock.advance(3599)
    assert edge.get(SUMMARIES, params=SUMMARY_QUERY, headers=auth).status_code == 200
    runtime.clock.advance(2)
    expired = edge.get(SUMMARIES, params=SUMMARY_QUERY, headers=auth)
    assert expired.status_code == 403
    assert only_error(expired)["details"] == "The access token you provided has expired."


def grantless_token(edge, scope="sellingpartnerapi::notifications"):
    from emulator.lwa.accounts import DEFAULTS

    response = edge.post(
        "/auth/o2/token",
        data={
            "grant_type": "client_credentials",
            "scope": scope,
            "client_id": DEFAULTS.client_id,
            "client_secret": DEFAULTS.client_secret,
        },
    )
    return {"x-amz-access-token": response.json()["access_token"]}


def test_grantless_operations_need_a_client_credentials_token(edge, auth):
    assert edge.get("/notifications/v1/destinations", headers=grantless_token(edge)).status_code == 200
    with_seller_token = edge.get("/notifications/v1/destinations", headers=auth)
    assert with_seller_token.status_code == 403
    assert "client_credentials" in only_error(with_seller_token)["details"]
    wrong_scope = edge.get(
        "/notifications/v1/destinations", headers=grantless_token(edge, "sellingpartnerapi::migration")
    )
    assert wrong_scope.status_code == 403


def test_seller_operations_refuse_grantless_tokens(edge):
    response = edge.get(SUMMARIES, params=SUMMARY_QUERY, headers=grantless_token(edge))
    assert response.status_code == 403 and "refresh_token grant" in only_error(response)["details"]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        (
            {"granularityId": "ATVPDKIKX0DER", "marketplaceIds": "ATVPDKIKX0DER"},
            "Query parameter 'granularityType' is required.",
        ),
        (SUMMARY_QUERY | {"granularityType": "Country"}, "Query parameter 'granularityType' is invalid"),
        (SUMMARY_QUERY | {"details": "maybe"}, "Query parameter 'details' is invalid"),
        (
            SUMMARY_QUERY | {"marketplaceIds": "ATVPDKIKX0DER,A2EUQ1WTGCTBG2"},
            "Query parameter 'marketplaceIds' is invalid",
        ),
        (SUMMARY_QUERY | {"startDateTime": "yesterday"}, "Query parameter 'startDateTime' is invalid"),
        (SUMMARY_QUERY | {"marketplaceIds": ""}, "Query parameter 'marketplaceIds' must not be empty."),
        (SUMMARY_QUERY | {"marketplaceIds": ",,"}, "Query parameter 'marketplaceIds' must not be empty."),
        (SUMMARY_QUERY | {"granularityId": ""}, "Query parameter 'granularityId' must not be empty."),
    ],
)
def test_bad_parameters_get_invalid_input_naming_them(edge, auth, query, message):
    response = edge.get(SUMMARIES, params=query, headers=auth)
    assert response.status_code == 400
    error = only_error(response)
    assert error["code"] == "InvalidInput" and error["message"].startswith(message)
    assert response.headers["x-amzn-ratelimit-limit"] == "2.0"
    assert response.headers["x-amzn-ErrorType"] == "ValidationException"


def test_missing_required_header_is_named(edge, auth):
    response = edge.post(
        "/fba/inventory/v1/items/inventory",
        headers=auth,
        json={"inventoryItems": [{"sellerSku": "A", "marketplaceId": "ATVPDKIKX0DER", "quantity": 1}]},
    )
    assert response.status_code == 400
    assert only_error(response)["message"] == "Header parameter 'x-amzn-idempotency-token' is required."


@pytest.mark.parametrize(
    ("content", "content_type", "status", "text"),
    [
        (b'{"sellerSku": ', "application/json", 400, "not valid JSON"),
        (b"", "application/json", 400, "request body is required"),
        (b"sellerSku=A", "application/x-www-form-urlencoded", 400, "Content-Type must be application/json"),
        (
            b'{"sellerSku": "A", "marketplaceId": "ATVPDKIKX0DER", "productName": "P", "SellerId": "X"}',
            "application/json",
            400,
            "'SellerId' was unexpected",
        ),
        (
            b'{"sellerSku": 5, "marketplaceId": "ATVPDKIKX0DER", "productName": "P"}',
            "application/json",
            400,
            "sellerSku: 5 is not of type",
        ),
        (b"[1, 2]", "application/json", 400, 'is not of type "object"'),
    ],
)
def test_bad_bodies_get_invalid_input(edge, auth, content, content_type, status, text):
    response = edge.post(
        "/fba/inventory/v1/items", content=content, headers=auth | {"content-type": content_type}
    )
    assert response.status_code == status
    error = only_error(response)
    assert text in error["message"] + error["details"]


def test_wrong_content_type_is_415_where_the_model_declares_it(edge, auth):
    response = edge.post(ORDERS_2026, content=b"<order/>", headers=auth | {"content-type": "application/xml"})
    assert response.status_code == 415 and only_error(response)["code"] == "UnsupportedMediaType"


def test_oversized_bodies_are_rejected(edge, auth):
    huge = b'{"x": "' + b"a" * (edge.app.runtime.settings.max_body_bytes + 10) + b'"}'
    declared = edge.post(ORDERS_2026, content=huge, headers=auth | {"content-type": "application/json"})
    assert declared.status_code == 413 and only_error(declared)["code"] == "RequestEntityTooLarge"
    undeclared = edge.post(ORDERS_2020, content=huge, headers=auth | {"content-type": "application/json"})
    assert undeclared.status_code == 400


def test_path_parameters_are_percent_decoded_after_routing(edge, auth):
    response = edge.get(ORDERS_2020 + "/A%2FB+C%20D", headers=auth)
    assert response.status_code == 404
    assert only_error(response)["details"] == "no order A/B+C D"


def test_operations_without_behaviour_answer_501_naming_themselves(edge, auth):
    response = edge.get("/fba/outbound/2020-07-01/returnReasonCodes", params={"sellerSku": "A"}, headers=auth)
    assert response.status_code == 501
    error = only_error(response)
    assert error["code"] == "NotImplemented" and "listReturnReasonCodes" in error["message"]


def test_strict_mode_turns_a_model_violation_into_a_loud_500(edge, auth):
    response = edge.get(
        "/fba/outbound/2020-07-01/features", params={"marketplaceId": "ATVPDKIKX0DER"}, headers=auth
    )
    assert response.status_code == 500
    assert "violates the model" in only_error(response)["message"]
    violations = edge.app.edge.violations.take()
    assert [v.operation_id for v in violations] == ["getFeatures"]


def test_fulfillment_service_id_is_echoed_on_success(edge, auth):
    response = edge.put(
        ORDERS_2026 + "/ORDER-1/cancel", headers=auth | {"x-amzn-fulfillment-service-id": "FS01-abc"}
    )
    assert response.status_code == 202
    assert response.headers["x-amzn-fulfillment-service-id"] == "FS01-abc"


def test_sellers_never_see_each_others_data(edge, auth):
    runtime = edge.app.runtime
    runtime.accounts.add_seller("A2OTHERSELLER9")
    other = {
        "x-amz-access-token": issue_token(
            edge,
            runtime.accounts.add_refresh_token(
                runtime.accounts.applications()[0].client_id, "A2OTHERSELLER9"
            ),
        )
    }
    item = {"sellerSku": "MINE-1", "marketplaceId": "ATVPDKIKX0DER", "productName": "Mine"}
    assert edge.post("/fba/inventory/v1/items", json=item, headers=auth).status_code == 200
    mine = edge.get(SUMMARIES, params=SUMMARY_QUERY, headers=auth).json()["payload"]["inventorySummaries"]
    theirs = edge.get(SUMMARIES, params=SUMMARY_QUERY, headers=other).json()["payload"]["inventorySummaries"]
    assert mine == [{"sellerSku": "MINE-1"}] and theirs == []


def test_marketplace_keys_python_amazon_sp_api_adds_are_tolerated(edge, auth):
    item = {
        "sellerSku": "SPAPI-1",
        "marketplaceId": "ATVPDKIKX0DER",
        "productName": "P",
        "marketplaceIds": ["ATVPDKIKX0DER"],
        "MarketplaceIds": ["ATVPDKIKX0DER"],
        "MarketplaceId": "ATVPDKIKX0DER",
        "marketplace_ids": ["ATVPDKIKX0DER"],
    }
    assert edge.post("/fba/inventory/v1/items", json=item, headers=auth).status_code == 200
    stored = edge.app.runtime.store.tenant("A1MCFEMULATOR1").table(ITEMS).get("SPAPI-1")
    assert stored is not None and stored.body == {
        "sellerSku": "SPAPI-1",
        "marketplaceId": "ATVPDKIKX0DER",
        "productName": "P",
    }


def test_an_empty_optional_date_is_invalid_not_absent(edge, auth):
    response = edge.get(SUMMARIES, params=SUMMARY_QUERY | {"startDateTime": ""}, headers=auth)
    assert response.status_code == 400
    assert only_error(response)["message"].startswith("Query parameter 'startDateTime' is invalid")


def test_error_texts_fit_the_tightest_model_limits(edge, auth):
    name = "N" * 50_000  # Inbound 2024-03-20 caps `name` at 40 characters and `Error.message` at 2048
    response = edge.post(
        "/inbound/fba/2024-03-20/inboundPlans",
        headers=auth,
        json={"name": name, "destinationMarketplaces": ["ATVPDKIKX0DER"], "items": [], "sourceAddress": {}},
    )
    assert response.status_code == 400
    error = only_error(response)
    assert len(error["message"]) <= 2048 and len(error["details"]) <= 8192
    assert error["message"].endswith("more characters)")
