"""Generate heldout_scans_2: ``python benchmarks/heldout_scans_2/gen.py OUT``.

Writes 12 synthetic cases (all people fictional) into OUT/<case>/text/ (text PDFs) and
OUT/<case>/scan/ (the same documents as scans and photos), plus OUT/<case>/old.fields.json
(the fields an old print-out was rendered from, for the scanned print-out cases).
Deterministic: every random choice comes from a per-case seeded ``random.Random``.
"""

from __future__ import annotations

import copy
import json
import random
import sys
from datetime import date, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import degrade as dg  # noqa: E402
import docs  # noqa: E402
from docs import ds_date  # noqa: E402

PURPOSE = "TEMP. BUSINESS OR PLEASURE VISITOR (B)"
SPECIFY = "BUSINESS OR TOURISM (TEMPORARY VISITOR) (B1/B2)"

SECURITY = [
    ("Part 1", [
        ("communicable_disease", "Do you have a communicable disease of public health significance? (Communicable diseases of public significance include chancroid, gonorrhea, granuloma inguinale, infectious leprosy, lymphogranuloma venereum, infectious stage syphilis, active tuberculosis, and other diseases as determined by the Department of Health and Human Services.)"),
        ("mental_disorder", "Do you have a mental or physical disorder that poses or is likely to pose a threat to the safety or welfare of yourself or others?"),
        ("drug_abuser", "Are you or have you ever been a drug abuser or addict?")]),
    ("Part 2", [
        ("arrested_or_convicted", "Have you ever been arrested or convicted for any offense or crime, even though subject of a pardon, amnesty, or other similar action?"),
        ("controlled_substances", "Have you ever violated, or engaged in a conspiracy to violate, any law relating to controlled substances?"),
        ("prostitution", "Are you coming to the United States to engage in prostitution or unlawful commercialized vice or have you been engaged in prostitution or procuring prostitutes within the past 10 years?"),
        ("money_laundering", "Have you ever been involved in, or do you seek to engage in, money laundering?")]),
    ("Part 3", [
        ("espionage", "Do you seek to engage in espionage, sabotage, export control violations, or any other illegal activity while in the United States?"),
        ("genocide", "Have you ever committed, ordered, incited, assisted, or otherwise participated in genocide?")]),
    ("Part 4", [
        ("removal_hearing", "Have you ever been the subject of a removal or deportation hearing?"),
        ("immigration_fraud", "Have you ever sought to obtain or assist others to obtain a visa, entry into the United States, or any other United States immigration benefit by fraud or willful misrepresentation or other unlawful means?")]),
    ("Part 5", [
        ("withheld_custody", "Have you ever withheld custody of a U.S. citizen child outside the United States from a person granted legal custody by a U.S. court?"),
        ("voted_unlawfully", "Have you voted in the United States in violation of any law or regulation?"),
        ("renounced_for_tax", "Have you ever renounced United States citizenship for the purposes of avoiding taxation?")]),
]

CURRENCY = {"KAZAKHSTAN": "KZT", "UZBEKISTAN": "UZS", "KYRGYZSTAN": "KGS"}


def yn(b: bool) -> str:
    return "YES" if b else "NO"


# --- a DS-160 from a person ------------------------------------------------------------------------

