"""Marketplace facts the inventory and outbound APIs need: country, currency, time zone (reference §1.2)."""

from __future__ import annotations

from dataclasses import dataclass

from emulator.errors import InvalidInput


@dataclass(frozen=True)
class Marketplace:
    """One Amazon marketplace as far as fulfilment cares."""

    marketplace_id: str
    country: str
    currency: str
    time_zone: str


_ALL = (
    Marketplace("ATVPDKIKX0DER", "US", "USD", "America/Los_Angeles"),
    Marketplace("A2EUQ1WTGCTBG2", "CA", "CAD", "America/Toronto"),
    Marketplace("A1AM78C64UM0Y8", "MX", "MXN", "America/Mexico_City"),
    Marketplace("A2Q3Y263D00KWC", "BR", "BRL", "America/Sao_Paulo"),
    Marketplace("A1F83G8C2ARO7P", "GB", "GBP", "Europe/London"),
    Marketplace("A1PA6795UKMFR9", "DE", "EUR", "Europe/Berlin"),
    Marketplace("A13V1IB3VIYZZH", "FR", "EUR", "Europe/Paris"),
    Marketplace("APJ6JRA9NG5V4", "IT", "EUR", "Europe/Rome"),
    Marketplace("A1RKKUPIHCS9HS", "ES", "EUR", "Europe/Madrid"),
    Marketplace("A1805IZSGTT6HS", "NL", "EUR", "Europe/Amsterdam"),
    Marketplace("A2NODRKZP88ZB9", "SE", "SEK", "Europe/Stockholm"),
    Marketplace("A1C3SOZRARQ6R3", "PL", "PLN", "Europe/Warsaw"),
    Marketplace("AMEN7PMS3EDWL", "BE", "EUR", "Europe/Brussels"),
    Marketplace("A33AVAJ2PDY3EV", "TR", "TRY", "Europe/Istanbul"),
    Marketplace("A2VIGQ35RCS4UG", "AE", "AED", "Asia/Dubai"),
    Marketplace("A17E79C6D8DWNP", "SA", "SAR", "Asia/Riyadh"),
    Marketplace("ARBP9OOSHTCHU", "EG", "EGP", "Africa/Cairo"),
    Marketplace("A21TJRUUN4KGV", "IN", "INR", "Asia/Kolkata"),
    Marketplace("A28R8C7NBKEWEA", "IE", "EUR", "Europe/Dublin"),
    Marketplace("AE08WJ6YKNBMC", "ZA", "ZAR", "Africa/Johannesburg"),
    Marketplace("A1VC38T7YXB528", "JP", "JPY", "Asia/Tokyo"),
    Marketplace("A39IBJ37TRP1C6", "AU", "AUD", "Australia/Sydney"),
    Marketplace("A19VAU5U5O7RUS", "SG", "SGD", "Asia/Singapore"),
)
BY_ID = {m.marketplace_id: m for m in _ALL}
BY_COUNTRY = {m.country: m for m in _ALL} | {"UK": BY_ID["A1F83G8C2ARO7P"]}


def require(
    marketplace_id: str, participations: tuple[str, ...] | list[str], field: str = "marketplaceId"
) -> Marketplace:
    """The marketplace, if it exists and the seller sells in it; otherwise a 400 naming the field."""
    found = BY_ID.get(marketplace_id)
    if found is None:
        raise InvalidInput(
            f"Invalid {field}: {marketplace_id!r} is not a known marketplace.", f"{field}={marketplace_id}"
        )
    if participations and marketplace_id not in participations:
        raise InvalidInput(
            f"The seller does not participate in marketplace {marketplace_id}.", f"{field}={marketplace_id}"
        )
    return found
