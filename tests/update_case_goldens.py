"""Rewrite fixtures/cases/*/report.golden.json from the current code: run after a reviewed change."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from test_cases_end_to_end import CASE_DIRS, run_case  # noqa: E402

from ds160check.render.json import dumps  # noqa: E402

if __name__ == "__main__":
    for folder in CASE_DIRS:
        _, report = run_case(folder)
        (folder / "report.golden.json").write_text(dumps(report), encoding="utf-8")
        print(f"{folder.name}: {len(report['findings'])} findings")
