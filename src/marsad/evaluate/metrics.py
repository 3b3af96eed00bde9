"""Metric functions shared by the set scorers. Pure: plain values in, numbers out, no I/O."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date
from difflib import SequenceMatcher

from marsad.evaluate.names import ARABIC_ARTICLES, letter_words

EARTH_RADIUS_KM = 6371.0088

_COMPASS = ("north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest")
# Words in UCDP place descriptions that name a kind of place, not the place ("Al Bab town", "north of Hama").
FEATURE_WORDS = frozenset(
    {
        "town", "village", "city", "suburb", "district", "area", "neighbourhood", "neighborhood", "camp",
        "hill", "farm", "farms", "airport", "base", "road", "governorate", "countryside", "desert",
        "mountain", "mountains", "outskirts", "near", "between", "and", "the", "of",
        *_COMPASS, *(w + "ern" for w in _COMPASS),
    }
)  # fmt: skip


def rate(hits: int, total: int) -> float | None:
    """hits/total, or None when nothing was scored (a rate over no rows is unknown, not 0)."""
    return None if total == 0 else hits / total


def mean(values: Sequence[float]) -> float | None:
    return None if not values else sum(values) / len(values)


def per_label_f1(gold: Sequence[str], pred: Sequence[str], labels: Iterable[str]) -> dict[str, float]:
    """F1 of each label, one-vs-rest over the paired rows (0 when never predicted or never right)."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for g, p in zip(gold, pred, strict=True):
        if g == p:
            tp[g] += 1
        else:
            fp[p] += 1
            fn[g] += 1
    out: dict[str, float] = {}
    for label in labels:
        denom = 2 * tp[label] + fp[label] + fn[label]
        out[label] = 0.0 if denom == 0 else 2 * tp[label] / denom
    return out


def weighted_f1(gold: Sequence[str], pred: Sequence[str]) -> float | None:
    """F1 per gold label weighted by its support (sklearn's ``average="weighted"`` over the gold labels)."""
    if not gold:
        return None
    support = Counter(gold)
    f1 = per_label_f1(gold, pred, support)
    return sum(f1[label] * n for label, n in support.items()) / len(gold)


def macro_f1(gold: Sequence[str], pred: Sequence[str]) -> float | None:
    """Unweighted mean F1 over the labels present in the gold rows (predicted-only labels such as "none" are
    not averaged, though predicting them still costs the gold label its recall)."""
    if not gold:
        return None
    f1 = per_label_f1(gold, pred, set(gold))
    return sum(f1.values()) / len(f1)


def confusion(gold: Sequence[str], pred: Sequence[str]) -> dict[str, dict[str, int]]:
    """gold label -> predicted label -> count."""
    table: dict[str, dict[str, int]] = {}
    for g, p in zip(gold, pred, strict=True):
        row = table.setdefault(g, {})
        row[p] = row.get(p, 0) + 1
    return table


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def place_words(where: str) -> list[str]:
    """Words of a UCDP place description that can name the place: 4+ letters, no feature words or articles."""
    return [
        w for w in letter_words(where) if len(w) >= 4 and w not in FEATURE_WORDS and w not in ARABIC_ARTICLES
    ]


def names_place(where: str | None, headline: str, threshold: float = 0.8) -> bool:
    """Whether a headline names the coded place: some place word of ``where`` is close to some headline word.

    "Close" is difflib's ratio >= 0.8, which absorbs transliteration variants (Shaykhun/Sheikhoun) but not
    different places. Groups whose headline never names the place cannot be located from the headline alone.
    """
    targets = place_words(where or "")
    if not targets:
        return False
    heads = set(letter_words(headline))
    for target in targets:
        matcher = SequenceMatcher(None, b=target, autojunk=False)
        for word in heads:
            matcher.set_seq1(word)
            # real_quick_ratio/quick_ratio are upper bounds: skip the full ratio when they already fail.
            if (
                matcher.real_quick_ratio() >= threshold
                and matcher.quick_ratio() >= threshold
                and matcher.ratio() >= threshold
            ):
                return True
    return False


def days_apart(a: date, b: date) -> int:
    return abs((a - b).days)
