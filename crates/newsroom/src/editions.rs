//! A site of the newsroom's own: the first run that sets it up from nothing (outlet, first
//! edition, time zone, first admin), and its editions afterwards — added for any language,
//! edited, reordered, hidden while prepared, retired, or deleted when nothing was written in
//! them. The admin pages, the Admin API and `dateline init` all call these.

use dateline_core::{
    Edition, EditionCode, EditionStatus, FieldErrors, Msg, NewsroomClock, Role, SectionName, SiteSettings, Slug,
    TextDirection, TimeFormat, User, UserId, native_language_name, normalize_email, parse_language_tag,
};
use dateline_store::{Actor, NewSection, NewUser, Store, StoreError};

use crate::{Newsroom, NewsroomError, actor, hash_password};

/// The fewest characters a new password may have.
pub const MIN_PASSWORD_CHARS: usize = 12;

/// Why a new password is refused, if it is: too short or too long, a short run of characters
/// repeated, or one of the most common passwords (also with digits or symbols around it, and
/// whatever its letter case).
pub fn check_new_password(password: &str) -> Result<(), Msg> {
    let chars: Vec<char> = password.chars().collect();
    if chars.len() < MIN_PASSWORD_CHARS {
        return Err(Msg::new("password-too-short").with("min", MIN_PASSWORD_CHARS));
    }
    if chars.len() > 1024 {
        return Err(Msg::new("password-too-long"));
    }
    if password.trim().is_empty() || is_repetition(&chars) {
        return Err(Msg::new("password-repeated"));
    }
    if is_common_password(password) {
        return Err(Msg::new("password-common"));
    }
    Ok(())
}

/// Whether `chars` is one short run (at most a third of it) written again and again
/// (`aaaaaaaaaaaa`, `abcabcabcabc`).
fn is_repetition(chars: &[char]) -> bool {
    (1..=chars.len() / 3)
        .any(|unit| chars.len().is_multiple_of(unit) && chars.chunks(unit).all(|c| c == &chars[..unit]))
}

/// The common passwords, one per line, lower-cased (`data/README.md` says where from).
static COMMON_PASSWORDS: std::sync::LazyLock<std::collections::HashSet<&'static str>> =
    std::sync::LazyLock::new(|| include_str!("../data/common-passwords.txt").lines().collect());

/// Whether `password`, lower-cased, is a common password, or one with only digits, spaces or
/// symbols added before or after it (`Password1234!`, `2024dragon2024`).
fn is_common_password(password: &str) -> bool {
    let lower = password.to_lowercase();
    let core = lower.trim_matches(|c: char| !c.is_alphabetic());
    COMMON_PASSWORDS.contains(lower.as_str()) || (core.chars().count() >= 4 && COMMON_PASSWORDS.contains(core))
}

/// An edition as a form or an API request gives it: text, checked by [`EditionForm::check`].
/// Empty optional fields take their defaults: the direction from the language, a numeric time
/// format, the site's zone label, the next position.
#[derive(Debug, Clone, Default)]
pub struct EditionForm {
    pub code: String,
    pub lang_tag: String,
    pub native_name: String,
    pub outlet_name: String,
    pub direction: String,
    pub status: String,
    pub position: String,
    pub time_format: String,
    pub zone_label: String,
    pub is_default: bool,
}

