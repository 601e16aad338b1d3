"""The twelve applicants of set 5: each case's OLD (refused) and NEW application as answer
models for ``model.layout``. Every person, company, number, address, phone and e-mail is made
up; U.S. phones are 555-01xx numbers and e-mail domains end in ``.example``."""

from __future__ import annotations

import copy
from typing import Any


def school(name, street, city, state, postal, country, course, f, t):
    return {"name": name, "street": street, "city": city, "state": state, "postal": postal,
            "country": country, "course": course, "from": f, "to": t}


def employer(name, street, city, state, postal, country, phone, title, sup, f, t, duties):
    return {"name": name, "street": street, "city": city, "state": state, "postal": postal,
            "country": country, "phone": phone, "title": title, "sup": sup, "from": f, "to": t,
            "duties": duties}


def c01() -> tuple[dict, dict]:
    old: dict[str, Any] = {
        "app_id": "AA00MN4Q7K", "printed": ("2026-03-20", "11:05 AM"),
        "person": {"surnames": "DAVAASUREN", "given": "OYUNCHIMEG", "native": "ДАВААСҮРЭН ОЮУНЧИМЭГ",
                   "sex": "FEMALE", "marital": "MARRIED", "dob": "1987-09-21",
                   "birth_city": "ULAANBAATAR", "birth_state": None, "birth_country": "MONGOLIA",
                   "nationality": "MONGOLIA", "national_id": "УБ87092112"},
        "home": {"street": "BAGA TOIRUU 44, 13TH KHOROO", "street2": "APARTMENT 18",
                 "city": "ULAANBAATAR", "state": "SUKHBAATAR DISTRICT", "postal": "14200",
                 "country": "MONGOLIA"},
        "contact": {"phone": "97699115023", "work_phone": "97670115560",
                    "other_phones": ["97688103417"], "email": "oyunchimeg.d@khanmail.example",
                    "social": [("FACEBOOK", "OYUNCHIMEG.DAVAASUREN")]},
        "passport": {"number": "E1927364", "authority": "MONGOLIA", "city": "ULAANBAATAR",
                     "country": "MONGOLIA", "issued": "2019-02-14", "expires": "2029-02-13"},
        "trip": {"arrival": "2026-06-15", "stay": (2, "WEEK"), "street": "350 W 42ND ST",
                 "city": "NEW YORK", "state": "NEW YORK", "zip": "10036"},
        "prev": {"visits": [("2019-06-10", (3, "WEEK")), ("2022-08-14", (10, "DAY"))],
                 "visa": {"issued": "2019-05-02", "number": "31552087"}, "refused": False},
        "us_contact": {"surnames": "BATBAYAR", "given": "TSETSEG", "org": None,
                       "relationship": "FRIEND", "street": "2117 N HALSTED ST", "city": "CHICAGO",
                       "state": "ILLINOIS", "zip": "60614", "phone": "3125550134",
                       "email": "tsetseg.b@lakeshore-mail.example"},
        "family": {"father": ("GOMBO", "DAVAASUREN", "1958-03-02"),
                   "mother": ("TSEND", "NARANTUYA", "1961-11-19"),
                   "spouse": {"surnames": "GANBAATAR", "given": "BOLD-ERDENE", "dob": "1985-01-30",
                              "nationality": "MONGOLIA", "birth_city": "ERDENET",
                              "birth_country": "MONGOLIA"}},
        "work": {"occupation": "BUSINESS", "employer": "KHANGAI TRADE LLC",
                 "street": "PEACE AVENUE 17, OFFICE 402", "city": "ULAANBAATAR",
                 "state": "CHINGELTEI DISTRICT", "postal": "15160", "country": "MONGOLIA",
                 "phone": "97670115560", "start": "2017-04-03", "income": 2400000,
                 "duties": "MANAGE IMPORT CONTRACTS AND CUSTOMS DOCUMENTATION FOR FOOD PRODUCTS; "
                           "SUPERVISE A TEAM OF FOUR",
                 "previous": [employer("ORKHON CARGO LLC", "NARNII ZAM 9", "ULAANBAATAR",
                                       "BAYANZURKH DISTRICT", "13343", "MONGOLIA", "97670129944",
                                       "LOGISTICS ASSISTANT", ("NYAMDORJ", "BATTULGA"),
                                       "2012-09-01", "2017-03-31",
                                       "PREPARED SHIPPING DOCUMENTS AND TRACKED CARGO")]},
        "education": [school("NATIONAL UNIVERSITY OF MONGOLIA", "IKH SURGUULIIN GUDAMJ 1",
                             "ULAANBAATAR", "SUKHBAATAR DISTRICT", "14201", "MONGOLIA",
                             "ECONOMICS", "2005-09-01", "2009-06-15")],
        "languages": ["MONGOLIAN", "ENGLISH", "RUSSIAN"],
        "countries": ["CHINA", "KOREA, REPUBLIC OF (SOUTH)", "JAPAN"],
    }
    new = copy.deepcopy(old)
    new.update(app_id="AA00R8TW2D", printed=("2026-10-08", "4:17 PM"))
    new["trip"]["arrival"] = "2027-02-10"
    new["prev"]["visits"] = [("2019-06-10", (3, "WEEK"))]          # the 2022 visit dropped
    new["prev"]["refused"] = True
    new["prev"]["refused_explain"] = ("REFUSED A B1/B2 VISA UNDER SECTION 214(B) AT THE U.S. "
                                      "EMBASSY IN ULAANBAATAR ON 16 APRIL 2026")
    new["work"]["income"] = 3100000
    return old, new


