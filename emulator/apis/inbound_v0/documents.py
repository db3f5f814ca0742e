"""getLabels and getBillOfLading: the shipment's box or pallet labels and its bill of lading, as PDFs.

Labels exist once transportation is confirmed. `UNIQUE` and `BARCODE_2D` labels are one per box (box ids
from listShipmentBoxes; `PackageLabelsToPrint` picks some, any other id is `IncorrectPackageIdentifier`),
`PALLET` labels one per pallet (`NumberOfPallets`). `PageStartIndex` and `PageSize` select a range of
the labels. A bill of lading exists for Amazon-partnered LTL freight only.
"""

from __future__ import annotations

from emulator.apis.inbound import guards, labels
from emulator.apis.inbound import transport_records as records
from emulator.apis.inbound.shipments import Shipment
from emulator.context import Call
from emulator.errors import InvalidInput

MAX_PAGE = 1000


def _transported(call: Call, shipment: Shipment, what: str) -> records.Logistics:
    logistics = records.of(call.tenant, shipment)
    if logistics.chosen is None:
        raise InvalidInput(
            f"{what} exist once transportation is confirmed: call confirmTransportationOptions first.",
            f"shipmentId={shipment.shipment_confirmation_id}",
        )
    return logistics


def labels_url(call: Call, shipment: Shipment) -> str:
    """The link to the labels the call asks for."""
    _transported(call, shipment, "Labels")
    params = call.params
    if params["LabelType"] == "PALLET":
        count = params.get("NumberOfPallets")
        if not count or count < 1:
            raise InvalidInput("PALLET labels need NumberOfPallets of at least 1.", "NumberOfPallets")
        sheets = labels.pallet_sheets(shipment, int(count))
    else:
        boxes = [b for b in shipment.boxes if b.box_id is not None]
        wanted = params.get("PackageLabelsToPrint")
        if wanted:
            known = {b.box_id for b in boxes}
            for box_id in wanted:
                if box_id not in known:
                    raise InvalidInput(
                        "PackageLabelsToPrint names a box that is not in the shipment.",
                        f"PackageLabelsToPrint={box_id}",
                        code="IncorrectPackageIdentifier",
                    )
            boxes = [b for b in boxes if b.box_id in set(wanted)]
        elif params.get("NumberOfPackages") is not None and params["NumberOfPackages"] > len(boxes):
            raise InvalidInput(
                f"The shipment has {len(boxes)} boxes.", f"NumberOfPackages={params['NumberOfPackages']}"
            )
        sheets = labels.box_sheets(shipment, boxes)
    start, size = params.get("PageStartIndex") or 0, params.get("PageSize") or MAX_PAGE
    if start < 0 or not 1 <= size <= MAX_PAGE or (sheets and start >= len(sheets)):
        raise InvalidInput(
            "PageStartIndex and PageSize select no labels.", f"PageStartIndex={start}, PageSize={size}"
        )
    url, _ = labels.publish(call, "Shipment labels", sheets[start : start + size], "labels.pdf")
    return url


def bill_of_lading_url(call: Call, shipment: Shipment) -> str:
    """The link to the bill of lading of a partnered LTL shipment."""
    logistics = _transported(call, shipment, "Bills of lading")
    chosen = guards.chosen(logistics, "get a bill of lading")
    if not (chosen.partnered and chosen.freight):
        raise InvalidInput(
            "A bill of lading exists only for Amazon-partnered LTL shipments.",
            f"shipmentId={shipment.shipment_confirmation_id}",
        )
    freight_bill = logistics.tracking.freight_bill_number if logistics.tracking else None
    sheets = labels.bill_of_lading(shipment, chosen.carrier_name, freight_bill)
    url, _ = labels.publish(call, "Bill of lading", sheets, "bill-of-lading.pdf")
    return url
