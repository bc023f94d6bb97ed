//! The copy as a page to read and print, in the person's language, written a piece at a
//! time like the JSON. Every text that comes from the database passes `escape`.

use super::service::{ConversationHead, ExportHead, ExportWriter};
use super::types::{ExportCase, ExportWritten};
use crate::circle::MemberKind;
use crate::i18n::{Lang, Msg, Reader};
use crate::layout::QUICK_EXIT_SCRIPT;
use crate::local_time::{written, written_date};
use crate::messaging::Message;
use crate::transparency::{entry_line, AccessLogEntry};
use std::fmt::Write;

pub struct PrintableExport {
    lang: Lang,
    page: PageFrame,
    reader: Option<Reader>,
}

/// What the page needs from the site around it: its stylesheet, and "Leave quickly" (the
/// neutral page it goes to, and this response's script nonce), as on every Brug page.
pub struct PageFrame {
    pub stylesheet: String,
    pub quick_exit_url: String,
    pub nonce: String,
}

impl PrintableExport {
    pub fn new(lang: Lang, page: PageFrame) -> PrintableExport {
        PrintableExport {
            lang,
            page,
            reader: None,
        }
    }

    fn t(&self, msg: Msg) -> &'static str {
        self.lang.t(msg)
    }
}

/// Text for HTML content and attribute values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

impl PrintableExport {
    fn written_list(&self, out: &mut String, items: &[ExportWritten]) {
        if items.is_empty() {
            return;
        }
        out.push_str("<ul class=\"export-written\">");
        for item in items {
            let _ = write!(
                out,
                "<li><span class=\"export-when\">{}</span> <strong>{}</strong>: {}</li>",
                escape(&written(self.lang, item.at)),
                escape(&item.author),
                escape(&item.body)
            );
        }
        out.push_str("</ul>");
    }

    fn heading(&self, out: &mut String, msg: Msg) {
        let _ = write!(out, "<h3>{}</h3>", escape(self.t(msg)));
    }
}

impl ExportWriter for PrintableExport {
    fn head(&mut self, head: &ExportHead) -> String {
        let lang = self.lang;
        let title = escape(self.t(Msg::MyDataTitle));
        let mut out = format!(
            "<!DOCTYPE html><html lang=\"{}\" dir=\"{}\"><head><meta charset=\"utf-8\">\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
             <meta name=\"color-scheme\" content=\"light\"><link rel=\"icon\" href=\"/icon.svg\" type=\"image/svg+xml\">\
             <script nonce=\"{}\" data-exit=\"{}\">{QUICK_EXIT_SCRIPT}</script>\
             <title>{title}</title><link rel=\"stylesheet\" href=\"{}\"></head>\
             <body class=\"printable\"><header class=\"no-print\"><a class=\"quick-exit\" href=\"/leave\" data-quick-exit=\"\" rel=\"nofollow\">{}</a></header>\
             <main id=\"main\" class=\"export\"><h1 id=\"page-title\">{title}</h1>\
             <p>{}</p><p class=\"no-print\"><a href=\"/settings\">{}</a></p>",
            lang.code(),
            lang.dir(),
            escape(&self.page.nonce),
            escape(&self.page.quick_exit_url),
            escape(&self.page.stylesheet),
            escape(self.t(Msg::LeaveQuickly)),
            escape(&lang.fill(Msg::MyDataIntro, &[("time", &written(lang, head.exported_at))])),
            escape(self.t(Msg::SettingsTitle)),
        );
        let p = &head.profile;
        let _ = write!(
            out,
            "<section class=\"card\" aria-labelledby=\"about-you\"><h2 id=\"about-you\">{}</h2><dl class=\"export-facts\">\
             <dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd>",
            escape(self.t(Msg::MyDataAboutYou)),
            escape(self.t(Msg::MyDataName)),
            escape(&p.display_name),
            escape(self.t(Msg::MyDataUsername)),
            escape(&p.username),
            escape(self.t(Msg::MyDataAccountSince)),
            escape(&written(lang, p.created_at)),
        );
        if let Some(organisation) = &p.organisation {
            let _ = write!(
                out,
                "<dt>{}</dt><dd>{}</dd>",
                escape(self.t(Msg::MyDataOrganisation)),
                escape(organisation)
            );
        }
        out.push_str("</dl></section>");
        if let Some(preferences) = &head.preferences {
            let _ = write!(
                out,
                "<section class=\"card\" aria-labelledby=\"your-preferences\"><h2 id=\"your-preferences\">{}</h2><dl class=\"export-facts\">",
                escape(self.t(Msg::PreferencesTitle))
            );
            for (label, text) in [
                (Msg::WhatHelpsLabel, &preferences.what_helps),
                (Msg::WhatToAvoidLabel, &preferences.what_to_avoid),
                (Msg::TimesNoteLabel, &preferences.times_note),
                (Msg::InterpreterLabel, &preferences.interpreter_language),
            ] {
                if !text.is_empty() {
                    let _ = write!(out, "<dt>{}</dt><dd>{}</dd>", escape(self.t(label)), escape(text));
                }
            }
            out.push_str("</dl></section>");
        }
        let _ = write!(
            out,
            "<section class=\"card\" aria-labelledby=\"your-devices\"><h2 id=\"your-devices\">{}</h2><ul>",
            escape(self.t(Msg::DevicesTitle))
        );
        for device in &head.devices {
            let _ = write!(
                out,
                "<li>{} — {}</li>",
                escape(&device.name),
                escape(&lang.fill(Msg::LastActive, &[("time", &written(lang, device.last_seen_at))]))
            );
        }
        out.push_str("</ul></section>");
        if !head.passkeys.is_empty() {
            let _ = write!(
                out,
                "<section class=\"card\" aria-labelledby=\"your-passkeys\"><h2 id=\"your-passkeys\">{}</h2><ul>",
                escape(self.t(Msg::PasskeysTitle))
            );
            for passkey in &head.passkeys {
                let added = lang.fill(Msg::PasskeyAddedOn, &[("time", &written(lang, passkey.created_at))]);
                let _ = write!(out, "<li>{} — {}", escape(&passkey.name), escape(&added));
                if let Some(used) = passkey.last_used_at {
                    let used = lang.fill(Msg::PasskeyUsedOn, &[("time", &written(lang, used))]);
                    let _ = write!(out, ", {}", escape(&used));
                }
                out.push_str("</li>");
            }
            out.push_str("</ul></section>");
        }
        let _ = write!(out, "<h2 id=\"your-circles\">{}</h2>", escape(self.t(Msg::CasesTitle)));
        out
    }

