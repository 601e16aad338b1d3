"""Second held-out set of document cases: ``python gen.py OUT_DIR``.

Each case folder: ``old.pdf`` / ``new.pdf`` (DS-160 print-outs drawn by ``fixtures/ds160gen``
from deep copies of one applicant's field dict, edited), the case's supporting documents
(drawn here, in this benchmark's own layouts, see ``draw.py``) and ``expected.json``.
Deterministic: reportlab invariant mode, DOCX zip timestamps pinned, Application IDs hashed
from the case name. Every person, company, number and address is fictional.
"""

from __future__ import annotations

import copy
import hashlib
import json
import shutil
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT / "fixtures"))
sys.path.insert(0, str(HERE))

from draw import Pdf, write_docx  # noqa: E402
from ds160gen import APPLICANTS, for_print, render_print  # noqa: E402
from ds160gen.applicants.common import address, money, security  # noqa: E402
from ds160gen.golden import check_fields  # noqa: E402

DEL = object()
OLD_WHEN = datetime(2026, 3, 9, 10, 24)
NEW_WHEN = datetime(2026, 11, 16, 16, 5)

# --------------------------------------------------------------------------------------------
# Sources (wordings were adapted from these; blanks filled with fictional data)
SRC = {
    "dhaka_214b": "https://rezwanul.blogspot.com/2005/08/law-for-each-individual-winner-takes.html",
    "ties_214b": "https://stabroeknews.com/2014/05/29/features/ask-the-consul/"
                 "demonstrating-strong-ties-guyana",
    "denied_faq": "http://usvisa-info.com/en-DO/selfservice/us_visa_denied",
    "denied_faq_jm": "https://usvisa-info.com/en-JM/selfservice/us_visa_denied",
    "g221_info": "http://www.cmzize.co/ht/ht-niv-221ginfo.asp",
    "g221_burma": "https://mm.usembassy.gov/visas/221g-refusals/",
    "g221_ph": "https://ustraveldocs.com/ph/Tagalog/221GProcedureandSubmission.html",
    "not_denial": "https://immigrationlawyerfl.com/administrative-processing/",
    "newdelhi": "http://newdelhi.usembassy.gov/consular/refused-or-pending-visa.html",
    "ceac_change": "https://travel.state.gov/content/travel/en/us-visas/"
                   "visa-information-resources/visas-news-archive/visas-ceac-case-status-change.html",
    "ceac_summary": "https://yandex.com.tr/yaozet/travel/us-visa-status-check-guide-id5-rrrNvKVt",
    "ceac_issued": "https://visa-faq.com/what-does-issued-mean-on-visa-status",
    "6c1": "https://www.stabroeknews.com/2014/features/ask-the-consul/07/17/6c1-visa-ineligibility/",
    "6c1_b": "https://asianjournal.com/?p=25720",
    "9b_fam": "https://fam.state.gov/fam/09FAM/09FAM030211.html",
    "9b_memo": "http://shusterman.com/barsimmigrationstatedeptmemo98.html",
    "coe_ph": "https://mpm.ph/certificate-of-employment",
    "coe_ph2": "https://www.respicio.ph/commentaries/how-to-get-an-employment-certificate-while-abroad",
    "payslip_in": "https://www.kaameasy.in/salary-slip-hr/payslip-monthly-india-a4.html",
    "payslip_in2": "https://www.citehr.com/amp.php?t=28586",
    "spravka_ru": "http://howded.com/en/pages/223181",
    "spravka_ru2": "http://adminpz.ru/other/spravka-o-rabote-po-nastoyashchee-vremya-obrazec-kuda-"
                   "obrashchatsya.html",
    "marriage_ru": "https://docs.cntd.ru/document/551248822/titles/7DQ0K9",
    "marriage_ru2": "https://skladknig.com/book/ot-svadby-do-razvoda-zashchita-semeynogo-prava-"
                    "v-rossii/reading/11",
    "property_kz": "https://cis-legislation.com/document.fwx?rgn=78171",
    "erc_vn": "https://english.luatvietnam.vn/decree-no-01-2021-nd-cp-dated-january-04-2021-of-"
              "the-government-on-enterprise-registration-196926-Doc1.html",
    "erc_vn2": "http://vinasc.vn/en/certificate-business-registration-means-paper-electronic-file/",
    "vn_docs": "https://yesvisa.vn/visa-quoc-te/austria-2/",
    "bank_cert": "https://www.signnow.com/info-forms/359194-what-is-a-balance-certificate-form-and-"
                 "its-importance",
    "bank_cert2": "https://lettersexample.com/bank-account-balance-certificate-format-guide",
    "uz_mehnat": "https://kommunal.uz/oz/activity/ichki-mehnat-tartibi",
    "fbr": "https://nationaltaxservice.pk/steps-for-submitting-income-tax-file",
    "coe_generic": "https://wonder.legal/ph/modele/employment-certificate",
    "cert_laboral_co": "https://tramitesyrequisitos.com/colombia/certificado-laboral/",
    "spravka_visa": "https://it.workingrede.com/10713548-how-to-write-a-certificate-from-the-place-of-work",
}
OWN = "own composition (no published original found); fictional"


# --------------------------------------------------------------------------------------------
# Applicants: five derived from the fixture applicants (identity, home, work replaced)
def derive(base: str, **over: Any) -> dict[str, Any]:
    a = copy.deepcopy(APPLICANTS[base])
    for k, v in over.items():
        key = k.replace("__", ".")
        if v is DEL:
            a.pop(key, None)
        else:
            a[key] = v
    return a


def _prev(a: dict[str, Any], title: str, sup: str, dfrom: str, dto: str, duties: str) -> dict:
    return {"name": a["work.present_employer"], "address": a["work.present_employer_address"],
            "phone": a["work.present_employer_phone"], "job_title": title, "supervisor": sup,
            "date_from": dfrom, "date_to": dto, "duties": duties}


