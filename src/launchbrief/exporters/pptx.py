"""The PowerPoint exporter: a briefing deck an executive can present as it is.

The deck tells the launch as a story, one slide per point, 16:9 in the house style
or on a corporate template: title; at a glance; the model and its modes; rollout;
one slide per benchmark category with numbers (a native clustered bar chart);
a scorecard of leads and trails; safety and evaluation; strategy and takeaways;
sources and method. It presents the results of :mod:`launchbrief.analysis` and
never recomputes them.

Every slide has a real title placeholder, speaker notes, alt text on its charts
and tables, and a footer naming its sources beside the slide number. Text is laid
out with real font metrics (:mod:`._deck_text`): it shrinks down to a floor and
what still does not fit continues on the next slide; long tables repeat their
header. What a slide shows is bounded, however large the record: a list shows
at most :data:`~._deck_story.MOST_ITEMS` items and counts the rest, and a paragraph
longer than a whole slide is cut with "…" (the notes carry it). The same record
gives the same bytes.

This is the only module of launchbrief that imports python-pptx.
"""

from __future__ import annotations

import io
import math
import os
import re
import zipfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, Any, ClassVar

from lxml import etree  # type: ignore[import-untyped]  # lxml ships no stubs; python-pptx uses it
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import (
    XL_CHART_TYPE,
    XL_LABEL_POSITION,
    XL_LEGEND_POSITION,
    XL_TICK_MARK,
)
from pptx.enum.shapes import MSO_SHAPE, PP_PLACEHOLDER
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.packuri import PackURI
from pptx.oxml.ns import qn
from pptx.parts.slide import SlidePart
from pptx.util import Emu, Pt

from launchbrief import analysis
from launchbrief._reproducible import document_time, normalize_zip
from launchbrief.exceptions import ExportError, InvalidLaunchError, LaunchbriefError
from launchbrief.exporters import _deck_story as story
from launchbrief.exporters._archive import check_archive
from launchbrief.exporters._deck_text import (
    FontSet,
    Para,
    Span,
    clean,
    clip,
    fit_size,
    fits,
    font_set,
    split_paras,
    text_height,
    truncate,
)
from launchbrief.exporters._registry import open_destination
from launchbrief.model import (
    Evaluation,
    InsightKind,
    Launch,
    RolloutStatus,
    SourceKind,
)

__all__ = ["DEFAULT_ACCENT", "SLIDES", "PptxExporter", "build_deck", "export_many"]

#: The slides of a briefing, in their default order. ``benchmarks`` is one slide per
#: benchmark category with numbers (plus one for benchmarks known only in words);
#: ``strategy`` is strengths, weaknesses and risks, strategy and context, takeaways;
#: ``sources`` is the method and the list of sources.
SLIDES = (
    "title",
    "glance",
    "model",
    "rollout",
    "benchmarks",
    "scorecard",
    "safety",
    "strategy",
    "sources",
)

#: The house accent colour (a deep blue), as ``RRGGBB``.
DEFAULT_ACCENT = "1F5AD1"

# Sizes in points. Body text never goes below BODY_FLOOR.
BODY_FLOOR = 12.0
BODY_SIZE = 16.0
TABLE_SIZE = 14.0
LEDE_SIZE = 17.0
FOOTER_FLOOR = 8.0
TITLE_FLOOR = 20.0
CHART_TEXT = 12.0
GAP = 24.0  # between columns and blocks

_EMU_PER_PT = 12700
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"

_PRESENTATION_MAIN = (
    "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
)
_TEMPLATE_MAIN = "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"


class PptxExporter:
    """Executive briefing deck: native charts, speaker notes, alt text, templates."""

    name: ClassVar[str] = "pptx"
    suffix: ClassVar[str] = ".pptx"
    media_type: ClassVar[str] = (
        "application/vnd.openxmlformats-officedocument.presentationml.presentation"
    )
    description: ClassVar[str] = "Briefing deck: story slides, native charts, speaker notes"
    document: ClassVar[bool] = True

    def export(
        self,
        launch: Launch,
        dest: str | os.PathLike[str] | IO[bytes],
        /,
        *,
        slides: Sequence[str] | None = None,
        template: str | os.PathLike[str] | None = None,
        accent: str | None = None,
        notes: bool = True,
    ) -> None:
        """Write ``launch`` as a briefing deck to ``dest`` (a path or a binary stream).

        Args:
            slides: which slides, in what order, from :data:`SLIDES` (default: all of
                them). Slides with nothing to show (no surfaces, no safety findings…)
                are left out.
            template: a .pptx or .potx file whose masters, layouts, theme fonts and
                colours the deck uses. Layouts are chosen by name ("Title Slide",
                "Title and Content", "Title Only") and otherwise by their placeholders;
                slides already in the template are removed (only its design is used).
                Its slide size is kept. Without a template the deck is 16:9 in the
                house style.
            accent: the highlight colour as ``"#RRGGBB"`` (the launched model's bars,
                headings); default: the template's first accent colour, or the house blue.
            notes: write speaker notes (talking points and the numbers behind them).

        Raises:
            ExportError: a bad option, a template that cannot be used, or a deck that
                cannot be written.
        """
        data = build_deck([launch], slides=slides, template=template, accent=accent, notes=notes)
        with open_destination(dest) as stream:
            stream.write(data)


def export_many(
    launches: Sequence[Launch],
    dest: str | os.PathLike[str] | IO[bytes],
    /,
    *,
    slides: Sequence[str] | None = None,
    template: str | os.PathLike[str] | None = None,
    accent: str | None = None,
    notes: bool = True,
) -> None:
    """Write several launches into one deck, one briefing after the other.

    Options are those of :meth:`PptxExporter.export`.
    """
    data = build_deck(launches, slides=slides, template=template, accent=accent, notes=notes)
    with open_destination(dest) as stream:
        stream.write(data)


def build_deck(
    launches: Sequence[Launch],
    *,
    slides: Sequence[str] | None = None,
    template: str | os.PathLike[str] | None = None,
    accent: str | None = None,
    notes: bool = True,
) -> bytes:
    """The bytes of a deck briefing on ``launches``, in order (options as for ``export``).

    Building takes time linear in the number of slides, charts included.
    """
    chosen = _check_slides(slides)
    accent_rgb = _check_accent(accent)
    if isinstance(launches, Launch):
        launches = [launches]
    if not launches:
        raise ExportError("no launches to put in the deck")
    if not isinstance(notes, bool):
        raise ExportError(f"notes must be True or False, got {notes!r}")
    document_time()  # a bad SOURCE_DATE_EPOCH is refused here, before any work
    try:
        prs = _open_template(template) if template is not None else _house_presentation(accent_rgb)
        with _linear_parts(prs) as parts:
            deck = _Deck(prs, parts, accent=accent_rgb, notes=notes, house=template is None)
            for launch in launches:
                for name in chosen:
                    _SECTIONS[name](deck, launch)
            if not deck.slide_count:
                raise ExportError("the deck would have no slides: choose other slides=")
            deck.finish(launches)
            buffer = io.BytesIO()
            prs.save(buffer)
        return normalize_zip(buffer.getvalue())
    except (LaunchbriefError, MemoryError, OSError):
        raise  # ours, or the system's (no memory, a template that cannot be read): as they are
    except Exception as error:
        raise ExportError(f"could not build the deck: {type(error).__name__}: {error}") from error


def _check_slides(slides: Sequence[str] | None) -> tuple[str, ...]:
    if slides is None:
        return SLIDES
    if isinstance(slides, str):
        slides = [part.strip() for part in slides.split(",")]
    chosen = tuple(slides)
    unknown = [name for name in chosen if name not in SLIDES]
    if unknown:
        raise ExportError(
            f"unknown slide {', '.join(map(repr, unknown))} (slides: {', '.join(SLIDES)})"
        )
    repeated = sorted({name for name in chosen if chosen.count(name) > 1})
    if repeated:
        raise ExportError(f"slide {', '.join(map(repr, repeated))} is asked for more than once")
    if not chosen:
        raise ExportError(f"slides= is empty: choose some of {', '.join(SLIDES)}")
    return chosen


def _check_accent(accent: str | None) -> str | None:
    if accent is None:
        return None
    if not isinstance(accent, str) or not re.fullmatch(r"#?[0-9A-Fa-f]{6}", accent.strip()):
        raise ExportError(f"accent must be a colour like '#1F5AD1', got {accent!r}")
    return accent.strip().lstrip("#").upper()


# --------------------------------------------------------------------------- linear scaling


class _PartNames:
    """Next free part names, counted per name pattern: O(1) instead of a package walk.

    python-pptx finds a new part's name by walking every part in the package, so
    each added slide, notes slide and chart costs more than the last (quadratic in
    all). This keeps a counter per pattern, seeded by one walk.
    """

    def __init__(self, package: Any) -> None:
        self._used = {str(part.partname) for part in package.iter_parts()}
        self._next: dict[str, int] = {}

    def next_partname(self, template: str) -> PackURI:
        number = self._next.get(template, 1)
        while template % number in self._used:
            number += 1
        name = template % number
        self._used.add(name)
        self._next[template] = number + 1
        return PackURI(name)


@contextmanager
def _linear_parts(prs: Any) -> Iterator[_PartNames]:
    """Give this presentation's package O(1) part naming while the deck is built.

    Only this package object is changed (an instance attribute shadows the method),
    and it is restored afterwards: other users of python-pptx are unaffected.
    """
    package = prs.part.package
    names = _PartNames(package)
    package.next_partname = names.next_partname
    try:
        yield names
    finally:
        del package.next_partname


# --------------------------------------------------------------------------- geometry


@dataclass(frozen=True)
class _Box:
    """A rectangle in points."""

    x: float
    y: float
    w: float
    h: float

    @property
    def bottom(self) -> float:
        return self.y + self.h

    @property
    def right(self) -> float:
        return self.x + self.w

    def below(self, height: float, gap: float = 0.0) -> _Box:
        """What is left of the box under a band ``height`` high and a ``gap``."""
        used = min(self.h, height + gap)
        return _Box(self.x, self.y + used, self.w, self.h - used)

    def top(self, height: float) -> _Box:
        return _Box(self.x, self.y, self.w, min(height, self.h))

    def columns(self, weights: Sequence[float], gap: float = GAP) -> list[_Box]:
        total = sum(weights) or 1.0
        usable = self.w - gap * (len(weights) - 1)
        boxes, x = [], self.x
        for weight in weights:
            width = usable * weight / total
            boxes.append(_Box(x, self.y, width, self.h))
            x += width + gap
        return boxes


def _emu(points: float) -> Emu:
    return Emu(round(points * _EMU_PER_PT))


def _pt(emu: int | None) -> float:
    return (emu or 0) / _EMU_PER_PT


# --------------------------------------------------------------------------- colours


def _mix(color: str, other: str, amount: float) -> str:
    """``color`` moved ``amount`` (0..1) of the way towards ``other``."""
    a = [int(color[i : i + 2], 16) for i in (0, 2, 4)]
    b = [int(other[i : i + 2], 16) for i in (0, 2, 4)]
    return "".join(f"{round(x + (y - x) * amount):02X}" for x, y in zip(a, b, strict=True))


def _luminance(color: str) -> float:
    r, g, b = (int(color[i : i + 2], 16) / 255 for i in (0, 2, 4))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


_STATUS_COLORS = {
    RolloutStatus.LIVE: "1E7B4A",
    RolloutStatus.ROLLING_OUT: "9A5B00",
    RolloutStatus.PREVIEW: "6547B0",
    RolloutStatus.PLANNED: "5F6B7D",
    RolloutStatus.UNKNOWN: "767676",
}

# Rivals in charts: quiet, distinguishable tones around the highlighted accent.
_HOUSE_RIVALS = (
    "9AA3B2",
    "C9AE82",
    "86B0A2",
    "B3A3D1",
    "D8A3A0",
    "A9C0D9",
    "BDBF7C",
    "6F7D91",
    "DCC3A0",
    "9FC3B9",
    "C7ADC9",
)

_HOUSE_THEME = {
    "dk1": "1B2230",
    "lt1": "FFFFFF",
    "dk2": "2A3444",
    "lt2": "F2F4F7",
    "accent1": DEFAULT_ACCENT,
    "accent2": "6F7D91",
    "accent3": "C9AE82",
    "accent4": "86B0A2",
    "accent5": "B3A3D1",
    "accent6": "D8A3A0",
    "hlink": DEFAULT_ACCENT,
    "folHlink": "6547B0",
}


@dataclass(frozen=True)
class _Palette:
    ink: str  # titles and strong text
    body: str
    muted: str  # captions, footers, labels
    rule: str  # hairlines
    panel: str  # tile and callout backgrounds
    accent: str
    accent_soft: str
    paper: str
    rivals: tuple[str, ...]
    positive: str = "1E7B4A"
    negative: str = "B3261E"

    def role(self, name: str | None) -> str:
        if name is None:
            return self.body
        if name.startswith("status:"):
            return _STATUS_COLORS[RolloutStatus(name.removeprefix("status:"))]
        return str(getattr(self, name))

    @classmethod
    def from_theme(cls, scheme: dict[str, str], accent: str | None) -> _Palette:
        dark, light = scheme.get("dk1", "000000"), scheme.get("lt1", "FFFFFF")
        if _luminance(dark) > _luminance(light):  # a dark theme: text is light
            dark, light = light, dark
        highlight = accent or scheme.get("accent1", DEFAULT_ACCENT)
        others = [scheme[f"accent{n}"] for n in range(2, 7) if f"accent{n}" in scheme]
        rivals = tuple(
            dict.fromkeys(
                [_mix(color, light, 0.45) for color in others if color != highlight]
                + list(_HOUSE_RIVALS)
            )
        )
        return cls(
            ink=scheme.get("dk2", dark) if _luminance(scheme.get("dk2", dark)) < 0.3 else dark,
            body=_mix(dark, light, 0.1),
            muted=_mix(dark, light, 0.42),
            rule=_mix(dark, light, 0.8),
            panel=_mix(dark, light, 0.95),
            accent=highlight,
            accent_soft=_mix(highlight, light, 0.88),
            paper=light,
            rivals=rivals,
        )


