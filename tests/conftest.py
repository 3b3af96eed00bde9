"""Shared fixtures. Data under ../shared is read in place, never copied; with CI=true its absence is a failure."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from hypothesis import settings

from gazetteer_fixture import lay_out_fixture_data
from marsad.settings import Settings

# CI draws the same property-test examples every run, so that a run fails for a change, never for a new draw; a
# developer's runs keep drawing new ones (and Hypothesis replays any failure it found from .hypothesis/)
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI") == "true":
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("MARSAD_SHARED", ROOT.parent / "shared"))
SEED = SHARED / "corpus" / "sohr-deir-ez-zor-bus-attack.txt"
SEED_PUBLISHED = date(2021, 1, 24)


def need(path: Path) -> Path:
    """``path`` when it exists; otherwise fail under CI (a wrong path must never pass) and skip elsewhere."""
    if path.exists():
        return path
    if os.environ.get("CI") == "true":
        pytest.fail(f"{path} is missing: CI runs with ../shared beside the checkout (or set MARSAD_SHARED)")
    pytest.skip(f"{path} is not here")


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return need(SEED)


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return need(Settings().data_dir)


@pytest.fixture(scope="session")
def gazetteer_fixture_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The team-written shared-data folder the gazetteer build and import tests read."""
    return lay_out_fixture_data(tmp_path_factory.mktemp("gazetteer-fixture"))
