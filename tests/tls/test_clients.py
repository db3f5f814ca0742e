"""Python clients that only know Amazon's URLs reach `serve --tls --proxy-port` through configuration:
HTTPS_PROXY and a CA bundle (requests, httpx, python-amazon-sp-api), or Amazon's hostnames on the TLS port."""

from __future__ import annotations

import socket
import ssl
import subprocess
import sys
from typing import Any

import httpx
import pytest
import requests

from emulator.tls.hosts import AMAZON_HOSTS
from tests.api.outbound.support import ADDRESS, order_body
from tests.tls.conftest import CREDENTIALS, PROXY_VARIABLES, TlsEmulator, free_port

US = "ATVPDKIKX0DER"
LWA = "https://api.amazon.com/auth/o2/token"
SPAPI = "https://sellingpartnerapi-na.amazon.com"


@pytest.fixture
def via_proxy(tls_emulator: TlsEmulator, monkeypatch) -> TlsEmulator:
    """The environment a connector gets: the proxy, the CA bundle for requests and for httpx/OpenSSL."""
    for name in PROXY_VARIABLES + ("NO_PROXY", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTPS_PROXY", tls_emulator.proxy)
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(tls_emulator.ca_file))
    monkeypatch.setenv("SSL_CERT_FILE", str(tls_emulator.ca_file))
    return tls_emulator


def mcf_flow(session: Any, emulator: TlsEmulator, sku: str, order_id: str) -> None:
    """Token, stock, preview, order, clock advance, order Complete; every call to an Amazon URL."""
    token = session.post(LWA, data=CREDENTIALS).json()["access_token"]
    headers = {"x-amz-access-token": token}

    def call(method: str, path: str, **kwargs: Any) -> Any:
        response = session.request(
            method, SPAPI + path, headers={**headers, **kwargs.pop("headers", {})}, **kwargs
        )
        assert response.status_code < 300, response.text
        return response.json() if response.content else None

    call(
        "POST", "/fba/inventory/v1/items", json={"sellerSku": sku, "marketplaceId": US, "productName": "Mug"}
    )
    call(
        "POST",
        "/fba/inventory/v1/items/inventory",
        json={"inventoryItems": [{"sellerSku": sku, "marketplaceId": US, "quantity": 5}]},
        headers={"x-amzn-idempotency-token": f"{order_id}-stock"},
    )
    summaries = call(
        "GET",
        "/fba/inventory/v1/summaries",
        params={
            "granularityType": "Marketplace",
            "granularityId": US,
            "marketplaceIds": US,
            "sellerSkus": sku,
        },
    )
    assert summaries["payload"]["inventorySummaries"][0]["totalQuantity"] == 5
    lines = [{"sellerSku": sku, "sellerFulfillmentOrderItemId": "line-1", "quantity": 2}]
    preview = call(
        "POST",
        "/fba/outbound/2020-07-01/fulfillmentOrders/preview",
        json={"address": ADDRESS, "items": lines},
    )
    assert any(p["isFulfillable"] for p in preview["payload"]["fulfillmentPreviews"])
    call("POST", "/fba/outbound/2020-07-01/fulfillmentOrders", json=order_body(order_id, sku, 2))
    emulator.advance("7h")
    headers["x-amz-access-token"] = session.post(LWA, data=CREDENTIALS).json()["access_token"]
    order = call("GET", f"/fba/outbound/2020-07-01/fulfillmentOrders/{order_id}")["payload"]
    assert order["fulfillmentOrder"]["fulfillmentOrderStatus"] == "Complete"
    entries = emulator.journal("getFulfillmentOrder")
    assert entries[-1]["region"] == "NA" and entries[-1]["status"] == 200


def test_requests_runs_the_flow_with_https_proxy_and_requests_ca_bundle(via_proxy):
    with requests.Session() as session:
        mcf_flow(session, via_proxy, "PY-REQUESTS", "PY-REQUESTS-1")


def test_httpx_runs_the_flow_with_https_proxy_and_ssl_cert_file(via_proxy):
    with httpx.Client(timeout=10) as session:
        mcf_flow(session, via_proxy, "PY-HTTPX", "PY-HTTPX-1")