def _theme_part(master: Any) -> Any:
    return master.part.part_related_by(RT.THEME)


def _theme_scheme(master: Any) -> tuple[dict[str, str], str | None, str | None]:
    """The theme's colours by name, and its major and minor latin fonts."""
    root = etree.fromstring(_theme_part(master).blob)
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


# --------------------------------------------------------------------------- templates

#: Templates larger than this are refused (a corporate template with pictures is a few MB).
MAX_TEMPLATE_BYTES = 256 * 1024 * 1024


def _open_template(template: str | os.PathLike[str]) -> Any:
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
    if not any(_title_placeholder(layout) is not None for layout in _layouts(prs)):
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


_TITLE_TYPES = {PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE}
_BODY_TYPES = {PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT}
_CHROME_TYPES = {PP_PLACEHOLDER.DATE, PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER}


def _placeholder(layout: Any, types: set[Any]) -> Any:
    for shape in layout.placeholders:
        if shape.placeholder_format.type in types:
            return shape
    return None


def _title_placeholder(layout: Any) -> Any:
    return _placeholder(layout, _TITLE_TYPES)


def _content_types(layout: Any) -> list[Any]:
    return [
        shape.placeholder_format.type
        for shape in layout.placeholders
        if shape.placeholder_format.type not in _CHROME_TYPES | _TITLE_TYPES
    ]


_LAYOUT_NAMES = {
    "title": ("title slide", "title page", "cover", "title"),
    "content": ("title and content", "title and body", "title & content", "title, content"),
    "title_only": ("title only", "title-only", "headline only", "title"),
}


def _choose_layouts(prs: Any) -> dict[str, Any]:
    """The layouts for title, text and free-form slides: by name, then by placeholders."""
    usable = [layout for layout in _layouts(prs) if _title_placeholder(layout) is not None]
    by_name = {clean(layout.name).lower(): layout for layout in reversed(usable)}

    def named(kind: str) -> Any:
        for name in _LAYOUT_NAMES[kind]:
            if name in by_name:
                return by_name[name]
        return None

    def single_body(layout: Any) -> bool:
        kinds = _content_types(layout)
        return len(kinds) == 1 and kinds[0] in _BODY_TYPES

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
                if _placeholder(layout, {PP_PLACEHOLDER.CENTER_TITLE}) is not None
                or _placeholder(layout, {PP_PLACEHOLDER.SUBTITLE}) is not None
            ),
            None,
        )
    fallback = content or title_only or usable[0]
    return {
        "title": title or fallback,
        "content": content or title_only or usable[0],
        "title_only": title_only or content or usable[0],
    }


# --------------------------------------------------------------------------- house style


