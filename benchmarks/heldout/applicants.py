"""Six fictional DS-160 applicants for the held-out benchmark.

Every person, address, number and organisation here is invented. Values are
given the way CEAC stores them (capitals, CEAC option texts); dates are ISO
strings (``"2019-03"`` for a partial date), durations ``(n, UNIT)`` or
``"LT24"``; ``DNA`` / ``DNK`` / ``NOEXP`` stand for the checkbox answers
``DOES NOT APPLY`` / ``DO NOT KNOW`` / ``NO EXPIRATION``.
"""

from __future__ import annotations


class Null(str):
    """A checkbox answer: printed as its text, read as JSON ``null``."""


DNA = Null("DOES NOT APPLY")
DNK = Null("DO NOT KNOW")
NOEXP = Null("NO EXPIRATION")

B_PURPOSE = "TEMP. BUSINESS OR PLEASURE VISITOR (B)"


KZ = {
    "slug": "kz_abenova",
    "app_id": "AA00KQ7R4M",
    "location": "KAZAKHSTAN, ASTANA",
    "surnames": "ABENOVA",
    "given_names": "DANA NURLANKYZY",
    "native": "АБЕНОВА ДАНА НҰРЛАНҚЫЗЫ",
    "other_names": [("ZHUMABAYEVA", "DANA NURLANKYZY")],
    "telecode": False,
    "sex": "FEMALE",
    "marital": "MARRIED",
    "dob": "1988-04-17",
    "birth_city": "SHYMKENT",
    "birth_state": "SOUTH KAZAKHSTAN REGION",
    "birth_country": "KAZAKHSTAN",
    "nationality": "KAZAKHSTAN",
    "other_nationalities": [],
    "perm_res_other": None,
    "national_id": "880417 450 123",
    "ssn": DNA,
    "itin": DNA,
    "home": {
        "street1": "MICRODISTRICT SAMAL-2, BUILDING 58",
        "street2": "APARTMENT 114",
        "city": "ALMATY",
        "state": "ALMATY",
        "postal": "050059",
        "country": "KAZAKHSTAN",
    },
    "mailing_same": True,
    "primary_phone": "+7 701 555 2481",
    "secondary_phone": DNA,
    "work_phone": "+7 727 355 0190",
    "other_phones": ["+7 777 410 6632"],
    "email": "DANA.ABENOVA@MAIL.KZ",
    "other_emails": ["D.ZHUMABAYEVA@INBOX.KZ"],
    "social": [("INSTAGRAM", "DANA.ABENOVA.KZ"), ("FACEBOOK", "DANA.ABENOVA.88")],
    "passport": {
        "type": "REGULAR",
        "number": "N13579246",
        "book": DNA,
        "authority": "KAZAKHSTAN",
        "city": "ALMATY",
        "state": DNA,
        "country": "KAZAKHSTAN",
        "issued": "2021-02-09",
        "expires": "2031-02-08",
    },
    "lost": [],
    "purpose": B_PURPOSE,
    "specify": "BUSINESS & TOURISM (TEMPORARY VISITOR) (B1/B2)",
    "plans": {"specific": False, "arrival": "2027-03-14", "length": (3, "WEEK")},
    "us_address": ["1420 SOUTH MICHIGAN AVENUE", "UNIT 905", "CHICAGO", "ILLINOIS", "60605"],
    "payer": {"kind": "SELF"},
    "companions": [("ABENOV", "TIMUR SERIKOVICH", "SPOUSE")],
    "been_in_us": [("2016-07-02", (2, "WEEK")), ("2024-05-19", (10, "DAY"))],
    "drivers_licenses": [],
    "visa": {
        "issued": "2023-12-11",
        "number": "20481736",
        "same_type": True,
        "same_country": True,
        "ten_printed": True,
        "lost": False,
        "cancelled": False,
    },
    "refused": (
        "IN MAY 2023 MY B1/B2 APPLICATION AT THE U.S. EMBASSY IN ASTANA WAS REFUSED UNDER "
        "SECTION 221(G) FOR ADMINISTRATIVE PROCESSING. THE CONSULAR OFFICER KEPT MY PASSPORT "
        "OVERNIGHT AND GAVE ME A WHITE FORM ASKING FOR AN UPDATED LETTER FROM MY EMPLOYER AND A "
        "LIST OF MY TRIPS ABROAD FOR THE LAST FIFTEEN YEARS, WHICH I SENT TO THE EMBASSY BY EMAIL "
        "ON 02 JUNE 2023. THE CASE WAS STILL PENDING WHEN THE DATES OF THE CONFERENCE I WANTED TO "
        "ATTEND IN CHICAGO HAD PASSED, SO I CANCELLED THAT TRIP. THE ADMINISTRATIVE PROCESSING "
        "WAS COMPLETED IN DECEMBER 2023 AND THE VISA WAS ISSUED ON 11 DECEMBER 2023. I HAVE NEVER "
        "BEEN REFUSED ADMISSION AT A U.S. PORT OF ENTRY AND I HAVE NEVER WITHDRAWN AN APPLICATION "
        "FOR ADMISSION."
    ),
    "esta": None,
    "petition": None,
    "us_contact": {
        "surnames": "KOVALENKO",
        "given_names": "IRINA",
        "org": DNA,
        "relationship": "FRIEND",
        "address": ["2231 WEST CORTLAND STREET", "CHICAGO", "ILLINOIS", "60647"],
        "phone": "+1 312 555 0148",
        "email": "IRINA.KOVALENKO@EXAMPLE.COM",
    },
    "father": ("NURGALIYEV", "NURLAN ABAYEVICH", "1961-09-30", None),
    "mother": ("NURGALIYEVA", "GULNARA SABITOVNA", "1964-01-22",
               "U.S. LEGAL PERMANENT RESIDENT (LPR)"),
    "immediate_relatives": [("NURGALIYEV", "ARMAN NURLANOVICH", "SIBLING", "U.S. CITIZEN")],
    "other_relatives": False,
    "spouse": {
        "surnames": "ABENOV",
        "given_names": "TIMUR SERIKOVICH",
        "dob": "1986-11-05",
        "nationality": "KAZAKHSTAN",
        "city": "KARAGANDA",
        "country": "KAZAKHSTAN",
        "address": "SAME AS HOME ADDRESS",
    },
    "occupation": "BUSINESS",
    "employer": {
        "name": "STEPPE AGRO TRADING LLP",
        "address": ["DOSTYK AVENUE 240", "OFFICE 12", "ALMATY", "ALMATY", "050051", "KAZAKHSTAN"],
        "phone": "+7 727 355 0190",
        "start": "2019-08-01",
        "income": "780000",
        "duties": (
            "I AM THE HEAD OF THE EXPORT DEPARTMENT. I NEGOTIATE CONTRACTS FOR THE SALE OF WHEAT "
            "AND BARLEY WITH BUYERS IN TURKEY, THE UNITED ARAB EMIRATES AND GEORGIA, SUPERVISE A "
            "TEAM OF SIX MANAGERS, PREPARE THE MONTHLY SALES REPORT FOR THE BOARD AND ATTEND "
            "INTERNATIONAL GRAIN CONFERENCES ON BEHALF OF THE COMPANY."
        ),
    },
    "currency": "KZT",
    "prev_employers": [
        {
            "name": "KAZGRAIN LOGISTICS JSC",
            "address": ["ABAY AVENUE 10", DNA, "ALMATY", "ALMATY", "050000", "KAZAKHSTAN"],
            "phone": "+7 727 244 1020",
            "title": "EXPORT MANAGER",
            "sup": ("SADYKOV", "YERLAN"),
            "from": "2012-09-03",
            "to": "2019-07-26",
            "duties": "ARRANGED RAILWAY SHIPMENTS OF GRAIN TO CENTRAL ASIAN BUYERS AND "
                      "PREPARED EXPORT DOCUMENTS.",
        }
    ],
    "schools": [
        {
            "name": "AL-FARABI KAZAKH NATIONAL UNIVERSITY",
            "address": ["AL-FARABI AVENUE 71", DNA, "ALMATY", "ALMATY", "050040", "KAZAKHSTAN"],
            "course": "INTERNATIONAL ECONOMICS",
            "from": "2005-09-01",
            "to": "2009-06-20",
        },
        {
            "name": "SCHOOL-GYMNASIUM NO. 8",
            "address": ["TOLE BI STREET 15", DNA, "SHYMKENT", "SOUTH KAZAKHSTAN REGION",
                        "160012", "KAZAKHSTAN"],
            "course": "GENERAL SECONDARY EDUCATION",
            "from": "1995-09-01",
            "to": "2005-05-25",
        },
    ],
    "clan": "ARGYN",
    "languages": ["KAZAKH", "RUSSIAN", "ENGLISH"],
    "countries": ["TURKEY", "UNITED ARAB EMIRATES", "GEORGIA"],
    "organizations": [],
    "military": [],
    "security_yes": {},
    "extras": None,
    "print_date": ("11/26/26, 3:42 PM", "2026-11-26"),
    "confirmation": {"submitted": ("25 NOVEMBER 2026 14:07:31", "2026-11-25"),
                     "header": "11/26/26, 3:40 PM"},
}


