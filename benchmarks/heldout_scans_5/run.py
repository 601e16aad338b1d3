"""Score the fifth held-out scan set: ``python benchmarks/heldout_scans_5/run.py OUT [--json FILE]``.

The scoring is ``benchmarks/heldout_scans/run.py``'s, run on this set's ``cases.json`` (so the five
sets compare, and a change to the scoring holds for all); see that file for what is measured.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIRST_SET_RUN = HERE.parent / "heldout_scans" / "run.py"


def main() -> int:
    spec = importlib.util.spec_from_file_location("heldout_scans_run", FIRST_SET_RUN)
    assert spec is not None and spec.loader is not None
    scoring = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scoring)
    return int(scoring.main(HERE / "cases.json", "held-out scan cases (set 5)"))


if __name__ == "__main__":
    sys.exit(main())
