"""Generate the third held-out scan set: ``python benchmarks/heldout_scans_3/gen.py OUT``.

Writes, for each case of the design below, ``OUT/<case>/text/`` (every document as a text PDF)
and ``OUT/<case>/scan/`` (the same documents, those the client has only on paper as scans or
photos), plus ``OUT/<case>/old.fields.json`` for a case whose old print-out is only a scan.
Deterministic: each case has its own seed. Every person, company, number and address is made
up. ``cases.json`` (the expected answers) was written by hand from this design, not by this
script.
"""

from __future__ import annotations

import copy
import json
import shutil
import sys
import zlib
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import degrade as dg  # noqa: E402
import docs  # noqa: E402

# --- people --------------------------------------------------------------------------------------


def base(country: str, **kw) -> dict:
    a = {
        "country": country, "sex": "MALE", "marital": "MARRIED", "birth_state": None,
        "stay": "2 WEEK(S)", "visits": [], "visa": None, "refused": None, "native": None,
    }
    a.update(kw)
    return a


TJ1 = base(
    "TAJIKISTAN", surnames="NAZAROV", given_names="FIRUZ", native="НАЗАРОВ ФИРУЗ ДАВЛАТОВИЧ",
    dob="1987-06-14", birth_city="KHUJAND", national_id="4120087614",
    street="KUCHAI RUDAKI 14, KV. 9", city="DUSHANBE", postal="734025",
    phone="+992 93 555 0147", work_phone="+992 37 221 0190", email="FIRUZ.NAZAROV87@EXAMPLE.COM",
    social=("FACEBOOK", "FIRUZ.NAZAROV.87"), passport="A05583916", passport_city="DUSHANBE",
    passport_issued="2021-03-10", passport_expires="2031-03-09", arrival="2026-04-20",
    us_address="1420 W LAKE ST APT 3, CHICAGO, IL 60607",
    contact=("SAIDOV", "RUSTAM", "FRIEND", "1420 W LAKE ST APT 3", "CHICAGO", "ILLINOIS", "60607",
             "3125550186"),
    father=("NAZAROV", "DAVLAT", "1958-02-03"), mother=("NAZAROVA", "MALIKA", "1961-11-20"),
    spouse=("NAZAROVA", "ZARINA", "1990-04-25", "DUSHANBE"),
    work={"occupation": "ENGINEERING", "employer": "PAMIR ENERGY SERVICES LLC",
          "address": "AYNI STREET 48", "city": "DUSHANBE", "start": "2019-05-01",
          "income": "9800", "duties": "I PLAN MAINTENANCE OF HYDROPOWER SUBSTATIONS AND LEAD A "
          "TEAM OF SIX TECHNICIANS."},
    previous=[{"name": "TALCO SERVICE OJSC", "address": "LENIN STREET 1", "city": "TURSUNZADE",
               "phone": "+992 3130 22210", "title": "ELECTRICAL TECHNICIAN",
               "sup": ("KARIMOV", "BAHROM"), "from": "2012-08-01", "to": "2019-04-15",
               "duties": "REPAIR OF ELECTRICAL EQUIPMENT."}],
    school=("TAJIK TECHNICAL UNIVERSITY", "ACADEMICIANS RAJABOVS AVE 10", "DUSHANBE",
            "ELECTRICAL ENGINEERING", "2005-09-01", "2010-06-30"),
    languages=["TAJIK", "RUSSIAN", "ENGLISH"], countries=["RUSSIA", "TURKEY", "UNITED ARAB EMIRATES"],
)

AZ1 = base(
    "AZERBAIJAN", sex="FEMALE", marital="SINGLE", surnames="MAMMADOVA", given_names="LEYLA",
    native="MƏMMƏDOVA LEYLA ARİF QIZI", dob="1991-12-09", birth_city="GANJA",
    national_id="5ZK7T2M", street="NIZAMI STREET 112, APT 27", city="BAKU", postal="AZ1010",
    phone="+994 50 555 2381", work_phone="+994 12 555 7710", email="LEYLA.MAMMADOVA91@EXAMPLE.COM",
    social=("INSTAGRAM", "LEYLA.M.BAKU"), passport="C02758134", passport_city="BAKU",
    passport_issued="2022-07-18", passport_expires="2032-07-17", arrival="2026-05-10",
    us_address="88 PINE ST, NEW YORK, NY 10005",
    contact=("ALIYEVA", "NARGIZ", "FRIEND", "88 PINE ST", "NEW YORK", "NEW YORK", "10005",
             "2125550143"),
    father=("MAMMADOV", "ARIF", "1960-05-30"), mother=("MAMMADOVA", "SEVINJ", "1964-08-14"),
    work={"occupation": "BUSINESS", "employer": "CASPIAN DATA SOLUTIONS LLC",
          "address": "UZEYIR HAJIBEYLI STREET 61", "city": "BAKU", "start": "2020-02-03",
          "income": "2400", "duties": "FINANCIAL ANALYST: BUDGETS AND MONTHLY REPORTS FOR CLIENTS."},
    previous=[{"name": "KAPITAL INVEST LLC", "address": "FUZULI STREET 49", "city": "BAKU",
               "phone": "+994 12 555 3300", "title": "JUNIOR ACCOUNTANT",
               "sup": ("HASANOV", "ELCHIN"), "from": "2014-09-01", "to": "2020-01-20",
               "duties": "BOOKKEEPING AND TAX FILINGS."}],
    school=("AZERBAIJAN STATE UNIVERSITY OF ECONOMICS", "ISTIGLALIYYAT STREET 6", "BAKU",
            "FINANCE", "2009-09-15", "2013-06-30"),
    languages=["AZERBAIJANI", "RUSSIAN", "ENGLISH"], countries=["TURKEY", "GEORGIA"],
)

