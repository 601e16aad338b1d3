"""The documents of held-out set 4 as text PDFs: DS-160 print-outs, consular letters, employment
letters and passport data pages. Written for this set alone (own layout, own code), from
``../shared/spec/ds160-print-format.md``; nothing here reads or imports the tool.

Every PDF is written with ``invariant=1`` so that two runs give byte-identical files.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportlab.lib.colors import Color
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
_FONTS = {
    "C": "DejaVuSansCondensed.ttf",
    "CB": "DejaVuSansCondensed-Bold.ttf",
    "S": "DejaVuSerif.ttf",
    "SB": "DejaVuSerif-Bold.ttf",
    "SI": "DejaVuSerif-Italic.ttf",
    "M": "DejaVuSansMono.ttf",
    "MB": "DejaVuSansMono-Bold.ttf",
    "N": "DejaVuSans.ttf",
    "NB": "DejaVuSans-Bold.ttf",
}
for _name, _file in _FONTS.items():
    pdfmetrics.registerFont(TTFont("hs4" + _name, str(FONT_DIR / _file)))


def F(name: str) -> str:
    return "hs4" + name


A4 = (595.28, 841.89)
LETTER = (612.0, 792.0)
MONTHS = ["JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY", "AUGUST",
          "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER"]


def ds_date(iso: str) -> str:
    """``2019-07-08`` -> ``08 JULY 2019`` (``2019-07`` -> ``JULY 2019``), as CEAC prints it."""
    parts = iso.split("-")
    if len(parts) == 2:
        return f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
    return f"{int(parts[2]):02d} {MONTHS[int(parts[1]) - 1]} {parts[0]}"


def long_date(iso: str) -> str:
    d = dt.date.fromisoformat(iso)
    return f"{d.strftime('%B')} {d.day}, {d.year}"


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    out: list[str] = []
    for para in text.split("\n"):
        line = ""
        for word in para.split(" "):
            cand = word if not line else line + " " + word
            if pdfmetrics.stringWidth(cand, font, size) <= width or not line:
                line = cand
            else:
                out.append(line)
                line = word
        out.append(line)
    return out


def new_canvas(path: Path, size=A4) -> canvas.Canvas:
    c = canvas.Canvas(str(path), pagesize=size, invariant=1, pageCompression=1)
    c.setAuthor("")
    c.setCreator("")
    c.setProducer("")
    return c


# --- the DS-160 print-out ------------------------------------------------------------------------

@dataclass
class PrintForm:
    app_id: str
    printed: str            # ISO date of the browser's print header
    printed_time: str       # "4:07 PM"
    items: list[tuple] = field(default_factory=list)

    def section(self, title: str) -> None:
        self.items.append(("section", title))

    def sub(self, title: str) -> None:
        self.items.append(("sub", title))

    def row(self, label: str, value: str) -> None:
        self.items.append(("row", label, value))


def render_print(form: PrintForm, path: Path) -> int:
    """Write the print-out; returns its number of pages. A4, label column left, answers in a
    right-hand column, section titles bold with a rule, sub-titles in small capitals."""
    W, H = A4
    left, right = 46.0, W - 46.0
    label_w = 262.0
    val_x = left + label_w + 12
    val_w = right - val_x
    size = 8.8
    lead = 11.2
    top0 = H - 64
    bottom = 58
    pages: list[list[tuple]] = [[]]
    y = top0
    # page 1 title block
    ops = pages[0]
    ops.append(("text", W / 2, y, F("NB"), 13.5, "Online Nonimmigrant Visa Application (DS-160)", "c"))
    y -= 15
    ops.append(("text", W / 2, y, F("C"), 8.2, "Application - Sensitive But Unclassified(SBU)", "c"))
    y -= 20
    ops.append(("text", left, y, F("CB"), 9.5, f"Application ID: {form.app_id}", "l"))
    y -= 18

    def need(h: float) -> None:
        nonlocal y, ops
        if y - h < bottom:
            pages.append([])
            ops = pages[-1]
            y = top0

    for it in form.items:
        if it[0] == "section":
            need(40)
            y -= 8
            ops.append(("text", left, y, F("NB"), 10.6, it[1], "l"))
            ops.append(("line", left, y - 4, right, y - 4, 0.9))
            y -= 19
        elif it[0] == "sub":
            need(30)
            y -= 3
            ops.append(("text", left + 4, y, F("CB"), 8.9, it[1].upper(), "l"))
            y -= 14
        else:
            _, label, value = it
            lab = wrap(label, F("C"), size, label_w)
            val = wrap(value, F("C"), size, val_w)
            n = max(len(lab), len(val))
            need(n * lead + 2)
            for i, s in enumerate(lab):
                ops.append(("text", left + 8, y - i * lead, F("C"), size, s, "l"))
            for i, s in enumerate(val):
                ops.append(("text", val_x, y - i * lead, F("C"), size, s, "l"))
            y -= n * lead + 3.2
    n_pages = len(pages)
    c = new_canvas(path, A4)
    d = dt.date.fromisoformat(form.printed)
    stamp = f"{d.month}/{d.day}/{d.year % 100:02d}, {form.printed_time}"
    for pno, ops in enumerate(pages, 1):
        c.setFont(F("C"), 7.6)
        c.drawString(28, H - 24, stamp)
        c.drawCentredString(W / 2 + 40, H - 24,
                            "Consular Electronic Application Center - Print Application")
        c.drawString(28, 22, "https://ceac.state.gov/GenNIV/General/complete/complete_print.aspx")
        c.drawRightString(W - 28, 22, f"{pno}/{n_pages}")
        for op in ops:
            if op[0] == "text":
                _, x, yy, font, sz, s, align = op
                c.setFont(font, sz)
                if align == "c":
                    c.drawCentredString(x, yy, s)
                else:
                    c.drawString(x, yy, s)
            else:
                _, x0, y0, x1, y1, lw = op
                c.setLineWidth(lw)
                c.line(x0, y0, x1, y1)
        c.showPage()
    c.save()
    return n_pages


# --- letters ----------------------------------------------------------------------------------------

@dataclass
class Letter:
    head: list[str]                     # letterhead lines (first bold)
    date_line: str
    blocks: list[tuple]                 # ("p", text) ("b", bold text) ("box", checked, text) ("gap",)
    ref: str | None = None
    addressee: list[str] = field(default_factory=list)
    closing: list[str] = field(default_factory=list)
    serif: bool = True
    size: tuple[float, float] = LETTER
    stamp: str | None = None            # text of an ink stamp drawn into the text PDF too? no: scans only


def render_letter(letter: Letter, path: Path) -> None:
    W, H = letter.size
    body = F("S") if letter.serif else F("N")
    bold = F("SB") if letter.serif else F("NB")
    left, right = 72.0, W - 72.0
    c = new_canvas(path, letter.size)
    y = H - 70
    for i, s in enumerate(letter.head):
        c.setFont(bold if i == 0 else body, 12.5 if i == 0 else 9.5)
        c.drawCentredString(W / 2, y, s)
        y -= 16 if i == 0 else 12.5
    c.setLineWidth(0.7)
    c.line(left, y + 4, right, y + 4)
    y -= 20
    if letter.ref:
        c.setFont(body, 10)
        c.drawString(left, y, letter.ref)
    c.setFont(body, 10)
    c.drawRightString(right, y, letter.date_line)
    y -= 26
    for s in letter.addressee:
        c.setFont(body, 10.5)
        c.drawString(left, y, s)
        y -= 14
    if letter.addressee:
        y -= 8
    size, lead = 10.5, 14.2
    for blk in letter.blocks:
        if y < 90:
            c.showPage()
            y = H - 72
        if blk[0] == "gap":
            y -= 8
            continue
        if blk[0] == "box":
            _, checked, text = blk
            c.setLineWidth(0.8)
            c.rect(left + 4, y - 2, 9, 9)
            if checked:
                c.setFont(bold, 10)
                c.drawString(left + 5.6, y - 0.5, "X")
            lines = wrap(text, body, size, right - left - 26)
            c.setFont(body, size)
            for j, s in enumerate(lines):
                c.drawString(left + 22, y - j * lead, s)
            y -= len(lines) * lead + 4
            continue
        font = bold if blk[0] == "b" else body
        lines = wrap(blk[1], font, size, right - left)
        c.setFont(font, size)
        for s in lines:
            if y < 80:
                c.showPage()
                y = H - 72
                c.setFont(font, size)
            c.drawString(left, y, s)
            y -= lead
        y -= 7
    y -= 18
    for s in letter.closing:
        c.setFont(body, 10.5)
        c.drawString(left, y, s)
        y -= 14
    c.showPage()
    c.save()


# --- passport data page ---------------------------------------------------------------------------

def check_digit(s: str) -> str:
    """ICAO 9303 check digit: weights 7, 3, 1; digits as such, A-Z as 10-35, '<' as 0."""
    total = 0
    for i, ch in enumerate(s):
        if ch.isdigit():
            v = int(ch)
        elif ch.isalpha():
            v = ord(ch) - 55
        else:
            v = 0
        total += v * (7, 3, 1)[i % 3]
    return str(total % 10)


def td3_lines(p: dict[str, Any]) -> tuple[str, str]:
    """The two 44-character lines of a TD3 MRZ."""
    name = (p["surname"].replace(" ", "<") + "<<" + p["given"].replace(" ", "<"))
    l1 = ("P<" + p["state"] + name).ljust(44, "<")[:44]
    num = p["number"].ljust(9, "<")
    dob = p["dob"].replace("-", "")[2:]
    exp = p["expiry"].replace("-", "")[2:]
    opt = p.get("optional", "").ljust(14, "<")
    l2 = (num + check_digit(num) + p["nationality"] + dob + check_digit(dob) + p["sex"]
          + exp + check_digit(exp) + opt + check_digit(opt))
    composite = num + check_digit(num) + dob + check_digit(dob) + exp + check_digit(exp) + opt \
        + check_digit(opt)
    l2 = l2 + check_digit(composite)
    assert len(l1) == 44 and len(l2) == 44, (l1, l2)
    return l1, l2


def render_passport(p: dict[str, Any], path: Path) -> tuple[str, str]:
    """One data page (TD3, 125 x 88 mm) centred on an A4 sheet as a copy shop prints it, with
    bilingual captions and the MRZ in a monospaced font."""
    mm = 72 / 25.4
    W, H = A4
    pw, ph = 125 * mm, 88 * mm
    x0, y0 = (W - pw) / 2, H - 90 - ph
    c = new_canvas(path, A4)
    c.setFillColor(Color(0.93, 0.95, 0.93))
    c.roundRect(x0, y0, pw, ph, 8, stroke=1, fill=1)
    # guilloche-ish background lines
    c.setStrokeColor(Color(0.80, 0.86, 0.82))
    c.setLineWidth(0.35)
    for k in range(22):
        c.line(x0 + 6, y0 + 10 + k * 11, x0 + pw - 6, y0 + 16 + k * 10.4)
    c.setStrokeColor(Color(0, 0, 0))
    c.setFillColor(Color(0, 0, 0))
    c.setFont(F("NB"), 8.6)
    c.drawString(x0 + 10, y0 + ph - 16, p["header"])
    c.setFont(F("N"), 6.4)
    c.drawString(x0 + 10, y0 + ph - 25, p["header2"])
    # photo box
    c.setFillColor(Color(0.78, 0.80, 0.82))
    c.rect(x0 + 10, y0 + 48, 30 * mm, 40 * mm, stroke=0, fill=1)
    c.setFillColor(Color(0, 0, 0))
    fx = x0 + 10 + 30 * mm + 12
    fy = y0 + ph - 40
    cap = 5.6
    val = 8.6
    rows = [
        (p["cap_type"], "P", p["cap_code"], p["state"], p["cap_no"], p["number"]),
        (p["cap_surname"], p["surname_print"]),
        (p["cap_given"], p["given_print"]),
        (p["cap_nat"], p["nationality_print"]),
        (p["cap_dob"], p["dob_print"]),
        (p["cap_sex"], p["sex"], p["cap_pob"], p["pob_print"]),
        (p["cap_issue"], p["issue_print"]),
        (p["cap_expiry"], p["expiry_print"]),
        (p["cap_auth"], p["authority"]),
    ]
    for r in rows:
        if len(r) == 6:
            for k, (cp, v) in enumerate(((r[0], r[1]), (r[2], r[3]), (r[4], r[5]))):
                xx = fx + k * 72
                c.setFont(F("N"), cap)
                c.drawString(xx, fy, cp)
                c.setFont(F("NB"), val)
                c.drawString(xx, fy - 9, v)
        elif len(r) == 4:
            c.setFont(F("N"), cap)
            c.drawString(fx, fy, r[0])
            c.drawString(fx + 72, fy, r[2])
            c.setFont(F("NB"), val)
            c.drawString(fx, fy - 9, r[1])
            c.drawString(fx + 72, fy - 9, r[3])
        else:
            c.setFont(F("N"), cap)
            c.drawString(fx, fy, r[0])
            c.setFont(F("NB"), val)
            c.drawString(fx, fy - 9, r[1])
        fy -= 19.5
    l1, l2 = td3_lines(p)
    c.setFillColor(Color(1, 1, 1))
    c.rect(x0 + 2, y0 + 3, pw - 4, 34, stroke=0, fill=1)
    c.setFillColor(Color(0, 0, 0))
    c.setFont(F("M"), 10.2)
    for k, line in enumerate((l1, l2)):
        # spread the 44 characters over the zone's width, as OCR-B is set
        step = (pw - 22) / 44
        for i, ch in enumerate(line):
            c.drawCentredString(x0 + 11 + step * (i + 0.5), y0 + 24 - k * 14, ch)
    c.setFont(F("N"), 7)
    c.drawString(x0, y0 - 16, p.get("footnote", ""))
    c.showPage()
    c.save()
    return l1, l2
