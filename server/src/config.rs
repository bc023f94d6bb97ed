//! Configuration in layers: defaults, then an optional TOML file (`BRUG_CONFIG`, else
//! `brug.toml` when present), then `BRUG_*` environment variables and `DATABASE_URL`.

use app::db::{Backend, PoolSettings};
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::time::Duration;

#[derive(Debug)]
pub struct Settings {
    pub database_url: SecretString,
    pub addr: SocketAddr,
    pub production: bool,
    pub demo_data: bool,
    /// `None`: secure cookies unless Brug listens on a loopback address (plain-HTTP local use).
    pub secure_cookies: Option<bool>,
    pub site_root: PathBuf,
    pub log_json: bool,
    pub idle_minutes_private: i64,
    pub idle_minutes_staff: i64,
    pub absolute_hours: i64,
    /// How often a live stream reads the database without being woken: the safety net
    /// for a lost wake-up. Shorter costs database reads; longer delays a lost message.
    pub live_poll_seconds: i64,
    /// How often the scheduler looks for work that came due (reminders): a reminder is
    /// sent at most this late.
    pub scheduler_seconds: i64,
    /// Where "Leave quickly" goes: a neutral page that is not Brug.
    pub quick_exit_url: String,
    /// The address people reach Brug at (`https://brug.example.org`): passkeys are bound to
    /// its domain. `None`: the address each request names (its `Host`).
    pub public_url: Option<String>,
    /// The VAPID private key (base64url); made once and kept in the database when absent.
    pub vapid_private_key: Option<SecretString>,
    /// Send push notifications to plain-HTTP endpoints on loopback: for tests only.
    pub push_allow_loopback: bool,
    /// Database connections shared by all requests; `None`: what suits the backend.
    pub db_max_connections: Option<u32>,
    /// How long a request waits for a free connection before it is answered 503.
    pub db_acquire_timeout_ms: Option<u64>,
    /// How long SQLite waits for the write lock.
    pub db_busy_timeout_ms: Option<u64>,
    /// The reverse proxies (TLS terminators, load balancers) in front of Brug. Only when a
    /// request comes from one of them is its `X-Forwarded-For` believed, so the sign-in
    /// limits count each client and not the proxy everybody shares.
    pub trusted_proxies: Vec<IpAddr>,
    /// Seals the secrets Brug keeps in the database (authenticator secrets, the push
    /// signing key): 32 bytes as 64 hex digits or base64. Required in production.
    pub secret_key: Option<SecretString>,
    /// Secrets used before the current one, while a rotation is under way: they still
    /// open what they sealed until the background pass has sealed it again.
    pub previous_secret_keys: Vec<SecretString>,
    /// Whether staff must give a second factor; `None`: in production only.
    pub staff_second_factor: Option<bool>,
    /// The zone pages write times in (an IANA name such as `Europe/Brussels`).
    pub time_zone: String,
    /// When set, `/metrics` answers a request bearing this token; when not, it is not there.
    pub metrics_token: Option<SecretString>,
    /// How long a person's account data, and what they wrote, are kept once their
    /// erasure is confirmed.
    pub erasure_retention: app::erasure::RetentionPolicy,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("could not read the configuration file {0}: {1}")]
    File(PathBuf, std::io::Error),
    #[error("the configuration file {0} is not valid: {1}")]
    Parse(PathBuf, toml::de::Error),
    #[error("{0} has an invalid value")]
    Invalid(&'static str),
    #[error("production mode refuses to load demo data; unset BRUG_DEMO_DATA")]
    DemoInProduction,
    #[error("production mode needs secure cookies (HTTPS); unset BRUG_SECURE_COOKIES=false")]
    InsecureCookiesInProduction,
    #[error("production mode needs BRUG_SECRET_KEY (32 random bytes, as 64 hex digits or base64)")]
    SecretKeyMissing,
    #[error("production mode requires a second factor for staff; unset BRUG_STAFF_SECOND_FACTOR=false")]
    SecondFactorOffInProduction,
}

