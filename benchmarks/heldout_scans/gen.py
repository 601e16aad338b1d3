"""Write the held-out scan cases: ``python benchmarks/heldout_scans/gen.py OUT``.

Each case is a folder ``OUT/<case>/`` with

- ``text/``: the old and new DS-160 print-outs and every document as a PDF with a text layer;
- ``scan/``: the same documents as a client sends them: phone photos (JPEG, one HEIC, one
  stored sideways with an EXIF orientation, one upside down), flatbed scans (PNG, JPEG, an
  image-only PDF, multi-page TIFF), a phone screenshot; in two cases the OLD print-out itself
  exists only as a scan;
- ``old.fields.json``: the golden of the old print-out (the field dict it was printed from).

The file lists are those of ``cases.json`` (written first, from the design); the script
stops if what it wrote differs.  Deterministic: fixed seeds, reportlab invariant mode.
"""

from __future__ import annotations

import argparse
import copy
import json
import random
import shutil
import sys
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Callable

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO / "fixtures"))

from ds160gen import for_print, golden, render_print  # noqa: E402
from mrz.generator.td3 import TD3CodeGenerator  # noqa: E402
from PIL import Image  # noqa: E402

import degrade  # noqa: E402
import docs  # noqa: E402
from people import base, disclose, new_job, renewed, addr  # noqa: E402

KZ, UZ, KG = "KAZAKHSTAN", "UZBEKISTAN", "KYRGYZSTAN"


@dataclass
class Print:
    fields: dict[str, Any]
    layout: str
    size: str
    font: str
    when: datetime


@dataclass
class Doc:
    stem: str
    write: Callable[[Path], None]
    scan: tuple[str, dict[str, Any]]  # (how, parameters); see make_scan


@dataclass
class Case:
    slug: str
    old: Print
    new: Print
    docs: list[Doc] = field(default_factory=list)
    old_scan: tuple[str, dict[str, Any]] | None = None


def who(slug_fields: dict[str, Any]) -> docs.Applicant:
    return docs.Applicant(slug_fields["personal.surnames"], slug_fields["personal.given_names"],
                          slug_fields["application.id"])


def as_new(fields: dict[str, Any], app_id: str) -> dict[str, Any]:
    out = copy.deepcopy(fields)
    out["application.id"] = app_id
    return out


def mrz_lines(country: str, surname: str, given: str, number: str, dob: str, sex: str,
              expires: str, personal: str, break_number_check: bool = False) -> tuple[str, str]:
    code = docs.CODES[country]
    ymd = lambda iso: iso[2:4] + iso[5:7] + iso[8:10]  # noqa: E731
    text = str(TD3CodeGenerator("P", code, surname, given, number, code, ymd(dob), sex,
                                ymd(expires), personal))
    line1, line2 = text.splitlines()
    if break_number_check:
        good = int(line2[9])
        line2 = line2[:9] + str((good + 3) % 10) + line2[10:]
    return line1, line2


def passport_doc(country: str, f: dict[str, Any], number: str, dob: str, native: str,
                 broken: bool = False) -> docs.PassportData:
    sex = "F" if f["personal.sex"] == "FEMALE" else "M"
    return docs.PassportData(
        country=country, number=number, surname=f["personal.surnames"],
        given_names=f["personal.given_names"], native=native,
        nationality=f["personal.nationality"], dob=dob, sex=sex,
        birth_place=f["personal.birth_city"], issued=f["passport.issue_date"],
        expires=f["passport.expiration_date"],
        authority={"KZ": "MIA OF RK", "UZ": "IIV 26001", "KG": "SRS KR 211031"}[country],
        personal_no=f["personal.national_id"],
        mrz=mrz_lines(country, f["personal.surnames"], f["personal.given_names"], number, dob,
                      sex, f["passport.expiration_date"], f["personal.national_id"], broken))


def T(y: int, m: int, d: int, h: int = 11, mi: int = 20) -> datetime:
    return datetime(y, m, d, h, mi)


def refusal_doc(post: str, when: str, applicant: docs.Applicant, variant: str, seed: int,
                scan: tuple[str, dict[str, Any]]) -> Doc:
    return Doc("refusal_214b", lambda p: docs.refusal_214b(p, post, when, applicant, variant, seed),
               scan)