MN1 = base(
    "MONGOLIA", surnames="BATBAYAR", given_names="OYUNCHIMEG", sex="FEMALE",
    native="БАТБАЯР ОЮУНЧИМЭГ", dob="1989-02-27", birth_city="DARKHAN",
    national_id="UB89022714", street="BAGA TOIRUU 17-42", city="ULAANBAATAR", postal="14200",
    state="SUKHBAATAR DISTRICT",
    phone="+976 9911 5528", work_phone="+976 7011 4420", email="OYUNCHIMEG.B@EXAMPLE.COM",
    social=("FACEBOOK", "OYUNCHIMEG.BATBAYAR"), passport="E1847263", passport_city="ULAANBAATAR",
    passport_issued="2020-10-05", passport_expires="2030-10-04", arrival="2026-06-01",
    us_address="2210 SE HAWTHORNE BLVD, PORTLAND, OR 97214",
    contact=("GANBOLD", "TUVSHIN", "RELATIVE", "2210 SE HAWTHORNE BLVD", "PORTLAND", "OREGON",
             "97214", "5035550172"),
    father=("BATBAYAR", "DORJ", "1957-07-11"), mother=("TSERENDULAM", "NYAMAA", "1962-03-02"),
    spouse=("ENKHBOLD", "GANZORIG", "1986-12-19", "ERDENET"),
    work={"occupation": "MEDICAL/HEALTH", "employer": "SONGDO HOSPITAL LLC",
          "address": "CHINGGIS AVENUE 5", "city": "ULAANBAATAR", "start": "2022-09-01",
          "income": "3800000", "duties": "PHARMACIST: DISPENSING AND STOCK CONTROL."},
    previous=[{"name": "MONOS PHARM TRADE LLC", "address": "PEACE AVENUE 54", "city": "ULAANBAATAR",
               "phone": "+976 7575 1100", "title": "PHARMACIST", "sup": ("DAVAA", "BOLOR"),
               "from": "2019-03-01", "to": "2022-08-15", "duties": "RETAIL PHARMACY WORK."},
              {"name": "DARKHAN CITY GENERAL HOSPITAL", "address": "8TH KHOROO", "city": "DARKHAN",
               "phone": "+976 7037 2201", "title": "ASSISTANT PHARMACIST",
               "sup": ("SUKHBAT", "NARAN"), "from": "2013-07-01", "to": "2019-02-20",
               "duties": "HOSPITAL DISPENSARY."}],
    school=("MONGOLIAN NATIONAL UNIVERSITY OF MEDICAL SCIENCES", "ZORIG STREET 3", "ULAANBAATAR",
            "PHARMACY", "2007-09-01", "2012-06-15"),
    languages=["MONGOLIAN", "ENGLISH"], countries=["KOREA, REPUBLIC OF (SOUTH)", "CHINA"],
)

GE1 = base(
    "GEORGIA", surnames="BERIDZE", given_names="NINO", sex="FEMALE", marital="DIVORCED",
    native="ბერიძე ნინო", dob="1985-10-03", birth_city="KUTAISI", national_id="01008034517",
    street="CHAVCHAVADZE AVENUE 33, APT 14", city="TBILISI", postal="0179",
    phone="+995 599 55 41 07", work_phone="+995 32 255 1840", email="NINO.BERIDZE85@EXAMPLE.COM",
    social=("FACEBOOK", "NINO.BERIDZE.TBS"), passport="17AB40612", passport_city="TBILISI",
    passport_issued="2019-05-22", passport_expires="2029-05-21", arrival="2026-03-15",
    us_address="455 MASSACHUSETTS AVE, BOSTON, MA 02118",
    contact=("KAPANADZE", "LEVAN", "FRIEND", "455 MASSACHUSETTS AVE", "BOSTON", "MASSACHUSETTS",
             "02118", "6175550119"),
    father=("BERIDZE", "GIORGI", "1955-01-17"), mother=("BERIDZE", "MANANA", "1958-06-09"),
    work={"occupation": "EDUCATION", "employer": "TBILISI PUBLIC SCHOOL NO 51",
          "address": "VAZHA-PSHAVELA AVENUE 20", "city": "TBILISI", "start": "2011-09-01",
          "income": "1450", "duties": "TEACHER OF ENGLISH LANGUAGE FOR GRADES 7 TO 12."},
    previous=[],
    school=("KUTAISI AKAKI TSERETELI STATE UNIVERSITY", "TAMAR MEPE STREET 59", "KUTAISI",
            "ENGLISH PHILOLOGY", "2002-09-15", "2007-06-30"),
    languages=["GEORGIAN", "ENGLISH", "RUSSIAN"], countries=["TURKEY", "GERMANY"],
    refused="REFUSED B1/B2 VISA AT THE U.S. EMBASSY IN TBILISI IN JUNE 2019 UNDER SECTION 214(B).",
)

AM1 = base(
    "ARMENIA", surnames="PETROSYAN", given_names="ARMEN", native="ՊԵՏՐՈՍՅԱՆ ԱՐՄԵՆ",
    dob="1983-04-21", birth_city="GYUMRI", national_id="AR0427183",
    street="TUMANYAN STREET 27, APT 6", city="YEREVAN", postal="0002",
    phone="+374 91 555 208", work_phone="+374 10 555 614", email="ARMEN.PETROSYAN83@EXAMPLE.COM",
    social=("LINKEDIN", "ARMEN-PETROSYAN-YVN"), passport="AU0613598", passport_city="YEREVAN",
    passport_issued="2023-01-12", passport_expires="2033-01-11", arrival="2026-07-05",
    us_address="5120 HOLLYWOOD BLVD, LOS ANGELES, CA 90027",
    contact=("HAKOBYAN", "ARAM", "RELATIVE", "5120 HOLLYWOOD BLVD", "LOS ANGELES", "CALIFORNIA",
             "90027", "3235550164"),
    father=("PETROSYAN", "VAZGEN", "1954-09-08"), mother=("PETROSYAN", "ANAHIT", "1957-12-01"),
    spouse=("PETROSYAN", "LILIT", "1986-02-14", "YEREVAN"),
    work={"occupation": "BUSINESS", "employer": "ARARAT STONE WORKS LLC",
          "address": "ARSHAKUNYATS AVENUE 34", "city": "YEREVAN", "start": "2016-03-01",
          "income": "720000", "duties": "OWNER AND DIRECTOR OF A STONE CUTTING WORKSHOP WITH "
          "14 EMPLOYEES."},
    previous=[{"name": "YEREVAN CONSTRUCTION TRUST CJSC", "address": "KOMITAS AVENUE 49",
               "city": "YEREVAN", "phone": "+374 10 555 120", "title": "SITE ENGINEER",
               "sup": ("SARGSYAN", "TIGRAN"), "from": "2007-06-01", "to": "2016-02-15",
               "duties": "CONSTRUCTION SITE SUPERVISION."}],
    school=("NATIONAL UNIVERSITY OF ARCHITECTURE AND CONSTRUCTION OF ARMENIA", "TERYAN STREET 105",
            "YEREVAN", "CIVIL ENGINEERING", "2000-09-01", "2005-06-30"),
    languages=["ARMENIAN", "RUSSIAN"], countries=["GEORGIA", "FRANCE", "IRAN"],
)

