"""Generate held-out scan set 5: ``python benchmarks/heldout_scans_5/gen.py OUT``.

Twelve synthetic client cases, each in ``OUT/<case>/text/`` (text PDFs) and ``OUT/<case>/scan/``
(the same documents as the client has them on paper: office scans, phone photos, a copy of a
copy, a fine-mode fax, a print from a printer short of toner, passports on a scanner bed or a
table). A case whose old print-out exists only as a scan also gets ``OUT/<case>/old.fields.json``,
the fields of that print-out computed from the model. Seeded: byte-identical on every run.
"""

from __future__ import annotations

import json
import shutil
import sys
import time
import zlib
from pathlib import Path

import numpy as np
from reportlab.lib.pagesizes import letter

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import model  # noqa: E402
import optics  # noqa: E402
import people  # noqa: E402
import printout  # noqa: E402
import sheets  # noqa: E402

LETTER_PT = letter


def rng(case: str, doc: str) -> np.random.Generator:
    return np.random.default_rng(zlib.crc32(f"set5/{case}/{doc}".encode()))


_US = "EMBASSY OF THE UNITED STATES OF AMERICA"
_USCG = "CONSULATE GENERAL OF THE UNITED STATES OF AMERICA"
POSTS = {
    "ulaanbaatar": {"issuer": _US, "section": "Consular Section - Ulaanbaatar",
                    "address": "Denver Street 3, 11th Micro-District, Ulaanbaatar 14171, Mongolia",
                    "short": "U.S. Embassy Ulaanbaatar"},
    "manila": {"issuer": _US, "section": "Consular Section - Nonimmigrant Visa Unit",
               "address": "1201 Roxas Boulevard, Manila 1000, Philippines",
               "short": "U.S. Embassy Manila"},
    "warsaw": {"issuer": _US, "section": "Consular Section - Warsaw",
               "address": "Aleje Ujazdowskie 29/31, 00-540 Warsaw, Poland",
               "short": "U.S. Embassy Warsaw"},
    "bishkek": {"issuer": _US, "section": "Consular Section - Bishkek",
                "address": "171 Prospekt Mira, Bishkek 720016, Kyrgyz Republic",
                "short": "U.S. Embassy Bishkek"},
    "hcmc": {"issuer": _USCG, "section": "Consular Section - Ho Chi Minh City",
             "address": "4 Le Duan Boulevard, District 1, Ho Chi Minh City, Vietnam",
             "short": "U.S. Consulate General Ho Chi Minh City"},
    "ankara": {"issuer": _US, "section": "Consular Section - Ankara",
               "address": "Ataturk Bulvari No. 110, Kavaklidere, 06100 Ankara, Turkiye",
               "short": "U.S. Embassy Ankara"},
    "lagos": {"issuer": _USCG, "section": "Consular Section - Lagos",
              "address": "2 Walter Carrington Crescent, Victoria Island, Lagos, Nigeria",
              "short": "U.S. Consulate General Lagos"},
    "astana": {"issuer": _US, "section": "Consular Section - Astana",
               "address": "Rakhymzhan Koshkarbayev Avenue 3, Astana 010010, Kazakhstan",
               "short": "U.S. Embassy Astana"},
    "chennai": {"issuer": _USCG, "section": "Consular Section - Chennai",
                "address": "Gemini Circle, 220 Anna Salai, Chennai 600006, India",
                "short": "U.S. Consulate General Chennai"},
    "bogota": {"issuer": _US, "section": "Consular Section - Bogota",
               "address": "Carrera 45 No. 24B-27, Bogota, D.C., Colombia",
               "short": "U.S. Embassy Bogota"},
    "lima": {"issuer": _US, "section": "Consular Section - Lima",
             "address": "Avenida La Encalada cdra. 17 s/n, Surco, Lima 33, Peru",
             "short": "U.S. Embassy Lima"},
}


# --- how paper reaches the office ------------------------------------------------------------------

def print_pdf(path: Path, app: dict, id_label: str = "Application ID") -> model.Layout:
    L = model.layout(app)
    printout.render(path, L.items, app["app_id"], app["printed"], id_label)
    return L


