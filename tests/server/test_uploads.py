"""Uploads beyond the import limit are refused by the server before it reads them.

Streamlit's default limit is 200 MB, and the app's own 1 MB check ran only once the whole file
was in the server's memory: three 190 MB uploads took it from 369 to 916 MB, for good. The
project's ``.streamlit/config.toml`` sets ``server.maxUploadSize`` to the app's limit; ``make
run`` and these tests start Streamlit from the project root, where it reads that file.
"""

from __future__ import annotations

import http.client
import tomllib
from pathlib import Path
from urllib.parse import urlsplit

from geo.sites_io import MAX_IMPORT_BYTES
from harness.wsclient import Session
from tests.server.conftest import ROOT, run

BIG_BYTES = 50 * 2**20


def rss_bytes(pid: int) -> int:
    fields = dict(
        line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines()
    )
    return int(fields["VmRSS"].split()[0]) * 1024


def xsrf_cookie(host: str, port: int) -> str:
    connection = http.client.HTTPConnection(host, port, timeout=30)
    connection.request("GET", "/_stcore/health")
    response = connection.getresponse()
    response.read()
    cookie = response.getheader("Set-Cookie")
    connection.close()
    return cookie.split(";", 1)[0].split("=", 1)[1]


def put_upload(url: str, session_id: str, body_bytes: int, *, chunked: bool) -> int:
    """PUT a multipart upload of ``body_bytes`` of file data; the HTTP status."""
    parts = urlsplit(url)
    token = xsrf_cookie(parts.hostname, parts.port)
    boundary = "b0undary"
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\n'
        "Content-Type: text/csv\r\n\r\n"
    ).encode()
    tail = f"\r\n--{boundary}--\r\n".encode()
    chunk = b"A,1,1\n" * (2**20 // 6)

    def body():
        yield head
        sent = 0
        while sent < body_bytes:
            yield chunk
            sent += len(chunk)
        yield tail

    headers = {
        "Content-Type": f"multipart/form-data; boundary={boundary}",
        "X-Xsrftoken": token,
        "Cookie": f"_streamlit_xsrf={token}",
    }
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    try:
        if chunked:
            connection.request(
                "PUT", f"/_stcore/upload_file/{session_id}/f1", body(), headers, encode_chunked=True
            )
        else:
            size = len(head) + len(tail) + -(-body_bytes // len(chunk)) * len(chunk)
            headers["Content-Length"] = str(size)
            connection.request("PUT", f"/_stcore/upload_file/{session_id}/f1", body(), headers)
        return connection.getresponse().status
    except (BrokenPipeError, ConnectionResetError):
        return 413  # the server closed the connection as soon as it refused the body
    finally:
        connection.close()


def test_the_configured_upload_limit_is_the_apps_import_limit():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    limit_mb = config["server"]["maxUploadSize"]
    assert MAX_IMPORT_BYTES <= limit_mb * 2**20 < 2 * MAX_IMPORT_BYTES


def test_an_oversized_upload_is_refused_before_it_is_read(app_server):
    process, url = app_server

    async def session_id():
        session = Session(url)
        opened = await session.open("mode=claimed")
        return session, opened

    async def scenario():
        session, _ = await session_id()
        before = rss_bytes(process.pid)
        statuses = [
            put_upload(url, session.session_id, BIG_BYTES, chunked=chunked)
            for chunked in (False, True, False)
        ]
        after = rss_bytes(process.pid)
        await session.close()
        return statuses, before, after

    statuses, before, after = run(scenario())
    assert statuses == [413, 413, 413]
    # 150 MB sent; the server's memory grows by far less than one upload.
    assert after - before < 20 * 2**20, (before, after)