KZ1 = base(
    "KAZAKHSTAN", surnames="ZHAKUPOV", given_names="ERLAN", native="ЖАКУПОВ ЕРЛАН НУРЛАНОВИЧ",
    dob="1990-08-19", birth_city="KARAGANDA", national_id="900819301245",
    street="MAILIN STREET 31, APT 104", city="ASTANA", postal="010000",
    phone="+7 701 555 3149", work_phone="+7 7172 55 0122", email="ERLAN.ZHAKUPOV90@EXAMPLE.COM",
    social=("INSTAGRAM", "ERLAN_ZH_90"), passport="N13370482", passport_city="ASTANA",
    passport_issued="2021-11-30", passport_expires="2031-11-29", arrival="2026-05-18",
    us_address="700 BRICKELL AVE, MIAMI, FL 33131",
    contact=("OMAROV", "DAUREN", "FRIEND", "700 BRICKELL AVE", "MIAMI", "FLORIDA", "33131",
             "3055550127"),
    father=("ZHAKUPOV", "NURLAN", "1962-03-15"), mother=("ZHAKUPOVA", "GULNARA", "1965-10-07"),
    spouse=("ZHAKUPOVA", "ASEL", "1993-01-29", "ASTANA"),
    work={"occupation": "ENGINEERING", "employer": "QAZAQ TELECOM SERVICE LLP",
          "address": "KABANBAY BATYR AVENUE 11", "city": "ASTANA", "start": "2017-06-12",
          "income": "540000", "duties": "NETWORK ENGINEER FOR FIBRE LINES IN THE CAPITAL."},
    previous=[{"name": "KARAGANDA CABLE LLP", "address": "BUKHAR ZHYRAU AVENUE 3",
               "city": "KARAGANDA", "phone": "+7 7212 55 0170", "title": "TECHNICIAN",
               "sup": ("SMAGULOV", "ASKAR"), "from": "2012-07-01", "to": "2017-05-31",
               "duties": "CABLE INSTALLATION."}],
    school=("KARAGANDA TECHNICAL UNIVERSITY", "NURSULTAN NAZARBAYEV AVENUE 56", "KARAGANDA",
            "TELECOMMUNICATIONS", "2008-09-01", "2012-06-20"),
    languages=["KAZAKH", "RUSSIAN", "ENGLISH"], countries=["TURKEY", "THAILAND"],
)

UZ1 = base(
    "UZBEKISTAN", surnames="KHOLMATOV", given_names="SHERZOD", native="ХОЛМАТОВ ШЕРЗОД ОЛИМОВИЧ",
    dob="1986-11-05", birth_city="SAMARKAND", national_id="30511860240031",
    street="AMIR TEMUR STREET 88, APT 15", city="TASHKENT", postal="100084",
    phone="+998 90 555 6614", work_phone="+998 71 555 2090", email="SHERZOD.KH86@EXAMPLE.COM",
    social=("TELEGRAM", "SHERZOD_KH"), passport="FA2239087", passport_city="TASHKENT",
    passport_issued="2022-04-14", passport_expires="2032-04-13", arrival="2026-04-25",
    us_address="1601 MARKET ST, PHILADELPHIA, PA 19103",
    contact=("YUSUPOV", "BOBUR", "BUSINESS ASSOCIATE", "1601 MARKET ST", "PHILADELPHIA",
             "PENNSYLVANIA", "19103", "2155550189"),
    father=("KHOLMATOV", "OLIM", "1959-04-22"), mother=("KHOLMATOVA", "DILBAR", "1963-06-30"),
    spouse=("KHOLMATOVA", "NILUFAR", "1989-09-17", "TASHKENT"),
    work={"occupation": "BUSINESS", "employer": "SAMARQAND TEXTILE EXPORT LLC",
          "address": "BUYUK IPAK YOLI STREET 150", "city": "TASHKENT", "start": "2018-01-15",
          "income": "14500000", "duties": "EXPORT MANAGER FOR COTTON YARN SALES TO EUROPE."},
    previous=[{"name": "UZTEX GROUP JSC", "address": "MUSTAQILLIK AVENUE 59", "city": "TASHKENT",
               "phone": "+998 71 555 4400", "title": "SALES ASSISTANT", "sup": ("RAHIMOV", "AKMAL"),
               "from": "2010-08-01", "to": "2017-12-29", "duties": "SALES CONTRACTS."}],
    school=("TASHKENT STATE UNIVERSITY OF ECONOMICS", "ISLAM KARIMOV STREET 49", "TASHKENT",
            "INTERNATIONAL TRADE", "2004-09-01", "2008-06-30"),
    languages=["UZBEK", "RUSSIAN", "ENGLISH"], countries=["TURKEY", "GERMANY", "ITALY"],
)

KZ2 = base(
    "KAZAKHSTAN", surnames="SEITKALI", given_names="AIDANA", sex="FEMALE", marital="SINGLE",
    native="СЕЙТКАЛИ АЙДАНА МАРАТОВНА", dob="1992-04-12", birth_city="TALDYKORGAN",
    national_id="920412450377", street="TOLE BI STREET 210, APT 58", city="ALMATY",
    postal="050000", phone="+7 707 555 8120", work_phone="+7 727 355 0140",
    email="AIDANA.SEITKALI@EXAMPLE.COM", social=("INSTAGRAM", "AIDANA.SEITKALI"),
    passport="N15902376", passport_city="ALMATY", passport_issued="2023-02-20",
    passport_expires="2033-02-19", arrival="2026-05-03",
    us_address="1000 4TH AVE, SEATTLE, WA 98104",
    contact=("NURMAGAMBETOVA", "ZHANNA", "FRIEND", "1000 4TH AVE", "SEATTLE", "WASHINGTON", "98104",
             "2065550133"),
    father=("SEITKALI", "MARAT", "1964-12-02"), mother=("SEITKALI", "SAULE", "1967-05-19"),
    work={"occupation": "BUSINESS", "employer": "ALMATY FRESH MARKET LLP",
          "address": "RAIYMBEK AVENUE 118", "city": "ALMATY", "start": "2018-10-01",
          "income": "310000", "duties": "PURCHASING ASSISTANT FOR A FOOD WHOLESALER."},
    previous=[],
    school=("AL-FARABI KAZAKH NATIONAL UNIVERSITY", "AL-FARABI AVENUE 71", "ALMATY", "LOGISTICS",
            "2010-09-01", "2014-06-25"),
    languages=["KAZAKH", "RUSSIAN", "ENGLISH"], countries=["UNITED ARAB EMIRATES", "CHINA"],
)

TJ2 = base(
    "TAJIKISTAN", surnames="SHARIPOV", given_names="DALER", native="ШАРИПОВ ДАЛЕР ИСМОИЛОВИЧ",
    dob="1990-01-03", birth_city="KULOB", national_id="3690010399", marital="MARRIED",
    street="SOMONI AVENUE 59, APT 31", city="DUSHANBE", postal="734024",
    phone="+992 90 555 2716", work_phone="+992 37 555 0808", email="DALER.SHARIPOV90@EXAMPLE.COM",
    social=("FACEBOOK", "DALER.SHARIPOV.90"), passport="A04471925", passport_city="DUSHANBE",
    passport_issued="2020-06-17", passport_expires="2030-06-16", arrival="2026-06-12",
    us_address="300 N LA SALLE DR, CHICAGO, IL 60654",
    contact=("RAHMONOV", "FARRUKH", "FRIEND", "300 N LA SALLE DR", "CHICAGO", "ILLINOIS", "60654",
             "3125550150"),
    father=("SHARIPOV", "ISMOIL", "1961-08-25"), mother=("SHARIPOVA", "GULRUKH", "1965-02-11"),
    spouse=("SHARIPOVA", "MADINA", "1993-07-08", "DUSHANBE"),
    work={"occupation": "BUSINESS", "employer": "DUSHANBE AUTO PARTS LLC",
          "address": "BOKHTAR STREET 12", "city": "DUSHANBE", "start": "2015-04-01",
          "income": "5200", "duties": "SALES MANAGER OF A CAR PARTS SHOP."},
    previous=[],
    school=("RUSSIAN-TAJIK SLAVONIC UNIVERSITY", "M. TURSUNZODA STREET 30", "DUSHANBE",
            "ECONOMICS", "2007-09-01", "2012-06-30"),
    languages=["TAJIK", "RUSSIAN", "ENGLISH"], countries=["RUSSIA", "UNITED ARAB EMIRATES"],
)

