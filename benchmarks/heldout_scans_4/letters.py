"""Consular letters and employment letters of held-out set 4.

The consular wordings follow published US government texts (public domain; sources in the
README): the U.S. Embassy Ankara's "Your application is refused" 214(b) page, the U.S. Embassy
Kuwait's "Refused - 214B" page, the U.S. Embassy Managua's "Sections 214(b) & 221(g)" page, the
Chennai 221(g) form of ``../shared/corpus/real-letters/``, and the ustraveldocs / U.S. Embassy
Port-au-Prince 221(g) pages (administrative processing, 12 months to submit documents).
"""

from __future__ import annotations

from paper import A4, LETTER, Letter, long_date


def embassy_head(post: str, kind: str = "Embassy") -> list[str]:
    if kind == "Embassy":
        return [f"Embassy of the United States of America", f"Consular Section, {post}"]
    return [f"Consulate General of the United States of America", f"Nonimmigrant Visa Unit, {post}"]


def refusal_214b_ankara_style(post: str, kind: str, date: str, name: str, case_no: str) -> Letter:
    return Letter(
        head=embassy_head(post, kind) + ["Nonimmigrant Visa Section"],
        ref=f"Case No. {case_no}",
        date_line=long_date(date),
        addressee=[f"Applicant: {name}"],
        blocks=[
            ("b", "Your application is refused"),
            ("p", "Your application for a nonimmigrant visa is refused under Section 214(b) of the "
                  "U.S. Immigration and Nationality Act (INA). A denial under Section 214(b) means "
                  "that you did not meet the requirements of the classification of the "
                  "nonimmigrant visa for which you applied."),
            ("p", "While nonimmigrant visa classifications each have their own unique requirements, "
                  "one requirement shared by many of the nonimmigrant visa categories is for the "
                  "applicant to demonstrate that he or she has a residence in a foreign country "
                  "which he or she has no intention of abandoning. Applicants usually meet this "
                  "requirement by demonstrating strong ties overseas: professional, work, school, "
                  "family or social links to a foreign country. You have not demonstrated that you "
                  "have the ties that will compel you to return to your home country after your "
                  "travel to the United States."),
            ("p", "Today's decision cannot be appealed. However, you may reapply at any time. If you "
                  "decide to reapply, you must submit a new application form and photo, pay the "
                  "visa application fee again and be interviewed by a consular officer. If you "
                  "choose to reapply, you should be prepared to provide information that was not "
                  "presented in your original application, or to demonstrate that your "
                  "circumstances have changed since that application."),
        ],
        closing=["Consular Officer", "Nonimmigrant Visa Section"],
    )


def refusal_214b_kuwait_style(post: str, kind: str, date: str, name: str, case_no: str) -> Letter:
    return Letter(
        head=embassy_head(post, kind),
        ref=f"Ref: {case_no}",
        date_line=date_dmy(date),
        addressee=["Dear Applicant,"],
        blocks=[
            ("b", f"Your application for a U.S. visa has been REFUSED."),
            ("p", f"Name of applicant: {name}"),
            ("p", "The consular officer has found you ineligible for a nonimmigrant visa under "
                  "Section 214(b) of the U.S. Immigration and Nationality Act (INA). A denial under "
                  "section 214(b) means that you were not able to demonstrate that your intended "
                  "activities in the United States would be consistent with the classification of "
                  "the nonimmigrant visa for which you applied."),
            ("p", "Under Section 214(b) of the INA, applicants are presumed to be intending "
                  "immigrants unless they credibly demonstrate, to the consular officer's "
                  "satisfaction, that their economic, family, and social ties outside the United "
                  "States are strong enough that they will depart at the end of their authorized "
                  "stay."),
            ("p", "There is no appeal process. While you are not prohibited from reapplying, unless "
                  "you can show credible, new and compelling ties outside the United States, a "
                  "different outcome is unlikely. If you decide to reapply, you must schedule a new "
                  "interview and pay a new MRV application fee."),
        ],
        closing=["Sincerely,", "", "Consular Section"],
    )


