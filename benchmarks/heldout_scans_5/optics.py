"""How set 5's paper reaches the office: scanners, phones, copiers, a fax, and the file writers.

Every effect takes a numpy Generator, so a document's look is fixed by its seed.
"""

from __future__ import annotations

import io
import math
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageDraw, ImageFilter, ImageFont
from reportlab.pdfgen import canvas
from reportlab.lib.utils import ImageReader

MONO = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"


# --- rasterising ---------------------------------------------------------------------------------

def rasterize(pdf: Path, dpi: float, mode: str = "L") -> list[Image.Image]:
    doc = pdfium.PdfDocument(str(pdf))
    try:
        out = []
        for i in range(len(doc)):
            bmp = doc[i].render(scale=dpi / 72.0, grayscale=(mode == "L"))
            out.append(bmp.to_pil().convert(mode))
        return out
    finally:
        doc.close()


def _arr(img: Image.Image) -> np.ndarray:
    return np.asarray(img, dtype=np.float32)


def _img(a: np.ndarray, mode: str = "L") -> Image.Image:
    return Image.fromarray(np.clip(a + 0.5, 0, 255).astype(np.uint8), mode)


def _lowfreq(rng: np.random.Generator, w: int, h: int, cell: int) -> np.ndarray:
    small = rng.random((h // cell + 3, w // cell + 3)).astype(np.float32)
    im = Image.fromarray((small * 255).astype(np.uint8), "L").resize(
        ((w // cell + 3) * cell, (h // cell + 3) * cell), Image.BICUBIC)
    return _arr(im)[:h, :w] / 255.0


def _lowfreq2(rng: np.random.Generator, w: int, h: int, cx: int, cy: int) -> np.ndarray:
    """Noise stretched along y: cells ``cx`` wide and ``cy`` high."""
    small = rng.random((h // cy + 3, w // cx + 3)).astype(np.float32)
    im = Image.fromarray((small * 255).astype(np.uint8), "L").resize(
        ((w // cx + 3) * cx, (h // cy + 3) * cy), Image.BICUBIC)
    return _arr(im)[:h, :w] / 255.0


# --- flatbed -------------------------------------------------------------------------------------

def office_scan(img: Image.Image, rng: np.random.Generator, skew: float, *, blur: float = 0.55,
                noise: float = 3.5, paper: float = 244.0, ink: float = 28.0,
                lid_edge: bool = True) -> Image.Image:
    """An office flatbed: the sheet a little skewed, optics' softness, paper tone, sensor noise,
    the lid's grey edge on one side."""
    mode = img.mode
    fill = 255 if mode == "L" else (255, 255, 255)
    im = img.rotate(skew, resample=Image.BICUBIC, fillcolor=fill)
    if blur:
        im = im.filter(ImageFilter.GaussianBlur(blur))
    a = _arr(im)
    a = paper - (255.0 - a) * (paper - ink) / 255.0
    a = a + rng.normal(0, noise, a.shape).astype(np.float32)
    if lid_edge:
        w = a.shape[1]
        edge = np.clip(1 - np.arange(w, dtype=np.float32) / 14.0, 0, 1) * 70
        a = a - (edge[None, :, None] if a.ndim == 3 else edge[None, :])
    return _img(a, mode)


def low_ink(img: Image.Image, rng: np.random.Generator, black: float) -> Image.Image:
    """A printer short of toner: black prints at ``black`` (0.55-0.65) of full strength, weaker
    still in two vertical bands, with coarse dropouts."""
    a = _arr(img)
    h, w = a.shape
    f = np.full((h, w), black, dtype=np.float32)
    for _ in range(2):
        x0 = int(rng.uniform(0.15, 0.8) * w)
        bw = int(rng.uniform(0.05, 0.12) * w)
        xs = np.arange(w, dtype=np.float32)
        band = np.exp(-((xs - x0) / bw) ** 2)
        f = f * (1 - 0.22 * band[None, :])
    f = f * (0.88 + 0.12 * _lowfreq(rng, w, h, 24))
    return _img(255.0 - (255.0 - a) * f)


def photocopy(img: Image.Image, rng: np.random.Generator, generations: int = 2,
              scale: float = 1.03) -> Image.Image:
    """A copy of a copy: each generation enlarged a little (``scale`` in all), softened, darker
    and higher in contrast, on grey toner background with specks; the drum's streaks run down
    the page."""
    h0, w0 = img.size[1], img.size[0]
    im = img
    per = scale ** (1.0 / generations)
    xs_streak = [int((f + rng.uniform(-0.04, 0.04)) * w0) for f in (0.16, 0.62, 0.87)]
    for gen in range(generations):
        nw, nh = int(round(w0 * per)), int(round(h0 * per))
        im = im.resize((nw, nh), Image.BICUBIC)
        left, top = (nw - w0) // 2, (nh - h0) // 3
        im = im.crop((left, top, left + w0, top + h0))
        im = im.filter(ImageFilter.GaussianBlur(0.7))
        a = _arr(im)
        a = 255.0 * (a / 255.0) ** 1.45          # darker mid-tones: letters thicken
        a = np.where(a > 200, a, a * 0.82)        # toner: dark gets darker
        a = np.minimum(a, 236 - 6 * gen)          # grey toner background
        specks = rng.random(a.shape) < 0.00035
        a[specks] = rng.uniform(30, 120)
        for x in xs_streak:
            wdt = int(rng.integers(1, 3))
            depth = rng.uniform(40, 90) * (0.7 + 0.3 * gen)
            prof = 0.6 + 0.4 * _lowfreq(rng, 1, h0, 64)[:, 0]
            a[:, x:x + wdt] -= depth * prof[:, None]
        im = _img(a)
    return im


# --- fax -----------------------------------------------------------------------------------------

def fax(img: Image.Image, rng: np.random.Generator, header: str, skew: float) -> Image.Image:
    """A fax in fine mode (the page already at 200 x 200 DPI): feeder skew, 1 bit with a noisy
    threshold, a few dropped scan lines, a speck of dust, the sender's header line."""
    im = img.rotate(skew, resample=Image.BICUBIC, fillcolor=255)
    a = _arr(im.filter(ImageFilter.GaussianBlur(0.4)))
    thr = 150 + rng.normal(0, 18, a.shape).astype(np.float32)
    b = np.where(a < thr, 0, 255).astype(np.uint8)
    h, w = b.shape
    for _ in range(5):
        y = int(rng.integers(60, h - 60))
        b[y:y + int(rng.integers(1, 3)), :] = 255
    # a line of dust down the page where the glass was dirty
    x = int(rng.uniform(0.6, 0.9) * w)
    b[:, x] = np.where(rng.random(h) < 0.5, 0, b[:, x])
    out = Image.fromarray(b, "L")
    d = ImageDraw.Draw(out)
    d.rectangle((0, 0, w, 34), fill=255)
    d.text((30, 8), header, font=ImageFont.truetype(MONO, 22), fill=0)
    return out.convert("1", dither=Image.NONE)


# --- phone ---------------------------------------------------------------------------------------

def _perspective_coeffs(dst: list[tuple[float, float]], src: list[tuple[float, float]]) -> list[float]:
    """Coefficients for PIL's PERSPECTIVE transform mapping output points ``dst`` to input ``src``."""
    m, v = [], []
    for (x, y), (u, w) in zip(dst, src):
        m.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        m.append([0, 0, 0, x, y, 1, -w * x, -w * y])
        v += [u, w]
    return list(np.linalg.solve(np.array(m, dtype=np.float64), np.array(v, dtype=np.float64)))


def table(kind: str, w: int, h: int, rng: np.random.Generator) -> np.ndarray:
    ys, xs = np.mgrid[0:h, 0:w].astype(np.float32)
    lf = _lowfreq(rng, w, h, 48)
    if kind in ("oak", "walnut"):
        base = np.array((132, 88, 52) if kind == "oak" else (88, 56, 36), np.float32)
        light = np.array((182, 128, 80) if kind == "oak" else (128, 86, 58), np.float32)
        # grain along the boards: stretched noise, rings bending slowly, planks' seams
        streak = _lowfreq2(rng, w, h, 6, 160)
        t = xs / w * 22 + 0.9 * np.sin(ys / h * 2.6 + rng.uniform(0, 6)) + 0.8 * lf
        v = (0.5 + 0.5 * np.sin(t * 2 * math.pi)) ** 2.2
        v = 0.45 * v + 0.55 * streak
        plank = (xs // (w / 3.3)).astype(np.int32)
        v = v * (0.9 + 0.1 * ((plank * 37) % 5) / 4.0)
        seam = np.abs((xs % (w / 3.3)) - 0) < 2.5
        v = np.where(seam, v * 0.45, v)
    else:  # woven cloth
        base = np.array((52, 62, 88), np.float32)
        light = np.array((92, 104, 136), np.float32)
        v = 0.5 + 0.22 * np.sin(xs * 2 * math.pi / 5.0) * np.sign(np.sin(ys * 2 * math.pi / 10.0)) \
            + 0.22 * np.sin(ys * 2 * math.pi / 5.0) + 0.3 * (lf - 0.5)
        v = np.clip(v, 0, 1)
    return base[None, None, :] + (light - base)[None, None, :] * v[:, :, None]


def phone_photo(img: Image.Image, rng: np.random.Generator, *, src_dpi: float, eff_dpi: float,
                keystone: float, rot: float, shadow: float, warm: float, bg: str,
                margin: float = 0.08, blur: float = 0.7, glare: tuple | None = None) -> Image.Image:
    """A phone photo of the sheet lying on a table: resized to ``eff_dpi`` on the sheet, the top
    edge ``keystone`` narrower (the phone held tilted), turned ``rot`` degrees, the table around
    it, light falling off, a soft shadow across part of the sheet (``shadow``: darkening at its
    darkest), a warm cast, softness and sensor noise. ``glare``: (cx, cy, rx, ry) in fractions
    of the sheet, a bright reflection there."""
    sheet = img.convert("RGB")
    sw = int(round(sheet.size[0] * eff_dpi / src_dpi))
    sh = int(round(sheet.size[1] * eff_dpi / src_dpi))
    sheet = sheet.resize((sw, sh), Image.LANCZOS)
    a = _arr(sheet)
    a = a * np.array((0.97, 0.955, 0.93), np.float32)          # paper is not white
    if glare:
        cx, cy, rx, ry = glare
        ys, xs = np.mgrid[0:sh, 0:sw].astype(np.float32)
        g = np.exp(-(((xs / sw - cx) / rx) ** 2 + ((ys / sh - cy) / ry) ** 2) * 1.3)
        g = np.clip(g * 1.25, 0, 1)
        a = a + (255 - a) * (0.97 * g)[:, :, None]
    sheet = _img(a, "RGB")
    W = int(sw * (1 + 2 * margin))
    H = int(sh * (1 + 2 * margin))
    cx, cy = W / 2, H / 2
    k = keystone / 2 * sw
    quad = [(-sw / 2 + k, -sh / 2), (sw / 2 - k, -sh / 2), (sw / 2 + k * 0.25, sh / 2),
            (-sw / 2 - k * 0.25, sh / 2)]
    th = math.radians(rot)
    dst = []
    for x, y in quad:
        x += rng.uniform(-0.003, 0.003) * sw
        y += rng.uniform(-0.003, 0.003) * sh
        dst.append((cx + x * math.cos(th) - y * math.sin(th), cy + x * math.sin(th) + y * math.cos(th)))
    src = [(0, 0), (sw, 0), (sw, sh), (0, sh)]
    coeffs = _perspective_coeffs(dst, src)
    warped = sheet.transform((W, H), Image.PERSPECTIVE, coeffs, Image.BICUBIC)
    mask = Image.new("L", (sw, sh), 255).transform((W, H), Image.PERSPECTIVE, coeffs, Image.BILINEAR)
    m = _arr(mask.filter(ImageFilter.GaussianBlur(0.8)))[:, :, None] / 255.0
    bgd = table(bg, W, H, rng)
    drop = _arr(mask.filter(ImageFilter.GaussianBlur(W / 90)))
    drop = np.roll(np.roll(drop, int(W / 150), axis=1), int(H / 120), axis=0)[:, :, None] / 255.0
    bgd = bgd * (1 - 0.45 * drop)
    out = bgd * (1 - m) + _arr(warped) * m
    # light: fall-off towards the corners and a soft shadow crossing part of the sheet
    sx, sy = 96, int(96 * H / W)
    ys, xs = np.mgrid[0:sy, 0:sx].astype(np.float32)
    r = np.hypot((xs / sx - 0.45) * 1.2, (ys / sy - 0.4))
    light = 1.0 - 0.16 * r ** 2
    ang = rng.uniform(0, 2 * math.pi)
    nx, ny = math.cos(ang), math.sin(ang)
    off = rng.uniform(0.12, 0.3)
    side = ((xs / sx - 0.5) * nx + (ys / sy - 0.5) * ny) - off
    sh_mask = 1 / (1 + np.exp(-side / 0.05))
    light = light * (1 - shadow * sh_mask)
    L = Image.fromarray(np.clip(light * 255, 0, 255).astype(np.uint8), "L").resize((W, H), Image.BICUBIC)
    L = L.filter(ImageFilter.GaussianBlur(W / 200))
    out = out * (_arr(L) / 255.0)[:, :, None]
    out = out * np.array((1 + 0.06 * warm, 1.0, 1 - 0.14 * warm), np.float32) + \
        np.array((6 * warm, 2 * warm, -4 * warm), np.float32)
    im = _img(out, "RGB")
    if blur:
        im = im.filter(ImageFilter.GaussianBlur(blur))
    a = _arr(im) + rng.normal(0, 3.2, (H, W, 3)).astype(np.float32)
    return _img(a, "RGB")


def on_scanner_bed(card: Image.Image, rng: np.random.Generator, *, dpi: float, card_dpi: float,
                   rot: float, at: tuple[float, float] = (0.09, 0.07)) -> Image.Image:
    """A passport laid on a flatbed (Letter size, lid closed) at ``rot`` degrees."""
    W, H = int(8.5 * dpi), int(11 * dpi)
    bed = Image.new("RGB", (W, H), (238, 238, 236))
    c = card.convert("RGB")
    c = c.resize((int(c.size[0] * dpi / card_dpi), int(c.size[1] * dpi / card_dpi)), Image.LANCZOS)
    mask = Image.new("L", c.size, 255).rotate(rot, resample=Image.BICUBIC, expand=True)
    c = c.rotate(rot, resample=Image.BICUBIC, expand=True, fillcolor=(238, 238, 236))
    bed.paste(c, (int(at[0] * W), int(at[1] * H)), mask)
    im = bed.filter(ImageFilter.GaussianBlur(0.6))
    a = _arr(im) + rng.normal(0, 3.0, (H, W, 3)).astype(np.float32)
    return _img(a, "RGB")


# --- files -----------------------------------------------------------------------------------------

def jpeg_bytes(img: Image.Image, q: int, dpi: float | None = None) -> bytes:
    b = io.BytesIO()
    kw = {"dpi": (dpi, dpi)} if dpi else {}
    img.save(b, "JPEG", quality=q, optimize=False, **kw)
    return b.getvalue()


def png_bytes(img: Image.Image, dpi: float | None = None) -> bytes:
    b = io.BytesIO()
    kw = {"dpi": (dpi, dpi)} if dpi else {}
    img.save(b, "PNG", **kw)
    return b.getvalue()


def image_pdf(path: Path, pages: list[Image.Image], *, fmt: str = "jpeg", q: int = 70,
              dpi: float = 300.0, page_pt: tuple[float, float] | None = None) -> None:
    """An image-only PDF: each image a page (``page_pt``, else the image's size at ``dpi``)."""
    c = canvas.Canvas(str(path), invariant=1)
    c.setTitle("scan")
    for im in pages:
        w, h = page_pt or (im.size[0] * 72.0 / dpi, im.size[1] * 72.0 / dpi)
        c.setPageSize((w, h))
        data = jpeg_bytes(im, q) if fmt == "jpeg" else png_bytes(im)
        c.drawImage(ImageReader(io.BytesIO(data)), 0, 0, w, h)
        c.showPage()
    c.save()


def save_jpeg(path: Path, img: Image.Image, q: int, dpi: float | None = None) -> None:
    path.write_bytes(jpeg_bytes(img, q, dpi))


def save_png(path: Path, img: Image.Image, dpi: float | None = None) -> None:
    path.write_bytes(png_bytes(img, dpi))


def save_heic(path: Path, img: Image.Image, q: int) -> None:
    import pillow_heif
    pillow_heif.register_heif_opener()
    b = io.BytesIO()
    img.convert("RGB").save(b, format="HEIF", quality=q)
    path.write_bytes(b.getvalue())


def save_tiff_g4(path: Path, frames: list[Image.Image], dpi: tuple[int, int]) -> None:
    b = io.BytesIO()
    frames[0].save(b, format="TIFF", save_all=True, append_images=frames[1:],
                   compression="group4", dpi=dpi)
    path.write_bytes(b.getvalue())