def _house_presentation(accent: str | None) -> Any:
    """python-pptx's blank template turned into the 16:9 house style."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = _emu(960), _emu(540)
    master = prs.slide_master
    theme = dict(_HOUSE_THEME)
    if accent:
        theme["accent1"] = theme["hlink"] = accent
    _theme_part(master).blob = _house_theme(_theme_part(master).blob, theme)
    keep = {"Title Slide", "Title and Content", "Title Only", "Two Content", "Blank"}
    for layout in list(master.slide_layouts):
        if layout.name not in keep:
            master.slide_layouts.remove(layout)
    geometry = {
        PP_PLACEHOLDER.TITLE: _Box(48, 24, 864, 60),
        PP_PLACEHOLDER.BODY: _Box(48, 100, 864, 384),
        PP_PLACEHOLDER.DATE: _Box(48, 504, 1, 1),
        PP_PLACEHOLDER.FOOTER: _Box(48, 500, 760, 24),
        PP_PLACEHOLDER.SLIDE_NUMBER: _Box(832, 500, 80, 24),
    }
    for shape in master.placeholders:
        box = geometry.get(shape.placeholder_format.type)
        if box is not None:
            _place(shape, box)
    _house_text_styles(master, theme)
    palette = _Palette.from_theme(theme, accent)
    # The master draws a hairline over the footer; layouts show it.
    _add_rule(master.shapes._spTree, _Box(48, 494, 864, 0.75), palette.rule, "Footer rule")
    for layout in master.slide_layouts:
        if layout.name == "Title Slide":
            for shape in layout.placeholders:
                kind = shape.placeholder_format.type
                if kind == PP_PLACEHOLDER.CENTER_TITLE:
                    _place(shape, _Box(72, 150, 816, 120))
                    _set_body_pr(shape._element, anchor="b", lIns="0", rIns="0")
                    _level_style(shape._element, size=44, bold=True)
                elif kind == PP_PLACEHOLDER.SUBTITLE:
                    _place(shape, _Box(72, 286, 816, 160))
                    _subtitle_style(shape._element, palette)
            _add_rule(layout.shapes._spTree, _Box(48, 156, 6, 286), palette.accent, "Accent bar")
        elif layout.name == "Two Content":
            bodies = [s for s in layout.placeholders if s.placeholder_format.type in _BODY_TYPES]
            for shape, box in zip(
                bodies, geometry[PP_PLACEHOLDER.BODY].columns([1, 1]), strict=False
            ):
                _place(shape, box)
    return prs


def _place(shape: Any, box: _Box) -> None:
    shape.left, shape.top, shape.width, shape.height = (
        _emu(box.x),
        _emu(box.y),
        _emu(box.w),
        _emu(box.h),
    )


def _house_theme(blob: bytes, colors: dict[str, str]) -> bytes:
    root = etree.fromstring(blob)
    scheme = root.find(f".//{{{_A}}}clrScheme")
    if scheme is not None:
        scheme.set("name", "launchbrief")
        for element in scheme:
            name = etree.QName(element).localname
            if name in colors:
                for child in list(element):
                    element.remove(child)
                etree.SubElement(element, f"{{{_A}}}srgbClr", val=colors[name])
    fonts = root.find(f".//{{{_A}}}fontScheme")
    if fonts is not None:
        fonts.set("name", "launchbrief")
        for latin in fonts.iterfind(f".//{{{_A}}}latin"):
            # Arial everywhere PowerPoint runs; LibreOffice sets it in Liberation
            # Sans, whose widths are the same, and that is what the text is measured with.
            latin.set("typeface", "Arial")
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def _house_text_styles(master: Any, theme: dict[str, str]) -> None:
    styles = master._element.find(qn("p:txStyles"))
    title = styles.find(qn("p:titleStyle")).find(qn("a:lvl1pPr"))
    title.set("algn", "l")
    _set_def_run(title, size=28, bold=True)
    for level, element in enumerate(styles.find(qn("p:bodyStyle"))):
        if etree.QName(element).localname.startswith("lvl"):
            _set_def_run(element, size=max(12, 18 - 2 * level))
    title_shape = _placeholder(master, {PP_PLACEHOLDER.TITLE})
    _set_body_pr(title_shape._element, anchor="b", lIns="0", rIns="0")
    for kind, align in (
        (PP_PLACEHOLDER.FOOTER, "l"),
        (PP_PLACEHOLDER.SLIDE_NUMBER, "r"),
    ):
        shape = _placeholder(master, {kind})
        if shape is not None:
            level = shape._element.find(f".//{qn('a:lstStyle')}/{qn('a:lvl1pPr')}")
            if level is not None:
                level.set("algn", align)
                _set_def_run(level, size=10)
                run = level.find(qn("a:defRPr"))
                for fill in run.findall(qn("a:solidFill")):
                    run.remove(fill)
                fill = etree.SubElement(run, qn("a:solidFill"))
                etree.SubElement(fill, qn("a:srgbClr"), val=_mix(theme["dk1"], theme["lt1"], 0.42))
                run.insert(0, fill)
            _set_body_pr(shape._element, anchor="ctr", lIns="0", rIns="0")


def _set_def_run(level: Any, *, size: float, bold: bool | None = None) -> None:
    run = level.find(qn("a:defRPr"))
    if run is None:
        run = etree.SubElement(level, qn("a:defRPr"))
    run.set("sz", str(round(size * 100)))
    if bold is not None:
        run.set("b", "1" if bold else "0")


def _set_body_pr(sp: Any, **attributes: str) -> None:
    body = sp.find(f"{qn('p:txBody')}/{qn('a:bodyPr')}")
    if body is not None:
        for key, value in attributes.items():
            body.set(key, value)


def _level_style(sp: Any, *, size: float, bold: bool) -> None:
    """The first-level text style of a layout placeholder: left-aligned, this size."""
    body = sp.find(qn("p:txBody"))
    styles = body.find(qn("a:lstStyle"))
    if styles is None:
        styles = etree.Element(qn("a:lstStyle"))
        body.insert(1, styles)
    for child in list(styles):
        styles.remove(child)
    first = etree.SubElement(styles, qn("a:lvl1pPr"), algn="l")
    _set_def_run(first, size=size, bold=bold)


def _subtitle_style(sp: Any, palette: _Palette) -> None:
    _set_body_pr(sp, anchor="t", lIns="0", rIns="0")
    level = sp.find(f".//{qn('a:lstStyle')}")
    if level is None:
        return
    for child in list(level):
        level.remove(child)
    first = etree.SubElement(level, qn("a:lvl1pPr"), marL="0", indent="0", algn="l")
    etree.SubElement(first, qn("a:buNone"))
    _set_def_run(first, size=18)
    run = first.find(qn("a:defRPr"))
    fill = etree.SubElement(run, qn("a:solidFill"))
    etree.SubElement(fill, qn("a:srgbClr"), val=palette.muted)


def _add_rule(tree: Any, box: _Box, color: str, name: str) -> None:
    """A filled rectangle as decoration on a master or layout."""
    ids = [int(v) for v in tree.xpath("//p:cNvPr/@id")]
    shape_id = max([1, *ids]) + 1
    xml = (
        f'<p:sp xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"'
        f' xmlns:a="{_A}"><p:nvSpPr><p:cNvPr id="{shape_id}" name="{name}"/><p:cNvSpPr/><p:nvPr userDrawn="1"/>'
        f'</p:nvSpPr><p:spPr><a:xfrm><a:off x="{_emu(box.x)}" y="{_emu(box.y)}"/>'
        f'<a:ext cx="{_emu(box.w)}" cy="{_emu(box.h)}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/>'
        f'</a:prstGeom><a:solidFill><a:srgbClr val="{color}"/></a:solidFill><a:ln><a:noFill/></a:ln>'
        f"</p:spPr></p:sp>"
    )
    tree.append(etree.fromstring(xml))


# --------------------------------------------------------------------------- the deck


@dataclass(frozen=True)
class _TextStyle:
    size: float
    insets: tuple[float, float, float, float]  # left, top, right, bottom in points
    fonts: FontSet


@dataclass
class _Page:
    """A slide being filled: the slide and the free area under its title."""

    slide: Any
    frame: _Box
    number: int


@dataclass
class _Deck:
    """The presentation being built, its layouts, geometry, palette and fonts."""

    prs: Any
    parts: _PartNames
    accent: str | None
    notes: bool
    house: bool
    slide_count: int = 0
    charts: list[Any] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.layouts = _choose_layouts(self.prs)
        master = self.layouts["content"].slide_master
        scheme, major, minor = _theme_scheme(master)
        self.palette = _Palette.from_theme(scheme, self.accent)
        self.body_fonts = font_set(minor)
        self.title_fonts = font_set(major)
        self.width = _pt(self.prs.slide_width)
        self.height = _pt(self.prs.slide_height)
        self.frame = self._content_frame()
        slide_list = self.prs.part._element.get_or_add_sldIdLst()
        self._next_slide_id = max([255, *(int(s.get("id")) for s in slide_list)]) + 1
        self._slide_list = slide_list
        self._placeholders: dict[tuple[int, frozenset[Any]], Any] = {}
        self._styles: dict[tuple[int, Any, bool], _TextStyle] = {}
        # Source names by launch (by identity: the launches outlive the build).
        self._source_names: dict[int, dict[str, str]] = {}

    # -- geometry -----------------------------------------------------------------

    def _content_frame(self) -> _Box:
        """The area for content: the body placeholder of the text layout, or under the title."""
        layout = self.layouts["content"]
        body = _placeholder(layout, _BODY_TYPES)
        title = _title_placeholder(self.layouts["title_only"])
        footer_top = self.height * 0.9
        for shape in self.layouts["title_only"].placeholders:
            if shape.placeholder_format.type in _CHROME_TYPES and shape.top is not None:
                footer_top = min(footer_top, _pt(shape.top))
        if body is not None and body.width and body.height:
            box = _Box(_pt(body.left), _pt(body.top), _pt(body.width), _pt(body.height))
        else:
            top = _pt(title.top) + _pt(title.height) + 12
            box = _Box(_pt(title.left), top, _pt(title.width), footer_top - 8 - top)
        if title is not None and title.top is not None:
            # Never under the title of the layout actually used for content slides.
            title_bottom = _pt(title.top) + _pt(title.height)
            if box.y < title_bottom + 6:
                box = _Box(box.x, title_bottom + 6, box.w, box.bottom - title_bottom - 6)
        if box.bottom > footer_top - 4:
            box = _Box(box.x, box.y, box.w, footer_top - 4 - box.y)
        if box.h < 120 or box.w < 240:
            raise ExportError(
                f"the template's content area ({box.w:.0f} x {box.h:.0f} pt) is too small for a briefing"
            )
        return box

    # -- slides -------------------------------------------------------------------

    def new_slide(
        self,
        title: str,
        *,
        kind: str = "title_only",
        sources: Sequence[str] = (),
        launch: Launch | None = None,
        notes: str = "",
    ) -> _Page:
        """Add a slide with its title, footer, slide number and notes."""
        layout = self.layouts[kind]
        slide = self._add_slide(layout)
        self.slide_count += 1
        title_shape = self._clone(slide, layout, _TITLE_TYPES)
        self.fit_title(title_shape, layout, clean(title) or "Untitled")
        names: list[str] = []
        if launch is not None:
            names = story.source_names(_names(self, launch), sources)
        self._footer(slide, layout, names)
        if self.notes:
            slide.notes_slide.notes_text_frame.text = notes or clean(title)
        return _Page(slide=slide, frame=self.frame, number=self.slide_count)

    def _add_slide(self, layout: Any) -> Any:
        """A new slide on ``layout``, added in constant time (see :class:`_PartNames`)."""
        partname = self.parts.next_partname("/ppt/slides/slide%d.xml")
        slide_part = SlidePart.new(partname, self.prs.part.package, layout.part)  # type: ignore[no-untyped-call]
        # A new part cannot be related already: skip python-pptx's linear search.
        rid = self.prs.part.rels._add_relationship(RT.SLIDE, slide_part)
        self._slide_list._add_sldId(id=self._next_slide_id, rId=rid)
        self._next_slide_id += 1
        return slide_part.slide

    def layout_placeholder(self, layout: Any, types: set[Any]) -> Any:
        """The layout's first placeholder of one of ``types`` (looked up once per layout)."""
        key = (id(layout), frozenset(types))
        if key not in self._placeholders:
            self._placeholders[key] = _placeholder(layout, types)
        return self._placeholders[key]

    def _clone(self, slide: Any, layout: Any, types: set[Any]) -> Any:
        source = self.layout_placeholder(layout, types)
        if source is None:
            return None
        slide.shapes.clone_placeholder(source)
        return slide.placeholders[source.placeholder_format.idx]

    def placeholder_style(self, shape: Any, layout: Any, *, title: bool) -> _TextStyle:
        """Size, insets and fonts a placeholder inherits from its layout and master.

        The slide's placeholders are fresh clones without overrides of their own, so
        the style is that of the layout's placeholder: worked out once per layout.
        """
        key = (id(layout), shape.placeholder_format.type, title)
        if key not in self._styles:
            self._styles[key] = self._placeholder_style(shape, layout, title=title)
        return self._styles[key]

    def _placeholder_style(self, shape: Any, layout: Any, *, title: bool) -> _TextStyle:
        chain = [shape._element]
        layout_shape = self.layout_placeholder(layout, {shape.placeholder_format.type})
        if layout_shape is not None:
            chain.append(layout_shape._element)
        master = layout.slide_master
        master_shape = _placeholder(master, {shape.placeholder_format.type}) or (
            _placeholder(master, {PP_PLACEHOLDER.TITLE}) if title else None
        )
        if master_shape is not None:
            chain.append(master_shape._element)
        size = None
        for element in chain:
            found = element.xpath("./p:txBody/a:lstStyle/a:lvl1pPr/a:defRPr/@sz")
            if found:
                size = int(found[0]) / 100
                break
        if size is None:
            style = "p:titleStyle" if title else "p:otherStyle"
            found = master._element.xpath(f"./p:txStyles/{style}/a:lvl1pPr/a:defRPr/@sz")
            size = int(found[0]) / 100 if found else (44.0 if title else 18.0)
        defaults = {"lIns": 7.2, "tIns": 3.6, "rIns": 7.2, "bIns": 3.6}
        insets = []
        for key, default in defaults.items():
            value = default
            for element in chain:
                found = element.xpath(f"./p:txBody/a:bodyPr/@{key}")
                if found:
                    value = int(found[0]) / _EMU_PER_PT
                    break
            insets.append(value)
        left, top, right, bottom = insets
        return _TextStyle(
            size, (left, top, right, bottom), self.title_fonts if title else self.body_fonts
        )

    def fit_title(self, shape: Any, layout: Any, text: str) -> None:
        """Set the title, shrunk to fit its placeholder (and cut with "…" as a last resort)."""
        style = self.placeholder_style(shape, layout, title=True)
        left, top, right, bottom = style.insets
        width = _pt(shape.width) - left - right
        height = _pt(shape.height) - top - bottom
        para = Para.of(text, bold=True)
        floor = min(style.size, TITLE_FLOOR)
        size = fit_size([para], width, height, style.fonts, largest=style.size, smallest=floor)
        if size is None:
            size = floor
            text = clip(para, width, height, size, style.fonts).text
        frame = shape.text_frame
        frame.text = text
        if size != style.size:
            for paragraph in frame.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(size)

    def _footer(self, slide: Any, layout: Any, names: Sequence[str]) -> None:
        footer = self._clone(slide, layout, {PP_PLACEHOLDER.FOOTER})
        number = self._clone(slide, layout, {PP_PLACEHOLDER.SLIDE_NUMBER})
        if footer is None:
            footer = slide.shapes.add_textbox(
                _emu(self.frame.x), _emu(self.height - 30), _emu(self.frame.w * 0.8), _emu(20)
            )
            footer.name = "Footer"
            footer.text_frame.word_wrap = True
            style = _TextStyle(10.0, (0, 0, 0, 0), self.body_fonts)
        else:
            style = self.placeholder_style(footer, layout, title=False)
        if number is None:
            number = slide.shapes.add_textbox(
                _emu(self.frame.right - 60), _emu(self.height - 30), _emu(60), _emu(20)
            )
            number.name = "Slide number"
            number.text_frame.paragraphs[0].alignment = PP_ALIGN.RIGHT
        self._footer_text(footer, style, names)
        paragraph = number.text_frame.paragraphs[0]._p
        for child in list(paragraph):
            if etree.QName(child).localname in {"r", "fld", "br"}:
                paragraph.remove(child)
        field_ = etree.SubElement(
            paragraph, qn("a:fld"), id="{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}", type="slidenum"
        )
        etree.SubElement(field_, qn("a:rPr"), lang="en-US")
        etree.SubElement(field_, qn("a:t")).text = str(self.slide_count)
        end = paragraph.find(qn("a:endParaRPr"))
        if end is not None:
            paragraph.remove(end)
            paragraph.append(end)

    def _footer_text(self, shape: Any, style: _TextStyle, names: Sequence[str]) -> None:
        left, _top, right, _bottom = style.insets
        width = _pt(shape.width) - left - right - 2
        size = min(style.size, 10.0)
        fonts = style.fonts
        # Names past those that alone fill the line at the smallest size cannot be shown.
        shown: list[str] = []
        filled = 0.0
        for name in names:
            shown.append(name)
            filled += fonts.width(name, FOOTER_FLOOR)
            if filled > width:
                break
        while True:
            rest = len(names) - len(shown)
            text = ("Sources: " + ", ".join(shown)) if shown else ""
            if rest:
                text += f" and {rest} more" if shown else f"{rest} sources (see Sources)"
            fitted = next(
                (
                    s
                    for s in (size, size - 1, FOOTER_FLOOR)
                    if s >= FOOTER_FLOOR and fonts.width(text, s) <= width
                ),
                None,
            )
            if fitted is not None or not shown:
                break
            shown.pop()
        if fitted is None:
            fitted = FOOTER_FLOOR
            text = truncate(text, width, fitted, fonts)
        frame = shape.text_frame
        frame.word_wrap = True
        frame.text = text
        for paragraph in frame.paragraphs:
            for run in paragraph.runs:
                run.font.size = Pt(fitted)

    # -- shapes -------------------------------------------------------------------

    def text(
        self,
        page: _Page,
        box: _Box,
        paras: Sequence[Para],
        size: float,
        *,
        name: str,
        fill: str | None = None,
        insets: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0),
        anchor: str = "t",
    ) -> Any:
        """A text box with ``paras`` set at ``size`` (already measured to fit)."""
        if fill is not None:
            shape = page.slide.shapes.add_shape(
                MSO_SHAPE.RECTANGLE, _emu(box.x), _emu(box.y), _emu(box.w), _emu(box.h)
            )
            _flat(shape, fill)
        else:
            shape = page.slide.shapes.add_textbox(
                _emu(box.x), _emu(box.y), _emu(box.w), _emu(box.h)
            )
        shape.name = name
        frame = shape.text_frame
        frame.word_wrap = True
        frame.auto_size = MSO_AUTO_SIZE.NONE
        frame.margin_left, frame.margin_top, frame.margin_right, frame.margin_bottom = (
            _emu(value) for value in insets
        )
        frame.vertical_anchor = {
            "t": MSO_ANCHOR.TOP,
            "ctr": MSO_ANCHOR.MIDDLE,
            "b": MSO_ANCHOR.BOTTOM,
        }[anchor]
        self.write(frame, paras, size)
        return shape

    def write(self, frame: Any, paras: Sequence[Para], size: float) -> None:
        """Write measured paragraphs into a text frame (its old text is replaced)."""
        body = frame._txBody
        for old in body.findall(qn("a:p")):
            body.remove(old)
        for index, para in enumerate(paras or [Para.of("")]):
            p = etree.SubElement(body, qn("a:p"))
            own = para.size_at(size)
            ppr = etree.SubElement(p, qn("a:pPr"))
            ppr.set("algn", {"left": "l", "center": "ctr", "right": "r"}[para.align])
            if para.bullet:
                indent = round(own * 1.0 * _EMU_PER_PT)
                ppr.set("marL", str(indent))
                ppr.set("indent", str(-indent))
            else:
                ppr.set("marL", "0")
                ppr.set("indent", "0")
            spacing = etree.SubElement(ppr, qn("a:lnSpc"))
            etree.SubElement(spacing, qn("a:spcPct"), val="100000")
            before = etree.SubElement(ppr, qn("a:spcBef"))
            gap = para.space_before * own if index else 0.0
            etree.SubElement(before, qn("a:spcPts"), val=str(round(gap * 100)))
            after = etree.SubElement(ppr, qn("a:spcAft"))
            etree.SubElement(after, qn("a:spcPts"), val="0")
            if para.bullet:
                color = etree.SubElement(ppr, qn("a:buClr"))
                etree.SubElement(color, qn("a:srgbClr"), val=self.palette.accent)
                etree.SubElement(ppr, qn("a:buFont"), typeface="Arial")
                etree.SubElement(ppr, qn("a:buChar"), char="•")
            else:
                etree.SubElement(ppr, qn("a:buNone"))
            for span in para.spans:
                if not span.text:
                    continue
                run = etree.SubElement(p, qn("a:r"))
                rpr = etree.SubElement(run, qn("a:rPr"), lang="en-US", sz=str(round(own * 100)))
                rpr.set("b", "1" if span.bold else "0")
                rpr.set("i", "1" if span.italic else "0")
                fill = etree.SubElement(rpr, qn("a:solidFill"))
                etree.SubElement(fill, qn("a:srgbClr"), val=self.palette.role(span.color))
                etree.SubElement(run, qn("a:t")).text = span.text
            etree.SubElement(p, qn("a:endParaRPr"), lang="en-US", sz=str(round(own * 100)))

    def rect(self, page: _Page, box: _Box, color: str, name: str) -> Any:
        shape = page.slide.shapes.add_shape(
            MSO_SHAPE.RECTANGLE, _emu(box.x), _emu(box.y), _emu(box.w), _emu(box.h)
        )
        shape.name = name
        _flat(shape, color)
        return shape

    def lede(self, page: _Page, text: str) -> None:
        """The slide's takeaway in a line or two under the title; the frame shrinks under it."""
        para = Para.of(clean(text), color="ink")
        box = page.frame
        size = fit_size(
            [para],
            box.w,
            3 * self.body_fonts.line_height(LEDE_SIZE),
            self.body_fonts,
            largest=LEDE_SIZE,
            smallest=13.0,
        )
        if size is None:  # the notes carry the full sentence
            size = 13.0
            para = clip(para, box.w, 3 * self.body_fonts.line_height(size), size, self.body_fonts)
        height = text_height([para], box.w, size, self.body_fonts)
        self.text(page, box.top(height + 2), [para], size, name="Takeaway")
        page.frame = box.below(height + 2, 14)

    def notes_for(self, page: _Page, text: str) -> None:
        if self.notes:
            page.slide.notes_slide.notes_text_frame.text = text

    # -- finishing ------------------------------------------------------------------

    def finish(self, launches: Sequence[Launch]) -> None:
        """Pin every piece of metadata, so that the same records give the same bytes."""
        moment = document_time()
        props = self.prs.core_properties
        first = launches[0]
        props.author = "launchbrief"
        props.last_modified_by = "launchbrief"
        props.revision = 1
        props.created = moment
        props.modified = moment
        # Core properties hold at most 255 characters.
        props.title = _at_most(
            clean(first.title) if len(launches) == 1 else "Launch briefings", 255
        )
        props.subject = _at_most(
            f"Launch briefing: {story.launched_names(first)}"
            if len(launches) == 1
            else "Launch briefings: " + ", ".join(story.launched_names(item) for item in launches),
            255,
        )
        props.keywords = "launch briefing"
        props.comments = ""
        props.category = ""
        props.content_status = ""
        props.identifier = ""
        props.language = "en"
        props.version = ""
        last_printed = props._element.find(qn("cp:lastPrinted"))
        if last_printed is not None:
            props._element.remove(last_printed)
        package = self.prs.part.package
        for rel in list(package._rels.values()):
            if rel.reltype == RT.THUMBNAIL:  # a picture of some other slide
                package._rels.pop(rel.rId)
            elif rel.reltype == RT.EXTENDED_PROPERTIES:
                rel.target_part.blob = _app_properties(self.slide_count, self.notes)
        for chart_part in self.charts:
            workbook = chart_part.chart_workbook
            if workbook.xlsx_part is not None:
                workbook.update_from_xlsx_blob(_pin_workbook(workbook.xlsx_part.blob))


def _at_most(text: str, length: int) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


def _flat(shape: Any, color: str) -> None:
    """A flat fill and no outline; the theme's shape style (and its shadow) is dropped."""
    style = shape._element.find(qn("p:style"))
    if style is not None:
        shape._element.remove(style)
    shape.fill.solid()
    shape.fill.fore_color.rgb = _rgb(color)
    shape.line.fill.background()


def _rgb(color: str) -> Any:
    from pptx.dml.color import RGBColor

    return RGBColor.from_string(color)  # type: ignore[no-untyped-call]


def _app_properties(slides: int, notes: bool) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"'
        ' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        "<Application>launchbrief</Application>"
        f"<Slides>{slides}</Slides><Notes>{slides if notes else 0}</Notes>"
        "</Properties>"
    ).encode()


