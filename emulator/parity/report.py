"""The parity table: per model, how many static cases matched, differed and errored, then each miss."""

from __future__ import annotations

from collections import Counter

from emulator.parity.engine import DIFFERED, ERRORED, MATCHED, Outcome


def table(outcomes: list[Outcome], target: str) -> str:
    """The report `mcf-emulator parity` prints."""
    models = sorted({o.model for o in outcomes})
    width = max([len("model"), *map(len, models)])
    lines = [
        f"static sandbox parity against {target}",
        f"{'model':<{width}}  {'cases':>5}  {MATCHED:>7}  {DIFFERED:>8}  {ERRORED:>7}",
    ]
    for model in models:
        counts = Counter(o.verdict for o in outcomes if o.model == model)
        lines.append(
            f"{model:<{width}}  {counts.total():>5}  {counts[MATCHED]:>7}  {counts[DIFFERED]:>8}  "
            f"{counts[ERRORED]:>7}"
        )
    misses = [o for o in outcomes if o.verdict != MATCHED]
    lines.extend(f"  {o.verdict} {o.label}: {o.detail}" for o in misses)
    matched = sum(o.verdict == MATCHED for o in outcomes)
    lines.append(f"{matched}/{len(outcomes)} static cases matched ({len(outcomes)} in the pinned models)")
    return "\n".join(lines)
