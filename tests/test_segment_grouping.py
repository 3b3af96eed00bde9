"""Grouping annotated sentences into incidents, tallies and developments, and dating each group.

The sentences are real-style report text; their roles, figures, event types and places are given (those stages
are tested on their own), their dates are read by the dates stage as in the pipeline.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from types import SimpleNamespace

import pytest

from marsad.extract.assemble import Annotated, Group, event_date, group_sentences
from marsad.extract.dates import DateContext, find_dates, is_dateline
from marsad.extract.segment import sentences
from marsad.extract.typing import Typed
from marsad.pipeline import extract
from marsad.records import Document, Event, Figure, Place, Span


@dataclass
class S:
    text: str
    role: str = "other"
    figure: tuple[str, int] | None = None  # (kind, count)
    typed: str | None = None  # ACLED event type
    place: str | None = None
    cue: str | None = None  # the words the event type was read from (default: the whole sentence)


def _annotate(paragraphs: list[list[S]], published: date) -> tuple[Document, list[Annotated]]:
    doc = Document.from_text("\n".join(" ".join(s.text for s in p) for p in paragraphs), published=published)
    specs = {s.text: s for p in paragraphs for s in p}
    ctx = DateContext(published)
    out = []
    for sentence in sentences(doc.text):
        spec = specs[sentence.span.text]
        a = Annotated(sentence, role=spec.role)
        a.dates = [d for d in find_dates(doc.text, sentence.span, ctx) if not is_dateline(d, published)]
        if spec.figure:
            kind, n = spec.figure
            a.figures = [Figure(kind, n, n, n, sentence.span)]
        if spec.typed:
            at = sentence.span.text.find(spec.cue) if spec.cue else 0
            cue = Span.of(doc.text, sentence.span.start + at, sentence.span.start + at + len(spec.cue or ""))
            a.typed = Typed(spec.typed, spec.typed, cue if spec.cue else sentence.span)
        if spec.place:
            a.places = [SimpleNamespace(span=sentence.span, place=Place(spec.place, admin1=spec.place))]
        out.append(a)
    return doc, out


def _groups(paragraphs: list[list[S]], published: date) -> list[tuple[Group, Document]]:
    doc, annotated = _annotate(paragraphs, published)
    return [(g, doc) for g in group_sentences(annotated)]


def _incidents(text: str, published: date) -> list[Event]:
    """The incidents the whole pipeline reads in ``text``."""
    return [e for e in extract(Document.from_text(text, published=published)) if e.kind == "incident"]


def _summary(paragraphs: list[list[S]], published: date) -> list[tuple[str, int, str, str]]:
    out = []
    for g, doc in _groups(paragraphs, published):
        when = event_date(g, doc)
        out.append((g.kind, len(g.members), str(when.start) if when else "-", str(when.end) if when else "-"))
    return out


def test_segment_undated_incident_takes_the_day_of_its_story() -> None:
    """An ISAF release: the lead says when, the incident sentence two paragraphs later does not."""
    paragraphs = [
        [S("KABUL, Afghanistan (Jan. 25, 2013) – Forces searched compounds in Andar district, Ghazni province, "
           "yesterday.", place="Ghazni")],
        [S("The leader was a Taliban commander responsible for attacks.", "background")],
        [S("The security force detained two suspected insurgents.", "incident", ("captured", 2),
           "Strategic developments")],
    ]  # fmt: skip
    ((group, doc),) = _groups(paragraphs, date(2013, 1, 25))
    when = event_date(group, doc)
    assert when is not None and when.start == when.end == date(2013, 1, 24)
    assert "story" in when.reason and when.text == "yesterday"


def test_segment_cue_starts_a_new_story() -> None:
    """A monitor's "Meanwhile" with no day of its own is dated by the report, not by the incident before it."""
    paragraphs = [
        [S("Two soldiers were killed in Tafas yesterday.", "incident", ("killed", 2), "Battles", "Tafas")],
        [S("Meanwhile, regime forces arrested three men in Inkhil.", "incident", ("captured", 3),
           "Strategic developments", "Inkhil")],
    ]  # fmt: skip
    assert _summary(paragraphs, date(2022, 3, 17)) == [
        ("incident", 1, "2022-03-16", "2022-03-16"),
        ("incident", 1, "2022-03-17", "2022-03-17"),
    ]