BD = derive(
    "in-kondapalli",
    application__location="DHAKA", personal__surnames="RAHMAN", personal__given_names="MD ARIFUL",
    personal__date_of_birth="1986-02-14", personal__birth_city="SYLHET",
    personal__birth_state="SYLHET DIVISION", personal__birth_country="BANGLADESH",
    personal__nationality="BANGLADESH", personal__national_id="8612 4455 0193",
    contact__home_street="HOUSE 12, ROAD 7\nBLOCK C, BANANI", contact__home_city="DHAKA",
    contact__home_state="DHAKA", contact__home_postal_code="1213",
    contact__home_country="BANGLADESH", contact__primary_phone="+880 1711 555019",
    contact__email="ARIFUL.RAHMAN@EXAMPLE.COM.BD",
    passport__number="EB 0482913", passport__issuing_authority="BANGLADESH",
    passport__issued_city="DHAKA", passport__issued_country="BANGLADESH",
    family__father_surnames="RAHMAN", family__father_given_names="ABDUL",
    family__mother_surnames="BEGUM", family__mother_given_names="ROKEYA",
    family__spouse_surnames="RAHMAN", family__spouse_given_names="NUSRAT JAHAN",
    family__spouse_nationality="BANGLADESH", family__spouse_birth_city="KHULNA",
    family__spouse_birth_country="BANGLADESH",
    work__primary_occupation="BUSINESS", work__present_employer="MEGHNA TEXTILE COMPOSITE LTD",
    work__present_employer_address=address("PLOT 44, DEPZ ROAD", "SAVAR", "BANGLADESH",
                                           state="DHAKA", postal_code="1349", omit=("line2",)),
    work__present_employer_phone="+880 2 5550 7788", work__present_start_date="2019-07-01",
    work__monthly_income=money(185000, "BDT"),
    work__duties="HEAD OF MERCHANDISING FOR KNITWEAR EXPORT ORDERS; I NEGOTIATE WITH BUYERS "
                 "AND SUPERVISE A TEAM OF NINE MERCHANDISERS.",
    additional__languages=["BENGALI", "ENGLISH", "HINDI"],
)
PK = derive(
    "in-kondapalli",
    application__location="ISLAMABAD", personal__surnames="QURESHI",
    personal__given_names="AHMED RAZA", personal__date_of_birth="1985-09-03",
    personal__birth_city="LAHORE", personal__birth_state="PUNJAB",
    personal__birth_country="PAKISTAN", personal__nationality="PAKISTAN",
    personal__national_id="61101-5550123-7",
    contact__home_street="HOUSE 221, STREET 14\nSECTOR F-10/2", contact__home_city="ISLAMABAD",
    contact__home_state="ISLAMABAD CAPITAL TERRITORY", contact__home_postal_code="44000",
    contact__home_country="PAKISTAN", contact__primary_phone="+92 300 5550142",
    contact__email="A.R.QURESHI@EXAMPLE.PK",
    passport__number="AB 7719302", passport__issuing_authority="PAKISTAN",
    passport__issued_city="ISLAMABAD", passport__issued_country="PAKISTAN",
    family__father_surnames="QURESHI", family__father_given_names="MUHAMMAD ASLAM",
    family__mother_surnames="BIBI", family__mother_given_names="NASREEN",
    family__spouse_surnames="QURESHI", family__spouse_given_names="SANA",
    family__spouse_nationality="PAKISTAN", family__spouse_birth_city="RAWALPINDI",
    family__spouse_birth_country="PAKISTAN",
    work__primary_occupation="ENGINEERING",
    work__present_employer="MARGALLA SOFTWARE HOUSE (PVT) LTD",
    work__present_employer_address=address("PLOT 7, I-9/3 INDUSTRIAL AREA", "ISLAMABAD",
                                           "PAKISTAN", state="ISLAMABAD CAPITAL TERRITORY",
                                           postal_code="44000", omit=("line2",)),
    work__present_employer_phone="+92 51 555 4410", work__present_start_date="2020-01-06",
    work__monthly_income=money(420000, "PKR"),
    work__duties="NETWORK ENGINEER; I DESIGN AND MAINTAIN FIBRE BACKBONE LINKS FOR "
                 "CORPORATE CLIENTS.",
    additional__languages=["URDU", "PUNJABI", "ENGLISH"],
)
VN = derive(
    "ph-dela-cruz",
    application__location="HO CHI MINH CITY", personal__surnames="NGUYEN",
    personal__given_names="THI THU HA", personal__other_names_used=False, personal__other_names=[],
    personal__birth_city="HUE", personal__birth_state="THUA THIEN HUE",
    personal__birth_country="VIETNAM", personal__nationality="VIETNAM",
    personal__national_id="079185001234",
    contact__home_street="45/12 NGUYEN TRAI STREET\nWARD 2, DISTRICT 5",
    contact__home_city="HO CHI MINH CITY", contact__home_state="HO CHI MINH",
    contact__home_postal_code="700000", contact__home_country="VIETNAM",
    contact__primary_phone="+84 90 555 0134", contact__email="THUHA.NGUYEN@EXAMPLE.VN",
    passport__number="C1234567", passport__issuing_authority="VIETNAM",
    passport__issued_city="HO CHI MINH CITY", passport__issued_country="VIETNAM",
    family__father_surnames="NGUYEN", family__father_given_names="VAN TAM",
    family__mother_surnames="LE", family__mother_given_names="THI HOA",
    family__spouse_surnames="TRAN", family__spouse_given_names="VAN MINH",
    family__spouse_nationality="VIETNAM", family__spouse_birth_country="VIETNAM",
    work__primary_occupation="BUSINESS", work__present_employer="SAIGON PHARMA DISTRIBUTION JSC",
    work__present_employer_address=address("218 DIEN BIEN PHU STREET", "HO CHI MINH CITY",
                                           "VIETNAM", line2="WARD 7, DISTRICT 3",
                                           state="HO CHI MINH", postal_code="700000"),
    work__present_employer_phone="+84 28 5550 3311", work__present_start_date="2017-04-03",
    work__monthly_income=money(32000000, "VND"),
    work__duties="KEY ACCOUNT EXECUTIVE FOR HOSPITAL PHARMACIES IN THE SOUTHERN PROVINCES.",
    additional__languages=["VIETNAMESE", "ENGLISH"],
)
CO = derive(
    "ph-dela-cruz",
    application__location="BOGOTA", personal__surnames="RESTREPO GOMEZ",
    personal__given_names="LAURA MARCELA", personal__other_names_used=False,
    personal__other_names=[], personal__birth_city="MEDELLIN", personal__birth_state="ANTIOQUIA",
    personal__birth_country="COLOMBIA", personal__nationality="COLOMBIA",
    personal__national_id="1036555123",
    contact__home_street="CALLE 93 # 14-20\nAPTO 502", contact__home_city="BOGOTA",
    contact__home_state="DISTRITO CAPITAL", contact__home_postal_code="110221",
    contact__home_country="COLOMBIA", contact__primary_phone="+57 310 555 0177",
    contact__email="LAURA.RESTREPO@EXAMPLE.CO",
    passport__number="AX123456", passport__issuing_authority="COLOMBIA",
    passport__issued_city="BOGOTA", passport__issued_country="COLOMBIA",
    family__father_surnames="RESTREPO", family__father_given_names="JORGE IVAN",
    family__mother_surnames="GOMEZ", family__mother_given_names="MARTHA LUCIA",
    family__spouse_surnames="PEREZ", family__spouse_given_names="JUAN CAMILO",
    family__spouse_nationality="COLOMBIA", family__spouse_birth_country="COLOMBIA",
    work__present_employer="CLINICA SANTA LUCIA DEL NORTE S.A.S.",
    work__present_employer_address=address("CARRERA 7 # 127-48", "BOGOTA", "COLOMBIA",
                                           state="DISTRITO CAPITAL", postal_code="110121",
                                           omit=("line2",)),
    work__present_employer_phone="+57 601 555 2200", work__present_start_date="2016-03",
    work__monthly_income=money(6500000, "COP"),
    work__duties="CRITICAL CARE NURSE IN THE ADULT INTENSIVE CARE UNIT.",
    additional__languages=["SPANISH", "ENGLISH"],
)
RU = derive(
    "kg-asanov",
    application__location="MOSCOW", personal__surnames="SOKOLOV", personal__given_names="DMITRY",
    personal__full_name_native="СОКОЛОВ ДМИТРИЙ АНДРЕЕВИЧ", personal__birth_city="YAROSLAVL",
    personal__birth_state="YAROSLAVSKAYA OBLAST", personal__birth_country="RUSSIA",
    personal__nationality="RUSSIA", personal__national_id="4615 555019",
    contact__home_street="UL. PROFSOYUZNAYA, D. 84, KV. 17", contact__home_city="MOSCOW",
    contact__home_state=None, contact__home_postal_code="117485", contact__home_country="RUSSIA",
    contact__primary_phone="+7 916 555 0148", contact__email="D.SOKOLOV@EXAMPLE.RU",
    contact__social_media=[{"platform": "VKONTAKTE (VK)", "identifier": "D_SOKOLOV_YAR"}],
    passport__number="75 5550193", passport__issuing_authority="RUSSIA",
    passport__issued_city="MOSCOW", passport__issued_country="RUSSIA",
    travel__payer="SELF", travel__payer_name=DEL, travel__payer_relationship=DEL,
    _extra__payer_phone=DEL,
    family__father_surnames="SOKOLOV", family__father_given_names="ANDREY",
    family__mother_surnames="SOKOLOVA", family__mother_given_names="IRINA",
    work__primary_occupation="BUSINESS", work__present_employer="OOO SEVERNAYA LOGISTIKA",
    work__present_employer_address=address("UL. VAVILOVA 5", "MOSCOW", "RUSSIA",
                                           postal_code="119334", state=None, omit=("line2",)),
    work__present_employer_phone="+7 495 555 7710", work__present_start_date="2022-09-01",
    work__monthly_income=money(180000, "RUB"),
    work__duties="FREIGHT PLANNER; I SCHEDULE RAIL AND TRUCK SHIPMENTS FOR RETAIL CLIENTS.",
    additional__clan_or_tribe=False, _extra__clan_name=DEL,
    additional__languages=["RUSSIAN", "ENGLISH"],
)
RU.update(security())
RU.pop("security.removed_or_deported_explanation", None)

BASES = {"bd-rahman": BD, "pk-qureshi": PK, "vn-nguyen": VN, "co-restrepo": CO,
         "ru-sokolov": RU}
for _slug in ("in-kondapalli", "ph-dela-cruz", "kz-akhmetova", "kg-asanov", "uz-toshmatov"):
    BASES[_slug] = APPLICANTS[_slug]
NATIVE_FONT = {"ru-sokolov", "kz-akhmetova", "kg-asanov", "uz-toshmatov"}


# --------------------------------------------------------------------------------------------
# Edits
def honest(f: dict[str, Any], text: str) -> None:
    f["previous_travel.refused"] = True
    f["previous_travel.refused_explanation"] = text


def new_job(f: dict[str, Any], name: str, addr: dict, phone: str, start: str,
            income: dict | None, *, occupation: str | None = None, duties: str | None = None,
            old_title: str = "MANAGER", old_sup: str = "DIRECTOR, HR",
            old_from: str | None = None, as_prev: bool = True) -> None:
    if as_prev:
        prev = _prev(f, old_title, old_sup, old_from or str(f["work.present_start_date"]),
                     start[:7] + "-01" if len(start) >= 7 else start, f.get("work.duties") or "")
        f["work.previous_employers"] = [prev, *f.get("work.previous_employers", [])]
        f["work.previously_employed"] = True
        if f.get("contact.work_phone"):
            f["contact.other_phones"] = [*f.get("contact.other_phones", []),
                                         f["contact.work_phone"]]
    f["work.present_employer"] = name
    f["work.present_employer_address"] = addr
    f["work.present_employer_phone"] = phone
    if f.get("contact.work_phone"):
        f["contact.work_phone"] = phone
    f["work.present_start_date"] = start
    f["work.monthly_income"] = income
    if occupation:
        f["work.primary_occupation"] = occupation
    if duties:
        f["work.duties"] = duties


def marry(f: dict[str, Any], sur: str, given: str, dob: str, nat: str, city: str,
          country: str) -> None:
    f["personal.marital_status"] = "MARRIED"
    f.update({"family.spouse_surnames": sur, "family.spouse_given_names": given,
              "family.spouse_date_of_birth": dob, "family.spouse_nationality": nat,
              "family.spouse_birth_city": city, "family.spouse_birth_country": country,
              "family.spouse_address": "SAME AS HOME ADDRESS"})


def app_id(case: str, which: str) -> str:
    h = hashlib.sha256(f"{case}/{which}".encode()).hexdigest().upper()
    digits = "".join(c for c in h if c in "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ")
    return "AA00" + digits[:6]


# --------------------------------------------------------------------------------------------
# Documents (each writer: path, **data)
def letter_214b_regretted(path: Path, *, post: str, city: str, date: str, name: str,
                          appid: str, font: str = "Times-Roman", size: str = "A4") -> None:
    """214(b) letter in the 'regretted' wording quoted from Dhaka, with the ties
    explanation of the Georgetown 'Ask the Consul' column."""
    p = Pdf(path, size=size, font=font, title="Visa refusal")
    p.heading("EMBASSY OF THE UNITED STATES OF AMERICA", [post, "Consular Section - Nonimmigrant Visas"])
    p.text(f"{city}, {date}", align="right")
    p.gap(6)
    p.grid([("Applicant", name), ("Application ID", appid), ("Visa class applied for", "B1/B2")],
           label_w=140, box=False)
    p.para("Dear Applicant,")
    p.para("Your visa has been regretted under Section 214(b) of the U.S. Immigration and "
           "Nationality Act. Under this law every applicant for a nonimmigrant visa is presumed "
           "to be an intending immigrant until he or she establishes to the satisfaction of the "
           "consular officer that he or she is entitled to nonimmigrant status.")
    p.para("You have failed to prove that you have strong ties in your home country. Ties are "
           "the possessions, employment, family relationships and other 'pull' factors that "
           "would make you return after a temporary visit to the United States. The officer "
           "considered your application as presented today.")
    p.para("This decision cannot be appealed. You may apply again; a new application, a new "
           "fee and a new interview will be required. A new application is only worthwhile if "
           "your circumstances have changed or you can present information you did not present "
           "today.")
    p.signature(["Consular Officer", "Nonimmigrant Visa Unit"])
    p.save()


