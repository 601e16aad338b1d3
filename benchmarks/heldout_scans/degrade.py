"""This set's own degradations: a PDF page → what a scanner or a phone makes of it.

All randomness comes from a ``random.Random`` seeded by the caller, so a rerun writes the
same pixels.  Nothing here is taken from the tool's fixtures.
"""

from __future__ import annotations

import io
import random
from datetime import datetime
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageDraw, ImageFilter

# --- rendering --------------------------------------------------------------------------------


def render(pdf: Path, dpi: int) -> list[Image.Image]:
    doc = pdfium.PdfDocument(str(pdf))
    pages = []
    for i in range(len(doc)):
        bitmap = doc[i].render(scale=dpi / 72)
        pages.append(bitmap.to_pil().convert("RGB"))
    doc.close()
    return pages


def _np_seed(rnd: random.Random) -> np.random.Generator:
    return np.random.default_rng(rnd.randrange(1 << 30))


# --- a flatbed scanner ------------------------------------------------------------------------


def flatbed(img: Image.Image, rnd: random.Random, angle: float, *, grey: bool = True,
            paper: float = 0.93, blur: float = 0.7, specks: int = 250,
            noise: float = 5.0) -> Image.Image:
    """Grey or off-white paper, the page a little skewed on the glass, a soft focus,
    dust and toner specks, sensor noise."""
    g = _np_seed(rnd)
    im = img.convert("L" if grey else "RGB")
    a = np.asarray(im).astype(np.float32)
    tone = np.array([paper]) if grey else np.array([paper, paper * 0.99, paper * 0.95])
    a = a * (tone if grey else tone[None, None, :])
    a += g.normal(0, noise, a.shape)
    im = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
    lid = 238 if grey else (238, 238, 236)
    im = im.rotate(angle, resample=Image.BICUBIC, expand=True, fillcolor=lid)
    im = im.filter(ImageFilter.GaussianBlur(blur))
    draw = ImageDraw.Draw(im)
    w, h = im.size
    for _ in range(specks):
        x, y = rnd.randrange(w), rnd.randrange(h)
        r = rnd.choice((1, 1, 1, 2, 2, 3))
        shade = rnd.randrange(20, 110)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=shade if grey else (shade,) * 3)
    for _ in range(2):  # a faint vertical streak from the scanner bar
        x = rnd.randrange(w)
        draw.line((x, 0, x, h), fill=200 if grey else (200, 200, 200), width=1)
    return im


# --- a phone photo of a page lying on a table -------------------------------------------------


def _coeffs(dst: list[tuple[float, float]], src: list[tuple[float, float]]) -> list[float]:
    """Perspective coefficients mapping output points ``dst`` to input points ``src``."""
    rows, rhs = [], []
    for (x, y), (u, v) in zip(dst, src):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        rhs += [u, v]
    return list(np.linalg.solve(np.array(rows, float), np.array(rhs, float)))


def _table(size: tuple[int, int], g: np.random.Generator, kind: str) -> np.ndarray:
    w, h = size
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    if kind == "wood":
        grain = np.sin(xx / 9.0 + 3 * np.sin(yy / 140.0) + g.normal(0, 0.3, (h, w))) * 0.5 + 0.5
        base = np.array([128, 88, 56], np.float32)
        img = base[None, None, :] * (0.78 + 0.3 * grain[..., None])
    else:  # a grey-blue desk mat
        base = np.array([92, 100, 112], np.float32)
        img = base[None, None, :] * (0.95 + 0.05 * g.normal(0, 1, (h, w)))[..., None]
    img += g.normal(0, 4, img.shape)
    return img


