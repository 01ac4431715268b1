"""What the ``launchbrief`` command prints is safe for a terminal, and ``show`` stays linear.

Text from a record or from the command line passes :func:`launchbrief.cli.terminal_text`
before it is printed: control characters and bidirectional overrides are shown as
escapes, never obeyed.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import launchbrief as lb
from launchbrief import _show, cli
from tests.bounded import SECONDS, run_bounded

BASE = Path(__file__).parent / "data" / "bad" / "_base-valid.yaml"

#: Every character the terminal must never receive as it is.
UNSAFE = {
    *map(chr, range(0x20)),
    "\x7f",
    *map(chr, range(0x80, 0xA0)),
    *map(chr, range(0x202A, 0x202F)),
    *map(chr, range(0x2066, 0x206A)),
} - {"\n", "\t"}

HOSTILE = (
    "Demo\x1b]0;pwned\x07\x1b[2J"  # set the window title, clear the screen
    "\x1b]52;c;ZXZpbA==\x07"  # OSC 52: write the clipboard
    "\x9b31m\x9d0;c1\x9c"  # the same in C1 controls
    "\u202eevil\u202c\u2066x\u2069\r\x08\x7f"
)


def unsafe_in(text: str) -> set[str]:
    """The characters of ``text`` that a terminal would obey."""
    return set(text) & UNSAFE


# --------------------------------------------------------------------------- terminal_text


def test_terminal_text_shows_controls_as_escapes() -> None:
    """ESC, BEL, C1, DEL, CR and bidi overrides become visible escapes; text, tab, newline stay."""
    assert "a\\x1b]0;t\\x07\\x1b[2J\\x9b\\x7f\\x0d\\u202e\\u2066b\tc\nd" == cli.terminal_text(
        "a\x1b]0;t\x07\x1b[2J\x9b\x7f\r\u202e\u2066b\tc\nd"
    )


def test_terminal_text_replaces_lone_surrogates() -> None:
    """A lone surrogate, which no encoding can print, becomes U+FFFD."""
    assert "a\ufffdb" == cli.terminal_text("a\ud800b")


@given(st.text())
def test_terminal_text_removes_every_unsafe_character_property(text: str) -> None:
    """Nothing unsafe survives; text without unsafe characters or surrogates is unchanged."""
    shown = cli.terminal_text(text)
    assert set() == unsafe_in(shown)
    if not unsafe_in(text) and not any(0xD800 <= ord(c) < 0xE000 for c in text):
        assert text == shown


# --------------------------------------------------------------------------- the commands


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    """A launch whose title, claim, capability and surface hold terminal escapes, as JSON."""
    launch = lb.load(BASE)
    claimed = attrs.evolve(launch.results[3], claim=f"claims {HOSTILE}")
    surface = attrs.evolve(launch.surfaces[0], name=f"app {HOSTILE}")
    return lb.dump(
        attrs.evolve(
            with_capabilities(launch, (f"cap {HOSTILE}",)),
            title=HOSTILE,
            surfaces=(surface,),
            results=(*launch.results[:3], claimed),
        ),
        tmp_path / "hostile.json",
    )


def test_show_prints_no_terminal_escape(hostile: Path) -> None:
    """`show` of a record full of escapes prints them visibly, as a real process."""
    result = subprocess.run(
        [sys.executable, "-m", "launchbrief", "show", str(hostile)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )
    assert (0, "") == (result.returncode, result.stderr)
    assert set() == unsafe_in(result.stdout)
    assert result.stdout.startswith("Demo\\x1b]0;pwned\\x07\\x1b[2J\\x1b]52;c;ZXZpbA==\\x07")
    assert 4 <= result.stdout.count("\\u202eevil")


def test_error_lines_print_no_terminal_escape(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Problems, missing files and usage errors that echo hostile names print them as escapes."""
    monkeypatch.chdir(tmp_path)
    name = "bad\x1b]0;t\x07\u202e.yaml"
    (tmp_path / name).write_text("id: [\n", "utf-8")
    outputs = []
    for args in (
        ["validate", name, "missing\x1b[2J.yaml"],
        ["export", name, "-o", "o"],
        ["show", "nothing\x9b2J"],
    ):
        assert 2 == cli.main(args)
        outputs.append(capsys.readouterr())
    for args in (
        ["frobnicate\x1b[2J"],
        ["export", "-f", "\x1b]52;c;eA==\x07", "-o", "o"],
        ["export", "--\x1b[2Jformat", "json"],
    ):
        # argparse refuses these itself, with exit status 2.
        with pytest.raises(SystemExit) as refused:
            cli.main(args)
        assert 2 == refused.value.code
        outputs.append(capsys.readouterr())
    for captured in outputs:
        assert captured.err
        assert set() == unsafe_in(captured.out + captured.err), captured
    assert "bad\\x1b]0;t\\x07\\u202e.yaml" in outputs[0].err