def explanation_214b(post: str, when: str) -> str:
    x = docs.d(when)
    return (f"MY B1/B2 VISA APPLICATION WAS REFUSED UNDER SECTION 214(B) AT THE U.S. "
            f"{'CONSULATE GENERAL' if post == 'ALMATY' else 'EMBASSY'} IN {post} ON "
            f"{x.day} {docs.MONTHS_EN[x.month - 1].upper()} {x.year}.")


# --- the cases ---------------------------------------------------------------------------------

def cases() -> list[Case]:
    out: list[Case] = []

    # h01: hidden 214(b), the letter photographed on a table
    o = base("seitkaliyeva")
    n = as_new(o, "AA00H1SN87")
    out.append(Case("h01-kz-214b-letter-photo-hidden",
                    Print(o, "table", "letter", "DejaVuSans", T(2026, 3, 3)),
                    Print(n, "inline", "A4", "DejaVuSerif", T(2026, 10, 26)),
                    [refusal_doc("ALMATY", "2026-04-14", who(o), "a", 101,
                                 ("photo", {"angle": 3.5, "ext": "jpg", "table": "wood"}))]))

    # h02: hidden 221(g) administrative processing, the notice scanned on a flatbed (PNG)
    o = base("karimov")
    n = as_new(o, "AA00H2KN60")
    out.append(Case("h02-uz-221g-ap-slip-scan-hidden",
                    Print(o, "inline", "letter", "DejaVuSans", T(2026, 3, 5)),
                    Print(n, "leaders", "A4", "DejaVuSerif", T(2026, 11, 2)),
                    [Doc("refusal_221g",
                         lambda p, o=o: docs.refusal_221g_ap(p, "TASHKENT", "2026-04-20", who(o), 102),
                         ("flatbed", {"angle": -1.2, "dpi": 200, "ext": "png"}))]))

    # h03: honest after a 221(g) asking for documents; the check-box form as an image-only PDF
    o = base("toktosunov")
    n = disclose(as_new(o, "AA00H3TN74"),
                 "MY B1/B2 APPLICATION WAS REFUSED UNDER SECTION 221(G) AT THE U.S. EMBASSY IN "
                 "BISHKEK ON 9 APRIL 2026. THE OFFICER ASKED FOR AN EMPLOYMENT LETTER AND BANK "
                 "STATEMENTS.")
    out.append(Case("h03-kg-221g-documents-pdfscan-honest",
                    Print(o, "leaders", "letter", "DejaVuSans", T(2026, 3, 2)),
                    Print(n, "table", "A4", "DejaVuSans", T(2026, 10, 14)),
                    [Doc("refusal_221g",
                         lambda p, o=o: docs.refusal_221g_documents(p, "BISHKEK", "2026-04-09",
                                                                    who(o), {2, 3}, 103),
                         ("flatbed", {"angle": 0.8, "dpi": 150, "ext": "pdf"}))]))

    # h04: hidden refusal proven by the CEAC status page 'Refused' (a phone screenshot)
    o = base("orazbayev")
    n = as_new(o, "AA00H4ON18")
    out.append(Case("h04-kz-ceac-refused-screenshot-hidden",
                    Print(o, "table", "A4", "DejaVuSans", T(2026, 3, 4)),
                    Print(n, "inline", "letter", "DejaVuSerif", T(2026, 10, 29)),
                    [Doc("ceac_status",
                         lambda p, o=o: docs.ceac_refused(p, who(o), "ASTANA", "2026-03-04",
                                                          "2026-04-15"),
                         ("screenshot", {"ext": "png"}))]))

    # h05: honest after 214(b); a new job proven by a scanned English employment letter
    o = base("yusupova")
    n = disclose(as_new(o, "AA00H5YN06"), explanation_214b("TASHKENT", "2026-04-21"))
    n = new_job(n, "SILK AVENUE HOTELS LLC",
                addr("SHOTA RUSTAVELI STREET 52", "TASHKENT", UZ, "100070"), "+998 71 555 62 00",
                "2026-07-01", 6500000,
                "GUEST RELATIONS MANAGER; I LEAD A TEAM OF SIX AND LOOK AFTER VIP AND GROUP GUESTS.",
                "FRONT DESK SUPERVISOR", "ISMOILOV, RAVSHAN", "2026-06-30")
    emp = docs.Employer("SILK AVENUE HOTELS LLC", "Silk Avenue Hotels LLC",
                        "Shota Rustaveli Street 52, Tashkent 100070, Uzbekistan",
                        "+998 71 555 62 00", "hr@silkavenue.example.uz", "STIR 307224019")
    out.append(Case("h05-uz-employment-letter-scan-supports",
                    Print(o, "table", "letter", "DejaVuSans", T(2026, 3, 6)),
                    Print(n, "leaders", "letter", "DejaVuSans", T(2026, 10, 20)),
                    [refusal_doc("TASHKENT", "2026-04-21", who(o), "b", 104,
                                 ("flatbed", {"angle": 1.6, "dpi": 200, "ext": "jpg"})),
                     Doc("employment_letter", lambda p, emp=emp: docs.letter_en(
                         p, emp, "2026-10-05", "HR-2026/0412", "Employment Verification Letter",
                         "To: The Consular Section, Embassy of the United States of America, "
                         "Tashkent",
                         ["This letter is to confirm that Ms. Malika Yusupova, born 2 December "
                          "1994, passport FA 3905127, has been employed by Silk Avenue Hotels LLC "
                          "on a full-time, permanent basis since 1 July 2026. She holds the "
                          "position of Guest Relations Manager.",
                          "Her monthly gross salary is UZS 6,500,000 (six million five hundred "
                          "thousand Uzbek soums), paid by bank transfer.",
                          "Her duties include leading the guest relations team of six staff, "
                          "welcoming VIP and group guests and resolving guest complaints.",
                          "Ms. Yusupova has been granted annual leave for her trip to the United "
                          "States in April 2027 and will resume her duties on her return. This "
                          "letter is issued at her request in support of her U.S. visa "
                          "application.",
                          "For verification, please contact the Human Resources Department at "
                          "+998 71 555 62 00 or hr@silkavenue.example.uz."],
                         ("Dilfuza Akhmedova", "Head of Human Resources"), 105),
                         ("flatbed", {"angle": -0.7, "dpi": 300, "ext": "jpg", "grey": False}))]))

    # h06: honest after 214(b); the form names a new employer, the photographed справка
    # (stored sideways, EXIF orientation 6) certifies she still works at the old one
    o = base("ibrayeva")
    n = disclose(as_new(o, "AA00H6IN32"), explanation_214b("ALMATY", "2026-04-14"))
    n = new_job(n, "ALTYN DALA AGRO LLP", addr("UL. ZHANDOSOVA 140", "ALMATY", KZ, "050057"),
                "+7 727 355 0777", "2026-06-01", 700000,
                "CHIEF ACCOUNTANT; I RUN THE ACCOUNTING OF A GRAIN TRADING COMPANY.",
                "CHIEF ACCOUNTANT", "ABENOV, DANIYAR", "2026-05-29")
    emp6 = docs.Employer("SHYMKENT CEMENT TRADING LLP", "ТОО «Шымкент Цемент Трейдинг»",
                         "", "", "")
    out.append(Case("h06-kz-spravka-photo-contradicts",
                    Print(o, "inline", "A4", "DejaVuSerif", T(2026, 3, 3)),
                    Print(n, "table", "letter", "DejaVuSans", T(2026, 10, 22)),
                    [refusal_doc("ALMATY", "2026-04-14", who(o), "a", 106,
                                 ("flatbed", {"angle": 0.6, "dpi": 200, "ext": "pdf"})),
                     Doc("spravka", lambda p, emp=emp6: docs.spravka_ru(
                         p, emp, ["ТОО «Шымкент Цемент Трейдинг»", "БИН 090540012345",
                                  "Республика Казахстан, 050059, г. Алматы, пр. аль-Фараби, 38",
                                  "тел.: +7 727 355 0644, e-mail: office@sct.example.kz"],
                         "2026-10-12", "318", "Генеральному консульству США\nв г. Алматы", True,
                         ["Дана Ибраевой Жанне Сериковне, ИИН 870730450611, в том, что она "
                          "действительно работает в ТОО «Шымкент Цемент Трейдинг» с 11 января "
                          "2016 года по настоящее время в должности главного бухгалтера.",
                          "Среднемесячная заработная плата за последние шесть месяцев "
                          "составляет 520 000 (пятьсот двадцать тысяч) тенге.",
                          "На период поездки за ней сохраняется рабочее место и заработная "
                          "плата.",
                          "Справка выдана для предъявления по месту требования."],
                         [("Директор", "Абенов Д. К."),
                          ("Начальник отдела кадров", "Сулейменова А. Б.")],
                         " ТОО «ШЫМКЕНТ ЦЕМЕНТ ТРЕЙДИНГ» * АЛМАТЫ * ", ["БИН", "090540012345"],
                         107),
                         ("photo", {"angle": -4.0, "ext": "jpg", "table": "mat",
                                    "exif_orientation": 6}))]))

    # h07: honest after 214(b); a new job proven by a Russian справка from Uzbekistan, HEIC
    o = base("abdullaev")
    n = disclose(as_new(o, "AA00H7AN45"), explanation_214b("TASHKENT", "2026-04-23"))
    n = new_job(n, "ZARAFSHON TEXTILE LLC", addr("GIJDUVAN STREET 112", "BUKHARA", UZ, "200117"),
                "+998 65 555 48 20", "2026-05-18", 8400000,
                "CHIEF MECHANIC; I RUN THE REPAIR SHOP OF THE SPINNING LINES.",
                "MAINTENANCE PLANNER", "KHAMROEV, BOTIR", "2026-05-15")
    emp7 = docs.Employer("ZARAFSHON TEXTILE LLC", "ООО «ZARAFSHON TEXTILE»", "", "", "")
    out.append(Case("h07-uz-spravka-heic-supports",
                    Print(o, "leaders", "A4", "DejaVuSerif", T(2026, 3, 9)),
                    Print(n, "inline", "letter", "DejaVuSans", T(2026, 11, 5)),
                    [refusal_doc("TASHKENT", "2026-04-23", who(o), "a", 108,
                                 ("photo", {"angle": 2.2, "ext": "jpg", "table": "wood"})),
                     Doc("spravka", lambda p, emp=emp7: docs.spravka_ru(
                         p, emp, ["ООО «ZARAFSHON TEXTILE»", "ИНН 305118442",
                                  "Республика Узбекистан, 200117, г. Бухара, ул. Гиждуван, 112",
                                  "тел.: +998 65 555 48 20"],
                         "2026-10-28", "57/2", "Посольству США\nв Республике Узбекистан", False,
                         ["Дана Абдуллаеву Жасуру Бахтиёровичу, 25.04.1993 года рождения, в том, "
                          "что он действительно работает в ООО «ZARAFSHON TEXTILE» в должности "
                          "главного механика с 18 мая 2026 года по настоящее время (приказ о "
                          "приёме на работу № 57-к от 18.05.2026).",
                          "Среднемесячная заработная плата составляет 8 400 000 (восемь "
                          "миллионов четыреста тысяч) сум.",
                          "На время поездки в США ему предоставляется ежегодный оплачиваемый "
                          "отпуск с сохранением рабочего места.",
                          "Справка выдана для предъявления в Посольство США."],
                         [("Директор", "Хамраев Б. Т."), ("Главный бухгалтер", "Назарова Д. А.")],
                         " ООО «ZARAFSHON TEXTILE» * БУХАРА * ", ["ИНН", "305118442"], 109),
                         ("photo", {"angle": 1.5, "ext": "heic", "table": "wood"}))]))

    # h08: the OLD print-out exists only as a scan (multi-page TIFF); the new form drops the
    # U.S. visit the old one listed
    o = base("mukhtarov")
    o.update({
        "previous_travel.been_in_us": True,
        "previous_travel.visits": [{"arrived": "2023-08-14",
                                    "length_of_stay": {"value": 3, "unit": "WEEK"}}],
        "previous_travel.visa_issued": True,
        "previous_travel.last_visa_issue_date": "2023-06-20",
        "previous_travel.last_visa_number": "61820457",
        "previous_travel.same_visa_type": True,
        "previous_travel.same_country": True,
        "previous_travel.ten_printed": True,
        "previous_travel.visa_lost_or_stolen": False,
        "previous_travel.visa_cancelled_or_revoked": False,
    })
    n = disclose(as_new(o, "AA00H8MN19"), explanation_214b("ASTANA", "2026-04-16"))
    n["previous_travel.been_in_us"] = False
    n["previous_travel.visits"] = []
    out.append(Case("h08-kz-old-print-tiff-visit-dropped",
                    Print(o, "table", "letter", "DejaVuSans", T(2026, 3, 2)),
                    Print(n, "inline", "A4", "DejaVuSerif", T(2026, 10, 19)),
                    [refusal_doc("ASTANA", "2026-04-16", who(o), "b", 110, ("copy", {}))],
                    old_scan=("flatbed", {"angle": 0.9, "dpi": 200, "ext": "tiff"})))

    # h09: the OLD print-out only as an image-only PDF; it disclosed a 2024 refusal, the new
    # form answers NO and spells the surname another way
    o = disclose(base("aliyeva"),
                 "MY B1/B2 VISA WAS REFUSED UNDER SECTION 214(B) AT THE U.S. EMBASSY IN TASHKENT "
                 "ON 12 SEPTEMBER 2024.")
    n = as_new(o, "AA00H9AN83")
    n["previous_travel.refused"] = False
    del n["previous_travel.refused_explanation"]
    n["personal.surnames"] = "ALIEVA"
    out.append(Case("h09-uz-old-print-pdfscan-refusal-dropped",
                    Print(o, "leaders", "A4", "DejaVuSerif", T(2026, 3, 10)),
                    Print(n, "table", "letter", "DejaVuSans", T(2026, 11, 9)),
                    [],
                    old_scan=("flatbed", {"angle": -1.5, "dpi": 200, "ext": "pdf"})))

    # h10: honest after 214(b); passport renewed, the photographed data page matches the new
    # form; a raise proven by an employment letter (image-only PDF)
    o = base("sadykova")
    n = disclose(as_new(o, "AA00HASN71"), explanation_214b("ASTANA", "2026-04-15"))
    n = renewed(n, "N 16027395", "2026-07-14", "2036-07-13")
    n["work.monthly_income"] = {"amount": 950000, "currency": "KZT"}
    emp10 = docs.Employer("ESIL DIGITAL BANK JSC", "Esil Digital Bank JSC",
                          "Kabanbay Batyr Avenue 15A, Astana 010000, Kazakhstan",
                          "+7 7172 55 0815", "hr@esilbank.example.kz", "BIN 031140004217")
    out.append(Case("h10-kz-passport-photo-renewal-matches",
                    Print(o, "table", "A4", "DejaVuSans", T(2026, 3, 4)),
                    Print(n, "leaders", "letter", "DejaVuSans", T(2026, 10, 27)),
                    [refusal_doc("ASTANA", "2026-04-15", who(o), "a", 111,
                                 ("flatbed", {"angle": -0.5, "dpi": 200, "ext": "jpg"})),
                     Doc("employment_letter", lambda p, emp=emp10: docs.letter_en(
                         p, emp, "2026-10-08", "HR/3317", "Employment Certificate",
                         "To Whom It May Concern",
                         ["This is to certify that Ms. Aidana Sadykova has been employed by Esil "
                          "Digital Bank JSC on a full-time basis since 1 October 2018. Since 1 "
                          "July 2026 she holds the position of Senior QA Engineer in the Mobile "
                          "Banking Department.",
                          "Her current monthly salary is KZT 950,000 (nine hundred fifty "
                          "thousand tenge) before taxes.",
                          "She is granted leave for her trip to the United States in June 2027 "
                          "and her position is kept for her. This certificate is issued at her "
                          "request for submission to the U.S. Embassy.",
                          "For verification: Human Resources, +7 7172 55 0815, "
                          "hr@esilbank.example.kz."],
                         ("Madina Zhakenova", "HR Business Partner"), 112),
                         ("flatbed", {"angle": 1.1, "dpi": 200, "ext": "pdf"})),
                     Doc("passport", lambda p, f=n: docs.passport_page(
                         p, passport_doc("KZ", f, "N16027395", f["personal.date_of_birth"],
                                         "САДЫКОВА АЙДАНА"), 113),
                         ("photo", {"angle": -2.5, "ext": "jpg", "table": "mat",
                                    "out": (2000, 1500), "fill": 0.86, "dpi": 300}))]))

    # h11: the passport's number contradicts the form (two digits swapped); photo upside down
    o = base("rasulov")
    n = disclose(as_new(o, "AA00HBRN08"), explanation_214b("TASHKENT", "2026-04-22"))
    out.append(Case("h11-uz-passport-number-contradicts",
                    Print(o, "inline", "letter", "DejaVuSans", T(2026, 3, 5)),
                    Print(n, "table", "A4", "DejaVuSerif", T(2026, 10, 23)),
                    [refusal_doc("TASHKENT", "2026-04-22", who(o), "b", 114,
                                 ("photo", {"angle": 1.8, "ext": "jpg", "table": "mat"})),
                     Doc("passport", lambda p, f=n: docs.passport_page(
                         p, passport_doc("UZ", f, "FA5530281", f["personal.date_of_birth"], ""),
                         115),
                         ("photo", {"angle": 3.0, "ext": "jpg", "table": "wood",
                                    "out": (2000, 1500), "fill": 0.86, "dpi": 300,
                                    "upside_down": True}))]))

    # h12: the passport's date of birth contradicts the form; a colour flatbed copy (PNG)
    o = base("abdrakhmanova")
    n = disclose(as_new(o, "AA00HCAN36"), explanation_214b("BISHKEK", "2026-04-13"))
    out.append(Case("h12-kg-passport-dob-contradicts",
                    Print(o, "table", "letter", "DejaVuSans", T(2026, 3, 3)),
                    Print(n, "inline", "A4", "DejaVuSans", T(2026, 10, 21)),
                    [refusal_doc("BISHKEK", "2026-04-13", who(o), "a", 116,
                                 ("flatbed", {"angle": 0.7, "dpi": 200, "ext": "pdf"})),
                     Doc("passport", lambda p, f=n: docs.passport_page(
                         p, passport_doc("KG", f, "AC4027615", "1993-07-15",
                                         "АБДРАХМАНОВА АЙЗАДА"), 117),
                         ("passport_copy", {"angle": -0.8, "dpi": 200, "ext": "png"}))]))

    # h13: passport renewed, the data page matches the new form but the MRZ's document-number
    # check digit is wrong
    o = base("bekmurzayev")
    n = disclose(as_new(o, "AA00HDBN92"), explanation_214b("ALMATY", "2026-04-17"))
    n = renewed(n, "N 16482093", "2026-05-20", "2036-05-19")
    out.append(Case("h13-kz-passport-broken-check-digit",
                    Print(o, "leaders", "letter", "DejaVuSerif", T(2026, 3, 6)),
                    Print(n, "table", "A4", "DejaVuSans", T(2026, 10, 28)),
                    [refusal_doc("ALMATY", "2026-04-17", who(o), "a", 118,
                                 ("photo", {"angle": -2.8, "ext": "jpg", "table": "wood"})),
                     Doc("passport", lambda p, f=n: docs.passport_page(
                         p, passport_doc("KZ", f, "N16482093", f["personal.date_of_birth"],
                                         "БЕКМҰРЗАЕВ АСҚАР", broken=True), 119),
                         ("photo", {"angle": 1.2, "ext": "jpg", "table": "mat",
                                    "out": (2000, 1500), "fill": 0.86, "dpi": 300}))]))

    # h14: control — honest, new job proven, passport unchanged and matching: nothing wrong
    o = base("tuleuova")
    n = disclose(as_new(o, "AA00HETN10"), explanation_214b("ASTANA", "2026-04-14"))
    n = new_job(n, "ASTANA MEDIA GROUP LLP", addr("PR. MANGILIK YEL 55/20", "ASTANA", KZ, "010000"),
                "+7 7172 55 0744", "2026-06-15", 720000,
                "SENIOR MARKETING MANAGER; I PLAN ADVERTISING CAMPAIGNS FOR THE GROUP'S TV AND "
                "RADIO CHANNELS.", "MARKETING SPECIALIST", "ZHAKENOV, ALMAS", "2026-06-12")
    emp14 = docs.Employer("ASTANA MEDIA GROUP LLP", "Astana Media Group LLP",
                          "Mangilik Yel Avenue 55/20, Astana 010000, Kazakhstan",
                          "+7 7172 55 0744", "hr@astanamedia.example.kz", "BIN 120840011876")
    out.append(Case("h14-kz-control-clean",
                    Print(o, "inline", "letter", "DejaVuSans", T(2026, 3, 2)),
                    Print(n, "leaders", "A4", "DejaVuSerif", T(2026, 10, 30)),
                    [refusal_doc("ASTANA", "2026-04-14", who(o), "b", 120,
                                 ("photo", {"angle": -1.9, "ext": "jpg", "table": "wood"})),
                     Doc("employment_letter", lambda p, emp=emp14: docs.letter_en(
                         p, emp, "2026-10-16", "AMG-HR-0921", "Employment Verification Letter",
                         "To Whom It May Concern",
                         ["This letter confirms that Ms. Aruzhan Tuleuova has been employed by "
                          "Astana Media Group LLP since 15 June 2026 as Senior Marketing Manager, "
                          "on a permanent full-time contract.",
                          "Her monthly gross salary is KZT 720,000 (seven hundred twenty "
                          "thousand tenge).",
                          "She plans advertising campaigns for the group's television and radio "
                          "channels and manages a team of four.",
                          "We confirm that she has been granted leave from 20 July to 3 August "
                          "2027 and is expected back at work afterwards.",
                          "Please contact us at +7 7172 55 0744 or hr@astanamedia.example.kz for "
                          "any verification."],
                         ("Galiya Serikbayeva", "HR Director"), 121),
                         ("flatbed", {"angle": 0.5, "dpi": 300, "ext": "jpg"})),
                     Doc("passport", lambda p, f=n: docs.passport_page(
                         p, passport_doc("KZ", f, "N15204817", f["personal.date_of_birth"],
                                         "ТӨЛЕУОВА АРУЖАН"), 122),
                         ("passport_copy", {"angle": 0.6, "dpi": 200, "ext": "png"}))]))

    # h15: the employment letter (2-page TIFF scan) confirms the employer but states a salary
    # far below the form's
    o = base("nurmatov")
    n = disclose(as_new(o, "AA00HFNN57"), explanation_214b("ALMATY", "2026-04-20"))
    n = new_job(n, "QAZAQ FINTECH LAB LLP", addr("UL. SATPAYEVA 90/22", "ALMATY", KZ, "050046"),
                "+7 727 355 0921", "2026-08-03", 1600000,
                "SENIOR BACKEND DEVELOPER; I DESIGN THE CARD PROCESSING SERVICES.",
                "BACKEND DEVELOPER", "OSPANOV, ZHANIBEK", "2026-07-31")
    emp15 = docs.Employer("QAZAQ FINTECH LAB LLP", "Qazaq Fintech Lab LLP",
                          "Satpayev Street 90/22, Almaty 050046, Kazakhstan",
                          "+7 727 355 0921", "people@qfl.example.kz", "BIN 190640021553")
    out.append(Case("h15-kz-letter-tiff-salary-contradicts",
                    Print(o, "table", "letter", "DejaVuSerif", T(2026, 3, 9)),
                    Print(n, "inline", "A4", "DejaVuSans", T(2026, 11, 4)),
                    [refusal_doc("ALMATY", "2026-04-20", who(o), "a", 123,
                                 ("photo", {"angle": 2.6, "ext": "jpg", "table": "mat"})),
                     Doc("employment_letter", lambda p, emp=emp15: docs.letter_en(
                         p, emp, "2026-10-21", "QFL-2026-118", "Employment Verification Letter",
                         "To: The Consular Section, U.S. Consulate General Almaty",
                         ["This is to confirm that Mr. Ilyas Nurmatov is employed by Qazaq "
                          "Fintech Lab LLP as Senior Backend Developer on a full-time basis. His "
                          "employment started on 3 August 2026.",
                          "His monthly gross salary is KZT 650,000 (six hundred fifty thousand "
                          "tenge).",
                          "Mr. Nurmatov has been approved for annual leave for his trip to the "
                          "United States in April 2027. This letter is issued at his request.",
                          "The list of his duties is attached as an annex to this letter."],
                         ("Aliya Dzhaksybekova", "People & Culture Lead"), 124,
                         annex=["Duties of the Senior Backend Developer:",
                                "1. Design and maintain the card processing services.",
                                "2. Review the code of the backend team.",
                                "3. Take part in the on-call rota for payment incidents.",
                                "Working hours: 40 hours a week, Monday to Friday."]),
                         ("flatbed", {"angle": -1.0, "dpi": 300, "ext": "tiff"}))]))
    return out


