#!/usr/bin/env python3
"""Writes the example mailboxes: invented applications to the two seed postings, with PDF,
DOCX and RTF attachments, and what a real recruitment mailbox also holds.

- examples/boite-recrutement.mbox: the ONG JIGI posting (deadline 23 February 2024 12:00 GMT).
  A late application (12:01), a resubmission on time and one after the deadline, a missing
  letter, a missing diploma, no attachment at all, a zip, a file name in Latin-1, a diploma
  scanned without a text layer, the officer's reply, an automatic reply, a delivery failure,
  a message to another address.
- examples/boite-an-ka-jiko.mbox: the CARE AN KA JIKO posting (deadline 21 September 2022),
  whose subject must name the post: subjects right, right in other letters, and wrong.

Deterministic: the same files each run. The scanned diploma is the text PDF rendered to an
image by `pdftoppm` (Debian's poppler-utils).

    python3 scripts/make-mailbox.py
"""
import io
import os
import subprocess
import tempfile
import zipfile
import zlib
from datetime import datetime, timedelta, timezone
from email.message import EmailMessage
from email.utils import format_datetime

ROOT = os.path.join(os.path.dirname(__file__), "..")
JIGI = "recrutement.jigi@gmail.com"
CARE = "recrutement.ankajiko@gmail.com"
UTC = timezone.utc


