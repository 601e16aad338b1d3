"""The DS-160 answer model of held-out set 5 and what a print-out of it holds.

``layout(app)`` turns one application (a plain dict, see ``gen.py``) into the rows of its
print-out (written from ``../shared/spec/ds160-print-format.md``: sections in the print's
order, ``Label:`` rows, numbered repeated blocks, long questions with their answer on a line
of their own) and, from the same model, the golden ``extract`` fields in the types of
``docs/extraction.md``. The golden is never computed from any reading of a file.
"""

from __future__ import annotations

from typing import Any

MONTHS = ["JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY", "AUGUST",
          "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER"]
DNA = "DOES NOT APPLY"

CURRENCY = {"MONGOLIA": "MNT", "PHILIPPINES": "PHP", "UKRAINE": "UAH", "KYRGYZSTAN": "KGS",
            "VIETNAM": "VND", "TURKEY": "TRY", "NIGERIA": "NGN", "KAZAKHSTAN": "KZT",
            "INDIA": "INR", "COLOMBIA": "COP", "PERU": "PEN", "RUSSIA": "RUB"}

# (key, printed question) — wordings as on the DS-160's Security and Background pages
SECURITY = [
    ("Security and Background: Part 1", [
        ("communicable_disease", "Do you have a communicable disease of public health significance? "
         "(Communicable diseases of public significance include chancroid, gonorrhea, granuloma "
         "inguinale, infectious leprosy, lymphogranuloma venereum, infectious stage syphilis, active "
         "tuberculosis, and other diseases as determined by the Department of Health and Human "
         "Services.)"),
        ("mental_disorder", "Do you have a mental or physical disorder that poses or is likely to "
         "pose a threat to the safety or welfare of yourself or others?"),
        ("drug_abuser", "Are you or have you ever been a drug abuser or addict?"),
    ]),
    ("Security and Background: Part 2", [
        ("arrested_or_convicted", "Have you ever been arrested or convicted for any offense or crime, "
         "even though subject of a pardon, amnesty, or other similar action?"),
        ("controlled_substances", "Have you ever violated, or engaged in a conspiracy to violate, any "
         "law relating to controlled substances?"),
        ("prostitution", "Are you coming to the United States to engage in prostitution or unlawful "
         "commercialized vice or have you been engaged in prostitution or procuring prostitutes within "
         "the past 10 years?"),
        ("money_laundering", "Have you ever been involved in, or do you seek to engage in, money "
         "laundering?"),
        ("human_trafficking", "Have you ever committed or conspired to commit a human trafficking "
         "offense in the United States or outside the United States?"),
    ]),
    ("Security and Background: Part 3", [
        ("espionage", "Do you seek to engage in espionage, sabotage, export control violations, or "
         "any other illegal activity while in the United States?"),
        ("terrorist_activity", "Do you seek to engage in terrorist activities while in the United "
         "States or have you ever engaged in terrorist activities?"),
        ("terrorist_support", "Have you ever or do you intend to provide financial assistance or "
         "other support to terrorists or terrorist organizations?"),
        ("genocide", "Have you ever ordered, incited, committed, assisted, or otherwise participated "
         "in genocide?"),
        ("torture", "Have you ever committed, ordered, incited, assisted, or otherwise participated "
         "in torture?"),
    ]),
    ("Security and Background: Part 4", [
        ("removal_hearing", "Have you ever been the subject of a removal or deportation hearing?"),
        ("immigration_fraud", "Have you ever sought to obtain or assist others to obtain a visa, "
         "entry into the United States, or any other United States immigration benefit by fraud or "
         "willful misrepresentation or other unlawful means?"),
        ("removed_or_deported", "Have you been removed or deported from any country?"),
    ]),
    ("Security and Background: Part 5", [
        ("withheld_custody", "Have you ever withheld custody of a U.S. citizen child outside the "
         "United States from a person granted legal custody by a U.S. court?"),
        ("voted_unlawfully", "Have you voted in the United States in violation of any law or "
         "regulation?"),
        ("renounced_for_tax", "Have you ever renounced United States citizenship for the purposes of "
         "avoiding taxation?"),
    ]),
]

# questions at least this long are printed over the page's full width, the answer on a line of
# its own below (the spec's own example); shorter ones in the label column, answer beside
LONG_QUESTION = 110


def fdate(iso: str) -> str:
    parts = iso.split("-")
    if len(parts) == 3:
        return f"{parts[2]} {MONTHS[int(parts[1]) - 1]} {parts[0]}"
    if len(parts) == 2:
        return f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
    return parts[0]


