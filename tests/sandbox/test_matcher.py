"""The static-case matcher, the sandbox-mode setting and parity's comparison, without a server."""

from __future__ import annotations

from urllib.parse import urlencode

import orjson
import pytest

from emulator.catalog import Catalog
from emulator.cli.serve import banner
from emulator.edge.exchange import Exchange
from emulator.edge.sandbox_static import StaticCases
from emulator.errors import EmulatorError
from emulator.parity.engine import difference, first_difference
from emulator.settings import Settings

US, CA = "ATVPDKIKX0DER", "A2EUQ1WTGCTBG2"


def exchange(catalog: Catalog, operation_id: str, path: dict[str, str], query: dict[str, str], body=None):
    x = Exchange(
        catalog[operation_id].method,
        "/",
        urlencode(query).encode(),
        {"content-type": "application/json"},
        b"" if body is None else orjson.dumps(body),
        False,
    )
    x.operation, x.path_params = catalog[operation_id], path
    return x


@pytest.fixture(scope="module")
def cases(catalog: Catalog) -> StaticCases:
    return StaticCases(catalog)


def test_the_most_specific_matching_case_wins(catalog, cases):
    op = catalog["putListingsItem"]
    bad = cases.match(op, exchange(catalog, "putListingsItem", {"sellerId": "A1", "sku": "BadSKU"}, {}))
    assert bad is op.static_cases[3] and bad.status == 400
    # case 0 constrains nothing (its body entry has no value): it answers any other SKU
    anything = cases.match(op, exchange(catalog, "putListingsItem", {"sellerId": "A1", "sku": "X"}, {}))
    assert anything is op.static_cases[0]
    query = {"marketplaceIds": US, "includedData": "issues,identifiers", "mode": "VALIDATION_PREVIEW"}
    valid = exchange(catalog, "putListingsItem", {"sellerId": "A1", "sku": "VALIDATION_VALID"}, query)
    assert cases.match(op, valid) is op.static_cases[1]


def test_arrays_match_in_any_order_and_bodies_must_be_equal(catalog, cases):
    op = catalog["searchListingsItems"]
    query = {
        "identifiersType": "SKU",
        "identifiers": "TC-ZDPI-9B4E,GM-ZDPI-9B4E,HW-ZDPI-9B4E",
        "marketplaceIds": f"{CA},{US}",
        "includedData": "summaries,offers,fulfillmentAvailability,issues",
        "pageSize": "1",
    }
    assert (
        cases.match(op, exchange(catalog, op.operation_id, {"sellerId": "A1"}, query)) is op.static_cases[0]
    )
    assert (
        cases.match(op, exchange(catalog, op.operation_id, {"sellerId": "A1"}, query | {"pageSize": "2"}))
        is None
    )
    create = catalog["createReport"]
    documented = create.static_cases[0].request["parameters"]["body"]["value"]
    assert (
        cases.match(create, exchange(catalog, "createReport", {}, {}, documented)) is create.static_cases[0]
    )
    assert (
        cases.match(create, exchange(catalog, "createReport", {}, {}, documented | {"reportType": "X"}))
        is None
    )


def test_the_unmatched_error_lists_every_case_and_the_models_complaint(catalog, cases):
    error = cases.unmatched(catalog["getLabels"], "Query parameter 'PageType' is required.")
    assert error.status == 400 and "getLabels" in error.message
    assert "case 0 (200): path shipmentId=348975493" in error.details
    assert "case 1 (400): path shipmentId=BADVALUE" in error.details
    assert error.details.endswith("Query parameter 'PageType' is required.")


def test_static_mode_forces_the_sandbox_throttling_and_is_read_from_the_environment(monkeypatch):
    static = Settings(sandbox_mode="static", rate_limits="off")
    assert (static.rate_limits, static.sandbox_rate_cap) == ("enforce", True)
    assert Settings().sandbox_mode == "dynamic"
    with pytest.raises(ValueError, match="sandbox mode"):
        Settings(sandbox_mode="canned")
    monkeypatch.setenv("MCF_EMULATOR_SANDBOX_MODE", "static")
    assert Settings.from_env().sandbox_mode == "static"
    monkeypatch.setenv("MCF_EMULATOR_SANDBOX_MODE", "bogus")
    with pytest.raises(EmulatorError, match="MCF_EMULATOR_SANDBOX_MODE"):
        Settings.from_env()
    assert "sandbox mode    : static" in banner(static)
    assert "sandbox mode    : dynamic" in banner(Settings())


def test_parity_names_the_first_difference():
    assert first_difference({"a": [1, {"b": "x"}]}, {"a": [1, {"b": "x"}]}) is None
    assert first_difference({"a": [1, {"b": "x"}]}, {"a": [1, {"b": "y"}]}) == "$.a[1].b: 'y', documented 'x'"
    assert first_difference({"a": 1}, {"a": 1, "c": 2}) == "$.c: not documented"
    assert first_difference({"a": 1}, {}) == "$.a: missing"
    assert first_difference([1], [1, 2]) == "$: 2 items, documented 1"
    assert difference(200, None, 200, b"") is None
    assert difference(200, None, 200, b"{}") == "$: {}, documented None"
    assert difference(200, {"a": 1}, 400, b"{}").startswith("status 400, documented 200")
