"""Held-out end-to-end cases with real-wording supporting documents: ``python gen.py OUT_DIR``.

Each case folder: ``old.pdf`` / ``new.pdf`` (DS-160 print-outs drawn by ``fixtures/ds160gen``
from deep-copied, edited applicant dicts), documents in this benchmark's own layouts whose
wording follows published texts (``SOURCES``: one URL per wording), and ``expected.json``
(what a careful broker concludes; see README.md). Every person, number and company is fictional.
Deterministic: reportlab invariant mode, pinned DOCX zip timestamps, IDs hashed from names.
"""

from __future__ import annotations

import copy
import hashlib
import json
import shutil
import sys
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT / "fixtures"))
sys.path.insert(0, str(HERE))

from ds160gen import APPLICANTS, for_print, render_print  # noqa: E402
from ds160gen.applicants.common import address, money  # noqa: E402
from ds160gen.golden import check_fields  # noqa: E402

from docs import KV, Gap, Grid, Letterhead, P, Rule, write_docx, write_pdf  # noqa: E402

# --- where each wording comes from -----------------------------------------------------------

SOURCES = {
    "214b-egypt": "https://eg.usembassy.gov/visas/nonimmigrant-visas/niv-refusal-214b/",
    "214b-kuwait": "https://kw.usembassy.gov/visas/nonimmigrant-visas-214brefusal/",
    "214b-turkey": "https://tr.usembassy.gov/nonimmigrant-visas-214b-en/",
    "214b-nicaragua": "http://nicaragua.usembassy.gov/214b.html",
    "214b-curacao": "https://cw.usconsulate.gov/visas/case-status/",
    "221g-chennai-green": "https://www.immihelp.com/221g-refusal-green-form-us-consulate-chennai/",
    "221g-email": "https://afghanrefugee.net/2018/01/17/refused-under-221g-email-translation-and-explanation/",
    "221g-kz-info": "http://www.cmzize.co/kz/kz-niv-221ginfo.asp",
    "221g-not-refused": "https://immigrationlawyerfl.com/administrative-processing/",
    "221g-ph-hold": "https://ustraveldocs.com/ph/221G-Hold.html",
    "ceac-refused": "https://travel.state.gov/content/travel/en/us-visas/visa-information-resources/visas-news-archive/visas-ceac-case-status-change.html",
    "ceac-statuses": "https://www.immigrationlawyerblog.com/category/spousal-visas/page/5/",
    "ceac-issued": "https://visa-faq.com/what-does-issued-mean-on-visa-status",
    "spravka": "http://howded.com/en/pages/223181",
    "spravka-ru": "http://lotmedica.ru/spravka-chto-on-deistvitelno-rabotaet-spravka-s-mesta-raboty-po-mestu.html",
    "emp-india": "https://travinsu.com/immigration/employment-verification-letter-for-parents-visitor-visa-usa/",
    "coe-ph": "https://legalia.ph/blog/certificate-of-employment-template/",
    "emp-visa-reqs": "https://peru.visahq.sg/requirements/china/resident-singapore/",
    "itr-v": "https://ru.scribd.com/document/15082314/Form-ITR-V-and-Acknowledgement-Final",
    "itr-ack": "https://www.investmentsimplified.in/tax/indian-income-tax-return-acknowledgement/",
    "bank-cert": "https://www.lettersmax.com/bank-certificate-for-visa/",
    "marriage-ru": "http://www.consultant.ru/document/cons_doc_LAW_134900/077490889841d671068e2c19be31ec108138ad3f/",
    "marriage-en": "https://www.respicio.ph/commentaries/release-of-registered-marriage-certificate-after-marriage",
    "property-kz": "https://cis-legislation.com/document.fwx?rgn=78171",
    "property-kz-law": "https://adilet.zan.kz/eng/docs/Z070000310_",
    "cac-ng": "https://618bees.com/article/257-what-is-a-certificate-of-incorporation",
}

# --- helpers on the applicant dicts ---------------------------------------------------------

MONTHS = ["JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY", "AUGUST",
          "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER"]


def app_id(case: str, role: str) -> str:
    alphabet = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ"
    digest = hashlib.sha256(f"heldout/{case}/{role}".encode()).digest()
    return "AA00" + "".join(alphabet[b % len(alphabet)] for b in digest[:6])


def spoken(on: date) -> str:
    return f"{on.day} {MONTHS[on.month - 1]} {on.year}"


def us_date(on: date) -> str:
    return f"{MONTHS[on.month - 1].capitalize()} {on.day}, {on.year}"


def uk_date(on: date) -> str:
    return f"{on.day:02d} {MONTHS[on.month - 1].capitalize()} {on.year}"


def ru_date(on: date) -> str:
    return f"{on.day:02d}.{on.month:02d}.{on.year}"


def conceal(f: dict[str, Any]) -> None:
    f["previous_travel.refused"] = False
    f.pop("previous_travel.refused_explanation", None)


def disclose(f: dict[str, Any], sentence: str) -> None:
    before = f.get("previous_travel.refused_explanation") if f.get("previous_travel.refused") else None
    f["previous_travel.refused"] = True
    f["previous_travel.refused_explanation"] = f"{before} {sentence}" if before else sentence


def shift_trip(f: dict[str, Any], printed: datetime) -> None:
    arrival = (printed + timedelta(days=95)).date()
    if "travel.intended_arrival_date" in f:
        f["travel.intended_arrival_date"] = arrival.isoformat()
    if "travel.arrival_date" in f:
        delta = arrival - date.fromisoformat(f["travel.arrival_date"])
        f["travel.arrival_date"] = arrival.isoformat()
        if "travel.departure_date" in f:
            f["travel.departure_date"] = (date.fromisoformat(f["travel.departure_date"])
                                          + delta).isoformat()


def change_job(f: dict[str, Any], *, name: str, line1: str, city: str, country: str,
               postal: str, phone: str, start: str, income: dict[str, Any] | None, duties: str,
               title: str, supervisor: str, until: str, state: str | None = None,
               occupation: str | None = None) -> None:
    """Move to another employer, listing the old one first among previous employers and
    keeping the old work phone among other phones (no history dropped)."""
    if "work.present_employer" in f:
        start_old = f["work.present_start_date"]
        old_item = {
            "name": f["work.present_employer"], "address": f["work.present_employer_address"],
            "phone": f["work.present_employer_phone"], "job_title": title,
            "supervisor": supervisor,
            "date_from": start_old if len(start_old) == 10 else f"{start_old}-01",
            "date_to": until, "duties": f["work.duties"].split(". ")[0].rstrip(".") + ".",
        }
        f["work.previously_employed"] = True
        f["work.previous_employers"] = [old_item, *f.get("work.previous_employers", [])]
    old_phone = f.get("contact.work_phone")
    if old_phone:
        f["contact.other_phones"] = [*f.get("contact.other_phones", []), old_phone]
    omit = ("line2",) if state else ("line2", "state")
    f.update({
        "work.present_employer": name,
        "work.present_employer_address": address(line1, city, country, state=state,
                                                 postal_code=postal, omit=omit),
        "work.present_employer_phone": phone,
        "work.present_start_date": start,
        "work.duties": duties,
        "contact.work_phone": phone,
    })
    if income is not None:
        f["work.monthly_income"] = income
    if occupation:
        f["work.primary_occupation"] = occupation
    f.pop("_extra.not_employed_explanation", None)


def marry(f: dict[str, Any], surnames: str, given: str, dob: str, nationality: str,
          city: str) -> None:
    f.update({
        "personal.marital_status": "MARRIED",
        "family.spouse_surnames": surnames,
        "family.spouse_given_names": given,
        "family.spouse_date_of_birth": dob,
        "family.spouse_nationality": nationality,
        "family.spouse_birth_city": city,
        "family.spouse_birth_country": nationality,
        "family.spouse_address": "SAME AS HOME ADDRESS",
    })


def move(f: dict[str, Any], street: str, city: str, postal: str, state: str | None) -> None:
    f["contact.home_street"] = street
    f["contact.home_city"] = city
    f["contact.home_postal_code"] = postal
    f["contact.home_state"] = state


# --- timelines: old print, refusal/decision, new print; post as letters name it ---------------

@dataclass(frozen=True)
class Line:
    old: datetime
    decided: date
    new: datetime
    post_letter: str   # "U.S. Embassy Astana"
    post_said: str     # "EMBASSY IN ASTANA"
    city: str


KZ = Line(datetime(2025, 4, 22, 9, 40), date(2025, 5, 14), datetime(2025, 12, 16, 18, 5),
          "Embassy of the United States of America, Astana", "EMBASSY IN ASTANA", "Astana")
IN = Line(datetime(2026, 2, 9, 8, 30), date(2026, 3, 17), datetime(2026, 10, 2, 8, 31),
          "Consulate General of the United States of America, Hyderabad",
          "CONSULATE GENERAL IN HYDERABAD", "Hyderabad")
PH = Line(datetime(2025, 10, 6, 19, 30), date(2025, 11, 18), datetime(2026, 6, 2, 16, 45),
          "Embassy of the United States of America, Manila", "EMBASSY IN MANILA", "Manila")
UZ = Line(datetime(2026, 5, 12, 20, 15), date(2026, 6, 3), datetime(2027, 1, 19, 11, 30),
          "U.S. Embassy Tashkent", "EMBASSY IN TASHKENT", "Tashkent")
