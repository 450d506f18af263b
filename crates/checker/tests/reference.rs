//! `docs/rules.md` is the rule reference generated from the rules' doc comments; it must match.

#[test]
fn rule_reference_is_current() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/rules.md");
    let generated = yusuan_checker::rules::reference_markdown();
    if std::env::var_os("UPDATE_RULES").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "docs/rules.md is out of date: UPDATE_RULES=1 cargo test -p yusuan-checker --test reference"
    );
}
