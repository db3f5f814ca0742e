"""Fulfillment Inbound 2024-03-20: inbound plans as one state machine each, and their shipments.

`records` holds the plan (items, packing and placement options, boxes) and the shipments; `plans`,
`packing` and `placement` take the workflow's steps in Amazon's order (asynchronous ones run as jobs,
`operations`); `lifecycle` moves shipments and their units on the clock, `receipts` receives them;
`shipments` is the facade other modules read through; `wire` renders; `handlers*` bind the operations.
"""

from emulator.apis.inbound import handlers_plans, handlers_shipments, lifecycle, seeding  # noqa: F401  (bind)
from emulator.apis.inbound import handlers_items, handlers_transport  # noqa: F401  (the transport side)
