"""Fulfillment Inbound 2024-03-20: inbound plans as one state machine each, and their shipments.

`records` holds the plan (items, packing and placement options, boxes) and the shipments; `plans`,
`packing` and `placement` take the workflow's steps in Amazon's order (asynchronous ones run as jobs,
`operations`); `lifecycle` moves shipments and their units on the clock, `receipts` receives them;
`shipments` is the facade other modules read through; `wire` renders; `handlers*` bind the operations.
"""

from emulator.apis.inbound import (  # noqa: F401  (importing binds the handlers and the clock)
    handlers_items,
    handlers_plans,
    handlers_shipments,
    handlers_transport,
    lifecycle,
    seeding,
)
