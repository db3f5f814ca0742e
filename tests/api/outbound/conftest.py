"""Fixtures for the MCF (outbound) tests."""

from tests.api.outbound.support import mcf  # noqa: F401  (the `mcf` fixture)
