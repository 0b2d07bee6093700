//! Site-wide data: settings, editions and the outlet's social accounts.

use dateline_core::{
    AssetId, Edition, EditionCode, EditionIdentity, EditionStatus, Msg, SiteIdentity, SiteLink, SiteSettings,
    SocialAccount, SocialAccountId, SocialPlatform, TextDirection, TimeFormat, UserId,
};

use crate::users::NewUser;
use crate::{Store, StoreError};

/// A social account to add.
#[derive(Debug, Clone)]
pub struct NewSocialAccount {
    /// Platform.
    pub platform: SocialPlatform,
    /// The account's public address.
    pub url: String,
    /// Handle or display name.
    pub handle: String,
    /// Order in the "Follow us" block.
    pub position: i64,
    /// Per-edition captions.
    pub captions: Vec<(EditionCode, String)>,
    /// The editions that show it; empty: all.
    pub editions: Vec<EditionCode>,
}

#[derive(sqlx::FromRow)]
struct EditionRow {
    code: String,
    lang_tag: String,
    native_name: String,
    outlet_name: String,
    time_format: String,
    zone_label: Option<String>,
    position: i64,
    is_default: i64,
    direction: String,
    status: String,
}

impl Store {
    /// The site settings, or the defaults when none were saved yet.
    pub async fn settings(&self) -> Result<SiteSettings, StoreError> {
        let row: Option<(String, String, String)> =
            sqlx::query_as("SELECT time_zone, zone_label, byline_separator FROM site_settings WHERE id = 1")
                .fetch_optional(&self.pool)
                .await?;
        Ok(match row {
            Some((time_zone, zone_label, byline_separator)) => SiteSettings { time_zone, zone_label, byline_separator },
            None => SiteSettings::default(),
        })
    }

