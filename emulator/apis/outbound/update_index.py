"""The update index: orders by the time of their last status change (listAllFulfillmentOrders, listOrders).

Entries are (status time, update sequence) keys with the order id, sorted by key, in blocks of at most
`BLOCK` entries (table `outbound_index_blocks`); a directory (table `outbound_index`) lists the blocks in
key order with a lower bound for each. A block keeps its keys packed in one `bytearray` (16 bytes per
entry) beside a list of order ids. A status change removes the order's old entry and inserts the new one,
touching one or two small blocks, so it costs the same, and a durable backend rewrites as little, whatever
the number of orders; a page is a binary search plus the page.
"""

from __future__ import annotations

import base64
import bisect
import struct
from collections.abc import Iterator
from itertools import islice

import msgspec
import orjson

from emulator.apis.outbound import orderbook
from emulator.apis.outbound.records import Order
from emulator.errors import InvalidInput
from emulator.registry import table
from emulator.state import TenantState
from emulator.state.records import Record, TableSpec

PAGE_SIZE = 50
BLOCK = 256
"""Most entries a block holds; one more splits it in two."""
_KEY = struct.Struct("<dq")  # (time, sequence)
Key = tuple[float, int]


class IndexBlock(Record, kw_only=True):
    """A run of index entries: `keys` packs each entry's (time, sequence), `order_ids` holds its order."""

    keys: bytearray = msgspec.field(default_factory=bytearray)
    order_ids: list[str] = []


class IndexDirectory(Record, kw_only=True):
    """The blocks in key order and, packed like a block's keys, a lower bound of each block's keys."""

    blocks: list[int] = []
    lows: bytearray = msgspec.field(default_factory=bytearray)
    next_block: int = 0


DIRECTORY = table(TableSpec("outbound_index", IndexDirectory))
BLOCKS = table(TableSpec("outbound_index_blocks", IndexBlock))
_UPDATED = "updated"


def _count(keys: bytearray) -> int:
    return len(keys) // _KEY.size


def _key_at(keys: bytearray, position: int) -> Key:
    time, sequence = _KEY.unpack_from(keys, position * _KEY.size)
    return time, sequence


def _search(keys: bytearray, key: Key, *, after: bool) -> int:
    """Where `key` goes in sorted `keys`: before equal keys, or after them when `after`."""
    find = bisect.bisect_right if after else bisect.bisect_left
    return find(range(_count(keys)), key, key=lambda position: _key_at(keys, position))


def _insert_key(keys: bytearray, position: int, key: Key) -> None:
    keys[position * _KEY.size : position * _KEY.size] = _KEY.pack(*key)


def _delete_key(keys: bytearray, position: int) -> None:
    del keys[position * _KEY.size : (position + 1) * _KEY.size]


def _block_of(directory: IndexDirectory, key: Key) -> int:
    """The directory position of the block whose range holds `key`: block j holds the keys from its bound
    up to the next block's; the first block also holds every smaller key (its own bound does not matter)."""
    return max(0, _search(directory.lows, key, after=True) - 1)


def _insert(tenant: TenantState, key: Key, order_id: str) -> None:
    directories, blocks = tenant.table(DIRECTORY), tenant.table(BLOCKS)
    directory = directories.get(_UPDATED) or IndexDirectory()
    if not directory.blocks:
        directory.blocks.append(directory.next_block)
        _insert_key(directory.lows, 0, key)
        directory.next_block += 1
        directories.put(_UPDATED, directory)
    spot = _block_of(directory, key)
    name = str(directory.blocks[spot])
    block = blocks.get(name) or IndexBlock()
    position = _search(block.keys, key, after=False)
    _insert_key(block.keys, position, key)
    block.order_ids.insert(position, order_id)
    if len(block.order_ids) > BLOCK:
        blocks.put(*_split(directory, spot, block))
        directories.put(_UPDATED, directory)
    blocks.put(name, block)


def _split(directory: IndexDirectory, spot: int, block: IndexBlock) -> tuple[str, IndexBlock]:
    """Move the upper half of the block at directory position `spot` into a new block after it."""
    half = len(block.order_ids) // 2
    upper = IndexBlock(keys=block.keys[half * _KEY.size :], order_ids=block.order_ids[half:])
    del block.keys[half * _KEY.size :]
    del block.order_ids[half:]
    number = directory.next_block
    directory.next_block += 1
    directory.blocks.insert(spot + 1, number)
    _insert_key(directory.lows, spot + 1, _key_at(upper.keys, 0))
    return str(number), upper


def _remove(tenant: TenantState, key: Key, order_id: str) -> None:
    directories, blocks = tenant.table(DIRECTORY), tenant.table(BLOCKS)
    directory = directories.get(_UPDATED)
    if directory is None or not directory.blocks:
        return
    spot = _block_of(directory, key)
    name = str(directory.blocks[spot])
    block = blocks.get(name)
    if block is None:
        return
    position = _search(block.keys, key, after=False)
    if position == len(block.order_ids) or block.order_ids[position] != order_id:
        return
    _delete_key(block.keys, position)
    del block.order_ids[position]
    if block.order_ids or len(directory.blocks) == 1:
        blocks.put(name, block)
        return
    blocks.delete(name)
    del directory.blocks[spot]
    _delete_key(directory.lows, spot)
    directories.put(_UPDATED, directory)


def touch(tenant: TenantState, order: Order, now: float) -> None:
    """The order's status changed at `now`: move it to the end of the index (the caller saves the order)."""
    if order.progress.update_sequence:
        _remove(tenant, (order.status_updated_at, order.progress.update_sequence), order.order_id)
    sequence = orderbook.next_number(tenant, "update", 1)
    _insert(tenant, (now, sequence), order.order_id)
    order.status_updated_at = now
    order.progress.update_sequence = sequence


def _entries(tenant: TenantState, start: Key | None, *, after: bool) -> Iterator[tuple[Key, str]]:
    """Index entries in key order from `start` (all of them when None)."""
    directory = tenant.table(DIRECTORY).get(_UPDATED)
    if directory is None:
        return
    blocks = tenant.table(BLOCKS)
    first = 0 if start is None else _block_of(directory, start)
    for spot in range(first, len(directory.blocks)):
        block = blocks.get(str(directory.blocks[spot]))
        if block is None:
            continue
        position = 0 if start is None or spot != first else _search(block.keys, start, after=after)
        for at in range(position, len(block.order_ids)):
            yield _key_at(block.keys, at), block.order_ids[at]


def _encode(after: Key) -> str:
    return base64.urlsafe_b64encode(orjson.dumps({"after": list(after)})).decode().rstrip("=")


def _decode(token: str, field: str) -> Key:
    try:
        state = orjson.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
        return float(state["after"][0]), int(state["after"][1])
    except (ValueError, KeyError, TypeError, IndexError, orjson.JSONDecodeError):
        raise InvalidInput(f"{field} is invalid.", f"{field}={token}") from None


def page(
    tenant: TenantState, since: float | None, token: str | None, field: str
) -> tuple[list[Order], str | None]:
    """Orders whose status changed at or after `since`, oldest change first, one page at a time."""
    if token:
        found = list(islice(_entries(tenant, _decode(token, field), after=True), PAGE_SIZE + 1))
    else:
        start = None if since is None else (since, 0)
        found = list(islice(_entries(tenant, start, after=False), PAGE_SIZE + 1))
    chunk = found[:PAGE_SIZE]
    orders = [o for o in (orderbook.find(tenant, order_id) for _, order_id in chunk) if o is not None]
    return orders, _encode(chunk[-1][0]) if len(found) > PAGE_SIZE else None
