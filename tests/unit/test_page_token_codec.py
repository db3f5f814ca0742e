"""The page-token codec every paged API shares: URL-safe, unpadded, and read back strictly."""

from __future__ import annotations

import re

import pytest

from emulator.context import page_token, page_token_data

DATA = b'{"after": [1764000000.5, 17]}'


def test_a_token_is_url_safe_unpadded_and_reads_back():
    token = page_token(DATA)
    assert re.fullmatch(r"[A-Za-z0-9_-]+", token)
    assert page_token_data(token) == DATA
    assert page_token_data(token + "=" * (-len(token) % 4)) == DATA  # a client that re-pads it


@pytest.mark.parametrize("where", ["end", "inside"])
@pytest.mark.parametrize("stray", [".", "....", "~~~~"])
def test_a_token_with_characters_outside_its_alphabet_is_refused(where, stray):
    token = page_token(DATA)
    tampered = token + stray if where == "end" else token[:4] + stray + token[4:]
    with pytest.raises(ValueError):
        page_token_data(tampered)