    fn case(&mut self, case: &ExportCase) -> String {
        let lang = self.lang;
        let reader = Reader::new(case.member_kind == MemberKind::Participant, &case.participant_name);
        let mut out = format!(
            "<section class=\"card export-case\"><h2>{}</h2><p>{}</p>",
            escape(&reader.say(lang, Msg::MyDataOwnCircle, Msg::MyDataCircleOf)),
            escape(&lang.fill(Msg::MyDataInCircleSince, &[("time", &written(lang, case.joined_at))])),
        );
        if let Some(left) = case.left_at {
            let _ = write!(
                out,
                "<p>{}</p>",
                escape(&lang.fill(Msg::MyDataLeftCircle, &[("time", &written(lang, left))]))
            );
        }
        if case.included.is_empty() && case.left_at.is_none() {
            let note = match case.member_kind {
                MemberKind::Worker => Msg::MyDataWorkerCopy,
                _ => Msg::MyDataNothingShared,
            };
            let _ = write!(out, "<p>{}</p>", escape(self.t(note)));
        }
        if !case.milestones.is_empty() {
            self.heading(&mut out, Msg::TrajectoryTitle);
            out.push_str("<ol>");
            for m in &case.milestones {
                let _ = write!(
                    out,
                    "<li><strong>{}</strong> — {}",
                    escape(&m.title),
                    escape(self.t(m.status.label()))
                );
                if let Some(date) = &m.expected_date {
                    let _ = write!(out, " ({})", escape(&written_date(lang, date)));
                }
                if !m.explanation.is_empty() {
                    let _ = write!(out, "<br>{}", escape(&m.explanation));
                }
                self.written_list(&mut out, &m.responses);
                out.push_str("</li>");
            }
            out.push_str("</ol>");
        }
        if !case.children.is_empty() {
            self.heading(&mut out, Msg::ReunificationTitle);
            for child in &case.children {
                let _ = write!(out, "<p><strong>{}</strong></p><ol>", escape(&child.alias));
                for step in &child.steps {
                    let title = step
                        .custom_title
                        .clone()
                        .unwrap_or_else(|| self.t(step.kind.label()).to_string());
                    let _ = write!(
                        out,
                        "<li>{} — {}</li>",
                        escape(&title),
                        escape(self.t(step.status.label()))
                    );
                }
                out.push_str("</ol>");
            }
        }
        if !case.appointments.is_empty() {
            self.heading(&mut out, Msg::AppointmentsTitle);
            out.push_str("<ul>");
            for a in &case.appointments {
                let _ = write!(
                    out,
                    "<li>{}: {} — {}, {}</li>",
                    escape(&written_date(lang, &a.starts_at)),
                    escape(&a.purpose),
                    escape(&a.with_whom),
                    escape(&a.place)
                );
            }
            out.push_str("</ul>");
        }
        if !case.plans.is_empty() {
            self.heading(&mut out, Msg::PlansTitle);
            for plan in &case.plans {
                let _ = write!(
                    out,
                    "<p><strong>{}</strong> — {}</p><ol>",
                    escape(&plan.title),
                    escape(self.t(plan.state.label()))
                );
                for item in &plan.items {
                    let _ = write!(out, "<li>{}", escape(&item.what));
                    if let Some(owner) = &item.owner {
                        let _ = write!(out, " ({})", escape(owner));
                    }
                    self.written_list(&mut out, &item.answers);
                    out.push_str("</li>");
                }
                out.push_str("</ol>");
                self.written_list(&mut out, &plan.comments);
            }
        }
        if !case.conferences.is_empty() {
            self.heading(&mut out, Msg::ConferencesTitle);
            for conference in &case.conferences {
                let _ = write!(
                    out,
                    "<p><strong>{}</strong></p>",
                    escape(&written_date(lang, &conference.held_on))
                );
                self.written_list(&mut out, &conference.input);
                out.push_str("<ul>");
                for d in &conference.decisions {
                    let _ = write!(out, "<li>{}<br>{}", escape(&d.decision), escape(&d.meaning_for_you));
                    self.written_list(&mut out, &d.responses);
                    out.push_str("</li>");
                }
                out.push_str("</ul>");
            }
        }
        out.push_str("</section>");
        out
    }

