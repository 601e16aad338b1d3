"""A DS-160 answer model for held-out set 4, printed as ds160-print-format.md describes, and the
golden fields of ``docs/extraction.md`` computed from the same model (never from a reading)."""

from __future__ import annotations

import copy
from typing import Any

from paper import PrintForm, ds_date

DNA = "DOES NOT APPLY"

SECURITY = [
    ("Security and Background: Part 1", [
        ("communicable_disease", "Do you have a communicable disease of public health significance? "
         "(Communicable diseases of public significance include chancroid, gonorrhea, granuloma "
         "inguinale, infectious leprosy, lymphogranuloma venereum, infectious stage syphilis, active "
         "tuberculosis, and other diseases as determined by the Department of Health and Human Services.)"),
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
         "commercialized vice or have you been engaged in prostitution or procuring prostitutes "
         "within the past 10 years?"),
        ("money_laundering", "Have you ever been involved in, or do you seek to engage in, money "
         "laundering?"),
    ]),
    ("Security and Background: Part 3", [
        ("espionage", "Do you seek to engage in espionage, sabotage, export control violations, or any "
         "other illegal activity while in the United States?"),
        ("genocide", "Have you ever committed, ordered, incited, assisted, or otherwise participated "
         "in genocide?"),
    ]),
    ("Security and Background: Part 4", [
        ("immigration_fraud", "Have you ever sought to obtain or assist others to obtain a visa, entry "
         "into the United States, or any other United States immigration benefit by fraud or willful "
         "misrepresentation or other unlawful means?"),
        ("removed_or_deported", "Have you ever been removed or deported from any country?"),
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


def yn(b: bool) -> str:
    return "YES" if b else "NO"


def stay(v: int, unit: str) -> str:
    return f"{v} {unit}(S)"


def build_print(p: dict[str, Any]) -> PrintForm:
    f = PrintForm(app_id=p["app_id"], printed=p["printed"], printed_time=p["time"])
    f.section("Personal, Address, Phone, and Passport/Travel Document Information")
    f.sub("Personal Information 1")
    if p.get("name_provided", True):
        f.row("Name Provided:", f"{p['surname']}, {p['given']}")
    else:
        f.row("Surnames:", p["surname"])
        f.row("Given Names:", p["given"])
    f.row("Full Name in Native Alphabet:", p["native"])
    f.row("Have you ever used other names (i.e., maiden, religious, professional, alias, etc.)?", "NO")
    f.row("Do you have a telecode that represents your name?", "NO")
    f.row("Sex:", p["sex"])
    f.row("Marital Status:", p["marital"])
    f.row("Date of Birth:", ds_date(p["dob"]))
    f.row("City of Birth:", p["birth_city"])
    f.row("State/Province of Birth:", DNA)
    f.row("Country/Region of Birth:", p["birth_country"])
    f.sub("Personal Information 2")
    f.row("Country/Region of Origin (Nationality):", p["nationality"])
    f.row("Do you hold or have you held any nationality other than the one indicated above on "
          "nationality?", "NO")
    f.row("Are you a permanent resident of a country/region other than your country/region of "
          "origin (nationality) indicated above?", "NO")
    f.row("National Identification Number:", p["national_id"])
    f.row("U.S. Social Security Number:", DNA)
    f.row("U.S. Taxpayer ID Number:", DNA)
    f.sub("Address and Phone Information")
    f.row("Home Address:", p["home_street"])
    f.row("City:", p["home_city"])
    f.row("State/Province:", p.get("home_state", DNA))
    f.row("Postal Zone/ZIP Code:", p["home_zip"])
    f.row("Country/Region:", p["home_country"])
    f.row("Is your Mailing Address the same as your Home Address?", "YES")
    f.row("Primary Phone Number:", p["phone"])
    f.row("Secondary Phone Number:", DNA)
    f.row("Work Phone Number:", DNA)
    f.row("Have you used any other phone numbers in the last five years?", yn(bool(p["other_phones"])))
    for i, ph in enumerate(p["other_phones"], 1):
        f.row(f"Additional Phone Number ({i}):", ph)
    f.row("Email Address:", p["email"])
    f.row("Have you used any other email addresses in the last five years?",
          yn(bool(p["other_emails"])))
    for i, em in enumerate(p["other_emails"], 1):
        f.row(f"Additional Email Address ({i}):", em)
    for i, (plat, ident) in enumerate(p["social"], 1):
        f.row(f"Social Media Provider/Platform ({i}):", plat)
        f.row(f"Social Media Identifier ({i}):", ident)
    f.sub("Passport Information")
    f.row("Passport/Travel Document Type:", "REGULAR")
    f.row("Passport/Travel Document Number:", p["passport_no"])
    f.row("Passport Book Number:", DNA)
    f.row("Country/Authority that Issued Passport/Travel Document:", p["nationality"])
    f.row("City:", p["passport_city"])
    f.row("Country/Region:", p["nationality"])
    f.row("Issuance Date:", ds_date(p["passport_issue"]))
    f.row("Expiration Date:", ds_date(p["passport_expiry"]))
    f.row("Have you ever lost a passport or had one stolen?", "NO")

    f.section("Travel Information")
    f.row("Purpose of Trip to the U.S. (1):", "TEMP. BUSINESS OR PLEASURE VISITOR (B)")
    f.row("Specify:", "BUSINESS OR TOURISM (TEMPORARY VISITOR) (B1/B2)")
    f.row("Have you made specific travel plans?", "NO")
    f.row("Intended Date of Arrival:", ds_date(p["arrival"]))
    f.row("Intended Length of Stay in U.S.:", stay(*p["stay"]))
    f.row("Address Where You Will Stay in the U.S.:", p["us_address"])
    f.row("Person/Entity Paying for Your Trip:", "SELF")
    f.sub("Travel Companions Information")
    f.row("Are there other persons traveling with you?", "NO")
    f.sub("Previous U.S. Travel Information")
    f.row("Have you ever been in the U.S.?", yn(bool(p["visits"])))
    for i, (arr, v, unit) in enumerate(p["visits"], 1):
        f.row(f"Date Arrived ({i}):", ds_date(arr))
        f.row(f"Length of Stay ({i}):", stay(v, unit))
    f.row("Do you or did you ever hold a U.S. Driver's License?", "NO")
    f.row("Have you ever been issued a U.S. Visa?", yn(p["visa"] is not None))
    if p["visa"] is not None:
        f.row("Date Last Visa Was Issued:", ds_date(p["visa"][0]))
        f.row("Visa Number:", p["visa"][1])
        f.row("Are you applying for the same type of visa?", "YES")
        f.row("Are you applying in the same country or location where the visa above was issued, "
              "and is this country or location your place of principal of residence?", "YES")
        f.row("Have you been ten-printed?", "YES")
        f.row("Has your U.S. Visa ever been lost or stolen?", "NO")
        f.row("Has your U.S. Visa ever been cancelled or revoked?", "NO")
    f.row("Have you ever been refused a U.S. Visa, or been refused admission to the United States, "
          "or withdrawn your application for admission at the port of entry?",
          yn(p["refused"] is not None))
    if p["refused"] is not None:
        f.row("Explain:", p["refused"])
    f.row("Has anyone ever filed an immigrant petition on your behalf with the United States "
          "Citizenship and Immigration Services?", "NO")

    f.section("U.S. Contact Information")
    c = p["contact"]
    f.row("Contact Person Surnames:", c["surnames"])
    f.row("Contact Person Given Names:", c["given"])
    f.row("Organization Name:", c.get("org", DNA))
    f.row("Relationship to You:", c["relationship"])
    f.row("U.S. Street Address (Line 1):", c["street"])
    f.row("City:", c["city"])
    f.row("State:", c["state"])
    f.row("ZIP Code:", c["zip"])
    f.row("Phone Number:", c["phone"])
    f.row("Email Address:", c["email"])

    f.section("Family Information")
    f.sub("Father's Full Name and Date of Birth")
    f.row("Surnames:", p["father"][0])
    f.row("Given Names:", p["father"][1])
    f.row("Date of Birth:", ds_date(p["father"][2]))
    f.row("Is your father in the U.S.?", "NO")
    f.sub("Mother's Full Name and Date of Birth")
    f.row("Surnames:", p["mother"][0])
    f.row("Given Names:", p["mother"][1])
    f.row("Date of Birth:", ds_date(p["mother"][2]))
    f.row("Is your mother in the U.S.?", "NO")
    f.sub("Information on Relatives in the U.S.")
    f.row("Do you have any immediate relatives, not including parents, in the United States?", "NO")
    f.row("Do you have any other relatives in the United States?", "NO")
    if p.get("spouse"):
        s = p["spouse"]
        f.sub("Spouse Information")
        f.row("Spouse's Surnames:", s["surnames"])
        f.row("Spouse's Given Names:", s["given"])
        f.row("Spouse's Date of Birth:", ds_date(s["dob"]))
        f.row("Spouse's Nationality:", s["nationality"])
        f.row("Spouse's City of Birth:", s["city"])
        f.row("Spouse's Country/Region of Birth:", s["country"])
        f.row("Spouse's Address:", "SAME AS HOME ADDRESS")

    f.section("Work/Education/Training Information")
    f.sub("Present Work/Education/Training Information")
    f.row("Primary Occupation:", p["occupation"])
    f.row("Present Employer or School Name:", p["employer"])
    f.row("Street Address (Line 1):", p["emp_street"])
    f.row("City:", p["emp_city"])
    f.row("State/Province:", DNA)
    f.row("Postal Zone/ZIP Code:", p["emp_zip"])
    f.row("Phone Number:", p["emp_phone"])
    f.row("Country/Region:", p["home_country"])
    f.row("Start Date:", ds_date(p["start"]))
    f.row("Monthly Income in Local Currency (if employed):", str(p["income"]))
    f.row("Briefly describe your duties:", p["duties"])
    f.sub("Previous Work/Education/Training Information")
    f.row("Were you previously employed?", yn(bool(p["prev"])))
    for i, e in enumerate(p["prev"], 1):
        f.row(f"Employer Name ({i}):", e["name"])
        f.row("Employer Street Address (Line 1):", e["street"])
        f.row("City:", e["city"])
        f.row("Country/Region:", p["home_country"])
        f.row("Telephone Number:", e["phone"])
        f.row("Job Title:", e["title"])
        f.row("Supervisor's Surname:", e["sup"][0])
        f.row("Supervisor's Given Names:", e["sup"][1])
        f.row("Employment Date From:", ds_date(e["from"]))
        f.row("Employment Date To:", ds_date(e["to"]))
        f.row("Briefly describe your duties:", e["duties"])
    f.row("Have you attended any educational institutions at a secondary level or above?", "YES")
    for i, s in enumerate(p["schools"], 1):
        f.row(f"Name of Institution ({i}):", s["name"])
        f.row("Street Address (Line 1):", s["street"])
        f.row("City:", s["city"])
        f.row("Country/Region:", p["home_country"])
        f.row("Course of Study:", s["course"])
        f.row("Date of Attendance From:", ds_date(s["from"]))
        f.row("Date of Attendance To:", ds_date(s["to"]))
    f.sub("Additional Work/Education/Training Information")
    f.row("Do you belong to a clan or tribe?", "NO")
    for i, lang in enumerate(p["languages"], 1):
        f.row(f"Language Name ({i}):", lang)
    f.row("Have you traveled to any countries/regions within the last five years?",
          yn(bool(p["countries"])))
    for i, ctry in enumerate(p["countries"], 1):
        f.row(f"Country/Region ({i}):", ctry)
    f.row("Have you belonged to, contributed to, or worked for any professional, social, or "
          "charitable organization?", "NO")
    f.row("Do you have any specialized skills or training, such as firearms, explosives, nuclear, "
          "biological, or chemical experience?", "NO")
    f.row("Have you ever served in the military?", "NO")
    f.row("Have you ever served in, been a member of, or been involved with a paramilitary unit, "
          "vigilante unit, rebel group, guerrilla group, or insurgent organization?", "NO")
    for title, qs in SECURITY:
        f.section(title)
        for _key, q in qs:
            f.row(q, "NO")
    return f


def phone_norm(s: str) -> str:
    return ("+" if s.strip().startswith("+") else "") + "".join(ch for ch in s if ch.isdigit())


CURRENCY = {"KAZAKHSTAN": "KZT", "UZBEKISTAN": "UZS", "GEORGIA": "GEL", "ARMENIA": "AMD",
            "KYRGYZSTAN": "KGS", "AZERBAIJAN": "AZN", "TAJIKISTAN": "TJS"}


def golden(p: dict[str, Any]) -> dict[str, Any]:
    """The keys ``extract`` should give for this print-out, in the types of docs/extraction.md.
    Only keys whose printing here is unambiguous (no key read from a generic label whose binding
    the spec leaves to the parser's judgment, such as the passport's City:)."""
    g: dict[str, Any] = {
        "application.id": p["app_id"],
        "application.document": "print",
        "application.submitted_at": p["printed"],
        "personal.surnames": p["surname"],
        "personal.given_names": p["given"],
        "personal.full_name_native": p["native"],
        "personal.other_names_used": False,
        "personal.other_names": [],
        "personal.telecode": False,
        "personal.sex": p["sex"],
        "personal.marital_status": p["marital"],
        "personal.date_of_birth": p["dob"],
        "personal.birth_city": p["birth_city"],
        "personal.birth_state": None,
        "personal.birth_country": p["birth_country"],
        "personal.nationality": p["nationality"],
        "personal.other_nationality": False,
        "personal.other_nationalities": [],
        "personal.permanent_resident_other": False,
        "personal.national_id": None if p["national_id"] == DNA else p["national_id"].upper(),
        "personal.us_ssn": None,
        "personal.us_taxpayer_id": None,
        "contact.home_street": p["home_street"],
        "contact.home_country": p["home_country"],
        "contact.mailing_same_as_home": True,
        "contact.primary_phone": phone_norm(p["phone"]),
        "contact.email": p["email"],
        "passport.type": "REGULAR",
        "passport.number": p["passport_no"],
        "passport.book_number": None,
        "passport.issue_date": p["passport_issue"],
        "passport.expiration_date": p["passport_expiry"],
        "passport.lost_or_stolen": False,
        "passport.lost": [],
        "travel.specific_plans": False,
        "travel.intended_arrival_date": p["arrival"],
        "travel.intended_length_of_stay": {"value": p["stay"][0], "unit": p["stay"][1]},
        "travel.payer": "SELF",
        "travel.companions": False,
        "travel.companion_list": [],
        "previous_travel.been_in_us": bool(p["visits"]),
        "previous_travel.visits": [{"arrived": a, "length_of_stay": {"value": v, "unit": u}}
                                   for a, v, u in p["visits"]],
        "previous_travel.us_drivers_license": False,
        "previous_travel.drivers_licenses": [],
        "previous_travel.visa_issued": p["visa"] is not None,
        "previous_travel.refused": p["refused"] is not None,
        "previous_travel.immigrant_petition": False,
        "us_contact.surnames": p["contact"]["surnames"],
        "us_contact.given_names": p["contact"]["given"],
        "us_contact.relationship": p["contact"]["relationship"],
        "us_contact.phone": phone_norm(p["contact"]["phone"]),
        "us_contact.email": p["contact"]["email"],
        "family.father_surnames": p["father"][0],
        "family.father_given_names": p["father"][1],
        "family.father_date_of_birth": p["father"][2],
        "family.father_in_us": False,
        "family.mother_surnames": p["mother"][0],
        "family.mother_given_names": p["mother"][1],
        "family.mother_date_of_birth": p["mother"][2],
        "family.mother_in_us": False,
        "family.immediate_relatives_in_us": False,
        "family.immediate_relatives": [],
        "family.other_relatives_in_us": False,
        "work.primary_occupation": p["occupation"],
        "work.present_employer": p["employer"],
        "work.present_start_date": p["start"],
        "work.monthly_income": {"amount": float(p["income"]),
                                "currency": CURRENCY[p["home_country"]]},
        "work.duties": p["duties"],
        "work.previously_employed": bool(p["prev"]),
        "education.attended": True,
        "additional.clan_or_tribe": False,
        "additional.languages": list(p["languages"]),
        "additional.traveled_last_five_years": bool(p["countries"]),
        "additional.countries_visited": list(p["countries"]),
        "additional.organizations": [],
        "additional.specialized_skills": False,
        "additional.military_service": [],
        "additional.paramilitary": False,
    }
    # the additional phones and e-mails only when listed (the spec does not say whether a NO
    # gives an empty list or no key); the social media items as printed
    if p["other_phones"]:
        g["contact.other_phones"] = [phone_norm(x) for x in p["other_phones"]]
    if p["other_emails"]:
        g["contact.other_emails"] = list(p["other_emails"])
    if p["social"]:
        g["contact.social_media"] = [{"platform": a, "identifier": b} for a, b in p["social"]]
    if not p["prev"]:
        g["work.previous_employers"] = []
    if p["visa"] is not None:
        g["previous_travel.last_visa_issue_date"] = p["visa"][0]
        g["previous_travel.last_visa_number"] = p["visa"][1]
    if p["refused"] is not None:
        g["previous_travel.refused_explanation"] = p["refused"]
    for _title, qs in SECURITY:
        for key, _q in qs:
            g[f"security.{key}"] = False
    if p.get("spouse"):
        s = p["spouse"]
        g["family.spouse_surnames"] = s["surnames"]
        g["family.spouse_given_names"] = s["given"]
        g["family.spouse_date_of_birth"] = s["dob"]
        g["family.spouse_nationality"] = s["nationality"]
    return dict(sorted(g.items()))


def vary(p: dict[str, Any], **changes: Any) -> dict[str, Any]:
    q = copy.deepcopy(p)
    q.update(changes)
    return q