KG = Line(datetime(2026, 1, 14, 13, 20), date(2026, 2, 25), datetime(2026, 9, 8, 16, 0),
          "U.S. Embassy in the Kyrgyz Republic, Bishkek", "EMBASSY IN BISHKEK", "Bishkek")
UA = Line(datetime(2026, 1, 12, 10, 0), date(2026, 2, 19), datetime(2026, 9, 15, 7, 58),
          "U.S. Consulate General Frankfurt", "CONSULATE GENERAL IN FRANKFURT", "Frankfurt")
NG = Line(datetime(2026, 9, 15, 22, 10), date(2026, 10, 20), datetime(2027, 5, 11, 7, 45),
          "U.S. Consulate General Lagos", "CONSULATE GENERAL IN LAGOS", "Lagos")
GE = Line(datetime(2026, 4, 6, 12, 0), date(2026, 5, 20), datetime(2026, 12, 1, 11, 11),
          "U.S. Embassy Tbilisi", "EMBASSY IN TBILISI", "Tbilisi")

# Applicants whose base dict already discloses the refusal of the case's own old application.
OWN_REFUSAL = ("kz-akhmetova", "uz-toshmatov")


def pair(slug: str, case: str, line: Line) -> tuple[dict[str, Any], dict[str, Any]]:
    old, new = copy.deepcopy(APPLICANTS[slug]), copy.deepcopy(APPLICANTS[slug])
    if slug in OWN_REFUSAL:
        conceal(old)
        conceal(new)
    if slug == "kz-akhmetova":  # before the 2025 promotion
        for f in (old, new):
            f["work.monthly_income"] = money(450000, "KZT")
    old["application.id"] = app_id(case, "old")
    new["application.id"] = app_id(case, "new")
    shift_trip(old, line.old)
    shift_trip(new, line.new)
    return old, new


def said(kind: str, line: Line, visa: str = "B1/B2") -> str:
    section = {"214b": "SECTION 214(B)", "221g": "SECTION 221(G)"}[kind]
    return (f"MY {visa} VISA APPLICATION WAS REFUSED UNDER {section} AT THE U.S. "
            f"{line.post_said} ON {spoken(line.decided)}.")


def name_of(f: dict[str, Any]) -> str:
    return f"{f['personal.given_names']} {f['personal.surnames']}"


def title_of(f: dict[str, Any]) -> str:
    return "Mr." if f["personal.sex"] == "MALE" else "Ms."


def passport_of(f: dict[str, Any]) -> str:
    return f["passport.number"].replace(" ", "")


# --- documents (real wordings, own layouts) ---------------------------------------------------


def doc_214b_egypt_style(f: dict[str, Any], line: Line) -> list[Any]:
    """Wording after the Cairo 214(b) refusal sheet (eg.usembassy.gov)."""
    return [
        Letterhead(line.post_letter, ["Consular Section - Nonimmigrant Visa Unit"]),
        P(f"Date: {us_date(line.decided)}", "right"),
        KV([("Applicant", name_of(f)), ("Passport No.", passport_of(f)),
            ("Application ID", f["application.id"])], boxed=False),
        P("Section 214(b) of the U.S. Immigration and Nationality Act (INA)", "head"),
        P("Dear Applicant:"),
        P("This is to inform you that you have been found ineligible for a nonimmigrant visa "
          "under Section 214(b) of the U.S. Immigration and Nationality Act. A denial under "
          "Section 214(b) means that you were not able to demonstrate that your intended "
          "activities in the United States would be consistent with the classification of "
          "the nonimmigrant visa for which you applied."),
        P("One requirement shared by many nonimmigrant visa categories is that the applicant "
          "demonstrate a residence abroad which they have no intention of abandoning, usually "
          "through professional, work, school, family or social ties. You have not "
          "demonstrated that you have the ties that will compel you to return to your home "
          "country after your travel to the United States."),
        P("Today's decision cannot be appealed. You may reapply at any time; if you do, you "
          "must submit a new application form and photo, pay the application fee again and be "
          "interviewed. Be prepared to show information not presented in your original "
          "application, or how your circumstances have changed since that application."),
        Gap(14), P("Consular Officer"), P("Nonimmigrant Visa Section", "small"),
    ]


def doc_214b_kuwait_style(f: dict[str, Any], line: Line) -> list[Any]:
    """Wording after the Kuwait 'Refused - 214B' notice (kw.usembassy.gov)."""
    return [
        P(line.post_letter.upper(), "center", bold=True),
        P("CONSULAR SECTION", "center"), Rule(),
        P("Refused \u2013 214B", "title"),
        P(f"{uk_date(line.decided)}    Case: {f['application.id']}    "
          f"Name: {f['personal.surnames']}, {f['personal.given_names']}", "small"),
        P("Dear Applicant,"),
        P("Your application for a U.S. visa has been REFUSED.", bold=True),
        P("The consular officer has found you ineligible for a nonimmigrant visa under "
          "Section 214(b) of the U.S. Immigration and Nationality Act (INA). Under Section "
          "214(b), applicants are presumed to be intending immigrants unless they credibly "
          "demonstrate that their economic, family, and social ties outside the United States "
          "are strong enough that they will depart at the end of their authorized stay."),
        P("There is no appeal process. You are not prohibited from reapplying, but unless you "
          "can show credible, new, and compelling ties outside the United States, a different "
          "outcome is unlikely. If you decide to reapply, you must schedule a new interview "
          "and pay a new MRV application fee."),
    ]


def doc_214b_nicaragua_style(f: dict[str, Any], line: Line) -> list[Any]:
    """Wording after the Managua 214(b) handout (nicaragua.usembassy.gov)."""
    return [
        Letterhead(line.post_letter.upper(), ["Nonimmigrant Visa Unit"], band="#243b6b"),
        P(f"{line.city}, {us_date(line.decided)}"),
        P(f"{title_of(f)} {name_of(f)}  -  Case No. {f['application.id']}", bold=True),
        P("Thank you for your non-immigrant visa application."),
        P("We were unable to issue you a visa because you were found ineligible under Section "
          "214(b) of the U.S. Immigration and Nationality Act. Section 214(b) requires "
          "applicants for nonimmigrant visas to show that they meet each of the requirements "
          "for a visa in their category, that they have a permanent residence abroad and "
          "intend to depart the United States at the end of the authorized stay."),
        P("Unfortunately, you have not shown that you have sufficient family, social, economic "
          "or other ties to a place of residence outside the United States to ensure that your "
          "projected stay in the U.S. would be temporary."),
        P("If your circumstances change significantly, you may submit a new application."),
    ]


def doc_214b_turkey_bilingual(f: dict[str, Any], line: Line) -> list[Any]:
    """Wording after the Ankara 'Your application is refused' notice (tr.usembassy.gov),
    with a Russian version as posts in Central Asia print it."""
    return [
        P(line.post_letter, "head"), P("Consular Section / Консульский отдел", "small"),
        KV([("Date / Дата", ru_date(line.decided)), ("Case / Заявка", f["application.id"]),
            ("Applicant / Заявитель", f"{f['personal.surnames']} {f['personal.given_names']}")]),
        P("Your application is refused", "head"),
        P("Your application for a nonimmigrant visa is refused under Section 214(b) of the U.S. "
          "Immigration and Nationality Act (INA). A denial under Section 214(b) means that you "
          "did not meet the requirements of the classification of the nonimmigrant visa for "
          "which you applied. You have not demonstrated that you have the ties that will "
          "compel you to return to your home country after your travel to the United States."),
        P("Today's decision cannot be appealed. However, you may reapply at any time."),
        Rule(),
        P("Вам отказано в выдаче визы", "head"),
        P("В выдаче неиммиграционной визы Вам отказано на основании раздела 214(b) Закона "
          "США об иммиграции и гражданстве. Вы не продемонстрировали наличие связей, которые "
          "обязывают Вас вернуться на родину после поездки в Соединённые Штаты. Данное "
          "решение обжалованию не подлежит; Вы можете подать новое заявление в любое время."),
    ]


def doc_221g_green(f: dict[str, Any], line: Line) -> list[Any]:
    """Wording after the Chennai 221(g) 'green form' (immihelp.com), documents requested."""
    return [
        P(line.post_letter, "head"), P("Nonimmigrant Visa Section", "small"), Rule(),
        P(f"Date: {uk_date(line.decided)}        Case number: {f['application.id']}"),
        P(f"Name: {f['personal.surnames']}, {f['personal.given_names']}"),
        P("Dear Visa Applicant:"),
        P("This office is unable to issue your visa at this time. Further action in your case "
          "has been suspended under section 221(g) of the United States Immigration and "
          "Nationality Act (INA)."),
        P("In order to continue processing your application, please submit the following "
          "information:"),
        Grid(["", "Document requested"], [
            ["[X]", "Certificate of employment from your present employer stating position, "
                    "date of hire and monthly salary"],
            ["[X]", "Bank statements for the last six months"],
            ["[ ]", "Original birth certificate"],
            ["[X]", "Proof of ownership of your residence"],
        ], widths=[14 * 2.83, 140 * 2.83]),
        P("You have one year from the date of this letter to submit the documents listed. "
          "Submit them through the courier service with a copy of this letter; no new "
          "application fee is required. After one year the application is terminated."),
    ]