def build(p: dict) -> tuple[list, dict]:
    """The print sections of person ``p`` and the field dict (catalogue keys) they print."""
    g: dict = {"application.id": p["app_id"], "application.document": "print"}
    S = []

    def row(rows, label, value, key=None, gval=None):
        rows.append((label, value))
        if key:
            g[key] = gval if gval is not None or value == "DOES NOT APPLY" else value

    r: list = []
    row(r, "Surnames:", p["surname"], "personal.surnames")
    row(r, "Given Names:", p["given"], "personal.given_names")
    row(r, "Full Name in Native Alphabet:", p["native"], "personal.full_name_native")
    row(r, "Have you ever used other names (i.e., maiden, religious, professional, alias, etc.)?", "NO",
        "personal.other_names_used", False)
    row(r, "Do you have a telecode that represents your name?", "NO", "personal.telecode", False)
    row(r, "Sex:", p["sex"], "personal.sex")
    row(r, "Marital Status:", p["marital"], "personal.marital_status")
    row(r, "Date of Birth:", ds_date(p["dob"]), "personal.date_of_birth", p["dob"].isoformat())
    row(r, "City of Birth:", p["birth_city"], "personal.birth_city")
    row(r, "State/Province of Birth:", p["birth_state"], "personal.birth_state")
    row(r, "Country/Region of Birth:", p["country"], "personal.birth_country")
    row(r, "Country/Region of Origin (Nationality):", p["country"], "personal.nationality")
    row(r, "Do you hold or have you held any nationality other than the one indicated above on nationality?",
        "NO", "personal.other_nationality", False)
    row(r, "Are you a permanent resident of a country/region other than your country/region of origin (nationality) indicated above?",
        "NO", "personal.permanent_resident_other", False)
    row(r, "National Identification Number:", p["national_id"], "personal.national_id")
    row(r, "U.S. Social Security Number:", "DOES NOT APPLY", "personal.us_ssn", None)
    row(r, "U.S. Taxpayer ID Number:", "DOES NOT APPLY", "personal.us_taxpayer_id", None)
    r.append(("Home Address", None))
    row(r, "Street Address (Line 1):", p["street"], "contact.home_street")
    row(r, "City:", p["city"], "contact.home_city")
    row(r, "State/Province:", p["state"], "contact.home_state")
    row(r, "Postal Zone/ZIP Code:", p["postal"], "contact.home_postal_code")
    row(r, "Country/Region:", p["country"], "contact.home_country")
    row(r, "Is your Mailing Address the same as your Home Address?", "YES", "contact.mailing_same_as_home", True)
    r.append(("Phone", None))
    row(r, "Primary Phone Number:", p["phone"], "contact.primary_phone", p["phone"].replace(" ", ""))
    row(r, "Secondary Phone Number:", "DOES NOT APPLY", "contact.secondary_phone", None)
    row(r, "Work Phone Number:", p["work_phone"], "contact.work_phone", p["work_phone"].replace(" ", ""))
    row(r, "Have you used any other phone numbers in the last five years?", "NO")
    row(r, "Email Address:", p["email"], "contact.email")
    row(r, "Have you used any other email addresses in the last five years?", "NO")
    r.append(("Social Media", None))
    for i, (plat, handle) in enumerate(p["social"], 1):
        row(r, f"Social Media Provider/Platform ({i}):", plat)
        row(r, f"Social Media Identifier ({i}):", handle)
    r.append(("Passport Information", None))
    row(r, "Passport/Travel Document Type:", "REGULAR", "passport.type")
    row(r, "Passport/Travel Document Number:", p["passport"], "passport.number")
    row(r, "Passport Book Number:", "DOES NOT APPLY", "passport.book_number", None)
    row(r, "Country/Authority that Issued Passport/Travel Document:", p["country"], "passport.issuing_authority")
    r.append(("Where was the Passport/Travel Document Issued?", None))
    row(r, "City:", p["pp_city"], "passport.issued_city")
    row(r, "Country/Region:", p["country"], "passport.issued_country")
    row(r, "Issuance Date:", ds_date(p["pp_issue"]), "passport.issue_date", p["pp_issue"].isoformat())
    row(r, "Expiration Date:", ds_date(p["pp_exp"]), "passport.expiration_date", p["pp_exp"].isoformat())
    row(r, "Have you ever lost a passport or had one stolen?", "NO", "passport.lost_or_stolen", False)
    S.append(("Personal, Address, Phone, and Passport/Travel Document Information", r))

    r = []
    row(r, "Purpose of Trip to the U.S. (1):", PURPOSE, "travel.purpose")
    row(r, "Specify:", SPECIFY, "travel.purpose_specify")
    row(r, "Have you made specific travel plans?", "NO", "travel.specific_plans", False)
    row(r, "Intended Date of Arrival:", ds_date(p["arrival"]), "travel.intended_arrival_date", p["arrival"].isoformat())
    n, unit = p["stay"]
    row(r, "Intended Length of Stay in U.S.:", f"{n} {unit}(S)", "travel.intended_length_of_stay",
        {"value": n, "unit": unit})
    row(r, "Address Where You Will Stay in the U.S.:", p["us_address"])
    row(r, "Person/Entity Paying for Your Trip:", "SELF", "travel.payer")
    r.append(("Travel Companions Information", None))
    row(r, "Are there other persons traveling with you?", "NO", "travel.companions", False)
    r.append(("Previous U.S. Travel Information", None))
    row(r, "Have you ever been in the U.S.?", yn(p["been"]), "previous_travel.been_in_us", p["been"])
    for i, (arr, ln, u) in enumerate(p["visits"] if p["been"] else [], 1):
        row(r, f"Date Arrived ({i}):", ds_date(arr))
        row(r, f"Length of Stay ({i}):", f"{ln} {u}(S)")
    row(r, "Do you or did you ever hold a U.S. Driver's License?", "NO", "previous_travel.us_drivers_license", False)
    row(r, "Have you ever been issued a U.S. Visa?", yn(p["visa"]), "previous_travel.visa_issued", p["visa"])
    if p["visa"]:
        vd, vn = p["visa_info"]
        row(r, "Date Last Visa Was Issued:", ds_date(vd), "previous_travel.last_visa_issue_date", vd.isoformat())
        row(r, "Visa Number:", vn, "previous_travel.last_visa_number")
        row(r, "Are you applying for the same type of visa?", "YES", "previous_travel.same_visa_type", True)
        row(r, "Are you applying in the same country or location where the visa above was issued, and is this country or location your place of principal of residence?",
            "YES", "previous_travel.same_country", True)
        row(r, "Have you been ten-printed?", "YES", "previous_travel.ten_printed", True)
        row(r, "Has your U.S. Visa ever been lost or stolen?", "NO", "previous_travel.visa_lost_or_stolen", False)
        row(r, "Has your U.S. Visa ever been cancelled or revoked?", "NO", "previous_travel.visa_cancelled_or_revoked", False)
    row(r, "Have you ever been refused a U.S. Visa, or been refused admission to the United States, or withdrawn your application for admission at the port of entry?",
        yn(p["refused"]), "previous_travel.refused", p["refused"])
    if p["refused"]:
        row(r, "Explain:", p["refused_explain"], "previous_travel.refused_explanation")
    row(r, "Has anyone ever filed an immigrant petition on your behalf with the United States Citizenship and Immigration Services?",
        "NO", "previous_travel.immigrant_petition", False)
    S.append(("Travel Information", r))

    r = []
    cs, cg, org, rel, addr, ph, em = p["contact"]
    row(r, "Contact Person Surnames:", cs, "us_contact.surnames")
    row(r, "Contact Person Given Names:", cg, "us_contact.given_names")
    row(r, "Organization Name:", org, "us_contact.organization", None if org == "DOES NOT APPLY" else org)
    row(r, "Relationship to You:", rel, "us_contact.relationship")
    row(r, "U.S. Contact Address:", addr)
    row(r, "Phone Number:", ph, "us_contact.phone", ph.replace(" ", "").replace("-", ""))
    row(r, "Email Address:", em, "us_contact.email")
    S.append(("U.S. Contact Information", r))

    r = []
    fs, fg, fd = p["father"]
    ms, mg, md = p["mother"]
    r.append(("Father's Full Name and Date of Birth", None))
    row(r, "Surnames:", fs, "family.father_surnames")
    row(r, "Given Names:", fg, "family.father_given_names")
    row(r, "Date of Birth:", ds_date(fd), "family.father_date_of_birth", fd.isoformat())
    row(r, "Is your father in the U.S.?", "NO", "family.father_in_us", False)
    r.append(("Mother's Full Name and Date of Birth", None))
    row(r, "Surnames:", ms, "family.mother_surnames")
    row(r, "Given Names:", mg, "family.mother_given_names")
    row(r, "Date of Birth:", ds_date(md), "family.mother_date_of_birth", md.isoformat())
    row(r, "Is your mother in the U.S.?", "NO", "family.mother_in_us", False)
    row(r, "Do you have any immediate relatives, not including parents, in the United States?", "NO",
        "family.immediate_relatives_in_us", False)
    row(r, "Do you have any other relatives in the United States?", "NO", "family.other_relatives_in_us", False)
    if p.get("spouse"):
        ss, sg, sd, sc = p["spouse"]
        r.append(("Spouse's Full Name", None))
        row(r, "Spouse's Surnames:", ss, "family.spouse_surnames")
        row(r, "Spouse's Given Names:", sg, "family.spouse_given_names")
        row(r, "Spouse's Date of Birth:", ds_date(sd), "family.spouse_date_of_birth", sd.isoformat())
        row(r, "Spouse's Nationality:", p["country"], "family.spouse_nationality")
        row(r, "Spouse's Place of Birth:", f"{sc}, {p['country']}")
        row(r, "Spouse's Address:", "SAME AS HOME ADDRESS")
    S.append(("Family Information", r))

    r = []
    row(r, "Primary Occupation:", p["occupation"], "work.primary_occupation")
    row(r, "Present Employer or School Name:", p["employer"], "work.present_employer")
    row(r, "Street Address (Line 1):", p["emp_street"])
    row(r, "City:", p["city"])
    row(r, "Postal Zone/ZIP Code:", p["postal"])
    row(r, "Phone Number:", p["work_phone"], "work.present_employer_phone", p["work_phone"].replace(" ", ""))
    row(r, "Country/Region:", p["country"])
    row(r, "Start Date:", ds_date(p["start"]), "work.present_start_date", p["start"].isoformat())
    row(r, "Monthly Income in Local Currency (if employed):", str(p["income"]), "work.monthly_income",
        {"amount": float(p["income"]), "currency": CURRENCY[p["country"]]})
    row(r, "Briefly describe your duties:", p["duties"], "work.duties")
    row(r, "Were you previously employed?", yn(bool(p["prev"])), "work.previously_employed", bool(p["prev"]))
    for i, e in enumerate(p["prev"], 1):
        row(r, "Employer Name:", e["name"])
        row(r, "Employer Street Address (Line 1):", e["street"])
        row(r, "City:", e["city"])
        row(r, "Country/Region:", p["country"])
        row(r, "Job Title:", e["title"])
        row(r, "Supervisor's Surname:", e["sup"][0])
        row(r, "Supervisor's Given Names:", e["sup"][1])
        row(r, "Employment Date From:", ds_date(e["from"]))
        row(r, "Employment Date To:", ds_date(e["to"]))
        row(r, "Briefly describe your duties:", e["duties"])
    row(r, "Have you attended any educational institutions at a secondary level or above?", "YES",
        "education.attended", True)
    for s in p["schools"]:
        row(r, "Name of Institution:", s[0])
        row(r, "City:", s[1])
        row(r, "Course of Study:", s[2])
        row(r, "Date of Attendance From:", ds_date(s[3]))
        row(r, "Date of Attendance To:", ds_date(s[4]))
    row(r, "Do you belong to a clan or tribe?", "NO", "additional.clan_or_tribe", False)
    for i, lang in enumerate(p["languages"], 1):
        row(r, f"Language Name ({i}):", lang)
    row(r, "Have you traveled to any countries/regions within the last five years?", yn(bool(p["countries"])),
        "additional.traveled_last_five_years", bool(p["countries"]))
    for i, cty in enumerate(p["countries"], 1):
        row(r, f"Country/Region ({i}):", cty)
    row(r, "Have you belonged to, contributed to, or worked for any professional, social, or charitable organization?", "NO")
    row(r, "Do you have any specialized skills or training, such as firearms, explosives, nuclear, biological, or chemical experience?",
        "NO", "additional.specialized_skills", False)
    row(r, "Have you ever served in the military?", "NO")
    row(r, "Have you ever served in, been a member of, or been involved with a paramilitary unit, vigilante unit, rebel group, guerrilla group, or insurgent organization?",
        "NO", "additional.paramilitary", False)
    S.append(("Work/Education/Training Information", r))

    r = []
    for part, qs in SECURITY:
        r.append((part, None))
        for key, q in qs:
            row(r, q, "NO", f"security.{key}", False)
    S.append(("Security and Background", r))
    return S, g


# --- the people (fictional) ------------------------------------------------------------------------

