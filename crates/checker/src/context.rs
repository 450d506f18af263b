//! What a rule sees: the document, the configuration, the catalog, and figures as intervals.

use crate::finding::Message;
use rust_decimal::Decimal;
use yusuan_model::catalog::Catalog;
use yusuan_model::cell_ref::{CellAt, RowKey};
use yusuan_model::identities::CellRef;
use yusuan_model::money::{Interval, Money};
use yusuan_model::registry::schema;
use yusuan_model::span::Span;
use yusuan_model::table::{Row, Table};
use yusuan_model::Disclosure;

/// Settings a reviewer may change.
#[derive(Clone, Debug)]
pub struct Config {
    /// The weight indicators carry together in a performance-target table (the seed's scheme:
    /// indicators 90, 预算执行率 the other 10).
    pub indicator_weight: Decimal,
    /// The weight of the whole scoring scheme (indicators and 预算执行率 together): a table whose
    /// indicator weights add up to this includes the execution-rate row itself.
    pub scheme_weight: Decimal,
    /// A change at least this large (percent) needs a stated reason.
    pub notable_change_percent: Decimal,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            indicator_weight: Decimal::from(90),
            scheme_weight: Decimal::ONE_HUNDRED,
            notable_change_percent: Decimal::from(10),
        }
    }
}

/// A figure as a rule uses it: the interval of true amounts, what was printed (none for an empty
/// cell, which is an exact zero), where, and what it is.
#[derive(Clone, Debug)]
pub struct Fig {
    pub interval: Interval,
    pub printed: Option<Money>,
    pub span: Option<Span>,
    /// Where to point when the figure has no span of its own (the row of an empty cell).
    pub anchor: Span,
    pub label: Message,
}

impl Fig {
    pub fn printed(m: &Money, span: Span, label: Message) -> Fig {
        Fig { interval: m.bounds(), printed: Some(*m), span: Some(span), anchor: span, label }
    }

    pub fn zero(anchor: Span, label: Message) -> Fig {
        Fig { interval: Interval::ZERO, printed: None, span: None, anchor, label }
    }
}

/// The document under check and what rules need around it.
pub struct Context<'a> {
    pub doc: &'a Disclosure,
    pub config: &'a Config,
    pub catalog: &'a Catalog,
    /// The narrative's paragraphs, joined once for every rule that reads the wording.
    paragraphs: std::sync::OnceLock<Vec<crate::prose::Para>>,
}

impl<'a> Context<'a> {
    pub fn new(doc: &'a Disclosure, config: &'a Config, catalog: &'a Catalog) -> Self {
        Context { doc, config, catalog, paragraphs: std::sync::OnceLock::new() }
    }

    /// The document's prose, joined into paragraphs (see [`crate::prose::paragraphs`]).
    pub fn paragraphs(&self) -> &[crate::prose::Para] {
        self.paragraphs.get_or_init(|| crate::prose::paragraphs(self.doc))
    }

    /// The label of a cell: the row's code and name, and the column's header.
    pub fn cell_label(table: &Table, row: &Row, col: usize) -> Message {
        let column = schema(&table.kind)
            .and_then(|s| s.panels.get(row.panel as usize))
            .and_then(|p| p.columns.get(col))
            .map(|c| (c.header.join("/"), c.key))
            .unwrap_or_default();
        let name = match (&row.code, &row.project) {
            (Some(code), Some(p)) => format!("{} {}（{}）", code.spaced(), row.name.value, p.value),
            (Some(code), None) => format!("{} {}", code.spaced(), row.name.value),
            (None, _) => row.name.value.clone(),
        };
        let title = table.number.map(|n| format!("表{n}")).unwrap_or_else(|| table.title.value.clone());
        Message::new(format!("{title}“{name}”{}", column.0), format!("{title} '{name}' {}", column.1))
    }

    /// Whether a row's columns are known: resolved, or with a value in every column (then the
    /// placement is forced even when the row does not add up).
    pub fn settled(table: &Table, row: &Row) -> bool {
        match row.assignment {
            yusuan_model::table::Assignment::Resolved { .. } => true,
            yusuan_model::table::Assignment::Inconsistent { .. } => {
                let columns =
                    schema(&table.kind).and_then(|s| s.panels.get(row.panel as usize)).map(|p| p.columns.len());
                columns == Some(row.values.len())
            }
            yusuan_model::table::Assignment::Ambiguous { .. } => false,
        }
    }

    /// A cell as a figure, when its row's columns are settled.
    /// An ambiguous row still settles a column when every candidate placement puts the same
    /// value there (or leaves it empty): a row total is known even when its parts are not.
    pub fn cell(&self, table: &Table, row: &Row, col: usize) -> Option<Fig> {
        let label = Self::cell_label(table, row, col);
        let value = if Self::settled(table, row) {
            row.cell(col)
        } else if let yusuan_model::table::Assignment::Ambiguous { candidates } = &row.assignment {
            let at = |cand: &Vec<u16>| cand.iter().position(|&c| c as usize == col).and_then(|i| row.values.get(i));
            let first = at(candidates.first()?);
            if !candidates.iter().all(|c| at(c) == first) {
                return None;
            }
            first
        } else {
            return None;
        };
        Some(match value {
            Some(c) => Fig::printed(&c.value, c.span, label),
            None => Fig::zero(row.span, label),
        })
    }

    /// A cell named by kind, panel, row and column (resolved as [`CellRef::locate`] does):
    /// `None` when the table is absent, the row unsettled, or what was read does not say.
    pub fn cell_ref(&self, c: &CellRef) -> Option<Fig> {
        let table = self.doc.table(c.table)?;
        let s = schema(c.table)?;
        let keys = table.rows.iter().map(|r| RowKey {
            panel: r.panel,
            code: r.code.as_ref().map(|x| x.as_str()),
            fixed: r.fixed.as_deref(),
        });
        let all_read = || {
            !self.doc.notes.iter().any(|n| {
                n.kind == yusuan_model::note::NoteKind::UnreadLine
                    && n.span.is_some_and(|s| s.line >= table.span.line && s.line <= table.span.end_line)
            })
        };
        let label =
            || Message::new(format!("{}（{}）", table.title.value, c.column), format!("{} ({})", c.table, c.column));
        match c.locate(s, keys, table.is_empty_table(), all_read) {
            CellAt::Cell { row, col } => self.cell(table, table.rows.get(row)?, col),
            CellAt::Zero => {
                let anchor = table.empty_statement.as_ref().map(|s| s.span).unwrap_or(table.title.span);
                Some(Fig::zero(anchor, label()))
            }
            CellAt::Unknown => None,
        }
    }
}
