"""The pytest plugin, as a user sees it: fixtures from the entry point alone, resets, markers, failures."""

from __future__ import annotations

from pathlib import Path

import pytest

EXAMPLES = Path(__file__).parent / "examples"


def run(pytester: pytest.Pytester, source: str, *args: str) -> pytest.RunResult:
    pytester.makepyfile(source)
    return pytester.runpytest_inprocess("-p", "no:cacheprovider", *args)


def test_readme_shows_the_example_file():
    readme = (Path(__file__).parents[2] / "README.md").read_text()
    example = (EXAMPLES / "test_create_mcf_order.py").read_text()
    code = example.split('"""', 2)[2].strip()
    assert f"```python\n{code}\n```" in readme


def test_readme_example_runs_with_nothing_but_the_installed_package(pytester):
    pytester.makepyfile(test_example=(EXAMPLES / "test_create_mcf_order.py").read_text())
    result = pytester.runpytest_inprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)


def test_state_is_reset_between_tests_and_server_is_shared(pytester):
    result = run(
        pytester,
        """
        PORTS = set()

        def test_first(spapi_emulator, spapi_client, spapi_url):
            PORTS.add(spapi_url)
            spapi_emulator.seed({"inventory": [{"sku": "A", "quantity": 3}]})
            spapi_client.get("/fba/inventory/v1/summaries", params={"granularityType": "Marketplace",
                             "granularityId": "ATVPDKIKX0DER", "marketplaceIds": "ATVPDKIKX0DER"})
            assert spapi_emulator.journal()

        def test_second(spapi_emulator, spapi_client, spapi_url):
            PORTS.add(spapi_url)
            query = {"granularityType": "Marketplace", "granularityId": "ATVPDKIKX0DER",
                     "marketplaceIds": "ATVPDKIKX0DER"}
            body = spapi_client.get("/fba/inventory/v1/summaries", params=query).json()
            assert body["payload"]["inventorySummaries"] == []
            assert len(spapi_emulator.journal()) == 1
            assert len(PORTS) == 1
    """,
    )
    result.assert_outcomes(passed=2)


def test_a_contract_violation_fails_the_test_that_caused_it(pytester):
    result = run(
        pytester,
        """
        def test_bad_handler(spapi_emulator, spapi_client, monkeypatch):
            handlers = spapi_emulator.runtime.registry.handlers
            monkeypatch.setitem(handlers, "listReturnReasonCodes", lambda call: {"payload": {"bogus": 1}})
            response = spapi_client.get("/fba/outbound/2020-07-01/returnReasonCodes",
                                        params={"sellerSku": "X", "marketplaceId": "ATVPDKIKX0DER"})
            assert response.status_code == 500

        def test_crashing_handler(spapi_emulator, spapi_client, monkeypatch):
            def crash(call):
                raise KeyError("boom")
            monkeypatch.setitem(spapi_emulator.runtime.registry.handlers, "listReturnReasonCodes", crash)
            spapi_client.get("/fba/outbound/2020-07-01/returnReasonCodes",
                             params={"sellerSku": "X", "marketplaceId": "ATVPDKIKX0DER"})

        def test_innocent_neighbour(spapi_emulator):
            assert spapi_emulator.violations() == []
    """,
    )
    result.assert_outcomes(passed=1, failed=2)
    result.stdout.fnmatch_lines(
        [
            "*ContractViolation: the emulator recorded contract violations:*",
            "*listReturnReasonCodes -> 500*unhandled KeyError*",
        ]
    )


def test_markers_preload_a_scenario_and_a_fault_set(pytester):
    pytester.makefile(".yaml", world="inventory:\n  - {sku: MUG-1, quantity: 5}\n")
    result = run(
        pytester,
        """
        import pytest

        QUERY = {"granularityType": "Marketplace", "granularityId": "ATVPDKIKX0DER",
                 "marketplaceIds": "ATVPDKIKX0DER", "details": "true"}

        @pytest.mark.spapi_scenario("world.yaml")
        def test_seeded(spapi_client):
            (summary,) = spapi_client.get("/fba/inventory/v1/summaries", params=QUERY).json()["payload"][
                "inventorySummaries"]
            assert summary["sellerSku"] == "MUG-1" and summary["totalQuantity"] == 5

        @pytest.mark.spapi_faults({"match": {"operationId": "getInventorySummaries"}, "times": 1,
                                   "effect": {"type": "error", "status": 503}})
        def test_faulted_once(spapi_client, spapi_emulator):
            assert spapi_client.get("/fba/inventory/v1/summaries", params=QUERY).status_code == 503
            assert spapi_client.get("/fba/inventory/v1/summaries", params=QUERY).status_code == 200
            entries = spapi_emulator.journal(operation_id="getInventorySummaries")
            assert [e["status"] for e in entries] == [503, 200]

        def test_faults_do_not_leak(spapi_client, spapi_emulator):
            assert spapi_emulator.control.faults()["rules"] == []
            assert spapi_client.get("/fba/inventory/v1/summaries", params=QUERY).status_code == 200
    """,
    )
    result.assert_outcomes(passed=3)


