"""Fixtures for the Fulfillment Inbound tests."""

from tests.api.inbound.support import inbound  # noqa: F401  (the `inbound` fixture)
