//! One translation system for every text a person reads.
//!
//! Each message is declared once with its Dutch, French, English and Arabic text, so a
//! missing translation is a compile error rather than a blank on someone's phone.

mod messages;
mod negotiate;
mod plural;
mod reader;

pub use messages::Msg;
pub use negotiate::{choose_language, parse_accept_language};
#[cfg(feature = "ssr")]
pub use plural::form_indexes;
pub use plural::{form_index, PluralMsg};
pub use reader::Reader;

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum Lang {
    #[default]
    Nl,
    Fr,
    En,
    Ar,
}

impl Lang {
    pub const ALL: [Lang; 4] = [Lang::Nl, Lang::Fr, Lang::En, Lang::Ar];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::Fr => "fr",
            Lang::En => "en",
            Lang::Ar => "ar",
        }
    }

    pub fn parse(code: &str) -> Option<Lang> {
        let primary = code.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|lang| lang.code() == primary)
    }

    /// Text direction for the `dir` attribute of `<html>`.
    pub fn dir(self) -> &'static str {
        match self {
            Lang::Ar => "rtl",
            _ => "ltr",
        }
    }

    /// The language's own name, so a person finds theirs whatever the page shows.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Nl => "Nederlands",
            Lang::Fr => "Français",
            Lang::En => "English",
            Lang::Ar => "العربية",
        }
    }

    pub fn t(self, msg: Msg) -> &'static str {
        msg.text(self)
    }

    /// A message with `{name}`-style placeholders filled in.
    pub fn fill(self, msg: Msg, values: &[(&str, &str)]) -> String {
        let mut text = msg.text(self).to_string();
        for (key, value) in values {
            text = text.replace(&format!("{{{key}}}"), value);
        }
        text
    }
}
