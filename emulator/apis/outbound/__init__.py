"""Fulfillment Outbound (MCF) 2020-07-01 and 2026-07-04 over one order record per order.

`records` (the typed order record), `orderbook` (the packed orders table), `update_index` and
`package_index` (lookups), `orders` (create/update), `lifecycle` (clock-driven steps and status updates),
`shipments`, `tracking`, `returns`, `planning`/`preview` (promises, fees, dates), `features` and
`events` (the domain events every status change records) are version-neutral; `wire_2020` and
`wire_2026` are the only modules that know each version's shapes, and `handlers_2020_07_01` /
`handlers_2026_07_04` bind the operations. LIMITATIONS: one shipment per picking wave and one package per
line; no split across fulfilment centres; stock that arrives after picking is not shipped for FillAll
orders; COD and scheduled delivery exist only for JP/IN marketplaces.
"""

from emulator.apis.outbound import handlers_2020_07_01, handlers_2026_07_04, returns  # noqa: F401  (bind operations)
