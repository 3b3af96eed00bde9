"""Chains the stages. No logic of its own: each step is a registered stage from ``marsad.extract.stages``."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import islice
from typing import Any, TypeVar

from marsad import registry
from marsad.export.jsonout import SCHEMA_ID, result_to_dict
from marsad.extract.stages import DEFAULT_CHAIN, Draft, Resources, default_resources
from marsad.ingest.common import Hints
from marsad.ingest.jsonl import record_document
from marsad.records import Document, Event, Failure


def extract(
    doc: Document, *, resources: Resources | None = None, chain: Sequence[str] = DEFAULT_CHAIN
) -> list[Event]:
    """Events read from one document (a batch of one: see :func:`extract_batch`); a stage's error is raised."""
    (result,) = extract_batch([doc], resources=resources, chain=chain)
    if isinstance(result, Exception):
        raise result
    return result


# Documents a run extracts together (see extract_batch): enough for each stage's tables to stay in the processor's
# caches from one document to the next, few enough that the drafts held meanwhile weigh nothing
BATCH_SIZE = 32
T = TypeVar("T")


def batches(items: Iterable[T], size: int = BATCH_SIZE) -> Iterator[list[T]]:
    """``items`` in runs of ``size`` (the last shorter), in their order: how a run hands them to extract_batch."""
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def extract_batch(
    docs: Sequence[Document], *, resources: Resources | None = None, chain: Sequence[str] = DEFAULT_CHAIN
) -> list[list[Event] | Exception]:
    """Events read from each document, as :func:`extract` reads them, with the chain run stage by stage over all
    the documents (as spaCy's ``nlp.pipe`` runs each component over a batch): a stage's tables and patterns stay
    in the processor's caches from one document to the next, where one document at a time passes through every
    stage in turn and each stage finds them evicted by the others (docs/performance.md measures both). An error
    on one document is that document's result, in its place; the others go on."""
    shared = resources or default_resources()
    drafts: list[Draft | Exception] = [Draft(doc, shared) for doc in docs]
    for name in chain:
        stage = registry.get(name)
        for i, draft in enumerate(drafts):
            if isinstance(draft, Draft):
                try:
                    drafts[i] = stage(draft)
                except Exception as exc:  # one report's bug must not lose the batch: its caller records it
                    drafts[i] = exc
    return [d.events if isinstance(d, Draft) else d for d in drafts]


def document_from_record(
    record: Mapping[str, Any], where: str = "record", hints: Hints | None = None
) -> Document | Failure:
    """A Document from a JSONL-shaped record {"id","text","published","url","title","country"}, read exactly as
    ingest reads a JSONL line (publication date from the record, else the dateline in the text, else the hint)."""
    raw = json.dumps(record, ensure_ascii=False, default=str).encode("utf-8")
    return record_document(record, raw, where, hints or Hints())


def extract_record(
    record: Mapping[str, Any] | Failure,
    where: str = "record",
    *,
    resources: Resources | None = None,
    hints: Hints | None = None,
) -> dict[str, Any]:
    """The stable JSON (marsad.event/1) for one JSONL-shaped record: the code path of ``marsad extract --jsonl``.
    A record that cannot be read (or a line that was no record at all: a Failure) gives
    ``{"schema", "id", "error": {"code", "message", "where"}}`` instead."""
    doc = record if isinstance(record, Failure) else document_from_record(record, where, hints)
    if isinstance(doc, Failure):
        return {
            "schema": SCHEMA_ID,
            "id": None if isinstance(record, Failure) else record.get("id"),
            "error": {"code": doc.code, "message": doc.message, "where": doc.source},
        }
    return result_to_dict(doc, extract(doc, resources=resources))
