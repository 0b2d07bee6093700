//! The newsroom's rules: who may do what, and how an article moves through the workflow.
//!
//! A wire desk's states: draft → submitted (in review) → scheduled or published; an editor can
//! send a submitted article back; a published article can be unpublished (404) or killed (410);
//! a draft can be spiked to a bin and restored. Every move is one [`WorkflowAction`], checked by
//! [`next_status`] against the actor's [`Role`] and ownership.

use std::fmt;

use jiff::Timestamp;

use crate::{ArticleStatus, Msg, ValidationError};

/// The one form of an e-mail address that accounts are stored, found and throttled under:
/// Unicode NFKC (full-width `ｅｄ＠…` is `ed@…`), without surrounding spaces, lowercase. Every
/// entry point (sign-in, new users, the command line) goes through it, so that one address is
/// one account and one throttle.
pub fn normalize_email(email: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    email.nfkc().collect::<String>().trim().to_lowercase()
}

/// Identifies a newsroom user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UserId(pub i64);

impl fmt::Display for UserId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// What a user may do, from least to most.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Role {
    /// Creates and edits their own drafts, submits them.
    Reporter,
    /// Edits any article, publishes, schedules, unpublishes, kills; manages sections,
    /// contributors and social accounts.
    Editor,
    /// Everything, plus users and site settings.
    Admin,
}

impl Role {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Reporter => "reporter",
            Role::Editor => "editor",
            Role::Admin => "admin",
        }
    }

    /// The id of the role's name in the message files (`role-editor`).
    pub fn message_id(self) -> &'static str {
        match self {
            Role::Reporter => "role-reporter",
            Role::Editor => "role-editor",
            Role::Admin => "role-admin",
        }
    }

    /// Reads a stored or typed name.
    pub fn parse(value: &str) -> Result<Role, ValidationError> {
        match value {
            "reporter" => Ok(Role::Reporter),
            "editor" => Ok(Role::Editor),
            "admin" => Ok(Role::Admin),
            _ => Err(ValidationError::invalid("role", value, "expected-role")),
        }
    }

    /// Whether the role may edit and move any article, not just its own drafts.
    pub fn is_editor(self) -> bool {
        self >= Role::Editor
    }

    /// Whether the role may manage users and site settings.
    pub fn is_admin(self) -> bool {
        self == Role::Admin
    }
}

/// A newsroom user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    /// The user's id.
    pub id: UserId,
    /// Sign-in address, unique.
    pub email: String,
    /// Display name.
    pub name: String,
    /// What they may do.
    pub role: Role,
    /// The language they chose for the admin (`zh-hans`); `None` follows their browser.
    pub language: Option<String>,
}

/// One move of an article through the workflow.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WorkflowAction {
    /// A draft goes to the editors for review.
    Submit,
    /// An editor returns a submitted (or scheduled) article to its writer, with a comment.
    SendBack,
    /// Goes live now.
    Publish,
    /// Goes live at the given time, without anyone being there.
    Schedule(Timestamp),
    /// Taken off the site (its URL answers 404); it can be published again.
    Unpublish,
    /// Withdrawn for legal or accuracy reasons: its URL answers 410 Gone.
    Kill,
    /// A draft moves to the bin.
    Spike,
    /// A spiked draft comes back; a killed article is reinstated (unpublished) by an editor.
    Restore,
}

impl WorkflowAction {
    /// The action's name in the API (`submit`, `send_back`, …).
    pub fn name(&self) -> &'static str {
        self.verb().name()
    }

    /// What kind of move this is, without its time.
    pub fn verb(&self) -> WorkflowVerb {
        match self {
            WorkflowAction::Submit => WorkflowVerb::Submit,
            WorkflowAction::SendBack => WorkflowVerb::SendBack,
            WorkflowAction::Publish => WorkflowVerb::Publish,
            WorkflowAction::Schedule(_) => WorkflowVerb::Schedule,
            WorkflowAction::Unpublish => WorkflowVerb::Unpublish,
            WorkflowAction::Kill => WorkflowVerb::Kill,
            WorkflowAction::Spike => WorkflowVerb::Spike,
            WorkflowAction::Restore => WorkflowVerb::Restore,
        }
    }
}

/// A workflow move as the API and the forms name it (`publish`, `send_back`), before a
/// schedule's time is attached to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WorkflowVerb {
    /// See [`WorkflowAction::Submit`].
    Submit,
    /// See [`WorkflowAction::SendBack`].
    SendBack,
    /// See [`WorkflowAction::Publish`].
    Publish,
    /// See [`WorkflowAction::Schedule`]: needs a time.
    Schedule,
    /// See [`WorkflowAction::Unpublish`].
    Unpublish,
    /// See [`WorkflowAction::Kill`].
    Kill,
    /// See [`WorkflowAction::Spike`].
    Spike,
    /// See [`WorkflowAction::Restore`].
    Restore,
}

