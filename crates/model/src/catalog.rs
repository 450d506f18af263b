//! The classification catalogs (政府收支分类科目): functional (支出功能分类, 类/款/项 with 3/5/7
//! digits) and economic (部门预算支出经济分类 301…, 政府预算支出经济分类 501…, 类/款 with 3/5
//! digits). The catalogs shipped with yusuan are partial (see `catalog/SOURCES.md`): a code they
//! lack is *unknown*, not wrong. A user who holds the official catalog loads it whole, and then a
//! missing code is wrong.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// The level of a code in its classification.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// 类: 3 digits.
    Class,
    /// 款: 5 digits.
    Section,
    /// 项: 7 digits (functional classification only).
    Item,
}

impl Level {
    pub fn from_digits(n: usize) -> Option<Level> {
        match n {
            3 => Some(Level::Class),
            5 => Some(Level::Section),
            7 => Some(Level::Item),
            _ => None,
        }
    }

    pub fn from_number(n: u8) -> Option<Level> {
        match n {
            1 => Some(Level::Class),
            2 => Some(Level::Section),
            3 => Some(Level::Item),
            _ => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Level::Class => "类",
            Level::Section => "款",
            Level::Item => "项",
        }
    }
}

/// Which classification a catalog or a code belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Classification {
    /// 支出功能分类科目.
    Function,
    /// 部门预算支出经济分类科目 (301…).
    EconDepartment,
    /// 政府预算支出经济分类科目 (501…).
    EconGovernment,
}

/// A normalised classification code: its digits only (`2080102`), whatever way it was written
/// (`208 01 02`, `208-01-02`, `2080102`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
pub struct Code(String);

impl Code {
    /// Normalises a written code: digit groups separated by spaces, hyphens or dots, or one run
    /// of digits. Only 3, 5 or 7 digits make a code.
    pub fn parse(text: &str) -> Option<Code> {
        let mut digits = String::new();
        for c in text.trim().chars() {
            match c {
                '0'..='9' => digits.push(c),
                '０'..='９' => digits.push(char::from_u32(c as u32 - 0xFF10 + 0x30)?),
                ' ' | '\u{3000}' | '-' | '.' | '－' => {}
                _ => return None,
            }
        }
        Level::from_digits(digits.len())?;
        Some(Code(digits))
    }

