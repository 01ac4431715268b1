"""The presentation being built: slides with title, footer and notes, text boxes, rectangles.

:class:`Deck` holds the layouts, the content frame, the palette and the fonts; every
slide module adds its slides through :meth:`Deck.new_slide` and draws with
:meth:`Deck.text`, :meth:`Deck.rect` and :meth:`Deck.lede`.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from lxml import etree  # type: ignore[import-untyped]  # lxml ships no stubs; python-pptx uses it
from pptx.enum.shapes import MSO_SHAPE, PP_PLACEHOLDER
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.parts.slide import NotesSlidePart, SlidePart
from pptx.shapes.placeholder import NotesSlidePlaceholder
from pptx.shapes.shapetree import SlideShapeFactory
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
        # What a clone of each layout placeholder is made of, and the size it inherits.
        self._kinds: dict[int, tuple[Any, str, str, int]] = {}
        self._extents: dict[tuple[int, int | None], tuple[float, float]] = {}
        # A fresh notes slide, copied for every slide after the first (see _notes_frame).
        self._notes_page: Any = None
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
        # A placeholder's position is looked up on its layout and master at each
        # reading: each is read once here.
        for shape in self.layouts["title_only"].placeholders:
            if shape.placeholder_format.type in CHROME_TYPES:
                shape_top = shape.top
                if shape_top is not None:
                    footer_top = min(footer_top, pt(shape_top))
        body_box = _box_of(body) if body is not None else None
        title_box = _box_of(title) if title is not None else None
        if body_box is not None and body_box[2] and body_box[3]:
            box = Box(*(pt(value) for value in body_box))
        else:
            if title_box is None:  # pragma: no cover - the layouts chosen all have a title
                raise ExportError("the template's layouts have neither a body nor a title")
            top = pt(title_box[1]) + pt(title_box[3]) + 12
            box = Box(pt(title_box[0]), top, pt(title_box[2]), footer_top - 8 - top)
        if title_box is not None and title_box[1] is not None:
            # Never under the title of the layout actually used for content slides.
            title_bottom = pt(title_box[1]) + pt(title_box[3])
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
            self._notes_frame(slide).text = notes or clean(title)
        return Page(slide=slide, frame=self.frame, number=self.slide_count)

    def _add_slide(self, layout: Any) -> Any:
        """A new slide on ``layout``, added in constant time (see :class:`PartNames`)."""
        partname = self.parts.next_partname("/ppt/slides/slide%d.xml")
        slide_part = SlidePart.new(partname, self.prs.part.package, layout.part)  # type: ignore[no-untyped-call]
        # A new part cannot be related already: skip python-pptx's linear search.
        rid = self.prs.part.rels._add_relationship(RT.SLIDE, slide_part)
        self._slide_list._add_sldId(id=self._next_slide_id, rId=rid)
        self._next_slide_id += 1
        slide = slide_part.slide
        # Every shape on the slide is added through this one shape tree, so the next
        # shape id is counted rather than searched for in the whole slide each time.
        slide.shapes.turbo_add_enabled = True
        return slide

    def layout_placeholder(self, layout: Any, types: set[Any]) -> Any:
        """The layout's first placeholder of one of ``types`` (looked up once per layout)."""
        key = (id(layout), frozenset(types))
        if key not in self._placeholders:
            self._placeholders[key] = placeholder(layout, types)
        return self._placeholders[key]

    def _notes_frame(self, slide: Any) -> Any:
        """The notes text frame of ``slide``'s new notes slide, made as python-pptx makes it.

        python-pptx makes every notes slide afresh from the notes master, by the same
        steps, so they all start the same: the first is made by python-pptx (which
        also makes the notes master when the deck has none) and kept unwritten; the
        others are copies of it, related to the notes master and their slide alike,
        their notes placeholder found where it is in the first.
        """
        slide_part = slide.part
        if self._notes_page is None:
            notes_slide = slide.notes_slide
            frame = notes_slide.notes_text_frame
            shapes = list(notes_slide._element.cSld.spTree)
            where = None if frame is None else shapes.index(frame._txBody.getparent())
            self._notes_page = (
                copy.deepcopy(notes_slide._element),
                notes_slide.part.part_related_by(RT.NOTES_MASTER),
                where,
            )
            return frame
        element, master_part, where = self._notes_page
        notes_part = NotesSlidePart(
            self.parts.next_partname("/ppt/notesSlides/notesSlide%d.xml"),
            CT.PML_NOTES_SLIDE,
            self.prs.part.package,
            copy.deepcopy(element),
        )
        notes_part.relate_to(master_part, RT.NOTES_MASTER)
        notes_part.relate_to(slide_part, RT.SLIDE)
        slide_part.relate_to(notes_part, RT.NOTES_SLIDE)
        if where is None:
            return None
        notes_slide = slide.notes_slide
        body = notes_slide._element.cSld.spTree[where]
        return NotesSlidePlaceholder(body, notes_slide.placeholders).text_frame

    def clone(self, slide: Any, layout: Any, types: set[Any]) -> Any:
        """A copy on ``slide`` of the layout's placeholder of ``types``, as python-pptx clones it.

        Same element, id and name as ``slide.shapes.clone_placeholder``, and the same
        shape as ``slide.placeholders[idx]`` (the slide's first placeholder with that
        idx), without python-pptx's XPath lookups of the layout placeholder's kind.
        """
        source = self.layout_placeholder(layout, types)
        if source is None:
            return None
        kind = self._kinds.get(id(source))
        if kind is None:
            sp = source.element
            kind = self._kinds[id(source)] = (sp.ph_type, sp.ph_orient, sp.ph_sz, sp.ph_idx)
        ph_type, orient, sz, idx = kind
        shapes = slide.shapes
        id_ = shapes._next_shape_id
        name = shapes._next_ph_name(ph_type, id_, orient)
        shapes._spTree.add_placeholder(id_, name, ph_type, orient, sz, idx)
        first = next(e for e in _placeholder_elements(shapes._spTree) if _ph_idx(e) == idx)
        return SlideShapeFactory(first, slide.placeholders)

    def extent(self, shape: Any, layout: Any) -> tuple[float, float]:
        """Width and height in points of a placeholder cloned from ``layout``.

        A clone with no size of its own inherits that of the layout's placeholder
        with its idx, which python-pptx looks up anew each time: looked up once here.
        """
        if shape._element.spPr.find(qn("a:xfrm")) is not None:
            return pt(shape.width), pt(shape.height)
        key = (id(layout), _ph_idx(shape._element))
        if key not in self._extents:
            self._extents[key] = (pt(shape.width), pt(shape.height))
        return self._extents[key]

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
        shape_width, shape_height = self.extent(shape, layout)
        width = shape_width - left - right
        height = shape_height - top - bottom
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
            self._footer_text(footer, layout, style, names, launch)
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
        self,
        shape: Any,
        layout: Any,
        style: TextStyle,
        names: Sequence[str],
        launch: Launch | None,
    ) -> None:
        """Name every source in the footer, on one line or two; else point to the Sources slide.

        The text is never cut to "and N more": what cannot be named in full is
        pointed to (the slide number is filled in by :meth:`finish`, once known).
        """
        left, _top, right, _bottom = style.insets
        shape_width, shape_height = self.extent(shape, layout)
        width = shape_width - left - right - 2
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
            height = shape_height
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
        self.write_body(frame._txBody, paras, size)

    def write_body(self, body: Any, paras: Sequence[Para], size: float) -> None:
        """Write measured paragraphs into a ``txBody`` element (its old paragraphs are replaced)."""
        for old in body.findall(_A_P):
            body.remove(old)
        sub = etree.SubElement
        for index, para in enumerate(paras or [Para.of("")]):
            p = sub(body, _A_P)
            own = para.size_at(size)
            ppr = sub(p, _A_PPR)
            ppr.set("algn", _ALIGN[para.align])
            if para.bullet:
                indent = round(own * 1.0 * EMU_PER_PT)
                ppr.set("marL", str(indent))
                ppr.set("indent", str(-indent))
            else:
                ppr.set("marL", "0")
                ppr.set("indent", "0")
            sub(sub(ppr, _A_LN_SPC), _A_SPC_PCT, val="100000")
            gap = para.space_before * own if index else 0.0
            sub(sub(ppr, _A_SPC_BEF), _A_SPC_PTS, val=str(round(gap * 100)))
            sub(sub(ppr, _A_SPC_AFT), _A_SPC_PTS, val="0")
            if para.bullet:
                sub(sub(ppr, _A_BU_CLR), _A_SRGB_CLR, val=self.palette.accent)
                sub(ppr, _A_BU_FONT, typeface="Arial")
                sub(ppr, _A_BU_CHAR, char="•")
            else:
                sub(ppr, _A_BU_NONE)
            sz = str(round(own * 100))
            for span in para.spans:
                if not span.text:
                    continue
                run = sub(p, _A_R)
                rpr = sub(run, _A_RPR, lang="en-US", sz=sz)
                rpr.set("b", "1" if span.bold else "0")
                rpr.set("i", "1" if span.italic else "0")
                sub(sub(rpr, _A_SOLID_FILL), _A_SRGB_CLR, val=self.palette.role(span.color))
                sub(run, _A_T).text = span.text
            sub(p, _A_END_PARA_RPR, lang="en-US", sz=sz)

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