def sheet_214b_boxes(path: Path, *, post: str, date: str, name: str, font: str = "Helvetica",
                     size: str = "letter") -> None:
    """A half-page refusal sheet with the section of law ticked."""
    p = Pdf(path, size=size, font=font, title="Refusal sheet")
    p.band(f"U.S. CONSULATE GENERAL {post.upper()}", "NONIMMIGRANT VISA SECTION", shade=0.35)
    p.text(f"Date: {date}        Name: {name}", size=9.5)
    p.gap(4)
    p.para("The consular officer has reviewed your application for a nonimmigrant visa. We "
           "regret that we are unable to issue a visa to you at this time, for the reason "
           "marked below:", size=9.5)
    p.checkbox("Section 214(b) - You have not established to the officer's satisfaction that "
               "you qualify for the visa category for which you applied, including that you have "
               "a residence abroad that you do not intend to abandon. This decision cannot be "
               "appealed.", True)
    p.checkbox("Section 221(g) - Additional documents or administrative processing required "
               "(instructions attached).", False)
    p.checkbox("Other section of law: ____________________", False)
    p.gap(10)
    p.para("If you decide to reapply you must submit a new application form, pay the "
           "application fee again and provide information on how your circumstances have "
           "changed since this application.", size=9.5)
    p.signature(["Consular Officer"])
    p.save()


def letter_214b_ru_en(path: Path, *, date_en: str, date_ru: str, name: str) -> None:
    """Moscow 214(b) letter, English with an own Russian translation below."""
    p = Pdf(path, size="A4", font="DejaVuSerif", title="214(b)")
    p.band("Embassy of the United States of America - Moscow", "Consular Section / Консульский отдел",
           shade=0.25, size=13)
    p.text(date_en, align="right", size=9.5)
    p.text(f"To: {name}", size=9.5)
    p.gap(6)
    p.para("Your application for a nonimmigrant visa has been refused under Section 214(b) of "
           "the Immigration and Nationality Act. You did not demonstrate ties that would compel "
           "you to return to your country of residence after a temporary visit. Today's decision "
           "cannot be appealed; you may reapply once your circumstances have changed.", size=9.5)
    p.rule()
    p.text(date_ru, align="right", size=9.5)
    p.para("Вам отказано в выдаче неиммиграционной визы на основании раздела 214(b) Закона об "
           "иммиграции и гражданстве США. Вы не доказали наличие связей, которые обязывали бы "
           "вас вернуться в страну проживания после временного визита. Это решение не подлежит "
           "обжалованию; вы можете подать новое заявление, когда ваши обстоятельства изменятся.",
           size=9.5)
    p.signature(["Consular Officer / Консульский сотрудник"])
    p.save()


def docx_214b_astana(path: Path, *, date: str, name: str) -> None:
    write_docx(path, [
        ("h", "U.S. Embassy Astana - Consular Section"),
        ("r", date),
        ("p", f"Applicant: {name}"),
        ("b", "Notice of refusal - Section 214(b), Immigration and Nationality Act"),
        ("p", "We regret to inform you that you have been found ineligible for a nonimmigrant "
              "visa under Section 214(b). Applicants must show ties to their home country - "
              "work, family, property - that would compel them to return after a temporary "
              "stay. You did not do so to the satisfaction of the consular officer."),
        ("p", "This decision cannot be appealed. You may reapply; please bring evidence of any "
              "change in your circumstances."),
        ("p", "Consular Officer"),
    ], title="Refusal 214(b)")


def slip_221g_docs(path: Path, *, post: str, date: str, name: str, appid: str,
                   items: list[tuple[str, bool]]) -> None:
    p = Pdf(path, size="A4", font="Helvetica", title="221(g)")
    p.heading(f"U.S. EMBASSY {post.upper()}", ["Nonimmigrant Visa Section", "Diplomatic Enclave"])
    p.title("NOTICE UNDER SECTION 221(g) OF THE IMMIGRATION AND NATIONALITY ACT", size=11)
    p.grid([("Name", name), ("Case / Application ID", appid), ("Date of interview", date)],
           label_w=150)
    p.para("Your visa application is refused under Section 221(g) of the Immigration and "
           "Nationality Act because essential information is missing from it. The consular "
           "officer needs the items marked below before a decision can be made:", size=9.5)
    for text, on in items:
        p.checkbox(text, on)
    p.gap(10)
    p.para("Submit the marked items, together with this letter, at a designated document "
           "collection office within one year of the date above. You will not have to pay the "
           "application fee again. If you do not submit them within one year your application "
           "will be closed and a new application and fee will be required.", size=9.5)
    p.signature(["Consular Officer"])
    p.save()


def email_221g_ap(path: Path, *, post: str, when: str, name: str, appid: str, interview: str,
                  sender: str) -> None:
    p = Pdf(path, size="letter", font="DejaVuSans", title="Mail - Visa application status")
    p.browser_chrome(when, "Mail - Visa application status", "https://mail.example.net/#inbox/18c2")
    p.text("Your visa application - administrative processing", size=13, bold=True)
    p.rule(0.4, 4)
    p.grid([("From", sender), ("To", f"{name.split(',')[0].lower()}.{appid[-4:].lower()}@example.net"),
            ("Date", when), ("Subject", f"Your visa application {appid} - administrative processing")],
           label_w=70, box=False, size=9)
    p.rule(0.4, 4)
    p.para(f"Dear {name},", size=9.5)
    p.para(f"Following your interview at the {post} on {interview}, your application for a "
           "nonimmigrant visa was refused under Section 221(g) of the Immigration and "
           "Nationality Act because it requires further administrative processing.", size=9.5)
    p.para("A refusal under 221(g) is not a denial of your visa: your case stays open and a "
           "consular officer will review it again once the processing is complete. You do not "
           "need to submit a new application or pay a new fee. The time needed varies with the "
           "circumstances of each case; except in emergencies, please wait at least 180 days "
           "from your interview before asking about its status. Your case status will show "
           "'Refused' on the CEAC website while processing continues.", size=9.5)
    p.para("Sincerely,\nNonimmigrant Visa Unit", size=9.5)
    p.gap(6)
    p.text("This mailbox is not monitored. Please do not reply to this message.", size=7.5)
    p.save()


def ceac_page(path: Path, *, when: str, appid: str, status: str, created: str, updated: str,
              body: list[str], location: str) -> None:
    p = Pdf(path, size="letter", font="Helvetica", title="CEAC - Visa Status Check", margin=48)
    p.browser_chrome(when, "CEAC - Visa Status Check", "https://ceac.state.gov/CEACStatTracker/Status.aspx")
    p.band("Consular Electronic Application Center", "U.S. DEPARTMENT OF STATE  |  VISA STATUS CHECK",
           shade=0.15, height=50, size=14)
    p.grid([("Visa Application Type", "NONIMMIGRANT VISA (NIV)"), ("Location", location),
            ("Application ID or Case Number", appid)], label_w=190, size=9)
    p.text(status, size=20, bold=True)
    p.gap(4)
    p.grid([("Case Created", created), ("Case Last Updated", updated)], label_w=120, box=False,
           size=9)
    for para in body:
        p.para(para, size=9.5)
    p.gap(6)
    p.text("Close   |   Print this page", size=8)
    p.save()


def letter_212a(path: Path, *, post: str, date: str, name: str, section: str,
                body: list[str], font: str = "Times-Roman") -> None:
    p = Pdf(path, size="letter", font=font, title="Visa ineligibility")
    p.band(f"Embassy of the United States of America - {post}", "Consular Section", shade=0.3)
    p.text(date, align="right")
    p.text(f"Applicant: {name}")
    p.gap(6)
    p.title(f"NOTICE OF VISA INELIGIBILITY - INA SECTION {section}", size=11)
    for b in body:
        p.para(b)
    p.signature(["Consular Officer", "Nonimmigrant Visa Section"])
    p.save()


def faq_page(path: Path, *, when: str, country: str) -> None:
    p = Pdf(path, size="A4", font="DejaVuSans", title="Visa Denied", margin=50)
    p.browser_chrome(when, "Visa Denied | U.S. Visa Information - " + country,
                     "https://www.usvisa-info.example/en-PK/selfservice/us_visa_denied")
    p.text("U.S. VISA INFORMATION SERVICE  -  " + country.upper(), size=9, bold=True)
    p.rule(0.4, 3)
    p.text("Home  >  Self Service  >  Visa Denied", size=8)
    p.gap(6)
    p.text("Visa Denied", size=18, bold=True)
    p.gap(4)
    for para in [
        "If an applicant has been denied a visa, the consular officer gives the applicant a "
        "letter explaining why the visa was refused.",
        "If the refusal letter is marked 214(b), it generally explains that the applicant does "
        "not qualify for a visa at this time under U.S. immigration law. An applicant who "
        "reapplies needs a new application, a new fee, a new interview, and should show how "
        "circumstances have changed since the first application.",
        "If the refusal letter is marked 221(g), it generally lists documents that can be "
        "submitted for another review of the application, with instructions on how to submit "
        "them. The application fee does not have to be paid again. Some applications need "
        "additional administrative processing; such letters are also marked 221(g).",
        "An applicant refused under 221(g) who was asked for further information must follow "
        "up within one year or the case will be closed. For administrative processing there is "
        "no further action for the applicant and the one-year limit does not apply.",
        "Frequently asked: Can I appeal? No. A refusal cannot be appealed, but you may reapply.",
    ]:
        p.para(para, size=9.5)
    p.save()


def employer_letter_vn(path: Path) -> None:
    write_docx(path, [
        ("h", "MEKONG BIOTECH TRADING COMPANY LIMITED"),
        ("p", "12 Ton Duc Thang Street, Ben Nghe Ward, District 1, Ho Chi Minh City - "
              "Tel. +84 28 5550 9090 - Enterprise code 0315550912"),
        ("r", "Ho Chi Minh City, 3 November 2026"),
        ("b", "To: The Consular Section, Consulate General of the United States, Ho Chi Minh City"),
        ("b", "Re: Employment confirmation - Ms. NGUYEN THI THU HA"),
        ("p", "This letter confirms that Ms. NGUYEN THI THU HA, born 8 December 1985, passport "
              "C1234567, has worked for Mekong Biotech Trading Company Limited under an "
              "indefinite-term labour contract since 2 June 2026. She holds the position of "
              "Regional Sales Manager (Southern Region)."),
        ("p", "Her gross salary is VND 48,000,000 (forty-eight million dong) per month, paid by "
              "bank transfer, before social insurance and personal income tax."),
        ("p", "We understand that Ms. Nguyen's earlier application for a U.S. visitor visa, made "
              "while she worked for her previous employer, was not successful. Her situation has "
              "changed since then and the company fully supports her new application. She has "
              "been granted annual leave from 1 to 14 March 2027 to attend the trade fair in "
              "Chicago, and her position will be kept for her return."),
        ("p", "For and on behalf of Mekong Biotech Trading Company Limited"),
        ("p", "LE VAN HUNG - General Director (signed and sealed)"),
    ], title="Employment confirmation")