def kz_person() -> dict:
    return dict(
        surname="ZHUMABEKOVA", given="ALTYNAI", native="ЖҰМАБЕКОВА АЛТЫНАЙ НҰРЛАНҚЫЗЫ", sex="FEMALE",
        marital="SINGLE", dob=date(1991, 9, 23), birth_city="SHYMKENT", birth_state="TURKESTAN REGION",
        country="KAZAKHSTAN", national_id="910923450718", street="45 ABYLAI KHAN AVENUE APT 17",
        city="ALMATY", state="ALMATY", postal="050004", phone="+7 701 482 3316",
        work_phone="+7 727 311 2045", email="ALTYNAI.ZH91@MAIL.KZ", social=[("INSTAGRAM", "ALTYNAI_ZH")],
        passport="N13582047", pp_city="ALMATY", pp_issue=date(2021, 4, 14), pp_exp=date(2031, 4, 13),
        arrival=date(2026, 5, 18), stay=(2, "WEEK"), us_address="250 WEST 57TH STREET, NEW YORK, NY 10107",
        been=False, visits=[], visa=False, visa_info=None, refused=False, refused_explain="",
        contact=("HENDRICKS", "MARGARET", "DOES NOT APPLY", "FRIEND", "88 ORCHARD LANE, PRINCETON, NJ 08540",
                 "609-555-0143", "MHENDRICKS@EXAMPLE.ORG"),
        father=("ZHUMABEKOV", "NURLAN", date(1962, 2, 11)), mother=("ZHUMABEKOVA", "GULNARA", date(1965, 7, 30)),
        spouse=None, occupation="BUSINESS", employer="ALATAU DIGITAL PRINT LLP",
        emp_street="12 TOLE BI STREET OFFICE 4", start=date(2019, 3, 1), income=380000,
        duties="PREPARING PRINT ORDERS, ACCOUNTING FOR MATERIALS AND SERVING CORPORATE CUSTOMERS",
        prev=[], schools=[("AL-FARABI KAZAKH NATIONAL UNIVERSITY", "ALMATY", "ECONOMICS",
                           date(2008, 9, 1), date(2012, 6, 30))],
        languages=["KAZAKH", "RUSSIAN", "ENGLISH"], countries=["TURKEY", "GEORGIA"])


def uz_person() -> dict:
    return dict(
        surname="RAKHIMOV", given="SHERZOD BAKHTIYOROVICH", native="РАҲИМОВ ШЕРЗОД БАХТИЁРОВИЧ", sex="MALE",
        marital="MARRIED", dob=date(1985, 12, 2), birth_city="SAMARKAND", birth_state="SAMARKAND REGION",
        country="UZBEKISTAN", national_id="30212855320017", street="17 MUSTAQILLIK STREET APT 54",
        city="TASHKENT", state="TASHKENT", postal="100017", phone="+998 90 318 4470",
        work_phone="+998 71 255 0912", email="SH.RAKHIMOV85@GMAIL.COM", social=[("FACEBOOK", "SHERZOD.RAKHIMOV.85")],
        passport="FA4417302", pp_city="TASHKENT", pp_issue=date(2022, 8, 9), pp_exp=date(2032, 8, 8),
        arrival=date(2026, 6, 10), stay=(10, "DAY"), us_address="1200 BRICKELL AVENUE, MIAMI, FL 33131",
        been=False, visits=[], visa=False, visa_info=None, refused=False, refused_explain="",
        contact=("DOES NOT APPLY", "DOES NOT APPLY", "AMERICAN TEXTILE EXPO LLC", "BUSINESS ASSOCIATE",
                 "3001 NE 1ST AVENUE, MIAMI, FL 33137", "305-555-0188", "INFO@ATEXPO.EXAMPLE"),
        father=("RAKHIMOV", "BAKHTIYOR", date(1958, 5, 19)), mother=("RAKHIMOVA", "DILBAR", date(1961, 10, 4)),
        spouse=("RAKHIMOVA", "NODIRA", date(1989, 3, 15), "TASHKENT"), occupation="BUSINESS",
        employer="SAMARQAND TEKSTIL GROUP MCHJ", emp_street="8 AMIR TEMUR AVENUE", start=date(2017, 10, 2),
        income=9500000, duties="PURCHASING COTTON YARN AND NEGOTIATING WITH FOREIGN SUPPLIERS",
        prev=[], schools=[("TASHKENT STATE UNIVERSITY OF ECONOMICS", "TASHKENT", "FINANCE",
                           date(2003, 9, 1), date(2007, 6, 30))],
        languages=["UZBEK", "RUSSIAN"], countries=["TURKEY", "UNITED ARAB EMIRATES", "CHINA"])


def kg_person() -> dict:
    return dict(
        surname="ASANALIEV", given="TEMIRLAN", native="АСАНАЛИЕВ ТЕМИРЛАН ЖЫЛДЫЗБЕКОВИЧ", sex="MALE",
        marital="SINGLE", dob=date(1988, 1, 27), birth_city="OSH", birth_state="OSH REGION",
        country="KYRGYZSTAN", national_id="21201198800913", street="112 CHUY AVENUE APT 9", city="BISHKEK",
        state="BISHKEK", postal="720040", phone="+996 555 904 271", work_phone="+996 312 663 018",
        email="TEMIRLAN.ASANALIEV@INBOX.KG", social=[("LINKEDIN", "TEMIRLAN-ASANALIEV")],
        passport="AC2873145", pp_city="BISHKEK", pp_issue=date(2020, 11, 3), pp_exp=date(2030, 11, 2),
        arrival=date(2026, 7, 1), stay=(3, "WEEK"), us_address="455 MARKET STREET, SAN FRANCISCO, CA 94105",
        been=False, visits=[], visa=False, visa_info=None, refused=False, refused_explain="",
        contact=("OKONKWO", "DAVID", "BAY AREA MINING SUPPLY INC", "BUSINESS ASSOCIATE",
                 "455 MARKET STREET, SAN FRANCISCO, CA 94105", "415-555-0167", "DOKONKWO@BAMS.EXAMPLE"),
        father=("ASANALIEV", "ZHYLDYZBEK", date(1960, 8, 8)), mother=("ASANALIEVA", "CHOLPON", date(1963, 4, 21)),
        spouse=None, occupation="ENGINEER", employer="TALAS GOLD MINING CJSC", emp_street="53 MOSKOVSKAYA STREET",
        start=date(2015, 6, 15), income=85000,
        duties="MAINTENANCE PLANNING FOR CRUSHING AND GRINDING EQUIPMENT", prev=[],
        schools=[("KYRGYZ STATE TECHNICAL UNIVERSITY", "BISHKEK", "MECHANICAL ENGINEERING",
                  date(2005, 9, 1), date(2010, 6, 30))],
        languages=["KYRGYZ", "RUSSIAN", "ENGLISH"], countries=["KAZAKHSTAN", "RUSSIA"])


def old_new(p: dict, old_id: str, new_id: str, refusal_text: str, **new_changes):
    old = copy.deepcopy(p)
    old["app_id"] = old_id
    new = copy.deepcopy(p)
    new["app_id"] = new_id
    new["arrival"] = date(2027, 2, 15)
    new.update(new_changes)
    if refusal_text is not None:
        new["refused"] = True
        new["refused_explain"] = refusal_text
    return old, new


# --- letters ------------------------------------------------------------------------------------------

def letter_214b_astana(path, name, when: date):
    docs.render_letter(path, [("U.S. Embassy Astana", "DVSB", 14), ("Consular Section - Nonimmigrant Visa Unit", "DVS", 10),
                              ("3 Ak Bulak-4 Street, Astana 010010, Kazakhstan", "DVS", 9)], [
        ("r", when.strftime("%B %d, %Y").replace(" 0", " ")), ("gap", 6),
        ("l", f"Applicant: {name}"), ("gap", 6),
        ("c", "Your application is refused"),
        ("p", "Your application for a nonimmigrant visa is refused under Section 214(b) of the U.S. Immigration and "
              "Nationality Act (INA). This means that you did not establish, to the satisfaction of the consular officer, "
              "that you qualify for the visa classification for which you applied."),
        ("p", "Most visitor visa applicants must show that they have a residence abroad which they do not intend to "
              "abandon, and that their work, family and social ties outside the United States will make them return after "
              "a temporary stay. In your case those ties were not shown today."),
        ("p", "This decision cannot be appealed. You may apply again at any time; a new application will require a new "
              "DS-160, a new fee and a new interview. You should be prepared to present information that you did not "
              "present at this interview, or show how your circumstances have changed since this application."),
        ("gap", 14), ("l", "Consular Officer"), ("l", "Nonimmigrant Visa Section")], title="refusal")


