use super::Lang;

/// Languages from an `Accept-Language` header, best first, keeping only those Brug speaks.
pub fn parse_accept_language(header: &str) -> Vec<Lang> {
    let mut weighted: Vec<(Lang, f32, usize)> = header
        .split(',')
        .enumerate()
        .filter_map(|(position, part)| {
            let mut pieces = part.split(';');
            let lang = Lang::parse(pieces.next()?)?;
            let quality = pieces
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.parse::<f32>().ok())
                .unwrap_or(1.0);
            (quality > 0.0).then_some((lang, quality, position))
        })
        .collect();
    weighted.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.2.cmp(&b.2)));
    let mut result = Vec::new();
    for (lang, _, _) in weighted {
        if !result.contains(&lang) {
            result.push(lang);
        }
    }
    result
}

/// The person's own choice first, then what the browser asks for, then Dutch.
pub fn choose_language(chosen: Option<&str>, accept_language: Option<&str>) -> Lang {
    chosen
        .and_then(Lang::parse)
        .or_else(|| accept_language.and_then(|h| parse_accept_language(h).into_iter().next()))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_persons_own_choice_wins_over_the_browser() {
        assert_eq!(choose_language(Some("ar"), Some("fr-BE,fr;q=0.9")), Lang::Ar);
    }

    #[test]
    fn the_browsers_best_supported_language_is_used_without_a_choice() {
        assert_eq!(choose_language(None, Some("de-DE,fr;q=0.8,en;q=0.9")), Lang::En);
    }

    #[test]
    fn dutch_is_the_fallback_for_unsupported_languages() {
        assert_eq!(choose_language(Some("xx"), Some("de,tr;q=0.5")), Lang::Nl);
        assert_eq!(choose_language(None, None), Lang::Nl);
    }

    #[test]
    fn a_language_with_quality_zero_is_refused() {
        assert_eq!(parse_accept_language("fr;q=0, en"), vec![Lang::En]);
    }
}
