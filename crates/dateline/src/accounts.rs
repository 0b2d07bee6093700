//! `dateline user` and `dateline token`: newsroom accounts from the command line, so the first
//! admin can be created before anyone can sign in.

use std::io::{BufRead, IsTerminal};

use anyhow::{Context, bail};
use dateline_core::Role;
use dateline_newsroom::{check_new_password, hash_password, new_secret, secret_hash};
use dateline_store::{NewUser, Store, StoreError};

/// `dateline user add`: creates a user; the password comes from a prompt or standard input.
pub async fn add_user(store: &Store, email: &str, name: &str, role: &str) -> anyhow::Result<()> {
    let role = Role::parse(role)?;
    let email = email.trim();
    if !email.contains('@') || email.len() > 254 || email.contains(char::is_whitespace) {
        bail!("invalid email {email:?}: give the address the user signs in with");
    }
    if name.trim().is_empty() {
        bail!("give the user a name with --name");
    }
    let password = read_new_password()?;
    let hash = hash(password).await?;
    let id = store
        .create_user(&NewUser { email: email.to_owned(), name: name.trim().to_owned(), role, password_hash: hash })
        .await
        .map_err(|e| match e {
            StoreError::Conflict(_) => anyhow::anyhow!("a user with email {email} already exists"),
            other => other.into(),
        })?;
    eprintln!("created {} {email} (user {id})", role.as_str());
    Ok(())
}

/// `dateline user passwd`: sets a new password and ends the user's sessions.
pub async fn set_password(store: &Store, email: &str) -> anyhow::Result<()> {
    let Some((user, _)) = store.user_credentials(email).await? else {
        bail!("no active user with email {email}");
    };
    let password = read_new_password()?;
    let hash = hash(password).await?;
    store.set_password_hash(user.id, &hash, false).await?;
    eprintln!("password changed for {}; their sessions were ended", user.email);
    Ok(())
}

/// `dateline user reset-link`: prints a one-time password link for the user.
pub async fn reset_link(store: &Store, base_url: &str, email: &str) -> anyhow::Result<()> {
    let Some((user, _)) = store.user_credentials(email).await? else {
        bail!("no active user with email {email}");
    };
    let link = dateline_newsroom::issue_reset_link(store, user.id, None).await?;
    let expires = jiff::Timestamp::from_second(link.expires_at).map(|t| t.to_string()).unwrap_or_default();
    println!("{}{}", base_url.trim_end_matches('/'), link.path);
    eprintln!("one-time password link for {}: it works once, until {expires}", user.email);
    Ok(())
}

/// `dateline user list`.
pub async fn list_users(store: &Store) -> anyhow::Result<()> {
    for user in store.users().await? {
        println!("{}\t{}\t{}\t{}", user.id, user.email, user.role.as_str(), user.name);
    }
    Ok(())
}

/// `dateline token create`: prints a new API token for the user, once.
pub async fn create_token(store: &Store, email: &str, label: &str) -> anyhow::Result<()> {
    let Some((user, _)) = store.user_credentials(email).await? else {
        bail!("no active user with email {email}");
    };
    let label = label.trim();
    if label.is_empty() || label.len() > 100 {
        bail!("give the token a label of 1 to 100 characters with --name");
    }
    let token = new_secret().map_err(anyhow::Error::msg)?;
    store.create_api_token(user.id, label, &secret_hash(&token)).await?;
    println!("{token}");
    eprintln!("token {label:?} for {} (role {}); it is shown only this once", user.email, user.role.as_str());
    Ok(())
}

async fn hash(password: String) -> anyhow::Result<String> {
    tokio::task::spawn_blocking(move || hash_password(&password))
        .await
        .context("hashing the password failed")?
        .map_err(anyhow::Error::msg)
}

/// Reads a new password: prompted twice on a terminal, else the first line of standard input.
/// Never from the command line, where other users could see it in the process list.
pub fn read_new_password() -> anyhow::Result<String> {
    let password = if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password("New password: ").context("cannot read the password")?;
        let second = rpassword::prompt_password("Repeat it: ").context("cannot read the password")?;
        if first != second {
            bail!("the passwords differ; nothing was changed");
        }
        first
    } else {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line).context("cannot read the password from standard input")?;
        line.trim_end_matches(['\r', '\n']).to_owned()
    };
    if let Err(reason) = check_new_password(&password) {
        bail!("the password was refused: {reason}");
    }
    Ok(password)
}

/// `dateline key create`: prints a new Content API key, once.
pub async fn create_content_key(store: &Store, label: &str) -> anyhow::Result<()> {
    let label = label.trim();
    if label.is_empty() || label.len() > 100 {
        bail!("give the key a label of 1 to 100 characters with --name");
    }
    let key = new_secret().map_err(anyhow::Error::msg)?;
    store.create_content_key(label, &secret_hash(&key)).await?;
    println!("{key}");
    eprintln!("Content API key {label:?}; it is shown only this once");
    Ok(())
}
