"""Fixtures for the FBA Inventory tests."""

from tests.api.outbound.support import mcf  # noqa: F401  (the `mcf` fixture)