def test_handle_clock_faults_and_journal(pytester):
    result = run(
        pytester,
        """
        from datetime import UTC, datetime, timedelta

        from emulator.errors import ControlError

        QUERY = {"granularityType": "Marketplace", "granularityId": "ATVPDKIKX0DER",
                 "marketplaceIds": "ATVPDKIKX0DER"}

        def test_handle(spapi_emulator, spapi_client):
            with spapi_emulator.frozen_clock(datetime(2030, 1, 1, tzinfo=UTC)) as now:
                assert spapi_emulator.now() == now == datetime(2030, 1, 1, tzinfo=UTC)
                assert spapi_emulator.advance("1d") == datetime(2030, 1, 2, tzinfo=UTC)
            assert spapi_emulator.runtime.clock.speed == 1.0
            with spapi_emulator.frozen_clock("2026-12-01T09:00:00Z") as now:  # text, as `clock set` takes
                assert now == datetime(2026, 12, 1, 9, tzinfo=UTC)
            try:
                with spapi_emulator.frozen_clock("next tuesday"):
                    raise AssertionError("a bad instant must not enter the block")
            except ControlError as error:
                assert error.code == "InvalidInstant"
            assert spapi_emulator.runtime.clock.speed == 1.0
            with spapi_emulator.faults({"match": {"operationId": "getInventorySummaries"},
                                        "effect": {"type": "error", "status": 429, "code": "QuotaExceeded"}}):
                assert spapi_client.get("/fba/inventory/v1/summaries", params=QUERY).status_code == 429
            assert spapi_client.get("/fba/inventory/v1/summaries", params=QUERY).status_code == 200
            spapi_emulator.assert_called("getInventorySummaries", times=2)
            spapi_emulator.assert_called("getInventorySummaries", times=1, status=429)
            spapi_emulator.assert_not_called("createFulfillmentOrder")
    """,
    )
    result.assert_outcomes(passed=1)


def test_second_seller_and_both_sdk_factories(pytester):
    result = run(
        pytester,
        """
        MADE = []

        def test_sdks(spapi_emulator, spapi_sdk, spapi_sp_api):
            from sp_api.api import Inventories
            from spapi.api.fba_inventory_v1.fba_inventory_api import FbaInventoryApi

            spapi_emulator.seed({"inventory": [{"sku": "MUG-1", "quantity": 4}]})
            other = spapi_emulator.add_seller("A2OTHERSELLER9")
            sdk, community = spapi_sdk(), spapi_sp_api(Inventories, other)
            MADE.extend([sdk, community])
            summaries = FbaInventoryApi(sdk.api_client).get_inventory_summaries(
                granularity_type="Marketplace", granularity_id="ATVPDKIKX0DER",
                marketplace_ids=["ATVPDKIKX0DER"], details=True)
            assert [s.seller_sku for s in summaries.payload.inventory_summaries] == ["MUG-1"]
            theirs = community.get_inventory_summary_marketplace(details=True)
            assert theirs.payload["inventorySummaries"] == []  # sellers never see each other's stock

        def test_factories_closed_what_they_made():
            sdk, community = MADE
            assert len(sdk.api_client.rest_client.pool_manager.pools) == 0
            assert community._transport._client.is_closed and community._auth._transport._client.is_closed
    """,
    )
    result.assert_outcomes(passed=2)


def test_overridden_settings_fix_the_clock_for_every_test(pytester):
    pytester.makeconftest("""
        from datetime import UTC, datetime

        import pytest

        from emulator.settings import Settings

        @pytest.fixture(scope="session")
        def spapi_emulator_settings():
            start = datetime(2030, 1, 1, tzinfo=UTC)
            return Settings(strict_responses=True, clock_start=start, clock_speed=0)
    """)
    result = run(
        pytester,
        """
        from datetime import UTC, datetime

        def test_first(spapi_emulator):
            assert spapi_emulator.now() == datetime(2030, 1, 1, tzinfo=UTC)
            spapi_emulator.advance("3d")

        def test_second(spapi_emulator):
            assert spapi_emulator.now() == datetime(2030, 1, 1, tzinfo=UTC)
    """,
    )
    result.assert_outcomes(passed=2)


def test_one_emulator_per_xdist_worker(pytester):
    seen = pytester.path / "seen.txt"
    pytester.makepyfile(
        **{
            f"test_w{i}": f"""
        def test_worker_{i}(spapi_url, spapi_client, worker_id):
            with open({str(seen)!r}, "a") as out:
                out.write(worker_id + " " + spapi_url + "\\n")
            assert spapi_client.get("/fba/outbound/2020-07-01/returnReasonCodes",
                params={{"sellerSku": "X", "marketplaceId": "ATVPDKIKX0DER"}}).status_code in (200, 400, 404)
    """
            for i in range(4)
        }
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-n", "2")
    result.assert_outcomes(passed=4)
    urls: dict[str, set[str]] = {}
    for line in seen.read_text().splitlines():
        worker, url = line.split()
        urls.setdefault(worker, set()).add(url)
    assert sorted(urls) == ["gw0", "gw1"]
    assert all(len(found) == 1 for found in urls.values()), urls  # one emulator within a worker
    assert len(set.union(*urls.values())) == 2, urls  # and each worker has its own


def test_unusable_models_are_reported_once_per_test_naming_the_plugin_option(pytester, tmp_path, monkeypatch):
    source = """
        def test_one(spapi_client):
            pass

        def test_two(spapi_client):
            pass
    """
    absent = str(tmp_path / "absent")
    result = run(
        pytester, source, "--spapi-models", absent, "-rN"
    )  # no short summary (CI=true prints it whole)
    result.assert_outcomes(errors=2)
    text = result.stdout.str()
    assert text.count(f"{absent} (from --spapi-models) is not a directory") == 2  # once per test, not chained
    assert "During handling" not in text and "Point --spapi-models at" in text
    monkeypatch.setenv("MCF_EMULATOR_MODELS", absent)
    result = run(pytester, source)
    assert "(from the environment variable MCF_EMULATOR_MODELS)" in result.stdout.str()