def payslip_in(path: Path) -> None:
    p = Pdf(path, size="A4", font="DejaVuSans", title="Payslip October 2026")
    p.heading("NIMBUSGRID SOFTWARE PVT LTD",
              ["Plot 12, Hitec City Phase 2, Madhapur, Hyderabad 500081, Telangana",
               "CIN U72200TG2012PTC055501"], size=12)
    p.title("SALARY SLIP FOR THE MONTH OF OCTOBER 2026", size=10.5)
    p.grid([("Employee name", "SRINIVAS VENKATA KONDAPALLI"), ("Employee code", "NGS-01187"),
            ("Designation", "Principal Engineer"), ("Date of joining", "01-02-2021"),
            ("PAN", "ABCPK5550Q"), ("UAN", "1005 5501 9921"),
            ("Paid days / month days", "31 / 31")], label_w=150, size=8.5)
    p.table(["Earnings", "Amount (₹)", "Deductions", "Amount (₹)"], [
        ["Basic salary", "2,24,000.00", "Provident Fund (employee)", "21,600.00"],
        ["House Rent Allowance", "1,12,000.00", "Professional tax", "200.00"],
        ["Special allowance", "1,96,000.00", "Income tax (TDS)", "1,12,400.00"],
        ["Leave travel allowance", "28,000.00", "", ""],
        ["Gross earnings", "5,60,000.00", "Total deductions", "1,34,200.00"],
    ], [150, 90, 150, 90], right=(1, 3))
    p.text("Net pay credited: ₹ 4,25,800.00 (Rupees Four Lakh Twenty-Five Thousand Eight Hundred "
           "only) to HDFC Bank a/c XXXXXX4417", size=9, bold=True)
    p.gap(10)
    p.text("This is a computer-generated payslip and does not require a signature.", size=7.5)
    p.save()


def coe_ph(path: Path) -> None:
    write_docx(path, [
        ("h", "ST. RAPHAEL MEDICAL CENTER, INC."),
        ("p", "National Highway, Brgy. Balibago, Santa Rosa City, Laguna 4026 - (049) 555-0411"),
        ("h", "CERTIFICATE OF EMPLOYMENT"),
        ("p", "This is to certify that MS. MARIA CRISTINA DELA CRUZ has been employed with St. "
              "Raphael Medical Center, Inc. since July 1, 2026 up to the present, as Senior Staff "
              "Nurse, Intensive Care Unit, with regular status."),
        ("p", "Her monthly compensation is as follows:"),
        ("t", [("Basic salary", "PHP 52,000.00"), ("Rice subsidy (de minimis)", "PHP 3,000.00"),
               ("Transportation allowance", "PHP 6,000.00"), ("Total monthly compensation",
                                                               "PHP 61,000.00")]),
        ("p", "This certification is issued upon the request of Ms. Dela Cruz for her U.S. visa "
              "application and for whatever legal purpose it may serve."),
        ("p", "Given this 2nd day of November 2026 at Santa Rosa City, Laguna, Philippines."),
        ("p", "MA. LOURDES T. VILLANUEVA - HR Manager"),
    ], title="Certificate of Employment")


def marriage_ru(path: Path, *, groom: list[str], bride: list[str], date: str, record: str,
                husband_sur: str, wife_sur: str, office: str, country: str) -> None:
    """groom/bride: [full name, citizenship line, date of birth, place of birth]."""
    p = Pdf(path, size="A4", font="DejaVuSerif", title="Свидетельство о заключении брака",
            margin=64)
    p.text(country, align="center", size=10, bold=True)
    p.gap(14)
    p.text("СВИДЕТЕЛЬСТВО О ЗАКЛЮЧЕНИИ БРАКА", align="center", size=15, bold=True)
    p.gap(14)
    for who in (groom, bride):
        p.text(who[0], align="center", size=12, bold=True)
        p.text("(фамилия, имя, отчество)", align="center", size=7)
        p.text(f"{who[1]}, дата рождения {who[2]}", align="center", size=9.5)
        p.text(f"место рождения {who[3]}", align="center", size=9.5)
        p.gap(4)
        if who is groom:
            p.text("и", align="center", size=10)
            p.gap(4)
    p.gap(6)
    p.text(f"заключили брак {date}", align="center", size=10.5)
    p.text(f"о чём составлена запись акта о заключении брака № {record}", align="center", size=9.5)
    p.gap(8)
    p.text("После заключения брака присвоены фамилии:", align="center", size=10)
    p.text(f"мужу {husband_sur}", align="center", size=10.5, bold=True)
    p.text(f"жене {wife_sur}", align="center", size=10.5, bold=True)
    p.gap(10)
    p.grid([("Место государственной регистрации", office), ("Дата выдачи", date)],
           label_w=190, size=9)
    p.signature(["Руководитель органа записи актов гражданского состояния"],
                stamp="ОРГАН ЗАГС М.П.")
    p.save()


def divorce_kz(path: Path) -> None:
    p = Pdf(path, size="A4", font="DejaVuSansCondensed", title="Свидетельство о расторжении брака",
            margin=60)
    p.text("ҚАЗАҚСТАН РЕСПУБЛИКАСЫ / РЕСПУБЛИКА КАЗАХСТАН", align="center", bold=True)
    p.gap(10)
    p.text("НЕКЕНІҢ БҰЗЫЛҒАНЫ ТУРАЛЫ КУӘЛІК", align="center", size=11)
    p.text("СВИДЕТЕЛЬСТВО О РАСТОРЖЕНИИ БРАКА", align="center", size=14, bold=True)
    p.gap(12)
    p.grid([
        ("Брак между", "АХМЕТОВЫМ ДАУЛЕТОМ ЕРЛАНОВИЧЕМ, гражданином Республики Казахстан, "
                       "дата рождения 02.11.1986, место рождения г. Шымкент"),
        ("и", "АХМЕТОВОЙ АЙГЕРІМ СЕРІКҚЫЗЫ, гражданкой Республики Казахстан, дата рождения "
              "12.04.1988, место рождения г. Алматы"),
        ("прекращён", "03.06.2026 на основании решения суда Бостандыкского района г. Алматы от "
                      "14.05.2026, вступившего в законную силу"),
        ("Запись акта о расторжении брака", "№ 1904 от 03.06.2026"),
        ("Фамилии после расторжения брака", "ему - АХМЕТОВ, ей - АХМЕТОВА"),
        ("Место регистрации", "Отдел регистрации актов гражданского состояния г. Алматы"),
        ("Дата выдачи", "03.06.2026"),
    ], label_w=175, size=9.5)
    p.signature(["Руководитель органа регистрации актов гражданского состояния"],
                stamp="ЗАГС г. АЛМАТЫ М.П.")
    p.save()


def bank_statement_bd(path: Path) -> None:
    p = Pdf(path, size="A4", font="Helvetica", title="Statement of account", margin=44)
    p.band("JAMUNA RIVER BANK PLC", "Uttara Branch, Sector 7, Dhaka-1230  |  SWIFT JRBLBDDH  |  "
           "www.jamunariverbank.example", shade=0.28)
    p.title("STATEMENT OF ACCOUNT", size=11)
    p.grid([("Customer", "MD. ARIFUL RAHMAN"),
            ("Address", "House 31 (Flat 6B), Rd. 11, Sector 04, Uttara, Dhaka-1230, Bangladesh"),
            ("Account no.", "0241 0105 5501 9"), ("Type / currency", "Savings - BDT"),
            ("Period", "01-08-2026 to 31-10-2026")], label_w=120, size=9)
    p.table(["Date", "Particulars", "Debit", "Credit", "Balance"], [
        ["01-08-2026", "Balance brought forward", "", "", "1,482,310.55"],
        ["28-08-2026", "Salary MEGHNA TEXTILE COMPOSITE", "", "185,000.00", "1,667,310.55"],
        ["03-09-2026", "Rent - Uttara flat 6B", "42,000.00", "", "1,625,310.55"],
        ["28-09-2026", "Salary MEGHNA TEXTILE COMPOSITE", "", "185,000.00", "1,810,310.55"],
        ["30-09-2026", "Interest credit", "", "9,118.40", "1,819,428.95"],
        ["03-10-2026", "Rent - Uttara flat 6B", "42,000.00", "", "1,777,428.95"],
        ["28-10-2026", "Salary MEGHNA TEXTILE COMPOSITE", "", "185,000.00", "1,962,428.95"],
    ], [62, 190, 70, 70, 80], right=(2, 3, 4))
    p.text("Closing balance as on 31-10-2026: BDT 1,962,428.95", bold=True, size=9.5)
    p.gap(8)
    p.text("This statement is system generated and needs no signature.", size=7.5)
    p.save()


def solvency_bd(path: Path) -> None:
    p = Pdf(path, size="A4", font="Times-Roman", title="Solvency certificate")
    p.heading("JAMUNA RIVER BANK PLC", ["Banani Branch, Road 11, Block E, Banani, Dhaka-1213"])
    p.text("Ref: JRB/BNN/SC/2026/0412", size=9.5)
    p.text("Date: 30 March 2026", size=9.5, align="right")
    p.title("SOLVENCY CERTIFICATE", underline=True)
    p.para("This is to certify that MD. ARIFUL RAHMAN, son of Abdul Rahman, of House 12, Road 7, "
           "Block C, Banani, Dhaka-1213, maintains Savings Account No. 0241 0105 5501 9 with our "
           "branch since 14 August 2014. The balance of the account as on 29 March 2026 stands "
           "at BDT 1,214,560.20 (Taka twelve lac fourteen thousand five hundred sixty and paisa "
           "twenty only).")
    p.para("The account is being operated satisfactorily. This certificate is issued at the "
           "request of the account holder without any risk or responsibility on the part of the "
           "bank or its officials.")
    p.signature(["Manager, Banani Branch"], stamp="JAMUNA RIVER BANK BANANI")
    p.save()


