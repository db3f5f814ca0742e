"""The reviewed allow-list: schema-valid requests SP-API rejects on purpose.

Amazon's models describe the shape of a request, not the business rules behind it, so a request
schemathesis generates as valid can still be refused (an order id already used, a marketplace the
seller does not sell in). Such a refusal fails `positive_data_acceptance` (ST202) unless it is declared
here. Each entry names the operation, the SP-API error code and a fragment of the message the emulator
answers with, so one entry explains exactly one rule and never a whole operation; its reason ties the
rule to Amazon's documented behaviour. Anything else a check finds stays a failure.
"""

from __future__ import annotations

from dataclasses import dataclass

import orjson

from contracts import world_inbound_transport as transport_world


@dataclass(frozen=True)
class Allowance:
    """A business rejection of schema-valid data that Amazon documents, on the operations it applies to."""

    operations: tuple[str, ...]
    code: str
    message: str  # a fragment of the error message the rule answers with
    reason: str

    def matches(self, operation_id: str, code: str, message: str) -> bool:
        return operation_id in self.operations and code == self.code and self.message in message


_MARKETPLACE_OPS = (
    "createInventoryItem",
    "deleteInventoryItem",
    "addInventory",
    "getInventorySummaries",
    "createFulfillmentOrder",
    "getFulfillmentPreview",
    "getFeatures",
    "getFeatureInventory",
    "getFeatureSKU",
    "listReturnReasonCodes",
)
_SUBSCRIPTION_OPS = (
    "getSubscription",
    "createSubscription",
    "getSubscriptionById",
    "deleteSubscriptionById",
    "getSubscriptions",
    "sendTestNotification",
)
_ORDERS_2026 = ("createOrder", "getOrderPreview", "getOffers", "updateOrder", "updateOrderStatus")
_NEW_ORDERS = ("createFulfillmentOrder", "getFulfillmentPreview", "createOrder", "getOrderPreview")
_LISTINGS_OPS = (
    "getListingsItem",
    "putListingsItem",
    "patchListingsItem",
    "deleteListingsItem",
    "searchListingsItems",
)
_EMPTY_OPS = (*_MARKETPLACE_OPS, "getSubscriptions")
_MONEY_OPS = (*_NEW_ORDERS, "updateFulfillmentOrder", "updateOrder", "getOffers")
_I = "InvalidInput"
_B = "BAD_REQUEST"  # Listings Items' spelling of a 400 (errors.INVALID_INPUT_CODES)
_REPORT_REQUESTS = ("createReport", "createReportSchedule")
_INBOUND_STEPS = (
    "cancelInboundPlan",
    "generatePackingOptions",
    "confirmPackingOption",
    "setPackingInformation",
    "generatePlacementOptions",
    "confirmPlacementOption",
    "updateShipmentSourceAddress",
)

