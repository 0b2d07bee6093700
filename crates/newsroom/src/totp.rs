//! Time-based one-time passwords (RFC 6238, the codes of authenticator apps): HMAC-SHA1 over
//! 30-second steps, six digits, and the base32 secrets (RFC 4648) the apps are given.

use hmac::{Hmac, KeyInit, Mac};
use sha1::Sha1;

/// Seconds per code.
pub const STEP_SECONDS: i64 = 30;
/// Digits per code.
pub const DIGITS: usize = 6;
/// Bytes of a new secret: 160 bits, as RFC 4226 recommends for HMAC-SHA1.
pub const SECRET_BYTES: usize = 20;

const ALPHABET: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/// A new random secret, base32 without padding (32 letters and digits).
pub fn new_secret() -> Result<String, String> {
    let mut bytes = [0u8; SECRET_BYTES];
    getrandom::fill(&mut bytes).map_err(|e| e.to_string())?;
    Ok(base32_encode(&bytes))
}

/// RFC 4648 base32, upper case, without padding.
pub fn base32_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(5) * 8);
    let (mut buffer, mut bits) = (0u32, 0u32);
    for &byte in bytes {
        buffer = (buffer << 8) | u32::from(byte);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(char::from(ALPHABET[((buffer >> bits) & 31) as usize]));
        }
    }
    if bits > 0 {
        out.push(char::from(ALPHABET[((buffer << (5 - bits)) & 31) as usize]));
    }
    out
}

/// Decodes base32 as people copy it: any case, spaces and dashes ignored, padding optional.
pub fn base32_decode(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() * 5 / 8);
    let (mut buffer, mut bits) = (0u32, 0u32);
    for c in text.chars().filter(|c| !matches!(c, ' ' | '-' | '=')) {
        let value = ALPHABET.iter().position(|&a| char::from(a) == c.to_ascii_uppercase())? as u32;
        buffer = (buffer << 5) | value;
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push((buffer >> bits) as u8);
        }
    }
    Some(out)
}

/// The code for time step `step` (Unix seconds / 30) of `key`, as six digits.
pub fn code_at(key: &[u8], step: i64) -> String {
    let mut mac = <Hmac<Sha1> as KeyInit>::new_from_slice(key).expect("HMAC takes keys of any length");
    mac.update(&step.to_be_bytes());
    let digest = mac.finalize().into_bytes();
    // RFC 4226's dynamic truncation: four bytes at the offset the last nibble names.
    let offset = usize::from(digest[digest.len() - 1] & 0x0f);
    let number =
        u32::from_be_bytes([digest[offset] & 0x7f, digest[offset + 1], digest[offset + 2], digest[offset + 3]]);
    format!("{:0width$}", number % 10u32.pow(DIGITS as u32), width = DIGITS)
}

/// The time step `code` belongs to, if it is `secret`'s code for the step of `now` or the one
/// before or after (a phone's clock may be a little off, and typing takes time). Comparing in
/// constant time keeps timing from telling how close a guess was.
pub fn matching_step(secret: &str, code: &str, now: i64) -> Option<i64> {
    let key = base32_decode(secret)?;
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    if code.len() != DIGITS || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let current = now.div_euclid(STEP_SECONDS);
    [current - 1, current, current + 1].into_iter().find(|step| crate::constant_time_eq(&code_at(&key, *step), &code))
}

/// The `otpauth://` address authenticator apps read from a QR code.
pub fn provisioning_uri(issuer: &str, account: &str, secret: &str) -> String {
    let issuer_part: String = form_urlencoded::byte_serialize(issuer.as_bytes()).collect();
    let account_part: String = form_urlencoded::byte_serialize(account.as_bytes()).collect();
    format!(
        "otpauth://totp/{issuer_part}:{account_part}?secret={secret}&issuer={issuer_part}&algorithm=SHA1&digits={DIGITS}&period={STEP_SECONDS}"
    )
    .replace('+', "%20")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 6238's appendix B, SHA-1 column, last six digits.
    #[test]
    fn codes_match_the_rfc_test_vectors() {
        let key = b"12345678901234567890";
        for (time, code) in [
            (59, "287082"),
            (1_111_111_109, "081804"),
            (1_111_111_111, "050471"),
            (1_234_567_890, "005924"),
            (2_000_000_000, "279037"),
            (20_000_000_000, "353130"),
        ] {
            assert_eq!(code_at(key, time / STEP_SECONDS), code, "at {time}");
        }
    }

    #[test]
    fn base32_round_trips_and_reads_what_people_type() {
        assert_eq!(base32_encode(b"12345678901234567890"), "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assert_eq!(base32_encode(b"f"), "MY");
        assert_eq!(base32_encode(b"foobar"), "MZXW6YTBOI");
        assert_eq!(base32_decode("mzxw 6ytb-oi==").unwrap(), b"foobar");
        assert!(base32_decode("not base32!").is_none());
        let secret = new_secret().unwrap();
        assert_eq!(secret.len(), 32);
        assert_eq!(base32_decode(&secret).unwrap().len(), SECRET_BYTES);
    }

    #[test]
    fn a_code_is_good_for_its_step_and_its_neighbours_only() {
        let secret = base32_encode(b"12345678901234567890");
        let now = 1_111_111_111;
        assert_eq!(matching_step(&secret, "050471", now), Some(now / 30));
        assert_eq!(matching_step(&secret, "050 471", now + 30), Some(now / 30), "a step late");
        assert_eq!(matching_step(&secret, "050471", now + 90), None, "three steps late");
        assert_eq!(matching_step(&secret, "000000", now), None);
        assert_eq!(matching_step(&secret, "05047", now), None);
        assert_eq!(matching_step(&secret, "O5O471", now), None);
    }

    #[test]
    fn the_address_names_issuer_and_account() {
        let uri = provisioning_uri("Harbour Daily", "rita@news.test", "GEZDGNBV");
        assert_eq!(
            uri,
            "otpauth://totp/Harbour%20Daily:rita%40news.test?secret=GEZDGNBV&issuer=Harbour%20Daily&algorithm=SHA1&digits=6&period=30"
        );
    }
}
