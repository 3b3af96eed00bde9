"""The small shared-data folder the gazetteer tests build from, laid out as ../shared/data is.

The UCDP layer sample is a team-written file in UCDP's column format; it is kept under another name in the
repository (gold data is never committed, and its file names are reserved for the real files) and put in place here.
"""

from __future__ import annotations

import shutil
import tempfile
from functools import cache
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures" / "gazetteer"


@cache
def fixture_data_dir() -> Path:
    root = Path(tempfile.mkdtemp(prefix="marsad-gazetteer-fixture-")) / "data"
    shutil.copytree(FIXTURES / "data", root)
    ucdp = root / "ucdp_ged_syria"
    ucdp.mkdir()
    shutil.copyfile(FIXTURES / "ucdp_layer_sample.csv", ucdp / "ged_syria_2016_2017.csv")
    return root
