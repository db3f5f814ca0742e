"""Reading a listing's attributes (free-form JSON) into the typed `Facts` the emulator decides on.

The attributes were validated before they are read (`validation`): every attribute is a non-empty
list of objects, offers carry their marketplace's currency and a positive price, channel codes are
known. A value that is not of the expected JSON type counts as absent.
"""

from __future__ import annotations

from typing import Any

from emulator.apis.listings.records import Attributes, Channel, ExternalId, Facts, Offer


def read(attributes: Attributes, marketplace_id: str) -> Facts:
    """The facts of a listing of `marketplace_id` with these attributes."""
    offers = []
    for offer in attributes.get("purchasable_offer", []):
        price = offer_price(offer)
        if offer.get("marketplace_id") == marketplace_id and price is not None:
            audience = offer.get("audience")
            offers.append(
                Offer(
                    currency=str(offer["currency"]),
                    price=price,
                    audience=audience if isinstance(audience, str) else "ALL",
                )
            )
    return Facts(
        item_name=_text(_first_value(attributes, "item_name")),
        condition=_text(_first_value(attributes, "condition_type")),
        main_image=_text(_first_value(attributes, "main_product_image_locator", "media_location")),
        suggested_asin=_text(_first_value(attributes, "merchant_suggested_asin")) or None,
        parent_sku=_text(_first_value(attributes, "child_parent_sku_relationship", "parent_sku")),
        offers=offers,
        channels=[_channel(e) for e in attributes.get("fulfillment_availability", [])],
        external_ids=[
            ExternalId(type=str(e.get("type", "")).upper(), value=str(e.get("value")))
            for e in attributes.get("externally_assigned_product_identifier", [])
        ],
    )


def _first_value(attributes: dict[str, Any], name: str, field: str = "value") -> Any:
    """`attributes[name][0][field]`, or None when any step is missing."""
    values = attributes.get(name)
    if isinstance(values, list) and values and isinstance(values[0], dict):
        return values[0].get(field)
    return None


def offer_price(offer: dict[str, Any]) -> float | None:
    """The offer's price: `our_price[0].schedule[0].value_with_tax`, if it is a number."""
    try:
        value = offer["our_price"][0]["schedule"][0]["value_with_tax"]
    except (KeyError, IndexError, TypeError):
        return None
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _channel(entry: dict[str, Any]) -> Channel:
    code = str(entry.get("fulfillment_channel_code"))
    quantity = entry.get("quantity") if code == "DEFAULT" else 0
    return Channel(code=code, quantity=quantity if isinstance(quantity, int) else 0)


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None