def write_golden(case_dir: Path, L: model.Layout, note: str) -> None:
    data = {"schema": "heldout_scans_5.golden/1", "source": "the answer model of gen.py (never a reading)",
            "note": note, "fields": dict(sorted(L.gold.items()))}
    (case_dir / "old.fields.json").write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n",
                                              encoding="utf-8")


def office_pdf(src: Path, dst: Path, r: np.random.Generator, skews: list[float], q: int,
               pre=None, mode: str = "L") -> None:
    pages = optics.rasterize(src, 300, mode)
    out = []
    for i, im in enumerate(pages):
        if pre is not None:
            im = pre(im)
        out.append(optics.office_scan(im, r, skews[i % len(skews)]))
    optics.image_pdf(dst, out, fmt="jpeg", q=q, dpi=300, page_pt=LETTER_PT)


def office_jpg(src: Path, dst: Path, r: np.random.Generator, skew: float, q: int,
               mode: str = "L") -> None:
    im = optics.rasterize(src, 300, mode)[0]
    optics.save_jpeg(dst, optics.office_scan(im, r, skew), q, 300)


def photos(src: Path, r: np.random.Generator, shots: list[dict], src_dpi: float = 300):
    pages = optics.rasterize(src, src_dpi, "RGB")
    return [optics.phone_photo(im, r, src_dpi=src_dpi, **shots[i % len(shots)])
            for i, im in enumerate(pages)]


# --- the cases ---------------------------------------------------------------------------------------

def case01(T: Path, S: Path, C: Path) -> None:
    """Mongolia. Old print-out: office scan, 300 DPI grey JPEG q68, skew 0.3-1.1 deg."""
    old, new = people.c01()
    L = print_pdf(T / "old.pdf", old)
    print_pdf(T / "new.pdf", new)
    sheets.refusal_214b(T / "refusal_214b.pdf", POSTS["ulaanbaatar"], "tr", "April 16, 2026",
                        "DAVAASUREN OYUNCHIMEG", "Application ID: AA00MN4Q7K")
    c = "c01"
    office_pdf(T / "old.pdf", S / "old.pdf", rng(c, "old"), [0.4, -0.7, 1.1, -0.3, 0.8], 68)
    shutil.copyfile(T / "new.pdf", S / "new.pdf")
    office_jpg(T / "refusal_214b.pdf", S / "refusal_214b.jpg", rng(c, "letter"), -0.6, 72)
    write_golden(C, L, "old.pdf of the text version, rendered by printout.py from this model")


def case02(T: Path, S: Path, C: Path) -> None:
    """Philippines. Old print-out: five phone photos (keystone 3.5-5.5 %, shadow, warm cast,
    oak table, 150-175 DPI) gathered in one PDF. 221(g) letter with a checklist: phone photo."""
    old, new = people.c02()
    L = print_pdf(T / "old.pdf", old)
    print_pdf(T / "new.pdf", new)
    sheets.refusal_221g_documents(
        T / "refusal_221g.pdf", POSTS["manila"], "23 June 2026", "SANTIAGO, JOHN PATRICK",
        "Application ID: AA00PH7C31",
        [(True, "Certificate of employment stating your position, monthly salary and date of hiring"),
         (False, "Income tax return (BIR Form 2316) for the last two years"),
         (True, "Personal bank statements for the last six months"),
         (False, "Proof of your relationship to your U.S. contact"),
         (True, "Travel itinerary and proof of hotel reservation"),
         (False, "Other: ______________________________")])
    c = "c02"
    shots = [dict(eff_dpi=165, keystone=0.045, rot=1.8, shadow=0.38, warm=0.9, bg="oak"),
             dict(eff_dpi=158, keystone=0.055, rot=-2.2, shadow=0.32, warm=1.0, bg="oak"),
             dict(eff_dpi=172, keystone=0.035, rot=1.2, shadow=0.42, warm=0.8, bg="oak"),
             dict(eff_dpi=150, keystone=0.05, rot=-1.5, shadow=0.3, warm=0.95, bg="oak"),
             dict(eff_dpi=175, keystone=0.04, rot=2.4, shadow=0.36, warm=0.85, bg="oak")]
    imgs = photos(T / "old.pdf", rng(c, "old"), shots)
    optics.image_pdf(S / "old.pdf", imgs, fmt="jpeg", q=82, dpi=165)
    shutil.copyfile(T / "new.pdf", S / "new.pdf")
    im = photos(T / "refusal_221g.pdf", rng(c, "letter"),
                [dict(eff_dpi=170, keystone=0.045, rot=-1.4, shadow=0.35, warm=0.9, bg="cloth")])[0]
    optics.save_jpeg(S / "refusal_221g.jpg", im, 80)
    write_golden(C, L, "old.pdf of the text version, rendered by printout.py from this model")


