"""Findability: every tier, the click rule and every verdict reason, on hand-built pages."""

from __future__ import annotations

import pytest

from checks.findability import ShopPage, VerdictRule, assess, settled, unassessed_contract
from checks.model import ChatFinding, EmailFinding, FormFinding, PageAnalysis, PhoneFinding

PHONE = "+31201234567"
EMAIL = "info@shop.nl"


def phone(
    value=PHONE, visible=True, third_party=False, flags=(), is_fax=False, source="text", type_="fixed_line"
):
    return PhoneFinding(
        value=value,
        raw=value,
        source=source,
        visible=visible,
        third_party=third_party,
        type=type_,
        flags=list(flags),
        is_fax=is_fax,
    )


def email(value=EMAIL, visible=True, third_party=False, flags=(), source="text"):
    return EmailFinding(
        value=value, raw=value, source=source, visible=visible, third_party=third_party, flags=list(flags)
    )


def page(kind, clicks, phones=(), emails=(), chat=(), form=False, content_type="html", texts=None):
    url = f"https://www.shop.nl/{kind}-{clicks}" + (".pdf" if content_type == "pdf" else "")
    a = PageAnalysis(
        url=url, page_kind=kind, content_type=content_type, phones=list(phones), emails=list(emails)
    )
    a.chat = [ChatFinding(vendor=v, evidence=v) for v in chat]
    if form:
        a.forms = [FormFinding(kind="contact")]
    return ShopPage(
        analysis=a, clicks=clicks, link_texts=texts or (["x"] * clicks), is_homepage=kind == "homepage"
    )


HOME = page("homepage", 0)

