"""Gold-set readers: what they hand the pipeline, and how they report malformed rows (by line number)."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import pytest

from marsad.errors import DataMissingError
from marsad.evaluate.readers import GoldItem, csv_rows, sample_items
from marsad.evaluate.sets import SETS
from marsad.evaluate.sets.case2021 import _unquote

ISAF_HEADER = [
    "text",
    "name",
    "start_date",
    "event_type",
    "province",
    "target_group",
    "min_killed",
    "min_captured",
]


def _write_csv(path: Path, header: list[str], rows: list[list[str]], **kw: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, **kw)  # type: ignore[arg-type]
        writer.writerow(header)
        writer.writerows(rows)


def _isaf_row(
    text: str, start: str = "2011-01-10", killed: str = "2", province: str = '["helmand"]'
) -> list[str]:
    return [text, "name", start, '["insurgentskilled"]', province, '["taliban"]', killed, "0"]


def test_evaluate_readers_isaf_items_and_malformed_lines(tmp_path: Path) -> None:
    path = tmp_path / "isaf_press_releases" / "isaf_dev.csv"
    rows = [
        _isaf_row("KABUL, Afghanistan (Jan. 10, 2011)\nTwo insurgents\nwere killed."),  # lines 2-4
        _isaf_row("bad date", start="yesterday"),  # line 5
        _isaf_row("bad count\nsecond line", killed="two"),  # lines 6-7
        _isaf_row("bad province", province="helmand"),  # line 8
        _isaf_row("   "),  # line 9
        _isaf_row("KABUL (Jan. 11, 2011) fine", province='["paktya", "??"]'),  # line 10
    ]
    _write_csv(path, ISAF_HEADER, rows)
    gold = SETS["isaf"].read(tmp_path)
    assert [m.line for m in gold.malformed] == [5, 6, 8, 9]
    assert "start_date" in gold.malformed[0].reason or "yesterday" in gold.malformed[0].reason
    assert gold.rows_read == 6
    first, last = gold.items
    assert (first.line, last.line) == (2, 10)
    assert first.published is None and first.country == "Afghanistan"
    assert first.gold == {
        "start_date": date(2011, 1, 10),
        "min_killed": 2,
        "min_captured": 0,
        "provinces": ["helmand"],
    }
    assert first.record() == {
        "id": first.id,
        "text": first.text,
        "published": None,
        "url": None,
        "title": None,
        "country": "Afghanistan",
    }


def test_evaluate_readers_case2021_quote_none_and_bad_rows(tmp_path: Path) -> None:
    path = tmp_path / "case2021_task2" / "case2021_task2_dev.tsv"
    path.parent.mkdir(parents=True)
    path.write_text(
        "id\tEventSnippet\tSubType\n"
        '1\t"He said ""no"" to the ceasefire"\tAGREEMENT\n'
        '2\tAn unbalanced " quote stays\tARMED_CLASH\n'
        "3\tA snippet\tNOT_A_TYPE\n"
        "4\ttoo\tmany\tfields\n"
        "5\tFlood kills 10\tNATURAL_DISASTER\n",
        encoding="utf-8",
    )
    gold = SETS["case2021"].read(tmp_path)
    assert [(m.line, m.reason.split()[0]) for m in gold.malformed] == [(4, "unknown"), (5, "4")]
    assert [i.text for i in gold.items] == [
        'He said "no" to the ceasefire',
        'An unbalanced " quote stays',
        "Flood kills 10",
    ]
    assert [i.gold["label"] for i in gold.items] == ["AGREEMENT", "ARMED_CLASH", "NATURAL_DISASTER"]


@pytest.mark.parametrize(
    ("field", "text"),
    [('"a ""b"" c"', 'a "b" c'), ("plain", "plain"), ('"', '"'), ('""', ""), ('  "x"  ', "x")],
)
def test_evaluate_readers_case2021_unquote(field: str, text: str) -> None:
    assert _unquote(field) == text


def _ucdp_group(headline: str, n: int = 1, **event: object) -> dict[str, object]:
    base = {
        "id": 1, "date_start": "2016-05-17", "side_a": "Government of Syria", "side_b": "IS",
        "where_coordinates": "Ar Raqqah town", "adm_1": "Ar Raqqah Governorate", "latitude": 35.95,
        "longitude": 39.01, "best": 3,
    }  # fmt: skip
    base.update(event)
    return {
        "source_article": f'"AFP,2016-05-17,{headline}"',
        "source_date": "2016-05-17;2016-05-16",
        "source_headline": headline,
        "events": [base] * n,
    }


def test_evaluate_readers_ucdp_groups(tmp_path: Path) -> None:
    path = tmp_path / "ucdp_ged_syria" / "by_source_article.jsonl"
    path.parent.mkdir(parents=True)
    lines = [
        json.dumps(_ucdp_group("Air strikes on Raqqa kill 3;Raqqa: 3 dead")),
        json.dumps(_ucdp_group("Two events here", n=2)),
        "{not json",
        "",
        json.dumps(_ucdp_group("No point", latitude=None)),
        json.dumps(["a list"]),
        json.dumps(_ucdp_group("Clashes in the north")),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    gold = SETS["ucdp"].read(tmp_path)
    assert [m.line for m in gold.malformed] == [3, 5, 6]
    assert gold.rows_read == 6  # blank lines are not rows
    first, second = gold.items
    assert first.text == "Air strikes on Raqqa kill 3\nRaqqa: 3 dead"
    assert first.published == date(2016, 5, 17) and first.country == "Syria"
    assert first.gold["answerable"] and first.gold["has_digit"]
    assert first.gold["sides"] == ["Government of Syria", "IS"]
    assert not second.gold["answerable"] and not second.gold["has_digit"]


def test_evaluate_readers_ucdp_entities_do_not_split_a_headline(tmp_path: Path) -> None:
    """Sources are joined by ";": an HTML entity's own ";" must not cut one headline in two."""
    path = tmp_path / "ucdp_ged_syria" / "by_source_article.jsonl"
    path.parent.mkdir(parents=True)
    headline = "Human losses in Dar&#8217;a and Damascus;The &#8220;Islamic State&#8221; executes 5 in Raqqa"
    path.write_text(json.dumps(_ucdp_group(headline)) + "\n", encoding="utf-8")
    (item,) = SETS["ucdp"].read(tmp_path).items
    assert item.text == "Human losses in Dar’a and Damascus\nThe “Islamic State” executes 5 in Raqqa"