_TIMES = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:(?:created|modified)>)")


def _pin_workbook(blob: bytes) -> bytes:
    """A chart's embedded workbook with pinned document times and zip entry times."""
    stamp = document_time().strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    output = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(blob)) as source,
        zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = _TIMES.sub(lambda m: m.group(1) + stamp + m.group(2), content)
            target.writestr(info.filename, content)
    return normalize_zip(output.getvalue())


# --------------------------------------------------------------------------- flowing text


@dataclass
class _Column:
    """A column of a text slide: a heading and paragraphs that may continue."""

    heading: str | None
    paras: list[Para]
    color: str = "accent"


def _flow(
    deck: _Deck,
    launch: Launch,
    *,
    title: str,
    columns: Sequence[_Column],
    sources: Sequence[str],
    notes: str,
    lede: str | None = None,
    weights: Sequence[float] | None = None,
    largest: float = BODY_SIZE,
) -> None:
    """Columns of text over as many slides as they need, at one size per slide.

    A paragraph taller than a whole column at the smallest size is cut with "…" to
    fit one (the notes carry the full text), so no paragraph takes more than two
    slides, however long.
    """
    weights = weights or [1.0] * len(columns)
    fonts = deck.body_fonts
    heading_room = 38.0 if any(column.heading for column in columns) else 0.0
    pending = [
        [clip(para, box.w, box.h - heading_room, BODY_FLOOR, fonts) for para in column.paras]
        for column, box in zip(columns, deck.frame.columns(weights), strict=True)
    ]
    first = True
    while first or any(pending):
        page = deck.new_slide(
            title if first else f"{title} (continued)",
            sources=sources,
            launch=launch,
            notes=notes if first else story.continued_notes(notes),
        )
        if first and lede:
            deck.lede(page, lede)
        boxes = page.frame.columns(weights)
        has_heading = any(column.heading for column in columns)
        heading_h = 30.0 if has_heading else 0.0
        areas = [box.below(heading_h, 8 if has_heading else 0) for box in boxes]
        size = None
        for candidate in _sizes(largest):
            if all(
                fits(paras, area.w, area.h, candidate, fonts)
                for paras, area in zip(pending, areas, strict=True)
            ):
                size = candidate
                break
        placed_all: list[list[Para]] = []
        if size is None:
            size = BODY_FLOOR
            rests = []
            for paras, area in zip(pending, areas, strict=True):
                placed, rest = (
                    split_paras(paras, area.w, area.h, size, fonts) if paras else ([], [])
                )
                placed_all.append(placed)
                rests.append(rest)
            pending = rests
        else:
            placed_all = pending
            pending = [[] for _ in columns]
        for column, box, area, placed in zip(columns, boxes, areas, placed_all, strict=True):
            if column.heading and (placed or first):
                _column_heading(deck, page, box.top(heading_h), column.heading, column.color)
            if placed:
                deck.text(page, area, placed, size, name=f"{column.heading or title} text")
        first = False


def _sizes(largest: float) -> Iterator[float]:
    size = largest
    while size >= BODY_FLOOR:
        yield size
        size -= 1.0


def _column_heading(deck: _Deck, page: _Page, box: _Box, text: str, color: str) -> None:
    fonts = deck.body_fonts
    para = Para.of(clean(text).upper(), bold=True, color=color)
    size = fit_size([para], box.w, box.h - 6, fonts, largest=13.0, smallest=9.0) or 9.0
    if not fits([para], box.w, box.h - 6, size, fonts):
        para = Para.of(
            truncate(clean(text).upper(), box.w, size, fonts, bold=True), bold=True, color=color
        )
    deck.text(
        page, _Box(box.x, box.y, box.w, box.h - 6), [para], size, name=f"{text} heading", anchor="b"
    )
    deck.rect(page, _Box(box.x, box.bottom - 3, box.w, 2), deck.palette.role(color), f"{text} rule")


# --------------------------------------------------------------------------- tables


@dataclass(frozen=True)
class _Cell:
    paras: tuple[Para, ...]
    fill: str | None = None  # a colour
    on_fill: str | None = None  # text colour role on the fill


def _cell(text: str, **options: Any) -> _Cell:
    fill = options.pop("fill", None)
    return _Cell((Para.of(clean(text), **options),), fill=fill)


def _table(
    deck: _Deck,
    launch: Launch,
    *,
    title: str,
    headers: Sequence[str],
    rows: Sequence[Sequence[_Cell]],
    weights: Sequence[float],
    sources: Sequence[str],
    notes: str,
    alt: str,
    lede: str | None = None,
    before: Callable[[_Page], None] | None = None,
) -> None:
    """A table over as many slides as it needs, its header repeated on each.

    A paragraph of a cell taller than half a slide at the smallest size is cut with
    "…" to that height (the notes carry the full text), so a row takes at most two
    slides, however long its text.
    """
    fonts = deck.body_fonts
    margin = (6.0, 4.0, 6.0, 4.0)
    total = sum(weights)
    most_h = deck.frame.h / 2
    pending = [
        [
            replace(
                cell,
                paras=tuple(
                    clip(para, width - margin[0] - margin[2], most_h, BODY_FLOOR, fonts)
                    for para in cell.paras
                ),
            )
            for cell, width in zip(
                row, [deck.frame.w * weight / total for weight in weights], strict=True
            )
        ]
        for row in rows
    ]
    first = True
    table_size: float | None = None
    while first or pending:
        page = deck.new_slide(
            title if first else f"{title} (continued)",
            sources=sources,
            launch=launch,
            notes=notes if first else story.continued_notes(notes),
        )
        if first and lede:
            deck.lede(page, lede)
        if before is not None:
            before(page)
        frame = page.frame
        widths = [frame.w * weight / total for weight in weights]
        inner = [width - margin[0] - margin[2] for width in widths]
        size = TABLE_SIZE
        header_cells = [_Cell((Para.of(clean(h), bold=True, color="muted"),)) for h in headers]

        def height(cells: Sequence[_Cell], size: float, inner: Sequence[float] = inner) -> float:
            return (
                margin[1]
                + margin[3]
                + max(
                    text_height(cell.paras, width, size, fonts)
                    for cell, width in zip(cells, inner, strict=True)
                )
            )

        # One size for the whole table: the largest at which it fits on one slide, or
        # else the floor, kept on every continuation slide.
        chosen_rows: list[Sequence[_Cell]] = []
        heights: list[float] = []
        for candidate in (TABLE_SIZE, 13.0, BODY_FLOOR) if table_size is None else (table_size,):
            size = candidate
            used = height(header_cells, size)
            chosen_rows, heights = [], []
            for row in pending:
                row_h = height(row, size)
                if used + row_h > frame.h:
                    break
                chosen_rows.append(row)
                heights.append(row_h)
                used += row_h
            if len(chosen_rows) == len(pending):
                break
        table_size = size
        if not chosen_rows and pending:
            # A single row taller than the slide: split its cells at a line boundary.
            head_h = height(header_cells, size)
            room = frame.h - head_h - margin[1] - margin[3]
            row = pending[0]
            top_cells, rest_cells = [], []
            for cell, width in zip(row, inner, strict=True):
                placed, rest = split_paras(list(cell.paras), width, room, size, fonts)
                top_cells.append(replace(cell, paras=tuple(placed)))
                rest_cells.append(replace(cell, paras=tuple(rest) or (Para.of(""),)))
            chosen_rows = [top_cells]
            heights = [height(top_cells, size)]
            pending = [rest_cells, *pending[1:]]
        pending = pending[len(chosen_rows) :]
        all_rows = [header_cells, *chosen_rows]
        all_heights = [height(header_cells, size), *heights]
        shape = page.slide.shapes.add_table(
            len(all_rows),
            len(headers),
            _emu(frame.x),
            _emu(frame.y),
            _emu(frame.w),
            _emu(sum(all_heights)),
        )
        shape.name = f"{title} table"
        _alt(shape, alt if first else f"{alt} (continued)")
        table = shape.table
        _plain_table(shape)
        for index, width in enumerate(widths):
            table.columns[index].width = _emu(width)
        for r, (cells, row_h) in enumerate(zip(all_rows, all_heights, strict=True)):
            table.rows[r].height = _emu(row_h)
            for c, cell_spec in enumerate(cells):
                cell = table.cell(r, c)
                cell.margin_left, cell.margin_top, cell.margin_right, cell.margin_bottom = (
                    _emu(value) for value in margin
                )
                cell.vertical_anchor = MSO_ANCHOR.BOTTOM if r == 0 else MSO_ANCHOR.TOP
                deck.write(cell.text_frame, cell_spec.paras, size)
                _cell_style(
                    cell,
                    fill=cell_spec.fill,
                    line=deck.palette.muted if r == 0 else deck.palette.rule,
                    width=1.0 if r == 0 else 0.75,
                )
        shape.height = _emu(sum(all_heights))
        first = False


def _plain_table(shape: Any) -> None:
    tbl = shape._element.graphic.graphicData.tbl
    tbl_pr = tbl.tblPr
    tbl_pr.set("firstRow", "1")
    tbl_pr.set("bandRow", "0")
    style = tbl_pr.find(qn("a:tableStyleId"))
    if style is None:
        style = etree.SubElement(tbl_pr, qn("a:tableStyleId"))
    style.text = "{2D5ABB26-0587-4C30-8999-92F81FD0307C}"  # "No Style, No Grid"


def _cell_style(cell: Any, *, fill: str | None, line: str, width: float) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    for child in list(tc_pr):
        tc_pr.remove(child)
    for side in ("lnL", "lnR", "lnT", "lnB"):
        element = etree.SubElement(tc_pr, qn(f"a:{side}"))
        if side == "lnB":
            element.set("w", str(round(width * _EMU_PER_PT)))
            solid = etree.SubElement(element, qn("a:solidFill"))
            etree.SubElement(solid, qn("a:srgbClr"), val=line)
        else:
            element.set("w", "0")
            etree.SubElement(element, qn("a:noFill"))
    if fill is None:
        etree.SubElement(tc_pr, qn("a:noFill"))
    else:
        solid = etree.SubElement(tc_pr, qn("a:solidFill"))
        etree.SubElement(solid, qn("a:srgbClr"), val=fill)


def _alt(shape: Any, text: str) -> None:
    """Alt text (the ``descr`` a screen reader reads) on a shape, picture, chart or table."""
    element = shape._element
    c_nv_pr = element.find(f".//{qn('p:cNvPr')}")
    c_nv_pr.set("descr", clean(text))


# --------------------------------------------------------------------------- sections


def _more(count: int, one: str, many: str, **options: Any) -> Para:
    """The last line of a list cut short: ``… and 999,970 more capabilities``."""
    return Para.of(story.more_text(count, one, many), italic=True, color="muted", **options)


def _more_row(count: int, one: str, many: str, columns: int) -> list[_Cell]:
    """The last row of a table cut short, counting the rows left out."""
    empty = _Cell((Para.of(""),))
    return [_Cell((_more(count, one, many),)), *([empty] * (columns - 1))]


def _sentence(text: str) -> str:
    """Cleaned text with a capital first letter, as a table cell or a list item starts."""
    text = clean(text)
    return text[:1].upper() + text[1:]


def _launched(launch: Launch) -> str:
    """The launched models, named for a title or a sentence."""
    return story.launched_names(launch)


def _plural(launch: Launch, one: str, many: str) -> str:
    """``one`` for a launch of one model, ``many`` for a family: "brings" or "bring"."""
    return one if len(launch.launched) == 1 else many


def _names(deck: _Deck, launch: Launch) -> dict[str, str]:
    """The footer names of ``launch``'s sources, by id (made once per launch)."""
    index = deck._source_names.get(id(launch))
    if index is None:
        index = deck._source_names[id(launch)] = story.source_index(launch)
    return index


def _title_section(deck: _Deck, launch: Launch) -> None:
    model = _launched(launch)
    developer = clean(launch.developer.name)
    if launch.developer.division:
        developer += f" · {clean(launch.developer.division)}"
    when = story.date_text(launch)
    lines = [f"Launch briefing · {developer}", clean(launch.title)]
    announced = [
        (label, text)
        for label, text, _disputed in story.dated_events(launch, _names(deck, launch))
        if label.casefold() == "announced"
    ]
    lines.extend(f"Announced {text}" for _label, text in announced)
    if when:
        lines.append(f"As of {when}")
    launched = launch.launched
    talking = [
        f"This briefing covers {model}, launched by {clean(launch.developer.name)}."
        if len(launched) == 1
        else f"This briefing covers the {len(launched)} models {clean(launch.developer.name)}"
        f" launched: {model}.",
        launch.summary or "",
        *(f"Announced {text}." for _label, text in announced),
    ]
    page = deck.new_slide(
        model,
        kind="title",
        sources=analysis.source_ids([launch.developer, *launched, *launch.dates]),
        launch=launch,
        notes=story.notes_text(
            [*talking, f"The record is as of {when}." if when else "The record has no as-of date."]
        ),
    )
    layout = deck.layouts["title"]
    subtitle = deck._clone(page.slide, layout, {PP_PLACEHOLDER.SUBTITLE} | _BODY_TYPES)
    paras = [Para.of(lines[0], bold=True, color="accent")] + [
        Para.of(line, color="muted", space_before=0.4) for line in lines[1:]
    ]
    if subtitle is None:
        box = _Box(
            deck.frame.x, deck.frame.y + deck.frame.h * 0.55, deck.frame.w, deck.frame.h * 0.45
        )
        size = (
            fit_size(paras, box.w, box.h, deck.body_fonts, largest=20, smallest=BODY_FLOOR)
            or BODY_FLOOR
        )
        placed, _rest = split_paras(paras, box.w, box.h, size, deck.body_fonts)
        deck.text(page, box, placed, size, name="Subtitle")
        return
    style = deck.placeholder_style(subtitle, layout, title=False)
    left, top, right, bottom = style.insets
    width = _pt(subtitle.width) - left - right
    height = _pt(subtitle.height) - top - bottom
    fitted = fit_size(
        paras,
        width,
        height,
        deck.body_fonts,
        largest=min(20.0, style.size + 2),
        smallest=BODY_FLOOR,
    )
    if fitted is None:
        fitted = BODY_FLOOR
        paras, _rest = split_paras(paras, width, height, fitted, deck.body_fonts)
    deck.write(subtitle.text_frame, paras, fitted)