def case03(T: Path, S: Path, C: Path) -> None:
    """Ukraine. Old print-out: a copy of a copy (103 %, darker, drum streaks) scanned at 300 DPI
    grey. New application at Krakow (confirmation page), refused at Warsaw."""
    old, new = people.c03()
    L = print_pdf(T / "old.pdf", old)
    print_pdf(T / "new.pdf", new)
    sheets.confirmation_page(T / "new_confirmation.pdf", {
        "printed": "11/5/26, 1:25 PM", "location": "KRAKOW", "app_id": new["app_id"],
        "name": "MELNYCHUK, IRYNA", "dob": "12 MARCH 1991", "pob": "LVIV, UKRAINE",
        "sex": "FEMALE", "nationality": "UKRAINE", "passport": "GF418273",
        "submitted": "05-Nov-2026 13:22:17"})
    sheets.refusal_214b(T / "refusal_214b.pdf", POSTS["warsaw"], "managua", "May 19, 2026",
                        "MELNYCHUK IRYNA", "Case No.: AA00UA5J2H")
    c = "c03"
    r = rng(c, "old")
    pages = [optics.office_scan(optics.photocopy(im, r, 2, 1.03), r, s)
             for im, s in zip(optics.rasterize(T / "old.pdf", 300), [0.5, -0.4, 0.6, -0.5, 0.3])]
    optics.image_pdf(S / "old.pdf", pages, fmt="jpeg", q=75, dpi=300, page_pt=LETTER_PT)
    shutil.copyfile(T / "new.pdf", S / "new.pdf")
    office_jpg(T / "new_confirmation.pdf", S / "new_confirmation.jpg", rng(c, "conf"), 0.4, 70)
    r = rng(c, "letter")
    im = optics.office_scan(optics.photocopy(optics.rasterize(T / "refusal_214b.pdf", 300)[0], r,
                                             1, 1.02), r, -0.5)
    optics.image_pdf(S / "refusal_214b.pdf", [im], fmt="jpeg", q=72, dpi=300, page_pt=LETTER_PT)
    write_golden(C, L, "old.pdf of the text version, rendered by printout.py from this model")


def case04(T: Path, S: Path, C: Path) -> None:
    """Kyrgyzstan. Old print-out: fax in fine mode, multi-page TIFF, CCITT group 4, 200 x 200 DPI.
    Refusal letter: phone photo, HEIC. Hidden refusal, reapplied 20 days after it."""
    old, new = people.c04()
    L = print_pdf(T / "old.pdf", old)
    print_pdf(T / "new.pdf", new)
    sheets.refusal_214b(T / "refusal_214b.pdf", POSTS["bishkek"], "kuwait", "14 October 2026",
                        "ZHEENBEKOV UMUTBEK", "Application ID: AA00KG9E6T")
    c = "c04"
    r = rng(c, "old")
    pages = optics.rasterize(T / "old.pdf", 200)
    n = len(pages)
    frames = [optics.fax(im, r, f"SEP-21-2026 09:47  FROM: ALA-TOO BM LLC +996 312 432871"
                                f"    P.{i:02d}/{n:02d}", [0.35, -0.5, 0.6, -0.3, 0.45][i - 1])
              for i, im in enumerate(pages, 1)]
    optics.save_tiff_g4(S / "old.tiff", frames, (200, 200))
    shutil.copyfile(T / "new.pdf", S / "new.pdf")
    im = photos(T / "refusal_214b.pdf", rng(c, "letter"),
                [dict(eff_dpi=150, keystone=0.03, rot=2.1, shadow=0.4, warm=1.0, bg="walnut")])[0]
    optics.save_heic(S / "refusal_214b.heic", im, 78)
    write_golden(C, L, "old.pdf of the text version, rendered by printout.py from this model")


