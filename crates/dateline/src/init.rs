//! `dateline init`: a data directory with a migrated database and, given `--outlet` or asked
//! on a terminal, a site set up as the first-run page at `/admin/` does it (the same
//! `dateline_newsroom::set_up_site`), so that scripts can start a newsroom's own site.

use std::io::{BufRead, IsTerminal, Write};

use anyhow::{Context, bail};
use clap::Args;
use dateline_newsroom::{EditionForm, NewsroomError, SetUpForm, set_up_site};

use crate::accounts::read_new_password;
use crate::config::Config;
use crate::serve::open_store;

/// The site to set up. With none of these on a terminal, `init` asks for each; with none and
/// no terminal, it only prepares the database and the site is set up at `/admin/`.
#[derive(Args, Debug, Default)]
pub struct SiteFlags {
    /// The outlet's name, as the first edition writes it.
    #[arg(long, value_name = "NAME")]
    outlet: Option<String>,
    /// The first edition's language, a BCP 47 tag: fr, ar, pt-BR, zh-Hans, mn-Cyrl…
    #[arg(long, value_name = "TAG")]
    language: Option<String>,
    /// The language's name in itself [default: the usual one, for the languages we know].
    #[arg(long, value_name = "NAME")]
    native_name: Option<String>,
    /// The edition's URL code [default: the tag in lowercase].
    #[arg(long, value_name = "CODE")]
    code: Option<String>,
    /// ltr or rtl [default: from the language].
    #[arg(long, value_name = "DIR")]
    direction: Option<String>,
    /// The first section's name, in the edition's language [default: News, for English only].
    #[arg(long, value_name = "NAME")]
    section: Option<String>,
    /// The newsroom's IANA time zone [default: UTC].
    #[arg(long, value_name = "ZONE")]
    time_zone: Option<String>,
    /// The zone's label for readers [default: the zone's abbreviation, or UTC].
    #[arg(long, value_name = "LABEL")]
    zone_label: Option<String>,
    /// The first admin's e-mail address (their password is read from a prompt or stdin).
    #[arg(long, value_name = "EMAIL")]
    admin_email: Option<String>,
    /// The first admin's name.
    #[arg(long, value_name = "NAME")]
    admin_name: Option<String>,
}

/// `dateline init`.
pub async fn run(config: &Config, mut flags: SiteFlags) -> anyhow::Result<()> {
    let store = open_store(config).await?;
    let result = async {
        let interactive = flags.outlet.is_none() && std::io::stdin().is_terminal();
        if interactive && store.editions().await?.is_empty() {
            ask(&mut flags)?;
        }
        if flags.outlet.is_none() {
            if store.editions().await?.is_empty() {
                eprintln!(
                    "initialised {}; start `dateline serve --data {}` and open /admin/ to set the site up \
                     (or run `dateline init --outlet NAME --language TAG --admin-email EMAIL --admin-name NAME`)",
                    config.data_dir.display(),
                    config.data_dir.display()
                );
            } else {
                eprintln!("{} is set up already", config.data_dir.display());
            }
            return Ok(());
        }
        set_up(&store, flags).await
    }
    .await;
    store.close().await;
    result
}

