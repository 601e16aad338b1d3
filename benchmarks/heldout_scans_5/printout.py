"""Set 5's own DS-160 print-out look (reportlab, text PDF).

US Letter; labels in DejaVu Serif 8.4 pt in a 236 pt column, answers in **DejaVu Sans Bold**
beside them from x = 300 pt; section titles in a grey band, sub-titles in bold italic serif
underlined; questions of 110 characters or more run over the full width with the answer in
bold on a line of its own below (the spec's example); the browser's print header (date and
time, page title) and footer (CEAC URL, ``n/N``) on every page.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import letter
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
_FONTS = {
    "Serif": "DejaVuSerif.ttf", "Serif-Bold": "DejaVuSerif-Bold.ttf",
    "Serif-BoldItalic": "DejaVuSerif-BoldItalic.ttf", "Serif-Italic": "DejaVuSerif-Italic.ttf",
    "Sans": "DejaVuSans.ttf", "Sans-Bold": "DejaVuSans-Bold.ttf",
    "SansCond": "DejaVuSansCondensed.ttf", "SansCond-Bold": "DejaVuSansCondensed-Bold.ttf",
    "Mono": "DejaVuSansMono.ttf", "Mono-Bold": "DejaVuSansMono-Bold.ttf",
}


def fonts() -> None:
    for name, file in _FONTS.items():
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / file)))


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    words, lines, cur = text.split(), [], ""
    for w in words:
        trial = f"{cur} {w}" if cur else w
        if pdfmetrics.stringWidth(trial, font, size) <= width or not cur:
            cur = trial
        else:
            lines.append(cur)
            cur = w
    if cur:
        lines.append(cur)
    return lines or [""]


W, H = letter
LEFT, RIGHT = 54.0, W - 54.0
LABEL_W = 236.0
VALUE_X = 300.0
VALUE_W = RIGHT - VALUE_X
TOP, BOTTOM = 52.0, H - 50.0          # y measured from the top of the page
SIZE = 8.4
LEAD = 10.8
LABEL_FONT, VALUE_FONT = "Serif", "Sans-Bold"
URL = "https://ceac.state.gov/GenNIV/General/complete/complete_printapplication.aspx?node=Print"


def browser_date(iso: str, clock: str) -> str:
    y, m, d = iso.split("-")
    return f"{int(m)}/{int(d)}/{y[2:]}, {clock}"


def render(path: Path, items: list[tuple], app_id: str, printed: tuple[str, str],
           id_label: str = "Application ID") -> int:
    """Write the print-out; returns its page count."""
    fonts()
    pages: list[list[tuple]] = [[]]
    y = TOP

    def need(h: float) -> None:
        nonlocal y
        if y + h > BOTTOM:
            pages.append([])
            y = TOP

    # page 1 title block
    ops = pages[0]
    ops.append(("text_c", W / 2, y, "Application - Sensitive But Unclassified(SBU)", "Sans", 8.0))
    y += 20
    ops.append(("text_c", W / 2, y, "Online Nonimmigrant Visa Application (DS-160)", "Serif-Bold", 14.0))
    y += 20
    ops.append(("text", LEFT, y, f"{id_label}:", LABEL_FONT, 9.5))
    ops.append(("text", VALUE_X, y, app_id, VALUE_FONT, 9.5))
    y += 20
    for it in items:
        kind = it[0]
        if kind == "section":
            need(44)
            y += 6
            pages[-1].append(("band", LEFT - 3, y - 11, RIGHT - LEFT + 6, 15))
            pages[-1].append(("text", LEFT + 2, y, it[1], "Serif-Bold", 10.5))
            y += 17
        elif kind == "sub":
            need(32)
            y += 3
            pages[-1].append(("text", LEFT, y, it[1], "Serif-BoldItalic", 9.0))
            tw = pdfmetrics.stringWidth(it[1], "Serif-BoldItalic", 9.0)
            pages[-1].append(("line", LEFT, y + 2.2, LEFT + tw, y + 2.2))
            y += 13
        elif kind == "row":
            lab = wrap(it[1], LABEL_FONT, SIZE, LABEL_W)
            val = wrap(it[2], VALUE_FONT, SIZE, VALUE_W)
            n = max(len(lab), len(val))
            need(n * LEAD)
            for i, line in enumerate(lab):
                pages[-1].append(("text", LEFT, y + i * LEAD, line, LABEL_FONT, SIZE))
            for i, line in enumerate(val):
                pages[-1].append(("text", VALUE_X, y + i * LEAD, line, VALUE_FONT, SIZE))
            y += n * LEAD + 2.2
        elif kind == "cont":
            val = wrap(it[1], VALUE_FONT, SIZE, VALUE_W)
            need(len(val) * LEAD)
            for i, line in enumerate(val):
                pages[-1].append(("text", VALUE_X, y + i * LEAD, line, VALUE_FONT, SIZE))
            y += len(val) * LEAD + 2.2
        elif kind == "question":
            q = wrap(it[1], LABEL_FONT, SIZE, RIGHT - LEFT)
            need((len(q) + 1) * LEAD)
            for i, line in enumerate(q):
                pages[-1].append(("text", LEFT, y + i * LEAD, line, LABEL_FONT, SIZE))
            pages[-1].append(("text", LEFT, y + len(q) * LEAD, it[2], VALUE_FONT, SIZE))
            y += (len(q) + 1) * LEAD + 3
    n_pages = len(pages)
    c = canvas.Canvas(str(path), pagesize=letter, invariant=1)
    c.setTitle("Consular Electronic Application Center - Print Application")
    c.setAuthor("")
    c.setCreator("")
    head = browser_date(*printed)
    for no, ops in enumerate(pages, 1):
        c.setFont("Sans", 7.2)
        c.drawString(30, H - 20, head)
        c.drawCentredString(W / 2 + 40, H - 20, "Consular Electronic Application Center - Print Application")
        c.drawString(30, 18, URL)
        c.drawRightString(W - 30, 18, f"{no}/{n_pages}")
        for op in ops:
            if op[0] == "text":
                _, x, yy, s, f, sz = op
                c.setFont(f, sz)
                c.drawString(x, H - yy, s)
            elif op[0] == "text_c":
                _, x, yy, s, f, sz = op
                c.setFont(f, sz)
                c.drawCentredString(x, H - yy, s)
            elif op[0] == "band":
                _, x, yy, w, h = op
                c.setFillGray(0.86)
                c.rect(x, H - yy - h, w, h, stroke=0, fill=1)
                c.setFillGray(0)
            elif op[0] == "line":
                _, x0, y0, x1, y1 = op
                c.setLineWidth(0.5)
                c.line(x0, H - y0, x1, H - y1)
        c.showPage()
    c.save()
    return n_pages
