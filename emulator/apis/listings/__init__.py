"""Listings Items API 2021-08-01 ("offers"): stateful listings per seller, SKU and marketplace.

`records` stores listings and their identity (ASIN/FNSKU shared with FBA inventory), `validation`
and `patches` judge submissions, `submissions` answers writes and runs asynchronous processing on
the emulator clock, `views` renders items, `search` filters and pages, `handlers` binds operations.
"""

from emulator.apis.listings import handlers  # noqa: F401  (binds the operations)
