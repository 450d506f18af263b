//! `disclosure.pdf`: the whole disclosure as an A4 PDF with its CJK fonts embedded, typeset by
//! Typst used as a library. The model is turned into Typst markup ([`markup`]), compiled in a
//! one-file world (no file access, no packages, no network) with fonts loaded from the system's
//! font directories ([`Fonts::system`]: Debian's `fonts-noto-cjk`), and exported as PDF.

mod fonts;
pub mod markup;
mod world;

pub use fonts::Fonts;
use typst::foundations::Smart;
use typst_layout::PagedDocument;
use yusuan_model::Disclosure;

/// The disclosure as PDF bytes. Errors (a markup error would be a bug here, reported with the
/// offending markup line) come back as text, never as a panic.
pub fn render_pdf(d: &Disclosure, fonts: &Fonts) -> Result<Vec<u8>, String> {
    let world = world::DisclosureWorld::new(markup::markup(d), fonts)?;
    let document = compile(&world)?;
    let title = yusuan_renderers::sheet::titles(d).title;
    let options = typst_pdf::PdfOptions { ident: Smart::Custom(title), ..typst_pdf::PdfOptions::default() };
    typst_pdf::pdf(&document, &options).map_err(|errors| diagnostics(&world, &errors))
}

/// How many pages the PDF `render_pdf` writes has.
pub fn page_count(d: &Disclosure, fonts: &Fonts) -> Result<usize, String> {
    let world = world::DisclosureWorld::new(markup::markup(d), fonts)?;
    Ok(compile(&world)?.pages().len())
}

fn compile(world: &world::DisclosureWorld<'_>) -> Result<PagedDocument, String> {
    typst::compile::<PagedDocument>(world).output.map_err(|errors| diagnostics(world, &errors))
}

fn diagnostics(world: &world::DisclosureWorld<'_>, errors: &[typst::diag::SourceDiagnostic]) -> String {
    use typst::WorldExt;
    let text = world.source_text();
    let messages: Vec<String> = errors
        .iter()
        .map(|e| {
            let at = world
                .range(e.span)
                .map(|r| {
                    let line = text[..r.start.min(text.len())].matches('\n').count() + 1;
                    let snippet: String = text.get(r.clone()).unwrap_or("").chars().take(80).collect();
                    format!(" (markup line {line}: {snippet})")
                })
                .unwrap_or_default();
            format!("typst: {}{at}", e.message)
        })
        .collect();
    messages.join("\n")
}
