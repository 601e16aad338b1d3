"""Text-PDF documents of heldout_scans_2: DS-160 print-outs, refusal letters, a 221(g) slip,
employment letters, справки and passport data pages (reportlab, DejaVu fonts for Cyrillic).

Written from ../../../shared/spec/ds160-print-format.md, fields.md and published wordings
(see README.md), without reading the tool's recognisers or fixtures.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

FD = "/usr/share/fonts/truetype/dejavu/"
for name, file in (("DV", "DejaVuSans.ttf"), ("DVB", "DejaVuSans-Bold.ttf"),
                   ("DVS", "DejaVuSerif.ttf"), ("DVSB", "DejaVuSerif-Bold.ttf"),
                   ("DVSI", "DejaVuSerif-Italic.ttf"), ("DVM", "DejaVuSansMono.ttf"),
                   ("DVC", "DejaVuSansCondensed.ttf"), ("DVCB", "DejaVuSansCondensed-Bold.ttf")):
    pdfmetrics.registerFont(TTFont(name, FD + file))

MONTHS = ["JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY", "AUGUST",
          "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER"]


def ds_date(d: date) -> str:
    return f"{d.day:02d} {MONTHS[d.month - 1]} {d.year}"


# --- the DS-160 print-out -------------------------------------------------------------------------

def render_print(path: Path, app_id: str, printed: datetime, sections: list, layout: str = "table",
                 url_node: str = "Print") -> int:
    """Write a print-out.  ``sections`` is [(title, rows)], a row ('Label:', 'VALUE') or
    ('Label?', None) for a sub-heading.  ``layout``: 'table' (label left, value right) or
    'stacked' (value on the line below its label).  Returns the number of pages."""
    W, H = LETTER
    c = canvas.Canvas(str(path), pagesize=LETTER, invariant=1)
    c.setTitle("Consular Electronic Application Center - Print Application")
    # count pages first with a dry run
    pages = _flow(None, sections, layout, app_id)
    stamp = f"{printed.month}/{printed.day}/{printed.strftime('%y')}, " \
            f"{int(printed.strftime('%I'))}:{printed.strftime('%M %p')}"
    _flow(c, sections, layout, app_id, total=pages, stamp=stamp, node=url_node)
    c.save()
    return pages


def _chrome(c, n, total, stamp, node):
    W, H = LETTER
    c.setFont("DV", 7.5)
    c.drawString(30, H - 20, stamp)
    c.drawCentredString(W / 2, H - 20, "Consular Electronic Application Center - Print Application")
    c.drawString(30, 18, f"https://ceac.state.gov/GenNIV/General/complete/complete_print.aspx?node={node}")
    c.drawRightString(W - 30, 18, f"{n}/{total}")


def _flow(c, sections, layout, app_id, total=0, stamp="", node="Print") -> int:
    W, H = LETTER
    top, bottom = H - 48, 48
    page = 1
    y = top
    lx, lw, vx, vw = 56, 250, 322, 236
    size, lead = 9, 11.2

    def newpage():
        nonlocal page, y
        if c:
            _chrome(c, page, total, stamp, node)
            c.showPage()
        page += 1
        y = top

    # title block
    if c:
        c.setFont("DVB", 13)
        c.drawCentredString(W / 2, y - 6, "Online Nonimmigrant Visa Application (DS-160)")
        c.setFont("DV", 8.5)
        c.drawCentredString(W / 2, y - 20, "Application - Sensitive But Unclassified(SBU)")
        c.setFont("DVB", 9)
        c.drawString(lx, y - 40, "Application ID:")
        c.setFont("DV", 9)
        c.drawString(vx, y - 40, app_id)
    y -= 58
    for title, rows in sections:
        if y - 40 < bottom:
            newpage()
        if c:
            c.setFont("DVB", 10.5)
            c.drawString(lx - 8, y, title)
            c.setLineWidth(0.6)
            c.line(lx - 8, y - 3, W - 48, y - 3)
        y -= 19
        for label, value in rows:
            llines = simpleSplit(label, "DVB" if value is None else "DV", size, lw if layout == "table" else 480)
            if value is None:
                need = len(llines) * lead + 3
                if y - need < bottom:
                    newpage()
                if c:
                    c.setFont("DVB", size)
                    for i, s in enumerate(llines):
                        c.drawString(lx, y - i * lead, s)
                y -= need
                continue
            vlines = simpleSplit(value, "DV", size, vw if layout == "table" else 460)
            if layout == "table":
                need = max(len(llines), len(vlines)) * lead + 3.5
            else:
                need = (len(llines) + len(vlines)) * lead + 4
            if y - need < bottom:
                newpage()
            if c:
                c.setFont("DV", size)
                for i, s in enumerate(llines):
                    c.drawString(lx, y - i * lead, s)
                c.setFont("DVB", size)
                if layout == "table":
                    for i, s in enumerate(vlines):
                        c.drawString(vx, y - i * lead, s)
                else:
                    for i, s in enumerate(vlines):
                        c.drawString(lx + 18, y - (len(llines) + i) * lead, s)
            y -= need
        y -= 8
    if c:
        _chrome(c, page, total, stamp, node)
        c.showPage()
    return page


# --- letters --------------------------------------------------------------------------------------

def _para(c, text, x, y, width, font="DVS", size=10.5, lead=14.5):
    for line in simpleSplit(text, font, size, width):
        c.setFont(font, size)
        c.drawString(x, y, line)
        y -= lead
    return y


def render_letter(path: Path, head: list[tuple[str, str, float]], blocks: list, pagesize=LETTER,
                  title: str = "") -> None:
    """A one-page letter: ``head`` lines (text, font, size) centred at the top, then blocks:
    ('p', text), ('gap', pts), ('l', text) a left line, ('r', text) a right-aligned line,
    ('b', text) bold line, ('box', checked, text) a check-box item."""
    W, H = pagesize
    c = canvas.Canvas(str(path), pagesize=pagesize, invariant=1)
    if title:
        c.setTitle(title)
    y = H - 60
    for text, font, size in head:
        c.setFont(font, size)
        c.drawCentredString(W / 2, y, text)
        y -= size + 4
    c.setLineWidth(0.8)
    c.line(60, y + 2, W - 60, y + 2)
    y -= 22
    x, width = 72, W - 144
    for b in blocks:
        kind = b[0]
        if kind == "p":
            y = _para(c, b[1], x, y, width) - 7
        elif kind == "gap":
            y -= b[1]
        elif kind == "l":
            c.setFont("DVS", 10.5)
            c.drawString(x, y, b[1])
            y -= 14.5
        elif kind == "b":
            c.setFont("DVSB", 10.5)
            c.drawString(x, y, b[1])
            y -= 15
        elif kind == "c":
            c.setFont("DVSB", 12)
            c.drawCentredString(W / 2, y, b[1])
            y -= 20
        elif kind == "r":
            c.setFont("DVS", 10.5)
            c.drawRightString(W - 72, y, b[1])
            y -= 14.5
        elif kind == "box":
            c.rect(x, y - 2, 9, 9)
            if b[1]:
                c.setFont("DVB", 10)
                c.drawString(x + 1.2, y - 0.5, "X")
            y = _para(c, b[2], x + 16, y, width - 16, size=10) - 4
    c.showPage()
    c.save()


# --- passport data page ---------------------------------------------------------------------------

def render_passport(path: Path, p: dict) -> None:
    """An ICAO TD3 data page, 125 x 88 mm, with trilingual captions and the two MRZ lines."""
    W, H = 125 * mm, 88 * mm
    c = canvas.Canvas(str(path), pagesize=(W, H), invariant=1)
    c.setTitle("passport data page")
    c.setFillColorRGB(0.93, 0.95, 0.9)
    c.rect(0, 0, W, H, fill=1, stroke=0)
    c.setFillColorRGB(0, 0, 0)
    c.setFont("DVB", 7)
    c.drawString(6 * mm, H - 6 * mm, p["header"])
    c.setFont("DVB", 7.5)
    c.drawRightString(W - 6 * mm, H - 10 * mm, p["doc_word"])
    # photo box
    c.setFillColorRGB(0.78, 0.8, 0.82)
    c.rect(6 * mm, 24 * mm, 30 * mm, 40 * mm, fill=1, stroke=0)
    c.setFillColorRGB(0, 0, 0)
    x0 = 40 * mm
    y = H - 13.5 * mm
    for cap, val in p["rows"]:
        c.setFont("DV", 4.8)
        c.drawString(x0, y, cap)
        c.setFont("DVB", 7.6)
        c.drawString(x0, y - 3.3 * mm, val)
        y -= 5.45 * mm
    c.setFont("DVM", 10.2)
    c.drawString(4.5 * mm, 13 * mm, p["mrz"][0])
    c.drawString(4.5 * mm, 7 * mm, p["mrz"][1])
    c.showPage()
    c.save()


# --- ICAO 9303 check digits -------------------------------------------------------------------------

def check_digit(s: str) -> str:
    total = 0
    for i, ch in enumerate(s):
        if ch.isdigit():
            v = int(ch)
        elif ch.isalpha():
            v = ord(ch.upper()) - 55
        else:
            v = 0
        total += v * (7, 3, 1)[i % 3]
    return str(total % 10)


def td3(code: str, surname: str, given: str, number: str, nationality: str, dob: date, sex: str,
        expiry: date, personal: str = "", break_dob_digit: bool = False) -> tuple[str, str]:
    name = (surname.replace(" ", "<") + "<<" + given.replace(" ", "<")).replace("-", "<")
    l1 = ("P<" + code + name + "<" * 44)[:44]
    num = (number + "<" * 9)[:9]
    b = dob.strftime("%y%m%d")
    e = expiry.strftime("%y%m%d")
    pn = (personal + "<" * 14)[:14]
    cn, cb, ce = check_digit(num), check_digit(b), check_digit(e)
    cp = check_digit(pn) if personal else "<"
    if break_dob_digit:  # one wrong digit; the composite is computed over the line as printed
        cb = str((int(cb) + 3) % 10)
    comp = check_digit(num + cn + b + cb + e + ce + pn + cp)
    l2 = num + cn + nationality + b + cb + sex + e + ce + pn + cp + comp
    assert len(l1) == 44 and len(l2) == 44, (l1, l2)
    return l1, l2