def pdf_file(objects):
    """A PDF of the numbered `objects` (object 1 the catalog)."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for k, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % k + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for o in offsets:
        out.write(b"%010d 00000 n \n" % o)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def pdf(text):
    """A one-page PDF whose text layer holds `text` (Latin-1 letters only)."""
    stream = "BT /F1 14 Tf 60 780 Td 20 TL " + " ".join(
        "(" + l.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ") '"
        for l in text.split("\n")
    ) + " ET"
    data = stream.encode("latin-1")
    return pdf_file([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ])


def scanned(text):
    """A one-page PDF holding only an image of `text`: a scan, without a text layer."""
    with tempfile.TemporaryDirectory() as tmp:
        source = os.path.join(tmp, "page.pdf")
        with open(source, "wb") as f:
            f.write(pdf(text))
        # The top of the page, in grey, at 150 dpi.
        subprocess.run(["pdftoppm", "-r", "150", "-gray", "-singlefile", "-x", "0", "-y", "0",
                        "-W", "1240", "-H", "500", source, os.path.join(tmp, "scan")], check=True)
        with open(os.path.join(tmp, "scan.pgm"), "rb") as f:
            pgm = f.read()
    magic, width, height, depth, pixels = pgm.split(maxsplit=4)
    assert magic == b"P5" and depth == b"255"
    image = zlib.compress(pixels, 9)
    w, h = int(width), int(height)
    draw = b"q 595 0 0 %.2f 0 %.2f cm /Im1 Do Q" % (595 * h / w, 842 - 595 * h / w)
    return pdf_file([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /XObject << /Im1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(draw) + draw + b"\nendstream",
        b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n" % (w, h, len(image))
        + image + b"\nendstream",
    ])


def docx(text):
    """A DOCX holding `text`, one paragraph per line."""
    paragraphs = "".join(
        "<w:p><w:r><w:t xml:space=\"preserve\">%s</w:t></w:r></w:p>"
        % l.replace("&", "&amp;").replace("<", "&lt;")
        for l in text.split("\n")
    )
    return zipped([
        ("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
        ("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
        ("word/document.xml", '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>%s</w:body></w:document>' % paragraphs),
    ], zipfile.ZIP_DEFLATED)


def rtf(text):
    """An RTF file holding `text`, one paragraph per line."""
    body = "\\par\n".join(
        "".join(c if ord(c) < 128 else "\\'%02x" % ord(c) for c in l) for l in text.split("\n")
    )
    return ("{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Times New Roman;}}\n\\f0\\fs24 "
            + body + "}\n").encode("ascii")


def zipped(files, method=zipfile.ZIP_STORED):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as z:
        for name, content in files:
            z.writestr(zipfile.ZipInfo(name, date_time=(2024, 2, 1, 0, 0, 0)), content)
    return out.getvalue()


PDF = ("application", "pdf")
DOCX = ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document")
RTF = ("application", "rtf")
ZIP = ("application", "zip")


def message(k, name, email, to, subject, body, attachments, when, extra=None):
    m = EmailMessage()
    m["From"] = f"{name} <{email}>" if name else email
    m["To"] = to
    m["Subject"] = subject
    # Sent from a phone whose clock is a few seconds behind the server's.
    m["Date"] = format_datetime(when - timedelta(seconds=20))
    m["Message-ID"] = f"<{k}.{email.split('@')[0]}@exemple.ml>"
    m["Received"] = f"by mx.google.com with SMTPS id {k}; {format_datetime(when)}"
    for key, value in (extra or {}).items():
        m[key] = value
    m.set_content(body)
    for filename, data, maintype, subtype in attachments:
        m.add_attachment(data, maintype=maintype, subtype=subtype, filename=filename)
    return m


def cv(name, degree, years):
    return pdf(f"CURRICULUM VITAE\n{name}\nFormation : {degree}\nExperience : {years} ans de terrain")


def letter(name, post, to="Monsieur le Directeur Executif de l'ONG JIGI"):
    return f"Bamako, le 12 fevrier 2024\n{to}\nObjet : candidature au poste de {post}\n{name}"


def work(name):
    return pdf(f"ATTESTATION DE TRAVAIL\nNous attestons que {name} a travaille dans nos services.")


def diploma(name, degree):
    return pdf(f"DIPLOME\n{degree}\ndelivre a {name}")


def jigi():
    """The JIGI mailbox's messages."""
    post = "District Officer"
    start = datetime(2024, 2, 12, 8, 30, tzinfo=UTC)
    # name, address, diploma, years, phone, what differs
    people = [
        ("Aminata Traoré", "aminata.traore@gmail.com", "Doctorat en médecine", 7, "76 12 34 56", ""),
        ("Moussa Coulibaly", "moussa.coulibaly@yahoo.fr", "Master en santé publique", 5, "66 40 20 10", ""),
        ("Fatoumata Diarra", "fatoumata.diarra@gmail.com", "Licence en sociologie", 4, "79 01 02 03", "no diploma"),
        ("Ibrahim Keïta", "ibrahim.keita@outlook.fr", "Maîtrise en développement communautaire", 6, "90 11 22 33", ""),
        ("Mariam Dao", "mariam.dao@gmail.com", "Technicien supérieur de santé", 3, "65 44 33 22", "no work"),
        ("Seydou Dembélé", "seydou.dembele@yahoo.fr", "Licence en économie", 2, "78 78 00 11", "no letter"),
        ("Kadiatou Sidibé", "kadiatou.sidibe@gmail.com", "Master en santé communautaire", 8, "76 55 66 77", ""),
        ("Oumar Touré", "oumar.toure@gmail.com", "BTS en comptabilité", 5, "66 10 10 10", ""),
        ("Adama Konaté", "adama.konate@gmail.com", "Licence en sociologie", 4, "75 20 30 40", "scan"),
        ("Rokia Sanogo", "rokia.sanogo@yahoo.fr", "Master en sociologie", 6, "79 30 40 50", "rtf"),
        ("Boubacar Maïga", "boubacar.maiga@gmail.com", "Doctorat en médecine", 10, "66 70 80 90", ""),
        ("Salimata Cissé", "salimata.cisse@gmail.com", "Licence en développement communautaire", 4, "76 01 01 01", ""),
        ("", "youssouf.diallo@gmail.com", "Master en santé publique", 3, "", "no name"),
        ("Modibo Samaké", "modibo.samake@outlook.fr", "Maîtrise en sociologie", 9, "65 12 12 12", ""),
        ("Assitan Bagayoko", "assitan.bagayoko@gmail.com", "Licence en biologie", 5, "79 45 45 45", ""),
    ]
    out = []
    for k, (name, email, degree, years, phone, differs) in enumerate(people, 1):
        shown = name or "Youssouf Diallo"
        body = ("Monsieur le Directeur Exécutif,\n\nVeuillez trouver ci-joint mon dossier de "
                f"candidature au poste de {post}.\n\n{shown}\n")
        if phone:
            body += f"Tél : {phone}\n"
        last = shown.split()[-1]
        files = [
            (f"CV_{last}.pdf", cv(shown, degree, years), *PDF),
            ("Lettre de motivation.docx", docx(letter(shown, post)), *DOCX),
            ("Attestations de travail.pdf", work(shown), *PDF),
            ("Diplome.pdf", diploma(shown, degree), *PDF),
        ]
        if differs == "no diploma":
            files = files[:3]
        elif differs == "no work":
            files = [files[0], files[1], files[3]]
        elif differs == "no letter":
            files = [files[0], files[2], files[3]]
        elif differs == "scan":
            files[3] = ("scan0001.pdf", scanned(f"DIPLOME\n{degree}\ndelivre a {shown}"), *PDF)
        elif differs == "rtf":
            files[1] = ("Lettre_Sanogo.rtf", rtf(letter(shown, post)), *RTF)
        when = start + timedelta(hours=7 * k, minutes=13 * k)
        out.append(message(k, name, email, JIGI, f"Candidature au poste de {post}", body, files, when))

    def complete(name, degree, years):
        last = name.split()[-1]
        return [
            (f"CV_{last}.pdf", cv(name, degree, years), *PDF),
            ("Lettre de motivation.docx", docx(letter(name, post)), *DOCX),
            ("Attestations de travail.pdf", work(name), *PDF),
            ("Diplome.pdf", diploma(name, degree), *PDF),
        ]

    deadline = datetime(2024, 2, 23, 12, 0, tzinfo=UTC)
    # The officer's acknowledgement, an automatic reply, a delivery failure, another address.
    out.append(message(20, "Recrutement JIGI", JIGI, "aminata.traore@gmail.com",
                       f"Re: Candidature au poste de {post}", "Bien reçu, merci.", [],
                       start + timedelta(hours=8)))
    out.append(message(21, "Moussa Coulibaly", "moussa.coulibaly@yahoo.fr", JIGI,
                       "Réponse automatique : absent du bureau", "Je suis absent jusqu'au 1er mars.", [],
                       start + timedelta(days=1), extra={"Auto-Submitted": "auto-replied"}))
    out.append(message(22, None, "MAILER-DAEMON@googlemail.com", JIGI,
                       "Delivery Status Notification (Failure)", "Address not found.", [],
                       start + timedelta(days=2)))
    out.append(message(23, "Lettre d'information", "nouvelles@reseau-ong.ml", "info.jigi@gmail.com",
                       "Nouvelles du réseau, février 2024", "Les nouvelles du mois.", [],
                       start + timedelta(days=3)))
    # Mariam Dao sends her dossier again, now complete; Ibrahim Keïta again, after the deadline.
    out.append(message(30, "Mariam Dao", "mariam.dao@gmail.com", JIGI, "Candidature (dossier complet)",
                       "Je renvoie mon dossier avec les attestations.\nMariam Dao\nTél : 65 44 33 22",
                       complete("Mariam Dao", "Technicien supérieur de santé", 3),
                       deadline - timedelta(days=2, hours=3)))
    out.append(message(31, "Ibrahim Keïta", "ibrahim.keita@outlook.fr", JIGI, "Candidature mise à jour",
                       "Mon dossier mis à jour.", complete("Ibrahim Keïta", "Master en développement communautaire", 6),
                       deadline + timedelta(days=1)))
    # Exactly on time, then late by a minute.
    out.append(message(32, "Nana Kanté", "nana.kante@gmail.com", JIGI, f"Candidature {post}",
                       "Mon dossier.\nNana Kanté, 76 98 76 54",
                       complete("Nana Kanté", "Technicien supérieur de santé", 4), deadline))
    out.append(message(33, "Bakary Sangaré", "bakary.sangare@gmail.com", JIGI, f"Candidature {post}",
                       "Mon dossier, avec mes excuses pour le retard.",
                       complete("Bakary Sangaré", "Master en santé publique", 9), deadline + timedelta(minutes=1)))
    # No attachment; a zip; a file name in Latin-1.
    out.append(message(34, "Awa Sangaré", "awa.sangare@gmail.com", JIGI, "Candidature",
                       "Bonjour, je suis intéressée par le poste. Awa Sangaré, tél. 79 99 88 77", [],
                       deadline - timedelta(days=1, hours=5)))
    out.append(message(35, "Drissa Ouattara", "drissa.ouattara@gmail.com", JIGI, f"Candidature {post}",
                       "Mon dossier complet dans l'archive.",
                       [("dossier_Ouattara.zip", zipped([(n, d) for n, d, _, _ in
                                                         complete("Drissa Ouattara", "Licence en sociologie", 5)]), *ZIP)],
                       deadline - timedelta(days=1, hours=2)))
    m = message(36, "Hawa Koné", "hawa.kone@gmail.com", JIGI, "Candidature", "Ci-joint mon dossier.",
                complete("Hawa Koné", "Licence en sociologie", 4)[1:], deadline - timedelta(hours=20))
    m.add_attachment(cv("Hawa Koné", "Licence en sociologie", 4), maintype="application", subtype="pdf",
                     filename=("latin-1", "", "CV_Koné.pdf"))
    out.append(m)
    return out


