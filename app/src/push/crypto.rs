//! Web Push: the payload encrypted for the phone (RFC 8291, `aes128gcm`) by the
//! `web-push-native` crate (RustCrypto underneath, tested against the RFC's vectors), and
//! the VAPID signature for the push service (RFC 8292): one ES256 token, signed here with
//! p256's ECDSA. (The crate's own VAPID feature brings a whole JWT library with RSA and a
//! second generation of RustCrypto, some forty crates, for that one signature.)
//! Decryption is here too: the tests' push receiver proves with it what a phone would read.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use p256::ecdsa::signature::Signer;
use p256::ecdsa::{Signature, SigningKey};
use p256::elliptic_curve::rand_core::OsRng;
use p256::{PublicKey, SecretKey};
use std::time::Duration;
use web_push_native::{Auth, WebPushBuilder};

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum CryptoError {
    #[error("a key is not a valid P-256 key")]
    BadKey,
    #[error("the message could not be encrypted or decrypted")]
    Cipher,
}

/// Where push services may write about the notices Brug sends.
const CONTACT: &str = "mailto:privacy@brug.invalid";

/// The auth secret a browser gives with its subscription: 16 bytes.
fn auth_secret(auth: &[u8]) -> Result<Auth, CryptoError> {
    if auth.len() == 16 {
        Ok(Auth::clone_from_slice(auth))
    } else {
        Err(CryptoError::BadKey)
    }
}

/// What a phone does with a push message: decrypt it with its private key and auth secret.
pub fn decrypt(body: &[u8], receiver_secret: &SecretKey, auth: &[u8]) -> Result<Vec<u8>, CryptoError> {
    web_push_native::decrypt(body.to_vec(), receiver_secret, &auth_secret(auth)?).map_err(|_| CryptoError::Cipher)
}

/// The server's VAPID key: it signs a short-lived token per push service.
#[derive(Clone)]
pub struct Vapid {
    key: SigningKey,
}

impl std::fmt::Debug for Vapid {
    /// The private key never shows in logs.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Vapid(..)")
    }
}

impl Vapid {
    pub fn generate() -> Vapid {
        Vapid {
            key: SigningKey::random(&mut OsRng),
        }
    }

    /// From the private scalar, base64url without padding (as `private_key` gives it).
    pub fn from_private(encoded: &str) -> Result<Vapid, CryptoError> {
        let bytes = URL_SAFE_NO_PAD
            .decode(encoded.trim())
            .map_err(|_| CryptoError::BadKey)?;
        let key = SigningKey::from_slice(&bytes).map_err(|_| CryptoError::BadKey)?;
        Ok(Vapid { key })
    }

    pub fn private_key(&self) -> String {
        URL_SAFE_NO_PAD.encode(self.key.to_bytes())
    }

    /// The public key, uncompressed and base64url: what browsers take as `applicationServerKey`.
    pub fn public_key(&self) -> String {
        URL_SAFE_NO_PAD.encode(self.key.verifying_key().to_encoded_point(false).as_bytes())
    }