def doc_221g_email(f: dict[str, Any], line: Line) -> list[Any]:
    """A consular e-mail printed from a mail client; wording after the 221(g) e-mail reply
    quoted at afghanrefugee.net, for a nonimmigrant case."""
    sent = line.decided + timedelta(days=23)
    return [
        P("Mail - Printout", "small"), Rule(),
        KV([("From", f"{line.city}NIV@state.gov"), ("To", f["contact.email"].lower()),
            ("Date", f"{us_date(sent)} 10:14 AM"),
            ("Subject", f"RE: Status of my visa application {f['application.id']}")],
           label_width=25 * 2.83, boxed=False),
        Rule(),
        P(f"Dear {name_of(f).title()},"),
        P("Thank you for your e-mail."),
        P("We have reviewed Department records and can confirm that your nonimmigrant visa "
          f"application {f['application.id']}, interviewed on {us_date(line.decided)}, was "
          "refused under 221(g) of the Immigration and Nationality Act (INA), pending "
          "administrative processing. We will notify you when this process has completed and "
          "the application is ready to move forward."),
        P("When administrative processing is required, the timing will vary based on the "
          "individual circumstances of each case. It can neither be waived nor expedited. "
          "Please do not submit a new visa application while your case is pending."),
        P("Sincerely,"), P(f"Nonimmigrant Visa Unit, {line.post_letter}"),
    ]


def doc_221g_not_refused(f: dict[str, Any], line: Line) -> list[Any]:
    """A 221(g) administrative-processing slip that tells the applicant the case 'has not
    been refused' (the popular reading, cf. immigrationlawyerfl.com: 'does not mean your visa
    has been denied'), with the Kazakhstan/Philippines 221(g) hold wording."""
    return [
        Letterhead(line.post_letter, ["Consular Section"], band="#5b1f1f", align="left"),
        P("NOTICE UNDER SECTION 221(g)", "title"),
        KV([("Applicant", name_of(f)), ("Application ID", f["application.id"]),
            ("Interview date", uk_date(line.decided)), ("Visa class", "B1/B2")]),
        P("Your application has not been refused. A final decision cannot be made today "
          "because your case requires further administrative processing. Action on your "
          "case has been suspended under Section 221(g) of the Immigration and Nationality "
          "Act pending the completion of that processing."),
        P("The duration of administrative processing varies with the individual circumstances "
          "of each case. Please wait at least 60 days from the date of your interview before "
          "making inquiries. You will be contacted when processing is complete; do not file a "
          "new application."),
        P("Keep this notice with your passport.", "small"),
    ]


def doc_ceac(f: dict[str, Any], line: Line, status: str) -> list[Any]:
    """A saved CEAC 'Visa Status Check' page. Status texts after the State Department
    (Refused: travel.state.gov news archive) and visa-faq.com / immigrationlawyerblog.com."""
    texts = {
        "Refused": "A U.S. consular officer has adjudicated and refused your visa "
                   "application. Please follow any instructions provided by the consular "
                   "officer. If you were informed by the consular officer that your case was "
                   "refused for administrative processing, your case will remain refused "
                   "while undergoing such processing. You will receive another adjudication "
                   "once such processing is complete.",
        "Issued": "Your visa is in final processing. If you have not received it in more than "
                  "10 working days, please see the webpage for contact information of the "
                  "embassy or consulate where you submitted your application.",
        "Administrative Processing": "A U.S. consular officer has adjudicated your visa "
                  "application. Your case is undergoing administrative processing. Please "
                  "follow any instructions provided by the consular officer.",
    }
    created = line.old.date() + timedelta(days=3)
    updated = line.decided + (timedelta(days=4) if status == "Issued" else timedelta(days=1))
    return [
        P("https://ceac.state.gov/CEACStatTracker/Status.aspx", "small"),
        P("U.S. Department of State  |  CONSULAR ELECTRONIC APPLICATION CENTER", "small"),
        Rule(),
        P("Nonimmigrant Visa Application", "head"),
        KV([("Application ID or Case Number:", f["application.id"]),
            ("Status:", status),
            ("Case Created:", f"{created:%d-%b-%Y}"),
            ("Case Last Updated:", f"{updated:%d-%b-%Y}")], label_width=60 * 2.83),
        P(texts[status]),
        Gap(8),
        P("If you need assistance or have additional questions, please contact the U.S. "
          "Embassy or Consulate where you submitted your application.", "small"),
    ]


def doc_spravka_ru(f: dict[str, Any], *, org: str, bin_: str, position: str, since: date,
                   salary_words: str, salary: str, to: str, trip: str,
                   native_name: str) -> list[Any]:
    """'Справка с места работы' after the templates described at howded.com / lotmedica.ru:
    outgoing number and date, 'СПРАВКА', 'Дана ... в том, что ...', position, average monthly
    salary, leave kept for the trip, 'по месту требования', director and chief accountant."""
    return [
        P(f"Товарищество с ограниченной ответственностью «{org}»", "head"),
        P(f"БИН {bin_}; 050040, г. Алматы, пр. аль-Фараби, 77/8, БЦ «Есентай Тауэр», оф. 1204; "
          "тел. +7 (727) 244-01-60", "small"),
        Rule(),
        P(f"Исх. № 418/К от {ru_date(f['_doc_date'])}"),
        P(to, "right"),
        P("СПРАВКА", "title"),
        P(f"Дана {native_name} в том, что она действительно работает в "
          f"ТОО «{org}» с {ru_date(since)} по настоящее время в должности {position}."),
        P(f"Среднемесячная заработная плата (оклад) составляет {salary} ({salary_words}) "
          "тенге до вычета налогов."),
        P(f"На период поездки в США ({trip}) сотруднику предоставлен ежегодный оплачиваемый "
          "трудовой отпуск с сохранением рабочего места."),
        P("Справка выдана для предъявления по месту требования."),
        Gap(16),
        KV([("Генеральный директор", "Оразов Б. К. ______________"),
            ("Главный бухгалтер", "Сейткали Д. М. ______________")], boxed=False,
           label_width=60 * 2.83),
        P("М.П.", "small"),
    ]


def doc_emp_india(f: dict[str, Any], *, company: str, lines: list[str], designation: str,
                  since: date, salary: str, leave: str, employer_in_text: str | None = None
                  ) -> list[Any]:
    """Indian employment verification letter after the template at travinsu.com (to the
    Consulate General, subject line, 'has been employed with ... since', salary) and the
    embassy requirements list (visahq: position, start date, monthly salary, leave)."""
    body_company = employer_in_text or company
    return [
        Letterhead(company, lines),
        P(f"Hyderabad, {uk_date(f['_doc_date'])}"),
        P("To\nThe Consular Officer\nU.S. Consulate General\nPaigah Palace, Begumpet\n"
          "Hyderabad - 500 016"),
        P(f"Subject: Employment Verification for {title_of(f)} {name_of(f).title()}", bold=True),
        P("Dear Sir/Madam,"),
        P(f"This letter is to verify the employment of {title_of(f)} {name_of(f).title()}, "
          f"holder of Passport Number {passport_of(f)} and employee number EMP-20461, who has "
          f"been employed with {body_company} since {uk_date(since)} as a full-time employee."),
        P(f"Currently, he holds the position of {designation} and draws a gross monthly salary "
          f"of {salary}."),
        P(f"Leave has been sanctioned to him from {leave}, after which he will resume his "
          "duties at our Hyderabad office."),
        P("Should you need any additional information, please contact the undersigned at "
          "hr.verification@example.in."),
        Gap(12), P("For " + company), P("Authorised Signatory, Human Resources"),
    ]


def doc_coe_ph(f: dict[str, Any], *, company: str, addr: str, position: str, since: date,
               salary: str) -> list[Any]:
    """Philippine Certificate of Employment after legalia.ph's template (name, position,
    inclusive dates, salary, 'issued upon the request of ... for ...')."""
    return [
        Letterhead(company, [addr, "Tel. (049) 555-0260  |  hrd@example.ph"], band="#0f5132"),
        P("CERTIFICATE OF EMPLOYMENT", "title"),
        P("TO WHOM IT MAY CONCERN:"),
        P(f"This is to certify that MS. {name_of(f)} has been employed with {company} as "
          f"{position} from {us_date(since)} up to the present."),
        P(f"She receives a basic monthly salary of {salary}."),
        P(f"This certification is issued upon the request of Ms. {f['personal.surnames'].title()} "
          "for whatever legal purpose it may serve her, particularly in support of her "
          "application for a United States visitor visa."),
        P(f"Issued this {f['_doc_date'].day}th day of {MONTHS[f['_doc_date'].month - 1].title()} "
          f"{f['_doc_date'].year} at Calamba City, Laguna, Philippines."),
        Gap(16), P("ROSARIO M. VILLANUEVA"), P("HR Manager", "small"),
    ]