def test_segment_another_day_in_another_paragraph_is_another_incident() -> None:
    paragraphs = [
        [S("A roadside bomb killed three soldiers near Wadi al-Shay late on Monday.", "incident", ("killed", 3),
           "Explosions/Remote violence", "Kirkuk"),
         S("Hours later, the death toll rose to 5.", "incident", ("killed", 5))],
        [S("Security forces arrested two suspects on Tuesday morning.", "incident", ("captured", 2),
           "Strategic developments")],
    ]  # fmt: skip
    assert _summary(paragraphs, date(2021, 6, 8)) == [
        ("incident", 2, "2021-06-07", "2021-06-07"),  # "hours later" is still Monday: the same incident
        ("incident", 1, "2021-06-08", "2021-06-08"),
    ]


def test_segment_restated_figures_elsewhere_are_the_same_incident() -> None:
    paragraphs = [
        [S("Airstrikes killed three civilians in Ariha on September 7, 2021.", "incident", ("killed", 3),
           "Explosions/Remote violence", "Ariha")],
        [S("Civil defence teams recovered three bodies and took the injured to hospitals in Idlib city.",
           "incident", ("killed", 3), None, "Idlib city")],
        [S("Sources attributed the strikes to Russian aircraft seen over Hmeimim.", "incident", None,
           "Explosions/Remote violence", "Hmeimim", cue="strikes")],  # "the strikes": those told already
    ]  # fmt: skip
    assert _summary(paragraphs, date(2021, 9, 14)) == [("incident", 3, "2021-09-07", "2021-09-07")]


def test_segment_old_and_vague_dates_make_background() -> None:
    paragraphs = [
        [S("Two SDF fighters were killed at dawn today in Thiban.", "incident", ("killed", 2), "Battles", "Thiban")],
        [S("The Islamic State lost its last stronghold in al-Baghouz in March 2019.", "incident", None, "Battles")],
        [S("Last week the regime appeared to scale down its air raids.", "incident", None,
           "Explosions/Remote violence")],
    ]  # fmt: skip
    assert _summary(paragraphs, date(2022, 6, 12)) == [("incident", 1, "2022-06-12", "2022-06-12")]


def test_segment_figures_over_a_long_period_are_a_tally() -> None:
    paragraphs = [
        [S("ISIL killed 700 people from the tribe during the past two weeks.", "incident", ("killed", 700),
           "Violence against civilians")],
        [S("SFM documented the deaths of 19 soldiers in the fighting since yesterday.", "incident",
           ("killed", 19), "Battles")],
    ]  # fmt: skip
    assert _summary(paragraphs, date(2014, 8, 17)) == [
        ("tally", 1, "2014-08-03", "2014-08-17"),
        ("incident", 1, "2014-08-16", "2014-08-17"),  # two days of fighting: still one incident
    ]


def test_segment_reporting_day_dates_only_when_nothing_else_does() -> None:
    paragraphs = [[S("Eleven soldiers were killed in an ambush, state media said on Tuesday.", "incident",
                     ("killed", 11), "Battles")]]  # fmt: skip
    ((group, doc),) = _groups(paragraphs, date(2021, 3, 4))
    when = event_date(group, doc)
    assert when is not None and when.start == date(2021, 3, 2) and when.precision >= 2
    assert "reported" in when.reason


def test_segment_campaign_is_one_development_and_its_week_a_tally() -> None:
    paragraphs = [
        [S("The security campaign that began on January 16 is still underway in the desert.", "development")],
        [S("Joint forces continued to comb the area from Kabajeb to al-Sukhna.", "development")],
        [S("31 soldiers were killed in the first week of the campaign.", "tally", ("killed", 31))],
    ]
    assert _summary(paragraphs, date(2021, 1, 24)) == [
        ("development", 2, "2021-01-16", "2021-01-24"),
        ("tally", 1, "2021-01-16", "2021-01-23"),
    ]


def test_segment_no_publication_date_no_invented_date() -> None:
    paragraphs = [[S("Two fighters were killed yesterday.", "incident", ("killed", 2), "Battles")]]
    ((group, doc),) = _groups(paragraphs, None)  # type: ignore[arg-type]
    assert event_date(group, doc) is None


