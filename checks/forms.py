"""Forms on a page, classified: contact, newsletter, search, login, review or other.

A contact form lets a visitor write a message: a message field (usually a textarea) plus a way
to answer (e-mail, name or phone). Platform markers settle the common cases (Shopify
`form_type=contact`, Magento `#contact-form`, Contact Form 7, Gravity Forms, WPForms,
PrestaShop's contact controller). JS-built pages often have no `<form>` at all: a textarea
whose nearby container also holds a submit button is treated as a form.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import lxml.html

from checks.model import FormFinding

# Field roles, matched against a field's name, id, type, placeholder, autocomplete, aria-label
# and label text (lower case).
EMAIL_FIELD = re.compile(r"e-?mail|courriel|mail\b")
NAME_FIELD = re.compile(
    r"\bname|naam|first_?name|last_?name|full_?name|vorname|nachname"
    r"|\bnom\b|pr[ée]nom|\[name\]"
)
PHONE_FIELD = re.compile(r"phone|telefo|\btel\b|t[ée]l[ée]phone|mobiel|\bgsm\b|\bhandy\b|mobile")
MESSAGE_FIELD = re.compile(
    r"message|bericht|nachricht|vraag|question|comment|opmerking|\[body\]|enquiry|inquiry|anliegen|demande"
    r"|your-message|toelichting|omschrijving|beschreibung"
)
RATING_FIELD = re.compile(r"rating|\bstars?\b|\bscore\b|beoordeling|bewertung|sterne|\bnote\b|waardering")
SEARCH_NAMES = frozenset({"q", "s", "search", "query", "keyword", "keywords", "zoekterm", "zoeken", "search_query",
                          "searchterm", "search-term", "term", "suche", "suchbegriff", "recherche", "sword"})  # fmt: skip

# Form-level words (form attributes, legends, labels, button texts, the form's own text).
NEWSLETTER_WORDS = re.compile(
    r"nieuwsbrief|newsletter|inschrijven|subscribe|abonneren|abonnieren|anmelden|s['’]inscrire|abonnez"
    r"|infolettre|list-manage\.com|klaviyo|sibforms|mailchimp|form_type=customer"
)
REVIEW_WORDS = re.compile(
    r"review|beoordeling|recensie|bewertung|rezension|\bavis\b|rating|waardering|ervaring delen"
)
SEARCH_WORDS = re.compile(
    r"/search|/zoeken|/suche|/recherche|catalogsearch|controller=search|\bsearch\b|role=search"
)
ACCOUNT_WORDS = re.compile(
    r"wachtwoord|password|passwort|mot de passe|inloggen|log ?in\b|sign ?in|einloggen|connexion|forgot|vergeten"
)
CHECKOUT_WORDS = re.compile(r"checkout|billing_|shipping_|afrekenen|\bkasse\b|order_comments")
# Blog comment forms ask for a message, name and e-mail too, but nobody reads them as a contact route.
COMMENT_WORDS = re.compile(
    r"wp-comments-post|commentform|comment-form|reactie plaatsen|leave a reply|kommentar"
)
CONTACT_MARKERS = re.compile(
    r"wpcf7|gform|wpforms|contact-form|contactform|contact_form|form_type=contact|contact/index/post"
    r"|id_contact|kontaktformular|formulaire de contact|contactformulier|/contact\b"
)
# Controls that carry a value a visitor types or chooses.
SKIP_INPUT_TYPES = frozenset({"hidden", "submit", "button", "reset", "image"})
SUBMIT_XPATH = (
    ".//button | .//input[@type='submit' or @type='button' or @type='image'] | .//*[@role='button']"
)
MAX_FORM_TEXT = 2000
MAX_CONTAINER_CLIMB = 6


class _Field(NamedTuple):
    key: str  # name, or type when the control has no name
    kind: str  # input type or tag
    describe: str  # every word that says what the field is for, lower case


def _label_texts(form: lxml.html.HtmlElement) -> dict[str, str]:
    return {lab.get("for"): lab.text_content() for lab in form.iter("label") if lab.get("for")}


def _fields(form: lxml.html.HtmlElement) -> list[_Field]:
    labels = _label_texts(form)
    fields: list[_Field] = []
    for el in form.iter("input", "textarea", "select"):
        kind = el.tag if el.tag != "input" else (el.get("type") or "text").lower()
        name = el.get("name") or ""
        parts = [name, el.get("id") or "", kind, el.get("placeholder") or "", el.get("autocomplete") or "",
                 el.get("aria-label") or "", labels.get(el.get("id") or "", "")]  # fmt: skip
        parent = el.getparent()
        if parent is not None and parent.tag == "label":
            parts.append(parent.text_content())
        fields.append(_Field(name or kind, kind, " ".join(parts).lower()))
    return fields


def _form_words(form: lxml.html.HtmlElement, hidden: list[tuple[str, str]]) -> str:
    parts = [form.get(a) or "" for a in ("id", "class", "action", "name", "aria-label", "role", "data-type")]
    parts += [f"{n}={v}" for n, v in hidden]
    text, size = [], 0
    for chunk in form.itertext():
        text.append(chunk)
        size += len(chunk)
        if size > MAX_FORM_TEXT:
            break
    parts.append(" ".join(text))
    parts += [b.get("value") or "" for b in form.iter("input") if (b.get("type") or "").lower() == "submit"]
    return " ".join(parts).lower()


def classify_form(form: lxml.html.HtmlElement) -> FormFinding:
    """Classify one `<form>` (or a form-like container)."""
    fields = _fields(form)
    hidden = [(el.get("name") or "", el.get("value") or "") for el in form.iter("input")
              if (el.get("type") or "").lower() == "hidden"]  # fmt: skip
    words = _form_words(form, hidden)
    typed = [f for f in fields if f.kind not in SKIP_INPUT_TYPES]
    finding = FormFinding(kind="other", action=form.get("action") or "", fields=_field_keys(typed))

    has_password = any(f.kind == "password" for f in typed)
    textareas = [f for f in typed if f.kind == "textarea"]
    message = textareas or [f for f in typed if f.kind in ("text", "") and MESSAGE_FIELD.search(f.describe)]
    email = any(f.kind == "email" or EMAIL_FIELD.search(f.describe) for f in typed if f.kind != "textarea")
    name = any(NAME_FIELD.search(f.describe) for f in typed if f.kind not in ("textarea", "email"))
    phone = any(f.kind == "tel" or PHONE_FIELD.search(f.describe) for f in typed if f.kind != "textarea")
    rating = any(RATING_FIELD.search(f.describe) for f in typed if f.kind != "textarea")

    if has_password:
        finding.kind = "login"
    elif message and (rating or (REVIEW_WORDS.search(words) and not CONTACT_MARKERS.search(words))):
        finding.kind = "review"
    elif (
        message
        and (CHECKOUT_WORDS.search(words) or COMMENT_WORDS.search(words))
        and not CONTACT_MARKERS.search(words)
    ):
        finding.kind = "other"
    elif message and (email or name or phone or CONTACT_MARKERS.search(words)):
        finding.kind = "contact"
    elif _is_search(form, typed, words):
        finding.kind = "search"
    elif email and not message:
        visible = [f for f in typed if f.kind not in ("checkbox", "radio")]
        if ACCOUNT_WORDS.search(words):
            finding.kind = "login"
        elif NEWSLETTER_WORDS.search(words) or len(visible) <= 1:
            finding.kind = "newsletter"
    elif NEWSLETTER_WORDS.search(words) and typed and not message:
        finding.kind = "newsletter"
    return finding


def _is_search(form: lxml.html.HtmlElement, typed: list[_Field], words: str) -> bool:
    parent = form.getparent()
    if "search" in (form.get("role"), parent.get("role") if parent is not None else None):
        return True
    if any(f.kind == "search" for f in typed):
        return True
    texty = [f for f in typed if f.kind in ("text", "")]
    if len(texty) != 1 or len(typed) > 3:
        return False
    return texty[0].key.lower() in SEARCH_NAMES or bool(SEARCH_WORDS.search(words))


def _field_keys(fields: list[_Field]) -> list[str]:
    keys: list[str] = []
    for f in fields:
        if f.key not in keys:
            keys.append(f.key)
    return keys[:30]


def _container_for(textarea: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    """The nearest ancestor of a form-less textarea that also holds a submit control."""
    el = textarea.getparent()
    for _ in range(MAX_CONTAINER_CLIMB):
        if el is None or el.tag in ("body", "html"):
            return None
        if el.xpath(SUBMIT_XPATH):
            return el
        el = el.getparent()
    return None


def find_forms(root: lxml.html.HtmlElement) -> list[FormFinding]:
    """Every form on the page, in document order, with its kind and the fields it asks for."""
    forms: list[FormFinding] = []
    containers: list[lxml.html.HtmlElement] = []
    for el in root.iter("form", "textarea"):
        if el.tag == "form":
            forms.append(classify_form(el))
            continue
        if next(el.iterancestors("form"), None) is not None:
            continue
        box = _container_for(el)
        if box is not None and not any(box is c for c in containers):
            containers.append(box)
            forms.append(classify_form(box))
    return forms