# --- writing ----------------------------------------------------------------------------------

def make_scan(pdf: Path, how: str, p: dict[str, Any], dest_stem: Path, seed: int) -> Path:
    rnd = random.Random(seed)
    ext = p.get("ext", "pdf")
    dest = dest_stem.with_suffix("." + ext)
    if how == "copy":
        shutil.copyfile(pdf, dest)
        return dest
    if how == "screenshot":
        page = degrade.render(pdf, 150)[0]
        degrade.save_png(degrade.screenshot(page), dest)
        return dest
    dpi = p.get("dpi", 200)
    pages = degrade.render(pdf, dpi)
    if how == "passport_copy":  # the data page laid on the glass of an A4 scanner
        a4 = Image.new("RGB", (int(8.27 * dpi), int(11.69 * dpi)), "white")
        a4.paste(pages[0], (int(0.6 * dpi), int(0.7 * dpi)))
        pages = [a4]
        how, p = "flatbed", {**p, "grey": False}
    if how == "flatbed":
        imgs = []
        for i, page in enumerate(pages):
            angle = p["angle"] + (rnd.uniform(-0.6, 0.6) if i else 0.0)
            imgs.append(degrade.flatbed(page, rnd, angle, grey=p.get("grey", True),
                                        paper=rnd.uniform(0.90, 0.95),
                                        blur=rnd.uniform(0.5, 0.9)))
        if ext == "pdf":
            degrade.save_image_pdf(imgs, dest, dpi)
        elif ext == "tiff":
            degrade.save_tiff(imgs, dest, dpi)
        elif ext == "png":
            degrade.save_png(imgs[0], dest, dpi)
        elif ext == "jpg":
            degrade.save_jpeg(imgs[0], dest, quality=82, dpi=dpi)
        else:
            raise ValueError(ext)
        return dest
    if how == "photo":
        kw = {k: p[k] for k in ("out", "fill", "table") if k in p}
        im = degrade.photo(pages[0], rnd, p["angle"], **kw)
        if p.get("upside_down"):
            im = im.rotate(180)
        if ext == "heic":
            degrade.save_heic(im, dest)
        elif p.get("exif_orientation") == 6:
            # the sensor's pixels are sideways; the EXIF tag says "rotate 90° clockwise to view"
            degrade.save_jpeg(im.rotate(90, expand=True), dest, quality=80, exif_orientation=6)
        else:
            degrade.save_jpeg(im, dest, quality=80)
        return dest
    raise ValueError(how)


