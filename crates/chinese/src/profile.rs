use std::fmt;
use std::str::FromStr;

use crate::Error;

/// A conversion: our newsroom editions (`zh-tw`, `zh-hk`), OpenCC's own configurations for
/// comparison and for readers who expect them, Traditional to Simplified, or none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Profile {
    /// Taiwan news: MoE standard forms, Taiwan vocabulary, our phrase rules.
    ZhTw,
    /// Hong Kong news: HK standard forms, HK vocabulary, our phrase rules.
    ZhHk,
    /// OpenCC `s2t`, unchanged.
    S2t,
    /// OpenCC `s2tw`, unchanged.
    S2tw,
    /// OpenCC `s2twp`, unchanged.
    S2twp,
    /// OpenCC `s2hk`, unchanged.
    S2hk,
    /// OpenCC `t2s`, unchanged.
    T2s,
    /// No conversion (markers are still resolved, to the Traditional side).
    None,
}

impl Profile {
    pub const ALL: [Self; 8] =
        [Self::ZhTw, Self::ZhHk, Self::S2t, Self::S2tw, Self::S2twp, Self::S2hk, Self::T2s, Self::None];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::ZhTw => "zh-tw",
            Self::ZhHk => "zh-hk",
            Self::S2t => "s2t",
            Self::S2tw => "s2tw",
            Self::S2twp => "s2twp",
            Self::S2hk => "s2hk",
            Self::T2s => "t2s",
            Self::None => "none",
        }
    }

    /// Whether [`crate::review`] lists this profile's candidates (Dateline's own profiles).
    pub fn lists_candidates(self) -> bool {
        matches!(self, Profile::ZhTw | Profile::ZhHk)
    }

    /// Whether the output is Simplified (then `-{zh-hans:…}-` wins over `zh-hant`).
    pub fn is_simplified_target(self) -> bool {
        matches!(self, Self::T2s)
    }
}

impl FromStr for Profile {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Error> {
        Self::ALL
            .into_iter()
            .find(|p| p.as_str().eq_ignore_ascii_case(s))
            .ok_or_else(|| Error::UnknownProfile(s.to_owned()))
    }
}

impl fmt::Display for Profile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
