"""Generate held-out scan set 4: ``python benchmarks/heldout_scans_4/gen.py OUT``.

Twelve synthetic client cases (every person, company, number and address made up), each as
``OUT/<case>/text/`` (text PDFs) and ``OUT/<case>/scan/`` (the same documents as the client has
them: scans, photos, a fax); a case whose old print-out exists only on paper also gets
``OUT/<case>/old.fields.json`` (the golden fields, from the model). Seeded per case: two runs
give byte-identical files. Nothing here imports or runs the tool.
"""

from __future__ import annotations

import json
import shutil
import sys
import time
from pathlib import Path
from typing import Any, Callable

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import camera  # noqa: E402
import forms  # noqa: E402
import letters as L  # noqa: E402
import paper  # noqa: E402
from paper import A4, LETTER  # noqa: E402

US_CONTACTS = [
    dict(surnames="HOLLOWAY", given="DEREK JAMES", relationship="FRIEND", street="2218 ASHGROVE LANE",
         city="COLUMBUS", state="OHIO", zip="43215", phone="+16145550147",
         email="d.holloway@ashgrove-mail.com"),
    dict(surnames="PRESCOTT", given="LINDA MAE", relationship="BUSINESS ASSOCIATE",
         org="PRESCOTT FREIGHT SOLUTIONS INC", street="880 HARBOR POINT BLVD", city="TAMPA",
         state="FLORIDA", zip="33602", phone="+18135550162", email="linda@prescottfreight.com"),
    dict(surnames="OKAFOR", given="SAMUEL", relationship="FRIEND", street="57 WILLOW BEND CT",
         city="AUSTIN", state="TEXAS", zip="78704", phone="+15125550119",
         email="sam.okafor@willowbend.net"),
]


def base(**kw: Any) -> dict[str, Any]:
    p = dict(name_provided=True, marital="SINGLE", other_phones=[], other_emails=[], social=[],
             visits=[], visa=None, refused=None, spouse=None, prev=[], occupation="BUSINESS",
             stay=(2, "WEEK"), time="11:26 AM")
    p.update(kw)
    return p


# --- the cases ------------------------------------------------------------------------------------

def c01() -> dict[str, Any]:
    old = base(
        app_id="AA00KQ7M2X", printed="2025-10-14", time="4:07 PM",
        surname="ZHAKSYLYKOV", given="ERLAN", native="ЖАҚСЫЛЫҚОВ ЕРЛАН ҚАЙРАТҰЛЫ", sex="MALE",
        marital="MARRIED", dob="1987-05-22", birth_city="ALMATY", birth_country="KAZAKHSTAN",
        nationality="KAZAKHSTAN", national_id="870522300415",
        home_street="MKR SAMAL-2, 58, APT 41", home_city="ALMATY", home_zip="050059",
        home_country="KAZAKHSTAN", phone="+77015550183", email="erlan.zh87@steppemail.kz",
        social=[("FACEBOOK", "erlan.zhaksylykov")],
        passport_no="N14829307", passport_city="ALMATY", passport_issue="2021-03-16",
        passport_expiry="2031-03-15", arrival="2025-12-10", stay=(2, "WEEK"),
        us_address="2218 ASHGROVE LANE, COLUMBUS, OH 43215",
        visits=[("2019-07-08", 14, "DAY")], visa=("2019-06-20", "11825034"),
        contact=US_CONTACTS[0],
        father=("ZHAKSYLYKOV", "KAIRAT", "1961-02-03"), mother=("ZHAKSYLYKOVA", "GULNARA", "1963-09-27"),
        spouse=dict(surnames="ZHAKSYLYKOVA", given="AIZHAN", dob="1990-11-12", nationality="KAZAKHSTAN",
                    city="TARAZ", country="KAZAKHSTAN"),
        employer="ALATAU MEDIA GROUP LLP", emp_street="DOSTYK AVENUE 134", emp_city="ALMATY",
        emp_zip="050051", emp_phone="+77272550144", start="2018-09-03", income=620000,
        duties="PRODUCE VIDEO CONTENT FOR CLIENTS, MANAGE A TEAM OF FOUR EDITORS",
        schools=[dict(name="KAZAKH NATIONAL UNIVERSITY NAMED AFTER AL-FARABI", street="AL-FARABI AVENUE 71",
                      city="ALMATY", course="JOURNALISM", **{"from": "2004-09-01", "to": "2008-06-30"})],
        languages=["KAZAKH", "RUSSIAN", "ENGLISH"], countries=["TURKEY", "UNITED ARAB EMIRATES", "GEORGIA"],
    )
    new = forms.vary(old, app_id="AA00RB3T9H", printed="2026-10-20", time="10:52 AM",
                     arrival="2027-01-18", visits=[("2019-07-08", 3, "WEEK")],
                     refused="REFUSED UNDER SECTION 214(B) AT THE U.S. CONSULATE GENERAL IN ALMATY "
                             "ON 05 NOVEMBER 2025")
    letter = L.refusal_214b_ankara_style("Almaty", "Consulate", "2025-11-05", "ZHAKSYLYKOV ERLAN",
                                         "AA00KQ7M2X")
    return dict(old=old, new=new, letters={"refusal_214b": letter})


def c02() -> dict[str, Any]:
    old = base(
        app_id="AA00UZ4C8N", printed="2025-08-29", time="9:41 AM",
        surname="TUKHTAEV", given="SHAKHZOD", native="ТЎХТАЕВ ШАҲЗОД ҒОЛИБ ЎҒЛИ", sex="MALE",
        dob="1994-01-30", birth_city="SAMARKAND", birth_country="UZBEKISTAN", nationality="UZBEKISTAN",
        national_id="33001945270031", home_street="CHILANZAR DISTRICT, KATARTAL STREET 27, APT 9",
        home_city="TASHKENT", home_zip="100115", home_country="UZBEKISTAN", phone="+998905550127",
        email="shakhzod.tukhtaev@silkpost.uz", other_emails=[],
        social=[("INSTAGRAM", "shakhzod_t94")],
        passport_no="FA4172095", passport_city="TASHKENT", passport_issue="2022-05-11",
        passport_expiry="2032-05-10", arrival="2025-10-20", stay=(10, "DAY"),
        us_address="880 HARBOR POINT BLVD, TAMPA, FL 33602", contact=US_CONTACTS[1],
        father=("TUKHTAEV", "GOLIB", "1966-06-14"), mother=("TUKHTAEVA", "MUKHABBAT", "1969-03-08"),
        occupation="COMPUTER SCIENCE", employer="UZCLOUD TECHNOLOGIES LLC",
        emp_street="AMIR TEMUR AVENUE 108", emp_city="TASHKENT", emp_zip="100084",
        emp_phone="+998712550176", start="2020-02-17", income=14500000,
        duties="BACKEND DEVELOPER: DESIGN AND MAINTAIN PAYMENT SERVICES",
        schools=[dict(name="TASHKENT UNIVERSITY OF INFORMATION TECHNOLOGIES", street="AMIR TEMUR AVENUE 108A",
                      city="TASHKENT", course="SOFTWARE ENGINEERING", **{"from": "2011-09-01", "to": "2015-06-30"})],
        languages=["UZBEK", "RUSSIAN", "ENGLISH"], countries=["KAZAKHSTAN", "TURKEY"],
    )
    new = forms.vary(old, app_id="AA00WD6P1K", printed="2026-09-15", time="2:18 PM",
                     birth_city="BUKHARA", arrival="2026-11-23",
                     refused="REFUSED UNDER 221(G) AT THE U.S. EMBASSY IN TASHKENT ON 18 SEPTEMBER "
                             "2025, ADMINISTRATIVE PROCESSING")
    letter = L.refusal_221g_admin("Tashkent", "Embassy", "2025-09-18", "TUKHTAEV SHAKHZOD", "AA00UZ4C8N")
    return dict(old=old, new=new, letters={"refusal_221g": letter})


