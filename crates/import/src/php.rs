//! A small, strict reader of PHP's `serialize()` output, for what WordPress plug-ins store in
//! terms and fields: arrays with integer or string keys and scalar values (Polylang's
//! translation groups, `a:2:{s:2:"en";i:12;s:2:"zh";i:15;}`). Strings are counted in bytes, as
//! PHP counts them, so UTF-8 text is read exactly. Objects and references are refused: nothing
//! here needs them, and reading them would invite trouble.

use crate::error::ImportError;

/// A PHP value.
#[derive(Debug, Clone, PartialEq)]
pub enum PhpValue {
    /// `N;`
    Null,
    /// `b:0;` / `b:1;`
    Bool(bool),
    /// `i:12;`
    Int(i64),
    /// `d:1.5;`
    Float(f64),
    /// `s:2:"en";`
    String(String),
    /// `a:1:{…}`, its entries in order.
    Array(Vec<(PhpKey, PhpValue)>),
}

/// An array key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PhpKey {
    /// An integer key.
    Int(i64),
    /// A string key.
    String(String),
}

impl PhpValue {
    /// The value as an integer: an int, or a string of digits (PHP is loose about which one a
    /// plug-in wrote).
    pub fn as_int(&self) -> Option<i64> {
        match self {
            PhpValue::Int(i) => Some(*i),
            PhpValue::String(s) => s.trim().parse().ok(),
            _ => None,
        }
    }

    /// The value as text: a string, or an int written out.
    pub fn as_text(&self) -> Option<String> {
        match self {
            PhpValue::String(s) => Some(s.clone()),
            PhpValue::Int(i) => Some(i.to_string()),
            _ => None,
        }
    }
}

impl PhpKey {
    /// The key as text.
    pub fn as_text(&self) -> String {
        match self {
            PhpKey::Int(i) => i.to_string(),
            PhpKey::String(s) => s.clone(),
        }
    }
}

/// Reads one serialized value; the whole input must be that value.
pub fn php_unserialize(input: &str) -> Result<PhpValue, ImportError> {
    let mut parser = Parser { bytes: input.as_bytes(), at: 0, depth: 0 };
    let value = parser.value()?;
    if parser.at != parser.bytes.len() {
        return Err(parser.error("text after the value"));
    }
    Ok(value)
}

struct Parser<'a> {
    bytes: &'a [u8],
    at: usize,
    depth: usize,
}

/// Arrays nested deeper than this are refused (nothing WordPress stores for us nests much).
const MAX_DEPTH: usize = 32;

