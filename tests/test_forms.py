"""Case table for checks.forms: realistic platform and hand-built markup in NL/EN/DE/FR."""

from __future__ import annotations

import lxml.html
import pytest

from checks.forms import find_forms


def _kinds(html: str) -> list[str]:
    return [f.kind for f in find_forms(lxml.html.fromstring(f"<html><body>{html}</body></html>"))]


SHOPIFY_CONTACT = """
<form method="post" action="/contact#ContactForm" id="ContactForm" accept-charset="UTF-8" class="isolate">
  <input type="hidden" name="form_type" value="contact"><input type="hidden" name="utf8" value="✓">
  <div class="contact__fields">
    <div class="field"><input class="field__input" autocomplete="name" type="text" id="ContactForm-name"
      name="contact[Name]" placeholder="Naam"><label class="field__label" for="ContactForm-name">Naam</label></div>
    <div class="field field--with-error"><input autocomplete="email" type="email" id="ContactForm-email"
      class="field__input" name="contact[email]" spellcheck="false" placeholder="E-mail" required>
      <label class="field__label" for="ContactForm-email">E-mail <span aria-hidden="true">*</span></label></div>
  </div>
  <div class="field"><input type="tel" id="ContactForm-phone" class="field__input" autocomplete="tel"
    name="contact[Telefoonnummer]" pattern="[0-9\\-]*" placeholder="Telefoonnummer">
    <label class="field__label" for="ContactForm-phone">Telefoonnummer</label></div>
  <div class="field"><textarea rows="10" id="ContactForm-body" class="text-area field__input" name="contact[Opmerking]"
    placeholder="Opmerking"></textarea><label class="form__label field__label" for="ContactForm-body">Opmerking</label></div>
  <div class="contact__button"><button type="submit" class="button">Verzenden</button></div>
</form>"""

SHOPIFY_NEWSLETTER = """
<form method="post" action="/contact#newsletter-form" id="newsletter-form" accept-charset="UTF-8" class="newsletter-form">
  <input type="hidden" name="form_type" value="customer"><input type="hidden" name="utf8" value="✓">
  <input type="hidden" name="contact[tags]" value="newsletter">
  <div class="newsletter-form__field-wrapper"><div class="field">
    <input id="NewsletterForm--footer" type="email" name="contact[email]" class="field__input" value=""
      aria-required="true" autocorrect="off" autocapitalize="off" autocomplete="email" placeholder="E-mail" required>
    <label class="field__label" for="NewsletterForm--footer">E-mail</label>
    <button type="submit" class="newsletter-form__button field__button" name="commit" aria-label="Abonneren">→</button>
  </div></div>
</form>"""

CF7_NL = """
<div class="wpcf7 no-js" id="wpcf7-f42-p7-o1" lang="nl-NL" dir="ltr">
<form action="/contact/#wpcf7-f42-p7-o1" method="post" class="wpcf7-form init" aria-label="Contactformulier" novalidate>
  <div style="display: none;"><input type="hidden" name="_wpcf7" value="42"><input type="hidden" name="_wpcf7_version" value="5.9">
  <input type="hidden" name="_wpcf7_unit_tag" value="wpcf7-f42-p7-o1"></div>
  <p><label> Je naam<br><span class="wpcf7-form-control-wrap" data-name="your-name"><input size="40"
    class="wpcf7-form-control wpcf7-text wpcf7-validates-as-required" autocomplete="name" type="text" name="your-name"></span></label></p>
  <p><label> Je e-mailadres<br><span class="wpcf7-form-control-wrap" data-name="your-email"><input size="40"
    class="wpcf7-form-control wpcf7-email" autocomplete="email" type="email" name="your-email"></span></label></p>
  <p><label> Onderwerp<br><input size="40" class="wpcf7-form-control wpcf7-text" type="text" name="your-subject"></label></p>
  <p><label> Je bericht (optioneel)<br><textarea cols="40" rows="10" class="wpcf7-form-control wpcf7-textarea"
    name="your-message"></textarea></label></p>
  <p><input class="wpcf7-form-control wpcf7-submit has-spinner" type="submit" value="Verzenden"></p>
</form></div>"""

