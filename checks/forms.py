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
from checks.page import of_tags

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


def _fields(controls: list[lxml.html.HtmlElement]) -> list[_Field]:
    labels: dict[str, str] | None = None
    fields: list[_Field] = []
    for el in controls:
        tag = el.tag
        if tag in ("label", "button"):
            continue
        kind = tag if tag != "input" else (el.get("type") or "text").lower()
        name = el.get("name") or ""
        if kind in SKIP_INPUT_TYPES:  # cheap path: "form_type=contact", "submitNewsletter=Inschrijven"
            fields.append(_Field(name or kind, kind, f"{name}={el.get('value') or ''}".lower()))
            continue
        if labels is None:
            labels = {
                lab.get("for"): lab.text_content()
                for lab in controls
                if lab.tag == "label" and lab.get("for")
            }
        parts = [name, el.get("id") or "", kind, el.get("placeholder") or "", el.get("autocomplete") or "",
                 el.get("aria-label") or "", labels.get(el.get("id") or "", "")]  # fmt: skip
        parent = el.getparent()
        if parent is not None and parent.tag == "label":
            parts.append(parent.text_content())
        fields.append(_Field(name or kind, kind, " ".join(parts).lower()))
    return fields


class _Words:
    """The form's own words, read only when a rule needs them (most forms never do)."""

    def __init__(self, form: lxml.html.HtmlElement, fields: list[_Field]) -> None:
        self.form, self.fields, self._text = form, fields, None

    @property
    def text(self) -> str:
        if self._text is None:
            form = self.form
            parts = [
                form.get(a) or ""
                for a in ("id", "class", "action", "name", "aria-label", "role", "data-type")
            ]
            parts += [f.describe for f in self.fields if f.kind in SKIP_INPUT_TYPES]
            size = 0
            for chunk in form.itertext():
                parts.append(chunk)
                size += len(chunk)
                if size > MAX_FORM_TEXT:
                    break
            self._text = " ".join(parts).lower()
        return self._text

    def has(self, regex: re.Pattern[str]) -> bool:
        return regex.search(self.text) is not None


def classify_form(form: lxml.html.HtmlElement) -> FormFinding:
    """Classify one `<form>` (or a form-like container)."""
    fields = _fields(list(form.iter("input", "textarea", "select", "label", "button")))
    words = _Words(form, fields)
    typed = [f for f in fields if f.kind not in SKIP_INPUT_TYPES]
    finding = FormFinding(kind="other", action=form.get("action") or "", fields=_field_keys(typed))
    if not typed:
        return finding

    has_password = any(f.kind == "password" for f in typed)
    textareas = [f for f in typed if f.kind == "textarea"]
    message = textareas or [f for f in typed if f.kind in ("text", "") and MESSAGE_FIELD.search(f.describe)]
    email = any(f.kind == "email" or EMAIL_FIELD.search(f.describe) for f in typed if f.kind != "textarea")
    name = any(NAME_FIELD.search(f.describe) for f in typed if f.kind not in ("textarea", "email"))
    phone = any(f.kind == "tel" or PHONE_FIELD.search(f.describe) for f in typed if f.kind != "textarea")
    rating = any(RATING_FIELD.search(f.describe) for f in typed if f.kind != "textarea")
    writable = any(f.kind in ("text", "email", "") for f in typed)

    if has_password:
        finding.kind = "login"
    elif message and (rating or (words.has(REVIEW_WORDS) and not words.has(CONTACT_MARKERS))):
        finding.kind = "review"
    elif (
        message and (words.has(CHECKOUT_WORDS) or words.has(COMMENT_WORDS)) and not words.has(CONTACT_MARKERS)
    ):
        finding.kind = "other"
    elif message and (email or name or phone or words.has(CONTACT_MARKERS)):
        finding.kind = "contact"
    elif _is_search(form, typed, words):
        finding.kind = "search"
    elif email and not message:
        visible = [f for f in typed if f.kind not in ("checkbox", "radio")]
        if words.has(ACCOUNT_WORDS):
            finding.kind = "login"
        elif words.has(NEWSLETTER_WORDS) or len(visible) <= 1:
            finding.kind = "newsletter"
    elif writable and not message and words.has(NEWSLETTER_WORDS):
        finding.kind = "newsletter"
    return finding


def _is_search(form: lxml.html.HtmlElement, typed: list[_Field], words: _Words) -> bool:
    parent = form.getparent()
    if "search" in (form.get("role"), parent.get("role") if parent is not None else None):
        return True
    if any(f.kind == "search" for f in typed):
        return True
    texty = [f for f in typed if f.kind in ("text", "")]
    if len(texty) != 1 or len(typed) > 3:
        return False
    return texty[0].key.lower() in SEARCH_NAMES or words.has(SEARCH_WORDS)


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


_FORM_TAGS = frozenset({"form", "textarea"})


def find_forms(root: lxml.html.HtmlElement, furniture: list | None = None) -> list[FormFinding]:
    """Every distinct form on the page, in document order, with its kind and the fields it asks for.

    Identical forms (a product grid's hundred add-to-cart forms) are reported once.
    `furniture`: `ParsedPage.furniture` when the caller has gathered it (it holds forms and
    textareas).
    """
    forms: list[FormFinding] = []
    seen: set[tuple[str, str, tuple[str, ...]]] = set()
    containers: list[lxml.html.HtmlElement] = []

    def keep(f: FormFinding) -> None:
        key = (f.kind, f.action, tuple(f.fields))
        if key not in seen:
            seen.add(key)
            forms.append(f)

    for el in of_tags(root, furniture, _FORM_TAGS):
        if el.tag == "form":
            keep(classify_form(el))
            continue
        if next(el.iterancestors("form"), None) is not None:
            continue
        box = _container_for(el)
        if box is not None and not any(box is c for c in containers):
            containers.append(box)
            keep(classify_form(box))
    return forms