MN2 = base(
    "MONGOLIA", surnames="GANBAATAR", given_names="TEMUULEN", native="ГАНБААТАР ТЭМҮҮЛЭН",
    dob="1994-05-16", birth_city="ULAANBAATAR", national_id="CD94051612", marital="SINGLE",
    street="SEOUL STREET 21-8", city="ULAANBAATAR", postal="14251", state="CHINGELTEI DISTRICT",
    phone="+976 8812 3304", work_phone="+976 7700 1515", email="TEMUULEN.G94@EXAMPLE.COM",
    social=("FACEBOOK", "TEMUULEN.GANBAATAR"), passport="E0962154", passport_city="ULAANBAATAR",
    passport_issued="2016-03-09", passport_expires="2026-03-08", arrival="2026-03-01",
    us_address="1 MARKET ST, SAN FRANCISCO, CA 94105",
    contact=("BOLD", "ANAR", "FRIEND", "1 MARKET ST", "SAN FRANCISCO", "CALIFORNIA", "94105",
             "4155550171"),
    father=("GANBAATAR", "BAT-ERDENE", "1966-11-04"), mother=("OTGON", "SARANGEREL", "1969-04-28"),
    work={"occupation": "COMPUTER SCIENCE", "employer": "UNITEL LLC",
          "address": "CHINGGIS AVENUE 3", "city": "ULAANBAATAR", "start": "2018-08-20",
          "income": "4200000", "duties": "SOFTWARE DEVELOPER FOR BILLING SYSTEMS."},
    previous=[],
    school=("MONGOLIAN UNIVERSITY OF SCIENCE AND TECHNOLOGY", "8TH KHOROO, BAGA TOIRUU 34",
            "ULAANBAATAR", "COMPUTER SCIENCE", "2012-09-01", "2016-06-15"),
    languages=["MONGOLIAN", "ENGLISH", "KOREAN"], countries=["KOREA, REPUBLIC OF (SOUTH)", "JAPAN"],
)

AZ2 = base(
    "AZERBAIJAN", surnames="GULIYEV", given_names="RASHAD", native="QULİYEV RƏŞAD ELDAR OĞLU",
    dob="1988-03-27", birth_city="SUMGAIT", national_id="6HK2R9P", marital="MARRIED",
    street="ATATURK AVENUE 44, APT 71", city="BAKU", postal="AZ1069",
    phone="+994 55 555 9012", work_phone="+994 12 555 4022", email="RASHAD.GULIYEV88@EXAMPLE.COM",
    social=("LINKEDIN", "RASHAD-GULIYEV"), passport="C03914826", passport_city="BAKU",
    passport_issued="2021-09-01", passport_expires="2031-08-31", arrival="2026-06-20",
    us_address="1200 MAIN ST, HOUSTON, TX 77002",
    contact=("HUSEYNOV", "ORKHAN", "FRIEND", "1200 MAIN ST", "HOUSTON", "TEXAS", "77002",
             "7135550115"),
    father=("GULIYEV", "ELDAR", "1960-10-10"), mother=("GULIYEVA", "AYTAN", "1963-01-05"),
    spouse=("GULIYEVA", "KONUL", "1990-12-12", "BAKU"),
    work={"occupation": "ENGINEERING", "employer": "ABSHERON DRILLING SERVICES LLC",
          "address": "NEFTCHILAR AVENUE 153", "city": "BAKU", "start": "2014-05-05",
          "income": "3900", "duties": "DRILLING ENGINEER ON OFFSHORE PLATFORMS."},
    previous=[],
    school=("AZERBAIJAN STATE OIL AND INDUSTRY UNIVERSITY", "AZADLIQ AVENUE 20", "BAKU",
            "PETROLEUM ENGINEERING", "2005-09-15", "2010-06-30"),
    languages=["AZERBAIJANI", "RUSSIAN", "ENGLISH"], countries=["TURKEY", "NORWAY"],
)

GE2 = base(
    "GEORGIA", surnames="GELASHVILI", given_names="TAMAR", native="გელაშვილი თამარ", sex="FEMALE",
    marital="MARRIED", dob="1993-07-22", birth_city="TBILISI", national_id="01024072931",
    street="PEKINI AVENUE 12, APT 40", city="TBILISI", postal="0160",
    phone="+995 577 55 20 19", work_phone="+995 32 255 0913", email="TAMAR.GELASHVILI@EXAMPLE.COM",
    social=("FACEBOOK", "TAMAR.GELASHVILI.93"), passport="20CD15847", passport_city="TBILISI",
    passport_issued="2020-12-03", passport_expires="2030-12-02", arrival="2026-05-25",
    us_address="2000 PENNSYLVANIA AVE NW, WASHINGTON, DC 20006",
    contact=("MELIKIDZE", "DAVIT", "FRIEND", "2000 PENNSYLVANIA AVE NW", "WASHINGTON",
             "DISTRICT OF COLUMBIA", "20006", "2025550190"),
    father=("KHURTSIDZE", "ZURAB", "1962-02-18"), mother=("KHURTSIDZE", "ETERI", "1965-09-30"),
    spouse=("GELASHVILI", "NIKA", "1990-03-04", "TBILISI"),
    work={"occupation": "BUSINESS", "employer": "GEORGIAN WINE ROUTES LLC",
          "address": "LESELIDZE STREET 8", "city": "TBILISI", "start": "2017-03-01",
          "income": "1700", "duties": "TOUR COORDINATOR FOR WINE TOURS IN KAKHETI."},
    previous=[],
    school=("TBILISI STATE UNIVERSITY", "CHAVCHAVADZE AVENUE 1", "TBILISI", "TOURISM",
            "2010-09-15", "2014-06-30"),
    languages=["GEORGIAN", "ENGLISH", "RUSSIAN"], countries=["TURKEY", "ARMENIA"],
)


def app_id(seed: int) -> str:
    rng = np.random.default_rng(seed)
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"
    return "AA00" + "".join(alphabet[int(i)] for i in rng.integers(0, len(alphabet), 6))


def forms(person: dict, seed: int, old_print: str, new_print: str, refusal_note: str | None):
    """The old form and a first copy of the new one (honest: the refusal disclosed)."""
    old = copy.deepcopy(person)
    old["app_id"] = app_id(seed)
    old["printed"] = (old_print, "3:12 PM")
    new = copy.deepcopy(person)
    new["app_id"] = app_id(seed + 1)
    new["printed"] = (new_print, "10:47 AM")
    y, m, _ = (int(x) for x in new_print.split("-"))
    y, m = (y + 1, m - 10) if m > 10 else (y, m + 2)  # about two months after the print
    new["arrival"] = f"{y}-{m:02d}-15"
    if refusal_note:
        prior = person.get("refused")
        new["refused"] = (prior + " " if prior else "") + refusal_note
    return old, new