ALLOWANCES: tuple[Allowance, ...] = (
    Allowance(
        (*_REPORT_REQUESTS, "getReports", "getReportSchedules"),
        _I,
        "is not a report type",
        "reportType is a string in the model; Amazon's sandbox refuses names outside its report type list",
    ),
    Allowance(
        _REPORT_REQUESTS,
        _I,
        "is not a known marketplace",
        "marketplace ids are a closed set Amazon lists; any other id is answered 400 InvalidInput",
    ),
    Allowance(
        ("getReports",),
        _I,
        "nextToken",
        "the docs: getReports takes reportTypes or a nextToken it issued, and no other parameter with it",
    ),
    Allowance(
        ("getReports",),
        _I,
        "Either reportTypes or nextToken is required",
        "the docs: reportTypes is required unless nextToken is given",
    ),
    Allowance(
        (*_REPORT_REQUESTS, "getReports"),
        _I,
        "must not be after",
        "a date range that ends before it starts selects nothing; SP-API refuses it",
    ),
    Allowance(
        (*_REPORT_REQUESTS, "getReports"),
        _I,
        "is out of range",
        "a date-time outside the years the clock spans (say 0001 or 9999) names no instant of a report",
    ),
    Allowance(
        _REPORT_REQUESTS,
        _I,
        "Invalid reportOptions.",
        "the report types' docs list the values of their options (ledger aggregation and event types)",
    ),
    Allowance(
        _MARKETPLACE_OPS,
        _I,
        "is not a known marketplace",
        "marketplace ids are a closed set Amazon lists; any other id is answered 400 InvalidInput",
    ),
    *(
        Allowance(
            operations,
            code,
            "must not be empty.",
            "an empty marketplace id, SKU, granularity or idempotency token names nothing; SP-API: 400",
        )
        for operations, code in (((*_EMPTY_OPS, "getReportSchedules"), _I), (_LISTINGS_OPS, _B))
    ),
    Allowance(
        _SUBSCRIPTION_OPS,
        _I,
        "is not valid.",
        "notificationType is a string in the model but one of the types the Notifications docs list",
    ),
    Allowance(
        _ORDERS_2026,
        _I,
        "is not supported",
        "MCF ships from and to the countries of the marketplaces it serves; others are refused",
    ),
    Allowance(
        _ORDERS_2026,
        _I,
        "must be one of",
        "action, policy, serviceTiers and status are strings in the 2026 model; its docs list the values",
    ),
    Allowance(
        ("deliveryOffers",),
        _I,
        "Unsupported origin countryCode",
        "delivery offers are made for the countries MCF ships from; others are refused",
    ),
    Allowance(
        ("addInventory",),
        _I,
        'is not of type "integer"',
        "Swagger 2.0 is JSON Schema draft 4: a quantity written with an exponent (1e21) is not an integer",
    ),
    Allowance(_ORDERS_2026, _I, "must be EACHES", "the 2026 docs give EACHES as the only quantity unit"),
    Allowance(_ORDERS_2026, _I, "is not a decimal number", "amount.value is a decimal number in a string"),
    Allowance(
        ("createOrder", "getOrderPreview"),
        _I,
        "must be a whole number of eaches",
        "quantities in EACHES count units: a fraction or an infinity is no quantity",
    ),
    Allowance(
        ("getOrderPreview", "createOrder"),
        _I,
        "does not participate in marketplace",
        "a seller can only order in marketplaces it participates in (see getMarketplaceParticipations)",
    ),
    Allowance(
        _MONEY_OPS,
        _I,
        "must be an ISO 4217 currency code",
        "currencyCode is a free string in the models; Amazon's docs define it as an ISO 4217 code",
    ),
    Allowance(
        _MONEY_OPS,
        _I,
        "is not a decimal number",
        "money values are decimal numbers written as strings (the models' Decimal type)",
    ),
    Allowance(
        _MONEY_OPS,
        _I,
        "must not be negative",
        "declared values, prices, taxes and COD charges are amounts owed; a negative one is refused",
    ),
    Allowance(
        ("createOrder", "getOrderPreview", "getOffers"),
        _I,
        "the amazonSku of",
        "a line must name a SKU the seller stocks (2026-07-04 names it amazonSku)",
    ),
    Allowance(_NEW_ORDERS, _I, "At least one item is required", "Amazon refuses an order without items"),
    Allowance(("addInventory",), _I, "at least one item", "a stock addition without items changes nothing"),
    Allowance(
        _NEW_ORDERS,
        _I,
        "the SellerSKU for Item Id",
        "an order line must name a SKU the seller stocks; Amazon answers with this very message",
    ),
    Allowance(
        ("listReturnReasonCodes",),
        _I,
        "The SellerSKU",
        "return reasons are listed for a SKU the seller has; an unknown one is refused",
    ),
    Allowance(
        ("createFulfillmentOrder", "createOrder"),
        _I,
        "must be 1 to 40 characters",
        "the docs limit order ids to 40 letters, digits, hyphens and underscores",
    ),
    Allowance(
        ("getFulfillmentPreview", "createFulfillmentOrder"), _I, "at most 250 units", "MCF caps an order"
    ),
    Allowance(
        ("createFulfillmentOrder", "getFulfillmentPreview", "updateFulfillmentOrder"),
        _I,
        "quantity must be positive",
        "an order line ships at least one unit; the model's integer has no minimum, Amazon's rule does",
    ),
    Allowance(
        ("createFulfillmentOrder",),
        _I,
        "displayableOrderId must not start or end with spaces",
        "displayableOrderId is printed on the packing slip and must be a clean, trimmed id",
    ),
    Allowance(("getFeatureInventory",), _I, "is not a valid feature name", "features are a closed set"),
    Allowance(
        ("listAllFulfillmentOrders", "listOrders", "getInventorySummaries", "searchListingsItems"),
        _I,
        "Token is invalid.",
        "a page token is only valid as the emulator issued it; SP-API refuses made-up tokens",
    ),
    Allowance(
        ("getInventorySummaries",),
        _I,
        "granularityId must be the marketplace",
        "the docs: granularityId is the marketplace id when granularityType is Marketplace",
    ),
    Allowance(
        ("submitFulfillmentOrderStatusUpdate",),
        _I,
        "fulfillmentOrderStatus is required",
        "a status update without a status has nothing to apply",
    ),
    *(
        Allowance(
            operations,
            code,
            "has more than",
            "these csv lists have maxItems: a generated value holding a comma is two values on the wire",
        )
        for operations, code in (
            (("getInventorySummaries", "getSubscriptions", "getReports", "getReportSchedules"), _I),
            (("putListingsItem", "deleteListingsItem", "searchListingsItems"), _B),
        )
    ),
    Allowance(
        ("createFulfillmentOrder",),
        _I,
        "already exists",
        "sellerFulfillmentOrderId is unique per seller; a remote target keeps the orders of earlier runs",
    ),
    Allowance(
        ("updateFulfillmentOrder", "updateOrder"),
        _I,
        "can no longer be updated",
        "a cancelled or completed order cannot be changed; links reach such orders on a target never reset",
    ),
    Allowance(
        ("submitFulfillmentOrderStatusUpdate",),
        _I,
        "Cannot move fulfillment order",
        "the sandbox's status update follows the order lifecycle, whose final statuses are never left",
    ),
    Allowance(
        ("createDestination",),
        _I,
        "Exactly one of sqs or eventBridge",
        "the docs: a destination's resourceSpecification names one SQS queue or one EventBridge account",
    ),
    Allowance(
        ("createDestination",),
        _I,
        "The SQS ARN is not valid",
        "the docs: an SQS destination is the ARN of an existing queue (arn:aws:sqs:region:account:name)",
    ),
    Allowance(
        ("createDestination",),
        _I,
        "must not be empty",
        "an EventBridge destination needs the account and region it delivers to",
    ),
    Allowance(
        _INBOUND_STEPS,
        "BadRequest",
        "is still in progress on this inbound plan",
        "Inbound's steps are asynchronous: the next step waits until the last operation on the plan ended",
    ),
    Allowance(
        _INBOUND_STEPS,
        "BadRequest",
        "failed to be created and cannot be changed",
        "a plan whose creation failed is ERRORED, a final status: no later step applies to it",
    ),
    Allowance(
        ("createInboundPlan",),
        "BadRequest",
        "Invalid destinationMarketplace provided.",
        "marketplace ids are a closed set; text that cannot be one is refused at once (the static case)",
    ),
)


