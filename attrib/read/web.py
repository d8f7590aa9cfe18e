"""Web pages as articles: an HTML page's main text, title and publication date (trafilatura), and URLs fetched."""

from __future__ import annotations

import ipaddress
import logging
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

from ..errors import InputError, one_line

# a page larger than this is no news article; reading stops there instead of filling memory
MAX_PAGE_BYTES = 20_000_000
DEFAULT_TIMEOUT = 20.0
# bytes read at a time, so that the deadline is looked at while a page comes in
READ_CHUNK = 65536
USER_AGENT = "attrib (news attribution extractor)"

# trafilatura and htmldate log every page they cannot read; attrib reports one line per input itself
for _name in ("trafilatura", "htmldate", "courlan"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)


@dataclass(frozen=True)
class Page:
    """What attrib reads from a web page: the text (title first), and metadata."""

    text: str
    title: str | None
    date: str | None  # the publication date in the page's metadata, ISO
    author: str | None


def is_url(path: str) -> bool:
    """True for http:// and https:// addresses (any other path is a file)."""
    return path.lower().startswith(("http://", "https://"))


def fetch(url: str, timeout: float = DEFAULT_TIMEOUT) -> bytes:
    """The bytes of a web page, or an InputError naming the problem in a few words; the whole fetch (connecting,
    redirects, reading) ends within ``timeout`` seconds."""
    # a socket's timeout bounds each wait, not the fetch: a server sending a byte a second would hold the run for
    # hours; the fetch runs in a thread that is left behind at the deadline (it ends at its next wait)
    outcome: list = []
    deadline = time.monotonic() + timeout
    worker = threading.Thread(target=_fetch_into, args=(outcome, url, timeout, deadline), daemon=True)
    worker.start()
    worker.join(timeout)
    if not outcome:
        raise InputError(url, f"cannot fetch: took longer than {timeout:g} s (see --timeout)")
    if isinstance(outcome[0], InputError):
        raise outcome[0]
    return outcome[0]


def _fetch_into(outcome: list, url: str, timeout: float, deadline: float) -> None:
    try:
        outcome.append(_fetch(url, timeout, deadline))
    except InputError as e:
        outcome.append(e)


def _fetch(url: str, timeout: float, deadline: float) -> bytes:
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,*/*;q=0.5"})
    try:
        with _OPENER.open(request, timeout=timeout) as response:
            data = _read(response, deadline)
    except urllib.error.HTTPError as e:
        raise InputError(url, f"cannot fetch: HTTP {e.code} {e.reason}") from None
    except urllib.error.URLError as e:
        raise InputError(url, f"cannot fetch: {_reason(e.reason)}") from None
    except (TimeoutError, OSError) as e:
        raise InputError(url, f"cannot fetch: {_reason(e)}") from None
    except ValueError as e:  # a malformed address
        raise InputError(url, f"cannot fetch: {e}") from None
    except _Refused as e:
        raise InputError(url, f"cannot fetch: {e}") from None
    if len(data) > MAX_PAGE_BYTES:
        raise InputError(url, f"page larger than {MAX_PAGE_BYTES:,} bytes")
    return data


def _read(response, deadline: float) -> bytes:
    """At most MAX_PAGE_BYTES + 1 bytes, a chunk at a time, until the end or the deadline."""
    chunks, size = [], 0
    while size <= MAX_PAGE_BYTES and time.monotonic() < deadline:
        chunk = response.read1(min(READ_CHUNK, MAX_PAGE_BYTES + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


class _Refused(Exception):
    """A redirect attrib does not follow."""


class _HttpRedirects(urllib.request.HTTPRedirectHandler):
    """Redirects to http(s) only, and never to a link-local address (a cloud machine's metadata service)."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        target = urllib.parse.urlsplit(newurl)
        if target.scheme.lower() not in ("http", "https"):
            raise _Refused(f"redirected to {newurl[:200]}: attrib follows http(s) only")
        if _link_local(target.hostname or ""):
            raise _Refused(f"redirected to {newurl[:200]}: a link-local address")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _link_local(host: str) -> bool:
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(host, None)}
    except (OSError, UnicodeError):
        return False  # a name that does not resolve fails when it is opened
    return any(ipaddress.ip_address(a.split("%")[0]).is_link_local for a in addresses)


# urllib's default opener also follows redirects to ftp:// and reads file:// addresses
_OPENER = urllib.request.build_opener(_HttpRedirects)


def _reason(error: object) -> str:
    if isinstance(error, TimeoutError):
        return "timed out"
    if isinstance(error, OSError) and error.strerror:
        return error.strerror.lower()
    return str(error) or type(error).__name__


def html_problem() -> str | None:
    """Why HTML pages and URLs cannot be read here (trafilatura or what it needs does not import), or None."""
    try:
        import trafilatura  # noqa: F401  (imported on first use: plain-text runs never pay for it)
    except ImportError as e:
        return one_line(e)
    return None


def _trafilatura(source: str):
    """The trafilatura module, or an InputError for this page saying the install is broken."""
    problem = html_problem()
    if problem:
        raise InputError(source, f"cannot read HTML: {problem} (attrib info lists what imports)")
    import trafilatura

    return trafilatura


def read_page(source: str, html: bytes | str) -> Page:
    """The main text of an HTML page without navigation, ads and footer; the title is its first line.

    Paragraphs are separated by a blank line, as in attrib's text articles, so that a line break
    ends a sentence and the headline stays apart from the text.
    """
    if isinstance(html, bytes) and b"\x00" in html[:4096] and not html.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(source, "binary file (contains NUL bytes), not HTML")
    trafilatura = _trafilatura(source)
    try:
        document = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=False, include_images=False
        )
    except Exception as e:  # a page trafilatura chokes on fails alone, as any bad page does
        raise InputError(source, f"cannot read the HTML: {one_line(e)}") from None
    body = (document.text or "").strip() if document is not None else ""
    if not body:
        raise InputError(source, "no article text found in the HTML")
    paragraphs = [line.strip() for line in body.splitlines() if line.strip()]
    title = (document.title or "").strip() or None
    # trafilatura keeps an <h1> headline in the body (after a kicker at most); a title only in <head> goes first
    if title and title not in paragraphs[:3]:
        paragraphs.insert(0, title)
    date = document.date[:10] if document.date else None
    return Page("\n\n".join(paragraphs), title, date, (document.author or None))
