"""Held-out DS-160 print-outs: PDFs plus the field values they must read as.

    python benchmarks/heldout/gen.py OUT_DIR

Writes, for each fictional applicant of ``applicants.py`` and each of three
layouts designed independently of the parser and of ``fixtures/``, a print-out
``<slug>__<layout>.pdf`` with its truth ``<slug>__<layout>.json`` (fields.md
keys -> JSON values typed per docs/extraction.md), and a confirmation page
``<slug>__confirmation.pdf`` for some applicants. Deterministic: the same
bytes on every run (reportlab ``invariant=1``).

Layouts:

* ``ceac`` - Letter, Helvetica 9 pt: a two-column table whose label column is
  40% of the width; labels wrap over several lines and the value (bold) sits
  on the label's FIRST line. ``Label (1):`` numbering.
* ``band`` - A4, Times 8 pt: bold labels in a wide column, the value on the
  LAST line of a wrapped label; section headings in a shaded band; the SBU
  banner repeated on every page; generic ``City:``/``Surnames:`` rows under
  captions (place of birth, parents).
* ``flow`` - A4, DejaVu Sans, wide margins: every value on the line below its
  label, indented; numbered groups printed ``Label: (1): VALUE`` on one line
  (purpose, phones, emails, social media, languages, countries, organisations,
  locations) or ``Label (1):`` with the value below; like a browser it breaks
  pages between any two lines, even inside a wrapped question.
* ``right`` - Letter, Times 9.5, narrow margins: labels right-aligned against a
  thin gutter rule, values beside the label's first line, centred headings
  between rules; numbered rows as ``Label: (1):`` inside the table.

Every page carries the browser's print header and footer (print date, page
title, CEAC URL, ``3/9`` page numbers).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4, letter
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

sys.path.insert(0, str(Path(__file__).resolve().parent))
from applicants import APPLICANTS, DNA, Null  # noqa: E402

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
_FONTS_DONE = False


def register_fonts() -> None:
    global _FONTS_DONE
    if _FONTS_DONE:
        return
    for name, file in [("DejaVuSans", "DejaVuSans.ttf"), ("DejaVuSans-Bold", "DejaVuSans-Bold.ttf"),
                       ("DejaVuSans-Oblique", "DejaVuSans-Oblique.ttf")]:
        pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / file)))
    _FONTS_DONE = True


MONTHS = ["JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY", "AUGUST",
          "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER"]
CEAC_URL = "https://ceac.state.gov/GenNIV/General/complete/complete_printApp.aspx?node=PrintApp"
PAGE_TITLE = "Consular Electronic Application Center - Print Application"
TITLE = "Online Nonimmigrant Visa Application (DS-160)"
SBU = "Application - Sensitive But Unclassified(SBU)"

# ---------------------------------------------------------------- values


def collapse(s: str) -> str:
    return " ".join(str(s).split())


def print_date(iso: str) -> str:
    parts = iso.split("-")
    if len(parts) == 3:
        return f"{parts[2]} {MONTHS[int(parts[1]) - 1]} {parts[0]}"
    if len(parts) == 2:
        return f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
    return parts[0]


def print_duration(d: Any) -> str:
    if d == "LT24":
        return "LESS THAN 24 HOURS"
    n, unit = d
    return f"{n} {unit}(S)"


def show(value: Any, typ: str) -> str:
    """The text CEAC prints for ``value``."""
    if isinstance(value, Null):
        return str(value)
    if typ == "bool":
        return "YES" if value else "NO"
    if typ == "date":
        return print_date(value)
    if typ == "duration":
        return print_duration(value)
    return str(value)


def typed(value: Any, typ: str, currency: str | None = None) -> Any:
    """The JSON value docs/extraction.md prescribes for ``value``."""
    if isinstance(value, Null):
        return None
    if typ in ("text", "name", "enum", "country"):
        return collapse(value)
    if typ == "bool":
        return bool(value)
    if typ == "date":
        return value
    if typ == "id":
        return re.sub(r"[\s\-]", "", value).upper()
    if typ == "phone":
        digits = re.sub(r"\D", "", value)
        return ("+" + digits) if value.strip().startswith("+") else digits
    if typ == "money":
        return {"amount": float(value), "currency": currency}
    if typ == "duration":
        if value == "LT24":
            return {"value": 24, "unit": "HOUR"}
        return {"value": value[0], "unit": value[1]}
    raise ValueError(typ)


def address(parts: list[Any]) -> str:
    return ", ".join(collapse(p) for p in parts if p is not None and not isinstance(p, Null))


# ---------------------------------------------------------------- document model


class Doc:
    """The logical print-out: headings and rows, and the truth built alongside."""

    def __init__(self, layout: int):
        self.v = layout
        self.items: list[tuple[Any, ...]] = []
        self.truth: dict[str, Any] = {}

    def L(self, *variants: str) -> str:  # noqa: N802 - the label variant of this layout
        return variants[self.v % len(variants)]

    def h1(self, text: str) -> None:
        self.items.append(("h1", text))

    def h2(self, text: str) -> None:
        self.items.append(("h2", text))

    def caption(self, label: str) -> None:
        self.items.append(("row", label, None, None, False))

    def row(self, label: str, text: str | None, num: int | None = None,
            inline: bool = False) -> None:
        self.items.append(("row", label, text, num, inline))

    def cont(self, text: str) -> None:
        self.items.append(("cont", text))

    def put(self, key: str | None, label: str, value: Any, typ: str = "text",
            num: int | None = None, inline: bool = False, currency: str | None = None) -> Any:
        self.row(label, show(value, typ), num, inline)
        t = typed(value, typ, currency)
        if key:
            self.truth[key] = t
        return t

    def ask(self, key: str | None, question: str, answer: bool) -> bool:
        self.row(question, "YES" if answer else "NO")
        if key:
            self.truth[key] = bool(answer)
        return answer


SECURITY = [
    ("Security and Background: Part 1", [
        ("communicable_disease",
         "Do you have a communicable disease of public health significance?"),
        ("mental_disorder",
         "Do you have a mental or physical disorder that poses or is likely to pose a threat to "
         "the safety or welfare of yourself or others?"),
        ("drug_abuser", "Are you or have you ever been a drug abuser or addict?"),
    ]),
    ("Security and Background: Part 2", [
        ("arrested_or_convicted",
         "Have you ever been arrested or convicted for any offense or crime, even though subject "
         "of a pardon, amnesty, or other similar action?"),
        ("controlled_substances",
         "Have you ever violated, or engaged in a conspiracy to violate, any law relating to "
         "controlled substances?"),
        ("prostitution",
         "Are you coming to the United States to engage in prostitution or unlawful "
         "commercialized vice or have you been engaged in prostitution or procuring prostitutes "
         "within the past 10 years?"),
        ("money_laundering",
         "Have you ever been involved in, or do you seek to engage in, money laundering?"),
        ("human_trafficking",
         "Have you ever committed or conspired to commit a human trafficking offense in the "
         "United States or outside the United States?"),
        ("trafficking_aided",
         "Have you ever knowingly aided, abetted, assisted or colluded with an individual who has "
         "committed, or conspired to commit a severe human trafficking offense in the United "
         "States or outside the United States?"),
        ("trafficking_relative",
         "Are you the spouse, son, or daughter of an individual who has committed or conspired "
         "to commit a human trafficking offense in the United States or outside the United "
         "States and have you within the last five years, knowingly benefited from the "
         "trafficking activities?"),
    ]),
    ("Security and Background: Part 3", [
        ("espionage",
         "Do you seek to engage in espionage, sabotage, export control violations, or any other "
         "illegal activity while in the United States?"),
        ("terrorist_activity",
         "Do you seek to engage in terrorist activities while in the United States or have you "
         "ever engaged in terrorist activities?"),
        ("terrorist_support",
         "Have you ever or do you intend to provide financial assistance or other support to "
         "terrorists or terrorist organizations?"),
        ("terrorist_member", "Are you a member or representative of a terrorist organization?"),
        ("terrorist_relative",
         "Are you the spouse, son, or daughter of an individual who has engaged in terrorist "
         "activity, including providing financial assistance or other support to terrorists or "
         "terrorist organizations, in the last five years?"),
        ("genocide",
         "Have you ever ordered, incited, committed, assisted, or otherwise participated in "
         "genocide?"),
        ("torture",
         "Have you ever committed, ordered, incited, assisted, or otherwise participated in "
         "torture?"),
        ("extrajudicial_killing",
         "Have you committed, ordered, incited, assisted, or otherwise participated in "
         "extrajudicial killings, political killings, or other acts of violence?"),
        ("child_soldiers",
         "Have you ever engaged in the recruitment or the use of child soldiers?"),
        ("religious_freedom",
         "Have you, while serving as a government official, been responsible for or directly "
         "carried out, at any time, particularly severe violations of religious freedom?"),
        ("population_controls",
         "Have you ever been directly involved in the establishment or enforcement of population "
         "controls forcing a woman to undergo an abortion against her free choice or a man or a "
         "woman to undergo sterilization against his or her free will?"),
        ("organ_transplant",
         "Have you ever been directly involved in the coercive transplantation of human organs "
         "or bodily tissue?"),
    ]),
    ("Security and Background: Part 4", [
        ("removal_hearing",
         "Have you ever been the subject of a removal or deportation hearing?"),
        ("immigration_fraud",
         "Have you ever sought to obtain or assist others to obtain a visa, entry into the "
         "United States, or any other United States immigration benefit by fraud or willful "
         "misrepresentation or other unlawful means?"),
        ("missed_removal_hearing",
         "Have you failed to attend a hearing on removability or inadmissibility within the last "
         "five years?"),
        ("unlawful_presence",
         "Have you ever been unlawfully present, overstayed the amount of time granted by an "
         "immigration official or otherwise violated the terms of a U.S. visa?"),
        ("removed_or_deported", "Have you ever been removed or deported from any country?"),
    ]),
    ("Security and Background: Part 5", [
        ("withheld_custody",
         "Have you ever withheld custody of a U.S. citizen child outside the United States from "
         "a person granted legal custody by a U.S. court?"),
        ("voted_unlawfully",
         "Have you voted in the United States in violation of any law or regulation?"),
        ("renounced_for_tax",
         "Have you ever renounced United States citizenship for the purposes of avoiding "
         "taxation?"),
        ("public_school_f_status",
         "Have you attended a public elementary school on student (F) status or a public "
         "secondary school after November 30, 1996 without reimbursing the school?"),
        ("j_two_year_requirement",
         "Are you a former exchange visitor (J) who has not yet fulfilled the two-year foreign "
         "residence requirement?"),
    ]),
]


def build(A: dict[str, Any], v: int) -> Doc:
    """The print-out of applicant ``A`` in label-variant set ``v`` (0 ceac, 1 band, 2 flow,
    3 right: the ceac labels, except where noted)."""
    d = Doc(v)
    T = d.truth
    T["application.document"] = "print"
    T["application.submitted_at"] = A["print_date"][1]
    d.put("application.id", d.L("Application ID", "Confirmation Number", "Confirmation No"),
          A["app_id"], "id")
    if v == 1:
        d.put("application.location", "Location", A["location"])

    # ------------------------------------------------------------ personal
    d.h1("Personal, Address, Phone, and Passport/Travel Document Information")
    d.h2("Personal Information 1")
    if v == 1:
        d.put("personal.surnames", "Surnames", A["surnames"], "name")
        d.put("personal.given_names", "Given Names", A["given_names"], "name")
    else:
        d.row("Name Provided", f"{A['surnames']}, {A['given_names']}")
        T["personal.surnames"] = A["surnames"]
        T["personal.given_names"] = A["given_names"]
    d.put("personal.full_name_native",
          d.L("Full Name in Native Alphabet", "Full Name in Native Language"), A["native"])
    if d.ask("personal.other_names_used",
             "Have you ever used other names (i.e., maiden, religious, professional, alias, "
             "etc.)?", bool(A["other_names"])):
        for i, (sur, giv) in enumerate(A["other_names"], 1):
            d.put(None, "Other Surnames Used (maiden, religious, professional, aliases, etc.)",
                  sur, "name", num=i)
            d.put(None, "Other Given Names Used", giv, "name", num=i)
    T["personal.other_names"] = [{"surnames": s, "given_names": g} for s, g in A["other_names"]]
    d.ask("personal.telecode", "Do you have a telecode that represents your name?", A["telecode"])
    d.put("personal.sex", "Sex", A["sex"], "enum")
    d.put("personal.marital_status", "Marital Status", A["marital"], "enum")
    d.put("personal.date_of_birth", "Date of Birth", A["dob"], "date")
    if v == 1:
        d.caption("Place of Birth")
        d.put("personal.birth_city", "City", A["birth_city"])
        d.put("personal.birth_state", "State/Province", A["birth_state"])
        d.put("personal.birth_country", "Country/Region", A["birth_country"], "country")
    else:
        d.put("personal.birth_city", "City of Birth", A["birth_city"])
        d.put("personal.birth_state", "State/Province of Birth", A["birth_state"])
        d.put("personal.birth_country", "Country/Region of Birth", A["birth_country"], "country")

    d.h2("Personal Information 2")
    d.put("personal.nationality", "Country/Region of Origin (Nationality)", A["nationality"],
          "country")
    if d.ask("personal.other_nationality",
             "Do you hold or have you held any nationality other than the one indicated above on "
             "nationality?", bool(A["other_nationalities"])):
        for i, (country, pp) in enumerate(A["other_nationalities"], 1):
            d.put(None, "Other Country/Region of Origin (Nationality)", country, "country", num=i)
            d.row("Do you hold a passport for the other country/region of origin (nationality) "
                  "above?", "YES" if pp else "NO")
            if pp:
                d.put(None, "Passport Number", pp, "id")
    T["personal.other_nationalities"] = [c for c, _ in A["other_nationalities"]]
    if d.ask("personal.permanent_resident_other",
             "Are you a permanent resident of a country/region other than your country/region of "
             "origin (nationality) indicated above?", bool(A["perm_res_other"])):
        d.put(None, "Other Permanent Resident Country/Region", A["perm_res_other"], "country",
              num=1)
    d.put("personal.national_id", "National Identification Number", A["national_id"], "id")
    d.put("personal.us_ssn", "U.S. Social Security Number", A["ssn"], "id")
    d.put("personal.us_taxpayer_id", "U.S. Taxpayer ID Number", A["itin"], "id")

    # ------------------------------------------------------------ address and phone
    h = A["home"]
    d.h2("Address and Phone Information")
    d.put(None, "Home Address", h["street1"])
    if h["street2"]:
        d.cont(h["street2"])
    T["contact.home_street"] = collapse(" ".join(p for p in (h["street1"], h["street2"]) if p))
    d.put("contact.home_city", "City", h["city"])
    d.put("contact.home_state", "State/Province", h["state"])
    d.put("contact.home_postal_code", "Postal Zone/ZIP Code", h["postal"])
    d.put("contact.home_country", "Country/Region", h["country"], "country")
    if not d.ask("contact.mailing_same_as_home",
                 "Is your Mailing Address the same as your Home Address?", A["mailing_same"]):
        d.put(None, "Mailing Address", "CAIXA POSTAL 45120")
        d.put(None, "City", "SAO PAULO")
        d.put(None, "State/Province", "SAO PAULO")
        d.put(None, "Postal Zone/ZIP Code", "01239-970")
        d.put(None, "Country/Region", "BRAZIL")
    d.put("contact.primary_phone", "Primary Phone Number", A["primary_phone"], "phone")
    d.put("contact.secondary_phone", "Secondary Phone Number", A["secondary_phone"], "phone")
    d.put("contact.work_phone", "Work Phone Number", A["work_phone"], "phone")
    d.ask(None, "Have you used any other phone numbers in the last five years?",
          bool(A["other_phones"]))
    for i, p in enumerate(A["other_phones"], 1):
        d.put(None, "Additional Phone Number", p, "phone", num=i, inline=True)
    T["contact.other_phones"] = [typed(p, "phone") for p in A["other_phones"]]
    d.put("contact.email", "Email Address", A["email"])
    d.ask(None, "Have you used any other email addresses in the last five years?",
          bool(A["other_emails"]))
    for i, e in enumerate(A["other_emails"], 1):
        d.put(None, "Additional Email Address", e, num=i, inline=True)
    T["contact.other_emails"] = list(A["other_emails"])
    if v == 2:
        d.caption("Social Media")
    for i, (plat, ident) in enumerate(A["social"], 1):
        d.put(None, "Social Media Provider/Platform", plat, "enum", num=i, inline=True)
        d.put(None, "Social Media Identifier", ident, num=i, inline=True)
    T["contact.social_media"] = [{"platform": p, "identifier": s} for p, s in A["social"]]
    d.row("Do you wish to provide information about your presence on any other websites or "
          "applications you have used within the last five years to create or share content "
          "(photos, videos, status updates, etc.)?", "NO")

    # ------------------------------------------------------------ passport
    p = A["passport"]
    d.h2("Passport Information")
    d.put("passport.type", "Passport/Travel Document Type", p["type"], "enum")
    d.put("passport.number", "Passport/Travel Document Number", p["number"], "id")
    d.put("passport.book_number", "Passport Book Number", p["book"], "id")
    d.put("passport.issuing_authority", "Country/Authority that Issued Passport/Travel Document",
          p["authority"], "country")
    d.caption("Where was the Passport/Travel Document Issued?")
    d.put("passport.issued_city", "City", p["city"])
    d.put(None, d.L("State/Province *If shown on passport", "State/Province (if shown on "
                    "passport)"), p["state"])
    d.put("passport.issued_country", "Country/Region", p["country"], "country")
    d.put("passport.issue_date", "Issuance Date", p["issued"], "date")
    d.put("passport.expiration_date", "Expiration Date", p["expires"], "date")
    if d.ask("passport.lost_or_stolen", "Have you ever lost a passport or had one stolen?",
             bool(A["lost"])):
        for i, lp in enumerate(A["lost"], 1):
            d.put(None, "Passport/Travel Document Number", lp["number"], "id",
                  num=i if v in (2, 3) else None)
            d.put(None, "Country/Authority that Issued Passport/Travel Document", lp["country"],
                  "country")
            d.put(None, "Explain", lp["explanation"])
    T["passport.lost"] = [
        {"number": typed(lp["number"], "id"), "country": lp["country"],
         "explanation": collapse(lp["explanation"])} for lp in A["lost"]]

    # ------------------------------------------------------------ travel
    d.h1("Travel Information")
    d.put("travel.purpose", "Purpose of Trip to the U.S.", A["purpose"], "enum", num=1,
          inline=True)
    d.put("travel.purpose_specify", "Specify", A["specify"], "enum")
    pl = A["plans"]
    if d.ask("travel.specific_plans", "Have you made specific travel plans?", pl["specific"]):
        d.put("travel.arrival_date", "Date of Arrival in U.S.", pl["arrival"], "date")
        d.put(None, "Arrival Flight (if known)", pl["arrival_flight"])
        d.put(None, "Arrival City", pl["arrival_city"])
        d.put("travel.departure_date", "Date of Departure from U.S.", pl["departure"], "date")
        d.put(None, "Departure Flight (if known)", pl["departure_flight"])
        d.put(None, "Departure City", pl["departure_city"])
        d.caption("Provide the locations you plan to visit in the U.S.")
        for i, loc in enumerate(pl["locations"], 1):
            d.put(None, "Location", loc, num=i, inline=True)
        T["travel.locations"] = list(pl["locations"])
    else:
        d.put("travel.intended_arrival_date", "Intended Date of Arrival", pl["arrival"], "date")
        d.put("travel.intended_length_of_stay", "Intended Length of Stay in U.S.", pl["length"],
              "duration")
    d.caption("Address Where You Will Stay in the U.S.")
    ua = A["us_address"]
    street, rest = ua[:-3], ua[-3:]
    d.put(None, "Street Address (Line 1)", street[0])
    if len(street) > 1:
        d.put(None, "Street Address (Line 2)", street[1])
    d.put(None, "City", rest[0])
    d.put(None, "State", rest[1])
    d.put(None, "ZIP Code", rest[2])
    T["travel.us_address"] = address(ua)
    pay = A["payer"]
    d.put("travel.payer", "Person/Entity Paying for Your Trip", pay["kind"], "enum")
    if pay["kind"] != "SELF":
        d.put("travel.payer_name", "Name of Company/Organization Paying for Trip", pay["name"],
              "name")
        d.put(None, "Telephone Number", pay["phone"], "phone")
        d.put("travel.payer_relationship", "Relationship to You", pay["relationship"], "enum")
        d.caption("Address of Company/Organization Paying for Trip")
        d.put(None, "Street Address (Line 1)", A["employer"]["address"][0]
              if pay["relationship"] == "EMPLOYER" else "SEOUL STREET 21")
        d.put(None, "City", A["home"]["city"])
        d.put(None, "Country/Region", A["home"]["country"], "country")

    d.h2("Travel Companions Information")
    if d.ask("travel.companions", "Are there other persons traveling with you?",
             bool(A["companions"])):
        d.row("Are you traveling as part of a group or organization?", "NO")
        for i, (sur, giv, rel) in enumerate(A["companions"], 1):
            d.put(None, "Surnames of Person Traveling With You", sur, "name",
                  num=i if v != 0 else None)
            d.put(None, "Given Names of Person Traveling With You", giv, "name",
                  num=i if v != 0 else None)
            d.put(None, "Relationship with Person", rel, "enum", num=i if v != 0 else None)
    T["travel.companion_list"] = [{"surnames": s, "given_names": g, "relationship": r}
                                  for s, g, r in A["companions"]]

    d.h2("Previous U.S. Travel Information")
    if d.ask("previous_travel.been_in_us", "Have you ever been in the U.S.?",
             bool(A["been_in_us"])):
        if v not in (2, 3):
            d.caption("Provide information on your last five U.S. visits")
        for i, (arr, length) in enumerate(A["been_in_us"], 1):
            d.put(None, "Date Arrived", arr, "date", num=i if v in (2, 3) else None)
            d.put(None, "Length of Stay", length, "duration", num=i if v in (2, 3) else None)
    T["previous_travel.visits"] = [
        {"arrived": arr, "length_of_stay": typed(length, "duration")}
        for arr, length in A["been_in_us"]]
    if d.ask("previous_travel.us_drivers_license",
             "Do you or did you ever hold a U.S. Driver's License?",
             bool(A["drivers_licenses"])):
        for i, (num, state) in enumerate(A["drivers_licenses"], 1):
            d.put(None, "Driver's License Number", num, "id", num=i)
            d.put(None, "State of Driver's License", state, num=i)
    T["previous_travel.drivers_licenses"] = [
        {"number": typed(n, "id"), "state": s} for n, s in A["drivers_licenses"]]
    vi = A["visa"]
    if d.ask("previous_travel.visa_issued", "Have you ever been issued a U.S. Visa?",
             vi is not None):
        d.put("previous_travel.last_visa_issue_date", "Date Last Visa Was Issued", vi["issued"],
              "date")
        d.put("previous_travel.last_visa_number", "Visa Number", vi["number"], "id")
        d.ask("previous_travel.same_visa_type", "Are you applying for the same type of visa?",
              vi["same_type"])
        d.ask("previous_travel.same_country",
              "Are you applying in the same country or location where the visa above was issued, "
              "and is this country or location your place of principal of residence?",
              vi["same_country"])
        d.ask("previous_travel.ten_printed", "Have you been ten-printed?", vi["ten_printed"])
        d.ask("previous_travel.visa_lost_or_stolen", "Has your U.S. Visa ever been lost or "
              "stolen?", vi["lost"])
        if vi["lost"]:
            d.put(None, "Enter year visa was lost or stolen", "2022")
            d.put(None, "Explain", "THE VISA WAS IN MY PASSPORT WHEN IT WAS STOLEN IN DA NANG.")
        d.ask("previous_travel.visa_cancelled_or_revoked",
              "Has your U.S. Visa ever been cancelled or revoked?", vi["cancelled"])
    if d.ask("previous_travel.refused",
             "Have you ever been refused a U.S. Visa, or been refused admission to the United "
             "States, or withdrawn your application for admission at the port of entry?",
             A["refused"] is not None):
        d.put("previous_travel.refused_explanation", "Explain", A["refused"])
    if A["esta"] is not None:
        d.ask("previous_travel.esta_denied",
              "Have you ever been denied travel authorization by the Department of Homeland "
              "Security through the Electronic System for Travel Authorization (ESTA)?",
              A["esta"])
    if d.ask("previous_travel.immigrant_petition",
             "Has anyone ever filed an immigrant petition on your behalf with the United States "
             "Citizenship and Immigration Services?", A["petition"] is not None):
        d.put("previous_travel.immigrant_petition_explanation", "Explain", A["petition"])

    # ------------------------------------------------------------ U.S. contact
    c = A["us_contact"]
    d.h1("U.S. Contact Information")
    d.h2("U.S. Point of Contact Information")
    d.put("us_contact.surnames", "Contact Person Surnames", c["surnames"], "name")
    d.put("us_contact.given_names", "Contact Person Given Names", c["given_names"], "name")
    d.put("us_contact.organization", "Organization Name", c["org"])
    d.put("us_contact.relationship", "Relationship to You", c["relationship"], "enum")
    d.caption(d.L("U.S. Contact Address", "Address and Phone Number of Point of Contact"))
    ca = c["address"]
    d.put(None, "Street Address (Line 1)", ca[0])
    if len(ca) == 5:
        d.put(None, "Street Address (Line 2)", ca[1])
    d.put(None, "City", ca[-3])
    d.put(None, "State", ca[-2])
    d.put(None, "ZIP Code", ca[-1])
    T["us_contact.address"] = address(ca)
    d.put("us_contact.phone", "Phone Number", c["phone"], "phone")
    d.put("us_contact.email", "Email Address", c["email"])

    # ------------------------------------------------------------ family
    d.h1("Family Information")
    d.h2("Family Information: Relatives")
    for who, rec in (("father", A["father"]), ("mother", A["mother"])):
        Who = who.capitalize()
        sur, giv, dob, status = rec
        if v == 1:
            d.caption(f"{Who}'s Full Name and Date of Birth")
            d.put(f"family.{who}_surnames", "Surnames", sur, "name")
            d.put(f"family.{who}_given_names", "Given Names", giv, "name")
            d.put(f"family.{who}_date_of_birth", "Date of Birth", dob, "date")
        else:
            d.put(f"family.{who}_surnames", f"{Who}'s Surnames", sur, "name")
            d.put(f"family.{who}_given_names", f"{Who}'s Given Names", giv, "name")
            d.put(f"family.{who}_date_of_birth", f"{Who}'s Date of Birth", dob, "date")
        if d.ask(f"family.{who}_in_us", f"Is your {who} in the U.S.?", status is not None):
            d.put(f"family.{who}_us_status", f"{Who}'s Status", status, "enum")
    if d.ask("family.immediate_relatives_in_us",
             "Do you have any immediate relatives, not including parents, in the United States?",
             bool(A["immediate_relatives"])):
        for i, (sur, giv, rel, st) in enumerate(A["immediate_relatives"], 1):
            n = i if v in (2, 3) else None
            d.put(None, "Surnames", sur, "name", num=n)
            d.put(None, "Given Names", giv, "name", num=n)
            d.put(None, "Relationship to You", rel, "enum", num=n)
            d.put(None, "Relative's Status", st, "enum", num=n)
    T["family.immediate_relatives"] = [
        {"surnames": s, "given_names": g, "relationship": r, "status": st}
        for s, g, r, st in A["immediate_relatives"]]
    d.ask("family.other_relatives_in_us", "Do you have any other relatives in the United States?",
          A["other_relatives"])
    sp = A["spouse"]
    if sp:
        d.h2("Family Information: Spouse")
        d.put("family.spouse_surnames", "Spouse's Surnames", sp["surnames"], "name")
        d.put("family.spouse_given_names", "Spouse's Given Names", sp["given_names"], "name")
        d.put("family.spouse_date_of_birth", "Spouse's Date of Birth", sp["dob"], "date")
        d.put("family.spouse_nationality", "Spouse's Country/Region of Origin (Nationality)",
              sp["nationality"], "country")
        if v == 1:
            d.caption("Spouse's Place of Birth")
            d.put("family.spouse_birth_city", "City", sp["city"])
            d.put("family.spouse_birth_country", "Country/Region", sp["country"], "country")
        else:
            d.put("family.spouse_birth_city", "Spouse's City of Birth", sp["city"])
            d.put("family.spouse_birth_country", "Spouse's Country/Region of Birth",
                  sp["country"], "country")
        d.put("family.spouse_address", "Spouse's Address", sp["address"])

    # ------------------------------------------------------------ work / education
    e = A["employer"]
    d.h1("Work/Education/Training Information")
    d.h2("Present Work/Education/Training Information")
    d.put("work.primary_occupation", "Primary Occupation", A["occupation"], "enum")
    d.put("work.present_employer", "Present Employer or School Name", e["name"], "name")
    d.caption("Present Employer or School Address")
    _address_rows(d, e["address"], phone=("work.present_employer_phone", "Phone Number",
                                          e["phone"]))
    T["work.present_employer_address"] = address(e["address"])
    d.put("work.present_start_date", "Start Date", e["start"], "date")
    d.put("work.monthly_income", d.L("Monthly Income in Local Currency (if employed)",
                                     "Monthly Salary in Local Currency (if employed)"),
          e["income"], "money", currency=A["currency"])
    d.put("work.duties", "Briefly describe your duties", e["duties"])

    d.h2("Previous Work/Education/Training Information")
    if d.ask("work.previously_employed", "Were you previously employed?",
             bool(A["prev_employers"])):
        for i, pe in enumerate(A["prev_employers"], 1):
            if v == 1:
                d.caption(f"Previous Employer {i}")
            d.put(None, "Employer Name", pe["name"], "name", num=i if v in (2, 3) else None)
            _address_rows(d, pe["address"], street_label="Employer Street Address",
                          phone=(None, "Telephone Number", pe["phone"]), phone_last=True)
            d.put(None, "Job Title", pe["title"])
            d.put(None, "Supervisor's Surname", pe["sup"][0], "name")
            d.put(None, "Supervisor's Given Names", pe["sup"][1], "name")
            d.put(None, "Employment Date From", pe["from"], "date")
            d.put(None, "Employment Date To", pe["to"], "date")
            d.put(None, "Briefly describe your duties", pe["duties"])
    T["work.previous_employers"] = [
        {"name": pe["name"], "address": address(pe["address"]), "phone": typed(pe["phone"],
                                                                              "phone"),
         "job_title": pe["title"], "supervisor": f"{pe['sup'][0]}, {pe['sup'][1]}",
         "date_from": pe["from"], "date_to": pe["to"], "duties": collapse(pe["duties"])}
        for pe in A["prev_employers"]]
    if d.ask("education.attended",
             "Have you attended any educational institutions at a secondary level or above?",
             bool(A["schools"])):
        for i, sc in enumerate(A["schools"], 1):
            d.put(None, "Name of Institution", sc["name"], num=i if v in (2, 3) else None)
            _address_rows(d, sc["address"])
            d.put(None, "Course of Study", sc["course"])
            d.put(None, "Date of Attendance From", sc["from"], "date")
            d.put(None, "Date of Attendance To", sc["to"], "date")
    T["education.institutions"] = [
        {"name": sc["name"], "address": address(sc["address"]), "course": sc["course"],
         "date_from": sc["from"], "date_to": sc["to"]} for sc in A["schools"]]

    d.h2("Additional Work/Education/Training Information")
    if d.ask("additional.clan_or_tribe", "Do you belong to a clan or tribe?", bool(A["clan"])):
        d.put(None, "Clan or Tribe Name", A["clan"])
    d.caption("Provide a List of Languages You Speak")
    for i, lang in enumerate(A["languages"], 1):
        d.put(None, "Language Name", lang, num=i, inline=True)
    T["additional.languages"] = list(A["languages"])
    if d.ask("additional.traveled_last_five_years",
             "Have you traveled to any countries/regions within the last five years?",
             bool(A["countries"])):
        for i, cn in enumerate(A["countries"], 1):
            d.put(None, "Country/Region", cn, "country", num=i, inline=True)
    T["additional.countries_visited"] = list(A["countries"])
    if d.ask(None, "Have you belonged to, contributed to, or worked for any professional, social, "
             "or charitable organization?", bool(A["organizations"])):
        for i, org in enumerate(A["organizations"], 1):
            d.put(None, "Organization Name", org, num=i, inline=True)
    T["additional.organizations"] = list(A["organizations"])
    d.ask("additional.specialized_skills",
          "Do you have any specialized skills or training, such as firearms, explosives, "
          "nuclear, biological, or chemical experience?", False)
    if d.ask(None, "Have you ever served in the military?", bool(A["military"])):
        for i, m in enumerate(A["military"], 1):
            n = i if v in (2, 3) else None
            d.put(None, "Name of Country/Region", m["country"], "country", num=n)
            d.put(None, "Branch of Service", m["branch"], num=n)
            d.put(None, "Rank/Position", m["rank"], num=n)
            d.put(None, "Military Specialty", m["specialty"], num=n)
            d.put(None, "Date of Service From", m["from"], "date", num=n)
            d.put(None, "Date of Service To", m["to"], "date", num=n)
    T["additional.military_service"] = [
        {"country": m["country"], "branch": m["branch"], "rank": m["rank"],
         "specialty": m["specialty"], "date_from": m["from"], "date_to": m["to"]}
        for m in A["military"]]
    d.ask("additional.paramilitary",
          "Have you ever served in, been a member of, or been involved with a paramilitary unit, "
          "vigilante unit, rebel group, guerrilla group, or insurgent organization?", False)

    # ------------------------------------------------------------ security
    d.h1("Security and Background")
    for part, questions in SECURITY:
        d.h2(part)
        for name, q in questions:
            expl = A["security_yes"].get(name)
            if d.ask(f"security.{name}", q, expl is not None):
                d.put(f"security.{name}_explanation", "Explain", expl)

    # ------------------------------------------------------------ visa-specific extras
    if A["extras"] == "F":
        d.h1("Student/Exchange Visa Information")
        d.put(None, "SEVIS ID", "N0034417729", "id")
        d.put(None, "Name of School", "UNIVERSITY OF CALIFORNIA, DAVIS")
        d.put(None, "Course of Study", "CIVIL AND ENVIRONMENTAL ENGINEERING (PHD)")
        d.put(None, "Street Address (Line 1)", "ONE SHIELDS AVENUE")
        d.put(None, "City", "DAVIS")
        d.put(None, "State", "CALIFORNIA")
        d.put(None, "ZIP Code", "95616")
        d.h2("Additional Point of Contact Information")
        contacts = [("GANBOLD", "SARANGEREL", "SUKHBAATAR DISTRICT, 1ST KHOROO 12", "ULAANBAATAR",
                     "+976 9900 1188", "SARANGEREL.G@MUST.EDU.MN"),
                    ("ENKHTUYA", "BOLORMAA", "CHINGELTEI DISTRICT 4-17", "ULAANBAATAR",
                     "+976 9191 0277", "BOLORMAA.E@GMAIL.COM")]
        for i, (sur, giv, st, city, ph, em) in enumerate(contacts, 1):
            if v != 0:
                d.caption(f"Contact {i}")
            d.put(None, "Surnames", sur, "name")
            d.put(None, "Given Names", giv, "name")
            d.put(None, "Street Address (Line 1)", st)
            d.put(None, "City", city)
            d.put(None, "State/Province", DNA)
            d.put(None, "Postal Zone/ZIP Code", DNA)
            d.put(None, "Country/Region", "MONGOLIA", "country")
            d.put(None, "Telephone Number", ph, "phone")
            d.put(None, "Email Address", em)
    elif A["extras"] == "J":
        d.h1("Applicant/Exchange Visa Information")
        d.put(None, "SEVIS ID", "N0035520146", "id")
        d.put(None, "Program Number", "P-1-00471")
        d.ask(None, "Do you intend to study in the U.S.?", False)
        d.put(None, "Name of School", DNA)

    if v != 1:
        d.h2("Location")
        d.put("application.location", d.L("Location Selected", "Location"), A["location"])
    return d


def _address_rows(d: Doc, parts: list[Any], street_label: str = "Street Address",
                  phone: tuple[str | None, str, str] | None = None,
                  phone_last: bool = False) -> None:
    """Rows of a six-part address (street 1, street 2, city, state, postal, country)."""
    s1, s2, city, state, postal, country = parts
    d.put(None, f"{street_label} (Line 1)", s1)
    d.put(None, f"{street_label} (Line 2)", s2)
    d.put(None, "City", city)
    d.put(None, "State/Province", state)
    d.put(None, "Postal Zone/ZIP Code", postal)
    if phone and not phone_last:
        d.put(phone[0], phone[1], phone[2], "phone")
    d.put(None, "Country/Region", country, "country")
    if phone and phone_last:
        d.put(phone[0], phone[1], phone[2], "phone")


# ---------------------------------------------------------------- page engine


def latin1(text: str) -> bool:
    return all(ord(ch) < 256 for ch in text)


def pick(font: str, text: str) -> str:
    """The font that can draw ``text``: the standard-14 fonts only have Latin-1."""
    if font.startswith("DejaVu") or latin1(text):
        return font
    return "DejaVuSans-Bold" if "Bold" in font else "DejaVuSans"


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    font = pick(font, text)
    words = text.split()
    lines: list[str] = []
    cur = ""
    for w in words:
        if pdfmetrics.stringWidth(w, font, size) > width:
            raise ValueError(f"word too wide for column: {w!r}")
        trial = f"{cur} {w}" if cur else w
        if pdfmetrics.stringWidth(trial, font, size) <= width:
            cur = trial
        else:
            lines.append(cur)
            cur = w
    if cur or not lines:
        lines.append(cur)
    return lines


class Pages:
    """Draw operations per page; the browser header/footer is added when the count is known."""

    def __init__(self, size: tuple[float, float], margins: tuple[float, float, float, float]):
        self.W, self.H = size
        self.ml, self.mr, self.mt, self.mb = margins
        self.pages: list[list[tuple[Any, ...]]] = []
        self.split_values = 0  # rows (label + value) continued across a page break
        self.new_page()

    @property
    def width(self) -> float:
        return self.W - self.ml - self.mr

    def new_page(self) -> None:
        self.pages.append([])
        self.y = self.H - self.mt
        self.on_new_page()

    def on_new_page(self) -> None:
        pass

    def room(self) -> float:
        return self.y - self.mb

    def need(self, h: float) -> None:
        if self.room() < h:
            self.new_page()

    def text(self, x: float, y: float, s: str, font: str, size: float,
             align: str = "left") -> None:
        self.pages[-1].append(("text", x, y, s, pick(font, s), size, align))

    def rect(self, x: float, y: float, w: float, h: float, gray: float) -> None:
        self.pages[-1].append(("rect", x, y, w, h, gray))

    def line(self, x1: float, y1: float, x2: float, y2: float, width: float = 0.5) -> None:
        self.pages[-1].append(("line", x1, y1, x2, y2, width))

    def render(self, path: Path, header_date: str, page_title: str = PAGE_TITLE,
               url: str = CEAC_URL) -> int:
        c = canvas.Canvas(str(path), pagesize=(self.W, self.H), invariant=1)
        c.setTitle(page_title)
        total = len(self.pages)
        for n, ops in enumerate(self.pages, 1):
            c.setFont("Helvetica", 7.5)
            c.drawString(22, self.H - 18, header_date)
            c.drawCentredString(self.W / 2, self.H - 18, page_title)
            c.drawString(22, 16, url)
            c.drawRightString(self.W - 22, 16, f"{n}/{total}")
            for op in ops:
                if op[0] == "text":
                    _, x, y, s, font, size, align = op
                    c.setFont(font, size)
                    if align == "center":
                        c.drawCentredString(x, y, s)
                    elif align == "right":
                        c.drawRightString(x, y, s)
                    else:
                        c.drawString(x, y, s)
                elif op[0] == "rect":
                    _, x, y, w, h, gray = op
                    c.setFillGray(gray)
                    c.rect(x, y, w, h, stroke=0, fill=1)
                    c.setFillGray(0)
                elif op[0] == "line":
                    _, x1, y1, x2, y2, w = op
                    c.setLineWidth(w)
                    c.line(x1, y1, x2, y2)
            c.showPage()
        c.save()
        return total


def numbered(label: str, num: int | None) -> str:
    return f"{label} ({num})" if num is not None else label


def with_colon(label: str) -> str:
    return label if label.endswith(("?", ":")) else label + ":"


# ---------------------------------------------------------------- layout (a): ceac


class Ceac(Pages):
    """Letter, Helvetica 9: label column 40%, value on the label's first line."""

    SIZE, LEAD = 9.0, 11.0

    def __init__(self) -> None:
        super().__init__(letter, (40, 40, 50, 46))
        self.lw = self.width * 0.40
        self.vx = self.ml + self.lw + 12
        self.vw = self.width - self.lw - 12

    def title(self, d: Doc) -> None:
        self.text(self.W / 2, self.y - 4, TITLE, "Helvetica-Bold", 13, "center")
        self.text(self.W / 2, self.y - 20, SBU, "Helvetica", 8, "center")
        self.y -= 38

    def h1(self, t: str) -> None:
        self.need(48)
        self.y -= 8
        self.text(self.ml, self.y - 11, t, "Helvetica-Bold", 12)
        self.line(self.ml, self.y - 15, self.W - self.mr, self.y - 15, 0.8)
        self.y -= 22

    def h2(self, t: str) -> None:
        self.need(34)
        self.y -= 5
        self.text(self.ml, self.y - 9, t, "Helvetica-Bold", 10)
        self.y -= 15

    def row(self, label: str, value: str | None, num: int | None, inline: bool) -> None:
        lab = wrap(with_colon(numbered(label, num)), "Helvetica", self.SIZE, self.lw)
        val = wrap(value, "Helvetica-Bold", self.SIZE, self.vw) if value else []
        self.need(self.LEAD * len(lab) + 2)
        split = False
        for i in range(max(len(lab), len(val))):
            if self.room() < self.LEAD:
                self.new_page()
                split = True
            base = self.y - self.SIZE
            if i < len(lab):
                self.text(self.ml, base, lab[i], "Helvetica", self.SIZE)
            if i < len(val):
                self.text(self.vx, base, val[i], "Helvetica-Bold", self.SIZE)
            self.y -= self.LEAD
        self.split_values += split
        self.y -= 3

    def cont(self, value: str) -> None:
        self.y += 3
        for ln in wrap(value, "Helvetica-Bold", self.SIZE, self.vw):
            self.need(self.LEAD)
            self.text(self.vx, self.y - self.SIZE, ln, "Helvetica-Bold", self.SIZE)
            self.y -= self.LEAD
        self.y -= 3