impl WorkflowVerb {
    /// Every verb, in the order the API documents them.
    pub const ALL: [WorkflowVerb; 8] = [
        WorkflowVerb::Submit,
        WorkflowVerb::SendBack,
        WorkflowVerb::Publish,
        WorkflowVerb::Schedule,
        WorkflowVerb::Unpublish,
        WorkflowVerb::Kill,
        WorkflowVerb::Spike,
        WorkflowVerb::Restore,
    ];

    /// The id of the verb in the message files (`verb-send_back`), for sentences.
    pub fn message_id(self) -> &'static str {
        match self {
            WorkflowVerb::Submit => "verb-submit",
            WorkflowVerb::SendBack => "verb-send_back",
            WorkflowVerb::Publish => "verb-publish",
            WorkflowVerb::Schedule => "verb-schedule",
            WorkflowVerb::Unpublish => "verb-unpublish",
            WorkflowVerb::Kill => "verb-kill",
            WorkflowVerb::Spike => "verb-spike",
            WorkflowVerb::Restore => "verb-restore",
        }
    }

    /// The name in the API (`submit`, `send_back`, …).
    pub fn name(self) -> &'static str {
        match self {
            WorkflowVerb::Submit => "submit",
            WorkflowVerb::SendBack => "send_back",
            WorkflowVerb::Publish => "publish",
            WorkflowVerb::Schedule => "schedule",
            WorkflowVerb::Unpublish => "unpublish",
            WorkflowVerb::Kill => "kill",
            WorkflowVerb::Spike => "spike",
            WorkflowVerb::Restore => "restore",
        }
    }

    /// The action, with the time a schedule needs (ignored by the others); `None` for a
    /// schedule without a time.
    pub fn with_time(self, at: Option<Timestamp>) -> Option<WorkflowAction> {
        Some(match self {
            WorkflowVerb::Submit => WorkflowAction::Submit,
            WorkflowVerb::SendBack => WorkflowAction::SendBack,
            WorkflowVerb::Publish => WorkflowAction::Publish,
            WorkflowVerb::Schedule => WorkflowAction::Schedule(at?),
            WorkflowVerb::Unpublish => WorkflowAction::Unpublish,
            WorkflowVerb::Kill => WorkflowAction::Kill,
            WorkflowVerb::Spike => WorkflowAction::Spike,
            WorkflowVerb::Restore => WorkflowAction::Restore,
        })
    }
}

impl std::str::FromStr for WorkflowVerb {
    type Err = ValidationError;

    fn from_str(text: &str) -> Result<WorkflowVerb, ValidationError> {
        WorkflowVerb::ALL
            .into_iter()
            .find(|verb| verb.name() == text)
            .ok_or_else(|| ValidationError::invalid("action", text, "expected-action"))
    }
}

/// Why a workflow move was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WorkflowRefusal {
    /// The actor's role or ownership does not allow it.
    Forbidden,
    /// The article's state does not allow it (publishing a spiked draft, say).
    InvalidState {
        /// The state it is in.
        from: ArticleStatus,
        /// What was attempted.
        action: &'static str,
    },
    /// A schedule time that is not in the future.
    ScheduleInPast,
}

impl WorkflowRefusal {
    /// The refusal for the person who tried, in their language.
    pub fn message(&self) -> Msg {
        match self {
            WorkflowRefusal::Forbidden => Msg::new("workflow-role"),
            WorkflowRefusal::InvalidState { from, action } => {
                let verb = WorkflowVerb::ALL.iter().find(|verb| verb.name() == *action);
                Msg::new("workflow-state")
                    .with("action", verb.map_or(Msg::verbatim(*action), |verb| Msg::new(verb.message_id())))
                    .with("status", Msg::new(from.message_id()))
            }
            WorkflowRefusal::ScheduleInPast => Msg::new("schedule-in-past"),
        }
    }
}

impl fmt::Display for WorkflowRefusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.message().fmt(f)
    }
}

/// The state an article moves to when `role` (owning the article or not) applies `action` to
/// it in state `from` at time `now`.
pub fn next_status(
    from: ArticleStatus,
    action: &WorkflowAction,
    role: Role,
    is_own: bool,
    now: Timestamp,
) -> Result<ArticleStatus, WorkflowRefusal> {
    use ArticleStatus::*;
    let reporter_may = matches!(action, WorkflowAction::Submit | WorkflowAction::Spike | WorkflowAction::Restore);
    if !(role.is_editor() || (reporter_may && is_own)) {
        return Err(WorkflowRefusal::Forbidden);
    }
    let to = match (action, from) {
        (WorkflowAction::Submit, Draft) => Submitted,
        (WorkflowAction::SendBack, Submitted | Scheduled) => Draft,
        (WorkflowAction::Publish, Draft | Submitted | Scheduled | Unpublished) => Published,
        (WorkflowAction::Schedule(at), Draft | Submitted | Scheduled) => {
            if *at <= now {
                return Err(WorkflowRefusal::ScheduleInPast);
            }
            Scheduled
        }
        (WorkflowAction::Unpublish, Published) => Unpublished,
        (WorkflowAction::Kill, Published | Unpublished) => Killed,
        (WorkflowAction::Spike, Draft | Submitted) => Spiked,
        (WorkflowAction::Restore, Spiked) => Draft,
        // A killed story reinstated (the kill was a mistake, the legal issue settled): off the
        // site until an editor publishes it again. Editors only.
        (WorkflowAction::Restore, Killed) if role.is_editor() => Unpublished,
        (WorkflowAction::Restore, Killed) => return Err(WorkflowRefusal::Forbidden),
        _ => return Err(WorkflowRefusal::InvalidState { from, action: action.name() }),
    };
    Ok(to)
}

