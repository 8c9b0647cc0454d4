"""Uploaded photos to a web-sized rendition, made once when an item is saved.

(What editors write becomes HTML in portal/markdown.py, shared with the site's pages.)
"""

import io

from PIL import Image, ImageOps

RENDITION_MAX_WIDTH = 1200
RENDITION_QUALITY = 82


def make_rendition(source, max_width=RENDITION_MAX_WIDTH):
    """A JPEG at most ``max_width`` pixels wide, upright, without metadata.

    Returns ``(bytes, width, height)``. The EXIF data of a phone photo (place, device)
    is dropped on the way, which the public page does not need to carry.
    """
    source.seek(0)
    with Image.open(source) as original:
        image = ImageOps.exif_transpose(original)
        if image.mode not in ("RGB", "L"):
            # Transparent PNGs get a white background rather than a black one.
            background = Image.new("RGB", image.size, "white")
            rgba = image.convert("RGBA")
            background.paste(rgba, mask=rgba.getchannel("A"))
            image = background
        if image.width > max_width:
            height = round(image.height * max_width / image.width)
            image = image.resize((max_width, height), Image.Resampling.LANCZOS)
        output = io.BytesIO()
        image.convert("RGB").save(output, "JPEG", quality=RENDITION_QUALITY, optimize=True)
    source.seek(0)
    return output.getvalue(), image.width, image.height