async fn set_up(store: &dateline_store::Store, flags: SiteFlags) -> anyhow::Result<()> {
    if !store.editions().await?.is_empty() {
        bail!("the site has been set up already; nothing was changed (manage its editions at /admin/editions)");
    }
    let needs_admin = store.users().await?.is_empty();
    if needs_admin && (flags.admin_email.is_none() || flags.admin_name.is_none()) {
        bail!("the site has no users yet: give the first admin with --admin-email and --admin-name");
    }
    let admin_password = if needs_admin { read_new_password()? } else { String::new() };
    let time_zone = flags.time_zone.unwrap_or_else(|| "UTC".to_owned());
    let zone_label = flags.zone_label.unwrap_or_else(|| default_zone_label(&time_zone));
    let english = flags.language.as_deref().is_some_and(|tag| tag.split('-').next() == Some("en"));
    let section_name = flags.section.or_else(|| english.then(|| "News".to_owned())).unwrap_or_default();
    let form = SetUpForm {
        edition: EditionForm {
            code: flags.code.unwrap_or_default(),
            lang_tag: flags.language.unwrap_or_default(),
            native_name: flags.native_name.unwrap_or_default(),
            outlet_name: flags.outlet.unwrap_or_default(),
            direction: flags.direction.unwrap_or_default(),
            ..EditionForm::default()
        },
        section_name,
        time_zone,
        zone_label,
        admin_name: flags.admin_name.unwrap_or_default(),
        admin_email: flags.admin_email.unwrap_or_default(),
        admin_password,
    };
    match set_up_site(store, &form).await {
        Ok(done) => {
            let edition = &done.edition;
            eprintln!(
                "set up {:?}: edition {} ({}, {}, {}) at /{}/{}",
                edition.outlet_name,
                edition.code,
                edition.native_name,
                edition.lang_tag,
                edition.direction.as_str(),
                edition.code,
                if done.admin.is_some() { format!("; admin {}", form.admin_email.trim()) } else { String::new() }
            );
            Ok(())
        }
        Err(NewsroomError::Invalid(errors)) => {
            let flag = |field: &str| match field {
                "outlet_name" => "--outlet",
                "lang_tag" => "--language",
                "native_name" => "--native-name",
                "code" => "--code",
                "direction" => "--direction",
                "section_name" => "--section",
                "time_zone" => "--time-zone",
                "zone_label" => "--zone-label",
                "admin_email" => "--admin-email",
                "admin_name" => "--admin-name",
                "admin_password" => "the password",
                _ => "a setting",
            };
            let lines: Vec<String> =
                errors.0.iter().map(|(field, message)| format!("  {}: {message}", flag(field))).collect();
            bail!("nothing was set up:\n{}", lines.join("\n"))
        }
        Err(error) => Err(error.into()),
    }
}

/// The zone's usual abbreviation now (CET, JST), else UTC; an unknown zone is reported by the
/// set-up itself.
fn default_zone_label(time_zone: &str) -> String {
    jiff::tz::TimeZone::get(time_zone)
        .ok()
        .map(|zone| zone.to_offset_info(jiff::Timestamp::now()).abbreviation().to_owned())
        .filter(|label| label.chars().all(|c| c.is_ascii_alphabetic()) && !label.is_empty())
        .unwrap_or_else(|| "UTC".to_owned())
}

/// Asks on the terminal for what the flags did not give.
fn ask(flags: &mut SiteFlags) -> anyhow::Result<()> {
    eprintln!("Set up the site (Ctrl-C to stop; leave a line empty for its default).");
    let ask_for = |slot: &mut Option<String>, question: &str| -> anyhow::Result<()> {
        if slot.is_none() {
            eprint!("{question}: ");
            std::io::stderr().flush().ok();
            let mut line = String::new();
            std::io::stdin().lock().read_line(&mut line).context("cannot read the answer")?;
            *slot = Some(line.trim().to_owned()).filter(|answer| !answer.is_empty());
        }
        Ok(())
    };
    ask_for(&mut flags.outlet, "Outlet name")?;
    ask_for(&mut flags.language, "First edition's language (BCP 47 tag: en, fr, ar, zh-Hans…)")?;
    ask_for(&mut flags.native_name, "Its name in itself [the usual one]")?;
    ask_for(&mut flags.code, "URL code [the tag in lowercase]")?;
    ask_for(&mut flags.section, "First section's name, in that language (News, Actualités…)")?;
    ask_for(&mut flags.time_zone, "Newsroom time zone [UTC]")?;
    ask_for(&mut flags.zone_label, "Its label for readers [its abbreviation]")?;
    ask_for(&mut flags.admin_name, "Your name (the first admin)")?;
    ask_for(&mut flags.admin_email, "Your e-mail address")?;
    if flags.outlet.is_none() {
        bail!("an outlet name is needed to set the site up");
    }
    Ok(())
}