/// Whether `role` may change the fields of an article in state `status`: editors any article,
/// reporters only their own drafts.
pub fn may_edit(status: ArticleStatus, role: Role, is_own: bool) -> bool {
    match status {
        ArticleStatus::Killed | ArticleStatus::Spiked => false,
        _ if role.is_editor() => true,
        ArticleStatus::Draft => is_own,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ArticleStatus::*;

    #[test]
    fn e_mail_addresses_have_one_form() {
        for typed in ["ed@news.test", " Ed@News.Test ", "\ted@news.test\n", "ｅｄ＠ｎｅｗｓ．ｔｅｓｔ"] {
            assert_eq!(normalize_email(typed), "ed@news.test", "{typed:?}");
        }
    }

    #[test]
    fn verbs_parse_from_their_names_and_only_those() {
        for verb in WorkflowVerb::ALL {
            assert_eq!(verb.name().parse::<WorkflowVerb>(), Ok(verb));
        }
        let error = "publsh".parse::<WorkflowVerb>().unwrap_err().to_string();
        assert!(error.contains("publsh") && error.contains("send_back"), "{error}");
        assert_eq!(WorkflowVerb::Schedule.with_time(None), None, "a schedule needs its time");
        let at = now();
        assert_eq!(WorkflowVerb::Schedule.with_time(Some(at)), Some(WorkflowAction::Schedule(at)));
        assert_eq!(WorkflowVerb::Kill.with_time(Some(at)).map(|a| a.verb()), Some(WorkflowVerb::Kill));
    }

    fn now() -> Timestamp {
        "2026-01-01T00:00:00Z".parse().unwrap()
    }

    fn check(from: ArticleStatus, action: WorkflowAction, role: Role, own: bool, expected: Result<ArticleStatus, ()>) {
        let got = next_status(from, &action, role, own, now()).map_err(|_| ());
        assert_eq!(got, expected, "{role:?} (own: {own}) {} from {from:?}", action.name());
    }

    #[test]
    fn reporters_submit_and_spike_their_own_drafts_only() {
        check(Draft, WorkflowAction::Submit, Role::Reporter, true, Ok(Submitted));
        check(Draft, WorkflowAction::Submit, Role::Reporter, false, Err(()));
        check(Draft, WorkflowAction::Spike, Role::Reporter, true, Ok(Spiked));
        check(Spiked, WorkflowAction::Restore, Role::Reporter, true, Ok(Draft));
        check(Submitted, WorkflowAction::Publish, Role::Reporter, true, Err(()));
        check(Published, WorkflowAction::Kill, Role::Reporter, true, Err(()));
    }

    #[test]
    fn editors_run_the_desk() {
        let later: Timestamp = "2026-01-02T00:00:00Z".parse().unwrap();
        check(Submitted, WorkflowAction::SendBack, Role::Editor, false, Ok(Draft));
        check(Submitted, WorkflowAction::Publish, Role::Editor, false, Ok(Published));
        check(Submitted, WorkflowAction::Schedule(later), Role::Editor, false, Ok(Scheduled));
        check(Submitted, WorkflowAction::Schedule(now()), Role::Editor, false, Err(()));
        check(Published, WorkflowAction::Unpublish, Role::Editor, false, Ok(Unpublished));
        check(Unpublished, WorkflowAction::Publish, Role::Admin, false, Ok(Published));
        check(Published, WorkflowAction::Kill, Role::Editor, false, Ok(Killed));
        check(Killed, WorkflowAction::Publish, Role::Admin, false, Err(()));
        check(Spiked, WorkflowAction::Publish, Role::Editor, false, Err(()));
        check(Published, WorkflowAction::Submit, Role::Editor, false, Err(()));
    }

    #[test]
    fn editing_rights() {
        assert!(may_edit(Draft, Role::Reporter, true));
        assert!(!may_edit(Draft, Role::Reporter, false));
        assert!(!may_edit(Submitted, Role::Reporter, true));
        assert!(may_edit(Published, Role::Editor, false));
        assert!(!may_edit(Killed, Role::Admin, true));
    }
}