def c02() -> tuple[dict, dict]:
    old: dict[str, Any] = {
        "app_id": "AA00PH7C31", "printed": ("2026-05-28", "9:41 AM"),
        "person": {"surnames": "SANTIAGO", "given": "JOHN PATRICK", "native": None, "sex": "MALE",
                   "marital": "MARRIED", "dob": "1990-02-11", "birth_city": "CEBU CITY",
                   "birth_state": "CEBU", "birth_country": "PHILIPPINES",
                   "nationality": "PHILIPPINES", "national_id": "4817209355617720"},
        "home": {"street": "UNIT 7B, CITIGOLD RESIDENCES",
                 "street2": "23 ESCARIO STREET, BARANGAY CAMPUTHAW", "city": "CEBU CITY",
                 "state": "CEBU", "postal": "6000", "country": "PHILIPPINES"},
        "contact": {"phone": "639178213466", "work_phone": None,
                    "email": "jp.santiago@islandpost.example",
                    "social": [("FACEBOOK", "JPSANTIAGO.CEBU"), ("INSTAGRAM", "JP_SANTI90")]},
        "passport": {"number": "P4718205B", "authority": "PHILIPPINES", "city": "CEBU CITY",
                     "state": "CEBU", "country": "PHILIPPINES", "issued": "2022-01-18",
                     "expires": "2032-01-17"},
        "trip": {"arrival": "2026-09-01", "stay": (3, "WEEK"), "street": "1180 MARKET ST",
                 "city": "SAN FRANCISCO", "state": "CALIFORNIA", "zip": "94102"},
        "prev": {"visits": [], "visa": None, "refused": False},
        "us_contact": {"surnames": "REYES", "given": "MARIA CLARA", "org": None,
                       "relationship": "FRIEND", "street": "455 GRAND AVE APT 3",
                       "city": "SOUTH SAN FRANCISCO", "state": "CALIFORNIA", "zip": "94080",
                       "phone": "6505550171", "email": "mc.reyes@bayline.example"},
        "family": {"father": ("SANTIAGO", "ROGELIO", "1962-05-14"),
                   "mother": ("VILLANUEVA", "TERESITA", "1964-08-02"),
                   "spouse": {"surnames": "SANTIAGO", "given": "ANGELICA", "dob": "1992-07-07",
                              "nationality": "PHILIPPINES", "birth_city": "MANDAUE CITY",
                              "birth_country": "PHILIPPINES"}},
        "work": {"occupation": "ENGINEERING", "employer": "VISAYAS POWER SYSTEMS INC.",
                 "street": "F. CABAHUG STREET, MABOLO", "city": "CEBU CITY", "state": "CEBU",
                 "postal": "6000", "country": "PHILIPPINES", "phone": "63322315580",
                 "start": "2018-06-04", "income": 68000,
                 "duties": "DESIGN AND MAINTENANCE OF SUBSTATION PROTECTION SYSTEMS",
                 "previous": [employer("METRO CEBU ELECTRIC COOPERATIVE", "OSMENA BOULEVARD 210",
                                       "CEBU CITY", "CEBU", "6000", "PHILIPPINES", "63322547718",
                                       "JUNIOR ELECTRICAL ENGINEER", ("LIM", "ROBERTO"),
                                       "2013-05-06", "2018-05-31",
                                       "METERING AND DISTRIBUTION LINE INSPECTIONS")]},
        "education": [school("UNIVERSITY OF SAN CARLOS", "P. DEL ROSARIO STREET", "CEBU CITY",
                             "CEBU", "6000", "PHILIPPINES", "ELECTRICAL ENGINEERING",
                             "2007-06-11", "2012-03-30")],
        "languages": ["ENGLISH", "FILIPINO", "CEBUANO"],
        "countries": ["SINGAPORE", "JAPAN", "MALAYSIA"],
    }
    new = copy.deepcopy(old)
    new.update(app_id="AA00V2NM8X", printed=("2026-11-02", "7:58 PM"))
    new["trip"]["arrival"] = "2027-03-15"
    new["family"]["father"] = ("SANTIAGO", "ROGELIO", "1962-04-15")   # planted
    new["prev"]["refused"] = True
    new["prev"]["refused_explain"] = ("REFUSED UNDER SECTION 221(G) AT THE U.S. EMBASSY IN MANILA "
                                      "ON 23 JUNE 2026; THE REQUESTED DOCUMENTS WERE NOT SUBMITTED")
    return old, new


def c03() -> tuple[dict, dict]:
    old: dict[str, Any] = {
        "app_id": "AA00UA5J2H", "printed": ("2026-04-22", "8:12 PM"), "split_name": True,
        "person": {"surnames": "MELNYCHUK", "given": "IRYNA",
                   "native": "МЕЛЬНИЧУК ІРИНА ВОЛОДИМИРІВНА", "sex": "FEMALE", "marital": "SINGLE",
                   "dob": "1991-03-12", "birth_city": "LVIV", "birth_state": "LVIVSKA OBLAST",
                   "birth_country": "UKRAINE", "nationality": "UKRAINE",
                   "national_id": "1991031204826"},
        "home": {"street": "VULYTSIA HORODOTSKA 112", "street2": "KV. 41", "city": "LVIV",
                 "state": "LVIVSKA OBLAST", "postal": "79022", "country": "UKRAINE"},
        "contact": {"phone": "380674821093", "work_phone": None,
                    "email": "iryna.melnychuk@lvivmail.example",
                    "social": [("FACEBOOK", "IRYNA.MELNYCHUK.LVIV"), ("INSTAGRAM", "IRYNKA_LVIV91")]},
        "passport": {"number": "GF418273", "authority": "UKRAINE", "city": "LVIV",
                     "country": "UKRAINE", "issued": "2021-09-08", "expires": "2031-09-08"},
        "trip": {"arrival": "2026-07-10", "stay": (10, "DAY"), "street": "225 E 39TH ST",
                 "city": "NEW YORK", "state": "NEW YORK", "zip": "10016"},
        "prev": {"visits": [], "visa": None, "refused": False},
        "us_contact": {"surnames": "KOVAL", "given": "OKSANA", "org": None, "relationship": "FRIEND",
                       "street": "88 JAY ST APT 5C", "city": "BROOKLYN", "state": "NEW YORK",
                       "zip": "11201", "phone": "7185550163",
                       "email": "oksana.koval@harborpost.example"},
        "family": {"father": ("MELNYCHUK", "VOLODYMYR", "1962-10-03"),
                   "mother": ("MELNYCHUK", "HALYNA", "1965-01-27")},
        "work": {"occupation": "COMPUTER SCIENCE", "employer": "LVIV SOFTWARE STUDIO LLC",
                 "street": "VULYTSIA NAUKOVA 7A", "city": "LVIV", "state": "LVIVSKA OBLAST",
                 "postal": "79060", "country": "UKRAINE", "phone": "380322971540",
                 "start": "2019-02-01", "income": 72000,
                 "duties": "QA ENGINEER: TEST PLANNING AND AUTOMATED TESTING OF WEB APPLICATIONS",
                 "previous": []},
        "education": [school("IVAN FRANKO NATIONAL UNIVERSITY OF LVIV", "VULYTSIA UNIVERSYTETSKA 1",
                             "LVIV", "LVIVSKA OBLAST", "79000", "UKRAINE", "APPLIED MATHEMATICS",
                             "2008-09-01", "2013-06-30")],
        "languages": ["UKRAINIAN", "ENGLISH", "POLISH"],
        "countries": ["POLAND", "GERMANY", "CZECH REPUBLIC"],
    }
    new = copy.deepcopy(old)
    new.update(app_id="AA00Z7KP4F", printed=("2026-11-05", "1:22 PM"))
    new["trip"]["arrival"] = "2027-04-05"
    new["contact"]["social"] = [("FACEBOOK", "IRYNA.MELNYCHUK.LVIV")]       # Instagram dropped
    new["prev"]["refused"] = True
    new["prev"]["refused_explain"] = ("REFUSED UNDER SECTION 214(B) AT THE U.S. EMBASSY IN WARSAW "
                                      "ON 19 MAY 2026")
    return old, new