def c03() -> dict[str, Any]:
    old = base(
        app_id="AA00GE2F5V", printed="2026-01-19", time="6:33 PM", name_provided=False,
        surname="BERIDZE", given="GIORGI", native="ბერიძე გიორგი", sex="MALE",
        dob="1990-08-09", birth_city="BATUMI", birth_country="GEORGIA", nationality="GEORGIA",
        national_id="61004058213", home_street="CHAVCHAVADZE AVENUE 41, FLAT 17", home_city="TBILISI",
        home_zip="0179", home_country="GEORGIA", phone="+995595550138", email="g.beridze90@kartmail.ge",
        passport_no="16AH29384", passport_city="TBILISI", passport_issue="2020-10-05",
        passport_expiry="2030-10-04", arrival="2026-04-06", stay=(3, "WEEK"),
        us_address="57 WILLOW BEND CT, AUSTIN, TX 78704", contact=US_CONTACTS[2],
        father=("BERIDZE", "TAMAZ", "1962-12-01"), mother=("BERIDZE", "MANANA", "1965-04-19"),
        employer="BLACK SEA WINE CELLARS LLC", emp_street="AGMASHENEBELI AVENUE 77",
        emp_city="TBILISI", emp_zip="0102", emp_phone="+995322550181", start="2017-05-02",
        income=3800, duties="EXPORT MANAGER FOR WINE SHIPMENTS TO THE EU AND CHINA",
        schools=[dict(name="TBILISI STATE UNIVERSITY", street="CHAVCHAVADZE AVENUE 1", city="TBILISI",
                      course="INTERNATIONAL ECONOMICS", **{"from": "2008-09-15", "to": "2012-06-30"})],
        languages=["GEORGIAN", "RUSSIAN", "ENGLISH"], countries=["GERMANY", "POLAND", "ITALY"],
    )
    new = forms.vary(old, app_id="AA00JN8S4E", printed="2026-08-03", time="12:04 PM",
                     arrival="2026-10-12")
    letter = L.refusal_214b_managua_style("Tbilisi", "Embassy", "2026-02-10", "GIORGI BERIDZE",
                                          "AA00GE2F5V")
    return dict(old=old, new=new, letters={"refusal_214b": letter})


def c04() -> dict[str, Any]:
    old = base(
        app_id="AA00HY5R3D", printed="2025-12-22", time="3:48 PM",
        surname="SARGSYAN", given="HAYK", native="ՍԱՐԳՍՅԱՆ ՀԱՅԿ", sex="MALE", marital="MARRIED",
        dob="1985-10-02", birth_city="GYUMRI", birth_country="ARMENIA", nationality="ARMENIA",
        national_id="3710850418", home_street="TUMANYAN STREET 22, APT 6", home_city="YEREVAN",
        home_zip="0002", home_country="ARMENIA", phone="+37491555164", email="hayk.sargsyan@araratnet.am",
        passport_no="AT0395172", passport_city="YEREVAN", passport_issue="2019-07-23",
        passport_expiry="2029-07-22", arrival="2026-03-09", stay=(15, "DAY"),
        us_address="880 HARBOR POINT BLVD, TAMPA, FL 33602", contact=US_CONTACTS[1],
        visa=("2017-05-11", "16245533"),
        father=("SARGSYAN", "ARMEN", "1958-01-15"), mother=("SARGSYAN", "LUSINE", "1961-07-30"),
        spouse=dict(surnames="SARGSYAN", given="ANNA", dob="1988-02-21", nationality="ARMENIA",
                    city="YEREVAN", country="ARMENIA"),
        employer="ARAGATS STONE WORKS CJSC", emp_street="ARSHAKUNYATS AVENUE 35", emp_city="YEREVAN",
        emp_zip="0026", emp_phone="+37410555172", start="2014-03-01", income=850000,
        duties="DIRECTOR OF SALES FOR BASALT AND TUFF BUILDING STONE",
        schools=[dict(name="YEREVAN STATE UNIVERSITY OF ARCHITECTURE AND CONSTRUCTION",
                      street="TERYAN STREET 105", city="YEREVAN", course="CIVIL ENGINEERING",
                      **{"from": "2002-09-01", "to": "2007-06-30"})],
        languages=["ARMENIAN", "RUSSIAN", "ENGLISH"], countries=["GEORGIA", "IRAN", "FRANCE"],
    )
    new = forms.vary(old, app_id="AA00LC1W7Q", printed="2026-07-14", time="5:09 PM", visa=None,
                     arrival="2026-09-21",
                     refused="REFUSED UNDER 214(B) AT THE U.S. EMBASSY IN YEREVAN ON 20 JANUARY 2026")
    letter = L.refusal_214b_kuwait_style("Yerevan", "Embassy", "2026-01-20", "SARGSYAN HAYK",
                                         "AA00HY5R3D")
    return dict(old=old, new=new, letters={"refusal_214b": letter})