def test_evaluate_readers_fakes_credible_only(tmp_path: Path) -> None:
    path = tmp_path / "fakes_syria_news" / "fakes_dev.csv"
    header = ["unit_id", "article_title", "article_content", "source", "date", "location", "labels"]
    rows = [
        ["1", "Title one", "Body\none", "sana", "12/26/2014", "hasakeh", "1"],  # lines 2-3
        ["2", "Not credible", "Body", "sana", "1/2/2015", "idlib", "0"],  # line 4
        ["3", "Bad date", "Body", "sana", "2015-01-02", "idlib", "1"],  # line 5
        ["4", "Bad label", "Body", "sana", "1/2/2015", "idlib", "yes"],  # line 6
        ["5", "", "Only body", "sana", "1/3/2015", "deir ezzor", "1"],  # line 7
    ]
    _write_csv(path, header, rows)
    gold = SETS["fakes"].read(tmp_path)
    assert [m.line for m in gold.malformed] == [5, 6]
    assert [i.text for i in gold.items] == ["Title one\n\nBody\none", "Only body"]
    assert gold.items[0].gold == {"date": date(2014, 12, 26), "location": "hasakeh"}
    assert gold.items[0].published is None and gold.items[0].country is None
    assert gold.rows_read == 5


def test_evaluate_readers_csv_rows_reports_unparsable_rows(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text('a,b\n1,2\n3,"x"y\n4,5\n', encoding="utf-8")
    got = list(csv_rows(path, strict=True))
    assert [line for line, _ in got] == [2, 3, 4]
    assert got[0][1] == {"a": "1", "b": "2"}
    assert "unreadable CSV" in got[1][1].reason  # type: ignore[union-attr]
    assert got[2][1] == {"a": "4", "b": "5"}


@pytest.mark.parametrize("name", ["isaf", "case2021", "ucdp", "fakes", "seed"])
def test_evaluate_readers_missing_data_says_where_and_how(name: str, tmp_path: Path) -> None:
    with pytest.raises(DataMissingError) as info:
        SETS[name].read(tmp_path / "nowhere")
    message = str(info.value)
    assert "nowhere" in message and "--data-dir" in message and "MARSAD_DATA" in message


def test_evaluate_readers_sample_is_fixed_and_in_file_order() -> None:
    items = [GoldItem(f"id{i}", i, "t", None, None, {}) for i in range(100)]
    first = sample_items(items, 10)
    assert first == sample_items(list(reversed(items)), 10)[::-1]
    assert [i.line for i in first] == sorted(i.line for i in first)
    assert len(first) == 10
    # growing the file keeps most of the sample: membership depends on each id alone
    grown = sample_items([*items, *(GoldItem(f"new{i}", 200 + i, "t", None, None, {}) for i in range(5))], 10)
    assert len({i.id for i in first} & {i.id for i in grown}) >= 5
    assert sample_items(items, 500) == items
