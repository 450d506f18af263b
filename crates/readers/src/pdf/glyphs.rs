//! What the PDF reader needs of a PDF library: each page's glyphs with their boxes, the ruling
//! lines drawn on it, and whether it carries images. Behind a trait so the library can be swapped.

/// One glyph on a page, in points from the page's top-left corner (y grows downwards).
/// Positions, not money: floats are right here.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Glyph {
    pub ch: char,
    pub x0: f32,
    pub x1: f32,
    pub top: f32,
    pub bottom: f32,
    /// Font size in points.
    pub size: f32,
}

impl Glyph {
    pub fn middle(&self) -> f32 {
        (self.top + self.bottom) / 2.0
    }
}

/// A straight ruling line (a table border), horizontal or vertical, top-left origin.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rule {
    pub x0: f32,
    pub y0: f32,
    pub x1: f32,
    pub y1: f32,
}

impl Rule {
    pub fn is_vertical(&self) -> bool {
        (self.x1 - self.x0) <= 2.0 && (self.y1 - self.y0) > 4.0
    }

    pub fn is_horizontal(&self) -> bool {
        (self.y1 - self.y0) <= 2.0 && (self.x1 - self.x0) > 4.0
    }
}

/// A page as the reader sees it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PageContent {
    pub width: f32,
    pub height: f32,
    pub glyphs: Vec<Glyph>,
    pub rules: Vec<Rule>,
    /// Images on a page without text (counted only there: they tell a scan).
    pub images: usize,
}

/// A PDF opened by some library.
pub trait GlyphSource {
    fn page_count(&self) -> usize;
    /// The page `index` (0-based); an error names what the library could not read.
    fn page(&self, index: usize) -> Result<PageContent, String>;
}
