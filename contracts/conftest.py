"""Contract-suite options and fixtures: `--target emulator|URL`, `--contract-examples N`.

`--target emulator` (the default) runs the emulator in-process with strict response validation;
`--target https://...` runs against that endpoint with LWA credentials from `SPAPI_LWA_CLIENT_ID`,
`SPAPI_LWA_CLIENT_SECRET`, `SPAPI_LWA_REFRESH_TOKEN` (and optionally `SPAPI_LWA_TOKEN_URL`).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from contracts.schemas import OPTIONS
from contracts.target import EmulatorTarget, RemoteTarget, Target
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
        "--contract-examples",
        type=int,
        default=OPTIONS.max_examples,
        help=f"generated examples per operation and phase (default {OPTIONS.max_examples})",
    )


def pytest_configure(config: pytest.Config) -> None:
    OPTIONS.max_examples = config.getoption("--contract-examples")
    OPTIONS.models_dir = config.getoption("--spapi-models", None)


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
def contract(contract_target: Target) -> Iterator[Target]:
    """The target, reset for this test; the test fails on anything the emulator recorded as a violation."""
    contract_target.reset()
    yield contract_target
    found = contract_target.violations()
    if found:
        pytest.fail(f"the emulator recorded contract violations: {found}", pytrace=False)
