"""The validating proxy: forwards SP-API calls to any endpoint and checks both directions against the models.

May import catalog and edge (routing, validation); the CLI, the scenario recorder and tests import it.
"""

from emulator.proxy.app import ValidatingProxy
from emulator.proxy.record import Finding, ProxyRecord

__all__ = ["Finding", "ProxyRecord", "ValidatingProxy"]
