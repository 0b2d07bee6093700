//! Probes for load balancers and orchestrators.

use axum::extract::State;
use axum::http::StatusCode;

use crate::AppState;

/// `GET /healthz`: the process is alive and serving.
pub(crate) async fn alive() -> &'static str {
    "ok\n"
}

/// `GET /readyz`: the database answers with the expected schema and the media store can be
/// read; 503 with the reason otherwise (details go to the log).
pub(crate) async fn ready(State(state): State<AppState>) -> (StatusCode, String) {
    if let Err(error) = state.store().check_ready().await {
        tracing::warn!(%error, "not ready: database");
        return (StatusCode::SERVICE_UNAVAILABLE, "not ready: database\n".to_owned());
    }
    if let Err(error) = state.media().check_ready().await {
        tracing::warn!(%error, "not ready: media store");
        return (StatusCode::SERVICE_UNAVAILABLE, "not ready: media store\n".to_owned());
    }
    (StatusCode::OK, "ready\n".to_owned())
}
