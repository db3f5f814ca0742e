"""The CONNECT proxy in-process: Amazon's hosts are tunnelled to a local protocol over TLS from the CA;
every other request is refused, and the proxy never resolves a name or opens a connection."""

from __future__ import annotations

import asyncio
import json
import socket
import ssl
from collections.abc import Callable, Coroutine
from typing import Any

import pytest

from emulator.tls.authority import CertificateAuthority
from emulator.tls.connect import MAX_HEAD, ConnectProtocol, Refusal, admit
from emulator.tls.contexts import server_context
from emulator.tls.hosts import AMAZON_HOSTS


class Hello(asyncio.Protocol):
    """A stand-in for the emulator's HTTP protocol: answers every chunk with the bytes it got."""

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        assert isinstance(self.transport, asyncio.WriteTransport)
        self.transport.write(b"got " + data)


@pytest.fixture
def authority(tmp_path) -> CertificateAuthority:
    return CertificateAuthority.create(tmp_path / "ca")


@pytest.fixture
def outbound(monkeypatch) -> list[object]:
    """Every name resolution and outgoing connection made while the test runs."""
    seen: list[object] = []
    real_connect = socket.socket.connect

    def resolve(*args: Any, **kwargs: Any) -> Any:
        seen.append(("resolve", args[0]))
        raise OSError("resolution is not allowed in this test")

    def connect(sock: socket.socket, address: Any) -> Any:
        seen.append(("connect", address))
        return real_connect(sock, address)

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    monkeypatch.setattr(socket, "gethostbyname", resolve)
    monkeypatch.setattr(socket.socket, "connect", connect)
    return seen


def run_proxy(authority: CertificateAuthority, client: Callable[[int], Coroutine[Any, Any, Any]]) -> Any:
    """Serve the proxy on a loopback port and run `client(port)` against it."""

    async def main() -> Any:
        context = server_context(authority)
        server = await asyncio.get_running_loop().create_server(
            lambda: ConnectProtocol(context, Hello), "127.0.0.1", 0
        )
        try:
            return await asyncio.wait_for(client(server.sockets[0].getsockname()[1]), 10)
        finally:
            server.close()

    return asyncio.run(main())


async def exchange(port: int, request: bytes) -> bytes:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(request)
    answer = await reader.read()
    writer.close()
    return answer


def refused(answer: bytes) -> tuple[int, dict[str, Any]]:
    head, _, body = answer.partition(b"\r\n\r\n")
    assert b"connection: close" in head and b"content-type: application/json" in head
    return int(head.split(b" ")[1]), json.loads(body)


@pytest.mark.parametrize(
    "target",
    [
        "example.com:443",
        "www.amazon.com:443",
        "sellingpartnerapi-na.amazon.com:80",
        "127.0.0.1:8787",
        "[::1]:443",
    ],
)
def test_a_connect_to_any_other_host_is_refused_without_resolving_it(authority, outbound, target):
    answer = run_proxy(authority, lambda port: exchange(port, f"CONNECT {target} HTTP/1.1\r\n\r\n".encode()))
    status, body = refused(answer)
    error = body["errors"][0]
    assert status == 403 and error["code"] == "Forbidden"
    assert target in error["details"] and "nothing was contacted" in error["details"]
    assert all(kind == "connect" and address[0] == "127.0.0.1" for kind, address in outbound)
    assert len(outbound) == 1  # the test's own connection to the proxy


@pytest.mark.parametrize(
    ("request_bytes", "status", "needle"),
    [
        (b"GET http://example.com/ HTTP/1.1\r\nHost: example.com\r\n\r\n", 403, "only CONNECT"),
        (b"GET http://api.amazon.com/auth/o2/token HTTP/1.1\r\n\r\n", 403, "only CONNECT"),
        (b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n", 400, "not an HTTP/1.x request line"),
        (b"CONNECT api.amazon.com:443 HTTP/1.1\r\n\r\nearly", 400, "before the tunnel"),
        (b"CONNECT api.amazon.com:443 HTTP/1.1\r\nX: " + b"a" * MAX_HEAD, 400, "longer than"),
    ],
)
def test_other_requests_are_refused_with_the_error_envelope(
    authority, outbound, request_bytes, status, needle
):
    answer = run_proxy(authority, lambda port: exchange(port, request_bytes))
    got, body = refused(answer)
    assert got == status and needle in body["errors"][0]["details"]
    assert len(outbound) == 1


@pytest.mark.parametrize("host", sorted(AMAZON_HOSTS))
def test_amazon_hosts_are_tunnelled_to_the_local_protocol_over_the_cas_tls(authority, outbound, host):
    trust = ssl.create_default_context(cadata=authority.certificate_pem.decode())

    async def client(port: int) -> tuple[bytes, bytes, str]:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(f"CONNECT {host}:443 HTTP/1.1\r\nHost: {host}:443\r\n\r\n".encode())
        established = await reader.readuntil(b"\r\n\r\n")
        await writer.start_tls(trust, server_hostname=host)
        writer.write(b"hello")
        echoed = await reader.readexactly(9)
        version = writer.get_extra_info("ssl_object").version()
        writer.close()
        return established, echoed, version

    established, echoed, version = run_proxy(authority, client)
    assert established == b"HTTP/1.1 200 Connection established\r\n\r\n"
    assert echoed == b"got hello" and version in ("TLSv1.2", "TLSv1.3")
    assert len(outbound) == 1


def test_a_client_that_does_not_trust_the_ca_gets_no_tunnel(authority, outbound):
    async def client(port: int) -> str:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(b"CONNECT api.amazon.com:443 HTTP/1.1\r\n\r\n")
        await reader.readuntil(b"\r\n\r\n")
        with pytest.raises(ssl.SSLCertVerificationError):
            await writer.start_tls(ssl.create_default_context(), server_hostname="api.amazon.com")
        writer.close()
        return "refused"

    assert run_proxy(authority, client) == "refused"


def test_admit_names_the_amazon_host():
    assert admit(b"CONNECT sandbox.sellingpartnerapi-eu.amazon.com:443 HTTP/1.1").region == "EU"
    assert isinstance(admit(b"CONNECT api.amazon.com:443:443 HTTP/1.1"), Refusal)
    assert isinstance(admit(b"CONNECT api.amazon.com HTTP/1.1"), Refusal)