def test_segment_headline_adds_no_incident() -> None:
    """The headline and the labels over the text repeat the lead incident: one incident, its figures once."""
    paragraphs = [
        [S("Two insurgents killed in Helmand", "incident", ("killed", 2), "Battles", "Helmand")],
        [S("KABUL, Afghanistan (Jan. 10, 2011)")],
        [S("Coalition forces killed two insurgents in Sangin district yesterday.", "incident", ("killed", 2),
           "Battles", "Helmand"),
         S("No civilians were harmed.")],
    ]  # fmt: skip
    assert _summary(paragraphs, date(2011, 1, 10)) == [("incident", 2, "2011-01-09", "2011-01-09")]


def test_segment_headline_with_a_full_stop_told_again_after_the_dateline_adds_no_incident() -> None:
    paragraphs = [
        [S("40 Syrians die in ammo depot blast.", "incident", ("killed", 40), _STRIKE)],
        [S("Thu Aug 1 2013 40 Syrians die in ammo depot blast.", "incident", ("killed", 40), _STRIKE),
         S("An ammunition depot explosion in Homs has claimed the lives of at least 40 people.", "incident",
           ("killed", 40), _STRIKE, "Homs")],
    ]  # fmt: skip
    # one incident of the two body sentences: the title is its headline, not a second incident
    assert [(kind, members) for kind, members, *_ in _summary(paragraphs, date(2013, 8, 1))] == [
        ("incident", 2)
    ]


def test_segment_lines_of_headlines_are_each_read() -> None:
    """A document made of one headline per source has no headline over a text: every line counts."""
    paragraphs = [
        [S("A brigadier is killed in a bomb explosion at Qatifeh checkpoint", "incident", ("killed", 1),
           "Explosions/Remote violence", "Qutayfah")],
        [S("214 people were killed yesterday in Manbej countryside.", "incident", ("killed", 214), "Battles",
           "Manbij")],
    ]  # fmt: skip
    assert [k for k, *_ in _summary(paragraphs, date(2016, 6, 19))] == ["incident", "incident"]


_STRIKE = "Explosions/Remote violence"


def test_segment_recap_of_older_news_after_the_report_news_is_background() -> None:
    """A wire story closes with older news; the report's own "a week earlier" keeps an older attack in its story."""
    lead = S("Rocket fire killed five people in Damascus on Thursday, a monitor said.", "incident", ("killed", 5),
             _STRIKE, "Damascus")  # fmt: skip
    recap = S("On January 25 the group fired dozens of rockets at the capital, killing six.", "incident",
              ("killed", 6), _STRIKE, "Damascus")  # fmt: skip
    earlier = S("A week earlier, a shell killed two children in Jaramana.", "incident", ("killed", 2), _STRIKE,
                "Jaramana")  # fmt: skip
    published = date(2015, 2, 5)  # a Thursday
    assert _summary([[lead], [earlier], [recap]], published) == [
        ("incident", 1, "2015-02-05", "2015-02-05"),
        ("incident", 1, "2015-01-29", "2015-01-29"),
    ]
    # without news of the report's own days before it, the older attack is what the report tells
    assert _summary([[recap]], published) == [("incident", 1, "2015-01-25", "2015-01-25")]


@pytest.mark.parametrize(
    "caption",
    [
        S("A general view shows the damage at a site of an explosion in Homs in this handout picture provided by "
          "SANA on September 1 2016.", "incident", None, _STRIKE, "Homs"),
        S("A picture taken on September 1 2016 shows a crater left by a car bomb in Homs.", "incident", None,
          _STRIKE, "Homs"),
    ],
)  # fmt: skip
def test_segment_photo_caption_makes_no_incident(caption: S) -> None:
    news = S("A string of bomb blasts killed at least 40 people on Monday.", "incident", ("killed", 40), _STRIKE,
             "Homs")  # fmt: skip
    assert _summary([[caption], [news]], date(2016, 9, 6)) == [("incident", 1, "2016-09-05", "2016-09-05")]


