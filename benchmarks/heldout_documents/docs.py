"""Rendering helpers for the held-out supporting documents: PDF (reportlab platypus, invariant
mode) and DOCX (python-docx, zip timestamps pinned) in this benchmark's own layouts.

Nothing here is shared with the tool's fixtures: letterheads, tables and fonts are drawn here.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import HRFlowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

rl_config.invariant = 1

DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
_REGISTERED = False


def register_fonts() -> None:
    global _REGISTERED
    if _REGISTERED:
        return
    for name, file in (("DVSans", "DejaVuSans.ttf"), ("DVSans-Bold", "DejaVuSans-Bold.ttf"),
                       ("DVSerif", "DejaVuSerif.ttf"), ("DVSerif-Bold", "DejaVuSerif-Bold.ttf"),
                       ("DVCond", "DejaVuSansCondensed.ttf"),
                       ("DVCond-Bold", "DejaVuSansCondensed-Bold.ttf")):
        pdfmetrics.registerFont(TTFont(name, str(DEJAVU / file)))
    _REGISTERED = True


# font families: (regular, bold)
FAMILIES = {
    "helvetica": ("Helvetica", "Helvetica-Bold"),
    "times": ("Times-Roman", "Times-Bold"),
    "courier": ("Courier", "Courier-Bold"),
    "dvsans": ("DVSans", "DVSans-Bold"),
    "dvserif": ("DVSerif", "DVSerif-Bold"),
    "dvcond": ("DVCond", "DVCond-Bold"),
}


# --- a tiny document model -----------------------------------------------------------------------


@dataclass
class P:
    """A paragraph. ``style``: body, title, head, small, right, center, mono."""

    text: str
    style: str = "body"
    bold: bool = False


@dataclass
class KV:
    """Labelled fields drawn as a two-column table."""

    rows: list[tuple[str, str]]
    label_width: float = 55 * mm
    boxed: bool = True


@dataclass
class Grid:
    """A table with a header row."""

    header: list[str]
    rows: list[list[str]]
    widths: list[float] | None = None


@dataclass
class Letterhead:
    name: str
    lines: list[str] = field(default_factory=list)
    band: str | None = None  # hex colour of a band behind the name
    align: str = "left"


@dataclass
class Rule:
    pass


@dataclass
class Gap:
    height: float = 6


Block = Any


def _styles(family: str, size: float) -> dict[str, ParagraphStyle]:
    reg, bold = FAMILIES[family]
    lead = size * 1.35
    return {
        "body": ParagraphStyle("body", fontName=reg, fontSize=size, leading=lead,
                               spaceAfter=size * 0.6),
        "bodyb": ParagraphStyle("bodyb", fontName=bold, fontSize=size, leading=lead,
                                spaceAfter=size * 0.6),
        "title": ParagraphStyle("title", fontName=bold, fontSize=size + 5, leading=size * 2,
                                alignment=TA_CENTER, spaceBefore=size * 0.5, spaceAfter=size),
        "head": ParagraphStyle("head", fontName=bold, fontSize=size + 1.5, leading=size * 1.7,
                               spaceBefore=size * 0.4, spaceAfter=size * 0.4),
        "small": ParagraphStyle("small", fontName=reg, fontSize=size - 2, leading=(size - 2) * 1.3,
                                spaceAfter=2),
        "right": ParagraphStyle("right", fontName=reg, fontSize=size, leading=lead,
                                alignment=TA_RIGHT),
        "center": ParagraphStyle("center", fontName=reg, fontSize=size, leading=lead,
                                 alignment=TA_CENTER),
        "mono": ParagraphStyle("mono", fontName="Courier", fontSize=size - 1, leading=size * 1.2),
        "cell": ParagraphStyle("cell", fontName=reg, fontSize=size - 1, leading=(size - 1) * 1.25),
        "cellb": ParagraphStyle("cellb", fontName=bold, fontSize=size - 1,
                                leading=(size - 1) * 1.25),
        "lh": ParagraphStyle("lh", fontName=bold, fontSize=size + 6, leading=size * 2.1,
                             alignment=TA_LEFT, textColor=colors.HexColor("#1b2a49")),
        "lhw": ParagraphStyle("lhw", fontName=bold, fontSize=size + 6, leading=size * 2.1,
                              alignment=TA_LEFT, textColor=colors.white),
        "lhs": ParagraphStyle("lhs", fontName=reg, fontSize=size - 1.5, leading=(size - 1.5) * 1.3,
                              textColor=colors.HexColor("#333333")),
    }


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _flowables(blocks: list[Block], st: dict[str, ParagraphStyle], width: float) -> list[Any]:
    out: list[Any] = []
    for b in blocks:
        if isinstance(b, P):
            style = st["bodyb"] if (b.bold and b.style == "body") else st[b.style]
            out.append(Paragraph(_esc(b.text).replace("\n", "<br/>"), style))
        elif isinstance(b, KV):
            data = [[Paragraph(_esc(k), st["cellb"]), Paragraph(_esc(v), st["cell"])]
                    for k, v in b.rows]
            t = Table(data, colWidths=[b.label_width, width - b.label_width])
            cmds = [("VALIGN", (0, 0), (-1, -1), "TOP")]
            if b.boxed:
                cmds += [("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                         ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#eeeeee"))]
            t.setStyle(TableStyle(cmds))
            out += [t, Spacer(1, 6)]
        elif isinstance(b, Grid):
            data = [[Paragraph(_esc(h), st["cellb"]) for h in b.header]]
            data += [[Paragraph(_esc(c), st["cell"]) for c in row] for row in b.rows]
            t = Table(data, colWidths=b.widths, repeatRows=1)
            t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.black),
                                   ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#d9e2f3")),
                                   ("VALIGN", (0, 0), (-1, -1), "TOP")]))
            out += [t, Spacer(1, 6)]
        elif isinstance(b, Letterhead):
            style = st["lhw"] if b.band else st["lh"]
            cells = [[Paragraph(_esc(b.name), style)]]
            cells += [[Paragraph(_esc(line), st["lhs"] if not b.band else ParagraphStyle(
                "lhsw", parent=st["lhs"], textColor=colors.white))] for line in b.lines]
            t = Table(cells, colWidths=[width])
            cmds: list[Any] = [("LEFTPADDING", (0, 0), (-1, -1), 6)]
            if b.band:
                cmds.append(("BACKGROUND", (0, 0), (-1, -1), colors.HexColor(b.band)))
            t.setStyle(TableStyle(cmds))
            out += [t, HRFlowable(width="100%", thickness=1.2, color=colors.HexColor("#1b2a49")),
                    Spacer(1, 8)]
        elif isinstance(b, Rule):
            out.append(HRFlowable(width="100%", thickness=0.6, color=colors.grey))
        elif isinstance(b, Gap):
            out.append(Spacer(1, b.height))
        else:
            raise TypeError(f"unknown block {b!r}")
    return out


def write_pdf(path: Path, blocks: list[Block], *, family: str = "helvetica", size: float = 10.5,
              pagesize: str = "A4", title: str = "", margins: float = 20 * mm) -> None:
    register_fonts()
    size_tuple = A4 if pagesize == "A4" else LETTER
    doc = SimpleDocTemplate(str(path), pagesize=size_tuple, leftMargin=margins,
                            rightMargin=margins, topMargin=margins, bottomMargin=margins,
                            title=title, author="", subject="", creator="heldout_documents",
                            invariant=1)
    st = _styles(family, size)
    doc.build(_flowables(blocks, st, size_tuple[0] - 2 * margins))


def write_docx(path: Path, blocks: list[Block], *, font: str = "Calibri", size: float = 11) -> None:
    from docx import Document
    from docx.shared import Pt

    d = Document()
    normal = d.styles["Normal"]
    normal.font.name = font
    normal.font.size = Pt(size)
    cp = d.core_properties
    import datetime as _dt
    fixed = _dt.datetime(2020, 1, 1, 0, 0, 0)
    cp.created = fixed
    cp.modified = fixed
    cp.last_printed = fixed
    cp.author = ""
    cp.last_modified_by = ""
    cp.revision = 1
    for b in blocks:
        if isinstance(b, P):
            para = d.add_paragraph()
            run = para.add_run(b.text)
            run.bold = b.bold or b.style in ("title", "head")
            if b.style == "title":
                run.font.size = Pt(size + 5)
                para.alignment = 1
            elif b.style == "head":
                run.font.size = Pt(size + 1.5)
            elif b.style == "small":
                run.font.size = Pt(size - 2)
            elif b.style == "right":
                para.alignment = 2
            elif b.style == "center":
                para.alignment = 1
        elif isinstance(b, Letterhead):
            para = d.add_paragraph()
            run = para.add_run(b.name)
            run.bold = True
            run.font.size = Pt(size + 6)
            for line in b.lines:
                r = d.add_paragraph().add_run(line)
                r.font.size = Pt(size - 2)
        elif isinstance(b, KV):
            t = d.add_table(rows=0, cols=2)
            t.style = "Table Grid"
            for k, v in b.rows:
                cells = t.add_row().cells
                cells[0].text = k
                cells[1].text = v
                for run in cells[0].paragraphs[0].runs:
                    run.bold = True
            d.add_paragraph()
        elif isinstance(b, Grid):
            t = d.add_table(rows=1, cols=len(b.header))
            t.style = "Table Grid"
            for cell, h in zip(t.rows[0].cells, b.header):
                cell.text = h
            for row in b.rows:
                for cell, c in zip(t.add_row().cells, row):
                    cell.text = c
            d.add_paragraph()
        elif isinstance(b, (Rule, Gap)):
            d.add_paragraph()
        else:
            raise TypeError(f"unknown block {b!r}")
    buf = io.BytesIO()
    d.save(buf)
    _pin_zip(buf.getvalue(), path)


def _pin_zip(data: bytes, path: Path) -> None:
    """Rewrite a zip with fixed member timestamps and order (byte-identical reruns)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2020, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, src.read(info.filename))
    path.write_bytes(out.getvalue())
