"""Image degradations of the third held-out scan set (Pillow + numpy), each seeded.

A page comes in as a clean RGB rendering (``render_pages``: pypdfium2 at the scan's DPI) and
leaves as what a client's scanner, copier or phone makes of it. Written for this set; none of
it is taken from the other sets' degrade.py files.

- ``flatbed_grey``: office flatbed, 8-bit grey, a tilt of 1-2 degrees with the platen's grey
  margin, a slight optical blur, sensor noise, a faint lamp gradient;
- ``colour_jpeg``: colour scan at a low DPI, paper tint, chroma noise, saved through JPEG at low
  quality (block artefacts) and decoded again;
- ``phone_photo``: the sheet on a wooden table, shot at an angle (perspective warp), a bright
  spot and a shadowed corner, a warm cast, defocus, noise;
- ``photocopy``: high contrast, toner darkening, toner specks and a copier's dark edge band,
  a small skew;
- ``save_*``: image-only PDF (JPEG or lossless), multi-page TIFF, JPEG, PNG, HEIC.
"""

from __future__ import annotations

import io
import math
import time
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter


def render_pages(pdf: Path, dpi: int) -> list[Image.Image]:
    import pypdfium2 as pdfium
    doc = pdfium.PdfDocument(str(pdf))
    try:
        return [doc[i].render(scale=dpi / 72).to_pil().convert("RGB") for i in range(len(doc))]
    finally:
        doc.close()


def _noise(arr: np.ndarray, rng: np.random.Generator, sigma: float) -> np.ndarray:
    return arr + rng.normal(0, sigma, arr.shape)


def _u8(arr: np.ndarray) -> np.ndarray:
    return np.clip(arr, 0, 255).astype(np.uint8)


def flatbed_grey(im: Image.Image, rng: np.random.Generator, tilt: float) -> Image.Image:
    g = im.convert("L")
    g = g.rotate(tilt, resample=Image.BICUBIC, expand=False, fillcolor=238)
    g = g.filter(ImageFilter.GaussianBlur(0.7))
    a = np.asarray(g, dtype=np.float32)
    h, w = a.shape
    ramp = np.linspace(0, 10, w)[None, :]  # lamp falls off to the right
    a = a * 0.93 + 8 - ramp
    a = _noise(a, rng, 4.0)
    out = Image.fromarray(_u8(a), "L")
    # platen edge: a grey strip at the top where the lid did not close
    d = ImageDraw.Draw(out)
    d.rectangle([0, 0, w, int(h * 0.008)], fill=150)
    return out


def colour_jpeg(im: Image.Image, rng: np.random.Generator, quality: int = 38) -> Image.Image:
    a = np.asarray(im, dtype=np.float32)
    tint = np.array([250, 246, 232], dtype=np.float32) / 255.0
    a = a * tint
    a = _noise(a, rng, 3.0)
    a[..., 2] += rng.normal(0, 2.5, a.shape[:2])
    out = Image.fromarray(_u8(a), "RGB").filter(ImageFilter.GaussianBlur(0.45))
    buf = io.BytesIO()
    out.save(buf, "JPEG", quality=quality, subsampling=2)
    buf.seek(0)
    return Image.open(buf).convert("RGB")


def _perspective_coeffs(src, dst):
    """Coefficients for PIL's PERSPECTIVE transform mapping output (dst) points to input (src)."""
    m = []
    for (x, y), (u, v) in zip(dst, src):
        m.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        m.append([0, 0, 0, x, y, 1, -v * x, -v * y])
    A = np.array(m, dtype=np.float64)
    b = np.array([c for p in src for c in p], dtype=np.float64)
    return np.linalg.solve(A, b).tolist()


def _table(w: int, h: int, rng: np.random.Generator) -> Image.Image:
    y = np.arange(h)[:, None]
    x = np.arange(w)[None, :]
    grain = 18 * np.sin(x / 9.0 + 3 * np.sin(y / 140.0)) + rng.normal(0, 6, (h, w))
    r = 120 + grain
    g = 82 + grain * 0.7
    b = 50 + grain * 0.4
    return Image.fromarray(_u8(np.dstack([r, g, b])), "RGB")