def _glance_section(deck: _Deck, launch: Launch) -> None:
    tiles = analysis.highlights(launch)
    summary = clean(launch.summary) if launch.summary else None
    if not tiles and not summary:
        return
    fonts = deck.body_fonts
    numbers = [f"{clean(t.label)}: {clean(t.value)} ({clean(t.detail)})" for t in tiles]
    notes = story.notes_text(
        [
            f"{_launched(launch)} at a glance: the headline numbers first.",
            *(f"{clean(t.label)}: {clean(t.value)}, {clean(t.detail)}." for t in tiles),
        ],
        numbers,
    )
    sources = analysis.source_ids([*launch.results, *launch.surfaces, *launch.modes])
    page = deck.new_slide("At a glance", sources=sources, launch=launch, notes=notes)
    frame = page.frame
    if tiles:
        boxes = frame.columns([1.0] * len(tiles), gap=16)
        inner_w = boxes[0].w - 32
        details = [[Para.of(clean(t.detail), color="body")] for t in tiles]
        detail_size = next(
            (
                s
                for s in (15.0, 14.0, 13.0, BODY_FLOOR)
                if all(fits(d, inner_w, 5 * fonts.line_height(s), s, fonts) for d in details)
            ),
            BODY_FLOOR,
        )
        label_h = fonts.line_height(12)
        value_h = fonts.line_height(36)
        limit = frame.h * (0.62 if summary else 1.0) - (20 + label_h + 6 + value_h + 8 + 16)
        detail_h = min(
            max(text_height(d, inner_w, detail_size, fonts, limit=limit) for d in details), limit
        )
        tile_h = 20 + label_h + 6 + value_h + 8 + detail_h + 16
        for tile, box, detail in zip(tiles, boxes, details, strict=True):
            box = box.top(tile_h)
            deck.rect(page, box, deck.palette.panel, f"{tile.label} tile")
            deck.rect(page, box.top(4), deck.palette.accent, f"{tile.label} tile bar")
            y = box.y + 20
            label = Para.of(
                truncate(clean(tile.label).upper(), inner_w, 12, fonts, bold=True),
                bold=True,
                color="muted",
            )
            deck.text(
                page, _Box(box.x + 16, y, inner_w, label_h), [label], 12, name=f"{tile.label} label"
            )
            y += label_h + 6
            value = clean(tile.value)
            value_size = (
                fit_size(
                    [Para.of(value, bold=True)], inner_w, value_h, fonts, largest=36, smallest=18
                )
                or 18
            )
            value = truncate(value, inner_w, value_size, fonts, bold=True)
            deck.text(
                page,
                _Box(box.x + 16, y, inner_w, value_h),
                [Para.of(value, bold=True, color="accent")],
                value_size,
                name=f"{tile.label} value",
            )
            y += value_h + 8
            # A tile has no room to continue: the full text is in the notes and on
            # the slide the tile sums up.
            placed = [clip(detail[0], inner_w, detail_h, detail_size, fonts)]
            deck.text(
                page,
                _Box(box.x + 16, y, inner_w, detail_h),
                placed,
                detail_size,
                name=f"{tile.label} detail",
            )
        frame = frame.below(tile_h, 28)
    if summary:
        heading = Para.of("IN BRIEF", bold=True, color="muted", keep_with_next=True)
        body = Para.of(summary, space_before=0.5)
        paras = [heading, body]
        size = fit_size(paras, frame.w, frame.h, fonts, largest=18, smallest=BODY_FLOOR)
        if size is None:
            placed, rest = split_paras(paras, frame.w, frame.h, BODY_FLOOR, fonts)
            if placed and placed[-1].keep_with_next:
                rest = [placed.pop(), *rest]
            if placed:
                deck.text(page, frame, placed, BODY_FLOOR, name="Summary")
            if rest:
                _flow(
                    deck,
                    launch,
                    title="At a glance (continued)",
                    columns=[_Column(None, rest)],
                    sources=sources,
                    notes=notes,
                )
        else:
            deck.text(page, frame, paras, size, name="Summary")


def _fact(label: str, value: str, *, color: str | None = None) -> Para:
    """A ``Label: value`` line of the model column."""
    return Para(
        (Span(f"{label}: ", bold=True, color="ink"), Span(value, color=color)), space_before=0.5
    )


def _date_facts(deck: _Deck, launch: Launch) -> list[tuple[str, str, bool]]:
    """The launch's dated events, at most :data:`~._deck_story.MOST_ITEMS`, conflicts said."""
    events = story.dated_events(launch, _names(deck, launch))
    shown, left_out = story.at_most(events)
    rows = list(shown)
    if left_out:
        rows.append(("More dates", story.more_text(left_out, "date", "dates"), False))
    return rows


def _modes_paras(launch: Launch) -> tuple[list[Para], list[str]]:
    """The reasoning modes, fastest first, and their lines for the notes."""
    paras: list[Para] = []
    modes = sorted(launch.modes, key=lambda m: m.order)
    shown, left_out = story.at_most(modes)
    for mode in shown:
        paras.append(
            Para(
                (
                    Span(f"{mode.order}  ", bold=True, color="accent"),
                    Span(clean(mode.name), bold=True, color="ink"),
                    Span(
                        f"  {clean(mode.availability)}",
                        bold=True,
                        color=f"status:{mode.status.value}",
                    ),
                ),
                space_before=0.9,
                keep_with_next=bool(mode.description),
            )
        )
        if mode.description:
            paras.append(Para.of(clean(mode.description), space_before=0.2))
    if left_out:
        paras.append(_more(left_out, "mode", "modes", space_before=0.9))
    return paras, [f"Mode {m.order}: {clean(m.name)}, {clean(m.availability)}" for m in shown]


def _use_case_paras(launch: Launch) -> list[Para]:
    if not launch.use_cases:
        return []
    paras = [Para.of("Shown doing", bold=True, color="ink", space_before=0.8, keep_with_next=True)]
    use_cases, left_out = story.at_most(launch.use_cases)
    for case in use_cases:
        spans = [Span(clean(case.title), bold=True)]
        if case.description:
            spans.append(Span(f": {clean(case.description)}"))
        paras.append(Para(tuple(spans), bullet=True, space_before=0.25))
    if left_out:
        paras.append(_more(left_out, "use case", "use cases", space_before=0.25))
    return paras


def _model_section(deck: _Deck, launch: Launch) -> None:
    """The line-up: the launched models, their specs, licence and dates, and the modes.

    One launched model gets a slide of its own facts beside its modes; a family gets
    a table of its models (continued as needed, at most
    :data:`~._deck_story.MOST_ITEMS` rows), then its capabilities beside the modes.
    """
    if len(launch.launched) > 1:
        _lineup_table(deck, launch)
        _family_modes(deck, launch)
        return
    model = launch.launched[0]
    left: list[Para] = []
    if model.summary:
        left.append(Para.of(clean(model.summary)))
    facts = [
        ("Modalities", story.joined(model.modalities)),
        ("Powers", story.joined(model.powers)),
        ("Family", clean(model.family) if model.family else ""),
        ("Predecessor", clean(model.predecessor) if model.predecessor else ""),
    ]
    if model.specs is not None:
        size = story.size_text(model.specs)
        facts.append(("Parameters", size))
        facts.extend(
            (story.spec_label(key), story.spec_value(key, value))
            for key, value in model.specs.items()
            if key not in ("parameters", "active_parameters")
        )
    facts.append(("Licence", story.license_text(model.license or launch.license)))
    for label, value in facts:
        if value:
            left.append(_fact(label, value))
    for label, value, disputed in _date_facts(deck, launch):
        left.append(_fact(label, value, color="negative" if disputed else None))
    if model.capabilities:
        left.append(
            Para.of("Capabilities", bold=True, color="ink", space_before=0.8, keep_with_next=True)
        )
        capabilities, left_out = story.at_most(model.capabilities)
        left.extend(Para.of(clean(c), bullet=True, space_before=0.25) for c in capabilities)
        if left_out:
            left.append(_more(left_out, "capability", "capabilities", space_before=0.25))
    left.extend(_use_case_paras(launch))
    right, mode_lines = _modes_paras(launch)
    if not left and not right:
        return
    columns = []
    if left:
        columns.append(_Column("The model", left))
    if right:
        columns.append(_Column("Reasoning modes, fastest to deepest", right))
    modes = launch.modes
    notes = story.notes_text(
        [
            clean(model.summary or f"What {_launched(launch)} is."),
            *(f"{label}: {value}." for label, value in facts if value),
            *(f"{label}: {value}." for label, value, _disputed in _date_facts(deck, launch)),
            f"Capabilities: {story.joined(model.capabilities)}." if model.capabilities else "",
            (
                f"{len(modes)} reasoning modes, fastest to deepest: "
                + story.joined(
                    [f"{m.name} ({m.status.label})" for m in sorted(modes, key=lambda m: m.order)],
                    "; ",
                )
                + "."
            )
            if modes
            else "",
        ],
        mode_lines,
    )
    _flow(
        deck,
        launch,
        title=f"{_launched(launch)} and its modes" if modes else f"{_launched(launch)}: the model",
        columns=columns,
        sources=analysis.source_ids(
            [model, launch.license, *launch.dates, *launch.modes, *launch.use_cases]
        ),
        notes=notes,
        weights=[1.5, 1.0][: len(columns)],
    )


def _lineup_table(deck: _Deck, launch: Launch) -> None:
    """The launched models in a table: size, architecture, context, cutoff, modalities, licence."""
    launched = launch.launched
    own_license = any(model.license is not None for model in launched)
    columns: list[tuple[str, float, Callable[[Any], str]]] = [
        ("Parameters", 1.3, lambda m: story.size_text(m.specs)),
        (
            "Architecture",
            1.4,
            lambda m: clean(m.specs.architecture) if m.specs and m.specs.architecture else "",
        ),
        (
            "Context window",
            1.2,
            lambda m: (
                story.spec_value("context_window", m.specs.context_window)
                if m.specs and m.specs.context_window
                else ""
            ),
        ),
        (
            "Knowledge cutoff",
            1.1,
            lambda m: (
                clean(m.specs.knowledge_cutoff) if m.specs and m.specs.knowledge_cutoff else ""
            ),
        ),
        ("Modalities", 1.3, lambda m: story.joined(m.modalities)),
        ("Licence", 1.5, lambda m: story.license_text(m.license or launch.license)),
        ("Other specs", 1.6, lambda m: story.other_specs(m.specs)),
    ]
    shown, left_out = story.at_most(launched)
    present = [
        column
        for column in columns
        if (column[0] != "Licence" or own_license) and any(column[2](m) for m in shown)
    ]
    headers = ["Model", *(name for name, _weight, _value in present)]
    weights = [2.2, *(weight for _name, weight, _value in present)]
    rows: list[list[_Cell]] = []
    numbers: list[str] = []
    for model in shown:
        first = [Para.of(clean(model.label), bold=True, color="ink")]
        if model.summary:
            first.append(Para.of(clean(model.summary), color="muted", scale=0.85, space_before=0.2))
        row = [_Cell(tuple(first))]
        facts = []
        for name, _weight, value in present:
            text = value(model)
            row.append(_cell(text or "—", color=None if text else "muted"))
            if text:
                facts.append(f"{name.lower()} {text}")
        rows.append(row)
        numbers.append(f"{clean(model.label)}: " + ("; ".join(facts) or "no specs given"))
    if left_out:
        rows.append(_more_row(left_out, "model", "models", len(headers)))
        numbers.append(story.more_text(left_out, "model", "models"))
    licence = story.license_text(launch.license)
    count = f"{len(launched):,} models"
    lede = f"{clean(launch.developer.name)} launched {count}" + (
        f" under the {licence}." if licence else "."
    )
    if own_license and licence:
        lede = f"{clean(launch.developer.name)} launched {count}; the launch's licence is the {licence}."
    dates = _date_facts(deck, launch)

    def band(page: _Page) -> None:
        if not dates:
            return
        fonts = deck.body_fonts
        spans: list[Span] = []
        for index, (label, value, disputed) in enumerate(dates):
            if index:
                spans.append(Span("   ·   ", color="muted"))
            spans.append(Span(f"{label}: ", bold=True, color="ink"))
            spans.append(Span(value, color="negative" if disputed else None))
        para = Para(tuple(spans))
        frame = page.frame
        most = 3 * fonts.line_height(BODY_FLOOR)
        size = fit_size([para], frame.w, most, fonts, largest=14, smallest=BODY_FLOOR)
        if size is None:
            size = BODY_FLOOR
            para = clip(para, frame.w, most, size, fonts)
        height = text_height([para], frame.w, size, fonts)
        deck.text(page, frame.top(height + 2), [para], size, name="Dates")
        page.frame = frame.below(height + 2, 10)

    _table(
        deck,
        launch,
        title=f"The line-up: {_launched(launch)}",
        headers=headers,
        rows=rows,
        weights=weights,
        sources=analysis.source_ids([*launched, launch.license, *launch.dates]),
        notes=story.notes_text(
            [lede, *(f"{label}: {value}." for label, value, _disputed in dates)], numbers
        ),
        alt=f"Table of the {len(launched):,} launched models with their specs and licence: "
        + "; ".join(numbers)
        + ".",
        lede=lede,
        before=band,
    )


