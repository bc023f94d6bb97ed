//! Web Push payload encryption (RFC 8291, `aes128gcm` from RFC 8188) and VAPID (RFC 8292).
//! Decryption is here too: the tests' push receiver proves with it what a phone would read.

use aes_gcm::aead::{Aead, KeyInit};
use aes_gcm::Aes128Gcm;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use hkdf::Hkdf;
use p256::ecdsa::signature::Signer;
use p256::ecdsa::{Signature, SigningKey};
use p256::elliptic_curve::rand_core::{OsRng, RngCore};
use p256::elliptic_curve::sec1::ToEncodedPoint;
use p256::{PublicKey, SecretKey};
use sha2::Sha256;

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum CryptoError {
    #[error("a key is not a valid P-256 key")]
    BadKey,
    #[error("the message could not be encrypted or decrypted")]
    Cipher,
}

const RECORD_SIZE: u32 = 4096;

/// The content key and nonce both sides derive (RFC 8291 section 3.4).
fn content_keys(
    shared_secret: &[u8],
    auth: &[u8],
    receiver_public: &[u8],
    sender_public: &[u8],
    salt: &[u8],
) -> Result<([u8; 16], [u8; 12]), CryptoError> {
    let mut info = b"WebPush: info\0".to_vec();
    info.extend_from_slice(receiver_public);
    info.extend_from_slice(sender_public);
    let mut ikm = [0u8; 32];
    Hkdf::<Sha256>::new(Some(auth), shared_secret)
        .expand(&info, &mut ikm)
        .map_err(|_| CryptoError::Cipher)?;
    let keys = Hkdf::<Sha256>::new(Some(salt), &ikm);
    let mut key = [0u8; 16];
    let mut nonce = [0u8; 12];
    keys.expand(b"Content-Encoding: aes128gcm\0", &mut key)
        .and_then(|_| keys.expand(b"Content-Encoding: nonce\0", &mut nonce))
        .map_err(|_| CryptoError::Cipher)?;
    Ok((key, nonce))
}

/// Encrypts `plaintext` for a subscription's public key (`p256dh`, 65 bytes) and auth secret.
pub fn encrypt(plaintext: &[u8], receiver_public: &[u8], auth: &[u8]) -> Result<Vec<u8>, CryptoError> {
    let receiver = PublicKey::from_sec1_bytes(receiver_public).map_err(|_| CryptoError::BadKey)?;
    let sender = SecretKey::random(&mut OsRng);
    let sender_public = sender.public_key().to_encoded_point(false);
    let shared = p256::ecdh::diffie_hellman(sender.to_nonzero_scalar(), receiver.as_affine());
    let mut salt = [0u8; 16];
    OsRng.fill_bytes(&mut salt);
    let (key, nonce) = content_keys(
        shared.raw_secret_bytes(),
        auth,
        receiver_public,
        sender_public.as_bytes(),
        &salt,
    )?;
    // One record: the text, then the delimiter of a last record.
    let mut record = plaintext.to_vec();
    record.push(2);
    let sealed = Aes128Gcm::new(&key.into())
        .encrypt(&nonce.into(), record.as_slice())
        .map_err(|_| CryptoError::Cipher)?;
    let mut body = Vec::with_capacity(16 + 4 + 1 + 65 + sealed.len());
    body.extend_from_slice(&salt);
    body.extend_from_slice(&RECORD_SIZE.to_be_bytes());
    body.push(sender_public.as_bytes().len() as u8);
    body.extend_from_slice(sender_public.as_bytes());
    body.extend_from_slice(&sealed);
    Ok(body)
}

/// What a phone does with a push message: decrypt it with its private key and auth secret.
pub fn decrypt(body: &[u8], receiver_secret: &SecretKey, auth: &[u8]) -> Result<Vec<u8>, CryptoError> {
    let (salt, rest) = body.split_at_checked(16).ok_or(CryptoError::Cipher)?;
    let (_record_size, rest) = rest.split_at_checked(4).ok_or(CryptoError::Cipher)?;
    let (&id_length, rest) = rest.split_first().ok_or(CryptoError::Cipher)?;
    let (sender_public, sealed) = rest.split_at_checked(id_length as usize).ok_or(CryptoError::Cipher)?;
    let sender = PublicKey::from_sec1_bytes(sender_public).map_err(|_| CryptoError::BadKey)?;
    let receiver_public = receiver_secret.public_key().to_encoded_point(false);
    let shared = p256::ecdh::diffie_hellman(receiver_secret.to_nonzero_scalar(), sender.as_affine());
    let (key, nonce) = content_keys(
        shared.raw_secret_bytes(),
        auth,
        receiver_public.as_bytes(),
        sender_public,
        salt,
    )?;
    let mut record = Aes128Gcm::new(&key.into())
        .decrypt(&nonce.into(), sealed)
        .map_err(|_| CryptoError::Cipher)?;
    // Strip the padding and the delimiter (2 for the last record).
    while record.last() == Some(&0) {
        record.pop();
    }
    if record.pop() != Some(2) {
        return Err(CryptoError::Cipher);
    }
    Ok(record)
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
    pub fn authorization(&self, audience: &str, expires_at: i64) -> String {
        let header = URL_SAFE_NO_PAD.encode(br#"{"typ":"JWT","alg":"ES256"}"#);
        let claims = serde_json::json!({ "aud": audience, "exp": expires_at, "sub": "mailto:privacy@brug.invalid" });
        let claims = URL_SAFE_NO_PAD.encode(claims.to_string());
        let signed = format!("{header}.{claims}");
        let signature: Signature = self.key.sign(signed.as_bytes());
        let token = format!("{signed}.{}", URL_SAFE_NO_PAD.encode(signature.to_bytes()));
        format!("vapid t={token}, k={}", self.public_key())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_encrypted_for_a_phone_decrypts_with_its_key_and_not_with_another() {
        let phone = SecretKey::random(&mut OsRng);
        let public = phone.public_key().to_encoded_point(false);
        let auth = [7u8; 16];
        let body = encrypt(b"{\"body\":\"Je hebt iets nieuws\"}", public.as_bytes(), &auth).unwrap();
        assert_eq!(
            decrypt(&body, &phone, &auth).unwrap(),
            b"{\"body\":\"Je hebt iets nieuws\"}"
        );
        assert!(decrypt(&body, &SecretKey::random(&mut OsRng), &auth).is_err());
        assert!(
            decrypt(&body, &phone, &[8u8; 16]).is_err(),
            "the auth secret is needed too"
        );
    }

    #[test]
    fn a_vapid_key_survives_being_written_down_and_signs_a_verifiable_token() {
        use p256::ecdsa::signature::Verifier;
        use p256::ecdsa::VerifyingKey;
        let vapid = Vapid::generate();
        let again = Vapid::from_private(&vapid.private_key()).unwrap();
        assert_eq!(again.public_key(), vapid.public_key());
        let header = vapid.authorization("https://push.example", 1_800_000_000);
        let token = header.strip_prefix("vapid t=").unwrap().split(", k=").next().unwrap();
        let (signed, signature) = token.rsplit_once('.').unwrap();
        let signature = Signature::from_slice(&URL_SAFE_NO_PAD.decode(signature).unwrap()).unwrap();
        let public = URL_SAFE_NO_PAD.decode(vapid.public_key()).unwrap();
        let verifier = VerifyingKey::from_sec1_bytes(&public).unwrap();
        assert!(verifier.verify(signed.as_bytes(), &signature).is_ok());
        assert!(!format!("{vapid:?}").contains(&vapid.private_key()));
    }
}
