"""Import a rule book from its published text: plain text, Markdown, HTML, Word or PDF.

``import_book(path)`` reads the file into located lines (one reader per
format), drops what is not rules (page furniture, a contents list), reads
the markers into an outline, and assembles a version with a numbering
scheme, headings, text, readable ids and ``[[id]]`` cross-references. Every
guess it makes is a :class:`Doubt` in the result (``docs/import.md``).

Examples
--------
>>> import tempfile
>>> from pathlib import Path
>>> text = '''THE CHESS CLUB RULES
...
... Rule 1 Name
... The club is called the Chess Club.
...
... Rule 2 Members
... (a) Anyone may join.
... (b) Members pay the fee set under Rule 3.
...
... Rule 3 Fees
... The fee is ten pounds.
... '''
>>> with tempfile.TemporaryDirectory() as tmp:
...     _ = Path(tmp, "chess.txt").write_text(text)
...     got = import_book(Path(tmp, "chess.txt"))
>>> [lv.label for lv in got.version.numbering]
['Rule {n}', None]
>>> got.version.clause("rule2.b").text
'Members pay the fee set under [[rule3-fees]].'
>>> got.doubts
()
"""

from rulebook.importing.book import FORMATS, Imported, import_book, read_lines
from rulebook.importing.report import Doubt, format_report
from rulebook.importing.scheme import parse_numbering

__all__ = ["FORMATS", "Doubt", "Imported", "format_report", "import_book", "parse_numbering", "read_lines"]
