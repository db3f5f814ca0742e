"""Loading Amazon's Swagger models into an operation catalog.

Imports nothing from the edge, the APIs, the state or the control plane.
"""

from emulator.catalog.loader import Catalog, load_catalog
from emulator.catalog.operation import Operation

__all__ = ["Catalog", "Operation", "load_catalog"]