    fn conversations(&mut self) -> String {
        format!("<h2 id=\"your-messages\">{}</h2>", escape(self.t(Msg::MessagesTitle)))
    }

    fn conversation(&mut self, head: &ConversationHead) -> String {
        format!(
            "<section class=\"card\"><h3>{}</h3><ol class=\"export-messages\">",
            escape(&head.members.join(", "))
        )
    }

    fn messages(&mut self, messages: &[Message]) -> String {
        let mut out = String::new();
        for m in messages {
            let _ = write!(
                out,
                "<li><span class=\"export-when\">{}</span> <strong>{}</strong>: {}</li>",
                escape(&written(self.lang, m.sent_at)),
                escape(&m.sender_name),
                escape(&m.body)
            );
        }
        out
    }

    fn conversation_end(&mut self) -> String {
        "</ol></section>".into()
    }

    fn access_logs(&mut self) -> String {
        String::new()
    }

    fn access_log(&mut self, _case_id: i64, participant_name: &str) -> String {
        self.reader = Some(Reader::new(true, participant_name));
        format!(
            "<section class=\"card\"><h2>{}</h2><ol class=\"access-log\">",
            escape(self.t(Msg::AccessLogTitle))
        )
    }

    fn entries(&mut self, entries: &[AccessLogEntry]) -> String {
        let reader = self.reader.clone().unwrap_or_else(|| Reader::new(true, ""));
        let mut out = String::new();
        for entry in entries {
            let _ = write!(
                out,
                "<li class=\"access-log-entry\"><span class=\"access-log-time\">{}</span> <span class=\"access-log-line\">{}</span></li>",
                escape(&written(self.lang, entry.at)),
                escape(&entry_line(entry, &reader, self.lang))
            );
        }
        out
    }

    fn access_log_end(&mut self) -> String {
        "</ol></section>".into()
    }

    fn end(&mut self) -> String {
        "</main></body></html>".into()
    }
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn text_from_people_cannot_become_markup() {
        assert_eq!(
            escape("<script>alert('x')</script> & \"y\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;y&quot;"
        );
    }
}
