"""Fulfillment Inbound v0: the legacy operations, read from the same plans, shipments and SKU settings as
2024-03-20 (`apis/inbound`), in v0's shapes: the `payload` envelope, PascalCase fields, its own errors."""

from emulator.apis.inbound_v0 import handlers

__all__ = ["handlers"]