def fdur(d: tuple[int, str]) -> str:
    return f"{d[0]} {d[1]}(S)"


def gdur(d: tuple[int, str]) -> dict[str, Any]:
    return {"value": d[0], "unit": d[1]}


def yn(b: bool) -> str:
    return "YES" if b else "NO"


def composite(*parts: str | None) -> str:
    return ", ".join(p for p in parts if p and p != DNA)


class Layout:
    """The print-out's items, in order: ("section", t), ("sub", t), ("row", label, value),
    ("question", text, answer); and the golden fields."""

    def __init__(self) -> None:
        self.items: list[tuple] = []
        self.gold: dict[str, Any] = {}

    def section(self, t: str) -> None:
        self.items.append(("section", t))

    def sub(self, t: str) -> None:
        self.items.append(("sub", t))

    def row(self, label: str, value: str | None, key: str | None = None, gold: Any = ...) -> None:
        printed = DNA if value is None else value
        if len(label) >= LONG_QUESTION:
            self.items.append(("question", label, printed))
        else:
            self.items.append(("row", label, printed))
        if key:
            self.gold[key] = (None if value is None else value) if gold is ... else gold

    def yes_no(self, label: str, b: bool, key: str | None) -> None:
        self.row(label, yn(b), key, b)

    def date(self, label: str, iso: str | None, key: str | None) -> None:
        self.row(label, None if iso is None else fdate(iso), key, iso)