def test_show_gaps_prints_no_terminal_escape(
    hostile: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`show --gaps`, whose lines name benchmarks and sources, prints their escapes visibly."""
    launch = lb.load(hostile)
    named = attrs.evolve(
        launch,
        benchmarks=tuple(attrs.evolve(b, name=f"{b.name} {HOSTILE}") for b in launch.benchmarks),
        sources=tuple(attrs.evolve(s, name=f"{s.name} {HOSTILE}") for s in launch.sources),
    )
    source = lb.dump(named, hostile.with_name("gaps.json"))
    assert 0 == cli.main(["show", str(source), "--gaps"])
    captured = capsys.readouterr()
    assert set() == unsafe_in(captured.out + captured.err)
    assert "\\x1b]0;pwned\\x07" in captured.out


# --------------------------------------------------------------------------- show stays linear


def with_capabilities(launch: lb.Launch, capabilities: tuple[str, ...]) -> lb.Launch:
    """``launch`` whose first launched model lists ``capabilities``."""
    lead = launch.lead_model
    models = tuple(
        attrs.evolve(model, capabilities=capabilities) if model is lead else model
        for model in launch.models
    )
    return attrs.evolve(launch, models=models)


def with_claim(claim: str) -> lb.Launch:
    """The base launch with a qualitative result whose claim is ``claim``."""
    launch = lb.load(BASE)
    return attrs.evolve(
        launch, results=(*launch.results[:3], attrs.evolve(launch.results[3], claim=claim))
    )


def test_show_wraps_a_huge_word_in_linear_time() -> None:
    """An 8-million-character claim with no space is cut into 88-column lines in well under a second.

    textwrap took quadratic time here: 1.4 s for 2 million characters, ~25 s for 8 million.
    """
    started = time.perf_counter()
    text = _show.summary_text(with_claim("ж" * 8_000_000))
    seconds = time.perf_counter() - started
    assert seconds < 3, seconds
    assert 88 >= max(map(len, text.splitlines()))
    assert 8_000_000 == text.count("ж")


def test_show_lists_at_most_fifty_capabilities() -> None:
    """A million capabilities print as the first fifty and `… and 999950 more`."""
    launch = lb.load(BASE)
    caps = tuple(f"capability-{i}" for i in range(1_000_000))
    started = time.perf_counter()
    text = _show.summary_text(with_capabilities(launch, caps))
    assert time.perf_counter() - started < 3
    assert "capability-49," in text
    assert "capability-50," not in text
    assert "… and 999950 more" in " ".join(text.split())
    assert 60 > len(text.splitlines())


def test_wrap_keeps_alignment_and_width() -> None:
    """Runs of spaces between words stay; lines stay within 88 columns; an empty text is one line."""
    assert ["  Model:      Demo One"] == _show._wrap("Model:      Demo One", indent="    ")
    lines = _show._wrap("word " * 100, indent="    ")
    assert all(len(line) <= 88 for line in lines)
    assert ["word"] * 100 == " ".join(lines).split()
    assert ["  "] == _show._wrap("", indent="    ")


@pytest.mark.parametrize(
    ("name", "title", "claim", "capabilities"),
    [
        ("title", "T" * 40_000, None, 0),
        ("claim", "Huge claim", "y" * 40_000, 0),
        ("capabilities", "Many capabilities", None, 1_000_000),
    ],
)
def test_show_of_huge_records_is_bounded(
    tmp_path: Path, name: str, title: str, claim: str | None, capabilities: int
) -> None:
    """`show` of a 40,000-character title or claim, or a million capabilities, is fast and small."""
    launch = with_claim(claim) if claim else lb.load(BASE)
    launch = attrs.evolve(
        with_capabilities(launch, tuple(f"c{i}" for i in range(capabilities))), title=title
    )
    source = lb.dump(launch, tmp_path / f"{name}.json")
    done = run_bounded("show", str(source), cwd=tmp_path)
    assert 0 == done.returncode, done.report()
    assert done.seconds < SECONDS, done.report()
    assert done.stdout.startswith(title[:80])


def test_show_prints_what_the_terminal_encoding_lacks_as_escapes(tmp_path: Path) -> None:
    """With an ASCII-only output encoding, an emoji title prints as an escape, not a traceback."""
    launch = lb.load(BASE)
    source = lb.dump(attrs.evolve(launch, title="Lift-off \U0001f680"), tmp_path / "emoji.json")
    result = subprocess.run(
        [sys.executable, "-m", "launchbrief", "show", str(source)],
        capture_output=True,
        timeout=60,
        check=False,
        env={**os.environ, "PYTHONIOENCODING": "ascii"},
    )
    assert (0, b"") == (result.returncode, result.stderr)
    assert result.stdout.startswith(b"Lift-off \\U0001f680\n")