def c04() -> tuple[dict, dict]:
    old: dict[str, Any] = {
        "app_id": "AA00KG9E6T", "printed": ("2026-09-18", "10:30 AM"),
        "person": {"surnames": "ZHEENBEKOV", "given": "UMUTBEK", "native": "ЖЭЭНБЕКОВ ҮМҮТБЕК",
                   "sex": "MALE", "marital": "MARRIED", "dob": "1984-04-09", "birth_city": "NARYN",
                   "birth_state": "NARYN REGION", "birth_country": "KYRGYZSTAN",
                   "nationality": "KYRGYZSTAN", "national_id": "20904198400517"},
        "home": {"street": "UL. TOKTOGULA 125, KV. 9", "city": "BISHKEK", "state": None,
                 "postal": "720001", "country": "KYRGYZSTAN"},
        "contact": {"phone": "996700118406", "work_phone": "996312432871",
                    "email": "umutbek.zh@alatoo-mail.example",
                    "social": [("FACEBOOK", "UMUTBEK.ZHEENBEKOV")]},
        "passport": {"number": "AC4817263", "authority": "KYRGYZSTAN", "city": "BISHKEK",
                     "country": "KYRGYZSTAN", "issued": "2020-11-23", "expires": "2030-11-22"},
        "trip": {"arrival": "2026-12-01", "stay": (2, "WEEK"), "street": "1600 S JOYCE ST",
                 "city": "ARLINGTON", "state": "VIRGINIA", "zip": "22202"},
        "prev": {"visits": [], "visa": None, "refused": False},
        "us_contact": {"surnames": "ABDYKADYROV", "given": "NURLAN", "org": None,
                       "relationship": "FRIEND", "street": "3500 LEE HWY APT 210",
                       "city": "ARLINGTON", "state": "VIRGINIA", "zip": "22207",
                       "phone": "7035550128", "email": "nurlan.a@potomac-mail.example"},
        "family": {"father": ("ZHEENBEKOV", "ASANBEK", "1956-06-12"),
                   "mother": ("ZHEENBEKOVA", "GULNARA", "1959-02-28"),
                   "spouse": {"surnames": "ZHEENBEKOVA", "given": "AIZADA", "dob": "1987-09-03",
                              "nationality": "KYRGYZSTAN", "birth_city": "BISHKEK",
                              "birth_country": "KYRGYZSTAN"}},
        "work": {"occupation": "BUSINESS", "employer": "ALA-TOO BUILDING MATERIALS LLC",
                 "street": "UL. ZHIBEK ZHOLU 490", "city": "BISHKEK", "state": None,
                 "postal": "720044", "country": "KYRGYZSTAN", "phone": "996312432871",
                 "start": "2015-03-10", "income": 85000,
                 "duties": "SALES DIRECTOR: WHOLESALE CONTRACTS WITH CONSTRUCTION COMPANIES",
                 "previous": [employer("BISHKEK CEMENT TRADE LLC", "UL. ISANOVA 42", "BISHKEK", None,
                                       "720017", "KYRGYZSTAN", "996312661402", "SALES MANAGER",
                                       ("OMUROV", "TALANT"), "2008-07-01", "2015-02-27",
                                       "SALES OF CEMENT TO CONTRACTORS")]},
        "education": [school("KYRGYZ STATE TECHNICAL UNIVERSITY", "PROSPEKT CH. AITMATOVA 66",
                             "BISHKEK", None, "720044", "KYRGYZSTAN", "CIVIL ENGINEERING",
                             "2001-09-01", "2006-06-30")],
        "languages": ["KYRGYZ", "RUSSIAN"],
        "countries": ["KAZAKHSTAN", "TURKEY", "UNITED ARAB EMIRATES", "CHINA"],
    }
    new = copy.deepcopy(old)
    new.update(app_id="AA00KS3B1W", printed=("2026-11-03", "6:44 PM"))
    new["trip"]["arrival"] = "2027-01-20"
    # refused on 14 OCTOBER 2026; still NO (hidden), 20 days later
    return old, new