impl Parser<'_> {
    fn error(&self, reason: &str) -> ImportError {
        ImportError::PhpSerialized { at: self.at, reason: reason.to_owned() }
    }

    fn expect(&mut self, byte: u8) -> Result<(), ImportError> {
        if self.bytes.get(self.at) == Some(&byte) {
            self.at += 1;
            Ok(())
        } else {
            Err(self.error(&format!("expected {:?}", byte as char)))
        }
    }

    /// Bytes up to (not including) `end`, which is consumed.
    fn until(&mut self, end: u8) -> Result<&str, ImportError> {
        let start = self.at;
        let length = self.bytes[start..]
            .iter()
            .position(|b| *b == end)
            .ok_or_else(|| self.error(&format!("missing {:?}", end as char)))?;
        self.at = start + length + 1;
        std::str::from_utf8(&self.bytes[start..start + length]).map_err(|_| self.error("not UTF-8"))
    }

    fn integer(&mut self, end: u8) -> Result<i64, ImportError> {
        let at = self.at;
        let text = self.until(end)?;
        let valid = !text.is_empty()
            && text.strip_prefix('-').unwrap_or(text).bytes().all(|b| b.is_ascii_digit())
            && text != "-";
        let number = text.parse().ok().filter(|_| valid);
        number.ok_or(ImportError::PhpSerialized { at, reason: format!("{text:?} is not an integer") })
    }

    fn length(&mut self, end: u8) -> Result<usize, ImportError> {
        let at = self.at;
        let n = self.integer(end)?;
        usize::try_from(n).map_err(|_| ImportError::PhpSerialized { at, reason: "a negative length".to_owned() })
    }

    fn string(&mut self) -> Result<String, ImportError> {
        self.expect(b':')?;
        let length = self.length(b':')?;
        self.expect(b'"')?;
        let end = self
            .at
            .checked_add(length)
            .filter(|end| *end <= self.bytes.len())
            .ok_or_else(|| self.error("a string longer than the input"))?;
        let text = std::str::from_utf8(&self.bytes[self.at..end])
            .map_err(|_| self.error("a string length that splits a UTF-8 character, or bytes that are not UTF-8"))?
            .to_owned();
        self.at = end;
        self.expect(b'"')?;
        Ok(text)
    }

    fn value(&mut self) -> Result<PhpValue, ImportError> {
        let kind = *self.bytes.get(self.at).ok_or_else(|| self.error("unexpected end"))?;
        self.at += 1;
        match kind {
            b'N' => {
                self.expect(b';')?;
                Ok(PhpValue::Null)
            }
            b'b' => {
                self.expect(b':')?;
                match self.integer(b';')? {
                    0 => Ok(PhpValue::Bool(false)),
                    1 => Ok(PhpValue::Bool(true)),
                    _ => Err(self.error("a boolean that is not 0 or 1")),
                }
            }
            b'i' => {
                self.expect(b':')?;
                Ok(PhpValue::Int(self.integer(b';')?))
            }
            b'd' => {
                self.expect(b':')?;
                let at = self.at;
                let text = self.until(b';')?;
                text.parse()
                    .map(PhpValue::Float)
                    .map_err(|_| ImportError::PhpSerialized { at, reason: format!("{text:?} is not a number") })
            }
            b's' => {
                let text = self.string()?;
                self.expect(b';')?;
                Ok(PhpValue::String(text))
            }
            b'a' => {
                self.expect(b':')?;
                let count = self.length(b':')?;
                self.expect(b'{')?;
                self.depth += 1;
                if self.depth > MAX_DEPTH {
                    return Err(self.error("arrays nested too deep"));
                }
                // Each entry takes at least four bytes: never reserve more than the input holds.
                let mut entries = Vec::with_capacity(count.min(self.bytes.len() / 4));
                for _ in 0..count {
                    let key = match self.bytes.get(self.at) {
                        Some(b'i') => {
                            self.at += 1;
                            self.expect(b':')?;
                            PhpKey::Int(self.integer(b';')?)
                        }
                        Some(b's') => {
                            self.at += 1;
                            let key = self.string()?;
                            self.expect(b';')?;
                            PhpKey::String(key)
                        }
                        _ => return Err(self.error("an array key that is not an integer or a string")),
                    };
                    let value = self.value()?;
                    entries.push((key, value));
                }
                self.expect(b'}')?;
                self.depth -= 1;
                Ok(PhpValue::Array(entries))
            }
            b'O' | b'C' | b'r' | b'R' => Err(self.error("objects and references are not read")),
            _ => Err(self.error("an unknown type")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_polylang_groups() {
        let value = php_unserialize("a:3:{s:2:\"en\";i:12;s:2:\"zh\";i:15;s:2:\"mn\";s:2:\"17\";}").unwrap();
        let PhpValue::Array(entries) = value else { panic!("an array") };
        let pairs: Vec<(String, Option<i64>)> = entries.iter().map(|(k, v)| (k.as_text(), v.as_int())).collect();
        assert_eq!(pairs, [("en".into(), Some(12)), ("zh".into(), Some(15)), ("mn".into(), Some(17))]);
    }

    #[test]
    fn counts_strings_in_bytes() {
        // "蒙古" is six bytes; "Улаанбаатар" twenty-two.
        let value = php_unserialize("a:2:{i:0;s:6:\"蒙古\";s:4:\"name\";s:22:\"Улаанбаатар\";}").unwrap();
        assert_eq!(
            value,
            PhpValue::Array(vec![
                (PhpKey::Int(0), PhpValue::String("蒙古".into())),
                (PhpKey::String("name".into()), PhpValue::String("Улаанбаатар".into())),
            ])
        );
        assert_eq!(php_unserialize("b:1;").unwrap(), PhpValue::Bool(true));
        assert_eq!(php_unserialize("N;").unwrap(), PhpValue::Null);
        assert_eq!(php_unserialize("d:-1.5;").unwrap(), PhpValue::Float(-1.5));
    }

    #[test]
    fn refuses_what_is_wrong() {
        for bad in [
            "s:5:\"蒙古\";",         // Length beyond the string.
            "s:2:\"蒙古\";",         // Length that splits a character.
            "a:2:{s:2:\"en\";i:1;}", // Fewer entries than counted.
            "a:1:{s:2:\"en\";i:1;}x",
            "O:8:\"stdClass\":0:{}",
            "i:12",
            "i:1x;",
            "a:1:{d:1.5;i:1;}",
            "a:99999999999:{",
            "",
        ] {
            assert!(php_unserialize(bad).is_err(), "{bad:?} was accepted");
        }
    }
}
