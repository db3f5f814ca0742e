"""The validating proxy: forwards SP-API calls to any endpoint and checks both directions against the models.

May import catalog and edge (routing, validation); nothing imports it but the CLI and tests.
"""

from emulator.proxy.app import ValidatingProxy
from emulator.proxy.record import Finding, ProxyRecord

__all__ = ["Finding", "ProxyRecord", "ValidatingProxy"]
