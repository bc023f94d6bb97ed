//! Time-based one-time codes (RFC 6238) as every authenticator app reads them: SHA-1, six
//! digits, thirty seconds, one step of clock drift either way.

use crate::error::{AppError, ErrorCode};
use qrcode::render::svg;
use qrcode::QrCode;
use totp_rs::{Algorithm, Builder, Totp};

const ISSUER: &str = "Brug";
const STEP_SECS: u64 = 30;

/// 160 random bits, the length RFC 4226 recommends.
pub fn new_secret() -> Vec<u8> {
    rand::random::<[u8; 20]>().to_vec()
}

fn totp(secret: &[u8], account: &str) -> Result<Totp, AppError> {
    Builder::new()
        .with_algorithm(Algorithm::SHA1)
        .with_digits(6)
        .with_skew(1)
        .with_step_duration(STEP_SECS)
        .with_secret(secret.to_vec())
        .with_account_name(account)
        .with_issuer(Some(ISSUER))
        .build()
        .map_err(|error| {
            tracing::error!(%error, "an authenticator secret does not make codes");
            AppError::new(ErrorCode::Internal)
        })
}

/// The time step `code` belongs to, when it is right at `now` (seconds since 1970).
pub fn matching_step(secret: &[u8], account: &str, code: &str, now: i64) -> Result<Option<i64>, AppError> {
    let totp = totp(secret, account)?;
    Ok(totp.check(code, now.max(0) as u64).map(|step| step as i64))
}

/// The code an app shows at `now`: for tests and the demo.
pub fn code_at(secret: &[u8], account: &str, now: i64) -> Result<String, AppError> {
    Ok(totp(secret, account)?.generate(now.max(0) as u64).to_string())
}

/// The code an app that was given `key` (as [`typed_key`] writes it) shows at `now`:
/// what a phone app computes, for tests and tools.
pub fn code_from_key(key: &str, account: &str, now: i64) -> Result<String, AppError> {
    let compact: String = key.chars().filter(|c| !c.is_whitespace()).collect();
    let secret = totp_rs::Secret::try_from_base32(compact).map_err(|_| AppError::new(ErrorCode::InvalidInput))?;
    code_at(secret.as_ref(), account, now)
}

/// The `otpauth://` address a QR code carries to the app.
pub fn setup_uri(secret: &[u8], account: &str) -> Result<String, AppError> {
    totp(secret, account)?
        .to_url()
        .map_err(|_| AppError::new(ErrorCode::Internal))
}

/// The secret as people type it: base32 in groups of four.
pub fn typed_key(secret: &[u8]) -> String {
    let encoded = totp_rs::Secret::from(secret.to_vec()).to_base32();
    encoded
        .as_bytes()
        .chunks(4)
        .map(|chunk| String::from_utf8_lossy(chunk).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The setup address drawn as an SVG QR code, to put straight into the page.
pub fn qr_svg(uri: &str) -> Result<String, AppError> {
    let code = QrCode::new(uri.as_bytes()).map_err(|_| AppError::new(ErrorCode::Internal))?;
    Ok(code
        .render::<svg::Color<'_>>()
        .min_dimensions(220, 220)
        .dark_color(svg::Color("#1d2a33"))
        .light_color(svg::Color("#ffffff"))
        .build())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_code_an_app_shows_is_accepted_once_per_step_and_only_near_its_time() {
        let secret = b"12345678901234567890".to_vec();
        // RFC 6238, appendix B: SHA-1 at 59 s gives 94287082 (8 digits); six digits: 287082.
        assert_eq!(code_at(&secret, "lotte", 59).unwrap(), "287082");
        assert_eq!(matching_step(&secret, "lotte", "287082", 59).unwrap(), Some(1));
        assert_eq!(
            matching_step(&secret, "lotte", "287082", 75).unwrap(),
            Some(1),
            "one step of drift"
        );
        assert_eq!(matching_step(&secret, "lotte", "287082", 200).unwrap(), None);
        assert_eq!(matching_step(&secret, "lotte", "28708", 59).unwrap(), None);
    }

    #[test]
    fn the_setup_address_names_brug_and_the_account_and_draws_as_svg() {
        let secret = new_secret();
        let uri = setup_uri(&secret, "lotte").unwrap();
        assert!(uri.starts_with("otpauth://totp/Brug:lotte?"), "{uri}");
        assert!(uri.contains(&typed_key(&secret).replace(' ', "")));
        assert!(qr_svg(&uri).unwrap().contains("<svg"));
    }
}
