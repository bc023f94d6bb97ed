//! Small macros shared by the domains.

/// A closed set of values with a stable snake_case name (for the database and the API)
/// and a translated label (for the pages).
macro_rules! plain_enum {
    ($name:ident { $($variant:ident => $text:literal, $label:ident;)* }) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
        pub enum $name { $(#[serde(rename = $text)] $variant),* }

        // Written out rather than derived: the derive does not see a variant's
        // `rename` when it comes from this macro, and the document said `age8_to11`
        // where the answers say `8_11`, so a client generated from it could not read them.
        #[cfg(feature = "ssr")]
        impl utoipa::PartialSchema for $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                utoipa::openapi::schema::ObjectBuilder::new()
                    .schema_type(utoipa::openapi::schema::Type::String)
                    .enum_values(Some([$($text),*]))
                    .into()
            }
        }

        #[cfg(feature = "ssr")]
        impl utoipa::ToSchema for $name {}

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