def letter_214b_almaty(path, name, when: date):
    docs.render_letter(path, [("EMBASSY OF THE UNITED STATES OF AMERICA", "DVSB", 13),
                              ("Consulate General Almaty", "DVS", 11), ("Consular Section", "DVS", 10)], [
        ("r", f"{when.day:02d} {when.strftime('%b').upper()} {when.year}"),
        ("b", "Refused - 214(b)"),
        ("l", "Dear Applicant,"),
        ("p", "Your application for a U.S. visa has been REFUSED."),
        ("p", "The consular officer has found you ineligible for a nonimmigrant visa under Section 214(b) of the "
              "Immigration and Nationality Act. Under this section every applicant is presumed to be an intending "
              "immigrant until he or she shows the officer that economic, family and social ties outside the United "
              "States are strong enough to ensure departure at the end of an authorized stay."),
        ("p", "There is no appeal of this decision. You are not barred from applying again, but unless you can show "
              "credible new ties or a change in your situation, the result is unlikely to be different. A new "
              "application requires a new interview and a new MRV fee."),
        ("gap", 10), ("l", f"Name of applicant: {name}"), ("gap", 10), ("l", "Consular Officer")], title="refusal")


def letter_214b_tashkent(path, name, when: date):
    docs.render_letter(path, [("U.S. EMBASSY TASHKENT", "DVSB", 14), ("3 Moyqorghon Street, 100093 Tashkent, Uzbekistan", "DVS", 9)], [
        ("r", when.strftime("%d.%m.%Y")), ("gap", 4),
        ("l", "Dear Visa Applicant:"),
        ("p", "We regret that we are unable to issue you a visa at this time. After careful review of your application "
              "and interview, the consular officer determined that you are ineligible under Section 214(b) of the "
              "Immigration and Nationality Act."),
        ("p", "To qualify for a visitor visa you must demonstrate that your stay in the United States will be temporary "
              "and that you have a residence abroad and ties that will compel you to return. You did not overcome this "
              "presumption today."),
        ("p", "Today's decision is final for this application. If your circumstances change significantly, you may "
              "submit a new application, pay the application fee again and schedule a new interview."),
        ("gap", 12), ("l", f"Applicant: {name}"), ("l", "Consular Section, Nonimmigrant Visas")], title="refusal")


def slip_221g(path, name, case_no, when: date, ticked: set[int]):
    items = ["Current employment letter stating position, salary and length of employment",
             "Bank statements for the last six months",
             "Proof of property ownership",
             "Original marriage certificate",
             "Letter from the inviting company in the United States, on letterhead",
             "Your application requires further administrative processing. No documents are needed; the Embassy will contact you."]
    blocks = [("r", when.strftime("%d %B %Y")), ("l", f"Name: {name}"), ("l", f"Case Number: {case_no}"), ("gap", 4),
              ("l", "Dear Visa Applicant:"),
              ("p", "Your visa application has been refused under Section 221(g) of the U.S. Immigration and Nationality "
                    "Act. A consular officer cannot issue your visa until the items marked below are received and reviewed. "
                    "This is not a final decision on your case."),
              ("b", "Please submit the following (only items marked with X apply):")]
    for i, it in enumerate(items):
        blocks.append(("box", i in ticked, it))
    blocks += [("p", "Submit the marked documents through the courier named on the Embassy website within one year of "
                     "the date of this letter, together with your passport and this letter. No new application fee is "
                     "required if the documents arrive within that period."),
               ("gap", 8), ("l", "Consular Officer"), ("l", "U.S. Embassy Tashkent")]
    docs.render_letter(path, [("U.S. EMBASSY TASHKENT", "DVSB", 14), ("NONIMMIGRANT VISA UNIT", "DVS", 10)],
                       blocks, title="221g")


def letter_221g_ap(path, name, when: date):
    docs.render_letter(path, [("United States Embassy", "DVSB", 14), ("Tashkent, Republic of Uzbekistan", "DVS", 10)], [
        ("r", when.strftime("%B %d, %Y")), ("l", f"Applicant name: {name}"),
        ("b", "INA 221(g) - Administrative Processing"),
        ("p", "Thank you for your visa application. Your application has been refused under Section 221(g) of the "
              "Immigration and Nationality Act because it requires further administrative processing before a final "
              "decision can be made."),
        ("p", "The duration of administrative processing varies with the circumstances of each case. Please do not "
              "submit a new application; you will be contacted if more information is needed. You may check the status "
              "of your case at ceac.state.gov."),
        ("gap", 12), ("l", "Consular Section")], title="221g")


def employment_letter_en(path, company: list[str], name: str, title_word: str, position: str, start: date,
                         salary: str, passport: str, signer: str, when: date, pronoun=("Mr.", "his", "He")):
    mr, his, he = pronoun
    docs.render_letter(path, [(company[0], "DVSB", 14)] + [(s, "DVS", 9) for s in company[1:]], [
        ("r", when.strftime("%d %B %Y")), ("gap", 4),
        ("c", title_word),
        ("l", "To whom it may concern,"),
        ("p", f"We hereby confirm that {mr} {name}, holder of passport No. {passport}, is employed full-time at "
              f"{company[0]} in the position of {position} since {start.strftime('%d %B %Y')}."),
        ("p", f"{his.capitalize()} monthly gross salary is {salary}. {he} has been granted annual paid leave for the period "
              f"of the planned trip and will resume {his} duties upon return."),
        ("p", "This letter is issued at the employee's request for submission to the Embassy of the United States of America."),
        ("gap", 18), ("l", signer), ("l", "Director of Human Resources"), ("l", company[0])], title="letter")


def spravka_ru(path, org_head: list[str], body: list[str], when_str: str, signer: str, title="СПРАВКА С МЕСТА РАБОТЫ"):
    blocks = [("l", f"Исх. № 214/к от {when_str}"), ("gap", 8), ("c", title), ("gap", 4)]
    blocks += [("p", t) for t in body]
    blocks += [("gap", 16), ("l", f"Директор  ____________  {signer}"), ("gap", 6),
               ("l", "Главный бухгалтер  ____________"), ("l", "М.П.")]
    docs.render_letter(path, [(org_head[0], "DVSB", 12)] + [(s, "DVS", 9) for s in org_head[1:]], blocks,
                       pagesize=docs.A4, title="spravka")


# --- the passport page ------------------------------------------------------------------------------

def passport_page(path, p: dict, code: str, header: str, doc_word: str, number: str, dob: date, issue: date,
                  exp: date, authority: str, personal: str, break_dob_digit=False):
    l1, l2 = docs.td3(code, p["surname"], p["given"], number, code, dob, p["sex"][0], exp, personal,
                      break_dob_digit=break_dob_digit)
    if not break_dob_digit:
        from mrz.checker.td3 import TD3CodeChecker
        assert bool(TD3CodeChecker(l1 + "\n" + l2)), (l1, l2)
    rows = [("Тегі / Фамилия / Surname", p["surname"]), ("Аты / Имя / Given names", p["given"]),
            ("Азаматтығы / Гражданство / Nationality", p["country"]),
            ("Туған күні / Дата рождения / Date of birth", dob.strftime("%d.%m.%Y")),
            ("Жынысы / Пол / Sex", p["sex"][0]),
            ("Туған жері / Место рождения / Place of birth", p["birth_city"]),
            ("Берілген күні / Дата выдачи / Date of issue", issue.strftime("%d.%m.%Y")),
            ("Қолданылу мерзімі / Срок действия / Date of expiry", exp.strftime("%d.%m.%Y")),
            ("Паспорт № / Passport No.", number), ("Берген орган / Орган выдачи / Authority", authority)]
    if code == "UZB":
        rows = [(c.split(" / ")[-1] if "/" in c else c, v) for c, v in rows]
        rows = [("Familiyasi / Surname", p["surname"]), ("Ismi / Given names", p["given"]),
                ("Fuqaroligi / Nationality", p["country"]), ("Tug'ilgan sanasi / Date of birth", dob.strftime("%d %m %Y")),
                ("Jinsi / Sex", p["sex"][0]), ("Tug'ilgan joyi / Place of birth", p["birth_city"]),
                ("Berilgan sanasi / Date of issue", issue.strftime("%d %m %Y")),
                ("Amal qilish muddati / Date of expiry", exp.strftime("%d %m %Y")),
                ("Pasport raqami / Passport No.", number), ("Kim tomonidan berilgan / Authority", authority)]
    if code == "KGZ":
        rows = [("Фамилиясы / Surname", p["surname"]), ("Аты / Given names", p["given"]),
                ("Жарандыгы / Nationality", p["country"]), ("Туулган күнү / Date of birth", dob.strftime("%d %b %Y").upper()),
                ("Жынысы / Sex", p["sex"][0]), ("Туулган жери / Place of birth", p["birth_city"]),
                ("Берилген күнү / Date of issue", issue.strftime("%d %b %Y").upper()),
                ("Мөөнөтү / Date of expiry", exp.strftime("%d %b %Y").upper()),
                ("Паспорт № / Passport No.", number), ("Берген мекеме / Authority", authority)]
    docs.render_passport(path, {"header": header, "doc_word": doc_word, "rows": rows, "mrz": (l1, l2)})
    return l1, l2