MAGENTO_CONTACT = """
<form class="form contact" action="https://www.shop.de/contact/index/post/" id="contact-form" method="post"
  data-hasrequired="* Pflichtfelder" data-mage-init='{"validation":{}}'>
  <fieldset class="fieldset"><legend class="legend"><span>Schreiben Sie uns</span></legend>
  <div class="field name required"><label class="label" for="name"><span>Name</span></label>
    <div class="control"><input name="name" id="name" title="Name" value="" class="input-text" type="text"></div></div>
  <div class="field email required"><label class="label" for="email"><span>E-Mail</span></label>
    <div class="control"><input name="email" id="email" title="E-Mail" value="" class="input-text" type="email"></div></div>
  <div class="field telephone"><label class="label" for="telephone"><span>Telefonnummer</span></label>
    <div class="control"><input name="telephone" id="telephone" title="Telefonnummer" value="" class="input-text" type="tel"></div></div>
  <div class="field comment required"><label class="label" for="comment"><span>Was haben Sie auf dem Herzen?</span></label>
    <div class="control"><textarea name="comment" id="comment" title="Was haben Sie auf dem Herzen?" class="input-text"
      cols="5" rows="3"></textarea></div></div></fieldset>
  <div class="actions-toolbar"><div class="primary"><input type="hidden" name="hideit" id="hideit" value="">
    <button type="submit" title="Abschicken" class="action submit primary"><span>Abschicken</span></button></div></div>
</form>"""

PRESTASHOP_CONTACT_FR = """
<section class="contact-form"><form action="https://www.boutique.fr/nous-contacter" method="post" enctype="multipart/form-data">
  <section class="form-fields"><div class="form-group row"><div class="col-md-9 col-md-offset-3"><h3>Contactez-nous</h3></div></div>
  <div class="form-group row"><label class="col-md-3 form-control-label">Sujet</label><div class="col-md-6">
    <select name="id_contact" class="form-control form-control-select"><option value="2">Service client</option></select></div></div>
  <div class="form-group row"><label class="col-md-3 form-control-label">Adresse e-mail</label><div class="col-md-6">
    <input class="form-control" name="from" type="email" value="" placeholder="votre@email.com"></div></div>
  <div class="form-group row"><label class="col-md-3 form-control-label">Pièce jointe</label><div class="col-md-6">
    <input type="file" name="fileUpload" class="filestyle"></div></div>
  <div class="form-group row"><label class="col-md-3 form-control-label">Message</label><div class="col-md-9">
    <textarea class="form-control" name="message" placeholder="Comment pouvons-nous vous aider ?" rows="3"></textarea></div></div>
  </section><footer class="form-footer text-sm-right"><input type="text" name="url" value="">
    <input type="hidden" name="token" value="abc"><input class="btn btn-primary" type="submit" name="submitMessage" value="Envoyer">
  </footer></form></section>"""

WOO_REVIEW = """
<div id="review_form_wrapper"><div id="review_form"><div id="respond" class="comment-respond">
<span id="reply-title" class="comment-reply-title">Voeg een beoordeling toe</span>
<form action="https://www.shop.nl/wp-comments-post.php" method="post" id="commentform" class="comment-form" novalidate>
  <div class="comment-form-rating"><label for="rating">Je waardering&nbsp;<span class="required">*</span></label>
    <select name="rating" id="rating" required><option value="">Beoordeel…</option><option value="5">Perfect</option></select></div>
  <p class="comment-form-comment"><label for="comment">Je beoordeling&nbsp;<span class="required">*</span></label>
    <textarea id="comment" name="comment" cols="45" rows="8" required></textarea></p>
  <p class="comment-form-author"><label for="author">Naam&nbsp;<span class="required">*</span></label>
    <input id="author" name="author" type="text" value="" size="30" required></p>
  <p class="comment-form-email"><label for="email">E-mail&nbsp;<span class="required">*</span></label>
    <input id="email" name="email" type="email" value="" size="30" required></p>
  <p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" value="Verzenden">
    <input type='hidden' name='comment_post_ID' value='123' id='comment_post_ID'></p>
</form></div></div></div>"""

BLOG_COMMENT = """
<div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">Leave a Reply</h3>
<form action="https://shop.example/wp-comments-post.php" method="post" id="commentform" class="comment-form">
  <p class="comment-form-comment"><label for="comment">Comment</label><textarea id="comment" name="comment"></textarea></p>
  <p class="comment-form-author"><label for="author">Name</label><input id="author" name="author" type="text"></p>
  <p class="comment-form-email"><label for="email">Email</label><input id="email" name="email" type="email"></p>
  <p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" value="Post Comment"></p>
</form></div>"""

WOO_CHECKOUT = """
<form name="checkout" method="post" class="checkout woocommerce-checkout" action="https://www.shop.nl/afrekenen/">
  <input type="text" name="billing_first_name" id="billing_first_name" autocomplete="given-name">
  <input type="email" name="billing_email" id="billing_email" autocomplete="email">
  <input type="tel" name="billing_phone" id="billing_phone" autocomplete="tel">
  <textarea name="order_comments" id="order_comments" placeholder="Notities over je bestelling"></textarea>
  <button type="submit" name="woocommerce_checkout_place_order">Bestelling plaatsen</button>
</form>"""

