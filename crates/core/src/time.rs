use jiff::fmt::strtime;
use jiff::tz::TimeZone;
use jiff::{Timestamp, ZonedDateTime};

use crate::{Edition, ValidationError};

/// How an edition writes a date and time: a strftime pattern (`%Y年%m月%d日 %H:%M`), in which
/// `{zone}` stands for the newsroom's zone label.
///
/// The label is ours rather than the time zone database's because tzdb abbreviations are
/// ambiguous or empty for this newsroom's zones: Shanghai and Taipei both print `CST`,
/// Ulaanbaatar prints `+08`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeFormat(String);

impl TimeFormat {
    /// Accepts a pattern that formats a sample time without error.
    pub fn parse(pattern: &str) -> Result<TimeFormat, ValidationError> {
        let sample = Timestamp::UNIX_EPOCH.to_zoned_datetime(TimeZone::UTC);
        if pattern.trim().is_empty() || strtime::format(pattern, &sample).is_err() {
            return Err(ValidationError::invalid("time format", pattern, "expected-time-format"));
        }
        Ok(TimeFormat(pattern.to_owned()))
    }

    /// The pattern as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The newsroom's time zone with its display label: turns instants into what readers of each
/// edition see.
#[derive(Debug, Clone)]
pub struct NewsroomClock {
    zone: TimeZone,
    label: String,
}

impl NewsroomClock {
    /// A clock for the IANA zone `zone_name` (e.g. `Asia/Shanghai`), labelled `label` (`BJT`)
    /// wherever an edition has no label of its own.
    pub fn new(zone_name: &str, label: &str) -> Result<NewsroomClock, ValidationError> {
        let zone = TimeZone::get(zone_name)
            .map_err(|_| ValidationError::invalid("time zone", zone_name, "expected-time-zone"))?;
        Ok(NewsroomClock { zone, label: label.to_owned() })
    }

    /// The zone's label (`BJT`) where an edition has none of its own.
    pub fn label(&self) -> &str {
        &self.label
    }

    /// The instant as a wall-clock time in the newsroom's zone.
    pub fn local(&self, at: Timestamp) -> ZonedDateTime {
        at.to_zoned_datetime(self.zone.clone())
    }

    /// The instant as the edition writes it, such as `05-04-2016 13:40 BJT`.
    pub fn display(&self, at: Timestamp, edition: &Edition) -> String {
        let local = self.local(at);
        // The pattern was checked by `TimeFormat::parse`; formatting can only fail for
        // directives that need data a `ZonedDateTime` always has, so fall back to ISO 8601.
        let text = strtime::format(edition.time_format.as_str(), &local).unwrap_or_else(|_| self.iso8601(at));
        let label = edition.zone_label.as_deref().unwrap_or(&self.label);
        text.replace("{zone}", label).trim().to_owned()
    }

    /// The instant in ISO 8601 with the zone's offset, for `<time datetime>` and JSON-LD:
    /// `2016-05-04T13:40:00+08:00`.
    pub fn iso8601(&self, at: Timestamp) -> String {
        let local = self.local(at);
        strtime::format("%Y-%m-%dT%H:%M:%S%:z", &local).unwrap_or_else(|_| at.to_string())
    }

    /// The newsroom's calendar date of the instant, `2016-05-04`.
    pub fn date(&self, at: Timestamp) -> String {
        self.local(at).date().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::EditionCode;

    fn edition(pattern: &str, label: Option<&str>) -> Edition {
        Edition {
            code: EditionCode::parse("en").unwrap(),
            lang_tag: "en".into(),
            native_name: "English".into(),
            outlet_name: "Example".into(),
            time_format: TimeFormat::parse(pattern).unwrap(),
            zone_label: label.map(str::to_owned),
            position: 0,
            is_default: true,
            direction: crate::TextDirection::Ltr,
            status: crate::EditionStatus::Public,
        }
    }

    #[test]
    fn formats_in_newsroom_zone_with_label() {
        let clock = NewsroomClock::new("Asia/Shanghai", "BJT").unwrap();
        let at: Timestamp = "2016-05-04T05:40:00Z".parse().unwrap();
        assert_eq!(clock.display(at, &edition("%m-%d-%Y %H:%M {zone}", None)), "05-04-2016 13:40 BJT");
        assert_eq!(clock.display(at, &edition("%Y年%m月%d日 %H:%M", None)), "2016年05月04日 13:40");
        assert_eq!(
            clock.display(at, &edition("%Y.%m.%d %H:%M {zone}", Some("Бээжингийн цаг"))),
            "2016.05.04 13:40 Бээжингийн цаг"
        );
        assert_eq!(clock.iso8601(at), "2016-05-04T13:40:00+08:00");
        assert_eq!(clock.date(at), "2016-05-04");
    }

    #[test]
    fn rejects_bad_zone_and_pattern() {
        assert!(NewsroomClock::new("Mars/Olympus", "MT").is_err());
        assert!(TimeFormat::parse("%Y %").is_err());
        assert!(TimeFormat::parse(" ").is_err());
    }
}
