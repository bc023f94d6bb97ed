//! The copy as JSON in the shape of [`PersonalExport`](super::PersonalExport), written a
//! piece at a time.

use super::service::{ConversationHead, ExportHead, ExportWriter};
use super::types::{ExportCase, EXPORT_FORMAT};
use crate::messaging::Message;
use crate::transparency::AccessLogEntry;
use serde::Serialize;

/// Whether the next element of the open list needs a comma first.
#[derive(Default)]
pub struct JsonExport {
    first_in_list: bool,
}

fn json<T: Serialize + ?Sized>(value: &T) -> String {
    // Serialising these plain types cannot fail; an empty value would break the copy
    // visibly rather than hide a part.
    serde_json::to_string(value).unwrap_or_default()
}

impl JsonExport {
    fn element(&mut self, text: String) -> String {
        let comma = if self.first_in_list { "" } else { "," };
        self.first_in_list = false;
        format!("{comma}{text}")
    }

    fn elements<T: Serialize>(&mut self, values: &[T]) -> String {
        let mut out = String::new();
        for value in values {
            let element = self.element(json(value));
            out.push_str(&element);
        }
        out
    }

    fn open_list(&mut self, text: String) -> String {
        self.first_in_list = true;
        text
    }
}

impl ExportWriter for JsonExport {
    fn head(&mut self, head: &ExportHead) -> String {
        self.open_list(format!(
            "{{\"format\":{},\"exported_at\":{},\"profile\":{},\"preferences\":{},\"devices\":{},\"passkeys\":{},\"cases\":[",
            json(EXPORT_FORMAT),
            head.exported_at,
            json(&head.profile),
            json(&head.preferences),
            json(&head.devices),
            json(&head.passkeys),
        ))
    }

    fn case(&mut self, case: &ExportCase) -> String {
        self.element(json(case))
    }

    fn conversations(&mut self) -> String {
        self.open_list("],\"conversations\":[".into())
    }

    fn conversation(&mut self, head: &ConversationHead) -> String {
        let text = format!(
            "{{\"id\":{},\"case_id\":{},\"kind\":{},\"members\":{},\"messages\":[",
            head.id,
            head.case_id,
            json(&head.kind),
            json(&head.members)
        );
        let text = self.element(text);
        self.first_in_list = true;
        text
    }

    fn messages(&mut self, messages: &[Message]) -> String {
        self.elements(messages)
    }

    fn conversation_end(&mut self) -> String {
        self.first_in_list = false;
        "]}".into()
    }

    fn access_logs(&mut self) -> String {
        self.open_list("],\"access_logs\":[".into())
    }

    fn access_log(&mut self, case_id: i64, _participant_name: &str) -> String {
        let text = self.element(format!("{{\"case_id\":{case_id},\"entries\":["));
        self.first_in_list = true;
        text
    }

    fn entries(&mut self, entries: &[AccessLogEntry]) -> String {
        self.elements(entries)
    }

    fn access_log_end(&mut self) -> String {
        self.first_in_list = false;
        "]}".into()
    }

    fn end(&mut self) -> String {
        "]}".into()
    }
}