def refusal_214b_managua_style(post: str, kind: str, date: str, name: str, case_no: str) -> Letter:
    return Letter(
        head=embassy_head(post, kind),
        ref=None,
        date_line=long_date(date),
        addressee=[name, f"Case number: {case_no}"],
        blocks=[
            ("p", "Thank you for your nonimmigrant visa application. We trust that even though your "
                  "application was not approved, you were treated courteously and professionally."),
            ("b", "Section 214(b)"),
            ("p", "We were unable to issue you a visa because you were found ineligible under "
                  "Section 214(b) of the U.S. Immigration and Nationality Act. Section 214(b) "
                  "requires applicants for nonimmigrant visas to show that they meet each of the "
                  "requirements for a visa in their particular category, and that they have a "
                  "permanent residence abroad and intend to depart the United States at the end of "
                  "the authorized stay. Unfortunately, you have not shown that you have sufficient "
                  "family, social, economic or other ties to a place of residence outside the "
                  "United States to ensure that your projected stay would be temporary."),
            ("p", "This decision cannot be appealed. You may reapply, but a new application is "
                  "considered only on new information that shows your circumstances have changed."),
        ],
        closing=["Consular Officer"],
    )


def refusal_221g_admin(post: str, kind: str, date: str, name: str, case_no: str) -> Letter:
    return Letter(
        head=embassy_head(post, kind),
        ref=f"Case Number: {case_no}",
        date_line=date_dmy(date),
        addressee=[f"Name: {name}", "", "Dear Visa Applicant:"],
        blocks=[
            ("p", "This office is unable to issue your visa at this time. Further action in your "
                  "case has been suspended under Section 221(g) of the U.S. Immigration and "
                  "Nationality Act (INA)."),
            ("p", "Your application requires further administrative processing, which takes "
                  "additional time after your interview with a consular officer. The duration of "
                  "the administrative processing will vary based on the individual circumstances "
                  "of each case; most administrative processing is resolved within 60 days of the "
                  "visa interview."),
            ("p", "You do not need to submit any documents or pay a new fee unless the Consular "
                  "Section asks you to. We will contact you by email when processing is complete. "
                  "Except in cases of emergency travel, please wait at least 180 days from the date "
                  "of your interview before making inquiries about the status of your case. You may "
                  "check the status of your application at ceac.state.gov."),
            ("p", "Please keep your passport available; do not book travel until your visa has "
                  "been issued."),
        ],
        closing=["Consular Officer", "Nonimmigrant Visa Unit"],
    )


def refusal_221g_documents(post: str, kind: str, date: str, name: str, case_no: str,
                           ticked: set[int]) -> Letter:
    items = [
        "A letter from your employer on letterhead stating your position, salary and the date your "
        "employment began.",
        "Bank statements for the last six months for the account(s) that will pay for your trip.",
        "Evidence of ownership of the property listed as your home address.",
        "A copy of the invitation letter from the U.S. organization named in your application.",
        "Proof of enrolment of your children in school for the current academic year.",
    ]
    return Letter(
        head=embassy_head(post, kind),
        ref=f"Case No.: {case_no}",
        date_line=date_dmy(date),
        addressee=[f"Applicant: {name}"],
        blocks=[
            ("b", "NOTICE OF REFUSAL UNDER SECTION 221(g)"),
            ("p", "Your visa application is refused under Section 221(g) of the U.S. Immigration "
                  "and Nationality Act. Refusal under Section 221(g) means that essential "
                  "information is missing from your application. In order to continue processing "
                  "your case, please submit the items marked with an X below:"),
            *[("box", i in ticked, text) for i, text in enumerate(items)],
            ("gap",),
            ("p", "You have 12 months from the date of this letter to submit the requested "
                  "documents without having to pay a new visa application fee. After one year, "
                  "an application refused under Section 221(g) is terminated. Do not submit a new "
                  "application form; submit the documents with this letter and your passport at "
                  "the document drop-off location."),
        ],
        closing=["Consular Officer"],
        serif=False,
    )


def date_dmy(iso: str) -> str:
    y, m, d = iso.split("-")
    return f"{d} {['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'][int(m) - 1]} {y}"


def employment_letter_en(company: list[str], ref: str, date: str, title: str, body: list[str],
                         signer: list[str]) -> Letter:
    return Letter(
        head=company,
        ref=ref,
        date_line=long_date(date),
        addressee=["TO WHOM IT MAY CONCERN"],
        blocks=[("b", title)] + [("p", t) for t in body],
        closing=signer,
        serif=False,
        size=A4,
    )


def spravka_ru(company: list[str], ref: str, date_ru: str, body: list[str], signer: list[str]) -> Letter:
    return Letter(
        head=company,
        ref=ref,
        date_line=date_ru,
        addressee=[],
        blocks=[("b", "СПРАВКА С МЕСТА РАБОТЫ")] + [("p", t) for t in body],
        closing=signer,
        serif=True,
        size=A4,
    )


__all__ = ["LETTER", "A4"]