# (name, pages, phone tier, phone clicks, email tier, email clicks, compliant, reason codes)
TABLE = [
    ("both on homepage", [page("homepage", 0, [phone()], [email()])], "homepage", 0, "homepage", 0, True, []),
    (
        "both on contact page",
        [HOME, page("contact", 1, [phone()], [email()])],
        "contact_page",
        1,
        "contact_page",
        1,
        True,
        [],
    ),
    (
        "customer service counts as contact",
        [HOME, page("customer_service", 2, [phone()], [email()])],
        "contact_page",
        2,
        "contact_page",
        2,
        True,
        [],
    ),
    (
        "faq is other page",
        [HOME, page("faq", 1, [phone()], [email()])],
        "other_page",
        1,
        "other_page",
        1,
        True,
        [],
    ),
    (
        "returns page is other page",
        [HOME, page("returns", 2, [phone()], [email()])],
        "other_page",
        2,
        "other_page",
        2,
        True,
        [],
    ),
    (
        "phone only in terms",
        [HOME, page("contact", 1, [], [email()]), page("terms", 1, [phone()])],
        "legal_only",
        1,
        "contact_page",
        1,
        False,
        ["phone_legal_only"],
    ),
    (
        "email only in privacy",
        [HOME, page("contact", 1, [phone()]), page("privacy", 2, [], [email()])],
        "contact_page",
        1,
        "legal_only",
        2,
        False,
        ["email_legal_only"],
    ),
    (
        "both only in imprint",
        [HOME, page("imprint", 1, [phone()], [email()])],
        "legal_only",
        1,
        "legal_only",
        1,
        False,
        ["phone_legal_only", "email_legal_only"],
    ),
    (
        "phone only in terms pdf",
        [
            HOME,
            page("contact", 1, [], [email()]),
            page("terms", 2, [phone(source="pdf")], content_type="pdf"),
        ],
        "legal_only",
        2,
        "contact_page",
        1,
        False,
        ["phone_legal_only"],
    ),
    (
        "chat only",
        [page("homepage", 0, chat=["zendesk"]), page("contact", 1)],
        "chat_only",
        None,
        "chat_only",
        None,
        False,
        ["phone_chat_only", "email_chat_only"],
    ),
    (
        "nothing at all",
        [HOME, page("contact", 1)],
        "not_found",
        None,
        "not_found",
        None,
        False,
        ["phone_not_found", "email_not_found"],
    ),
    (
        "three clicks deep",
        [HOME, page("contact", 3, [phone()], [email()])],
        "contact_page",
        3,
        "contact_page",
        3,
        False,
        ["phone_too_deep", "email_too_deep"],
    ),
    (
        "deep contact but shallow faq wins",
        [HOME, page("contact", 3, [phone()]), page("faq", 1, [phone()], [email()])],
        "other_page",
        1,
        "other_page",
        1,
        True,
        [],
    ),
    (
        "contact beats faq at equal depth",
        [HOME, page("faq", 1, [phone()]), page("contact", 1, [phone()], [email()])],
        "contact_page",
        1,
        "contact_page",
        1,
        True,
        [],
    ),
    (
        "homepage beats contact",
        [page("homepage", 0, [phone()]), page("contact", 1, [phone()], [email()])],
        "homepage",
        0,
        "contact_page",
        1,
        True,
        [],
    ),
    (
        "form instead of email",
        [page("homepage", 0, [phone()]), page("contact", 1, form=True)],
        "homepage",
        0,
        "not_found",
        None,
        False,
        ["email_form_only"],
    ),
    (
        "form and chat instead of email",
        [page("homepage", 0, [phone()], chat=["tidio"]), page("contact", 1, form=True)],
        "homepage",
        0,
        "chat_only",
        None,
        False,
        ["email_form_only"],
    ),
    (
        "email in terms and a form",
        [page("homepage", 0, [phone()]), page("contact", 1, form=True), page("terms", 1, [], [email()])],
        "homepage",
        0,
        "legal_only",
        1,
        False,
        ["email_legal_only"],
    ),
    (
        "form and email both",
        [page("homepage", 0, [phone()]), page("contact", 1, [], [email()], form=True)],
        "homepage",
        0,
        "contact_page",
        1,
        True,
        [],
    ),
    (
        "extra-cost number",
        [
            page(
                "homepage", 0, [phone("+319061234567", flags=["extra_cost"], type_="premium_rate")], [email()]
            )
        ],
        "homepage",
        0,
        "homepage",
        0,
        False,
        ["phone_extra_cost"],
    ),
    (
        "invisible only does not set a tier",
        [
            page(
                "homepage",
                0,
                [phone(visible=False, source="jsonld")],
                [email(visible=False, source="jsonld")],
            )
        ],
        "not_found",
        None,
        "not_found",
        None,
        False,
        ["phone_not_found", "email_not_found"],
    ),
    (
        "third party never credited",
        [
            page(
                "homepage",
                0,
                [phone(third_party=True)],
                [email("info@degeschillencommissie.nl", third_party=True)],
            )
        ],
        "not_found",
        None,
        "not_found",
        None,
        False,
        ["phone_not_found", "email_not_found"],
    ),
    (
        "fax is not a phone",
        [page("homepage", 0, [phone(is_fax=True)], [email()])],
        "not_found",
        None,
        "homepage",
        0,
        False,
        ["phone_not_found"],
    ),
    (
        "placeholder hotline not credited",
        [page("homepage", 0, [phone("+49180000000", flags=["placeholder", "extra_cost"])], [email()])],
        "not_found",
        None,
        "homepage",
        0,
        False,
        ["phone_not_found"],
    ),
    (
        "noreply address not credited",
        [page("homepage", 0, [phone()], [email("noreply@shop.nl", flags=["noreply"])])],
        "homepage",
        0,
        "not_found",
        None,
        False,
        ["email_not_found"],
    ),
    (
        "chat plus phone in terms is legal_only not chat",
        [page("homepage", 0, [], [email()], chat=["trengo"]), page("terms", 1, [phone()])],
        "legal_only",
        1,
        "homepage",
        0,
        False,
        ["phone_legal_only"],
    ),
    (
        "phone in legal and deep contact: contact still too deep",
        [HOME, page("terms", 1, [phone()], [email()]), page("contact", 3, [phone()], [email()])],
        "contact_page",
        3,
        "contact_page",
        3,
        False,
        ["phone_too_deep", "email_too_deep"],
    ),
]


