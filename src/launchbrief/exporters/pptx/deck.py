"""The presentation being built: slides with title, footer and notes, text boxes, rectangles.

:class:`Deck` holds the layouts, the content frame, the palette and the fonts; every
slide module adds its slides through :meth:`Deck.new_slide` and draws with
:meth:`Deck.text`, :meth:`Deck.rect` and :meth:`Deck.lede`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from lxml import etree  # type: ignore[import-untyped]  # lxml ships no stubs; python-pptx uses it
from pptx.enum.shapes import MSO_SHAPE, PP_PLACEHOLDER
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.parts.slide import SlidePart
from pptx.util import Pt

from launchbrief._reproducible import document_time
from launchbrief.exceptions import ExportError
from launchbrief.exporters import _story as story
from launchbrief.exporters._story import clean
from launchbrief.exporters.pptx.geometry import (
    EMU_PER_PT,
    FOOTER_FLOOR,
    LEDE_SIZE,
    TITLE_FLOOR,
    Box,
    emu,
    pt,
)
from launchbrief.exporters.pptx.metrics import WIDTH_SAFETY, FontSet, font_set
from launchbrief.exporters.pptx.palette import Palette
from launchbrief.exporters.pptx.parts import PartNames, app_properties, at_most_chars, pin_workbook
from launchbrief.exporters.pptx.template import (
    BODY_TYPES,
    CHROME_TYPES,
    TITLE_TYPES,
    choose_layouts,
    placeholder,
    theme_scheme,
    title_placeholder,
)
from launchbrief.exporters.pptx.text import Para, clip, fit_size, fits, text_height, truncate
from launchbrief.model import Launch


@dataclass(frozen=True)
class TextStyle:
    size: float
    insets: tuple[float, float, float, float]  # left, top, right, bottom in points
    fonts: FontSet


@dataclass
class Page:
    """A slide being filled: the slide and the free area under its title."""

    slide: Any
    frame: Box
    number: int


@dataclass
class Deck:
    """The presentation being built, its layouts, geometry, palette and fonts."""

    prs: Any
    parts: PartNames
    accent: str | None
    notes: bool
    house: bool
    slide_count: int = 0
    charts: list[Any] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.layouts = choose_layouts(self.prs)
        master = self.layouts["content"].slide_master
        scheme, major, minor = theme_scheme(master)
        self.palette = Palette.from_theme(scheme, self.accent)
        self.body_fonts = font_set(minor)
        self.title_fonts = font_set(major)
        self.width = pt(self.prs.slide_width)
        self.height = pt(self.prs.slide_height)
        self.frame = self._content_frame()
        slide_list = self.prs.part._element.get_or_add_sldIdLst()
        self._next_slide_id = max([255, *(int(s.get("id")) for s in slide_list)]) + 1
        self._slide_list = slide_list
        self._placeholders: dict[tuple[int, frozenset[Any]], Any] = {}
        self._styles: dict[tuple[int, Any, bool], TextStyle] = {}
        # Source names by launch (by identity: the launches outlive the build).
        self._source_names: dict[int, dict[str, str]] = {}
        # The first Sources slide of each launch (by identity), and the footers that
        # point to it: (text frame, width, sizes, fonts, launch, slide number).
        self._sources_slides: dict[int, int] = {}
        self._pointers: list[tuple[Any, float, list[float], FontSet, int, int]] = []

    # -- geometry -----------------------------------------------------------------

    def _content_frame(self) -> Box:
        """The area for content: the body placeholder of the text layout, or under the title."""
        layout = self.layouts["content"]
        body = placeholder(layout, BODY_TYPES)
        title = title_placeholder(self.layouts["title_only"])
        footer_top = self.height * 0.9
        for shape in self.layouts["title_only"].placeholders:
            if shape.placeholder_format.type in CHROME_TYPES and shape.top is not None:
                footer_top = min(footer_top, pt(shape.top))
        if body is not None and body.width and body.height:
            box = Box(pt(body.left), pt(body.top), pt(body.width), pt(body.height))
        else:
            top = pt(title.top) + pt(title.height) + 12
            box = Box(pt(title.left), top, pt(title.width), footer_top - 8 - top)
        if title is not None and title.top is not None:
            # Never under the title of the layout actually used for content slides.
            title_bottom = pt(title.top) + pt(title.height)
            if box.y < title_bottom + 6:
                box = Box(box.x, title_bottom + 6, box.w, box.bottom - title_bottom - 6)
        if box.bottom > footer_top - 4:
            box = Box(box.x, box.y, box.w, footer_top - 4 - box.y)
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
        footer: str | None = None,
    ) -> Page:
        """Add a slide with its title, footer, slide number and notes.

        The footer names ``sources`` of ``launch``, or says ``footer`` when given.
        """
        layout = self.layouts[kind]
        slide = self._add_slide(layout)
        self.slide_count += 1
        title_shape = self.clone(slide, layout, TITLE_TYPES)
        self.fit_title(title_shape, layout, clean(title) or "Untitled")
        names: list[str] = []
        if launch is not None:
            names = story.source_names(footer_names(self, launch), sources)
        self._footer(slide, layout, names, launch, footer)
        if self.notes:
            slide.notes_slide.notes_text_frame.text = notes or clean(title)
        return Page(slide=slide, frame=self.frame, number=self.slide_count)

    def _add_slide(self, layout: Any) -> Any:
        """A new slide on ``layout``, added in constant time (see :class:`PartNames`)."""
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
            self._placeholders[key] = placeholder(layout, types)
        return self._placeholders[key]

    def clone(self, slide: Any, layout: Any, types: set[Any]) -> Any:
        source = self.layout_placeholder(layout, types)
        if source is None:
            return None
        slide.shapes.clone_placeholder(source)
        return slide.placeholders[source.placeholder_format.idx]

    def placeholder_style(self, shape: Any, layout: Any, *, title: bool) -> TextStyle:
        """Size, insets and fonts a placeholder inherits from its layout and master.

        The slide's placeholders are fresh clones without overrides of their own, so
        the style is that of the layout's placeholder: worked out once per layout.
        """
        key = (id(layout), shape.placeholder_format.type, title)
        if key not in self._styles:
            self._styles[key] = self._placeholder_style(shape, layout, title=title)
        return self._styles[key]

    def _placeholder_style(self, shape: Any, layout: Any, *, title: bool) -> TextStyle:
        chain = [shape._element]
        layout_shape = self.layout_placeholder(layout, {shape.placeholder_format.type})
        if layout_shape is not None:
            chain.append(layout_shape._element)
        master = layout.slide_master
        master_shape = placeholder(master, {shape.placeholder_format.type}) or (
            placeholder(master, {PP_PLACEHOLDER.TITLE}) if title else None
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
                    value = int(found[0]) / EMU_PER_PT
                    break
            insets.append(value)
        left, top, right, bottom = insets
        return TextStyle(
            size, (left, top, right, bottom), self.title_fonts if title else self.body_fonts
        )

    def fit_title(self, shape: Any, layout: Any, text: str) -> None:
        """Set the title, shrunk to fit its placeholder (and cut with "…" as a last resort)."""
        style = self.placeholder_style(shape, layout, title=True)
        left, top, right, bottom = style.insets
        width = pt(shape.width) - left - right
        height = pt(shape.height) - top - bottom
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

    def _footer(
        self,
        slide: Any,
        layout: Any,
        names: Sequence[str],
        launch: Launch | None,
        text: str | None = None,
    ) -> None:
        footer = self.clone(slide, layout, {PP_PLACEHOLDER.FOOTER})
        number = self.clone(slide, layout, {PP_PLACEHOLDER.SLIDE_NUMBER})
        if footer is None:
            footer = slide.shapes.add_textbox(
                emu(self.frame.x), emu(self.height - 30), emu(self.frame.w * 0.8), emu(20)
            )
            footer.name = "Footer"
            footer.text_frame.word_wrap = True
            style = TextStyle(10.0, (0, 0, 0, 0), self.body_fonts)
        else:
            style = self.placeholder_style(footer, layout, title=False)
        if number is None:
            number = slide.shapes.add_textbox(
                emu(self.frame.right - 60), emu(self.height - 30), emu(60), emu(20)
            )
            number.name = "Slide number"
            number.text_frame.paragraphs[0].alignment = PP_ALIGN.RIGHT
        if text is not None:
            self._set_footer(footer.text_frame, text, min(style.size, 10.0))
        else:
            self._footer_text(footer, style, names, launch)
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

    def _footer_text(
        self, shape: Any, style: TextStyle, names: Sequence[str], launch: Launch | None
    ) -> None:
        """Name every source in the footer, on one line or two; else point to the Sources slide.

        The text is never cut to "and N more": what cannot be named in full is
        pointed to (the slide number is filled in by :meth:`finish`, once known).
        """
        left, _top, right, _bottom = style.insets
        width = pt(shape.width) - left - right - 2
        size = min(style.size, 10.0)
        frame = shape.text_frame
        frame.word_wrap = True
        sizes = sorted({size, max(size - 1, FOOTER_FLOOR), FOOTER_FLOOR}, reverse=True)
        text = self._named_sources(names, 2 * width, style.fonts)
        if text is not None:
            for fitted in sizes:
                if fits(
                    [Para.of(text)], width, style.fonts.line_height(fitted), fitted, style.fonts
                ):
                    self._set_footer(frame, text, fitted)
                    return
            # Two lines at a smaller size, within the footer's own box: its vertical
            # margins give way to the second line.
            height = pt(shape.height)
            for fitted in sizes[1:] or sizes:
                two = 2 * style.fonts.line_height(fitted)
                if two <= height and fits([Para.of(text)], width, two, fitted, style.fonts):
                    frame.margin_top = frame.margin_bottom = 0
                    frame.vertical_anchor = MSO_ANCHOR.MIDDLE
                    self._set_footer(frame, text, fitted)
                    return
        # Named on the Sources slide, whose number is known once the deck is built.
        self._pointers.append((frame, width, sizes, style.fonts, id(launch), self.slide_count))

    @staticmethod
    def _named_sources(names: Sequence[str], most: float, fonts: FontSet) -> str | None:
        """ "Sources: a, b, c", or ``None`` when the names run past ``most`` points at the floor.

        Names are measured one at a time, so a slide citing thousands costs no more
        than what two lines hold.
        """
        if not names:
            return ""
        filled = fonts.width("Sources: ", FOOTER_FLOOR)
        for name in names:
            filled += fonts.width(name + ", ", FOOTER_FLOOR)
            if filled > most:
                return None
        return "Sources: " + ", ".join(names)

    @staticmethod
    def _set_footer(frame: Any, text: str, size: float) -> None:
        frame.text = text
        for paragraph in frame.paragraphs:
            for run in paragraph.runs:
                run.font.size = Pt(size)

    def mark_sources_slide(self, launch: Launch) -> None:
        """Note that the next slide lists ``launch``'s sources (footers point to it)."""
        self._sources_slides.setdefault(id(launch), self.slide_count + 1)

    def _point_to_sources(self) -> None:
        for frame, width, sizes, fonts, key, slide in self._pointers:
            number = self._sources_slides.get(key)
            if number == slide:
                text = "Sources: listed on this slide"
            elif number is not None:
                text = f"Sources: listed on slide {number}"
            elif self.notes:
                text = "Sources: see the speaker notes"
            else:
                text = "Sources: see the launch record"
            fitted = next((s for s in sizes if fonts.width(text, s) <= width * WIDTH_SAFETY), None)
            if fitted is None:
                fitted = sizes[-1]
                text = truncate(text, width, fitted, fonts)
            self._set_footer(frame, text, fitted)

    # -- shapes -------------------------------------------------------------------

    def text(
        self,
        page: Page,
        box: Box,
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
                MSO_SHAPE.RECTANGLE, emu(box.x), emu(box.y), emu(box.w), emu(box.h)
            )
            flat(shape, fill)
        else:
            shape = page.slide.shapes.add_textbox(emu(box.x), emu(box.y), emu(box.w), emu(box.h))
        shape.name = name
        frame = shape.text_frame
        frame.word_wrap = True
        frame.auto_size = MSO_AUTO_SIZE.NONE
        frame.margin_left, frame.margin_top, frame.margin_right, frame.margin_bottom = (
            emu(value) for value in insets
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
                indent = round(own * 1.0 * EMU_PER_PT)
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

    def rect(self, page: Page, box: Box, color: str, name: str) -> Any:
        shape = page.slide.shapes.add_shape(
            MSO_SHAPE.RECTANGLE, emu(box.x), emu(box.y), emu(box.w), emu(box.h)
        )
        shape.name = name
        flat(shape, color)
        return shape

    def lede(self, page: Page, text: str) -> None:
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

    def notes_for(self, page: Page, text: str) -> None:
        if self.notes:
            page.slide.notes_slide.notes_text_frame.text = text

    # -- finishing ------------------------------------------------------------------

    def finish(self, launches: Sequence[Launch]) -> None:
        """Pin every piece of metadata, so that the same records give the same bytes."""
        self._point_to_sources()
        moment = document_time()
        props = self.prs.core_properties
        first = launches[0]
        props.author = "launchbrief"
        props.last_modified_by = "launchbrief"
        props.revision = 1
        props.created = moment
        props.modified = moment
        # Core properties hold at most 255 characters.
        props.title = at_most_chars(
            clean(first.title) if len(launches) == 1 else "Launch briefings", 255
        )
        props.subject = at_most_chars(
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
                rel.target_part.blob = app_properties(self.slide_count, self.notes)
        for chart_part in self.charts:
            workbook = chart_part.chart_workbook
            if workbook.xlsx_part is not None:
                workbook.update_from_xlsx_blob(pin_workbook(workbook.xlsx_part.blob))


def footer_names(deck: Deck, launch: Launch) -> dict[str, str]:
    """The footer names of ``launch``'s sources, by id (made once per launch)."""
    index = deck._source_names.get(id(launch))
    if index is None:
        index = deck._source_names[id(launch)] = story.source_index(launch)
    return index


def flat(shape: Any, color: str) -> None:
    """A flat fill and no outline; the theme's shape style (and its shadow) is dropped."""
    style = shape._element.find(qn("p:style"))
    if style is not None:
        shape._element.remove(style)
    shape.fill.solid()
    shape.fill.fore_color.rgb = rgb(color)
    shape.line.fill.background()


def rgb(color: str) -> Any:
    from pptx.dml.color import RGBColor

    return RGBColor.from_string(color)  # type: ignore[no-untyped-call]


def alt_text(shape: Any, text: str) -> None:
    """Alt text (the ``descr`` a screen reader reads) on a shape, picture, chart or table."""
    element = shape._element
    c_nv_pr = element.find(f".//{qn('p:cNvPr')}")
    c_nv_pr.set("descr", clean(text))