def layout(a: dict[str, Any]) -> Layout:
    """The print-out of application ``a`` and its golden fields."""
    L = Layout()
    g = L.gold
    g["application.id"] = a["app_id"]
    g["application.document"] = "print"
    g["application.submitted_at"] = a["printed"][0]

    p = a["person"]
    L.section("Personal, Address, Phone, and Passport/Travel Document Information")
    L.sub("Personal Information 1")
    if a.get("split_name"):
        L.row("Surnames:", p["surnames"], "personal.surnames")
        L.row("Given Names:", p["given"], "personal.given_names")
    else:
        L.row("Name Provided:", f"{p['surnames']}, {p['given']}")
        g["personal.surnames"] = p["surnames"]
        g["personal.given_names"] = p["given"]
    L.row("Full Name in Native Language:", p.get("native"), "personal.full_name_native")
    L.yes_no("Have you ever used other names (i.e., maiden, religious, professional, alias, etc.)?",
             bool(p.get("other_names")), "personal.other_names_used")
    others = []
    for i, (s, gn) in enumerate(p.get("other_names") or [], 1):
        L.row(f"Other Surnames Used ({i}):", s)
        L.row(f"Other Given Names Used ({i}):", gn)
        others.append({"surnames": s, "given_names": gn})
    g["personal.other_names"] = others
    L.yes_no("Do you have a telecode that represents your name?", False, "personal.telecode")
    L.row("Sex:", p["sex"], "personal.sex")
    L.row("Marital Status:", p["marital"], "personal.marital_status")
    L.date("Date of Birth:", p["dob"], "personal.date_of_birth")
    L.row("City of Birth:", p["birth_city"], "personal.birth_city")
    L.row("State/Province of Birth:", p.get("birth_state"), "personal.birth_state")
    L.row("Country/Region of Birth:", p["birth_country"], "personal.birth_country")

    L.sub("Personal Information 2")
    L.row("Country/Region of Origin (Nationality):", p["nationality"], "personal.nationality")
    L.yes_no("Do you hold or have you held any nationality other than the one you have listed "
             "above?", False, "personal.other_nationality")
    g["personal.other_nationalities"] = []
    L.yes_no("Are you a permanent resident of a country/region other than your country/region of "
             "origin (nationality) indicated above?", False, "personal.permanent_resident_other")
    L.row("National Identification Number:", p.get("national_id"), "personal.national_id",
          None if p.get("national_id") is None else p["national_id"].replace(" ", "").replace("-", "").upper())
    L.row("U.S. Social Security Number:", None, "personal.us_ssn")
    L.row("U.S. Taxpayer ID Number:", None, "personal.us_taxpayer_id")

    h = a["home"]
    L.sub("Address and Phone Information")
    L.row("Home Address:", h["street"])
    if h.get("street2"):
        L.items.append(("cont", h["street2"]))
        g["contact.home_street"] = f"{h['street']} {h['street2']}"
    else:
        g["contact.home_street"] = h["street"]
    L.row("City:", h["city"], "contact.home_city")
    L.row("State/Province:", h.get("state"), "contact.home_state")
    L.row("Postal Zone/ZIP Code:", h.get("postal"), "contact.home_postal_code")
    L.row("Country/Region:", h["country"], "contact.home_country")
    L.yes_no("Is your Mailing Address the same as your Home Address?", True,
             "contact.mailing_same_as_home")
    c = a["contact"]
    L.row("Primary Phone Number:", c["phone"], "contact.primary_phone")
    L.row("Secondary Phone Number:", c.get("phone2"), "contact.secondary_phone")
    L.row("Work Phone Number:", c.get("work_phone"), "contact.work_phone")
    L.yes_no("Have you used any other phone numbers in the last five years?",
             bool(c.get("other_phones")), None)
    for i, ph in enumerate(c.get("other_phones") or [], 1):
        L.row(f"Additional Phone Number ({i}):", ph)
    if c.get("other_phones"):
        g["contact.other_phones"] = list(c["other_phones"])
    L.row("Email Address:", c["email"].upper(), "contact.email")
    L.yes_no("Have you used any other email addresses in the last five years?",
             bool(c.get("other_emails")), None)
    for i, em in enumerate(c.get("other_emails") or [], 1):
        L.row(f"Additional Email Address ({i}):", em.upper())
    if c.get("other_emails"):
        g["contact.other_emails"] = [e.upper() for e in c["other_emails"]]
    L.sub("Social Media Information")
    sm = []
    for i, (plat, ident) in enumerate(c["social"], 1):
        L.row(f"Social Media Provider/Platform ({i}):", plat)
        L.row(f"Social Media Identifier ({i}):", ident)
        sm.append({"platform": plat, "identifier": ident})
    g["contact.social_media"] = sm

    pp = a["passport"]
    L.sub("Passport Information")
    L.row("Passport/Travel Document Type:", "REGULAR", "passport.type")
    L.row("Passport/Travel Document Number:", pp["number"], "passport.number")
    L.row("Passport Book Number:", None, "passport.book_number")
    L.row("Country/Authority that Issued Passport/Travel Document:", pp["authority"],
          "passport.issuing_authority")
    L.row("City:", pp["city"])
    L.row("State/Province:", pp.get("state"))
    L.row("Country/Region:", pp["country"])
    L.date("Issuance Date:", pp["issued"], "passport.issue_date")
    L.date("Expiration Date:", pp["expires"], "passport.expiration_date")
    L.yes_no("Have you ever lost a passport or had one stolen?", False, "passport.lost_or_stolen")
    g["passport.lost"] = []

    t = a["trip"]
    L.section("Travel Information")
    L.row("Purpose of Trip to the U.S. (1):", "TEMP. BUSINESS PLEASURE VISITOR (B)", "travel.purpose")
    L.row("Specify:", "BUSINESS & TOURISM (TEMPORARY VISITOR) (B1/B2)", "travel.purpose_specify")
    L.yes_no("Have you made specific travel plans?", False, "travel.specific_plans")
    L.date("Intended Date of Arrival:", t["arrival"], "travel.intended_arrival_date")
    L.row("Intended Length of Stay in U.S.:", fdur(t["stay"]), "travel.intended_length_of_stay",
          gdur(t["stay"]))
    L.row("Address Where You Will Stay in the U.S.:", t["street"])
    L.row("City:", t["city"])
    L.row("State:", t["state"])
    L.row("ZIP Code:", t["zip"])
    g["travel.us_address"] = composite(t["street"], t["city"], t["state"], t["zip"])
    L.row("Person/Entity Paying for Your Trip:", "SELF", "travel.payer")
    L.sub("Travel Companions Information")
    L.yes_no("Are there other persons traveling with you?", False, "travel.companions")
    g["travel.companion_list"] = []

    pv = a["prev"]
    L.sub("Previous U.S. Travel Information")
    L.yes_no("Have you ever been in the U.S.?", bool(pv["visits"]), "previous_travel.been_in_us")
    visits = []
    for i, (arr, stay) in enumerate(pv["visits"], 1):
        L.date(f"Date Arrived ({i}):", arr, None)
        L.row(f"Length of Stay ({i}):", fdur(stay))
        visits.append({"arrived": arr, "length_of_stay": gdur(stay)})
    g["previous_travel.visits"] = visits
    L.yes_no("Do you or did you ever hold a U.S. Driver's License?", False,
             "previous_travel.us_drivers_license")
    g["previous_travel.drivers_licenses"] = []
    visa = pv.get("visa")
    L.yes_no("Have you ever been issued a U.S. Visa?", bool(visa), "previous_travel.visa_issued")
    if visa:
        L.date("Date Last Visa Was Issued:", visa["issued"], "previous_travel.last_visa_issue_date")
        L.row("Visa Number:", visa["number"], "previous_travel.last_visa_number")
        L.yes_no("Are you applying for the same type of visa?", True, "previous_travel.same_visa_type")
        L.yes_no("Are you applying in the same country or location where the visa above was issued, "
                 "and is this country or location your place of principal of residence?", True,
                 "previous_travel.same_country")
        L.yes_no("Have you been ten-printed?", True, "previous_travel.ten_printed")
        L.yes_no("Has your U.S. Visa ever been lost or stolen?", False,
                 "previous_travel.visa_lost_or_stolen")
        L.yes_no("Has your U.S. Visa ever been cancelled or revoked?", False,
                 "previous_travel.visa_cancelled_or_revoked")
    L.yes_no("Have you ever been refused a U.S. Visa, or been refused admission to the United "
             "States, or withdrawn your application for admission at the port of entry?",
             pv["refused"], "previous_travel.refused")
    if pv["refused"]:
        L.row("Explain:", pv["refused_explain"], "previous_travel.refused_explanation")
    L.yes_no("Has anyone ever filed an immigrant petition on your behalf with the United States "
             "Citizenship and Immigration Services?", False, "previous_travel.immigrant_petition")

    u = a["us_contact"]
    L.section("U.S. Contact Information")
    L.row("Contact Person Surnames:", u["surnames"], "us_contact.surnames")
    L.row("Contact Person Given Names:", u["given"], "us_contact.given_names")
    L.row("Organization Name:", u.get("org"), "us_contact.organization")
    L.row("Relationship to You:", u["relationship"], "us_contact.relationship")
    L.row("U.S. Street Address (Line 1):", u["street"])
    L.row("City:", u["city"])
    L.row("State:", u["state"])
    L.row("ZIP Code:", u["zip"])
    g["us_contact.address"] = composite(u["street"], u["city"], u["state"], u["zip"])
    L.row("Phone Number:", u["phone"], "us_contact.phone")
    L.row("Email Address:", u["email"].upper() if u.get("email") else None, "us_contact.email")

    f = a["family"]
    L.section("Family Information")
    L.sub("Family Information: Relatives")
    for who, Who in (("father", "Father's"), ("mother", "Mother's")):
        s, gn, dob = f[who]
        L.row(f"{Who} Surnames:", s, f"family.{who}_surnames")
        L.row(f"{Who} Given Names:", gn, f"family.{who}_given_names")
        L.date(f"{Who} Date of Birth:", dob, f"family.{who}_date_of_birth")
        L.yes_no(f"Is your {who} in the U.S.?", False, f"family.{who}_in_us")
    L.yes_no("Do you have any immediate relatives, not including parents, in the United States?",
             False, "family.immediate_relatives_in_us")
    g["family.immediate_relatives"] = []
    L.yes_no("Do you have any other relatives in the United States?", False,
             "family.other_relatives_in_us")
    sp = f.get("spouse")
    if sp:
        L.sub("Family Information: Spouse")
        L.row("Spouse's Surnames:", sp["surnames"], "family.spouse_surnames")
        L.row("Spouse's Given Names:", sp["given"], "family.spouse_given_names")
        L.date("Spouse's Date of Birth:", sp["dob"], "family.spouse_date_of_birth")
        L.row("Spouse's Country/Region of Origin (Nationality):", sp["nationality"],
              "family.spouse_nationality")
        L.row("Spouse's City of Birth:", sp["birth_city"], "family.spouse_birth_city")
        L.row("Spouse's Country/Region of Birth:", sp["birth_country"], "family.spouse_birth_country")
        L.row("Spouse's Address:", "SAME AS HOME ADDRESS")

    w = a["work"]
    L.section("Work/Education/Training Information")
    L.sub("Present Work/Education/Training Information")
    L.row("Primary Occupation:", w["occupation"], "work.primary_occupation")
    L.row("Present Employer or School Name:", w["employer"], "work.present_employer")
    L.row("Street Address (Line 1):", w["street"])
    L.row("City:", w["city"])
    L.row("State/Province:", w.get("state"))
    L.row("Postal Zone/ZIP Code:", w.get("postal"))
    L.row("Country/Region:", w["country"])
    g["work.present_employer_address"] = composite(w["street"], w["city"], w.get("state"),
                                                   w.get("postal"), w["country"])
    L.row("Phone Number:", w["phone"], "work.present_employer_phone")
    L.date("Start Date:", w["start"], "work.present_start_date")
    L.row("Monthly Income in Local Currency (if employed):", str(w["income"]), "work.monthly_income",
          {"amount": float(w["income"]), "currency": CURRENCY[h["country"]]})
    L.row("Briefly describe your duties:", w["duties"], "work.duties")

    L.sub("Previous Work/Education/Training Information")
    prev = w.get("previous") or []
    L.yes_no("Were you previously employed?", bool(prev), "work.previously_employed")
    items = []
    for i, e in enumerate(prev, 1):
        L.row(f"Employer Name ({i}):", e["name"])
        L.row(f"Employer Street Address ({i}):", e["street"])
        L.row(f"City ({i}):", e["city"])
        L.row(f"State/Province ({i}):", e.get("state"))
        L.row(f"Postal Zone/ZIP Code ({i}):", e.get("postal"))
        L.row(f"Country/Region ({i}):", e["country"])
        L.row(f"Telephone Number ({i}):", e["phone"])
        L.row(f"Job Title ({i}):", e["title"])
        L.row(f"Supervisor's Surname ({i}):", e["sup"][0])
        L.row(f"Supervisor's Given Names ({i}):", e["sup"][1])
        L.date(f"Employment Date From ({i}):", e["from"], None)
        L.date(f"Employment Date To ({i}):", e["to"], None)
        L.row(f"Briefly describe your duties ({i}):", e["duties"])
        items.append({"name": e["name"],
                      "address": composite(e["street"], e["city"], e.get("state"), e.get("postal"),
                                           e["country"]),
                      "phone": e["phone"], "job_title": e["title"],
                      "supervisor": f"{e['sup'][0]}, {e['sup'][1]}",
                      "date_from": e["from"], "date_to": e["to"], "duties": e["duties"]})
    g["work.previous_employers"] = items
    schools = a["education"]
    L.yes_no("Have you attended any educational institutions at a secondary level or above?",
             bool(schools), "education.attended")
    inst = []
    for i, s in enumerate(schools, 1):
        L.row(f"Name of Institution ({i}):", s["name"])
        L.row(f"Street Address ({i}):", s["street"])
        L.row(f"City ({i}):", s["city"])
        L.row(f"State/Province ({i}):", s.get("state"))
        L.row(f"Postal Zone/ZIP Code ({i}):", s.get("postal"))
        L.row(f"Country/Region ({i}):", s["country"])
        L.row(f"Course of Study ({i}):", s["course"])
        L.date(f"Date of Attendance From ({i}):", s["from"], None)
        L.date(f"Date of Attendance To ({i}):", s["to"], None)
        inst.append({"name": s["name"],
                     "address": composite(s["street"], s["city"], s.get("state"), s.get("postal"),
                                          s["country"]),
                     "course": s["course"], "date_from": s["from"], "date_to": s["to"]})
    g["education.institutions"] = inst

    L.sub("Additional Work/Education/Training Information")
    L.yes_no("Do you belong to a clan or tribe?", False, "additional.clan_or_tribe")
    for i, lang in enumerate(a["languages"], 1):
        L.row(f"Language Name ({i}):", lang)
    g["additional.languages"] = list(a["languages"])
    L.yes_no("Have you traveled to any countries/regions within the last five years?",
             bool(a["countries"]), "additional.traveled_last_five_years")
    for i, ctry in enumerate(a["countries"], 1):
        L.row(f"Country/Region ({i}):", ctry)
    g["additional.countries_visited"] = list(a["countries"])
    L.yes_no("Have you belonged to, contributed to, or worked for any professional, social, or "
             "charitable organization?", False, None)
    g["additional.organizations"] = []
    L.yes_no("Do you have any specialized skills or training, such as firearms, explosives, "
             "nuclear, biological, or chemical experience?", False, "additional.specialized_skills")
    L.yes_no("Have you ever served in the military?", False, None)
    g["additional.military_service"] = []
    L.yes_no("Have you ever served in, been a member of, or been involved with a paramilitary unit, "
             "vigilante unit, rebel group, guerrilla group, or insurgent organization?", False,
             "additional.paramilitary")

    sec = a.get("security_yes") or {}
    L.section("Security and Background")
    for part, questions in SECURITY:
        L.sub(part)
        for key, text in questions:
            L.yes_no(text, key in sec, f"security.{key}")
            if key in sec:
                L.row("Explain:", sec[key], f"security.{key}_explanation")
    return L
