//! Texts with a number in them, in each language's own plural forms (Arabic has six: zero,
//! one, two, few, many and other). The server picks the form with the CLDR rules of
//! `icu_plurals`; the live updates in the browser get, from the page, the form for each
//! number they can show, so no plural rules travel in the WebAssembly.

use super::Lang;

/// A text with `{count}` in each plural form: zero, one, two, few, many, other.
type Forms = [&'static str; 6];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PluralMsg {
    /// "3 new" beside a conversation or the navigation.
    UnreadCount,
    /// "the trajectory (3 times)" in the access log's summary; `{what}` is filled too.
    TimesCount,
}

impl PluralMsg {
    fn forms(self, lang: Lang) -> Forms {
        match (self, lang) {
            (PluralMsg::UnreadCount, Lang::Nl) => ["{count} nieuw"; 6],
            (PluralMsg::UnreadCount, Lang::En) => ["{count} new"; 6],
            (PluralMsg::UnreadCount, Lang::Fr) => [
                "{count} nouveau",
                "{count} nouveau",
                "{count} nouveaux",
                "{count} nouveaux",
                "{count} nouveaux",
                "{count} nouveaux",
            ],
            (PluralMsg::UnreadCount, Lang::Ar) => [
                "لا رسائل جديدة",
                "رسالة جديدة واحدة",
                "رسالتان جديدتان",
                "{count} رسائل جديدة",
                "{count} رسالة جديدة",
                "{count} رسالة جديدة",
            ],
            (PluralMsg::TimesCount, Lang::Nl) => ["{what} ({count} keer)"; 6],
            (PluralMsg::TimesCount, Lang::Fr) => ["{what} ({count} fois)"; 6],
            (PluralMsg::TimesCount, Lang::En) => [
                "{what} ({count} times)",
                "{what} (once)",
                "{what} ({count} times)",
                "{what} ({count} times)",
                "{what} ({count} times)",
                "{what} ({count} times)",
            ],
            (PluralMsg::TimesCount, Lang::Ar) => [
                "{what} (ولا مرة)",
                "{what} (مرة واحدة)",
                "{what} (مرتان)",
                "{what} ({count} مرات)",
                "{what} ({count} مرة)",
                "{what} ({count} مرة)",
            ],
        }
    }

    /// The six forms joined by `|`, for a page to hand to its live updates.
    pub fn all_forms(self, lang: Lang) -> String {
        self.forms(lang).join("|")
    }
}

/// The index (0 zero … 5 other) of the form `lang` uses for `n`.
#[cfg(feature = "ssr")]
pub fn form_index(lang: Lang, n: u64) -> usize {
    use icu_plurals::{PluralCategory, PluralRules};
    thread_local! {
        // The rules are not `Sync`; each worker thread builds its own once (compiled data,
        // no I/O).
        static RULES: Vec<PluralRules> = Lang::ALL
            .iter()
            .map(|lang| {
                let locale: icu_locale_core::Locale = lang.code().parse().expect("a valid language code");
                PluralRules::try_new_cardinal((&locale).into()).expect("CLDR has plural rules for nl, fr, en and ar")
            })
            .collect();
    }
    let index = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
    RULES.with(|rules| match rules[index].category_for(n) {
        PluralCategory::Zero => 0,
        PluralCategory::One => 1,
        PluralCategory::Two => 2,
        PluralCategory::Few => 3,
        PluralCategory::Many => 4,
        PluralCategory::Other => 5,
    })
}

/// For the live updates: the form index of each number from 1 to 99, one digit each.
#[cfg(feature = "ssr")]
pub fn form_indexes(lang: Lang) -> String {
    (1..=99).map(|n| char::from(b'0' + form_index(lang, n) as u8)).collect()
}

/// Pages render on the server; in the browser only the live updates write numbers, with
/// the forms the page handed them.
#[cfg(not(feature = "ssr"))]
pub fn form_index(_lang: Lang, _n: u64) -> usize {
    5
}

impl Lang {
    /// `msg` for `count` in this language's plural form; `shown` is how the number is
    /// written (for example "99+"), `what` fills `{what}`.
    pub fn count(self, msg: PluralMsg, count: i64, shown: &str, what: &str) -> String {
        let form = msg.forms(self)[form_index(self, count.max(0) as u64)];
        form.replace("{count}", shown).replace("{what}", what)
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    #[test]
    fn each_language_uses_its_own_plural_forms() {
        let unread = |lang, n: i64| Lang::count(lang, PluralMsg::UnreadCount, n, &n.to_string(), "");
        assert_eq!(unread(Lang::Fr, 1), "1 nouveau");
        assert_eq!(unread(Lang::Fr, 2), "2 nouveaux");
        assert_eq!(unread(Lang::Ar, 1), "رسالة جديدة واحدة");
        assert_eq!(unread(Lang::Ar, 2), "رسالتان جديدتان");
        assert_eq!(unread(Lang::Ar, 3), "3 رسائل جديدة");
        assert_eq!(unread(Lang::Ar, 11), "11 رسالة جديدة");
        assert_eq!(unread(Lang::Ar, 103), "103 رسائل جديدة");
        assert_eq!(
            Lang::En.count(PluralMsg::TimesCount, 1, "1", "the plans"),
            "the plans (once)"
        );
        assert_eq!(
            Lang::En.count(PluralMsg::TimesCount, 4, "4", "the plans"),
            "the plans (4 times)"
        );
        assert_eq!(&form_indexes(Lang::Ar)[..12], "123333333344");
    }
}
