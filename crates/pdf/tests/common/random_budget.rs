//! Random departments' budget data, shared by the PDF round-trip test and the corpus benchmark.

/// A small deterministic generator (no shared state, no floats): the same seeds, the same budgets.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) % n.max(1)
    }
}

const SOURCES: [&str; 9] = [
    "general_budget",
    "general_transfer",
    "government_fund",
    "state_capital",
    "special_account",
    "other_income",
    "business_income",
    "carry_over_general",
    "carry_over_unit",
];
const ECON: [(&str, &str); 6] = [
    ("30101", "personnel"),
    ("30108", "personnel"),
    ("30113", "personnel"),
    ("30201", "operating"),
    ("30217", "operating"),
    ("30231", "operating"),
];

/// The budget data (TOML) of a random department: 1–12 functional items, 1–25 line items of
/// every source, projects with targets, a prior year or not.
pub fn budget(seed: u64) -> String {
    let mut r = Lcg(seed);
    let functions: Vec<String> = (0..1 + r.next(12))
        .map(|_| format!("{}{:02}{:02}", 201 + r.next(33), 1 + r.next(20), 1 + r.next(50)))
        .collect();
    // Names carry no digits, as real names do not (a digit beside a name reads as a figure).
    const STEMS: [&str; 6] = ["甲", "乙", "丙", "丁", "戊", "己"];
    let mut s = format!("[department]\nname = \"随机单位{}\"\nyear = 2025\n[names]\n", STEMS[seed as usize % 6]);
    let mut named = std::collections::BTreeSet::new();
    for f in &functions {
        for c in [&f[..3], &f[..5], &f[..]] {
            if named.insert(c.to_string()) {
                // Names have no digits, as real ones: 208 → 科目二零八.
                let name: String = c
                    .chars()
                    .map(|d| "零一二三四五六七八九".chars().nth(d as usize - '0' as usize).unwrap_or('〇'))
                    .collect();
                s.push_str(&format!("\"{c}\" = \"科目{name}\"\n"));
            }
        }
    }
    let mut projects = std::collections::BTreeSet::new();
    for _ in 0..1 + r.next(25) {
        let function = &functions[r.next(functions.len() as u64) as usize];
        let (econ, kind) = ECON[r.next(ECON.len() as u64) as usize];
        let source = SOURCES[r.next(SOURCES.len() as u64) as usize];
        let fen = 100_000 + r.next(900_000_000);
        let project = (r.next(3) == 0).then(|| format!("{}项目", STEMS[r.next(6) as usize]));
        s.push_str(&format!(
            "[[items]]\nfunction = \"{function}\"\necon = \"{}\"\nsource = \"{source}\"\nkind = \"{}\"\namount = \"{}.{:02}元\"\n",
            if project.is_some() { "30227" } else { econ },
            if project.is_some() { "project" } else { kind },
            fen / 100,
            fen % 100
        ));
        if let Some(p) = project {
            s.push_str(&format!("project = \"{p}\"\n"));
            projects.insert(p);
        }
    }
    if r.next(2) == 0 {
        s.push_str(&format!("[prior]\ngeneral_budget = \"{}.00元\"\nbasic = \"0.00元\"\n", r.next(9_000_000)));
    }
    for p in projects {
        s.push_str(&format!(
            "[[projects]]\nname = \"{p}\"\n[[projects.indicators]]\nlevel1 = \"产出指标\"\nlevel2 = \"数量指标\"\nname = \"次数\"\nvalue = \"≥1次\"\nweight = \"90\"\n"
        ));
    }
    s
}
