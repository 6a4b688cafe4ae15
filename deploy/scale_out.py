"""Several app processes behind nginx on one machine: ``python deploy/scale_out.py``.

Starts N Streamlit processes of ``app.py`` (default 2, on 127.0.0.1 ports after the proxy's)
and Debian's nginx in front of them (``deploy/nginx.conf``, sticky per browser), then waits
until interrupted; ``make scale-out`` runs it. The browser test that kills a process mid-session
uses :func:`scale_out` (tests/e2e/test_scale_out.py). See docs/scale-out.md.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


@dataclass
class Cluster:
    """The proxy's URL and the app processes behind it, by port."""

    url: str
    apps: dict[int, subprocess.Popen]


def wait_healthy(url: str, process: subprocess.Popen, timeout_s: float = 90.0) -> None:
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"{url} did not start") from None
            time.sleep(0.3)


def start_app(port: int, log: Path, cookie_secret: str) -> subprocess.Popen:
    """One app process on 127.0.0.1:``port``, its output in ``log``.

    Every process gets the same cookie secret, so the XSRF cookie a browser got from one is
    valid at another it fails over to (uploads need it).
    """
    command = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port)]
    command += ["--server.address", "127.0.0.1"]
    env = {**os.environ, "STREAMLIT_SERVER_COOKIE_SECRET": cookie_secret}
    with log.open("ab") as out:
        return subprocess.Popen(command, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, env=env)


@contextlib.contextmanager
def scale_out(proxy_port: int, app_ports: list[int], run_dir: Path) -> Iterator[Cluster]:
    """nginx on 127.0.0.1:``proxy_port`` in front of one app process per port in ``app_ports``."""
    run_dir.mkdir(parents=True, exist_ok=True)
    upstreams = "\n".join(
        f"    server 127.0.0.1:{port} max_fails=1 fail_timeout=10s;" for port in app_ports
    )
    config = (
        (ROOT / "deploy" / "nginx.conf")
        .read_text()
        .replace("@RUN_DIR@", str(run_dir))
        .replace("@LISTEN@", f"127.0.0.1:{proxy_port}")
        .replace("@UPSTREAMS@", upstreams)
    )
    (run_dir / "nginx.conf").write_text(config)
    secret = secrets.token_hex(32)
    apps = {port: start_app(port, run_dir / f"app-{port}.log", secret) for port in app_ports}
    proxy = None
    try:
        for port, process in apps.items():
            wait_healthy(f"http://127.0.0.1:{port}", process)
        with (run_dir / "nginx.out").open("ab") as out:
            proxy = subprocess.Popen(
                [NGINX, "-p", str(run_dir), "-c", str(run_dir / "nginx.conf")],
                stdout=subprocess.DEVNULL,
                stderr=out,
            )
        url = f"http://127.0.0.1:{proxy_port}"
        wait_healthy(url, proxy)
        yield Cluster(url, apps)
    finally:
        for process in [*apps.values(), *([proxy] if proxy else [])]:
            if process.poll() is None:
                process.terminate()
        for process in [*apps.values(), *([proxy] if proxy else [])]:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", 8600)))
    parser.add_argument("--processes", type=int, default=2)
    args = parser.parse_args()
    ports = [args.port + 1 + i for i in range(args.processes)]
    with tempfile.TemporaryDirectory(prefix="inf-range-map-") as run_dir:
        with scale_out(args.port, ports, Path(run_dir)) as cluster:
            print(f"{cluster.url} -> {', '.join(f'127.0.0.1:{p}' for p in ports)}", flush=True)
            with contextlib.suppress(KeyboardInterrupt):
                while all(p.poll() is None for p in cluster.apps.values()):
                    time.sleep(1)


if __name__ == "__main__":
    main()
