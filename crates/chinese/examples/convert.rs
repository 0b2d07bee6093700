//! Converts standard input with one profile and prints the result: a quick look at a rule.
//!
//! ```text
//! echo '国防部发布的白皮书' | cargo run -p dateline-chinese --example convert -- zh-hk
//! ```

use std::io::Read as _;

use dateline_chinese::{Glossary, Profile, convert};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let profile: Profile = std::env::args().nth(1).unwrap_or_else(|| "zh-tw".into()).parse()?;
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text)?;
    print!("{}", convert(&text, profile, &Glossary::default())?);
    Ok(())
}
