"""Builders of real records for store and export tests: a report text and events whose spans point into it."""

from __future__ import annotations

import hashlib
from datetime import date

from marsad.records import Actor, Document, Event, EventDate, Evidence, Figure, Place, SideCount, Span

REPORT = (
    "Deir ez-Zor: ISIS cells attack regime positions in the desert\n"
    "SOHR activists reported that 7 regime soldiers were killed and 3 others wounded yesterday when "
    "ISIS cells attacked their positions in the desert of Al-Mayadin "
    "in the eastern countryside of Deir ez-Zor.\n"
    "In Idlib, 5 people were killed or injured by Russian airstrikes on Ma'arrat al-Nu'man.\n"
    "Since the beginning of the month, 42 people have been killed in Deir ez-Zor."
)
PUBLISHED = date(2021, 1, 24)


def span(text: str, words: str, occurrence: int = 0) -> Span:
    """The span of the ``occurrence``-th appearance of ``words`` in ``text``."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(words, start + 1)
    return Span.of(text, start, start + len(words))


def make_document(text: str = REPORT, raw: bytes | None = None, **meta: object) -> Document:
    body = raw if raw is not None else f"<html><body><p>{text}</p></body></html>".encode()
    defaults: dict[str, object] = {
        "url": "https://www.syriahr.com/en/12345/",
        "title": text.split("\n", 1)[0],
        "site": "SOHR",
        "published": PUBLISHED,
        "published_source": "html-meta",
        "language": "en",
        "country": "Syria",
        "source": "tests/fixtures/report.html",
        "external_id": "sohr-12345",
        "raw_sha256": hashlib.sha256(body).hexdigest(),
        "raw_format": "html",
        "raw": body,
    }
    defaults.update(meta)
    return Document.from_text(text, **defaults)


def mayadin_attack(doc: Document) -> Event:
    """An incident with every field set: date, place, actors, figures with sides, evidence."""
    t = doc.text
    killed = Figure(
        "killed",
        7,
        7,
        7,
        span(t, "7 regime soldiers were killed"),
        who="regime soldiers",
        side="government",
        flags=("claim",),
        claimant="SOHR",
    )
    injured = Figure("injured", 3, 3, 3, span(t, "3 others wounded"), side="government")
    return Event(
        id=f"{doc.id[:16]}-1",
        document_id=doc.id,
        kind="incident",
        event_type="Battles",
        sub_event_type="Armed clash",
        date=EventDate(
            date(2021, 1, 23),
            date(2021, 1, 23),
            1,
            "yesterday",
            "yesterday relative to publication 2021-01-24",
            span(t, "yesterday"),
        ),
        location=Place(
            name="Al-Mayadin",
            country="Syria",
            admin1="Deir-ez-Zor",
            admin2="Al-Mayadin",
            latitude=35.0207,
            longitude=40.4528,
            geo_precision=2,
            where_prec=2,
            admin1_pcode="SY09",
            admin2_pcode="SY0903",
            pcode="C4906",
            geonameid=169577,
            feature="town",
            source="ocha",
            span=span(t, "Al-Mayadin"),
        ),
        actor1=Actor(
            "Islamic State (Syria)", "ISIS cells", 2, "islamic-state", True, span(t, "ISIS cells", 1)
        ),
        actor2=Actor(
            "Military Forces of Syria (2000-2024)",
            "regime soldiers",
            1,
            "government",
            True,
            span(t, "regime soldiers"),
        ),
        assoc_actors=(Actor("Unknown desert militia", "militia", None, None, False),),
        figures=(killed, injured),
        sides=(SideCount("government", "killed", 7, 7, 7), SideCount("government", "injured", 3, 3, 3)),
        evidence=(
            Evidence("date", span(t, "yesterday")),
            Evidence("location", span(t, "Al-Mayadin")),
            Evidence("figure:killed", killed.span),
        ),
        confidence=0.8125,
        extractor_version="marsad-test/1",
        span=span(t, "SOHR activists reported"),
        notes="Attack on regime positions near Al-Mayadin.",
    )


def idlib_airstrike(doc: Document) -> Event:
    """An incident with only a combined killed-or-injured figure (never fatalities)."""
    t = doc.text
    combined = Figure("killed_or_injured", 5, 5, 5, span(t, "5 people were killed or injured"), who="people")
    return Event(
        id=f"{doc.id[:16]}-2",
        document_id=doc.id,
        kind="incident",
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        date=EventDate(date(2021, 1, 24), date(2021, 1, 24), 1, "", "publication date"),
        location=Place(
            name="Ma'arrat al-Nu'man",
            country="SY",
            admin1="Idleb",
            latitude=35.6484,
            longitude=36.6727,
            geo_precision=1,
            where_prec=1,
        ),
        actor1=Actor("Military Forces of Russia (2000-)", "Russian", 8, "russia"),
        actor2=Actor("Civilians (Syria)", "people", 7, "civilians"),
        figures=(combined,),
        evidence=(Evidence("figure:killed_or_injured", combined.span),),
        confidence=0.6,
    )


def monthly_tally(doc: Document) -> Event:
    """A cumulative tally with no coordinates: left out of exports unless asked for."""
    t = doc.text
    total = Figure("killed", 42, 42, 42, span(t, "42 people have been killed"))
    return Event(
        id=f"{doc.id[:16]}-3",
        document_id=doc.id,
        kind="tally",
        event_type=None,
        sub_event_type=None,
        date=EventDate(date(2021, 1, 1), date(2021, 1, 24), 4, "Since the beginning of the month", "month"),
        location=Place(name="Deir ez-Zor", country="Syria", admin1="Deir-ez-Zor", where_prec=4),
        actor1=None,
        actor2=None,
        figures=(total,),
    )


def sample(text: str = REPORT, **meta: object) -> tuple[Document, list[Event]]:
    doc = make_document(text, **meta)
    return doc, [mayadin_attack(doc), idlib_airstrike(doc), monthly_tally(doc)]


def other_report(
    title: str, when: date, admin1: str, actor: str, event_type: str = "Battles"
) -> tuple[Document, list[Event]]:
    """A second, different report with one incident, for filter tests."""
    text = f"{title}\nClashes between {actor} and the army were reported in {admin1} today."
    doc = make_document(text, title=title, published=when)
    event = Event(
        id=f"{doc.id[:16]}-1",
        document_id=doc.id,
        kind="incident",
        event_type=event_type,
        sub_event_type="Armed clash" if event_type == "Battles" else None,
        date=EventDate(when, when, 1, "today", "publication date", span(text, "today")),
        location=Place(name=admin1, country="Syria", admin1=admin1, where_prec=4),
        actor1=Actor(actor, actor, 2),
        actor2=Actor("Military Forces of Syria (2000-2024)", "the army", 1),
        evidence=(Evidence("actor1", span(text, actor)),),
    )
    return doc, [event]
