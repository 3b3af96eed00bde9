"""The CLI as a user drives it: a real process, a real SQLite file, the demo corpus and bad inputs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from marsad.export.jsonout import validate

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "reports"


def marsad(*args: str, stdin: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, "-m", "marsad.cli", *args],
        input=stdin, capture_output=True, text=True, cwd=cwd, env=env, timeout=300, check=False,
    )  # fmt: skip


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("demo") / "marsad.db"
    result = marsad("run", str(EXAMPLES), "--db", str(db))
    assert result.returncode == 0, result.stderr
    return db


def test_cli_run_stores_demo_corpus_and_rerun_adds_nothing(demo_db: Path) -> None:
    first = json.loads(marsad("events", "--db", str(demo_db), "--format", "json").stdout)
    assert len({e["document"]["id"] for e in first}) == len(list(EXAMPLES.iterdir()))
    again = marsad("run", str(EXAMPLES), "--db", str(demo_db))
    assert again.returncode == 0
    second = json.loads(marsad("events", "--db", str(demo_db), "--format", "json").stdout)
    assert sorted(e["id"] for e in second) == sorted(e["id"] for e in first)


def test_cli_events_lists_incidents_with_place_date_actor_and_figures(demo_db: Path) -> None:
    rows = json.loads(marsad("events", "--db", str(demo_db), "--kind", "incident", "--format", "json").stdout)
    assert rows and all(r["kind"] == "incident" for r in rows)
    assert sum(r["location"] is not None for r in rows) >= len(rows) * 0.6
    assert all(r["date"] is not None for r in rows)
    assert sum(r["actor1"] is not None or r["actor2"] is not None for r in rows) >= len(rows) * 0.6
    assert any(r["casualties"]["killed"] for r in rows)


def test_cli_events_filters_and_formats(demo_db: Path) -> None:
    table = marsad("events", "--db", str(demo_db), "--kind", "incident")
    assert table.returncode == 0 and "incident" in table.stdout
    csv_out = marsad(
        "events", "--db", str(demo_db), "--format", "csv", "--admin1", "Idlib"
    ).stdout.splitlines()
    assert csv_out[0].startswith("id,kind,date,type,place,admin1")
    assert len(csv_out) > 1 and all("Idlib" in line for line in csv_out[1:])
    since = json.loads(
        marsad("events", "--db", str(demo_db), "--since", "2023-01-01", "--format", "json").stdout
    )
    assert since and all(e["date"]["end"] >= "2023-01-01" for e in since)
    typed = json.loads(
        marsad("events", "--db", str(demo_db), "--type", "Air/drone strike", "--format", "json").stdout
    )
    assert typed and all(e["sub_event_type"] == "Air/drone strike" for e in typed)


def test_cli_export_csv_and_geojson(demo_db: Path, tmp_path: Path) -> None:
    out_csv, out_geo = tmp_path / "e.csv", tmp_path / "e.geojson"
    assert marsad("export", "--format", "csv", "-o", str(out_csv), "--db", str(demo_db)).returncode == 0
    header = out_csv.read_text().splitlines()[0].split(",")
    assert header[:4] == ["event_id_cnty", "event_date", "year", "time_precision"]
    assert marsad("export", "--format", "geojson", "-o", str(out_geo), "--db", str(demo_db)).returncode == 0
    geo = json.loads(out_geo.read_text())
    assert geo["type"] == "FeatureCollection" and geo["features"]


def test_cli_show_highlights_evidence(demo_db: Path) -> None:
    rows = json.loads(marsad("events", "--db", str(demo_db), "--kind", "incident", "--format", "json").stdout)
    event = next(r for r in rows if r["figures"])
    shown = marsad("show", event["id"][:10], "--db", str(demo_db))
    assert shown.returncode == 0, shown.stderr
    assert event["figures"][0]["text"] in shown.stdout.replace("\n", " ") or "figure:" in shown.stdout
    missing = marsad("show", "ffffffffffff", "--db", str(demo_db))
    assert missing.returncode == 2 and "Traceback" not in missing.stderr


def test_cli_extract_json_validates_against_schema(seed_path: Path) -> None:
    result = marsad("extract", str(seed_path), "--json", "--published", "2021-01-24")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    validate(data)
    assert data["document"]["published"] == "2021-01-24"


def test_cli_extract_jsonl_keeps_ids_and_order(tmp_path: Path) -> None:
    lines = [
        {"id": "b", "text": "Shelling killed two civilians in Ariha on Monday.", "published": "2021-09-08"},
        "this line is not json",
        {
            "id": 7,
            "text": "KABUL, Afghanistan (Jan. 25, 2013) - The force detained two suspects.",
            "country": "AF",
        },
        {"id": "empty", "text": ""},
        "[" * 100_000 + "]" * 100_000,
        "12",
    ]
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n")
    result = marsad("extract", "--jsonl", str(src))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(out) == 6
    assert out[0]["document"]["external_id"] == "b" and out[2]["document"]["external_id"] == "7"
    assert out[1]["error"]["code"] == "not-json" and out[1]["error"]["where"] == f"{src}:2"
    assert out[3]["error"]["code"] == "no-text" and out[3]["id"] == "empty"
    assert "nested too deeply" in out[4]["error"]["message"] and "not an object" in out[5]["error"]["message"]
    for ok in (out[0], out[2]):
        validate(ok)
    assert out[2]["document"]["published"] == "2013-01-25"


def test_cli_bad_inputs_are_recorded_and_the_run_goes_on(tmp_path: Path) -> None:
    bad = tmp_path / "inbox"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (bad / "latin.txt").write_bytes("Caf\xe9 ".encode("utf-16-le") + b"\xff\xfe\x00\xd8" * 50)
    (bad / "nothing.html").write_text("<html><body><nav>Home</nav></body></html>")
    (bad / "feed.rss").write_text("Not a feed: someone saved an error page here.")
    (bad / "lines.jsonl").write_text(
        '{"id": 1, "text": "Gunmen killed a shepherd near Hama on Sunday."}\n{oops\n'
    )
    (bad / "good.txt").write_text("Regime shelling killed three civilians in Kansafra, Idlib, yesterday.\n")
    db = tmp_path / "m.db"
    result = marsad("run", str(bad), "--db", str(db), "--published", "2021-08-19")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    failures = json.loads(marsad("errors", "--db", str(db), "--format", "json").stdout)
    codes = {Path(f["source"].split(":")[0].split("#")[0]).name: f["code"] for f in failures}
    assert codes["empty.txt"] == "empty"
    assert codes["binary.txt"] == "binary"
    assert codes["nothing.html"] == "no-text"
    assert codes["feed.rss"] == "not-xml"
    assert codes["lines.jsonl"] == "not-json"
    assert "latin.txt" in codes
    stored = json.loads(marsad("events", "--db", str(db), "--format", "json").stdout)
    assert len({e["document"]["id"] for e in stored}) == 2  # good.txt and the good JSONL line were stored


def test_cli_user_error_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    result = marsad("events", "--since", "yesterday", "--db", str(tmp_path / "x.db"))
    assert result.returncode == 2
    assert "YYYY-MM-DD" in result.stderr and "Traceback" not in result.stderr
    not_db = tmp_path / "notes.txt"
    not_db.write_text("hello")
    result = marsad("events", "--db", str(not_db))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    result = marsad("run", str(not_db), "--db", str(tmp_path / "x.db"), "--published", "3021-01-24")
    assert result.returncode == 2
    assert "--published 3021-01-24 is after" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("nosuchcommand",), "No such command"),
        (("show",), "Missing argument"),
        (("events", "--format", "xml"), "Invalid value for '--format'"),
        (("eval", "isaf", "case2021"), "unexpected extra argument"),
    ],
)
def test_cli_command_line_mistake_prints_usage_not_a_traceback(args: tuple[str, ...], says: str) -> None:
    result = marsad(*args)
    assert result.returncode == 2
    assert says in result.stderr and "Usage: marsad" in result.stderr
    assert "Traceback" not in result.stderr


FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Field Monitor</title><link>http://127.0.0.1/</link>
<item><title>Shelling kills two in Kansafra</title><link>http://127.0.0.1/a</link>
<pubDate>Thu, 19 Aug 2021 09:00:00 +0000</pubDate>
<description>Regime shelling killed two civilians in Kansafra in the southern countryside of Idlib today.</description>
</item></channel></rss>"""


