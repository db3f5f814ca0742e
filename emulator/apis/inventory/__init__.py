"""FBA Inventory v1: stock per SKU and marketplace, shared with the outbound (MCF) APIs.

`service` owns the quantity buckets and is what other APIs call; `handlers` binds the four
operations. LIMITATIONS: one condition (`NewItem`) per SKU; `stores` is always empty; the
researching quantity is reported in the short-term bucket only.
"""

from emulator.apis.inventory import handlers  # noqa: F401  (binds the operations)