# ---------------------------------------------------------------- layout (b): band


class Band(Pages):
    """A4, Times 8: bold labels, value on the LAST line of the label, shaded section bands."""

    SIZE, LEAD = 8.0, 10.0

    def __init__(self) -> None:
        super().__init__(A4, (56, 42, 56, 52))
        self.lw = self.width * 0.56
        self.vx = self.ml + self.lw + 10
        self.vw = self.width - self.lw - 10

    def on_new_page(self) -> None:
        self.text(self.W / 2, self.y - 6, SBU, "Times-Italic", 7.5, "center")
        self.y -= 16

    def title(self, d: Doc) -> None:
        self.text(self.ml, self.y - 12, TITLE, "Times-Bold", 14)
        self.y -= 26

    def h1(self, t: str) -> None:
        self.need(44)
        self.y -= 6
        self.rect(self.ml - 3, self.y - 15, self.width + 6, 15, 0.82)
        self.text(self.ml + 2, self.y - 11, t, "Times-Bold", 10)
        self.y -= 21

    def h2(self, t: str) -> None:
        self.need(30)
        self.y -= 3
        self.text(self.ml, self.y - 9, t, "Times-BoldItalic", 9)
        self.line(self.ml, self.y - 12, self.ml + self.width, self.y - 12, 0.3)
        self.y -= 16

    def row(self, label: str, value: str | None, num: int | None, inline: bool) -> None:
        lab = wrap(with_colon(numbered(label, num)), "Times-Bold", self.SIZE, self.lw)
        val = wrap(value, "Times-Roman", self.SIZE, self.vw) if value else []
        self.need(self.LEAD * len(lab) + 2)
        for i, ln in enumerate(lab):
            base = self.y - self.SIZE
            self.text(self.ml, base, ln, "Times-Bold", self.SIZE)
            if i == len(lab) - 1 and val:
                self.text(self.vx, base, val[0], "Times-Roman", self.SIZE)
            self.y -= self.LEAD
        split = False
        for ln in val[1:]:
            if self.room() < self.LEAD:
                self.new_page()
                split = True
            self.text(self.vx, self.y - self.SIZE, ln, "Times-Roman", self.SIZE)
            self.y -= self.LEAD
        self.split_values += split
        self.y -= 2.5

    def cont(self, value: str) -> None:
        self.y += 2.5
        for ln in wrap(value, "Times-Roman", self.SIZE, self.vw):
            self.need(self.LEAD)
            self.text(self.vx, self.y - self.SIZE, ln, "Times-Roman", self.SIZE)
            self.y -= self.LEAD
        self.y -= 2.5


