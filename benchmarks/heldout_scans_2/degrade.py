"""Degradations of this second held-out set: a rendered page -> a scan, a fax or a phone photo.

Written for heldout_scans_2 without looking at the tool's recognisers or fixtures, and on
purpose unlike benchmarks/heldout_scans/degrade.py: low resolution (100-200 DPI), colour
photos with perspective, vignetting and a warm/cool colour cast, motion blur, moire /
halftone, a coffee stain, crumpled-paper shading, a 100x200 DPI fax, a fold crease, ballpoint
scribbles in the margins, ink stamps over the text.  All randomness comes from a
``random.Random`` the caller seeds, so a rerun writes the same pixels.
"""

from __future__ import annotations

import math
import random
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")


def render(pdf: Path, dpi: int) -> list[Image.Image]:
    doc = pdfium.PdfDocument(str(pdf))
    pages = [doc[i].render(scale=dpi / 72).to_pil().convert("RGB") for i in range(len(doc))]
    doc.close()
    return pages


def _arr(img: Image.Image) -> np.ndarray:
    return np.asarray(img.convert("RGB"), dtype=np.float32)


def _img(a: np.ndarray) -> Image.Image:
    return Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "RGB")


def _smooth_field(rng: random.Random, w: int, h: int, cells: tuple[int, int]) -> np.ndarray:
    """A smooth random field in [0, 1] of size h x w (bicubic upsampling of a coarse grid)."""
    gx, gy = cells
    small = np.array([[rng.random() for _ in range(gx)] for _ in range(gy)], dtype=np.float32)
    im = Image.fromarray((small * 255).astype(np.uint8), "L").resize((w, h), Image.BICUBIC)
    return np.asarray(im, dtype=np.float32) / 255.0


# --- paper and light ----------------------------------------------------------------------------

def colour_cast(img: Image.Image, rgb: tuple[float, float, float]) -> Image.Image:
    return _img(_arr(img) * np.array(rgb, dtype=np.float32))


def vignette(img: Image.Image, strength: float = 0.45, cx: float = 0.5, cy: float = 0.5) -> Image.Image:
    a = _arr(img)
    h, w = a.shape[:2]
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    r = np.sqrt(((x / w - cx) / 0.75) ** 2 + ((y / h - cy) / 0.75) ** 2)
    m = 1.0 - strength * np.clip(r, 0, 1.2) ** 2
    return _img(a * m[..., None])


def crumple(img: Image.Image, rng: random.Random, depth: float = 0.22) -> Image.Image:
    """Crumpled paper: low-frequency light/dark patches plus a few sharp ridge lines."""
    a = _arr(img)
    h, w = a.shape[:2]
    f = _smooth_field(rng, w, h, (9, 12)) * 0.6 + _smooth_field(rng, w, h, (25, 33)) * 0.4
    shade = 1.0 - depth * (f - f.min()) / (f.max() - f.min() + 1e-6)
    ridge = Image.new("L", (w, h), 0)
    d = ImageDraw.Draw(ridge)
    for _ in range(9):
        x0, y0 = rng.uniform(0, w), rng.uniform(0, h)
        ang = rng.uniform(0, math.pi)
        ln = rng.uniform(0.2, 0.6) * max(w, h)
        d.line([(x0, y0), (x0 + ln * math.cos(ang), y0 + ln * math.sin(ang))],
               fill=rng.randint(40, 90), width=2)
    ridge = ridge.filter(ImageFilter.GaussianBlur(2.5))
    shade = shade - np.asarray(ridge, dtype=np.float32) / 255.0 * 0.35
    return _img(a * shade[..., None])


def coffee_stain(img: Image.Image, rng: random.Random, where: tuple[float, float] | None = None,
                 radius: float = 0.12) -> Image.Image:
    a = _arr(img)
    h, w = a.shape[:2]
    cx, cy = where or (rng.uniform(0.55, 0.8), rng.uniform(0.25, 0.75))
    cx, cy, rad = cx * w, cy * h, radius * w
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    wob = _smooth_field(rng, w, h, (6, 6)) * 0.18 * rad
    r = np.sqrt((x - cx) ** 2 + ((y - cy) * 1.1) ** 2) + wob
    ring = np.exp(-((r - rad) / (0.035 * rad + 2)) ** 2) * 0.55
    inside = (r < rad) * 0.16
    alpha = np.clip(ring + inside, 0, 0.7)[..., None]
    brown = np.array([150, 98, 52], dtype=np.float32)
    return _img(a * (1 - alpha) + (a * brown / 255.0) * alpha)


