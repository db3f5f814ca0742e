"""Contract: Listings Items 2021-08-01."""

from contracts.sandbox import sandbox_cases_test
from contracts.schemas import contract_schema
from contracts.suite import conformance_test, stateful_test

schema = contract_schema("listingsItems_2021-08-01")
test_operation_conforms = conformance_test(schema)
test_links_hold_in_random_sequences = stateful_test("listingsItems_2021-08-01")
test_sandbox_case_parity = sandbox_cases_test("listingsItems_2021-08-01")
