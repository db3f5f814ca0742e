"""Fulfilment centres a shipment can be placed at, per marketplace country (two where Amazon has many).

Where a country is not listed, one centre is named after the country so that every marketplace can take
inbound shipments.
"""

from __future__ import annotations

from emulator.apis.inbound.records import Address, Destination


def _centre(
    warehouse_id: str, line1: str, city: str, state: str | None, postal: str, country: str
) -> Destination:
    address = Address(
        name=warehouse_id,
        company_name="Amazon.com Services",
        address_line1=line1,
        city=city,
        state_or_province_code=state,
        postal_code=postal,
        country_code=country,
    )
    return Destination(warehouse_id=warehouse_id, address=address)


CENTRES: dict[str, tuple[Destination, ...]] = {
    "US": (
        _centre("ONT8", "24300 Nandina Ave", "Moreno Valley", "CA", "92551", "US"),
        _centre("ABE8", "401 Independence Rd", "Florence", "NJ", "08518", "US"),
    ),
    "CA": (
        _centre("YYZ4", "8050 Heritage Rd", "Brampton", "ON", "L6Y 0C9", "CA"),
        _centre("YVR2", "450 Derwent Pl", "Delta", "BC", "V3M 5Y9", "CA"),
    ),
    "GB": (
        _centre("LBA4", "Unit 1 Iport Avenue", "Doncaster", None, "DN11 0BG", "GB"),
        _centre("BHX4", "Plot 1 Lyons Park", "Coventry", None, "CV5 9PF", "GB"),
    ),
    "DE": (
        _centre("FRA7", "Am Schloss Eichhof 1", "Frankenthal", None, "67227", "DE"),
        _centre("LEJ1", "Amazonstrasse 1", "Leipzig", None, "04347", "DE"),
    ),
    "JP": (_centre("NRT5", "2-1 Minamiyawata", "Ichikawa", "Chiba", "272-0023", "JP"),),
}


def centres(country: str) -> tuple[Destination, ...]:
    """The centres of `country`, at least one."""
    return CENTRES.get(country) or (
        _centre(f"{country}01", "1 Fulfilment Way", "Central", None, "10000", country),
    )
