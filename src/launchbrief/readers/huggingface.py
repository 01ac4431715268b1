"""The Hugging Face model card reader plugin: cheap to import, it loads the work on use.

Listing readers imports this module only; reading a card imports
:mod:`launchbrief.huggingface`, where :func:`~launchbrief.huggingface.read_card` does it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:
    from launchbrief.model import Launch

__all__ = ["FENCE", "HuggingFaceReader"]

#: A line that ends a card's YAML front matter (``---`` or ``...``).
FENCE = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.MULTILINE)


class HuggingFaceReader:
    """Reads a Hugging Face model card's ``model-index`` (or ``.eval_results``) into a launch."""

    name: ClassVar[str] = "huggingface"
    suffixes: ClassVar[tuple[str, ...]] = (".md",)
    description: ClassVar[str] = "Hugging Face model card (model-index, .eval_results)"
    #: In a folder of launches, a ``.md`` file is a card only if :meth:`sniff` says so.
    by_content: ClassVar[bool] = True

    def sniff(self, head: bytes) -> bool:
        """Whether these first bytes are a model card's front matter holding ``model-index``."""
        text = head.decode("utf-8", "replace").lstrip("\ufeff")
        if re.match(r"model-index\s*:", text):
            return True
        if not re.match(r"---[ \t]*\r?\n", text):
            return False
        end = FENCE.search(text, text.index("\n") + 1)
        matter = text[: end.start()] if end else text
        return re.search(r"^model-index\s*:", matter, re.MULTILINE) is not None

    def read(self, source: Path, /, **options: Any) -> Launch:
        """:func:`read_card` on ``source``; options are its keywords (``scales``, ``repository``)."""
        from launchbrief.huggingface import read_card

        return read_card(source, **options)