def doc_emp_ng(f: dict[str, Any], *, company: str, rc: str, addr: str, position: str,
               since: date, salary: str) -> list[Any]:
    """Nigerian employer's letter of introduction: letterhead with RC number, 'To whom it may
    concern', confirmation of employment, annual salary in naira, approved leave
    (requirements as listed at visahq; Lagos consulate address)."""
    return [
        Letterhead(company.upper(), [addr, f"RC {rc}  |  www.example.com.ng"], band="#6b3e00"),
        P(f"Our Ref: HR/VIS/{f['_doc_date'].year}/071"),
        P(f"{uk_date(f['_doc_date'])}", "right"),
        P("The Consular Officer\nU.S. Consulate General\n2 Walter Carrington Crescent\n"
          "Victoria Island, Lagos"),
        P("Dear Sir/Madam,"),
        P("LETTER OF INTRODUCTION / CONFIRMATION OF EMPLOYMENT", bold=True),
        P(f"This is to confirm that Mr. {name_of(f).title()} is a staff of {company} and has "
          f"been in our employment since {uk_date(since)}. He currently holds the position "
          f"of {position}."),
        P(f"His gross remuneration is {salary}."),
        P("He has been granted his annual leave to travel to the United States and is "
          "expected to resume at the end of the leave. The company does not take "
          "responsibility for any expenses of the trip."),
        Gap(12), P("Yours faithfully,"), P(f"For: {company}"),
        P("Head, Human Resources"),
    ]


def doc_itr_v(f: dict[str, Any], *, ay: str, pan: str, ack: str, filed: date,
              gross: str, total: str, tax: str) -> list[Any]:
    """ITR-V layout after the form reproduced at scribd (INDIAN INCOME TAX RETURN
    VERIFICATION FORM, Assessment Year, PAN, E-filing Acknowledgement Number, numbered
    computation lines) with the acknowledgement wording (investmentsimplified.in)."""
    return [
        P("INDIAN INCOME TAX RETURN ACKNOWLEDGEMENT", "title"),
        P(f"[Where the data of the Return of Income in Form ITR-1 (SAHAJ) has been transmitted "
          f"electronically]            Assessment Year {ay}", "small"),
        KV([("Name", f"{f['personal.given_names']} {f['personal.surnames']}"), ("PAN", pan),
            ("Flat/Door/Block No / Premises", f["contact.home_street"].replace("\n", ", ")),
            ("Town/City/District / State", f"{f['contact.home_city']}, {f['contact.home_state']} "
                                           f"{f['contact.home_postal_code']}"),
            ("Form No. which has been electronically transmitted", "ITR-1"),
            ("Status", "Individual"),
            ("E-filing Acknowledgement Number", ack),
            ("Date of electronic transmission", filed.strftime("%d-%b-%Y"))]),
        Grid(["", "Computation of income and tax thereon", "Amount (Rs.)"], [
            ["1", "Gross total income", gross],
            ["2", "Deductions under Chapter-VI-A", "1,50,000"],
            ["3", "Total Income", total],
            ["4", "Net tax payable", tax],
            ["5", "Interest and Fee Payable", "0"],
            ["6", "Total tax, interest and Fee payable", tax],
            ["7", "Taxes Paid", tax],
            ["8", "(+) Tax Payable / (-) Refundable (6-7)", "0"],
        ], widths=[10 * 2.83, 110 * 2.83, 40 * 2.83]),
        P(f"This return has been digitally verified (EVC) on {filed.strftime('%d-%b-%Y')}. "
          "Income Tax Department, Centralized Processing Centre, Bengaluru.", "small"),
    ]


def doc_bank_cert(f: dict[str, Any], *, bank: str, branch: str, account: str, balance: str,
                  currency: str, on: date) -> list[Any]:
    """Bank balance certificate after the lettersmax.com format (letterhead, 'This is to
    certify that ... holds an account', account table, purpose)."""
    return [
        Letterhead(bank, [branch], band="#00594c"),
        P(f"{uk_date(on)}", "right"),
        P("TO WHOM IT MAY CONCERN", "head"),
        P(f"This is to certify that {f['personal.given_names'].title()} "
          f"{f['personal.surnames'].title()}, IIN {f['personal.national_id'].replace(' ', '')}, "
          "holds an account with our bank. The account details are as follows:"),
        Grid(["Account Number", "Account Type", "Currency", f"Balance as of {ru_date(on)}"],
             [[account, "Current account (card)", currency, balance]]),
        P("This certificate is issued for the purpose of a visa application and does not "
          "constitute a guarantee or obligation of the bank."),
        Gap(10), P("Head of Retail Operations"),
    ]


def doc_marriage_ru(*, groom: tuple[str, str, str, str, str], bride: tuple[str, str, str, str, str],
                    married_on: date, record: str, after: tuple[str, str], office: str,
                    issued: date, series: str) -> list[Any]:
    """'Свидетельство о заключении брака' with the fields the consular rules list
    (consultant.ru): surname before and after marriage, name, patronymic, date and place of
    birth, citizenship of each; date of marriage; record number and date; place; issue date."""
    def person(p: tuple[str, str, str, str, str]) -> list[tuple[str, str]]:
        surname, given, patr, born, place = p
        return [("фамилия", surname), ("имя, отчество", f"{given} {patr}"),
                ("дата рождения", born), ("место рождения", place)]
    return [
        P("СВИДЕТЕЛЬСТВО О ЗАКЛЮЧЕНИИ БРАКА", "title"),
        KV(person(groom), label_width=45 * 2.83),
        P("и", "center"),
        KV(person(bride), label_width=45 * 2.83),
        P(f"заключили брак {ru_date(married_on)}, о чём составлена запись акта о заключении "
          f"брака № {record}."),
        KV([("Фамилии после заключения брака: мужу", after[0]), ("жене", after[1]),
            ("Место государственной регистрации", office),
            ("Дата выдачи", ru_date(issued))], label_width=70 * 2.83),
        P(f"Серия и номер: {series}"),
        P("Руководитель органа, осуществляющего регистрацию актов гражданского состояния   "
          "_____________   М.П.", "small"),
    ]


def doc_marriage_en(*, registry: str, lga: str, married_on: date, groom: list[str],
                    bride: list[str], cert_no: str) -> list[Any]:
    """English 'CERTIFICATE OF MARRIAGE' with the usual civil-registry particulars of the
    contracting parties (names, ages, condition, profession, residence, fathers), date and
    place, registrar (cf. respicio.ph on what a registered certificate contains)."""
    head = ["", "Name and Surname", "Age", "Condition", "Rank or Profession", "Residence",
            "Father's Name"]
    return [
        P("FEDERAL REPUBLIC OF NIGERIA", "center", bold=True),
        P("CERTIFICATE OF MARRIAGE", "title"),
        P(f"No. {cert_no}", "right"),
        P(f"Marriage solemnized at the {registry} in the {lga} Local Government Area on "
          f"{uk_date(married_on)}."),
        Grid(head, [["Husband", *groom], ["Wife", *bride]]),
        P("Married in the Registry by Licence by me, in the presence of the witnesses below. "
          "This marriage was solemnized between us."),
        KV([("Registrar of Marriages", "O. A. BELLO"), ("Witnesses", "T. ADEBAYO; K. EZE")],
           boxed=False),
    ]


def doc_property_kz(*, holder: str, iin: str, address_line: str, cadastral: str,
                    area: str, basis: str, registered: date, issued: date) -> list[Any]:
    """English translation of a Kazakh 'Certificate of registered rights (encumbrances) to
    real estate and its technical characteristics' (state service named at
    cis-legislation.com; register under the Law on State Registration of Rights)."""
    return [
        P("Non-profit JSC \u201cState Corporation \u201cGovernment for Citizens\u201d\u201d", "small"),
        P("CERTIFICATE OF REGISTERED RIGHTS (ENCUMBRANCES) TO REAL ESTATE AND ITS TECHNICAL "
          "CHARACTERISTICS", "head"),
        P(f"(translation from Russian)          Date of issue: {ru_date(issued)}", "small"),
        P("1. Identification characteristics of the real estate", bold=True),
        KV([("Cadastral number", cadastral), ("Address", address_line),
            ("Purpose", "residential apartment"), ("Total area, sq. m", area),
            ("Number of rooms", "3")], label_width=50 * 2.83),
        P("2. Registered rights", bold=True),
        Grid(["Right holder", "IIN", "Type of right", "Share", "Basis of origin",
              "Date of registration"],
             [[holder, iin, "ownership", "1/1", basis, ru_date(registered)]]),
        P("3. Encumbrances: not registered.", bold=True),
        P("The translation from Russian into English was made by translator A. Kim. "
          "Signature certified by notary of Almaty, licence No. 0001234.", "small"),
    ]


def doc_property_ge(*, owner: str, pid: str, address_line: str, area: str, cadastral: str,
                    registered: date) -> list[Any]:
    """'Extract from the Public Registry' (Georgia) in an English layout with the same
    register particulars (cadastral code, address, owner, basis)."""
    return [
        Letterhead("National Agency of Public Registry", ["Ministry of Justice of Georgia"],
                   band="#7a0019"),
        P("EXTRACT FROM THE PUBLIC REGISTRY", "title"),
        KV([("Application registration No.", "882026417"), ("Date of preparation",
                                                            f"{registered:%d/%m/%Y}"),
            ("Zone / Sector / Quarter / Plot", cadastral),
            ("Property address", address_line),
            ("Type of property", "apartment, area " + area + " sq.m"),
            ("Right holder / Owner", f"{owner}, personal No. {pid}"),
            ("Basis", "Purchase agreement, notarised"), ("Mortgage", "not registered"),
            ("Seizure / Lien", "not registered")], label_width=62 * 2.83),
    ]


