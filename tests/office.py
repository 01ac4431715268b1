"""LibreOffice and poppler, as the tests drive them: convert, then read what came out."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

#: LibreOffice's CSV filter (7.2 and later): UTF-8, comma, quote, raw values (not as
#: shown), every sheet (-1) to its own ``<stem>-<Sheet>.csv``.
CSV_EVERY_SHEET = "csv:Text - txt - csv (StarCalc):44,34,UTF8,1,,0,false,true,false,false,false,-1"


def convert(files: list[Path], outdir: Path, convert_to: str = "pdf") -> None:
    """Convert ``files`` with headless LibreOffice, in a private profile removed afterwards.

    soffice exits 0 even when it fails: callers check that the outputs exist.
    """
    profile = Path(tempfile.mkdtemp(prefix="lo-test-"))
    try:
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation={profile.as_uri()}",
                "--headless",
                "--norestore",
                "--convert-to",
                convert_to,
                "--outdir",
                str(outdir),
                *map(str, files),
            ],
            capture_output=True,
            timeout=300,
            check=False,
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def pdf_pages(pdf: Path) -> int:
    """The number of pages of a PDF, as pdfinfo counts them."""
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    match = re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE)
    assert match is not None, info
    return int(match.group(1))


def pdf_text(pdf: Path) -> str:
    """The PDF's text with every run of white space made one space."""
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return " ".join(text.split())
