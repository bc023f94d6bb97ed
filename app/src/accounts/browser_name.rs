//! A browser session's name on the devices page, from its `User-Agent`: "Chrome on
//! Android", "Safari on iPhone". Enough for a person to tell their phone from a library
//! computer; nothing more is read or kept of the header.

const BROWSERS: &[(&str, &str)] = &[
    // Order matters: Edge, Samsung Internet and Opera also say "Chrome", Chrome says "Safari".
    ("Edg/", "Edge"),
    ("SamsungBrowser/", "Samsung Internet"),
    ("OPR/", "Opera"),
    ("Firefox/", "Firefox"),
    ("FxiOS/", "Firefox"),
    ("CriOS/", "Chrome"),
    ("Chrome/", "Chrome"),
    ("Safari/", "Safari"),
];

const SYSTEMS: &[(&str, &str)] = &[
    ("Android", "Android"),
    ("iPhone", "iPhone"),
    ("iPad", "iPad"),
    ("Windows", "Windows"),
    ("Mac OS X", "Mac"),
    ("CrOS", "ChromeOS"),
    ("Linux", "Linux"),
];

/// "Browser on system", or as much of it as the header says; empty when it says nothing
/// recognisable (the page then says "Web browser").
pub fn describe(user_agent: &str) -> String {
    let find = |table: &[(&str, &'static str)]| {
        table
            .iter()
            .find(|(marker, _)| user_agent.contains(marker))
            .map(|(_, name)| *name)
    };
    match (find(BROWSERS), find(SYSTEMS)) {
        (Some(browser), Some(system)) => format!("{browser} on {system}"),
        (Some(browser), None) => browser.to_string(),
        (None, Some(system)) => system.to_string(),
        (None, None) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::describe;

    #[test]
    fn common_browsers_are_named_with_their_system() {
        let android_chrome = "Mozilla/5.0 (Linux; Android 14; SM-A145R) AppleWebKit/537.36 (KHTML, like Gecko) \
                              Chrome/131.0.0.0 Mobile Safari/537.36";
        assert_eq!(describe(android_chrome), "Chrome on Android");
        let samsung = "Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 (KHTML, like Gecko) \
                       SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36";
        assert_eq!(describe(samsung), "Samsung Internet on Android");
        let iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 \
                      (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
        assert_eq!(describe(iphone), "Safari on iPhone");
        let edge = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) \
                    Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0";
        assert_eq!(describe(edge), "Edge on Windows");
        assert_eq!(describe("curl/8.5.0"), "");
    }
}
