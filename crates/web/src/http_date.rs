//! HTTP dates (RFC 9110's IMF-fixdate, `Wed, 04 May 2016 07:05:00 GMT`) for `Last-Modified`
//! and `If-Modified-Since`, shared by the feeds and sitemaps and the page cache.

use axum::http::HeaderValue;
use jiff::Timestamp;

/// `at` as an HTTP date.
pub(crate) fn format(at: Timestamp) -> String {
    jiff::fmt::rfc2822::DateTimePrinter::new().timestamp_to_rfc9110_string(&at).unwrap_or_default()
}

/// The time in an HTTP date header, if it is one.
pub(crate) fn parse(value: &HeaderValue) -> Option<Timestamp> {
    jiff::fmt::rfc2822::DateTimeParser::new().parse_timestamp(value.to_str().ok()?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn http_dates_round_trip() {
        let at: Timestamp = "2016-05-04T07:05:00Z".parse().unwrap();
        let text = format(at);
        assert_eq!(text, "Wed, 04 May 2016 07:05:00 GMT");
        assert_eq!(parse(&HeaderValue::from_str(&text).unwrap()), Some(at));
    }
}