/// The file layer: every key optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileLayer {
    database_url: Option<String>,
    addr: Option<String>,
    production: Option<bool>,
    demo_data: Option<bool>,
    secure_cookies: Option<bool>,
    site_root: Option<PathBuf>,
    log_json: Option<bool>,
    idle_minutes_private: Option<i64>,
    idle_minutes_staff: Option<i64>,
    absolute_hours: Option<i64>,
    live_poll_seconds: Option<i64>,
    scheduler_seconds: Option<i64>,
    quick_exit_url: Option<String>,
    public_url: Option<String>,
    vapid_private_key: Option<String>,
    db_max_connections: Option<u32>,
    db_acquire_timeout_ms: Option<u64>,
    db_busy_timeout_ms: Option<u64>,
    trusted_proxies: Option<Vec<String>>,
    secret_key: Option<String>,
    previous_secret_keys: Option<Vec<String>>,
    staff_second_factor: Option<bool>,
    time_zone: Option<String>,
    erase_account_after_days: Option<i64>,
    erase_writings_after_days: Option<i64>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            database_url: SecretString::from("sqlite://data/brug.db"),
            addr: SocketAddr::from(([127, 0, 0, 1], 3000)),
            production: false,
            demo_data: false,
            secure_cookies: None,
            site_root: PathBuf::from("target/site"),
            log_json: false,
            idle_minutes_private: 30,
            idle_minutes_staff: 120,
            absolute_hours: 12,
            live_poll_seconds: 5,
            scheduler_seconds: 30,
            quick_exit_url: "https://www.meteo.be/nl/belgie".to_string(),
            public_url: None,
            vapid_private_key: None,
            push_allow_loopback: false,
            db_max_connections: None,
            db_acquire_timeout_ms: None,
            db_busy_timeout_ms: None,
            trusted_proxies: Vec::new(),
            secret_key: None,
            previous_secret_keys: Vec::new(),
            staff_second_factor: None,
            time_zone: app::local_time::DEFAULT_ZONE.to_string(),
            metrics_token: None,
            erasure_retention: app::erasure::RetentionPolicy::default(),
        }
    }
}

/// Addresses, each an IPv4 or IPv6 address.
fn addresses<'a>(values: impl Iterator<Item = &'a str>, key: &'static str) -> Result<Vec<IpAddr>, ConfigError> {
    values
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(|v| v.parse().map_err(|_| ConfigError::Invalid(key)))
        .collect()
}

impl Settings {
    pub fn load() -> Result<Settings, ConfigError> {
        Settings::load_from(|key| std::env::var(key).ok())
    }

    pub fn load_from(env: impl Fn(&str) -> Option<String>) -> Result<Settings, ConfigError> {
        let mut settings = Settings::default();
        let explicit = env("BRUG_CONFIG").map(PathBuf::from);
        let path = explicit.clone().unwrap_or_else(|| PathBuf::from("brug.toml"));
        if explicit.is_some() || path.exists() {
            let text = std::fs::read_to_string(&path).map_err(|e| ConfigError::File(path.clone(), e))?;
            let file: FileLayer = toml::from_str(&text).map_err(|e| ConfigError::Parse(path.clone(), e))?;
            settings.apply_file(file)?;
        }
        settings.apply_env(&env)?;
        settings.validate()?;
        Ok(settings)
    }