impl EditionForm {
    /// The edition this form describes, or a message for each field that is wrong.
    fn check(&self, errors: &mut FieldErrors, next_position: i64) -> Option<Edition> {
        let lang_tag = parse_language_tag(&self.lang_tag).map_err(|e| errors.add("lang_tag", e)).ok();
        // Left empty, the URL code is the language tag in lowercase (`pt-br`) and the name is
        // the language's own, when we know it.
        let code_text = match self.code.trim() {
            "" => lang_tag.as_deref().map(str::to_ascii_lowercase).unwrap_or_default(),
            text => text.to_owned(),
        };
        // A code or name derived from a refused tag would only repeat the tag's error.
        let derived_from_bad_tag = lang_tag.is_none();
        let code = match EditionCode::parse(&code_text) {
            Ok(code) => Some(code),
            Err(_) if derived_from_bad_tag && self.code.trim().is_empty() => None,
            Err(e) => {
                errors.add("code", e);
                None
            }
        };
        let native_name = match self.native_name.trim() {
            "" => lang_tag.as_deref().and_then(native_language_name).unwrap_or_default(),
            text => text,
        };
        if (native_name.is_empty() && !derived_from_bad_tag) || native_name.chars().count() > 60 {
            errors.add("native_name", Msg::new("edition-native-name-needed"));
        }
        let outlet_name = self.outlet_name.trim();
        if outlet_name.is_empty() || outlet_name.chars().count() > 120 {
            errors.add("outlet_name", Msg::new("edition-outlet-name-needed"));
        }
        let direction = match self.direction.trim() {
            "" => lang_tag.as_deref().map(TextDirection::of_language),
            text => TextDirection::parse(text).map_err(|e| errors.add("direction", e)).ok(),
        };
        let status = match self.status.trim() {
            "" => Some(EditionStatus::Public),
            text => EditionStatus::parse(text).map_err(|e| errors.add("status", e)).ok(),
        };
        let position = match self.position.trim() {
            "" => Some(next_position),
            text => text.parse::<i64>().ok().filter(|p| (0..=10_000).contains(p)).or_else(|| {
                errors.add("position", Msg::new("edition-position-range"));
                None
            }),
        };
        let time_format = match self.time_format.trim() {
            "" => lang_tag.as_deref().map(default_time_format).and_then(|f| TimeFormat::parse(f).ok()),
            text => TimeFormat::parse(text).map_err(|e| errors.add("time_format", e)).ok(),
        };
        let zone_label = Some(self.zone_label.trim().to_owned()).filter(|label| !label.is_empty());
        if !errors.is_empty() {
            return None;
        }
        Some(Edition {
            code: code?,
            lang_tag: lang_tag?,
            native_name: native_name.to_owned(),
            outlet_name: outlet_name.to_owned(),
            time_format: time_format?,
            zone_label,
            position: position?,
            is_default: self.is_default,
            direction: direction?,
            status: status?,
        })
    }
}

/// How a new edition writes times until someone says otherwise: numbers, which read in any
/// language, and Chinese's own order.
fn default_time_format(lang_tag: &str) -> &'static str {
    if lang_tag.split('-').next().is_some_and(|language| language.eq_ignore_ascii_case("zh")) {
        "%Y年%m月%d日 %H:%M"
    } else {
        "%Y-%m-%d %H:%M {zone}"
    }
}

/// What the first run asks for.
#[derive(Debug, Clone, Default)]
pub struct SetUpForm {
    /// The first edition; its outlet name is the outlet's.
    pub edition: EditionForm,
    /// The first section, in the first edition's language (`News`, `أخبار`): a story needs
    /// one, and the navigation shows it.
    pub section_name: String,
    /// The newsroom's IANA time zone and the label readers see.
    pub time_zone: String,
    pub zone_label: String,
    /// The first admin account: required when the site has no users yet, ignored otherwise.
    pub admin_name: String,
    pub admin_email: String,
    pub admin_password: String,
}

/// What the first run made.
#[derive(Debug)]
pub struct SetUpDone {
    pub edition: Edition,
    /// The admin account, when the first run made one.
    pub admin: Option<UserId>,
}

impl Newsroom {
    /// Whether the site still needs its first run: it has no edition.
    pub async fn needs_set_up(&self) -> Result<bool, NewsroomError> {
        Ok(self.site().await?.all_editions.is_empty())
    }

    /// Sets up a site that has no edition: see [`set_up_site`].
    pub async fn set_up_site(&self, form: &SetUpForm, by: Option<&User>) -> Result<SetUpDone, NewsroomError> {
        let done = set_up_site(self.store(), form).await?;
        self.site_changed();
        // The first admin is the site's first author.
        if let Some(admin) = done.admin
            && let Some(user) = self.store().user(admin).await?
        {
            self.own_contributor(&user).await?;
        }
        let actor = match by {
            Some(user) => actor(user),
            None => Actor { id: done.admin, name: form.admin_name.trim().to_owned() },
        };
        let subject = format!("edition {}", done.edition.code);
        self.audit(&actor, "site.set_up", &subject, &done.edition.outlet_name).await;
        Ok(done)
    }

