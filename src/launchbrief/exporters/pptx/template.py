"""The user's template: opening a .pptx or .potx, its theme, and the layouts the deck uses.

Layouts are chosen by name ("Title Slide", "Title and Content", "Title Only") and
otherwise by their placeholders; the template's own slides are removed.
"""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from lxml import etree  # type: ignore[import-untyped]  # lxml ships no stubs; python-pptx uses it
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn

from launchbrief.exceptions import ExportError, InvalidLaunchError
from launchbrief.exporters._archive import check_archive
from launchbrief.exporters._story import clean

_A = "http://schemas.openxmlformats.org/drawingml/2006/main"


_PRESENTATION_MAIN = (
    "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
)


_TEMPLATE_MAIN = "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"


def theme_part(master: Any) -> Any:
    return master.part.part_related_by(RT.THEME)


def theme_scheme(master: Any) -> tuple[dict[str, str], str | None, str | None]:
    """The theme's colours by name, and its major and minor latin fonts."""
    root = etree.fromstring(theme_part(master).blob)
    scheme: dict[str, str] = {}
    for element in root.iterfind(f".//{{{_A}}}clrScheme/*"):
        name = etree.QName(element).localname
        srgb = element.find(f"{{{_A}}}srgbClr")
        system = element.find(f"{{{_A}}}sysClr")
        if srgb is not None and srgb.get("val"):
            scheme[name] = srgb.get("val", "000000").upper()
        elif system is not None:
            scheme[name] = (system.get("lastClr") or "000000").upper()
    major = root.find(f".//{{{_A}}}majorFont/{{{_A}}}latin")
    minor = root.find(f".//{{{_A}}}minorFont/{{{_A}}}latin")
    return (
        scheme,
        major.get("typeface") if major is not None else None,
        minor.get("typeface") if minor is not None else None,
    )


#: Templates larger than this are refused (a corporate template with pictures is a few MB).
MAX_TEMPLATE_BYTES = 256 * 1024 * 1024


def open_template(template: str | os.PathLike[str]) -> Any:
    """Open a .pptx or .potx for its design; its slides, if any, are removed."""
    path = Path(template)
    if path.suffix.lower() not in {".pptx", ".potx"}:
        raise ExportError(f"template {str(path)!r} must be a .pptx or .potx file")
    try:
        # The same caps as for workbooks: size, zip bombs, XML entity declarations.
        check_archive(path, str(path), MAX_TEMPLATE_BYTES, kind="template")
    except InvalidLaunchError as error:
        raise ExportError(f"template refused: {error.problems[0]}") from None
    except FileNotFoundError:
        raise ExportError(f"template {str(path)!r} cannot be read: no such file") from None
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ExportError(f"template {str(path)!r} cannot be read: {error.strerror}") from error
    try:
        data = _as_presentation(data)
        prs = Presentation(io.BytesIO(data))
    except Exception as error:
        raise ExportError(
            f"template {str(path)!r} is not a PowerPoint file python-pptx can open: {error}"
        ) from error
    _remove_slides(prs)
    if not any(title_placeholder(layout) is not None for layout in _layouts(prs)):
        raise ExportError(
            f"template {str(path)!r} has no usable layout: none has a title placeholder"
        )
    return prs


def _as_presentation(data: bytes) -> bytes:
    """A .potx's bytes with its main part typed as a presentation, so python-pptx opens it."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        types = source.read("[Content_Types].xml")
        if _TEMPLATE_MAIN.encode() not in types:
            return data
        output = io.BytesIO()
        with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
            for info in source.infolist():
                content = source.read(info.filename)
                if info.filename == "[Content_Types].xml":
                    content = content.replace(_TEMPLATE_MAIN.encode(), _PRESENTATION_MAIN.encode())
                target.writestr(info, content)
        return output.getvalue()


def _remove_slides(prs: Any) -> None:
    """Drop the template's own slides: the deck uses its masters and layouts only."""
    presentation = prs.part._element
    slide_list = presentation.find(qn("p:sldIdLst"))
    if slide_list is not None:
        for slide_id in list(slide_list):
            rid = slide_id.get(qn("r:id"))
            slide_list.remove(slide_id)
            if rid:
                prs.part.drop_rel(rid)
    # Custom shows and sections would name slides that are gone.
    for stale in presentation.findall(qn("p:custShowLst")):
        presentation.remove(stale)
    ext_list = presentation.find(qn("p:extLst"))
    if ext_list is not None:
        for ext in list(ext_list):
            if ext.get("uri") == "{521415D9-36F7-43E2-AB2F-B90AF26B5E84}":  # sections
                ext_list.remove(ext)


def _layouts(prs: Any) -> Iterator[Any]:
    for master in prs.slide_masters:
        yield from master.slide_layouts


TITLE_TYPES = {PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE}


BODY_TYPES = {PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT}


CHROME_TYPES = {PP_PLACEHOLDER.DATE, PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER}


def placeholder(layout: Any, types: set[Any]) -> Any:
    for shape in layout.placeholders:
        if shape.placeholder_format.type in types:
            return shape
    return None


def title_placeholder(layout: Any) -> Any:
    return placeholder(layout, TITLE_TYPES)


def _content_types(layout: Any) -> list[Any]:
    return [
        shape.placeholder_format.type
        for shape in layout.placeholders
        if shape.placeholder_format.type not in CHROME_TYPES | TITLE_TYPES
    ]


_LAYOUT_NAMES = {
    "title": ("title slide", "title page", "cover", "title"),
    "content": ("title and content", "title and body", "title & content", "title, content"),
    "title_only": ("title only", "title-only", "headline only", "title"),
}


def choose_layouts(prs: Any) -> dict[str, Any]:
    """The layouts for title, text and free-form slides: by name, then by placeholders."""
    usable = [layout for layout in _layouts(prs) if title_placeholder(layout) is not None]
    by_name = {clean(layout.name).lower(): layout for layout in reversed(usable)}

    def named(kind: str) -> Any:
        for name in _LAYOUT_NAMES[kind]:
            if name in by_name:
                return by_name[name]
        return None

    def single_body(layout: Any) -> bool:
        kinds = _content_types(layout)
        return len(kinds) == 1 and kinds[0] in BODY_TYPES

    content = named("content")
    if content is None or not single_body(content):
        content = next((layout for layout in usable if single_body(layout)), None)
    title_only = named("title_only")
    if title_only is None or _content_types(title_only):
        title_only = next((layout for layout in usable if not _content_types(layout)), None)
    title = named("title")
    if title is None:
        title = next(
            (
                layout
                for layout in usable
                if placeholder(layout, {PP_PLACEHOLDER.CENTER_TITLE}) is not None
                or placeholder(layout, {PP_PLACEHOLDER.SUBTITLE}) is not None
            ),
            None,
        )
    fallback = content or title_only or usable[0]
    return {
        "title": title or fallback,
        "content": content or title_only or usable[0],
        "title_only": title_only or content or usable[0],
    }