def c05() -> dict[str, Any]:
    old = base(
        app_id="AA00BK9E6T", printed="2026-02-11", time="10:15 AM", name_provided=False,
        surname="ASANBEKOVA", given="AIGUL", native="АСАНБЕКОВА АЙГҮЛ ТӨЛӨГӨНОВНА", sex="FEMALE",
        dob="1992-06-18", birth_city="OSH", birth_country="KYRGYZSTAN", nationality="KYRGYZSTAN",
        national_id="21806199200512", home_street="MICRODISTRICT ASANBAI, 12, APT 33",
        home_city="BISHKEK", home_zip="720060", home_country="KYRGYZSTAN", phone="+996555550193",
        email="aigul.asanbekova@tengrimail.kg", other_emails=["a.asanbekova92@ala-too.kg"],
        social=[("INSTAGRAM", "aigul_asan")],
        passport_no="AC4087216", passport_city="BISHKEK", passport_issue="2023-01-24",
        passport_expiry="2033-01-23", arrival="2026-05-04", stay=(12, "DAY"),
        us_address="2218 ASHGROVE LANE, COLUMBUS, OH 43215", contact=US_CONTACTS[0],
        father=("ASANBEKOV", "TOLOGON", "1964-11-05"), mother=("ASANBEKOVA", "NURGUL", "1967-08-22"),
        employer="ALA-TOO TOURS LLC", emp_street="CHUY AVENUE 155", emp_city="BISHKEK",
        emp_zip="720040", emp_phone="+996312550157", start="2019-04-15", income=68000,
        duties="SENIOR TOUR MANAGER: GROUP TOURS TO ISSYK-KUL AND SON-KUL",
        schools=[dict(name="KYRGYZ NATIONAL UNIVERSITY NAMED AFTER J. BALASAGYN", street="FRUNZE STREET 547",
                      city="BISHKEK", course="TOURISM MANAGEMENT", **{"from": "2009-09-01", "to": "2013-06-30"})],
        languages=["KYRGYZ", "RUSSIAN", "ENGLISH"], countries=["KAZAKHSTAN", "TURKEY", "KOREA, REPUBLIC OF (SOUTH)"],
    )
    new = forms.vary(old, app_id="AA00MT4G2Z", printed="2026-10-05", time="1:37 PM", other_emails=[],
                     arrival="2026-12-14",
                     refused="REFUSED UNDER 221(G) AT THE U.S. EMBASSY IN BISHKEK ON 03 MARCH 2026, "
                             "EMPLOYMENT LETTER AND BANK STATEMENTS REQUESTED")
    letter = L.refusal_221g_documents("Bishkek", "Embassy", "2026-03-03", "ASANBEKOVA AIGUL",
                                      "AA00BK9E6T", ticked={0, 1})
    return dict(old=old, new=new, letters={"refusal_221g": letter})


def c06() -> dict[str, Any]:
    old = base(
        app_id="AA00PV2N8C", printed="2026-04-27", time="8:55 PM",
        surname="PETRENKO", given="OLGA", native="ПЕТРЕНКО ОЛЬГА ВИКТОРОВНА", sex="FEMALE",
        marital="DIVORCED", dob="1983-12-04", birth_city="KARAGANDA", birth_country="KAZAKHSTAN",
        nationality="KAZAKHSTAN", national_id="831204450287", home_street="KABANBAY BATYR AVENUE 11, APT 207",
        home_city="ASTANA", home_zip="010000", home_country="KAZAKHSTAN", phone="+77475550116",
        email="olga.petrenko@steppemail.kz",
        passport_no="N16902548", passport_city="ASTANA", passport_issue="2022-09-06",
        passport_expiry="2032-09-05", arrival="2026-07-06", stay=(3, "WEEK"),
        us_address="57 WILLOW BEND CT, AUSTIN, TX 78704", contact=US_CONTACTS[2],
        father=("PETRENKO", "VIKTOR", "1955-03-17"), mother=("PETRENKO", "TAMARA", "1958-10-09"),
        occupation="MEDICAL/HEALTH", employer="CITY POLYCLINIC NO 7 OF ASTANA",
        emp_street="RESPUBLIKA AVENUE 61", emp_city="ASTANA", emp_zip="010000",
        emp_phone="+77172550190", start="2011-08-22", income=410000,
        duties="PEDIATRICIAN, OUTPATIENT APPOINTMENTS",
        schools=[dict(name="KARAGANDA MEDICAL UNIVERSITY", street="GOGOL STREET 40", city="KARAGANDA",
                      course="PEDIATRICS", **{"from": "2000-09-01", "to": "2007-06-30"})],
        languages=["RUSSIAN", "KAZAKH", "ENGLISH"], countries=["TURKEY", "THAILAND"],
    )
    new = forms.vary(old, app_id="AA00SX5F3J", printed="2026-07-30", time="7:21 PM",
                     arrival="2026-10-05")
    letter = L.refusal_214b_ankara_style("Astana", "Embassy", "2026-05-14", "PETRENKO OLGA",
                                         "AA00PV2N8C")
    return dict(old=old, new=new, letters={"refusal_214b": letter})


def c07() -> dict[str, Any]:
    old = base(
        app_id="AA00TQ3H7A", printed="2026-04-02", time="11:48 AM",
        surname="YULDASHEVA", given="NODIRA", native="YO‘LDOSHEVA NODIRA BAXTIYOR QIZI", sex="FEMALE",
        marital="MARRIED", dob="1996-03-11", birth_city="NAMANGAN", birth_country="UZBEKISTAN",
        nationality="UZBEKISTAN", national_id="41103966230018", home_street="YUNUSABAD DISTRICT, 14-KVARTAL, 5, APT 60",
        home_city="TASHKENT", home_zip="100093", home_country="UZBEKISTAN", phone="+998935550172",
        email="nodira.yuldasheva@silkpost.uz",
        passport_no="FA8830461", passport_city="TASHKENT", passport_issue="2024-02-19",
        passport_expiry="2034-02-18", arrival="2026-06-15", stay=(2, "WEEK"),
        us_address="2218 ASHGROVE LANE, COLUMBUS, OH 43215", contact=US_CONTACTS[0],
        father=("YULDASHEV", "BAKHTIYOR", "1968-09-23"), mother=("YULDASHEVA", "DILFUZA", "1971-01-04"),
        spouse=dict(surnames="KARIMOV", given="JASUR", dob="1993-07-27", nationality="UZBEKISTAN",
                    city="TASHKENT", country="UZBEKISTAN"),
        occupation="EDUCATION", employer="TASHKENT INTERNATIONAL SCHOOL OF LANGUAGES",
        emp_street="MIRZO ULUGBEK STREET 56", emp_city="TASHKENT", emp_zip="100170",
        emp_phone="+998712550133", start="2021-09-01", income=9800000,
        duties="ENGLISH TEACHER FOR SECONDARY STUDENTS",
        schools=[dict(name="UZBEKISTAN STATE WORLD LANGUAGES UNIVERSITY", street="KICHIK HALQA YOLI 21A",
                      city="TASHKENT", course="ENGLISH PHILOLOGY", **{"from": "2013-09-01", "to": "2017-06-30"})],
        languages=["UZBEK", "RUSSIAN", "ENGLISH"], countries=["TURKEY", "MALAYSIA"],
    )
    new = forms.vary(old, app_id="AA00VE9K2R", printed="2026-09-08", time="4:40 PM",
                     arrival="2026-11-09")
    letter = L.refusal_221g_admin("Tashkent", "Embassy", "2026-04-22", "YULDASHEVA NODIRA", "AA00TQ3H7A")
    return dict(old=old, new=new, letters={"refusal_221g": letter})