# --- the cases ------------------------------------------------------------------------------------

OLD_PRINTED = datetime(2026, 2, 24, 10, 12)
NEW_PRINTED = datetime(2026, 11, 9, 16, 41)


def write_print(path: Path, p: dict, printed: datetime, layout="table") -> dict:
    sections, g = build(p)
    docs.render_print(path, p["app_id"], printed, sections, layout=layout)
    g["application.submitted_at"] = printed.date().isoformat()
    return g


def pdf_scan(src: Path, dst: Path, dpi: int, fn, rng) -> None:
    pages = [fn(pg, rng) for pg in dg.render(src, dpi)]
    dg.save_pdf(pages, dst, dpi)


def c01(t: Path, s: Path, rng):
    """214(b) letter photographed in colour on a blue tablecloth; the new form hides the refusal."""
    p = kz_person()
    old, new = old_new(p, "AA00KB7Q2D", "AA00MX41TZ", None)
    write_print(t / "old.pdf", old, OLD_PRINTED)
    write_print(t / "new.pdf", new, NEW_PRINTED)
    letter_214b_astana(t / "refusal_214b.pdf", "ALTYNAI ZHUMABEKOVA", date(2026, 3, 12))
    pg = dg.render(t / "refusal_214b.pdf", 170)[0]
    pg = dg.on_table(pg, rng, (60, 90, 150), skew=0.04)
    pg = dg.vignette(dg.colour_cast(pg, (1.06, 1.0, 0.86)), 0.5, 0.45, 0.4)
    pg = dg.sensor_noise(dg.soften(pg, 0.9), rng, 5)
    pg.save(s / "refusal_214b.jpg", quality=72)


def c02(t: Path, s: Path, rng):
    """221(g) document request slip, received as a fax (100x200 DPI TIFF); the new form hides it."""
    p = uz_person()
    old, new = old_new(p, "AA00T3N8WQ", "AA00T9C2LE", None)
    write_print(t / "old.pdf", old, OLD_PRINTED)
    write_print(t / "new.pdf", new, NEW_PRINTED)
    slip_221g(t / "refusal_221g.pdf", "SHERZOD RAKHIMOV", "AA00T3N8WQ", date(2026, 3, 4), {0, 1, 4})
    pg = dg.render(t / "refusal_221g.pdf", 200)[0]
    f = dg.fax(pg, rng, 200)
    f.save(s / "refusal_221g.tiff", compression="group4", dpi=(100, 200))


def c03(t: Path, s: Path, rng):
    """Honest reapplication after 214(b); a new employer and a higher salary, proven by an English
    employment letter scanned in colour at 180 DPI with a coffee stain."""
    p = kz_person()
    expl = "REFUSED UNDER SECTION 214(B) AT U.S. EMBASSY ASTANA ON 12 MARCH 2026"
    old, new = old_new(p, "AA00KB7Q2D", "AA00PW5H3R", expl, employer="STEPPE BRIDGE CONSULTING LLP",
                       emp_street="77 DOSTYK AVENUE 9TH FLOOR", start=date(2026, 6, 1), income=720000,
                       occupation="BUSINESS", duties="FINANCIAL ANALYSIS OF CLIENT COMPANIES AND PREPARATION OF BUDGETS")
    new["prev"] = [dict(name="ALATAU DIGITAL PRINT LLP", street="12 TOLE BI STREET OFFICE 4", city="ALMATY",
                        title="ACCOUNT MANAGER", sup=("SEITKALI", "BERIK"), **{"from": date(2019, 3, 1)},
                        to=date(2026, 5, 29), duties="SERVING CORPORATE CUSTOMERS")]
    write_print(t / "old.pdf", old, OLD_PRINTED)
    write_print(t / "new.pdf", new, NEW_PRINTED)
    letter_214b_astana(t / "refusal_214b.pdf", "ALTYNAI ZHUMABEKOVA", date(2026, 3, 12))
    employment_letter_en(t / "employment_letter.pdf",
                         ["STEPPE BRIDGE CONSULTING LLP", "77 Dostyk Avenue, 9th floor, Almaty 050010, Kazakhstan",
                          "Tel. +7 727 356 0021  |  BIN 180840012377  |  hr@steppebridge.example"],
                         "Altynai Zhumabekova", "EMPLOYMENT VERIFICATION", "Senior Financial Analyst",
                         date(2026, 6, 1), "KZT 720,000 (seven hundred twenty thousand tenge)", "N13582047",
                         "Dana Omarova", date(2026, 10, 27), pronoun=("Ms.", "her", "She"))
    pdf_scan(t / "refusal_214b.pdf", s / "refusal_214b.pdf", 150,
             lambda pg, r: dg.scribbles(pg.convert("L").convert("RGB"), r, 5), rng)
    pg = dg.render(t / "employment_letter.pdf", 180)[0]
    pg = dg.coffee_stain(dg.colour_cast(pg, (1.0, 0.98, 0.93)), rng, (0.7, 0.62), 0.14)
    dg.sensor_noise(pg, rng, 3).save(s / "employment_letter.png")


def c04(t: Path, s: Path, rng):
    """Russian справка photographed with a phone (HEIC, motion blur, stamp over the text) gives a
    salary half the one on the new form; the employer matches."""
    p = kz_person()
    p.update(surname="ISKAKOV", given="DAUREN", native="ИСКАКОВ ДАУРЕН МАРАТОВИЧ", sex="MALE", marital="MARRIED",
             dob=date(1984, 6, 5), birth_city="KARAGANDA", birth_state="KARAGANDA REGION", national_id="840605300912",
             street="9 KABANBAY BATYR AVENUE APT 112", city="ASTANA", state="ASTANA", postal="010000",
             phone="+7 777 210 5584", email="D.ISKAKOV@KAZMAIL.KZ", social=[("TELEGRAM", "DISKAKOV")],
             passport="N12209781", pp_city="ASTANA", father=("ISKAKOV", "MARAT", date(1956, 3, 3)),
             mother=("ISKAKOVA", "SAULE", date(1958, 12, 19)),
             spouse=("ISKAKOVA", "MADINA", date(1987, 2, 14), "PAVLODAR"), employer="NURA BUILD SERVICE LLP",
             emp_street="4 KUNAYEV STREET", income=450000, occupation="ENGINEER",
             duties="SUPERVISION OF BUILDING SITES")
    expl = "REFUSED 214(B) ON 05 MARCH 2026 IN ASTANA"
    old, new = old_new(p, "AA00C6R1JM", "AA00D8V2KS", expl, employer="KASPIY AGRO TRADE LLP",
                       emp_street="25 SYGANAK STREET", start=date(2026, 4, 20), income=850000,
                       duties="TECHNICAL DIRECTOR: GRAIN STORAGE EQUIPMENT AND LOGISTICS")
    new["prev"] = [dict(name="NURA BUILD SERVICE LLP", street="4 KUNAYEV STREET", city="ASTANA", title="SITE ENGINEER",
                        sup=("ABENOV", "KANAT"), to=date(2026, 4, 17), duties="SUPERVISION OF BUILDING SITES",
                        **{"from": date(2019, 3, 1)})]
    write_print(t / "old.pdf", old, OLD_PRINTED)
    write_print(t / "new.pdf", new, NEW_PRINTED)
    letter_214b_almaty(t / "refusal_214b.pdf", "DAUREN ISKAKOV", date(2026, 3, 5))
    spravka_ru(t / "spravka.pdf", ["ТОО «Каспий Агро Трейд»", "Республика Казахстан, г. Астана, ул. Сыганак, 25",
                                   "БИН 190340021455, тел. +7 7172 57 40 12"],
               ["Настоящая справка выдана Искакову Даурену Маратовичу, 05.06.1984 г.р., в том, что он действительно "
                "работает в ТОО «Каспий Агро Трейд» в должности технического директора с 20.04.2026 г. по настоящее время.",
                "Среднемесячная заработная плата составляет 425 000 (четыреста двадцать пять тысяч) тенге.",
                "Справка выдана для предоставления в Посольство США."],
               "02.11.2026", "Ермеков С.Т.")
    pdf_scan(t / "refusal_214b.pdf", s / "refusal_214b.pdf", 200,
             lambda pg, r: dg.box_stamp(pg, r, ["RECEIVED", "09 NOV 2026"], (0.75, 0.1)), rng)
    pg = dg.render(t / "spravka.pdf", 190)[0]
    pg = dg.stamp(pg, rng, "ТОО КАСПИЙ АГРО ТРЕЙД * АСТАНА * ", (0.30, 0.37), size=0.2, inner="БИН 190340021455")
    pg = dg.on_table(pg, rng, (120, 85, 55), skew=0.03)
    pg = dg.motion_blur(dg.vignette(pg, 0.4), 4)
    dg.save_heic(dg.sensor_noise(pg, rng, 4), s / "spravka.heic", quality=62)


