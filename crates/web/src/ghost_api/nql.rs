//! Ghost's filter language, NQL, in the forms Ghost's clients send: `tag:world`,
//! `tag:[a,b]`, `author:-tom`, `published_at:>'2026-11-19'`, joined with `+` (and) and `,` (or).

/// A parsed NQL filter: OR (`,`) of AND (`+`) groups of `key:[op]value` conditions, values
/// bare, quoted ('…') or lists ([a,b]).
#[derive(Debug, PartialEq)]
pub(super) struct Nql(Vec<Vec<Condition>>);

#[derive(Debug, PartialEq)]
struct Condition {
    key: String,
    op: Op,
    values: Vec<String>,
}

#[derive(Debug, PartialEq, Clone, Copy)]
enum Op {
    Eq,
    Not,
    Gt,
    Gte,
    Lt,
    Lte,
}

impl Nql {
    pub(super) fn parse(text: &str) -> Result<Nql, String> {
        if text.len() > 2000 {
            return Err("the filter is too long".into());
        }
        let mut groups = Vec::new();
        for group in split_top(text, ',')? {
            let mut conditions = Vec::new();
            for term in split_top(&group, '+')? {
                conditions.push(Condition::parse(term.trim())?);
            }
            groups.push(conditions);
        }
        if groups.is_empty() {
            return Err("the filter is empty".into());
        }
        Ok(Nql(groups))
    }

    pub(super) fn matches<E>(&self, values_of: &dyn Fn(&str) -> Result<Vec<String>, E>) -> Result<bool, E> {
        for group in &self.0 {
            let mut all = true;
            for condition in group {
                if !condition.matches(&values_of(&condition.key)?) {
                    all = false;
                    break;
                }
            }
            if all {
                return Ok(true);
            }
        }
        Ok(false)
    }
}

/// Splits on `separator` outside brackets and quotes.
fn split_top(text: &str, separator: char) -> Result<Vec<String>, String> {
    let mut parts = Vec::new();
    let mut current = String::new();
    let (mut depth, mut quoted) = (0i32, false);
    for c in text.chars() {
        match c {
            '\'' => quoted = !quoted,
            '[' if !quoted => depth += 1,
            ']' if !quoted => depth -= 1,
            c if c == separator && depth == 0 && !quoted => {
                parts.push(std::mem::take(&mut current));
                continue;
            }
            _ => {}
        }
        if depth < 0 {
            return Err("unbalanced ]".into());
        }
        current.push(c);
    }
    if quoted || depth != 0 {
        return Err("unbalanced quote or bracket".into());
    }
    parts.push(current);
    if parts.iter().any(|p| p.trim().is_empty()) {
        return Err(format!("an empty condition around {separator:?}"));
    }
    Ok(parts)
}

impl Condition {
    fn parse(term: &str) -> Result<Condition, String> {
        let (key, rest) = term.split_once(':').ok_or_else(|| format!("{term:?} is not key:value"))?;
        let key = key.trim();
        if key.is_empty() || !key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.') {
            return Err(format!("invalid property {key:?}"));
        }
        let rest = rest.trim();
        let (op, value) = if let Some(v) = rest.strip_prefix(">=") {
            (Op::Gte, v)
        } else if let Some(v) = rest.strip_prefix("<=") {
            (Op::Lte, v)
        } else if let Some(v) = rest.strip_prefix('>') {
            (Op::Gt, v)
        } else if let Some(v) = rest.strip_prefix('<') {
            (Op::Lt, v)
        } else if let Some(v) = rest.strip_prefix('-') {
            (Op::Not, v)
        } else {
            (Op::Eq, rest)
        };
        let value = value.trim();
        let unquote = |v: &str| v.trim().trim_matches('\'').to_owned();
        let values = match value.strip_prefix('[').and_then(|v| v.strip_suffix(']')) {
            Some(list) => list.split(',').map(unquote).collect(),
            None => vec![unquote(value)],
        };
        if values.iter().any(String::is_empty) {
            return Err(format!("an empty value for {key}"));
        }
        Ok(Condition { key: key.to_owned(), op, values })
    }

    fn matches(&self, actual: &[String]) -> bool {
        let compare = |a: &String, v: &String| -> std::cmp::Ordering {
            // Dates compare as instants when both parse; plain dates mean their midnight UTC.
            let instant = |s: &str| {
                s.parse::<jiff::Timestamp>().ok().or_else(|| {
                    s.parse::<jiff::civil::Date>()
                        .ok()
                        .and_then(|d| d.to_zoned_datetime(jiff::tz::TimeZone::UTC).ok())
                        .map(|z| z.timestamp())
                })
            };
            match (instant(a), instant(v)) {
                (Some(x), Some(y)) => x.cmp(&y),
                _ => a.to_lowercase().cmp(&v.to_lowercase()),
            }
        };
        let any_equal = actual.iter().any(|a| self.values.iter().any(|v| compare(a, v).is_eq()));
        match self.op {
            Op::Eq => any_equal,
            Op::Not => !any_equal,
            Op::Gt => actual.iter().any(|a| compare(a, &self.values[0]).is_gt()),
            Op::Gte => actual.iter().any(|a| !compare(a, &self.values[0]).is_lt()),
            Op::Lt => actual.iter().any(|a| compare(a, &self.values[0]).is_lt()),
            Op::Lte => actual.iter().any(|a| !compare(a, &self.values[0]).is_gt()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(filter: &str, values: &[(&str, &[&str])], expected: bool) {
        let nql = Nql::parse(filter).unwrap_or_else(|e| panic!("{filter}: {e}"));
        let lookup = |key: &str| -> Result<Vec<String>, ()> {
            Ok(values
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, v)| v.iter().map(|s| (*s).to_owned()).collect())
                .unwrap_or_default())
        };
        assert_eq!(nql.matches(&lookup).ok(), Some(expected), "{filter}");
    }

    #[test]
    fn nql_forms() {
        let post: &[(&str, &[&str])] = &[
            ("tag", &["world", "asia"]),
            ("author", &["li-wen"]),
            ("published_at", &["2026-11-20T05:00:00Z"]),
            ("slug", &["ferry"]),
        ];
        check("tag:asia", post, true);
        check("tag:sport", post, false);
        check("tag:[sport,asia]", post, true);
        check("tag:asia+author:li-wen", post, true);
        check("tag:asia+author:tom", post, false);
        check("tag:sport,author:li-wen", post, true);
        check("published_at:>'2026-11-19'", post, true);
        check("published_at:<2026-11-19", post, false);
        check("published_at:>='2026-11-20T05:00:00Z'", post, true);
        check("slug:-ferry", post, false);
        check("tag:-sport", post, true);
        for bad in ["", "tag", "tag:", "tag:[a,b", "tag:'x", "+tag:x", "tag:x,", "ta g:x", "tag:[a,,b]"] {
            assert!(Nql::parse(bad).is_err(), "{bad:?} should not parse");
        }
    }
}