    /// Adds an edition. A new edition is hidden unless the form says otherwise, so that the
    /// newsroom can prepare it before readers see it.
    pub async fn add_edition(&self, by: &User, form: &EditionForm) -> Result<Edition, NewsroomError> {
        let editions = self.store().editions().await?;
        let mut errors = FieldErrors::default();
        let next_position = editions.iter().map(|e| e.position + 1).max().unwrap_or(0);
        let form = EditionForm {
            status: if form.status.trim().is_empty() { "hidden".to_owned() } else { form.status.clone() },
            ..form.clone()
        };
        let edition = form.check(&mut errors, next_position);
        if let Some(edition) = &edition
            && editions.iter().any(|e| e.code == edition.code)
        {
            errors.add("code", Msg::new("edition-code-taken").with("code", edition.code.as_str()));
        }
        let Some(mut edition) = edition.filter(|_| errors.is_empty()) else {
            return Err(NewsroomError::Invalid(errors));
        };
        if editions.is_empty() {
            edition.is_default = true;
            edition.status = EditionStatus::Public;
        }
        check_default_is_public(&edition)?;
        self.store().save_edition(&edition).await?;
        self.site_changed();
        let detail = format!("{} ({}), {}", edition.native_name, edition.lang_tag, edition.status.as_str());
        self.audit(&actor(by), "edition.add", &format!("edition {}", edition.code), &detail).await;
        Ok(edition)
    }

    /// The public edition an import makes for a language (`dateline migrate-from
    /// --languages`), named after the language and the site's default edition's outlet,
    /// checked but not written: the import writes it in its own transaction, after the
    /// editions in `planned` (made for the same import).
    pub async fn edition_for_import(
        &self,
        code: &str,
        lang_tag: &str,
        planned: &[Edition],
    ) -> Result<Edition, NewsroomError> {
        let editions = self.store().editions().await?;
        let outlet_name = editions
            .iter()
            .find(|e| e.is_default)
            .map(|e| e.outlet_name.clone())
            .unwrap_or_else(|| "Dateline".to_owned());
        let form = EditionForm {
            code: code.to_owned(),
            lang_tag: lang_tag.to_owned(),
            // A language without a known name of its own is named by its code.
            native_name: dateline_core::native_language_name(lang_tag).unwrap_or(code).to_owned(),
            outlet_name,
            status: "public".to_owned(),
            is_default: editions.is_empty() && planned.is_empty(),
            ..EditionForm::default()
        };
        let mut errors = FieldErrors::default();
        let next_position = editions.iter().chain(planned).map(|e| e.position + 1).max().unwrap_or(0);
        form.check(&mut errors, next_position).filter(|_| errors.is_empty()).ok_or(NewsroomError::Invalid(errors))
    }

    /// After an import that made `editions` has committed: every node reloads the site, and
    /// the audit log records them as the command's doing.
    pub(crate) async fn editions_imported(&self, editions: &[Edition]) {
        if editions.is_empty() {
            return;
        }
        self.site_changed();
        let by = dateline_store::Actor { id: None, name: "dateline migrate-from".to_owned() };
        for edition in editions {
            let detail = format!("{} ({})", edition.native_name, edition.lang_tag);
            self.audit(&by, "edition.add", &format!("edition {}", edition.code), &detail).await;
        }
    }

    /// Changes edition `code` (its code stays: it is in every URL of the edition). Fields
    /// left empty keep their values, except the zone label, where empty means the site's.
    pub async fn update_edition(&self, by: &User, code: &str, form: &EditionForm) -> Result<Edition, NewsroomError> {
        let editions = self.store().editions().await?;
        let current = find(&editions, code)?;
        let mut errors = FieldErrors::default();
        // A field left out keeps its value, so that `{"status": "public"}` is a whole request.
        let or_current = |given: &str, current: &str| {
            if given.trim().is_empty() { current.to_owned() } else { given.to_owned() }
        };
        let form = EditionForm {
            code: current.code.to_string(),
            lang_tag: or_current(&form.lang_tag, &current.lang_tag),
            native_name: or_current(&form.native_name, &current.native_name),
            outlet_name: or_current(&form.outlet_name, &current.outlet_name),
            direction: or_current(&form.direction, current.direction.as_str()),
            status: or_current(&form.status, current.status.as_str()),
            position: or_current(&form.position, &current.position.to_string()),
            time_format: or_current(&form.time_format, current.time_format.as_str()),
            zone_label: form.zone_label.clone(),
            is_default: form.is_default || current.is_default,
        };
        let Some(edition) = form.check(&mut errors, current.position).filter(|_| errors.is_empty()) else {
            return Err(NewsroomError::Invalid(errors));
        };
        check_default_is_public(&edition)?;
        self.store().save_edition(&edition).await?;
        self.site_changed();
        // Hiding, publishing and retiring change what readers see: the log says who did it.
        if edition.status != current.status {
            let action = format!("edition.{}", edition.status.as_str());
            let detail = format!("was {}", current.status.as_str());
            self.audit(&actor(by), &action, &format!("edition {}", edition.code), &detail).await;
        }
        Ok(edition)
    }

