"""Listings Items API 2021-08-01 ("offers"): stateful listings per seller, SKU and marketplace.

`records` holds the typed listing (`facts` reads its free-form attributes), `identity` its ASIN and
FNSKU (shared with FBA inventory), `validation` and `patches` judge writes, `submissions` stores them
and runs asynchronous processing on the emulator clock, `status` keeps BUYABLE/DISCOVERABLE (also as
FBA stock moves) and records `events`, `wire` renders, `search` filters and pages, `handlers` binds,
`published` answers other APIs (is a SKU offered for FBA? what is its product name?).
"""

from emulator.apis.listings import handlers, published  # noqa: F401  (bind operations and product names)
