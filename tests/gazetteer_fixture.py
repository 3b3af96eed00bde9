"""The small shared-data folder the gazetteer tests build from, laid out as ../shared/data is.

The UCDP layer sample is a team-written file in UCDP's column format; it is kept under another name in the
repository (gold data is never committed, and its file names are reserved for the real files) and put in place here.
"""

from __future__ import annotations

import shutil
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures" / "gazetteer"


def lay_out_fixture_data(parent: Path) -> Path:
    """Copy the fixture folder under ``parent`` (a pytest temporary folder, so it is removed like the others)."""
    root = parent / "data"
    shutil.copytree(FIXTURES / "data", root)
    ucdp = root / "ucdp_ged_syria"
    ucdp.mkdir()
    shutil.copyfile(FIXTURES / "ucdp_layer_sample.csv", ucdp / "ged_syria_2016_2017.csv")
    return root
