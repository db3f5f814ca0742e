"""Money as the outbound APIs accept it in requests: RFC 7159 decimal text and an ISO 4217 currency.

Amazon's models declare every amount as a `Decimal` string ("a decimal number ... follows RFC7159") and
every currency as "three digit currency code in ISO 4217 format". Choice where the docs are silent: no
request amount may be negative (declared values, prices, taxes and cash-on-delivery charges are all
what a buyer pays); zero is accepted.
"""

from __future__ import annotations

import re

from emulator.apis.outbound.records import Money
from emulator.errors import InvalidInput

DECIMAL = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?\Z")
CURRENCIES = frozenset(
    """AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD
    CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD
    GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT
    LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR
    NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP
    STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VES VND VUV WST XAF XCD XCG
    XOF XPF YER ZAR ZMW ZWG""".split()  # noqa: SIM905
)
"""Active ISO 4217 currency codes."""


def money_in(currency: str, amount: str, field: str, amount_key: str) -> Money:
    """A request's amount of money, or a 400 naming the field at fault: `field`.currencyCode, or the
    amount (`field`.`amount_key`: `value` in 2020-07-01, `amount` in 2026-07-04)."""
    if currency not in CURRENCIES:
        raise InvalidInput(
            f"{field}.currencyCode must be an ISO 4217 currency code (got {currency!r}).",
            f"{field}.currencyCode={currency}",
        )
    field = f"{field}.{amount_key}"
    if not DECIMAL.match(amount):
        raise InvalidInput(f"{field} {amount!r} is not a decimal number.", f"{field}={amount}")
    if amount.startswith("-"):
        raise InvalidInput(f"{field} must not be negative (got {amount!r}).", f"{field}={amount}")
    return Money(currency_code=currency, amount=amount)
