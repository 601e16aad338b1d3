"""Set 5's other documents as text PDFs: consular letters, a CEAC status page, a confirmation
page, employment letters (English, Russian) and passport data pages (ICAO 9303 TD3).

The consular wordings are published U.S. government texts (public domain), shortened, with the
post, date, name and case filled in; the sources are listed in README.md.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4, letter
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen import canvas

from printout import fonts, wrap

# --- ICAO 9303 -----------------------------------------------------------------------------------

_VAL = {**{str(d): d for d in range(10)}, **{chr(65 + i): 10 + i for i in range(26)}, "<": 0}


def check_digit(s: str) -> str:
    return str(sum(_VAL[ch] * (7, 3, 1)[i % 3] for i, ch in enumerate(s)) % 10)


def mrz_lines(p: dict, broken_dob: str | None = None) -> tuple[str, str]:
    """TD3 lines of passport ``p``. ``broken_dob``: print these six birth-date digits instead of
    the true ones, keeping the true date's check digit (so that check digit does not verify);
    the composite is computed over the line as printed."""
    names = p["mrz_surname"] + "<<" + p["mrz_given"]
    l1 = ("P<" + p["code"] + names + "<" * 44)[:44]
    num = (p["number"] + "<" * 9)[:9]
    dob, exp = p["dob6"], p["exp6"]
    personal = (p.get("personal", "") + "<" * 14)[:14]
    pcd = check_digit(personal) if p.get("personal") else "<"
    dob_printed = broken_dob or dob
    part_num = num + check_digit(num)
    part_dob = dob_printed + check_digit(dob)
    part_exp = exp + check_digit(exp)
    comp = check_digit(part_num + part_dob + part_exp + personal + pcd)
    l2 = part_num + p["code"] + part_dob + p["sex"] + part_exp + personal + pcd + comp
    assert len(l1) == 44 and len(l2) == 44, (l1, l2)
    return l1, l2


def _mrz_check(l1: str, l2: str) -> bool:
    from mrz.checker.td3 import TD3CodeChecker
    return bool(TD3CodeChecker(l1 + "\n" + l2))


def passport_page(path: Path, p: dict, broken_dob: str | None = None) -> tuple[str, str]:
    """A TD3 data page, 125 x 88 mm, as a text PDF of that size. Returns the MRZ lines (checked
    with the mrz package: valid unless ``broken_dob``)."""
    fonts()
    l1, l2 = mrz_lines(p, broken_dob)
    if broken_dob:
        assert not _mrz_check(l1, l2), "the broken MRZ verifies"
        assert _mrz_check(*mrz_lines(p)), "the true MRZ does not verify"
    else:
        assert _mrz_check(l1, l2), (l1, l2)
    Wp, Hp = 125 * mm, 88 * mm
    c = canvas.Canvas(str(path), pagesize=(Wp, Hp), invariant=1)
    c.setTitle("passport")
    # background tint and guilloche-like waves
    c.setFillColorRGB(*p.get("tint", (0.93, 0.95, 0.9)))
    c.rect(0, 0, Wp, Hp, stroke=0, fill=1)
    c.setStrokeColorRGB(*p.get("wave", (0.78, 0.84, 0.8)))
    c.setLineWidth(0.35)
    import math
    for k in range(14):
        path_ = c.beginPath()
        for i in range(0, 181):
            x = Wp * i / 180
            y = Hp * 0.3 + k * 9 + 6 * math.sin(i / 9.0 + k * 0.7)
            (path_.moveTo if i == 0 else path_.lineTo)(x, y)
        c.drawPath(path_, stroke=1, fill=0)
    c.setFillColorRGB(0.1, 0.1, 0.15)
    c.setFont("Sans-Bold", 8.2)
    c.drawCentredString(Wp / 2, Hp - 8 * mm, p["header"])
    # photo
    c.setFillColorRGB(0.72, 0.72, 0.74)
    c.rect(6 * mm, 24 * mm, 30 * mm, 40 * mm, stroke=0, fill=1)
    c.setFillColorRGB(0.55, 0.55, 0.58)
    c.circle(21 * mm, 50 * mm, 8 * mm, stroke=0, fill=1)
    c.rect(11 * mm, 24 * mm, 20 * mm, 17 * mm, stroke=0, fill=1)
    c.setFillColorRGB(0.1, 0.1, 0.15)
    x0 = 40 * mm
    y = Hp - 15 * mm
    rows = p["rows"]  # list of (caption, value) or pairs of them on one line
    for row in rows:
        cells = row if isinstance(row[0], tuple) else [row]
        x = x0
        for cap, val in cells:
            c.setFont("Sans", 5.2)
            c.drawString(x, y, cap)
            c.setFont("Sans-Bold", 7.8)
            c.drawString(x, y - 8, val)
            x += (Wp - x0 - 4 * mm) / len(cells)
        y -= 15.5
    c.setFont("Mono", 11.9)
    c.drawString(4.5 * mm, 12.5 * mm, l1)
    c.drawString(4.5 * mm, 5 * mm, l2)
    c.showPage()
    c.save()
    return l1, l2


# --- letters ---------------------------------------------------------------------------------------

def _para(c, text, x, y, width, font, size, lead):
    for line in wrap(text, font, size, width):
        c.setFont(font, size)
        c.drawString(x, y, line)
        y -= lead
    return y


def letter_pdf(path: Path, *, head: list[tuple[str, str, float]], meta: list[str],
               title: str | None, salutation: str | None, body: list, closing: list[str],
               font: str = "Serif", bold: str = "Serif-Bold", size: float = 10.5,
               pagesize=letter, meta_right: bool = False) -> None:
    """One-page letter. ``head``: centred letterhead lines (text, font, size). ``body``: strings
    (paragraphs) and ("box", marked, text) check-box items."""
    fonts()
    Wp, Hp = pagesize
    c = canvas.Canvas(str(path), pagesize=pagesize, invariant=1)
    c.setTitle("letter")
    y = Hp - 60
    for text, f, s in head:
        c.setFont(f, s)
        c.drawCentredString(Wp / 2, y, text)
        y -= s + 4
    c.setLineWidth(0.8)
    c.line(60, y + 2, Wp - 60, y + 2)
    y -= 22
    lead = size * 1.38
    for m in meta:
        c.setFont(font, size)
        if meta_right:
            c.drawRightString(Wp - 66, y, m)
        else:
            c.drawString(66, y, m)
        y -= lead
    y -= 8
    if title:
        c.setFont(bold, size + 1.5)
        c.drawCentredString(Wp / 2, y, title)
        y -= lead * 1.8
    if salutation:
        c.setFont(font, size)
        c.drawString(66, y, salutation)
        y -= lead * 1.5
    width = Wp - 132
    for b in body:
        if isinstance(b, tuple) and b[0] == "box":
            _, marked, text = b
            c.setLineWidth(0.7)
            c.rect(80, y - 2, 9, 9, stroke=1, fill=0)
            if marked:
                c.setFont(bold, size + 1)
                c.drawString(80.8, y - 0.5, "X")
            y = _para(c, text, 98, y, width - 34, font, size, lead) - 3
        elif isinstance(b, tuple) and b[0] == "bold":
            y = _para(c, b[1], 66, y, width, bold, size, lead) - lead * 0.6
        else:
            y = _para(c, b, 66, y, width, font, size, lead) - lead * 0.6
    y -= lead
    for cl in closing:
        c.setFont(font, size)
        c.drawString(66, y, cl)
        y -= lead
    c.showPage()
    c.save()


def _post_head(post: dict) -> list[tuple[str, str, float]]:
    return [(post["issuer"], "Serif-Bold", 13.0), (post["section"], "Serif", 10.5),
            (post["address"], "Serif", 9.0)]


TR_214B = [
    "Your application for a nonimmigrant visa is refused under Section 214(b) of the U.S. "
    "Immigration and Nationality Act (INA). A denial under Section 214(b) means that you did not "
    "meet the requirements of the classification of the nonimmigrant visa for which you applied.",
    "While nonimmigrant visa classifications each have their own unique requirements, one "
    "requirement shared by many of the nonimmigrant visa categories is for the applicant to "
    "demonstrate that he/she has a residence in a foreign country which he/she has no intention of "
    "abandoning. Applicants usually meet this requirement by demonstrating that they have strong "
    "ties overseas that indicate that they will return to a foreign country after a temporary visit "
    "to the United States. Such ties include professional, work, school, family, or social links to "
    "a foreign country. You have not demonstrated that you have the ties that will compel you to "
    "return to your home country after your travel to the United States.",
    "Today's decision cannot be appealed. However, you may reapply at any time. If you decide to "
    "reapply, you must submit a new application form and photo, pay the visa application fee again, "
    "as applicable, and be interviewed by a consular officer. If you choose to reapply, you should be "
    "prepared to provide information that was not presented in your original application, or to "
    "demonstrate that your circumstances have changed since that application.",
]

CAIRO_214B = [
    "This is to inform you that you have been found ineligible for a nonimmigrant visa under "
    "Section 214(b) of the U.S. Immigration and Nationality Act. A denial under Section 214(b) means "
    "that you were not able to demonstrate that your intended activities in the United States would "
    "be consistent with the classification of the nonimmigrant visa for which you applied.",
    "While nonimmigrant visa classifications each have their own unique requirements, one "
    "requirement shared by many of the nonimmigrant visa categories is for the applicant to "
    "demonstrate that they have a residence in a foreign country which they have no intention of "
    "abandoning. Such ties include professional, work, school, family or social links to a foreign "
    "country. You have not demonstrated that you have the ties that will compel you to return to "
    "your home country after your travel to the United States.",
    "Today's decision cannot be appealed. However, you may reapply at any time. If you choose to "
    "reapply, you should be prepared to provide information that was not presented in your original "
    "application, or to demonstrate that your circumstances have changed since that application.",
]

KUWAIT_214B = [
    ("bold", "Your application for a U.S. visa has been REFUSED."),
    "The consular officer has found you ineligible for a nonimmigrant visa under Section 214(b) of "
    "the U.S. Immigration and Nationality Act (INA). A denial under section 214(b) means that you "
    "were not able to demonstrate that your intended activities in the United States would be "
    "consistent with the classification of the nonimmigrant visa for which you applied.",
    "Under Section 214(b) of the Immigration and Nationality Act (INA), applicants are presumed to "
    "be intending immigrants unless they credibly demonstrate, to the consular officer's "
    "satisfaction, that their economic, family, and social ties outside the United States are strong "
    "enough that they will depart at the end of their authorized stay and that their intended "
    "activities in the United States will be consistent with the visa status.",
    "If your application for a visa has been refused under Section 214(b) INA, there is no appeal "
    "process. While you are not prohibited from reapplying for a visa, unless you can show credible, "
    "new, and compelling ties outside the United States, and that your intended activities in the "
    "United States are consistent with the visa class, a different outcome is unlikely. If you decide "
    "to reapply, you must schedule a new interview and pay a new MRV application fee.",
    "Your application did not qualify for a US visa at this time.",
]

MANAGUA_214B = [
    "Thank you for your non-immigrant visa application. We trust that even though your application "
    "was not approved, you were treated courteously and professionally during your visit to the "
    "U.S. Embassy.",
    "We were unable to issue you a visa because you were found ineligible under Section 214(b) of "
    "the U.S. Immigration and Nationality Act. Section 214(b) requires applicants for non-immigrant "
    "visas (NIVs) to show that they meet each of the requirements for a visa in their particular "
    "non-immigrant visa category. All applicants for an NIV must demonstrate that they are entitled "
    "to the type of visa for which they are applying and that they have a permanent residence abroad "
    "and intend to depart the United States at the end of the authorized stay. Unfortunately, you "
    "have not shown that you have sufficient family, social, economic or other ties to a place of "
    "residence outside the United States to ensure that your projected stay in the U.S. would be "
    "temporary, or that your intended activities in the United States would be consistent with your "
    "visa status.",
]

WORDINGS = {"tr": ("Section 214(b) of the U.S. Immigration and Nationality Act (INA)", "Dear Applicant:",
                   TR_214B),
            "cairo": ("Section 214(b) of the U.S. Immigration and Nationality Act (INA)",
                      "Dear Applicant:", CAIRO_214B),
            "kuwait": ("Refused - 214(b)", "Dear Applicant,", KUWAIT_214B),
            "managua": (None, "Dear Visa Applicant:", MANAGUA_214B)}


def refusal_214b(path: Path, post: dict, wording: str, date: str, name: str, ref: str) -> None:
    title, salutation, body = WORDINGS[wording]
    letter_pdf(path, head=_post_head(post), meta=[date, f"Name: {name}", ref], title=title,
               salutation=salutation, body=body,
               closing=["Sincerely,", "", "Consular Officer", "Nonimmigrant Visa Section"])


def refusal_221g_documents(path: Path, post: dict, date: str, name: str, ref: str,
                           boxes: list[tuple[bool, str]]) -> None:
    body = [
        "This office is unable to issue your visa at this time. Further action in your case has been "
        "suspended under Section 221(g) of the U.S. Immigration and Nationality Act (INA). Essential "
        "information is missing from your application. Please submit only the documents marked "
        "below:",
        *[("box", m, t) for m, t in boxes],
        "You have 12 months from the date of your application to submit the requested documents "
        "without having to pay a new visa application fee. After one year, an application refused "
        "under Section 221(g) is terminated per Section 203(e).",
        "The requested documents must be submitted together with this letter at a 2Go document "
        "collection office. Documents submitted without this letter will not be accepted.",
    ]
    letter_pdf(path, head=_post_head(post), meta=[date, f"Name: {name}", ref],
               title="NOTICE OF REFUSAL UNDER SECTION 221(g)", salutation="Dear Visa Applicant:",
               body=body, closing=["Consular Officer", "Nonimmigrant Visa Unit"], font="Sans",
               bold="Sans-Bold", size=9.8)


def refusal_221g_admin(path: Path, post: dict, date: str, name: str, ref: str) -> None:
    body = [
        ("bold", "Your visa application is refused under Section 221(g) of the Immigration and "
                 "Nationality Act (INA)."),
        "Your application requires further administrative processing, which takes additional time "
        "after your interview with a consular officer. The consular officer will contact you if any "
        "further information is required from you.",
        "Most administrative processing is resolved within 60 days of the visa interview. The "
        "duration of the administrative processing will vary based on the individual circumstances "
        "of each case. Except in cases of emergency travel (i.e. serious illness, injuries, or deaths "
        "in your immediate family), before making inquiries about the status of administrative "
        "processing, applicants should wait at least 180 days from the date of interview.",
        "You may check the status of your case on the Consular Electronic Application Center "
        "website, ceac.state.gov, with the Application ID given above.",
    ]
    letter_pdf(path, head=_post_head(post), meta=[date, f"Applicant: {name}", ref],
               title=None, salutation="Dear Visa Applicant:", body=body,
               closing=["Consular Section", post["short"]],
               font="SansCond", bold="SansCond-Bold", size=10.5)


def ceac_status(path: Path, app_id: str, created: str, updated: str, printed: str) -> None:
    """A saved CEAC 'Check My Visa Application Status' page showing Refused."""
    fonts()
    c = canvas.Canvas(str(path), pagesize=letter, invariant=1)
    c.setTitle("CEAC - Visa Status Check")
    Wp, Hp = letter
    c.setFont("Sans", 7.2)
    c.drawString(30, Hp - 20, printed)
    c.drawCentredString(Wp / 2 + 40, Hp - 20, "CEAC - Visa Status Check")
    c.drawString(30, 18, "https://ceac.state.gov/CEACStatTracker/Status.aspx")
    c.drawRightString(Wp - 30, 18, "1/1")
    c.setFillColorRGB(0.11, 0.2, 0.38)
    c.rect(40, Hp - 90, Wp - 80, 44, stroke=0, fill=1)
    c.setFillColorRGB(1, 1, 1)
    c.setFont("Sans-Bold", 13)
    c.drawString(54, Hp - 66, "CONSULAR ELECTRONIC APPLICATION CENTER")
    c.setFont("Sans", 8.5)
    c.drawString(54, Hp - 80, "U.S. Department of State")
    c.setFillColorRGB(0, 0, 0)
    y = Hp - 124
    c.setFont("Sans-Bold", 12)
    c.drawString(54, y, "Visa Application Status")
    y -= 26
    for text, f, s in [("Nonimmigrant Visa (NIV)", "Sans", 10),
                       (f"Application ID or Case Number: {app_id}", "Sans", 10),
                       ("Refused", "Sans-Bold", 16),
                       (f"Case Created: {created}", "Sans", 10),
                       (f"Case Last Updated: {updated}", "Sans", 10)]:
        c.setFont(f, s)
        c.drawString(54, y, text)
        y -= s + 10
    y -= 6
    text = ("A U.S. consular officer has adjudicated and refused your visa application. Please "
            "follow any instructions provided by the consular officer. If you were informed by the "
            "consular officer that your case was refused for administrative processing, your case "
            "will remain refused while undergoing such processing. You will receive another "
            "adjudication once such processing is complete. Please follow any instructions provided "
            "by the consular officer.")
    _para(c, text, 54, y, Wp - 108, "Sans", 10, 14)
    c.showPage()
    c.save()


def confirmation_page(path: Path, d: dict) -> None:
    """A DS-160 confirmation page (one page: barcode, Application ID, photo, identity, post,
    submission)."""
    fonts()
    Wp, Hp = letter
    c = canvas.Canvas(str(path), pagesize=letter, invariant=1)
    c.setTitle("Nonimmigrant Visa - Confirmation Page")
    c.setFont("Sans", 7.2)
    c.drawString(30, Hp - 20, d["printed"])
    c.drawCentredString(Wp / 2 + 40, Hp - 20, "Consular Electronic Application Center - Confirmation")
    c.drawString(30, 18, "https://ceac.state.gov/GenNIV/General/complete/confirmation.aspx?node=Confirmation")
    c.drawRightString(Wp - 30, 18, "1/1")
    c.setFont("Serif-Bold", 15)
    c.drawCentredString(Wp / 2, Hp - 62, "Nonimmigrant Visa - Confirmation Page")
    y = Hp - 100
    c.setFont("Sans", 10)
    c.drawString(60, y, f"Location: {d['location']}")
    y -= 30
    # barcode
    x = 330
    seed = sum(ord(ch) * (i + 1) for i, ch in enumerate(d["app_id"]))
    for i in range(70):
        w = 1 + (seed >> (i % 13)) % 3
        if (seed >> (i % 7)) & 1 or i % 5 == 0:
            c.rect(x, y - 30, w, 42, stroke=0, fill=1)
        x += w + 1.2
    c.setFont("Sans-Bold", 11)
    c.drawString(60, y, f"Confirmation No: {d['app_id']}")
    y -= 60
    c.setFillGray(0.75)
    c.rect(60, y - 110, 90, 115, stroke=0, fill=1)
    c.setFillGray(0)
    rows = [("Name Provided:", d["name"]), ("Date of Birth:", d["dob"]),
            ("Place of Birth:", d["pob"]), ("Gender:", d["sex"]), ("Nationality:", d["nationality"]),
            ("Passport Number:", d["passport"]),
            ("Application Submitted:", d["submitted"])]
    yy = y
    for lab, val in rows:
        c.setFont("Sans", 9.5)
        c.drawString(170, yy, lab)
        c.setFont("Sans-Bold", 9.5)
        c.drawString(290, yy, val)
        yy -= 17
    y = yy - 30
    _para(c, "Please print this confirmation page and bring it with you to your interview. You "
             "do not need to print the full application.", 60, y, Wp - 120, "Sans", 9, 12)
    c.showPage()
    c.save()


# --- employment letters ----------------------------------------------------------------------------

def employment_letter_en(path: Path, d: dict) -> None:
    letter_pdf(path, head=[(d["company"], "Sans-Bold", 14.0), (d["reg"], "Sans", 8.5),
                           (d["address"], "Sans", 8.5)],
               meta=[d["date"], d["ref"]], meta_right=True, title=d["title"],
               salutation="TO WHOM IT MAY CONCERN", body=d["body"], closing=d["closing"],
               font="Serif", bold="Serif-Bold", size=10.5)


def spravka_ru(path: Path, d: dict) -> None:
    letter_pdf(path, head=[(d["company"], "Serif-Bold", 11.5), (d["reg"], "Serif", 8.5),
                           (d["address"], "Serif", 8.5)],
               meta=[d["ref"]], title=d["title"], salutation=None, body=d["body"],
               closing=d["closing"], font="Serif", bold="Serif-Bold", size=11.0, pagesize=A4)


def text_width(s: str, font: str, size: float) -> float:
    return pdfmetrics.stringWidth(s, font, size)
