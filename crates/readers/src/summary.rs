//! A readable summary of a disclosure as read.

use yusuan_model::Disclosure;

pub fn summary(d: &Disclosure, lang: &str) -> String {
    let _ = (d, lang);
    String::new()
}
