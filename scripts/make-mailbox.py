#!/usr/bin/env python3
"""Writes examples/boite-recrutement.mbox: a small recruitment mailbox of invented
applications to the JIGI posting, with PDF and DOCX attachments, and the messages a real
mailbox also holds (the officer's reply, an automatic reply, a delivery failure, a late
application, a resubmission, a message without attachment, a zip, a file name in another
encoding). Deterministic: the same file each run.

    python3 scripts/make-mailbox.py
"""
import io
import os
import zipfile
from email.message import EmailMessage
from email.utils import format_datetime
from datetime import datetime, timedelta, timezone

ROOT = os.path.join(os.path.dirname(__file__), "..")
RECRUITER = "recrutement.jigi@gmail.com"


def pdf(text):
    """A one-page PDF whose text layer holds `text` (Latin-1 letters only)."""
    lines = text.split("\n")
    stream = "BT /F1 11 Tf 60 780 Td 14 TL " + " ".join(
        "(" + l.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ") '"
        for l in lines
    ) + " ET"
    data = stream.encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
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


def docx(text):
    """A DOCX holding `text`, one paragraph per line."""
    paragraphs = "".join(
        "<w:p><w:r><w:t xml:space=\"preserve\">%s</w:t></w:r></w:p>"
        % l.replace("&", "&amp;").replace("<", "&lt;")
        for l in text.split("\n")
    )
    files = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        "word/document.xml": '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>%s</w:body></w:document>' % paragraphs,
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in files.items():
            info = zipfile.ZipInfo(name, date_time=(2024, 2, 1, 0, 0, 0))
            z.writestr(info, content)
    return out.getvalue()


def zipped(files):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, content in files:
            z.writestr(zipfile.ZipInfo(name, date_time=(2024, 2, 1, 0, 0, 0)), content)
    return out.getvalue()


BAMAKO = timezone.utc
START = datetime(2024, 2, 12, 8, 30, tzinfo=BAMAKO)


def application(k, name, email, subject, body, attachments, when=None, to=RECRUITER, extra=None):
    m = EmailMessage()
    m["From"] = f"{name} <{email}>" if name else email
    m["To"] = to
    m["Subject"] = subject
    when = when or START + timedelta(hours=7 * k, minutes=13 * k)
    m["Date"] = format_datetime(when)
    m["Message-ID"] = f"<candidature-{k}@exemple.ml>"
    m["Received"] = f"from mail.exemple.ml by mx.google.com; {format_datetime(when + timedelta(seconds=4))}"
    for key, value in (extra or {}).items():
        m[key] = value
    m.set_content(body)
    for filename, data, maintype, subtype in attachments:
        m.add_attachment(data, maintype=maintype, subtype=subtype, filename=filename)
    return m


def cv(name, degree, years):
    return pdf(f"CURRICULUM VITAE\n{name}\nFormation : {degree}\nExperience : {years} ans de terrain")


def letter(name):
    return docx(f"Bamako, le 12 fevrier 2024\nObjet : candidature au poste de District Officer\n{name}")


PDF = ("application", "pdf")
DOCX = ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document")

people = [
    ("Aminata Traoré", "aminata.traore@gmail.com", "Doctorat en médecine", 7, "76 12 34 56"),
    ("Moussa Coulibaly", "moussa.coulibaly@yahoo.fr", "Master en santé publique", 5, "66 40 20 10"),
    ("Fatoumata Diarra", "fatoumata.diarra@gmail.com", "Licence en sociologie", 4, "79 01 02 03"),
    ("Ibrahim Keïta", "ibrahim.keita@outlook.fr", "Maîtrise en développement communautaire", 6, "90 11 22 33"),
    ("Mariam Dao", "mariam.dao@gmail.com", "Technicien supérieur de santé", 3, "65 44 33 22"),
    ("Seydou Dembélé", "seydou.dembele@yahoo.fr", "Licence en économie", 2, "78 78 00 11"),
    ("Kadiatou Sidibé", "kadiatou.sidibe@gmail.com", "Master en santé communautaire", 8, "76 55 66 77"),
    ("Oumar Touré", "oumar.toure@gmail.com", "BTS en comptabilité", 5, "66 10 10 10"),
]

