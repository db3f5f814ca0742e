"""The update index when a status change empties a block that is not the only one (stored as a state file
keeps it, each table read a fresh copy): the block goes, the one directory that is kept no longer lists it,
and the orders still list once each by their last change."""

from __future__ import annotations

from unittest.mock import patch

from emulator.apis.outbound import update_index
from emulator.registry import registry
from emulator.state import Store
from emulator.state.records import Schema
from tests.unit.test_outbound_records import listed, touch


def test_emptying_the_first_of_two_blocks_drops_it_from_the_directory():
    store = Store(Schema(registry.tables.values()))
    tenant = store.tenant("S1")
    with patch.object(update_index, "BLOCK", 4):
        for n in range(5):  # the fifth entry splits the block: O0 O1 | O2 O3 O4
            touch(tenant, f"O{n}", float(n))
        touch(tenant, "O0", 10.0)
        touch(tenant, "O1", 11.0)  # the first block is now empty
        assert listed(tenant) == ["O2", "O3", "O4", "O0", "O1"]
    assert list(tenant.table(update_index.DIRECTORY).keys()) == ["updated"]
    directory = tenant.table(update_index.DIRECTORY).get("updated")
    assert directory is not None and len(directory.lows) == len(directory.blocks)
    stored = tenant.table(update_index.BLOCKS)
    assert sorted(stored.keys()) == sorted(str(number) for number in directory.blocks)
    assert "0" not in list(stored.keys())  # the emptied first block
    blocks = [stored.get(str(number)) for number in directory.blocks]
    assert [order for block in blocks if block for order in block.order_ids] == ["O2", "O3", "O4", "O0", "O1"]
    assert all(block is not None and block.order_ids for block in blocks)