def crease(img: Image.Image, frac: float = 0.5, shift: int = 2) -> Image.Image:
    """A page folded in two and flattened again: a shaded band, a dark line, the lower half
    slightly offset."""
    a = _arr(img)
    h, w = a.shape[:2]
    yc = int(frac * h)
    y = np.arange(h, dtype=np.float32)
    band = 1.0 - 0.18 * np.exp(-((y - yc) / (0.012 * h)) ** 2) - 0.35 * np.exp(-((y - yc) / 1.5) ** 2)
    a = a * band[:, None, None]
    if shift:
        a[yc:] = np.roll(a[yc:], shift, axis=1)
        a[yc:, :shift] = 235
    return _img(a)


def halftone(img: Image.Image, period: float = 3.7, angle: float = 0.26, amount: float = 0.22) -> Image.Image:
    """Moire: two slightly rotated dot screens beat against each other (a photo of a printed
    halftone, or of a screen)."""
    a = _arr(img)
    h, w = a.shape[:2]
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    u = x * math.cos(angle) + y * math.sin(angle)
    v = -x * math.sin(angle) + y * math.cos(angle)
    s1 = np.sin(2 * math.pi * u / period) * np.sin(2 * math.pi * v / period)
    s2 = np.sin(2 * math.pi * x / (period * 1.07)) * np.sin(2 * math.pi * y / (period * 1.07))
    m = 1.0 - amount * (0.5 + 0.25 * (s1 + s2))
    return _img(a * m[..., None])


# --- the camera ----------------------------------------------------------------------------------

