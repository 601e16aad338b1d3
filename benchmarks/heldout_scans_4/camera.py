"""How the documents of held-out set 4 reach the office on paper: rasterising a text PDF, then
phone photos at 150-200 DPI with 2-4 degree tilt and uneven shadow, out-of-focus photos, a
halftone copy re-scanned (moire), a fax at 200 x 100 DPI, a low-contrast scan with a crease,
ink stamps and signatures over text; and the files clients send (image-only PDF, PDF of JPEG
photos, JPEG, PNG, multi-page TIFF, HEIC). Own code for this set; every random choice comes
from a seeded ``numpy.random.RandomState``.
"""

from __future__ import annotations

import io
import math
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageDraw, ImageFilter, ImageFont
from reportlab.lib.utils import ImageReader

from paper import A4, LETTER, new_canvas

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
FONT_C = "/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed-Bold.ttf"


# --- rasterising --------------------------------------------------------------------------------

def raster(pdf: Path, dpi: float, grey: bool = False) -> list[Image.Image]:
    doc = pdfium.PdfDocument(str(pdf))
    out = []
    try:
        for i in range(len(doc)):
            bmp = doc[i].render(scale=dpi / 72.0, grayscale=grey)
            im = bmp.to_pil()
            out.append(im.convert("L" if grey else "RGB"))
    finally:
        doc.close()
    return out


def arr(im: Image.Image) -> np.ndarray:
    return np.asarray(im).astype(np.float32)


def img(a: np.ndarray, mode: str | None = None) -> Image.Image:
    a = np.clip(a, 0, 255).astype(np.uint8)
    return Image.fromarray(a, mode) if mode else Image.fromarray(a)


# --- marks on the paper (before it is scanned or photographed) -----------------------------------

