"""`mcf-emulator serve` as a user runs it.

Start-up errors, the banner, tokens for the official SDK, shutdown.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from emulator.lwa.accounts import DEFAULTS


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def mcf(*args: str, env: dict[str, str] | None = None, **kwargs) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "emulator", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env or os.environ.copy(),
        **kwargs,
    )


@pytest.fixture
def server(catalog):
    port = free_port()
    process = mcf("serve", "--port", str(port), "--models", str(catalog.models_dir))
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/_emulator/health", timeout=1).status_code == 200:
                break
        except httpx.TransportError:
            time.sleep(0.05)
    else:
        process.kill()
        pytest.fail(f"serve did not become healthy: {process.communicate()}")
    yield base, process
    if process.poll() is None:
        process.kill()
    process.communicate()


def test_missing_models_stop_start_up_with_one_clear_message(tmp_path):
    process = mcf("serve", "--models", str(tmp_path / "absent"))
    out, err = process.communicate(timeout=30)
    assert process.returncode == 2
    assert err.count("\n") == 1 and "mcf-emulator specs sync" in err and "Traceback" not in err


def test_the_models_message_names_where_the_directory_came_from(tmp_path):
    absent = str(tmp_path / "absent")
    from_env = mcf("serve", env={**os.environ, "MCF_EMULATOR_MODELS": absent})
    err = from_env.communicate(timeout=30)[1]
    assert from_env.returncode == 2 and "(from the environment variable MCF_EMULATOR_MODELS)" in err
    assert "--models" not in err and "--force" not in err
    copy = tmp_path / "empty"
    copy.mkdir()
    from_flag = mcf("serve", "--models", str(copy))
    err = from_flag.communicate(timeout=30)[1]
    assert from_flag.returncode == 2 and f"{copy} (from --models)" in err
    assert "Point --models at a copy" in err and "--force" not in err  # sync cannot repair a wrong path


def test_tampered_models_stop_start_up(catalog, tmp_path):
    import shutil

    copy = tmp_path / "models"
    shutil.copytree(catalog.models_dir, copy)
    (copy / "models/reports-api-model/reports_2021-06-30.json").write_text("{}")
    process = mcf("serve", "--models", str(copy))
    _, err = process.communicate(timeout=30)
    assert process.returncode == 2 and "digest mismatch: models/reports-api-model" in err


def test_version_is_printed():
    done = subprocess.run([sys.executable, "-m", "emulator", "--version"], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.startswith("mcf-emulator ")


def test_serve_binds_loopback_prints_credentials_and_stops_cleanly(server):
    base, process = server
    assert base.startswith("http://127.0.0.1:")
    process.send_signal(signal.SIGTERM)
    out, _ = process.communicate(timeout=15)
    assert process.returncode == 0
    for expected in (
        base,
        f"{base}/auth/o2/token",
        DEFAULTS.client_id,
        DEFAULTS.client_secret,
        DEFAULTS.refresh_token,
        DEFAULTS.seller_id,
        "mcf-emulator stopped.",
    ):
        assert expected in out


def test_official_sdk_gets_tokens_and_a_schema_valid_answer(server):
    from spapi import SPAPIClient, SPAPIConfig
    from spapi.api.fba_inventory_v1.fba_inventory_api import FbaInventoryApi

    base, _ = server
    config = SPAPIConfig(
        client_id=DEFAULTS.client_id,
        client_secret=DEFAULTS.client_secret,
        refresh_token=DEFAULTS.refresh_token,
        region="NA",
    )
    client = SPAPIClient(config, oauth_endpoint=f"{base}/auth/o2/token", endpoint=base)
    api = FbaInventoryApi(client.api_client)
    response = api.get_inventory_summaries(
        granularity_type="Marketplace",
        granularity_id="ATVPDKIKX0DER",
        marketplace_ids=["ATVPDKIKX0DER"],
        details=True,
    )
    assert response.payload.granularity.granularity_id == "ATVPDKIKX0DER"
    assert response.payload.inventory_summaries == []


def test_hostile_traffic_leaves_the_server_healthy(server):
    base, _ = server
    with httpx.Client(base_url=base, timeout=5) as client:
        for path in (
            "/",
            "/..%2f..%2fetc/passwd",
            "/fba/inventory/v1/summaries?" + "a=" * 2000,
            "/_emulator/../fba/inventory/v1/summaries",
            "/auth/o2/token",
        ):
            response = client.get(path)
            assert response.status_code < 500
        response = client.post(
            "/fba/outbound/2020-07-01/fulfillmentOrders",
            content=b"\xff\xfe" * 100,
            headers={"content-type": "application/json"},
        )
        assert response.status_code == 403
        assert client.get("/_emulator/health").status_code == 200


def wait_healthy(base: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 20
    while True:
        try:
            if httpx.get(base + "/_emulator/health", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"serve did not become healthy: {process.communicate()}")
        time.sleep(0.05)


def test_environment_variables_configure_serve_and_a_world_file_preloads_at_start(catalog, tmp_path):
    world = Path(__file__).resolve().parents[2] / "scenarios" / "throttling-storm.scenario.yaml"
    port = free_port()
    env = os.environ | {
        "MCF_EMULATOR_MODELS": str(catalog.models_dir),
        "MCF_EMULATOR_PORT": str(port),
        "MCF_EMULATOR_WORLD": str(world),
        "MCF_EMULATOR_STATE": f"sqlite:{tmp_path / 'world.db'}",
    }
    for attempt in ("first", "second"):
        process = mcf("serve", env=env)
        base = f"http://127.0.0.1:{port}"
        wait_healthy(base, process)
        health = httpx.get(base + "/_emulator/health").json()
        assert health["clock"] == {"now": "2026-10-05T10:00:00.000Z", "speed": 0.0, "frozen": True}
        assert health["rateLimits"] == "enforce" and health["state"] == "sqlite"
        order = httpx.get(
            base + "/fba/outbound/2020-07-01/fulfillmentOrders/STARTER-1",
            headers={"x-amz-access-token": _token(base)},
        )
        assert order.status_code == 200, order.text
        process.send_signal(signal.SIGTERM)
        output = process.communicate(timeout=20)[0]
        expected = (
            "4 inventory, 2 calls" if attempt == "first" else "world not seeded, the state already holds"
        )
        assert expected in output, output


def test_a_bad_environment_variable_stops_serve_with_one_line(catalog):
    process = mcf("serve", env=os.environ | {"MCF_EMULATOR_CLOCK_SPEED": "fast"})
    out, err = process.communicate(timeout=20)
    assert process.returncode == 2
    assert (
        err.strip()
        == "mcf-emulator: MCF_EMULATOR_CLOCK_SPEED='fast': could not convert string to float: 'fast'"
    )


def _token(base: str) -> str:
    form = {
        "grant_type": "refresh_token",
        "refresh_token": DEFAULTS.refresh_token,
        "client_id": DEFAULTS.client_id,
        "client_secret": DEFAULTS.client_secret,
    }
    return str(httpx.post(base + "/auth/o2/token", data=form).json()["access_token"])


def test_a_second_server_on_a_busy_port_exits_with_one_line_and_no_banner(server, catalog):
    base, _ = server
    port = base.rsplit(":", 1)[1]
    second = mcf("serve", "--port", port, "--models", str(catalog.models_dir))
    out, err = second.communicate(timeout=30)
    assert second.returncode == 2 and "listening on" not in out and "client_id" not in out
    assert err.count("\n") == 1 and f"cannot listen on 127.0.0.1:{port}" in err, err
    assert httpx.get(base + "/_emulator/health").status_code == 200  # the first one is untouched


@pytest.mark.parametrize("port", ["99999", "-1", "0", "eighty"])
def test_invalid_ports_are_refused_before_anything_starts(port):
    process = mcf("serve", "--port", port)
    out, err = process.communicate(timeout=30)
    assert process.returncode == 2 and out == "" and "Traceback" not in err
    assert "--port" in err and "port number (1-65535)" in err, err
    env = os.environ | {"MCF_EMULATOR_PORT": port}
    process = mcf("serve", env=env)
    out, err = process.communicate(timeout=30)
    assert process.returncode == 2 and out == "" and err.startswith("mcf-emulator: MCF_EMULATOR_PORT="), err


def test_sigterm_checkpoints_sqlite_state_into_the_main_file(catalog, tmp_path):
    import shutil
    import sqlite3

    port = free_port()
    database = tmp_path / "world.db"
    process = mcf(
        "serve", "--port", str(port), "--models", str(catalog.models_dir), "--state", f"sqlite:{database}"
    )
    base = f"http://127.0.0.1:{port}"
    wait_healthy(base, process)
    seeded = httpx.post(base + "/_emulator/seed", json={"inventory": [{"sku": "MUG-1", "quantity": 3}]})
    assert seeded.status_code == 200, seeded.text
    process.send_signal(signal.SIGTERM)
    process.communicate(timeout=20)
    assert process.returncode == 0
    wal = tmp_path / "world.db-wal"
    assert not wal.exists() or wal.stat().st_size == 0
    alone = tmp_path / "copy" / "world.db"
    alone.parent.mkdir()
    shutil.copy(database, alone)  # the main file alone is the whole state
    with sqlite3.connect(alone) as db:
        tables = {row[0] for row in db.execute("SELECT DISTINCT tbl FROM records")}
    assert any("inventory" in table for table in tables), tables


def test_the_production_profile_is_strict_and_says_so(catalog):
    port = free_port()
    process = mcf(
        "serve", "--profile", "production", "--port", str(port), "--models", str(catalog.models_dir)
    )
    base = f"http://127.0.0.1:{port}"
    wait_healthy(base, process)
    assert httpx.get(base + "/_emulator/health").json()["rateLimits"] == "enforce"
    stranger = {
        "grant_type": "refresh_token",
        "refresh_token": DEFAULTS.refresh_token,
        "client_id": "amzn1.application-oa2-client.someone-else",
        "client_secret": "nope",
    }
    refused = httpx.post(base + "/auth/o2/token", data=stranger)
    assert refused.status_code == 401 and refused.json()["error"] == "invalid_client"
    process.send_signal(signal.SIGTERM)
    out = process.communicate(timeout=20)[0]
    assert "(profile: production, auth: strict)" in out and "rate limits: enforce" in out


@pytest.mark.parametrize(
    ("variable", "value"),
    [("MCF_EMULATOR_SEED", "abc"), ("MCF_EMULATOR_AUTH", "bogus"), ("MCF_EMULATOR_PROFILE", "prod")],
)
def test_bad_environment_values_name_the_variable(variable, value):
    process = mcf("serve", env=os.environ | {variable: value})
    out, err = process.communicate(timeout=20)
    assert process.returncode == 2 and out == "" and "Traceback" not in err
    assert err.startswith(f"mcf-emulator: {variable}={value!r}: ") and err.count("\n") == 1, err