    /// Deletes an edition nothing was written in. The default edition, and the last one,
    /// stay.
    pub async fn delete_edition(&self, by: &User, code: &str) -> Result<(), NewsroomError> {
        let editions = self.store().editions().await?;
        let edition = find(&editions, code)?;
        if edition.is_default {
            return Err(NewsroomError::Conflict(Msg::new("edition-is-default").with("code", code)));
        }
        if editions.len() == 1 {
            return Err(NewsroomError::Conflict(Msg::new("edition-last")));
        }
        self.store().delete_edition(&edition.code).await.map_err(|error| match error {
            StoreError::Conflict(message) => NewsroomError::Conflict(message),
            other => other.into(),
        })?;
        self.site_changed();
        let detail = format!("{} ({})", edition.native_name, edition.lang_tag);
        self.audit(&actor(by), "edition.delete", &format!("edition {code}"), &detail).await;
        Ok(())
    }
}

/// Sets up a site that has no edition: settings, the first edition (public and the default)
/// and, when there are no users yet, the first admin. The command line calls it with no
/// newsroom running; the server calls [`Newsroom::set_up_site`].
pub async fn set_up_site(store: &Store, form: &SetUpForm) -> Result<SetUpDone, NewsroomError> {
    let needs_admin = store.users().await?.is_empty();
    let mut errors = FieldErrors::default();
    let edition_form = EditionForm { is_default: true, status: "public".to_owned(), ..form.edition.clone() };
    let edition = edition_form.check(&mut errors, 0);
    let time_zone = form.time_zone.trim();
    if let Err(error) = NewsroomClock::new(time_zone, "") {
        errors.add("time_zone", error);
    }
    let section_name = form.section_name.trim();
    if section_name.is_empty() || section_name.chars().count() > 80 {
        errors.add("section_name", Msg::new("set-up-section-needed"));
    }
    let zone_label = form.zone_label.trim();
    if zone_label.is_empty() || zone_label.chars().count() > 40 {
        errors.add("zone_label", Msg::new("set-up-zone-label-needed"));
    }
    let admin = if needs_admin {
        let name = form.admin_name.trim();
        if name.is_empty() || name.chars().count() > 120 {
            errors.add("admin_name", Msg::new("user-name-needed"));
        }
        let email = normalize_email(&form.admin_email);
        if !valid_email(&email) {
            errors.add("admin_email", Msg::new("user-email-needed"));
        }
        if let Err(message) = check_new_password(&form.admin_password) {
            errors.add("admin_password", message);
        }
        Some((name.to_owned(), email))
    } else {
        None
    };
    let Some(edition) = edition.filter(|_| errors.is_empty()) else {
        return Err(NewsroomError::Invalid(errors));
    };
    let settings =
        SiteSettings { time_zone: time_zone.to_owned(), zone_label: zone_label.to_owned(), ..SiteSettings::default() };
    let new_admin = match admin {
        Some((name, email)) => {
            let password = form.admin_password.clone();
            let password_hash = tokio::task::spawn_blocking(move || hash_password(&password))
                .await
                .map_err(|e| NewsroomError::Internal(e.to_string()))?
                .map_err(NewsroomError::Internal)?;
            Some(NewUser { email, name, role: Role::Admin, password_hash })
        }
        None => None,
    };
    let admin = store.set_up_site(&settings, &edition, new_admin.as_ref()).await.map_err(|error| match error {
        StoreError::Conflict(what) => NewsroomError::Conflict(what),
        other => other.into(),
    })?;
    let section = NewSection {
        parent: None,
        position: 0,
        names: vec![SectionName {
            edition: edition.code.clone(),
            slug: Slug::from_title(section_name),
            name: section_name.to_owned(),
        }],
    };
    store.create_section(&section).await?;
    Ok(SetUpDone { edition, admin })
}

