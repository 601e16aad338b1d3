"""Drawing helpers for the second held-out set: a small flowing PDF writer (reportlab,
invariant mode) and a DOCX writer (python-docx, zip timestamps pinned).

Written for this benchmark only; the layouts (bands, boxed grids, mail prints, web-page
prints, slips with check boxes, statement tables) are its own.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
SIZES = {"A4": A4, "letter": LETTER}
BOLD = {"Helvetica": "Helvetica-Bold", "Times-Roman": "Times-Bold", "Courier": "Courier-Bold",
        "DejaVuSans": "DejaVuSans-Bold", "DejaVuSerif": "DejaVuSerif-Bold",
        "DejaVuSansCondensed": "DejaVuSansCondensed-Bold",
        "DejaVuSerifCondensed": "DejaVuSerifCondensed-Bold", "DejaVuSansMono": "DejaVuSansMono-Bold"}


def _font(name: str) -> str:
    if name.startswith("DejaVu") and name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, str(DEJAVU / f"{name}.ttf")))
    return name


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    out: list[str] = []
    for para in text.split("\n"):
        words, line = para.split(" "), ""
        for w in words:
            trial = (line + " " + w).strip() if line else w
            if stringWidth(trial, font, size) <= width or not line:
                line = trial
            else:
                out.append(line)
                line = w
        out.append(line)
    return out


class Pdf:
    """A top-down page writer: each call draws and moves the cursor down."""

    def __init__(self, path: Path, *, size: str = "A4", font: str = "Helvetica",
                 title: str = "", margin: float = 56, author: str = "") -> None:
        self.w, self.h = SIZES[size]
        self.font, self.bold = _font(font), _font(BOLD[font])
        self.m = margin
        self.c = canvas.Canvas(str(path), pagesize=(self.w, self.h), invariant=1)
        self.c.setTitle(title)
        self.c.setAuthor(author)
        self.c.setCreator("heldout_documents_2/gen.py")
        self.y = self.h - margin
        self.page = 1

    # -- primitives -------------------------------------------------------------------------
    def need(self, height: float) -> None:
        if self.y - height < self.m:
            self.c.showPage()
            self.page += 1
            self.y = self.h - self.m

    def gap(self, h: float = 8) -> None:
        self.y -= h

    def text(self, s: str, *, size: float = 10, bold: bool = False, align: str = "left",
             x: float | None = None, width: float | None = None, lead: float = 1.35,
             font: str | None = None) -> None:
        f = _font(font) if font else (self.bold if bold else self.font)
        x0 = self.m if x is None else x
        wd = (self.w - self.m - x0) if width is None else width
        for line in wrap(s, f, size, wd):
            self.need(size * lead)
            self.y -= size * lead
            self.c.setFont(f, size)
            if align == "center":
                self.c.drawCentredString(x0 + wd / 2, self.y, line)
            elif align == "right":
                self.c.drawRightString(x0 + wd, self.y, line)
            else:
                self.c.drawString(x0, self.y, line)

    def rule(self, weight: float = 0.6, gap: float = 6) -> None:
        self.y -= gap
        self.c.setLineWidth(weight)
        self.c.line(self.m, self.y, self.w - self.m, self.y)
        self.y -= gap

    # -- blocks -----------------------------------------------------------------------------
    def band(self, name: str, sub: str = "", *, shade: float = 0.2, height: float = 54,
             size: float = 15) -> None:
        """A filled letterhead band across the page with white text."""
        self.c.setFillGray(shade)
        top = self.h - 24
        self.c.rect(0, top - height, self.w, height, stroke=0, fill=1)
        self.c.setFillGray(1)
        self.c.setFont(self.bold, size)
        self.c.drawString(self.m, top - size - 10, name)
        if sub:
            self.c.setFont(self.font, 8.5)
            self.c.drawString(self.m, top - height + 10, sub)
        self.c.setFillGray(0)
        self.y = top - height - 14

    def heading(self, name: str, lines: Sequence[str] = (), *, size: float = 13) -> None:
        """A centred letterhead: name, small lines, double rule."""
        self.text(name, size=size, bold=True, align="center")
        for ln in lines:
            self.text(ln, size=8.5, align="center")
        self.rule(1.2, 3)
        self.c.line(self.m, self.y + 2, self.w - self.m, self.y + 2)
        self.gap(8)

    def title(self, s: str, size: float = 13, underline: bool = False) -> None:
        self.gap(6)
        self.text(s, size=size, bold=True, align="center")
        if underline:
            tw = stringWidth(s, self.bold, size)
            self.c.line((self.w - tw) / 2, self.y - 2, (self.w + tw) / 2, self.y - 2)
        self.gap(8)

    def para(self, s: str, size: float = 10, indent: float = 0, **kw) -> None:
        self.text(s, size=size, x=self.m + indent, **kw)
        self.gap(5)

    def grid(self, rows: Sequence[tuple[str, str]], *, label_w: float = 170, size: float = 9.5,
             box: bool = True, pad: float = 4) -> None:
        """A boxed two-column label/value table; values wrap."""
        x0, x1, x2 = self.m, self.m + label_w, self.w - self.m
        for label, value in rows:
            lv = wrap(label, self.bold, size, label_w - 2 * pad)
            vv = wrap(value, self.font, size, x2 - x1 - 2 * pad)
            n = max(len(lv), len(vv))
            hgt = n * size * 1.3 + 2 * pad
            self.need(hgt)
            top = self.y
            if box:
                self.c.setLineWidth(0.5)
                self.c.rect(x0, top - hgt, x2 - x0, hgt)
                self.c.line(x1, top, x1, top - hgt)
            for i, ln in enumerate(lv):
                self.c.setFont(self.bold, size)
                self.c.drawString(x0 + pad, top - pad - (i + 1) * size * 1.3 + 2, ln)
            for i, ln in enumerate(vv):
                self.c.setFont(self.font, size)
                self.c.drawString(x1 + pad, top - pad - (i + 1) * size * 1.3 + 2, ln)
            self.y = top - hgt
        self.gap(8)

    def table(self, header: Sequence[str], rows: Sequence[Sequence[str]],
              widths: Sequence[float], *, size: float = 8.5,
              right: Sequence[int] = ()) -> None:
        """Columns with a shaded header row; numeric columns right-aligned."""
        rh = size * 1.8
        total = sum(widths)
        scale = (self.w - 2 * self.m) / total
        ws = [w * scale for w in widths]
        self.need(rh * 2)
        self.c.setFillGray(0.85)
        self.c.rect(self.m, self.y - rh, self.w - 2 * self.m, rh, stroke=0, fill=1)
        self.c.setFillGray(0)
        for r, cells in enumerate([header, *rows]):
            self.need(rh)
            x = self.m
            f = self.bold if r == 0 else self.font
            self.c.setFont(f, size)
            for i, cell in enumerate(cells):
                if i in right:
                    self.c.drawRightString(x + ws[i] - 3, self.y - rh + 5, cell)
                else:
                    self.c.drawString(x + 3, self.y - rh + 5, cell)
                x += ws[i]
            self.y -= rh
            self.c.setLineWidth(0.3)
            self.c.line(self.m, self.y, self.w - self.m, self.y)
        self.gap(8)

    def checkbox(self, s: str, checked: bool, size: float = 9.5) -> None:
        self.need(size * 1.6)
        self.y -= size * 1.5
        self.c.rect(self.m + 4, self.y - 1, size, size)
        if checked:
            self.c.setFont(self.bold, size)
            self.c.drawString(self.m + 5.5, self.y + 0.5, "X")
        lines = wrap(s, self.font, size, self.w - 2 * self.m - 24)
        self.c.setFont(self.font, size)
        self.c.drawString(self.m + 22, self.y, lines[0])
        for ln in lines[1:]:
            self.y -= size * 1.3
            self.c.drawString(self.m + 22, self.y, ln)

    def signature(self, lines: Sequence[str], *, stamp: str = "") -> None:
        self.gap(26)
        self.c.setLineWidth(0.5)
        self.c.line(self.m, self.y, self.m + 170, self.y)
        for ln in lines:
            self.text(ln, size=9.5)
        if stamp:
            cx, cy = self.w - self.m - 70, self.y + 40
            self.c.setLineWidth(1.2)
            self.c.circle(cx, cy, 38)
            self.c.circle(cx, cy, 33)
            self.c.setFont(self.font, 6.5)
            for i, part in enumerate(wrap(stamp, self.font, 6.5, 56)[:4]):
                self.c.drawCentredString(cx, cy + 8 - i * 8, part)

    def footer(self, s: str) -> None:
        self.c.setFont(self.font, 7)
        self.c.drawCentredString(self.w / 2, 24, s)

    def browser_chrome(self, when: str, title: str, url: str) -> None:
        """The header/footer a browser puts on a printed web page."""
        self.c.setFont(self.font, 7.5)
        self.c.drawString(28, self.h - 16, when)
        self.c.drawCentredString(self.w / 2, self.h - 16, title)
        self.c.drawString(28, 14, url)
        self.c.drawRightString(self.w - 28, 14, f"{self.page}/1")

    def save(self) -> None:
        self.c.showPage()
        self.c.save()


# -- DOCX ------------------------------------------------------------------------------------
def write_docx(path: Path, blocks: Sequence[tuple[str, object]], *, title: str = "",
               font: str = "Calibri") -> None:
    """blocks: ("h", text) centred bold heading, ("p", text), ("b", text) bold paragraph,
    ("r", text) right-aligned, ("t", [(label, value), ...]) a two-column table."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    d = docx.Document()
    st = d.styles["Normal"]
    st.font.name = font
    st.font.size = Pt(11)
    for kind, value in blocks:
        if kind == "t":
            rows = list(value)  # type: ignore[arg-type]
            t = d.add_table(rows=len(rows), cols=2)
            t.style = "Table Grid"
            for i, (a, b) in enumerate(rows):
                t.cell(i, 0).text = a
                t.cell(i, 1).text = b
            continue
        p = d.add_paragraph()
        run = p.add_run(str(value))
        if kind in ("h", "b"):
            run.bold = True
        if kind == "h":
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run.font.size = Pt(14)
        if kind == "r":
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    fixed = datetime(2026, 1, 1, 0, 0, 0)
    cp = d.core_properties
    cp.title, cp.author, cp.last_modified_by = title, "", ""
    cp.created = cp.modified = cp.last_printed = fixed
    cp.revision = 1
    buf = io.BytesIO()
    d.save(buf)
    # re-zip with pinned timestamps and sorted names: byte-identical reruns
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name in sorted(src.namelist()):
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            out.writestr(info, src.read(name))