def case05(T: Path, S: Path, C: Path) -> None:
    """Vietnam. Old print-out printed on a printer short of toner (black at 55-65 %, two faded
    bands), scanned at 300 DPI grey, JPEG q74."""
    old, new = people.c05()
    L = print_pdf(T / "old.pdf", old)
    print_pdf(T / "new.pdf", new)
    sheets.refusal_214b(T / "refusal_214b.pdf", POSTS["hcmc"], "managua", "February 24, 2026",
                        "NGUYEN THI THU HA", "Case No.: AA00VN2H8R")
    c = "c05"
    r = rng(c, "old")
    blacks = iter([0.6, 0.57, 0.63, 0.55, 0.65])
    office_pdf(T / "old.pdf", S / "old.pdf", r, [0.6, -0.9, 0.7, -1.0, 0.8], 74,
               pre=lambda im: optics.low_ink(im, r, next(blacks)))
    shutil.copyfile(T / "new.pdf", S / "new.pdf")
    office_pdf(T / "refusal_214b.pdf", S / "refusal_214b.pdf", rng(c, "letter"), [0.9], 66)
    write_golden(C, L, "old.pdf of the text version, rendered by printout.py from this model")


def case06(T: Path, S: Path, C: Path) -> None:
    """Turkey. Old print-out: office scan at 300 DPI grey, JPEG q62, skew 1.2-1.5 deg. 221(g)
    administrative processing letter photographed; CEAC status page 'Refused' as a screenshot.
    Hidden refusal."""
    old, new = people.c06()
    L = print_pdf(T / "old.pdf", old, "Confirmation Number")
    print_pdf(T / "new.pdf", new, "Confirmation Number")
    sheets.refusal_221g_admin(T / "refusal_221g.pdf", POSTS["ankara"], "11 March 2026",
                              "YILDIRIM MEHMET EMRE", "Application ID: AA00TR4M9C")
    sheets.ceac_status(T / "ceac_status.pdf", old["app_id"], "11-Mar-2026", "02-Sep-2026",
                       "9/2/26, 8:15 PM")
    c = "c06"
    office_pdf(T / "old.pdf", S / "old.pdf", rng(c, "old"), [1.3, -1.5, 1.2, -1.4, 1.5], 62)
    shutil.copyfile(T / "new.pdf", S / "new.pdf")
    im = photos(T / "refusal_221g.pdf", rng(c, "letter"),
                [dict(eff_dpi=185, keystone=0.055, rot=-1.1, shadow=0.35, warm=0.9, bg="oak")])[0]
    optics.save_jpeg(S / "refusal_221g.jpg", im, 80)
    shot = optics.rasterize(T / "ceac_status.pdf", 110, "RGB")[0]
    w, h = shot.size
    optics.save_png(S / "ceac_status.png", shot.crop((0, 0, w, int(h * 0.62))))
    write_golden(C, L, "old.pdf of the text version, rendered by printout.py from this model")


