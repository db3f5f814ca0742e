"""Contract: Fulfillment Inbound 2024-03-20."""

from contracts.sandbox import sandbox_cases_test
from contracts.schemas import contract_schema
from contracts.suite import conformance_test, stateful_test

schema = contract_schema("fulfillmentInbound_2024-03-20")
test_operation_conforms = conformance_test(schema)
test_links_hold_in_random_sequences = stateful_test("fulfillmentInbound_2024-03-20")
test_sandbox_case_parity = sandbox_cases_test("fulfillmentInbound_2024-03-20")