def property_kz(path: Path) -> None:
    p = Pdf(path, size="A4", font="DejaVuSans", title="Справка о зарегистрированных правах",
            margin=50)
    p.text("НАО «Государственная корпорация «Правительство для граждан»", size=9, align="center")
    p.text("Филиал по городу Алматы", size=9, align="center")
    p.gap(8)
    p.text("СПРАВКА", size=13, bold=True, align="center")
    p.text("о зарегистрированных правах (обременениях) на недвижимое имущество и его технических "
           "характеристиках", size=10, align="center")
    p.gap(8)
    p.grid([
        ("Кадастровый номер", "20:313:007:055:19/A/64"),
        ("Адрес", "г. Алматы, Алмалинский район, проспект Абая, дом 150/230, квартира 64"),
        ("Вид объекта", "квартира"), ("Общая площадь", "78,4 кв. м"),
        ("Правообладатель", "АХМЕТОВА АЙГЕРІМ СЕРІКҚЫЗЫ, ИИН 880412450318"),
        ("Вид права", "собственность"),
        ("Основание", "договор купли-продажи от 22.07.2026"),
        ("Дата регистрации", "29.07.2026"),
        ("Обременения", "не зарегистрированы"),
    ], label_w=150, size=9)
    p.text("Справка выдана 05.11.2026 в форме электронного документа.", size=8.5)
    p.save()


def erc_vn(path: Path) -> None:
    p = Pdf(path, size="A4", font="DejaVuSerif", title="Enterprise registration certificate",
            margin=54)
    half = (p.w - 2 * p.m) / 2
    top = p.y
    p.text("HO CHI MINH CITY DEPARTMENT OF PLANNING AND INVESTMENT", size=8.5, bold=True,
           width=half - 12, align="center")
    p.text("BUSINESS REGISTRATION OFFICE", size=8.5, width=half - 12, align="center")
    p.y = top
    p.text("SOCIALIST REPUBLIC OF VIETNAM", size=8.5, bold=True, align="center",
           x=p.m + half, width=half)
    p.text("Independence - Freedom - Happiness", size=8.5, align="center", x=p.m + half,
           width=half)
    p.gap(12)
    p.gap(16)
    p.text("CERTIFICATE OF ENTERPRISE REGISTRATION", size=14, bold=True, align="center")
    p.text("ONE-MEMBER LIMITED LIABILITY COMPANY", size=10, align="center")
    p.text("Enterprise code: 0318555041", size=10, align="center")
    p.text("First registration: 5 May 2026", size=9, align="center")
    p.text("(English translation)", size=8, align="center")
    p.gap(8)
    p.grid([
        ("1. Name of company", "Name in Vietnamese: CONG TY TNHH HA NGUYEN FOODS\n"
                               "Name in foreign language: HA NGUYEN FOODS COMPANY LIMITED\n"
                               "Abbreviated name: HA NGUYEN FOODS CO., LTD"),
        ("2. Head office address", "88 Tran Hung Dao Street, Ward 6, District 5, Ho Chi Minh "
                                   "City, Vietnam. Tel. +84 28 5550 6612"),
        ("3. Charter capital", "2,000,000,000 VND (two billion Vietnam dong)"),
        ("4. Owner", "NGUYEN THI THU HA, Vietnamese, born 08/12/1985, citizen identity card "
                     "No. 079185001234"),
        ("5. Legal representative", "Full name: NGUYEN THI THU HA. Title: Director. Sex: Female. "
                                    "Born 08/12/1985. Nationality: Vietnam. Contact address: "
                                    "45/12 Nguyen Trai Street, Ward 2, District 5, Ho Chi Minh City"),
    ], label_w=140, size=9)
    p.signature(["HEAD OF THE BUSINESS REGISTRATION OFFICE"], stamp="BUSINESS REGISTRATION OFFICE HCMC")
    p.save()


def letter_pk_other(path: Path) -> None:
    p = Pdf(path, size="A4", font="Helvetica", title="Employment certificate")
    p.band("KARAKORUM TELECOM SERVICES (PVT) LTD", "Office 5, Blue Area, Jinnah Avenue, Islamabad  "
           "|  +92 51 555 8800  |  NTN 5550193-4", shade=0.22)
    p.text("KTS/HR/2026/771", size=9)
    p.text("November 4, 2026", size=9, align="right")
    p.title("TO WHOM IT MAY CONCERN", underline=True)
    p.para("This is to certify that Mr. AHMED RAZA QURESHI, CNIC 61101-5550123-7, is a permanent "
           "employee of Karakoram Telecom Services (Pvt) Ltd since 1 August 2026, working as "
           "Senior Network Engineer in our Islamabad office.")
    p.para("His gross monthly salary is PKR 510,000 (Rupees five hundred and ten thousand only). "
           "The company has approved his leave from 10 to 24 April 2027 and he is expected to "
           "resume his duties on his return.")
    p.para("This certificate is issued on his request for the purpose of his U.S. visa "
           "application.")
    p.signature(["Saima Javed", "Head of Human Resources"], stamp="KARAKORUM TELECOM ISLAMABAD")
    p.save()


def salary_cert_pk(path: Path) -> None:
    write_docx(path, [
        ("h", "MARGALLA SOFTWARE HOUSE (PVT) LTD"),
        ("p", "Plot 7, I-9/3 Industrial Area, Islamabad - Tel. +92 51 555 4410"),
        ("r", "Dated: 2 November 2026"),
        ("h", "SALARY CERTIFICATE"),
        ("p", "Certified that Mr. Ahmed Raza Qureshi s/o Muhammad Aslam Qureshi, holding CNIC No. "
              "61101-5550123-7, is working in this company as Lead Network Engineer since "
              "6 January 2020."),
        ("p", "With effect from 1 July 2026 his annual gross salary is PKR 5,880,000 (Rupees "
              "five million eight hundred and eighty thousand only), paid in twelve equal monthly "
              "instalments, from which income tax is deducted at source under section 149 of "
              "the Income Tax Ordinance, 2001."),
        ("p", "This certificate is issued at his request without any liability on the part of "
              "the company."),
        ("p", "Manager Accounts & Finance"),
    ], title="Salary certificate")


def certificacion_co(path: Path) -> None:
    p = Pdf(path, size="letter", font="Helvetica", title="Certificación laboral")
    p.heading("FUNDACIÓN CARDIOVASCULAR ANDINA",
              ["NIT 900.555.123-4  ·  Avenida Calle 134 # 7-83, Bogotá D.C.  ·  PBX (601) 555 4000"])
    p.text("Bogotá D.C., 4 de noviembre de 2026", align="right", size=9.5)
    p.title("CERTIFICACIÓN LABORAL")
    p.title("LA DIRECCIÓN DE GESTIÓN HUMANA HACE CONSTAR QUE:", size=10)
    p.para("La señora LAURA MARCELA RESTREPO GÓMEZ, identificada con cédula de ciudadanía "
           "No. 1.036.555.123, labora en esta institución desde el 1 de agosto de 2026 mediante "
           "contrato a término indefinido, desempeñando el cargo de Jefe de Enfermería de la "
           "Unidad de Cuidado Intensivo Coronario.")
    p.para("Devenga un salario básico mensual de CUATRO MILLONES DOSCIENTOS MIL PESOS M/CTE "
           "($4.200.000).")
    p.para("La presente certificación se expide a solicitud de la interesada, con destino a la "
           "Embajada de los Estados Unidos de América.")
    p.signature(["ANDRÉS FELIPE MORA CASTRO", "Director de Gestión Humana"])
    p.save()


def malumotnoma_uz(path: Path) -> None:
    p = Pdf(path, size="A4", font="DejaVuSans", title="Ma'lumotnoma", margin=56)
    p.heading("«ILM-FAN INNOVATSIYA» MChJ",
              ["Toshkent sh., Mirzo Ulug'bek tumani, Buyuk Ipak Yo'li ko'chasi, 161-uy",
               "Tel.: +998 71 555 02 61  ·  STIR 305 550 991"], size=12)
    p.text("№ 318  ·  2026-yil 9-noyabr", size=9)
    p.title("MA'LUMOTNOMA")
    p.para("Ushbu ma'lumotnoma TOSHMATOV BOBUR ALISHER O'G'LI ga shu haqda berildiki, u haqiqatan ham "
           "«ILM-FAN INNOVATSIYA» MChJ da 2026-yil 1-sentabrdan buyon dasturchi-muhandis "
           "lavozimida doimiy ishlab kelmoqda.")
    p.para("Uning oylik maoshi 9 500 000 (to'qqiz million besh yuz ming) so'mni tashkil etadi.")
    p.para("Ma'lumotnoma talab qilingan joyga taqdim etish uchun berildi.")
    p.signature(["Direktor: SAIDOV B. A.", "Bosh hisobchi: KARIMOVA N. R."],
                stamp="«ILM-FAN INNOVATSIYA» MChJ TOSHKENT")
    p.save()


def slip_221g_ap_tashkent(path: Path) -> None:
    p = Pdf(path, size="A4", font="Times-Roman", title="221(g) administrative processing")
    p.heading("Embassy of the United States of America - Tashkent", ["Consular Section"])
    p.text("Date: 21 April 2026", align="right")
    p.text("Applicant: TOSHMATOV, BOBUR ALISHER UGLI")
    p.gap(4)
    p.para("The consular officer could not complete action on your visa application today. "
           "Your application is refused under Section 221(g) of the Immigration and Nationality "
           "Act while it undergoes administrative processing.")
    p.para("No further documents are required from you at this time. We will contact you when "
           "processing is complete; its length depends on the circumstances of each case. "
           "Please keep this letter.")
    p.signature(["Consular Officer"])
    p.save()


# --------------------------------------------------------------------------------------------
# Cases
HIDDEN = {"code": "UNDISCLOSED_REFUSAL", "field": "previous_travel.refused"}
NO_UR = {"code": "UNDISCLOSED_REFUSAL", "field": None}


def case(name: str, applicant: str, story: str, *, edit_old: Callable | None = None,
         edit_new: Callable | None = None, docs: list[tuple[str, Callable, dict, str]],
         refusal: dict | None, planted: list | None = None, absent: list | None = None,
         open_: list | None = None, supported: list | None = None,
         contradicted: list | None = None) -> dict[str, Any]:
    return dict(name=name, applicant=applicant, story=story, edit_old=edit_old,
                edit_new=edit_new, docs=docs, refusal=refusal, planted=planted or [],
                absent=absent or [], open=open_ or [], supported=supported or [],
                contradicted=contradicted or [])


