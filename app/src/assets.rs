//! Where the built site's files are: their names carry a content hash (see
//! `scripts/build.sh`), so browsers may keep them for a year and a new build is fetched
//! at once.

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assets {
    pub loader: String,
    pub script: String,
    pub wasm: String,
    pub stylesheet: String,
    /// The read-aloud buttons' script, and the speech module it fetches on a press.
    pub speech_loader: String,
    pub speech_script: String,
    pub speech_wasm: String,
}

impl Default for Assets {
    /// The names before fingerprinting, for a site built without it.
    fn default() -> Self {
        Assets {
            loader: "/pkg/loader.js".into(),
            script: "/pkg/brug.js".into(),
            wasm: "/pkg/brug_bg.wasm".into(),
            stylesheet: "/style/main.css".into(),
            speech_loader: "/pkg/read-aloud.js".into(),
            speech_script: "/pkg/speech.js".into(),
            speech_wasm: "/pkg/speech_bg.wasm".into(),
        }
    }
}

impl Assets {
    /// Reads the `name path` lines the build writes; a name it does not list keeps its
    /// default, and only paths under `/pkg/` or `/style/` are taken.
    pub fn parse(listing: &str) -> Assets {
        let mut assets = Assets::default();
        for line in listing.lines() {
            let Some((name, path)) = line.trim().split_once(' ') else {
                continue;
            };
            if !(path.starts_with("/pkg/") || path.starts_with("/style/")) {
                continue;
            }
            let slot = match name {
                "loader" => &mut assets.loader,
                "script" => &mut assets.script,
                "wasm" => &mut assets.wasm,
                "stylesheet" => &mut assets.stylesheet,
                "speech_loader" => &mut assets.speech_loader,
                "speech_script" => &mut assets.speech_script,
                "speech_wasm" => &mut assets.speech_wasm,
                _ => continue,
            };
            *slot = path.to_string();
        }
        assets
    }
}

/// The site's file names for this page.
pub fn use_assets() -> Assets {
    #[cfg(feature = "ssr")]
    {
        leptos::prelude::use_context::<crate::state::AppState>()
            .map(|state| (*state.assets).clone())
            .unwrap_or_default()
    }
    #[cfg(not(feature = "ssr"))]
    {
        Assets::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_build_listing_names_the_files_and_nothing_outside_the_site_is_taken() {
        let assets = Assets::parse(
            "loader /pkg/loader.0123456789abcdef.js\nstylesheet https://elsewhere.example/x.css\nwasm /pkg/brug_bg.1.wasm\n\
             speech_wasm /pkg/speech_bg.2.wasm\n",
        );
        assert_eq!(assets.speech_wasm, "/pkg/speech_bg.2.wasm");
        assert_eq!(assets.speech_loader, "/pkg/read-aloud.js");
        assert_eq!(assets.loader, "/pkg/loader.0123456789abcdef.js");
        assert_eq!(assets.wasm, "/pkg/brug_bg.1.wasm");
        assert_eq!(
            assets.stylesheet, "/style/main.css",
            "a path off the site keeps the default"
        );
        assert_eq!(assets.script, "/pkg/brug.js");
    }
}