# --- letters -------------------------------------------------------------------------------------

def embassy_head(city: str, country: str) -> list[str]:
    return [f"Embassy of the United States of America", f"{city}, {country}",
            "Consular Section - Nonimmigrant Visa Unit"]


def letter_214b_a(city, country, date, name, case_no) -> dict:
    # paraphrased after the U.S. Embassy Managua page "Immigration Laws - Sections 214(b) & 221(g)"
    return {"title": "214(b)", "head": embassy_head(city, country), "date": date,
            "ref": f"Case No.: {case_no}", "to": [f"Applicant: {name}"],
            "subject": "Notice of Visa Refusal - Section 214(b)",
            "body": [
                "Thank you for applying for a nonimmigrant visa. We regret that we are unable to "
                "issue you a visa today: you have been found ineligible under Section 214(b) of "
                "the Immigration and Nationality Act.",
                "Section 214(b) requires every applicant for a temporary visa to show that he or "
                "she qualifies for the category applied for and keeps a residence abroad with no "
                "intention of abandoning it. You did not show sufficient family, social, economic "
                "or other ties outside the United States to establish that your stay there would "
                "be temporary.",
                "There is no appeal from this decision. You may apply again when your "
                "circumstances have changed in a significant way; a new application form, a new "
                "fee and a new interview will then be needed."],
            "sign": ["Sincerely,", "", "Consular Officer"]}


def letter_214b_b(city, country, date, name, case_no) -> dict:
    # paraphrased after kw.usembassy.gov "Refused - 214B" (Kuwait)
    return {"title": "Refused 214B", "head": embassy_head(city, country), "date": date,
            "ref": f"Ref: {case_no}", "to": ["Dear Applicant,"], "font": "serif",
            "subject": "YOUR VISA APPLICATION HAS BEEN REFUSED",
            "body": [
                f"Your application for a U.S. visa, made on behalf of {name}, has been REFUSED.",
                "The consular officer found you ineligible for a nonimmigrant visa under Section "
                "214(b) of the U.S. Immigration and Nationality Act. Under that section every "
                "applicant is presumed to be an intending immigrant unless he or she satisfies the "
                "officer that economic, family and social ties outside the United States are "
                "strong enough to ensure departure at the end of the authorized stay.",
                "No appeal is possible. You are not barred from applying again, but unless you can "
                "show new and compelling ties outside the United States a different result is "
                "unlikely. Should you reapply, you must book a new interview and pay a new "
                "application fee."],
            "sign": ["Nonimmigrant Visa Section"]}


def letter_221g_ap(city, country, date, name, case_no) -> dict:
    # paraphrased after ustraveldocs.com/ph "221(g) - Applications Pending Further Action" and
    # ie.usembassy.gov "Administrative Processing"
    return {"title": "221(g)", "head": embassy_head(city, country), "date": date,
            "ref": f"Case Number: {case_no}", "to": ["Dear Visa Applicant,", name],
            "subject": "Section 221(g) of the Immigration and Nationality Act",
            "body": [
                "Your application for a nonimmigrant visa has been refused under Section 221(g) "
                "of the Immigration and Nationality Act, pending further administrative "
                "processing. Action on your case is suspended until this processing is completed.",
                "Most administrative processing is completed within 60 days of the interview, but "
                "the time needed depends on the individual case and may be longer. Please wait at "
                "least 60 days from the date of your interview before asking about the status of "
                "your case.",
                "The Nonimmigrant Visa Unit will contact you by e-mail when it is able to proceed. "
                "Do not send your passport until you are asked to do so. You do not need to "
                "submit a new application or pay a new fee."],
            "sign": ["Consular Officer", "Nonimmigrant Visa Unit"]}


def letter_221g_docs(city, country, date, name, case_no) -> dict:
    # paraphrased after the U.S. Embassy Port-au-Prince page "Application Refused Under INA 221(g)"
    # and the ustraveldocs 221(g) page (12 months to submit documents)
    return {"title": "221(g) documents", "head": embassy_head(city, country), "date": date,
            "ref": f"Case No.: {case_no}", "to": [f"Applicant: {name}"],
            "subject": "Refusal under Section 221(g) INA - Additional Documents Required",
            "body": [
                "Your visa application has been refused under Section 221(g) of the Immigration "
                "and Nationality Act because essential information is missing from it. The "
                "consular officer needs the items marked with an X below before a decision can be "
                "made.",
                "Please submit the marked items within 12 months of your interview date. If they "
                "are not received within one year, the application is terminated and a new "
                "application and fee will be required."],
            "boxes": [(True, "Letter from your employer stating your position, date of hire and "
                             "monthly salary"),
                      (True, "Bank statements of the last six months"),
                      (False, "Original birth certificates of your children"),
                      (False, "Your case requires administrative processing; no documents are "
                              "needed from you at this time")],
            "sign": ["Consular Officer"]}


# --- the cases -----------------------------------------------------------------------------------

def write_print(a: dict, case_dir: Path, stem: str) -> Path:
    p = case_dir / "text" / f"{stem}.pdf"
    docs.render_print(a, p)
    return p


def rng_for(case: str) -> np.random.Generator:
    return np.random.default_rng(zlib.crc32(case.encode()))