def case07(T: Path, S: Path, C: Path) -> None:
    """Nigeria (control). New employer proven by an English employment letter, office scan JPEG."""
    old, new = people.c07()
    print_pdf(T / "old.pdf", old)
    print_pdf(T / "new.pdf", new)
    sheets.refusal_214b(T / "refusal_214b.pdf", POSTS["lagos"], "kuwait", "January 21, 2026",
                        "OKONKWO CHUKWUEMEKA IFEANYI", "Application ID: AA00NG6Z3P")
    sheets.employment_letter_en(T / "employment_letter.pdf", {
        "company": "LEKKI HARBOUR LOGISTICS LIMITED", "reg": "RC 1784523",
        "address": "Plot 14, Admiralty Way, Lekki Phase 1, Lagos, Nigeria  |  hr@lekkiharbour.example",
        "date": "14th October 2026", "ref": "Ref: LHL/HR/2026/0913",
        "title": "EMPLOYMENT CONFIRMATION LETTER",
        "body": [
            "This is to confirm that Mr. Chukwuemeka Ifeanyi OKONKWO has been in the employment of "
            "Lekki Harbour Logistics Limited since 2nd March 2026. He currently holds the position of "
            "Senior Procurement Officer in our Supply Chain Department, on a permanent basis.",
            "His gross monthly salary is N1,450,000.00 (One Million, Four Hundred and Fifty Thousand "
            "Naira only).",
            "Mr. Okonkwo has been granted annual leave from 11th January to 29th January 2027 and is "
            "expected to resume duty on 1st February 2027.",
            "Please do not hesitate to contact the undersigned should you require any further "
            "information.",
        ],
        "closing": ["Yours faithfully,", "For: Lekki Harbour Logistics Limited", "", "",
                    "Adaeze N. OBI (Mrs.)", "Head, Human Resources"]})
    c = "c07"
    shutil.copyfile(T / "old.pdf", S / "old.pdf")
    shutil.copyfile(T / "new.pdf", S / "new.pdf")
    office_pdf(T / "refusal_214b.pdf", S / "refusal_214b.pdf", rng(c, "letter"), [-0.5], 70)
    office_jpg(T / "employment_letter.pdf", S / "employment_letter.jpg", rng(c, "employment"), 0.7, 65)


def case08(T: Path, S: Path, C: Path) -> None:
    """Kazakhstan. The form's new employer QAZTRANS LOGISTICS LLP; the Russian справка is from
    another company (Алтын Дала Трейд). Справка: phone photo, HEIC."""
    old, new = people.c08()
    print_pdf(T / "old.pdf", old)
    print_pdf(T / "new.pdf", new)
    sheets.refusal_214b(T / "refusal_214b.pdf", POSTS["astana"], "managua", "May 6, 2026",
                        "SULEIMENOV ERLAN", "Application ID: AA00KZ8F2N")
    sheets.spravka_ru(T / "spravka.pdf", {
        "company": "Товарищество с ограниченной ответственностью «Алтын Дала Трейд»",
        "reg": "БИН 180540012345",
        "address": "010000, г. Астана, ул. Сыганак, д. 29, офис 310, тел. +7 7172 47 12 09",
        "ref": "Исх. № 87 от 21.10.2026",
        "title": "СПРАВКА С МЕСТА РАБОТЫ",
        "body": [
            "Настоящая справка выдана Сулейменову Ерлану Маратовичу, 08.08.1989 года рождения, "
            "ИИН 890808300123, в том, что он действительно работает в ТОО «Алтын Дала Трейд» в "
            "должности менеджера по логистике с 01 июля 2026 года по настоящее время.",
            "Ежемесячная заработная плата составляет 780 000 (семьсот восемьдесят тысяч) тенге.",
            "Справка выдана для предъявления по месту требования.",
        ],
        "closing": ["Директор                    ____________    Б.К. Ахметов", "",
                    "Главный бухгалтер      ____________    А.С. Жумабаева", "", "М.П."]})
    c = "c08"
    shutil.copyfile(T / "old.pdf", S / "old.pdf")
    shutil.copyfile(T / "new.pdf", S / "new.pdf")
    office_pdf(T / "refusal_214b.pdf", S / "refusal_214b.pdf", rng(c, "letter"), [0.4], 70)
    im = photos(T / "spravka.pdf", rng(c, "spravka"),
                [dict(eff_dpi=185, keystone=0.05, rot=1.6, shadow=0.4, warm=1.0, bg="oak")])[0]
    optics.save_heic(S / "spravka.heic", im, 80)