def sup_absent(*fields: str) -> list[dict]:
    out = [NO_UR, {"code": "NO_MATERIAL_CHANGE", "field": None}]
    for f in fields:
        out += [{"code": "CHANGE_UNSUPPORTED", "field": f},
                {"code": "EVIDENCE_CONTRADICTS", "field": f}]
    return out


def E_HONEST(post: str, month: str = "APRIL 2026", section: str = "214(B)") -> str:
    return (f"MY B1/B2 APPLICATION WAS REFUSED UNDER SECTION {section} AT {post} IN {month}. "
            "MY CIRCUMSTANCES HAVE CHANGED SINCE THEN.")


def _bd_addr(f):
    f.update({"contact.home_street": "FLAT 6B, HOUSE 31, ROAD 11\nSECTOR 4, UTTARA",
              "contact.home_postal_code": "1230"})


def _kz_divorce(f):
    f["personal.marital_status"] = "DIVORCED"
    for k in [k for k in f if k.startswith("family.spouse_")]:
        del f[k]
    f["_extra.former_spouses"] = [{
        "surnames": "AKHMETOV", "given_names": "DAULET", "date_of_birth": "1986-11-02",
        "nationality": "KAZAKHSTAN", "birth_city": "SHYMKENT", "birth_country": "KAZAKHSTAN",
        "marriage_date": "2012-09-08", "marriage_end": "2026-06-03",
        "how_ended": "DIVORCE BY DECISION OF THE BOSTANDYK DISTRICT COURT OF ALMATY",
        "ended_country": "KAZAKHSTAN"}]
    # the former husband no longer travels with her; the daughter still does
    f["travel.companion_list"] = [c for c in f["travel.companion_list"]
                                  if c["relationship"] != "SPOUSE"]


def _uz_old(f):
    f["previous_travel.refused"] = False
    f.pop("previous_travel.refused_explanation", None)


def _uz_new(f):
    honest(f, "F1 VISA APPLICATION REFUSED UNDER SECTION 221(G) AT THE U.S. EMBASSY IN TASHKENT "
              "ON 21 APRIL 2026 FOR ADMINISTRATIVE PROCESSING. THE CASE WAS NOT FINISHED BEFORE "
              "THE FALL SEMESTER AND I STARTED WORK INSTEAD.")


KZ_EXPL = ("I WAS REFUSED UNDER 214(B) AT ASTANA IN 2025 AND AGAIN UNDER 214(B) AT ASTANA IN "
           "APRIL 2026. MY FAMILY AND HOME SITUATION HAS CHANGED SINCE THEN.")

