"""patchListingsItem: JSON-Patch-like operations on top-level attributes (`/attributes/<name>`).

* `add`, `replace`: the attribute becomes `value`.
* `merge`: each value object is merged key by key into the existing element with the same
  selectors (`marketplace_id`, `language_tag`, where the new object gives them), or appended.
* `delete`: without `value` the attribute goes; with `value`, elements matching the selectors of
  a given object are removed (the attribute goes when none remain).

A path that is not a top-level attribute, or an add/replace/merge without a value, is an ERROR
issue (the submission is INVALID, HTTP 200), as are all validation failures of the result.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from emulator.apis.listings import issues
from emulator.apis.listings.records import Issue

_PATH = re.compile(r"^/attributes/([^/]+)$")
SELECTORS = ("marketplace_id", "language_tag")


def apply(attributes: dict[str, Any], patches: list[dict[str, Any]]) -> tuple[dict[str, Any], list[Issue]]:
    """The attributes after every patch, in order, and the issues of patches that cannot apply."""
    result = copy.deepcopy(attributes)
    problems: list[Issue] = []
    for index, patch in enumerate(patches):
        match = _PATH.match(patch["path"])
        if match is None:
            why = f"patches[{index}].path must name a top-level attribute (/attributes/<name>)."
            problems.append(issues.invalid(patch["path"], why))
            continue
        name, op = match.group(1), patch["op"]
        value: list[dict[str, Any]] = patch.get("value") or []
        if op != "delete" and not value:
            problems.append(issues.invalid(name, f"patches[{index}] ({op}) needs a non-empty value."))
        elif op in ("add", "replace"):
            result[name] = copy.deepcopy(value)
        elif op == "merge":
            result[name] = _merge(result.get(name) or [], value)
        elif value:
            kept = [e for e in result.get(name) or [] if not any(_selected(e, v) for v in value)]
            result[name] = kept
            if not kept:
                del result[name]
        else:
            result.pop(name, None)
    return result, problems


def _selected(element: Any, probe: dict[str, Any]) -> bool:
    """Whether `element` has the selector values `probe` gives (a probe without selectors matches all)."""
    return isinstance(element, dict) and all(element.get(s) == probe[s] for s in SELECTORS if s in probe)


def _merge(current: list[Any], values: list[dict[str, Any]]) -> list[Any]:
    merged = copy.deepcopy(current)
    for value in values:
        target = next((e for e in merged if _selected(e, value)), None)
        if target is None:
            merged.append(copy.deepcopy(value))
        else:
            target.update(copy.deepcopy(value))
    return merged
