"""Metric functions of the evaluation, checked against hand computations."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.evaluate.metrics import (
    confusion,
    days_apart,
    haversine_km,
    macro_f1,
    mean,
    names_place,
    per_label_f1,
    place_words,
    rate,
    weighted_f1,
)

GOLD = ["A", "A", "A", "B", "B", "C"]
PRED = ["A", "A", "B", "B", "none", "C"]


def test_evaluate_metrics_per_label_f1_by_hand() -> None:
    # A: tp 2, fp 0, fn 1 -> 4/5. B: tp 1, fp 1 (gold A), fn 1 (predicted none) -> 2/4. C: 2/2.
    assert per_label_f1(GOLD, PRED, ["A", "B", "C"]) == {"A": 0.8, "B": 0.5, "C": 1.0}


def test_evaluate_metrics_weighted_f1_by_hand() -> None:
    assert weighted_f1(GOLD, PRED) == pytest.approx((3 * 0.8 + 2 * 0.5 + 1 * 1.0) / 6)


def test_evaluate_metrics_macro_f1_by_hand() -> None:
    # "none" is never a gold label, so it is not averaged; it still cost B its recall.
    assert macro_f1(GOLD, PRED) == pytest.approx((0.8 + 0.5 + 1.0) / 3)


def test_evaluate_metrics_f1_edge_cases() -> None:
    assert weighted_f1([], []) is None
    assert macro_f1([], []) is None
    assert weighted_f1(["A", "B"], ["A", "B"]) == 1.0
    assert weighted_f1(["A", "B"], ["none", "none"]) == 0.0
    with pytest.raises(ValueError):
        weighted_f1(["A"], [])


def test_evaluate_metrics_confusion() -> None:
    assert confusion(GOLD, PRED) == {"A": {"A": 2, "B": 1}, "B": {"B": 1, "none": 1}, "C": {"C": 1}}


def test_evaluate_metrics_rate_and_mean() -> None:
    assert rate(1, 4) == 0.25
    assert rate(0, 0) is None
    assert mean([1, 2]) == 1.5
    assert mean([]) is None


def test_evaluate_metrics_haversine() -> None:
    assert haversine_km(35.0, 39.0, 35.0, 39.0) == 0.0
    assert haversine_km(35.0, 39.0, 36.0, 39.0) == pytest.approx(111.2, abs=0.1)
    # Damascus to Aleppo, about 310 km
    assert haversine_km(33.5138, 36.2765, 36.2021, 37.1343) == pytest.approx(309, abs=5)


def test_evaluate_metrics_days_apart() -> None:
    assert days_apart(date(2016, 1, 1), date(2015, 12, 29)) == 3


@pytest.mark.parametrize(
    ("where", "words"),
    [
        ("Al Bab town", []),
        ("Eastern Ghouta", ["ghouta"]),
        ("Jisr ash Shughur town", ["jisr", "shughur"]),
        ("Tadmur/Palmyra town", ["tadmur", "palmyra"]),
        ("north of Hama between Hama and Homs", ["hama", "hama", "homs"]),
        ("As Salamiyah countryside, near the airport", ["salamiyah"]),
        ("southwestern outskirts of Ma'arrat al-Nu'man", ["arrat"]),
        ("Ma‘arrat al-Nu‘man", ["maarrat", "numan"]),
        ("Syria", ["syria"]),
        ("", []),
    ],
)
def test_evaluate_metrics_place_words(where: str, words: list[str]) -> None:
    assert place_words(where) == words


@pytest.mark.parametrize(
    ("where", "headline", "answerable"),
    [
        ("Eastern Ghouta", "Syria rebel clashes 'leave 52 dead' in Eastern Ghouta", True),
        ("Khan Shaykhun town", "Dozens killed in Khan Sheikhoun gas attack", True),
        ("Ar Raqqah town", "Air strikes on Raqqa kill 20", True),
        ("Deir ez Zor town", "IS shells Deir Ezzor airport", True),
        ("Tadmur/Palmyra town", "IS retakes Palmyra", True),
        ("Hamah town", "Rebels attack HAMA", True),
        ("Ḥarastā town", "Clashes in Harasta", True),
        ("Al Bab town", "Turkish troops close in on al-Bab", False),
        ("Jabal al Akrad mountain", "Regime advances in Latakia countryside", False),
        ("Foah village", "Village of Foua shelled", False),
        ("Aleppo town", "Syria: dozens killed in air strikes", False),
        ("Aleppo town", "", False),
    ],
)
def test_evaluate_metrics_names_place(where: str, headline: str, answerable: bool) -> None:
    assert names_place(where, headline) is answerable


def test_evaluate_metrics_names_place_threshold_is_inclusive() -> None:
    # "raqqah" vs "raqqa": ratio 10/11 = 0.909; "abcd" vs "abce": ratio 0.75; "abcde" vs "abcdf": 0.8 exactly.
    assert names_place("abcde", "abcdf")
    assert not names_place("abcd", "abce")
