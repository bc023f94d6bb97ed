//! Where Brug may send a notification. A push endpoint comes from a browser or phone, so
//! it must not make the server reach into its own network (a database, a cloud metadata
//! service): only public addresses are reached, whether the endpoint names an address or
//! a host name, and whatever the name resolves to at the moment of sending.

use reqwest::dns::{Addrs, Name, Resolve, Resolving};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

fn public_v4(ip: Ipv4Addr) -> bool {
    let [a, b, c, _] = ip.octets();
    !(ip.is_private()
        || ip.is_loopback()
        || ip.is_link_local()
        || ip.is_broadcast()
        || ip.is_documentation()
        || ip.is_unspecified()
        || ip.is_multicast()
        || a == 0
        || a >= 240
        // Shared address space (carrier-grade NAT), protocol assignments, benchmarking.
        || (a == 100 && (64..128).contains(&b))
        || (a == 192 && b == 0 && c == 0)
        || (a == 198 && (18..20).contains(&b)))
}

fn public_v6(ip: Ipv6Addr) -> bool {
    if let Some(v4) = ip.to_ipv4_mapped() {
        return public_v4(v4);
    }
    let segments = ip.segments();
    let embedded = |high: u16, low: u16| Ipv4Addr::from((u32::from(high) << 16) | u32::from(low));
    // Addresses that carry an IPv4 address inside: IPv4-compatible (::a.b.c.d), NAT64
    // (64:ff9b::a.b.c.d) and 6to4 (2002:aabb:ccdd::). They are judged by what they carry.
    if segments[..6] == [0, 0, 0, 0, 0, 0] && !ip.is_loopback() && !ip.is_unspecified() {
        return public_v4(embedded(segments[6], segments[7]));
    }
    if segments[..6] == [0x64, 0xff9b, 0, 0, 0, 0] {
        return public_v4(embedded(segments[6], segments[7]));
    }
    if segments[0] == 0x2002 {
        return public_v4(embedded(segments[1], segments[2]));
    }
    let documentation = ip.segments()[0] == 0x2001 && ip.segments()[1] == 0x0db8;
    !(ip.is_loopback()
        || ip.is_unspecified()
        || ip.is_multicast()
        || ip.is_unique_local()
        || ip.is_unicast_link_local()
        || documentation)
}

/// Whether an address is on the public internet; with `allow_loopback` (tests only) the
/// machine's own loopback counts too.
pub fn reachable(ip: IpAddr, allow_loopback: bool) -> bool {
    match ip {
        IpAddr::V4(v4) => public_v4(v4) || (allow_loopback && v4.is_loopback()),
        IpAddr::V6(v6) => public_v6(v6) || (allow_loopback && v6.is_loopback()),
    }
}

/// Resolves host names for the push client, keeping only reachable addresses, so that a
/// name that points (or is later pointed) inside the network is never connected to.
pub struct PublicOnly {
    pub allow_loopback: bool,
}

impl Resolve for PublicOnly {
    fn resolve(&self, name: Name) -> Resolving {
        let allow_loopback = self.allow_loopback;
        Box::pin(async move {
            let found = tokio::net::lookup_host((name.as_str(), 0)).await?;
            let kept: Vec<SocketAddr> = found.filter(|a| reachable(a.ip(), allow_loopback)).collect();
            if kept.is_empty() {
                return Err("the push endpoint's host is not on the public internet".into());
            }
            let addrs: Addrs = Box::new(kept.into_iter());
            Ok(addrs)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn only_public_addresses_are_reachable() {
        for inside in [
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "127.0.0.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "::1",
            "fd00::1",
            "fe80::1",
            "::ffff:10.0.0.1",
        ] {
            assert!(!reachable(inside.parse().unwrap(), false), "{inside}");
        }
        for public in ["142.250.74.110", "2a00:1450:4007:80e::200a", "1.1.1.1"] {
            assert!(reachable(public.parse().unwrap(), false), "{public}");
        }
        assert!(reachable("127.0.0.1".parse().unwrap(), true));
        assert!(
            !reachable("10.0.0.1".parse().unwrap(), true),
            "tests open loopback only"
        );
    }

    #[tokio::test]
    async fn a_host_name_that_leads_inside_is_not_resolved() {
        let inside = PublicOnly { allow_loopback: false }
            .resolve(Name::from_str("localhost").unwrap())
            .await;
        assert!(inside.is_err());
        let in_tests = PublicOnly { allow_loopback: true }
            .resolve(Name::from_str("localhost").unwrap())
            .await;
        assert!(in_tests.is_ok_and(|mut addrs| addrs.all(|a| a.ip().is_loopback())));
    }
}
