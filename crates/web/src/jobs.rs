//! Background work that must happen without a request: publishing scheduled articles.
//!
//! The schedule lives in the database (status `scheduled` with a publication time), so it
//! survives restarts: an article whose time passed while the server was down is published on
//! the first tick after start-up.

use std::time::Duration;

use jiff::Timestamp;
use tokio::task::JoinHandle;

use crate::AppState;

/// How often the scheduler looks for due articles.
const TICK: Duration = Duration::from_secs(1);

/// Starts the scheduler on the current runtime; it runs until the runtime shuts down.
pub fn spawn_scheduler(state: AppState) -> JoinHandle<()> {
    tokio::spawn(async move {
        let mut interval = tokio::time::interval(TICK);
        interval.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            interval.tick().await;
            match state.store().publish_due(Timestamp::now()).await {
                Ok(published) if !published.is_empty() => {
                    tracing::info!(articles = ?published, "published scheduled articles");
                    if let Err(error) = state.catch_up_with_changes().await {
                        tracing::warn!(%error, "could not apply the scheduled publications' changes; will retry");
                    }
                }
                Ok(_) => {}
                Err(error) => tracing::warn!(%error, "could not publish scheduled articles; will retry"),
            }
        }
    })
}