LIGHTSPEED_CONTACT = """
<form id="formContact" action="https://www.winkel.nl/service/contactPost/" method="post">
  <input type="hidden" name="key" value="abc"><input type="text" name="url" value="" class="hidden">
  <label for="formContactName">Naam</label><input type="text" name="name" id="formContactName" value="">
  <label for="formContactEmail">E-mail</label><input type="text" name="email" id="formContactEmail" value="">
  <label for="formContactMessage">Bericht</label><textarea name="message" id="formContactMessage"></textarea>
  <a class="btn" href="javascript:;" onclick="$('#formContact').submit();">Versturen</a>
</form>"""

CASES = [
    ("shopify contact", SHOPIFY_CONTACT, ["contact"]),
    ("shopify newsletter", SHOPIFY_NEWSLETTER, ["newsletter"]),
    ("cf7 nl", CF7_NL, ["contact"]),
    ("magento de", MAGENTO_CONTACT, ["contact"]),
    ("prestashop fr", PRESTASHOP_CONTACT_FR, ["contact"]),
    ("lightspeed nl", LIGHTSPEED_CONTACT, ["contact"]),
    ("woo review", WOO_REVIEW, ["review"]),
    ("blog comment", BLOG_COMMENT, ["other"]),
    ("woo checkout", WOO_CHECKOUT, ["other"]),
    (
        "hand-built en",
        '<form action="/send.php" method="post"><p>Your name <input name="fullname"></p>'
        '<p>Your email <input name="mail"></p><p>How can we help? <textarea name="q1"></textarea></p>'
        "<input type=submit value=Send></form>",
        ["contact"],
    ),
    (
        "hand-built nl, phone only",
        '<form action="contact.asp" method="post">Telefoonnummer <input type="text" name="telefoon">'
        '<textarea name="vraag" placeholder="Uw vraag"></textarea><button>Verstuur</button></form>',
        ["contact"],
    ),
    (
        "gravity forms",
        '<div class="gform_wrapper"><form method="post" id="gform_1" action="/klantenservice/">'
        '<input name="input_1" id="input_1_1" type="text"><label for="input_1_1">Voornaam</label>'
        '<input name="input_2" id="input_1_2" type="email"><textarea name="input_3"></textarea>'
        '<input type="submit" id="gform_submit_button_1" value="Versturen"></form></div>',
        ["contact"],
    ),
    (
        "wpforms",
        '<form id="wpforms-form-7" class="wpforms-validate wpforms-form" method="post" action="/kontakt/">'
        '<input type="text" id="wpforms-7-field_0" name="wpforms[fields][0][first]">'
        '<input type="email" id="wpforms-7-field_1" name="wpforms[fields][1]">'
        '<textarea id="wpforms-7-field_2" name="wpforms[fields][2]"></textarea><button type="submit">Absenden</button></form>',
        ["contact"],
    ),
    (
        "newsletter nl footer",
        '<div class="footer-newsletter"><h4>Nieuwsbrief</h4><form action="https://shop.us1.list-manage.com/subscribe/post">'
        '<input type="email" name="EMAIL" placeholder="Je e-mailadres"><input type="submit" value="Inschrijven"></form></div>',
        ["newsletter"],
    ),
    (
        "newsletter de with name",
        '<form action="/newsletter/subscribe" method="post"><input name="vorname" placeholder="Vorname">'
        '<input name="email" type="email" placeholder="E-Mail-Adresse"><button>Newsletter abonnieren</button></form>',
        ["newsletter"],
    ),
    (
        "newsletter fr",
        '<form class="block_newsletter" action="/#footer" method="post"><input name="email" type="email" '
        'placeholder="Votre adresse e-mail"><input type="submit" value="S’abonner" name="submitNewsletter">'
        "<p>Vous pouvez vous désinscrire à tout moment.</p></form>",
        ["newsletter"],
    ),
    (
        "search shopify",
        '<form action="/search" method="get" role="search" class="search search-modal__form">'
        '<input class="search__input field__input" id="Search-In-Modal" type="search" name="q" placeholder="Zoeken">'
        '<input type="hidden" name="options[prefix]" value="last"><button type="submit">Zoeken</button></form>',
        ["search"],
    ),
    (
        "search woo",
        '<form role="search" method="get" class="woocommerce-product-search" action="https://www.shop.nl/">'
        '<input type="search" id="woocommerce-product-search-field-0" class="search-field" name="s">'
        '<input type="hidden" name="post_type" value="product"></form>',
        ["search"],
    ),
    (
        "search magento",
        '<form class="form minisearch" id="search_mini_form" action="https://www.shop.de/catalogsearch/result/" method="get">'
        '<input id="search" type="text" name="q" value="" placeholder="Gesamten Shop hier durchsuchen..."></form>',
        ["search"],
    ),
    (
        "search in role=search wrapper",
        '<div role="search"><form action="/zoeken"><input type="text" name="zoekterm"></form></div>',
        ["search"],
    ),
    (
        "login nl",
        '<form action="/account/login" method="post"><input type="email" name="customer[email]">'
        '<input type="password" name="customer[password]"><button>Inloggen</button></form>',
        ["login"],
    ),
    (
        "login fr",
        '<form action="/connexion" method="post" id="login-form"><input type="email" name="email">'
        '<input type="password" name="password"><button>Connexion</button></form>',
        ["login"],
    ),
    (
        "password reset",
        '<form action="/account/recover" method="post"><h2>Wachtwoord vergeten?</h2>'
        '<input type="email" name="email"><button>Verstuur</button></form>',
        ["login"],
    ),
    (
        "review with stars en",
        '<form action="/reviews" class="spr-form"><fieldset><input type="radio" name="review[rating]" value="5">'
        '<input type="text" name="review[author]"><input type="email" name="review[email]">'
        '<textarea name="review[body]"></textarea></fieldset><input type="submit" value="Submit Review"></form>',
        ["review"],
    ),
    (
        "review de",
        '<form action="/bewertung/speichern" method="post"><h3>Bewertung schreiben</h3><input name="name">'
        '<textarea name="text"></textarea><button>Bewertung abschicken</button></form>',
        ["review"],
    ),
    (
        "add to cart",
        '<form action="/cart/add" method="post"><select name="id"><option>M</option></select>'
        '<input type="number" name="quantity" value="1"><button>In winkelwagen</button></form>',
        ["other"],
    ),
    (
        "textarea without a form (JS-built page)",
        '<div class="contact-widget"><h2>Stel je vraag</h2><div class="row"><input name="naam" placeholder="Naam">'
        '<input name="email" type="email"></div><div class="row"><textarea placeholder="Je vraag"></textarea></div>'
        '<div class="actions"><button class="btn">Versturen</button></div></div>',
        ["contact"],
    ),
    (
        "lone textarea without any button is not a form",
        "<div><p>Cadeaubericht</p><textarea name='gift'></textarea></div>",
        [],
    ),
    (
        "three forms in document order",
        '<form role="search"><input name="q"></form>' + SHOPIFY_CONTACT + SHOPIFY_NEWSLETTER,
        ["search", "contact", "newsletter"],
    ),
]