    /// From parts as tables print them: class `208`, section `01`, item `02`.
    pub fn from_parts(parts: &[&str]) -> Option<Code> {
        Code::parse(&parts.concat())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn level(&self) -> Level {
        // Construction guarantees 3, 5 or 7 digits.
        Level::from_digits(self.0.len()).unwrap_or(Level::Item)
    }

    /// The code one level up (`2080102` → `20801`), none for a class.
    pub fn parent(&self) -> Option<Code> {
        match self.0.len() {
            7 => Some(Code(self.0[..5].to_string())),
            5 => Some(Code(self.0[..3].to_string())),
            _ => None,
        }
    }

    /// The class (first three digits).
    pub fn class(&self) -> Code {
        Code(self.0[..3].to_string())
    }

    /// Whether this is a functional code (类 2xx), a department economic code (3xx) or a
    /// government economic code (5xx).
    pub fn classification(&self) -> Option<Classification> {
        match self.0.as_bytes()[0] {
            b'2' => Some(Classification::Function),
            b'3' if self.0.len() <= 5 => Some(Classification::EconDepartment),
            b'5' if self.0.len() <= 5 => Some(Classification::EconGovernment),
            _ => None,
        }
    }

    /// The code in the spaced form tables print: `208 01 02`.
    pub fn spaced(&self) -> String {
        let s = &self.0;
        match s.len() {
            7 => format!("{} {} {}", &s[..3], &s[3..5], &s[5..]),
            5 => format!("{} {}", &s[..3], &s[3..]),
            _ => s.clone(),
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// One item of a catalog.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct CatalogEntry {
    /// The code, digits only.
    pub code: Code,
    /// The official name (科目名称).
    pub name: String,
    /// 类, 款 or 项.
    pub level: Level,
}

/// The answer to "what is this code?".
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Lookup<'a> {
    Known(&'a CatalogEntry),
    /// The catalog is partial and lacks the code: nothing can be said.
    Unknown,
    /// The catalog is complete and lacks the code: the code does not exist.
    NotInCatalog,
}

/// A classification catalog, partial or complete.
#[derive(Clone, Debug, Default, Serialize, Deserialize, JsonSchema)]
pub struct Catalog {
    entries: BTreeMap<Code, CatalogEntry>,
    /// Whether the catalog claims to be the whole official edition.
    pub complete: bool,
    /// Where it came from (file name or "builtin").
    pub source: String,
    /// Codes by folded name, built on first look-up by name (readers look names up per line).
    #[serde(skip)]
    #[schemars(skip)]
    by_name: std::sync::OnceLock<std::collections::HashMap<String, Vec<Code>>>,
}

/// A row of catalog data that could not be taken, with its 1-based line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CatalogRowError {
    pub line: usize,
    pub message: String,
}

const ECON_DEPT_CSV: &str = include_str!("../../../catalog/econ_dept.csv");
const ECON_GOV_CSV: &str = include_str!("../../../catalog/econ_gov.csv");
const FUNCTION_CSV: &str = include_str!("../../../catalog/function_partial.csv");
const FUNCTION_CLASSES_CSV: &str = include_str!("../../../catalog/function_classes.csv");
const FORMER_NAMES_CSV: &str = include_str!("../../../catalog/former_names.csv");

/// A name a code went by in an earlier edition of the classification (医疗卫生与计划生育支出 for
/// 210, today 卫生健康支出): documents keep printing old names for years after a rename.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormerName {
    pub code: Code,
    pub former: String,
    pub current: String,
}

/// The renamed codes shipped with yusuan (`catalog/former_names.csv`; their sources are in
/// `catalog/SOURCES.md`), parsed once.
pub fn former_names() -> &'static [FormerName] {
    static FORMER: std::sync::OnceLock<Vec<FormerName>> = std::sync::OnceLock::new();
    FORMER.get_or_init(|| {
        FORMER_NAMES_CSV
            .lines()
            .skip(1)
            .filter_map(|line| {
                let mut f = line.split(',').map(str::trim);
                let code = Code::parse(f.next()?)?;
                let (former, current) = (f.next()?, f.next()?);
                (!former.is_empty() && !current.is_empty()).then(|| FormerName {
                    code,
                    former: former.to_string(),
                    current: current.to_string(),
                })
            })
            .collect()
    })
}

/// Whether two names are names of `code` in some edition: each is its current or a former name.
pub fn names_of_one_code(code: &Code, a: &str, b: &str) -> bool {
    let (a, b) = (fold_name(a), fold_name(b));
    let renames: Vec<&FormerName> = former_names().iter().filter(|f| &f.code == code).collect();
    let known = |n: &str| renames.iter().any(|f| fold_name(&f.former) == n || fold_name(&f.current) == n);
    known(&a) && known(&b)
}

impl Catalog {
    pub fn new(source: impl Into<String>, complete: bool) -> Self {
        Catalog { entries: BTreeMap::new(), complete, source: source.into(), by_name: std::sync::OnceLock::new() }
    }

    /// The catalogs shipped with yusuan (partial; see `catalog/SOURCES.md`): functional, and both
    /// economic schemes in one.
    pub fn builtin() -> Catalog {
        let mut catalog = Catalog::new("builtin", false);
        for text in [FUNCTION_CLASSES_CSV, FUNCTION_CSV, ECON_DEPT_CSV, ECON_GOV_CSV] {
            // The shipped files are checked by a test; a bad row there is a build defect.
            let errors = catalog.add_csv(text);
            debug_assert!(errors.is_empty(), "{errors:?}");
        }
        catalog
    }