# ---------------------------------------------------------------- layout (c): flow


class Flow(Pages):
    """A4, DejaVu Sans: each value on the line below its label, indented."""

    SIZE, LEAD, INDENT = 8.5, 11.0, 22.0

    def __init__(self) -> None:
        super().__init__(A4, (72, 64, 60, 54))

    def title(self, d: Doc) -> None:
        self.text(self.ml, self.y - 12, TITLE, "DejaVuSans-Bold", 12)
        self.text(self.ml, self.y - 26, SBU, "DejaVuSans", 8)
        self.y -= 40

    def h1(self, t: str) -> None:
        self.need(50)
        self.y -= 10
        self.line(self.ml, self.y, self.W - self.mr, self.y, 1.2)
        self.text(self.ml, self.y - 14, t, "DejaVuSans-Bold", 11)
        self.y -= 22

    def h2(self, t: str) -> None:
        self.need(36)
        self.y -= 6
        self.text(self.ml, self.y - 10, t, "DejaVuSans-Bold", 9.5)
        self.y -= 16

    def row(self, label: str, value: str | None, num: int | None, inline: bool) -> None:
        if num is not None and inline and value:
            head = f"{label}: ({num}):"
            hw = pdfmetrics.stringWidth(head + " ", "DejaVuSans", self.SIZE)
            val = wrap(value, "DejaVuSans-Bold", self.SIZE, self.width - hw)
            self.need(self.LEAD * len(val))
            self.text(self.ml, self.y - self.SIZE, head, "DejaVuSans", self.SIZE)
            for ln in val:
                self.text(self.ml + hw, self.y - self.SIZE, ln, "DejaVuSans-Bold", self.SIZE)
                self.y -= self.LEAD
            self.y -= 2
            return
        # Flowing text: like a browser, break the page between any two lines, even between a
        # question and its answer or inside a wrapped question.
        lab = wrap(with_colon(numbered(label, num)), "DejaVuSans", self.SIZE, self.width)
        val = wrap(value, "DejaVuSans-Bold", self.SIZE, self.width - self.INDENT) if value else []
        split = False
        for i, ln in enumerate(lab):
            if self.room() < self.LEAD:
                self.new_page()
                split = split or i > 0
            self.text(self.ml, self.y - self.SIZE, ln, "DejaVuSans", self.SIZE)
            self.y -= self.LEAD
        for ln in val:
            if self.room() < self.LEAD:
                self.new_page()
                split = True
            self.text(self.ml + self.INDENT, self.y - self.SIZE, ln, "DejaVuSans-Bold", self.SIZE)
            self.y -= self.LEAD
        self.split_values += split
        self.y -= 3

    def cont(self, value: str) -> None:
        self.y += 3
        for ln in wrap(value, "DejaVuSans-Bold", self.SIZE, self.width - self.INDENT):
            self.need(self.LEAD)
            self.text(self.ml + self.INDENT, self.y - self.SIZE, ln, "DejaVuSans-Bold", self.SIZE)
            self.y -= self.LEAD
        self.y -= 3