    /// The `Authorization` header for a push service at `audience` (its origin).
    fn authorization(&self, audience: &str, expires_at: i64) -> String {
        let header = URL_SAFE_NO_PAD.encode(br#"{"typ":"JWT","alg":"ES256"}"#);
        let claims = serde_json::json!({ "aud": audience, "exp": expires_at, "sub": CONTACT });
        let claims = URL_SAFE_NO_PAD.encode(claims.to_string());
        let signed = format!("{header}.{claims}");
        let signature: Signature = self.key.sign(signed.as_bytes());
        let token = format!("{signed}.{}", URL_SAFE_NO_PAD.encode(signature.to_bytes()));
        format!("vapid t={token}, k={}", self.public_key())
    }

    /// The push request for one subscription: `text` encrypted for the phone's key
    /// (`p256dh`, 65 bytes) and auth secret, signed for the push service at `audience`
    /// (the endpoint's origin), kept by the push service for `lifetime` while the phone is
    /// away.
    pub fn request(
        &self,
        endpoint: &str,
        audience: &str,
        keys: (&[u8], &[u8]),
        text: &str,
        lifetime: Duration,
    ) -> Result<http::Request<Vec<u8>>, CryptoError> {
        let (p256dh, auth) = keys;
        let endpoint = endpoint.parse().map_err(|_| CryptoError::BadKey)?;
        let phone = PublicKey::from_sec1_bytes(p256dh).map_err(|_| CryptoError::BadKey)?;
        let mut request = WebPushBuilder::new(endpoint, phone, auth_secret(auth)?)
            .with_valid_duration(lifetime)
            .build(text.as_bytes())
            .map_err(|_| CryptoError::Cipher)?;
        let expires_at = crate::db::now() + lifetime.as_secs() as i64;
        let authorization =
            http::HeaderValue::from_str(&self.authorization(audience, expires_at)).map_err(|_| CryptoError::Cipher)?;
        request.headers_mut().insert(http::header::AUTHORIZATION, authorization);
        Ok(request)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use p256::elliptic_curve::sec1::ToEncodedPoint;

    fn phone() -> (SecretKey, Vec<u8>) {
        let secret = SecretKey::random(&mut OsRng);
        let public = secret.public_key().to_encoded_point(false).as_bytes().to_vec();
        (secret, public)
    }

    #[test]
    fn what_is_sent_to_a_phone_decrypts_with_its_key_and_not_with_another() {
        let (secret, public) = phone();
        let auth = [7u8; 16];
        let text = "{\"body\":\"Je hebt iets nieuws\"}";
        let request = Vapid::generate()
            .request(
                "https://push.example/send/1",
                "https://push.example",
                (&public, &auth),
                text,
                Duration::from_secs(3600),
            )
            .unwrap();
        assert_eq!(request.headers()["content-encoding"], "aes128gcm");
        assert_eq!(request.headers()["ttl"], "3600");
        let body = request.body();
        assert_eq!(decrypt(body, &secret, &auth).unwrap(), text.as_bytes());
        assert!(decrypt(body, &SecretKey::random(&mut OsRng), &auth).is_err());
        assert!(
            decrypt(body, &secret, &[8u8; 16]).is_err(),
            "the auth secret is needed too"
        );
        let short_auth = Vapid::generate().request(
            "https://push.example/1",
            "https://push.example",
            (&public, &[1u8; 3]),
            text,
            Duration::from_secs(60),
        );
        assert_eq!(short_auth.err(), Some(CryptoError::BadKey), "refused, not a panic");
    }

    #[test]
    fn a_vapid_key_survives_being_written_down_and_signs_a_verifiable_token() {
        use p256::ecdsa::signature::Verifier;
        use p256::ecdsa::VerifyingKey;
        let vapid = Vapid::generate();
        let again = Vapid::from_private(&vapid.private_key()).unwrap();
        assert_eq!(again.public_key(), vapid.public_key());
        let (_, public) = phone();
        let request = again
            .request(
                "https://push.example:8443/send/1",
                "https://push.example:8443",
                (&public, &[7u8; 16]),
                "x",
                Duration::from_secs(60),
            )
            .unwrap();
        let header = request.headers()["authorization"].to_str().unwrap();
        let token = header.strip_prefix("vapid t=").unwrap().split(", k=").next().unwrap();
        let (signed, signature) = token.rsplit_once('.').unwrap();
        let signature = Signature::from_slice(&URL_SAFE_NO_PAD.decode(signature).unwrap()).unwrap();
        let verifier = VerifyingKey::from_sec1_bytes(&URL_SAFE_NO_PAD.decode(vapid.public_key()).unwrap()).unwrap();
        assert!(verifier.verify(signed.as_bytes(), &signature).is_ok());
        let claims = URL_SAFE_NO_PAD.decode(signed.split('.').nth(1).unwrap()).unwrap();
        let claims: serde_json::Value = serde_json::from_slice(&claims).unwrap();
        assert_eq!(claims["aud"], "https://push.example:8443", "the origin, port and all");
        assert!(!format!("{vapid:?}").contains(&vapid.private_key()));
    }
}