def _box_of(shape: Any) -> tuple[Any, Any, Any, Any]:
    """A shape's left, top, width and height in EMU (``None`` where it has none)."""
    return shape.left, shape.top, shape.width, shape.height


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


_SHAPE_TAGS = frozenset(
    qn(tag) for tag in ("p:sp", "p:grpSp", "p:graphicFrame", "p:cxnSp", "p:pic", "p:contentPart")
)
_NV_PR = qn("p:nvPr")

# The tags :meth:`Deck.write` writes, looked up once.
_A_P, _A_PPR, _A_R, _A_RPR, _A_T, _A_END_PARA_RPR = (
    qn(f"a:{name}") for name in ("p", "pPr", "r", "rPr", "t", "endParaRPr")
)
_A_LN_SPC, _A_SPC_PCT, _A_SPC_BEF, _A_SPC_AFT, _A_SPC_PTS = (
    qn(f"a:{name}") for name in ("lnSpc", "spcPct", "spcBef", "spcAft", "spcPts")
)
_A_BU_CLR, _A_BU_FONT, _A_BU_CHAR, _A_BU_NONE = (
    qn(f"a:{name}") for name in ("buClr", "buFont", "buChar", "buNone")
)
_A_SOLID_FILL, _A_SRGB_CLR = qn("a:solidFill"), qn("a:srgbClr")
_ALIGN = {"left": "l", "center": "ctr", "right": "r"}
_PH = qn("p:ph")


def _placeholder_elements(tree: Any) -> Iterator[Any]:
    """The placeholder shapes of a shape tree in document order (python-pptx's ``iter_ph_elms``)."""
    for element in tree.iterchildren():
        if element.tag in _SHAPE_TAGS and _ph_idx(element) is not None:
            yield element


def _ph_idx(element: Any) -> int | None:
    """The idx of a shape's ``p:ph`` (0 when unwritten), or ``None`` when it is no placeholder."""
    first = next(element.iterchildren(etree.Element), None)
    nv_pr = first.find(_NV_PR) if first is not None else None
    ph = nv_pr.find(_PH) if nv_pr is not None else None
    return None if ph is None else int(ph.get("idx", "0"))
