"""Reading control documents (seed files, fault files, snapshots) given as JSON or YAML."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import yaml


def parse_document(raw: bytes | str, content_type: str = "") -> Any:
    """JSON, or YAML when the content type (or the text) says so; raises ValueError when neither parses."""
    text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw
    if "yaml" not in content_type.lower():
        try:
            return orjson.loads(text)
        except orjson.JSONDecodeError:
            if "json" in content_type.lower():
                raise ValueError("the body is not valid JSON") from None
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise ValueError(f"the document is neither JSON nor YAML: {error}") from None


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
