"""The report out as documents: HTML, DOCX, PDF (from the DOCX) and Markdown, with charts (图解).

``compose`` decides what the document says; ``to_html``, ``to_docx``, ``to_markdown`` lay it out;
``to_pdf`` converts DOCX files with LibreOffice; ``charts`` draws the illustrated reading.
"""
