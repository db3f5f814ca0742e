"""The searchListingsItems page-token rule: a token reads back to its offset for the query it was
issued for, up to the last reachable offset (999); an offset at or past the 1000-match limit is refused."""

from __future__ import annotations

import pytest

from emulator.apis.listings import search
from emulator.errors import InvalidInput

DIGEST = search._digest({"sellerId": "S", "marketplaceIds": ["M"]})


@pytest.mark.parametrize("offset", [0, 1, 10, 999])
def test_a_token_reads_back_to_its_offset(offset):
    assert search._offset(search._token(offset, DIGEST), DIGEST) == offset


@pytest.mark.parametrize("offset", [1000, 1001])
def test_an_offset_past_the_reachable_matches_is_refused(offset):
    token = search._token(offset, DIGEST)
    with pytest.raises(InvalidInput) as refused:
        search._offset(token, DIGEST)
    assert refused.value.details == f"pageToken={token}"
