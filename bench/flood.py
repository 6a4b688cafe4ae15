"""One page floods the server with map edits; how long another session's move takes meanwhile.

Run by hand (``.venv/bin/python bench/flood.py [--edits 3000] [--runs 3] [--before PATH]``); the
numbers go into ``docs/benchmarks.md`` ("A page that floods the server"). Starts the app on
127.0.0.1; one session sends ``--edits`` "add" edits 2 ms apart over the websocket
(``harness/wsclient.py``), as the console loop of a hostile page would, reading what the server
sends back; another session moves its site every 0.5 s meanwhile and for 10 s after. Reported
per checkout, over ``--runs`` runs: the other session's move times (median, max) during the
flood and after it, the server's CPU seconds during the flood, its resident memory at the end,
and the flooder's sites at the end.

With ``--before PATH`` (another checkout, e.g. ``git worktree add /tmp/before HEAD~1``), the
app runs from there too, with that checkout's ``.streamlit/config.toml``, in turns with this
one, so both sides share the machine's load.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from harness.server import streamlit_server  # noqa: E402
from harness.wsclient import Session  # noqa: E402


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


@dataclass
class Side:
    """One checkout's results over all runs."""

    during_s: list[float] = field(default_factory=list)
    after_s: list[float] = field(default_factory=list)
    cpu_s: list[float] = field(default_factory=list)
    rss_mb: list[float] = field(default_factory=list)
    sites: list[int] = field(default_factory=list)
    flood_s: list[float] = field(default_factory=list)


async def scenario(url: str, pid: int, edits: int, side: Side) -> None:
    flooder, other = Session(url), Session(url)
    await flooder.open("mode=claimed&site=48.58,45.74,Flooder")
    await other.open("mode=claimed&site=50,30,Other")

    async def flood() -> None:
        for i in range(edits):
            lat, lon = ((i * 37) % 17000) / 100 - 85, ((i * 91) % 35000) / 100 - 175
            edit = {"action": "add", "id": None, "lat": lat, "lon": lon, "from": None}
            await flooder.send(flooder.edit_states(edit))
            await asyncio.sleep(0.002)

    async def drain() -> None:
        while True:
            await flooder.ws.recv()

    cpu_start, start = cpu_seconds(pid), time.perf_counter()
    flooding, draining = asyncio.create_task(flood()), asyncio.create_task(drain())
    during, after, lat = [], [], 50.0
    flood_end = None
    while flood_end is None or time.perf_counter() < flood_end + 10:
        edit = {"action": "move", "id": "0", "lat": lat + 0.1, "lon": 30, "from": [lat, 30]}
        moved = await other.edit(edit, timeout_s=600)
        lat += 0.1
        (during if flood_end is None else after).append(moved.seconds)
        if flooding.done() and flood_end is None:
            flood_end = time.perf_counter()
            side.cpu_s.append(cpu_seconds(pid) - cpu_start)
        await asyncio.sleep(0.5)
    draining.cancel()
    final = await flooder.rerun([], timeout_s=600)
    side.during_s += during
    side.after_s += after
    side.flood_s.append(flood_end - start)
    side.rss_mb.append(rss_mb(pid))
    side.sites.append(len(final.map_data["sites"]) if final.map_data else 0)
    print(
        f"  moves during the flood {[round(s, 2) for s in during]}, after: median "
        f"{statistics.median(after):.3f} s; load {os.getloadavg()[0]:.1f}",
        flush=True,
    )
    await flooder.close()
    await other.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--edits", type=int, default=3000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--before", type=Path, help="another checkout to compare")
    args = parser.parse_args()
    roots = {"this checkout": ROOT}
    if args.before:
        roots = {f"before ({args.before})": args.before.resolve(), **roots}
    sides = {label: Side() for label in roots}
    log = ROOT / "tests" / "artifacts" / "bench-flood-server.log"
    log.parent.mkdir(exist_ok=True)
    for run in range(args.runs):
        for label, root in roots.items():
            print(f"run {run + 1}, {label}", flush=True)
            program = ["-m", "streamlit", "run", "app.py"]
            with streamlit_server(program, log, cwd=root) as (process, url):
                asyncio.run(scenario(url, process.pid, args.edits, sides[label]))
    print(
        "\n| checkout | move during the flood: median, max (moves) | after: median "
        "| server CPU during the flood | RSS at the end | flooder's sites |"
    )
    print("|---|---|---|---|---|---|")
    for label, side in sides.items():
        print(
            f"| {label} | {statistics.median(side.during_s):.2f} s, {max(side.during_s):.2f} s "
            f"({len(side.during_s)}) | {statistics.median(side.after_s):.2f} s "
            f"| {statistics.median(side.cpu_s):.1f} s in "
            f"{statistics.median(side.flood_s):.1f} s | {statistics.median(side.rss_mb):.0f} MB "
            f"| {min(side.sites)}–{max(side.sites)} |"
        )


if __name__ == "__main__":
    main()
