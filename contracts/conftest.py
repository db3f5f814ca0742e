"""Contract-suite options, fixtures and the volume report: `--target emulator|URL`, `--volume N`,
`--volume-junit PATH`.

`--target emulator` (the default) runs the emulator in-process with strict response validation;
`--target https://...` runs against that endpoint with LWA credentials from `SPAPI_LWA_CLIENT_ID`,
`SPAPI_LWA_CLIENT_SECRET`, `SPAPI_LWA_REFRESH_TOKEN` (and optionally `SPAPI_LWA_TOKEN_URL`).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from contracts.report import collect, table, write_junit
from contracts.schemas import OPTIONS
from contracts.target import EmulatorTarget, RemoteTarget, Target
from contracts.volume import PROPERTY, Meter, Tally
from emulator.catalog import load_catalog
from emulator.errors import ModelsUnavailable
from emulator.testing.credentials import ENV_NAMES, Credentials


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("contracts", "SP-API contract suite")
    group.addoption(
        "--target",
        default="emulator",
        help="`emulator` (in-process, default) or the base URL of an SP-API endpoint",
    )
    group.addoption(
        "--volume",
        "--contract-examples",
        dest="volume",
        type=int,
        default=OPTIONS.max_examples,
        help=f"generated examples per operation and phase (default {OPTIONS.max_examples})",
    )
    group.addoption("--volume-junit", default=None, help="write the volume table as JUnit XML to this path")


def pytest_configure(config: pytest.Config) -> None:
    OPTIONS.max_examples = config.getoption("volume")
    OPTIONS.models_dir = config.getoption("--spapi-models", None)
    config.pluginmanager.register(VolumeReport(config.getoption("--volume-junit")), "contract-volume")


class VolumeReport:
    """Adds up the tallies of every contract test (in the controller too when xdist runs them) and
    prints the table per model at the end, writing it as JUnit when asked."""

    def __init__(self, junit: str | None) -> None:
        self.junit = junit
        self.tallies: list[Tally] = []

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        self.tallies.extend(Tally.from_json(str(v)) for k, v in report.user_properties if k == PROPERTY)

    def pytest_terminal_summary(self, terminalreporter: Any) -> None:
        models = collect(self.tallies)
        if not models:
            return
        terminalreporter.write_sep("-", "contract volume")
        terminalreporter.write_line(table(models, OPTIONS.max_examples))
        if self.junit:
            write_junit(models, Path(self.junit))
            terminalreporter.write_line(f"JUnit report: {self.junit}")


@pytest.fixture(scope="session")
def contract_target(pytestconfig: pytest.Config) -> Iterator[Target]:
    """The system under contract test, for the whole session."""
    target_option = pytestconfig.getoption("--target")
    try:
        catalog = load_catalog(OPTIONS.models_dir)
    except ModelsUnavailable as error:
        pytest.fail(f"the contract suite needs Amazon's models: {error}", pytrace=False)
    if target_option == "emulator":
        from emulator.app import create_app
        from emulator.settings import Settings

        target: Target = EmulatorTarget(create_app(Settings(strict_responses=True, seed=20240601), catalog))
    else:
        credentials = Credentials.from_env(target_option)
        if credentials is None:
            names = ", ".join(ENV_NAMES[k] for k in ("client_id", "client_secret", "refresh_token"))
            pytest.skip(f"--target {target_option} needs LWA credentials in the environment ({names})")
        target = RemoteTarget(catalog, credentials)
    yield target
    target.close()


@pytest.fixture
def meter(request: pytest.FixtureRequest) -> Iterator[Meter]:
    """Counts this test's requests and failures; the test fails on any failure left unexplained."""
    found = Meter()
    yield found
    tally = found.close()
    if tally.requests:
        request.node.user_properties.append((PROPERTY, tally.to_json()))
    verdict = found.verdict()
    if verdict:
        pytest.fail(verdict, pytrace=False)


@pytest.fixture
def contract(contract_target: Target) -> Iterator[Target]:
    """The target, reset for this test; the test fails on anything the emulator recorded as a violation."""
    contract_target.reset()
    yield contract_target
    found = contract_target.violations()
    if found:
        pytest.fail(f"the emulator recorded contract violations: {found}", pytrace=False)
