"""Drivers for sellers other than the default one (a seller in another marketplace, a rival seller)."""

from __future__ import annotations

from emulator.lwa.accounts import DEFAULTS
from tests.api.outbound.support import Mcf
from tests.conftest import issue_token


def as_seller(mcf: Mcf, seller_id: str, marketplaces: tuple[str, ...]) -> Mcf:
    """A driver on the same emulator acting for a new seller `seller_id` who sells in `marketplaces`."""
    mcf.runtime.accounts.add_seller(seller_id, marketplaces)
    token = mcf.runtime.accounts.add_refresh_token(DEFAULTS.client_id, seller_id)
    other = Mcf(mcf.client, mcf.runtime)
    other.headers = {"x-amz-access-token": issue_token(mcf.client, token)}
    return other
