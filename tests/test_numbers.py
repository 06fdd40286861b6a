"""Number-shaped things that are not phone numbers, judged by the whole run around a candidate
(checks/numbers.py), and phone numbers that must still be found next to them."""

from __future__ import annotations

import pytest

from checks.model import TextBlock
from checks.numbers import id_label_before, other_spans
from checks.phones import merge_phones, phones_in_text

# Every region the matcher could be asked to try: a thing below must be no phone in any of them.
ALL_REGIONS = ("NL", "BE", "DE", "FR", "GB", "AT", "US")


def kinds(text: str) -> set[tuple[str, str]]:
    return {(text[s:e], kind) for s, e, kind in other_spans(text, 0, len(text))}


# (text, the run that must be recognised, its kind)
RUNS = [
    # IBAN, any grouping; valid, and the right format with wrong check digits
    ("NL91ABNA0417164300", "NL91ABNA0417164300", "iban"),
    ("NL91 ABNA 0417 1643 00", "NL91 ABNA 0417 1643 00", "iban"),
    ("NL20 INGB 0001 2345 67", "NL20 INGB 0001 2345 67", "iban"),
    ("NL12 RABO 0312345678", "NL12 RABO 0312345678", "iban"),
    ("IBAN NL12-RABO-0312-3456-78 BIC RABONL2U", "NL12-RABO-0312-3456-78", "iban"),
    ("DE89 3704 0044 0532 0130 00", "DE89 3704 0044 0532 0130 00", "iban"),
    ("DE89370400440532013000", "DE89370400440532013000", "iban"),
    ("BE68 5390 0754 7034", "BE68 5390 0754 7034", "iban"),
    ("BE71 0961 2345 6769", "BE71 0961 2345 6769", "iban"),
    ("GB29 NWBK 6016 1331 9268 19", "GB29 NWBK 6016 1331 9268 19", "iban"),
    ("FR14 2004 1010 0505 0001 3M02 606", "FR14 2004 1010 0505 0001 3M02 606", "iban"),
    ("AT61 1904 3002 3457 3201", "AT61 1904 3002 3457 3201", "iban"),
    ("LU28 0019 4006 4475 0000", "LU28 0019 4006 4475 0000", "iban"),
    ("IE29 AIBK 9311 5212 3456 78", "IE29 AIBK 9311 5212 3456 78", "iban"),
    # VAT with the country prefix, glued or in the official dotted notation
    ("NL123456789B01", "NL123456789B01", "vat"),
    ("NL004495445B01", "NL004495445B01", "vat"),
    ("BE0403019261", "BE0403019261", "vat"),
    ("BE0403.019.261", "BE0403.019.261", "vat"),
    ("DE123456789", "DE123456789", "vat"),
    ("DE 136 695 976", "DE 136 695 976", "vat"),
    ("ATU12345678", "ATU12345678", "vat"),
    ("FR12345678901", "FR12345678901", "vat"),
    ("FR 40 303 265 045", "FR 40 303 265 045", "vat"),
    ("GB123456789", "GB123456789", "vat"),
    ("GB 980 7806 84", "GB 980 7806 84", "vat"),
    # Belgian enterprise numbers in their dotted notation, with or without a valid checksum
    ("BTW BE 0412.345.678", "0412.345.678", "enterprise"),
    ("ondernemingsnummer BE 0598.765.432", "0598.765.432", "enterprise"),
    ("0598.765.432", "0598.765.432", "enterprise"),
    ("KBO 0202.239.951", "0202.239.951", "enterprise"),
    ("n° d'entreprise 1002.345.678", "1002.345.678", "enterprise"),
    # article codes with a valid GTIN check digit
    ("8712345678906", "8712345678906", "gtin"),
    ("4006381333931", "4006381333931", "gtin"),
    ("0012345678905", "0012345678905", "gtin"),
    ("012345678905", "012345678905", "gtin"),
    ("08712345678906", "08712345678906", "gtin"),
    # dates in every order and separator, with or without a time
    ("14-06-2023", "14-06-2023", "date"),
    ("21.09.2024", "21.09.2024", "date"),
    ("03-11-2021 09:30", "03-11-2021 09:30", "date"),
    ("12.08.2022 14:00 Uhr", "12.08.2022 14:00 Uhr", "date"),
    ("2023-06-14", "2023-06-14", "date"),
    ("2023-06-14 09:30:00", "2023-06-14 09:30:00", "date"),
    ("06/14/2023", "06/14/2023", "date"),
    ("14 06 2023", "14 06 2023", "date"),
    ("14/06/2023 om 10.15 uur", "14/06/2023 om 10.15 uur", "date"),
    ("01.02.2023, 10:30", "01.02.2023, 10:30", "date"),
    ("31-12-2024 23:59", "31-12-2024 23:59", "date"),
    ("le 05/03/2022 à 18h30", "05/03/2022 à 18h30", "date"),
    ("1.6.2023", "1.6.2023", "date"),
    ("2024/01/31", "2024/01/31", "date"),
    ("14-06-23 09:30", "14-06-23 09:30", "date"),
]


@pytest.mark.parametrize("text,run,kind", RUNS, ids=[c[0][:40] for c in RUNS])
def test_other_spans(text, run, kind):
    assert (run, kind) in kinds(text)


