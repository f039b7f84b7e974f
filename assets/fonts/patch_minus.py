"""Adds U+2212 MINUS SIGN to Fyne's Noto Sans faces.

Fyne's bundled Noto Sans has no minus sign, and a window without a system
font that has one (Wine; a stripped-down Windows) shows a replacement
character where the report's numbers print "−4,0". The glyph added here is
the horizontal bar of the face's own plus sign, with the plus sign's
advance width, so digits and signs line up as in the PDF.

Usage: python3 patch_minus.py SRC.ttf DST.ttf
"""
import sys
from fontTools.ttLib import TTFont
from fontTools.pens.ttGlyphPen import TTGlyphPen

src, dst = sys.argv[1], sys.argv[2]
f = TTFont(src)
glyf, hmtx = f["glyf"], f["hmtx"]
plus = glyf["plus"]
coords = plus.getCoordinates(glyf)[0]
xs = sorted({x for x, _ in coords})
ys = sorted({y for _, y in coords})
# The plus sign's outline has four distinct heights: bottom and top of
# the vertical stroke, bottom and top of the horizontal bar.
bar_lo, bar_hi = ys[1], ys[2]
pen = TTGlyphPen(None)
pen.moveTo((xs[0], bar_lo))
pen.lineTo((xs[0], bar_hi))
pen.lineTo((xs[-1], bar_hi))
pen.lineTo((xs[-1], bar_lo))
pen.closePath()
glyf.glyphs["minus"] = pen.glyph()
order = f.getGlyphOrder() + ["minus"]
f.setGlyphOrder(order)
hmtx.metrics["minus"] = hmtx.metrics["plus"]
for table in f["cmap"].tables:
    if table.isUnicode():
        table.cmap[0x2212] = "minus"
if "post" in f and hasattr(f["post"], "extraNames"):
    pass
f["maxp"].numGlyphs = len(order)
for rec in f["name"].names:
    if rec.nameID in (1, 3, 4, 6, 16):
        s = rec.toUnicode()
        rec.string = s.replace("Noto Sans", "Noto Sans IM").replace("NotoSans", "NotoSansIM")
f.save(dst)