messages = []
for k, (name, email, degree, years, phone) in enumerate(people, 1):
    body = f"Monsieur le Directeur Exécutif,\n\nVeuillez trouver ci-joint mon dossier de candidature.\n\n{name}\nTél : {phone}\n"
    files = [
        (f"CV_{name.split()[-1]}.pdf", cv(name, degree, years), *PDF),
        ("Lettre de motivation.docx", letter(name), *DOCX),
        ("Diplome.pdf", pdf(f"DIPLOME\n{degree}\n{name}"), *PDF),
    ]
    if k == 3:
        files = files[:2]  # no diploma
    messages.append(application(k, name, email, "Candidature au poste de District Officer", body, files))

# The officer's acknowledgement, an automatic reply, a delivery failure.
messages.append(application(20, "Recrutement JIGI", RECRUITER, "Re: Candidature au poste de District Officer",
                            "Bien reçu, merci.", [], to="aminata.traore@gmail.com"))
messages.append(application(21, "Moussa Coulibaly", "moussa.coulibaly@yahoo.fr", "Réponse automatique : absent du bureau",
                            "Je suis absent jusqu'au 1er mars.", [], extra={"Auto-Submitted": "auto-replied"}))
messages.append(application(22, None, "MAILER-DAEMON@googlemail.com", "Delivery Status Notification (Failure)",
                            "Address not found.", []))
# Late by a minute; a resubmission of Mariam Dao's dossier; no attachment; a zip; a name in Latin-1.
late = datetime(2024, 2, 23, 12, 1, tzinfo=timezone.utc)
messages.append(application(30, "Bakary Sangaré", "bakary.sangare@gmail.com", "Candidature District Officer",
                            "Mon dossier, avec mes excuses pour le retard.",
                            [("CV_Sangare.pdf", cv("Bakary Sangaré", "Master en santé publique", 9), *PDF)], when=late))
messages.append(application(31, "Mariam Dao", "mariam.dao@gmail.com", "Candidature (dossier complet)",
                            "Je renvoie mon dossier avec le diplôme.",
                            [("CV_Dao.pdf", cv("Mariam Dao", "Technicien supérieur de santé", 3), *PDF),
                             ("Diplome_TSS.pdf", pdf("DIPLOME\nTechnicien superieur de sante"), *PDF)]))
messages.append(application(32, "Awa Sangaré", "awa.sangare@gmail.com", "Candidature",
                            "Bonjour, je suis intéressée par le poste. Awa Sangaré, tél. 79 99 88 77", []))
messages.append(application(33, "Drissa Ouattara", "drissa.ouattara@gmail.com", "Candidature District Officer",
                            "Mon dossier complet dans l'archive.",
                            [("dossier_Ouattara.zip", zipped([("CV.pdf", b"%PDF-1.4"), ("Lettre.docx", b"PK")]), "application", "zip")]))
m = application(34, "Hawa Koné", "hawa.kone@gmail.com", "Candidature", "Ci-joint mon CV.", [])
m.add_attachment(cv("Hawa Koné", "Licence en sociologie", 4), maintype="application", subtype="pdf",
                 filename=("latin-1", "", "CV_Koné.pdf"))
messages.append(m)

path = os.path.join(ROOT, "examples", "boite-recrutement.mbox")
with open(path, "wb") as out:
    for m in messages:
        out.write(b"From sender@exemple.ml Mon Feb 12 08:30:00 2024\n")
        raw = m.as_bytes()
        # mboxrd: a body line starting with "From " is quoted.
        lines = [b">" + l if l.startswith(b"From ") or l.startswith(b">From ") else l for l in raw.split(b"\n")]
        out.write(b"\n".join(lines).rstrip(b"\n") + b"\n\n")
print(path, len(messages), "messages")
