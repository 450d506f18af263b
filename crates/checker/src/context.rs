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
    /// The tables read under columns their rows do not fit, by index (see [`crate::misread`]).
    misreadings: std::sync::OnceLock<Vec<Option<crate::misread::Misreading>>>,
}

impl<'a> Context<'a> {
    pub fn new(doc: &'a Disclosure, config: &'a Config, catalog: &'a Catalog) -> Self {
        Context {
            doc,
            config,
            catalog,
            paragraphs: std::sync::OnceLock::new(),
            misreadings: std::sync::OnceLock::new(),
        }
    }

    /// The document's prose, joined into paragraphs (see [`crate::prose::paragraphs`]).
    pub fn paragraphs(&self) -> &[crate::prose::Para] {
        self.paragraphs.get_or_init(|| crate::prose::paragraphs(self.doc))
    }

    /// Whether most rows of this table do not fit the columns it was read under: then no figure
    /// of it is certain, and no rule reads its cells ([`crate::misread`]).
    pub fn misreading(&self, table: &Table) -> Option<crate::misread::Misreading> {
        let all = self.misreadings.get_or_init(|| crate::misread::misreadings(self));
        let i = self.doc.tables.iter().position(|t| std::ptr::eq(t, table))?;
        all.get(i).copied().flatten()
    }

    /// The table of a kind, or of the variant that stands for it in this document's form
    /// (Shanghai's 政府性基金 table for the national one): its columns keep the kind's keys.
    pub fn table(&self, kind: &str) -> Option<&'a Table> {
        self.doc.table(kind).or_else(|| yusuan_model::registry::variants_of(kind).find_map(|v| self.doc.table(v)))
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
    /// `None` for every cell of a misread table.
    pub fn cell(&self, table: &Table, row: &Row, col: usize) -> Option<Fig> {
        if self.misreading(table).is_some() {
            return None;
        }
        self.raw_cell(table, row, col)
    }

    /// A cell as [`Self::cell`] gives it, whether or not its table was misread.
    pub(crate) fn raw_cell(&self, table: &Table, row: &Row, col: usize) -> Option<Fig> {
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

    /// Whether some line from `from` to `to` (inclusive) could not be read into a row: sums
    /// over the rows there are then incomplete, and a code "not listed" may be on that line.
    pub fn unread_between(&self, from: u32, to: u32) -> bool {
        self.doc.notes.iter().any(|n| {
            n.kind == yusuan_model::note::NoteKind::UnreadLine && n.span.is_some_and(|s| s.line >= from && s.line <= to)
        })
    }

    /// Whether every line of a table was read into its rows.
    pub fn fully_read(&self, table: &Table) -> bool {
        !self.unread_between(table.span.line, table.span.end_line)
    }

    /// Whether a coded row's printed name is the catalog's name of its code (or the catalog
    /// does not know the code, or the row prints no name).
    fn catalog_name_agrees(&self, row: &Row) -> bool {
        let Some(code) = &row.code else { return true };
        match self.catalog.get(code) {
            yusuan_model::catalog::Lookup::Known(entry) => {
                let stem = |n: &str| {
                    let f = yusuan_model::catalog::fold_name(n);
                    f.strip_suffix("费用").map(|s| format!("{s}费")).unwrap_or(f)
                };
                let (a, b) = (stem(&row.name.value), stem(&entry.name));
                a.is_empty() || crate::names::same_name(code, &a, &b) || a.contains(&b) || b.contains(&a)
            }
            _ => true,
        }
    }

    /// A cell of a national table in the table of a form that stands for it (Shanghai's
    /// `unit_income_expense_summary` for `income_expense_summary`), when that table declares the
    /// same panel, column and row: a row it does not declare is not its zero, so nothing.
    pub fn variant_cell_ref(&self, c: &CellRef) -> Option<Fig> {
        if self.doc.table(c.table).is_some() {
            return None;
        }
        yusuan_model::registry::variants_of(c.table).find_map(|kind| {
            self.doc.table(kind)?;
            let panel = schema(kind)?.panels.iter().find(|p| p.key == c.panel)?;
            panel.column_index(c.column)?;
            let declared =
                c.row.chars().all(|ch| ch.is_ascii_digit()) || panel.fixed_rows.iter().any(|r| r.key == c.row);
            declared.then(|| self.cell_ref(&CellRef { table: kind, ..*c }))?
        })
    }

    /// A cell named by kind, panel, row and column (resolved as [`CellRef::locate`] does):
    /// `None` when the table is absent, the row unsettled, or what was read does not say.
    pub fn cell_ref(&self, c: &CellRef) -> Option<Fig> {
        let table = self.doc.table(c.table)?;
        if self.misreading(table).is_some() {
            return None;
        }
        let s = schema(c.table)?;
        let keys = table.rows.iter().map(|r| RowKey {
            panel: r.panel,
            code: r.code.as_ref().map(|x| x.as_str()),
            fixed: r.fixed.as_deref(),
        });
        let all_read = || self.fully_read(table);
        let label =
            || Message::new(format!("{}（{}）", table.title.value, c.column), format!("{} ({})", c.table, c.column));
        match c.locate(s, keys, table.is_empty_table(), all_read) {
            // An identity names a row by its code in the national catalog; a document that prints
            // that code under another name (Shanghai's economic classification numbers 302 12 机关
            // 事业单位退休人员活动费, the catalog's 因公出国（境）费用) means another row.
            CellAt::Cell { row, .. } if !self.catalog_name_agrees(table.rows.get(row)?) => None,
            CellAt::Cell { row, col } => self.cell(table, table.rows.get(row)?, col),
            CellAt::Zero => {
                let anchor = table.empty_statement.as_ref().map(|s| s.span).unwrap_or(table.title.span);
                Some(Fig::zero(anchor, label()))
            }
            CellAt::Unknown => None,
        }
    }
}
