"""One incident told in several sentences: ``reconcile`` must count each person once (real-style reports written by
the team: ISAF releases, SOHR posts, wire stories). Each row: the report, the figure kind, the total a careful coder
gives the incident."""

from __future__ import annotations

import pytest

from marsad.extract.casualties import find_figures, reconcile
from marsad.extract.segment import sentences
from marsad.records import Event, Figure, Span, added_in

REPORTS: list[tuple[str, str, int | None]] = [
    (
        # "three more": people besides those counted, whatever noun they share with them
        "At least 20 civilians were killed in air strikes on Aleppo on Friday. Three more civilians were killed in "
        "a barrel bomb attack in the evening.",
        "killed",
        23,
    ),
    (
        "An Afghan-led force killed the Taliban commander Fayez Jan and one additional insurgent in Kandahar. "
        "Fayez Jan directed IED attacks in the district. Fayez Jan was killed when he fired on the force.",
        "killed",
        2,
    ),
    (
        "A combined force captured a Taliban leader and several associates in Zabul province yesterday. "
        "The leader led a group of eight fighters. The security force detained him and his associates.",
        "captured",
        4,
    ),
    (
        "Coalition forces killed numerous insurgents in Helmand today. The patrol came under fire and engaged the "
        "insurgents, killing two. An air weapons team then killed three more insurgents.",
        "killed",
        5,
    ),
    (
        "Afghan and coalition forces detained numerous suspected insurgents during three operations yesterday. "
        "In Khost, the force detained two suspects. In Paktiya, the force detained one suspected insurgent.",
        "captured",
        3,
    ),
    (
        "Afghan and coalition forces killed two insurgents in Kajaki district. An individual armed with a rifle "
        "engaged the force, which returned fire, killing the insurgent. A second armed insurgent was killed after "
        "displaying hostile intent.",
        "killed",
        2,
    ),
    (
        # exact figures of other people introduced as new do not replace a vague first statement
        "Afghan and coalition forces detained numerous suspected insurgents in Maiwand district yesterday. "
        "The security force detained a Taliban leader who operates in the district.",
        "captured",
        5,
    ),
    (
        "An Afghan and coalition security force arrested a Haqqani leader in Khost province today. "
        "The security force also detained one suspected insurgent.",
        "captured",
        2,
    ),
    (
        "One civilian was killed when a patrol struck a roadside bomb. After the exchange of fire, three civilian "
        "bodies were found in the area.",
        "killed",
        3,
    ),
    (
        "Car bomb kills 12 in Azaz\nA car bomb killed 12 people in the town of Azaz on Monday, the Observatory said. "
        "Among the dead were three children.",
        "killed",
        12,
    ),
    (
        "29 killed in Turkish strikes on IS bastion\n47 killed in Turkish strikes\n88 dead in Turkish raids",
        "killed",
        88,
    ),
    (
        "Five people were killed when shells hit the market. The death toll later rose to nine.",
        "killed",
        9,
    ),
    (
        "At least 15 civilians, including three children, were killed in the strikes on Douma. The children were "
        "killed when a shell hit their school.",
        "killed",
        15,
    ),
    (
        "Two soldiers were killed in the ambush. Three civilians were also killed in the crossfire.",
        "killed",
        5,
    ),
    (
        "Forces killed several insurgents and detained one suspect in Khost. The force responded, killing several "
        "insurgents and destroying their positions. The force detained the suspect after questioning.",
        "killed",
        3,
    ),
    (
        "Three men were arrested for planning an attack on the training centre. The patrol moved into the compound "
        "and detained two men. The force moved to the location of the mullah and arrested him as well.",
        "captured",
        3,
    ),
    ("No civilians were harmed during the operation.", "killed", 0),
    ("The soldiers were killed in an ambush on the road.", "killed", None),
    # a toll revision told first counts the figures told after it of the same people, not those besides them
    (
        "The death toll of the attack launched by ISIS cells yesterday on positions of the NDF near al-Sukhnah "
        "city in the eastern desert of Homs has risen to 9. SFM had reported yesterday that 7 NDF members were "
        "killed.",
        "killed",
        9,
    ),
    (
        "The monitor put the toll at 14 soldiers and said 4 militants were also killed in the fighting.",
        "killed",
        18,
    ),
    # a later count with no noun after people of one noun counts them again, as another source does
    (
        "Shelling on the town of Musraba killed another three people including a child, according to the "
        "Observatory. The Ghouta Media Center said four were killed including two children.",
        "killed",
        4,
    ),
    # ... but people of another noun are others
    (
        "Shelling on the town killed three civilians. Two soldiers were killed in clashes nearby.",
        "killed",
        5,
    ),
]


def _incident(text: str) -> Event:
    per_sentence = [find_figures(text, s.span) for s in sentences(text)]
    figures = reconcile(per_sentence)
    return Event("e", "d", "incident", None, None, None, None, None, None, figures=tuple(figures))


@pytest.mark.parametrize(("text", "kind", "total"), REPORTS, ids=[r[0][:50] for r in REPORTS])
def test_casualties_reconcile_counts_each_person_once(text: str, kind: str, total: int | None) -> None:
    got = _incident(text).total(kind)
    assert (got.best if got else None) == total


def test_casualties_reconcile_keeps_every_figure_and_its_order() -> None:
    text = (
        "Forces killed two insurgents. The force returned fire, killing the insurgent. No one else was hurt."
    )
    per_sentence = [find_figures(text, s.span) for s in sentences(text)]
    out = reconcile(per_sentence)
    assert [f.span for f in out] == [f.span for fs in per_sentence for f in fs]
    assert ["restatement" in f.flags for f in out if f.kind == "killed"] == [False, True]


def test_casualties_reconcile_leaves_background_and_negations_alone() -> None:
    text = (
        "The network is responsible for several attacks, including the assassination of governor Taj Mohammad "
        "Wardak. Wardak was assassinated as he left his compound. No civilians were harmed."
    )
    per_sentence = [find_figures(text, s.span) for s in sentences(text)]
    figures: list[Figure] = reconcile(per_sentence)
    killed = [f for f in figures if f.kind == "killed"]
    assert ["background" in f.flags for f in killed] == [True, False, False]
    assert "restatement" in killed[1].flags  # the same person told of again
    assert killed[2].flags == ("negated",)


def test_casualties_a_revision_counts_its_own_side_not_the_other() -> None:
    """ "The number of regime soldiers killed ... has risen to 83, while 37 ISIS members were killed": the other
    side's dead add to the revision; the same side's told again ("SFM had reported that 70 were killed") do not."""
    text = "83 soldiers; 37 ISIS members; 70 soldiers; 2 more soldiers"

    def fig(words: str, side: str, flags: tuple[str, ...] = ()) -> Figure:
        start = text.index(words)
        count = int(words.split()[0])
        return Figure(
            "killed", count, count, count, Span.of(text, start, start + len(words)), None, side, flags
        )

    figures = (
        fig("83 soldiers", "government", ("revision",)),
        fig("37 ISIS members", "islamic-state"),
        fig("70 soldiers", "government"),
        fig("2 more soldiers", "government", ("additional",)),
    )
    assert [f.best for f in added_in(figures)] == [83, 37, 2]
    event = Event("e", "d", "tally", None, None, None, None, None, None, figures=figures)
    total = event.total("killed")
    assert total is not None and total.best == 122
