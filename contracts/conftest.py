"""Contract-suite options, fixtures and the volume report: `--target emulator|static|URL|amazon-sandbox`,
`--region na|eu|fe`, `--volume N`, `--volume-junit PATH`.

`--target emulator` (the default) runs the emulator in-process with strict response validation,
`--target static` the same in static sandbox mode; `--target https://...` runs against that endpoint,
and `--target amazon-sandbox` against Amazon's sandbox endpoint of `--region`, with LWA credentials from
`SPAPI_LWA_CLIENT_ID`, `SPAPI_LWA_CLIENT_SECRET`, `SPAPI_LWA_REFRESH_TOKEN` (and optionally
`SPAPI_LWA_TOKEN_URL`). A remote target is checked for reachability before anything runs, and the
summary names the target and its sandbox mode.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from contracts.report import collect, table, write_junit
from contracts.schemas import OPTIONS
from contracts.target import DYNAMIC, STATIC, EmulatorTarget, RemoteTarget, Target, remote_mode
from contracts.volume import PROPERTY, Meter, Tally
from emulator.catalog import load_catalog
from emulator.errors import ModelsUnavailable
from emulator.parity.target import AMAZON_SANDBOX, sandbox_endpoint, unreachable
from emulator.testing.credentials import ENV_NAMES, Credentials

#: `--target` values served in-process -> the emulator's sandbox mode
IN_PROCESS = {"emulator": DYNAMIC, STATIC: STATIC}


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("contracts", "SP-API contract suite")
    group.addoption(
        "--target",
        default="emulator",
        help="`emulator` (in-process, default), `static` (in-process, static sandbox mode), the base URL of "
        "an SP-API endpoint, or `amazon-sandbox` (Amazon's sandbox endpoint of --region)",
    )
    group.addoption(
        "--region", choices=("na", "eu", "fe"), default="na", help="the region of --target amazon-sandbox"
    )
    group.addoption(
        "--volume",
        "--contract-examples",
        dest="volume",
        type=int,
        default=OPTIONS.max_examples,
        help=f"generated examples per operation and phase (default {OPTIONS.max_examples})",
    )
    group.addoption(
        "--contract-phases",
        default=",".join(OPTIONS.phases),
        help="schemathesis phases of the per-operation runs, comma-separated (default "
        f"{','.join(OPTIONS.phases)}); `examples,fuzzing` skips the coverage phase's many boundary requests, "
        "for a quick pass or a throttled target",
    )
    group.addoption("--volume-junit", default=None, help="write the volume table as JUnit XML to this path")


def pytest_configure(config: pytest.Config) -> None:
    OPTIONS.max_examples = config.getoption("volume")
    OPTIONS.phases = tuple(
        p.strip() for p in str(config.getoption("--contract-phases")).split(",") if p.strip()
    )
    OPTIONS.models_dir = config.getoption("--spapi-models", None)
    where = target_url(config)
    if where is not None and not hasattr(config, "workerinput"):  # once, in the controller
        problem = unreachable(where)
        if problem:
            raise pytest.UsageError(f"contract suite: {problem}")
    report = VolumeReport(config.getoption("--volume-junit"), describe_target(config))
    config.pluginmanager.register(report, "contract-volume")


def target_url(config: pytest.Config) -> str | None:
    """The base URL of a remote `--target` (the amazon-sandbox preset resolved), None for in-process ones."""
    option = str(config.getoption("--target"))
    if option in IN_PROCESS:
        return None
    return sandbox_endpoint(config.getoption("--region")) if option == AMAZON_SANDBOX else option


def describe_target(config: pytest.Config) -> str:
    """What the summary says the suite ran against: the target and its sandbox mode."""
    option = str(config.getoption("--target"))
    if option in IN_PROCESS:
        return f"the in-process emulator, sandbox mode {IN_PROCESS[option]}"
    url = target_url(config)
    if option == AMAZON_SANDBOX:
        return f"Amazon's sandbox ({config.getoption('--region')}) at {url}, static sandbox mode"
    with httpx.Client(base_url=str(url)) as http:
        return f"{url}, sandbox mode {remote_mode(http)}"


class VolumeReport:
    """Adds up the tallies of every contract test (in the controller too when xdist runs them) and
    prints the table per model at the end, writing it as JUnit when asked."""

    def __init__(self, junit: str | None, target: str) -> None:
        self.junit = junit
        self.target = target
        self.tallies: list[Tally] = []

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        self.tallies.extend(Tally.from_json(str(v)) for k, v in report.user_properties if k == PROPERTY)

    def pytest_terminal_summary(self, terminalreporter: Any) -> None:
        models = collect(self.tallies)
        if not models:
            return
        terminalreporter.write_sep("-", "contract volume")
        terminalreporter.write_line(f"target: {self.target}")
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
    if target_option in IN_PROCESS:
        from emulator.app import create_app
        from emulator.settings import Settings

        settings = Settings(strict_responses=True, seed=20240601, sandbox_mode=IN_PROCESS[target_option])
        target: Target = EmulatorTarget(create_app(settings, catalog))
    else:
        url = str(target_url(pytestconfig))
        credentials = Credentials.from_env(url)
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