def doc_cac(*, company: str, rc: str, on: date, directors: list[tuple[str, str]]) -> list[Any]:
    """Nigerian CAC Certificate of Incorporation (RC number, name, date, Registrar-General:
    contents listed at 618bees.com), followed by a status-report page listing directors."""
    return [
        P("FEDERAL REPUBLIC OF NIGERIA", "center", bold=True),
        P("CORPORATE AFFAIRS COMMISSION", "center"),
        P("CERTIFICATE OF INCORPORATION", "title"),
        P(f"RC {rc}", "right"),
        P(f"I hereby certify that {company} is this day incorporated under the Companies and "
          "Allied Matters Act 2020 and that the company is limited by shares."),
        P(f"Given under my hand at Abuja this {on.day}th day of {MONTHS[on.month - 1].title()} "
          f"{on.year}."),
        Gap(10), P("Registrar-General"), Rule(),
        P("STATUS REPORT", "head"),
        KV([("Company name", company), ("Registration number", f"RC {rc}"),
            ("Registration date", uk_date(on)), ("Status", "ACTIVE"),
            ("Registered address", "14 Adeniyi Jones Avenue, Ikeja, Lagos State")]),
        Grid(["Director", "Designation"], [[n, d] for n, d in directors]),
    ]


# --- cases ----------------------------------------------------------------------------------


@dataclass
class Doc:
    name: str
    blocks: list[Any]
    source: str              # key of SOURCES
    fmt: str = "pdf"
    family: str = "helvetica"
    pagesize: str = "A4"


@dataclass
class Case:
    name: str
    story: str
    slug: str
    line: Line
    old: dict[str, Any]
    new: dict[str, Any]
    docs: list[Doc]
    refusal: dict[str, Any] | None
    planted: list[tuple[str, str | None]]
    supported: list[tuple[str, str]] = field(default_factory=list)
    contradicted: list[tuple[str, str]] = field(default_factory=list)
    absent_extra: list[tuple[str, str | None]] = field(default_factory=list)
    open_codes: list[str] = field(default_factory=list)


UR = ("UNDISCLOSED_REFUSAL", "previous_travel.refused")
NMC = ("NO_MATERIAL_CHANGE", None)