def _family_modes(deck: _Deck, launch: Launch) -> None:
    """What the launched models do (capabilities, powers, use cases) beside the modes."""
    left: list[Para] = []
    with_facts = [m for m in launch.launched if m.capabilities or m.powers or m.family]
    shown, left_out = story.at_most(with_facts)
    for model in shown:
        spans = [Span(f"{clean(model.label)}: ", bold=True, color="ink")]
        facts = [
            story.joined(model.capabilities),
            f"powers {story.joined(model.powers)}" if model.powers else "",
            f"family {clean(model.family)}" if model.family else "",
        ]
        spans.append(Span("; ".join(fact for fact in facts if fact)))
        left.append(Para(tuple(spans), bullet=True, space_before=0.5))
    if left_out:
        left.append(_more(left_out, "model", "models", space_before=0.5))
    left.extend(_use_case_paras(launch))
    if left:
        left[0] = replace(left[0], space_before=0.0)
    right, mode_lines = _modes_paras(launch)
    if not left and not right:
        return
    columns = []
    if left:
        columns.append(_Column("What the models do", left))
    if right:
        columns.append(_Column("Reasoning modes, fastest to deepest", right))
    _flow(
        deck,
        launch,
        title="Modes and what the models do" if right else "What the models do",
        columns=columns,
        sources=analysis.source_ids([*shown, *launch.modes, *launch.use_cases]),
        notes=story.notes_text(
            [f"What {_launched(launch)} do, and the reasoning modes they offer."], mode_lines
        ),
        weights=[1.5, 1.0][: len(columns)],
    )


def _rollout_section(deck: _Deck, launch: Launch) -> None:
    summary = analysis.rollout(launch)
    if not summary.total:
        return
    with_audience = any(s.audience for s in launch.surfaces)
    with_timing = any(s.timing for s in launch.surfaces)
    with_note = any(s.note for s in launch.surfaces)
    headers = ["Surface", "Kind", "Status"]
    weights = [2.2, 1.1, 1.3]
    if with_audience:
        headers.append("Audience")
        weights.append(1.6)
    if with_timing:
        headers.append("Timing (as the source words it)")
        weights.append(2.2)
    if with_note:
        headers.append("Note")
        weights.append(2.0)
    rows: list[list[_Cell]] = []
    for status, surfaces in summary.groups:
        for surface in surfaces[: story.MOST_ITEMS - len(rows)]:
            row = [
                _cell(surface.name, bold=True, color="ink"),
                _cell(surface.kind.value.replace("_", " ")),
                _Cell(
                    (Para.of(status.label.capitalize(), bold=True, color="paper"),),
                    fill=_STATUS_COLORS[status],
                ),
            ]
            if with_audience:
                row.append(
                    _cell(surface.audience or "—", color=None if surface.audience else "muted")
                )
            if with_timing:
                row.append(_cell(surface.timing or "—", color=None if surface.timing else "muted"))
            if with_note:
                row.append(_cell(surface.note or "—", color=None if surface.note else "muted"))
            rows.append(row)
    if summary.total > len(rows):
        rows.append(_more_row(summary.total - len(rows), "surface", "surfaces", len(headers)))
    numbers = [
        f"{status.label}: " + story.joined([s.name for s in surfaces])
        for status, surfaces in summary.groups
    ]
    notes = story.notes_text(
        [
            f"Where {_launched(launch)} ships. {story.rollout_lede(summary)}",
            "Timing is given as the source words it; no dates are implied.",
        ],
        numbers,
    )
    alt = (
        f"Table of {summary.total} surfaces with kind, rollout status and timing. "
        + "; ".join(numbers)
        + "."
    )
    statuses = [status for status, _surfaces in summary.groups]

    def legend(page: _Page) -> None:
        fonts = deck.body_fonts
        size = BODY_FLOOR
        x = page.frame.x
        y = page.frame.y
        for status in statuses:
            label = status.label.capitalize()
            width = fonts.width(label, size) + 4
            deck.rect(
                page, _Box(x, y + 3, 12, 12), _STATUS_COLORS[status], f"Legend {label} swatch"
            )
            deck.text(
                page,
                _Box(x + 18, y, width + 2, fonts.line_height(size) + 2),
                [Para.of(label, color="muted")],
                size,
                name=f"Legend {label}",
            )
            x += 18 + width + 20
        page.frame = page.frame.below(fonts.line_height(size) + 2, 10)

    _table(
        deck,
        launch,
        title="Rollout",
        headers=headers,
        rows=rows,
        weights=weights,
        sources=analysis.source_ids(launch.surfaces),
        notes=notes,
        alt=alt,
        lede=story.rollout_lede(summary),
        before=legend,
    )


@dataclass(frozen=True)
class _Boards:
    """A launch's leaderboards and the scorecard's verdicts, looked up by leaderboard."""

    launch: Launch
    all: tuple[analysis.Leaderboard, ...]
    by_key: dict[tuple[str, str | None], analysis.Leaderboard]
    verdicts: dict[tuple[str, str | None], list[analysis.Verdict]]
    card: analysis.Scorecard

    @classmethod
    def of(cls, launch: Launch) -> _Boards:
        boards = analysis.leaderboards(launch)
        card = analysis.scorecard(launch)
        verdicts: dict[tuple[str, str | None], list[analysis.Verdict]] = {}
        for verdict in card.verdicts:
            key = story.board_key(verdict.benchmark, verdict.cohort)
            verdicts.setdefault(key, []).append(verdict)
        return cls(
            launch=launch,
            all=boards,
            by_key={story.board_key(b.benchmark, b.cohort): b for b in boards},
            verdicts=verdicts,
            card=card,
        )

    def board(self, verdict: analysis.Verdict) -> analysis.Leaderboard | None:
        return self.by_key.get(story.board_key(verdict.benchmark, verdict.cohort))

    def of_board(self, board: analysis.Leaderboard) -> list[analysis.Verdict]:
        return self.verdicts.get(story.board_key(board.benchmark, board.cohort), [])

    def of_benchmark(self, benchmark: Any) -> list[analysis.Leaderboard]:
        return [board for board in self.all if board.benchmark.id == benchmark.id]

    def detail(self, verdict: analysis.Verdict, *, noted: bool = True) -> str:
        """The verdict in a line, naming its model when several were launched.

        A rank says who else is on the leaderboard: rivals known only in words are
        named after it (unless ``noted`` is false, where the slide lists them itself).
        """
        board = self.board(verdict)
        text = story.verdict_detail(verdict, board)
        if noted and board is not None and verdict.rank is not None:
            words = [
                clean(self.launch.model(r.model).label)
                for r in board.qualitative
                if not self.launch.model(r.model).launched
            ]
            if words:
                text += f"; also on it, in words only: {story.labels(words)}"
        if len(self.launch.launched) > 1 and verdict.model is not None:
            return f"{clean(verdict.model.label)}: {text}"
        return text


def _verdict_paras(
    verdicts: Sequence[analysis.Verdict],
    boards: _Boards,
    *,
    with_category: bool = False,
    with_cohort: bool = True,
) -> list[Para]:
    """Verdicts under the name of their leaderboard, one heading per leaderboard."""
    paras: list[Para] = []
    last: tuple[str, str | None] | None = None
    for verdict in verdicts:
        key = story.board_key(verdict.benchmark, verdict.cohort)
        if key != last:
            name = clean(verdict.subject if with_cohort else verdict.benchmark.name)
            head = [Span(name, bold=True, color="ink")]
            if with_category:
                head.append(
                    Span(f"  {story.category_title(verdict.benchmark.category)}", color="muted")
                )
            paras.append(Para(tuple(head), space_before=0.8, keep_with_next=True))
            last = key
        paras.append(
            Para.of(boards.detail(verdict), space_before=0.15, keep_with_next=bool(verdict.claim))
        )
        if verdict.claim:
            paras.append(
                Para.of(f"“{clean(verdict.claim)}”", italic=True, color="muted", space_before=0.15)
            )
    return paras


def _board_paras(
    launch: Launch, board: analysis.Leaderboard, boards: _Boards, *, cohort_shown: bool
) -> list[Para]:
    """What a slide says of one leaderboard beside its chart: warning, settings, verdicts, noted entries."""
    label = story.board_label(board) if not cohort_shown else clean(board.benchmark.name)
    paras = [Para.of(label, bold=True, color="ink", space_before=0.8, keep_with_next=True)]
    if board.warning:
        paras.append(
            Para.of(
                f"Not strictly comparable: {clean(board.warning)}",
                color="negative",
                space_before=0.15,
            )
        )
    settings = story.settings_text(board)
    cohort_settings = analysis.describe_settings(board.cohort.settings if board.cohort else None)
    if settings and (settings != cohort_settings or not cohort_shown) and not board.warning:
        paras.append(Para.of(f"Run {settings}", color="muted", space_before=0.15))
    verdicts = boards.of_board(board)
    for verdict in verdicts:
        paras.append(Para.of(boards.detail(verdict, noted=False), space_before=0.15))
        if verdict.claim:
            paras.append(
                Para.of(f"“{clean(verdict.claim)}”", italic=True, color="muted", space_before=0.15)
            )
    if not verdicts:
        paras.append(
            Para.of(
                "No launched model has a number here.",
                italic=True,
                color="muted",
                space_before=0.15,
            )
        )
    noted, left_out = story.at_most(story.noted_entries(launch, board))
    if noted:
        paras.append(
            Para.of(
                "Also on this leaderboard, in words only: "
                + "; ".join(noted)
                + (f"; {story.more_text(left_out, 'entry', 'entries')}" if left_out else ""),
                italic=True,
                color="muted",
                space_before=0.15,
            )
        )
    return paras


def _board_notes(launch: Launch, board: analysis.Leaderboard) -> list[str]:
    """A leaderboard's settings, warning and noted entries, for the speaker notes."""
    lines = []
    settings = story.settings_text(board)
    if settings:
        lines.append(f"{story.board_label(board)} ran {settings}.")
    if board.warning:
        lines.append(f"{story.board_label(board)}: not strictly comparable, {board.warning}.")
    if not board.contested and board.standings:
        lines.append(f"{story.board_label(board)}: no rival numbers, so nothing is ranked.")
    noted, _left_out = story.at_most(story.noted_entries(launch, board))
    lines.extend(f"{story.board_label(board)}, in words only: {entry}." for entry in noted)
    return lines


def _benchmarks_section(deck: _Deck, launch: Launch) -> None:
    boards = _Boards.of(launch)
    words_only: list[analysis.CategorySummary] = []
    vendor_only = story.VendorCheck(launch)
    for summary in analysis.categories(launch):
        if not summary.numeric:
            words_only.append(summary)
            continue
        _category_slides(deck, launch, summary, boards, vendor_only)
    _words_only_slide(deck, launch, words_only, boards)


def _category_slides(
    deck: _Deck,
    launch: Launch,
    summary: analysis.CategorySummary,
    boards: _Boards,
    vendor_only: story.VendorCheck,
) -> None:
    fonts = deck.body_fonts
    category = story.category_title(summary.category)
    title = f"{category} benchmarks"
    lede = story.category_lede(launch, summary)
    qualitative: list[Para] = []
    words_only, left_out = story.at_most(summary.qualitative_only)
    for benchmark in words_only:
        qualitative.extend(_qualitative_paras(launch, benchmark, boards))
    if left_out:
        qualitative.append(_more(left_out, "benchmark", "benchmarks", space_before=0.3))
    category_boards = [
        board for benchmark in summary.numeric for board in boards.of_benchmark(benchmark)
    ]
    specs, alone = story.chart_specs(launch, category_boards, vendor_only)
    alone_shown, alone_left_out = story.at_most(alone)
    alone_verdicts = [v for board in alone_shown for v in boards.of_board(board)]
    pieces = []
    for spec in specs:
        spec = _short_labels(deck, spec)
        pieces.extend(story.split_chart(spec, _bar_capacity(deck, spec)))
    overflow: list[Para] = []
    for index, piece in enumerate(pieces):
        first = index == 0
        numbers = piece.numbers()
        shown = [v for board in piece.boards for v in boards.of_board(board)]
        if first:
            shown += alone_verdicts
        talking = [
            lede,
            *(f"{clean(v.subject)}: {boards.detail(v)}." for v in shown),
            *(line for board in piece.boards for line in _board_notes(launch, board)),
        ]
        if piece.vendor_only:
            talking.append(
                "These numbers come from the vendor's own materials; they are not independently confirmed."
            )
        page = deck.new_slide(
            title if first else f"{title} (continued)",
            sources=piece.sources,
            launch=launch,
            notes=story.notes_text(talking, numbers),
        )
        if first:
            deck.lede(page, lede)
        frame = page.frame
        below: list[Para] = []
        if first and qualitative:
            heading = Para.of(
                "KNOWN ONLY IN THE SOURCE'S WORDS",
                bold=True,
                color="muted",
                scale=0.85,
                keep_with_next=True,
            )
            below = [heading, *qualitative]
            room = max(0.0, frame.h - 250.0 - 16)
            wanted = text_height(below, frame.w, BODY_FLOOR, fonts, limit=room)
            below_h = min(wanted, room)
            if below_h < fonts.line_height(BODY_FLOOR) * 2:
                overflow.extend(below)
                below = []
            else:
                size = (
                    fit_size(below, frame.w, below_h, fonts, largest=14, smallest=BODY_FLOOR)
                    or BODY_FLOOR
                )
                placed, rest = split_paras(below, frame.w, below_h, size, fonts)
                overflow.extend(rest)
                height = text_height(placed, frame.w, size, fonts)
                deck.text(
                    page,
                    _Box(frame.x, frame.bottom - height, frame.w, height),
                    placed,
                    size,
                    name="Qualitative benchmarks",
                )
                frame = _Box(frame.x, frame.y, frame.w, frame.h - height - 16)
        chart_box, panel = frame.columns([2.25, 1.0])
        reads = [Para.of("KEY READS", bold=True, color="muted", scale=0.85, keep_with_next=True)]
        cohort = piece.cohort
        if cohort is not None:
            settings = analysis.describe_settings(cohort.settings)
            spans = [Span(clean(cohort.name), bold=True, color="accent")]
            if settings:
                spans.append(Span(f": {settings}", color="muted"))
            reads.append(Para(tuple(spans), space_before=0.5, keep_with_next=True))
        for board in piece.boards:
            reads.extend(_board_paras(launch, board, boards, cohort_shown=cohort is not None))
        if first and (alone_verdicts or alone_left_out):
            reads.append(
                Para.of(
                    "ALSO REPORTED, WITHOUT RIVAL NUMBERS",
                    bold=True,
                    color="muted",
                    scale=0.85,
                    space_before=1.6,
                    keep_with_next=True,
                )
            )
            reads.extend(_verdict_paras(alone_verdicts, boards))
            if alone_left_out:
                reads.append(_more(alone_left_out, "benchmark", "benchmarks", space_before=0.8))
        if piece.vendor_only:
            reads.append(
                Para.of(
                    "Vendor-reported numbers, not independently confirmed.",
                    italic=True,
                    color="muted",
                    space_before=1.0,
                )
            )
        if len(reads) > 1:
            reads[1] = replace(reads[1], space_before=0.4)
        fitted = fit_size(reads, panel.w, panel.h, fonts, largest=15, smallest=BODY_FLOOR)
        if fitted is None:
            fitted = BODY_FLOOR
            reads, rest = split_paras(reads, panel.w, panel.h, fitted, fonts)
            overflow.extend(rest)
        deck.text(page, panel, reads, fitted, name="Key reads")
        _chart(deck, page, chart_box, piece, category)
    if overflow:
        _flow(
            deck,
            launch,
            title=f"{title} (continued)",
            columns=[_Column(None, overflow)],
            sources=analysis.source_ids([*summary.benchmarks]),
            notes=story.notes_text([lede, "Benchmark results the chart could not hold."]),
        )


