"""The set's documents as PDFs with a text layer (reportlab, invariant mode).

Each writer draws one document; ``gen.py`` renders the same PDF to pixels for the
scan/photo version, so both versions carry the same words.  Wordings are adapted
from published texts (see SOURCES.md); every name, number and company is invented.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
for _name in ("DejaVuSans", "DejaVuSans-Bold", "DejaVuSerif", "DejaVuSerif-Bold",
              "DejaVuSansMono", "DejaVuSansMono-Bold", "DejaVuSans-Oblique"):
    if _name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(_name, str(FONT_DIR / f"{_name}.ttf")))

MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")
MONTHS_RU_GEN = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
                 "сентября", "октября", "ноября", "декабря")
MONTHS_3 = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")

POSTS = {
    "ASTANA": ("Embassy of the United States of America", "Astana, Kazakhstan",
               "Посольство США в Республике Казахстан"),
    "ALMATY": ("Consulate General of the United States of America", "Almaty, Kazakhstan",
               "Генеральное консульство США в г. Алматы"),
    "TASHKENT": ("Embassy of the United States of America", "Tashkent, Uzbekistan",
                 "Посольство США в Республике Узбекистан"),
    "BISHKEK": ("Embassy of the United States of America", "Bishkek, Kyrgyz Republic",
                "Посольство США в Кыргызской Республике"),
}


def d(iso: str) -> date:
    return date.fromisoformat(iso)


def long_en(iso: str) -> str:
    x = d(iso)
    return f"{MONTHS_EN[x.month - 1]} {x.day}, {x.year}"


def day_month_en(iso: str) -> str:
    x = d(iso)
    return f"{x.day} {MONTHS_EN[x.month - 1]} {x.year}"


def ru_date(iso: str) -> str:
    x = d(iso)
    return f"{x.day:02d} {MONTHS_RU_GEN[x.month - 1]} {x.year} года"


def dotted(iso: str) -> str:
    x = d(iso)
    return f"{x.day:02d}.{x.month:02d}.{x.year}"


def group(amount: float, sep: str = ",") -> str:
    return f"{int(amount):,}".replace(",", sep)


class Page:
    """A canvas with a cursor and a few drawing helpers."""

    def __init__(self, path: Path, size=LETTER, title: str = "", margin: float = 72):
        self.c = canvas.Canvas(str(path), pagesize=size, invariant=1)
        self.c.setTitle(title)
        self.w, self.h = size
        self.m = margin
        self.y = self.h - margin

    def text(self, s: str, font: str = "DejaVuSerif", size: float = 11, x: float | None = None,
             align: str = "left", lead: float | None = None, gap: float = 0) -> None:
        self.c.setFont(font, size)
        x0 = self.m if x is None else x
        if align == "center":
            self.c.drawCentredString(self.w / 2, self.y, s)
        elif align == "right":
            self.c.drawRightString(self.w - self.m, self.y, s)
        else:
            self.c.drawString(x0, self.y, s)
        self.y -= (lead or size * 1.35) + gap

    def para(self, s: str, font: str = "DejaVuSerif", size: float = 11, gap: float = 7,
             indent: float = 0, width: float | None = None) -> None:
        width = width or (self.w - 2 * self.m - indent)
        for line in simpleSplit(s, font, size, width):
            self.c.setFont(font, size)
            self.c.drawString(self.m + indent, self.y, line)
            self.y -= size * 1.38
        self.y -= gap

    def rule(self, gap: float = 10, width: float = 0.8) -> None:
        self.c.setLineWidth(width)
        self.c.line(self.m, self.y + 4, self.w - self.m, self.y + 4)
        self.y -= gap

    def skip(self, dy: float) -> None:
        self.y -= dy

    def signature(self, x: float, y: float, seed: int, color=(0.1, 0.15, 0.5)) -> None:
        rnd = random.Random(seed)
        c = self.c
        c.saveState()
        c.setStrokeColorRGB(*color)
        c.setLineWidth(1.1)
        p = c.beginPath()
        p.moveTo(x, y)
        cx = x
        for _ in range(5):
            nx = cx + rnd.uniform(14, 24)
            p.curveTo(cx + 4, y + rnd.uniform(8, 18), nx - 4, y - rnd.uniform(4, 12), nx,
                      y + rnd.uniform(-3, 3))
            cx = nx
        c.drawPath(p, stroke=1, fill=0)
        c.restoreState()

    def stamp(self, x: float, y: float, r: float, ring: str, centre: list[str],
              color=(0.15, 0.25, 0.7)) -> None:
        """A round seal: two circles, the ring text around, a few centre lines."""
        c = self.c
        c.saveState()
        c.setStrokeColorRGB(*color)
        c.setFillColorRGB(*color)
        c.setLineWidth(1.2)
        c.circle(x, y, r, stroke=1, fill=0)
        c.circle(x, y, r * 0.72, stroke=1, fill=0)
        size = r * 0.16
        c.setFont("DejaVuSans-Bold", size)
        n = len(ring)
        for i, ch in enumerate(ring):
            ang = math.pi / 2 + 2 * math.pi * i / n
            c.saveState()
            c.translate(x + r * 0.84 * math.cos(ang), y + r * 0.84 * math.sin(ang))
            c.rotate(math.degrees(ang) - 90)
            c.drawCentredString(0, -size / 3, ch)
            c.restoreState()
        c.setFont("DejaVuSans-Bold", size * 0.95)
        for i, line in enumerate(centre):
            c.drawCentredString(x, y + (len(centre) / 2 - i - 0.7) * size * 1.2, line)
        c.restoreState()

    def save(self) -> None:
        self.c.showPage()
        self.c.save()


def seal_of_state(pg: Page, x: float, y: float, r: float) -> None:
    """A plain round emblem (not the real seal): rings and a star."""
    c = pg.c
    c.saveState()
    c.setStrokeColorRGB(0.2, 0.2, 0.35)
    c.setLineWidth(1)
    c.circle(x, y, r, stroke=1, fill=0)
    c.circle(x, y, r * 0.8, stroke=1, fill=0)
    p = c.beginPath()
    for i in range(11):
        ang = math.pi / 2 + i * 4 * math.pi / 5
        px, py = x + r * 0.55 * math.cos(ang), y + r * 0.55 * math.sin(ang)
        if i == 0:
            p.moveTo(px, py)
        else:
            p.lineTo(px, py)
    c.drawPath(p, stroke=1, fill=0)
    c.restoreState()


def _embassy_head(pg: Page, post: str) -> None:
    name, city, _ = POSTS[post]
    seal_of_state(pg, pg.m + 22, pg.h - 70, 22)
    pg.y = pg.h - 62
    pg.text(name, "DejaVuSerif-Bold", 12.5, x=pg.m + 56)
    pg.text(city + " · Consular Section · Nonimmigrant Visa Unit", "DejaVuSerif", 9.5,
            x=pg.m + 56)
    pg.skip(14)
    pg.rule(18)


# --- refusal documents ------------------------------------------------------------------------

@dataclass
class Applicant:
    surnames: str
    given_names: str
    app_id: str  # the refused application's ID


def refusal_214b(path: Path, post: str, when: str, who: Applicant, variant: str, seed: int
                 ) -> None:
    """A 214(b) refusal sheet.  ``variant`` "a": "This is to inform you..." (Cairo/Ankara
    wording); "b": "Your application for a U.S. visa has been REFUSED" (Kuwait wording)."""
    pg = Page(path, LETTER, "Refusal")
    _embassy_head(pg, post)
    pg.text(long_en(when), "DejaVuSerif", 11, align="right", gap=6)
    pg.text(f"Name: {who.surnames}, {who.given_names}", "DejaVuSerif", 10.5)
    pg.text(f"Application ID: {who.app_id}", "DejaVuSerif", 10.5, gap=10)
    if variant == "a":
        pg.text("Section 214(b) of the U.S. Immigration and Nationality Act (INA)",
                "DejaVuSerif-Bold", 11.5, gap=8)
        pg.text("Dear Applicant:", "DejaVuSerif", 11, gap=6)
        pg.para("This is to inform you that you have been found ineligible for a nonimmigrant "
                "visa under Section 214(b) of the U.S. Immigration and Nationality Act. A denial "
                "under Section 214(b) means that you were not able to demonstrate that your "
                "intended activities in the United States would be consistent with the "
                "classification of the nonimmigrant visa for which you applied.")
        pg.para("Applicants usually meet this requirement by demonstrating strong ties "
                "overseas that indicate they will return after a temporary visit to the United "
                "States: professional, work, school, family or social links to a foreign "
                "country. You have not demonstrated that you have the ties that will compel you "
                "to return to your home country after your travel to the United States.")
        pg.para("Today's decision cannot be appealed. However, you may reapply at any time. If "
                "you decide to reapply, you must submit a new application form and photo, pay "
                "the visa application fee again and make a new appointment to be interviewed. "
                "You should be prepared to provide information that was not presented in your "
                "original application, or to demonstrate that your circumstances have changed "
                "since that application.")
    else:
        pg.text("Refused – 214(b)", "DejaVuSerif-Bold", 12, gap=8)
        pg.text("Dear Applicant,", "DejaVuSerif", 11, gap=6)
        pg.para("Your application for a U.S. visa has been REFUSED.")
        pg.para("The consular officer has found you ineligible for a nonimmigrant visa under "
                "Section 214(b) of the U.S. Immigration and Nationality Act (INA). Under this "
                "section applicants are presumed to be intending immigrants unless they "
                "credibly demonstrate that their economic, family and social ties outside the "
                "United States are strong enough that they will depart at the end of their "
                "authorized stay.")
        pg.para("There is no appeal process for a refusal under Section 214(b). You are not "
                "prohibited from reapplying, but unless you can show credible, new and "
                "compelling ties outside the United States, a different outcome is unlikely. If "
                "you decide to reapply, you must schedule a new interview and pay a new "
                "application fee.")
    pg.skip(16)
    pg.signature(pg.m + 4, pg.y + 6, seed)
    pg.skip(14)
    pg.text("Consular Officer", "DejaVuSerif", 11)
    pg.text("Nonimmigrant Visa Section", "DejaVuSerif", 11)
    pg.save()


def refusal_221g_ap(path: Path, post: str, when: str, who: Applicant, seed: int) -> None:
    """A 221(g) administrative-processing notice (wording of the Kazakhstan/Haiti 221(g)
    pages and the Dominican Republic "letter marked 221(g)" page)."""
    pg = Page(path, A4, "221(g)")
    _embassy_head(pg, post)
    pg.text(day_month_en(when), "DejaVuSerif", 11, align="right", gap=6)
    pg.text(f"Applicant: {who.surnames}, {who.given_names}", "DejaVuSerif", 10.5)
    pg.text(f"Case number: {who.app_id}", "DejaVuSerif", 10.5, gap=10)
    pg.text("NOTICE OF REFUSAL UNDER SECTION 221(g) OF THE", "DejaVuSerif-Bold", 11.5,
            align="center")
    pg.text("IMMIGRATION AND NATIONALITY ACT", "DejaVuSerif-Bold", 11.5, align="center", gap=8)
    pg.para("Your visa application is refused under Section 221(g) of the Immigration and "
            "Nationality Act. Your application requires further administrative processing "
            "before a decision can be made.")
    pg.para("The duration of the administrative processing will vary based on the individual "
            "circumstances of each case. Except in cases of emergency travel (serious illness, "
            "injury or death in your immediate family), please wait at least 180 days from the "
            "date of your interview before making inquiries about the status of your case.")
    pg.para("No further action is required from you at this time. The Consular Section will "
            "contact you when the processing is complete or if more information is needed. You "
            "may check the status of your application online on the CEAC website with the case "
            "number above.")
    pg.skip(16)
    pg.signature(pg.m + 4, pg.y + 6, seed)
    pg.skip(14)
    pg.text("Consular Officer", "DejaVuSerif", 11)
    pg.save()


def refusal_221g_documents(path: Path, post: str, when: str, who: Applicant, ticked: set[int],
                           seed: int) -> None:
    """A 221(g) check-box form asking for documents (the 'letter marked 221(g) ... includes a
    list of documents' described by the Dominican Republic and Kazakhstan pages)."""
    items = [
        "A completed DS-160 application form (re-submit with corrections)",
        "Original passport",
        "Proof of current employment: letter from employer stating position and salary",
        "Bank statements for the last six months",
        "Proof of property ownership",
        "Birth certificate / marriage certificate",
        "Invitation letter from the U.S. host",
        "Other:",
    ]
    pg = Page(path, LETTER, "221(g)")
    _embassy_head(pg, post)
    pg.text(f"Date: {dotted(when)}", "DejaVuSans", 10.5, align="right")
    pg.text(f"Name: {who.surnames} {who.given_names}", "DejaVuSans", 10.5)
    pg.text(f"Application ID: {who.app_id}", "DejaVuSans", 10.5, gap=8)
    pg.text("INA Section 221(g) – Additional Documents Required", "DejaVuSans-Bold", 12,
            gap=6)
    pg.para("Your application for a nonimmigrant visa is refused under Section 221(g) of the "
            "Immigration and Nationality Act because it lacks information the consular "
            "officer needs to complete it. Please provide the documents marked below.",
            "DejaVuSans", 10.5)
    for i, item in enumerate(items):
        box_y = pg.y - 2
        pg.c.setLineWidth(0.8)
        pg.c.rect(pg.m, box_y, 10, 10, stroke=1, fill=0)
        if i in ticked:
            pg.c.setLineWidth(1.6)
            pg.c.line(pg.m + 1.5, box_y + 5, pg.m + 4, box_y + 1.5)
            pg.c.line(pg.m + 4, box_y + 1.5, pg.m + 9.5, box_y + 10)
        pg.text(item, "DejaVuSans", 10.5, x=pg.m + 18, lead=17)
    pg.skip(6)
    pg.para("You have one year from the date of this letter to submit the documents without "
            "paying a new application fee. Bring or send them, with this letter, to the "
            "document collection office. After one year the application is terminated.",
            "DejaVuSans", 10.5)
    pg.skip(10)
    pg.signature(pg.m + 4, pg.y + 6, seed)
    pg.skip(14)
    pg.text("Consular Officer", "DejaVuSans", 10.5)
    pg.save()


def ceac_refused(path: Path, who: Applicant, post: str, created: str, updated: str) -> None:
    """The CEAC 'Visa Status Check' result page with the 'Refused' text, as printed by a
    browser."""
    pg = Page(path, LETTER, "CEAC - Visa Status Check", margin=54)
    c = pg.c
    c.setFont("DejaVuSans", 7.5)
    c.drawString(24, pg.h - 22, "CEAC - Visa Status Check")
    c.drawString(24, 20, "https://ceac.state.gov/CEACStatTracker/Status.aspx")
    c.drawRightString(pg.w - 24, 20, "1/1")
    c.setFillColorRGB(0.11, 0.2, 0.38)
    c.rect(pg.m, pg.h - 110, pg.w - 2 * pg.m, 46, stroke=0, fill=1)
    c.setFillColorRGB(1, 1, 1)
    c.setFont("DejaVuSans-Bold", 13)
    c.drawString(pg.m + 12, pg.h - 86, "CONSULAR ELECTRONIC APPLICATION CENTER")
    c.setFont("DejaVuSans", 8.5)
    c.drawString(pg.m + 12, pg.h - 100, "U.S. Department of State")
    c.setFillColorRGB(0, 0, 0)
    pg.y = pg.h - 140
    pg.text("Visa Status Check", "DejaVuSans-Bold", 14, gap=6)
    pg.text("NONIMMIGRANT VISA (NIV)", "DejaVuSans", 10, gap=8)
    rows = [("Application ID or Case Number:", who.app_id),
            ("Location:", post.title()),
            ("Case Created:", f"{d(created).day:02d}-{MONTHS_EN[d(created).month - 1][:3]}-{d(created).year}"),
            ("Case Last Updated:", f"{d(updated).day:02d}-{MONTHS_EN[d(updated).month - 1][:3]}-{d(updated).year}")]
    for label, value in rows:
        pg.c.setFont("DejaVuSans-Bold", 10)
        pg.c.drawString(pg.m, pg.y, label)
        pg.c.setFont("DejaVuSans", 10)
        pg.c.drawString(pg.m + 190, pg.y, value)
        pg.y -= 16
    pg.skip(14)
    pg.text("Refused", "DejaVuSans-Bold", 20, gap=8)
    pg.para("A U.S. consular officer has adjudicated and refused your visa application. Please "
            "follow any instructions provided by the consular officer. If you were informed by "
            "the consular officer that your case was refused for administrative processing, "
            "your case will remain refused while undergoing such processing. You will receive "
            "another adjudication once such processing is complete.", "DejaVuSans", 10.5)
    pg.para("Please visit travel.state.gov for more information about visa refusals and "
            "administrative processing.", "DejaVuSans", 10.5)
    pg.skip(10)
    pg.text("Close", "DejaVuSans-Bold", 10)
    pg.save()


# --- employment documents ---------------------------------------------------------------------

@dataclass
class Employer:
    name_en: str       # as the form writes it
    head_name: str     # as the letterhead prints it
    address: str
    phone: str
    email: str
    reg_label: str = ""  # "BIN 123..." / "ИНН ..." / "STIR ..."


def letter_en(path: Path, emp: Employer, when: str, ref: str, title: str, salutation: str,
              body: list[str], signer: tuple[str, str], seed: int, annex: list[str] | None = None
              ) -> None:
    """An English employment verification letter on letterhead (template shape from the
    employment-verification guides in SOURCES.md).  ``annex`` adds a second page."""
    pg = Page(path, A4, title, margin=64)
    c = pg.c
    c.setFillColorRGB(0.12, 0.3, 0.45)
    c.rect(0, pg.h - 18, pg.w, 18, stroke=0, fill=1)
    c.setFillColorRGB(0, 0, 0)
    pg.y = pg.h - 60
    pg.text(emp.head_name, "DejaVuSans-Bold", 15)
    pg.text(emp.address, "DejaVuSans", 9)
    pg.text(f"Tel. {emp.phone} · {emp.email}" + (f" · {emp.reg_label}" if emp.reg_label else ""),
            "DejaVuSans", 9, gap=4)
    pg.rule(20)
    pg.text(f"Ref. No. {ref}", "DejaVuSans", 10)
    pg.text(f"Date: {day_month_en(when)}", "DejaVuSans", 10, gap=12)
    pg.text(salutation, "DejaVuSans", 10.5, gap=8)
    pg.text(title.upper(), "DejaVuSans-Bold", 12, align="center", gap=10)
    for para in body:
        pg.para(para, "DejaVuSans", 10.5, gap=8)
    pg.skip(6)
    pg.text("Sincerely,", "DejaVuSans", 10.5, gap=20)
    pg.signature(pg.m + 2, pg.y + 22, seed)
    pg.stamp(pg.m + 250, pg.y + 18, 36, f" {emp.head_name.upper()} * ", ["HR", "DEPARTMENT"])
    pg.text(signer[0], "DejaVuSans-Bold", 10.5)
    pg.text(signer[1], "DejaVuSans", 10.5)
    pg.text(emp.head_name, "DejaVuSans", 10.5)
    if annex:
        pg.c.setFont("DejaVuSans", 8)
        pg.c.drawRightString(pg.w - pg.m, 30, "page 1 of 2")
        pg.c.showPage()
        pg.y = pg.h - 70
        pg.text(f"Annex to letter {ref}", "DejaVuSans-Bold", 11, gap=8)
        for para in annex:
            pg.para(para, "DejaVuSans", 10.5, gap=6)
        pg.c.setFont("DejaVuSans", 8)
        pg.c.drawRightString(pg.w - pg.m, 30, "page 2 of 2")
    pg.save()


def spravka_ru(path: Path, emp: Employer, head_lines: list[str], when: str, number: str,
               addressee: str, kazakh_title: bool, body: list[str],
               signers: list[tuple[str, str]], stamp_ring: str, stamp_centre: list[str],
               seed: int) -> None:
    """A Russian-language 'справка с места работы' in the usual CIS shape: letterhead with
    details, outgoing number and date, the addressee on the right, 'СПРАВКА' in the middle,
    'Дана ... в том, что ...', salary in figures and words, signatures, seal (М.П.)."""
    pg = Page(path, A4, "Справка", margin=60)
    pg.y = pg.h - 58
    for i, line in enumerate(head_lines):
        pg.text(line, "DejaVuSerif-Bold" if i == 0 else "DejaVuSerif", 13 if i == 0 else 9,
                align="center")
    pg.skip(2)
    pg.rule(18, 1.2)
    pg.text(f"Исх. № {number}", "DejaVuSerif", 10.5)
    pg.text(f"от {dotted(when)} г.", "DejaVuSerif", 10.5, gap=10)
    for line in addressee.split("\n"):
        pg.text(line, "DejaVuSerif-Bold", 11, align="right")
    pg.skip(18)
    if kazakh_title:
        pg.text("АНЫҚТАМА", "DejaVuSerif-Bold", 14, align="center")
    pg.text("СПРАВКА", "DejaVuSerif-Bold", 14, align="center", gap=10)
    for para in body:
        pg.para(para, "DejaVuSerif", 11.5, gap=8, indent=0)
    pg.skip(26)
    x_sig = pg.m + 220
    for role, name in signers:
        pg.c.setFont("DejaVuSerif", 11)
        pg.c.drawString(pg.m, pg.y, role)
        pg.c.drawString(x_sig + 90, pg.y, name)
        pg.c.setLineWidth(0.5)
        pg.c.line(x_sig - 10, pg.y - 2, x_sig + 80, pg.y - 2)
        pg.signature(x_sig, pg.y + 2, seed)
        seed += 1
        pg.y -= 34
    pg.stamp(pg.m + 120, pg.y + 48, 44, stamp_ring, stamp_centre)
    pg.text("М.П.", "DejaVuSerif", 10, x=pg.m + 60)
    pg.save()


# --- passport data page (TD3) -----------------------------------------------------------------

@dataclass
class PassportData:
    country: str           # KZ / UZ / KG
    number: str            # as printed, no spaces
    surname: str
    given_names: str
    native: str            # the name in the national script ('' for none)
    nationality: str       # printed, English
    dob: str               # ISO
    sex: str               # M / F
    birth_place: str
    issued: str
    expires: str
    authority: str
    personal_no: str
    mrz: tuple[str, str]


HEADERS = {
    "KZ": ("ҚАЗАҚСТАН РЕСПУБЛИКАСЫ", "REPUBLIC OF KAZAKHSTAN", "ПАСПОРТ / PASSPORT"),
    "UZ": ("O'ZBEKISTON RESPUBLIKASI", "REPUBLIC OF UZBEKISTAN", "PASPORT / PASSPORT"),
    "KG": ("КЫРГЫЗ РЕСПУБЛИКАСЫ", "KYRGYZ REPUBLIC", "ПАСПОРТ / PASSPORT"),
}
LABELS = {
    "KZ": {"type": "Түрі/Type", "code": "Мемлекет коды/Code of State",
           "no": "Паспорт нөмірі/Passport No.", "surname": "Тегі/Surname",
           "given": "Аты/Given names", "nat": "Азаматтығы/Nationality",
           "dob": "Туған күні/Date of birth", "sex": "Жынысы/Sex",
           "pob": "Туған жері/Place of birth", "issue": "Берілген күні/Date of issue",
           "expiry": "Қолданылу мерзімі/Date of expiry", "auth": "Берген орган/Authority",
           "pn": "ЖСН/IIN"},
    "UZ": {"type": "Turi/Type", "code": "Davlat kodi/Code of State",
           "no": "Pasport raqami/Passport No.", "surname": "Familiyasi/Surname",
           "given": "Ismi/Given names", "nat": "Fuqaroligi/Nationality",
           "dob": "Tug'ilgan sanasi/Date of birth", "sex": "Jinsi/Sex",
           "pob": "Tug'ilgan joyi/Place of birth", "issue": "Berilgan sanasi/Date of issue",
           "expiry": "Amal qilish muddati/Date of expiry", "auth": "Kim tomonidan berilgan/Authority",
           "pn": "JShShIR/Personal No."},
    "KG": {"type": "Түрү/Type", "code": "Мамлекеттин коду/Code of State",
           "no": "Паспорттун №/Passport No.", "surname": "Фамилиясы/Surname",
           "given": "Аты/Given names", "nat": "Жарандыгы/Nationality",
           "dob": "Туулган күнү/Date of birth", "sex": "Жынысы/Sex",
           "pob": "Туулган жери/Place of birth", "issue": "Берилген күнү/Date of issue",
           "expiry": "Мөөнөтү/Date of expiry", "auth": "Берген мекеме/Authority",
           "pn": "Жеке номер/Personal No."},
}
CODES = {"KZ": "KAZ", "UZ": "UZB", "KG": "KGZ"}


def viz_date(country: str, iso: str) -> str:
    x = d(iso)
    if country == "UZ":
        return f"{x.day:02d} {MONTHS_3[x.month - 1]} {x.year}"
    return f"{x.day:02d}.{x.month:02d}.{x.year}"


def passport_page(path: Path, p: PassportData, seed: int) -> None:
    """An ID-3 (125 × 88 mm) data page: header, photo, the visual zone and the two MRZ lines
    (DejaVu Sans Mono stands in for OCR-B), on a light guilloche background."""
    w, h = 125 * mm, 88 * mm
    pg = Page(path, (w, h), "Passport", margin=6 * mm)
    c = pg.c
    rnd = random.Random(seed)
    tint = {"KZ": (0.80, 0.90, 0.93), "UZ": (0.85, 0.92, 0.84), "KG": (0.93, 0.86, 0.84)}[p.country]
    c.setFillColorRGB(*[0.5 + t / 2 for t in tint])
    c.rect(0, 0, w, h, stroke=0, fill=1)
    c.setStrokeColorRGB(*tint)
    c.setLineWidth(0.35)
    for k in range(26):
        ph, amp = rnd.uniform(0, 6.28), rnd.uniform(3, 7)
        pth = c.beginPath()
        for i in range(0, 101):
            x = w * i / 100
            y = 12 * mm + k * 2.6 * mm + amp * math.sin(ph + i / 6.0)
            pth.moveTo(x, y) if i == 0 else pth.lineTo(x, y)
        c.drawPath(pth, stroke=1, fill=0)
    c.setFillColorRGB(0.96, 0.97, 0.97)
    c.rect(0, 0, w, 19 * mm, stroke=0, fill=1)  # the MRZ band is kept clear
    c.setFillColorRGB(0.1, 0.12, 0.2)
    top, sub, kind = HEADERS[p.country]
    c.setFont("DejaVuSans-Bold", 7.5)
    c.drawString(6 * mm, h - 7 * mm, top)
    c.drawString(6 * mm, h - 10.5 * mm, sub)
    c.drawRightString(w - 6 * mm, h - 7 * mm, kind)
    # photo
    px, py, pw, ph_ = 6 * mm, 24 * mm, 30 * mm, 40 * mm
    c.saveState()
    clip = c.beginPath()
    clip.rect(px, py, pw, ph_)
    c.clipPath(clip, stroke=0, fill=0)
    c.setFillColorRGB(0.86, 0.86, 0.86)
    c.rect(px, py, pw, ph_, stroke=0, fill=1)
    c.setFillColorRGB(0.55, 0.55, 0.58)
    c.circle(px + pw / 2, py + ph_ * 0.64, pw * 0.22, stroke=0, fill=1)
    c.ellipse(px + pw * 0.12, py - ph_ * 0.2, px + pw * 0.88, py + ph_ * 0.42, stroke=0, fill=1)
    c.restoreState()
    L = LABELS[p.country]
    x1, x2 = 40 * mm, 84 * mm
    rows = [
        ((L["type"], "P"), (L["code"], CODES[p.country])),
        ((L["no"], p.number), None),
        ((L["surname"], p.surname + (f" / {p.native.split()[0]}" if p.native else "")), None),
        ((L["given"], p.given_names + (f" / {' '.join(p.native.split()[1:])}" if p.native else "")), None),
        ((L["nat"], p.nationality), None),
        ((L["dob"], viz_date(p.country, p.dob)), (L["sex"], p.sex)),
        ((L["pob"], p.birth_place), None),
        ((L["issue"], viz_date(p.country, p.issued)), (L["expiry"], viz_date(p.country, p.expires))),
        ((L["auth"], p.authority), (L["pn"], p.personal_no)),
    ]
    y = h - 16 * mm
    for left, right in rows:
        cells = [(left, x1)] + ([(right, x2)] if right is not None else [])
        for (label, value), x in cells:
            c.setFillColorRGB(0.25, 0.28, 0.35)
            c.setFont("DejaVuSans", 4.6)
            c.drawString(x, y, label)
            c.setFillColorRGB(0, 0, 0)
            c.setFont("DejaVuSans-Bold", 7.6)
            c.drawString(x, y - 3.1 * mm, value)
        y -= 5.6 * mm
    c.setFont("DejaVuSansMono", 12)
    c.setFillColorRGB(0, 0, 0)
    c.drawString(5 * mm, 10.5 * mm, p.mrz[0])
    c.drawString(5 * mm, 4.5 * mm, p.mrz[1])
    c.showPage()
    c.save()
