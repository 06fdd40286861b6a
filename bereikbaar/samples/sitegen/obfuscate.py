"""How shops hide their e-mail addresses: Cloudflare's data-cfemail and Smarty's JavaScript mailto."""

from __future__ import annotations


def cfemail_hex(email: str, key: int = 0x5A) -> str:
    """Cloudflare Email Address Obfuscation: key byte, then every UTF-8 byte XOR key, as hex."""
    if not 0 <= key <= 255:
        raise ValueError("a cfemail key is one byte")
    return f"{key:02x}" + "".join(f"{b ^ key:02x}" for b in email.encode("utf-8"))


def cfemail_decode(hex_text: str) -> str:
    data = bytes.fromhex(hex_text)
    return bytes(b ^ data[0] for b in data[1:]).decode("utf-8")


def cfemail_link(email: str, key: int = 0x5A) -> str:
    code = cfemail_hex(email, key)
    return (
        f'<a href="/cdn-cgi/l/email-protection#{code}"><span class="__cf_email__" data-cfemail="{code}">'
        "[email&#160;protected]</span></a>"
    )


CF_DECODE_SCRIPT = '<script data-cfasync="false" src="/cdn-cgi/scripts/5c5dd728/cloudflare-static/email-decode.min.js"></script>'


def smarty_javascript_mailto(email: str, text: str | None = None) -> str:
    """Smarty `{mailto encode="javascript"}`: a document.write statement, every byte percent-encoded."""
    statement = f"document.write('<a href=\"mailto:{email}\" >{text or email}</a>');"
    encoded = "".join(f"%{b:02x}" for b in statement.encode("utf-8"))
    return f"<script type=\"text/javascript\">eval(decodeURIComponent('{encoded}'))</script>"