PASSPORTS = {
    "c09": {"code": "IND", "mrz_surname": "KRISHNAMURTHY", "mrz_given": "DIVYA", "number": "Y7305518",
            "dob6": "940627", "sex": "F", "exp6": "360617", "header": "REPUBLIC OF INDIA",
            "tint": (0.92, 0.93, 0.97), "wave": (0.76, 0.8, 0.9),
            "rows": [(("Type", "P"), ("Country Code", "IND"), ("Passport No.", "Y7305518")),
                     ("Surname", "KRISHNAMURTHY"), ("Given Name(s)", "DIVYA"),
                     (("Nationality", "INDIAN"), ("Sex", "F"), ("Date of Birth", "27/06/1994")),
                     ("Place of Birth", "COIMBATORE, TAMIL NADU"), ("Place of Issue", "COIMBATORE"),
                     (("Date of Issue", "18/06/2026"), ("Date of Expiry", "17/06/2036"))]},
    "c10": {"code": "COL", "mrz_surname": "RESTREPO<GOMEZ", "mrz_given": "JUAN<CAMILO",
            "number": "AW5182763", "dob6": "881202", "sex": "M", "exp6": "300219",
            "personal": "1037584219", "header": "REPUBLICA DE COLOMBIA / REPUBLIC OF COLOMBIA",
            "tint": (0.97, 0.94, 0.88), "wave": (0.88, 0.8, 0.7),
            "rows": [(("Tipo / Type", "P"), ("Código / Code", "COL"),
                      ("Pasaporte No. / Passport No.", "AW5182763")),
                     ("Apellidos / Surname", "RESTREPO GOMEZ"), ("Nombres / Given names", "JUAN CAMILO"),
                     (("Nacionalidad / Nationality", "COLOMBIANA"), ("Sexo / Sex", "M")),
                     (("Fecha de nacimiento / Date of birth", "02 DIC/DEC 1988"),
                      ("Lugar de nacimiento / Place of birth", "MEDELLIN")),
                     (("Fecha de expedición / Date of issue", "20 FEB/FEB 2020"),
                      ("Fecha de vencimiento / Date of expiry", "19 FEB/FEB 2030"))]},
    "c11": {"code": "PER", "mrz_surname": "QUISPE<MAMANI", "mrz_given": "ROSA<ELENA",
            "number": "120483917", "dob6": "880713", "sex": "F", "exp6": "311005",
            "personal": "41827365", "header": "REPUBLICA DEL PERU / REPUBLIC OF PERU",
            "tint": (0.95, 0.92, 0.92), "wave": (0.86, 0.76, 0.76),
            "rows": [(("Tipo / Type", "P"), ("Código / Code", "PER"),
                      ("Pasaporte N° / Passport No.", "120483917")),
                     ("Apellidos / Surname", "QUISPE MAMANI"), ("Nombres / Given names", "ROSA ELENA"),
                     (("Nacionalidad / Nationality", "PERUANA"), ("Sexo / Sex", "F")),
                     (("Fecha de nacimiento / Date of birth", "13 JUL/JUL 1988"),
                      ("Lugar de nacimiento / Place of birth", "CUSCO")),
                     (("Fecha de emisión / Date of issue", "05 OCT/OCT 2021"),
                      ("Fecha de caducidad / Date of expiry", "05 OCT/OCT 2031"))]},
    "c12": {"code": "RUS", "mrz_surname": "ZAITSEVA", "mrz_given": "MARINA", "number": "751934826",
            "dob6": "901025", "sex": "F", "exp6": "320601",
            "header": "РОССИЙСКАЯ ФЕДЕРАЦИЯ / RUSSIAN FEDERATION",
            "tint": (0.94, 0.91, 0.95), "wave": (0.82, 0.76, 0.86),
            "rows": [(("Тип / Type", "P"), ("Код / Code", "RUS"),
                      ("Номер паспорта / Passport No.", "75 1934826")),
                     ("Фамилия / Surname", "ЗАЙЦЕВА / ZAITSEVA"), ("Имя / Given names", "МАРИНА / MARINA"),
                     (("Гражданство / Nationality", "РОССИЙСКАЯ ФЕДЕРАЦИЯ / RUSSIAN FEDERATION"),),
                     (("Дата рождения / Date of birth", "25.10.1990"), ("Пол / Sex", "Ж/F")),
                     ("Место рождения / Place of birth", "НИЖЕГОРОДСКАЯ ОБЛ. / RUSSIA"),
                     (("Дата выдачи / Date of issue", "01.06.2022"),
                      ("Дата окончания срока / Date of expiry", "01.06.2032"))]},
}
MRZ: dict[str, tuple[str, str]] = {}