def c05() -> tuple[dict, dict]:
    prev_old = employer("SAIGON LOTUS TRAVEL CO., LTD", "35 LE THANH TON", "HO CHI MINH CITY", None,
                        "700000", "VIETNAM", "842838295017", "TOUR OPERATOR", ("VO", "THANH TAM"),
                        "2016-07-01", "2021-12-31", "GROUP TOUR BOOKINGS AND HOTEL CONTRACTS")
    old: dict[str, Any] = {
        "app_id": "AA00VN2H8R", "printed": ("2026-01-30", "2:05 PM"),
        "person": {"surnames": "NGUYEN", "given": "THI THU HA", "native": "NGUYỄN THỊ THU HÀ",
                   "sex": "FEMALE", "marital": "MARRIED", "dob": "1993-11-05",
                   "birth_city": "HAI PHONG", "birth_state": None, "birth_country": "VIETNAM",
                   "nationality": "VIETNAM", "national_id": "031193004527"},
        "home": {"street": "45 NGUYEN THI MINH KHAI", "street2": "PHUONG BEN NGHE, QUAN 1",
                 "city": "HO CHI MINH CITY", "state": None, "postal": "700000",
                 "country": "VIETNAM"},
        "contact": {"phone": "84903418275", "work_phone": None,
                    "email": "thuha.nguyen@saigonpost.example",
                    "social": [("FACEBOOK", "THUHA.NGUYEN93"), ("INSTAGRAM", "THUHA_SG")]},
        "passport": {"number": "C7341829", "authority": "VIETNAM", "city": "HO CHI MINH CITY",
                     "country": "VIETNAM", "issued": "2022-03-15", "expires": "2032-03-15"},
        "trip": {"arrival": "2026-05-20", "stay": (10, "DAY"), "street": "2500 S LAS VEGAS BLVD",
                 "city": "LAS VEGAS", "state": "NEVADA", "zip": "89109"},
        "prev": {"visits": [], "visa": None, "refused": False},
        "us_contact": {"surnames": "TRAN", "given": "MINH KHOA", "org": None,
                       "relationship": "FRIEND", "street": "9870 BOLSA AVE", "city": "WESTMINSTER",
                       "state": "CALIFORNIA", "zip": "92683", "phone": "7145550119",
                       "email": "khoa.tran@littlesaigon-mail.example"},
        "family": {"father": ("NGUYEN", "VAN HUNG", "1965-02-19"),
                   "mother": ("PHAM", "THI LAN", "1968-09-30"),
                   "spouse": {"surnames": "LE", "given": "QUANG MINH", "dob": "1991-12-12",
                              "nationality": "VIETNAM", "birth_city": "DA NANG",
                              "birth_country": "VIETNAM"}},
        "work": {"occupation": "BUSINESS", "employer": "SAIGON PEARL TRAVEL JSC",
                 "street": "172 HAI BA TRUNG, PHUONG DA KAO", "city": "HO CHI MINH CITY",
                 "state": None, "postal": "700000", "country": "VIETNAM", "phone": "842838221456",
                 "start": "2022-01-10", "income": 28000000,
                 "duties": "TOUR PRODUCT MANAGER FOR INBOUND GROUP TOURS",
                 "previous": [prev_old]},
        "education": [school("UNIVERSITY OF ECONOMICS HO CHI MINH CITY", "59C NGUYEN DINH CHIEU",
                             "HO CHI MINH CITY", None, "700000", "VIETNAM", "TOURISM MANAGEMENT",
                             "2011-09-05", "2015-06-30")],
        "languages": ["VIETNAMESE", "ENGLISH"],
        "countries": ["THAILAND", "SINGAPORE", "KOREA, REPUBLIC OF (SOUTH)", "JAPAN"],
        "security_yes": {"arrested_or_convicted": "FINED FOR A TRAFFIC OFFENSE (SPEEDING ON A "
                         "MOTORBIKE) IN HO CHI MINH CITY IN 2014; NO CONVICTION"},
    }
    new = copy.deepcopy(old)
    new.update(app_id="AA00T6QX5M", printed=("2026-09-15", "9:12 PM"))
    new["trip"]["arrival"] = "2026-12-28"
    new["work"]["previous"][0]["from"] = "2017-07-01"                 # planted
    new["security_yes"] = {}                                          # planted: YES -> NO
    new["prev"]["refused"] = True
    new["prev"]["refused_explain"] = ("REFUSED UNDER SECTION 214(B) AT THE U.S. CONSULATE GENERAL "
                                      "IN HO CHI MINH CITY ON 24 FEBRUARY 2026")
    return old, new


def c06() -> tuple[dict, dict]:
    old: dict[str, Any] = {
        "app_id": "AA00TR4M9C", "printed": ("2026-02-12", "3:30 PM"),
        "person": {"surnames": "YILDIRIM", "given": "MEHMET EMRE", "native": None, "sex": "MALE",
                   "marital": "SINGLE", "dob": "1985-07-30", "birth_city": "KONYA",
                   "birth_state": "KONYA", "birth_country": "TURKEY", "nationality": "TURKEY",
                   "national_id": "38412907516"},
        "home": {"street": "KIZILIRMAK MAHALLESI 1443. CADDE NO: 12/8", "street2": "CUKURAMBAR",
                 "city": "ANKARA", "state": "ANKARA", "postal": "06520", "country": "TURKEY"},
        "contact": {"phone": "905324417809", "work_phone": "903123854470",
                    "email": "m.emre.yildirim@anadolu-posta.example",
                    "social": [("LINKEDIN", "MEHMETEMREYILDIRIM"), ("TWITTER", "EMREYLDRM85")]},
        "passport": {"number": "U18273645", "authority": "TURKEY", "city": "ANKARA",
                     "country": "TURKEY", "issued": "2023-05-04", "expires": "2033-05-04"},
        "trip": {"arrival": "2026-05-02", "stay": (1, "WEEK"), "street": "1600 LAMAR ST",
                 "city": "HOUSTON", "state": "TEXAS", "zip": "77010"},
        "prev": {"visits": [("2017-09-18", (12, "DAY"))],
                 "visa": {"issued": "2017-08-21", "number": "74205518"}, "refused": False},
        "us_contact": {"surnames": "AKSOY", "given": "CAN", "org": "GULF ENERGY SUPPLY INC",
                       "relationship": "BUSINESS ASSOCIATE", "street": "910 LOUISIANA ST STE 1400",
                       "city": "HOUSTON", "state": "TEXAS", "zip": "77002", "phone": "7135550152",
                       "email": "can.aksoy@gulfenergy-supply.example"},
        "family": {"father": ("YILDIRIM", "HASAN", "1957-04-01"),
                   "mother": ("YILDIRIM", "FATMA", "1960-12-15")},
        "work": {"occupation": "ENGINEERING", "employer": "ANKARA VALF SANAYI A.S.",
                 "street": "OSTIM OSB MAHALLESI 1203. CADDE NO: 44", "city": "ANKARA",
                 "state": "ANKARA", "postal": "06374", "country": "TURKEY", "phone": "903123854470",
                 "start": "2014-09-01", "income": 95000,
                 "duties": "SALES ENGINEER FOR INDUSTRIAL VALVES; VISITS CLIENTS ABROAD",
                 "previous": [employer("KONYA MAKINE LTD. STI.", "FEVZI CAKMAK MAHALLESI 10538 SOKAK 7",
                                       "KONYA", "KONYA", "42050", "TURKEY", "903323451209",
                                       "MECHANICAL ENGINEER", ("OZTURK", "ALI"), "2009-07-01",
                                       "2014-08-15", "DESIGN OF PUMP HOUSINGS")]},
        "education": [school("MIDDLE EAST TECHNICAL UNIVERSITY", "DUMLUPINAR BULVARI NO: 1",
                             "ANKARA", "ANKARA", "06800", "TURKEY", "MECHANICAL ENGINEERING",
                             "2003-09-15", "2008-06-20")],
        "languages": ["TURKISH", "ENGLISH", "GERMAN"],
        "countries": ["GERMANY", "ITALY", "AZERBAIJAN", "UNITED ARAB EMIRATES"],
    }
    new = copy.deepcopy(old)
    new.update(app_id="AA00N5WD7J", printed=("2026-10-20", "10:02 AM"))
    new["trip"]["arrival"] = "2027-03-10"
    new["person"]["marital"] = "MARRIED"
    new["family"]["spouse"] = {"surnames": "YILDIRIM", "given": "ELIF", "dob": "1990-03-22",
                               "nationality": "TURKEY", "birth_city": "IZMIR",
                               "birth_country": "TURKEY"}
    # refused under 221(g) on 11 MARCH 2026; still NO (hidden)
    return old, new


