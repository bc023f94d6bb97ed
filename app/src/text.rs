//! The one rule for free text a person types into a form or the API.

use crate::error::{AppError, ErrorCode};

/// Trims the text and refuses it when it is missing (if `required`) or longer than `max`
/// characters.
pub fn cleaned(value: &str, required: bool, max: usize) -> Result<String, AppError> {
    let value = value.trim();
    if (required && value.is_empty()) || value.chars().count() > max {
        Err(AppError::new(ErrorCode::InvalidInput))
    } else {
        Ok(value.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::cleaned;

    #[test]
    fn text_is_trimmed_required_when_asked_and_kept_within_its_length() {
        assert_eq!(cleaned("  Lotte \n", true, 10).unwrap(), "Lotte");
        assert!(cleaned("   ", true, 10).is_err());
        assert_eq!(cleaned("   ", false, 10).unwrap(), "");
        assert!(cleaned("elf tekens!", false, 10).is_err());
        assert_eq!(cleaned("ééééé", true, 5).unwrap(), "ééééé", "characters, not bytes");
    }
}
