"""Reading control documents (seed files, fault files, snapshots) given as JSON or YAML."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import yaml

_SMALLEST, _LARGEST = -(2**63), 2**64 - 1  # what JSON on the wire (and orjson) carries as an integer


def parse_document(raw: bytes | str, content_type: str = "") -> Any:
    """JSON, or YAML when the content type (or the text) says so; raises ValueError when neither parses or
    an integer is beyond 64 bits (YAML has no limit, SP-API's JSON does), naming where."""
    text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw
    if "yaml" not in content_type.lower():
        try:
            return orjson.loads(text)
        except orjson.JSONDecodeError:
            if "json" in content_type.lower():
                raise ValueError("the body is not valid JSON") from None
    try:
        document = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise ValueError(f"the document is neither JSON nor YAML: {error}") from None
    _check_integers(document, "")
    return document


def _check_integers(value: Any, where: str) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            _check_integers(item, f"{where}.{key}" if where else str(key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _check_integers(item, f"{where}[{index}]")
    elif isinstance(value, int) and not isinstance(value, bool) and not _SMALLEST <= value <= _LARGEST:
        raise ValueError(f"{where or 'the document'}: {value} is outside the 64-bit integer range")


def read_document(path: Path) -> Any:
    """A JSON or YAML file (by suffix, falling back to trying both)."""
    kind = "yaml" if path.suffix.lower() in (".yaml", ".yml") else ""
    return parse_document(path.read_bytes(), kind)


def fault_rules(document: Any) -> list[Any]:
    """The rule list of a faults document: a list, or a mapping with a `rules` list."""
    rules = document.get("rules") if isinstance(document, dict) else document
    if not isinstance(rules, list):
        raise ValueError("a faults document is a list of rules or a mapping with a `rules` list")
    return rules