def c07() -> tuple[dict, dict]:
    old_prev = [employer("HARMATTAN FOODS NIGERIA LIMITED", "22 OBAFEMI AWOLOWO WAY", "IKEJA",
                         "LAGOS", "100271", "NIGERIA", "2348023419907", "STOREKEEPER",
                         ("ADEYEMI", "TUNDE"), "2011-02-01", "2016-03-18",
                         "RECEIVING AND ISSUING WAREHOUSE STOCK")]
    old: dict[str, Any] = {
        "app_id": "AA00NG6Z3P", "printed": ("2025-11-24", "5:20 PM"),
        "person": {"surnames": "OKONKWO", "given": "CHUKWUEMEKA IFEANYI", "native": None,
                   "sex": "MALE", "marital": "MARRIED", "dob": "1986-01-19", "birth_city": "ENUGU",
                   "birth_state": "ENUGU", "birth_country": "NIGERIA", "nationality": "NIGERIA",
                   "national_id": "48127306592"},
        "home": {"street": "14B ADEOLA ODEKU STREET", "street2": "VICTORIA ISLAND", "city": "LAGOS",
                 "state": "LAGOS", "postal": "101241", "country": "NIGERIA"},
        "contact": {"phone": "2348034417261", "work_phone": None,
                    "email": "c.okonkwo@lagoon-mail.example",
                    "social": [("LINKEDIN", "CHUKWUEMEKA-OKONKWO-86")]},
        "passport": {"number": "B04718263", "authority": "NIGERIA", "city": "LAGOS",
                     "country": "NIGERIA", "issued": "2022-08-09", "expires": "2032-08-08"},
        "trip": {"arrival": "2025-12-15", "stay": (2, "WEEK"), "street": "333 ADAMS ST",
                 "city": "BROOKLYN", "state": "NEW YORK", "zip": "11201"},
        "prev": {"visits": [("2018-05-07", (2, "WEEK"))],
                 "visa": {"issued": "2018-03-14", "number": "61082937"}, "refused": False},
        "us_contact": {"surnames": "EZE", "given": "NGOZI", "org": None, "relationship": "FRIEND",
                       "street": "1420 FULTON ST APT 4F", "city": "BROOKLYN", "state": "NEW YORK",
                       "zip": "11216", "phone": "3475550126", "email": "ngozi.eze@kingsmail.example"},
        "family": {"father": ("OKONKWO", "EMMANUEL", "1955-10-10"),
                   "mother": ("OKONKWO", "GRACE", "1960-03-03"),
                   "spouse": {"surnames": "OKONKWO", "given": "CHIAMAKA", "dob": "1989-06-21",
                              "nationality": "NIGERIA", "birth_city": "ONITSHA",
                              "birth_country": "NIGERIA"}},
        "work": {"occupation": "BUSINESS", "employer": "CROSSRIVER AGRO FOODS LIMITED",
                 "street": "KM 12 LAGOS-IBADAN EXPRESSWAY", "city": "IBAFO", "state": "OGUN",
                 "postal": "110113", "country": "NIGERIA", "phone": "2348093318844",
                 "start": "2016-04-01", "income": 850000,
                 "duties": "PROCUREMENT OFFICER: SOURCING PACKAGING MATERIALS AND MANAGING SUPPLIERS",
                 "previous": old_prev},
        "education": [school("UNIVERSITY OF NIGERIA, NSUKKA", "UNIVERSITY ROAD", "NSUKKA", "ENUGU",
                             "410001", "NIGERIA", "AGRICULTURAL ECONOMICS", "2004-10-04",
                             "2009-07-31")],
        "languages": ["ENGLISH", "IGBO", "YORUBA"],
        "countries": ["GHANA", "UNITED KINGDOM", "SOUTH AFRICA"],
    }
    new = copy.deepcopy(old)
    new.update(app_id="AA00L4HJ9Q", printed=("2026-10-27", "11:48 AM"))
    new["trip"]["arrival"] = "2027-01-12"
    new["work"] = {"occupation": "BUSINESS", "employer": "LEKKI HARBOUR LOGISTICS LIMITED",
                   "street": "PLOT 14, ADMIRALTY WAY, LEKKI PHASE 1", "city": "LAGOS",
                   "state": "LAGOS", "postal": "106104", "country": "NIGERIA",
                   "phone": "2342015584310", "start": "2026-03-02", "income": 1450000,
                   "duties": "SENIOR PROCUREMENT OFFICER: CONTRACTS WITH SHIPPING AND HAULAGE "
                             "SUPPLIERS",
                   "previous": [employer("CROSSRIVER AGRO FOODS LIMITED",
                                         "KM 12 LAGOS-IBADAN EXPRESSWAY", "IBAFO", "OGUN", "110113",
                                         "NIGERIA", "2348093318844", "PROCUREMENT OFFICER",
                                         ("BELLO", "AMINA"), "2016-04-01", "2026-02-27",
                                         "SOURCING PACKAGING MATERIALS AND MANAGING SUPPLIERS"),
                                *old_prev]}
    new["prev"]["refused"] = True
    new["prev"]["refused_explain"] = ("REFUSED UNDER SECTION 214(B) AT THE U.S. CONSULATE GENERAL "
                                      "IN LAGOS ON 21 JANUARY 2026")
    return old, new


