"""Pages and feeds by URL (urllib, with a timeout). Network errors become Failures, never tracebacks."""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Iterator
from urllib.parse import urlsplit

from marsad import __version__
from marsad.ingest.common import Hints, failure
from marsad.ingest.formats import read_data, too_large
from marsad.records import Document, Failure

USER_AGENT = f"marsad/{__version__} (conflict report reader)"
SCHEMES = ("http", "https")  # never file:// or ftp://: a URL from a user must not read local files


def fetch(url: str, max_bytes: int, timeout: float) -> tuple[bytes, str, str | None] | Failure:
    """(body, final URL after redirects, content type), or a Failure saying why not."""
    try:
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
        with urllib.request.urlopen(request, timeout=timeout) as response:
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                return too_large(url, int(length), max_bytes)
            body = response.read(max_bytes + 1)
            return body, response.geturl(), response.headers.get("Content-Type")
    except urllib.error.HTTPError as exc:
        exc.close()  # the error carries an open response
        return failure(url, "http-error", f"the server answered HTTP {exc.code} {exc.reason}: check the URL")
    except urllib.error.URLError as exc:
        return failure(
            url, "unreachable", f"cannot reach the server ({exc.reason}): check the URL and the network"
        )
    except TimeoutError:
        return failure(
            url, "unreachable", f"no answer within {timeout:g} s: try again later or raise the timeout"
        )
    except (OSError, ValueError) as exc:  # connection reset, bad port, malformed URL, ...
        return failure(url, "unreachable", f"cannot fetch this URL ({exc}): check it")


def read_url_with(url: str, hints: Hints, max_bytes: int, timeout: float) -> Iterator[Document | Failure]:
    if urlsplit(url).scheme.lower() not in SCHEMES or not urlsplit(url).netloc:
        yield failure(url, "bad-url", "only http:// and https:// URLs can be read: for a file, give its path")
        return
    fetched = fetch(url, max_bytes, timeout)
    if isinstance(fetched, Failure):
        yield fetched
        return
    body, final_url, content_type = fetched
    hints = Hints(published=hints.published, country=hints.country, url=final_url, content_type=content_type)
    yield from read_data(body, url, hints, max_bytes)
