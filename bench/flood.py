"""One page floods the server with map edits; how long another session's move takes meanwhile.

Run by hand (``.venv/bin/python bench/flood.py [--edits 3000]``); the numbers go into
``docs/benchmarks.md`` ("A page that floods the server"). Starts the app on 127.0.0.1; one
session sends ``--edits`` "add" edits 2 ms apart over the websocket (``harness/wsclient.py``), as
the console loop of a hostile page would, reading what the server sends back; another session
moves its site every 0.5 s meanwhile and for 10 s after. Reported: the other session's move
times (median, max) during the flood, the server's CPU seconds during and after it, and the
flooder's sites at the end.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from harness.server import streamlit_server  # noqa: E402
from harness.wsclient import Session  # noqa: E402


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def scenario(url: str, pid: int, edits: int) -> None:
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
            flood_end, cpu_flood = time.perf_counter(), cpu_seconds(pid) - cpu_start
        await asyncio.sleep(0.5)
    cpu_after = cpu_seconds(pid) - cpu_start - cpu_flood
    draining.cancel()
    final = await flooder.rerun([], timeout_s=600)
    print(f"{edits} edits sent in {flood_end - start:.1f} s, load {os.getloadavg()[0]:.1f}")
    print(
        f"other session's move during the flood: median {statistics.median(during):.3f} s, "
        f"max {max(during):.3f} s ({len(during)} moves); after: median "
        f"{statistics.median(after):.3f} s"
    )
    print(f"server CPU: {cpu_flood:.1f} s during the flood, {cpu_after:.1f} s in the 10 s after")
    print(f"flooder's sites at the end: {len(final.map_data['sites'])}; notices: {final.alerts}")
    await flooder.close()
    await other.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--edits", type=int, default=3000)
    args = parser.parse_args()
    log = ROOT / "tests" / "artifacts" / "bench-flood-server.log"
    log.parent.mkdir(exist_ok=True)
    with streamlit_server(["-m", "streamlit", "run", "app.py"], log) as (process, url):
        asyncio.run(scenario(url, process.pid, args.edits))


if __name__ == "__main__":
    main()
