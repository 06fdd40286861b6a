"""Every phone number and e-mail address on a parsed HTML page, from all its sources."""

from __future__ import annotations

from checks import emails as mail
from checks import phones as phone_check
from checks.model import EmailFinding, PhoneFinding
from checks.page import ParsedPage, blocks_from_text
from checks.structured import jsonld_contacts, meta_contacts


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def page_phones(page: ParsedPage, region: str) -> list[PhoneFinding]:
    found = phone_check.phones_in_text(page.blocks, region)
    by_value = {f.value: f for f in found}
    for link in page.tel_links:
        number = phone_check.parse_tel_href(link.href, region)
        if number is None:
            continue
        e164, ptype, num_region = phone_check.describe(number)
        seen = by_value.get(e164)
        shown = _digits(link.text)
        if seen is not None and (
            shown and shown in _digits(seen.raw) or _digits(seen.raw).endswith(shown[-6:])
        ):
            if shown and len(shown) >= 6:
                seen.source = "tel_link"
            continue
        if seen is not None:
            continue  # the number is visible elsewhere on the page; this link adds nothing
        finding = phone_check.phone_from_value(link.href, region, "href", link.region)
        if finding is not None:
            finding.raw = link.text or link.href
            finding.context = link.text
            found.append(finding)
    for kind, value in jsonld_contacts(page.jsonld) + meta_contacts(page.meta):
        if kind == "email":
            continue
        finding = phone_check.phone_from_value(value, region, "jsonld")
        if finding is not None:
            finding.is_fax = kind == "fax"
            found.append(finding)
    if page.comments:
        comment_blocks = [b for c in page.comments for b in blocks_from_text(c)]
        found.extend(phone_check.phones_in_text(comment_blocks, region, source="comment", visible=False))
    return phone_check.merge_phones(found)


def page_emails(page: ParsedPage, shop_domain: str) -> list[EmailFinding]:
    found = mail.emails_in_blocks(page.blocks)
    visible = {f.value for f in found}
    for link in page.mailto_links:
        if "/cdn-cgi/l/email-protection" in link.href:
            addresses = [a for a in [mail.decode_cfemail(link.href.rpartition("#")[2])] if a]
            addresses = [x for a in addresses for x in mail.emails_in_mailto("mailto:" + a)]
            source, shown = "cfemail", True
        else:
            addresses = mail.emails_in_mailto(link.href)
            source = "mailto"
            shown = False
        for address in addresses:
            in_text = address in visible or address in link.text.lower()
            found.append(
                EmailFinding(
                    address,
                    link.text or address,
                    source if (in_text or shown) else "href",
                    link.region,
                    in_text or shown,
                    False,
                    [],
                    link.text,
                )
            )
    for hex_text, region in page.cf_emails:
        address = mail.decode_cfemail(hex_text)
        for a in mail.emails_in_mailto("mailto:" + address) if address else []:
            found.append(EmailFinding(a, "[email protected]", "cfemail", region, True, False, [], ""))
    for first, last in page.hidden_mail:
        address = mail.hidden_mail_address(first, last)
        if address:
            found.append(EmailFinding(address, address, "deobfuscated", "main", True, False, [], ""))
    for script in page.scripts:
        if (
            "@" not in script
            and "fromCharCode" not in script
            and "%40" not in script
            and "\\u0040" not in script
        ):
            continue
        decoded, plain = mail.emails_in_script(script)
        region = "main"
        found.extend(EmailFinding(a, a, "deobfuscated", region, True, False, [], "") for a in decoded)
        found.extend(EmailFinding(a, a, "script", region, False, False, [], "") for a in plain)
    for kind, value in jsonld_contacts(page.jsonld) + meta_contacts(page.meta):
        if kind == "email":
            for a in mail.emails_in_mailto("mailto:" + value):
                found.append(EmailFinding(a, value, "jsonld", "main", False, False, [], ""))
    for comment in page.comments:
        if "@" in comment:
            found.extend(
                EmailFinding(a, a, "comment", "main", False, False, [], "")
                for a, _, _ in mail.addresses_in(comment)
            )
    return mail.merge_emails([mail.judge_email(f, shop_domain) for f in found])