def test_segment_caption_with_a_credit_after_it() -> None:
    """ "... in Manbij, Syria July 1 2016. (Reuters Photo) Airstrikes ...": the credit marks the line before it."""
    caption = S("A fighter walks in the silos of Manbij after the SDF took control of it, Syria July 1 2016.",
                "incident", None, "Battles", "Aleppo")  # fmt: skip
    news = S("(Reuters Photo) Airstrikes on villages near Manbij killed at least 85 civilians on Tuesday.",
             "incident", ("killed", 85), _STRIKE, "Aleppo")  # fmt: skip
    assert _summary([[caption, news]], date(2016, 7, 19)) == [("incident", 1, "2016-07-19", "2016-07-19")]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Since Thursday, bombardment has killed 44 civilians in the province.", "tally"),  # four days counted
        ("Since yesterday, shelling has killed 4 civilians in the town.", "incident"),  # a day or two: one event
    ],
)  # fmt: skip
def test_segment_figures_since_a_recent_day(text: str, kind: str) -> None:
    ((group, _),) = _groups([[S(text, "incident", ("killed", 4), _STRIKE, "Idlib")]], date(2016, 10, 24))
    assert group.kind == kind


def test_segment_undated_incident_takes_a_day_told_within_its_story() -> None:
    paragraphs = [
        [S("ISAF confirmed the death of a Taliban leader in Kandahar province.", "incident", ("killed", 1),
           "Battles", "Kandahar")],
        [S("During a route-clearing operation Wednesday, the force spotted several insurgents.")],
        [S("The insurgents fired on the force and were killed, including the leader.", "incident", ("killed", 1),
           "Battles")],
    ]  # fmt: skip
    ((group, doc),) = _groups(paragraphs, date(2010, 10, 8))
    when = event_date(group, doc)
    assert when is not None and when.start == date(2010, 10, 6) and "within its story" in when.reason


def test_segment_recap_after_an_undated_lead_waits_two_weeks() -> None:
    """After news told without a day, an older day may still be the report's own ("recently detained ... was
    arrested Oct. 4"); a month back it is a recap, and it dates no incident, not even as context."""
    lead = S("A mortar attack on a busy street of Deir ez-Zor left three civilians dead.", "incident",
             ("killed", 3), _STRIKE, "Deir ez-Zor")  # fmt: skip
    context = S("On September 5 government troops broke the blockade around the city.")
    ten_days = S("The facilitator was arrested Sept. 25 in the same district.", "incident", ("captured", 1),
                 "Strategic developments", "Deir ez-Zor")  # fmt: skip
    published = date(2017, 10, 5)
    assert _summary([[lead, context]], published) == [("incident", 1, "2017-10-05", "2017-10-05")]
    assert _summary([[lead], [ten_days]], published)[-1] == ("incident", 1, "2017-09-25", "2017-09-25")


def test_segment_each_headline_line_is_its_own_story() -> None:
    """In a list of sources' headlines, one line's "yesterday" does not date the next line's incident."""
    paragraphs = [
        [S("66 people were killed yesterday in airstrikes on Raqqa", "incident", ("killed", 66), _STRIKE, "Raqqa")],
        [S("Clashes in the east of Homs", "incident", None, "Battles", "Homs")],
    ]  # fmt: skip
    assert _summary(paragraphs, date(2017, 9, 10)) == [
        ("incident", 1, "2017-09-09", "2017-09-09"),
        ("incident", 1, "2017-09-10", "2017-09-10"),
    ]


def test_segment_chronicle_keeps_its_dated_incidents() -> None:
    """A report dating its incidents one by one, newest first, is a chronicle of its period: no recap in it."""
    paragraphs = [
        [S("On January 30, regime shelling killed 5 civilians in Kafr Nabl.", "incident", ("killed", 5), _STRIKE,
           "Idlib")],
        [S("On January 21, an ambush killed 10 soldiers near Sukhnah.", "incident", ("killed", 10), "Battles",
           "Homs")],
        [S("On January 12, a car bomb killed 4 people in Azaz.", "incident", ("killed", 4), _STRIKE, "Aleppo")],
    ]  # fmt: skip
    assert [start for _, _, start, _ in _summary(paragraphs, date(2021, 2, 1))] == [
        "2021-01-30",
        "2021-01-21",
        "2021-01-12",
    ]