def ink_stamp(page: Image.Image, rng: np.random.RandomState, lines: list[str], centre: tuple[float, float],
              radius_px: int, colour=(48, 62, 160), angle: float = -14.0, round_: bool = True,
              opacity: float = 0.78) -> Image.Image:
    """A rubber stamp over whatever is printed there: round (two rings and text) or a box."""
    size = radius_px * 2 + 8
    layer = Image.new("L", (size, size), 0)
    d = ImageDraw.Draw(layer)
    w = max(2, radius_px // 28)
    if round_:
        d.ellipse([4, 4, size - 4, size - 4], outline=255, width=w)
        d.ellipse([4 + radius_px // 7, 4 + radius_px // 7, size - 4 - radius_px // 7,
                   size - 4 - radius_px // 7], outline=255, width=max(1, w - 1))
    else:
        d.rectangle([4, size // 4, size - 4, size - size // 4], outline=255, width=w)
    fs = max(10, int(radius_px / (2.6 if round_ else 2.2)))
    font = ImageFont.truetype(FONT_C, fs)
    widest = max(d.textlength(s, font=font) for s in lines)
    room = size * (0.62 if round_ else 0.85)
    if widest > room:
        fs = max(9, int(fs * room / widest))
        font = ImageFont.truetype(FONT_C, fs)
    total_h = len(lines) * fs * 1.15
    for k, s in enumerate(lines):
        tw = d.textlength(s, font=font)
        d.text(((size - tw) / 2, size / 2 - total_h / 2 + k * fs * 1.15), s, fill=255, font=font)
    layer = layer.rotate(angle, resample=Image.BICUBIC)
    # uneven inking: the stamp is pressed harder on one side, with gaps
    m = arr(layer) / 255.0
    yy, xx = np.mgrid[0:size, 0:size] / size
    press = 0.55 + 0.45 * (1 - xx * 0.6 - yy * 0.3) + rng.normal(0, 0.12, m.shape)
    m = np.clip(m * np.clip(press, 0, 1) * opacity, 0, 1)
    return _blend_colour(page, m, colour, (int(centre[0] - size / 2), int(centre[1] - size / 2)))


def signature(page: Image.Image, rng: np.random.RandomState, box: tuple[int, int, int, int],
              colour=(20, 30, 110), width: int = 3) -> Image.Image:
    """A handwritten signature: a few looping strokes across ``box`` (x0, y0, x1, y1)."""
    x0, y0, x1, y1 = box
    layer = Image.new("L", (x1 - x0, y1 - y0), 0)
    d = ImageDraw.Draw(layer)
    h = y1 - y0
    W = x1 - x0
    pts = []
    n = 400
    phase = rng.uniform(0, 2 * math.pi)
    for i in range(n):
        t = i / (n - 1)
        # a prolate cycloid: loops where the pen goes back over itself
        x = 5 + t * (W - 10) + 0.05 * W * math.sin(2 * math.pi * 6 * t + phase)
        y = h / 2 + h * 0.36 * math.cos(2 * math.pi * 6 * t + phase) * (0.7 + 0.3 * math.sin(9 * t)) \
            + rng.normal(0, 0.8)
        pts.append((x, y))
    d.line(pts, fill=255, width=width, joint="curve")
    d.line([W * 0.05, h * 0.86, W * 0.95, h * 0.70], fill=255, width=max(1, width - 1))
    m = arr(layer.filter(ImageFilter.GaussianBlur(0.7))) / 255.0 * 0.92
    return _blend_colour(page, m, colour, (x0, y0))


def _blend_colour(page: Image.Image, mask: np.ndarray, colour, at: tuple[int, int]) -> Image.Image:
    rgb = page.convert("RGB")
    a = arr(rgb)
    x, y = at
    h, w = mask.shape
    ys, xs = max(0, y), max(0, x)
    ye, xe = min(a.shape[0], y + h), min(a.shape[1], x + w)
    if ye <= ys or xe <= xs:
        return rgb
    m = mask[ys - y:ye - y, xs - x:xe - x][..., None]
    region = a[ys:ye, xs:xe]
    ink = np.array(colour, np.float32)[None, None, :]
    # ink multiplies with what is under it (a stamp does not hide print, it darkens it)
    a[ys:ye, xs:xe] = region * (1 - m) + np.minimum(region, ink) * m
    return img(a, "RGB")


# --- what the scanner or the phone makes of it ------------------------------------------------------

def rotate(im: Image.Image, deg: float, fill) -> Image.Image:
    return im.rotate(deg, resample=Image.BICUBIC, expand=False, fillcolor=fill)


def flatbed(page: Image.Image, rng: np.random.RandomState, tilt: float, noise: float = 5.0,
            blur: float = 0.5, grey: bool = True) -> Image.Image:
    im = page.convert("L" if grey else "RGB")
    im = rotate(im, tilt, 250 if grey else (250, 250, 248))
    if blur:
        im = im.filter(ImageFilter.GaussianBlur(blur))
    a = arr(im)
    a = a + rng.normal(0, noise, a.shape)
    return img(a)


def low_contrast_crease(page: Image.Image, rng: np.random.RandomState, tilt: float) -> Image.Image:
    """A faint print (toner low: ink at ~120 on paper at ~205), folded in three and flattened on
    the scanner: two creases across the sheet, each a thin dark line with a light ridge."""
    im = page.convert("L")
    a = arr(im) / 255.0
    a = 120 + a * (205 - 120)
    h, w = a.shape
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    for frac, slope in ((0.34, 0.012), (0.67, -0.008)):
        y0 = h * frac + rng.uniform(-8, 8)
        dist = yy - (y0 + slope * (xx - w / 2))
        a -= 38 * np.exp(-(dist / 1.6) ** 2)          # the fold's dark line
        a += 16 * np.exp(-((dist - 5) / 4.0) ** 2)     # its lit ridge
        a -= 12 * np.exp(-((dist + 9) / 7.0) ** 2)     # its soft shadow
    # the paper's grain and uneven lamp
    a *= 0.96 + 0.05 * (xx / w)
    a += rng.normal(0, 4.0, a.shape)
    out = img(a, "L")
    out = rotate(out, tilt, 200)
    return out.filter(ImageFilter.GaussianBlur(0.6))


def halftone_copy(page: Image.Image, rng: np.random.RandomState, cell_px: float = 5.2,
                  angle: float = 45.0, rescale: float = 0.93, tilt: float = 0.4) -> Image.Image:
    """A print that went through a copier with a halftone screen (every grey, the letters' anti-
    aliased edges included, becomes a dot pattern) and was scanned again at a slightly other
    scale and angle: the dot grid and the scanner's grid beat into moire."""
    im = page.convert("L")
    a = arr(im) / 255.0
    h, w = a.shape
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    th = math.radians(angle)
    u = (xx * math.cos(th) + yy * math.sin(th)) * 2 * math.pi / cell_px
    v = (-xx * math.sin(th) + yy * math.cos(th)) * 2 * math.pi / cell_px
    screen = 0.5 + 0.25 * (np.cos(u) + np.cos(v))
    # a light grey tone over the whole sheet (the copier's background setting), screened too
    tone = np.minimum(a, 0.86)
    dots = (tone > screen * 0.98).astype(np.float32)
    out = img(dots * 245 + 8, "L").filter(ImageFilter.GaussianBlur(1.1))
    out = out.resize((int(w * rescale), int(h * rescale)), Image.BILINEAR)
    out = rotate(out, tilt, 245)
    a2 = arr(out) + rng.normal(0, 3.0, (out.size[1], out.size[0]))
    return img(a2, "L")


def fax(page: Image.Image, rng: np.random.RandomState, header: str, tilt: float = 0.6) -> Image.Image:
    """A page sent by fax in standard mode: 200 DPI across, 100 DPI down, one bit a pixel, with
    the sending machine's header line, a little skew from the feeder and dropped scan lines.
    ``page`` must be rendered at 200 DPI."""
    im = page.convert("L")
    im = rotate(im, tilt, 255)
    w, h = im.size
    im = im.resize((w, h // 2), Image.BOX)
    a = arr(im)
    a = a + rng.normal(0, 18, a.shape)
    bw = (a > 150).astype(np.uint8) * 255
    # dropped lines and a vertical streak from dust on the sender's glass
    for y in rng.choice(bw.shape[0], size=6, replace=False):
        bw[y, :] = 255
    xs = int(rng.uniform(0.2, 0.8) * w)
    bw[:, xs:xs + 1] = np.where(rng.uniform(0, 1, (bw.shape[0], 1)) < 0.5, 0, bw[:, xs:xs + 1])
    out = Image.fromarray(bw, "L")
    d = ImageDraw.Draw(out)
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf", 22)
    head = Image.new("L", (w, 30), 255)
    ImageDraw.Draw(head).text((30, 2), header, fill=0, font=font)
    head = head.resize((w, 15), Image.BOX)
    out.paste(head, (0, 4))
    del d
    return out.point(lambda p: 255 if p > 128 else 0).convert("1")


TABLES = {
    "oak": ((122, 86, 54), (92, 62, 38)),
    "desk_grey": ((96, 98, 102), (72, 74, 80)),
    "cloth_blue": ((52, 70, 104), (38, 50, 80)),
    "walnut": ((84, 58, 40), (60, 40, 28)),
}


def _table(rng: np.random.RandomState, w: int, h: int, kind: str) -> np.ndarray:
    c1, c2 = (np.array(c, np.float32) for c in TABLES[kind])
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    grain = 0.5 + 0.5 * np.sin(yy / 9.0 + 3 * np.sin(xx / 140.0) + rng.uniform(0, 6))
    t = grain[..., None]
    base = c1 * t + c2 * (1 - t)
    return base + rng.normal(0, 6, (h, w, 1))


def phone_photo(page: Image.Image, rng: np.random.RandomState, *, sheet_dpi: float, src_dpi: float,
                tilt: float, table: str = "oak", shadow: float = 0.5, defocus: float = 0.0,
                keystone: float = 0.02, warm: float = 0.06, noise: float = 5.0) -> Image.Image:
    """The sheet photographed by a phone held over a table: the sheet at ``sheet_dpi`` on the
    photo, turned ``tilt`` degrees, a keystone (the phone not square to the sheet), an uneven
    shadow (the hand and phone between lamp and paper: a soft dark region over part of the
    sheet), a warm cast, ``defocus`` (Gaussian blur, pixels) and sensor noise."""
    sheet = page.convert("RGB")
    k = sheet_dpi / src_dpi
    sw, sh = int(sheet.size[0] * k), int(sheet.size[1] * k)
    sheet = sheet.resize((sw, sh), Image.LANCZOS)
    margin_x, margin_y = int(sw * 0.10), int(sh * 0.08)
    W, H = sw + 2 * margin_x, sh + 2 * margin_y
    bg = _table(rng, W, H, table)
    canvas = img(bg, "RGB")
    mask = Image.new("L", (sw, sh), 255)
    # keystone: the top edge narrower than the bottom
    dx = keystone * sw
    quad = (-dx, 0, dx * 0.3, sh, sw - dx * 0.3, sh, sw + dx, 0)
    sheet = sheet.transform((sw, sh), Image.QUAD, quad, Image.BICUBIC, fillcolor=(0, 0, 0))
    mask = mask.transform((sw, sh), Image.QUAD, quad, Image.BICUBIC, fillcolor=0)
    canvas.paste(sheet, (margin_x, margin_y), mask)
    canvas = canvas.rotate(tilt, resample=Image.BICUBIC, expand=False,
                           fillcolor=tuple(int(v) for v in TABLES[table][1]))
    a = arr(canvas)
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
    # uneven light: brighter top-left, and a soft shadow whose edge crosses the sheet
    light = 1.02 - 0.16 * (xx / W) - 0.10 * (yy / H)
    cx, cy = rng.uniform(0.40, 0.62) * W, rng.uniform(0.40, 0.62) * H
    edge = ((xx - cx) * 0.8 + (yy - cy) * 0.6) / (0.07 * W)
    shade = 1 - shadow * (1 / (1 + np.exp(-edge)))
    light = light * shade
    a = a * light[..., None]
    a[..., 0] *= 1 + warm
    a[..., 2] *= 1 - warm
    out = img(a, "RGB")
    if defocus:
        out = out.filter(ImageFilter.GaussianBlur(defocus))
    a = arr(out) + rng.normal(0, noise, (H, W, 1)) + rng.normal(0, noise * 0.5, (H, W, 3))
    return img(a, "RGB")


def glare_scan(page: Image.Image, rng: np.random.RandomState, tilt: float) -> Image.Image:
    """A laminated passport page on a flatbed: the laminate throws a bright band of glare
    across the page, the colours slightly washed out."""
    im = page.convert("RGB")
    im = rotate(im, tilt, (246, 246, 244))
    a = arr(im)
    h, w = a.shape[:2]
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    band = np.exp(-(((xx - 0.45 * w) * 0.9 + (yy - 0.18 * h) * 0.45) / (0.05 * w)) ** 2)
    a = a + (255 - a) * 0.55 * band[..., None]
    a = a * 0.94 + 10 + rng.normal(0, 3.5, (h, w, 1))
    return img(a, "RGB").filter(ImageFilter.GaussianBlur(0.6))


# --- the files ---------------------------------------------------------------------------------------

def jpeg_bytes(im: Image.Image, quality: int) -> bytes:
    buf = io.BytesIO()
    im.save(buf, "JPEG", quality=quality, optimize=False, progressive=False, subsampling=2)
    return buf.getvalue()


def png_bytes(im: Image.Image) -> bytes:
    buf = io.BytesIO()
    im.save(buf, "PNG", optimize=False, compress_level=6)
    return buf.getvalue()


def save_jpeg(im: Image.Image, path: Path, quality: int = 82, dpi: float | None = None) -> None:
    kw = {"dpi": (int(dpi), int(dpi))} if dpi else {}
    im.save(path, "JPEG", quality=quality, optimize=False, progressive=False, subsampling=2, **kw)


def save_png(im: Image.Image, path: Path, dpi: float | None = None) -> None:
    kw = {"dpi": (int(dpi), int(dpi))} if dpi else {}
    im.save(path, "PNG", optimize=False, compress_level=6, **kw)


def save_heic(im: Image.Image, path: Path, quality: int = 80) -> None:
    import pillow_heif
    pillow_heif.register_heif_opener()
    heif = pillow_heif.from_pillow(im.convert("RGB"))
    heif.save(str(path), quality=quality)


def save_fax_tiff(pages: list[Image.Image], path: Path) -> None:
    first, rest = pages[0], pages[1:]
    first.save(path, "TIFF", save_all=True, append_images=rest, compression="group4",
               dpi=(200, 100))


def save_image_pdf(pages: list[Image.Image], path: Path, *, jpeg_quality: int | None = None,
                   page_size=A4, fit: str = "page") -> None:
    """An image-only PDF, one image a page, drawn over the whole page (a scanner's PDF) or, for
    photos, at the photo's proportions on a page of that shape (a phone app's PDF)."""
    c = new_canvas(path, page_size)
    for im in pages:
        if jpeg_quality is not None:
            data = jpeg_bytes(im.convert("RGB") if im.mode not in ("L", "RGB") else im, jpeg_quality)
        else:
            data = png_bytes(im.convert("L") if im.mode == "1" else im)
        reader = ImageReader(io.BytesIO(data))
        if fit == "photo":
            pw = page_size[0]
            ph = pw * im.size[1] / im.size[0]
            c.setPageSize((pw, ph))
            c.drawImage(reader, 0, 0, pw, ph)
        else:
            c.setPageSize(page_size)
            c.drawImage(reader, 0, 0, page_size[0], page_size[1])
        c.showPage()
    c.save()


__all__ = ["A4", "LETTER"]
