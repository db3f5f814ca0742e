"""Amazon's SP-API and Login with Amazon hostnames, and which service and region each one names."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Service = Literal["spapi", "lwa"]
REGIONS = ("NA", "EU", "FE")
LWA_DOMAINS = {"NA": "amazon.com", "EU": "amazon.co.uk", "FE": "amazon.co.jp"}
LOCAL_NAMES = ("localhost",)
LOCAL_ADDRESSES = ("127.0.0.1", "::1")


@dataclass(frozen=True, slots=True)
class AmazonHost:
    """One of Amazon's hostnames: its service, the region it serves and whether it is the sandbox."""

    name: str
    service: Service
    region: str
    sandbox: bool = False


def _table() -> dict[str, AmazonHost]:
    hosts: list[AmazonHost] = []
    for region in REGIONS:
        spapi = f"sellingpartnerapi-{region.lower()}.amazon.com"
        hosts.append(AmazonHost(spapi, "spapi", region))
        hosts.append(AmazonHost("sandbox." + spapi, "spapi", region, sandbox=True))
        hosts.append(AmazonHost("api." + LWA_DOMAINS[region], "lwa", region))
    return {host.name: host for host in hosts}


AMAZON_HOSTS = _table()


def lookup(host: str | bytes | None) -> AmazonHost | None:
    """The Amazon host a `Host` header or CONNECT target names (any port, any case), else None."""
    if not host:
        return None
    text = host.decode("latin-1") if isinstance(host, bytes) else host
    name = text.rsplit(":", 1)[0] if text.count(":") == 1 else text
    return AMAZON_HOSTS.get(name.lower().rstrip("."))


def certificate_names() -> tuple[list[str], list[str]]:
    """(DNS names, IP addresses) every server certificate covers."""
    return [*AMAZON_HOSTS, *LOCAL_NAMES], list(LOCAL_ADDRESSES)
