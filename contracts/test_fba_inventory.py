"""Contract: FBA Inventory v1."""

from contracts.schemas import contract_schema
from contracts.suite import conformance_test, stateful_test

schema = contract_schema("fbaInventory")
test_operation_conforms = conformance_test(schema)
test_links_hold_in_random_sequences = stateful_test("fbaInventory")