def c08() -> tuple[dict, dict]:
    old_prev = [employer("KARAGANDA ZHOLY LLP", "PROSPEKT BUKHAR ZHYRAU 49", "KARAGANDA",
                         "KARAGANDA REGION", "100012", "KAZAKHSTAN", "77212417730", "DISPATCHER",
                         ("ABENOV", "SERIK"), "2011-08-01", "2018-01-31",
                         "SCHEDULING OF TRUCK DELIVERIES")]
    old: dict[str, Any] = {
        "app_id": "AA00KZ8F2N", "printed": ("2026-04-09", "12:40 PM"), "split_name": True,
        "person": {"surnames": "SULEIMENOV", "given": "ERLAN", "native": "СҮЛЕЙМЕНОВ ЕРЛАН МАРАТҰЛЫ",
                   "sex": "MALE", "marital": "MARRIED", "dob": "1989-08-08",
                   "birth_city": "KARAGANDA", "birth_state": "KARAGANDA REGION",
                   "birth_country": "KAZAKHSTAN", "nationality": "KAZAKHSTAN",
                   "national_id": "890808300123"},
        "home": {"street": "PROSPEKT KABANBAI BATYR 11", "street2": "KV. 52", "city": "ASTANA",
                 "state": None, "postal": "010000", "country": "KAZAKHSTAN"},
        "contact": {"phone": "77014418263", "work_phone": None,
                    "email": "erlan.suleimenov@steppe-mail.example",
                    "social": [("INSTAGRAM", "ERLAN_SULEIMENOV89")]},
        "passport": {"number": "N14827365", "authority": "KAZAKHSTAN", "city": "ASTANA",
                     "country": "KAZAKHSTAN", "issued": "2021-04-12", "expires": "2031-04-11"},
        "trip": {"arrival": "2026-07-01", "stay": (2, "WEEK"), "street": "500 N MICHIGAN AVE",
                 "city": "CHICAGO", "state": "ILLINOIS", "zip": "60611"},
        "prev": {"visits": [], "visa": None, "refused": False},
        "us_contact": {"surnames": "MOORE", "given": "DANIEL", "org": "GREAT LAKES FREIGHT INC",
                       "relationship": "BUSINESS ASSOCIATE", "street": "233 S WACKER DR STE 8400",
                       "city": "CHICAGO", "state": "ILLINOIS", "zip": "60606",
                       "phone": "3125550187", "email": "d.moore@greatlakes-freight.example"},
        "family": {"father": ("SULEIMENOV", "MARAT", "1962-01-15"),
                   "mother": ("SULEIMENOVA", "ZHANAR", "1964-05-09"),
                   "spouse": {"surnames": "SULEIMENOVA", "given": "ALIYA", "dob": "1991-02-17",
                              "nationality": "KAZAKHSTAN", "birth_city": "ASTANA",
                              "birth_country": "KAZAKHSTAN"}},
        "work": {"occupation": "BUSINESS", "employer": "ESIL LOGISTICS LLP", "street": "UL. DOSTYK 5",
                 "city": "ASTANA", "state": None, "postal": "010000", "country": "KAZAKHSTAN",
                 "phone": "77172478120", "start": "2018-02-05", "income": 650000,
                 "duties": "LOGISTICS COORDINATOR FOR RAIL FREIGHT", "previous": old_prev},
        "education": [school("KARAGANDA TECHNICAL UNIVERSITY", "PROSPEKT NURSULTAN NAZARBAYEV 56",
                             "KARAGANDA", "KARAGANDA REGION", "100027", "KAZAKHSTAN",
                             "TRANSPORT LOGISTICS", "2006-09-01", "2010-06-25")],
        "languages": ["KAZAKH", "RUSSIAN", "ENGLISH"],
        "countries": ["CHINA", "UZBEKISTAN", "TURKEY"],
    }
    new = copy.deepcopy(old)
    new.update(app_id="AA00H3RC6V", printed=("2026-10-29", "3:03 PM"))
    new["trip"]["arrival"] = "2027-02-14"
    new["work"] = {"occupation": "BUSINESS", "employer": "QAZTRANS LOGISTICS LLP",
                   "street": "PROSPEKT MANGILIK EL 55/20, OFFICE 7", "city": "ASTANA", "state": None,
                   "postal": "010000", "country": "KAZAKHSTAN", "phone": "77172479355",
                   "start": "2026-07-01", "income": 780000,
                   "duties": "LOGISTICS MANAGER FOR CONTAINER FREIGHT TO CHINA AND EUROPE",
                   "previous": [employer("ESIL LOGISTICS LLP", "UL. DOSTYK 5", "ASTANA", None,
                                         "010000", "KAZAKHSTAN", "77172478120",
                                         "LOGISTICS COORDINATOR", ("ZHUNUSOV", "ASKAR"),
                                         "2018-02-05", "2026-06-30",
                                         "COORDINATION OF RAIL FREIGHT"), *old_prev]}
    new["prev"]["refused"] = True
    new["prev"]["refused_explain"] = ("REFUSED UNDER SECTION 214(B) AT THE U.S. EMBASSY IN ASTANA "
                                      "ON 06 MAY 2026")
    return old, new


def c09() -> tuple[dict, dict]:
    old: dict[str, Any] = {
        "app_id": "AA00IN3S5G", "printed": ("2026-01-06", "8:45 PM"),
        "person": {"surnames": "KRISHNAMURTHY", "given": "DIVYA", "native": None, "sex": "FEMALE",
                   "marital": "SINGLE", "dob": "1994-06-27", "birth_city": "COIMBATORE",
                   "birth_state": "TAMIL NADU", "birth_country": "INDIA", "nationality": "INDIA",
                   "national_id": "482173906615"},
        "home": {"street": "FLAT 3C, SRI LAKSHMI APARTMENTS", "street2": "12 RACE COURSE ROAD",
                 "city": "COIMBATORE", "state": "TAMIL NADU", "postal": "641018",
                 "country": "INDIA"},
        "contact": {"phone": "919843217706", "work_phone": None,
                    "email": "divya.krishnamurthy@kovaimail.example",
                    "social": [("LINKEDIN", "DIVYA-KRISHNAMURTHY-94"), ("INSTAGRAM", "DIVYA.K.27")]},
        "passport": {"number": "Z4812736", "authority": "INDIA", "city": "COIMBATORE",
                     "state": "TAMIL NADU", "country": "INDIA", "issued": "2016-05-11",
                     "expires": "2026-05-10"},
        "trip": {"arrival": "2026-04-20", "stay": (3, "WEEK"), "street": "1200 MAIN ST",
                 "city": "DALLAS", "state": "TEXAS", "zip": "75202"},
        "prev": {"visits": [], "visa": None, "refused": False},
        "us_contact": {"surnames": "RAMAN", "given": "SUNDAR", "org": None, "relationship": "FRIEND",
                       "street": "4120 CEDAR SPRINGS RD APT 612", "city": "DALLAS",
                       "state": "TEXAS", "zip": "75219", "phone": "2145550193",
                       "email": "sundar.raman@trinitymail.example"},
        "family": {"father": ("KRISHNAMURTHY", "NARAYANAN", "1961-08-14"),
                   "mother": ("NARAYANAN", "MEENAKSHI", "1966-04-04")},
        "work": {"occupation": "COMPUTER SCIENCE", "employer": "KOVAI DATA SYSTEMS PRIVATE LIMITED",
                 "street": "88 AVINASHI ROAD, PEELAMEDU", "city": "COIMBATORE",
                 "state": "TAMIL NADU", "postal": "641004", "country": "INDIA",
                 "phone": "914224418820", "start": "2017-07-03", "income": 95000,
                 "duties": "SENIOR DATA ANALYST: REPORTING AND DASHBOARDS FOR MANUFACTURING CLIENTS",
                 "previous": []},
        "education": [school("PSG COLLEGE OF TECHNOLOGY", "AVINASHI ROAD, PEELAMEDU", "COIMBATORE",
                             "TAMIL NADU", "641004", "INDIA", "COMPUTER SCIENCE AND ENGINEERING",
                             "2012-07-01", "2016-05-31")],
        "languages": ["TAMIL", "ENGLISH", "HINDI"],
        "countries": ["SINGAPORE", "SRI LANKA", "UNITED ARAB EMIRATES"],
    }
    new = copy.deepcopy(old)
    new.update(app_id="AA00E9VB2K", printed=("2026-11-12", "5:31 PM"))
    new["trip"]["arrival"] = "2027-04-10"
    new["passport"].update(number="Y7305518", issued="2026-06-18", expires="2036-06-17")
    new["work"]["income"] = 118000
    new["prev"]["refused"] = True
    new["prev"]["refused_explain"] = ("REFUSED UNDER SECTION 214(B) AT THE U.S. CONSULATE GENERAL "
                                      "IN CHENNAI ON 10 FEBRUARY 2026")
    return old, new