def write_case(case: Case, root: Path, seed: int) -> dict[str, list[str]]:
    folder = root / case.slug
    if folder.exists():
        shutil.rmtree(folder)
    text, scan = folder / "text", folder / "scan"
    text.mkdir(parents=True)
    scan.mkdir()
    files: dict[str, list[str]] = {"text": [], "scan": []}
    for role, pr in (("old", case.old), ("new", case.new)):
        fields = for_print(pr.fields, pr.when)
        render_print(fields, text / f"{role}.pdf", pr.layout, pr.size, pr.font, pr.when)
        if role == "old":
            (folder / "old.fields.json").write_text(
                json.dumps(golden(fields), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        files["text"].append(f"{role}.pdf")
        if role == "old" and case.old_scan is not None:
            how, p = case.old_scan
            dest = make_scan(text / "old.pdf", how, p, scan / "old", seed)
        else:
            dest = scan / f"{role}.pdf"
            shutil.copyfile(text / f"{role}.pdf", dest)
        files["scan"].append(dest.name)
    for i, doc in enumerate(case.docs, start=1):
        pdf = text / f"{doc.stem}.pdf"
        doc.write(pdf)
        files["text"].append(pdf.name)
        how, p = doc.scan
        dest = make_scan(pdf, how, p, scan / doc.stem, seed * 100 + i)
        files["scan"].append(dest.name)
    return files


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--only", nargs="*", help="case slugs to write (default: all)")
    args = ap.parse_args()
    expected = json.loads((HERE / "cases.json").read_text(encoding="utf-8"))["cases"]
    by_slug = {c["case"]: c for c in expected}
    args.out.mkdir(parents=True, exist_ok=True)
    problems = []
    for n, case in enumerate(cases(), start=1):
        if args.only and case.slug not in args.only:
            continue
        files = write_case(case, args.out, 1000 + n)
        exp = by_slug.get(case.slug)
        if exp is None:
            problems.append(f"{case.slug}: not in cases.json")
        elif files != {"text": exp["text"], "scan": exp["scan"]}:
            problems.append(f"{case.slug}: wrote {files}, cases.json says "
                            f"text={exp['text']} scan={exp['scan']}")
        print(f"{case.slug}: {' '.join(files['scan'])}")
    missing = set(by_slug) - {c.slug for c in cases()}
    problems += [f"{s}: in cases.json but not generated" for s in sorted(missing)]
    for p in problems:
        print("MISMATCH", p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
