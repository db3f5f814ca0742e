"""Fulfillment Outbound (MCF) 2020-07-01 and 2026-07-04 over one order record per order.

`records` (the order record and its index), `orders` (create/update), `lifecycle` (clock-driven
steps and status updates), `shipments`, `tracking`, `returns`, `planning`/`preview` (promises,
fees, dates) and `features` are version-neutral; `handlers_2020_07_01` and `handlers_2026_07_04`
translate each version's wire shapes. LIMITATIONS: one shipment per picking wave and one package per
line; no split across fulfilment centres; stock that arrives after picking is not shipped for
FillAll orders; COD and scheduled delivery exist only for JP/IN marketplaces.
"""

from emulator.apis.outbound import handlers_2020_07_01, handlers_2026_07_04, returns  # noqa: F401  (bind operations)
