//! [`GlyphSource`] over `pdf_oxide` (pure Rust; decodes CJK fonts with ToUnicode maps, predefined
//! CMaps such as UniGB-UCS2-H and GBK-EUC-H, and Adobe-GB1 CIDs without ToUnicode).

use super::glyphs::{Glyph, GlyphSource, PageContent, Rule};
use pdf_oxide::PdfDocument;

pub struct OxideSource {
    doc: PdfDocument,
    pages: usize,
}

impl OxideSource {
    pub fn open(bytes: Vec<u8>) -> Result<OxideSource, String> {
        let doc = PdfDocument::from_bytes(bytes).map_err(|e| e.to_string())?;
        let pages = doc.page_count().map_err(|e| e.to_string())?;
        Ok(OxideSource { doc, pages })
    }
}

impl GlyphSource for OxideSource {
    fn page_count(&self) -> usize {
        self.pages
    }

    fn page(&self, index: usize) -> Result<PageContent, String> {
        let (x0, y0, x1, y1) = self.doc.get_page_media_box(index).map_err(|e| e.to_string())?;
        let (left, top) = (x0.min(x1), y0.max(y1));
        let chars = self.doc.extract_chars(index).map_err(|e| e.to_string())?;
        let mut page = PageContent { width: (x1 - x0).abs(), height: (y1 - y0).abs(), ..Default::default() };
        page.glyphs = chars
            .iter()
            .filter(|c| !c.char.is_control() && c.bbox.width.is_finite() && c.bbox.y.is_finite())
            // Rotated text (stamps, watermarks, vertical headers) is not part of a line.
            .filter(|c| {
                let r = c.rotation_degrees.rem_euclid(360.0);
                !(1.0..=359.0).contains(&r)
            })
            .map(|c| {
                let size = if c.font_size > 0.0 { c.font_size } else { c.bbox.height.max(1.0) };
                let h = if c.bbox.height > 0.0 { c.bbox.height } else { size };
                Glyph {
                    ch: c.char,
                    x0: c.bbox.x - left,
                    x1: c.bbox.x + c.bbox.width - left,
                    top: top - (c.bbox.y + h),
                    bottom: top - c.bbox.y,
                    size,
                }
            })
            .collect();
        let flip =
            |x: f32, y: f32, w: f32, h: f32| Rule { x0: x - left, x1: x + w - left, y0: top - (y + h), y1: top - y };
        // A box drawn right-to-left or top-down has a negative extent: normalise to its low corner.
        let low = |b: &pdf_oxide::geometry::Rect| {
            (b.x.min(b.x + b.width), b.y.min(b.y + b.height), b.width.abs(), b.height.abs())
        };
        for p in self.doc.extract_lines(index).unwrap_or_default() {
            let (x, y, w, h) = low(&p.bbox);
            page.rules.push(flip(x, y, w, h));
        }
        for p in self.doc.extract_rects(index).unwrap_or_default() {
            let (x, y, w, h) = low(&p.bbox);
            let b = pdf_oxide::geometry::Rect { x, y, width: w, height: h };
            if w <= 2.0 || h <= 2.0 {
                page.rules.push(flip(b.x, b.y, w, h));
            } else {
                // A cell's box or shading: its four edges are borders.
                page.rules.push(flip(b.x, b.y, w, 0.0));
                page.rules.push(flip(b.x, b.y + h, w, 0.0));
                page.rules.push(flip(b.x, b.y, 0.0, h));
                page.rules.push(flip(b.x + w, b.y, 0.0, h));
            }
        }
        if page.glyphs.is_empty() {
            page.images = self.doc.extract_images(index).map(|v| v.len()).unwrap_or(0);
        }
        Ok(page)
    }
}