def c10() -> tuple[dict, dict]:
    old: dict[str, Any] = {
        "app_id": "AA00CO7P4L", "printed": ("2026-02-26", "7:10 PM"),
        "person": {"surnames": "RESTREPO GOMEZ", "given": "JUAN CAMILO", "native": None,
                   "sex": "MALE", "marital": "SINGLE", "dob": "1988-12-02",
                   "birth_city": "MEDELLIN", "birth_state": "ANTIOQUIA",
                   "birth_country": "COLOMBIA", "nationality": "COLOMBIA",
                   "national_id": "1037584219"},
        "home": {"street": "CARRERA 43A # 18 SUR 135", "street2": "APTO 1204", "city": "MEDELLIN",
                 "state": "ANTIOQUIA", "postal": "050022", "country": "COLOMBIA"},
        "contact": {"phone": "573104482917", "work_phone": None,
                    "email": "jc.restrepo@montanamail.example",
                    "social": [("INSTAGRAM", "JUANCA.RESTREPO")]},
        "passport": {"number": "AW5182736", "authority": "COLOMBIA", "city": "MEDELLIN",
                     "state": "ANTIOQUIA", "country": "COLOMBIA", "issued": "2020-02-20",
                     "expires": "2030-02-19"},
        "trip": {"arrival": "2026-06-10", "stay": (10, "DAY"), "street": "1395 BRICKELL AVE",
                 "city": "MIAMI", "state": "FLORIDA", "zip": "33131"},
        "prev": {"visits": [], "visa": None, "refused": False},
        "us_contact": {"surnames": "CASTRO", "given": "VALENTINA", "org": None,
                       "relationship": "FRIEND", "street": "7300 SW 57TH CT APT 3",
                       "city": "SOUTH MIAMI", "state": "FLORIDA", "zip": "33143",
                       "phone": "3055550114", "email": "vale.castro@biscaynemail.example"},
        "family": {"father": ("RESTREPO", "CARLOS ALBERTO", "1959-07-07"),
                   "mother": ("GOMEZ", "LUZ MARINA", "1962-02-14")},
        "work": {"occupation": "BUSINESS", "employer": "CAFE ANDINO EXPORT S.A.S.",
                 "street": "CALLE 10 # 42-45, OFICINA 801", "city": "MEDELLIN",
                 "state": "ANTIOQUIA", "postal": "050021", "country": "COLOMBIA",
                 "phone": "576044481120", "start": "2019-08-01", "income": 6200000,
                 "duties": "EXPORT SALES COORDINATOR FOR SPECIALTY COFFEE", "previous": []},
        "education": [school("UNIVERSIDAD EAFIT", "CARRERA 49 # 7 SUR 50", "MEDELLIN", "ANTIOQUIA",
                             "050022", "COLOMBIA", "INTERNATIONAL BUSINESS", "2006-01-23",
                             "2011-06-30")],
        "languages": ["SPANISH", "ENGLISH"],
        "countries": ["PANAMA", "MEXICO", "SPAIN"],
    }
    new = copy.deepcopy(old)
    new.update(app_id="AA00G2XN8S", printed=("2026-10-14", "9:55 AM"))
    new["trip"]["arrival"] = "2027-01-05"
    new["work"]["income"] = 7400000
    new["prev"]["refused"] = True
    new["prev"]["refused_explain"] = ("REFUSED UNDER SECTION 214(B) AT THE U.S. EMBASSY IN BOGOTA "
                                      "ON 30 MARCH 2026")
    return old, new