def c08() -> dict[str, Any]:
    old = base(
        app_id="AA00DN6Y4M", printed="2026-03-10", time="3:02 PM",
        surname="NURLANOVA", given="DINARA", native="НҰРЛАНОВА ДИНАРА СЕРІКҚЫЗЫ", sex="FEMALE",
        dob="1991-02-17", birth_city="ATYRAU", birth_country="KAZAKHSTAN", nationality="KAZAKHSTAN",
        national_id="910217400926", home_street="SATPAYEV STREET 29, APT 14", home_city="ATYRAU",
        home_zip="060011", home_country="KAZAKHSTAN", phone="+77015550149",
        email="dinara.nurlanova@steppemail.kz",
        passport_no="N15377820", passport_city="ATYRAU", passport_issue="2021-11-30",
        passport_expiry="2031-11-29", arrival="2026-06-01", stay=(2, "WEEK"),
        us_address="880 HARBOR POINT BLVD, TAMPA, FL 33602", contact=US_CONTACTS[1],
        father=("NURLANOV", "SERIK", "1963-05-26"), mother=("NURLANOVA", "ZHANAR", "1966-12-13"),
        employer="ATYRAU CITY MARKET LLP", emp_street="AZATTYK AVENUE 48", emp_city="ATYRAU",
        emp_zip="060005", emp_phone="+77122550128", start="2016-10-03", income=240000,
        duties="ACCOUNTANT: PAYROLL AND SUPPLIER INVOICES",
        schools=[dict(name="ATYRAU UNIVERSITY NAMED AFTER KH. DOSMUKHAMEDOV", street="STUDENCHESKIY AVENUE 1",
                      city="ATYRAU", course="ACCOUNTING AND AUDIT", **{"from": "2008-09-01", "to": "2012-06-30"})],
        languages=["KAZAKH", "RUSSIAN", "ENGLISH"], countries=["TURKEY", "RUSSIA"],
    )
    new = forms.vary(
        old, app_id="AA00FZ2B8W", printed="2026-10-26", time="9:13 AM", arrival="2027-02-08",
        employer="KASPIY AGRO TRADE LLP", emp_street="ABAY STREET 14", emp_zip="060002",
        emp_phone="+77122550165", start="2026-07-01", income=560000,
        duties="LOGISTICS MANAGER: GRAIN AND FEED EXPORT SHIPMENTS",
        prev=[dict(name="ATYRAU CITY MARKET LLP", street="AZATTYK AVENUE 48", city="ATYRAU",
                   phone="+77122550128", title="ACCOUNTANT", sup=("ISKAKOVA", "ROZA"),
                   duties="PAYROLL AND SUPPLIER INVOICES", **{"from": "2016-10-03", "to": "2026-06-30"})],
        refused="REFUSED UNDER 214(B) AT THE U.S. EMBASSY IN ASTANA ON 02 APRIL 2026")
    letter = L.refusal_214b_managua_style("Astana", "Embassy", "2026-04-02", "NURLANOVA DINARA",
                                          "AA00DN6Y4M")
    spravka = L.spravka_ru(
        company=["ТОО «Каспий Агро Трейд»", "БИН 190640021738",
                 "Республика Казахстан, г. Атырау, ул. Абая, 14, тел. +7 7122 55 01 65"],
        ref="Исх. № 318",
        date_ru="12.10.2026",
        body=[
            "Настоящая справка выдана Нурлановой Динаре Сериковне, 17.02.1991 года рождения, в "
            "том, что она действительно работает в ТОО «Каспий Агро Трейд» в должности менеджера "
            "по логистике с 01 июля 2026 года по настоящее время.",
            "Ежемесячная заработная плата составляет 560 000 (пятьсот шестьдесят тысяч) тенге.",
            "На период поездки в США с 08.02.2027 по 22.02.2027 ей предоставлен ежегодный "
            "оплачиваемый отпуск с сохранением рабочего места и заработной платы.",
            "Справка выдана для предоставления в Посольство США.",
        ],
        signer=["Директор ______________ Ахметов Б. К.", "", "Главный бухгалтер ______________ "
                "Сейткали А. М.", "", "М.П."],
    )
    return dict(old=old, new=new, letters={"refusal_214b": letter, "spravka": spravka})


def c09() -> dict[str, Any]:
    old = base(
        app_id="AA00AZ8L5P", printed="2025-11-03", time="2:29 PM",
        surname="MAMMADOV", given="RUFAT", native="MƏMMƏDOV RÜFƏT ELŞƏN OĞLU", sex="MALE",
        marital="MARRIED", dob="1989-04-25", birth_city="GANJA", birth_country="AZERBAIJAN",
        nationality="AZERBAIJAN", national_id="5KD2R7M", home_street="NIZAMI STREET 96, APT 31",
        home_city="BAKU", home_zip="AZ1010", home_country="AZERBAIJAN", phone="+994505550174",
        email="rufat.mammadov@absheronmail.az",
        passport_no="C04418273", passport_city="BAKU", passport_issue="2020-06-15",
        passport_expiry="2030-06-14", arrival="2026-01-12", stay=(10, "DAY"),
        us_address="880 HARBOR POINT BLVD, TAMPA, FL 33602", contact=US_CONTACTS[1],
        father=("MAMMADOV", "ELSHAN", "1960-08-01"), mother=("MAMMADOVA", "SEVINJ", "1964-02-14"),
        spouse=dict(surnames="MAMMADOVA", given="LEYLA", dob="1991-09-03", nationality="AZERBAIJAN",
                    city="BAKU", country="AZERBAIJAN"),
        employer="GANJA TEXTILE TRADE LLC", emp_street="ATATURK AVENUE 210", emp_city="GANJA",
        emp_zip="AZ2000", emp_phone="+994222550138", start="2013-01-14", income=1300,
        duties="PURCHASING SPECIALIST FOR COTTON YARN",
        schools=[dict(name="AZERBAIJAN STATE UNIVERSITY OF ECONOMICS", street="ISTIGLALIYYAT STREET 6",
                      city="BAKU", course="LOGISTICS", **{"from": "2006-09-15", "to": "2010-06-30"})],
        languages=["AZERBAIJANI", "RUSSIAN", "ENGLISH"], countries=["TURKEY", "GEORGIA", "GERMANY"],
    )
    new = forms.vary(
        old, app_id="AA00CB4X6N", printed="2026-09-21", time="3:50 PM", arrival="2026-12-07",
        employer="CASPIAN BRIDGE LOGISTICS LLC", emp_street="NEFTCHILAR AVENUE 153", emp_city="BAKU",
        emp_zip="AZ1010", emp_phone="+994125550187", start="2026-02-01", income=2400,
        duties="FREIGHT OPERATIONS MANAGER FOR RAIL AND SEA SHIPMENTS",
        prev=[dict(name="GANJA TEXTILE TRADE LLC", street="ATATURK AVENUE 210", city="GANJA",
                   phone="+994222550138", title="PURCHASING SPECIALIST", sup=("HASANOV", "ORKHAN"),
                   duties="PURCHASING OF COTTON YARN", **{"from": "2013-01-14", "to": "2025-08-29"})],
        refused="REFUSED UNDER SECTION 214(B) AT THE U.S. EMBASSY IN BAKU ON 25 NOVEMBER 2025")
    letter = L.refusal_214b_kuwait_style("Baku", "Embassy", "2025-11-25", "MAMMADOV RUFAT", "AA00AZ8L5P")
    emp = L.employment_letter_en(
        company=["CASPIAN BRIDGE LOGISTICS LLC", "153 Neftchilar Avenue, Baku AZ1010, Azerbaijan",
                 "Tel: +994 12 555 01 87   hr@caspianbridge-logistics.az"],
        ref="Ref. No. HR/2026/0917",
        date="2026-09-17",
        title="EMPLOYMENT VERIFICATION LETTER",
        body=[
            "This is to confirm that Mr. Rufat Mammadov, born on 25 April 1989, holder of passport "
            "No. C04418273, has been employed by CASPIAN BRIDGE LOGISTICS LLC since 15 September "
            "2025 as Freight Operations Manager, on a permanent full-time contract.",
            "His monthly salary is AZN 2,400 (two thousand four hundred manat) before taxes.",
            "Mr. Mammadov has been granted leave from 07 December 2026 to 17 December 2026 to visit "
            "the United States and is expected to return to his duties on 18 December 2026.",
            "This letter is issued at the employee's request for submission to the Embassy of the "
            "United States of America.",
        ],
        signer=["Sincerely,", "", "Nigar Aliyeva", "Head of Human Resources",
                "CASPIAN BRIDGE LOGISTICS LLC"],
    )
    return dict(old=old, new=new, letters={"refusal_214b": letter, "employment_letter": emp})