def test_cli_run_reads_a_feed_by_url(tmp_path: Path) -> None:
    import http.server
    import threading

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = FEED.encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        db = tmp_path / "feed.db"
        url = f"http://127.0.0.1:{server.server_address[1]}/feed.xml"
        result = marsad("run", url, "--db", str(db))
        assert result.returncode == 0, result.stderr
        rows = json.loads(marsad("events", "--db", str(db), "--format", "json").stdout)
        assert rows and rows[0]["document"]["published"] == "2021-08-19"
        assert rows[0]["casualties"]["killed"]["best"] == 2
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def test_cli_extract_reads_standard_input() -> None:
    text = "Regime shelling killed two civilians in Kansafra, Idlib, yesterday.\n"
    result = marsad("extract", "-", "--json", "--published", "2021-08-19", "--country", "Syria", stdin=text)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    (event,) = data["events"]
    assert event["date"]["start"] == "2021-08-18"
    assert event["casualties"]["killed"]["best"] == 2
    assert event["location"]["admin1"] == "Idlib"


def test_cli_extract_with_a_user_actor_dictionary(tmp_path: Path) -> None:
    text = (
        "FIA fighters shelled a regime checkpoint near Kafr Nabl, Idlib, yesterday, killing two soldiers.\n"
    )
    user = ROOT / "tests" / "fixtures" / "actors" / "extra_valid.yaml"
    plain = json.loads(marsad("extract", "-", "--json", "--published", "2021-08-19", stdin=text).stdout)
    mine = marsad("extract", "-", "--json", "--published", "2021-08-19", "--actors", str(user), stdin=text)
    assert mine.returncode == 0, mine.stderr
    names = {(e["actor1"] or {}).get("name") for e in json.loads(mine.stdout)["events"]}
    assert "Free Idlib Army" in names
    assert "Free Idlib Army" not in {(e["actor1"] or {}).get("name") for e in plain["events"]}
    broken = marsad(
        "extract", "-", "--actors", str(ROOT / "tests/fixtures/actors/bad_inter.yaml"), stdin=text
    )
    assert broken.returncode == 2 and "bad_inter.yaml" in broken.stderr and "Traceback" not in broken.stderr