CASES: list[dict[str, Any]] = [
    case("b01-bd-dhaka-214b-hidden", "bd-rahman",
         "214(b) at Dhaka in the 'your visa has been regretted' wording; new DS-160 answers NO to "
         "'ever refused' and changes nothing. A bank solvency certificate (balance as on date) "
         "is given as a neutral extra.",
         docs=[("refusal_dhaka.pdf", letter_214b_regretted,
                dict(post="Dhaka, Bangladesh", city="Dhaka", date="15 April 2026",
                     name="RAHMAN, MD ARIFUL", appid="@old"), "dhaka_214b"),
               ("solvency_certificate.pdf", solvency_bd, {}, "bank_cert")],
         refusal={"type": "214b", "subtype": None},
         planted=[HIDDEN, {"code": "NO_MATERIAL_CHANGE", "field": None}]),
    case("b02-pk-islamabad-221g-documents-hidden", "pk-qureshi",
         "221(g) notice at Islamabad listing documents to submit (bank statements, FBR tax "
         "returns ticked); the new DS-160 answers NO.",
         docs=[("221g_islamabad.pdf", slip_221g_docs,
                dict(post="Islamabad", date="16 April 2026", name="QURESHI, AHMED RAZA",
                     appid="@old", items=[
                         ("Bank statements for the last six months, with the bank's stamp", True),
                         ("Income tax returns for the last two tax years (FBR acknowledgement "
                          "slips)", True),
                         ("Nikah Nama (marriage registration certificate), NADRA-issued", False),
                         ("Letter from your employer stating position, salary and leave", False),
                         ("Invitation letter from your U.S. host", False)]), "g221_info")],
         refusal={"type": "221g", "subtype": "documents"}, planted=[HIDDEN],
         open_=["NO_MATERIAL_CHANGE"]),
    case("b03-vn-hcmc-221g-ap-email-hidden", "vn-nguyen",
         "Consular e-mail (printed from a web mail client): refused under 221(g) for "
         "administrative processing, 'a refusal under 221(g) is not a denial'; new DS-160 "
         "answers NO.",
         docs=[("consulate_email.pdf", email_221g_ap,
                dict(post="U.S. Consulate General in Ho Chi Minh City",
                     when="4/29/26, 9:12 AM", name="NGUYEN, THI THU HA", appid="@old",
                     interview="April 22, 2026",
                     sender="HCMC Nonimmigrant Visa Unit <niv-noreply@hcmc-consulate.example>"),
                "not_denial")],
         refusal={"type": "221g", "subtype": "administrative_processing"}, planted=[HIDDEN],
         open_=["NO_MATERIAL_CHANGE"]),
    case("b04-ru-moscow-ceac-refused-hidden", "ru-sokolov",
         "Saved CEAC status page 'Refused' for the old Application ID at Moscow (the CEAC text "
         "mentions administrative processing only conditionally); new DS-160 answers NO.",
         docs=[("ceac_status.pdf", ceac_page,
                dict(when="5/6/26, 8:40 PM", appid="@old", status="Refused",
                     created="09-Mar-2026", updated="23-Apr-2026", location="RUSSIA, MOSCOW",
                     body=["A U.S. consular officer has adjudicated and refused your visa "
                           "application. Please follow any instructions provided by the "
                           "consular officer. If you were informed by the consular officer that "
                           "your case was refused for administrative processing, your case will "
                           "remain refused while undergoing such processing. You will receive "
                           "another adjudication once such processing is complete.",
                           "Please be advised that the processing time varies and that you will "
                           "be contacted if additional information is needed. For more "
                           "information, please visit TRAVEL.STATE.GOV."]), "ceac_change")],
         refusal={"type": "unknown", "subtype": None}, planted=[HIDDEN],
         open_=["NO_MATERIAL_CHANGE"]),
    case("b05-co-bogota-212a6ci-hidden", "co-restrepo",
         "Notice of ineligibility under INA 212(a)(6)(C)(i) (misrepresentation) at Bogota; the "
         "new DS-160 answers NO to 'ever refused'.",
         docs=[("ineligibility_bogota.pdf", letter_212a,
                dict(post="Bogota", date="April 17, 2026", name="RESTREPO GOMEZ, LAURA MARCELA",
                     section="212(a)(6)(C)(i)", body=[
                         "You have been found ineligible to receive a visa under Section "
                         "212(a)(6)(C)(i) of the Immigration and Nationality Act. This section "
                         "applies to any person who, by fraud or by willfully misrepresenting a "
                         "material fact, seeks to procure, has sought to procure or has "
                         "procured a visa, other documentation, admission into the United States "
                         "or another benefit under the Act.",
                         "The consular officer found that documents you presented in support of "
                         "your application misrepresented your employment. This ineligibility is "
                         "permanent. For nonimmigrant visas a waiver may be requested; a waiver "
                         "is discretionary and is not granted automatically.",
                         "This decision cannot be appealed."]), "6c1")],
         refusal={"type": "212a", "subtype": None}, planted=[HIDDEN],
         open_=["NO_MATERIAL_CHANGE"]),
    case("b06-in-mumbai-212a9b-honest", "in-kondapalli",
         "Ineligibility under INA 212(a)(9)(B)(i)(II) (unlawful presence of one year or more, "
         "ten-year bar) at Mumbai; the new DS-160 answers YES and explains. Nothing else changes.",
         edit_old=lambda f: f.update({"application.location": "MUMBAI"}),
         edit_new=lambda f: (f.update({"application.location": "MUMBAI"}),
                             honest(f, "REFUSED AT MUMBAI IN APRIL 2026 UNDER SECTION "
                                       "212(A)(9)(B) FOR A PAST OVERSTAY IN THE UNITED STATES.")),
         docs=[("ineligibility_mumbai.pdf", letter_212a,
                dict(post="Mumbai (Consulate General)", date="20 April 2026",
                     name="KONDAPALLI, SRINIVAS VENKATA", section="212(a)(9)(B)(i)(II)",
                     font="DejaVuSerif", body=[
                         "You are ineligible for a visa under Section 212(a)(9)(B)(i)(II) of the "
                         "Immigration and Nationality Act: you were unlawfully present in the "
                         "United States for one year or more and you seek admission within ten "
                         "years of the date of your departure.",
                         "This ineligibility lasts ten years from the date you left the United "
                         "States. A consular officer may recommend a waiver for a nonimmigrant "
                         "visa in some cases. Reapplying before that date without a waiver will "
                         "lead to the same finding."]), "9b_fam")],
         refusal={"type": "212a", "subtype": None}, absent=[NO_UR],
         open_=["NO_MATERIAL_CHANGE"]),
    case("b07-ph-ceac-issued", "ph-dela-cruz",
         "Saved CEAC status page 'Issued' for the old application at Manila; both forms answer "
         "NO to 'ever refused'. No refusal may be established, and 'too early to reapply' does "
         "not apply. The new form lists the visa issued in April 2026 as the last visa.",
         edit_new=lambda f: f.update({"previous_travel.last_visa_issue_date": "2026-04-01",
                                      "previous_travel.last_visa_number": "81055021"}),
         docs=[("ceac_issued.pdf", ceac_page,
                dict(when="4/2/26, 11:03 AM", appid="@old", status="Issued",
                     created="09-Mar-2026", updated="01-Apr-2026", location="PHILIPPINES, MANILA",
                     body=["Your visa is in final processing. If you have not received your "
                           "visa within ten working days, please follow the instructions on the "
                           "website of the Embassy or Consulate where you applied.",
                           "For more information, please visit TRAVEL.STATE.GOV."]),
                "ceac_issued")],
         refusal=None, absent=[NO_UR, {"code": "NO_MATERIAL_CHANGE", "field": None},
                               {"code": "REFUSAL_UNVERIFIED", "field": None}],
         open_=["HISTORY_CONFLICT"]),
    case("b08-pk-faq-page-salary-certificate", "pk-qureshi",
         "Never refused (both forms NO). A printed 'Visa Denied' information page (explains "
         "214(b) and 221(g) letters in general) is among the documents: no refusal may be "
         "established from it. Monthly income 420,000 -> 490,000 PKR, backed by a salary "
         "certificate that states the ANNUAL gross (PKR 5,880,000).",
         edit_new=lambda f: f.update({"work.monthly_income": money(490000, "PKR")}),
         docs=[("visa_denied_info.pdf", faq_page, dict(when="10/30/26, 7:55 PM",
                                                       country="Pakistan"), "denied_faq"),
               ("salary_certificate.docx", salary_cert_pk, {}, "fbr")],
         refusal=None, absent=[NO_UR, {"code": "REFUSAL_UNVERIFIED", "field": None},
                               {"code": "CHANGE_UNSUPPORTED", "field": "work.monthly_income"},
                               {"code": "EVIDENCE_CONTRADICTS", "field": "work.monthly_income"}],
         supported=[{"field": "work.monthly_income", "document": "salary_certificate.docx"}]),
    case("b09-vn-employer-letter-mentions-refusal", "vn-nguyen",
         "No refusal document at all. The new DS-160 answers YES (old NO). The new employer's "
         "letter says her earlier application 'was not successful': no refusal is established "
         "by an employer letter. New employer and income VND 32,000,000 -> 48,000,000 proven by "
         "that letter (DOCX).",
         edit_new=lambda f: (new_job(f, "MEKONG BIOTECH TRADING COMPANY LIMITED",
                                     address("12 TON DUC THANG STREET", "HO CHI MINH CITY",
                                             "VIETNAM", line2="BEN NGHE WARD, DISTRICT 1",
                                             state="HO CHI MINH", postal_code="700000"),
                                     "+84 28 5550 9090", "2026-06-02",
                                     money(48000000, "VND"), old_title="KEY ACCOUNT EXECUTIVE",
                                     old_sup="PHAM, QUOC BAO"),
                             honest(f, "MY B1/B2 APPLICATION AT HO CHI MINH CITY WAS REFUSED IN "
                                       "APRIL 2026.")),
         docs=[("employer_letter.docx", lambda path: employer_letter_vn(path), {}, "vn_docs")],
         refusal=None, absent=sup_absent("work.present_employer", "work.monthly_income"),
         open_=["REFUSAL_UNVERIFIED"],
         supported=[{"field": "work.present_employer", "document": "employer_letter.docx"},
                    {"field": "work.monthly_income", "document": "employer_letter.docx"}]),
    case("b10-in-payslip-indian-grouping", "in-kondapalli",
         "Honest after a 214(b) refusal sheet (box ticked) at Hyderabad. Same employer; monthly "
         "income 4,25,000 -> 5,60,000 INR, proven by the October 2026 salary slip (gross "
         "earnings ₹ 5,60,000.00, Indian digit grouping; net pay 4,25,800 equals the OLD "
         "income by coincidence on purpose).",
         edit_new=lambda f: (f.update({"work.monthly_income": money(560000, "INR")}),
                             honest(f, E_HONEST("HYDERABAD"))),
         docs=[("refusal_sheet.pdf", sheet_214b_boxes,
                dict(post="Hyderabad", date="04/14/2026", name="KONDAPALLI, SRINIVAS VENKATA"),
                "ties_214b"),
               ("payslip_oct_2026.pdf", lambda path: payslip_in(path), {}, "payslip_in")],
         refusal={"type": "214b", "subtype": None}, absent=sup_absent("work.monthly_income"),
         supported=[{"field": "work.monthly_income", "document": "payslip_oct_2026.pdf"}]),
    case("b11-ph-coe-new-employer", "ph-dela-cruz",
         "Honest after a 214(b) (refusal sheet, Manila). New employer ST. RAPHAEL MEDICAL CENTER "
         "INC from July 2026, income 38,500 -> 61,000 PHP; the Certificate of Employment (DOCX) "
         "gives basic 52,000 plus allowances, total 61,000.00.",
         edit_new=lambda f: (new_job(f, "ST. RAPHAEL MEDICAL CENTER INC",
                                     address("NATIONAL HIGHWAY, BRGY. BALIBAGO", "SANTA ROSA",
                                             "PHILIPPINES", state="LAGUNA", postal_code="4026",
                                             omit=("line2",)),
                                     "+63 49 555 0411", "2026-07-01", money(61000, "PHP"),
                                     old_title="STAFF NURSE", old_sup="REYES, ANA"),
                             honest(f, E_HONEST("MANILA"))),
         docs=[("refusal_manila.pdf", sheet_214b_boxes,
                dict(post="Manila", date="04/13/2026", name="DELA CRUZ, MARIA CRISTINA",
                     font="Times-Roman", size="A4"), "ties_214b"),
               ("certificate_of_employment.docx", lambda path: coe_ph(path), {}, "coe_ph")],
         refusal={"type": "214b", "subtype": None},
         absent=sup_absent("work.present_employer", "work.monthly_income"),
         supported=[{"field": "work.present_employer",
                     "document": "certificate_of_employment.docx"},
                    {"field": "work.monthly_income",
                     "document": "certificate_of_employment.docx"}]),
    case("b12-ru-married-ru-certificate", "ru-sokolov",
         "Honest after a 214(b) (Moscow letter in English and Russian). SINGLE -> MARRIED, spouse "
         "SOKOLOVA ANNA, proven by a Russian 'СВИДЕТЕЛЬСТВО О ЗАКЛЮЧЕНИИ БРАКА' in Cyrillic "
         "(bride's maiden name ВОРОНИНА, surname after marriage СОКОЛОВА).",
         edit_new=lambda f: (marry(f, "SOKOLOVA", "ANNA", "1999-07-21", "RUSSIA", "TVER",
                                   "RUSSIA"), honest(f, E_HONEST("MOSCOW"))),
         docs=[("refusal_moscow.pdf", letter_214b_ru_en,
                dict(date_en="April 23, 2026", date_ru="23 апреля 2026 г.",
                     name="SOKOLOV, DMITRY"), "ties_214b"),
               ("svidetelstvo_o_brake.pdf", marriage_ru,
                dict(groom=["Соколов Дмитрий Андреевич", "гражданин Российской Федерации",
                            "17.01.2001", "г. Ярославль"],
                     bride=["Воронина Анна Сергеевна", "гражданка Российской Федерации",
                            "21.07.1999", "г. Тверь"],
                     date="14.08.2026", record="120269770001200456001",
                     husband_sur="Соколов", wife_sur="Соколова",
                     office="Дворец бракосочетания № 1 Управления ЗАГС Москвы",
                     country="РОССИЙСКАЯ ФЕДЕРАЦИЯ"), "marriage_ru")],
         refusal={"type": "214b", "subtype": None}, absent=sup_absent("personal.marital_status"),
         supported=[{"field": "personal.marital_status", "document": "svidetelstvo_o_brake.pdf"}]),
    case("b13-kz-divorced-ru-certificate", "kz-akhmetova",
         "Both forms disclose the refusals (214(b) letter from Astana as DOCX). MARRIED -> "
         "DIVORCED (former spouse AKHMETOV DAULET), proven by a bilingual Kazakh/Russian "
         "'СВИДЕТЕЛЬСТВО О РАСТОРЖЕНИИ БРАКА'.",
         edit_new=lambda f: (_kz_divorce(f), f.update({"previous_travel.refused_explanation":
                                                       KZ_EXPL})),
         docs=[("refusal_astana.docx", docx_214b_astana,
                dict(date="14 April 2026", name="AKHMETOVA, AIGERIM"), "ties_214b"),
               ("svidetelstvo_o_rastorzhenii.pdf", lambda path: divorce_kz(path), {},
                "marriage_ru2")],
         refusal={"type": "214b", "subtype": None}, absent=sup_absent("personal.marital_status"),
         supported=[{"field": "personal.marital_status",
                     "document": "svidetelstvo_o_rastorzhenii.pdf"}]),
    case("b14-bd-new-address-bank-statement", "bd-rahman",
         "Honest after the Dhaka 214(b). New home address FLAT 6B, HOUSE 31, ROAD 11, SECTOR 4, "
         "UTTARA, DHAKA 1230; the bank statement writes it in another order with abbreviations "
         "('House 31 (Flat 6B), Rd. 11, Sector 04, Uttara, Dhaka-1230').",
         edit_new=lambda f: (_bd_addr(f), honest(f, E_HONEST("DHAKA"))),
         docs=[("refusal_dhaka.pdf", letter_214b_regretted,
                dict(post="Dhaka, Bangladesh", city="Dhaka", date="15 April 2026",
                     name="RAHMAN, MD ARIFUL", appid="@old", font="Helvetica",
                     size="letter"), "dhaka_214b"),
               ("bank_statement.pdf", lambda path: bank_statement_bd(path), {}, "bank_cert2")],
         refusal={"type": "214b", "subtype": None}, absent=sup_absent("contact.home_street"),
         supported=[{"field": "contact.home_street", "document": "bank_statement.pdf"}]),
    case("b15-kz-new-address-property-ru", "kz-akhmetova",
         "Both forms disclose the refusals (Astana 214(b) DOCX). New home address PR. ABAYA "
         "150/230, KV. 64, ALMATY 050046; the Russian-language property certificate ('Справка о "
         "зарегистрированных правах') gives it as 'г. Алматы, Алмалинский район, проспект "
         "Абая, дом 150/230, квартира 64' with her as right holder.",
         edit_new=lambda f: f.update({"contact.home_street": "PR. ABAYA 150/230, KV. 64",
                                      "contact.home_postal_code": "050046",
                                      "previous_travel.refused_explanation": KZ_EXPL}),
         docs=[("refusal_astana.docx", docx_214b_astana,
                dict(date="14 April 2026", name="AKHMETOVA, AIGERIM"), "ties_214b"),
               ("spravka_nedvizhimost.pdf", lambda path: property_kz(path), {}, "property_kz")],
         refusal={"type": "214b", "subtype": None}, absent=sup_absent("contact.home_street"),
         supported=[{"field": "contact.home_street", "document": "spravka_nedvizhimost.pdf"}]),
    case("b16-vn-own-company-erc", "vn-nguyen",
         "Honest after a 214(b) (refusal sheet, Ho Chi Minh City). Employee -> owner and "
         "director of HA NGUYEN FOODS COMPANY LIMITED (from May 2026), proven by the Certificate "
         "of Enterprise Registration (English translation) naming her legal representative.",
         edit_new=lambda f: (new_job(f, "HA NGUYEN FOODS COMPANY LIMITED",
                                     address("88 TRAN HUNG DAO STREET", "HO CHI MINH CITY",
                                             "VIETNAM", line2="WARD 6, DISTRICT 5",
                                             state="HO CHI MINH", postal_code="700000"),
                                     "+84 28 5550 6612", "2026-05-05", money(60000000, "VND"),
                                     old_title="KEY ACCOUNT EXECUTIVE", old_sup="PHAM, QUOC BAO",
                                     duties="FOUNDER AND DIRECTOR OF A FOOD DISTRIBUTION "
                                            "COMPANY WITH SIX EMPLOYEES."),
                             honest(f, E_HONEST("HO CHI MINH CITY"))),
         docs=[("refusal_hcmc.pdf", sheet_214b_boxes,
                dict(post="Ho Chi Minh City", date="04/22/2026", name="NGUYEN, THI THU HA"),
                "ties_214b"),
               ("enterprise_registration.pdf", lambda path: erc_vn(path), {}, "erc_vn")],
         refusal={"type": "214b", "subtype": None}, absent=sup_absent("work.present_employer"),
         supported=[{"field": "work.present_employer",
                     "document": "enterprise_registration.pdf"}]),
    case("b17-pk-letter-other-employer", "pk-qureshi",
         "Honest after a 214(b) (Islamabad, 'regretted' letter). The form names a new employer "
         "INDUS FIBRE OPTICS (PVT) LTD; the only employment certificate given is from KARAKORUM "
         "TELECOM SERVICES (PVT) LTD and certifies employment there (salary equal to the form's).",
         edit_new=lambda f: (new_job(f, "INDUS FIBRE OPTICS (PVT) LTD",
                                     address("33-C, KHAYABAN-E-SUHARWARDY", "ISLAMABAD",
                                             "PAKISTAN", state="ISLAMABAD CAPITAL TERRITORY",
                                             postal_code="44000", omit=("line2",)),
                                     "+92 51 555 9010", "2026-08-01", money(510000, "PKR"),
                                     old_title="NETWORK ENGINEER", old_sup="MALIK, TARIQ"),
                             honest(f, E_HONEST("ISLAMABAD"))),
         docs=[("refusal_islamabad.pdf", letter_214b_regretted,
                dict(post="Islamabad, Pakistan", city="Islamabad", date="16 April 2026",
                     name="QURESHI, AHMED RAZA", appid="@old", font="DejaVuSerif"),
                "dhaka_214b"),
               ("employment_certificate.pdf", lambda path: letter_pk_other(path), {},
                "coe_generic")],
         refusal={"type": "214b", "subtype": None}, absent=[NO_UR],
         planted=[{"code": "EVIDENCE_CONTRADICTS", "field": "work.present_employer"}],
         contradicted=[{"field": "work.present_employer",
                        "document": "employment_certificate.pdf"}]),
    case("b18-co-certificacion-salary-far-off", "co-restrepo",
         "Honest after a 214(b) (Bogota refusal sheet). New employer FUNDACION CARDIOVASCULAR "
         "ANDINA with monthly income 9,800,000 COP on the form; the Spanish 'certificación "
         "laboral' confirms the employer but states a basic monthly salary of $4.200.000 "
         "(Colombian dot grouping).",
         edit_new=lambda f: (new_job(f, "FUNDACION CARDIOVASCULAR ANDINA",
                                     address("AVENIDA CALLE 134 # 7-83", "BOGOTA", "COLOMBIA",
                                             state="DISTRITO CAPITAL", postal_code="110121",
                                             omit=("line2",)),
                                     "+57 601 555 4000", "2026-08-01", money(9800000, "COP"),
                                     old_title="CRITICAL CARE NURSE", old_sup="ROJAS, DIANA"),
                             honest(f, E_HONEST("BOGOTA"))),
         docs=[("refusal_bogota.pdf", sheet_214b_boxes,
                dict(post="Bogota", date="04/17/2026", name="RESTREPO GOMEZ, LAURA MARCELA",
                     font="DejaVuSans", size="A4"), "ties_214b"),
               ("certificacion_laboral.pdf", lambda path: certificacion_co(path), {},
                "cert_laboral_co")],
         refusal={"type": "214b", "subtype": None},
         absent=[NO_UR, {"code": "CHANGE_UNSUPPORTED", "field": "work.present_employer"},
                 {"code": "EVIDENCE_CONTRADICTS", "field": "work.present_employer"}],
         planted=[{"code": "EVIDENCE_CONTRADICTS", "field": "work.monthly_income"}],
         supported=[{"field": "work.present_employer", "document": "certificacion_laboral.pdf"}],
         contradicted=[{"field": "work.monthly_income", "document": "certificacion_laboral.pdf"}]),
    case("b19-kg-marriage-other-bride", "kg-asanov",
         "Honest after a 214(b) (Bishkek refusal sheet). SINGLE -> MARRIED with spouse ASANOVA "
         "NURGUL (born 2002-05-03); the Russian marriage certificate names him and another "
         "bride (ТОКТОГУЛОВА ЖЫПАР МАРАТОВНА, born 11.10.2003), surname after marriage АСАНОВА.",
         edit_new=lambda f: (marry(f, "ASANOVA", "NURGUL", "2002-05-03", "KYRGYZSTAN", "NARYN",
                                   "KYRGYZSTAN"), honest(f, E_HONEST("BISHKEK"))),
         docs=[("refusal_bishkek.pdf", sheet_214b_boxes,
                dict(post="Bishkek", date="04/20/2026", name="ASANOV, ERLAN TALANTBEKOVICH",
                     font="DejaVuSerif"), "ties_214b"),
               ("marriage_certificate.pdf", marriage_ru,
                dict(groom=["Асанов Эрлан Талантбекович", "гражданин Кыргызской Республики",
                            "17.01.2001", "г. Нарын"],
                     bride=["Токтогулова Жыпар Маратовна", "гражданка Кыргызской Республики",
                            "11.10.2003", "с. Ат-Башы, Нарынская область"],
                     date="02.09.2026", record="417", husband_sur="Асанов", wife_sur="Асанова",
                     office="Отдел ЗАГС г. Нарын", country="КЫРГЫЗСКАЯ РЕСПУБЛИКА"),
                "marriage_ru")],
         refusal={"type": "214b", "subtype": None}, absent=[NO_UR],
         planted=[{"code": "EVIDENCE_CONTRADICTS", "field": "personal.marital_status"}],
         contradicted=[{"field": "personal.marital_status",
                        "document": "marriage_certificate.pdf"}]),
    case("b20-uz-malumotnoma-new-job", "uz-toshmatov",
         "Honest after a 221(g) administrative-processing letter from Tashkent (old form, filed "
         "before it, NO; new form YES with explanation). "
         "Student -> software engineer at ILM-FAN INNOVATSIYA MCHJ from September 2026 with "
         "9,500,000 UZS a month, proven by an Uzbek-language 'MA'LUMOTNOMA' (employment "
         "reference, '9 500 000 so'm').",
         edit_old=_uz_old,
         edit_new=lambda f: _uz_new(f) or new_job(f, "ILM-FAN INNOVATSIYA MCHJ",
                                    address("BUYUK IPAK YOLI KOCHASI 161", "TASHKENT",
                                            "UZBEKISTAN", state="TASHKENT",
                                            postal_code="100077", omit=("line2",)),
                                    "+998 71 555 0261", "2026-09-01", money(9500000, "UZS"),
                                    occupation="COMPUTER SCIENCE", as_prev=False,
                                    duties="SOFTWARE ENGINEER; I BUILD DATA PIPELINES FOR "
                                           "UNIVERSITY RESEARCH CLIENTS."),
         docs=[("221g_tashkent.pdf", lambda path: slip_221g_ap_tashkent(path), {}, "g221_burma"),
               ("malumotnoma.pdf", lambda path: malumotnoma_uz(path), {}, "uz_mehnat")],
         refusal={"type": "221g", "subtype": "administrative_processing"},
         absent=[x for x in sup_absent("work.present_employer", "work.monthly_income")
                 if x["code"] != "NO_MATERIAL_CHANGE"],
         open_=["NO_MATERIAL_CHANGE"],
         supported=[{"field": "work.present_employer", "document": "malumotnoma.pdf"},
                    {"field": "work.monthly_income", "document": "malumotnoma.pdf"}]),
]

