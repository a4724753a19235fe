"""Build hostile input files at test time, so no binary or huge file is committed.

Each builder returns bytes (or writes a file) that a raw folder may really contain:
binary files saved under a page name, pages in legacy encodings, pages with no
article, pages in another language, malformed markup, huge pages and copies.
Article text comes from the project's real pages, so nothing here assumes a subject.
"""

from __future__ import annotations

import shutil
import struct
import zlib
from pathlib import Path

from pipeline.config import RAW_DIR

#: Words with accents and typographic quotes injected into a body line, so a test
#: can check they survive decoding and extraction unchanged.
ACCENTED_WORDS = "naïve café déjà-vu façade Zoë’s “crème brûlée”"
#: The same words restricted to latin-1 (it has no typographic quotes).
LATIN1_WORDS = "naïve café déjà-vu façade Zoë's «crème brûlée»"

FRENCH_PARAGRAPHS = (
    "La ville a présenté mardi un nouveau plan pour les transports publics. Selon le maire, "
    "les travaux commenceront au printemps et dureront près de deux ans, pendant lesquels "
    "plusieurs lignes de bus seront déviées.",
    "Les habitants du quartier ont exprimé leurs inquiétudes lors d'une réunion publique. Ils "
    "craignent que les commerces souffrent de la baisse du nombre de passants pendant la durée "
    "du chantier, surtout pendant les mois d'été.",
    "Le conseil municipal votera le budget définitif le mois prochain. Les élus de l'opposition "
    "demandent une étude indépendante sur le coût réel du projet et sur ses effets pour la "
    "circulation dans le centre historique.",
    "Une association de cyclistes salue en revanche la création de nouvelles pistes protégées, "
    "qui relieront enfin la gare aux universités situées au nord de la ville.",
)

MENU_ITEMS = (
    "Home", "News", "World", "Business", "Technology", "Science", "Health", "Sports",
    "Entertainment", "Opinion", "Video", "Podcasts", "Newsletters", "About us", "Contact",
    "Careers", "Advertise", "Privacy policy", "Terms of use", "Cookie settings", "Sign in",
    "Subscribe", "Facebook", "Twitter", "Instagram", "YouTube", "RSS", "Sitemap",
)


def real_pages(raw_dir: Path = RAW_DIR) -> list[Path]:
    """The project's real text renderings, sorted (the corpus behind most builders)."""
    return sorted(raw_dir.glob("*.txt"))


def copy_real_pages(raw: Path, count: int) -> None:
    """Copy the first ``count`` real pages into a new folder ``raw`` as p0.txt, p1.txt, ..."""
    raw.mkdir()
    for index, page in enumerate(real_pages()[:count]):
        shutil.copy(page, raw / f"p{index}.txt")


def longest_line(text: str) -> str:
    """The longest line of a page: in an article page, a body paragraph."""
    return max(text.splitlines(), key=len)


def inject_words(text: str, words: str) -> str:
    """Insert ``words`` in the middle of the page's longest line (which extraction keeps)."""
    line = longest_line(text)
    cut = line.index(" ", len(line) // 2)
    return text.replace(line, f"{line[:cut]} {words}{line[cut:]}", 1)


def to_latin1(text: str) -> str:
    """Replace the typographic characters latin-1 lacks with their ASCII forms."""
    table = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-",
                           "…": "...", "•": "*", "\u00a0": " "})
    return text.translate(table).encode("latin-1", errors="replace").decode("latin-1")


