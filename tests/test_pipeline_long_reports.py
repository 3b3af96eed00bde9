"""Long reports: no step of grouping compares every sentence with every other one.

A report of a few thousand sentences (a pasted archive, a scraped page gone wrong) must come back in time that grows
with its length, not with its square: a megabyte of one incident repeated once took four minutes.
"""

from __future__ import annotations

import random
import time
from typing import Any

from marsad.extract.assemble import Group
from marsad.extract.stages import _Covers
from marsad.pipeline import document_from_record, extract
from marsad.records import Document, Span


def _spans(rng: random.Random, n: int) -> list[Span]:
    out = []
    for _ in range(n):
        start = rng.randrange(0, 200)
        out.append(Span(start, start + rng.randrange(1, 30), "x"))
    return out


def test_pipeline_covers_answers_as_comparing_with_every_span() -> None:
    rng = random.Random(7)
    for _ in range(200):
        actors, places = _spans(rng, rng.randrange(0, 8)), _spans(rng, 20)
        covers = _Covers(actors)
        for p in places:
            brute = any(a.start <= p.start and p.end <= a.end for a in actors)
            assert (p in covers) == brute, (p, actors)


def test_pipeline_group_reads_each_member_once() -> None:
    reads: list[Any] = []

    def words(member: Any) -> list[str]:
        reads.append(member)
        return member.split()

    group = Group("incident", ["shelling Idlib"])  # type: ignore[list-item]  # gathered reads any member
    assert group.gathered("words", words) == {"shelling", "Idlib"}
    group.members.append("airstrike Idlib")  # type: ignore[arg-type]
    assert group.gathered("words", words) == {"shelling", "Idlib", "airstrike"}
    assert group.gathered("words", words) == {"shelling", "Idlib", "airstrike"}
    assert reads == ["shelling Idlib", "airstrike Idlib"]


def test_pipeline_megabyte_report_comes_back() -> None:
    text = (
        "Shelling by regime forces killed 3 civilians in Idlib. " * 18_000
    )  # ~1 MB, one incident told again
    doc = document_from_record({"id": "long", "text": text, "published": "2021-01-24"}, "long")
    assert isinstance(doc, Document)
    start = time.perf_counter()
    events = extract(doc)
    # generous: about six seconds here; the quadratic grouping took 80
    assert time.perf_counter() - start < 40
    assert [e.kind for e in events] == ["incident"]
    assert events[0].location is not None and events[0].location.admin1 == "Idlib"
    total = events[0].total("killed")
    assert total is not None and total.best == 3  # told again and again: still three people