LAYOUTS = ("table", "inline", "leaders")


def build_case(out: Path, i: int, c: dict[str, Any]) -> None:
    folder = out / c["name"]
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    base = BASES[c["applicant"]]
    old, new = for_print(base, OLD_WHEN), for_print(base, NEW_WHEN)
    old["application.id"], new["application.id"] = app_id(c["name"], "old"), app_id(c["name"], "new")
    if c["edit_old"]:
        c["edit_old"](old)
    if c["edit_new"]:
        c["edit_new"](new)
    check_fields(old)
    check_fields(new)
    if c["applicant"] in NATIVE_FONT:
        f_old, f_new = ("DejaVuSans", "DejaVuSerif") if i % 2 else ("DejaVuSerif", "DejaVuSans")
    else:
        f_old, f_new = [("Helvetica", "DejaVuSerif"), ("Times", "Helvetica"),
                        ("DejaVuSans", "Times")][i % 3]
    render_print(old, folder / "old.pdf", LAYOUTS[i % 3], ("letter", "A4")[i % 2], f_old, OLD_WHEN)
    render_print(new, folder / "new.pdf", LAYOUTS[(i + 1) % 3], ("A4", "letter")[i % 2], f_new,
                 NEW_WHEN)
    source: dict[str, str] = {}
    files = []
    for fname, writer, data, src in c["docs"]:
        data = {k: (old["application.id"] if v == "@old" else v) for k, v in data.items()}
        writer(folder / fname, **data)
        files.append(fname)
        source[fname] = SRC.get(src, src)
    exp = {"documents": files, "args": [], "source": source, "refusal": c["refusal"],
           "planted": c["planted"], "absent": c["absent"], "open": c["open"],
           "supported": c["supported"], "contradicted": c["contradicted"],
           "story": c["story"], "applicant": c["applicant"]}
    (folder / "expected.json").write_text(json.dumps(exp, indent=2, ensure_ascii=False) + "\n",
                                          encoding="utf-8")


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: gen.py OUT_DIR", file=sys.stderr)
        return 2
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    for i, c in enumerate(CASES):
        build_case(out, i, c)
        print(c["name"])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