def _qualitative_paras(launch: Launch, benchmark: Any, boards: _Boards) -> list[Para]:
    """A benchmark known only in words: each verdict, and the words of everyone else."""
    paras: list[Para] = []
    for board in boards.of_benchmark(benchmark):
        name = story.board_label(board)
        for verdict in boards.of_board(board):
            spans = [Span(f"{name}: ", bold=True, color="ink"), Span(boards.detail(verdict))]
            if verdict.claim:
                spans.append(Span(f" “{clean(verdict.claim)}”", italic=True, color="muted"))
            paras.append(Para(tuple(spans), bullet=True, space_before=0.3))
        noted, _left_out = story.at_most(story.noted_entries(launch, board))
        for entry in noted:
            paras.append(
                Para(
                    (Span(f"{name}, ", bold=True, color="ink"), Span(entry, italic=True)),
                    bullet=True,
                    space_before=0.3,
                )
            )
    return paras


def _short_labels(deck: _Deck, spec: story.ChartSpec) -> story.ChartSpec:
    """``spec`` with names cut with "…" where the chart could not show them whole.

    An axis name gets at most three lines of the share of the chart LibreOffice
    gives names; a legend entry or a chart title at most one line of the chart.
    """
    fonts = deck.body_fonts
    width = deck.frame.w * 2.25 / 3.25 - GAP
    lines = 3 * fonts.line_height(CHART_TEXT)

    def name(text: str) -> str:
        return clip(Para.of(text), 0.4 * width, lines, CHART_TEXT, fonts).text

    def label(text: str) -> str:
        return truncate(text, width / 2, CHART_TEXT, fonts)

    return replace(
        spec,
        categories=tuple(name(category) for category in spec.categories),
        series=tuple(replace(series, label=label(series.label)) for series in spec.series),
        title=None if spec.title is None else truncate(spec.title, width, CHART_TEXT + 1, fonts),
    )


