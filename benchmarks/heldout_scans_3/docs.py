"""Drawing the documents of the third held-out scan set (reportlab, text PDFs).

Written blind to the tool's parser and recognisers: the print-out follows only
``../shared/spec/ds160-print-format.md``; the letters are paraphrases of published embassy
texts (see README.md). Everything here is synthetic.

- ``render_print(app, path)``: a DS-160 "Print Application" print-out of this set's own look
  (a grey band per section, labels in a left column of 62 % width, values in bold at the
  right, long questions wrapped with the answer on the first line, numbered group rows,
  browser header and footer on every page);
- ``render_letter(spec, path)``: a one-page letter (letterhead, date, paragraphs, signature),
  any script;
- ``render_passport(p, path)``: an ICAO 9303 TD3 data page (125 x 88 mm) with its MRZ;
- ``td3_mrz(p)`` and ``check_digit(s)``: the machine-readable zone, computed here.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

from reportlab.lib.pagesizes import letter
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
pdfmetrics.registerFont(TTFont("S3", str(FONT_DIR / "DejaVuSans.ttf")))
pdfmetrics.registerFont(TTFont("S3B", str(FONT_DIR / "DejaVuSans-Bold.ttf")))
pdfmetrics.registerFont(TTFont("S3Serif", str(FONT_DIR / "DejaVuSerif.ttf")))
pdfmetrics.registerFont(TTFont("S3SerifB", str(FONT_DIR / "DejaVuSerif-Bold.ttf")))
pdfmetrics.registerFont(TTFont("S3Mono", str(FONT_DIR / "DejaVuSansMono.ttf")))
pdfmetrics.registerFont(TTFont("S3MonoB", str(FONT_DIR / "DejaVuSansMono-Bold.ttf")))

MONTHS = ["JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY", "AUGUST",
          "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER"]


def ds_date(iso: str) -> str:
    """``1990-03-07`` -> ``07 MARCH 1990``; ``2027-11`` -> ``NOVEMBER 2027``."""
    parts = iso.split("-")
    if len(parts) == 2:
        return f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
    return f"{int(parts[2]):02d} {MONTHS[int(parts[1]) - 1]} {parts[0]}"


# --- the DS-160 print-out ----------------------------------------------------------------------

def print_rows(a: dict) -> list[tuple]:
    """The print-out as a list of items: ("H", section title), ("S", sub-title),
    ("R", label, value)."""
    yn = lambda b: "YES" if b else "NO"  # noqa: E731
    r: list[tuple] = []
    add = lambda label, value: r.append(("R", label, value))  # noqa: E731
    r.append(("H", "Personal, Address, Phone, and Passport/Travel Document Information"))
    r.append(("S", "Personal Information 1"))
    add("Surnames:", a["surnames"])
    add("Given Names:", a["given_names"])
    add("Full Name in Native Alphabet:", a.get("native") or "DOES NOT APPLY")
    add("Have you ever used other names (i.e., maiden, religious, professional, alias, etc.)?", "NO")
    add("Do you have a telecode that represents your name?", "NO")
    add("Sex:", a["sex"])
    add("Marital Status:", a["marital"])
    add("Date of Birth:", ds_date(a["dob"]))
    add("City of Birth:", a["birth_city"])
    add("State/Province of Birth:", a.get("birth_state") or "DOES NOT APPLY")
    add("Country/Region of Birth:", a["country"])
    r.append(("S", "Personal Information 2"))
    add("Country/Region of Origin (Nationality):", a["country"])
    add("Do you hold or have you held any nationality other than the one you have listed above?", "NO")
    add("Are you a permanent resident of a country/region other than your country/region of "
        "origin (nationality) indicated above?", "NO")
    add("National Identification Number:", a["national_id"])
    add("U.S. Social Security Number:", "DOES NOT APPLY")
    add("U.S. Taxpayer ID Number:", "DOES NOT APPLY")
    r.append(("S", "Address and Phone Information"))
    add("Home Address:", a["street"])
    add("City:", a["city"])
    add("State/Province:", a.get("state") or "DOES NOT APPLY")
    add("Postal Zone/ZIP Code:", a["postal"])
    add("Country/Region:", a["country"])
    add("Is your Mailing Address the same as your Home Address?", "YES")
    add("Primary Phone Number:", a["phone"])
    add("Secondary Phone Number:", "DOES NOT APPLY")
    add("Work Phone Number:", a["work_phone"])
    add("Email Address:", a["email"])
    add("Social Media Provider/Platform (1):", a["social"][0])
    add("Social Media Identifier (1):", a["social"][1])
    r.append(("S", "Passport Information"))
    add("Passport/Travel Document Type:", "REGULAR")
    add("Passport/Travel Document Number:", a["passport"])
    add("Passport Book Number:", "DOES NOT APPLY")
    add("Country/Authority that Issued Passport/Travel Document:", a["country"])
    add("City:", a["passport_city"])
    add("Country/Region:", a["country"])
    add("Issuance Date:", ds_date(a["passport_issued"]))
    add("Expiration Date:", ds_date(a["passport_expires"]))
    add("Have you ever lost a passport or had one stolen?", "NO")

    r.append(("H", "Travel Information"))
    add("Purpose of Trip to the U.S. (1):", "TEMP. BUSINESS OR PLEASURE VISITOR (B1/B2)")
    add("Specify:", "BUSINESS & TOURISM (TEMPORARY VISITOR) (B1/B2)")
    add("Have you made specific travel plans?", "NO")
    add("Intended Date of Arrival:", ds_date(a["arrival"]))
    add("Intended Length of Stay in U.S.:", a["stay"])
    add("Address Where You Will Stay in the U.S.:", a["us_address"])
    add("Person/Entity Paying for Your Trip:", "SELF")
    r.append(("S", "Travel Companions Information"))
    add("Are there other persons traveling with you?", "NO")
    r.append(("S", "Previous U.S. Travel Information"))
    add("Have you ever been in the U.S.?", yn(a["visits"]))
    for i, (arr, stay) in enumerate(a["visits"], 1):
        add(f"Date Arrived ({i}):", ds_date(arr))
        add(f"Length of Stay ({i}):", stay)
    add("Do you or did you ever hold a U.S. Driver's License?", "NO")
    add("Have you ever been issued a U.S. Visa?", yn(a.get("visa")))
    if a.get("visa"):
        add("Date Last Visa Was Issued:", ds_date(a["visa"][0]))
        add("Visa Number:", a["visa"][1])
        add("Are you applying for the same type of visa?", "YES")
        add("Are you applying in the same country or location where the visa above was issued, "
            "and is this country or location your place of principal of residence?", "YES")
        add("Have you been ten-printed?", "YES")
        add("Has your U.S. Visa ever been lost or stolen?", "NO")
        add("Has your U.S. Visa ever been cancelled or revoked?", "NO")
    add("Have you ever been refused a U.S. Visa, or been refused admission to the United States, "
        "or withdrawn your application for admission at the port of entry?", yn(a["refused"]))
    if a["refused"]:
        add("Explain:", a["refused"])
    add("Has anyone ever filed an immigrant petition on your behalf with the United States "
        "Citizenship and Immigration Services?", "NO")

    r.append(("H", "U.S. Contact Information"))
    c = a["contact"]
    add("Surnames:", c[0])
    add("Given Names:", c[1])
    add("Organization Name:", "DOES NOT APPLY")
    add("Relationship to You:", c[2])
    add("U.S. Street Address (Line 1):", c[3])
    add("City:", c[4])
    add("State:", c[5])
    add("ZIP Code:", c[6])
    add("Phone Number:", c[7])
    add("Email Address:", "DOES NOT APPLY")

    r.append(("H", "Family Information"))
    r.append(("S", "Father's Full Name and Date of Birth"))
    add("Surnames:", a["father"][0])
    add("Given Names:", a["father"][1])
    add("Date of Birth:", ds_date(a["father"][2]))
    add("Is your father in the U.S.?", "NO")
    r.append(("S", "Mother's Full Name and Date of Birth"))
    add("Surnames:", a["mother"][0])
    add("Given Names:", a["mother"][1])
    add("Date of Birth:", ds_date(a["mother"][2]))
    add("Is your mother in the U.S.?", "NO")
    add("Do you have any immediate relatives, not including parents, in the United States?", "NO")
    add("Do you have any other relatives in the United States?", "NO")
    if a.get("spouse"):
        s = a["spouse"]
        r.append(("S", "Spouse Information"))
        add("Spouse's Surnames:", s[0])
        add("Spouse's Given Names:", s[1])
        add("Spouse's Date of Birth:", ds_date(s[2]))
        add("Spouse's Country/Region of Origin (Nationality):", a["country"])
        add("Spouse's City of Birth:", s[3])
        add("Spouse's Country/Region of Birth:", a["country"])
        add("Spouse's Address:", "SAME AS HOME ADDRESS")

    r.append(("H", "Work/Education/Training Information"))
    r.append(("S", "Present Work/Education/Training Information"))
    w = a["work"]
    add("Primary Occupation:", w["occupation"])
    add("Present Employer or School Name:", w["employer"])
    add("Address:", w["address"])
    add("City:", w["city"])
    add("Country/Region:", a["country"])
    add("Phone Number:", a["work_phone"])
    add("Start Date:", ds_date(w["start"]))
    add("Monthly Income in Local Currency (if employed):", f"{w['income']}")
    add("Briefly describe your duties:", w["duties"])
    r.append(("S", "Previous Work/Education/Training Information"))
    add("Were you previously employed?", yn(a["previous"]))
    for i, p in enumerate(a["previous"], 1):
        add(f"Employer Name ({i}):", p["name"])
        add(f"Employer Street Address (Line 1) ({i}):", p["address"])
        add(f"City ({i}):", p["city"])
        add(f"Country/Region ({i}):", a["country"])
        add(f"Telephone Number ({i}):", p["phone"])
        add(f"Job Title ({i}):", p["title"])
        add(f"Supervisor's Surname ({i}):", p["sup"][0])
        add(f"Supervisor's Given Names ({i}):", p["sup"][1])
        add(f"Employment Date From ({i}):", ds_date(p["from"]))
        add(f"Employment Date To ({i}):", ds_date(p["to"]))
        add(f"Briefly describe your duties ({i}):", p["duties"])
    add("Have you attended any educational institutions at a secondary level or above?", "YES")
    e = a["school"]
    add("Name of Institution (1):", e[0])
    add("Street Address (Line 1) (1):", e[1])
    add("City (1):", e[2])
    add("Country/Region (1):", a["country"])
    add("Course of Study (1):", e[3])
    add("Date of Attendance From (1):", ds_date(e[4]))
    add("Date of Attendance To (1):", ds_date(e[5]))
    r.append(("S", "Additional Work/Education/Training Information"))
    add("Do you belong to a clan or tribe?", "NO")
    for i, lang in enumerate(a["languages"], 1):
        add(f"Language Name ({i}):", lang)
    add("Have you traveled to any countries/regions within the last five years?", yn(a["countries"]))
    for i, cn in enumerate(a["countries"], 1):
        add(f"Country/Region ({i}):", cn)
    add("Have you belonged to, contributed to, or worked for any professional, social, or "
        "charitable organization?", "NO")
    add("Do you have any specialized skills or training, such as firearms, explosives, nuclear, "
        "biological, or chemical experience?", "NO")
    add("Have you ever served in the military?", "NO")
    add("Have you ever served in, been a member of, or been involved with a paramilitary unit, "
        "vigilante unit, rebel group, guerrilla group, or insurgent organization?", "NO")

    r.append(("H", "Security and Background"))
    for part, qs in SECURITY:
        r.append(("S", part))
        for q in qs:
            add(q, "NO")
    return r


SECURITY = [
    ("Security and Background: Part 1", [
        "Do you have a communicable disease of public health significance? (Communicable diseases "
        "of public significance include chancroid, gonorrhea, granuloma inguinale, infectious "
        "leprosy, lymphogranuloma venereum, infectious stage syphilis, active tuberculosis, and "
        "other diseases as determined by the Department of Health and Human Services.)",
        "Do you have a mental or physical disorder that poses or is likely to pose a threat to the "
        "safety or welfare of yourself or others?",
        "Are you or have you ever been a drug abuser or addict?"]),
    ("Security and Background: Part 2", [
        "Have you ever been arrested or convicted for any offense or crime, even though subject of a "
        "pardon, amnesty, or other similar action?",
        "Have you ever violated, or engaged in a conspiracy to violate, any law relating to "
        "controlled substances?",
        "Are you coming to the United States to engage in prostitution or unlawful commercialized "
        "vice or have you been engaged in prostitution or procuring prostitutes within the past 10 "
        "years?",
        "Have you ever been involved in, or do you seek to engage in, money laundering?"]),
    ("Security and Background: Part 3", [
        "Do you seek to engage in espionage, sabotage, export control violations, or any other "
        "illegal activity while in the United States?",
        "Have you ever committed, ordered, incited, assisted, or otherwise participated in "
        "genocide?"]),
    ("Security and Background: Part 4", [
        "Have you ever been the subject of a removal or deportation hearing?",
        "Have you ever sought to obtain or assist others to obtain a visa, entry into the United "
        "States, or any other United States immigration benefit by fraud or willful "
        "misrepresentation or other unlawful means?"]),
    ("Security and Background: Part 5", [
        "Have you ever withheld custody of a U.S. citizen child outside the United States from a "
        "person granted legal custody by a U.S. court?",
        "Have you voted in the United States in violation of any law or regulation?"]),
]

PAGE_W, PAGE_H = letter
LEFT, RIGHT = 40, PAGE_W - 40
VALUE_X = 40 + 0.62 * (RIGHT - 40)
LABEL_W = VALUE_X - 40 - 14
LINE = 12.5


def _wrap(c: canvas.Canvas, text: str, font: str, size: float, width: float) -> list[str]:
    words, lines, cur = text.split(), [], ""
    for w in words:
        t = (cur + " " + w).strip()
        if c.stringWidth(t, font, size) <= width or not cur:
            cur = t
        else:
            lines.append(cur)
            cur = w
    if cur:
        lines.append(cur)
    return lines or [""]


def render_print(a: dict, path: Path) -> int:
    """Draw the print-out; returns the number of pages."""
    rows = print_rows(a)
    printed = a["printed"]  # (iso date, "4:05 PM")
    d = dt.date.fromisoformat(printed[0])
    stamp = f"{d.month}/{d.day}/{d.strftime('%y')}, {printed[1]}"
    # lay out first to know the page count
    c = canvas.Canvas(str(path), pagesize=letter, invariant=1)
    c.setTitle("Consular Electronic Application Center - Print Application")
    c.setAuthor("")
    pages: list[list[tuple]] = [[]]
    y = PAGE_H - 120
    for item in rows:
        if item[0] == "H":
            need = 34
        elif item[0] == "S":
            need = 22
        else:
            lines = _wrap(c, item[1], "S3", 9, LABEL_W)
            vlines = _wrap(c, item[2], "S3B", 9, RIGHT - VALUE_X)
            need = max(len(lines), len(vlines)) * LINE + 4
        if y - need < 60:
            pages.append([])
            y = PAGE_H - 60
        pages[-1].append((item, y))
        y -= need
    n = len(pages)
    for pno, items in enumerate(pages, 1):
        c.setFont("S3", 7.5)
        c.setFillGray(0.25)
        c.drawString(LEFT - 12, PAGE_H - 24, stamp)
        c.drawCentredString(PAGE_W / 2, PAGE_H - 24,
                            "Consular Electronic Application Center - Print Application")
        c.drawString(LEFT - 12, 22, "https://ceac.state.gov/GenNIV/General/complete/"
                     "complete_personalreview.aspx?node=Review")
        c.drawRightString(RIGHT + 12, 22, f"{pno}/{n}")
        c.setFillGray(0)
        if pno == 1:
            c.setFont("S3B", 13)
            c.drawCentredString(PAGE_W / 2, PAGE_H - 58, "Online Nonimmigrant Visa Application (DS-160)")
            c.setFont("S3", 9)
            c.drawCentredString(PAGE_W / 2, PAGE_H - 74, "Application - Sensitive But Unclassified(SBU)")
            c.setFont("S3B", 10)
            c.drawString(LEFT, PAGE_H - 98, f"Application ID: {a['app_id']}")
        for item, y in items:
            if item[0] == "H":
                c.setFillGray(0.86)
                c.rect(LEFT - 4, y - 22, RIGHT - LEFT + 8, 19, stroke=0, fill=1)
                c.setFillGray(0)
                c.setFont("S3B", 11)
                c.drawString(LEFT, y - 16, item[1])
            elif item[0] == "S":
                c.setFont("S3B", 9.5)
                c.drawString(LEFT, y - 12, item[1])
                c.setLineWidth(0.4)
                c.line(LEFT, y - 15, RIGHT, y - 15)
            else:
                lines = _wrap(c, item[1], "S3", 9, LABEL_W)
                vlines = _wrap(c, item[2], "S3B", 9, RIGHT - VALUE_X)
                c.setFont("S3", 9)
                for k, ln in enumerate(lines):
                    c.drawString(LEFT, y - 10 - k * LINE, ln)
                c.setFont("S3B", 9)
                for k, ln in enumerate(vlines):
                    c.drawString(VALUE_X, y - 10 - k * LINE, ln)
        c.showPage()
    c.save()
    return n


def golden_fields(a: dict) -> dict:
    """What a faithful reading of the print-out gives for a subset of keys (docs/extraction.md
    types), written from the model, not from any reading."""
    f = {
        "application.id": a["app_id"],
        "application.document": "print",
        "personal.surnames": a["surnames"],
        "personal.given_names": a["given_names"],
        "personal.sex": a["sex"],
        "personal.marital_status": a["marital"],
        "personal.date_of_birth": a["dob"],
        "personal.birth_city": a["birth_city"],
        "personal.birth_country": a["country"],
        "personal.nationality": a["country"],
        "personal.national_id": a["national_id"].replace(" ", "").replace("-", ""),
        "contact.home_city": a["city"],
        "contact.email": a["email"],
        "contact.primary_phone": "+" + "".join(ch for ch in a["phone"] if ch.isdigit()),
        "passport.number": a["passport"],
        "passport.issue_date": a["passport_issued"],
        "passport.expiration_date": a["passport_expires"],
        "previous_travel.been_in_us": bool(a["visits"]),
        "previous_travel.visa_issued": bool(a.get("visa")),
        "previous_travel.refused": bool(a["refused"]),
        "work.primary_occupation": a["work"]["occupation"],
        "work.present_employer": a["work"]["employer"],
        "work.present_start_date": a["work"]["start"],
        "work.previously_employed": bool(a["previous"]),
        "additional.traveled_last_five_years": bool(a["countries"]),
        "additional.countries_visited": list(a["countries"]),
        "additional.languages": list(a["languages"]),
    }
    if a.get("native"):
        f["personal.full_name_native"] = a["native"]
    return f


# --- letters -------------------------------------------------------------------------------------

def render_letter(spec: dict, path: Path, pagesize=None) -> None:
    """spec: head (list of letterhead lines), date, to (list), subject, body (paragraphs),
    sign (list), font ('sans'|'serif'), boxes (optional list of (ticked, text))."""
    from reportlab.lib.pagesizes import A4
    ps = pagesize or A4
    W, H = ps
    c = canvas.Canvas(str(path), pagesize=ps, invariant=1)
    c.setTitle(spec.get("title", "letter"))
    regular, bold = ("S3Serif", "S3SerifB") if spec.get("font") == "serif" else ("S3", "S3B")
    y = H - 60
    for i, ln in enumerate(spec["head"]):
        c.setFont(bold if i == 0 else regular, 13 if i == 0 else 9.5)
        c.drawCentredString(W / 2, y, ln)
        y -= 17 if i == 0 else 13
    c.setLineWidth(0.8)
    c.line(50, y + 4, W - 50, y + 4)
    y -= 22
    c.setFont(regular, 10.5)
    if spec.get("ref"):
        c.drawString(55, y, spec["ref"])
    c.drawRightString(W - 55, y, spec["date"])
    y -= 28
    for ln in spec.get("to", []):
        c.drawString(55, y, ln)
        y -= 14
    y -= 8
    if spec.get("subject"):
        c.setFont(bold, 11.5)
        for ln in _wrap(c, spec["subject"], bold, 11.5, W - 110):
            c.drawCentredString(W / 2, y, ln)
            y -= 16
        y -= 6
    c.setFont(regular, 10.5)
    for para in spec["body"]:
        for ln in _wrap(c, para, regular, 10.5, W - 110):
            c.drawString(55, y, ln)
            y -= 14.5
        y -= 8
    for ticked, text in spec.get("boxes", []):
        c.rect(60, y - 2, 9, 9)
        if ticked:
            c.setFont(bold, 10)
            c.drawString(61.2, y - 0.5, "X")
            c.setFont(regular, 10.5)
        lines = _wrap(c, text, regular, 10.5, W - 150)
        for k, ln in enumerate(lines):
            c.drawString(78, y - k * 14.5, ln)
        y -= 14.5 * len(lines) + 6
    y -= 14
    for ln in spec.get("sign", []):
        c.drawString(55, y, ln)
        y -= 14
    c.showPage()
    c.save()


# --- passports -----------------------------------------------------------------------------------

def check_digit(s: str) -> str:
    """ICAO 9303 check digit: weights 7, 3, 1; digits as themselves, A-Z as 10-35, '<' as 0."""
    total = 0
    for i, ch in enumerate(s):
        if ch.isdigit():
            v = int(ch)
        elif "A" <= ch <= "Z":
            v = ord(ch) - 55
        elif ch == "<":
            v = 0
        else:
            raise ValueError(ch)
        total += v * (7, 3, 1)[i % 3]
    return str(total % 10)


def _yymmdd(iso: str) -> str:
    return iso[2:4] + iso[5:7] + iso[8:10]


def td3_mrz(p: dict) -> tuple[str, str]:
    name = (p["surname"].replace(" ", "<") + "<<" + p["given"].replace(" ", "<"))
    l1 = ("P<" + p["code"] + name).ljust(44, "<")[:44]
    num = p["number"].ljust(9, "<")
    pid = p["personal_no"].ljust(14, "<")
    dob, exp = _yymmdd(p["dob"]), _yymmdd(p["expires"])
    l2 = (num + check_digit(num) + p["code"] + dob + check_digit(dob) + p["sex"][0] + exp
          + check_digit(exp) + pid + check_digit(pid))
    composite = l2[0:10] + l2[13:20] + l2[21:43]
    l2 = l2 + check_digit(composite)
    assert len(l1) == 44 and len(l2) == 44, (l1, l2)
    return l1, l2


def _pp_date(iso: str) -> str:
    m = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
    return f"{iso[8:10]} {m[int(iso[5:7]) - 1]} {iso[0:4]}"


def render_passport(p: dict, path: Path) -> tuple[str, str]:
    W, H = 125 * mm, 88 * mm
    c = canvas.Canvas(str(path), pagesize=(W, H), invariant=1)
    c.setTitle("passport data page")
    c.setFillColorRGB(0.93, 0.95, 0.90)
    c.rect(0, 0, W, H, stroke=0, fill=1)
    c.setFillColorRGB(0.1, 0.1, 0.1)
    c.setFont("S3B", 8)
    c.drawString(6 * mm, H - 7 * mm, p["state_line"])
    c.setFont("S3", 6)
    c.drawString(6 * mm, H - 10.5 * mm, "PASSPORT / " + p["passport_word"])
    # photo
    c.setFillColorRGB(0.78, 0.8, 0.82)
    c.rect(5 * mm, 24 * mm, 30 * mm, 38 * mm, stroke=0, fill=1)
    c.setFillColorRGB(0.55, 0.57, 0.6)
    c.circle(20 * mm, 48 * mm, 8 * mm, stroke=0, fill=1)
    c.rect(10 * mm, 24 * mm, 20 * mm, 14 * mm, stroke=0, fill=1)
    c.setFillColorRGB(0.1, 0.1, 0.1)
    x0 = 40 * mm
    rows = [
        ("Type / " + p["w_type"], "P", "Code / " + p["w_code"], p["code"], "Passport No. / " + p["w_no"],
         p["number"]),
    ]
    y = H - 17 * mm
    # first row: three small columns
    for k, (cap, val) in enumerate(((rows[0][0], rows[0][1]), (rows[0][2], rows[0][3]),
                                    (rows[0][4], rows[0][5]))):
        xx = x0 + (0, 16, 36)[k] * mm
        c.setFont("S3", 5)
        c.drawString(xx, y, cap)
        c.setFont("S3B", 8.5)
        c.drawString(xx, y - 3.6 * mm, val)
    y -= 8.5 * mm
    pairs = [
        [("Surname / " + p["w_surname"], p["surname"])],
        [("Given names / " + p["w_given"], p["given"])],
        [("Nationality / " + p["w_nat"], p["nationality"])],
        [("Date of birth / " + p["w_dob"], _pp_date(p["dob"])), ("Sex / " + p["w_sex"], p["sex"])],
        [("Place of birth / " + p["w_pob"], p["pob"])],
        [("Date of issue / " + p["w_issue"], _pp_date(p["issued"])),
         ("Date of expiry / " + p["w_exp"], _pp_date(p["expires"]))],
        [("Authority / " + p["w_auth"], p["authority"])],
    ]
    for row in pairs:
        for k, (cap, val) in enumerate(row):
            xx = x0 + k * 36 * mm
            c.setFont("S3", 5)
            c.drawString(xx, y, cap)
            c.setFont("S3B", 8)
            c.drawString(xx, y - 3.3 * mm, val)
        y -= 6.2 * mm
    l1, l2 = td3_mrz(p)
    c.setFillColorRGB(1, 1, 1)
    c.rect(0, 0, W, 17 * mm, stroke=0, fill=1)
    c.setFillColorRGB(0, 0, 0)
    c.setFont("S3Mono", 11)
    for k, ln in enumerate((l1, l2)):
        c.drawString(5 * mm, (10.5 - 6.2 * k) * mm, ln, charSpace=0.6)
    c.showPage()
    c.save()
    return l1, l2


def wrap_plain(text: str, width: int = 90) -> list[str]:
    return textwrap.wrap(text, width)
