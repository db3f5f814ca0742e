"""mcf-emulator: a local, stateful emulator of Amazon's Multi-Channel Fulfillment APIs (SP-API)."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("mcf-emulator")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0+source"

__all__ = ["__version__"]