def case09(T: Path, S: Path, C: Path) -> None:
    """India. Renewed passport; its data page photographed on a walnut table, a glare patch over
    the upper right (the captions' area), not over the MRZ; matches the new form."""
    old, new = people.c09()
    print_pdf(T / "old.pdf", old)
    print_pdf(T / "new.pdf", new)
    sheets.refusal_214b(T / "refusal_214b.pdf", POSTS["chennai"], "cairo", "10 February 2026",
                        "KRISHNAMURTHY DIVYA", "Application ID: AA00IN3S5G")
    MRZ["c09"] = sheets.passport_page(T / "passport.pdf", PASSPORTS["c09"])
    c = "c09"
    shutil.copyfile(T / "old.pdf", S / "old.pdf")
    shutil.copyfile(T / "new.pdf", S / "new.pdf")
    office_pdf(T / "refusal_214b.pdf", S / "refusal_214b.pdf", rng(c, "letter"), [-0.3], 72)
    card = optics.rasterize(T / "passport.pdf", 400, "RGB")[0]
    im = optics.phone_photo(card, rng(c, "passport"), src_dpi=400, eff_dpi=200, keystone=0.03,
                            rot=-1.2, shadow=0.25, warm=0.9, bg="walnut", margin=0.22,
                            glare=(0.74, 0.3, 0.17, 0.15))
    optics.save_jpeg(S / "passport.jpg", im, 85)


def case10(T: Path, S: Path, C: Path) -> None:
    """Colombia. The data page's number AW5182763, both forms AW5182736; the page laid on a
    flatbed at 2.1 degrees, colour JPEG. Refusal letter: phone photo on cloth."""
    old, new = people.c10()
    print_pdf(T / "old.pdf", old)
    print_pdf(T / "new.pdf", new)
    sheets.refusal_214b(T / "refusal_214b.pdf", POSTS["bogota"], "kuwait", "March 30, 2026",
                        "RESTREPO GOMEZ JUAN CAMILO", "Application ID: AA00CO7P4L")
    MRZ["c10"] = sheets.passport_page(T / "passport.pdf", PASSPORTS["c10"])
    c = "c10"
    shutil.copyfile(T / "old.pdf", S / "old.pdf")
    shutil.copyfile(T / "new.pdf", S / "new.pdf")
    im = photos(T / "refusal_214b.pdf", rng(c, "letter"),
                [dict(eff_dpi=160, keystone=0.04, rot=1.3, shadow=0.33, warm=0.8, bg="cloth")])[0]
    optics.save_jpeg(S / "refusal_214b.jpg", im, 78)
    card = optics.rasterize(T / "passport.pdf", 300, "RGB")[0]
    bed = optics.on_scanner_bed(card, rng(c, "passport"), dpi=300, card_dpi=300, rot=2.1)
    optics.save_jpeg(S / "passport.jpg", bed, 80, 300)


def case11(T: Path, S: Path, C: Path) -> None:
    """Peru. Unchanged passport; its MRZ's birth date reads 880731 while its check digit is that
    of 880713 (the printed date and both forms): the check digit fails. Office scan, grey PNG."""
    old, new = people.c11()
    print_pdf(T / "old.pdf", old)
    print_pdf(T / "new.pdf", new)
    sheets.refusal_214b(T / "refusal_214b.pdf", POSTS["lima"], "tr", "April 8, 2026",
                        "QUISPE MAMANI ROSA ELENA", "Application ID: AA00PE5T1B")
    MRZ["c11"] = sheets.passport_page(T / "passport.pdf", PASSPORTS["c11"], broken_dob="880731")
    c = "c11"
    shutil.copyfile(T / "old.pdf", S / "old.pdf")
    shutil.copyfile(T / "new.pdf", S / "new.pdf")
    office_pdf(T / "refusal_214b.pdf", S / "refusal_214b.pdf", rng(c, "letter"), [0.5], 70)
    card = optics.rasterize(T / "passport.pdf", 300, "RGB")[0]
    bed = optics.on_scanner_bed(card, rng(c, "passport"), dpi=300, card_dpi=300, rot=0.4)
    optics.save_png(S / "passport.png", bed.convert("L"), 300)