@pytest.mark.parametrize(("label", "html", "expected"), CASES, ids=[c[0] for c in CASES])
def test_form_kind(label: str, html: str, expected: list[str]) -> None:
    assert _kinds(html) == expected


def test_fields_and_action_are_recorded() -> None:
    [form] = find_forms(lxml.html.fromstring(f"<html><body>{SHOPIFY_CONTACT}</body></html>"))
    assert form.action == "/contact#ContactForm"
    assert form.fields == ["contact[Name]", "contact[email]", "contact[Telefoonnummer]", "contact[Opmerking]"]


def test_container_is_reported_once_for_two_textareas() -> None:
    html = (
        '<div class="box"><input name="email" type="email"><textarea name="a"></textarea>'
        '<textarea name="b"></textarea><button>Send</button></div>'
    )
    assert _kinds(html) == ["contact"]


def test_hidden_form_type_decides_an_unlabelled_shopify_form() -> None:
    html = (
        '<form method="post" action="/contact"><input type="hidden" name="form_type" value="customer">'
        '<input type="email" name="contact[email]"><input type="text" name="contact[first_name]"></form>'
        '<form method="post" action="/x"><input type="hidden" name="form_type" value="contact">'
        '<input type="text" name="a"><input type="text" name="contact[body]"></form>'
    )
    assert _kinds(html) == ["newsletter", "contact"]


def test_identical_add_to_cart_forms_are_reported_once() -> None:
    grid = "".join(
        f'<div><form action="/cart/add"><input type="hidden" name="id" value="{i}"><button>Koop</button></form></div>'
        for i in range(50)
    )
    assert _kinds(grid) == ["other"]
