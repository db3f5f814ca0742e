"""What differs between Outbound 2020-07-01 and 2026-07-04 requests beyond their shapes: the field names
an error speaks of, and the countries that offer the Priority speed.

The neutral code (orders, planning, previews) is handed the dialect of the request it serves, so each
version's errors name that version's fields, never the other's.
"""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Dialect:
    """One version's vocabulary for errors, and where it offers Priority."""

    order_id: str
    line_id: str
    sku: str
    quantity: str
    lines: str
    address: str
    speed: str
    line_label: str
    """How an error names one line; `{line}` is the line's id."""
    unknown_sku: str
    """The message for a SKU the seller does not have; `{line}` is the line's id."""
    priority_countries: tuple[str, ...]

    def line(self, line_id: str) -> str:
        """How an error names one line."""
        return self.line_label.format(line=line_id)


V2020 = Dialect(
    order_id="sellerFulfillmentOrderId",
    line_id="sellerFulfillmentOrderItemId",
    sku="sellerSku",
    quantity="quantity",
    lines="items",
    address="destinationAddress",
    speed="shippingSpeedCategory",
    line_label="sellerFulfillmentOrderItemId {line}",
    unknown_sku="the SellerSKU for Item Id: {line} is invalid.",  # Amazon's observed wording
    priority_countries=("US", "CA", "MX", "IN"),
)
V2026 = Dialect(
    order_id="orderId",
    line_id="lineItemId",
    sku="amazonSku",
    quantity="amount.value",
    lines="lineItems",
    address="deliveryAddress",
    speed="serviceTiers",
    line_label="lineItemId {line}",
    unknown_sku="the amazonSku of lineItemId {line} is invalid.",
    priority_countries=(
        "CA",
        "MX",
        "IN",
    ),  # the model: PRIORITY "only available in Canada, India, and Mexico"
)
V2026_PREVIEW = replace(
    V2026, line_label="lineItems[{line}]", unknown_sku="the amazonSku of lineItems[{line}] is invalid."
)
"""getOrderPreview's line items have no ids: errors name them by position."""