def care():
    """The CARE AN KA JIKO mailbox's messages."""
    right = "Poste : CHARGE ENGAGEMENT COMMUNAUTAIRE AN KA JIKO"
    start = datetime(2022, 9, 5, 9, 0, tzinfo=UTC)
    people = [
        ("Mamadou Traoré", "mamadou.traore@gmail.com", right),
        ("Aïssata Coulibaly", "aissata.coulibaly@yahoo.fr", "Candidature - Chargé Engagement Communautaire An Ka Jiko"),
        ("Sory Diakité", "sory.diakite@gmail.com", "Candidature au poste de chargé de l'engagement communautaire"),
        ("Fanta Konaré", "fanta.konare@gmail.com", "Demande d'emploi"),
        ("Abdoulaye Berthé", "abdoulaye.berthe@gmail.com", right),
        ("Kadidia Togola", "kadidia.togola@gmail.com", "RE: " + right),
    ]
    out = []
    for k, (name, email, subject) in enumerate(people, 1):
        post = "Chargé Engagement Communautaire AN KA JIKO"
        files = [
            ("Demande manuscrite.pdf", pdf(f"Demande d'emploi\n{name}"), *PDF),
            (f"CV_{name.split()[-1]}.pdf", cv(name, "Maîtrise en sociologie", 6), *PDF),
            ("Lettre de motivation.docx", docx(letter(name, post, "Madame la Directrice de CARE Mali")), *DOCX),
            ("Diplomes.pdf", diploma(name, "Maîtrise en sociologie"), *PDF),
            ("Attestations de travail.pdf", work(name), *PDF),
            ("References.pdf", pdf(f"REFERENCES PROFESSIONNELLES\n{name}"), *PDF),
        ]
        when = start + timedelta(days=2 * k, hours=k)
        if k == 5:
            # Late: the deadline is the whole of 21 September in Bamako.
            when = datetime(2022, 9, 22, 0, 30, tzinfo=UTC)
        body = f"Madame, Monsieur,\n\nCi-joint mon dossier de candidature.\n\n{name}\n"
        out.append(message(100 + k, name, email, CARE, subject, body, files, when))
    return out


def write(name, messages):
    path = os.path.join(ROOT, "examples", name)
    with open(path, "wb") as out:
        for m in messages:
            out.write(b"From sender@exemple.ml Mon Feb 12 08:30:00 2024\n")
            raw = m.as_bytes()
            # mboxrd: a body line starting with "From " is quoted.
            lines = [b">" + l if l.startswith(b"From ") or l.startswith(b">From ") else l
                     for l in raw.split(b"\n")]
            out.write(b"\n".join(lines).rstrip(b"\n") + b"\n\n")
    print(path, len(messages), "messages")


write("boite-recrutement.mbox", jigi())
write("boite-an-ka-jiko.mbox", care())