def _passport_ge(number: str, issue: str, expiry: str) -> dict[str, Any]:
    return dict(
        header="GEORGIA   საქართველო", header2="PASSPORT / პასპორტი", state="GEO", nationality="GEO",
        surname="KAPANADZE", given="NINO", surname_print="KAPANADZE", given_print="NINO",
        nationality_print="GEORGIA", number=number, dob="1993-05-07", dob_print="07 MAY 1993",
        sex="F", pob_print="KUTAISI", expiry=expiry, issue_print=pdate(issue), expiry_print=pdate(expiry),
        authority="PUBLIC SERVICE DEVELOPMENT AGENCY", optional="01009028471",
        cap_type="ტიპი / Type", cap_code="კოდი / Code", cap_no="პასპორტის № / Passport No.",
        cap_surname="გვარი / Surname", cap_given="სახელი / Given name(s)",
        cap_nat="მოქალაქეობა / Nationality", cap_dob="დაბადების თარიღი / Date of birth",
        cap_sex="სქესი / Sex", cap_pob="დაბადების ადგილი / Place of birth",
        cap_issue="გაცემის თარიღი / Date of issue", cap_expiry="მოქმედების ვადა / Date of expiry",
        cap_auth="გამცემი ორგანო / Authority",
    )


def pdate(iso: str) -> str:
    return L.date_dmy(iso)


def c10() -> dict[str, Any]:
    old = base(
        app_id="AA00NK3V9S", printed="2026-02-24", time="12:47 PM",
        surname="KAPANADZE", given="NINO", native="კაპანაძე ნინო", sex="FEMALE",
        dob="1993-05-07", birth_city="KUTAISI", birth_country="GEORGIA", nationality="GEORGIA",
        national_id="01009028471", home_street="PEKINI AVENUE 19, FLAT 44", home_city="TBILISI",
        home_zip="0160", home_country="GEORGIA", phone="+995577550126", email="nino.kapanadze@kartmail.ge",
        social=[("LINKEDIN", "nino-kapanadze-ux")],
        passport_no="14AB52731", passport_city="TBILISI", passport_issue="2016-06-20",
        passport_expiry="2026-06-19", arrival="2026-05-11", stay=(2, "WEEK"),
        us_address="57 WILLOW BEND CT, AUSTIN, TX 78704", contact=US_CONTACTS[2],
        father=("KAPANADZE", "DAVIT", "1964-03-30"), mother=("KAPANADZE", "KETEVAN", "1967-11-18"),
        occupation="COMPUTER SCIENCE", employer="COLCHIS DIGITAL LLC", emp_street="VAZHA-PSHAVELA AVENUE 71",
        emp_city="TBILISI", emp_zip="0186", emp_phone="+995322550149", start="2019-02-04", income=5200,
        duties="USER EXPERIENCE DESIGNER FOR BANKING APPS",
        schools=[dict(name="FREE UNIVERSITY OF TBILISI", street="DAVID AGMASHENEBELI ALLEY 240",
                      city="TBILISI", course="COMPUTER SCIENCE", **{"from": "2011-09-15", "to": "2015-06-30"})],
        languages=["GEORGIAN", "ENGLISH", "RUSSIAN"], countries=["TURKEY", "SPAIN", "NETHERLANDS"],
    )
    new = forms.vary(old, app_id="AA00QH7D1B", printed="2026-10-13", time="6:12 PM", arrival="2027-01-25",
                     passport_no="19CD40862", passport_issue="2026-06-02", passport_expiry="2036-06-01",
                     refused="REFUSED UNDER 214(B) AT THE U.S. EMBASSY IN TBILISI ON 10 MARCH 2026")
    letter = L.refusal_214b_ankara_style("Tbilisi", "Embassy", "2026-03-10", "KAPANADZE NINO",
                                         "AA00NK3V9S")
    pp = _passport_ge("19CD40862", "2026-06-02", "2036-06-01")
    return dict(old=old, new=new, letters={"refusal_214b": letter}, passports={"passport": pp})