def build(out: Path) -> list[str]:
    made = []

    def case(name):
        d = out / name
        if d.exists():
            shutil.rmtree(d)
        (d / "text").mkdir(parents=True)
        (d / "scan").mkdir(parents=True)
        made.append(name)
        return d, rng_for(name)

    def copy_text(d, *names):
        for n in names:
            shutil.copy(d / "text" / n, d / "scan" / n)

    def letter(d, stem, spec):
        docs.render_letter(spec, d / "text" / f"{stem}.pdf")
        return d / "text" / f"{stem}.pdf"

    def golden(d, a):
        (d / "old.fields.json").write_text(json.dumps({"fields": docs.golden_fields(a)}, indent=1,
                                                      ensure_ascii=False) + "\n", encoding="utf-8")

    # c01: Tajik, old print-out only as a 300 DPI grey flatbed scan tilted 1.4 degrees;
    # the new form drops the 2023 U.S. visit (and says NO to "ever been in the U.S.").
    d, rng = case("c01-tj-old-print-flatbed-tilt-visit-dropped")
    p = dict(TJ1, visits=[("2023-05-08", "12 DAY(S)")], visa=("2023-04-11", "31884472"))
    old, new = forms(p, 101, "2025-12-09", "2026-08-18",
                     "REFUSED UNDER SECTION 214(B) AT THE U.S. EMBASSY IN DUSHANBE ON 19 FEBRUARY 2026.")
    new["visits"] = []
    write_print(old, d, "old")
    write_print(new, d, "new")
    letter(d, "refusal_214b", letter_214b_a("Dushanbe", "Tajikistan", "19 February 2026",
                                            "NAZAROV FIRUZ", "DSH2026-0219-0412"))
    pages = [dg.flatbed_grey(im, rng, 1.4) for im in dg.render_pages(d / "text" / "old.pdf", 300)]
    dg.save_pdf(pages, d / "scan" / "old.pdf", 300)
    copy_text(d, "new.pdf", "refusal_214b.pdf")
    golden(d, old)

    # c02: Azerbaijani, old print-out a 200 DPI colour scan with heavy JPEG artefacts; the new
    # form has day and month of the date of birth swapped (09 DECEMBER -> 12 SEPTEMBER 1991).
    d, rng = case("c02-az-old-print-colour-jpeg-dob-changed")
    old, new = forms(AZ1, 201, "2026-01-14", "2026-07-29",
                     "REFUSED UNDER SECTION 221(G) FOR ADMINISTRATIVE PROCESSING AT THE U.S. "
                     "EMBASSY IN BAKU ON 03 MARCH 2026.")
    new["dob"] = "1991-09-12"
    write_print(old, d, "old")
    write_print(new, d, "new")
    letter(d, "refusal_221g", letter_221g_ap("Baku", "Azerbaijan", "03 March 2026",
                                             "MAMMADOVA LEYLA", "BKU2026-0303-1187"))
    pages = [dg.colour_jpeg(im, rng, 38) for im in dg.render_pages(d / "text" / "old.pdf", 200)]
    dg.save_pdf(pages, d / "scan" / "old.pdf", 200, jpeg_quality=45)
    copy_text(d, "new.pdf", "refusal_221g.pdf")
    golden(d, old)

    # c03: Mongolian, old print-out photographed page by page on a table with a phone (JPEG
    # pages gathered in one PDF, as phone scanner apps save them); the 214(b) letter photographed
    # too; the new form drops the 2019-2022 employer MONOS PHARM TRADE LLC.
    d, rng = case("c03-mn-old-print-phone-photos-employer-dropped")
    old, new = forms(MN1, 301, "2026-01-22", "2026-09-08",
                     "REFUSED UNDER SECTION 214(B) AT THE U.S. EMBASSY IN ULAANBAATAR ON 10 MARCH 2026.")
    new["previous"] = [MN1["previous"][1]]
    write_print(old, d, "old")
    write_print(new, d, "new")
    letter(d, "refusal_214b", letter_214b_b("Ulaanbaatar", "Mongolia", "10 March 2026",
                                            "BATBAYAR OYUNCHIMEG", "ULN2026-0310-0077"))
    pages = [dg.phone_photo(im, rng, 1.0) for im in dg.render_pages(d / "text" / "old.pdf", 220)]
    dg.save_pdf(pages, d / "scan" / "old.pdf", 220, jpeg_quality=80)
    ph = dg.phone_photo(dg.render_pages(d / "text" / "refusal_214b.pdf", 200)[0], rng, 1.2)
    dg.save_jpeg(ph, d / "scan" / "refusal_214b.jpg", 80)
    copy_text(d, "new.pdf")
    golden(d, old)

    # c04: Georgian, old print-out a dark photocopy (which disclosed a 2019 refusal: YES); the
    # old application was refused under 214(b) too; the new form answers NO.
    d, rng = case("c04-ge-old-print-photocopy-refusal-hidden")
    old, new = forms(GE1, 401, "2025-11-27", "2026-06-30", None)
    new["refused"] = None
    write_print(old, d, "old")
    write_print(new, d, "new")
    letter(d, "refusal_214b", letter_214b_a("Tbilisi", "Georgia", "16 January 2026",
                                            "BERIDZE NINO", "TBS2026-0116-0935"))
    pages = [dg.photocopy(im, rng, 0.7) for im in dg.render_pages(d / "text" / "old.pdf", 300)]
    dg.save_pdf(pages, d / "scan" / "old.pdf", 300)
    lp = dg.photocopy(dg.render_pages(d / "text" / "refusal_214b.pdf", 300)[0], rng, -0.5)
    dg.save_png(lp, d / "scan" / "refusal_214b.png", 300)
    copy_text(d, "new.pdf")
    golden(d, old)

    # c05: Armenian, old print-out a multi-page LZW TIFF (250 DPI grey, tilted -1.1 degrees); the
    # 221(g) document request scanned in colour (JPEG); the new form drops FRANCE from the
    # countries visited.
    d, rng = case("c05-am-old-print-multipage-tiff-country-dropped")
    old, new = forms(AM1, 501, "2026-02-03", "2026-10-06",
                     "REFUSED UNDER SECTION 221(G) AT THE U.S. EMBASSY IN YEREVAN ON 24 MARCH 2026; "
                     "DOCUMENTS WERE REQUESTED.")
    new["countries"] = ["GEORGIA", "IRAN"]
    write_print(old, d, "old")
    write_print(new, d, "new")
    letter(d, "refusal_221g", letter_221g_docs("Yerevan", "Armenia", "24 March 2026",
                                               "PETROSYAN ARMEN", "EVN2026-0324-0511"))
    pages = [dg.flatbed_grey(im, rng, -1.1) for im in dg.render_pages(d / "text" / "old.pdf", 250)]
    dg.save_tiff(pages, d / "scan" / "old.tiff", 250)
    lj = dg.colour_jpeg(dg.render_pages(d / "text" / "refusal_221g.pdf", 200)[0], rng, 55)
    dg.save_jpeg(lj, d / "scan" / "refusal_221g.jpg", 70, 200)
    copy_text(d, "new.pdf")
    golden(d, old)

    # c06: Kazakh, 214(b) letter photographed on a table; the new form answers NO and changes
    # nothing else.
    d, rng = case("c06-kz-214b-letter-phone-photo-hidden")
    old, new = forms(KZ1, 601, "2026-01-08", "2026-07-14", None)
    write_print(old, d, "old")
    write_print(new, d, "new")
    letter(d, "refusal_214b", letter_214b_b("Astana", "Kazakhstan", "12 February 2026",
                                            "ZHAKUPOV ERLAN", "AST2026-0212-0640"))
    ph = dg.phone_photo(dg.render_pages(d / "text" / "refusal_214b.pdf", 190)[0], rng, 1.0)
    dg.save_jpeg(ph, d / "scan" / "refusal_214b.jpg", 78)
    copy_text(d, "old.pdf", "new.pdf")

    # c07: Uzbek, 221(g) administrative-processing letter as a 150 DPI grey image-only PDF; the
    # new form answers NO.
    d, rng = case("c07-uz-221g-admin-letter-scan-hidden")
    old, new = forms(UZ1, 701, "2026-01-19", "2026-08-03", None)
    write_print(old, d, "old")
    write_print(new, d, "new")
    letter(d, "refusal_221g", letter_221g_ap("Tashkent", "Uzbekistan", "26 February 2026",
                                             "KHOLMATOV SHERZOD", "TSK2026-0226-0318"))
    lp = dg.flatbed_grey(dg.render_pages(d / "text" / "refusal_221g.pdf", 150)[0], rng, 0.8)
    dg.save_pdf([lp], d / "scan" / "refusal_221g.pdf", 150)
    copy_text(d, "old.pdf", "new.pdf")

    # c08: Kazakh, honest; new employer ZHETYSU LOGISTIKA LLP and 310 000 -> 650 000 KZT, proven
    # by a Russian справка scanned at 200 DPI grey (PNG).
    d, rng = case("c08-kz-spravka-russian-scan-supports")
    old, new = forms(KZ2, 801, "2025-12-16", "2026-09-21",
                     "REFUSED UNDER SECTION 214(B) AT THE U.S. EMBASSY IN ASTANA ON 27 JANUARY 2026.")
    new["work"] = {"occupation": "BUSINESS", "employer": "ZHETYSU LOGISTIKA LLP",
                   "address": "TOLE BI STREET 101", "city": "ALMATY", "start": "2026-03-01",
                   "income": "650000", "duties": "LOGISTICS MANAGER: ROAD FREIGHT PLANNING FOR "
                   "CENTRAL ASIA."}
    new["work_phone"] = "+7 727 355 0141"
    new["previous"] = [{"name": "ALMATY FRESH MARKET LLP", "address": "RAIYMBEK AVENUE 118",
                        "city": "ALMATY", "phone": "+7 727 355 0140", "title": "PURCHASING ASSISTANT",
                        "sup": ("ABDRAKHMANOV", "TIMUR"), "from": "2018-10-01", "to": "2026-02-20",
                        "duties": "PURCHASING FOR A FOOD WHOLESALER."}]
    write_print(old, d, "old")
    write_print(new, d, "new")
    letter(d, "refusal_214b", letter_214b_a("Astana", "Kazakhstan", "27 January 2026",
                                            "SEITKALI AIDANA", "AST2026-0127-0221"))
    letter(d, "spravka", {
        "title": "Справка", "head": ["ТОО «ЖЕТЫСУ ЛОГИСТИКА»",
                                     "БИН 190440012345, Республика Казахстан, г. Алматы, ул. Толе би, 101",
                                     "тел. +7 727 355 0141, info@zhetysu-logistika.example"],
        "ref": "Исх. № 214", "date": "15.08.2026", "subject": "СПРАВКА С МЕСТА РАБОТЫ",
        "body": ["Настоящая справка выдана Сейткали Айдане Маратовне, 12.04.1992 года рождения, в "
                 "том, что она действительно работает в ТОО «Жетысу Логистика» в должности "
                 "менеджера по логистике с 01 марта 2026 года по настоящее время.",
                 "Ежемесячная заработная плата составляет 650 000 (шестьсот пятьдесят тысяч) тенге.",
                 "На время поездки в США за ней сохраняются рабочее место и заработная плата.",
                 "Справка выдана для предоставления в Посольство США."],
        "sign": ["Директор  ____________  Ермеков Б. С.", "Главный бухгалтер  ____________  Омарова Г. К.",
                 "М.П."]})
    sp = dg.flatbed_grey(dg.render_pages(d / "text" / "spravka.pdf", 200)[0], rng, -0.6)
    dg.save_png(sp, d / "scan" / "spravka.png", 200)
    copy_text(d, "old.pdf", "new.pdf", "refusal_214b.pdf")

    # c09: Tajik, honest; new employer SOMON TRADE GROUP LLC with 12 000 TJS a month; the
    # employer's English letter, photographed, says TJS 6,000.
    d, rng = case("c09-tj-employment-letter-photo-income-contradicts")
    old, new = forms(TJ2, 901, "2026-01-27", "2026-09-15",
                     "REFUSED UNDER SECTION 214(B) AT THE U.S. EMBASSY IN DUSHANBE ON 05 MARCH 2026.")
    new["work"] = {"occupation": "BUSINESS", "employer": "SOMON TRADE GROUP LLC",
                   "address": "RUDAKI AVENUE 27", "city": "DUSHANBE", "start": "2026-04-01",
                   "income": "12000", "duties": "SALES DIRECTOR FOR BUILDING MATERIALS."}
    new["previous"] = [{"name": "DUSHANBE AUTO PARTS LLC", "address": "BOKHTAR STREET 12",
                        "city": "DUSHANBE", "phone": "+992 37 555 0808", "title": "SALES MANAGER",
                        "sup": ("ODINAEV", "JAMSHED"), "from": "2015-04-01", "to": "2026-03-20",
                        "duties": "SALES MANAGER OF A CAR PARTS SHOP."}]
    new["work_phone"] = "+992 37 555 2727"
    write_print(old, d, "old")
    write_print(new, d, "new")
    letter(d, "refusal_214b", letter_214b_a("Dushanbe", "Tajikistan", "05 March 2026",
                                            "SHARIPOV DALER", "DSH2026-0305-0158"))
    letter(d, "employment_letter", {
        "title": "Employment letter", "head": ["SOMON TRADE GROUP LLC",
                                               "27 Rudaki Avenue, Dushanbe 734003, Republic of Tajikistan",
                                               "Tel. +992 37 555 2727  |  TIN 020045871"],
        "ref": "No. 88/26", "date": "02 September 2026", "to": ["TO WHOM IT MAY CONCERN"],
        "subject": "EMPLOYMENT LETTER",
        "body": ["This is to certify that Mr. Daler Sharipov, born 03 January 1990, has been employed "
                 "full-time by Somon Trade Group LLC as Sales Director since 1 April 2026.",
                 "His monthly salary is TJS 6,000 (six thousand somoni) before tax.",
                 "Mr. Sharipov has been granted leave for his trip to the United States and is "
                 "expected back at work at its end. This letter is issued at his request."],
        "sign": ["Firdavs Kurbonov", "General Director"]})
    ph = dg.phone_photo(dg.render_pages(d / "text" / "employment_letter.pdf", 190)[0], rng, 0.8)
    dg.save_jpeg(ph, d / "scan" / "employment_letter.jpg", 82)
    copy_text(d, "old.pdf", "new.pdf", "refusal_214b.pdf")

    # c10: Mongolian, honest; passport renewed (E0962154 -> E5518307); the new data page,
    # photographed (HEIC), matches the new form.
    d, rng = case("c10-mn-passport-heic-renewal-matches")
    old, new = forms(MN2, 1001, "2025-10-21", "2026-06-09",
                     "REFUSED UNDER SECTION 214(B) AT THE U.S. EMBASSY IN ULAANBAATAR ON 02 DECEMBER 2025.")
    new.update(passport="E5518307", passport_issued="2026-04-14", passport_expires="2036-04-13")
    write_print(old, d, "old")
    write_print(new, d, "new")
    letter(d, "refusal_214b", letter_214b_b("Ulaanbaatar", "Mongolia", "02 December 2025",
                                            "GANBAATAR TEMUULEN", "ULN2025-1202-0913"))
    mrz = docs.render_passport(passport(new, "MNG", "MONGOLIAN", "MONGOLIA", "Монгол Улс",
                                        "ПАСПОРТ"), d / "text" / "passport.pdf")
    assert_mrz(mrz, valid=True)
    pp = dg.phone_photo(dg.pad(dg.render_pages(d / "text" / "passport.pdf", 400)[0], 0.12,
                               (250, 250, 248)), rng, 0.7)
    dg.save_heic(pp, d / "scan" / "passport.heic", 82)
    copy_text(d, "old.pdf", "new.pdf", "refusal_214b.pdf")

    # c11: Azerbaijani, honest; both forms give passport C03914826, the data page (photographed,
    # JPEG) says C03941826.
    d, rng = case("c11-az-passport-photo-number-contradicts")
    old, new = forms(AZ2, 1101, "2026-01-06", "2026-08-25",
                     "REFUSED UNDER SECTION 214(B) AT THE U.S. EMBASSY IN BAKU ON 17 FEBRUARY 2026.")
    write_print(old, d, "old")
    write_print(new, d, "new")
    letter(d, "refusal_214b", letter_214b_a("Baku", "Azerbaijan", "17 February 2026",
                                            "GULIYEV RASHAD", "BKU2026-0217-0702"))
    mrz = docs.render_passport(passport(dict(new, passport="C03941826"), "AZE", "AZERBAIJAN",
                                        "AZƏRBAYCAN RESPUBLİKASI", "Azərbaycan Respublikası",
                                        "PASPORT"), d / "text" / "passport.pdf")
    assert_mrz(mrz, valid=True)
    pp = dg.phone_photo(dg.pad(dg.render_pages(d / "text" / "passport.pdf", 400)[0], 0.12,
                               (248, 248, 245)), rng, 0.8)
    dg.save_jpeg(pp, d / "scan" / "passport.jpg", 84)
    copy_text(d, "old.pdf", "new.pdf", "refusal_214b.pdf")

    # c12: Georgian, clean control: honest YES; new employer and income proven by an English
    # employment certificate scanned clean (300 DPI grey image-only PDF, no tilt); the 214(b)
    # letter a 200 DPI colour scan.
    d, rng = case("c12-ge-control-clean-scans")
    old, new = forms(GE2, 1201, "2025-12-02", "2026-09-29",
                     "REFUSED UNDER SECTION 214(B) AT THE U.S. EMBASSY IN TBILISI ON 20 JANUARY 2026.")
    new["work"] = {"occupation": "BUSINESS", "employer": "KOLKHETI BUILD LLC",
                   "address": "TSINAMDZGVRISHVILI STREET 87", "city": "TBILISI", "start": "2026-04-01",
                   "income": "3200", "duties": "PROJECT MANAGER FOR RESIDENTIAL CONSTRUCTION."}
    new["work_phone"] = "+995 32 255 7781"
    new["previous"] = [{"name": "GEORGIAN WINE ROUTES LLC", "address": "LESELIDZE STREET 8",
                        "city": "TBILISI", "phone": "+995 32 255 0913", "title": "TOUR COORDINATOR",
                        "sup": ("JAPARIDZE", "IRAKLI"), "from": "2017-03-01", "to": "2026-03-25",
                        "duties": "TOUR COORDINATOR FOR WINE TOURS IN KAKHETI."}]
    write_print(old, d, "old")
    write_print(new, d, "new")
    letter(d, "refusal_214b", letter_214b_b("Tbilisi", "Georgia", "20 January 2026",
                                            "GELASHVILI TAMAR", "TBS2026-0120-0388"))
    letter(d, "employment_letter", {
        "title": "Employment certificate", "head": ["KOLKHETI BUILD LLC",
                                                    "87 Tsinamdzgvrishvili Street, Tbilisi 0102, Georgia",
                                                    "Identification code 405118273  |  +995 32 255 7781"],
        "ref": "Ref. HR-2026/114", "date": "14 September 2026", "to": ["To whom it may concern"],
        "subject": "EMPLOYMENT CERTIFICATE",
        "body": ["We hereby confirm that Ms. Tamar Gelashvili, date of birth 22 July 1993, is "
                 "employed by Kolkheti Build LLC on a permanent full-time contract as Project "
                 "Manager since 1 April 2026.",
                 "Her gross monthly salary is GEL 3,200 (three thousand two hundred lari).",
                 "Her leave for the planned trip to the United States has been approved and her "
                 "position is kept for her return."],
        "sign": ["Giorgi Tsereteli", "Head of Human Resources"]})
    ep = [im.convert("L") for im in dg.render_pages(d / "text" / "employment_letter.pdf", 300)]
    dg.save_pdf(ep, d / "scan" / "employment_letter.pdf", 300)
    lj = dg.colour_jpeg(dg.render_pages(d / "text" / "refusal_214b.pdf", 200)[0], rng, 70)
    dg.save_pdf([lj], d / "scan" / "refusal_214b.pdf", 200, jpeg_quality=70)
    copy_text(d, "old.pdf", "new.pdf")
    return made


