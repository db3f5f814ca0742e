"""Contract: Reports 2021-06-30."""

from contracts.schemas import contract_schema
from contracts.suite import conformance_test

schema = contract_schema("reports_2021-06-30")
test_operation_conforms = conformance_test(schema)