fn find<'a>(editions: &'a [Edition], code: &str) -> Result<&'a Edition, NewsroomError> {
    editions.iter().find(|e| e.code.as_str() == code).ok_or_else(|| NewsroomError::NotFound(format!("edition {code}")))
}

/// Readers without a matching language land on the default edition, so it must be public.
fn check_default_is_public(edition: &Edition) -> Result<(), NewsroomError> {
    if edition.is_default && edition.status != EditionStatus::Public {
        return Err(NewsroomError::field("status", Msg::new("edition-default-public")));
    }
    Ok(())
}

/// An address with one `@`, something either side, no spaces, of a length mail allows.
pub fn valid_email(email: &str) -> bool {
    let mut parts = email.split('@');
    let (Some(local), Some(domain), None) = (parts.next(), parts.next(), parts.next()) else { return false };
    !local.is_empty() && domain.contains('.') && email.len() <= 254 && !email.contains(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(code: &str, tag: &str) -> EditionForm {
        EditionForm {
            code: code.into(),
            lang_tag: tag.into(),
            native_name: "Name".into(),
            outlet_name: "Outlet".into(),
            ..EditionForm::default()
        }
    }

    #[test]
    fn an_edition_form_takes_its_defaults_from_the_language() {
        let mut errors = FieldErrors::default();
        let arabic = form("ar", "ar").check(&mut errors, 3).unwrap();
        assert_eq!((arabic.direction, arabic.position, arabic.status), (TextDirection::Rtl, 3, EditionStatus::Public));
        assert_eq!(arabic.time_format.as_str(), "%Y-%m-%d %H:%M {zone}");
        let chinese = form("zh-hk", "zh-hant-hk").check(&mut errors, 0).unwrap();
        let french =
            EditionForm { lang_tag: "fr".into(), outlet_name: "Le Méridien".into(), ..EditionForm::default() };
        let french = french.check(&mut errors, 0).unwrap();
        assert_eq!((french.code.as_str(), french.native_name.as_str()), ("fr", "Français"));
        assert_eq!((chinese.lang_tag.as_str(), chinese.direction), ("zh-Hant-HK", TextDirection::Ltr));
        assert!(errors.is_empty());
    }

    #[test]
    fn a_bad_edition_form_names_each_field() {
        let mut errors = FieldErrors::default();
        let bad = EditionForm {
            code: "FR".into(),
            lang_tag: "french".into(),
            native_name: String::new(),
            direction: "up".into(),
            position: "-1".into(),
            ..EditionForm::default()
        };
        assert!(bad.check(&mut errors, 0).is_none());
        let fields: Vec<&str> = errors.0.iter().map(|(field, _)| field.as_str()).collect();
        for field in ["code", "lang_tag", "outlet_name", "direction", "position"] {
            assert!(fields.contains(&field), "{field} in {fields:?}");
        }
        // The name would come from the tag: its error would only repeat the tag's.
        assert!(!fields.contains(&"native_name"), "{fields:?}");
    }

    #[test]
    fn new_passwords() {
        assert!(check_new_password("correct horse battery").is_ok());
        assert!(check_new_password("Tide tables at Qingdao pier").is_ok());
        for bad in [
            "short",
            "            ",
            "aaaaaaaaaaaaaaaa",
            "elevenchars",
            "abcabcabcabc",
            "qwerty123456",
            "Password1234",
            "2024dragon2024!",
            "1QAZ2WSX3EDC",
            "  Sunshine!!!!  ",
        ] {
            assert!(check_new_password(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn emails() {
        assert!(valid_email("editor@news.example.org"));
        for bad in ["", "editor", "@example.org", "editor@localhost", "a@b@c.org", "a b@example.org"] {
            assert!(!valid_email(bad), "{bad}");
        }
    }
}
