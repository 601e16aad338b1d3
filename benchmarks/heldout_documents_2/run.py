"""Score ``ds160check compare`` on the second held-out set: ``python run.py CASES_DIR
[--ds160check PATH] [--json OUT]``.

The metrics are those of ``benchmarks/heldout_documents/run.py``, shared so
that both sets are scored alike.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

_SHARED = Path(__file__).resolve().parent.parent / "heldout_documents" / "run.py"
_spec = importlib.util.spec_from_file_location("heldout_run", _SHARED)
assert _spec is not None and _spec.loader is not None
run = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(run)
run.TITLE = "held-out document cases (set 2)"

if __name__ == "__main__":
    sys.exit(run.main())