# ---------------------------------------------------------------- layout (d): right


class Right(Pages):
    """Letter, Times 9.5, narrow margins: labels right-aligned against a gutter rule, values
    left-aligned beside the label's first line; numbered rows as ``Label: (1):``."""

    SIZE, LEAD = 9.5, 11.5

    def __init__(self) -> None:
        super().__init__(letter, (30, 30, 44, 40))
        self.lw = self.width * 0.46
        self.gx = self.ml + self.lw + 7
        self.vx = self.gx + 7
        self.vw = self.ml + self.width - self.vx

    def title(self, d: Doc) -> None:
        self.text(self.W / 2, self.y - 12, TITLE, "Times-Bold", 14, "center")
        self.text(self.W / 2, self.y - 26, SBU, "Times-Roman", 9, "center")
        self.y -= 40

    def h1(self, t: str) -> None:
        self.need(46)
        self.y -= 8
        self.line(self.ml, self.y, self.W - self.mr, self.y, 0.6)
        self.text(self.W / 2, self.y - 13, t, "Times-Bold", 11.5, "center")
        self.line(self.ml, self.y - 18, self.W - self.mr, self.y - 18, 0.6)
        self.y -= 24

    def h2(self, t: str) -> None:
        self.need(32)
        self.y -= 4
        self.text(self.gx, self.y - 10, t, "Times-BoldItalic", 10.5, "center")
        self.y -= 16

    def row(self, label: str, value: str | None, num: int | None, inline: bool) -> None:
        text = f"{label}: ({num}):" if num is not None else with_colon(label)
        lab = wrap(text, "Times-Roman", self.SIZE, self.lw)
        val = wrap(value, "Times-Bold", self.SIZE, self.vw) if value else []
        self.need(self.LEAD * len(lab) + 2)
        top = self.y
        split = False
        for i in range(max(len(lab), len(val))):
            if self.room() < self.LEAD:
                self.line(self.gx, top, self.gx, self.y, 0.3)
                self.new_page()
                top = self.y
                split = True
            base = self.y - self.SIZE
            if i < len(lab):
                self.text(self.gx - 7, base, lab[i], "Times-Roman", self.SIZE, "right")
            if i < len(val):
                self.text(self.vx, base, val[i], "Times-Bold", self.SIZE)
            self.y -= self.LEAD
        self.line(self.gx, top, self.gx, self.y, 0.3)
        self.split_values += split
        self.y -= 2

    def cont(self, value: str) -> None:
        self.y += 2
        for ln in wrap(value, "Times-Bold", self.SIZE, self.vw):
            self.need(self.LEAD)
            self.text(self.vx, self.y - self.SIZE, ln, "Times-Bold", self.SIZE)
            self.y -= self.LEAD
        self.y -= 2


