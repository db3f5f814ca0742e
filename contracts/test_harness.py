"""The harness itself: links agree with the models, parity rules, runtime expressions, SP-API checks."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import orjson
import pytest

from contracts.allowances import ALLOWANCES, explain
from contracts.checks import NOT_RUN, error_envelope_conformance, rate_limit_header_valid, request_id_present
from contracts.links import LINKS, Link, links_by_source
from contracts.report import collect, table, write_junit
from contracts.runner import Exchange, evaluate
from contracts.sandbox import agrees, case_inputs
from contracts.schemas import contract_catalog, contract_schema
from contracts.volume import Tally


@pytest.mark.parametrize("link", LINKS, ids=[f"{k.source}-{k.status}-{k.target}" for k in LINKS])
def test_link_names_real_operations_statuses_and_parameters(link: Link) -> None:
    catalog = contract_catalog()
    source, target = catalog[link.source], catalog[link.target]
    assert source.model == target.model == link.model
    assert link.status in source.responses
    declared = {(p.location, p.name) for p in target.parameters}
    for name in link.parameters:
        location, _, parameter = name.partition(".")
        assert (location, parameter) in declared, f"{link.target} has no {location} parameter {parameter}"
    required_path = {p.name for p in target.parameters if p.location == "path"}
    assert required_path <= {n.partition(".")[2] for n in link.parameters if n.startswith("path.")}


@pytest.mark.parametrize("model", sorted({link.model for link in LINKS}))
def test_schemathesis_builds_a_state_machine_from_the_links(model: str) -> None:
    machine = contract_schema(model).as_state_machine()
    assert machine is not None
    assert links_by_source(model)


def test_runtime_expressions_read_earlier_exchanges() -> None:
    done = Exchange(
        "createFulfillmentOrder",
        {"id": "P"},
        {"q": ["A", "B"]},
        {"h": "H"},
        {"sellerFulfillmentOrderId": "O-1", "items": [{"sku": "S"}]},
        200,
        {"payload": {"list": [{"a/b": 7}]}},
    )
    assert evaluate("$request.body#/sellerFulfillmentOrderId", done) == "O-1"
    assert evaluate("$request.body#/items/0/sku", done) == "S"
    assert evaluate("$response.body#/payload/list/0/a~1b", done) == 7
    assert evaluate("$request.path.id", done) == "P"
    assert evaluate("$request.query.q", done) == ["A", "B"]
    with pytest.raises(ValueError):
        evaluate("$url", done)


def test_static_case_inputs_and_parity_rules() -> None:
    catalog = contract_catalog()
    shipments, items = catalog["getShipments"], catalog["getShipmentItemsByShipmentId"]
    inputs = case_inputs(shipments, {"parameters": {"MarketplaceId": {"value": "ATVPDKIKX0DER"}}})
    assert inputs["query"] == {"MarketplaceId": "ATVPDKIKX0DER"}
    with pytest.raises(ValueError, match="shipmentId"):
        case_inputs(items, {"parameters": {}})
    delete, put = catalog["deleteListingsItem"], catalog["putListingsItem"]
    assert case_inputs(delete, {"parameters": {"sku": {"value": "S"}}}, "A1SELLER")["path_parameters"] == {
        "sku": "S",
        "sellerId": "A1SELLER",
    }
    with pytest.raises(ValueError, match="sellerId"):
        case_inputs(delete, {"parameters": {"sku": {"value": "S"}}})
    canned = {"parameters": {"sku": {"value": "S"}}}
    with pytest.raises(ValueError, match="body"):
        case_inputs(put, canned, "A1SELLER", 200)
    assert "body" not in case_inputs(put, canned, "A1SELLER", 400)
    assert agrees(400, 404, shipments, exact=False) and not agrees(400, 200, shipments, exact=False)
    assert agrees(200, 404, items, exact=False) and not agrees(200, 404, shipments, exact=False)
    assert not agrees(200, 400, items, exact=False)
    assert agrees(400, 400, shipments, exact=True) and not agrees(400, 404, shipments, exact=True)


def _response(status: int, content: bytes = b"", /, **headers: str) -> Any:
    return SimpleNamespace(
        status_code=status, content=content, headers={k.lower(): [v] for k, v in headers.items()}
    )


def test_sp_api_checks_accept_conforming_answers_and_reject_others() -> None:
    good = _response(
        400, b'{"errors": [{"code": "InvalidInput", "message": "bad"}]}', **{"x-amzn-RequestId": "r"}
    )
    assert error_envelope_conformance(None, good, None) and request_id_present(None, good, None)
    assert error_envelope_conformance(None, _response(200, b"{}"), None) is None
    for body in (b'{"message": "bad"}', b'{"errors": []}', b'{"errors": [{"message": "no code"}]}', b"oops"):
        with pytest.raises(AssertionError):
            error_envelope_conformance(None, _response(500, body), None)
    with pytest.raises(AssertionError):
        request_id_present(None, _response(200), None)
    assert rate_limit_header_valid(None, _response(200, **{"x-amzn-RateLimit-Limit": "2.0"}), None)
    with pytest.raises(AssertionError):
        rate_limit_header_valid(None, _response(200, **{"x-amzn-RateLimit-Limit": "fast"}), None)


def test_allowances_explain_one_rule_each_never_a_whole_operation() -> None:
    message = "Invalid marketplaceId: 'x' is not a known marketplace."
    unknown = orjson.dumps({"errors": [{"code": "InvalidInput", "message": message}]})
    assert explain("createInventoryItem", unknown) is not None
    assert (
        explain("getInventorySummaries", b'{"errors": [{"code": "InvalidInput", "message": "other"}]}')
        is None
    )
    assert explain("putListingsItem", unknown) is None  # the rule names the operations it applies to
    assert explain("createInventoryItem", b"not json") is None
    found_at_volume = {  # what the N = 100 run found beyond the N = 10 runs
        "createOrder": "amount.value must be a whole number of eaches (got '-Infinity').",
        "createFulfillmentOrder": "quantity must be positive for Item Id: x.",
        "getOrderPreview": "The seller does not participate in marketplace A1PA6795UKMFR9.",
    }
    for operation_id, text in found_at_volume.items():
        body = orjson.dumps({"errors": [{"code": "InvalidInput", "message": text}]})
        assert explain(operation_id, body) is not None, operation_id
    assert all(a.reason and a.operations and a.message for a in ALLOWANCES)
    assert set(NOT_RUN) == {"unsupported_method", "allow_header_conformance"}


def test_tallies_travel_as_json_and_add_up_per_model(tmp_path: Any) -> None:
    first = Tally("m", requests=3, server_errors=1, seconds=1.5)
    first.failures["response_schema_conformance"] = 2
    first.samples["response_schema_conformance"] = ["op 200 [bad]"]
    second = Tally.from_json(Tally("m", requests=4, seconds=0.5).to_json())
    models = collect([first, second, Tally("a", requests=1)])
    assert list(models) == ["a", "m"] and models["m"].requests == 7 and models["m"].unexplained == 2
    text = table(models, 10)
    assert "response_schema_conformance 2" in text and text.splitlines()[-1].split()[:3] == [
        "total",
        "8",
        "2",
    ]
    path = tmp_path / "volume.xml"
    write_junit(models, path)
    assert (
        path.read_text().count("<testsuite ") == 2
        and 'type="response_schema_conformance"' in path.read_text()
    )
