//! A small strict HTML reader for the tests: every non-void element must be closed in order,
//! every attribute value quoted, and text may hold no `<`, `>` or `"`, and `&` only as one of the
//! entities the renderer writes. It builds a tree to query.

const VOID: &[&str] = &["meta", "col", "br", "hr", "img", "input", "link"];
const ENTITIES: &[&str] = &["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"];

#[derive(Debug)]
pub enum Node {
    El(El),
    Text(String),
}

#[derive(Debug, Default)]
pub struct El {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub children: Vec<Node>,
}

impl El {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    pub fn has_class(&self, class: &str) -> bool {
        self.attr("class").is_some_and(|c| c.split_whitespace().any(|c| c == class))
    }

    /// A numeric attribute (`colspan`), 1 when absent.
    pub fn span(&self, name: &str) -> usize {
        self.attr(name).map_or(1, |v| v.parse().expect("a number"))
    }

    /// Every element below this one, depth first.
    pub fn descendants(&self) -> Vec<&El> {
        let mut out = Vec::new();
        for c in &self.children {
            if let Node::El(e) = c {
                out.push(e);
                out.extend(e.descendants());
            }
        }
        out
    }

    pub fn find_all(&self, name: &str) -> Vec<&El> {
        self.descendants().into_iter().filter(|e| e.name == name).collect()
    }

    pub fn children_named(&self, name: &str) -> Vec<&El> {
        self.children
            .iter()
            .filter_map(|c| if let Node::El(e) = c { Some(e) } else { None })
            .filter(|e| e.name == name)
            .collect()
    }

    /// The text inside, entities decoded.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for c in &self.children {
            match c {
                Node::Text(t) => out.push_str(&decode(t)),
                Node::El(e) => out.push_str(&e.text()),
            }
        }
        out
    }
}

pub fn decode(t: &str) -> String {
    t.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
}

/// Parses a whole document into a root holding its top-level nodes; errors name the place.
pub fn parse(html: &str) -> Result<El, String> {
    let mut stack: Vec<El> = vec![El { name: "#root".into(), ..El::default() }];
    let mut rest = html;
    while !rest.is_empty() {
        let at = html.len() - rest.len();
        if let Some(r) = rest.strip_prefix("<!--") {
            let end = r.find("-->").ok_or(format!("unclosed comment at {at}"))?;
            rest = &r[end + 3..];
        } else if let Some(r) = rest.strip_prefix("<!") {
            let end = r.find('>').ok_or(format!("unclosed declaration at {at}"))?;
            rest = &r[end + 1..];
        } else if let Some(r) = rest.strip_prefix("</") {
            let end = r.find('>').ok_or(format!("unclosed end tag at {at}"))?;
            let name = &r[..end];
            let el = stack.pop().ok_or("stack underflow")?;
            if el.name != name {
                return Err(format!("</{name}> closes <{}> at {at}", el.name));
            }
            stack.last_mut().ok_or(format!("</{name}> closes the root at {at}"))?.children.push(Node::El(el));
            rest = &r[end + 1..];
        } else if let Some(r) = rest.strip_prefix('<') {
            let (el, after) = start_tag(r).map_err(|e| format!("{e} at {at}"))?;
            rest = after;
            if el.name == "style" || el.name == "script" {
                let close = format!("</{}>", el.name);
                let end = rest.find(&close).ok_or(format!("unclosed <{}> at {at}", el.name))?;
                let mut el = el;
                el.children.push(Node::Text(rest[..end].to_string()));
                stack.last_mut().ok_or("no parent")?.children.push(Node::El(el));
                rest = &rest[end + close.len()..];
            } else if VOID.contains(&el.name.as_str()) {
                stack.last_mut().ok_or("no parent")?.children.push(Node::El(el));
            } else {
                stack.push(el);
            }
        } else {
            let end = rest.find('<').unwrap_or(rest.len());
            let text = &rest[..end];
            check_text(text).map_err(|e| format!("{e} at {at}: {text:?}"))?;
            stack.last_mut().ok_or("no parent")?.children.push(Node::Text(text.to_string()));
            rest = &rest[end..];
        }
    }
    let root = stack.pop().ok_or("no root")?;
    if !stack.is_empty() || root.name != "#root" {
        return Err(format!("<{}> is never closed", root.name));
    }
    Ok(root)
}

fn start_tag(r: &str) -> Result<(El, &str), String> {
    let name_end = r.find(|c: char| !c.is_ascii_alphanumeric()).ok_or("tag runs off the end")?;
    let mut el = El { name: r[..name_end].to_string(), ..El::default() };
    if el.name.is_empty() {
        return Err("a `<` that starts no tag".into());
    }
    let mut rest = &r[name_end..];
    loop {
        rest = rest.trim_start();
        if let Some(after) = rest.strip_prefix('>') {
            return Ok((el, after));
        }
        let name_end = rest.find(|c: char| c == '=' || c == '>' || c.is_whitespace()).ok_or("attribute runs off")?;
        let name = rest[..name_end].to_string();
        rest = &rest[name_end..];
        let Some(after_eq) = rest.strip_prefix("=\"") else {
            return Err(format!("attribute {name} is not quoted"));
        };
        let end = after_eq.find('"').ok_or("unclosed attribute value")?;
        let value = &after_eq[..end];
        check_text(value)?;
        el.attrs.push((name, decode(value)));
        rest = &after_eq[end + 1..];
    }
}

fn check_text(t: &str) -> Result<(), String> {
    if t.contains(['<', '>', '"']) {
        return Err("unescaped < > or \"".into());
    }
    for (i, _) in t.match_indices('&') {
        if !ENTITIES.iter().any(|e| t[i..].starts_with(e)) {
            return Err("a bare &".into());
        }
    }
    Ok(())
}
