"""A real JavaScript client, unmodified, runs an MCF flow against the emulator through the proxy.

`amazon-sp-api` (npm) hard-codes https://api.amazon.com and https://sellingpartnerapi-<region>.amazon.com
and calls Node's `https.request` without reading HTTPS_PROXY itself (it only takes an agent object in
code). The documented, code-free way to send such a client through a proxy on Node 20 is the preload
`global-agent/bootstrap` (NODE_OPTIONS=--require ...; GLOBAL_AGENT_ENVIRONMENT_VARIABLE_NAMESPACE= makes it
read the standard HTTPS_PROXY). Node 22.21+/24 can use NODE_USE_ENV_PROXY=1 instead. The CA reaches Node
through NODE_EXTRA_CA_CERTS. Both packages are installed from the npm registry at test time into
pytest's cache directory (pinned versions; installed once).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from emulator.lwa.accounts import DEFAULTS
from tests.tls.conftest import TlsEmulator, client_environment

PACKAGES = ("amazon-sp-api@1.2.1", "global-agent@4.1.6")
FLOW = Path(__file__).with_name("mcf_flow.js")


@pytest.fixture(scope="module")
def node_modules(request: pytest.FixtureRequest) -> Path:
    """A directory whose node_modules holds PACKAGES (npm install on first use)."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("node and npm are required in CI for the JavaScript client test")
        pytest.skip("node/npm are not installed here; CI (CI=true) runs this test")
    cache = request.config.cache
    base = cache.mkdir("mcf-emulator-npm") if cache is not None else Path(tempfile.mkdtemp())
    target = base / "+".join(p.replace("@", "-") for p in PACKAGES)
    if not (target / "node_modules" / "global-agent" / "bootstrap.js").is_file():
        staging = Path(tempfile.mkdtemp(dir=base))
        subprocess.run(
            [npm, "install", "--no-save", "--no-audit", "--no-fund", "--prefix", str(staging), *PACKAGES],
            check=True,
            capture_output=True,
            timeout=300,
        )
        try:
            staging.rename(target)
        except OSError:  # another worker installed it first
            shutil.rmtree(staging, ignore_errors=True)
    return target


def run_flow(modules: Path, emulator: TlsEmulator, *args: str) -> list[dict[str, object]]:
    env = client_environment(
        emulator,
        NODE_OPTIONS="--require global-agent/bootstrap",
        GLOBAL_AGENT_ENVIRONMENT_VARIABLE_NAMESPACE="",
        HTTPS_PROXY=emulator.proxy,
        NODE_EXTRA_CA_CERTS=str(emulator.ca_file),
        NODE_PATH=str(modules / "node_modules"),
        SELLING_PARTNER_APP_CLIENT_ID=DEFAULTS.client_id,
        SELLING_PARTNER_APP_CLIENT_SECRET=DEFAULTS.client_secret,
        SP_REFRESH_TOKEN=DEFAULTS.refresh_token,
    )
    done = subprocess.run(
        ["node", str(FLOW), *args], cwd=modules, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]


def test_amazon_sp_api_from_npm_runs_an_mcf_flow_through_the_proxy(node_modules, tls_emulator):
    steps = {step.pop("step"): step for step in run_flow(node_modules, tls_emulator, "order", "JS-1")}
    assert str(steps["token"]["accessToken"]).startswith("Atza|")
    assert steps["stock"] == {"fulfillable": 10}
    assert steps["preview"] == {"fulfillable": True}
    assert steps["order"] == {"orderId": "JS-1"}
    tls_emulator.advance("7h")
    (status,) = run_flow(node_modules, tls_emulator, "status", "JS-1")
    assert status == {"step": "status", "status": "Complete"}
    calls = tls_emulator.journal("createFulfillmentOrder")
    assert [
        (c["status"], c["region"]) for c in calls if c["requestBody"]["sellerFulfillmentOrderId"] == "JS-1"
    ] == [(200, "NA")]
