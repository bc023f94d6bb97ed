//! Small macros shared by the domains.

/// A closed set of values with a stable snake_case name (for the database and the API)
/// and a translated label (for the pages).
macro_rules! plain_enum {
    ($name:ident { $($variant:ident => $text:literal, $label:ident;)* }) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
        #[serde(rename_all = "snake_case")]
        #[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
        pub enum $name { $(#[serde(rename = $text)] $variant),* }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),* }
            }

            pub fn parse(value: &str) -> Option<$name> {
                $name::ALL.iter().copied().find(|v| v.as_str() == value)
            }

            pub fn label(self) -> $crate::i18n::Msg {
                match self { $($name::$variant => $crate::i18n::Msg::$label),* }
            }
        }
    };
}