MN = {
    "slug": "mn_batbayar",
    "app_id": "AA00MB2X9T",
    "location": "MONGOLIA, ULAANBAATAR",
    "surnames": "BATBAYAR",
    "given_names": "TEMUULEN",
    "native": "БАТБАЯР ТЭМҮҮЛЭН",
    "other_names": [],
    "telecode": False,
    "sex": "MALE",
    "marital": "SINGLE",
    "dob": "1999-12-03",
    "birth_city": "DARKHAN",
    "birth_state": "DARKHAN-UUL",
    "birth_country": "MONGOLIA",
    "nationality": "MONGOLIA",
    "other_nationalities": [],
    "perm_res_other": None,
    "national_id": "UP99120317",
    "ssn": DNA,
    "itin": DNA,
    "home": {
        "street1": "BAYANZURKH DISTRICT, 13TH KHOROO, PEACE AVENUE 61-24",
        "street2": None,
        "city": "ULAANBAATAR",
        "state": DNA,
        "postal": "13312",
        "country": "MONGOLIA",
    },
    "mailing_same": True,
    "primary_phone": "+976 9911 2233",
    "secondary_phone": "+976 8800 4512",
    "work_phone": DNA,
    "other_phones": ["+976 9515 7788", "+82 10 5521 9034"],
    "email": "TEMUULEN.B@GMAIL.COM",
    "other_emails": ["B.TEMUULEN@NUM.EDU.MN"],
    "social": [("FACEBOOK", "TEMUULEN.BATBAYAR"), ("LINKEDIN", "TEMUULEN-BATBAYAR")],
    "passport": {
        "type": "REGULAR",
        "number": "E 2468013",
        "book": DNA,
        "authority": "MONGOLIA",
        "city": "ULAANBAATAR",
        "state": DNA,
        "country": "MONGOLIA",
        "issued": "2023-04-18",
        "expires": "2033-04-17",
    },
    "lost": [],
    "purpose": "STUDENT (F)",
    "specify": "STUDENT (F1)",
    "plans": {"specific": False, "arrival": "2027-08-15", "length": (2, "YEAR")},
    "us_address": ["1000 OLIVE DRIVE", "APARTMENT 2B", "DAVIS", "CALIFORNIA", "95616"],
    "payer": {"kind": "OTHER COMPANY/ORGANIZATION", "name": "KHAAN FOUNDATION FOR EDUCATION",
              "phone": "+976 7011 9000", "relationship": "OTHER"},
    "companions": [],
    "been_in_us": [],
    "drivers_licenses": [],
    "visa": None,
    "refused": None,
    "esta": None,
    "petition": None,
    "us_contact": {
        "surnames": DNK,
        "given_names": DNK,
        "org": "UNIVERSITY OF CALIFORNIA DAVIS GRADUATE STUDIES",
        "relationship": "SCHOOL OFFICIAL",
        "address": ["ONE SHIELDS AVENUE", "DAVIS", "CALIFORNIA", "95616"],
        "phone": "5307527271",
        "email": "GRADADMISSIONS@UCDAVIS.EDU",
    },
    "father": ("DORJ", "BATBAYAR", "1970-06-14", None),
    "mother": ("TSEDEN", "OYUNTSETSEG", "1973", None),
    "immediate_relatives": [],
    "other_relatives": False,
    "spouse": None,
    "occupation": "STUDENT",
    "employer": {
        "name": "MONGOLIAN UNIVERSITY OF SCIENCE AND TECHNOLOGY",
        "address": ["8TH KHOROO, BAGA TOIRUU 34", DNA, "ULAANBAATAR", DNA, "14191", "MONGOLIA"],
        "phone": "+976 11 324590",
        "start": "2023-09-01",
        "income": DNA,
        "duties": "MASTER'S STUDENT IN ENVIRONMENTAL ENGINEERING. I ALSO WORK AS A TEACHING "
                  "ASSISTANT FOR THE UNDERGRADUATE HYDROLOGY COURSE.",
    },
    "currency": "MNT",
    "prev_employers": [],
    "schools": [
        {
            "name": "NATIONAL UNIVERSITY OF MONGOLIA",
            "address": ["IKH SURGUULIIN GUDAMJ 1", DNA, "ULAANBAATAR", DNA, "14201", "MONGOLIA"],
            "course": "ENVIRONMENTAL SCIENCE",
            "from": "2018-09-01",
            "to": "2022-06-10",
        },
        {
            "name": "DARKHAN SECONDARY SCHOOL NO. 5",
            "address": ["5TH BAG", DNA, "DARKHAN", "DARKHAN-UUL", "45040", "MONGOLIA"],
            "course": "SECONDARY EDUCATION",
            "from": "2006-09-01",
            "to": "2017-06-01",
        },
    ],
    "clan": None,
    "languages": ["MONGOLIAN", "ENGLISH", "KOREAN"],
    "countries": ["KOREA, REPUBLIC OF (SOUTH)", "CHINA", "JAPAN"],
    "organizations": ["MONGOLIAN YOUTH ENVIRONMENTAL NETWORK"],
    "military": [
        {"country": "MONGOLIA", "branch": "MONGOLIAN ARMED FORCES, GROUND FORCE",
         "rank": "PRIVATE FIRST CLASS", "specialty": "SIGNALS OPERATOR",
         "from": "2017-09-04", "to": "2018-08-30"}
    ],
    "security_yes": {},
    "extras": "F",
    "print_date": ("11/26/26, 3:42 PM", "2026-11-26"),
    "confirmation": None,
}


