"""Choosing one of the options a plan was offered (packing or placement): the checks both confirmations make,
and the statuses the options take once one is accepted."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

import msgspec

from emulator.apis.inbound import operations
from emulator.apis.inbound.records import InboundPlan, OptionStatus, PackingOption, PlacementOption
from emulator.apis.inbound.refusals import bad_request, missing
from emulator.apis.jobs import Job
from emulator.context import Call

Option = TypeVar("Option", PackingOption, PlacementOption)


@dataclass(frozen=True)
class Choice:
    """One kind of option: where the plan keeps them, the id parameter, and the operations around it."""

    what: str  # "packing" or "placement"
    id_param: str  # packingOptionId
    generate: str  # the operation that offers them
    confirm: str  # the operation that accepts one
    missing: str  # Amazon's message for an id the plan was never offered

    def offered(self, plan: InboundPlan) -> Sequence[PackingOption | PlacementOption]:
        found: Sequence[PackingOption | PlacementOption] = getattr(plan, f"{self.what}_options")
        return found

    def confirmed(self, plan: InboundPlan) -> str | None:
        found: str | None = getattr(plan, f"{self.what}_option_id")
        return found


PACKING = Choice(
    "packing",
    "packingOptionId",
    "generatePackingOptions",
    "confirmPackingOption",
    "The requested packingOptionId does not exist for the given inbound plan.",
)
PLACEMENT = Choice(
    "placement",
    "placementOptionId",
    "generatePlacementOptions",
    "confirmPlacementOption",
    "The requested placementOptionId does not exist for the given inbound plan.",
)


def undecided(plan: InboundPlan, choice: Choice) -> None:
    """400 once an option of this kind is accepted: it can be neither offered anew nor chosen again."""
    accepted = choice.confirmed(plan)
    if accepted is not None:
        raise bad_request(
            f"A {choice.what} option is already confirmed for this inbound plan.",
            f"{choice.id_param}={accepted}",
        )


def confirm(call: Call, plan_id: str, option_id: str, choice: Choice) -> Job:
    """Start accepting an offered, unexpired option of a plan that has none of its kind accepted yet."""
    plan = operations.open_plan(call, plan_id)
    option = next((o for o in choice.offered(plan) if o.option_id == option_id), None)
    if option is None:
        raise missing(choice.missing, f"{choice.id_param}={option_id}")
    undecided(plan, choice)
    if option.status is not OptionStatus.OFFERED or call.clock.timestamp() >= option.expires_at:
        raise bad_request(
            f"The {choice.what} option has expired: call {choice.generate} again.",
            f"{choice.id_param}={option_id}",
        )
    return operations.begin(call, plan, choice.confirm, {choice.id_param: option_id})


def settled(options: tuple[Option, ...], chosen: str) -> tuple[Option, ...]:
    """The options once `chosen` is accepted: it ACCEPTED, every other one EXPIRED."""
    return tuple(
        msgspec.structs.replace(
            o, status=OptionStatus.ACCEPTED if o.option_id == chosen else OptionStatus.EXPIRED
        )
        for o in options
    )
