"""The admin API against its own OpenAPI document (specs/emulator-control.openapi.yaml), with Schemathesis.

Generated requests go to the live server's app in-process; every answer must match the document
(status, content type, headers, schema), schema-violating requests must be rejected, and no request
may produce a server error. Not checked: that every schema-valid request is accepted, because the
document cannot state every rule (a snapshot's RNG state, instants between 1970 and the year 8000,
`until` after `from`); those requests get a 400 naming the rule.
"""

from __future__ import annotations

from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from tests.budget import examples

SPEC = Path(__file__).resolve().parents[2] / "specs" / "emulator-control.openapi.yaml"
schema = schemathesis.openapi.from_path(SPEC)


@schema.parametrize()
@settings(max_examples=examples(30), deadline=None, suppress_health_check=list(HealthCheck))
def test_admin_api_matches_its_document(case, live, live_app):
    case.call_and_validate(app=live_app, excluded_checks=[positive_data_acceptance])