def build() -> list[Case]:
    cases: list[Case] = []

    # 1 kz: 214(b) letter (Cairo wording) hidden; a bank certificate as a neutral extra
    n = "h01-kz-214b-hidden-bank"
    old, new = pair("kz-akhmetova", n, KZ)
    new["_doc_date"] = date(2025, 12, 5)
    cases.append(Case(n, "214(b) at Astana (Cairo-style sheet); new DS-160 answers NO to "
                      "'ever refused', nothing else changed; a bank balance certificate is "
                      "given as a neutral extra.", "kz-akhmetova", KZ, old, new,
                      [Doc("refusal-214b.pdf", doc_214b_egypt_style(old, KZ), "214b-egypt",
                           family="times", pagesize="letter"),
                       Doc("bank-certificate.pdf", doc_bank_cert(
                           new, bank="Halyk Savings Bank of Kazakhstan JSC",
                           branch="Almaty regional branch, 40 Al-Farabi Ave, Almaty",
                           account="KZ75 601A 8610 0123 4567", balance="6 840 500.00",
                           currency="KZT", on=date(2025, 12, 5)), "bank-cert", family="dvsans")],
                      {"type": "214b", "subtype": None}, [UR, NMC]))

    # 2 kz honest: income raise proven by a Russian 'справка с места работы'
    n = "h02-kz-spravka-income-supported"
    old, new = pair("kz-akhmetova", n, KZ)
    new["work.monthly_income"] = money(650000, "KZT")
    disclose(new, said("214b", KZ) + " SINCE THEN I WAS PROMOTED AND MY SALARY INCREASED.")
    new["_doc_date"] = date(2025, 12, 3)
    cases.append(Case(n, "Honest re-application (YES, explained). Monthly income 450 000 -> "
                      "650 000 KZT, proven by a Russian-language employment certificate "
                      "(employer name in Cyrillic). Refusal sheet in the Kuwait wording.",
                      "kz-akhmetova", KZ, old, new,
                      [Doc("refusal-notice.pdf", doc_214b_kuwait_style(old, KZ), "214b-kuwait",
                           family="helvetica"),
                       Doc("spravka-s-mesta-raboty.pdf", doc_spravka_ru(
                           new, org="Степп Карго Логистикс", bin_="190940012345",
                           position="руководителя департамента международных грузоперевозок",
                           since=date(2019, 11, 1), salary="650 000",
                           salary_words="шестьсот пятьдесят тысяч", to="По месту требования",
                           trip="с 10.03.2026 по 31.03.2026",
                           native_name="Ахметовой Айгерим Серікқызы"), "spravka",
                           family="dvserif")],
                      {"type": "214b", "subtype": None},
                      [("CIRCUMSTANCE_CHANGED", "work.monthly_income")],
                      supported=[("work.monthly_income", "spravka-s-mesta-raboty.pdf")],
                      absent_extra=[("CHANGE_UNSUPPORTED", "work.monthly_income")],
                      open_codes=["DECLARATION_NEW_YES"]))

    # 3 in: 214(b) hidden (Managua wording); income proven by an ITR-V (16,80,000)
    n = "h03-in-214b-hidden-itr-income"
    old, new = pair("in-kondapalli", n, IN)
    old["work.monthly_income"] = money(120000, "INR")
    new["work.monthly_income"] = money(140000, "INR")
    cases.append(Case(n, "214(b) at Hyderabad (Managua-style handout) hidden in the new form. "
                      "Monthly income 1,20,000 -> 1,40,000 INR, backed by an ITR-V "
                      "acknowledgement for AY 2026-27 (gross total income 16,80,000).",
                      "in-kondapalli", IN, old, new,
                      [Doc("refusal-letter.pdf", doc_214b_nicaragua_style(old, IN),
                           "214b-nicaragua", family="helvetica", pagesize="letter"),
                       Doc("itr-v-ay2026-27.pdf", doc_itr_v(
                           new, ay="2026-27", pan="ABKPK4821Q", ack="418273650120726",
                           filed=date(2026, 7, 20), gross="16,80,000", total="15,30,000",
                           tax="2,63,640"), "itr-v", family="dvcond")],
                      {"type": "214b", "subtype": None},
                      [UR, ("CIRCUMSTANCE_CHANGED", "work.monthly_income")],
                      supported=[("work.monthly_income", "itr-v-ay2026-27.pdf")],
                      absent_extra=[("CHANGE_UNSUPPORTED", "work.monthly_income")]))

    # 4 ph: 221(g) documents requested (Chennai green form) hidden
    n = "h04-ph-221g-documents-hidden"
    old, new = pair("ph-dela-cruz", n, PH)
    cases.append(Case(n, "221(g) slip asking for documents (Chennai green-form wording) at "
                      "Manila; the new DS-160 answers NO.", "ph-dela-cruz", PH, old, new,
                      [Doc("221g-letter.pdf", doc_221g_green(old, PH), "221g-chennai-green",
                           family="times")],
                      {"type": "221g", "subtype": "documents"}, [UR], open_codes=["NO_MATERIAL_CHANGE"]))

    # 5 uz: 221(g) administrative processing by consular e-mail, hidden
    n = "h05-uz-221g-ap-email-hidden"
    old, new = pair("uz-toshmatov", n, UZ)
    cases.append(Case(n, "Consular e-mail: refused under 221(g) pending administrative "
                      "processing (printed from a mail client); new DS-160 answers NO.",
                      "uz-toshmatov", UZ, old, new,
                      [Doc("embassy-email.pdf", doc_221g_email(old, UZ), "221g-email",
                           family="dvsans", pagesize="letter")],
                      {"type": "221g", "subtype": "administrative_processing"}, [UR],
                      open_codes=["NO_MATERIAL_CHANGE"]))

    # 6 kg: 221(g) AP slip that says 'has not been refused', hidden (DOCX)
    n = "h06-kg-221g-not-refused-slip"
    old, new = pair("kg-asanov", n, KG)
    cases.append(Case(n, "221(g) administrative-processing notice saying 'Your application "
                      "has not been refused' (DOCX); new DS-160 answers NO: still a refusal.",
                      "kg-asanov", KG, old, new,
                      [Doc("221g-notice.docx", doc_221g_not_refused(old, KG), "221g-not-refused",
                           fmt="docx")],
                      {"type": "221g", "subtype": "administrative_processing"}, [UR],
                      open_codes=["NO_MATERIAL_CHANGE"]))

    # 7 in: CEAC 'Issued' page for the old application: no refusal
    n = "h07-in-ceac-issued"
    old, new = pair("in-kondapalli", n, IN)
    cases.append(Case(n, "CEAC status page 'Issued' for the old application; both forms "
                      "answer NO to 'ever refused'. No refusal may be established.",
                      "in-kondapalli", IN, old, new,
                      [Doc("ceac-status.pdf", doc_ceac(old, IN, "Issued"), "ceac-issued",
                           family="helvetica")],
                      None, [],
                      absent_extra=[("REFUSAL_UNVERIFIED", None), ("NO_MATERIAL_CHANGE", None)],
                      open_codes=["HISTORY_CONFLICT", "HISTORY_OMITTED"]))

    # 8 ua: CEAC 'Refused' page (section unknown), hidden
    n = "h08-ua-ceac-refused-hidden"
    old, new = pair("ua-kovalenko", n, UA)
    cases.append(Case(n, "CEAC status page 'Refused' (its text mentions administrative "
                      "processing only conditionally); new DS-160 answers NO.",
                      "ua-kovalenko", UA, old, new,
                      [Doc("ceac-refused.pdf", doc_ceac(old, UA, "Refused"), "ceac-refused",
                           family="dvsans")],
                      {"type": "unknown", "subtype": None}, [UR],
                      open_codes=["NO_MATERIAL_CHANGE"]))

    # 9 ng: CEAC 'Administrative Processing' page; honest; new employer with Nigerian letter
    n = "h09-ng-ceac-ap-new-employer"
    old, new = pair("ng-okonkwo", n, NG)
    change_job(new, name="ZENITH LEDGER PARTNERS LIMITED", line1="27 ADEOLA ODEKU STREET",
               city="VICTORIA ISLAND", country="NIGERIA", postal="101241", state="LAGOS",
               phone="+234 1 555 0277", start="2027-01-11", income=money(650000, "NGN"),
               duties="AUDIT ASSOCIATE. I PREPARE AUDIT WORKING PAPERS FOR MANUFACTURING CLIENTS.",
               title="", supervisor="", until="", occupation="BUSINESS")
    disclose(new, "MY LAST APPLICATION AT THE U.S. CONSULATE GENERAL IN LAGOS IN OCTOBER 2026 "
                  "WAS REFUSED UNDER SECTION 221(G) FOR ADMINISTRATIVE PROCESSING.")
    new["_doc_date"] = date(2027, 4, 28)
    cases.append(Case(n, "CEAC page 'Administrative Processing' for the old application "
                      "(221(g)); the new form answers YES and explains. New employer since "
                      "January 2027 with a Nigerian letter of introduction (annual salary).",
                      "ng-okonkwo", NG, old, new,
                      [Doc("ceac-status.pdf", doc_ceac(old, NG, "Administrative Processing"),
                           "ceac-statuses", family="times"),
                       Doc("employment-letter.pdf", doc_emp_ng(
                           new, company="Zenith Ledger Partners Limited", rc="1849203",
                           addr="27 Adeola Odeku Street, Victoria Island, Lagos",
                           position="Audit Associate", since=date(2027, 1, 11),
                           salary="N7,800,000.00 (Seven Million, Eight Hundred Thousand Naira) "
                                  "per annum"), "emp-visa-reqs", family="helvetica")],
                      {"type": "221g", "subtype": "administrative_processing"},
                      [("CIRCUMSTANCE_CHANGED", "work.present_employer")],
                      supported=[("work.present_employer", "employment-letter.pdf"),
                                 ("work.monthly_income", "employment-letter.pdf")],
                      absent_extra=[("CHANGE_UNSUPPORTED", "work.present_employer"),
                                    ("CHANGE_UNSUPPORTED", "work.monthly_income")],
                      open_codes=["DECLARATION_NEW_YES", "CHANGE_UNSUPPORTED", "TRIP_CHANGED"]))

    # 10 kg: married since, Russian marriage certificate naming both; honest; 214(b) bilingual
    n = "h10-kg-married-ru-certificate"
    old, new = pair("kg-asanov", n, KG)
    marry(new, "ASANOVA", "AIZHAN", "2002-06-11", "KYRGYZSTAN", "NARYN")
    disclose(new, said("214b", KG))
    cases.append(Case(n, "SINGLE -> MARRIED (spouse ASANOVA AIZHAN); Russian 'СВИДЕТЕЛЬСТВО О "
                      "ЗАКЛЮЧЕНИИ БРАКА' naming both spouses in Cyrillic. Honest; 214(b) "
                      "letter in English and Russian (Ankara wording).", "kg-asanov", KG,
                      old, new,
                      [Doc("refusal-letter.pdf", doc_214b_turkey_bilingual(old, KG), "214b-turkey",
                           family="dvsans"),
                       Doc("svidetelstvo-o-brake.pdf", doc_marriage_ru(
                           groom=("АСАНОВ", "ЭРЛАН", "ТАЛАНТБЕКОВИЧ", "17.01.2001",
                                  "г. Нарын, Кыргызская Республика"),
                           bride=("ЖУМАБАЕВА", "АЙЖАН", "БАКЫТОВНА", "11.06.2002",
                                  "г. Нарын, Кыргызская Республика"),
                           married_on=date(2026, 6, 20), record="412",
                           after=("АСАНОВ", "АСАНОВА"),
                           office="Отдел ЗАГС г. Нарын", issued=date(2026, 6, 20),
                           series="I-НР № 0048211"), "marriage-ru", family="dvserif")],
                      {"type": "214b", "subtype": None},
                      [("CIRCUMSTANCE_CHANGED", "personal.marital_status")],
                      supported=[("personal.marital_status", "svidetelstvo-o-brake.pdf")],
                      absent_extra=[("CHANGE_UNSUPPORTED", "personal.marital_status")],
                      open_codes=["DECLARATION_NEW_YES"]))

    # 11 ng: married since, English certificate of marriage (bride under maiden name)
    n = "h11-ng-married-en-certificate"
    old, new = pair("ng-okonkwo", n, NG)
    marry(new, "OKONKWO", "ADAEZE NKECHI", "1998-02-14", "NIGERIA", "ONITSHA")
    disclose(new, said("214b", NG))
    cases.append(Case(n, "SINGLE -> MARRIED (spouse OKONKWO ADAEZE NKECHI); English 'CERTIFICATE "
                      "OF MARRIAGE' naming both (the wife under her maiden name ADEBAYO, as "
                      "such certificates do). Honest; 214(b) notice (Kuwait wording) as DOCX.",
                      "ng-okonkwo", NG, old, new,
                      [Doc("refusal-notice.docx", doc_214b_kuwait_style(old, NG), "214b-kuwait",
                           fmt="docx"),
                       Doc("marriage-certificate.pdf", doc_marriage_en(
                           registry="Marriage Registry, Ikeja", lga="Ikeja",
                           married_on=date(2027, 2, 13),
                           groom=["Chidiebere Emmanuel OKONKWO", "30", "Bachelor", "Accountant",
                                  "Plot 14, Adeniyi Jones Avenue, Ikeja", "Emeka Okonkwo"],
                           bride=["Adaeze Nkechi ADEBAYO", "29", "Spinster", "Pharmacist",
                                  "5 Allen Avenue, Ikeja", "Tunde Adebayo"],
                           cert_no="IK/2027/0311"), "marriage-en", family="times")],
                      {"type": "214b", "subtype": None},
                      [("CIRCUMSTANCE_CHANGED", "personal.marital_status")],
                      supported=[("personal.marital_status", "marriage-certificate.pdf")],
                      absent_extra=[("CHANGE_UNSUPPORTED", "personal.marital_status")],
                      open_codes=["DECLARATION_NEW_YES"]))

    # 12 uz: married since, certificate names another bride -> contradiction
    n = "h12-uz-marriage-other-bride"
    old, new = pair("uz-toshmatov", n, UZ)
    marry(new, "TOSHMATOVA", "MADINA", "2004-03-15", "UZBEKISTAN", "SAMARKAND")
    disclose(new, said("221g", UZ, "F1"))
    cases.append(Case(n, "SINGLE -> MARRIED with spouse TOSHMATOVA MADINA (born 2004-03-15); "
                      "the Russian marriage certificate given names the applicant and another "
                      "bride (ЮСУПОВА ДИЛНОЗА, born 2003-09-28). Honest about the 221(g) "
                      "(e-mail).", "uz-toshmatov", UZ, old, new,
                      [Doc("embassy-email.pdf", doc_221g_email(old, UZ), "221g-email",
                           family="dvsans"),
                       Doc("marriage-certificate.pdf", doc_marriage_ru(
                           groom=("ТОШМАТОВ", "БОБУР", "АЛИШЕР ЎҒЛИ", "02.07.2003",
                                  "г. Самарканд, Республика Узбекистан"),
                           bride=("ЮСУПОВА", "ДИЛНОЗА", "РУСТАМОВНА", "28.09.2003",
                                  "г. Бухара, Республика Узбекистан"),
                           married_on=date(2026, 9, 14), record="1187",
                           after=("ТОШМАТОВ", "ТОШМАТОВА"),
                           office="ЗАГС Мирзо-Улугбекского района г. Ташкента",
                           issued=date(2026, 9, 14), series="I-TN № 0572210"),
                           "marriage-ru", family="dvsans")],
                      {"type": "221g", "subtype": "administrative_processing"},
                      [("CIRCUMSTANCE_CHANGED", "personal.marital_status")],
                      contradicted=[("family.spouse_given_names", "marriage-certificate.pdf")],
                      open_codes=["DECLARATION_NEW_YES", "CHANGE_UNSUPPORTED",
                                  "NO_MATERIAL_CHANGE"]))

    # 13 kz: new address, property certificate (address in another order / abbreviations)
    n = "h13-kz-new-address-property"
    old, new = pair("kz-akhmetova", n, KZ)
    move(new, "PR. DOSTYK 132, KV. 45", "ALMATY", "050051", None)
    disclose(new, said("214b", KZ) + " SINCE THEN WE BOUGHT AN APARTMENT IN ALMATY.")
    cases.append(Case(n, "New home address PR. DOSTYK 132, KV. 45, ALMATY 050051; the property "
                      "certificate (English translation) writes it 'Almaty city, Medeu "
                      "district, Dostyk avenue, building 132, apartment 45' and names the "
                      "applicant as right holder. Honest; 214(b) letter as DOCX.",
                      "kz-akhmetova", KZ, old, new,
                      [Doc("refusal-letter.docx", doc_214b_egypt_style(old, KZ), "214b-egypt",
                           fmt="docx"),
                       Doc("property-certificate.pdf", doc_property_kz(
                           holder="AKHMETOVA AIGERIM SERIKKYZY", iin="880412450318",
                           address_line="Almaty city, Medeu district, Dostyk avenue, building "
                                        "132, apartment 45",
                           cadastral="20-311-008-142:45", area="96.4",
                           basis="purchase and sale agreement dated 02.09.2025",
                           registered=date(2025, 9, 9), issued=date(2025, 11, 28)),
                           "property-kz", family="helvetica")],
                      {"type": "214b", "subtype": None},
                      [("CIRCUMSTANCE_CHANGED", "contact.home_street")],
                      supported=[("contact.home_street", "property-certificate.pdf")],
                      absent_extra=[("CHANGE_UNSUPPORTED", "contact.home_street")],
                      open_codes=["DECLARATION_NEW_YES"]))

    # 14 ge: new address, Georgian public-registry extract
    n = "h14-ge-new-address-registry"
    old, new = pair("ge-beridze", n, GE)
    move(new, "27 IRAKLI ABASHIDZE STREET\nAPARTMENT 8", "TBILISI", "0162", None)
    disclose(new, "I WAS REFUSED AGAIN UNDER SECTION 214(B) AT THE U.S. EMBASSY IN TBILISI ON "
                  f"{spoken(GE.decided)}.")
    cases.append(Case(n, "New home address 27 IRAKLI ABASHIDZE STREET, APARTMENT 8, TBILISI "
                      "0162; the public-registry extract writes 'Tbilisi, Vake district, I. "
                      "Abashidze str. N27, apt. 8'. Both forms disclose the refusals; 214(b) "
                      "letter (Managua wording).", "ge-beridze", GE, old, new,
                      [Doc("refusal-letter.pdf", doc_214b_nicaragua_style(old, GE),
                           "214b-nicaragua", family="dvserif"),
                       Doc("registry-extract.pdf", doc_property_ge(
                           owner="GIORGI BERIDZE", pid="01008041257",
                           address_line="Tbilisi, Vake district, I. Abashidze str. N27, apt. 8",
                           area="88.1", cadastral="01.14.12.003.017.01.508",
                           registered=date(2026, 8, 3)), "property-kz-law", family="dvsans")],
                      {"type": "214b", "subtype": None},
                      [("CIRCUMSTANCE_CHANGED", "contact.home_street")],
                      supported=[("contact.home_street", "registry-extract.pdf")],
                      absent_extra=[("CHANGE_UNSUPPORTED", "contact.home_street")]))

    # 15 in: new employer; letter on another company's letterhead -> contradiction
    n = "h15-in-letter-other-employer"
    old, new = pair("in-kondapalli", n, IN)
    change_job(new, name="QUADRANT ANALYTICS INDIA PVT LTD", line1="PLOT 9, HITEC CITY PHASE 2",
               city="HYDERABAD", country="INDIA", postal="500081", state="TELANGANA",
               phone="+91 40 5555 0412", start="2026-06-01", income=None,
               duties="PRINCIPAL ENGINEER. I LEAD THE DATA PLATFORM TEAM OF 22 ENGINEERS.",
               title="ENGINEERING MANAGER", supervisor="RAO, KIRAN", until="2026-05-29")
    disclose(new, said("214b", IN, "B1"))
    new["_doc_date"] = date(2026, 9, 18)
    cases.append(Case(n, "New employer QUADRANT ANALYTICS INDIA PVT LTD on the form; the "
                      "employment letter given is from VEXORA SYSTEMS PRIVATE LIMITED and "
                      "certifies employment there (salary equal to the form's).",
                      "in-kondapalli", IN, old, new,
                      [Doc("refusal-letter.pdf", doc_214b_kuwait_style(old, IN), "214b-kuwait",
                           family="times"),
                       Doc("employment-letter.pdf", doc_emp_india(
                           new, company="Vexora Systems Private Limited",
                           lines=["Level 5, Block C, Mindspace IT Park, Madhapur, Hyderabad "
                                  "500081", "CIN U72900TG2014PTC094512"],
                           designation="Principal Engineer", since=date(2026, 6, 1),
                           salary="INR 4,25,000 (Rupees Four Lakh Twenty-Five Thousand only)",
                           leave="15 January 2027 to 05 February 2027"), "emp-india",
                           family="helvetica")],
                      {"type": "214b", "subtype": None},
                      [("CIRCUMSTANCE_CHANGED", "work.present_employer")],
                      contradicted=[("work.present_employer", "employment-letter.pdf")],
                      open_codes=["DECLARATION_NEW_YES", "CHANGE_UNSUPPORTED"]))

    # 16 ph: new employer supported by a COE, salary far off -> income contradicted
    n = "h16-ph-coe-salary-far-off"
    old, new = pair("ph-dela-cruz", n, PH)
    change_job(new, name="CALAMBA MEDICAL CENTER", line1="CROSSING, NATIONAL HIGHWAY",
               city="CALAMBA", country="PHILIPPINES", postal="4027", state="LAGUNA",
               phone="+63 49 555 0260", start="2026-01-05", income=money(52000, "PHP"),
               duties="CHARGE NURSE OF THE SURGICAL WARD. I LEAD A TEAM OF NINE NURSES.",
               title="HEAD NURSE", supervisor="SANTOS, LIZA", until="2025-12-31")
    disclose(new, said("214b", PH, "B2"))
    new["_doc_date"] = date(2026, 5, 20)
    cases.append(Case(n, "New employer CALAMBA MEDICAL CENTER with monthly income 52,000 PHP "
                      "on the form; the Certificate of Employment confirms the employer and "
                      "position but states a basic monthly salary of Php 25,500.00.",
                      "ph-dela-cruz", PH, old, new,
                      [Doc("refusal-letter.pdf", doc_214b_egypt_style(old, PH), "214b-egypt",
                           family="helvetica"),
                       Doc("certificate-of-employment.pdf", doc_coe_ph(
                           new, company="Calamba Medical Center",
                           addr="Crossing, National Highway, Calamba City, Laguna 4027",
                           position="Charge Nurse, Surgical Ward", since=date(2026, 1, 5),
                           salary="Php 25,500.00"), "coe-ph", family="times")],
                      {"type": "214b", "subtype": None},
                      [("CIRCUMSTANCE_CHANGED", "work.present_employer"),
                       ("CIRCUMSTANCE_CHANGED", "work.monthly_income")],
                      supported=[("work.present_employer", "certificate-of-employment.pdf")],
                      contradicted=[("work.monthly_income", "certificate-of-employment.pdf")],
                      absent_extra=[("CHANGE_UNSUPPORTED", "work.present_employer")],
                      open_codes=["DECLARATION_NEW_YES"]))

    # 17 ng: own company, CAC certificate of incorporation with directors
    n = "h17-ng-own-company-cac"
    old, new = pair("ng-okonkwo", n, NG)
    change_job(new, name="CHIDI LEDGERWORKS LIMITED", line1="14 ADENIYI JONES AVENUE",
               city="IKEJA", country="NIGERIA", postal="100271", state="LAGOS",
               phone="+234 803 555 0164", start="2026-12-01", income=None,
               duties="MANAGING DIRECTOR OF MY OWN BOOKKEEPING AND TAX FILING COMPANY.",
               title="", supervisor="", until="", occupation="BUSINESS")
    new["contact.other_phones"] = [p for p in new.get("contact.other_phones", [])
                                   if p != new["contact.work_phone"]]
    disclose(new, said("214b", NG))
    cases.append(Case(n, "NOT EMPLOYED -> own company CHIDI LEDGERWORKS LIMITED (from "
                      "December 2026); CAC Certificate of Incorporation with a status report "
                      "naming him director. Honest; 214(b) letter (Cairo wording).",
                      "ng-okonkwo", NG, old, new,
                      [Doc("refusal-letter.pdf", doc_214b_egypt_style(old, NG), "214b-egypt",
                           family="dvserif", pagesize="letter"),
                       Doc("cac-certificate.pdf", doc_cac(
                           company="CHIDI LEDGERWORKS LIMITED", rc="8120457",
                           on=date(2026, 11, 24),
                           directors=[("OKONKWO, CHIDIEBERE EMMANUEL", "Director"),
                                      ("OKONKWO, NGOZI", "Secretary")]), "cac-ng",
                           family="times")],
                      {"type": "214b", "subtype": None},
                      [("CIRCUMSTANCE_CHANGED", "work.present_employer")],
                      supported=[("work.present_employer", "cac-certificate.pdf")],
                      absent_extra=[("CHANGE_UNSUPPORTED", "work.present_employer")],
                      open_codes=["DECLARATION_NEW_YES", "CHANGE_UNSUPPORTED", "TRIP_CHANGED"]))

    # 18 in: new employer and salary both proven by an Indian letter (lakh notation)
    n = "h18-in-new-employer-letter"
    old, new = pair("in-kondapalli", n, IN)
    change_job(new, name="QUADRANT ANALYTICS INDIA PVT LTD", line1="PLOT 9, HITEC CITY PHASE 2",
               city="HYDERABAD", country="INDIA", postal="500081", state="TELANGANA",
               phone="+91 40 5555 0412", start="2026-06-01", income=money(510000, "INR"),
               duties="PRINCIPAL ENGINEER. I LEAD THE DATA PLATFORM TEAM OF 22 ENGINEERS.",
               title="ENGINEERING MANAGER", supervisor="RAO, KIRAN", until="2026-05-29")
    disclose(new, said("214b", IN, "B1"))
    new["_doc_date"] = date(2026, 9, 18)
    cases.append(Case(n, "New employer QUADRANT ANALYTICS INDIA PVT LTD and income 5,10,000 "
                      "INR a month, both in the employer's verification letter (Indian digit "
                      "grouping). Honest; 214(b) letter as DOCX (Managua wording).",
                      "in-kondapalli", IN, old, new,
                      [Doc("refusal-letter.docx", doc_214b_nicaragua_style(old, IN),
                           "214b-nicaragua", fmt="docx"),
                       Doc("employment-letter.pdf", doc_emp_india(
                           new, company="Quadrant Analytics India Pvt. Ltd.",
                           lines=["Plot 9, HITEC City Phase 2, Hyderabad, Telangana 500081",
                                  "CIN U72200TG2011PTC075118"],
                           designation="Principal Engineer", since=date(2026, 6, 1),
                           salary="INR 5,10,000 (Rupees Five Lakh Ten Thousand only)",
                           leave="15 January 2027 to 05 February 2027"), "emp-india",
                           family="dvsans", pagesize="letter")],
                      {"type": "214b", "subtype": None},
                      [("CIRCUMSTANCE_CHANGED", "work.present_employer"),
                       ("CIRCUMSTANCE_CHANGED", "work.monthly_income")],
                      supported=[("work.present_employer", "employment-letter.pdf"),
                                 ("work.monthly_income", "employment-letter.pdf")],
                      absent_extra=[("CHANGE_UNSUPPORTED", "work.present_employer"),
                                    ("CHANGE_UNSUPPORTED", "work.monthly_income")],
                      open_codes=["DECLARATION_NEW_YES"]))

    # 19 kg: 214(b) bilingual letter hidden, nothing changed
    n = "h19-kg-214b-bilingual-hidden"
    old, new = pair("kg-asanov", n, KG)
    cases.append(Case(n, "214(b) letter in English and Russian (Bishkek); new DS-160 answers NO "
                      "and changes nothing.", "kg-asanov", KG, old, new,
                      [Doc("refusal-letter.pdf", doc_214b_turkey_bilingual(old, KG),
                           "214b-turkey", family="dvserif", pagesize="letter")],
                      {"type": "214b", "subtype": None}, [UR, NMC]))

    # 20 kz: salary far above the Russian certificate's -> contradiction
    n = "h20-kz-spravka-salary-contradicts"
    old, new = pair("kz-akhmetova", n, KZ)
    new["work.monthly_income"] = money(980000, "KZT")
    disclose(new, said("214b", KZ) + " MY SALARY HAS INCREASED SINCE THEN.")
    new["_doc_date"] = date(2025, 12, 3)
    cases.append(Case(n, "Monthly income 450 000 -> 980 000 KZT on the form; the Russian "
                      "employment certificate states 650 000 тенге.", "kz-akhmetova", KZ,
                      old, new,
                      [Doc("refusal-letter.pdf", doc_214b_nicaragua_style(old, KZ),
                           "214b-nicaragua", family="dvsans"),
                       Doc("spravka.docx", doc_spravka_ru(
                           new, org="Степп Карго Логистикс", bin_="190940012345",
                           position="руководителя департамента международных грузоперевозок",
                           since=date(2019, 11, 1), salary="650 000",
                           salary_words="шестьсот пятьдесят тысяч",
                           to="В Посольство США в Республике Казахстан",
                           trip="с 10.03.2026 по 31.03.2026",
                           native_name="Ахметовой Айгерим Серікқызы"), "spravka-ru", fmt="docx")],
                      {"type": "214b", "subtype": None},
                      [("CIRCUMSTANCE_CHANGED", "work.monthly_income")],
                      contradicted=[("work.monthly_income", "spravka.docx")],
                      open_codes=["DECLARATION_NEW_YES", "CHANGE_UNSUPPORTED"]))

    # 21 ua: CEAC 'Issued' page, both NO: no refusal
    n = "h21-ua-ceac-issued"
    old, new = pair("ua-kovalenko", n, UA)
    cases.append(Case(n, "CEAC status page 'Issued' for the old application (Frankfurt); both "
                      "forms answer NO to 'ever refused'.", "ua-kovalenko", UA, old, new,
                      [Doc("ceac-issued.pdf", doc_ceac(old, UA, "Issued"), "ceac-issued",
                           family="dvserif", pagesize="letter")],
                      None, [],
                      absent_extra=[("REFUSAL_UNVERIFIED", None), ("NO_MATERIAL_CHANGE", None)],
                      open_codes=["HISTORY_CONFLICT", "HISTORY_OMITTED"]))

    # 22 ge: 221(g) documents requested, disclosed honestly
    n = "h22-ge-221g-documents-honest"
    old, new = pair("ge-beridze", n, GE)
    disclose(new, "MY APPLICATION OF APRIL 2026 AT THE U.S. EMBASSY IN TBILISI WAS REFUSED "
                  "UNDER SECTION 221(G); THE OFFICER ASKED FOR DOCUMENTS.")
    cases.append(Case(n, "221(g) documents-requested slip (Chennai green-form wording) at "
                      "Tbilisi; the new form answers YES and explains: honest, no "
                      "UNDISCLOSED_REFUSAL.", "ge-beridze", GE, old, new,
                      [Doc("221g-slip.pdf", doc_221g_green(old, GE), "221g-chennai-green",
                           family="dvcond")],
                      {"type": "221g", "subtype": "documents"}, [],
                      open_codes=["NO_MATERIAL_CHANGE"]))
    return cases