def c11() -> dict[str, Any]:
    old = base(
        app_id="AA00EW5J8U", printed="2026-01-08", time="10:36 AM", name_provided=False,
        surname="MKRTCHYAN", given="ANI", native="ՄԿՐՏՉՅԱՆ ԱՆԻ", sex="FEMALE",
        dob="1992-04-13", birth_city="VANADZOR", birth_country="ARMENIA", nationality="ARMENIA",
        national_id="4913920462", home_street="MASHTOTS AVENUE 48, APT 12", home_city="YEREVAN",
        home_zip="0009", home_country="ARMENIA", phone="+37477555138", email="ani.mkrtchyan@araratnet.am",
        passport_no="AU0482716", passport_city="YEREVAN", passport_issue="2022-08-17",
        passport_expiry="2032-08-16", arrival="2026-04-13", stay=(10, "DAY"),
        us_address="2218 ASHGROVE LANE, COLUMBUS, OH 43215", contact=US_CONTACTS[0],
        father=("MKRTCHYAN", "GAGIK", "1963-06-09"), mother=("MKRTCHYAN", "NAIRA", "1966-01-25"),
        occupation="MEDICAL/HEALTH", employer="ASTGHIK MEDICAL CENTER CJSC", emp_street="KOMITAS AVENUE 60",
        emp_city="YEREVAN", emp_zip="0033", emp_phone="+37410555119", start="2018-11-12", income=620000,
        duties="CARDIOLOGIST IN THE OUTPATIENT DEPARTMENT",
        schools=[dict(name="YEREVAN STATE MEDICAL UNIVERSITY", street="KOREUN STREET 2", city="YEREVAN",
                      course="GENERAL MEDICINE", **{"from": "2009-09-01", "to": "2015-06-30"})],
        languages=["ARMENIAN", "RUSSIAN", "ENGLISH"], countries=["GEORGIA", "GERMANY", "CYPRUS"],
    )
    new = forms.vary(old, app_id="AA00XR2C6F", printed="2026-08-26", time="1:58 PM", arrival="2026-11-16",
                     refused="REFUSED UNDER 214(B) AT THE U.S. EMBASSY IN YEREVAN ON 29 JANUARY 2026")
    letter = L.refusal_214b_managua_style("Yerevan", "Embassy", "2026-01-29", "MKRTCHYAN ANI",
                                          "AA00EW5J8U")
    pp = dict(
        header="REPUBLIC OF ARMENIA   ՀԱՅԱՍՏԱՆԻ ՀԱՆՐԱՊԵՏՈՒԹՅՈՒՆ", header2="PASSPORT / ԱՆՁՆԱԳԻՐ",
        state="ARM", nationality="ARM", surname="MKRTCHYAN", given="ANI", surname_print="MKRTCHYAN",
        given_print="ANI", nationality_print="ARMENIAN", number="AU0482716", dob="1992-03-14",
        dob_print="14 MAR 1992", sex="F", pob_print="VANADZOR", expiry="2032-08-16",
        issue_print=pdate("2022-08-17"), expiry_print=pdate("2032-08-16"), authority="001",
        optional="4913920462",
        cap_type="Տեսակը / Type", cap_code="Կոդ / Code", cap_no="Անձնագրի № / Passport No.",
        cap_surname="Ազգանուն / Surname", cap_given="Անուն / Given names",
        cap_nat="Քաղաքացիություն / Nationality", cap_dob="Ծննդյան ամսաթիվ / Date of birth",
        cap_sex="Սեռ / Sex", cap_pob="Ծննդավայր / Place of birth",
        cap_issue="Տրման ամսաթիվ / Date of issue", cap_expiry="Վավեր է մինչև / Date of expiry",
        cap_auth="Տրված է / Authority",
    )
    return dict(old=old, new=new, letters={"refusal_214b": letter}, passports={"passport": pp})


def c12() -> dict[str, Any]:
    old = base(
        app_id="AA00TJ6W3H", printed="2026-01-26", time="9:05 AM",
        surname="RAKHIMOV", given="FARKHOD", native="РАҲИМОВ ФАРҲОД ҶУМЪАЕВИЧ", sex="MALE",
        marital="MARRIED", dob="1989-08-03", birth_city="KHUJAND", birth_country="TAJIKISTAN",
        nationality="TAJIKISTAN", national_id=forms.DNA, home_street="RUDAKI AVENUE 84, APT 25",
        home_city="DUSHANBE", home_zip="734025", home_country="TAJIKISTAN", phone="+992935550161",
        email="farkhod.rakhimov@pamirpost.tj",
        passport_no="B40518273", passport_city="DUSHANBE", passport_issue="2023-04-10",
        passport_expiry="2033-04-09", arrival="2026-04-20", stay=(2, "WEEK"),
        us_address="57 WILLOW BEND CT, AUSTIN, TX 78704", contact=US_CONTACTS[2],
        father=("RAKHIMOV", "JUMA", "1960-10-12"), mother=("RAKHIMOVA", "ZARINA", "1963-04-06"),
        spouse=dict(surnames="RAKHIMOVA", given="MADINA", dob="1992-12-19", nationality="TAJIKISTAN",
                    city="DUSHANBE", country="TAJIKISTAN"),
        employer="KHUJAND ELECTRIC GRID OJSC", emp_street="LENIN STREET 12", emp_city="KHUJAND",
        emp_zip="735700", emp_phone="+992342550114", start="2014-06-02", income=4500,
        duties="ELECTRICAL ENGINEER, SUBSTATION MAINTENANCE",
        schools=[dict(name="TAJIK TECHNICAL UNIVERSITY NAMED AFTER M. OSIMI", street="RAJABOVS AVENUE 10",
                      city="DUSHANBE", course="POWER ENGINEERING", **{"from": "2006-09-01", "to": "2011-06-30"})],
        languages=["TAJIK", "RUSSIAN", "ENGLISH"], countries=["RUSSIA", "TURKEY", "CHINA"],
    )
    new = forms.vary(
        old, app_id="AA00UL8P5G", printed="2026-10-28", time="11:31 AM", arrival="2027-02-15",
        employer="PAMIR SOLAR ENERGY LLC", emp_street="AYNI STREET 48", emp_city="DUSHANBE",
        emp_zip="734042", emp_phone="+992372550152", start="2026-05-01", income=9800,
        duties="SENIOR PROJECT ENGINEER FOR SOLAR POWER PLANTS",
        prev=[dict(name="KHUJAND ELECTRIC GRID OJSC", street="LENIN STREET 12", city="KHUJAND",
                   phone="+992342550114", title="ELECTRICAL ENGINEER", sup=("SAIDOV", "RUSTAM"),
                   duties="SUBSTATION MAINTENANCE", **{"from": "2014-06-02", "to": "2026-04-24"})],
        refused="REFUSED UNDER 214(B) AT THE U.S. EMBASSY IN DUSHANBE ON 26 FEBRUARY 2026")
    letter = L.refusal_214b_kuwait_style("Dushanbe", "Embassy", "2026-02-26", "RAKHIMOV FARKHOD",
                                         "AA00TJ6W3H")
    emp = L.employment_letter_en(
        company=["PAMIR SOLAR ENERGY LLC", "48 Ayni Street, Dushanbe 734042, Republic of Tajikistan",
                 "Tel: +992 37 255 01 52"],
        ref="No. 26/114",
        date="2026-10-19",
        title="CERTIFICATE OF EMPLOYMENT",
        body=[
            "This is to certify that Mr. Farkhod Rakhimov, born 03 August 1989, is employed by "
            "PAMIR SOLAR ENERGY LLC as Senior Project Engineer since 01 May 2026 on a permanent "
            "full-time basis.",
            "His monthly salary is TJS 9,800 (nine thousand eight hundred somoni).",
            "Mr. Rakhimov has been granted annual leave from 15 February 2027 to 01 March 2027 and "
            "will resume his duties on 02 March 2027. His position is kept for him during his "
            "absence.",
            "This certificate is issued upon his request for presentation to the Embassy of the "
            "United States of America in Dushanbe.",
        ],
        signer=["Yours faithfully,", "", "Shahlo Nazarova", "HR Manager"],
    )
    pp = dict(
        header="ҶУМҲУРИИ ТОҶИКИСТОН   REPUBLIC OF TAJIKISTAN", header2="ШИНОСНОМА / PASSPORT",
        state="TJK", nationality="TJK", surname="RAKHIMOV", given="FARKHOD", surname_print="RAKHIMOV",
        given_print="FARKHOD", nationality_print="TAJIKISTAN", number="B40518273", dob="1989-08-03",
        dob_print="03 AUG 1989", sex="M", pob_print="KHUJAND", expiry="2033-04-09",
        issue_print=pdate("2023-04-10"), expiry_print=pdate("2033-04-09"), authority="MIA 01",
        optional="",
        cap_type="Навъ / Type", cap_code="Рамз / Code", cap_no="Рақами шиноснома / Passport No.",
        cap_surname="Насаб / Surname", cap_given="Ном / Given names",
        cap_nat="Шаҳрвандӣ / Nationality", cap_dob="Санаи таваллуд / Date of birth",
        cap_sex="Ҷинс / Sex", cap_pob="Ҷои таваллуд / Place of birth",
        cap_issue="Санаи додан / Date of issue", cap_expiry="Эътибор то / Date of expiry",
        cap_auth="Мақомот / Authority",
    )
    return dict(old=old, new=new, letters={"refusal_214b": letter, "employment_letter": emp},
                passports={"passport": pp})