@pytest.mark.parametrize(
    "name,pages,ptier,pclicks,etier,eclicks,compliant,codes", TABLE, ids=[t[0] for t in TABLE]
)
def test_table(name, pages, ptier, pclicks, etier, eclicks, compliant, codes):
    a = assess(pages)
    assert (a.phone.tier, a.phone.clicks) == (ptier, pclicks)
    assert (a.email.tier, a.email.clicks) == (etier, eclicks)
    assert a.compliant is compliant
    assert a.reason_codes == codes
    assert len(a.reasons) == len(codes)


def test_rule_is_configurable():
    pages = [HOME, page("contact", 3, [phone()], [email()])]
    assert assess(pages, VerdictRule(max_clicks=3)).compliant
    assert not assess(pages).compliant
    legal = [HOME, page("terms", 1, [phone()], [email()])]
    rule = VerdictRule(accepted_tiers=("homepage", "contact_page", "other_page", "legal_only"))
    assert assess(legal, rule).compliant
    formed = [page("homepage", 0, [phone()]), page("contact", 1, form=True)]
    assert assess(formed, VerdictRule(email_form_is_enough=True)).compliant
    costly = [page("homepage", 0, [phone("+319061234567", flags=["extra_cost"])], [email()])]
    assert assess(costly, VerdictRule(reject_extra_cost=False)).compliant


def test_reasons_are_sentences_with_evidence():
    pages = [HOME, page("contact", 3, [phone()], [email()], texts=["Service", "Contact", "Bel ons"])]
    a = assess(pages)
    assert "3 clicks" in a.reasons[0] and "Service > Contact > Bel ons" in a.reasons[0]


def test_contract_shape():
    pages = [
        page(
            "homepage",
            0,
            [phone(), phone(visible=False, value="+31104141414", source="jsonld")],
            [email()],
            chat=["tidio"],
        )
    ]
    out = assess(pages).to_contract(
        shop="shop.nl", homepage="https://www.shop.nl/", status="ok", pages_crawled=1
    )
    assert list(out) == [
        "shop",
        "homepage",
        "status",
        "pages_crawled",
        "channels",
        "chat",
        "contact_form",
        "verdict",
    ]
    found = out["channels"]["phone"]["found"]
    assert found[0] == {
        "value": PHONE,
        "type": "fixed_line",
        "raw": PHONE,
        "tier": "homepage",
        "clicks": 0,
        "url": "https://www.shop.nl/homepage-0",
        "page_type": "homepage",
        "source": "text",
        "owner": "shop",
        "owner_reason": "",
    }
    assert out["channels"]["phone"]["not_credited"] == []
    assert found[1]["tier"] is None and found[1]["source"] == "jsonld"
    assert "type" not in out["channels"]["email"]["found"][0]
    assert out["chat"] == {"present": True, "vendors": ["tidio"]}
    assert out["verdict"] == {"compliant": True, "reasons": []}


def test_third_party_values_kept_apart():
    pages = [page("homepage", 0, [phone(), phone("+31703105310", third_party=True)], [email()])]
    a = assess(pages)
    assert [f.value for f in a.phone.found] == [PHONE]
    assert [f.value for f in a.phone.third_party] == ["+31703105310"]


def test_unassessed_contract_has_no_verdict():
    out = unassessed_contract("shop.nl", "https://shop.nl/", "blocked", "HTTP 403 on the homepage")
    assert out["verdict"]["compliant"] is None
    assert out["channels"]["phone"]["tier"] is None
    assert "403" in out["verdict"]["reasons"][0]


def test_settled():
    assert settled([page("homepage", 0, [phone()], [email()])])
    assert not settled([page("homepage", 0, [phone()]), page("contact", 1, [], [email()])])
