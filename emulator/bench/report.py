"""Turning the raw figures into the printed report: tables, ratios, and each target met or missed."""

from __future__ import annotations

from typing import Any

from emulator.bench.scenarios import TARGETED

COLD_START_S, RESET_MS, P99_MS, SCALING, RSS_MB = 1.0, 1.0, 5.0, 1.2, 200.0
VS_STATIC, VS_DYNAMIC, VS_BARE = 2.0, 10.0, 0.35


def _target(results: dict[str, Any], kind: str) -> dict[str, Any] | None:
    return next((t for t in results["targets"] if t["kind"] == kind), None)


def _load(target: dict[str, Any] | None, op: str, conns: int) -> dict[str, Any] | None:
    """The run of `op` at `conns` on `target`; None when missing, when any request got an HTTP error, or
    when more than 1 % of them hit a socket error (a timeout or two on a busy machine is tolerated)."""
    found: dict[str, Any] | None = ((target or {}).get("load", {}).get(op) or {}).get(str(conns))
    if not found or found["non_2xx"] or found["socket_errors"] > 0.01 * found["requests"]:
        return None
    return found


def _cost(run: dict[str, Any] | None) -> float | None:
    """Server time per request: its measured CPU time, else one saturated core's share of wall time."""
    if run is None:
        return None
    return float(run.get("server_cpu_us") or 1e6 / run["requests_per_second"])


def _table(headers: list[str], rows: list[list[str]]) -> list[str]:
    widths = [max(len(str(r[i])) for r in [headers, *rows]) for i in range(len(headers))]
    fmt = "  ".join(f"{{:<{w}}}" if i == 0 else f"{{:>{w}}}" for i, w in enumerate(widths))
    return [fmt.format(*headers), fmt.format(*("-" * w for w in widths))] + [fmt.format(*r) for r in rows]


def header(results: dict[str, Any]) -> list[str]:
    m, o = results["machine"], results["options"]
    packages = ", ".join(f"{k} {v}" for k, v in m["packages"].items() if v)
    return [
        f"machine: {m['cpu']}, {m['cores']} cores, {m['memory_gib']} GiB, {m['os']}",
        (
            f"software: mcf-emulator {m['mcf_emulator']}, Python {m['python']}, {packages}; "
            f"wrk {m.get('wrk') or '-'}; Prism {m.get('prism') or '-'} on node {m.get('node') or '-'}"
        ),
        (
            f"server pinned to CPU {o['server_cpu']}, wrk (1 thread) to CPU {o['load_cpu']}; "
            f"each figure the best of {o.get('repeats', 1)} runs of {o['duration']:g} s "
            f"after a {o['warmup']:g} s warm-up; world {o['skus']:,} SKUs"
        ),
        (
            f"1-minute load average: {m.get('load_average_at_start')} at the start, "
            f"{m.get('load_average_at_end')} at the end (well above 0 means other work shared the cores)"
        ),
    ]


def load_table(results: dict[str, Any]) -> list[str]:
    rows = []
    for target in results["targets"]:
        for op, by_conns in target.get("load", {}).items():
            for conns, r in by_conns.items():
                errors = r["non_2xx"] + r["socket_errors"]
                cpu = r.get("server_cpu_us")
                rows.append(
                    [
                        op,
                        conns,
                        target["name"],
                        f"{r['requests_per_second']:,.0f}",
                        f"{r['p50_ms']:.2f}",
                        f"{r['p99_ms']:.2f}",
                        "-" if cpu is None else f"{cpu:,.0f}",
                        f"{errors:,}" if errors else "0",
                    ]
                )
    rows.sort(key=lambda r: (r[0], int(r[1])))
    return _table(["scenario", "conns", "server", "req/s", "p50 ms", "p99 ms", "CPU us/req", "errors"], rows)


