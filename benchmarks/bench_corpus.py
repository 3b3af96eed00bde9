"""The benchmark inputs: real reports read in place (never copied into the repository).

Four sources, each turned into Documents the way the pipeline would see them: the demo corpus through ingest,
and the development halves of three gold sets through the JSONL record path (``document_from_record``), with
the same hints the evaluation gives them. Without the shared data folder only the demo corpus is used.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marsad.ingest import read_paths
from marsad.pipeline import document_from_record
from marsad.records import Document

ROOT = Path(__file__).resolve().parents[1]
DEMO_DIR = ROOT / "examples" / "reports"

# Default timing sample per source: sized so one full pipeline pass takes a few seconds and `make bench`
# (several passes plus the whole-corpus memory run) stays near three minutes on a shared two-core machine.
DEFAULT_SAMPLE = {"demo": 0, "isaf": 100, "ucdp": 1000, "fakes": 50}  # 0 = every document


@dataclass(frozen=True)
class SourceSpec:
    name: str
    title: str
    relative: str  # path under the data folder ("" for the demo corpus)
    records: Callable[[Path], Iterator[dict[str, Any]]] | None


@dataclass
class Batch:
    """The sampled documents of one source, other documents of it for the warm-up, and how many it holds."""

    name: str
    title: str
    path: str
    available: int
    docs: list[Document]
    warmup: list[Document] = field(default_factory=list)

    def warmup_batch(self) -> Batch:
        return Batch(self.name, self.title, self.path, self.available, self.warmup or self.docs)

    def thinned(self, fraction: float) -> Batch:
        """The same source with ``fraction`` of the sample (at least one report), still spread evenly."""
        size = max(1, round(len(self.docs) * fraction))
        return Batch(self.name, self.title, self.path, self.available, stride_sample(self.docs, size))

    @property
    def chars(self) -> int:
        return sum(len(d.text) for d in self.docs)


def _csv_rows(path: Path) -> Iterator[dict[str, str]]:
    csv.field_size_limit(sys.maxsize)  # press releases and articles are long cells
    with path.open(encoding="utf-8", newline="") as fh:
        yield from csv.DictReader(fh)


def _isaf(path: Path) -> Iterator[dict[str, Any]]:
    # no publication hint: the pipeline reads the dateline inside the text, as in `marsad eval isaf`
    for i, row in enumerate(_csv_rows(path)):
        if (row.get("text") or "").strip():
            yield {"id": f"isaf:{i}", "text": row["text"], "country": "Afghanistan"}


def _ucdp(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            obj = json.loads(line)
            headline = obj.get("source_headline") or ""
            # one headline per source, one line each, as `marsad eval ucdp` builds the document
            text = "\n".join(p.strip() for p in headline.split(";") if p.strip())
            published = str(obj.get("source_date") or "").split(";")[0] or None
            if text:
                yield {"id": f"ucdp:{i}", "text": text, "published": published, "country": "Syria"}


def _fakes(path: Path) -> Iterator[dict[str, Any]]:
    for i, row in enumerate(_csv_rows(path)):
        title, content = (row.get("article_title") or "").strip(), (row.get("article_content") or "").strip()
        if title or content:
            yield {"id": f"fakes:{i}", "text": f"{title}\n\n{content}".strip()}


SOURCES = (
    SourceSpec("demo", "demo corpus (examples/reports, via ingest)", "", None),
    SourceSpec("isaf", "ISAF press releases (dev, column text)", "isaf_press_releases/isaf_dev.csv", _isaf),
    SourceSpec(
        "ucdp", "UCDP GED Syria headlines (source_headline)", "ucdp_ged_syria/by_source_article.jsonl", _ucdp
    ),
    SourceSpec(
        "fakes",
        "FA-KES Syrian war news (dev, title + content)",
        "fakes_syria_news/fakes_dev.csv",
        _fakes,
    ),
)


def available_sources(data_dir: Path | None) -> list[tuple[SourceSpec, Path]]:
    """The sources present: the demo corpus always, the others when their file is in ``data_dir``."""
    found = [(SOURCES[0], DEMO_DIR)]
    for spec in SOURCES[1:]:
        if data_dir is not None and (data_dir / spec.relative).is_file():
            found.append((spec, data_dir / spec.relative))
    return found


def iter_documents(spec: SourceSpec, path: Path) -> Iterator[Document]:
    """Every readable document of one source, lazily (the memory worker streams the whole corpus)."""
    if spec.records is None:
        yield from (d for d in read_paths([path]) if isinstance(d, Document))
        return
    for record in spec.records(path):
        doc = document_from_record(record, record["id"])
        if isinstance(doc, Document):
            yield doc


def stride_sample(docs: list[Document], size: int, offset: float = 0.0) -> list[Document]:
    """``size`` documents spread evenly over the file (not the first ones: files are ordered by date);
    ``offset`` (a fraction of the stride) picks a disjoint sample where the file has room for one."""
    if size <= 0 or size >= len(docs):
        return docs
    step = len(docs) / size
    return [docs[int((i + offset) * step)] for i in range(size)]


def load_batches(data_dir: Path | None, limit: int | None = None) -> list[Batch]:
    """The timing sample: DEFAULT_SAMPLE documents per source, capped at ``limit`` when given."""
    batches = []
    for spec, path in available_sources(data_dir):
        docs = list(iter_documents(spec, path))
        size = DEFAULT_SAMPLE.get(spec.name, 0)
        if limit is not None:
            size = min(size, limit) if size else limit
        sample = stride_sample(docs, size)
        # half as many warm-up documents, between the sampled ones: enough to fill layers and caches
        warmup = stride_sample(docs, (len(sample) + 1) // 2, offset=0.5)
        batches.append(Batch(spec.name, spec.title, _shown(path), len(docs), sample, warmup))
    return [b for b in batches if b.docs]


def _shown(path: Path) -> str:
    """The path as the report prints it, relative to the checkout, so no home folder leaks into the docs."""
    path = path.resolve()
    if path.is_relative_to(ROOT):
        return str(path.relative_to(ROOT))
    if path.is_relative_to(ROOT.parent):
        return f"../{path.relative_to(ROOT.parent)}"
    return str(path)