def test_cli_run_rereads_reports_another_extractor_read(tmp_path: Path) -> None:
    """A report stored before the user added an actor dictionary (as before an upgrade of marsad) is read again by
    the next run over it: the store shows what the extractor now reads, not the old events."""
    report = tmp_path / "reports" / "kafr-nabl.txt"
    report.parent.mkdir()
    report.write_text(
        "FIA fighters shelled a regime checkpoint near Kafr Nabl, Idlib, on 18 August 2021, killing two soldiers.\n",
        encoding="utf-8",
    )
    db = str(tmp_path / "marsad.db")
    user = str(ROOT / "tests" / "fixtures" / "actors" / "extra_valid.yaml")

    def actors1() -> set[str | None]:
        rows = json.loads(marsad("events", "--db", db, "--format", "json").stdout)
        return {(e["actor1"] or {}).get("name") for e in rows}

    assert marsad("run", str(report.parent), "--db", db).returncode == 0
    assert "Free Idlib Army" not in actors1()
    again = marsad("run", str(report.parent), "--db", db, "--actors", user)
    assert again.returncode == 0, again.stderr
    assert "were read again" in again.stdout
    assert actors1() == {"Free Idlib Army"}
    same = marsad("run", str(report.parent), "--db", db, "--actors", user)
    assert "were read again" not in same.stdout
    counts = json.loads(marsad("events", "--db", db, "--format", "json").stdout)
    assert len({e["document"]["id"] for e in counts}) == 1