    /// Every 类 of the functional classification, in order, as budget tables 1 and 4 print them.
    pub fn function_classes() -> Vec<(Code, String)> {
        let mut c = Catalog::new("classes", false);
        c.add_csv(FUNCTION_CLASSES_CSV);
        c.entries.into_values().map(|e| (e.code, e.name)).collect()
    }

    /// The built-in catalog, built once per process (readers consult it for every document).
    pub fn shared_builtin() -> &'static Catalog {
        static BUILTIN: std::sync::OnceLock<Catalog> = std::sync::OnceLock::new();
        BUILTIN.get_or_init(Catalog::builtin)
    }

    /// Adds the rows of a `code,name,level` CSV (header first, as in `catalog/`). A level column
    /// is optional: the code's length gives it. Returns the rows it could not take.
    pub fn add_csv(&mut self, text: &str) -> Vec<CatalogRowError> {
        let mut errors = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let line = line.trim_start_matches('\u{feff}').trim();
            if line.is_empty() || (i == 0 && !line.starts_with(|c: char| c.is_ascii_digit())) {
                continue;
            }
            let mut fields = line.split(',');
            let code = fields.next().unwrap_or_default();
            let name = fields.next().unwrap_or_default().trim();
            match Code::parse(code) {
                Some(code) if !name.is_empty() => self.insert(code, name),
                _ => errors.push(CatalogRowError { line: i + 1, message: line.to_string() }),
            }
        }
        errors
    }

    pub fn insert(&mut self, code: Code, name: &str) {
        let level = code.level();
        self.entries.insert(code.clone(), CatalogEntry { code, name: name.to_string(), level });
        self.by_name = std::sync::OnceLock::new();
    }

    /// Merges another catalog in; its entries win. The result is complete if either is.
    pub fn merge(&mut self, other: Catalog) {
        self.complete |= other.complete;
        self.source = format!("{}+{}", self.source, other.source);
        self.entries.extend(other.entries);
        self.by_name = std::sync::OnceLock::new();
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn entries(&self) -> impl Iterator<Item = &CatalogEntry> {
        self.entries.values()
    }

    pub fn get(&self, code: &Code) -> Lookup<'_> {
        match self.entries.get(code) {
            Some(e) => Lookup::Known(e),
            None if self.complete => Lookup::NotInCatalog,
            None => Lookup::Unknown,
        }
    }

    /// Looks a code up as written (`208 01 02`, `2080102`).
    pub fn lookup(&self, written: &str) -> Option<Lookup<'_>> {
        Code::parse(written).map(|code| match self.entries.get(&code) {
            Some(e) => Lookup::Known(e),
            None if self.complete => Lookup::NotInCatalog,
            None => Lookup::Unknown,
        })
    }

    /// Every entry with this name, compared without spaces and with brackets folded to one
    /// width. Names repeat across the catalog (行政运行 sits under many 款), hence a list. A
    /// code's former name ([`former_names`]) finds it too.
    pub fn find_by_name(&self, name: &str) -> Vec<&CatalogEntry> {
        let index = self.by_name.get_or_init(|| {
            let mut m: std::collections::HashMap<String, Vec<Code>> = std::collections::HashMap::new();
            for e in self.entries.values() {
                m.entry(fold_name(&e.name)).or_default().push(e.code.clone());
            }
            for f in former_names().iter().filter(|f| self.entries.contains_key(&f.code)) {
                let codes = m.entry(fold_name(&f.former)).or_default();
                if !codes.contains(&f.code) {
                    codes.push(f.code.clone());
                }
            }
            m
        });
        index
            .get(&fold_name(name))
            .map(|codes| codes.iter().filter_map(|c| self.entries.get(c)).collect())
            .unwrap_or_default()
    }

    /// The entry with this name under `parent` (a 款 for a 项): how a name wrapped away from its
    /// code is placed.
    pub fn find_child_by_name(&self, parent: &Code, name: &str) -> Option<&CatalogEntry> {
        self.find_by_name(name).into_iter().find(|e| e.code.parent().as_ref() == Some(parent))
    }
}

