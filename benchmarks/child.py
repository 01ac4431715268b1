"""The timed work of the benchmarks that time a call rather than a whole process.

Each job runs in a fresh interpreter started by the harness::

    python -m benchmarks.child xlsx ours|raw|rust RESULTS OUT
    python -m benchmarks.child load ours|plain FILE
    python -m benchmarks.child deck SOURCE OUT [--appendix]

Everything a job needs (imports, the record) is ready before the clock starts, so
only the call is timed; the job prints ``{"seconds": ..., "peak_kib": ...}`` as its
last line, the peak being the whole process' high-water resident set (``VmHWM``).

One more job makes the generated inputs, untimed, so that the harness never holds them::

    python -m benchmarks.child make family|charts|big|launches ...
"""

from __future__ import annotations

import gc
import json
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

__all__ = ["main"]


def _xlsx(side: str, results: str, out: str) -> Callable[[], object]:
    """Write ``results`` results as a workbook: ours, raw openpyxl, or the Rust-backed writer."""
    import launchbrief as lb
    from benchmarks.data import HEADERS, big_launch, result_rows

    launch = big_launch(int(results))
    if side == "ours":
        lb.get_exporter("xlsx")  # imported before the clock, as the baselines' libraries are
        return lambda: lb.export(launch, out, format="xlsx")
    if side == "raw":
        import openpyxl

        def raw() -> None:
            workbook = openpyxl.Workbook(write_only=True)
            sheet = workbook.create_sheet("Results")
            sheet.append(HEADERS)
            for row in result_rows(launch):
                sheet.append(row)
            workbook.save(out)

        return raw
    if side == "rust":
        import rustpy_xlsxwriter  # type: ignore[import-not-found]

        def rust() -> None:
            # Dicts from a generator: the writer streams them (its constant-memory mode);
            # no autofit, which would measure every cell: this is the floor.
            records = (dict(zip(HEADERS, row, strict=True)) for row in result_rows(launch))
            rustpy_xlsxwriter.write_worksheet(records, out, sheet_name="Results", autofit=False)

        return rust
    raise SystemExit(f"unknown side {side!r}: expected ours, raw or rust")


def _load(side: str, path: str) -> Callable[[], object]:
    """Load a launch file: with ``launchbrief.load``, or parsed then structured by plain cattrs."""
    import cattrs
    import yaml

    import launchbrief as lb
    from launchbrief.model import Launch

    if side == "ours":
        return lambda: lb.load(path)
    if side != "plain":
        raise SystemExit(f"unknown side {side!r}: expected ours or plain")
    # A fresh converter, as a script would make one; cattrs has no hook for dates.
    converter = cattrs.Converter()
    converter.register_structure_hook(date, lambda value, _type: date.fromisoformat(value))

    def plain() -> Launch:
        if path.endswith(".json"):
            data = json.loads(Path(path).read_bytes())
        else:
            loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml
            data = yaml.load(Path(path).read_text("utf-8"), Loader=loader)
        return converter.structure(data, Launch)

    return plain


def _deck(source: str, out: str, *rest: str) -> Callable[[], object]:
    """Build the deck of the launch in ``source`` (a file or a built-in name)."""
    import launchbrief as lb

    launch = lb.load(source)
    lb.get_exporter("pptx")
    options: dict[str, Any] = {"appendix": True} if "--appendix" in rest else {}
    return lambda: lb.export(launch, out, format="pptx", **options)


def make(kind: str, *args: str) -> None:
    """Write generated inputs: ``family PATH M B C``, ``charts PATH N``, ``big N JSON YAML``,
    ``launches FOLDER N`` (files ``launch-000.yaml`` on)."""
    import launchbrief as lb
    from benchmarks import data

    if kind == "family":
        path, models, benchmarks, cohorts = args
        lb.dump(data.family_launch(int(models), int(benchmarks), int(cohorts)), path)
    elif kind == "charts":
        path, charts = args
        lb.dump(data.chart_launch(int(charts)), path)
    elif kind == "big":
        results, *paths = args
        launch = data.big_launch(int(results))
        for path in paths:
            lb.dump(launch, path)
    elif kind == "launches":
        folder, count = Path(args[0]), int(args[1])
        folder.mkdir(parents=True, exist_ok=True)
        for number, launch in enumerate(data.many_launches(count)):
            lb.dump(launch, folder / f"launch-{number:03d}.yaml")
    else:
        raise SystemExit(f"unknown input {kind!r}: expected family, charts, big or launches")


def _peak_kib() -> int | None:
    """This process' high-water resident set in KiB (Linux), counted from its own start."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return None


_JOBS: dict[str, Callable[..., Callable[[], object]]] = {
    "xlsx": _xlsx,
    "load": _load,
    "deck": _deck,
}


def main(argv: list[str]) -> int:
    """Prepare the job named in ``argv``, time it once and print the seconds as JSON."""
    if argv[:1] == ["make"]:
        make(*argv[1:])
        return 0
    if not argv or argv[0] not in _JOBS:
        print(f"usage: python -m benchmarks.child {{{','.join(_JOBS)},make}} ...", file=sys.stderr)
        return 2
    call = _JOBS[argv[0]](*argv[1:])
    gc.collect()
    started = time.perf_counter()
    call()
    seconds = time.perf_counter() - started
    print(json.dumps({"seconds": seconds, "peak_kib": _peak_kib()}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
