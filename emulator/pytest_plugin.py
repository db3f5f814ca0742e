"""pytest plugin `spapi_emulator` (entry point `pytest11`): an mcf-emulator for your test suite.

Fixtures (all prefixed `spapi_`):

    spapi_emulator_settings  session   Settings of the emulator; override it in your conftest.py
    spapi_emulator_app       session   the ASGI app (models load once per session, per xdist worker)
    spapi_emulator_server    session   a real uvicorn server on a free loopback port, in a thread
    spapi_emulator           function  EmulatorHandle, state reset before the test (clock, sellers,
                                       seed, faults, journal); the test fails on contract violations
    spapi_url                function  the emulator's base URL (SP-API endpoint and LWA host)
    spapi_credentials        function  Credentials of the default seller
    spapi_client             function  httpx.Client with LWA tokens handled
    spapi_sdk                function  factory -> Amazon's official `spapi.SPAPIClient`
    spapi_sp_api             function  factory(api_class) -> `python-amazon-sp-api` client

Markers: `spapi_scenario(source)` seeds a world document (dict, or a JSON/YAML path relative to the
test file) before the test; `spapi_faults(*rules)` installs fault rules for the test.

Scenario files: every `*.scenario.yaml` that pytest visits is collected as one test, run by the same
engine as `mcf-emulator replay` on the session's emulator.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:  # the harness is imported when a fixture is first used, not when pytest starts
    from emulator.app import EmulatorApp
    from emulator.settings import Settings
    from emulator.testing.credentials import Credentials
    from emulator.testing.handle import EmulatorHandle
    from emulator.testing.server import EmulatorServer

HANDLE_KEY = pytest.StashKey["EmulatorHandle"]()
MARKERS = {
    "spapi_scenario": "spapi_scenario(source): seed the emulator with a world document (dict or JSON/YAML "
    "path relative to the test file) before the test",
    "spapi_faults": "spapi_faults(*rules): install these fault rules in the emulator for the test",
}


def pytest_addoption(parser: pytest.Parser) -> None:
    from emulator.settings import PROFILES, SANDBOX_MODES

    group = parser.getgroup("spapi-emulator", "mcf-emulator (SP-API MCF emulator)")
    group.addoption(
        "--spapi-models",
        default=None,
        metavar="DIR",
        help="directory of Amazon's SP-API models (default: $MCF_EMULATOR_MODELS, then the cache)",
    )
    group.addoption(
        "--spapi-profile",
        default=None,
        choices=tuple(PROFILES),
        help="production: strict LWA and enforced throttling (default: $MCF_EMULATOR_PROFILE, else default)",
    )
    group.addoption(
        "--spapi-sandbox-mode",
        default=None,
        choices=SANDBOX_MODES,
        help="static: answer as Amazon's sandbox does, from the models' documented static cases "
        "(default: $MCF_EMULATOR_SANDBOX_MODE, else dynamic)",
    )
    group.addoption(
        "--spapi-seed",
        type=int,
        default=None,
        metavar="N",
        help="seed the emulator's id factory, for reproducible ids and tokens",
    )


def pytest_configure(config: pytest.Config) -> None:
    for text in MARKERS.values():
        config.addinivalue_line("markers", text)


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    """`*.scenario.yaml` files are tests (emulator.scenarios.collect)."""
    if not file_path.name.endswith(".scenario.yaml"):
        return None
    from emulator.scenarios.collect import ScenarioFile

    return ScenarioFile.from_parent(parent, path=file_path)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    """After the test body: anything the emulator recorded as a violation fails this test."""
    result = yield
    handle = item.stash.get(HANDLE_KEY, None)
    if handle is not None:
        handle.check()
    return result


@pytest.fixture(scope="session")
def spapi_emulator_settings(pytestconfig: pytest.Config) -> Settings:
    """Emulator settings: strict response validation on; models, seed, profile and sandbox mode from the
    command line or env."""
    from emulator.settings import Settings

    models = pytestconfig.getoption("--spapi-models")
    return Settings.from_env(
        models_dir=Path(models) if models else None,
        strict_responses=True,
        seed=pytestconfig.getoption("--spapi-seed"),
        profile=pytestconfig.getoption("--spapi-profile"),
        sandbox_mode=pytestconfig.getoption("--spapi-sandbox-mode"),
    )


@pytest.fixture(scope="session")
def spapi_emulator_app(spapi_emulator_settings: Settings) -> EmulatorApp:
    """The emulator app; built once per session (per worker under pytest-xdist)."""
    from emulator.app import create_app
    from emulator.catalog import load_catalog
    from emulator.errors import ModelsUnavailable

    try:
        catalog = load_catalog(spapi_emulator_settings.models_dir, flag="--spapi-models")
    except ModelsUnavailable as error:
        problem = str(error)  # failed outside the handler, so pytest shows the message once, not chained
    else:
        return create_app(spapi_emulator_settings, catalog)
    pytest.fail(f"mcf-emulator cannot start: {problem}", pytrace=False)


@pytest.fixture(scope="session")
def spapi_emulator_server(spapi_emulator_app: EmulatorApp) -> Iterator[EmulatorServer]:
    """A real HTTP server for the session's app on a free loopback port."""
    from emulator.testing.server import EmulatorServer

    with EmulatorServer(spapi_emulator_app) as server:
        yield server