VN = {
    "slug": "vn_nguyen",
    "app_id": "AA00VN51QH",
    "location": "VIETNAM, HO CHI MINH CITY",
    "surnames": "NGUYEN",
    "given_names": "THI MAI ANH",
    "native": "NGUYỄN THỊ MAI ANH",
    "other_names": [],
    "telecode": False,
    "sex": "FEMALE",
    "marital": "MARRIED",
    "dob": "1984-02-29",
    "birth_city": "HAI PHONG",
    "birth_state": DNA,
    "birth_country": "VIETNAM",
    "nationality": "VIETNAM",
    "other_nationalities": [],
    "perm_res_other": None,
    "national_id": "031184005521",
    "ssn": DNA,
    "itin": DNA,
    "home": {
        "street1": "45/12 NGUYEN VAN TROI STREET",
        "street2": "WARD 8, PHU NHUAN DISTRICT",
        "city": "HO CHI MINH CITY",
        "state": DNA,
        "postal": "700000",
        "country": "VIETNAM",
    },
    "mailing_same": True,
    "primary_phone": "+84 90 318 4471",
    "secondary_phone": DNA,
    "work_phone": "+84 28 3930 2217",
    "other_phones": ["+84 91 220 6035"],
    "email": "MAIANH.NGUYEN@SAIGONBLUE.VN",
    "other_emails": ["NTMANH84@YAHOO.COM", "MAIANH.LOGISTICS@GMAIL.COM"],
    "social": [("FACEBOOK", "MAIANH.NGUYEN.84"), ("LINKEDIN", "NGUYEN-THI-MAI-ANH")],
    "passport": {
        "type": "REGULAR",
        "number": "C7730415",
        "book": DNA,
        "authority": "VIETNAM",
        "city": "HO CHI MINH CITY",
        "state": DNA,
        "country": "VIETNAM",
        "issued": "2022-11-21",
        "expires": "2032-11-21",
    },
    "lost": [
        {"number": "B4410286", "country": "VIETNAM",
         "explanation": "MY HANDBAG WITH THE PASSPORT WAS STOLEN AT A BUS STATION IN DA NANG IN "
                        "AUGUST 2022. I REPORTED THE THEFT TO THE LOCAL POLICE AND APPLIED FOR A "
                        "NEW PASSPORT."}
    ],
    "purpose": B_PURPOSE,
    "specify": "BUSINESS & TOURISM (TEMPORARY VISITOR) (B1/B2)",
    "plans": {"specific": True, "arrival": "2027-04-06", "departure": "2027-04-24",
              "arrival_flight": "CX 880", "arrival_city": "LOS ANGELES",
              "departure_flight": "CX 841", "departure_city": "NEW YORK",
              "locations": ["LOS ANGELES", "LONG BEACH", "NEW YORK"]},
    "us_address": ["HILTON LONG BEACH", "701 WEST OCEAN BOULEVARD", "LONG BEACH", "CALIFORNIA",
                   "90831"],
    "payer": {"kind": "OTHER COMPANY/ORGANIZATION", "name": "SAIGON BLUE LOGISTICS JSC",
              "phone": "+84 28 3930 2200", "relationship": "EMPLOYER"},
    "companions": [],
    "been_in_us": [("2019-06-03", (10, "DAY")), ("2022-10-14", "LT24")],
    "drivers_licenses": [],
    "visa": {
        "issued": "2018-12-04",
        "number": "K2294471",
        "same_type": True,
        "same_country": True,
        "ten_printed": True,
        "lost": True,
        "cancelled": False,
    },
    "refused": None,
    "esta": None,
    "petition": (
        "MY YOUNGER BROTHER, A U.S. CITIZEN, FILED AN I-130 PETITION FOR ME (F4 CATEGORY) IN "
        "MARCH 2020. IT WAS APPROVED IN 2022 AND I AM WAITING FOR MY PRIORITY DATE. I DO NOT "
        "INTEND TO IMMIGRATE ON THIS TRIP AND WILL RETURN TO MY JOB IN HO CHI MINH CITY."
    ),
    "us_contact": {
        "surnames": "TRAN",
        "given_names": "MINH KHOA",
        "org": "PACIFIC HARBOR FREIGHT INC",
        "relationship": "BUSINESS ASSOCIATE",
        "address": ["300 EAST OCEAN BOULEVARD", "SUITE 1450", "LONG BEACH", "CALIFORNIA",
                    "90802"],
        "phone": "(562) 555-0199",
        "email": "KHOA.TRAN@PACHARBORFREIGHT.COM",
    },
    "father": ("NGUYEN", "VAN HUNG", "1955-03-08", None),
    "mother": ("PHAM", "THI LAN", "1958-10-12", None),
    "immediate_relatives": [("NGUYEN", "DUC MINH", "SIBLING", "U.S. CITIZEN")],
    "other_relatives": True,
    "spouse": {
        "surnames": "LE",
        "given_names": "QUANG VINH",
        "dob": "1981-07-19",
        "nationality": "VIETNAM",
        "city": "HUE",
        "country": "VIETNAM",
        "address": "SAME AS HOME ADDRESS",
    },
    "occupation": "BUSINESS",
    "employer": {
        "name": "SAIGON BLUE LOGISTICS JSC",
        "address": ["18A CONG HOA STREET", "WARD 4, TAN BINH DISTRICT", "HO CHI MINH CITY", DNA,
                    "700000", "VIETNAM"],
        "phone": "+84 28 3930 2200",
        "start": "2017-03-15",
        "income": "62000000",
        "duties": (
            "AS DEPUTY DIRECTOR OF OCEAN FREIGHT I AM RESPONSIBLE FOR THE COMPANY'S TRANSPACIFIC "
            "CONTAINER BUSINESS. I MANAGE RELATIONSHIPS WITH SHIPPING LINES AND WITH OUR AGENTS IN "
            "LOS ANGELES, LONG BEACH, OAKLAND, SEATTLE AND NEW YORK, NEGOTIATE ANNUAL SERVICE "
            "CONTRACTS, APPROVE FREIGHT QUOTATIONS ABOVE TWENTY THOUSAND DOLLARS, AND LEAD A TEAM "
            "OF TWENTY-TWO STAFF IN THE PRICING, CUSTOMER SERVICE AND DOCUMENTATION UNITS. I "
            "PREPARE THE QUARTERLY VOLUME FORECAST FOR THE BOARD OF DIRECTORS, REVIEW CLAIMS FOR "
            "DAMAGED OR DELAYED CARGO, AND TRAIN NEW SALES STAFF ON INCOTERMS AND CUSTOMS "
            "PROCEDURES. ON THIS TRIP I WILL ATTEND THE TRANSPACIFIC MARITIME CONFERENCE IN LONG "
            "BEACH AND MEET OUR PARTNER AGENTS IN LOS ANGELES AND NEW YORK TO REVIEW THE SERVICE "
            "LEVEL AGREEMENTS FOR NEXT YEAR. THE COMPANY PAYS FOR THE TRIP AND I WILL RETURN TO "
            "HO CHI MINH CITY ON 24 APRIL 2027 TO CONTINUE MY WORK. I HAVE WORKED FOR THE COMPANY "
            "SINCE MARCH 2017 AND I WAS PROMOTED TO DEPUTY DIRECTOR IN JANUARY 2021."
        ),
    },
    "currency": "VND",
    "prev_employers": [
        {
            "name": "VINATRANS SHIPPING AGENCY",
            "address": ["406 NGUYEN TAT THANH STREET", "DISTRICT 4", "HO CHI MINH CITY", DNA,
                        "700000", "VIETNAM"],
            "phone": "+84 28 3826 1122",
            "title": "PRICING SUPERVISOR",
            "sup": ("HOANG", "VAN THANH"),
            "from": "2011-05",
            "to": "2017-02",
            "duties": "PREPARED OCEAN FREIGHT QUOTATIONS AND SUPERVISED FOUR PRICING "
                      "ASSISTANTS.",
        },
        {
            "name": "HAIPHONG PORT JSC",
            "address": ["8A TRAN PHU STREET", DNA, "HAI PHONG", DNA, "180000", "VIETNAM"],
            "phone": "+84 225 385 9945",
            "title": "DOCUMENTATION CLERK",
            "sup": ("DO", "THI HOA"),
            "from": "2006-08-01",
            "to": "2011-04-29",
            "duties": "ISSUED BILLS OF LADING AND KEPT CONTAINER RECORDS.",
        },
    ],
    "schools": [
        {
            "name": "VIETNAM MARITIME UNIVERSITY",
            "address": ["484 LACH TRAY STREET", DNA, "HAI PHONG", DNA, "180000", "VIETNAM"],
            "course": "MARITIME ECONOMICS",
            "from": "2002-09-05",
            "to": "2006-06-30",
        }
    ],
    "clan": None,
    "languages": ["VIETNAMESE", "ENGLISH"],
    "countries": ["SINGAPORE", "THAILAND", "KOREA, REPUBLIC OF (SOUTH)", "JAPAN", "CHINA"],
    "organizations": ["VIETNAM LOGISTICS BUSINESS ASSOCIATION",
                      "HO CHI MINH CITY WOMEN ENTREPRENEURS CLUB"],
    "military": [],
    "security_yes": {},
    "extras": None,
    "print_date": ("11/26/26, 3:42 PM", "2026-11-26"),
    "confirmation": {"submitted": ("24 NOVEMBER 2026 09:51:02", "2026-11-24"),
                     "header": "11/26/26, 3:42 PM"},
}


