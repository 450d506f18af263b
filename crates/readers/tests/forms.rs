//! Each real document of the repo is read as the form it is in.

use yusuan_readers::text::read_str;

fn form_of(path: &str) -> Option<String> {
    let path = format!("{}/../../fixtures/{path}", env!("CARGO_MANIFEST_DIR"));
    read_str(&std::fs::read_to_string(path).expect("fixture")).form
}

#[test]
fn every_real_document_is_read_in_its_form() {
    assert_eq!(form_of("changji-hrss-2024-budget.txt").as_deref(), Some("national-budget"));
    assert_eq!(form_of("corpus/shpt-wljd-2024-budget.layout.txt").as_deref(), Some("shanghai-department-budget"));
    for f in ["shpt-czj-2024-final", "shpt-ghzy-2024-final", "shpt-shgzb-2024-final", "final-accounts-template"] {
        assert_eq!(form_of(&format!("corpus/{f}.layout.txt")).as_deref(), Some("final-accounts"), "{f}");
    }
    // One of nine tables left out: still the final-accounts form (C001 names the missing one).
    assert_eq!(form_of("corpus/shpt-czj-2024-final-planted-errors.layout.txt").as_deref(), Some("final-accounts"));
}