@pytest.fixture
def spapi_emulator(
    request: pytest.FixtureRequest, spapi_emulator_app: EmulatorApp, spapi_emulator_server: EmulatorServer
) -> Iterator[EmulatorHandle]:
    """The emulator, reset for this test, with the test's markers applied."""
    from emulator.testing.handle import EmulatorHandle

    handle = EmulatorHandle(spapi_emulator_app, spapi_emulator_server.url)
    handle.reset()
    for marker in reversed(list(request.node.iter_markers("spapi_scenario"))):
        for source in marker.args:
            handle.seed(_resolve(source, request))
    for marker in request.node.iter_markers("spapi_faults"):
        for rule in marker.args:
            handle.add_fault(rule)
    request.node.stash[HANDLE_KEY] = handle
    yield handle
    del request.node.stash[HANDLE_KEY]


def _resolve(source: Any, request: pytest.FixtureRequest) -> Any:
    if isinstance(source, str | Path) and not Path(source).is_absolute():
        return Path(request.path).parent / source
    return source


@pytest.fixture
def spapi_url(spapi_emulator: EmulatorHandle) -> str:
    """Base URL of the running emulator, e.g. `http://127.0.0.1:49321`."""
    return spapi_emulator.url


@pytest.fixture
def spapi_credentials(spapi_emulator: EmulatorHandle) -> Credentials:
    """Endpoint, LWA token URL and the default seller's client id, secret and refresh token."""
    return spapi_emulator.credentials


@pytest.fixture
def spapi_client(spapi_emulator: EmulatorHandle) -> Iterator[Any]:
    """An httpx.Client on the emulator acting for the default seller; tokens are fetched and renewed."""
    with spapi_emulator.client() as client:
        yield client


def _tracked(make: Callable[..., Any]) -> tuple[Callable[..., Any], list[Any]]:
    """A factory that remembers what it made, so the fixture can close it afterwards."""
    made: list[Any] = []

    def factory(*args: Any, **kwargs: Any) -> Any:
        made.append(make(*args, **kwargs))
        return made[-1]

    return factory, made


@pytest.fixture
def spapi_sdk(spapi_emulator: EmulatorHandle) -> Iterator[Callable[..., Any]]:
    """Factory of Amazon's official `spapi.SPAPIClient` on the emulator: `spapi_sdk(credentials=None)`."""
    factory, made = _tracked(spapi_emulator.spapi)
    yield factory
    for client in made:
        client.api_client.rest_client.pool_manager.clear()


@pytest.fixture
def spapi_sp_api(spapi_emulator: EmulatorHandle) -> Iterator[Callable[..., Any]]:
    """Factory of `python-amazon-sp-api` clients on the emulator: `spapi_sp_api(Inventories)`."""
    factory, made = _tracked(spapi_emulator.sp_api)
    yield factory
    for client in made:
        client.close()