LAYOUTS: list[tuple[str, type[Pages]]] = [("ceac", Ceac), ("band", Band), ("flow", Flow),
                                          ("right", Right)]


def render_print(A: dict[str, Any], v: int, path: Path) -> tuple[dict[str, Any], dict[str, int]]:
    register_fonts()
    d = build(A, v)
    pages = LAYOUTS[v][1]()
    pages.title(d)  # type: ignore[attr-defined]
    for item in d.items:
        getattr(pages, item[0])(*item[1:])
    n = pages.render(path, A["print_date"][0])
    return d.truth, {"pages": n, "split_values": pages.split_values}


# ---------------------------------------------------------------- confirmation page


def _barcode(p: Pages, x: float, y: float, code: str) -> None:
    """Bars only (no text): a deterministic pattern from the Application ID."""
    bits = "".join(f"{ord(ch):08b}" for ch in code)
    for i, b in enumerate("1011" + bits + "1101"):
        w = 1.6 if b == "1" else 0.8
        p.rect(x, y, w, 44, 0.0)
        x += w + (1.4 if i % 3 else 0.9)


def render_confirmation(A: dict[str, Any], path: Path) -> dict[str, Any]:
    """A boxed one-page confirmation: labels right-aligned against a rule, values to the right."""
    register_fonts()
    conf = A["confirmation"]
    p = Pages(letter, (54, 54, 60, 60))
    p.text(p.W / 2, p.y - 14, "Nonimmigrant Visa - Confirmation Page", "Helvetica-Bold", 15,
           "center")
    p.y -= 40
    p.rect(p.ml, p.y - 120, p.width, 120, 0.94)
    _barcode(p, p.ml + 16, p.y - 62, A["app_id"])
    p.text(p.ml + 16, p.y - 84, A["app_id"], "Courier-Bold", 14)
    p.rect(p.W - p.mr - 100, p.y - 112, 86, 104, 0.75)  # photo
    p.y -= 150
    p.text(p.ml, p.y, "Please bring this page to your visa interview.", "Helvetica-Oblique", 9)
    p.y -= 26
    T: dict[str, Any] = {"application.document": "confirmation"}
    sur, giv = A["surnames"], A["given_names"]
    place = [A["birth_city"]]
    if not isinstance(A["birth_state"], Null):
        place.append(A["birth_state"])
    place.append(A["birth_country"])
    rows = [
        ("Confirmation No", A["app_id"]),
        ("Name Provided", f"{sur}, {giv}"),
        ("Date of Birth", print_date(A["dob"])),
        ("Place of Birth", ", ".join(place)),
        ("Sex", A["sex"]),
        ("Nationality", A["nationality"]),
        ("Passport Number", A["passport"]["number"]),
        ("Location Selected", A["location"]),
        ("Application Submitted", conf["submitted"][0]),
    ]
    T.update({
        "application.id": A["app_id"],
        "personal.surnames": sur,
        "personal.given_names": giv,
        "personal.date_of_birth": A["dob"],
        "personal.birth_city": A["birth_city"],
        "personal.birth_country": A["birth_country"],
        "personal.sex": A["sex"],
        "personal.nationality": A["nationality"],
        "passport.number": typed(A["passport"]["number"], "id"),
        "application.location": A["location"],
        "application.submitted_at": conf["submitted"][1],
    })
    if len(place) == 3:
        T["personal.birth_state"] = A["birth_state"]
    col = p.ml + 170
    top = p.y + 12
    for label, value in rows:
        p.text(col - 10, p.y, label + ":", "Helvetica", 10, "right")
        p.text(col + 10, p.y, value, "Helvetica-Bold", 10)
        p.y -= 21
    p.line(col, top, col, p.y + 10, 0.6)
    p.rect(p.ml, p.y - 2, p.width, 0.8, 0.0)
    p.y -= 24
    p.text(p.ml, p.y, "Do not submit this page to your local embassy by mail. Keep it for your "
           "records.", "Helvetica", 8)
    p.render(path, conf["header"], "Consular Electronic Application Center - Confirmation Page",
             "https://ceac.state.gov/GenNIV/General/complete/confirmation.aspx?node=Confirmation")
    return T