def case12(T: Path, S: Path, C: Path) -> None:
    """Russia (clean control). New employer and income proven by a Russian справка; unchanged
    passport matches. Everything scanned clean: 300 DPI grey, q75, 0.3 deg."""
    old, new = people.c12()
    print_pdf(T / "old.pdf", old)
    print_pdf(T / "new.pdf", new)
    sheets.refusal_214b(T / "refusal_214b.pdf", POSTS["astana"], "cairo", "17 March 2026",
                        "ZAITSEVA MARINA", "Application ID: AA00RU2K7D")
    sheets.spravka_ru(T / "spravka.pdf", {
        "company": "Общество с ограниченной ответственностью «Волга Софт»",
        "reg": "ИНН 5260123456   ОГРН 1145260001234",
        "address": "603000, г. Нижний Новгород, ул. Большая Покровская, д. 18, офис 4",
        "ref": "Исх. № 214 от 02.11.2026",
        "title": "СПРАВКА С МЕСТА РАБОТЫ",
        "body": [
            "Дана Зайцевой Марине Олеговне, 25.10.1990 г.р., в том, что она действительно работает "
            "в ООО «Волга Софт» в должности ведущего аналитика с 12 мая 2026 года по настоящее "
            "время.",
            "Должностной оклад составляет 210 000 (двести десять тысяч) рублей в месяц.",
            "Справка выдана для предоставления в Посольство США.",
        ],
        "closing": ["Генеральный директор   ____________   Д.А. Соколов", "",
                    "Главный бухгалтер        ____________   Е.В. Лапина", "", "М.П."]})
    MRZ["c12"] = sheets.passport_page(T / "passport.pdf", PASSPORTS["c12"])
    c = "c12"
    shutil.copyfile(T / "old.pdf", S / "old.pdf")
    shutil.copyfile(T / "new.pdf", S / "new.pdf")
    office_pdf(T / "refusal_214b.pdf", S / "refusal_214b.pdf", rng(c, "letter"), [0.3], 75)
    office_pdf(T / "spravka.pdf", S / "spravka.pdf", rng(c, "spravka"), [-0.3], 75)
    card = optics.rasterize(T / "passport.pdf", 300, "RGB")[0]
    bed = optics.on_scanner_bed(card, rng(c, "passport"), dpi=300, card_dpi=300, rot=0.3)
    optics.save_jpeg(S / "passport.jpg", bed.convert("L"), 75, 300)


CASES = [
    ("c01-mn-old-print-office-scan-q68-visit-dropped", case01),
    ("c02-ph-old-print-phone-photos-keystone-father-dob-221g-checklist", case02),
    ("c03-ua-old-print-second-gen-photocopy-social-dropped-post-changed", case03),
    ("c04-kg-old-print-fax-g4-fine-hidden-refusal-too-soon", case04),
    ("c05-vn-old-print-low-ink-employer-dates-arrest-reversed", case05),
    ("c06-tr-old-print-scan-skew15-221g-admin-photo-hidden", case06),
    ("c07-ng-control-employment-letter-scan-supports", case07),
    ("c08-kz-spravka-heic-other-employer-contradicts", case08),
    ("c09-in-passport-photo-glare-renewal-matches", case09),
    ("c10-co-passport-flatbed-rotated-number-contradicts", case10),
    ("c11-pe-passport-broken-check-digit-not-trusted", case11),
    ("c12-ru-control-clean-office-scans", case12),
]


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__.strip().splitlines()[0], file=sys.stderr)
        return 2
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    for slug, build in CASES:
        case_dir = out / slug
        if case_dir.exists():
            shutil.rmtree(case_dir)
        (case_dir / "text").mkdir(parents=True)
        (case_dir / "scan").mkdir(parents=True)
        t = time.perf_counter()
        build(case_dir / "text", case_dir / "scan", case_dir)
        print(f"{slug}: {time.perf_counter() - t:.1f} s", flush=True)
    for k, (l1, l2) in sorted(MRZ.items()):
        print(f"{k} MRZ: {l1} / {l2}")
    print(f"done in {time.perf_counter() - t0:.1f} s -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
