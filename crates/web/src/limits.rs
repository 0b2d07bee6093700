//! Overload turns into quick refusals, not unbounded queues, and no client can hold what
//! others need:
//!
//! - at most `max_in_flight` requests are handled at once, as many again may wait up to a
//!   second for a slot, and the rest are answered 503 with `Retry-After` at once, so memory
//!   stays bounded and a CDN in front serves its stale copies (`stale-if-error`) meanwhile;
//! - one client (an IPv4 address, or an IPv6 /64, which one subscriber usually holds) has at
//!   most `per_client_in_flight` of those slots; past that it gets 429 with `Retry-After`;
//! - a request body must keep arriving: while the handler waits for it, each window of
//!   `body_window` must bring `body_min_rate` bytes a second, or the request ends with 408
//!   (a body sent a byte a second loses its slot within the window);
//! - the handler has `handling` to answer, counted from the body's last progress, so an
//!   upload that keeps arriving is never cut off by a total-time limit.

use std::collections::HashMap;
use std::net::IpAddr;
#[cfg(test)]
use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Body;
#[cfg(test)]
use axum::extract::ConnectInfo;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use futures_util::StreamExt;
use tokio::sync::Semaphore;
use tokio::time::Instant;

use crate::AppState;

/// How long a request may wait for a slot before it is refused.
const MAX_WAIT: Duration = Duration::from_secs(1);

/// How requests are bounded (see the module docs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RequestLimits {
    /// Requests handled at once.
    pub max_in_flight: usize,
    /// Of those, at most this many from one client.
    pub per_client_in_flight: usize,
    /// Bytes a second a request body must arrive at, averaged over each `body_window`.
    pub body_min_rate: u64,
    /// The window the body's rate is measured over (also how long it may pause).
    pub body_window: Duration,
    /// How long a handler may take, from the request's start or its body's last progress.
    pub handling: Duration,
}

impl Default for RequestLimits {
    fn default() -> RequestLimits {
        RequestLimits {
            max_in_flight: 1024,
            per_client_in_flight: 64,
            body_min_rate: 1024,
            body_window: Duration::from_secs(10),
            handling: Duration::from_secs(30),
        }
    }
}

/// The slots, the waiting room and each client's share.
pub(crate) struct RequestLimiter {
    slots: Semaphore,
    waiting: AtomicUsize,
    max_waiting: usize,
    per_client: usize,
    /// Requests in flight per client; an entry goes when its count does, so the map never
    /// holds more entries than requests in flight.
    clients: Mutex<HashMap<IpAddr, usize>>,
}

impl RequestLimiter {
    pub(crate) fn new(limits: &RequestLimits) -> RequestLimiter {
        RequestLimiter {
            slots: Semaphore::new(limits.max_in_flight),
            waiting: AtomicUsize::new(0),
            max_waiting: limits.max_in_flight,
            per_client: limits.per_client_in_flight.max(1),
            clients: Mutex::new(HashMap::new()),
        }
    }

    /// Counts a request of `client`; `None` when the client has its share already.
    fn admit(&self, client: IpAddr) -> Option<ClientTurn<'_>> {
        let mut clients = self.clients.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let count = clients.entry(client).or_insert(0);
        if *count >= self.per_client {
            return None;
        }
        *count += 1;
        Some(ClientTurn { limiter: self, client })
    }
}

/// A client's request in flight; dropping it gives the client's share back.
struct ClientTurn<'a> {
    limiter: &'a RequestLimiter,
    client: IpAddr,
}

impl Drop for ClientTurn<'_> {
    fn drop(&mut self) {
        let mut clients = self.limiter.clients.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(count) = clients.get_mut(&self.client) {
            *count -= 1;
            if *count == 0 {
                clients.remove(&self.client);
            }
        }
    }
}

/// Who a request counts against: the client's IPv4 address, or its IPv6 /64.
pub(crate) fn client_key(request: &Request, trusted_proxies: &[crate::IpRange]) -> Option<IpAddr> {
    let client = crate::client::client_ip(request.extensions(), request.headers(), trusted_proxies)?;
    Some(match client {
        IpAddr::V6(v6) => IpAddr::V6((u128::from(v6) & !(u128::MAX >> 64)).into()),
        v4 => v4,
    })
}

/// Middleware: takes a slot for the request's handling, within the client's share, waiting
/// briefly if none is free.
pub(crate) async fn shed_load(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let limiter = state.limiter();
    // Requests without a peer (the router called in-process) have no share to count against.
    let _turn = match client_key(&request, &state.config().trusted_proxies) {
        Some(client) => match limiter.admit(client) {
            Some(turn) => Some(turn),
            None => {
                let text = "Too many requests at once from your address; try again in a few seconds.\n";
                return refusal(StatusCode::TOO_MANY_REQUESTS, text);
            }
        },
        None => None,
    };
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
    refusal(StatusCode::SERVICE_UNAVAILABLE, "The server is busy; try again in a few seconds.\n")
}

fn refusal(status: StatusCode, text: &'static str) -> Response {
    let mut response = (status, text).into_response();
    response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static("2"));
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// When the request last made progress: its start, then each piece of its body.
struct Progress {
    start: Instant,
    /// Milliseconds from `start` to the last piece of body.
    last_ms: AtomicU64,
    /// The body stopped arriving at the minimum rate.
    too_slow: AtomicBool,
}