def photo(img: Image.Image, rnd: random.Random, angle: float, *, out: tuple[int, int] = (1800, 2400),
          fill: float = 0.80, tilt: float = 0.05, table: str = "wood",
          shadow: bool = True, blur: float = 1.0, warm: bool = True) -> Image.Image:
    """The page photographed from above at a slant: rotated by ``angle`` degrees, in
    perspective (the far edge narrower by about ``tilt``), on a table, with the page's own
    drop shadow, uneven light, the shadow of the phone/hand, a warm cast, blur and noise."""
    g = _np_seed(rnd)
    W, H = out
    page = img.convert("RGB")
    pw, ph = page.size
    # where the page's corners land in the photo
    scale = min(W * fill / pw, H * fill / ph)
    cw, ch = pw * scale / 2, ph * scale / 2
    cx, cy = W / 2 + rnd.uniform(-0.03, 0.03) * W, H / 2 + rnd.uniform(-0.03, 0.03) * H
    t = np.radians(angle)
    corners = []
    for sx, sy in ((-1, -1), (1, -1), (1, 1), (-1, 1)):
        x, y = sx * cw, sy * ch
        if sy < 0:  # the far (top) edge is narrower
            x *= 1 - tilt
        x, y = x * np.cos(t) - y * np.sin(t), x * np.sin(t) + y * np.cos(t)
        corners.append((cx + x + rnd.uniform(-6, 6), cy + y + rnd.uniform(-6, 6)))
    src = [(0, 0), (pw, 0), (pw, ph), (0, ph)]
    coeffs = _coeffs(corners, src)
    warped = page.transform((W, H), Image.PERSPECTIVE, coeffs, Image.BICUBIC)
    mask = Image.new("L", (pw, ph), 255).transform((W, H), Image.PERSPECTIVE, coeffs,
                                                   Image.BILINEAR)
    bg = _table((W, H), g, table)
    # the page's drop shadow on the table
    sh = np.asarray(mask.filter(ImageFilter.GaussianBlur(18))).astype(np.float32) / 255
    sh = np.roll(np.roll(sh, 14, axis=0), 10, axis=1)
    bg *= (1 - 0.45 * sh)[..., None]
    m = np.asarray(mask).astype(np.float32)[..., None] / 255
    a = bg * (1 - m) + np.asarray(warped).astype(np.float32) * m
    # uneven light: a gradient from one corner
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
    gx, gy = rnd.choice(((1, 1), (-1, 1), (1, -1)))
    light = 1.04 - 0.20 * ((xx / W - 0.5) * gx + (yy / H - 0.5) * gy + 1) / 2
    a *= light[..., None]
    if shadow:  # the soft shadow of the phone and hand
        blob = Image.new("L", (W, H), 0)
        dr = ImageDraw.Draw(blob)
        x0 = rnd.uniform(0.45, 0.7) * W
        dr.ellipse((x0, H * 0.72, x0 + W * 0.7, H * 1.25), fill=255)
        blob = blob.filter(ImageFilter.GaussianBlur(90))
        b = np.asarray(blob).astype(np.float32) / 255
        a *= (1 - 0.38 * b)[..., None]
    if warm:
        a *= np.array([1.03, 0.99, 0.90], np.float32)[None, None, :]
    a += g.normal(0, 3.5, a.shape)
    im = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
    return im.filter(ImageFilter.GaussianBlur(blur))


def screenshot(img: Image.Image, clock: str = "14:32") -> Image.Image:
    """A phone screenshot of a web page: the page's content cropped, scaled to 1170 px wide,
    a status bar on top."""
    grey = img.convert("L")
    a = np.asarray(grey)
    rows = np.where(a.min(axis=1) < 250)[0]
    cols = np.where(a.min(axis=0) < 250)[0]
    top, bottom = max(rows[0] - 30, 0), min(rows[-1] + 30, a.shape[0])
    left, right = max(cols[0] - 20, 0), min(cols[-1] + 20, a.shape[1])
    content = img.crop((left, top, right, bottom))
    w = 1170
    content = content.resize((w, int(content.height * w / content.width)), Image.LANCZOS)
    bar = 110
    out = Image.new("RGB", (w, content.height + bar), "white")
    out.paste(content, (0, bar))
    dr = ImageDraw.Draw(out)
    from PIL import ImageFont
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", 40)
    dr.text((60, 35), clock, fill="black", font=font)
    dr.rectangle((w - 150, 45, w - 70, 80), outline="black", width=3)
    dr.rectangle((w - 146, 49, w - 96, 76), fill="black")
    return out


# --- writers ----------------------------------------------------------------------------------


def save_jpeg(im: Image.Image, path: Path, quality: int = 80, exif_orientation: int | None = None,
              dpi: int | None = None) -> None:
    kw: dict = {"quality": quality, "optimize": True}
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"   # Make
    exif[0x0110] = "Model X2"     # Model
    if exif_orientation:
        exif[0x0112] = exif_orientation
    kw["exif"] = exif.tobytes()
    if dpi:
        kw["dpi"] = (dpi, dpi)
    im.save(path, "JPEG", **kw)


def save_png(im: Image.Image, path: Path, dpi: int | None = None) -> None:
    im.save(path, "PNG", optimize=True, **({"dpi": (dpi, dpi)} if dpi else {}))


def save_tiff(pages: list[Image.Image], path: Path, dpi: int) -> None:
    pages[0].save(path, "TIFF", save_all=True, append_images=pages[1:], compression="tiff_lzw",
                  dpi=(dpi, dpi))


def save_image_pdf(pages: list[Image.Image], path: Path, dpi: int, quality: int = 70) -> None:
    """An image-only PDF (what a scanner's 'scan to PDF' writes): each page one JPEG."""
    jpgs = []
    for p in pages:
        buf = io.BytesIO()
        p.save(buf, "JPEG", quality=quality)
        buf.seek(0)
        jpgs.append(Image.open(buf))
    # fixed, so a rerun writes the same bytes; as a PDF date string: Pillow 13 no longer takes
    # a datetime here
    when = datetime(2026, 11, 20, 9, 30).strftime("D:%Y%m%d%H%M%S")
    jpgs[0].save(path, "PDF", save_all=True, append_images=jpgs[1:], resolution=dpi,
                 creationDate=when, modDate=when, producer="Scanner")


def save_heic(im: Image.Image, path: Path, quality: int = 75) -> None:
    import pillow_heif
    pillow_heif.register_heif_opener()
    im.save(path, format="HEIF", quality=quality)
