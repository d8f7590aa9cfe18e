"""Local HTTP servers for tests on 127.0.0.1, in a thread: tests/data, and redirects and a slow page; a port nothing
listens on."""

from __future__ import annotations

import functools
import http.server
import socket
import threading
import time
import urllib.parse
from contextlib import contextmanager
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
NEWS_PAGE = DATA / "news_page.html"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@contextmanager
def serving_with(handler):
    """The base URL of a server of ``handler`` on 127.0.0.1, in a thread, stopped on exit."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True  # a slow page's thread must not hold the test up at shutdown
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def serving(directory: Path = DATA):
    """The base URL of a server for ``directory``, stopped on exit."""
    return serving_with(functools.partial(QuietHandler, directory=str(directory)))


def closed_port() -> int:
    """A port on 127.0.0.1 that was free a moment ago: connecting to it is refused."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class TrickyHandler(http.server.BaseHTTPRequestHandler):
    """/redirect?to=URL answers 302 to URL; /slow sends a page of 100 bytes one byte a second."""

    def log_message(self, format, *args):
        pass

    def do_GET(self):
        path, _, query = self.path.partition("?")
        if path == "/redirect":
            self.send_response(302)
            self.send_header("Location", urllib.parse.unquote(query.removeprefix("to=")))
            self.end_headers()
        elif path == "/slow":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "100")
            self.end_headers()
            try:
                for _ in range(100):
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time.sleep(1)
            except OSError:
                pass
        else:
            self.send_error(404)


def tricky():
    """The base URL of a server of TrickyHandler, stopped on exit."""
    return serving_with(TrickyHandler)
