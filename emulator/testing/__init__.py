"""Public helpers for testing against mcf-emulator: server, handle, credentials and client factories.

The pytest plugin (`emulator.pytest_plugin`) is a thin shell over these; they work without pytest too.
"""

from emulator.testing.auth import LwaAuth, LwaError
from emulator.testing.clients import async_httpx_client, httpx_client, sp_api_client, spapi_client
from emulator.testing.credentials import Credentials
from emulator.testing.handle import ContractViolation, EmulatorHandle
from emulator.testing.server import EmulatorServer

__all__ = [
    "ContractViolation",
    "Credentials",
    "EmulatorHandle",
    "EmulatorServer",
    "LwaAuth",
    "LwaError",
    "async_httpx_client",
    "httpx_client",
    "sp_api_client",
    "spapi_client",
]