    fn apply_file(&mut self, file: FileLayer) -> Result<(), ConfigError> {
        if let Some(url) = file.database_url {
            self.database_url = SecretString::from(url);
        }
        if let Some(addr) = file.addr {
            self.addr = addr.parse().map_err(|_| ConfigError::Invalid("addr"))?;
        }
        self.production = file.production.unwrap_or(self.production);
        self.demo_data = file.demo_data.unwrap_or(self.demo_data);
        self.secure_cookies = file.secure_cookies.or(self.secure_cookies);
        self.site_root = file.site_root.unwrap_or(self.site_root.clone());
        if let Some(proxies) = &file.trusted_proxies {
            self.trusted_proxies = addresses(proxies.iter().map(String::as_str), "trusted_proxies")?;
        }
        self.log_json = file.log_json.unwrap_or(self.log_json);
        self.idle_minutes_private = file.idle_minutes_private.unwrap_or(self.idle_minutes_private);
        self.idle_minutes_staff = file.idle_minutes_staff.unwrap_or(self.idle_minutes_staff);
        self.absolute_hours = file.absolute_hours.unwrap_or(self.absolute_hours);
        self.live_poll_seconds = file.live_poll_seconds.unwrap_or(self.live_poll_seconds);
        self.scheduler_seconds = file.scheduler_seconds.unwrap_or(self.scheduler_seconds);
        self.quick_exit_url = file.quick_exit_url.unwrap_or(self.quick_exit_url.clone());
        self.public_url = file.public_url.or(self.public_url.take());
        if let Some(key) = file.vapid_private_key {
            self.vapid_private_key = Some(SecretString::from(key));
        }
        if let Some(key) = file.secret_key {
            self.secret_key = Some(SecretString::from(key));
        }
        if let Some(keys) = file.previous_secret_keys {
            self.previous_secret_keys = keys.into_iter().map(SecretString::from).collect();
        }
        self.staff_second_factor = file.staff_second_factor.or(self.staff_second_factor);
        if let Some(zone) = file.time_zone {
            self.time_zone = zone;
        }
        self.db_max_connections = file.db_max_connections.or(self.db_max_connections);
        self.db_acquire_timeout_ms = file.db_acquire_timeout_ms.or(self.db_acquire_timeout_ms);
        self.db_busy_timeout_ms = file.db_busy_timeout_ms.or(self.db_busy_timeout_ms);
        let keep = &mut self.erasure_retention;
        keep.account_days = file.erase_account_after_days.unwrap_or(keep.account_days);
        keep.writings_days = file.erase_writings_after_days.unwrap_or(keep.writings_days);
        Ok(())
    }

