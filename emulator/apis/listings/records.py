"""Listings records: one `Listing` per (marketplace, SKU) in the seller's `listings` table.

A listing keeps the seller's latest accepted submission (product type, requirements and the
attributes, which stay free-form JSON as the model defines them), the `Facts` the emulator reads out
of those attributes (typed, derived at every write: nothing else reads the attributes), the ASIN
and FNSKU it was given, its status and the issues processing found. `live` and `submission_id` are
the bookkeeping of asynchronous processing and are never rendered.
"""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum
from typing import Any

import msgspec

from emulator.registry import table
from emulator.state import TenantState
from emulator.state.records import Record, TableSpec

Attributes = dict[str, list[dict[str, Any]]]  # JSON: attribute name -> values, as the seller gave them


class Requirements(StrEnum):
    """What a submission carries: product facts, an offer, or both."""

    LISTING = "LISTING"
    LISTING_PRODUCT_ONLY = "LISTING_PRODUCT_ONLY"
    LISTING_OFFER_ONLY = "LISTING_OFFER_ONLY"


class ListingStatus(StrEnum):
    BUYABLE = "BUYABLE"
    DISCOVERABLE = "DISCOVERABLE"
    DELETED = "DELETED"  # only in events: the listing is gone


class Severity(StrEnum):
    ERROR = "ERROR"
    WARNING = "WARNING"
    INFO = "INFO"


class Issue(msgspec.Struct, frozen=True, kw_only=True, gc=False, omit_defaults=True):
    """A problem with a submission or a listing (an immutable value)."""

    code: str
    message: str
    severity: Severity
    attribute_names: tuple[str, ...]
    categories: tuple[str, ...]
    enforcement: str | None = None  # the enforcement action taken (never exempt)
    marketplace_id: str | None = None


class Offer(Record):
    """A priced `purchasable_offer` of the listing's marketplace."""

    currency: str
    price: float
    audience: str = "ALL"


class Channel(Record):
    """A `fulfillment_availability` entry."""

    code: str
    quantity: int = 0  # what the seller wrote for DEFAULT; FBA channels report FBA's stock instead

    @property
    def fba(self) -> bool:
        """Whether Amazon fulfils through this channel (`AMAZON_NA`, `AMAZON_EU`, ...)."""
        return self.code.startswith("AMAZON_")


class ExternalId(Record):
    """An `externally_assigned_product_identifier` (type upper-cased: EAN, UPC, ...)."""

    type: str
    value: str


class Facts(Record):
    """What the emulator reads out of a listing's attributes."""

    item_name: str | None = None
    condition: str | None = None
    main_image: str | None = None  # the main image's media_location
    suggested_asin: str | None = None
    parent_sku: str | None = None  # child_parent_sku_relationship
    offers: list[Offer] = []
    channels: list[Channel] = []
    external_ids: list[ExternalId] = []

    @property
    def fba(self) -> bool:
        """Whether the offer is fulfilled by Amazon: a channel is `AMAZON_NA`, `AMAZON_EU`, ..."""
        return any(c.fba for c in self.channels)


class Listing(Record):
    """One SKU in one marketplace."""

    sku: str
    marketplace_id: str
    created_at: float
    updated_at: float = 0.0
    product_type: str = ""
    requirements: Requirements = Requirements.LISTING
    attributes: Attributes = {}
    facts: Facts = msgspec.field(default_factory=Facts)
    asin: str = ""
    fn_sku: str | None = None
    status: tuple[ListingStatus, ...] = ()
    issues: tuple[Issue, ...] = ()  # found by asynchronous processing
    # bookkeeping of asynchronous processing, never rendered
    live: bool = False  # processed at least once
    # `facts.fba` as of the latest processing, what MCF goes by (`published`); True until first processed,
    # so that live listings of older snapshots (when every SKU was fulfillable) keep their offer
    fba_offer: bool = True
    submission_id: str = ""  # the latest accepted write: processing of an earlier one is stale

    def accept(
        self,
        now: float,
        submission_id: str,
        product_type: str,
        requirements: Requirements,
        attributes: Attributes,
        facts: Facts,
        identity: tuple[str, str | None],
    ) -> None:
        """Take an accepted write: its content replaces the listing's, and pending processing is stale."""
        self.product_type, self.requirements = product_type, requirements
        self.attributes, self.facts = attributes, facts
        self.asin, self.fn_sku = identity
        self.updated_at, self.submission_id = now, submission_id


class Verdict(StrEnum):
    """How a write was judged (`status` of a ListingsItemSubmissionResponse)."""

    ACCEPTED = "ACCEPTED"
    INVALID = "INVALID"
    VALID = "VALID"  # only with mode=VALIDATION_PREVIEW


class Submission(msgspec.Struct, frozen=True, kw_only=True, gc=False):
    """A judged write: its id, the verdict, the issues found and the ASIN of the product (unless INVALID)."""

    submission_id: str
    verdict: Verdict
    issues: tuple[Issue, ...]
    asin: str | None = None


class PendingProcessing(Record):
    """The payload of a scheduled `listings.process`: which write of which listing to process."""

    marketplace_id: str
    sku: str
    submission_id: str


LISTINGS = table(TableSpec("listings", Listing))


def key(marketplace_id: str, sku: str) -> str:
    return f"{marketplace_id}/{sku}"


def find(tenant: TenantState, marketplace_id: str, sku: str) -> Listing | None:
    return tenant.table(LISTINGS).get(key(marketplace_id, sku))


def save(tenant: TenantState, listing: Listing) -> Listing:
    return tenant.table(LISTINGS).put(key(listing.marketplace_id, listing.sku), listing)


def remove(tenant: TenantState, listing: Listing) -> None:
    tenant.table(LISTINGS).delete(key(listing.marketplace_id, listing.sku))


def in_marketplaces(tenant: TenantState, marketplace_ids: list[str]) -> Iterator[Listing]:
    """Every listing of the named marketplaces."""
    wanted = set(marketplace_ids)
    return (r for r in tenant.table(LISTINGS).values() if r.marketplace_id in wanted)
