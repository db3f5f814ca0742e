"""Typed records and the declaration of the tables that hold them.

Every stored thing is a `Record`: a `msgspec.Struct` (slotted, typed, untracked by the cyclic garbage
collector) that encodes to and decodes from JSON and MessagePack in C. An API package declares each of
its tables once with a `TableSpec` naming the record type; the store, snapshots and the SQLite backend
use that declaration to decode what they read, so a record that does not fit its type is refused with
the field named instead of being loaded half-right.

A `packed` table keeps its records as MessagePack bytes and decodes one on every read: a read returns
a fresh object, so a change is kept only when it is put back (which every write must do anyway, to be
journaled). It trades a few microseconds per read for a fraction of the memory of live objects.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

import msgspec


class Record(msgspec.Struct, kw_only=True, gc=False, omit_defaults=True):
    """Base of every stored record. Subclasses add typed fields; none may form a reference cycle."""


R = TypeVar("R", bound=Record)


class RecordError(ValueError):
    """A stored or restored record does not fit its declared type (the message names the field)."""


@dataclass(frozen=True, slots=True)
class TableSpec(Generic[R]):
    """One table: its name in every partition, its record type, and whether it is kept packed."""

    name: str
    record: type[R]
    packed: bool = False
    _decoder: msgspec.msgpack.Decoder[R] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_decoder", msgspec.msgpack.Decoder(self.record))

    def pack(self, record: R) -> bytes:
        # msgspec hands back its work buffer, up to half again as large as the encoding; a packed table
        # keeps what it is given, so keep an exact copy instead.
        return bytes(memoryview(_PACKER.encode(record)))

    def unpack(self, data: bytes) -> R:
        return self._decoder.decode(data)

    def from_builtins(self, value: Any) -> R:
        """A record from its JSON-able form (snapshots, SQLite), or RecordError naming the bad field."""
        try:
            return msgspec.convert(value, self.record)
        except msgspec.ValidationError as error:
            raise RecordError(f"table {self.name!r}: {error}") from None

    def from_json(self, data: bytes | str) -> R:
        try:
            return msgspec.json.decode(data, type=self.record)
        except (msgspec.ValidationError, msgspec.DecodeError) as error:
            raise RecordError(f"table {self.name!r}: {error}") from None


_PACKER = msgspec.msgpack.Encoder()
_JSON = msgspec.json.Encoder()


def to_builtins(record: Record) -> Any:
    """The JSON-able form of a record (dicts, lists, strings, numbers)."""
    return msgspec.to_builtins(record)


def to_json(record: msgspec.Struct) -> bytes:
    return _JSON.encode(record)


class Schema:
    """Every table the store may hold, by name; built once per runtime from the API packages' specs."""

    def __init__(self, tables: Iterable[TableSpec[Any]] = ()) -> None:
        self.tables: dict[str, TableSpec[Any]] = {}
        for spec in tables:
            known = self.tables.get(spec.name)
            if known is not None and known is not spec:
                raise ValueError(f"table {spec.name!r} is declared twice")
            self.tables[spec.name] = spec

    def spec(self, name: str) -> TableSpec[Any]:
        """The declaration of table `name`, or RecordError (the data is from another emulator version)."""
        found = self.tables.get(name)
        if found is None:
            raise RecordError(f"unknown table {name!r}: the state was written by another emulator version")
        return found