    fn apply_env(&mut self, env: &impl Fn(&str) -> Option<String>) -> Result<(), ConfigError> {
        if let Some(url) = env("DATABASE_URL").filter(|u| !u.is_empty()) {
            self.database_url = SecretString::from(url);
        }
        if let Some(addr) = env("BRUG_ADDR").filter(|a| !a.is_empty()) {
            self.addr = addr.parse().map_err(|_| ConfigError::Invalid("BRUG_ADDR"))?;
        }
        let flag = |key: &'static str| -> Result<Option<bool>, ConfigError> {
            match env(key).as_deref().map(str::trim) {
                None | Some("") => Ok(None),
                Some("1" | "true" | "yes" | "on") => Ok(Some(true)),
                Some("0" | "false" | "no" | "off") => Ok(Some(false)),
                Some(_) => Err(ConfigError::Invalid(key)),
            }
        };
        let number = |key: &'static str| -> Result<Option<i64>, ConfigError> {
            env(key)
                .filter(|v| !v.is_empty())
                .map(|v| v.parse::<i64>().map_err(|_| ConfigError::Invalid(key)))
                .transpose()
        };
        self.production = flag("BRUG_PRODUCTION")?.unwrap_or(self.production);
        self.demo_data = flag("BRUG_DEMO_DATA")?.unwrap_or(self.demo_data);
        self.secure_cookies = flag("BRUG_SECURE_COOKIES")?.or(self.secure_cookies);
        self.log_json = flag("BRUG_LOG_JSON")?.unwrap_or(self.log_json);
        if let Some(root) = env("BRUG_SITE_ROOT").filter(|r| !r.is_empty()) {
            self.site_root = PathBuf::from(root);
        }
        self.idle_minutes_private = number("BRUG_IDLE_MINUTES_PRIVATE")?.unwrap_or(self.idle_minutes_private);
        self.idle_minutes_staff = number("BRUG_IDLE_MINUTES_STAFF")?.unwrap_or(self.idle_minutes_staff);
        self.absolute_hours = number("BRUG_ABSOLUTE_HOURS")?.unwrap_or(self.absolute_hours);
        self.live_poll_seconds = number("BRUG_LIVE_POLL_SECONDS")?.unwrap_or(self.live_poll_seconds);
        self.scheduler_seconds = number("BRUG_SCHEDULER_SECONDS")?.unwrap_or(self.scheduler_seconds);
        let keep = &mut self.erasure_retention;
        keep.account_days = number("BRUG_ERASE_ACCOUNT_AFTER_DAYS")?.unwrap_or(keep.account_days);
        keep.writings_days = number("BRUG_ERASE_WRITINGS_AFTER_DAYS")?.unwrap_or(keep.writings_days);
        if let Some(url) = env("BRUG_QUICK_EXIT_URL").filter(|u| !u.is_empty()) {
            self.quick_exit_url = url;
        }
        if let Some(url) = env("BRUG_PUBLIC_URL").filter(|u| !u.is_empty()) {
            self.public_url = Some(url);
        }
        if let Some(key) = env("BRUG_VAPID_PRIVATE_KEY").filter(|k| !k.is_empty()) {
            self.vapid_private_key = Some(SecretString::from(key));
        }
        self.push_allow_loopback = flag("BRUG_PUSH_ALLOW_LOOPBACK")?.unwrap_or(self.push_allow_loopback);
        if let Some(token) = env("BRUG_METRICS_TOKEN").filter(|t| !t.is_empty()) {
            self.metrics_token = Some(SecretString::from(token));
        }
        if let Some(key) = env("BRUG_SECRET_KEY").filter(|k| !k.is_empty()) {
            self.secret_key = Some(SecretString::from(key));
        }
        if let Some(keys) = env("BRUG_PREVIOUS_SECRET_KEYS") {
            self.previous_secret_keys = keys
                .split(',')
                .map(str::trim)
                .filter(|key| !key.is_empty())
                .map(|key| SecretString::from(key.to_string()))
                .collect();
        }
        self.staff_second_factor = flag("BRUG_STAFF_SECOND_FACTOR")?.or(self.staff_second_factor);
        if let Some(zone) = env("BRUG_TIME_ZONE").filter(|z| !z.is_empty()) {
            self.time_zone = zone;
        }
        if let Some(proxies) = env("BRUG_TRUSTED_PROXIES") {
            self.trusted_proxies = addresses(proxies.split(','), "BRUG_TRUSTED_PROXIES")?;
        }
        let positive = |key: &'static str| -> Result<Option<u64>, ConfigError> {
            match number(key)? {
                Some(value) if value > 0 => Ok(Some(value as u64)),
                Some(_) => Err(ConfigError::Invalid(key)),
                None => Ok(None),
            }
        };
        if let Some(size) = positive("BRUG_DB_MAX_CONNECTIONS")? {
            self.db_max_connections =
                Some(u32::try_from(size).map_err(|_| ConfigError::Invalid("BRUG_DB_MAX_CONNECTIONS"))?);
        }
        self.db_acquire_timeout_ms = positive("BRUG_DB_ACQUIRE_TIMEOUT_MS")?.or(self.db_acquire_timeout_ms);
        self.db_busy_timeout_ms = positive("BRUG_DB_BUSY_TIMEOUT_MS")?.or(self.db_busy_timeout_ms);
        Ok(())
    }

    fn validate(&self) -> Result<(), ConfigError> {
        if self.production && self.demo_data {
            return Err(ConfigError::DemoInProduction);
        }
        if self.production && !self.uses_secure_cookies() {
            return Err(ConfigError::InsecureCookiesInProduction);
        }
        if self.production && self.push_allow_loopback {
            return Err(ConfigError::Invalid("BRUG_PUSH_ALLOW_LOOPBACK"));
        }
        match &self.secret_key {
            Some(key) if app::sealing::SealingKey::parse(key.expose_secret()).is_none() => {
                return Err(ConfigError::Invalid("BRUG_SECRET_KEY"));
            }
            None if self.production => return Err(ConfigError::SecretKeyMissing),
            _ => {}
        }
        if self
            .previous_secret_keys
            .iter()
            .any(|key| app::sealing::parse_secret(key.expose_secret()).is_none())
        {
            return Err(ConfigError::Invalid("BRUG_PREVIOUS_SECRET_KEYS"));
        }
        if !app::local_time::zone_known(&self.time_zone) {
            return Err(ConfigError::Invalid("BRUG_TIME_ZONE"));
        }
        if self.production && self.staff_second_factor == Some(false) {
            return Err(ConfigError::SecondFactorOffInProduction);
        }
        if self.idle_minutes_private <= 0 || self.idle_minutes_staff <= 0 || self.absolute_hours <= 0 {
            return Err(ConfigError::Invalid("session timeouts"));
        }
        // The address goes into a page attribute and a redirect: a plain web address only.
        let url = &self.quick_exit_url;
        let plain = url
            .chars()
            .all(|c| c.is_ascii_graphic() && !matches!(c, '"' | '\'' | '<' | '>' | '\\'));
        if !(url.starts_with("https://") || url.starts_with("http://")) || !plain {
            return Err(ConfigError::Invalid("BRUG_QUICK_EXIT_URL"));
        }
        if self.public_url.is_some() && self.public_origin().is_none() {
            return Err(ConfigError::Invalid("BRUG_PUBLIC_URL"));
        }
        if !(1..=3600).contains(&self.live_poll_seconds) {
            return Err(ConfigError::Invalid("BRUG_LIVE_POLL_SECONDS"));
        }
        // A token that can be guessed would open the metrics to anyone.
        if self
            .metrics_token
            .as_ref()
            .is_some_and(|t| t.expose_secret().len() < 24)
        {
            return Err(ConfigError::Invalid("BRUG_METRICS_TOKEN"));
        }
        if !(1..=3600).contains(&self.scheduler_seconds) {
            return Err(ConfigError::Invalid("BRUG_SCHEDULER_SECONDS"));
        }
        // Up to a hundred years: a longer period is a mistake, not a retention rule.
        let keep = self.erasure_retention;
        if !(0..=36_500).contains(&keep.account_days) || !(0..=36_500).contains(&keep.writings_days) {
            return Err(ConfigError::Invalid(
                "BRUG_ERASE_ACCOUNT_AFTER_DAYS / BRUG_ERASE_WRITINGS_AFTER_DAYS",
            ));
        }
        if self.db_max_connections.is_some_and(|size| !(2..=1000).contains(&size)) {
            return Err(ConfigError::Invalid("BRUG_DB_MAX_CONNECTIONS"));
        }
        Ok(())
    }

    /// The pool's settings: the backend's defaults, with what was configured instead.
    pub fn pool(&self) -> PoolSettings {
        let backend = Backend::of_url(self.database_url()).unwrap_or(Backend::Sqlite);
        let defaults = PoolSettings::default_for(backend);
        PoolSettings {
            max_connections: self.db_max_connections.unwrap_or(defaults.max_connections),
            acquire_timeout: self
                .db_acquire_timeout_ms
                .map(Duration::from_millis)
                .unwrap_or(defaults.acquire_timeout),
            busy_timeout: self
                .db_busy_timeout_ms
                .map(Duration::from_millis)
                .unwrap_or(defaults.busy_timeout),
        }
    }

    /// The origin of `public_url` (`https://brug.example.org`, a port when it names one),
    /// when it is a web address with a domain.
    pub fn public_origin(&self) -> Option<String> {
        let url = url::Url::parse(self.public_url.as_deref()?).ok()?;
        if !matches!(url.scheme(), "https" | "http") || url.domain().is_none() {
            return None;
        }
        Some(url.origin().ascii_serialization())
    }

    pub fn uses_secure_cookies(&self) -> bool {
        self.secure_cookies
            .unwrap_or(self.production || !self.addr.ip().is_loopback())
    }

    /// The key that seals stored secrets: the configured one, else (outside production,
    /// where `validate` refuses its absence) the public development key.
    pub fn sealing_key(&self) -> app::sealing::SealingKey {
        app::sealing::SealingKey::with_previous(&self.secret(), &self.previous_secrets())
    }

    /// The keys that seal the sensitive text at rest, from the same secrets.
    pub fn text_keys(&self) -> app::sealing::text::TextKeys {
        app::sealing::text::TextKeys::new(&self.secret(), &self.previous_secrets())
    }

    fn secret(&self) -> app::sealing::SecretBytes {
        self.secret_key
            .as_ref()
            .and_then(|key| app::sealing::parse_secret(key.expose_secret()))
            .unwrap_or_else(app::sealing::development_secret)
    }

    fn previous_secrets(&self) -> Vec<app::sealing::SecretBytes> {
        let keys = self.previous_secret_keys.iter();
        keys.filter_map(|key| app::sealing::parse_secret(key.expose_secret()))
            .collect()
    }

    pub fn requires_staff_second_factor(&self) -> bool {
        self.staff_second_factor.unwrap_or(self.production)
    }

    pub fn database_url(&self) -> &str {
        self.database_url.expose_secret()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn load(vars: &[(&str, &str)]) -> Result<Settings, ConfigError> {
        let map: HashMap<String, String> = vars.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        Settings::load_from(|key| map.get(key).cloned())
    }

    #[test]
    fn defaults_serve_sqlite_on_local_port_3000() {
        let settings = load(&[]).unwrap();
        assert_eq!(settings.database_url(), "sqlite://data/brug.db");
        assert_eq!(settings.addr.to_string(), "127.0.0.1:3000");
        assert!(!settings.uses_secure_cookies());
    }

    #[test]
    fn the_public_address_is_a_web_address_with_a_domain_and_passkeys_take_its_origin() {
        assert_eq!(load(&[]).unwrap().public_origin(), None);
        let set = load(&[("BRUG_PUBLIC_URL", "https://Brug.Example.org/start")]).unwrap();
        assert_eq!(set.public_origin().as_deref(), Some("https://brug.example.org"));
        for wrong in ["http://127.0.0.1:3000", "brug.example.org", "ftp://brug.example.org"] {
            assert!(load(&[("BRUG_PUBLIC_URL", wrong)]).is_err(), "{wrong}");
        }
    }

    #[test]
    fn trusted_proxies_are_addresses_and_nothing_else() {
        assert!(load(&[]).unwrap().trusted_proxies.is_empty());
        let settings = load(&[("BRUG_TRUSTED_PROXIES", "10.0.0.2, ::1")]).unwrap();
        assert_eq!(
            settings.trusted_proxies,
            vec!["10.0.0.2".parse::<IpAddr>().unwrap(), "::1".parse().unwrap()]
        );
        assert!(matches!(
            load(&[("BRUG_TRUSTED_PROXIES", "10.0.0.0/8")]),
            Err(ConfigError::Invalid("BRUG_TRUSTED_PROXIES"))
        ));
    }

    #[test]
    fn environment_variables_override_the_defaults() {
        let settings = load(&[
            ("DATABASE_URL", "postgres://u@localhost/brug"),
            ("BRUG_ADDR", "0.0.0.0:8080"),
        ])
        .unwrap();
        assert_eq!(settings.database_url(), "postgres://u@localhost/brug");
        assert!(settings.uses_secure_cookies(), "a public address gets secure cookies");
    }

    #[test]
    fn production_refuses_demo_data_and_insecure_cookies() {
        assert!(matches!(
            load(&[("BRUG_PRODUCTION", "true"), ("BRUG_DEMO_DATA", "1")]),
            Err(ConfigError::DemoInProduction)
        ));
        assert!(matches!(
            load(&[("BRUG_PRODUCTION", "true"), ("BRUG_SECURE_COOKIES", "false")]),
            Err(ConfigError::InsecureCookiesInProduction)
        ));
        let key = "ab".repeat(32);
        let production = load(&[("BRUG_PRODUCTION", "true"), ("BRUG_SECRET_KEY", &key)]).unwrap();
        assert!(production.uses_secure_cookies());
        assert!(production.requires_staff_second_factor());
    }

    #[test]
    fn production_needs_a_secret_key_and_a_second_factor_for_staff() {
        assert!(matches!(
            load(&[("BRUG_PRODUCTION", "true")]),
            Err(ConfigError::SecretKeyMissing)
        ));
        assert!(matches!(
            load(&[("BRUG_SECRET_KEY", "not a key")]),
            Err(ConfigError::Invalid("BRUG_SECRET_KEY"))
        ));
        assert!(matches!(
            load(&[("BRUG_PREVIOUS_SECRET_KEYS", &format!("{},short", "cd".repeat(32)))]),
            Err(ConfigError::Invalid("BRUG_PREVIOUS_SECRET_KEYS"))
        ));
        let rotating = load(&[
            ("BRUG_SECRET_KEY", &"ab".repeat(32)),
            ("BRUG_PREVIOUS_SECRET_KEYS", &format!(" {}, ", "cd".repeat(32))),
        ])
        .unwrap();
        assert_eq!(rotating.previous_secret_keys.len(), 1);
        let key = "ab".repeat(32);
        assert!(matches!(
            load(&[
                ("BRUG_PRODUCTION", "true"),
                ("BRUG_SECRET_KEY", &key),
                ("BRUG_STAFF_SECOND_FACTOR", "false")
            ]),
            Err(ConfigError::SecondFactorOffInProduction)
        ));
        assert!(!load(&[]).unwrap().requires_staff_second_factor());
        assert!(load(&[("BRUG_STAFF_SECOND_FACTOR", "true")])
            .unwrap()
            .requires_staff_second_factor());
    }

    #[test]
    fn the_database_password_never_shows_in_debug_output() {
        let settings = load(&[("DATABASE_URL", "postgres://brug:hunter2-secret@db/brug")]).unwrap();
        assert!(!format!("{settings:?}").contains("hunter2-secret"));
    }

    #[test]
    fn a_nonsense_flag_is_an_error_not_a_silent_default() {
        assert!(matches!(
            load(&[("BRUG_DEMO_DATA", "perhaps")]),
            Err(ConfigError::Invalid("BRUG_DEMO_DATA"))
        ));
    }

    #[test]
    fn the_live_polling_interval_is_set_in_seconds_within_reason() {
        assert_eq!(load(&[]).unwrap().live_poll_seconds, 5);
        assert_eq!(
            load(&[("BRUG_LIVE_POLL_SECONDS", "600")]).unwrap().live_poll_seconds,
            600
        );
        for nonsense in ["0", "-3", "soon", "86400"] {
            assert!(matches!(
                load(&[("BRUG_LIVE_POLL_SECONDS", nonsense)]),
                Err(ConfigError::Invalid("BRUG_LIVE_POLL_SECONDS"))
            ));
        }
    }

    #[test]
    fn the_metrics_are_off_unless_a_token_too_long_to_guess_is_set() {
        assert!(load(&[]).unwrap().metrics_token.is_none());
        let long = "a-token-of-thirty-two-characters";
        assert!(load(&[("BRUG_METRICS_TOKEN", long)]).unwrap().metrics_token.is_some());
        assert!(matches!(
            load(&[("BRUG_METRICS_TOKEN", "short")]),
            Err(ConfigError::Invalid("BRUG_METRICS_TOKEN"))
        ));
    }

    #[test]
    fn the_scheduler_looks_every_half_minute_unless_set_within_reason() {
        assert_eq!(load(&[]).unwrap().scheduler_seconds, 30);
        assert_eq!(load(&[("BRUG_SCHEDULER_SECONDS", "1")]).unwrap().scheduler_seconds, 1);
        for nonsense in ["0", "-1", "often", "7200"] {
            assert!(matches!(
                load(&[("BRUG_SCHEDULER_SECONDS", nonsense)]),
                Err(ConfigError::Invalid("BRUG_SCHEDULER_SECONDS"))
            ));
        }
    }

    #[test]
    fn the_pool_suits_the_database_unless_set_and_refuses_nonsense() {
        let sqlite = load(&[]).unwrap().pool();
        assert_eq!(sqlite.max_connections, 16);
        let postgres = load(&[("DATABASE_URL", "postgres://db/brug")]).unwrap().pool();
        assert_eq!(postgres.max_connections, 24);
        let set = load(&[
            ("BRUG_DB_MAX_CONNECTIONS", "40"),
            ("BRUG_DB_ACQUIRE_TIMEOUT_MS", "250"),
            ("BRUG_DB_BUSY_TIMEOUT_MS", "9000"),
        ])
        .unwrap()
        .pool();
        assert_eq!(set.max_connections, 40);
        assert_eq!(set.acquire_timeout, Duration::from_millis(250));
        assert_eq!(set.busy_timeout, Duration::from_secs(9));
        for (key, nonsense) in [
            ("BRUG_DB_MAX_CONNECTIONS", "0"),
            ("BRUG_DB_MAX_CONNECTIONS", "1"),
            ("BRUG_DB_ACQUIRE_TIMEOUT_MS", "-5"),
            ("BRUG_DB_BUSY_TIMEOUT_MS", "later"),
        ] {
            assert!(load(&[(key, nonsense)]).is_err(), "{key}={nonsense}");
        }
    }
}