_ROUNDUPS = {
    # a weekly roundup, one paragraph, newest first: one calendar day, nine days before publication
    "yesterday, a weekday, a date": (
        date(2021, 2, 1),
        [[S("Yesterday, regime shelling killed five civilians in Kafr Nabl.", "incident", ("killed", 5), _STRIKE,
            "Idlib"),
          S("On Friday, an ambush killed ten soldiers near Sukhnah.", "incident", ("killed", 10), "Battles", "Homs"),
          S("On January 23, a car bomb killed four people in Azaz.", "incident", ("killed", 4), _STRIKE,
            "Aleppo")]],
        ["2021-01-31", "2021-01-29", "2021-01-23"],
    ),
    # a daily roundup over two weeks, an entry per paragraph, one of them told in two sentences
    "weekdays, then two dates": (
        date(2019, 3, 18),
        [[S("On Sunday, warplanes struck the market of Maarat al-Numan, killing 7 civilians.", "incident",
            ("killed", 7), _STRIKE, "Idlib")],
         [S("On Saturday, a landmine killed a shepherd near Sukhnah.", "incident", ("killed", 1), _STRIKE, "Homs"),
          S("Two more shepherds were wounded in the blast.", "incident", ("injured", 2), _STRIKE)],
         [S("On March 11, gunmen shot dead a council member in Azaz.", "incident", ("killed", 1), "Violence against "
            "civilians", "Aleppo")],
         [S("On March 7, shelling killed 3 fighters in Kabani.", "incident", ("killed", 3), _STRIKE, "Latakia")]],
        ["2019-03-17", "2019-03-16", "2019-03-11", "2019-03-07"],
    ),
    # each entry opening with its place, then its day
    "a place, then the day": (
        date(2021, 2, 3),
        [[S("In Idlib countryside, on Sunday, regime shelling killed 5 civilians in Kafr Nabl.", "incident",
            ("killed", 5), _STRIKE, "Idlib")],
         [S("In the Homs desert, on January 25, an ambush killed 10 soldiers near Sukhnah.", "incident",
            ("killed", 10), "Battles", "Homs")]],
        ["2021-01-31", "2021-01-25"],
    ),
    # "early on" before the day; the next entry a week before it
    "early on a weekday, then a date": (
        date(2020, 6, 10),
        [[S("Early on Tuesday, a drone killed 2 fighters in Sarmada.", "incident", ("killed", 2), _STRIKE,
            "Idlib")],
         [S("On June 2, an IED killed 3 soldiers in Busra al-Sham.", "incident", ("killed", 3), _STRIKE,
            "Daraa")]],
        ["2020-06-09", "2020-06-02"],
    ),
}  # fmt: skip


@pytest.mark.parametrize("name", list(_ROUNDUPS))
def test_segment_newest_first_roundup_keeps_its_older_entries(name: str) -> None:
    """A monitor's roundup lists its incidents newest first, each opening with its day: with fewer than three
    calendar days it is no chronicle, and still none of its entries is a recap of older news."""
    published, paragraphs, days = _ROUNDUPS[name]
    assert [start for _, _, start, _ in _summary(paragraphs, published)] == days


@pytest.mark.parametrize(
    ("published", "text", "days"),
    [
        (date(2019, 3, 20), "Daily roundup of violations in northwest Syria\n\n"
         "On Tuesday, regime artillery shelled Kafr Nabl, killing three civilians, including a child.\n\n"
         "On Monday, warplanes struck the market of Maarat al-Numan, killing seven civilians and injuring 12 "
         "others.\n\nOn Sunday, a landmine left over by ISIS killed a shepherd near Sukhnah in the eastern Homs "
         "desert.\n\nOn March 11, unidentified gunmen shot dead a member of the local council in Azaz.",
         ["2019-03-19", "2019-03-18", "2019-03-17", "2019-03-11"]),
        (date(2020, 6, 10), "Yesterday, a drone strike killed two HTS fighters near Sarmada in the northern Idlib "
         "countryside. On Saturday, an IED exploded on a military bus near Busra al-Sham, killing three soldiers. "
         "On June 1, gunmen assassinated a former rebel commander in Tafas.",
         ["2020-06-09", "2020-06-06", "2020-06-01"]),
    ],
)  # fmt: skip
def test_segment_roundup_through_the_pipeline(published: date, text: str, days: list[str]) -> None:
    assert [str(e.date.start) for e in _incidents(text, published) if e.date] == days


