//! Overload turns into quick refusals, not unbounded queues: at most `max_in_flight` requests
//! are handled at once, as many again may wait up to a second for a slot, and the rest are
//! answered 503 with `Retry-After` at once, so that memory stays bounded and a CDN in front
//! serves its stale copies (`stale-if-error`) meanwhile.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use tokio::sync::Semaphore;

use crate::AppState;

/// How long a request may wait for a slot before it is refused.
const MAX_WAIT: Duration = Duration::from_secs(1);

/// The slots and the waiting room.
pub(crate) struct RequestLimiter {
    slots: Semaphore,
    waiting: AtomicUsize,
    max_waiting: usize,
}

impl RequestLimiter {
    pub(crate) fn new(max_in_flight: usize) -> RequestLimiter {
        RequestLimiter {
            slots: Semaphore::new(max_in_flight),
            waiting: AtomicUsize::new(0),
            max_waiting: max_in_flight,
        }
    }
}

/// Middleware: takes a slot for the request's handling, waiting briefly if none is free.
pub(crate) async fn shed_load(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let limiter = state.limiter();
    let _permit = match limiter.slots.try_acquire() {
        Ok(permit) => permit,
        Err(_) => {
            if limiter.waiting.fetch_add(1, Ordering::SeqCst) >= limiter.max_waiting {
                limiter.waiting.fetch_sub(1, Ordering::SeqCst);
                return overloaded();
            }
            let waited = tokio::time::timeout(MAX_WAIT, limiter.slots.acquire()).await;
            limiter.waiting.fetch_sub(1, Ordering::SeqCst);
            match waited {
                Ok(Ok(permit)) => permit,
                _ => return overloaded(),
            }
        }
    };
    next.run(request).await
}

fn overloaded() -> Response {
    let mut response =
        (StatusCode::SERVICE_UNAVAILABLE, "The server is busy; try again in a few seconds.\n").into_response();
    response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static("2"));
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}
