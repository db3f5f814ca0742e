"""mcf-emulator: a local, stateful emulator of Amazon's Multi-Channel Fulfillment APIs (SP-API)."""

__version__ = "0.1.0"

__all__ = ["__version__"]