def _bar_capacity(deck: _Deck, spec: story.ChartSpec) -> int:
    """How many bars a chart on a content slide can draw with legible data labels."""
    fonts = deck.body_fonts
    width = deck.frame.w * 2.25 / 3.25 - GAP
    line = fonts.line_height(CHART_TEXT)
    legend_rows = 0
    if not spec.ranked and len(spec.series) > 1:
        legend_w = sum(fonts.width(s.label, CHART_TEXT) + 28 for s in spec.series)
        legend_rows = int(legend_w // max(width - 40, 1)) + 1
    # The lede, the axis, a chart title and margins take about 130 pt.
    plot = deck.frame.h - 130 - legend_rows * line * 1.4
    if not spec.ranked:
        return max(1, int(plot // 17))  # a bar and its data label
    # A ranked chart names each model on its axis; LibreOffice gives the names up to
    # about 40% of the chart's width and wraps them, and skips names that do not fit.
    label_lines = max(
        (int(fonts.width(name, CHART_TEXT) // (0.4 * width)) + 1 for name in spec.categories),
        default=1,
    )
    return max(1, int(plot // max(22.0, label_lines * line + 6)))


def _chart(deck: _Deck, page: _Page, box: _Box, spec: story.ChartSpec, category: str) -> None:
    """A native bar chart of ``spec``: each number labelled as written, the axis from the bounds."""
    palette = deck.palette
    data: Any = CategoryChartData(number_format="General")  # type: ignore[no-untyped-call]
    data.categories = list(spec.categories)
    formats: list[list[str]] = []
    for series in spec.series:
        series_data = data.add_series(series.label)
        codes = [
            story.number_format(value, spec.benchmark_at(index))
            for index, value in enumerate(series.values)
        ]
        for value, code in zip(series.values, codes, strict=True):
            series_data.add_data_point(value, number_format=code)
        formats.append(codes)
    frame = page.slide.shapes.add_chart(
        XL_CHART_TYPE.BAR_CLUSTERED, _emu(box.x), _emu(box.y), _emu(box.w), _emu(box.h), data
    )
    frame.name = f"{category} chart"
    _alt(frame, spec.alt_text(category))
    deck.charts.append(frame.chart.part)
    chart = frame.chart
    chart.font.size = Pt(CHART_TEXT)
    chart.font.color.rgb = _rgb(palette.body)
    chart.has_legend = len(spec.series) > 1 and not spec.ranked
    if chart.has_legend:
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
        chart.legend.font.size = Pt(CHART_TEXT)
    plot = chart.plots[0]
    plot.gap_width = 45 if spec.ranked else 70
    plot.overlap = -10
    plot.vary_by_categories = False
    plot.has_data_labels = True
    labels = plot.data_labels
    labels.number_format = "General"
    labels.number_format_is_linked = False
    labels.position = XL_LABEL_POSITION.OUTSIDE_END
    labels.font.size = Pt(CHART_TEXT)
    labels.font.color.rgb = _rgb(palette.ink)
    rivals = iter(palette.rivals * (len(spec.series) // max(1, len(palette.rivals)) + 1))
    launched_count = 0
    for series, chart_series, codes in zip(spec.series, plot.series, formats, strict=True):
        fill = chart_series.format.fill
        fill.solid()
        if spec.ranked:
            color = palette.rivals[0]
        elif series.launched:
            # Siblings in tones of the accent, the first launched model in the accent itself.
            color = _mix(palette.accent, palette.paper, min(0.6, 0.3 * launched_count))
            launched_count += 1
        else:
            color = next(rivals)
        fill.fore_color.rgb = _rgb(color)
        chart_series.format.line.fill.background()
        chart_series.invert_if_negative = False
        for index, (value, code) in enumerate(zip(series.values, codes, strict=True)):
            if value is None:
                continue
            highlighted = index in spec.highlight if spec.ranked else series.launched
            point = chart_series.points[index]
            if spec.ranked and highlighted:
                point.format.fill.solid()
                point.format.fill.fore_color.rgb = _rgb(palette.accent)
            _point_label(point, code, color=palette.ink, bold=highlighted)
    if spec.title:
        chart.has_title = True
        chart.chart_title.text_frame.text = spec.title
        title_font = chart.chart_title.text_frame.paragraphs[0].runs[0].font
        title_font.size = Pt(CHART_TEXT + 1)
        title_font.bold = True
        title_font.color.rgb = _rgb(palette.ink)
    else:
        chart.has_title = False
    categories = chart.category_axis
    categories.reverse_order = True  # first benchmark, and launched model, on top
    if spec.ranked:
        # Name every model: LibreOffice would otherwise skip names that crowd.
        skip = etree.SubElement(categories._element, qn("c:tickLblSkip"), val="1")
        no_multi = categories._element.find(qn("c:noMultiLvlLbl"))
        if no_multi is not None:
            no_multi.addprevious(skip)
    # With the categories reversed, the value axis crosses at the last one: the bottom.
    for crosses in chart._chartSpace.xpath(".//c:valAx/c:crosses"):
        crosses.set("val", "max")
    categories.major_tick_mark = XL_TICK_MARK.NONE
    categories.format.line.color.rgb = _rgb(palette.rule)
    categories.tick_labels.font.size = Pt(CHART_TEXT)
    categories.tick_labels.font.color.rgb = _rgb(palette.ink)
    values = chart.value_axis
    bounds = spec.benchmark.bounds
    if bounds is not None and bounds[1] > bounds[0]:
        # The benchmark's own range: MT-Bench runs 0 to 10, a percentile 0 to 100.
        values.minimum_scale, values.maximum_scale = bounds
        values.major_unit = (bounds[1] - bounds[0]) / 5
    elif spec.peak is not None and (ceiling := _nice_ceiling(spec.peak * 1.08)) is not None:
        # Bars start at zero, and every piece of a split chart shares one axis.
        values.minimum_scale = 0
        values.maximum_scale = ceiling
    values.has_major_gridlines = True
    values.major_gridlines.format.line.color.rgb = _rgb(palette.rule)
    values.major_gridlines.format.line.width = Pt(0.75)
    values.format.line.fill.background()
    values.major_tick_mark = XL_TICK_MARK.NONE
    values.tick_labels.font.size = Pt(CHART_TEXT)
    values.tick_labels.font.color.rgb = _rgb(palette.muted)
    values.tick_labels.number_format = {"percent": '0"%"', "fraction": "0.0"}.get(
        spec.scale.value, "General"
    )
    values.tick_labels.number_format_is_linked = False


# The children of a data label that come after its number format, in schema order.
_AFTER_NUMBER_FORMAT = (
    "c:spPr",
    "c:txPr",
    "c:dLblPos",
    "c:showLegendKey",
    "c:showVal",
    "c:showCatName",
    "c:showSerName",
    "c:showPercent",
    "c:showBubbleSize",
    "c:separator",
    "c:extLst",
)


def _point_label(point: Any, code: str, *, color: str, bold: bool) -> None:
    """A bar's own data label: its value in its own number format, so 85.20 stays 85.20.

    python-pptx sets number formats on a whole series only; a point's label takes a
    ``c:numFmt`` of its own, which PowerPoint and LibreOffice both honour.
    """
    label = point.data_label
    label.font.size = Pt(CHART_TEXT)
    label.font.bold = bold
    label.font.color.rgb = _rgb(color)
    label.position = XL_LABEL_POSITION.OUTSIDE_END
    label.show_value = True
    d_lbl = label._get_or_add_dLbl()
    number_format = d_lbl.find(qn("c:numFmt"))
    if number_format is None:
        number_format = etree.SubElement(d_lbl, qn("c:numFmt"))
        for tag in _AFTER_NUMBER_FORMAT:
            following = d_lbl.find(qn(tag))
            if following is not None:
                following.addprevious(number_format)
                break
    number_format.set("formatCode", code)
    number_format.set("sourceLinked", "0")


def _nice_ceiling(value: float) -> float | None:
    """The smallest of 1, 2, 2.5, 5 times a power of ten that is at least ``value``.

    ``None`` where there is none to be had (a value near the largest float).
    """
    if not math.isfinite(value) or value <= 0:
        return None
    power = 10.0 ** math.floor(math.log10(value))
    for step in (1.0, 2.0, 2.5, 5.0, 10.0):
        ceiling = step * power
        if math.isfinite(ceiling) and ceiling >= value:
            return ceiling
    return None


def _words_only_slide(
    deck: _Deck,
    launch: Launch,
    summaries: Sequence[analysis.CategorySummary],
    boards: _Boards,
) -> None:
    benchmarks = [b for summary in summaries for b in summary.qualitative_only]
    found_boards = [board for b in benchmarks for board in boards.of_benchmark(b)]
    if not found_boards:
        return
    rows = []
    numbers = []
    shown, left_out = story.at_most(found_boards)
    for board in shown:
        found = boards.of_board(board)
        claims = [f"“{clean(v.claim)}”" for v in found if v.claim]
        claims += story.noted_entries(launch, board)
        reading = "; ".join(
            boards.detail(v).removesuffix(" (the source's words, no numbers)") for v in found
        )
        if not reading:
            reading = "no comparison recorded"
        rows.append(
            [
                _cell(story.board_label(board), bold=True, color="ink"),
                _cell(story.category_title(board.benchmark.category)),
                _cell(reading[:1].upper() + reading[1:]),
                _Cell(
                    tuple(
                        Para.of(claim, italic=True, color="muted")
                        for claim in list(dict.fromkeys(claims))[: story.MOST_ITEMS]
                    )
                    or (Para.of("—", color="muted"),)
                ),
            ]
        )
        numbers.append(f"{story.board_label(board)}: {reading}")
    if left_out:
        rows.append(_more_row(left_out, "benchmark", "benchmarks", 4))
        numbers.append(story.more_text(left_out, "benchmark", "benchmarks"))
    model = _launched(launch)
    count = len(found_boards)
    _table(
        deck,
        launch,
        title="Benchmarks without published numbers",
        headers=[
            "Benchmark",
            "Category",
            f"Where {model} {_plural(launch, 'stands', 'stand')}",
            "In the source's words",
        ],
        rows=rows,
        weights=[1.6, 1.1, 2.4, 2.6],
        sources=analysis.source_ids(
            [*benchmarks, *(r for board in found_boards for r in board.qualitative)]
        ),
        notes=story.notes_text(
            [
                "These comparisons come without numbers: the source states them in words, so they are not charted.",
            ],
            numbers,
        ),
        alt=f"Table of {count} benchmarks known only from the source's words: "
        + "; ".join(numbers)
        + ".",
        lede=f"The source compares {model} on {count:,} more benchmark{'s' if count != 1 else ''} in words only; no number is inferred.",
    )


def _subjects(verdicts: Sequence[analysis.Verdict]) -> int:
    """How many leaderboards (benchmark and cohort) the verdicts are about."""
    return len({story.board_key(v.benchmark, v.cohort) for v in verdicts})


def _standing_sentence(name: str, card: analysis.Scorecard) -> str:
    """``Muse Spark leads on 2 of 5 compared with rivals and trails on 2``: contested only."""
    contested = _subjects(card.contested)
    if not contested:
        return f"{name} has no leaderboard with a rival to compare with"
    leads, trails = _subjects(card.leads), _subjects(card.trails)
    noun = "leaderboard" if contested == 1 else "leaderboards"
    return (
        f"{name} leads on {leads} of {contested} {noun} compared with rivals and trails on"
        f" {trails or 'none'}"
    )


def _scorecard_section(deck: _Deck, launch: Launch, boards: _Boards | None = None) -> None:
    boards = boards or _Boards.of(launch)
    card = boards.card
    if not card.verdicts:
        return
    columns = []
    for heading, found, color in (
        ("Leads", card.leads, "positive"),
        ("Trails", card.trails, "negative"),
        ("Level, unclear or unranked", card.other, "muted"),
    ):
        if not found:
            continue
        shown, left_out = story.at_most(found)
        paras = _verdict_paras(shown, boards, with_category=True)
        if left_out:
            paras.append(_more(left_out, "benchmark", "benchmarks", space_before=0.8))
        columns.append(_Column(heading, paras, color))
    for column in columns:
        if column.paras:
            column.paras[0] = replace(column.paras[0], space_before=0.0)
    launched = launch.launched
    if len(launched) <= 3:
        parts = [
            _standing_sentence(clean(model.label), analysis.scorecard(launch, model.id))
            for model in launched
        ]
        lede = "; ".join(parts)
    else:
        contested = _subjects(card.contested)
        lede = (
            f"On the {contested} leaderboards compared with rivals, a launched model leads on"
            f" {_subjects(card.leads)} and one trails on {_subjects(card.trails) or 'none'}"
        )
    unranked = _subjects([v for v in card.verdicts if v.relation is None])
    if unranked:
        lede += f"; {unranked} more {'has' if unranked == 1 else 'have'} no rival numbers and {'is' if unranked == 1 else 'are'} not ranked"
    lede += "."
    read_out, unread = story.at_most(card.verdicts, 3 * story.MOST_ITEMS)
    notes = story.notes_text(
        [
            lede,
            "Only rivals count: a launched model is never said to lead its own sibling.",
            "Numbers rank the recorded scores; the rest is the source's own words.",
        ],
        [
            *(f"{clean(v.subject)}: {boards.detail(v)}" for v in read_out),
            story.more_text(unread, "benchmark", "benchmarks") if unread else "",
        ],
    )
    _flow(
        deck,
        launch,
        title=f"Scorecard: where {_plural(launch, 'it leads and trails', 'they lead and trail')}",
        columns=columns,
        sources=analysis.source_ids(card.verdicts),
        notes=notes,
        lede=lede,
        largest=15.0,
    )


def _safety_section(deck: _Deck, launch: Launch) -> None:
    summary = analysis.safety(launch)
    findings = [*summary.internal, *summary.third_party]
    if not findings:
        return
    rows = []
    numbers = []
    shown, left_out = story.at_most(findings)
    for finding in shown:
        who = "Internal" if finding.evaluation is Evaluation.INTERNAL else "Third-party"
        first = [Para.of(clean(finding.title), bold=True, color="ink")]
        extra = ", ".join(clean(x) for x in (finding.framework, finding.domain) if x)
        if extra:
            first.append(Para.of(extra, color="muted", space_before=0.2))
        outcome = [
            Para.of(
                _sentence(finding.outcome or "No outcome stated"),
                color=None if finding.outcome else "muted",
            )
        ]
        if finding.detail:
            outcome.append(
                Para.of(clean(finding.detail), italic=True, color="muted", space_before=0.4)
            )
        if finding.release_blocker is True:
            blocker = _Cell((Para.of("Yes", bold=True, color="paper"),), fill=deck.palette.negative)
        elif finding.release_blocker is False:
            blocker = _Cell((Para.of("No", bold=True, color="ink"),))
        else:
            blocker = _Cell((Para.of("Not stated", italic=True, color="muted"),))
        rows.append(
            [
                _Cell(tuple(first)),
                _Cell(
                    (
                        Para.of(clean(finding.evaluator), color="ink"),
                        Para.of(who, color="muted", space_before=0.2),
                    )
                ),
                _Cell(tuple(outcome)),
                blocker,
            ]
        )
        flag = {
            True: "a release blocker",
            False: "not a release blocker",
            None: "release-blocker status not stated",
        }[finding.release_blocker]
        numbers.append(
            f"{clean(finding.title)} ({clean(finding.evaluator)}, {who.lower()}): {flag}"
        )
    if left_out:
        rows.append(_more_row(left_out, "finding", "findings", 4))
        numbers.append(story.more_text(left_out, "finding", "findings"))
    headline = summary.headline
    lede = headline[:1].upper() + headline[1:] + "."
    caveats = [clean(f.detail) for f in shown if f.detail]
    notes = story.notes_text([lede, *caveats], numbers)
    _table(
        deck,
        launch,
        title="Safety and evaluation",
        headers=["Finding", "Evaluated by", "Outcome and caveats", "Release blocker"],
        rows=rows,
        weights=[2.1, 1.4, 4.0, 1.1],
        sources=analysis.source_ids(findings),
        notes=notes,
        alt=f"Table of {len(findings)} safety findings, internal and third-party, with outcomes and release-blocker flags: "
        + "; ".join(numbers)
        + ".",
        lede=lede,
    )


# Column heading, its colour, and one item's label in the speaker notes.
_INSIGHT_HEADINGS = {
    InsightKind.STRENGTH: ("Strengths", "positive", "Strength"),
    InsightKind.WEAKNESS: ("Weaknesses", "negative", "Weakness"),
    InsightKind.RISK: ("Risks", "negative", "Risk"),
    InsightKind.STRATEGY: ("Strategy", "accent", "Strategy"),
    InsightKind.CONTEXT: ("Context", "muted", "Context"),
}


def _strategy_section(deck: _Deck, launch: Launch) -> None:
    by_kind: dict[InsightKind, list[Any]] = {}
    for insight in launch.insights:
        by_kind.setdefault(insight.kind, []).append(insight)
    model = _launched(launch)
    for title, kinds in (
        (
            f"What {model} {_plural(launch, 'brings', 'bring')}, and what could go wrong",
            (InsightKind.STRENGTH, InsightKind.WEAKNESS, InsightKind.RISK),
        ),
        ("Strategy and context", (InsightKind.STRATEGY, InsightKind.CONTEXT)),
    ):
        present = [kind for kind in kinds if by_kind.get(kind)]
        if not present:
            continue
        kind_items = [insight for kind in present for insight in by_kind[kind]]
        columns = []
        items: list[Any] = []
        for kind in present:
            shown, left_out = story.at_most(by_kind[kind])
            paras = [
                Para.of(clean(insight.text), bullet=True, space_before=0.0 if index == 0 else 0.7)
                for index, insight in enumerate(shown)
            ]
            if left_out:
                paras.append(_more(left_out, "insight", "insights", space_before=0.7))
            columns.append(_Column(_INSIGHT_HEADINGS[kind][0], paras, _INSIGHT_HEADINGS[kind][1]))
            items.extend(shown)
        _flow(
            deck,
            launch,
            title=title,
            columns=columns,
            sources=analysis.source_ids(kind_items),
            notes=story.notes_text(
                [f"{_INSIGHT_HEADINGS[i.kind][2]}: {clean(i.text)}" for i in items]
            ),
            largest=15.0,
        )
    takeaways = by_kind.get(InsightKind.TAKEAWAY, [])
    if takeaways:
        shown, left_out = story.at_most(takeaways)
        paras = [
            Para.of(clean(t.text), bullet=True, space_before=0.0 if i == 0 else 0.8)
            for i, t in enumerate(shown)
        ]
        if left_out:
            paras.append(_more(left_out, "takeaway", "takeaways", space_before=0.8))
        _body_slides(
            deck,
            launch,
            title="Takeaways",
            paras=paras,
            sources=analysis.source_ids(takeaways),
            notes=story.notes_text(
                ["The takeaways to leave the room with:", *(clean(t.text) for t in shown)]
            ),
        )


def _body_slides(
    deck: _Deck,
    launch: Launch,
    *,
    title: str,
    paras: Sequence[Para],
    sources: Sequence[str],
    notes: str,
) -> None:
    """Text in the layout's own body placeholder (outline view shows it), continued as needed."""
    pending = list(paras)
    first = True
    layout = deck.layouts["content"]
    while pending:
        page = deck.new_slide(
            title if first else f"{title} (continued)",
            kind="content",
            sources=sources,
            launch=launch,
            notes=notes if first else story.continued_notes(notes),
        )
        body = deck._clone(page.slide, layout, _BODY_TYPES)
        if body is None:  # a template whose text layout has no body: a text box instead
            _flow(
                deck,
                launch,
                title=title,
                columns=[_Column(None, pending)],
                sources=sources,
                notes=notes,
            )
            return
        style = deck.placeholder_style(body, layout, title=False)
        left, top, right, bottom = style.insets
        width = _pt(body.width) - left - right
        height = _pt(body.height) - top - bottom
        if first:  # no paragraph longer than a slide: the notes carry the full text
            pending = [clip(para, width, height, BODY_FLOOR, deck.body_fonts) for para in pending]
        size = fit_size(pending, width, height, deck.body_fonts, largest=20.0, smallest=BODY_FLOOR)
        if size is None:
            size = BODY_FLOOR
            placed, pending = split_paras(pending, width, height, size, deck.body_fonts)
        else:
            placed, pending = pending, []
        frame = body.text_frame
        frame.word_wrap = True
        deck.write(frame, placed, size)
        body_pr = frame._txBody.find(qn("a:bodyPr"))
        for child in list(body_pr):
            body_pr.remove(child)
        etree.SubElement(body_pr, qn("a:noAutofit"))
        first = False


def _sources_section(deck: _Deck, launch: Launch) -> None:
    model = _launched(launch)
    method: list[Para] = []
    vendor = story.vendor_sentence(launch)
    when = story.date_text(launch)
    points = [
        f"Vendor-reported numbers: {vendor}"
        if vendor
        else "The record holds no benchmark numbers.",
        "Ranks, margins, leads and trails are computed from the recorded scores only; comparisons the"
        " source makes in words are shown in its words and never turned into numbers.",
        "Scores are compared only within a leaderboard of one benchmark and one cohort (results run"
        " the same way); a score without a rival's number is shown but not ranked, and launched"
        " models are compared with rivals only, never with each other.",
        f"Every fact cites its sources; this record was last brought up to date on {when}."
        if when
        else "Every fact cites its sources; the record has no as-of date.",
    ]
    method.extend(
        Para.of(point, bullet=True, space_before=0.0 if i == 0 else 0.7)
        for i, point in enumerate(points)
    )
    # One line per kind of gap (at most ten); the notes list every gap on its own.
    gaps = analysis.completeness(launch)
    gap_paras = [
        Para.of(_sentence(line), bullet=True, space_before=0.3)
        for line in analysis.gap_summary(launch)
    ]
    columns = [_Column("Method", method, "accent")]
    if gap_paras:
        columns.append(_Column("What the record does not know", gap_paras, "muted"))
    _flow(
        deck,
        launch,
        title="Method and caveats",
        columns=columns,
        sources=[s.id for s in launch.sources if s.kind is SourceKind.VENDOR],
        notes=story.notes_text(
            points, [_sentence(g.message) for g in gaps], "What the record does not know:"
        ),
        largest=15.0,
    )
    if not launch.sources:
        return
    rows = []
    shown, left_out = story.at_most(launch.sources)
    for source in shown:
        kind = source.kind.value.replace("_", "-")
        kind_cell = (
            _Cell(
                (
                    Para.of("Vendor", bold=True, color="negative"),
                    Para.of("not independent", color="muted", scale=0.9),
                )
            )
            if source.kind is SourceKind.VENDOR
            else _cell(kind.capitalize())
        )
        where = [clean(x) for x in (source.publisher, source.title) if x]
        if source.published:
            where.append(f"{source.published.day} {source.published:%B %Y}")
        link = [Para.of(clean(source.url), color="accent", scale=0.9)] if source.url else []
        rows.append(
            [
                _cell(source.name, bold=True, color="ink"),
                kind_cell,
                _Cell((Para.of(", ".join(where) or "—", color=None if where else "muted"), *link)),
                _cell(source.note or "—", color=None if source.note else "muted"),
            ]
        )
    if left_out:
        rows.append(_more_row(left_out, "source", "sources", 4))
    listed = [f"{clean(s.name)} ({s.kind.value})" for s in shown]
    if left_out:
        listed.append(story.more_text(left_out, "source", "sources"))
    vendor_count = sum(1 for s in launch.sources if s.kind is SourceKind.VENDOR)
    _table(
        deck,
        launch,
        title="Sources",
        headers=["Source", "Kind", "Publisher, title, date, link", "Note"],
        rows=rows,
        weights=[1.5, 1.1, 2.3, 3.4],
        sources=[s.id for s in launch.sources],
        notes=story.notes_text(
            [
                f"Every source behind this briefing on {model}; {vendor_count} of {len(launch.sources)} are the vendor's own."
            ],
            listed,
        ),
        alt=f"Table of all {len(launch.sources)} sources with kind, publisher and notes: "
        + "; ".join(listed)
        + ".",
        lede=f"{len(launch.sources)} sources; vendor material is flagged, as its numbers are not independently confirmed.",
    )


_SECTIONS: dict[str, Callable[[_Deck, Launch], None]] = {
    "title": _title_section,
    "glance": _glance_section,
    "model": _model_section,
    "rollout": _rollout_section,
    "benchmarks": _benchmarks_section,
    "scorecard": _scorecard_section,
    "safety": _safety_section,
    "strategy": _strategy_section,
    "sources": _sources_section,
}
