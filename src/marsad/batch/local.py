"""The main job in one process: ingest every input, extract its events, store each document with its events.

Failures of one input (unreadable file, a line that is not JSON, an extraction bug on one report) are recorded
with their reason and the run goes on; each document is committed together with its events or not at all.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from marsad.extract.identity import extractor_id
from marsad.extract.stages import default_resources
from marsad.ingest import read_sources
from marsad.pipeline import batches, extract_batch
from marsad.records import Document, Event, Failure
from marsad.settings import Settings
from marsad.store.sqlite import Store, Stored

logger = logging.getLogger(__name__)


@dataclass
class RunSummary:
    documents: int = 0  # documents read
    new: int = 0  # documents stored by this run for the first time
    reread: int = 0  # documents stored before by another extractor (an older marsad): their events replaced
    events: dict[str, int] = field(default_factory=dict)  # events stored by kind (new and re-read documents')
    failures: list[Failure] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures


def extraction_failure(doc: Document, exc: Exception) -> Failure:
    """The recorded failure of a document whose extraction raised: the run goes on without it."""
    logger.debug("extraction failed on %s", doc.source, exc_info=exc)
    where = doc.source or doc.id
    return Failure(where, "extract", "extract-error", f"extraction failed ({type(exc).__name__}: {exc}); "
                   "please report this input with `marsad errors` output")  # fmt: skip


def run(
    paths: Iterable[str | Path],
    store: Store,
    *,
    published: date | None = None,
    country: str | None = None,
    settings: Settings | None = None,
    on_item: Callable[[Document | Failure], None] | None = None,
) -> RunSummary:
    summary = RunSummary()
    # loaded once, before any input: a missing gazetteer is the user's to fix, not a failure of every report
    actor_files = (settings or Settings()).actor_files
    resources = default_resources(actor_files)
    extractor = extractor_id(resources.gazetteer, actor_files)
    run_id = store.begin_run()
    inputs = read_sources(paths, published=published, country=country, settings=settings)
    # extracted a batch at a time, each stage over the whole batch (pipeline.extract_batch); stored one by one
    for batch in batches(inputs):
        results = iter(extract_batch([i for i in batch if isinstance(i, Document)], resources=resources))
        for item in batch:
            if isinstance(item, Failure):
                item_failure: Failure | None = item
            else:
                item_failure = _store(item, next(results), store, summary, extractor)
            if item_failure is not None:
                store.record_failure(item_failure)
                summary.failures.append(item_failure)
            if on_item:
                on_item(item)
    store.finish_run(run_id, {"documents": summary.documents, "new": summary.new, "reread": summary.reread,
                              "failures": len(summary.failures),
                              **{f"events_{k}": v for k, v in summary.events.items()}})  # fmt: skip
    return summary


def _store(
    doc: Document, result: list[Event] | Exception, store: Store, summary: RunSummary, extractor: str
) -> Failure | None:
    """Store one document with its events (a document already stored by this extractor is kept as it was; one
    another extractor read has its events replaced); the failure, if its extraction raised."""
    summary.documents += 1
    if isinstance(result, Exception):
        return extraction_failure(doc, result)
    stored = store.add(doc, result, extractor)
    summary.new += stored == Stored.ADDED
    summary.reread += stored == Stored.REPLACED
    if stored:
        for e in result:
            summary.events[e.kind] = summary.events.get(e.kind, 0) + 1
    return None
