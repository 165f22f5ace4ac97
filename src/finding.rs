//! Findings: what reconciliation concludes about a target, a pair of reports or a sentence's
//! arithmetic, with the claims that show it.
//!
//! A [`Finding`] carries its [`Code`], a message that states the facts, the claim it is about
//! (`target`: the target, or the first report of a conflict or an arithmetic check), the
//! evidence claims (each with a label saying what it shows) and the numbers of the computation.
//! How loudly it is reported is a [`Level`], per code, set by defaults, `claimcheck.toml` and
//! the command line (see [`Levels`]).

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::claim::Claim;

pub mod packed;
pub mod runs;

/// Declares the finding codes once: the enum with its serde names, [`Code::ALL`] in report
/// order, [`Code::as_str`] and [`Code::default_level`], and `Display`. A code added here needs
/// an explain page (`src/explain/`) — a test holds every code to one.
macro_rules! finding_codes {
    ($( $(#[doc = $doc:literal])* $variant:ident = $text:literal => $level:ident ),+ $(,)?) => {
        /// The diagnostic code of a finding.
        #[derive(
            Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
        )]
        pub enum Code {
            $( $(#[doc = $doc])* #[serde(rename = $text)] $variant, )+
        }

        impl Code {
            /// Every finding code, in report order.
            pub const ALL: [Code; [$($text),+].len()] = [$(Code::$variant),+];

            /// The code as printed (`target::missed`).
            pub fn as_str(self) -> &'static str {
                match self {
                    $( Code::$variant => $text, )+
                }
            }

            /// How loudly the code is reported unless configured otherwise: a broken promise,
            /// two reports that cannot both be true and wrong arithmetic fail the run; what needs
            /// a person's look warns; good news, open targets and revisions are shown on request.
            pub fn default_level(self) -> Level {
                match self {
                    $( Code::$variant => Level::$level, )+
                }
            }
        }

        impl fmt::Display for Code {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

finding_codes! {
    /// An outcome for the target's period satisfies it (also met early).
    Met = "target::met" => Allow,
    /// The outcome for the target's period fails it beyond rounding.
    Missed = "target::missed" => Deny,
    /// Only the rounding intervals decide.
    Borderline = "target::borderline" => Warn,
    /// The deadline is after the as-of date.
    Pending = "target::pending" => Allow,
    /// Part-period progress at or ahead of the goal.
    OnTrack = "target::on-track" => Allow,
    /// Part-period progress below the goal.
    Behind = "target::behind" => Warn,
    /// The deadline has passed and nothing reports on the target.
    Unverified = "target::unverified" => Warn,
    /// The same goal stated again with another value or a later deadline.
    Restated = "target::restated" => Warn,
    /// Two final reports of one period that cannot both be true.
    Conflict = "report::conflict" => Deny,
    /// A final figure departs from the estimate published earlier.
    Revised = "report::revised" => Allow,
    /// A stated share does not match the amounts it is a share of.
    Share = "arith::share" => Deny,
    /// The parts do not add up to the stated total.
    Sum = "arith::sum" => Deny,
    /// A level, last year's level and the stated growth rate disagree.
    Growth = "arith::growth" => Deny,
}

impl Code {
    /// The code written as `target::missed`, if it is one.
    pub fn parse(text: &str) -> Option<Code> {
        Code::ALL.into_iter().find(|c| c.as_str() == text)
    }

    /// The verdict a target finding gives its target (`missed`), `None` for the other codes.
    pub fn verdict(self) -> Option<&'static str> {
        self.as_str().strip_prefix("target::")
    }
}

/// How a finding is reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Not shown unless asked for (`--show-all`); never fails the run.
    Allow,
    /// Shown as a warning.
    Warn,
    /// Shown as an error; the run exits with 1.
    Deny,
}

impl Level {
    /// The level as written in `claimcheck.toml` and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Allow => "allow",
            Level::Warn => "warn",
            Level::Deny => "deny",
        }
    }
}

/// The level of every code: the defaults, overridden by configuration and flags.
#[derive(Clone, Debug, Default)]
pub struct Levels {
    overrides: BTreeMap<Code, Level>,
}

impl Levels {
    /// Sets the level of one code; a later call wins.
    pub fn set(&mut self, code: Code, level: Level) {
        self.overrides.insert(code, level);
    }

    /// The level of `code`.
    pub fn of(&self, code: Code) -> Level {
        self.overrides
            .get(&code)
            .copied()
            .unwrap_or_else(|| code.default_level())
    }
}

/// A claim cited by a finding, with what it shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// What this claim shows (`reported for 2014`, `value from before the target was set`).
    pub label: String,
    /// The claim.
    #[serde(flatten)]
    pub claim: Claim,
}

/// One conclusion of reconciliation.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    /// What kind of conclusion.
    pub code: Code,
    /// The facts, in one line.
    pub message: String,
    /// The claim the finding is about.
    pub target: Claim,
    /// The claims that show it.
    pub evidence: Vec<Evidence>,
    /// The numbers compared, by name (`target`, `reported`, `margin`, `elapsed`…).
    pub computation: BTreeMap<String, String>,
    /// What would settle or resolve it.
    pub help: Option<String>,
}

impl Finding {
    /// A finding about `target` with no evidence yet.
    pub fn new(code: Code, target: &Claim, message: String) -> Self {
        Finding {
            code,
            message,
            target: target.clone(),
            evidence: Vec::new(),
            computation: BTreeMap::new(),
            help: None,
        }
    }

    /// Adds a cited claim.
    pub fn cite(mut self, claim: &Claim, label: impl Into<String>) -> Self {
        self.evidence.push(Evidence {
            label: label.into(),
            claim: claim.clone(),
        });
        self
    }

    /// Records one number of the computation.
    pub fn compute(mut self, name: &str, value: impl Into<String>) -> Self {
        self.computation.insert(name.to_owned(), value.into());
        self
    }

    /// Says what would settle the finding.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

/// A quote as anchors compare it: the printed text without layout whitespace, so that the
/// OCR line breaks inside `投资\n\n12\n\n亿元` do not matter.
pub fn compact(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// A finding's fingerprint: its code, its target's document and the target's quoted text,
/// hashed with 64-bit FNV-1a (stable across platforms and Rust versions). Byte offsets are
/// left out, so editing another part of the article keeps it.
pub fn fingerprint(finding: &Finding) -> String {
    fingerprint_parts(
        finding.code,
        &finding.target.doc,
        &compact(&finding.target.text),
    )
}

/// The fingerprint of a finding's code, document and compacted quote.
pub fn fingerprint_parts(code: Code, doc: &str, quote: &str) -> String {
    let hash = crate::hash::fnv1a64(&format!("{code}\u{0}{doc}\u{0}{quote}"));
    format!("{hash:016x}")
}

/// Sorts findings into their deterministic report order: the document and position of the
/// claim they are about, then the code.
pub fn sort(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        (
            a.target.doc.as_str(),
            a.target.span.start,
            a.code,
            &a.message,
        )
            .cmp(&(
                b.target.doc.as_str(),
                b.target.span.start,
                b.code,
                &b.message,
            ))
    });
}
