"""Notifications v1: destinations, subscriptions and test notifications (reference §11).

State only: `handlers` binds the 10 operations over `destinations` and `subscriptions`. Turning domain
events into notifications and delivering them is `emulator.notifications`' job; no emitting API
imports either. LIMITATIONS: six MCF-relevant notification types (those with a published payload
schema) are emitted; Amazon's other types can be subscribed to but never fire; CEL filter
expressions are refused.
"""

from emulator.apis.notifications import handlers  # noqa: F401  (binds the operations)
