//! The committed JSON Schema is the generated one: a model change that alters the JSON shape
//! shows up as a diff of `docs/schema/disclosure.schema.json` in review.

use std::path::PathBuf;
use yusuan_model::Disclosure;

#[test]
fn committed_schema_is_current() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/schema/disclosure.schema.json");
    let generated = serde_json::to_string_pretty(&Disclosure::json_schema()).expect("a schema serialises") + "\n";
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &generated).expect("write the schema");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "{} is out of date with the model.\nRegenerate it with:\n    UPDATE_SCHEMA=1 cargo test -p yusuan-model --test schema\nand commit the result.",
        path.display()
    );
}

#[test]
fn schema_describes_the_disclosure() {
    let schema = serde_json::to_value(Disclosure::json_schema()).expect("a schema serialises");
    let defs = &schema["$defs"];
    // Field names are the serde names, and the important ones carry their documentation.
    let props = &schema["properties"];
    for field in ["schema_version", "document", "tables", "narrative", "performance", "notes"] {
        assert!(props[field].is_object(), "{field}");
    }
    assert!(defs["Money"]["properties"]["value"]["type"] == "string", "money is an exact decimal string");
    assert!(defs["Row"]["properties"]["values"]["description"].is_string());
    assert!(defs["Assignment"].is_object());
}