def test_segment_roundup_rule_keeps_recaps_out() -> None:
    """A day more than a week before the entry above it, or told after the list went out of its order, is older
    news, even after a lead opening with its day."""
    lead = S("On Thursday, rocket fire killed five people in Damascus, a monitor said.", "incident", ("killed", 5),
             _STRIKE, "Damascus")  # fmt: skip
    jump = S("On January 25 the group fired dozens of rockets at the capital, killing six.", "incident",
             ("killed", 6), _STRIKE, "Damascus")  # fmt: skip
    published = date(2015, 2, 5)
    assert _summary([[lead], [jump]], published) == [("incident", 1, "2015-02-05", "2015-02-05")]
    sunday = S("On Sunday, a bomb tore apart a bus in Damascus, killing 9.", "incident", ("killed", 9), _STRIKE,
               "Damascus")  # fmt: skip
    tuesday = S("On Tuesday, a mortar killed 2 children in Jaramana.", "incident", ("killed", 2), _STRIKE,
                "Jaramana")  # fmt: skip
    older = S(
        "On January 27, shelling killed 3 people in Douma.", "incident", ("killed", 3), _STRIKE, "Douma"
    )
    assert [start for _, _, start, _ in _summary([[lead], [sunday], [older]], published)] == [
        "2015-02-05",
        "2015-02-01",
        "2015-01-27",
    ]
    assert [start for _, _, start, _ in _summary([[lead], [sunday], [tuesday], [older]], published)] == [
        "2015-02-05",
        "2015-02-01",
        "2015-02-03",
    ]


def test_segment_new_place_keeps_the_story_day() -> None:
    """ "In Terayzai district, ..." starts another incident of the same release, on the day the lead told."""
    paragraphs = [
        [S("KABUL, Afghanistan (March 8, 2011) — Forces captured three facilitators during separate operations in "
           "Khost province, yesterday.", "incident", ("captured", 3), "Strategic developments", "Khost")],
        [S("In Terayzai district, a combined patrol captured a facilitator.", "incident", ("captured", 1),
           "Strategic developments", "Terayzai")],
    ]  # fmt: skip
    assert [start for _, _, start, _ in _summary(paragraphs, date(2011, 3, 8))] == [
        "2011-03-07",
        "2011-03-07",
    ]


def test_segment_incident_placed_only_by_its_country_takes_the_next_place() -> None:
    """A release's lead places its operation only in the country ("in southern Afghanistan"); the paragraph that
    names the district tells the same operation, not a second one (its two insurgents are the lead's two)."""
    text = (
        "KABUL, Afghanistan (March 22, 2011) – Afghan and coalition forces killed two insurgents during a clearing "
        "operation in southern Afghanistan, today.\n\nCombined forces conducted a clearing operation in Garmsir "
        "district, Helmand province, when insurgents fired on them. The force returned fire, killing two insurgents."
    )
    doc = Document.from_text(text, published=date(2011, 3, 22), country="Afghanistan")
    (incident,) = [e for e in extract(doc) if e.kind == "incident"]
    killed = incident.total("killed")
    assert killed is not None and killed.best == 2
    assert incident.location is not None and incident.location.admin1 == "Helmand"


def test_segment_a_governorate_heading_the_report_is_no_other_scene() -> None:
    """ "Deir Ezzor: SDF arrests 6 in security campaign" heads the report with its governorate, a label: the
    arrests the body places in Dhiban are the headline's, one incident."""
    text = (
        "Deir Ezzor: SDF arrests 6 in security campaign\n\nSDF, backed by the international coalition, launched a "
        "security campaign in Dhiban, Al-Hawayij and Al-Shuhail towns in the eastern countryside of Deir Ezzor, "
        "arresting six people accused of belonging to ISIS cells."
    )
    (incident,) = _incidents(text, date(2024, 5, 2))
    assert incident.location is not None and incident.location.name == "Dhiban"
    captured = incident.total("captured")
    assert captured is not None and captured.best == 6