def c05(t: Path, s: Path, rng):
    """Uzbek applicant: the справка (crumpled, stamped, colour JPEG) is from another company than
    the new form's employer."""
    p = uz_person()
    p.update(surname="YULDASHEVA", given="MALIKA", native="ЮЛДАШЕВА МАЛИКА АКМАЛОВНА", sex="FEMALE",
             marital="DIVORCED", dob=date(1990, 4, 17), birth_city="FERGANA", birth_state="FERGANA REGION",
             national_id="41704900210033", phone="+998 93 505 1180", email="MALIKA.YULDASHEVA90@MAIL.RU",
             social=[("INSTAGRAM", "MALIKA_YU_90")], passport="FA3306518", spouse=None,
             father=("YULDASHEV", "AKMAL", date(1963, 1, 9)), mother=("YULDASHEVA", "ZULFIYA", date(1966, 6, 23)),
             employer="ORIENT PHARM DISTRIBUTION MCHJ", income=7200000, occupation="MEDICAL/HEALTH",
             duties="PHARMACIST", countries=["TURKEY", "KAZAKHSTAN"])
    expl = "214(B) REFUSAL, U.S. EMBASSY TASHKENT, 26 FEBRUARY 2026"
    old, new = old_new(p, "AA00H2M7ZX", "AA00J5P9QB", expl, employer="ZARAFSHON LOGISTIKA MCHJ",
                       emp_street="41 SHOTA RUSTAVELI STREET", start=date(2026, 5, 4),
                       duties="SENIOR PHARMACIST RESPONSIBLE FOR STORAGE OF MEDICINES")
    new["prev"] = [dict(name="ORIENT PHARM DISTRIBUTION MCHJ", street="8 AMIR TEMUR AVENUE", city="TASHKENT",
                        title="PHARMACIST", sup=("SOBIROVA", "KAMOLA"), to=date(2026, 4, 30), duties="PHARMACIST",
                        **{"from": date(2017, 10, 2)})]
    write_print(t / "old.pdf", old, OLD_PRINTED)
    write_print(t / "new.pdf", new, NEW_PRINTED)
    letter_214b_tashkent(t / "refusal_214b.pdf", "MALIKA YULDASHEVA", date(2026, 2, 26))
    spravka_ru(t / "spravka.pdf", ["ООО «Фаргона Фарм Савдо»", "Республика Узбекистан, г. Ташкент, Юнусабадский район, ул. Амира Темура, 107",
                                   "ИНН 305112874, тел. +998 71 203 44 10"],
               ["Дана Юлдашевой Малике Акмаловне, 17.04.1990 года рождения, паспорт FA3306518, в том, что она "
                "действительно работает в ООО «Фаргона Фарм Савдо» в должности старшего фармацевта с 04 мая 2026 года.",
                "Ежемесячная заработная плата составляет 7 200 000 (семь миллионов двести тысяч) сумов.",
                "Справка дана для представления по месту требования."],
               "30.10.2026", "Каримов Б.Р.")
    pg = dg.render(t / "refusal_214b.pdf", 160)[0]
    pg = dg.halftone(dg.on_table(pg, rng, (200, 200, 195), skew=0.02), 3.4, 0.3, 0.25)
    dg.sensor_noise(pg, rng, 4).save(s / "refusal_214b.jpg", quality=75)
    pg = dg.render(t / "spravka.pdf", 200)[0]
    pg = dg.stamp(pg, rng, "ФАРГОНА ФАРМ САВДО * ТОШКЕНТ * ", (0.36, 0.36), colour=(40, 70, 180), size=0.22,
                  inner="ИНН 305112874")
    pg = dg.crumple(dg.colour_cast(pg, (1.0, 0.97, 0.9)), rng, 0.25)
    pg = dg.on_table(pg, rng, (90, 110, 80), skew=0.02)
    dg.sensor_noise(pg, rng, 5).save(s / "spravka.jpg", quality=70)


def c06(t: Path, s: Path, rng) -> dict:
    """The old print-out exists only as a 150 DPI grey scan of a folded paper copy; it lists a
    2023 visit that the new form drops (NO to 'ever been in the U.S.')."""
    p = kg_person()
    p.update(been=True, visits=[(date(2023, 9, 14), 12, "DAY")], visa=True,
             visa_info=(date(2023, 8, 2), "68815342"))
    expl = "VISA REFUSED UNDER 214(B) IN BISHKEK, 18 MARCH 2026"
    old, new = old_new(p, "AA00E4G8NA", "AA00F7W3BC", expl, been=False, visits=[])
    g = write_print(t / "old.pdf", old, OLD_PRINTED)
    write_print(t / "new.pdf", new, NEW_PRINTED)
    docs.render_letter(t / "refusal_214b.pdf", [("U.S. Embassy Bishkek", "DVSB", 14), ("171 Prospect Mira, 720016 Bishkek", "DVS", 9)], [
        ("r", "March 18, 2026"), ("l", "TEMIRLAN ASANALIEV"), ("gap", 4),
        ("p", "This is to inform you that you have been found ineligible for a nonimmigrant visa under Section 214(b) "
              "of the Immigration and Nationality Act. You have not shown that your ties to Kyrgyzstan are strong enough "
              "that you will return after a temporary visit."),
        ("p", "You may reapply if your circumstances change. There is no appeal of today's decision."),
        ("gap", 10), ("l", "Consular Officer")], title="refusal")

    def paper(pg, r):
        pg = dg.crease(pg.convert("L").convert("RGB"), r.uniform(0.45, 0.55), shift=2)
        return dg.sensor_noise(pg.rotate(r.uniform(-0.9, 0.9), resample=2, fillcolor=(255, 255, 255)), r, 7)
    pdf_scan(t / "old.pdf", s / "old.pdf", 150, paper, rng)
    pdf_scan(t / "refusal_214b.pdf", s / "refusal_214b.pdf", 200, lambda pg, r: pg.convert("L").convert("RGB"), rng)
    return g