/// A name as compared: no whitespace, brackets and punctuation at one width.
pub fn fold_name(name: &str) -> String {
    name.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            '“' | '”' | '＂' => '"',
            _ => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_former_class_name_finds_its_code() {
        let c = Catalog::builtin();
        let hits = c.find_by_name("医疗卫生与计划生育支出");
        assert_eq!(hits.iter().map(|e| e.code.as_str()).collect::<Vec<_>>(), vec!["210"]);
        assert_eq!(hits.first().map(|e| e.name.as_str()), Some("卫生健康支出"));
        let code = Code::parse("210").unwrap();
        assert!(names_of_one_code(&code, "医疗卫生与计划生育支出", "卫生健康支出"));
        assert!(!names_of_one_code(&Code::parse("211").unwrap(), "医疗卫生与计划生育支出", "卫生健康支出"));
        // Every shipped rename is of a code whose current name the shipped catalog holds.
        for f in former_names() {
            assert!(matches!(c.get(&f.code), Lookup::Known(e) if fold_name(&e.name) == fold_name(&f.current)), "{f:?}");
        }
        assert_eq!(former_names().len(), FORMER_NAMES_CSV.lines().count() - 1);
    }

    #[test]
    fn codes_in_every_written_form_are_one() {
        let a = Code::parse("208 01 02").unwrap();
        assert_eq!(a, Code::parse("2080102").unwrap());
        assert_eq!(a, Code::parse("208-01-02").unwrap());
        assert_eq!(a, Code::from_parts(&["208", "01", "02"]).unwrap());
        assert_eq!(a.level(), Level::Item);
        assert_eq!(a.parent().unwrap().as_str(), "20801");
        assert_eq!(a.spaced(), "208 01 02");
        assert_eq!(a.classification(), Some(Classification::Function));
        assert!(Code::parse("2080").is_none());
        assert!(Code::parse("20x").is_none());
        assert!(Code::parse("").is_none());
    }

    #[test]
    fn builtin_catalogs_load_whole() {
        let c = Catalog::builtin();
        // 86 department-economic + 11 government-economic + 25 functional rows, and the 30 类 of
        // which 4 are among the functional rows.
        assert_eq!(c.len(), 86 + 11 + 25 + 30 - 4);
        assert_eq!(Catalog::function_classes().len(), 30);
        let Some(Lookup::Known(e)) = c.lookup("301 08") else { panic!() };
        assert_eq!(e.name, "机关事业单位基本养老保险缴费");
        assert_eq!(c.lookup("2080505").map(|l| matches!(l, Lookup::Known(_))), Some(true));
        // The shipped functional catalog is partial: a missing item is unknown, not wrong.
        assert_eq!(c.lookup("2080101"), Some(Lookup::Unknown));
        for text in [FUNCTION_CLASSES_CSV, FUNCTION_CSV, ECON_DEPT_CSV, ECON_GOV_CSV] {
            assert!(Catalog::new("t", false).add_csv(text).is_empty());
        }
    }

    #[test]
    fn names_resolve_whatever_their_spacing() {
        let c = Catalog::builtin();
        let hits = c.find_by_name("机关事业单位基本养老保险缴费 支出");
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].code.as_str(), "2080505");
        assert_eq!(c.find_by_name("行政运行").len(), 2);
        let parent = Code::parse("20805").unwrap();
        assert_eq!(c.find_child_by_name(&parent, "行政单位离退休").unwrap().code.as_str(), "2080501");
    }

    #[test]
    fn a_complete_catalog_says_not_in_catalog() {
        let mut c = Catalog::new("official.csv", true);
        c.insert(Code::parse("208").unwrap(), "社会保障和就业支出");
        assert_eq!(c.lookup("209"), Some(Lookup::NotInCatalog));
    }
}
