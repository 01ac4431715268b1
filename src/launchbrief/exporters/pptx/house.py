"""The house style: python-pptx's blank template turned into a 16:9 briefing design."""

from __future__ import annotations

from typing import Any

from lxml import etree  # type: ignore[import-untyped]  # lxml ships no stubs; python-pptx uses it
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.oxml.ns import qn

from launchbrief.exporters.pptx.geometry import Box, emu
from launchbrief.exporters.pptx.palette import HOUSE_THEME, Palette, mix
from launchbrief.exporters.pptx.template import BODY_TYPES, placeholder, theme_part

_A = "http://schemas.openxmlformats.org/drawingml/2006/main"


def house_presentation(accent: str | None) -> Any:
    """python-pptx's blank template turned into the 16:9 house style."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = emu(960), emu(540)
    master = prs.slide_master
    theme = dict(HOUSE_THEME)
    if accent:
        theme["accent1"] = theme["hlink"] = accent
    theme_part(master).blob = _house_theme(theme_part(master).blob, theme)
    keep = {"Title Slide", "Title and Content", "Title Only", "Two Content", "Blank"}
    for layout in list(master.slide_layouts):
        if layout.name not in keep:
            master.slide_layouts.remove(layout)
    geometry = {
        PP_PLACEHOLDER.TITLE: Box(48, 24, 864, 60),
        PP_PLACEHOLDER.BODY: Box(48, 100, 864, 384),
        PP_PLACEHOLDER.DATE: Box(48, 504, 1, 1),
        PP_PLACEHOLDER.FOOTER: Box(48, 500, 760, 24),
        PP_PLACEHOLDER.SLIDE_NUMBER: Box(832, 500, 80, 24),
    }
    for shape in master.placeholders:
        box = geometry.get(shape.placeholder_format.type)
        if box is not None:
            _place(shape, box)
    _house_text_styles(master, theme)
    palette = Palette.from_theme(theme, accent)
    # The master draws a hairline over the footer; layouts show it.
    _add_rule(master.shapes._spTree, Box(48, 494, 864, 0.75), palette.rule, "Footer rule")
    for layout in master.slide_layouts:
        if layout.name == "Title Slide":
            for shape in layout.placeholders:
                kind = shape.placeholder_format.type
                if kind == PP_PLACEHOLDER.CENTER_TITLE:
                    _place(shape, Box(72, 150, 816, 120))
                    _set_body_pr(shape._element, anchor="b", lIns="0", rIns="0")
                    _level_style(shape._element, size=44, bold=True)
                elif kind == PP_PLACEHOLDER.SUBTITLE:
                    _place(shape, Box(72, 286, 816, 160))
                    _subtitle_style(shape._element, palette)
            _add_rule(layout.shapes._spTree, Box(48, 156, 6, 286), palette.accent, "Accent bar")
        elif layout.name == "Two Content":
            bodies = [s for s in layout.placeholders if s.placeholder_format.type in BODY_TYPES]
            for shape, box in zip(
                bodies, geometry[PP_PLACEHOLDER.BODY].columns([1, 1]), strict=False
            ):
                _place(shape, box)
    return prs


def _place(shape: Any, box: Box) -> None:
    shape.left, shape.top, shape.width, shape.height = (
        emu(box.x),
        emu(box.y),
        emu(box.w),
        emu(box.h),
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
    title_shape = placeholder(master, {PP_PLACEHOLDER.TITLE})
    _set_body_pr(title_shape._element, anchor="b", lIns="0", rIns="0")
    for kind, align in (
        (PP_PLACEHOLDER.FOOTER, "l"),
        (PP_PLACEHOLDER.SLIDE_NUMBER, "r"),
    ):
        shape = placeholder(master, {kind})
        if shape is not None:
            level = shape._element.find(f".//{qn('a:lstStyle')}/{qn('a:lvl1pPr')}")
            if level is not None:
                level.set("algn", align)
                _set_def_run(level, size=10)
                run = level.find(qn("a:defRPr"))
                for fill in run.findall(qn("a:solidFill")):
                    run.remove(fill)
                fill = etree.SubElement(run, qn("a:solidFill"))
                etree.SubElement(fill, qn("a:srgbClr"), val=mix(theme["dk1"], theme["lt1"], 0.42))
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


def _subtitle_style(sp: Any, palette: Palette) -> None:
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


def _add_rule(tree: Any, box: Box, color: str, name: str) -> None:
    """A filled rectangle as decoration on a master or layout."""
    ids = [int(v) for v in tree.xpath("//p:cNvPr/@id")]
    shape_id = max([1, *ids]) + 1
    xml = (
        f'<p:sp xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"'
        f' xmlns:a="{_A}"><p:nvSpPr><p:cNvPr id="{shape_id}" name="{name}"/><p:cNvSpPr/><p:nvPr userDrawn="1"/>'
        f'</p:nvSpPr><p:spPr><a:xfrm><a:off x="{emu(box.x)}" y="{emu(box.y)}"/>'
        f'<a:ext cx="{emu(box.w)}" cy="{emu(box.h)}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/>'
        f'</a:prstGeom><a:solidFill><a:srgbClr val="{color}"/></a:solidFill><a:ln><a:noFill/></a:ln>'
        f"</p:spPr></p:sp>"
    )
    tree.append(etree.fromstring(xml))