    /// The site's identity: accent colour, images, and each edition's description and footer
    /// links.
    pub async fn site_identity(&self) -> Result<SiteIdentity, StoreError> {
        let row: Option<(Option<String>, Option<i64>, Option<i64>, Option<i64>)> = sqlx::query_as(
            "SELECT accent_color, logo_asset_id, icon_asset_id, social_image_asset_id FROM site_settings WHERE id = 1",
        )
        .fetch_optional(&self.pool)
        .await?;
        let (accent_color, logo, icon, social_image) = row.unwrap_or_default();
        let rows: Vec<(String, Option<String>, String, String)> =
            sqlx::query_as("SELECT code, description, footer_links, menu_links FROM editions ORDER BY position, code")
                .fetch_all(&self.pool)
                .await?;
        let editions = rows
            .into_iter()
            .map(|(code, description, footer, menu)| {
                Ok(EditionIdentity {
                    edition: EditionCode::parse(&code)?,
                    description,
                    footer_links: links_from_column(&footer),
                    menu_links: links_from_column(&menu),
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        Ok(SiteIdentity {
            accent_color,
            logo: logo.map(AssetId),
            icon: icon.map(AssetId),
            social_image: social_image.map(AssetId),
            editions,
        })
    }

    /// Saves the site's identity; an edition not listed keeps its description and links.
    /// The site must have been set up (its settings row exists).
    pub async fn save_site_identity(&self, identity: &SiteIdentity) -> Result<(), StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        sqlx::query(
            "UPDATE site_settings SET accent_color = $1, logo_asset_id = $2, icon_asset_id = $3,
                 social_image_asset_id = $4 WHERE id = 1",
        )
        .bind(identity.accent_color.as_deref())
        .bind(identity.logo.map(|id| id.0))
        .bind(identity.icon.map(|id| id.0))
        .bind(identity.social_image.map(|id| id.0))
        .execute(&mut *tx)
        .await?;
        for edition in &identity.editions {
            sqlx::query("UPDATE editions SET description = $1, footer_links = $2, menu_links = $3 WHERE code = $4")
                .bind(edition.description.as_deref())
                .bind(links_to_column(&edition.footer_links))
                .bind(links_to_column(&edition.menu_links))
                .bind(edition.edition.as_str())
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Saves the site settings.
    pub async fn save_settings(&self, settings: &SiteSettings) -> Result<(), StoreError> {
        let mut connection = self.pool.acquire().await?;
        write_settings(&mut connection, settings).await
    }

    /// Every edition, in switcher order.
    pub async fn editions(&self) -> Result<Vec<Edition>, StoreError> {
        let rows: Vec<EditionRow> = sqlx::query_as(
            "SELECT code, lang_tag, native_name, outlet_name, time_format, zone_label, position, is_default,
                    direction, status
             FROM editions ORDER BY position, code",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|row| {
                Ok(Edition {
                    code: EditionCode::parse(&row.code)?,
                    lang_tag: row.lang_tag,
                    native_name: row.native_name,
                    outlet_name: row.outlet_name,
                    time_format: TimeFormat::parse(&row.time_format)?,
                    zone_label: row.zone_label,
                    position: row.position,
                    is_default: row.is_default != 0,
                    direction: TextDirection::parse(&row.direction)?,
                    status: EditionStatus::parse(&row.status)?,
                })
            })
            .collect()
    }

    /// A new site's first settings, edition and (unless a user exists already) admin, in one
    /// transaction. Refused as a conflict once the site has an edition, or when `admin` is
    /// given and a user exists: the set-up page is open to anyone only until it has run.
    pub async fn set_up_site(
        &self,
        settings: &SiteSettings,
        edition: &Edition,
        admin: Option<&NewUser>,
    ) -> Result<Option<UserId>, StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        let (editions,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM editions").fetch_one(&mut *tx).await?;
        if editions > 0 {
            return Err(StoreError::Conflict(Msg::new("site-set-up-already")));
        }
        let mut admin_id = None;
        if let Some(admin) = admin {
            let (users,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM users").fetch_one(&mut *tx).await?;
            if users > 0 {
                return Err(StoreError::Conflict(Msg::new("users-exist-already")));
            }
            admin_id = Some(crate::users::insert_user(&mut tx, admin).await?);
        }
        write_settings(&mut tx, settings).await?;
        write_edition(&mut tx, edition).await?;
        tx.commit().await?;
        Ok(admin_id)
    }

    /// Removes an edition that nothing was ever written in (added by mistake), with its names
    /// of sections and contributors and its social captions. An edition with articles is
    /// retired instead, so that its URLs can answer 410.
    pub async fn delete_edition(&self, code: &EditionCode) -> Result<(), StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        let (articles,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM articles WHERE edition = $1")
            .bind(code.as_str())
            .fetch_one(&mut *tx)
            .await?;
        if articles > 0 {
            return Err(StoreError::Conflict(
                Msg::new("edition-has-articles").with("code", code.as_str()).with("count", articles),
            ));
        }
        for table in ["section_names", "contributor_names", "social_account_captions", "pages"] {
            // Table names are constants of this function, never input.
            let sql = format!("DELETE FROM {table} WHERE edition = $1");
            sqlx::query(sqlx::AssertSqlSafe(sql)).bind(code.as_str()).execute(&mut *tx).await?;
        }
        let deleted = sqlx::query("DELETE FROM editions WHERE code = $1").bind(code.as_str()).execute(&mut *tx).await?;
        if deleted.rows_affected() == 0 {
            return Err(StoreError::NotFound(format!("edition {code}")));
        }
        tx.commit().await?;
        Ok(())
    }

    /// Adds an edition, or updates the one with the same code. Making it the default takes the
    /// flag from any other edition, in the same transaction.
    pub async fn save_edition(&self, edition: &Edition) -> Result<(), StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        if edition.is_default {
            sqlx::query("UPDATE editions SET is_default = 0 WHERE code <> $1")
                .bind(edition.code.as_str())
                .execute(&mut *tx)
                .await?;
        }
        write_edition(&mut tx, edition).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The outlet's social accounts, in display order.
    pub async fn social_accounts(&self) -> Result<Vec<SocialAccount>, StoreError> {
        let rows: Vec<(i64, String, String, String, i64, String)> = sqlx::query_as(
            "SELECT id, platform, url, handle, position, editions FROM social_accounts ORDER BY position, id",
        )
        .fetch_all(&self.pool)
        .await?;
        let captions: Vec<(i64, String, String)> =
            sqlx::query_as("SELECT account_id, edition, caption FROM social_account_captions")
                .fetch_all(&self.pool)
                .await?;
        rows.into_iter()
            .map(|(id, platform, url, handle, position, editions)| {
                let captions = captions
                    .iter()
                    .filter(|(account, _, _)| *account == id)
                    .map(|(_, edition, caption)| Ok((EditionCode::parse(edition)?, caption.clone())))
                    .collect::<Result<_, StoreError>>()?;
                Ok(SocialAccount {
                    id: SocialAccountId(id),
                    platform: SocialPlatform::parse(&platform)?,
                    url,
                    handle,
                    position,
                    captions,
                    editions: editions
                        .split(',')
                        .filter(|code| !code.is_empty())
                        .map(EditionCode::parse)
                        .collect::<Result<_, _>>()?,
                })
            })
            .collect()
    }

    /// Adds a social account with its captions.
    pub async fn create_social_account(&self, account: &NewSocialAccount) -> Result<SocialAccountId, StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO social_accounts (platform, url, handle, position, editions) VALUES ($1, $2, $3, $4, $5)
             RETURNING id",
        )
        .bind(account.platform.as_str())
        .bind(&account.url)
        .bind(&account.handle)
        .bind(account.position)
        .bind(edition_list(&account.editions))
        .fetch_one(&mut *tx)
        .await?;
        for (edition, caption) in &account.captions {
            sqlx::query("INSERT INTO social_account_captions (account_id, edition, caption) VALUES ($1, $2, $3)")
                .bind(id)
                .bind(edition.as_str())
                .bind(caption)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(SocialAccountId(id))
    }
}

impl Store {
    /// Replaces a social account's fields and captions.
    pub async fn update_social_account(
        &self,
        id: SocialAccountId,
        account: &NewSocialAccount,
    ) -> Result<(), StoreError> {
        let (_turn, mut tx) = self.begin_write().await?;
        let done = sqlx::query(
            "UPDATE social_accounts SET platform = $1, url = $2, handle = $3, position = $4, editions = $5
                 WHERE id = $6",
        )
        .bind(account.platform.as_str())
        .bind(&account.url)
        .bind(&account.handle)
        .bind(account.position)
        .bind(edition_list(&account.editions))
        .bind(id.0)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound(format!("social account {id}")));
        }
        sqlx::query("DELETE FROM social_account_captions WHERE account_id = $1").bind(id.0).execute(&mut *tx).await?;
        for (edition, caption) in &account.captions {
            sqlx::query("INSERT INTO social_account_captions (account_id, edition, caption) VALUES ($1, $2, $3)")
                .bind(id.0)
                .bind(edition.as_str())
                .bind(caption)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Removes a social account.
    pub async fn delete_social_account(&self, id: SocialAccountId) -> Result<(), StoreError> {
        let done = sqlx::query("DELETE FROM social_accounts WHERE id = $1").bind(id.0).execute(&self.pool).await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound(format!("social account {id}")));
        }
        Ok(())
    }
}

/// Links as a column holds them: one per line, label and address split by a tab.
fn links_to_column(links: &[SiteLink]) -> String {
    // Labels and addresses hold no tab or line break (`parse_site_links` reads lines, and a
    // label with a tab would split wrongly here).
    let lines: Vec<String> =
        links.iter().map(|link| format!("{}\t{}", link.label.replace(['\t', '\n', '\r'], " "), link.url)).collect();
    lines.join("\n")
}

fn links_from_column(column: &str) -> Vec<SiteLink> {
    column
        .lines()
        .filter_map(|line| line.split_once('\t'))
        .map(|(label, url)| SiteLink { label: label.to_owned(), url: url.to_owned() })
        .collect()
}

async fn write_settings(connection: &mut sqlx::AnyConnection, settings: &SiteSettings) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO site_settings (id, time_zone, zone_label, byline_separator) VALUES (1, $1, $2, $3)
         ON CONFLICT (id) DO UPDATE SET time_zone = excluded.time_zone,
             zone_label = excluded.zone_label, byline_separator = excluded.byline_separator",
    )
    .bind(&settings.time_zone)
    .bind(&settings.zone_label)
    .bind(&settings.byline_separator)
    .execute(&mut *connection)
    .await?;
    Ok(())
}

pub(crate) async fn write_edition(connection: &mut sqlx::AnyConnection, edition: &Edition) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO editions (code, lang_tag, native_name, outlet_name, time_format, zone_label, position, is_default,
             direction, status)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (code) DO UPDATE SET lang_tag = excluded.lang_tag, native_name = excluded.native_name,
             outlet_name = excluded.outlet_name, time_format = excluded.time_format,
             zone_label = excluded.zone_label, position = excluded.position, is_default = excluded.is_default,
             direction = excluded.direction, status = excluded.status",
    )
    .bind(edition.code.as_str())
    .bind(&edition.lang_tag)
    .bind(&edition.native_name)
    .bind(&edition.outlet_name)
    .bind(edition.time_format.as_str())
    .bind(&edition.zone_label)
    .bind(edition.position)
    .bind(i64::from(edition.is_default))
    .bind(edition.direction.as_str())
    .bind(edition.status.as_str())
    .execute(&mut *connection)
    .await?;
    Ok(())
}

/// Edition codes as stored: comma-separated (codes have no commas).
fn edition_list(editions: &[EditionCode]) -> String {
    editions.iter().map(EditionCode::as_str).collect::<Vec<_>>().join(",")
}