# --- the scan version of each case: (document stem) -> how it reaches the office -----------------

def photo_pages(pdf: Path, rng, *, sheet_dpi, tilts, table, shadow, defocus=0.0, src=300):
    pages = camera.raster(pdf, src)
    return [camera.phone_photo(pg, rng, sheet_dpi=sheet_dpi, src_dpi=src, tilt=tilts[i % len(tilts)],
                               table=table, shadow=shadow, defocus=defocus)
            for i, pg in enumerate(pages)]


def scan_c01(text: Path, scan: Path, rng) -> None:
    pages = photo_pages(text / "old.pdf", rng, sheet_dpi=155, tilts=[3.2, -2.9, 3.6, -2.4, 2.8, -3.4],
                        table="oak", shadow=0.45)
    camera.save_image_pdf(pages, scan / "old.pdf", jpeg_quality=80, fit="photo")
    shutil.copy(text / "new.pdf", scan / "new.pdf")
    [lp] = photo_pages(text / "refusal_214b.pdf", rng, sheet_dpi=170, tilts=[2.1], table="walnut",
                       shadow=0.35)
    camera.save_heic(lp, scan / "refusal_214b.heic", quality=78)


def scan_c02(text: Path, scan: Path, rng) -> None:
    pages = [camera.halftone_copy(pg, rng, cell_px=5.2, angle=45, rescale=0.93, tilt=0.4 + 0.2 * i)
             for i, pg in enumerate(camera.raster(text / "old.pdf", 300, grey=True))]
    camera.save_image_pdf(pages, scan / "old.pdf")
    shutil.copy(text / "new.pdf", scan / "new.pdf")
    [lp] = camera.raster(text / "refusal_221g.pdf", 200)
    camera.save_jpeg(camera.flatbed(lp, rng, tilt=0.9, grey=False, noise=4), scan / "refusal_221g.jpg",
                     quality=70, dpi=200)


def scan_c03(text: Path, scan: Path, rng) -> None:
    pages = camera.raster(text / "old.pdf", 200, grey=True)
    n = len(pages)
    faxed = [camera.fax(pg, rng, f"19-JAN-2026 18:52  FROM +995 32 255 0199  TO BROKER  P.{i + 1:03d}/{n:03d}",
                        tilt=0.5 - 0.25 * i) for i, pg in enumerate(pages)]
    camera.save_fax_tiff(faxed, scan / "old.tiff")
    shutil.copy(text / "new.pdf", scan / "new.pdf")
    [lp] = photo_pages(text / "refusal_214b.pdf", rng, sheet_dpi=180, tilts=[-3.6], table="desk_grey",
                       shadow=0.55)
    camera.save_jpeg(lp, scan / "refusal_214b.jpg", quality=84)


def scan_c04(text: Path, scan: Path, rng) -> None:
    pages = photo_pages(text / "old.pdf", rng, sheet_dpi=200, tilts=[-2.4, 2.2, -2.7, 2.5, -2.1, 2.9],
                        table="cloth_blue", shadow=0.3, defocus=1.5)
    camera.save_image_pdf(pages, scan / "old.pdf", jpeg_quality=78, fit="photo")
    shutil.copy(text / "new.pdf", scan / "new.pdf")
    [lp] = camera.raster(text / "refusal_214b.pdf", 200)
    w, h = lp.size
    # the officer's signature runs over "Sincerely," and the last lines of the letter
    lp = camera.signature(lp, rng, (int(w * 0.09), int(h * 0.47), int(w * 0.50), int(h * 0.58)))
    camera.save_image_pdf([camera.flatbed(lp, rng, tilt=0.7)], scan / "refusal_214b.pdf", page_size=LETTER)


def scan_c05(text: Path, scan: Path, rng) -> None:
    pages = camera.raster(text / "old.pdf", 200, grey=True)
    w, h = pages[0].size
    # the agency's round stamp pressed onto page 1, over the passport block's rows
    pages[0] = camera.ink_stamp(pages[0], rng, ["SILK ROAD VISA", "RECEIVED", "04.11.2026", "BISHKEK"],
                                (w * 0.64, h * 0.875), radius_px=120, colour=(70, 50, 150), angle=-12)
    out = [camera.low_contrast_crease(pg, rng, tilt=-0.8 + 0.3 * i) for i, pg in enumerate(pages)]
    camera.save_image_pdf(out, scan / "old.pdf")
    shutil.copy(text / "new.pdf", scan / "new.pdf")
    [lp] = camera.raster(text / "refusal_221g.pdf", 200, grey=True)
    camera.save_png(camera.flatbed(lp, rng, tilt=-1.3, noise=4), scan / "refusal_221g.png", dpi=200)


def scan_c06(text: Path, scan: Path, rng) -> None:
    shutil.copy(text / "old.pdf", scan / "old.pdf")
    shutil.copy(text / "new.pdf", scan / "new.pdf")
    [lp] = photo_pages(text / "refusal_214b.pdf", rng, sheet_dpi=150, tilts=[2.7], table="oak",
                       shadow=0.55)
    camera.save_jpeg(lp, scan / "refusal_214b.jpg", quality=80)


def scan_c07(text: Path, scan: Path, rng) -> None:
    shutil.copy(text / "old.pdf", scan / "old.pdf")
    shutil.copy(text / "new.pdf", scan / "new.pdf")
    [lp] = camera.raster(text / "refusal_221g.pdf", 200, grey=True)
    fx = camera.fax(lp, rng, "24-APR-2026 10:42  FROM +998 71 255 0140  TO +998 71 255 0177  P.001/001",
                    tilt=-0.7)
    camera.save_image_pdf([fx], scan / "refusal_221g.pdf", page_size=LETTER)