def c07(t: Path, s: Path, rng) -> dict:
    """221(g) administrative processing, honestly disclosed; the old print-out (stacked layout)
    survives only as colour phone photos in one multi-page TIFF; the new form drops a previous
    employer and a country visited."""
    p = uz_person()
    p.update(surname="NORMATOVA", given="GULSHAN", native="НОРМАТОВА ГУЛШАН", sex="FEMALE", marital="SINGLE",
             dob=date(1994, 11, 30), birth_city="BUKHARA", birth_state="BUKHARA REGION", national_id="53011940150021",
             phone="+998 97 440 2291", email="GULSHAN.NORMATOVA@YANDEX.RU", social=[("INSTAGRAM", "GULSHAN.NRM")],
             passport="FA5120693", spouse=None, father=("NORMATOV", "ILHOM", date(1966, 9, 2)),
             mother=("NORMATOVA", "MUNISA", date(1969, 2, 27)), employer="UZCARD PROCESSING CENTER",
             emp_street="1 BOBUR STREET", start=date(2024, 2, 1), income=11000000, occupation="COMPUTER SCIENCE",
             duties="BACKEND SOFTWARE DEVELOPER",
             prev=[dict(name="BUKHORO SAVDO BANK", street="15 PIRI KOMIL STREET", city="BUKHARA", title="IT SPECIALIST",
                        sup=("JURAEV", "OTABEK"), to=date(2024, 1, 26), duties="SUPPORT OF BANKING SOFTWARE",
                        **{"from": date(2018, 8, 1)}),
                   dict(name="BUKHARA REGIONAL HOSPITAL NO 2", street="3 GIJDUVON STREET", city="BUKHARA",
                        title="SYSTEM ADMINISTRATOR", sup=("SAIDOV", "BAHODIR"), to=date(2018, 7, 20),
                        duties="OFFICE NETWORK AND COMPUTERS", **{"from": date(2016, 9, 1)})],
             countries=["TURKEY", "GEORGIA", "KOREA, REPUBLIC OF (SOUTH)"])
    expl = "221(G) ADMINISTRATIVE PROCESSING, U.S. EMBASSY TASHKENT, MARCH 2026"
    # the new form drops the 2018-2024 employer but keeps the earlier one, so 'Were you previously
    # employed?' stays YES (first run: it went to NO, see README)
    old, new = old_new(p, "AA00R8K2VD", "AA00S1L6YF", expl, prev=p["prev"][1:], countries=["TURKEY", "GEORGIA"])
    g = write_print(t / "old.pdf", old, OLD_PRINTED, layout="stacked")
    write_print(t / "new.pdf", new, NEW_PRINTED)
    letter_221g_ap(t / "refusal_221g.pdf", "GULSHAN NORMATOVA", date(2026, 3, 10))
    pages = []
    for pg in dg.render(t / "old.pdf", 200):
        pg = dg.on_table(pg, rng, (170, 150, 120), skew=0.012, margin=0.04)
        pg = dg.vignette(dg.colour_cast(pg, (0.97, 1.0, 1.07)), 0.3, rng.uniform(0.4, 0.6), 0.45)
        pages.append(dg.sensor_noise(dg.soften(pg, 0.6), rng, 4))
    pages[0].save(s / "old.tiff", save_all=True, append_images=pages[1:], compression="tiff_jpeg", dpi=(200, 200))
    pg = dg.render(t / "refusal_221g.pdf", 200)[0]
    pg = dg.coffee_stain(pg, rng, (0.3, 0.8), 0.11)
    pg.save(s / "refusal_221g.png", dpi=(200, 200))
    return g


def _passport_case(t, s, p, old_id, new_id, expl, code, header, doc_word, authority, personal,
                   page_number=None, page_dob=None, break_digit=False, **new_changes):
    old, new = old_new(p, old_id, new_id, expl, **new_changes)
    write_print(t / "old.pdf", old, OLD_PRINTED)
    write_print(t / "new.pdf", new, NEW_PRINTED)
    return new, passport_page(t / "passport.pdf", new, code, header, doc_word, page_number or new["passport"],
                              page_dob or new["dob"], new["pp_issue"], new["pp_exp"], authority, personal,
                              break_dob_digit=break_digit)


def c08(t: Path, s: Path, rng):
    """Renewed passport; its data page photographed in colour (HEIC) matches the new form."""
    p = kz_person()
    p.update(surname="BEKMUKHAMBETOV", given="YERLAN", native="БЕКМҰХАМБЕТОВ ЕРЛАН", sex="MALE", dob=date(1979, 3, 8),
             birth_city="ATYRAU", birth_state="ATYRAU REGION", national_id="790308301456", phone="+7 702 118 9043",
             email="YERLAN.BEK@ATYRAUOIL.KZ", social=[("FACEBOOK", "YERLAN.BEKMUKHAMBETOV")], passport="N09931475",
             pp_issue=date(2016, 5, 20), pp_exp=date(2026, 5, 19), father=("BEKMUKHAMBETOV", "SERIK", date(1950, 10, 1)),
             mother=("BEKMUKHAMBETOVA", "ROZA", date(1954, 4, 4)), employer="CASPIAN DRILLING SERVICES LLP",
             income=1100000, occupation="ENGINEER", duties="DRILLING ENGINEER")
    letter_214b_almaty(t / "refusal_214b.pdf", "YERLAN BEKMUKHAMBETOV", date(2026, 3, 17))
    _passport_case(t, s, p, "AA00G5T9PH", "AA00H3Y7RK", "REFUSED UNDER 214(B) ON 17 MARCH 2026, ALMATY",
                   "KAZ", "ҚАЗАҚСТАН РЕСПУБЛИКАСЫ  REPUBLIC OF KAZAKHSTAN", "ПАСПОРТ PASSPORT",
                   "MINISTRY OF INTERNAL AFFAIRS", "790308301456",
                   passport="N15530862", pp_issue=date(2026, 6, 2), pp_exp=date(2036, 6, 1), pp_city="ATYRAU")
    pg = dg.render(t / "refusal_214b.pdf", 170)[0]
    pg = dg.vignette(dg.on_table(pg, rng, (150, 150, 155), skew=0.03), 0.35)
    dg.sensor_noise(pg, rng, 4).save(s / "refusal_214b.jpg", quality=75)
    pg = dg.render(t / "passport.pdf", 300)[0]
    pg = dg.on_table(pg, rng, (40, 40, 45), skew=0.025, margin=0.12)
    pg = dg.vignette(dg.colour_cast(pg, (1.05, 1.0, 0.9)), 0.35)
    dg.save_heic(dg.sensor_noise(pg, rng, 4), s / "passport.heic", quality=65)


def c09(t: Path, s: Path, rng):
    """Uzbek passport page (scan with moire, PNG) whose number differs from the form by two
    swapped digits."""
    p = uz_person()
    letter_214b_tashkent(t / "refusal_214b.pdf", "SHERZOD RAKHIMOV", date(2026, 3, 4))
    _passport_case(t, s, p, "AA00T3N8WQ", "AA00U6B4MN", "REFUSED 214(B), TASHKENT, 04 MARCH 2026",
                   "UZB", "O'ZBEKISTON RESPUBLIKASI  REPUBLIC OF UZBEKISTAN", "PASPORT PASSPORT",
                   "IIV 26283", "30212855320017", page_number="FA4471302")
    pdf_scan(t / "refusal_214b.pdf", s / "refusal_214b.pdf", 170, lambda pg, r: pg, rng)
    pg = dg.render(t / "passport.pdf", 220)[0]
    pg = dg.halftone(pg, 4.1, 0.2, 0.18)
    dg.sensor_noise(pg, rng, 3).save(s / "passport.png", dpi=(220, 220))