BR = {
    "slug": "br_souza",
    "app_id": "AA00BR8C3D",
    "location": "BRAZIL, SAO PAULO",
    "surnames": "SOUZA PEREIRA",
    "given_names": "RAFAEL AUGUSTO",
    "native": DNA,
    "other_names": [],
    "telecode": False,
    "sex": "MALE",
    "marital": "MARRIED",
    "dob": "1979-10-08",
    "birth_city": "CAMPINAS",
    "birth_state": "SAO PAULO",
    "birth_country": "BRAZIL",
    "nationality": "BRAZIL",
    "other_nationalities": [("ITALY", "YA1234567")],
    "perm_res_other": None,
    "national_id": "123.456.789-09",
    "ssn": DNA,
    "itin": "912-70-4418",
    "home": {
        "street1": "RUA DOUTOR ALBUQUERQUE LINS 1180",
        "street2": "APTO 82",
        "city": "SAO PAULO",
        "state": "SAO PAULO",
        "postal": "01230-001",
        "country": "BRAZIL",
    },
    "mailing_same": False,
    "primary_phone": "+55 11 98765 4410",
    "secondary_phone": "+55 11 3825 7700",
    "work_phone": "+55 11 3047 2000",
    "other_phones": ["+55 19 99120 3344"],
    "email": "RAFAEL.SOUZAPEREIRA@UOL.COM.BR",
    "other_emails": ["RASP1979@HOTMAIL.COM"],
    "social": [("INSTAGRAM", "RAFA.SOUZAP"), ("TWITTER", "RSOUZAPEREIRA"),
               ("YOUTUBE", "RAFAELNAESTRADA")],
    "passport": {
        "type": "REGULAR",
        "number": "FX 583041",
        "book": DNA,
        "authority": "BRAZIL",
        "city": "SAO PAULO",
        "state": "SAO PAULO",
        "country": "BRAZIL",
        "issued": "2019-06-27",
        "expires": "2029-06-26",
    },
    "lost": [],
    "purpose": B_PURPOSE,
    "specify": "BUSINESS & TOURISM (TEMPORARY VISITOR) (B1/B2)",
    "plans": {"specific": True, "arrival": "2027-01-09", "departure": "2027-01-23",
              "arrival_flight": "LA 8180", "arrival_city": "MIAMI",
              "departure_flight": "LA 8065", "departure_city": "ORLANDO",
              "locations": ["MIAMI", "ORLANDO", "KISSIMMEE"]},
    "us_address": ["7500 WEST IRLO BRONSON MEMORIAL HIGHWAY", "KISSIMMEE", "FLORIDA", "34747"],
    "payer": {"kind": "SELF"},
    "companions": [("MARTINS SOUZA", "CAROLINA", "SPOUSE"), ("SOUZA MARTINS", "BEATRIZ", "CHILD")],
    "been_in_us": [("2012-12-20", (3, "WEEK")), ("2015-07-04", (1, "MONTH")),
                   ("2023-02-11", (12, "DAY"))],
    "drivers_licenses": [("S123-456-79-300-0", "FLORIDA")],
    "visa": {
        "issued": "2022-09-14",
        "number": "8833 1920",
        "same_type": True,
        "same_country": True,
        "ten_printed": True,
        "lost": False,
        "cancelled": False,
    },
    "refused": None,
    "esta": False,
    "petition": None,
    "us_contact": {
        "surnames": "OLIVEIRA",
        "given_names": "MARCOS",
        "org": DNA,
        "relationship": "RELATIVE",
        "address": ["4021 NORTHWEST 79TH AVENUE", "DORAL", "FLORIDA", "33166"],
        "phone": "+1 305 555 0177",
        "email": "MARCOS.OLIVEIRA.DORAL@EXAMPLE.COM",
    },
    "father": ("SOUZA PEREIRA", "JOSE CARLOS", "1950-05-02", None),
    "mother": ("AUGUSTO", "MARIA APARECIDA", "1953-12-25", None),
    "immediate_relatives": [("SOUZA MARTINS", "LUCAS", "CHILD", "NONIMMIGRANT")],
    "other_relatives": True,
    "spouse": {
        "surnames": "MARTINS SOUZA",
        "given_names": "CAROLINA",
        "dob": "1982-03-16",
        "nationality": "BRAZIL",
        "city": "PORTO",
        "country": "PORTUGAL",
        "address": "SAME AS HOME ADDRESS",
    },
    "occupation": "ENGINEERING",
    "employer": {
        "name": "CONSTRUTORA HORIZONTE PAULISTA LTDA",
        "address": ["AVENIDA BRIGADEIRO FARIA LIMA 3900", "10 ANDAR", "SAO PAULO", "SAO PAULO",
                    "04538-132", "BRAZIL"],
        "phone": "+55 11 3047 2000",
        "start": "2014-02-03",
        "income": "28500",
        "duties": "SENIOR STRUCTURAL ENGINEER. I DESIGN AND REVIEW REINFORCED CONCRETE "
                  "STRUCTURES FOR RESIDENTIAL TOWERS AND COORDINATE THE SITE ENGINEERS OF TWO "
                  "PROJECTS.",
    },
    "currency": "BRL",
    "prev_employers": [
        {
            "name": "ENGEMIX CONCRETO S.A.",
            "address": ["RODOVIA ANHANGUERA KM 104", DNA, "CAMPINAS", "SAO PAULO", "13065-900",
                        "BRAZIL"],
            "phone": "+55 19 3765 1200",
            "title": "PROJECT ENGINEER",
            "sup": ("FERREIRA", "PAULO ROBERTO"),
            "from": "2004-03-01",
            "to": "2014-01-17",
            "duties": "QUALITY CONTROL OF READY-MIX CONCRETE AND TECHNICAL SUPPORT TO CLIENTS.",
        }
    ],
    "schools": [
        {
            "name": "UNIVERSIDADE ESTADUAL DE CAMPINAS",
            "address": ["RUA DA REITORIA 121", "CIDADE UNIVERSITARIA", "CAMPINAS", "SAO PAULO",
                        "13083-872", "BRAZIL"],
            "course": "CIVIL ENGINEERING",
            "from": "1998-03-02",
            "to": "2003-12-12",
        }
    ],
    "clan": None,
    "languages": ["PORTUGUESE", "ENGLISH", "SPANISH", "ITALIAN"],
    "countries": ["ARGENTINA", "PORTUGAL", "ITALY", "CHILE"],
    "organizations": ["INSTITUTO BRASILEIRO DO CONCRETO"],
    "military": [],
    "security_yes": {
        "arrested_or_convicted": (
            "IN NOVEMBER 2015 I WAS STOPPED BY THE MILITARY POLICE IN CAMPINAS AND ARRESTED FOR "
            "DRIVING UNDER THE INFLUENCE OF ALCOHOL (ARTICLE 306 OF THE BRAZILIAN TRAFFIC CODE). "
            "I WAS RELEASED ON BAIL THE SAME NIGHT. IN MARCH 2016 THE CASE WAS CLOSED WITH A "
            "CONDITIONAL SUSPENSION OF THE PROCEEDINGS: I PAID A FINE, ATTENDED A TRAFFIC "
            "EDUCATION COURSE AND MY DRIVING LICENCE WAS SUSPENDED FOR TWELVE MONTHS. THERE WAS "
            "NO CONVICTION AND I HAVE HAD NO OTHER ARRESTS. THE COURT CERTIFICATE IS ATTACHED TO "
            "MY DOCUMENTS."
        )
    },
    "extras": None,
    "print_date": ("1/5/27, 9:07 AM", "2027-01-05"),
    "confirmation": {"submitted": ("04 JANUARY 2027 22:18:40", "2027-01-04"),
                     "header": "1/5/27, 9:05 AM"},
}