def phone_photo(im: Image.Image, rng: np.random.Generator, strength: float = 1.0) -> Image.Image:
    w, h = im.size
    W, H = int(w * 1.22), int(h * 1.16)
    bg = _table(W, H, rng)
    # where the sheet's corners land in the photo (top edge farther away: narrower)
    j = lambda s: float(rng.uniform(-s, s)) * strength  # noqa: E731
    dst = [(W * 0.12 + j(12), H * 0.06 + j(10)), (W * 0.87 + j(12), H * 0.07 + j(10)),
           (W * 0.95 + j(10), H * 0.95 + j(10)), (W * 0.05 + j(10), H * 0.94 + j(10))]
    src = [(0, 0), (w, 0), (w, h), (0, h)]
    coeffs = _perspective_coeffs(src, dst)
    sheet = im.transform((W, H), Image.PERSPECTIVE, coeffs, Image.BICUBIC, fillcolor=(0, 0, 0))
    mask = Image.new("L", im.size, 255).transform((W, H), Image.PERSPECTIVE, coeffs,
                                                  Image.BILINEAR, fillcolor=0)
    bg.paste(sheet, (0, 0), mask)
    a = np.asarray(bg, dtype=np.float32)
    yy, xx = np.mgrid[0:H, 0:W]
    # a lamp spot upper left, shadow lower right
    spot = np.exp(-(((xx - W * 0.3) / (W * 0.5)) ** 2 + ((yy - H * 0.25) / (H * 0.5)) ** 2))
    light = 0.78 + 0.3 * spot - 0.12 * (xx / W) * (yy / H)
    a = a * light[..., None]
    a *= np.array([1.04, 1.0, 0.9])  # warm cast
    a = _noise(a, rng, 5.0)
    out = Image.fromarray(_u8(a), "RGB").filter(ImageFilter.GaussianBlur(0.9 * strength))
    return out


def photocopy(im: Image.Image, rng: np.random.Generator, skew: float = 0.6) -> Image.Image:
    g = im.convert("L").rotate(skew, resample=Image.BICUBIC, fillcolor=255)
    a = np.asarray(g, dtype=np.float32) / 255.0
    a = np.clip((a - 0.5) * 1.5 + 0.5, 0, 1) ** 1.35  # contrast, toner darkening
    a = a * 225 + 8
    h, w = a.shape
    # background toner haze
    a -= np.abs(rng.normal(0, 10, (h, w)))
    # specks
    n = int(h * w / 9000)
    ys, xs = rng.integers(0, h, n), rng.integers(0, w, n)
    for y, x in zip(ys, xs):
        r = int(rng.integers(1, 3))
        a[max(0, y - r):y + r, max(0, x - r):x + r] = rng.uniform(10, 90)
    # dark band along the left edge (book gutter / lid shadow)
    band = int(w * 0.03)
    a[:, :band] *= np.linspace(0.25, 1.0, band)[None, :]
    out = Image.fromarray(_u8(a), "L").filter(ImageFilter.GaussianBlur(0.5))
    return out


# --- saving ----------------------------------------------------------------------------------------

def save_pdf(pages: list[Image.Image], path: Path, dpi: int, jpeg_quality: int | None = None) -> None:
    """Image-only PDF (no text layer). With ``jpeg_quality`` each page is JPEG-compressed."""
    if jpeg_quality is not None:
        pages = [Image.open(io.BytesIO(_jpeg_bytes(p, jpeg_quality))) for p in pages]
    first, rest = pages[0], pages[1:]
    fixed = time.strptime("2026-12-04", "%Y-%m-%d")  # no wall-clock date: the output is reproducible
    first.save(path, "PDF", resolution=float(dpi), save_all=True, append_images=rest,
               creationDate=fixed, modDate=fixed, producer="heldout_scans_3")


def _jpeg_bytes(im: Image.Image, q: int) -> bytes:
    buf = io.BytesIO()
    im.save(buf, "JPEG", quality=q)
    return buf.getvalue()


def save_tiff(pages: list[Image.Image], path: Path, dpi: int) -> None:
    pages[0].save(path, "TIFF", save_all=True, append_images=pages[1:], compression="tiff_lzw",
                  dpi=(dpi, dpi))


def save_jpeg(im: Image.Image, path: Path, q: int = 82, dpi: int = 150) -> None:
    im.save(path, "JPEG", quality=q, dpi=(dpi, dpi))


def save_png(im: Image.Image, path: Path, dpi: int = 200) -> None:
    im.save(path, "PNG", dpi=(dpi, dpi))


def save_heic(im: Image.Image, path: Path, q: int = 80) -> None:
    import pillow_heif
    pillow_heif.register_heif_opener()
    im.save(path, "HEIF", quality=q)


def rotate_small(im: Image.Image, deg: float) -> Image.Image:
    return im.rotate(deg, resample=Image.BICUBIC, fillcolor=(255, 255, 255) if im.mode == "RGB" else 255)


def pad(im: Image.Image, frac: float, colour) -> Image.Image:
    w, h = im.size
    out = Image.new(im.mode, (int(w * (1 + 2 * frac)), int(h * (1 + 2 * frac))), colour)
    out.paste(im, (int(w * frac), int(h * frac)))
    return out


_ = math