def test_segment_a_country_named_without_a_locating_word_is_no_other_scene() -> None:
    """ "A credible threat to attack the U.S. Embassy" names a country as a qualifier, not where anything happened:
    the operation in Kabul goes on, and its two dead, told again, are counted once."""
    text = (
        "KABUL, Afghanistan (Dec. 24, 2010) - A joint patrol killed two men during an operation in Kabul today. "
        "After receiving a credible threat to attack the U.S. Embassy, ISAF coordinated with Afghan security forces "
        "to move on an area of interest. The force returned fire, killing two of the shooters."
    )
    incidents = _incidents(text, date(2010, 12, 24))
    assert [(e.location.name if e.location else None) for e in incidents] == ["Kabul"]
    assert sum(s.best or 0 for e in incidents for s in e.sides if s.kind == "killed") == 2


def test_segment_an_act_told_as_coming_later_is_another_event() -> None:
    """The air strikes that followed an ambush, with no toll of their own, are another event than the ambush:
    its type stays the ambush's."""
    text = (
        "Islamic State militants ambushed an army convoy on Sunday on the road between Ithriya and al-Rasafa, "
        "killing 11 soldiers. A monitoring group put the toll at 14 soldiers. Russian warplanes later carried out "
        "dozens of air strikes on suspected militant hideouts in the area, without giving a casualty figure."
    )
    incidents = _incidents(text, date(2021, 3, 2))
    assert [e.event_type for e in incidents] == ["Battles", "Explosions/Remote violence"]
    # the monitor's toll revises the state's: 14 killed, by side as in all
    ambush = incidents[0]
    total = ambush.total("killed")
    assert total is not None and total.best == 14
    assert sum(s.best or 0 for s in ambush.sides if s.kind == "killed") == 14


def test_segment_an_act_told_as_coming_later_happened_where_the_first_did() -> None:
    """ "... later carried out air strikes in the area", paragraphs after the ambush: the strikes are placed where
    the ambush was, unless their sentence names a place of its own."""
    text = (
        "Islamic State militants ambushed an army convoy on Sunday in the desert near al-Rasafa, Raqqa province, "
        "killing 11 soldiers.\n\nThe group claimed responsibility in a statement on its Amaq news agency.\n\n"
        "A monitoring group put the toll at 14 soldiers.\n\nRussian warplanes later carried out dozens of air "
        "strikes on suspected militant hideouts in the area."
    )
    ambush, strikes = _incidents(text, date(2021, 3, 2))
    assert ambush.location is not None and strikes.location is not None
    assert strikes.location.name == ambush.location.name
    elsewhere = text.replace("in the area", "near Maadan")
    ambush, strikes = _incidents(elsewhere, date(2021, 3, 2))
    assert ambush.location is not None and strikes.location is not None
    assert strikes.location.name != ambush.location.name


@pytest.mark.parametrize(
    ("text", "published", "first_prec"),
    [
        # an act told as near the incident before it: "a raid on a nearby village"
        (
            "KIRKUK, Iraq, June 8 (Wire) - A roadside bomb struck an Iraqi army patrol near Wadi al-Shay, south-west "
            "of Kirkuk, late on Monday, killing three soldiers.\n\n"
            "Iraqi officials blamed Islamic State for the attack.\n\n"
            "Security forces arrested two suspects in a raid on a nearby village on Tuesday morning.",
            date(2021, 6, 8),
            2,
        ),
        # an act told as coming later, "in the area" of a town named exactly: near the town, not at it
        (
            "Islamic State militants ambushed a Syrian army convoy on Sunday in the town of Saraqib, Idlib, killing "
            "11 soldiers.\n\nThe group claimed responsibility in a statement.\n\nA monitoring group put the toll "
            "at 14 soldiers.\n\nRussian warplanes later carried out dozens of air strikes on suspected militant "
            "hideouts in the area.",
            date(2021, 3, 2),
            1,
        ),
    ],
)
def test_segment_a_place_carried_to_a_later_act_is_near_it(
    text: str, published: date, first_prec: int
) -> None:
    first, later = _incidents(text, published)
    assert first.location is not None and later.location is not None
    assert later.location.name == first.location.name
    assert (later.location.latitude, later.location.longitude) == (
        first.location.latitude,
        first.location.longitude,
    )
    assert first.location.where_prec == first_prec
    assert later.location.where_prec == later.location.geo_precision == 2  # near it, not at it