# --- writing --------------------------------------------------------------------------------

PRINTS = [("table", "letter", "Helvetica"), ("inline", "A4", "Times"),
          ("leaders", "A4", "DejaVuSerif"), ("table", "A4", "DejaVuSans"),
          ("inline", "letter", "DejaVuSans"), ("leaders", "letter", "Helvetica")]


def _latin(fields: dict[str, Any]) -> bool:
    try:
        json.dumps(fields, ensure_ascii=False, default=str).encode("cp1252")
    except UnicodeEncodeError:
        return False
    return True


def write_case(case: Case, folder: Path, index: int) -> None:
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for role, fields, when, k in (("old", case.old, case.line.old, index),
                                  ("new", case.new, case.line.new, index + 1)):
        clean = {key: v for key, v in fields.items() if not key.startswith("_doc")}
        check_fields(clean)
        layout, pagesize, font = PRINTS[k % len(PRINTS)]
        if not _latin(clean) and font in ("Helvetica", "Times"):
            font = "DejaVuSans" if font == "Helvetica" else "DejaVuSerif"
        render_print(for_print(clean, when), folder / f"{role}.pdf", layout, pagesize, font, when)
    for d in case.docs:
        if d.fmt == "pdf":
            write_pdf(folder / d.name, d.blocks, family=d.family, pagesize=d.pagesize,
                      title=d.name)
        else:
            write_docx(folder / d.name, d.blocks)
    planted_codes = {c for c, _ in case.planted}
    absent: list[dict[str, Any]] = []
    if "UNDISCLOSED_REFUSAL" not in planted_codes:
        absent.append({"code": "UNDISCLOSED_REFUSAL", "field": None})
    if not case.contradicted:
        absent.append({"code": "EVIDENCE_CONTRADICTS", "field": None})
    absent += [{"code": c, "field": k} for c, k in case.absent_extra]
    expected = {
        "story": case.story,
        "applicant": case.slug,
        "documents": [d.name for d in case.docs],
        "args": [],
        "source": {d.name: SOURCES[d.source] for d in case.docs},
        "refusal": case.refusal,
        "planted": [{"code": c, "field": k} for c, k in case.planted]
                   + [{"code": "EVIDENCE_CONTRADICTS", "field": k} for k, _ in case.contradicted],
        "absent": absent,
        "open": case.open_codes,
        "supported": [{"field": k, "document": d} for k, d in case.supported],
        "contradicted": [{"field": k, "document": d} for k, d in case.contradicted],
    }
    (folder / "expected.json").write_text(json.dumps(expected, indent=2, ensure_ascii=False)
                                          + "\n", encoding="utf-8")


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: gen.py OUT_DIR", file=sys.stderr)
        return 2
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    cases = build()
    if len({c.name for c in cases}) != len(cases):
        raise SystemExit("duplicate case names")
    for i, case in enumerate(cases):
        write_case(case, out / case.name, 2 * i)
        print(f"{case.name}: {len(case.docs)} documents")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