def motion_blur(img: Image.Image, length: int = 5, vertical: bool = False) -> Image.Image:
    a = _arr(img)
    acc = np.zeros_like(a)
    for k in range(length):
        acc += np.roll(a, k - length // 2, axis=0 if vertical else 1)
    return _img(acc / length)


def _perspective_coeffs(src: list[tuple[float, float]], dst: list[tuple[float, float]]) -> list[float]:
    """Coefficients for PIL's PERSPECTIVE transform mapping output points ``dst`` to input ``src``."""
    m = []
    b = []
    for (xs, ys), (xd, yd) in zip(src, dst):
        m.append([xd, yd, 1, 0, 0, 0, -xs * xd, -xs * yd])
        m.append([0, 0, 0, xd, yd, 1, -ys * xd, -ys * yd])
        b += [xs, ys]
    return list(np.linalg.solve(np.array(m, dtype=np.float64), np.array(b, dtype=np.float64)))


def on_table(img: Image.Image, rng: random.Random, bg: tuple[int, int, int], margin: float = 0.09,
             skew: float = 0.035, rotate: float = 0.0) -> Image.Image:
    """The sheet lying on a coloured surface, photographed from slightly off-axis."""
    w, h = img.size
    W, H = int(w * (1 + 2 * margin)), int(h * (1 + 2 * margin))
    tex = _smooth_field(rng, W, H, (14, 18))
    base = np.array(bg, dtype=np.float32)[None, None, :] * (0.85 + 0.3 * tex[..., None])
    canvas = _img(base)
    ox, oy = int(w * margin), int(h * margin)
    j = lambda s: rng.uniform(-s, s) * w  # noqa: E731
    dst = [(ox + j(skew), oy + j(skew)), (ox + w + j(skew), oy + j(skew)),
           (ox + w + j(skew), oy + h + j(skew)), (ox + j(skew), oy + h + j(skew))]
    src = [(0, 0), (w, 0), (w, h), (0, h)]
    coeffs = _perspective_coeffs(src, dst)
    sheet = img.convert("RGB").transform((W, H), Image.PERSPECTIVE, coeffs, Image.BICUBIC)
    mask = Image.new("L", (w, h), 255).transform((W, H), Image.PERSPECTIVE, coeffs, Image.BICUBIC)
    # a soft shadow under the sheet
    shadow = mask.filter(ImageFilter.GaussianBlur(12))
    cs = _arr(canvas) * (1 - 0.35 * (np.asarray(shadow, dtype=np.float32)[..., None] / 255.0))
    canvas = _img(cs)
    canvas.paste(sheet, (0, 0), mask)
    if rotate:
        canvas = canvas.rotate(rotate, resample=Image.BICUBIC, expand=False, fillcolor=bg)
    return canvas


def sensor_noise(img: Image.Image, rng: random.Random, sigma: float = 6.0) -> Image.Image:
    a = _arr(img)
    nrng = np.random.default_rng(rng.randint(0, 2**31))
    return _img(a + nrng.normal(0, sigma, a.shape).astype(np.float32))


def soften(img: Image.Image, radius: float = 0.8) -> Image.Image:
    return img.filter(ImageFilter.GaussianBlur(radius))


# --- marks on the paper ------------------------------------------------------------------------

def scribbles(img: Image.Image, rng: random.Random, n: int = 4, colour=(25, 45, 150)) -> Image.Image:
    """Ballpoint marks in the margins: loops, a tick, an underline and a scrawled note."""
    img = img.convert("RGB").copy()
    w, h = img.size
    d = ImageDraw.Draw(img)
    lw = max(2, w // 700)
    for i in range(n):
        side = i % 3
        if side == 0:    # right margin
            x0, y0 = rng.uniform(0.88, 0.93) * w, rng.uniform(0.15, 0.85) * h
        elif side == 1:  # left margin
            x0, y0 = rng.uniform(0.02, 0.05) * w, rng.uniform(0.15, 0.85) * h
        else:            # bottom margin
            x0, y0 = rng.uniform(0.2, 0.7) * w, rng.uniform(0.93, 0.96) * h
        pts = []
        for t in range(40):
            a = t / 39 * rng.uniform(3, 7) * math.pi
            r = rng.uniform(0.008, 0.02) * w
            pts.append((x0 + r * math.cos(a) + t * 0.0012 * w, y0 + r * math.sin(a) * 0.6))
        d.line(pts, fill=colour, width=lw, joint="curve")
    # a tick and a wavy underline near the top-right
    x, y = 0.86 * w, 0.08 * h
    d.line([(x, y), (x + 0.012 * w, y + 0.012 * w), (x + 0.04 * w, y - 0.02 * w)], fill=colour, width=lw + 1)
    try:
        f = ImageFont.truetype(str(FONT_DIR / "DejaVuSerif-Italic.ttf"), max(14, w // 60))
        d.text((0.62 * w, 0.955 * h), rng.choice(["copy for file", "ok - checked", "see p.2 ?", "call back Tue"]),
               fill=colour, font=f)
    except OSError:
        pass
    return img


def stamp(img: Image.Image, rng: random.Random, text: str, centre: tuple[float, float],
          colour=(70, 60, 170), size: float = 0.2, inner: str = "") -> Image.Image:
    """A round rubber stamp with text around its rim, rotated, with uneven ink, over the page."""
    img = img.convert("RGB")
    w, h = img.size
    D = int(size * w)
    st = Image.new("L", (D, D), 0)
    d = ImageDraw.Draw(st)
    lw = max(2, D // 60)
    d.ellipse([lw, lw, D - lw, D - lw], outline=255, width=lw)
    d.ellipse([D * 0.17, D * 0.17, D * 0.83, D * 0.83], outline=255, width=max(1, lw // 2))
    font = ImageFont.truetype(str(FONT_DIR / "DejaVuSans-Bold.ttf"), max(8, D // 11))
    n = len(text)
    for i, ch in enumerate(text):
        ang = -math.pi / 2 + 2 * math.pi * i / n
        r = D * 0.4
        cx, cy = D / 2 + r * math.cos(ang), D / 2 + r * math.sin(ang)
        g = Image.new("L", (D // 8, D // 8), 0)
        ImageDraw.Draw(g).text((D // 32, 0), ch, fill=255, font=font)
        g = g.rotate(-math.degrees(ang) - 90, resample=Image.BICUBIC)
        st.paste(255, (int(cx - D // 16), int(cy - D // 16)), g)
    if inner:
        f2 = ImageFont.truetype(str(FONT_DIR / "DejaVuSans-Bold.ttf"), max(8, D // 9))
        tw = d.textlength(inner, font=f2)
        d.text(((D - tw) / 2, D / 2 - D // 16), inner, fill=255, font=f2)
    st = st.rotate(rng.uniform(-35, 35), resample=Image.BICUBIC)
    ink = np.asarray(st, dtype=np.float32) / 255.0
    ink = ink * (0.45 + 0.55 * _smooth_field(rng, D, D, (7, 7)))
    a = _arr(img)
    x0, y0 = int(centre[0] * w - D / 2), int(centre[1] * h - D / 2)
    x1, y1 = max(0, x0), max(0, y0)
    x2, y2 = min(w, x0 + D), min(h, y0 + D)
    k = ink[y1 - y0:y2 - y0, x1 - x0:x2 - x0][..., None] * 0.85
    col = np.array(colour, dtype=np.float32)
    a[y1:y2, x1:x2] = a[y1:y2, x1:x2] * (1 - k) + np.minimum(a[y1:y2, x1:x2], col) * k
    return _img(a)


def box_stamp(img: Image.Image, rng: random.Random, lines: list[str], centre: tuple[float, float],
              colour=(185, 30, 40)) -> Image.Image:
    """A rectangular office stamp ('RECEIVED ... date') pressed unevenly."""
    img = img.convert("RGB")
    w, h = img.size
    font = ImageFont.truetype(str(FONT_DIR / "DejaVuSans-Bold.ttf"), max(10, w // 45))
    pad = w // 80
    tw = max(int(ImageDraw.Draw(img).textlength(s, font=font)) for s in lines) + 2 * pad
    th = len(lines) * int(font.size * 1.3) + 2 * pad
    st = Image.new("L", (tw, th), 0)
    d = ImageDraw.Draw(st)
    d.rectangle([1, 1, tw - 2, th - 2], outline=255, width=max(2, w // 500))
    for i, s in enumerate(lines):
        d.text((pad, pad + i * int(font.size * 1.3)), s, fill=255, font=font)
    st = st.rotate(rng.uniform(-12, 12), resample=Image.BICUBIC, expand=True)
    ink = np.asarray(st, dtype=np.float32) / 255.0
    ink = ink * (0.5 + 0.5 * _smooth_field(rng, st.size[0], st.size[1], (6, 4)))
    a = _arr(img)
    x0, y0 = int(centre[0] * w - st.size[0] / 2), int(centre[1] * h - st.size[1] / 2)
    x1, y1, x2, y2 = max(0, x0), max(0, y0), min(w, x0 + st.size[0]), min(h, y0 + st.size[1])
    k = ink[y1 - y0:y2 - y0, x1 - x0:x2 - x0][..., None] * 0.8
    col = np.array(colour, dtype=np.float32)
    a[y1:y2, x1:x2] = a[y1:y2, x1:x2] * (1 - k) + np.minimum(a[y1:y2, x1:x2], col) * k
    return _img(a)


# --- a fax -------------------------------------------------------------------------------------------

def fax(img: Image.Image, rng: random.Random, src_dpi: int) -> Image.Image:
    """A standard-resolution fax: 100 DPI across, 200 DPI down, 1-bit, with dropouts and
    streaks.  Returns a mode '1' image whose pixels are not square."""
    g = img.convert("L")
    w, h = g.size
    g = g.resize((int(w * 100 / src_dpi), int(h * 200 / src_dpi)), Image.BILINEAR)
    a = np.asarray(g, dtype=np.float32)
    nrng = np.random.default_rng(rng.randint(0, 2**31))
    a = a + nrng.normal(0, 18, a.shape)
    b = a > 150
    # a few scan lines dropped out (white) and a vertical streak (black)
    for _ in range(6):
        y = rng.randrange(b.shape[0])
        b[y] = True
    x = rng.randrange(int(b.shape[1] * 0.1), int(b.shape[1] * 0.9))
    b[:, x] = b[:, x] & (nrng.random(b.shape[0]) > 0.6)
    # header line of the sending machine
    out = Image.fromarray((b * 255).astype(np.uint8), "L")
    d = ImageDraw.Draw(out)
    f = ImageFont.truetype(str(FONT_DIR / "DejaVuSansMono.ttf"), 9)
    d.text((10, 3), "FROM : VISA CENTRE TASHKENT   FAX NO. : +998 71 2000000   P. 1/1", fill=0, font=f)
    return out.convert("1", dither=Image.NONE)


# --- saving -----------------------------------------------------------------------------------------

def save_pdf(pages: list[Image.Image], path: Path, dpi: int, quality: int = 70) -> None:
    """An image-only PDF (JPEG pages) at the given resolution."""
    rgb = [p.convert("RGB") for p in pages]
    import time
    fixed = time.gmtime(1794225600)  # 2026-11-09 12:00 UTC: fixed metadata dates, a rerun writes the same bytes
    rgb[0].save(path, "PDF", resolution=float(dpi), save_all=True, append_images=rgb[1:],
                quality=quality, creationDate=fixed, modDate=fixed)


def save_heic(img: Image.Image, path: Path, quality: int = 60) -> None:
    import pillow_heif
    pillow_heif.register_heif_opener()
    img.convert("RGB").save(path, format="HEIF", quality=quality)
