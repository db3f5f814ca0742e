"""The update index: orders by the time of their last status change (listAllFulfillmentOrders, listOrders).

An entry is a key (status time, update sequence) and an order id. Entries are sorted by key in blocks of
at most `BLOCK` (table `outbound_index_blocks`); a directory (table `outbound_index`) lists the blocks in
key order with each block's lower bound. Keys are kept as two packed arrays (float64 times, int64
sequences, native byte order) beside the list of order ids, so an entry costs 16 bytes plus its id and
a search is a binary search in C. A status change removes the order's old entry and inserts the new one:
one or two small blocks change, so it costs the same, and a durable backend rewrites as little, whatever
the number of orders; a page is a binary search plus the page.
"""

from __future__ import annotations

import bisect
import struct
from collections.abc import Iterator
from itertools import islice

import msgspec
import orjson

from emulator.apis.outbound import orderbook
from emulator.apis.outbound.records import Order
from emulator.context import page_token, page_token_data
from emulator.errors import InvalidInput
from emulator.registry import table
from emulator.state import TenantState
from emulator.state.records import Record, TableSpec

PAGE_SIZE = 50
BLOCK = 256
"""Most entries a block holds; one more splits it in two."""
_TIME, _SEQUENCE = struct.Struct("=d"), struct.Struct("=q")
_WIDTH = 8
Key = tuple[float, int]


class Keys(Record, kw_only=True):
    """Sorted (time, sequence) keys as two packed arrays."""

    times: bytearray = msgspec.field(default_factory=bytearray)
    sequences: bytearray = msgspec.field(default_factory=bytearray)

    def __len__(self) -> int:
        return len(self.times) // _WIDTH

    def at(self, position: int) -> Key:
        offset = position * _WIDTH
        return _TIME.unpack_from(self.times, offset)[0], _SEQUENCE.unpack_from(self.sequences, offset)[0]

    def search(self, key: Key, *, after: bool) -> int:
        """Where `key` goes: before equal keys, or after them when `after`."""
        count = len(self)
        if count == 0:
            return 0
        last = self.at(count - 1)
        if key > last or (after and key == last):  # the usual case: a change later than all others
            return count
        if key == last:
            return count - 1
        with (
            memoryview(self.times) as raw_times,
            memoryview(self.sequences) as raw_sequences,
            raw_times.cast("d") as times,
            raw_sequences.cast("q") as sequences,
        ):
            low = bisect.bisect_left(times, key[0])
            high = bisect.bisect_right(times, key[0], low)
            find = bisect.bisect_right if after else bisect.bisect_left
            return find(sequences, key[1], low, high)

    def insert(self, position: int, key: Key) -> None:
        offset = position * _WIDTH
        self.times[offset:offset] = _TIME.pack(key[0])
        self.sequences[offset:offset] = _SEQUENCE.pack(key[1])

    def delete(self, position: int) -> None:
        offset = position * _WIDTH
        del self.times[offset : offset + _WIDTH]
        del self.sequences[offset : offset + _WIDTH]

    def split(self, position: int) -> Keys:
        """Remove the keys from `position` on and return them."""
        offset = position * _WIDTH
        upper = Keys(times=self.times[offset:], sequences=self.sequences[offset:])
        del self.times[offset:]
        del self.sequences[offset:]
        return upper


class IndexBlock(Record, kw_only=True):
    """A run of index entries: their keys and, in the same order, their orders."""

    keys: Keys = msgspec.field(default_factory=Keys)
    order_ids: list[str] = []


class IndexDirectory(Record, kw_only=True):
    """The blocks in key order, and each block's lower bound."""

    blocks: list[int] = []
    lows: Keys = msgspec.field(default_factory=Keys)
    next_block: int = 0

    def spot(self, key: Key) -> int:
        """The position of the block whose range holds `key`: a block holds the keys from its bound up to
        the next block's; the first one also every smaller key (its own bound does not matter)."""
        return max(0, self.lows.search(key, after=True) - 1)


DIRECTORY = table(TableSpec("outbound_index", IndexDirectory))
BLOCKS = table(TableSpec("outbound_index_blocks", IndexBlock))
_UPDATED = "updated"


def _insert(tenant: TenantState, key: Key, order_id: str) -> None:
    directories, blocks = tenant.table(DIRECTORY), tenant.table(BLOCKS)
    directory = directories.get(_UPDATED) or IndexDirectory()
    if not directory.blocks:
        directory.blocks.append(directory.next_block)
        directory.lows.insert(0, key)
        directory.next_block += 1
        directories.put(_UPDATED, directory)
    spot = directory.spot(key)
    name = str(directory.blocks[spot])
    block = blocks.get(name) or IndexBlock()
    position = block.keys.search(key, after=False)
    block.keys.insert(position, key)
    block.order_ids.insert(position, order_id)
    if len(block.order_ids) > BLOCK:
        half = len(block.order_ids) // 2
        upper = IndexBlock(keys=block.keys.split(half), order_ids=block.order_ids[half:])
        del block.order_ids[half:]
        directory.blocks.insert(spot + 1, directory.next_block)
        directory.lows.insert(spot + 1, upper.keys.at(0))
        blocks.put(str(directory.next_block), upper)
        directory.next_block += 1
        directories.put(_UPDATED, directory)
    blocks.put(name, block)


def _remove(tenant: TenantState, key: Key, order_id: str) -> None:
    directories, blocks = tenant.table(DIRECTORY), tenant.table(BLOCKS)
    directory = directories.get(_UPDATED)
    if directory is None or not directory.blocks:
        return
    spot = directory.spot(key)
    name = str(directory.blocks[spot])
    block = blocks.get(name)
    if block is None:
        return
    position = block.keys.search(key, after=False)
    if position == len(block.order_ids) or block.order_ids[position] != order_id:
        return
    block.keys.delete(position)
    del block.order_ids[position]
    if block.order_ids or len(directory.blocks) == 1:
        blocks.put(name, block)
        return
    blocks.delete(name)
    del directory.blocks[spot]
    directory.lows.delete(spot)
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
    first = 0 if start is None else directory.spot(start)
    for spot in range(first, len(directory.blocks)):
        block = blocks.get(str(directory.blocks[spot]))
        if block is None:
            continue
        position = 0 if start is None or spot != first else block.keys.search(start, after=after)
        for at in range(position, len(block.order_ids)):
            yield block.keys.at(at), block.order_ids[at]


def _encode(after: Key) -> str:
    return page_token(orjson.dumps({"after": list(after)}))


def _decode(token: str, field: str) -> Key:
    try:
        state = orjson.loads(page_token_data(token))
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