def scan_c08(text: Path, scan: Path, rng) -> None:
    shutil.copy(text / "old.pdf", scan / "old.pdf")
    shutil.copy(text / "new.pdf", scan / "new.pdf")
    [lp] = camera.raster(text / "refusal_214b.pdf", 200)
    camera.save_jpeg(camera.flatbed(lp, rng, tilt=-0.5, grey=False, noise=5), scan / "refusal_214b.jpg",
                     quality=60, dpi=200)
    [sp] = camera.raster(text / "spravka.pdf", 300)
    w, h = sp.size
    # the director's signature over his name line, the company's stamp over the signatures and М.П.
    sp = camera.signature(sp, rng, (int(w * 0.27), int(h * 0.392), int(w * 0.52), int(h * 0.432)))
    sp = camera.ink_stamp(sp, rng, ["ТОО «КАСПИЙ", "АГРО ТРЕЙД»", "БИН 190640021738"],
                          (w * 0.30, h * 0.462), radius_px=200, colour=(40, 60, 170), angle=18)
    [ph] = [camera.phone_photo(sp, rng, sheet_dpi=190, src_dpi=300, tilt=-2.2, table="desk_grey",
                               shadow=0.4)]
    camera.save_heic(ph, scan / "spravka.heic", quality=80)


def scan_c09(text: Path, scan: Path, rng) -> None:
    shutil.copy(text / "old.pdf", scan / "old.pdf")
    shutil.copy(text / "new.pdf", scan / "new.pdf")
    shutil.copy(text / "refusal_214b.pdf", scan / "refusal_214b.pdf")
    [ep] = camera.raster(text / "employment_letter.pdf", 300, grey=True)
    ht = camera.halftone_copy(ep, rng, cell_px=4.4, angle=15, rescale=0.66, tilt=-0.6)
    camera.save_jpeg(ht, scan / "employment_letter.jpg", quality=75, dpi=200)


def _crop_passport(pg, dpi: float):
    mm = dpi / 25.4
    w, h = pg.size
    pw, ph = 125 * mm, 88 * mm
    x0 = (w - pw) / 2
    y0 = 90 * dpi / 72
    return pg.crop((int(x0 - 14 * mm), int(y0 - 12 * mm), int(x0 + pw + 14 * mm), int(y0 + ph + 12 * mm)))


def scan_c10(text: Path, scan: Path, rng) -> None:
    shutil.copy(text / "old.pdf", scan / "old.pdf")
    shutil.copy(text / "new.pdf", scan / "new.pdf")
    shutil.copy(text / "refusal_214b.pdf", scan / "refusal_214b.pdf")
    [pg] = camera.raster(text / "passport.pdf", 300)
    camera.save_png(camera.glare_scan(pg, rng, tilt=0.5), scan / "passport.png", dpi=300)


def scan_c11(text: Path, scan: Path, rng) -> None:
    shutil.copy(text / "old.pdf", scan / "old.pdf")
    shutil.copy(text / "new.pdf", scan / "new.pdf")
    shutil.copy(text / "refusal_214b.pdf", scan / "refusal_214b.pdf")
    [pg] = camera.raster(text / "passport.pdf", 400)
    pg = _crop_passport(pg, 400)
    ph = camera.phone_photo(pg, rng, sheet_dpi=200, src_dpi=400, tilt=3.5, table="walnut", shadow=0.5,
                            keystone=0.03)
    camera.save_jpeg(ph, scan / "passport.jpg", quality=85)


def scan_c12(text: Path, scan: Path, rng) -> None:
    shutil.copy(text / "old.pdf", scan / "old.pdf")
    shutil.copy(text / "new.pdf", scan / "new.pdf")
    [lp] = camera.raster(text / "refusal_214b.pdf", 300, grey=True)
    camera.save_image_pdf([camera.flatbed(lp, rng, tilt=0.2, noise=2.5, blur=0.3)],
                          scan / "refusal_214b.pdf", page_size=LETTER)
    [ep] = camera.raster(text / "employment_letter.pdf", 300, grey=True)
    camera.save_image_pdf([camera.flatbed(ep, rng, tilt=-0.15, noise=2.5, blur=0.3)],
                          scan / "employment_letter.pdf", page_size=A4)
    [pg] = camera.raster(text / "passport.pdf", 300, grey=True)
    camera.save_png(camera.flatbed(pg, rng, tilt=0.3, noise=2.5, blur=0.3), scan / "passport.png", dpi=300)


CASES: list[tuple[str, Callable, Callable, bool]] = [
    ("c01-kz-old-print-phone-photos-155dpi-tilt3-visit-length-conflict", c01, scan_c01, True),
    ("c02-uz-old-print-halftone-copy-birth-city-changed", c02, scan_c02, True),
    ("c03-ge-old-print-fax-tiff-200x100-refusal-hidden", c03, scan_c03, True),
    ("c04-am-old-print-defocused-photos-visa-reversed", c04, scan_c04, True),
    ("c05-kg-old-print-low-contrast-crease-stamp-email-dropped", c05, scan_c05, True),
    ("c06-kz-214b-letter-photo-150dpi-shadow-hidden", c06, scan_c06, False),
    ("c07-uz-221g-admin-letter-fax-pdf-hidden", c07, scan_c07, False),
    ("c08-kz-spravka-heic-stamp-signature-supports", c08, scan_c08, False),
    ("c09-az-employment-letter-halftone-start-date-contradicts", c09, scan_c09, False),
    ("c10-ge-passport-glare-scan-renewal-matches", c10, scan_c10, False),
    ("c11-am-passport-photo-tilt-dob-contradicts", c11, scan_c11, False),
    ("c12-tj-control-clean-scans", c12, scan_c12, False),
]


def verify_mrz(l1: str, l2: str) -> None:
    from mrz.checker.td3 import TD3CodeChecker
    chk = TD3CodeChecker(l1 + "\n" + l2)
    assert bool(chk), f"MRZ does not verify: {l1} / {l2}: {chk.report}"


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__.splitlines()[0], file=sys.stderr)
        return 2
    out = Path(sys.argv[1])
    t0 = time.perf_counter()
    for i, (slug, build, scan_fn, scanned_print) in enumerate(CASES):
        folder = out / slug
        if folder.exists():
            shutil.rmtree(folder)
        text, scan = folder / "text", folder / "scan"
        text.mkdir(parents=True)
        scan.mkdir(parents=True)
        case = build()
        for which in ("old", "new"):
            paper.render_print(forms.build_print(case[which]), text / f"{which}.pdf")
        for stem, letter in case["letters"].items():
            paper.render_letter(letter, text / f"{stem}.pdf")
        for stem, pp in case.get("passports", {}).items():
            l1, l2 = paper.render_passport(pp, text / f"{stem}.pdf")
            verify_mrz(l1, l2)
        if scanned_print:
            g = forms.golden(case["old"])
            (folder / "old.fields.json").write_text(
                json.dumps({"fields": g}, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                encoding="utf-8")
        rng = np.random.RandomState(4000 + i)
        scan_fn(text, scan, rng)
        print(f"{slug}: {', '.join(sorted(p.name for p in scan.iterdir()))}", flush=True)
    print(f"done in {time.perf_counter() - t0:.0f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