# Runs that are phone numbers (or parts of one) and must not be cut out as something else.
NOT_OTHER = [
    "06 12 34 56 78",
    "06-12-34-56-78",
    "020 123 45 67",
    "030 06 12 2023",
    "+32 470 12 34 56",
    "BE 03 123 45 67",  # a country label before a number, no valid checksum: a phone
    "0470 12 34 56",
    "0201234567",
    "(212) 555-0100",
    "01 23 45 67 89",
    "+49 30 12345678",
]


@pytest.mark.parametrize("text", NOT_OTHER)
def test_phone_shapes_are_not_something_else(text):
    assert kinds(text) == set()


# Company and tax id labels, with the words that may stand between the label and the number.
ID_LABELS = [
    "KvK ",
    "KvK-nummer: ",
    "K.v.K. nr. ",
    "RSIN ",
    "RSIN: ",
    "BTW BE ",
    "Btw-nummer: ",
    "ondernemingsnummer BE ",
    "Ondernemingsnummer: ",
    "VAT number: ",
    "VAT No. GB ",
    "ID-Nr.: ",
    "Steuernummer ",
    "Steuer-Nr. ",
    "St.-Nr. ",
    "USt-IdNr. DE ",
    "HRB ",
    "Amtsgericht Berlin HRB ",
    "Registergericht: Amtsgericht München, HRB ",
    "Handelsregisternummer: ",
    "Firmenbuchnummer ",
    "FN ",
    "UID-Nr. ",
    "Company No. ",
    "Company number ",
    "Company registration number: ",
    "Registered in England No. ",
    "Registered in England and Wales under number ",
    "SIRET ",
    "SIRET : ",
    "SIREN ",
    "RCS Paris B ",
    "RCS Lyon ",
    "N° TVA intracommunautaire : FR ",
    "numéro d'entreprise ",
    "EORI ",
    "Tax ID: ",
    "Wirtschafts-ID: ",
    "Chamber of Commerce ",
]


@pytest.mark.parametrize("label", ID_LABELS)
def test_id_labels(label):
    assert id_label_before("Gegevens: " + label)


NOT_ID_LABELS = [
    "Bel ons ",
    "Telefoon: ",
    "Ma t/m vr ",
    "KvK 12345678 Tel ",  # a number stands between the label and what follows
    "PR afdeling ",
    "Company Acme Ltd ",
    "Klantenservice: ",
    "Kundenservice ",
    "Service-Hotline ",
    "Neem contact op via ",
    "Btw-nummer. Vragen? ",
]


@pytest.mark.parametrize("label", NOT_ID_LABELS)
def test_not_id_labels(label):
    assert not id_label_before(label)


def numbers(text: str, regions=ALL_REGIONS) -> set[str]:
    return {f.value for f in merge_phones(phones_in_text([TextBlock(text)], regions))}


# Each is no phone number in any region, in a sentence around it.
NOT_PHONES = [
    *[text for text, _run, _kind in RUNS],
    *[label + "07654321" for label in ID_LABELS],
    "Steuernummer 12/345/67890",
    "Steuer-Nr. 030/123/45678",
    "HRB 12345",
    "Company No. 01234567",
    "SIRET 123 456 789 00012",
    "SIRET : 732 829 320 00074",
    "RCS Paris B 123 456 789",
    "RCS Lyon 0123 456 789",
    "KvK 12345678",
    "RSIN: 0012.34.567",
    "Registered in England No. 04123456",
    "Bestelling van 03-11-2021 09:30 verzonden",
    "Besteld op 2023-06-14 09:30:00",
]


@pytest.mark.parametrize("text", NOT_PHONES, ids=[t[:40] for t in NOT_PHONES])
@pytest.mark.parametrize("wrap", ["{}", "Gegevens: {} (zie boven)", "{}\nMeer informatie"])
def test_not_a_phone_in_any_region(text, wrap):
    assert numbers(wrap.format(text)) == set()


# A real number must still be found next to such a thing.
NEIGHBOURS = [
    ("IBAN NL91 ABNA 0417 1643 00, tel. 020 123 4567", "NL", "+31201234567"),
    ("NL91ABNA0417164300 tel 020 1234567", "NL", "+31201234567"),
    ("BTW BE 0403.019.261 - Tel. 02 511 11 11", "BE", "+3225111111"),
    ("Ondernemingsnummer 0403.019.261 | +32 470 12 34 56", "BE", "+32470123456"),
    ("KvK 12345678 Tel 020-1234567", "NL", "+31201234567"),
    ("KvK: 12345678, 020-1234567", "NL", "+31201234567"),
    ("KvK 01234567 020 1234567", "NL", "+31201234567"),
    ("Datum 14-06-2023 0201234567", "NL", "+31201234567"),
    ("Bel 020-1234567 14-06-2023", "NL", "+31201234567"),
    ("Stand: 21.09.2024, Telefon 030 12345678", "DE", "+493012345678"),
    ("USt-IdNr. DE136695976 Telefon: +49 30 1234567", "DE", "+49301234567"),
    ("EAN 8712345678906 - vragen? 020 123 45 67", "NL", "+31201234567"),
    ("SIRET 732 829 320 00074 - Tél. 01 23 45 67 89", "FR", "+33123456789"),
    ("Tel. 0031201234567", "NL", "+31201234567"),  # a phone label: not a GTIN even if it checks
]


@pytest.mark.parametrize("text,region,value", NEIGHBOURS, ids=[c[0][:40] for c in NEIGHBOURS])
def test_phone_next_to_other_number_is_found(text, region, value):
    assert value in numbers(text, (region,))
