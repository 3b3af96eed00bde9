"""The main job extracts a batch of documents at a time, each stage over the whole batch: the events must be those of
one document at a time, and one document's failure must stay that document's."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad import registry
from marsad.batch import local
from marsad.export.jsonout import result_to_dict
from marsad.extract.stages import DEFAULT_CHAIN, Draft, default_resources
from marsad.ingest import read_paths
from marsad.pipeline import BATCH_SIZE, extract, extract_batch
from marsad.records import Document
from marsad.store.sqlite import Store

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "reports"
_BROKEN = "marsad.tests.fails-on-marked-reports.v1"
_MARK = "BREAKS THE PIPELINE"


@registry.register(_BROKEN)
def _fails_on_marked(draft: Draft) -> Draft:
    if _MARK in draft.doc.text:
        raise ValueError("a stage bug on this report")
    return draft


def _demo_documents(seed_path: Path) -> list[Document]:
    docs = [d for p in sorted(EXAMPLES.iterdir()) for d in read_paths([p]) if isinstance(d, Document)]
    return docs + [d for d in read_paths([seed_path]) if isinstance(d, Document)]


def test_batch_events_are_those_of_one_document_at_a_time(seed_path: Path) -> None:
    docs = _demo_documents(seed_path)
    resources = default_resources()
    one_by_one = [result_to_dict(d, extract(d, resources=resources)) for d in docs]
    batched = extract_batch(docs, resources=resources)
    assert len(batched) == len(docs)
    together = [
        result_to_dict(d, r) for d, r in zip(docs, batched, strict=True) if not isinstance(r, Exception)
    ]
    assert together == one_by_one
    assert sum(len(r["events"]) for r in together) > len(docs)  # the demo reports do tell incidents


def test_batch_failure_of_one_document_leaves_the_others(seed_path: Path) -> None:
    (seed,) = [d for d in read_paths([seed_path]) if isinstance(d, Document)]
    broken = Document.from_text(f"{_MARK}: clashes in Aleppo killed 3 fighters.", country="Syria")
    chain = (*DEFAULT_CHAIN[:2], _BROKEN, *DEFAULT_CHAIN[2:])
    first, failed, last = extract_batch([seed, broken, seed], chain=chain)
    assert isinstance(failed, ValueError)
    assert not isinstance(first, Exception) and first == last == extract(seed, chain=chain)


def test_batch_run_records_the_failed_report_and_stores_the_rest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inputs = tmp_path / "reports"
    inputs.mkdir()
    for n in range(BATCH_SIZE + 3):  # more than one batch, the broken report in the second
        text = f"Shelling killed {n + 2} civilians in Douma on 3 March 2018."
        if n == BATCH_SIZE + 1:
            text = f"{_MARK}. {text}"
        (inputs / f"report-{n:02d}.txt").write_text(text, encoding="utf-8")
    chain = (*DEFAULT_CHAIN[:2], _BROKEN, *DEFAULT_CHAIN[2:])
    original = local.extract_batch
    monkeypatch.setattr(local, "extract_batch", lambda docs, **kw: original(docs, chain=chain, **kw))
    seen: list[object] = []
    store = Store.open(tmp_path / "marsad.db")
    summary = local.run([inputs], store, country="Syria", on_item=seen.append)
    assert summary.documents == len(seen) == BATCH_SIZE + 3
    assert summary.new == BATCH_SIZE + 2
    (failure,) = summary.failures
    assert failure.code == "extract-error" and "report-33.txt" in failure.source
    assert "ValueError" in failure.message
    assert [f["source"] for f in store.failures()] == [failure.source]


def test_batch_run_counts_reports_read_again_by_another_extractor(tmp_path: Path) -> None:
    inputs = tmp_path / "reports"
    inputs.mkdir()
    for n in range(3):
        text = f"Shelling killed {n + 2} civilians in Douma on 3 March 2018."
        (inputs / f"report-{n}.txt").write_text(text, encoding="utf-8")
    store = Store.open(tmp_path / "marsad.db")
    first = local.run([inputs], store, country="Syria")
    assert (first.new, first.reread, first.events) == (3, 0, {"incident": 3})
    events = sorted(e["id"] for e in store.events())
    again = local.run([inputs], store, country="Syria")
    assert (again.new, again.reread, again.events) == (0, 0, {})
    # one report as an older marsad stored it
    store.connection.execute("UPDATE documents SET extractor = 'marsad 0.0.9+old' WHERE rowid = 1")
    later = local.run([inputs], store, country="Syria")
    assert (later.new, later.reread, later.events) == (0, 1, {"incident": 1})
    assert sorted(e["id"] for e in store.events()) == events