def _answer_bytes(target: dict[str, Any] | None, op: str) -> str:
    found = ((target or {}).get("probe") or {}).get(op)
    return "-" if not found else f"{found['bytes']:,}"


def ratio_table(results: dict[str, Any]) -> list[str]:
    """Emulator throughput as a multiple of each baseline's, next to the bytes each server answered."""
    main = _target(results, "emulator")
    others = [
        (kind, label)
        for kind, label in (
            ("prism-static", "x Prism static"),
            ("prism-dynamic", "x Prism dynamic"),
            ("bare", "of bare"),
        )
        if _target(results, kind)
    ]
    sized = [main, *(_target(results, kind) for kind, _ in others if kind != "bare")]
    rows = []
    loads: dict[str, Any] = (main or {}).get("load", {})
    for op in loads:
        size = " / ".join(_answer_bytes(target, op) for target in sized)
        for conns in loads[op]:
            mine = _load(main, op, int(conns))
            if mine is None:
                rows.append([op, conns, *("errors" for _ in others), size])
                continue
            row = [op, conns]
            for kind, _ in others:
                theirs = _load(_target(results, kind), op, int(conns))
                ratio = mine["requests_per_second"] / theirs["requests_per_second"] if theirs else None
                row.append("-" if ratio is None else f"{ratio:.0%}" if kind == "bare" else f"{ratio:.1f}x")
            rows.append([*row, size])
    names = " / ".join(label for kind, label in (("emulator", "emulator"), *others) if kind != "bare")
    bytes_header = "answer bytes: " + names.replace("x Prism", "Prism")
    return _table(["emulator req/s vs", "conns", *(label for _, label in others), bytes_header], rows) + [
        "(answer bytes: the size of each server's answer to the probe of that scenario; bare sends the "
        "emulator's bytes)",
        (
            "(CPU us/req in the table above is the server's own CPU time per request: other load on the "
            "machine does not change it)"
        ),
    ]


def _orders(world: dict[str, Any]) -> str:
    """A world's order count, and what it was after the create load (reads ran before it, creates during)."""
    before, after = world.get("orders", 0), world.get("orders_after_load")
    return f"{before:,} orders" + (f" ({after:,} after the creates)" if after else "")


def scaling_table(results: dict[str, Any]) -> list[str]:
    worlds = [
        t for t in (_target(results, k) for k in ("emulator-baseline", "emulator", "emulator-large")) if t
    ]
    if len(worlds) < 2:
        return []
    conns = min(int(c) for c in results["options"]["connections"])
    rows = []
    for op in worlds[-1].get("load", {}):
        costs = [_cost(_load(w, op, conns)) for w in worlds]
        cells = [f"{c:,.0f}" if c else "-" for c in costs]
        ratio = f"{costs[-1] / costs[0]:.2f}x" if costs[0] and costs[-1] else "-"
        rows.append([op, *cells, ratio])
    names = [f"CPU us/req @ {_orders(w['world'])}" for w in worlds]
    rss = ", ".join(
        f"{w['world'].get('orders', 0):,} orders {w['world'].get('rss_mb')} MB before the load, "
        f"{w['rss_mb']} MB after it"
        for w in worlds
        if w.get("rss_mb")
    )
    return _table([f"server time per request (c{conns})", *names, "largest / smallest"], rows) + [
        f"server RSS: {rss} (the load adds the orders createFulfillmentOrder placed)"
    ]


