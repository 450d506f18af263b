//! A TOML file's parse errors as a finance officer can act on them: in Chinese (serde's English
//! put into words), naming the key a duplicate or an unknown field is about, and a misspelt
//! section (`[departmnt]`) found at its own line with the name it was likely meant to be,
//! rather than as the field its absence leaves missing elsewhere.

/// A message of the TOML parser, in both languages. `at` is the text the error's span covers.
pub fn describe(message: &str, at: &str) -> (String, String) {
    let message = message.trim();
    let quoted = |s: &str| s.split('`').nth(1).map(str::to_string);
    if message.starts_with("duplicate key") {
        let key = at.trim().trim_start_matches('[').trim_end_matches(']').trim();
        let key = key.split('=').next().unwrap_or(key).trim();
        return (format!("键“{key}”重复出现"), format!("the key '{key}' appears twice"));
    }
    if let Some(rest) = message.strip_prefix("missing field") {
        let field = quoted(rest).unwrap_or_default();
        return (format!("缺少字段“{field}”"), format!("missing field '{field}'"));
    }
    if let Some(rest) = message.strip_prefix("unknown field") {
        let field = quoted(rest).unwrap_or_default();
        let expected: Vec<&str> =
            rest.split_once("expected").map(|(_, e)| e.split('`').skip(1).step_by(2).collect()).unwrap_or_default();
        let hint_zh = close(&field, &expected).map(|c| format!("，是否应为“{c}”？")).unwrap_or_default();
        let hint_en = close(&field, &expected).map(|c| format!("; did you mean '{c}'?")).unwrap_or_default();
        return (
            format!("未知字段“{field}”{hint_zh}（可用的字段：{}）", expected.join("、")),
            format!("unknown field '{field}'{hint_en} (fields: {})", expected.join(", ")),
        );
    }
    if let Some(rest) = message.strip_prefix("invalid type:") {
        let (got, want) = rest.split_once(", expected").unwrap_or((rest, ""));
        return (
            format!("类型不对：写的是 {}，应为 {}", kind_zh(got.trim()), kind_zh(want.trim())),
            format!("wrong type: {}, expected {}", got.trim(), want.trim()),
        );
    }
    (format!("无法解析：{message}"), format!("does not parse: {message}"))
}

/// serde's names of value kinds in Chinese (`string "x"` → `文字 "x"`, `u16` → `整数`).
fn kind_zh(kind: &str) -> String {
    let (head, tail) = kind.split_once(' ').unwrap_or((kind, ""));
    let word = match head {
        "string" | "a" if tail.starts_with("string") => "文字",
        "string" => "文字",
        "integer" | "u8" | "u16" | "u32" | "u64" | "i8" | "i16" | "i32" | "i64" | "usize" => "整数",
        "float" | "f64" | "f32" => "小数",
        "boolean" | "bool" => "是/否（true/false）",
        "sequence" | "array" => "列表 [...]",
        "map" | "table" => "表 {...}",
        _ => return kind.to_string(),
    };
    if tail.is_empty() || head.starts_with(['u', 'i']) {
        word.to_string()
    } else {
        format!("{word} {tail}")
    }
}

/// The candidate `word` was most likely meant to be: within two edits, the closest.
pub fn close<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    candidates
        .iter()
        .map(|c| (edits(word, c), *c))
        .filter(|(d, c)| *d <= 2 && *d < c.chars().count())
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Levenshtein distance, by characters.
fn edits(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

/// A top-level section or key the data does not have (`[departmnt]`): its 1-based line, its
/// name, and the known name it is closest to. Found before the data is read, so the error is
/// where the slip is (otherwise `[department.staffing]` further down reports `name` missing).
pub fn unknown_top_level(text: &str, known: &[&'static str]) -> Option<(usize, String, Option<&'static str>)> {
    let table: toml::Table = toml::from_str(text).ok()?;
    let key = table.keys().find(|k| !known.contains(&k.as_str()))?;
    let line = text
        .lines()
        .position(|l| {
            let t = l.trim_start().trim_start_matches('[').trim_start();
            t.strip_prefix(key.as_str())
                .is_some_and(|rest| rest.trim_start().starts_with(['=', ']', '.']) || rest.is_empty())
        })
        .map_or(1, |i| i + 1);
    Some((line, key.clone(), close(key, known)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_in_chinese_with_what_they_are_about() {
        assert_eq!(describe("duplicate key", "name").0, "键“name”重复出现");
        let (zh, en) = describe("unknown field `departmnt`, expected one of `department`, `items`", "departmnt");
        assert!(zh.contains("未知字段“departmnt”，是否应为“department”？"), "{zh}");
        assert!(en.contains("did you mean 'department'"), "{en}");
        assert_eq!(describe("missing field `name`", "").0, "缺少字段“name”");
        assert_eq!(
            describe("invalid type: string \"x\", expected u16", "").0,
            "类型不对：写的是 文字 \"x\"，应为 整数"
        );
    }

    #[test]
    fn a_misspelt_section_is_found_at_its_line() {
        let text = "# 部门\n[departmnt]\nname = \"a\"\n[department.staffing]\nauthorised = 1\n";
        let found = unknown_top_level(text, &["department", "items"]);
        assert_eq!(found, Some((2, "departmnt".to_string(), Some("department"))));
        assert_eq!(unknown_top_level("[department]\nname = \"a\"\n", &["department"]), None);
    }

    #[test]
    fn close_names() {
        assert_eq!(close("departmnt", &["department", "items"]), Some("department"));
        assert_eq!(close("xyz", &["department", "items"]), None);
    }
}
