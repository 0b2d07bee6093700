//! Turning stored values back into domain types. Values that break a domain rule mean the
//! database was edited outside Dateline; they surface as [`StoreError::Invalid`].

use dateline_core::{Asset, AssetId};
use jiff::Timestamp;

use crate::StoreError;

pub(crate) fn timestamp(seconds: i64) -> Result<Timestamp, StoreError> {
    Timestamp::from_second(seconds).map_err(|_| StoreError::NotFound(format!("a valid time (stored value {seconds})")))
}

pub(crate) fn optional_timestamp(seconds: Option<i64>) -> Result<Option<Timestamp>, StoreError> {
    seconds.map(timestamp).transpose()
}

#[derive(sqlx::FromRow)]
pub(crate) struct AssetRow {
    pub id: i64,
    pub key: String,
    pub mime: String,
    pub size: i64,
    pub width: Option<i64>,
    pub height: Option<i64>,
    pub duration_ms: Option<i64>,
    pub focus_x: Option<i64>,
    pub focus_y: Option<i64>,
}

impl From<AssetRow> for Asset {
    fn from(row: AssetRow) -> Asset {
        Asset {
            id: AssetId(row.id),
            key: row.key,
            mime: row.mime,
            size: u64::try_from(row.size).unwrap_or(0),
            width: row.width.and_then(|w| u32::try_from(w).ok()),
            height: row.height.and_then(|h| u32::try_from(h).ok()),
            duration_ms: row.duration_ms.and_then(|d| u64::try_from(d).ok()),
            renditions: Vec::new(),
            focus: match (row.focus_x, row.focus_y) {
                (Some(x), Some(y)) => Some((percent(x), percent(y))),
                _ => None,
            },
            video: None,
        }
    }
}

/// A stored percentage (0 to 100; the store's check keeps it so).
fn percent(value: i64) -> u8 {
    u8::try_from(value.clamp(0, 100)).unwrap_or(50)
}