def test_python_amazon_sp_api_unmodified_reaches_the_emulator(via_proxy, monkeypatch):
    """python-amazon-sp-api hard-codes api.amazon.com and the regional hosts; no endpoint is given here."""
    from sp_api.api import Inventories
    from sp_api.auth import access_token_client
    from sp_api.base import Marketplaces

    monkeypatch.setattr(access_token_client, "cache", {})  # no token cached by another test's emulator
    credentials = {
        "refresh_token": CREDENTIALS["refresh_token"],
        "lwa_app_id": CREDENTIALS["client_id"],
        "lwa_client_secret": CREDENTIALS["client_secret"],
    }
    with Inventories(credentials=credentials, marketplace=Marketplaces.US) as api:
        result = api.get_inventory_summary_marketplace(details=True)
        api._auth._transport.close()  # the library leaves its LWA client's connections open
    assert result.payload["granularity"]["granularityId"] == Marketplaces.US.marketplace_id
    assert via_proxy.journal("getInventorySummaries")[-1]["region"] == "NA"


def test_the_tls_port_answers_for_every_amazon_host(tls_emulator):
    trust = ssl.create_default_context(cafile=str(tls_emulator.ca_file))
    for host in [*AMAZON_HOSTS, "localhost"]:
        with (
            socket.create_connection(("127.0.0.1", tls_emulator.tls_port), timeout=5) as raw,
            trust.wrap_socket(raw, server_hostname=host) as tls,
        ):
            assert tls.version() in ("TLSv1.2", "TLSv1.3")


@pytest.mark.parametrize(
    ("host", "region"),
    [("sellingpartnerapi-eu.amazon.com", "EU"), ("sandbox.sellingpartnerapi-fe.amazon.com", "FE")],
)
def test_the_region_named_by_the_host_is_journalled(tls_emulator, host, region):
    base = f"https://127.0.0.1:{tls_emulator.tls_port}"
    with httpx.Client(
        base_url=base, verify=ssl.create_default_context(cafile=str(tls_emulator.ca_file))
    ) as client:
        token = client.post("/auth/o2/token", data=CREDENTIALS).json()["access_token"]
        response = client.get(
            "/fba/inventory/v1/summaries",
            params={"granularityType": "Marketplace", "granularityId": US, "marketplaceIds": US},
            headers={"host": host, "x-amz-access-token": token},
        )
    assert response.status_code == 200, response.text
    request_id = response.headers["x-amzn-RequestId"]
    entry = next(e for e in tls_emulator.journal() if e["requestId"] == request_id)
    assert entry["region"] == region


def test_amazon_hosts_serve_only_their_own_service(via_proxy):
    with httpx.Client(timeout=10) as client:
        lwa = client.get("https://api.amazon.com/_emulator/health")
        assert lwa.status_code == 404 and lwa.json()["error"] == "not_found"
        spapi = client.get(f"{SPAPI}/_emulator/health")
        assert spapi.status_code == 403 and spapi.json()["errors"][0]["code"] == "Unauthorized"
        token = client.post(f"{SPAPI}/auth/o2/token", data=CREDENTIALS)
        assert token.status_code == 403
        assert client.post(LWA, data={"grant_type": "refresh_token"}).json()["error"] == "invalid_request"


def test_the_served_proxy_refuses_other_hosts(tls_emulator):
    with socket.create_connection(
        ("127.0.0.1", int(tls_emulator.proxy.rsplit(":", 1)[1])), timeout=5
    ) as sock:
        sock.sendall(b"CONNECT pypi.org:443 HTTP/1.1\r\nHost: pypi.org:443\r\n\r\n")
        answer = b""
        while chunk := sock.recv(4096):
            answer += chunk
    assert answer.startswith(b"HTTP/1.1 403 Forbidden\r\n") and b"pypi.org:443 refused" in answer


def test_requests_to_other_hosts_fail_at_the_proxy(via_proxy):
    with pytest.raises(requests.exceptions.ProxyError, match="403"):
        requests.get("https://example.com/", timeout=5)


def serve(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "emulator", "serve", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )


def test_serve_with_nothing_to_listen_on_says_so():
    done = serve("--no-http")
    assert done.returncode == 2 and "nothing to serve" in done.stderr and "Traceback" not in done.stderr


def test_a_busy_tls_port_is_one_clear_line():
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        done = serve("--port", str(free_port()), "--tls", "--tls-port", str(port))
    assert done.returncode == 2 and f"cannot listen on 127.0.0.1:{port} (https)" in done.stderr
    assert done.stderr.count("\n") == 1
