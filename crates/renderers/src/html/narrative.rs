//! Part 3 情况说明, written from its outline ([`narrative_blocks`]): the numbered sections with
//! their headings, each followed by paragraphs rebuilt from its facts; project descriptions and
//! state assets follow the section about them, or close the part when no section is.

use super::projects;
use super::text::esc;
use crate::sheet::prose::{narrative_blocks, Block};
use yusuan_model::narrative::Narrative;

pub(super) fn render(out: &mut String, n: &Narrative) {
    for block in narrative_blocks(n) {
        match block {
            Block::Heading { level: 1, text } => out.push_str(&format!("<h3>{}</h3>\n", esc(&text))),
            Block::Heading { text, .. } => out.push_str(&format!("<h4>{}</h4>\n", esc(&text))),
            Block::Paragraph(text) => out.push_str(&format!("<p>{}</p>\n", esc(&text))),
            Block::Project { heading, project } => {
                if let Some(h) = heading {
                    out.push_str(&format!("<h4>{}</h4>\n", esc(&h)));
                }
                projects::render_project(out, project);
            }
            Block::Assets(a) => projects::render_assets(out, a),
        }
    }
}