EG = {
    "slug": "eg_elsayed",
    "app_id": "AA00EG4K7W",
    "location": "UNITED ARAB EMIRATES, DUBAI",
    "surnames": "ELSAYED",
    "given_names": "AHMED MOSTAFA KAMAL",
    "native": DNA,
    "other_names": [],
    "telecode": False,
    "sex": "MALE",
    "marital": "MARRIED",
    "dob": "1983-06-21",
    "birth_city": "ALEXANDRIA",
    "birth_state": DNA,
    "birth_country": "EGYPT",
    "nationality": "EGYPT",
    "other_nationalities": [],
    "perm_res_other": "UNITED ARAB EMIRATES",
    "national_id": "28306210201234",
    "ssn": DNA,
    "itin": DNA,
    "home": {
        "street1": "AL BARSHA 1, ZENITH TOWER A2, FLAT 1706",
        "street2": None,
        "city": "DUBAI",
        "state": "DUBAI",
        "postal": DNA,
        "country": "UNITED ARAB EMIRATES",
    },
    "mailing_same": True,
    "primary_phone": "+971 50 428 1937",
    "secondary_phone": "+20 100 555 7312",
    "work_phone": "+971 4 391 8800",
    "other_phones": ["+20 122 301 6614"],
    "email": "AHMED.ELSAYED83@OUTLOOK.COM",
    "other_emails": ["A.ELSAYED@NILEDELTA-ENG.COM"],
    "social": [("LINKEDIN", "AHMED-ELSAYED-PE"), ("FACEBOOK", "AHMED.M.ELSAYED")],
    "passport": {
        "type": "REGULAR",
        "number": "A 19284756",
        "book": DNA,
        "authority": "EGYPT",
        "city": "DUBAI",
        "state": DNA,
        "country": "UNITED ARAB EMIRATES",
        "issued": "2020-10-04",
        "expires": "2027-10-03",
    },
    "lost": [
        {"number": DNK, "country": "EGYPT",
         "explanation": "LOST DURING A MOVE FROM CAIRO TO DUBAI IN 2012. I REPORTED IT TO THE "
                        "EGYPTIAN CONSULATE GENERAL IN DUBAI."}
    ],
    "purpose": B_PURPOSE,
    "specify": "BUSINESS/CONFERENCE (B1)",
    "plans": {"specific": False, "arrival": "2027-02-22", "length": (5, "DAY")},
    "us_address": ["HOUSTON MARRIOTT MEDICAL CENTER", "6580 FANNIN STREET", "HOUSTON", "TEXAS",
                   "77030"],
    "payer": {"kind": "SELF"},
    "companions": [],
    "been_in_us": [("2010-09-12", (2, "MONTH"))],
    "drivers_licenses": [],
    "visa": {
        "issued": "2010-08-25",
        "number": DNK,
        "same_type": False,
        "same_country": False,
        "ten_printed": True,
        "lost": False,
        "cancelled": False,
    },
    "refused": (
        "ON 12 MARCH 2024 MY B1/B2 APPLICATION WAS REFUSED AT THE U.S. EMBASSY IN CAIRO UNDER "
        "SECTION 214(B). THE OFFICER SAID I HAD NOT SHOWN STRONG ENOUGH TIES TO MY COUNTRY OF "
        "RESIDENCE. SINCE THEN I HAVE RECEIVED MY PERMANENT UAE RESIDENCE, MY FAMILY HAS MOVED "
        "TO DUBAI AND I WAS PROMOTED TO ENGINEERING MANAGER."
    ),
    "esta": None,
    "petition": None,
    "us_contact": {
        "surnames": "WHITFIELD",
        "given_names": "SARAH",
        "org": "GULF COAST PIPELINE SYMPOSIUM",
        "relationship": "BUSINESS ASSOCIATE",
        "address": ["1001 AVENIDA DE LAS AMERICAS", "HOUSTON", "TEXAS", "77010"],
        "phone": "+1 713 555 0132",
        "email": "REGISTRATION@GCPSYMPOSIUM.ORG",
    },
    "father": ("ELSAYED", "MOSTAFA KAMAL", "1951-11-02", None),
    "mother": ("ABDELHAMID", "SAMIRA FATHY", "1957-04", None),
    "immediate_relatives": [],
    "other_relatives": True,
    "spouse": {
        "surnames": "HASSAN",
        "given_names": "NOURHAN ADEL",
        "dob": "1988-08-30",
        "nationality": "EGYPT",
        "city": "CAIRO",
        "country": "EGYPT",
        "address": "SAME AS HOME ADDRESS",
    },
    "occupation": "ENGINEERING",
    "employer": {
        "name": "NILE DELTA ENGINEERING CONSULTANTS FZ-LLC",
        "address": ["DUBAI SCIENCE PARK, BUILDING NORTH", "OFFICE 314", "DUBAI", "DUBAI", DNA,
                    "UNITED ARAB EMIRATES"],
        "phone": "+971 4 391 8800",
        "start": "2013-01-06",
        "income": "32000",
        "duties": "ENGINEERING MANAGER FOR PIPELINE INTEGRITY PROJECTS IN THE GULF REGION. I "
                  "LEAD A TEAM OF NINE ENGINEERS AND PRESENT OUR RESULTS TO CLIENTS.",
    },
    "currency": "AED",
    "prev_employers": [
        {
            "name": "PETROJET",
            "address": ["ROAD 90", "FIFTH SETTLEMENT", "NEW CAIRO", "CAIRO", "11835", "EGYPT"],
            "phone": "+20 2 2614 0000",
            "title": "PIPELINE ENGINEER",
            "sup": ("MANSOUR", "TAREK"),
            "from": "2006-10-01",
            "to": "2012-12-15",
            "duties": "DESIGNED CATHODIC PROTECTION SYSTEMS FOR ONSHORE PIPELINES.",
        }
    ],
    "schools": [
        {
            "name": "ALEXANDRIA UNIVERSITY FACULTY OF ENGINEERING",
            "address": ["LOTFY EL SAYED STREET", DNA, "ALEXANDRIA", DNA, "21544", "EGYPT"],
            "course": "MECHANICAL ENGINEERING",
            "from": "2000-09-15",
            "to": "2005-07-01",
        }
    ],
    "clan": None,
    "languages": ["ARABIC", "ENGLISH"],
    "countries": ["EGYPT", "SAUDI ARABIA", "OMAN", "QATAR", "GERMANY"],
    "organizations": ["EGYPTIAN ENGINEERS SYNDICATE", "NACE INTERNATIONAL"],
    "military": [
        {"country": "EGYPT", "branch": "EGYPTIAN ARMY, CORPS OF ENGINEERS",
         "rank": "FIRST LIEUTENANT (RESERVE)", "specialty": "MILITARY ENGINEERING",
         "from": "2005-09-01", "to": "2006-08-31"}
    ],
    "security_yes": {},
    "extras": None,
    "print_date": ("11/26/26, 3:42 PM", "2026-11-26"),
    "confirmation": None,
}