# Fulfillment Inbound, the transport side (transportation, windows, appointments, tracking, previews,
# challan; item settings and labels; v0). 2024-03-20 answers its 400s with code BadRequest, v0 with
# `Invalid Input`.
_TRANSPORT_PLAN_OPS, _ITEM_OPS = transport_world.PLAN_OPERATIONS, transport_world.ITEM_OPERATIONS
_V0_OPS = transport_world.V0_OPERATIONS
_V0_SHIPMENT_OPS = tuple(op for op in _V0_OPS if op != "getPrepInstructions")
_B, _V0 = "BadRequest", "Invalid Input"
ALLOWANCES += (
    Allowance(
        _TRANSPORT_PLAN_OPS,
        _B,
        "The inboundPlanId is malformed.",
        "plan ids are the 38-character wf... ids Amazon issues; the static sandbox refuses others so",
    ),
    Allowance(
        _TRANSPORT_PLAN_OPS,
        "NotFound",
        "does not exist",
        "plans, shipments and previews are the seller's own; what a fresh id names does not exist (404)",
    ),
    Allowance(
        _TRANSPORT_PLAN_OPS,
        "NotFound",
        "was not offered",
        "options, windows and slots are the ones offered for the shipment; a fresh id names none (404)",
    ),
    Allowance(
        _TRANSPORT_PLAN_OPS,
        _B,
        "is still in progress on this inbound plan",
        "Inbound's steps are asynchronous: a step waits until the last operation on the plan ended",
    ),
    Allowance(
        _TRANSPORT_PLAN_OPS,
        _B,
        "call ",
        "Amazon enforces the workflow's order; a step taken early names the operation to call first",
    ),
    Allowance(
        _ITEM_OPS,
        _B,
        "is not a known marketplace",
        "marketplace ids are a closed set Amazon lists; any other id is refused",
    ),
    Allowance(
        _ITEM_OPS,
        _B,
        "The seller does not participate",
        "item settings and labels exist in the marketplaces the seller sells in",
    ),
    Allowance(
        _ITEM_OPS,
        "NotFound",
        "does not exist in marketplace",
        "item operations name the seller's SKUs (FBA inventory or a listing) in the marketplace",
    ),
    Allowance(_ITEM_OPS, _B, "is named more than once", "one entry per MSKU"),
    Allowance(
        ("createMarketplaceItemLabels",),
        _B,
        "has no FNSKU",
        "item labels carry the FNSKU, which only SKUs fulfilled by Amazon have",
    ),
    Allowance(
        ("createMarketplaceItemLabels",),
        _B,
        "labels need",
        "the docs: pageType is required for STANDARD_FORMAT, width and height for THERMAL_PRINTING",
    ),
    Allowance(
        ("setPrepDetails",),
        _B,
        "prep",
        "prep types must fit the category: ITEM_NO_PREP alone, and the only type of category NONE",
    ),
    Allowance(
        ("updateItemComplianceDetails",),
        _B,
        "must not be negative",
        "a declared value is an amount of money, never negative",
    ),
    *(
        Allowance(_V0_OPS, _V0, fragment, reason)
        for fragment, reason in (
            ("is not a known marketplace", "marketplace ids are a closed set Amazon lists"),
            ("does not participate", "v0 answers for the marketplaces the seller sells in"),
            ("is not a country Amazon ships to", "ShipToCountryCode is a country with an Amazon marketplace"),
            ("query needs", "the docs: a DATE_RANGE query needs both bounds"),
            ("must not be before", "a date range ends after it starts"),
            ("NextToken", "a NextToken is one v0 issued, for the same marketplace"),
            ("Submit either", "the docs: getPrepInstructions takes SellerSKUList or ASINList, not both"),
            ("once transportation is confirmed", "the docs: labels follow a confirmed transportation option"),
            ("Amazon-partnered LTL", "the docs: bills of lading exist for partnered LTL shipments"),
            ("labels need", "the docs: PALLET labels are printed per NumberOfPallets"),
            ("select no labels", "PageStartIndex and PageSize select a range of the shipment's labels"),
            ("boxes.", "NumberOfPackages cannot exceed the shipment's boxes"),
        )
    ),
    Allowance(
        _V0_SHIPMENT_OPS,
        "NotFound",
        "The shipment does not exist.",
        "v0 names the seller's confirmed shipments (their FBA... shipmentConfirmationIds)",
    ),
    Allowance(
        ("getLabels",),
        "IncorrectPackageIdentifier",
        "not in the shipment",
        "the docs: PackageLabelsToPrint must name box ids of the shipment (from listShipmentBoxes)",
    ),
    Allowance(
        _V0_OPS,
        _I,
        "must not be empty.",
        "an empty marketplace id, country code or query type names nothing; SP-API answers 400",
    ),
)


def error_of(content: bytes) -> tuple[str, str]:
    """(code, message) of the first error in an SP-API error body, or empty strings."""
    try:
        document = orjson.loads(content) if content else None
    except orjson.JSONDecodeError:
        return "", ""
    errors = document.get("errors") if isinstance(document, dict) else None
    if not isinstance(errors, list) or not errors or not isinstance(errors[0], dict):
        return "", ""
    first = errors[0]
    return str(first.get("code", "")), str(first.get("message", ""))


def explain(operation_id: str, content: bytes) -> Allowance | None:
    """The allowance that explains this rejection, or None."""
    code, message = error_of(content)
    return next((a for a in ALLOWANCES if a.matches(operation_id, code, message)), None)
