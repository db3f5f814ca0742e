"""Reproducible identifiers of the outbound APIs (feature-inventory page tokens, Amazon tracking numbers,
shipment ids): twelve decimal digits unless asked otherwise, the same for the same inputs across runs."""

from __future__ import annotations

from emulator.apis.outbound import text


def test_a_derived_identifier_is_twelve_digits_fixed_by_its_inputs():
    assert text.derived("Blank Box", "MUG-01") == "027852353771"
    assert text.derived("Blank Box", "MUG-02") != text.derived("Blank Box", "MUG-01")


def test_a_derived_identifier_takes_the_length_and_alphabet_asked_for():
    short = text.derived("Blank Box", "MUG-01", length=5, alphabet="AB")
    assert len(short) == 5 and set(short) <= {"A", "B"}