def c11() -> tuple[dict, dict]:
    old: dict[str, Any] = {
        "app_id": "AA00PE5T1B", "printed": ("2026-03-05", "4:40 PM"), "split_name": True,
        "person": {"surnames": "QUISPE MAMANI", "given": "ROSA ELENA", "native": None,
                   "sex": "FEMALE", "marital": "MARRIED", "dob": "1988-07-13",
                   "birth_city": "CUSCO", "birth_state": "CUSCO", "birth_country": "PERU",
                   "nationality": "PERU", "national_id": "41827365"},
        "home": {"street": "AV. LA CULTURA 1420", "street2": "URB. MARCAVALLE", "city": "CUSCO",
                 "state": "CUSCO", "postal": "08003", "country": "PERU"},
        "contact": {"phone": "51984217730", "work_phone": None,
                    "email": "rosa.quispe@andesmail.example",
                    "social": [("FACEBOOK", "ROSAELENA.QUISPE")]},
        "passport": {"number": "120483917", "authority": "PERU", "city": "LIMA",
                     "country": "PERU", "issued": "2021-10-05", "expires": "2031-10-05"},
        "trip": {"arrival": "2026-07-15", "stay": (2, "WEEK"), "street": "6801 COLLINS AVE",
                 "city": "MIAMI BEACH", "state": "FLORIDA", "zip": "33141"},
        "prev": {"visits": [], "visa": None, "refused": False},
        "us_contact": {"surnames": "HUAMAN", "given": "JORGE", "org": None, "relationship": "FRIEND",
                       "street": "1510 NW 7TH ST APT 2", "city": "MIAMI", "state": "FLORIDA",
                       "zip": "33125", "phone": "7865550145",
                       "email": "jorge.huaman@keylargo-mail.example"},
        "family": {"father": ("QUISPE", "JULIAN", "1960-05-05"),
                   "mother": ("MAMANI", "FLORA", "1963-09-11"),
                   "spouse": {"surnames": "CONDORI", "given": "RAUL", "dob": "1986-03-03",
                              "nationality": "PERU", "birth_city": "PUNO", "birth_country": "PERU"}},
        "work": {"occupation": "BUSINESS", "employer": "INKA TEXTILES S.A.C.",
                 "street": "JR. ESPINAR 210", "city": "CUSCO", "state": "CUSCO", "postal": "08002",
                 "country": "PERU", "phone": "5184231770", "start": "2015-01-12", "income": 3800,
                 "duties": "PRODUCTION SUPERVISOR IN AN ALPACA WOOL WORKSHOP", "previous": []},
        "education": [school("UNIVERSIDAD NACIONAL DE SAN ANTONIO ABAD DEL CUSCO",
                             "AV. DE LA CULTURA 733", "CUSCO", "CUSCO", "08003", "PERU",
                             "INDUSTRIAL ENGINEERING", "2006-04-01", "2011-12-20")],
        "languages": ["SPANISH", "QUECHUA", "ENGLISH"],
        "countries": ["CHILE", "BOLIVIA", "ARGENTINA"],
    }
    new = copy.deepcopy(old)
    new.update(app_id="AA00Q8ZL3C", printed=("2026-11-19", "10:26 AM"))
    new["trip"]["arrival"] = "2027-03-01"
    new["work"]["income"] = 4600
    new["prev"]["refused"] = True
    new["prev"]["refused_explain"] = ("REFUSED UNDER SECTION 214(B) AT THE U.S. EMBASSY IN LIMA "
                                      "ON 08 APRIL 2026")
    return old, new


def c12() -> tuple[dict, dict]:
    old: dict[str, Any] = {
        "app_id": "AA00RU2K7D", "printed": ("2026-02-03", "6:18 PM"),
        "person": {"surnames": "ZAITSEVA", "given": "MARINA", "native": "ЗАЙЦЕВА МАРИНА ОЛЕГОВНА",
                   "sex": "FEMALE", "marital": "SINGLE", "dob": "1990-10-25",
                   "birth_city": "NIZHNY NOVGOROD", "birth_state": "NIZHEGORODSKAYA OBLAST",
                   "birth_country": "RUSSIA", "nationality": "RUSSIA", "national_id": None},
        "home": {"street": "UL. BOLSHAYA POKROVSKAYA 60", "street2": "KV. 17",
                 "city": "NIZHNY NOVGOROD", "state": "NIZHEGORODSKAYA OBLAST", "postal": "603005",
                 "country": "RUSSIA"},
        "contact": {"phone": "79202417763", "work_phone": None,
                    "email": "marina.zaitseva@volgamail.example",
                    "social": [("INSTAGRAM", "MARINA.ZAITSEVA.NN")]},
        "passport": {"number": "751934826", "authority": "RUSSIA", "city": "NIZHNY NOVGOROD",
                     "country": "RUSSIA", "issued": "2022-06-01", "expires": "2032-06-01"},
        "trip": {"arrival": "2026-05-25", "stay": (2, "WEEK"), "street": "55 CAMBRIDGE PKWY",
                 "city": "CAMBRIDGE", "state": "MASSACHUSETTS", "zip": "02142"},
        "prev": {"visits": [], "visa": None, "refused": False},
        "us_contact": {"surnames": "ORLOVA", "given": "ELENA", "org": None, "relationship": "FRIEND",
                       "street": "120 BEACON ST APT 9", "city": "BOSTON", "state": "MASSACHUSETTS",
                       "zip": "02116", "phone": "6175550138",
                       "email": "elena.orlova@charlesmail.example"},
        "family": {"father": ("ZAITSEV", "OLEG", "1963-03-08"),
                   "mother": ("ZAITSEVA", "NATALIA", "1966-07-19")},
        "work": {"occupation": "COMPUTER SCIENCE", "employer": "NIZHNY IT SERVICES LLC",
                 "street": "UL. RODIONOVA 165", "city": "NIZHNY NOVGOROD",
                 "state": "NIZHEGORODSKAYA OBLAST", "postal": "603093", "country": "RUSSIA",
                 "phone": "78312284410", "start": "2016-09-01", "income": 145000,
                 "duties": "BUSINESS ANALYST FOR BANKING SOFTWARE", "previous": []},
        "education": [school("LOBACHEVSKY STATE UNIVERSITY OF NIZHNY NOVGOROD", "PROSPEKT GAGARINA 23",
                             "NIZHNY NOVGOROD", "NIZHEGORODSKAYA OBLAST", "603022", "RUSSIA",
                             "APPLIED INFORMATICS", "2007-09-01", "2012-06-30")],
        "languages": ["RUSSIAN", "ENGLISH"],
        "countries": ["KAZAKHSTAN", "TURKEY", "ARMENIA", "GEORGIA"],
    }
    new = copy.deepcopy(old)
    new.update(app_id="AA00M6TF4Y", printed=("2026-11-24", "12:07 PM"))
    new["trip"]["arrival"] = "2027-05-20"
    new["work"] = {"occupation": "COMPUTER SCIENCE", "employer": "VOLGA SOFT LLC",
                   "street": "UL. BOLSHAYA POKROVSKAYA 18, OFFICE 4", "city": "NIZHNY NOVGOROD",
                   "state": "NIZHEGORODSKAYA OBLAST", "postal": "603000", "country": "RUSSIA",
                   "phone": "78312157730", "start": "2026-05-12", "income": 210000,
                   "duties": "LEAD ANALYST: REQUIREMENTS AND ACCEPTANCE TESTING OF PAYMENT SYSTEMS",
                   "previous": [employer("NIZHNY IT SERVICES LLC", "UL. RODIONOVA 165",
                                         "NIZHNY NOVGOROD", "NIZHEGORODSKAYA OBLAST", "603093",
                                         "RUSSIA", "78312284410", "BUSINESS ANALYST",
                                         ("SMIRNOV", "PAVEL"), "2016-09-01", "2026-05-08",
                                         "BUSINESS ANALYSIS FOR BANKING SOFTWARE")]}
    new["prev"]["refused"] = True
    new["prev"]["refused_explain"] = ("REFUSED UNDER SECTION 214(B) AT THE U.S. EMBASSY IN ASTANA "
                                      "ON 17 MARCH 2026")
    return old, new