def png_bytes() -> bytes:
    """A valid 1x1 PNG image."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def pdf_bytes() -> bytes:
    """A small PDF document with one page of text (what 'save as' of a PDF link gives)."""
    stream = b"BT /F1 12 Tf 72 720 Td (An article saved as a PDF.) Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
    ]
    body = b"%PDF-1.4\n"
    for number, obj in enumerate(objects, start=1):
        body += b"%d 0 obj\n%s\nendobj\n" % (number, obj)
    return body + b"trailer\n<< /Root 1 0 R >>\n%%EOF\n"


def undecodable_bytes() -> bytes:
    """A UTF-8 byte-order mark followed by bytes that are not UTF-8 at all."""
    return b"\xef\xbb\xbf" + bytes(range(0x80, 0x100)) * 40


def login_wall_html() -> str:
    """A page that is only a sign-in form: no article to extract."""
    return (
        "<!DOCTYPE html><html><head><title>Sign in</title></head><body>"
        "<header><nav><a href='/'>Home</a> <a href='/help'>Help</a></nav></header>"
        "<main><h1>Sign in to continue reading</h1>"
        "<form action='/login' method='post'><label>Email <input name='email'></label>"
        "<label>Password <input type='password' name='pw'></label>"
        "<button>Sign in</button></form>"
        "<p><a href='/forgot'>Forgot your password?</a></p>"
        "<p>Not a subscriber? <a href='/subscribe'>Subscribe now</a>.</p></main>"
        "<footer>© Example Media. All rights reserved.</footer></body></html>"
    )


def not_found_html() -> str:
    """A 404 page."""
    return (
        "<!DOCTYPE html><html><head><title>404 Not Found</title></head><body>"
        "<nav><ul><li><a href='/'>Home</a></li><li><a href='/news'>News</a></li>"
        "<li><a href='/contact'>Contact</a></li></ul></nav>"
        "<h1>Page not found</h1><p>Sorry, the page you are looking for does not exist.</p>"
        "<p><a href='/'>Go back to the home page</a></p>"
        "<footer><a href='/privacy'>Privacy</a> <a href='/terms'>Terms</a></footer></body></html>"
    )


def navigation_text() -> str:
    """A text rendering that is nothing but menus, share links and a footer."""
    lines = [f"  • {item}" for item in MENU_ITEMS]
    lines += ["", "Search", "", "Follow us", *MENU_ITEMS[20:], ""]
    lines.append("© 2024 Example Media. All rights reserved.")
    return "\n".join(lines) + "\n"


def foreign_html() -> str:
    """A well-formed article page in French."""
    paragraphs = "".join(f"<p>{p}</p>" for p in FRENCH_PARAGRAPHS)
    return (
        "<!DOCTYPE html><html lang='fr'><head><meta charset='utf-8'><title>Un nouveau plan pour "
        "les transports</title></head><body><nav><a href='/'>Accueil</a></nav><article>"
        f"<h1>Un nouveau plan pour les transports</h1>{paragraphs}</article>"
        "<footer>Tous droits réservés</footer></body></html>"
    )


def malformed_html(text: str) -> str:
    """Real article text in broken markup: unclosed and misnested tags, stray closers, cut off."""
    paragraphs = [line for line in text.splitlines() if len(line.split()) > 12]
    body = "".join(f"<p><b>{p}<i></b> </div>" for p in paragraphs)
    return (
        "<html><head><title>Broken page</title><body><div><table><tr><td>"
        f"<article><h1>Broken page</h2>{body}<p>unterminated <a href='x"
    )


def write_huge_page(path: Path, size: int) -> None:
    """Write an HTML page of about ``size`` bytes, streamed so the test itself stays small."""
    paragraph = b"<p>" + b"Plain filler sentence for a very large page. " * 40 + b"</p>\n"
    with path.open("wb") as handle:
        handle.write(b"<!DOCTYPE html><html><head><title>Huge</title></head><body><article>\n")
        written = 0
        while written < size:
            handle.write(paragraph)
            written += len(paragraph)
        handle.write(b"</article></body></html>\n")


def build_hostile_corpus(folder: Path) -> dict[str, str]:
    """Write one file per hostile case into ``folder``; return file name -> expected status.

    Also writes two readable copies of a real page under different names, the
    second of which must come out as a duplicate of the first.
    """
    folder.mkdir(parents=True, exist_ok=True)
    page = real_pages()[0].read_text(encoding="utf-8")
    files: dict[str, tuple[bytes, str]] = {
        "a_original.txt": (page.encode("utf-8"), "ok"),
        "b_copy.txt": (page.encode("utf-8"), "duplicate"),
        "empty.html": (b"", "error"),
        "image.html": (png_bytes(), "error"),
        "document.html": (pdf_bytes(), "error"),
        "garbage.txt": (undecodable_bytes(), "error"),
        "login.html": (login_wall_html().encode("utf-8"), "no_content"),
        "missing.html": (not_found_html().encode("utf-8"), "no_content"),
        "menu.txt": (navigation_text().encode("utf-8"), "no_content"),
        "french.html": (foreign_html().encode("utf-8"), "other_language"),
    }
    for name, (data, _) in files.items():
        (folder / name).write_bytes(data)
    return {name: status for name, (_, status) in files.items()}


def corpus_sources(bench_dir: Path, *, html: bool = False) -> list[Path]:
    """Real pages to copy into larger corpora: benchmark renderings (and HTML), plus raw/."""
    folders = sorted((bench_dir / "render").glob("*/")) + ([bench_dir / "html"] if html else [])
    pages = [p for folder in folders for p in sorted(folder.iterdir()) if p.is_file()]
    return pages + real_pages()


def build_copy_corpus(folder: Path, sources: list[Path], count: int) -> list[Path]:
    """Write ``count`` pages cycling through ``sources``; later rounds get a unique last line.

    The suffix keeps copies from collapsing into duplicates, so every page is real work.
    """
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for index in range(count):
        source = sources[index % len(sources)]
        data = source.read_bytes()
        if index >= len(sources):
            data += f"\nCopy {index} of this page.\n".encode()
        target = folder / f"p{index:05d}_{source.stem}{source.suffix}"
        target.write_bytes(data)
        written.append(target)
    return written
