"""Real files of each format, written by the libraries people make them with (fpdf2, python-docx),
for the ingest, API and page tests. Each holds facts whose answers sit in a known place."""

from __future__ import annotations

import io
from pathlib import Path

PDF_PAGES = [
    [
        "The Avalon Harbour survey was carried out by the coastal office in the spring.",
        "Its divers mapped the old breakwater and counted the moorings that the storms had broken.",
    ],
    [
        "The lighthouse keeper of Avalon Harbour is Marta Ilves, who took the post in 2019.",
        "The harbour dredging will cost 4 million euros and is planned for the autumn of next year.",
    ],
    [
        "The survey ends with a list of repairs, ordered by cost, for the harbour board.",
    ],
]
PDF_HEADER = "Avalon Harbour Survey - internal report"


def write_pdf(path: Path, pages: list[list[str]] = PDF_PAGES, header: str = PDF_HEADER, **encryption: str) -> Path:
    """A text PDF, one paragraph an item of ``pages``, with a running header and a page number on every page."""
    from fpdf import FPDF

    class Report(FPDF):
        def header(self) -> None:
            self.set_font("helvetica", size=9)
            self.cell(0, 10, header, new_x="LMARGIN", new_y="NEXT")
            self.ln(4)

        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("helvetica", size=9)
            self.cell(0, 10, str(self.page_no()), align="C")

    pdf = Report()
    pdf.set_title("Avalon Harbour Survey")
    if encryption:
        pdf.set_encryption(**encryption)
    for paragraphs in pages:
        pdf.add_page()
        pdf.set_font("helvetica", size=12)
        for paragraph in paragraphs:
            pdf.multi_cell(0, 8, paragraph, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(6)
    pdf.output(str(path))
    return path


def write_scanned_pdf(path: Path) -> Path:
    """A PDF whose page is only a picture (no text layer), as a scanner makes."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 60, style="F")
    pdf.output(str(path))
    return path


HTML_PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>Avalon ferry guide</title>
<style>p { color: red }</style><script>var tracking = "Avalon harbour master";</script></head>
<body>
<header><a href="/">Home</a> <a href="/news">News</a></header>
<nav><ul><li>Timetables</li><li>Fares</li><li>Contact the Avalon ferry office</li></ul></nav>
<main>
<h1>Avalon ferry guide</h1>
<p>The ferry to Avalon leaves from the north pier every morning.</p>
<h2>Tickets</h2>
<p>A return ticket costs <b>12 euros</b> for adults and half that for children.</p>
<h2>Winter service</h2>
<h3>Storm days</h3>
<p>On storm days the ferry is replaced by the <a href="/bus">coastal bus</a>, which leaves at noon.</p>
<table><tr><th>Route</th><th>Vessel</th></tr><tr><td>Avalon to Brisk</td><td>MV Corrie</td></tr></table>
</main>
<footer>Copyright Avalon Ferries. Cookie settings. Privacy policy.</footer>
</body></html>
"""


def write_html(path: Path, page: str = HTML_PAGE, encoding: str = "utf-8") -> Path:
    path.write_bytes(page.encode(encoding))
    return path


def write_docx(path: Path) -> Path:
    """A Word file with a title, headings, paragraphs and a table."""
    import docx

    document = docx.Document()
    document.core_properties.title = "Avalon library annual report"
    document.add_heading("Avalon library annual report", level=0)
    document.add_paragraph("The library opened a new reading room in March.")
    document.add_heading("Collections", level=1)
    document.add_paragraph("The map collection was catalogued by volunteers over the summer.")
    document.add_heading("Visitors by branch", level=2)
    table = document.add_table(rows=3, cols=2)
    rows = [("Branch", "Visitors"), ("Harbour branch", "18,400"), ("Hill branch", "9,250")]
    for row, cells in zip(table.rows, rows, strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    document.add_heading("Staff", level=1)
    document.add_paragraph("The chief librarian is Oskar Penn, who joined the library in 2015.")
    document.save(str(path))
    return path


def zip_of_something_else(path: Path) -> Path:
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "not a word document")
    path.write_bytes(buffer.getvalue())
    return path
