"""read_url against a local HTTP server: pages, feeds, redirects, HTTP errors, timeouts."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from marsad.ingest import read_url
from marsad.records import Document, Failure
from marsad.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
RSS, XML = {"Content-Type": "application/rss+xml"}, {"Content-Type": "text/xml"}

# path -> (status, headers, body)
ROUTES: dict[str, tuple[int, dict[str, str], bytes]] = {
    "/article": (200, {"Content-Type": "text/html; charset=utf-8"},
                 (FIXTURES / "pages/observatory-idlib-shelling.html").read_bytes()),
    "/arabic": (200, {"Content-Type": "text/html; charset=windows-1256"},
                (FIXTURES / "pages/enab-idlib-shelling-cp1256.html").read_bytes()),
    "/feed": (200, RSS, (FIXTURES / "feeds/observatory.rss").read_bytes()),
    "/atom": (200, XML, (FIXTURES / "feeds/monitor.atom").read_bytes()),
    "/feed-down": (200, RSS, b"Service unavailable, try later"),
    "/notes": (200, {"Content-Type": "text/plain"}, b"DAMASCUS, Jan 24 (Reuters) - Five soldiers killed."),
    "/old": (301, {"Location": "/article"}, b""),
    "/gone": (404, {"Content-Type": "text/html"}, b"<html><body>Not found</body></html>"),
    "/big": (200, {"Content-Type": "text/plain"}, b"Five soldiers were killed. " * 100),
}  # fmt: skip


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/slow":
            time.sleep(1.0)
        status, headers, body = ROUTES.get(self.path, (404, {}, b""))
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client timed out and left
            self.wfile.write(body)

    def log_message(self, *args: object) -> None:  # keep test output quiet
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
    thread.join()


def test_ingest_url_page(server: str) -> None:
    [doc] = list(read_url(f"{server}/article", country="SY"))
    assert isinstance(doc, Document)
    assert doc.title == "Four civilians killed in regime shelling on Ariha countryside"
    assert (doc.url, doc.source, doc.raw_format, doc.country) == (
        f"{server}/article",
        f"{server}/article",
        "html",
        "SY",
    )


def test_ingest_url_charset_from_header(server: str) -> None:
    [doc] = list(read_url(f"{server}/arabic"))
    assert isinstance(doc, Document) and doc.text.startswith("قتل أربعة مدنيين")


def test_ingest_url_redirect_gives_final_url(server: str) -> None:
    [doc] = list(read_url(f"{server}/old"))
    assert isinstance(doc, Document)
    assert doc.url == f"{server}/article"
    assert doc.source == f"{server}/old"


@pytest.mark.parametrize(("path", "count"), [("/feed", 3), ("/atom", 2)])
def test_ingest_url_feeds(server: str, path: str, count: int) -> None:
    out = list(read_url(f"{server}{path}"))
    assert len(out) == count and all(isinstance(d, Document) and d.raw_format == "feed" for d in out)
    assert all(d.url and d.url.startswith("https://") for d in out if isinstance(d, Document))


def test_ingest_url_text_with_dateline(server: str) -> None:
    [doc] = list(read_url(f"{server}/notes", published=date(2021, 2, 1)))
    assert isinstance(doc, Document)
    assert (doc.raw_format, doc.published, doc.published_source) == ("text", date(2021, 1, 24), "dateline")


@pytest.mark.parametrize(
    ("url", "code"),
    [
        ("{server}/gone", "http-error"),
        ("{server}/feed-down", "not-xml"),
        ("{server}/big", "too-large"),
        ("file:///etc/passwd", "bad-url"),
        ("ftp://example.org/feed.xml", "bad-url"),
        ("not a url", "bad-url"),
        ("http://", "bad-url"),
        ("http://127.0.0.1:{closed}/x", "unreachable"),
        ("http://127.0.0.1:99999/x", "unreachable"),
    ],
)
def test_ingest_url_errors_become_failures(server: str, url: str, code: str) -> None:
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        closed = sock.getsockname()[1]
    url = url.format(server=server, closed=closed)
    [failure] = list(read_url(url, settings=Settings(max_input_bytes=1000)))
    assert isinstance(failure, Failure), failure
    assert (failure.code, failure.source, failure.stage) == (code, url, "ingest")
    assert ":" in failure.message


def test_ingest_url_timeout(server: str) -> None:
    [failure] = list(read_url(f"{server}/slow", timeout=0.2))
    assert isinstance(failure, Failure) and failure.code == "unreachable"
