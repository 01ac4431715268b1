"""The main job's baseline: a bare openpyxl and python-pptx script, run as its own process.

It writes what the least a script would: a one-sheet workbook (a header and a few
rows of numbers) and a one-slide deck (a title and a line of text), into the folder
given as its only argument. It imports nothing of launchbrief.
"""

from __future__ import annotations

import sys
from pathlib import Path

import openpyxl
from pptx import Presentation
from pptx.util import Inches, Pt

ROWS = (
    ("Benchmark", "Model", "Score"),
    ("CharXiv Reasoning", "Muse Spark", 86.4),
    ("CharXiv Reasoning", "GPT 5.4", 82.8),
    ("CharXiv Reasoning", "Gemini 3.1 Pro High", 80.2),
    ("HealthBench Hard", "Muse Spark", 42.8),
    ("HealthBench Hard", "GPT 5.4", 40.1),
)


def main(folder: Path) -> None:
    """Write ``folder/baseline.xlsx`` and ``folder/baseline.pptx``."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Results"
    for row in ROWS:
        sheet.append(row)
    workbook.save(folder / "baseline.xlsx")

    deck = Presentation()
    slide = deck.slides.add_slide(deck.slide_layouts[5])  # "Title Only"
    slide.shapes.title.text = "Muse Spark leads CharXiv Reasoning"
    box = slide.shapes.add_textbox(Inches(1), Inches(2), Inches(8), Inches(1))
    box.text_frame.text = "86.4 against GPT 5.4's 82.8"
    box.text_frame.paragraphs[0].runs[0].font.size = Pt(24)
    deck.save(str(folder / "baseline.pptx"))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