def c10(t: Path, s: Path, rng):
    """Kyrgyz passport page photographed with a stamp-marked visa page edge: its date of birth
    (21 July 1988) is not the form's (27 January 1988)."""
    p = kg_person()
    p.update(surname="MAMYTOV", given="AIBEK", native="МАМЫТОВ АЙБЕК", national_id="21207198800514",
             email="AIBEK.MAMYTOV@MAIL.KG", social=[("INSTAGRAM", "AIBEK_MAMYTOV")], passport="AC3019276",
             father=("MAMYTOV", "ULAN", date(1961, 12, 12)), mother=("MAMYTOVA", "NURGUL", date(1964, 5, 5)))
    docs.render_letter(t / "refusal_214b.pdf", [("U.S. Embassy Bishkek", "DVSB", 14), ("Consular Section", "DVS", 10)], [
        ("r", "March 24, 2026"), ("l", "AIBEK MAMYTOV"),
        ("p", "Your application for a nonimmigrant visa has been refused under Section 214(b) of the Immigration and "
              "Nationality Act. You did not demonstrate ties that would compel you to return to Kyrgyzstan."),
        ("p", "You may apply again if your circumstances have changed."), ("gap", 10), ("l", "Consular Officer")],
        title="refusal")
    _passport_case(t, s, p, "AA00V2C5XD", "AA00W8D1ZE", "REFUSED 214(B) BISHKEK 24 MARCH 2026",
                   "KGZ", "КЫРГЫЗ РЕСПУБЛИКАСЫ  KYRGYZ REPUBLIC", "ПАСПОРТ PASSPORT", "SRS 211041",
                   "21207198800514", page_dob=date(1988, 7, 21))
    pg = dg.render(t / "refusal_214b.pdf", 180)[0]
    dg.crease(pg, 0.35, 1).convert("L").save(s / "refusal_214b.png", dpi=(180, 180))
    pg = dg.render(t / "passport.pdf", 300)[0]
    pg = dg.box_stamp(pg, rng, ["DEPARTED", "MANAS 12.08.2025"], (0.2, 0.15), colour=(120, 40, 140))
    pg = dg.on_table(pg, rng, (200, 190, 170), skew=0.03, margin=0.1)
    pg = dg.motion_blur(dg.vignette(pg, 0.45), 3, vertical=True)
    dg.sensor_noise(pg, rng, 5).save(s / "passport.jpg", quality=78)


def c11(t: Path, s: Path, rng):
    """Kazakh passport page (grey scan TIFF with margin scribbles) whose date-of-birth check digit
    is wrong; every printed field matches the form."""
    p = kz_person()
    p.update(surname="TULEGENOVA", given="ZARINA", native="ТӨЛЕГЕНОВА ЗАРИНА", dob=date(1996, 2, 29),
             national_id="960229450331", passport="N14477120", email="ZARINA.T96@GMAIL.COM",
             social=[("INSTAGRAM", "ZARINA.TULEGEN")], father=("TULEGENOV", "ASKAR", date(1968, 1, 15)),
             mother=("TULEGENOVA", "AIGUL", date(1971, 8, 8)))
    letter_214b_astana(t / "refusal_214b.pdf", "ZARINA TULEGENOVA", date(2026, 3, 19))
    _passport_case(t, s, p, "AA00X4F6AG", "AA00Y9G2BH", "214(B) REFUSAL AT U.S. EMBASSY ASTANA, 19 MARCH 2026",
                   "KAZ", "ҚАЗАҚСТАН РЕСПУБЛИКАСЫ  REPUBLIC OF KAZAKHSTAN", "ПАСПОРТ PASSPORT",
                   "MINISTRY OF INTERNAL AFFAIRS", "960229450331", break_digit=True)
    pdf_scan(t / "refusal_214b.pdf", s / "refusal_214b.pdf", 180, lambda pg, r: dg.halftone(pg, 5.0, 0.1, 0.12), rng)
    pg = dg.render(t / "passport.pdf", 300)[0].convert("L").convert("RGB")
    W, H = pg.size
    from PIL import Image
    sheet = Image.new("RGB", (int(W * 1.5), int(H * 1.6)), (250, 250, 250))
    sheet.paste(pg, (int(W * 0.2), int(H * 0.25)))
    sheet = dg.scribbles(sheet, rng, 4, colour=(30, 30, 30))
    dg.sensor_noise(sheet, rng, 4).convert("L").save(s / "passport.tiff", compression="tiff_lzw", dpi=(300, 300))


def c12(t: Path, s: Path, rng):
    """Clean control: honest YES after 214(b); new employer and salary proven by an English
    letter scanned to an image-only PDF with a fold crease."""
    p = uz_person()
    p.update(surname="KHODJAEV", given="JAMSHID", native="ХОДЖАЕВ ЖАМШИД", dob=date(1987, 7, 7),
             national_id="30707875010044", passport="FA2958410", email="J.KHODJAEV@UZTELECOM.EXAMPLE",
             social=[("LINKEDIN", "JAMSHID-KHODJAEV")], father=("KHODJAEV", "RUSTAM", date(1957, 4, 30)),
             mother=("KHODJAEVA", "SAODAT", date(1960, 11, 11)),
             spouse=("KHODJAEVA", "LOLA", date(1990, 9, 9), "TASHKENT"), employer="TASHKENT AGRO MACHINERY JSC",
             income=8000000, occupation="ENGINEER", duties="QUALITY CONTROL ENGINEER")
    expl = "REFUSED UNDER 214(B) AT THE U.S. EMBASSY IN TASHKENT ON 11 MARCH 2026"
    old, new = old_new(p, "AA00Z3H5CJ", "AA00A7J8DK", expl, employer="SILK ROAD LOGISTICS MCHJ",
                       emp_street="56 BUYUK IPAK YULI STREET", start=date(2026, 5, 18), income=14500000,
                       duties="HEAD OF FLEET MAINTENANCE")
    new["prev"] = [dict(name="TASHKENT AGRO MACHINERY JSC", street="8 AMIR TEMUR AVENUE", city="TASHKENT",
                        title="QUALITY CONTROL ENGINEER", sup=("USMONOV", "FARRUKH"), to=date(2026, 5, 15),
                        duties="QUALITY CONTROL OF TRACTOR PARTS", **{"from": date(2017, 10, 2)})]
    write_print(t / "old.pdf", old, OLD_PRINTED)
    write_print(t / "new.pdf", new, NEW_PRINTED)
    letter_214b_tashkent(t / "refusal_214b.pdf", "JAMSHID KHODJAEV", date(2026, 3, 11))
    employment_letter_en(t / "employment_letter.pdf",
                         ["SILK ROAD LOGISTICS MCHJ", "56 Buyuk Ipak Yuli Street, Tashkent 100077, Uzbekistan",
                          "Phone +998 71 150 66 20  -  TIN 307455102"],
                         "Jamshid Khodjaev", "CERTIFICATE OF EMPLOYMENT", "Head of Fleet Maintenance",
                         date(2026, 5, 18), "UZS 14,500,000 (fourteen million five hundred thousand soums)",
                         "FA2958410", "Nilufar Sadikova", date(2026, 10, 30))
    pg = dg.render(t / "refusal_214b.pdf", 170)[0]
    pg = dg.vignette(dg.on_table(pg, rng, (235, 235, 230), skew=0.015, margin=0.05), 0.25)
    dg.sensor_noise(pg, rng, 3).save(s / "refusal_214b.jpg", quality=80)
    pdf_scan(t / "employment_letter.pdf", s / "employment_letter.pdf", 200,
             lambda pg, r: dg.crease(dg.crease(pg, 0.34, 1), 0.67, 1), rng)


CASES = [("c01-kz-214b-letter-colour-photo-hidden", c01), ("c02-uz-221g-docs-slip-fax-hidden", c02),
         ("c03-kz-employment-letter-stained-supports", c03), ("c04-kz-spravka-heic-income-contradicts", c04),
         ("c05-uz-spravka-crumpled-employer-contradicts", c05), ("c06-kg-old-print-folded-scan-visit-dropped", c06),
         ("c07-uz-old-print-photo-tiff-history-dropped", c07), ("c08-kz-passport-heic-renewal-matches", c08),
         ("c09-uz-passport-moire-number-contradicts", c09), ("c10-kg-passport-photo-dob-contradicts", c10),
         ("c11-kz-passport-tiff-broken-check-digit", c11), ("c12-uz-control-clean-creased-letter", c12)]


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__.splitlines()[2], file=sys.stderr)
        return 2
    out = Path(sys.argv[1])
    for i, (name, fn) in enumerate(CASES):
        t, s = out / name / "text", out / name / "scan"
        t.mkdir(parents=True, exist_ok=True)
        s.mkdir(parents=True, exist_ok=True)
        rng = random.Random(20261204 + i)
        g = fn(t, s, rng)
        # the scan version keeps the text print-outs unless the case scanned them
        import shutil
        for f in ("old.pdf", "new.pdf"):
            if not (s / f).exists() and not (f == "old.pdf" and (s / "old.tiff").exists()):
                shutil.copy(t / f, s / f)
        if g:
            (out / name / "old.fields.json").write_text(json.dumps({"fields": g}, indent=1, ensure_ascii=False),
                                                        encoding="utf-8")
        print(name, sorted(x.name for x in s.iterdir()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
