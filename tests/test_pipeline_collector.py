"""An extracting process raises the cyclic garbage collector's young threshold, once, and never lowers it."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from marsad.extract.stages import default_resources, tune_collector
from marsad.settings import Settings


@pytest.fixture
def threshold() -> Iterator[None]:
    kept = gc.get_threshold()
    try:
        yield
    finally:
        gc.set_threshold(*kept)


def test_collector_young_threshold_is_raised_and_the_others_kept(threshold: None) -> None:
    gc.set_threshold(700, 10, 10)
    tune_collector(50_000)
    assert gc.get_threshold() == (50_000, 10, 10)


@pytest.mark.parametrize(("young", "before"), [(0, 700), (500, 700), (50_000, 80_000)])
def test_collector_is_never_lowered_nor_touched_when_off(threshold: None, young: int, before: int) -> None:
    gc.set_threshold(before, 10, 10)
    tune_collector(young)
    assert gc.get_threshold() == (before, 10, 10)


def test_collector_setting_reads_its_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MARSAD_GC_YOUNG", raising=False)
    assert Settings().gc_young == 50_000
    monkeypatch.setenv("MARSAD_GC_YOUNG", "0")
    assert Settings().gc_young == 0


def test_collector_is_tuned_once_resources_are_loaded() -> None:
    default_resources()
    assert gc.get_threshold()[0] >= Settings().gc_young
