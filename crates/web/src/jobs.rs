//! Background work that must happen without a request: publishing scheduled articles.
//!
//! The schedule lives in the database (status `scheduled` with a publication time), so it
//! survives restarts: an article whose time passed while the server was down is published on
//! the first tick after start-up.

use std::time::Duration;

use jiff::Timestamp;
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

use crate::AppState;

/// How often the scheduler looks for due articles.
const TICK: Duration = Duration::from_secs(1);

/// Starts the scheduler on the current runtime. Once `shutdown` is cancelled it finishes the
/// tick under way, if any, and returns: a publication is never cut off half-applied.
pub fn spawn_scheduler(state: AppState, shutdown: CancellationToken) -> JoinHandle<()> {
    tokio::spawn(async move {
        let mut interval = tokio::time::interval(TICK);
        interval.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tokio::select! {
                _ = interval.tick() => {}
                () = shutdown.cancelled() => break,
            }
            match state.store().publish_due(Timestamp::now()).await {
                Ok(published) => {
                    state.metrics().scheduler_ran(Ok(published.len()));
                    if !published.is_empty() {
                        tracing::info!(articles = ?published, "published scheduled articles");
                        if let Err(error) = state.catch_up_with_changes().await {
                            tracing::warn!(%error, "could not apply the scheduled publications' changes; will retry");
                        }
                    }
                }
                Err(error) => {
                    state.metrics().scheduler_ran(Err(()));
                    tracing::warn!(%error, "could not publish scheduled articles; will retry");
                }
            }
        }
        tracing::debug!("scheduler stopped");
    })
}