AM = {
    "slug": "am_hovhannisyan",
    "app_id": "AA00AM6P2J",
    "location": "ARMENIA, YEREVAN",
    "surnames": "HOVHANNISYAN",
    "given_names": "ANI",
    "native": "ՀՈՎՀԱՆՆԻՍՅԱՆ ԱՆԻ",
    "other_names": [("OHANIAN", "ANI"), ("HOVHANNISYAN", "ANNA")],
    "telecode": False,
    "sex": "FEMALE",
    "marital": "SINGLE",
    "dob": "1993-05-11",
    "birth_city": "GYUMRI",
    "birth_state": "SHIRAK",
    "birth_country": "ARMENIA",
    "nationality": "ARMENIA",
    "other_nationalities": [],
    "perm_res_other": None,
    "national_id": "AM0511930042",
    "ssn": "078-05-1120",
    "itin": DNA,
    "home": {
        "street1": "TUMANYAN STREET 27, APARTMENT 9",
        "street2": None,
        "city": "YEREVAN",
        "state": DNA,
        "postal": "0002",
        "country": "ARMENIA",
    },
    "mailing_same": True,
    "primary_phone": "+374 91 448 205",
    "secondary_phone": DNA,
    "work_phone": "+374 10 583 311",
    "other_phones": ["+374 55 190 733", "+1 617 555 0160"],
    "email": "ANI.HOVHANNISYAN@YSMU.AM",
    "other_emails": ["ANI.HOV93@GMAIL.COM", "AHOVHANNISYAN@PARTNERS.ORG"],
    "social": [("LINKEDIN", "ANI-HOVHANNISYAN-MD"), ("TWITTER", "ANIHOVMD")],
    "passport": {
        "type": "REGULAR",
        "number": "AU0734158",
        "book": DNA,
        "authority": "ARMENIA",
        "city": "YEREVAN",
        "state": DNA,
        "country": "ARMENIA",
        "issued": "2020-01-15",
        "expires": "2030-01-14",
    },
    "lost": [],
    "purpose": "EXCHANGE VISITOR (J)",
    "specify": "EXCHANGE VISITOR (J1)",
    "plans": {"specific": False, "arrival": "2027-06-28", "length": (1, "YEAR")},
    "us_address": ["55 FRUIT STREET", "BOSTON", "MASSACHUSETTS", "02114"],
    "payer": {"kind": "SELF"},
    "companions": [],
    "been_in_us": [("2019-07-01", (11, "MONTH"))],
    "drivers_licenses": [],
    "visa": {
        "issued": "2019-05-30",
        "number": "31207765",
        "same_type": True,
        "same_country": True,
        "ten_printed": True,
        "lost": False,
        "cancelled": False,
    },
    "refused": None,
    "esta": None,
    "petition": None,
    "us_contact": {
        "surnames": "MILLER",
        "given_names": "JONATHAN",
        "org": "MASSACHUSETTS GENERAL HOSPITAL",
        "relationship": "EMPLOYER",
        "address": ["55 FRUIT STREET", "BOSTON", "MASSACHUSETTS", "02114"],
        "phone": "+1 617 555 0102",
        "email": "JMILLER@PARTNERS.ORG",
    },
    "father": ("HOVHANNISYAN", "ARTUR", "1965-02-14", None),
    "mother": ("SARGSYAN", "LILIT", "1968-09-03", "U.S. CITIZEN"),
    "immediate_relatives": [],
    "other_relatives": False,
    "spouse": None,
    "occupation": "MEDICAL/HEALTH",
    "employer": {
        "name": "YEREVAN STATE MEDICAL UNIVERSITY",
        "address": ["KORYUN STREET 2", DNA, "YEREVAN", DNA, "0025", "ARMENIA"],
        "phone": "+374 10 583 311",
        "start": "2020-09-01",
        "income": "650000",
        "duties": (
            "I AM AN ASSISTANT PROFESSOR IN THE DEPARTMENT OF CARDIOLOGY AND A CARDIOLOGIST AT "
            "THE MURATSAN UNIVERSITY HOSPITAL. I TEACH THIRD-YEAR AND FOURTH-YEAR MEDICAL "
            "STUDENTS, SUPERVISE TWO RESIDENTS, SEE OUTPATIENTS THREE DAYS A WEEK AND TAKE PART IN "
            "A CLINICAL REGISTRY OF HEART FAILURE PATIENTS FUNDED BY THE MINISTRY OF HEALTH. "
            "DURING THE EXCHANGE PROGRAM I WILL JOIN THE HEART FAILURE RESEARCH GROUP AT "
            "MASSACHUSETTS GENERAL HOSPITAL AS A RESEARCH SCHOLAR FOR TWELVE MONTHS, AFTER WHICH I "
            "WILL RETURN TO MY POSITION AT THE UNIVERSITY, WHICH HAS GRANTED ME A PAID LEAVE OF "
            "ABSENCE FOR THE DURATION OF THE PROGRAM."
        ),
    },
    "currency": "AMD",
    "prev_employers": [
        {
            "name": "EREBUNI MEDICAL CENTER",
            "address": ["TITOGRADYAN STREET 14", DNA, "YEREVAN", DNA, "0087", "ARMENIA"],
            "phone": "+374 10 471 010",
            "title": "CARDIOLOGY RESIDENT",
            "sup": ("GRIGORYAN", "ARMEN"),
            "from": "2016-09-01",
            "to": "2019-06-28",
            "duties": "CARE OF INPATIENTS IN THE CARDIOLOGY WARD AND NIGHT SHIFTS IN THE "
                      "CORONARY CARE UNIT.",
        }
    ],
    "schools": [
        {
            "name": "YEREVAN STATE MEDICAL UNIVERSITY",
            "address": ["KORYUN STREET 2", DNA, "YEREVAN", DNA, "0025", "ARMENIA"],
            "course": "GENERAL MEDICINE",
            "from": "2010-09-01",
            "to": "2016-06-30",
        }
    ],
    "clan": None,
    "languages": ["ARMENIAN", "RUSSIAN", "ENGLISH", "FRENCH"],
    "countries": ["GEORGIA", "RUSSIA", "FRANCE", "IRAN"],
    "organizations": ["ARMENIAN CARDIOLOGISTS ASSOCIATION", "RED CROSS SOCIETY OF ARMENIA"],
    "military": [],
    "security_yes": {
        "j_two_year_requirement": (
            "I WAS A J1 RESEARCH SCHOLAR AT BRIGHAM AND WOMEN'S HOSPITAL FROM JULY 2019 TO MAY "
            "2020 AND I AM SUBJECT TO THE TWO-YEAR HOME RESIDENCE REQUIREMENT. I HAVE LIVED AND "
            "WORKED IN ARMENIA SINCE JUNE 2020, SO THE REQUIREMENT WAS FULFILLED IN JUNE 2022."
        )
    },
    "extras": "J",
    "print_date": ("11/26/26, 3:42 PM", "2026-11-26"),
    "confirmation": None,
}


APPLICANTS = [KZ, MN, VN, BR, EG, AM]