# ---------------------------------------------------------------- set


def generate(out: Path) -> list[dict[str, Any]]:
    """Write every held-out PDF and truth JSON into ``out``; return the cases."""
    out.mkdir(parents=True, exist_ok=True)
    cases = []
    for A in APPLICANTS:
        for v, (lname, _) in enumerate(LAYOUTS):
            pdf = out / f"{A['slug']}__{lname}.pdf"
            truth, stats = render_print(A, v, pdf)
            cases.append({"pdf": pdf, "truth": truth, "layout": lname, **stats})
        if A["confirmation"]:
            pdf = out / f"{A['slug']}__confirmation.pdf"
            truth = render_confirmation(A, pdf)
            cases.append({"pdf": pdf, "truth": truth, "layout": "confirmation", "pages": 1,
                          "split_values": 0})
    for case in cases:
        case["pdf"].with_suffix(".json").write_text(
            json.dumps(case["truth"], ensure_ascii=False, indent=2, sort_keys=True) + "\n",
            encoding="utf-8")
    return cases


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "heldout_out")
    for case in generate(out):
        print(f"{case['pdf'].name:<36} {case['layout']:<13} pages={case['pages']:<3} "
              f"fields={len(case['truth']):<4} split-rows={case['split_values']}")


if __name__ == "__main__":
    main()