def verdicts(results: dict[str, Any]) -> list[tuple[str, str, bool | None]]:
    """(target, measured, met?) for every target of the issue; None when it was not measured."""
    out: list[tuple[str, str, bool | None]] = []
    cold = results["cold_start"]["median"]
    out.append((f"cold start < {COLD_START_S:g} s", f"{cold:.3f} s", cold < COLD_START_S))
    for name, timing in results["reset"].items():
        ms = timing["median"] * 1000
        out.append((f"per-test reset < {RESET_MS:g} ms ({name})", f"{ms:.3f} ms", ms < RESET_MS))
    main = _target(results, "emulator")
    conns = [int(c) for c in results["options"]["connections"]]
    for op in TARGETED:
        for kind, factor, label in (
            ("prism-static", VS_STATIC, f">= {VS_STATIC:g}x Prism static"),
            ("prism-dynamic", VS_DYNAMIC, f">= {VS_DYNAMIC:g}x Prism dynamic"),
            ("bare", VS_BARE, f">= {VS_BARE:.0%} of bare Starlette"),
        ):
            ratios = [
                mine["requests_per_second"] / theirs["requests_per_second"]
                for mine, theirs in (
                    (_load(main, op, c), _load(_target(results, kind), op, c)) for c in conns
                )
                if mine and theirs
            ]
            worst = min(ratios) if ratios else None
            shown = "-" if worst is None else f"{worst:.0%}" if kind == "bare" else f"{worst:.1f}x"
            out.append(
                (
                    f"{op} {label}",
                    f"{shown} (worst of c{'/c'.join(map(str, conns))})",
                    None if worst is None else worst >= factor,
                )
            )
        p99 = _load(main, op, conns[0])
        out.append(
            (
                f"{op} p99 < {P99_MS:g} ms at c{conns[0]}",
                f"{p99['p99_ms']:.2f} ms" if p99 else "-",
                None if p99 is None else p99["p99_ms"] < P99_MS,
            )
        )
    out += _scaling_verdicts(results, conns[0])
    return out


def _scaling_verdicts(results: dict[str, Any], conns: int) -> list[tuple[str, str, bool | None]]:
    large, small = _target(results, "emulator-large"), _target(results, "emulator-baseline")
    out: list[tuple[str, str, bool | None]] = []
    if large is None:
        return out
    if small is not None:
        ratios = {
            op: _cost(_load(large, op, conns)) / _cost(_load(small, op, conns))  # type: ignore[operator]
            for op in large.get("load", {})
            if _cost(_load(large, op, conns)) and _cost(_load(small, op, conns))
        }
        if ratios:
            op, worst = max(ratios.items(), key=lambda kv: kv[1])
            out.append(
                (
                    (
                        f"cost with {large['world']['orders']:,} orders <= {SCALING:g}x cost with "
                        f"{small['world']['orders']:,}"
                    ),
                    f"{worst:.2f}x (worst: {op})",
                    worst <= SCALING,
                )
            )
    rss = large["world"].get("rss_mb")
    if rss:
        out.append(
            (f"RSS < {RSS_MB:g} MB with {large['world']['orders']:,} orders", f"{rss} MB", rss < RSS_MB)
        )
    return out


def render(results: dict[str, Any]) -> str:
    """The whole report as text."""
    lines = [*header(results), ""]
    cold = results["cold_start"]
    lines.append(
        f"cold start (process start -> first 200 on /_emulator/health, models loaded): median "
        f"{cold['median']:.3f} s over {cold['runs']} runs "
        f"(best {cold['best']:.3f}, worst {cold['worst']:.3f})"
    )
    for name, t in results["reset"].items():
        lines.append(
            f"per-test reset, {name}: median {t['median'] * 1e6:,.1f} us over {t['runs']} rounds "
            f"(worst {t['worst'] * 1e6:,.1f} us)"
        )
    for title, block in (
        ("throughput and latency", load_table(results)),
        ("ratios", ratio_table(results)),
        ("scaling with state", scaling_table(results)),
    ):
        if len(block) > 2:
            lines += ["", f"## {title}", *block]
    lines += ["", "## targets"]
    for label, measured, met in verdicts(results):
        mark = "not measured" if met is None else "met" if met else "MISSED"
        lines.append(f"  [{mark}] {label}: {measured}")
    if results["notes"]:
        lines += ["", "## notes", *(f"  - {n}" for n in results["notes"])]
    return "\n".join(lines)
