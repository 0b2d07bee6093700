//! Who a request comes from: the connection's peer, or — when the peer is one of the
//! configured trusted proxies (`limits.trusted_proxies`) — the address that proxy saw, read
//! from `X-Forwarded-For` right to left, skipping the trusted hops. A forwarding header from
//! anyone else is ignored: a stranger cannot choose the address their limits count against.

use std::net::{IpAddr, SocketAddr};

use axum::extract::ConnectInfo;
use axum::http::{Extensions, HeaderMap};

use crate::IpRange;

/// The client's address; `None` when the router is called without a connection (in-process).
pub(crate) fn client_ip(extensions: &Extensions, headers: &HeaderMap, trusted: &[IpRange]) -> Option<IpAddr> {
    let ConnectInfo(peer) = extensions.get::<ConnectInfo<SocketAddr>>()?;
    let peer = peer.ip().to_canonical();
    if !trusted.iter().any(|range| range.contains(peer)) {
        return Some(peer);
    }
    let mut client = peer;
    // Each proxy appends the address it was reached from; the last untrusted one is the client.
    let hops = headers.get_all("x-forwarded-for").iter().filter_map(|value| value.to_str().ok());
    let hops: Vec<&str> = hops.flat_map(|value| value.split(',')).collect();
    for hop in hops.iter().rev() {
        let Ok(address) = hop.trim().parse::<IpAddr>().map(|a| a.to_canonical()) else {
            // Garbage from a hop we cannot vouch for: stop at the last address we trust.
            break;
        };
        client = address;
        if !trusted.iter().any(|range| range.contains(address)) {
            break;
        }
    }
    Some(client)
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn ip(peer: &str, forwarded: &[&str], trusted: &[&str]) -> IpAddr {
        let mut extensions = Extensions::new();
        extensions.insert(ConnectInfo(peer.parse::<SocketAddr>().unwrap()));
        let mut headers = HeaderMap::new();
        for value in forwarded {
            headers.append("x-forwarded-for", HeaderValue::from_str(value).unwrap());
        }
        let trusted: Vec<IpRange> = trusted.iter().map(|t| t.parse().unwrap()).collect();
        client_ip(&extensions, &headers, &trusted).unwrap()
    }

    #[test]
    fn a_forwarding_header_counts_only_from_a_trusted_proxy() {
        let addr = |s: &str| s.parse::<IpAddr>().unwrap();
        // No trusted proxy: the header is the stranger's own claim.
        assert_eq!(ip("203.0.113.9:1", &["198.51.100.1"], &[]), addr("203.0.113.9"));
        assert_eq!(ip("203.0.113.9:1", &["198.51.100.1"], &["127.0.0.1"]), addr("203.0.113.9"));
        // Behind nginx on loopback: the address nginx saw.
        assert_eq!(ip("127.0.0.1:1", &["198.51.100.1"], &["127.0.0.1"]), addr("198.51.100.1"));
        // A client that sends its own header cannot hide behind it: the rightmost untrusted hop.
        assert_eq!(ip("127.0.0.1:1", &["6.6.6.6, 198.51.100.1"], &["127.0.0.1"]), addr("198.51.100.1"));
        // Two trusted hops (a load balancer, then nginx).
        let trusted = ["127.0.0.1", "10.0.0.0/8"];
        assert_eq!(ip("127.0.0.1:1", &["198.51.100.1", "10.1.2.3"], &trusted), addr("198.51.100.1"));
        // Nothing forwarded, or garbage: the proxy itself.
        assert_eq!(ip("127.0.0.1:1", &[], &["127.0.0.1"]), addr("127.0.0.1"));
        assert_eq!(ip("127.0.0.1:1", &["not-an-address"], &["127.0.0.1"]), addr("127.0.0.1"));
    }
}
