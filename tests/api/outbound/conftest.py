"""Fixtures for the MCF (outbound) tests."""

from tests.api.outbound.support import japan, mcf  # noqa: F401  (the `japan` and `mcf` fixtures)
