"""FBA Inventory v1: stock per SKU and marketplace, shared with the outbound (MCF) APIs.

`records` holds the typed item and its buckets, `service` the moves between buckets (what other
APIs call), `events` what a move records, `summaries` renders getInventorySummaries pages and
`handlers` binds the four operations. LIMITATIONS: one condition (`NewItem`) per SKU; `stores` is
always empty; the researching quantity is reported in the short-term bucket only.
"""

from emulator.apis.inventory import handlers  # noqa: F401  (binds the operations)
