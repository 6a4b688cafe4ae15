"""What the command line writes: whole files or none, text drawn as typed, cells defused."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest

from geo.cli import main
from geo.figure import render_figure
from geo.model import Band, LaunchSite
from geo.scenario import RingSpec
from harness.server import ROOT

SVG_NS = "{http://www.w3.org/2000/svg}"
COMMANDS = {
    "export": ["export", "--site=48.58,45.74,KY", "--range-km", "5500"],
    "places": ["places", "--site=48.58,45.74,KY", "--range-km", "5500"],
    "figure": ["figure", "--site=48.58,45.74,KY", "--range-km", "5500"],
}
SUFFIX = {"export": ".geojson", "places": ".csv", "figure": ".png"}


def svg_lines(path: Path) -> list[str]:
    return [e.text or "" for e in ElementTree.parse(path).iter(f"{SVG_NS}text")]


def geo_cli(shell_prefix: str, args: list[str]) -> subprocess.CompletedProcess:
    """``python -m geo ARGS`` in a shell that first runs ``shell_prefix`` (limits, redirects)."""
    quoted = " ".join(f"'{arg}'" for arg in args)
    command = f"{shell_prefix} {sys.executable} -m geo {quoted}"
    return subprocess.run(
        ["bash", "-c", command], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def test_dollar_signs_in_names_and_titles_are_drawn_as_typed(tmp_path):
    svg = tmp_path / "map.svg"
    title = "$E=mc^2$ 100$ and 200$"
    site = LaunchSite(name=r"$\foo$", lon=45.74, lat=48.58)
    ring = RingSpec(Band(0.0, 480.0), "custom", "Custom 480 km", "$5 of $10")
    render_figure([site], [ring], str(svg), fmt="svg", title=title)
    shown = " ".join(svg_lines(svg))
    assert title in shown
    assert r"$\foo$" in shown
    assert "$5 of $10" in shown


def test_figure_command_with_mathtext_like_text_writes_the_figure(tmp_path):
    out = tmp_path / "map.svg"
    args = ["figure", r"--site=48.58,45.74,$\foo$", "--range-km", "480"]
    assert main([*args, "--title", r"$\frac{1}$", "-o", str(out)]) == 0
    assert r"$\frac{1}$" in svg_lines(out)


def test_places_csv_defuses_formula_cells_as_the_app_does(tmp_path):
    out = tmp_path / "places.csv"
    name = '=HYPERLINK("http://evil","x")'
    assert main(["places", f"--site=43.74,44.65,{name}", "--range-km", "480", "-o", str(out)]) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows
    assert {row["nearest_site"] for row in rows} == {"'" + name}
    for row in rows:
        assert not [value for value in row.values() if value[:1] in ("=", "+", "@")]


@pytest.mark.parametrize("command", COMMANDS)
def test_a_write_cut_short_by_a_file_size_limit_leaves_no_partial_file(tmp_path, command):
    out = tmp_path / f"out{SUFFIX[command]}"
    old = tmp_path / f"old{SUFFIX[command]}"
    old.write_bytes(b"the file before")
    for target, before in ((out, None), (old, b"the file before")):
        run = geo_cli("ulimit -f 4;", [*COMMANDS[command], "-o", str(target)])
        assert run.returncode == 2, run.stderr
        assert "Traceback" not in run.stderr
        assert f"cannot write {target}" in run.stderr
        assert (target.read_bytes() if target.exists() else None) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [old.name]  # no temporary file left


def test_a_full_device_is_named_in_the_message():
    run = geo_cli("", [*COMMANDS["export"], "--format", "geojson", "-o", "/dev/full"])
    assert run.returncode == 2
    assert run.stderr.strip() == "error: cannot write /dev/full: No space left on device"


def test_closed_standard_output_is_a_message_not_a_traceback():
    run = geo_cli("exec >&-;", [*COMMANDS["places"], "-o", "-"])
    assert run.returncode == 2
    assert run.stderr.strip() == "error: cannot write to standard output: it is closed"


def test_a_broken_pipe_is_a_message_not_a_traceback():
    # The reader closes the pipe at once, long before Python has loaded and writes.
    command = f"{sys.executable} -m geo {' '.join(COMMANDS['export'])} -o - | (exec <&-; sleep 3)"
    run = subprocess.run(["bash", "-c", command], cwd=ROOT, capture_output=True, text=True)
    assert run.stderr.strip() == "error: cannot write standard output: Broken pipe"


def test_a_new_file_gets_the_usual_permissions(tmp_path):
    out = tmp_path / "coverage.geojson"
    assert main([*COMMANDS["export"][:-1], "480", "-o", str(out)]) == 0
    plain = tmp_path / "plain"
    plain.write_bytes(b"")
    assert out.stat().st_mode == plain.stat().st_mode