def passport(a: dict, code: str, nationality: str, state_line: str, state_native: str,
             word: str) -> dict:
    native_caps = {"MNG": dict(w_type="Төрөл", w_code="Код", w_no="Паспортын дугаар",
                               w_surname="Овог", w_given="Нэр", w_nat="Иргэншил",
                               w_dob="Төрсөн огноо", w_sex="Хүйс", w_pob="Төрсөн газар",
                               w_issue="Олгосон огноо", w_exp="Хүчинтэй хугацаа",
                               w_auth="Олгосон байгууллага"),
                   "AZE": dict(w_type="Növü", w_code="Kod", w_no="Pasport №", w_surname="Soyadı",
                               w_given="Adı", w_nat="Vətəndaşlığı", w_dob="Doğum tarixi",
                               w_sex="Cinsi", w_pob="Doğum yeri", w_issue="Verilmə tarixi",
                               w_exp="Etibarlıdır", w_auth="Orqan")}[code]
    return dict(native_caps, state_line=f"{state_line} / {state_native}".upper()
                if code == "MNG" else state_line, passport_word=word, code=code,
                number=a["passport"], surname=a["surnames"], given=a["given_names"],
                nationality=nationality, dob=a["dob"], sex="F" if a["sex"] == "FEMALE" else "M",
                pob=f"{a['birth_city']}, {a['country']}" if code == "MNG" else a["birth_city"],
                issued=a["passport_issued"], expires=a["passport_expires"],
                authority="GENERAL AUTHORITY FOR STATE REGISTRATION" if code == "MNG"
                else "MIA 17", personal_no=a["national_id"] if code == "AZE" else "")


def assert_mrz(lines: tuple[str, str], valid: bool) -> None:
    from mrz.checker.td3 import TD3CodeChecker
    ok = bool(TD3CodeChecker("\n".join(lines)))
    assert ok == valid, (lines, ok)


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__.splitlines()[0], file=sys.stderr)
        return 2
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    for name in build(out):
        print(name, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