impl Progress {
    fn touch(&self) {
        let ms = u64::try_from(self.start.elapsed().as_millis()).unwrap_or(u64::MAX);
        self.last_ms.store(ms, Ordering::Relaxed);
    }

    fn last(&self) -> Instant {
        self.start + Duration::from_millis(self.last_ms.load(Ordering::Relaxed))
    }
}

/// Middleware: holds the request body to its minimum rate and the handler to its time,
/// counted from the body's last progress; a body too slow ends the request with 408.
pub(crate) async fn guard_request(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let limits = state.config().request_limits;
    let progress =
        Arc::new(Progress { start: Instant::now(), last_ms: AtomicU64::new(0), too_slow: AtomicBool::new(false) });
    let has_body = !matches!(*request.method(), Method::GET | Method::HEAD)
        || request.headers().contains_key(header::CONTENT_LENGTH)
        || request.headers().contains_key(header::TRANSFER_ENCODING);
    let request = if has_body { rate_guarded(request, &limits, progress.clone()) } else { request };
    let handling = next.run(request);
    tokio::pin!(handling);
    loop {
        let deadline = progress.last() + limits.handling;
        tokio::select! {
            response = &mut handling => {
                if progress.too_slow.load(Ordering::Relaxed) {
                    let mut response = (StatusCode::REQUEST_TIMEOUT, "The request's body arrived too slowly.\n").into_response();
                    response.headers_mut().insert(header::CONNECTION, HeaderValue::from_static("close"));
                    return response;
                }
                return response;
            }
            () = tokio::time::sleep_until(deadline) => {
                // The body may have moved meanwhile: the deadline moves with it.
                if progress.last() + limits.handling <= Instant::now() {
                    return (StatusCode::REQUEST_TIMEOUT, "The request took too long.\n").into_response();
                }
            }
        }
    }
}

/// The request with its body read through the rate check.
fn rate_guarded(request: Request, limits: &RequestLimits, progress: Arc<Progress>) -> Request {
    let (parts, body) = request.into_parts();
    let window = limits.body_window;
    let owed_per_window = limits.body_min_rate.saturating_mul(window.as_secs().max(1));
    struct Reading {
        data: axum::body::BodyDataStream,
        /// Bytes still owed in the current window, and when it ends (a window starts when
        /// the handler waits for the body after the last one was paid).
        window: Option<(u64, Instant)>,
        progress: Arc<Progress>,
        done: bool,
    }
    let reading = Reading { data: body.into_data_stream(), window: None, progress, done: false };
    let stream = futures_util::stream::unfold(reading, move |mut r| async move {
        if r.done {
            return None;
        }
        let (owed, ends) = *r.window.get_or_insert_with(|| (owed_per_window, Instant::now() + window));
        match tokio::time::timeout_at(ends, r.data.next()).await {
            Ok(Some(Ok(chunk))) => {
                r.progress.touch();
                let left = owed.saturating_sub(chunk.len() as u64);
                r.window = (left > 0).then_some((left, ends));
                Some((Ok(chunk), r))
            }
            Ok(Some(Err(error))) => {
                r.done = true;
                Some((Err(std::io::Error::other(error)), r))
            }
            Ok(None) => None,
            Err(_) => {
                r.progress.too_slow.store(true, Ordering::Relaxed);
                r.done = true;
                let error = std::io::Error::new(std::io::ErrorKind::TimedOut, "the request body arrived too slowly");
                Some((Err(error), r))
            }
        }
    });
    Request::from_parts(parts, Body::from_stream(stream))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(peer: &str) -> IpAddr {
        let mut request = Request::new(Body::empty());
        request.extensions_mut().insert(ConnectInfo(peer.parse::<SocketAddr>().unwrap()));
        client_key(&request, &[]).unwrap()
    }

    #[test]
    fn a_client_is_an_ipv4_address_or_an_ipv6_slash_64() {
        assert_eq!(key("203.0.113.7:5000"), "203.0.113.7".parse::<IpAddr>().unwrap());
        assert_eq!(key("[2001:db8:1:2:aaaa::1]:443"), key("[2001:db8:1:2:bbbb::9]:80"));
        assert_ne!(key("[2001:db8:1:2::1]:443"), key("[2001:db8:1:3::1]:443"));
        assert_eq!(key("[::ffff:203.0.113.7]:1"), key("203.0.113.7:2"));
    }

    #[test]
    fn a_client_holds_at_most_its_share_and_gives_it_back() {
        let limits = RequestLimits { per_client_in_flight: 2, ..RequestLimits::default() };
        let limiter = RequestLimiter::new(&limits);
        let (a, b) = (key("198.51.100.1:1"), key("198.51.100.2:1"));
        let first = limiter.admit(a).expect("a first request");
        let second = limiter.admit(a).expect("a second request");
        assert!(limiter.admit(a).is_none(), "a third waits for one to finish");
        assert!(limiter.admit(b).is_some(), "another client is not held up");
        drop(first);
        assert!(limiter.admit(a).is_some());
        drop(second);
        assert!(limiter.clients.lock().unwrap().is_empty(), "finished clients leave no entry");
    }
}
