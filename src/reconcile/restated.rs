//! Moved goalposts: `target::restated`.
//!
//! Restated means the same entity, metric and deadline period stated again later with another
//! value, or with the same value and a later deadline while the first goal was still open.
//! Successive annual goals (`2024年新增城镇就业3000人`, then the same for 2025) are two goals, not
//! one goal moved: a year's goal is due at the end of its own year. Estimates are never targets,
//! so they never restate one.

use chrono::Datelike;

use crate::claim::{Claim, ClaimKind};
use crate::finding::{Code, Finding};

use super::Index;
use super::describe::{date_or_dash, heading_plain, is_year};

/// Every restated target.
pub(super) fn find(index: &Index) -> Vec<Finding> {
    let mut found = Vec::new();
    for claims in index.groups() {
        let targets: Vec<&Claim> = claims
            .iter()
            .copied()
            .filter(|c| c.kind == ClaimKind::Target && c.value.is_some() && !c.estimate)
            .collect();
        for later in &targets {
            let Some(earlier) = targets.iter().find(|first| restates(first, later)) else {
                continue;
            };
            let message = format!(
                "{}: stated as {} by {} ({}), restated as {} by {}",
                heading_plain(later),
                earlier.stated(),
                date_or_dash(earlier.deadline),
                earlier.published,
                later.stated(),
                date_or_dash(later.deadline),
            );
            found.push(
                Finding::new(Code::Restated, later, message)
                    .cite(
                        earlier,
                        format!(
                            "first stated as {} by {}, published {}",
                            earlier.stated(),
                            date_or_dash(earlier.deadline),
                            earlier.published
                        ),
                    )
                    .compute("first", earlier.stated())
                    .compute("restated", later.stated())
                    .help("say which statement the audit holds the government to"),
            );
        }
    }
    found
}

/// Whether `later` states `first`'s goal again with another value or a later deadline.
fn restates(first: &Claim, later: &Claim) -> bool {
    if first.published >= later.published
        || first.base_unit != later.base_unit
        || first.comparator != later.comparator
    {
        return false;
    }
    let same_figure = first.base_value == later.base_value && first.value_to == later.value_to;
    if first.deadline == later.deadline {
        return !same_figure;
    }
    let moved = matches!((first.deadline, later.deadline), (Some(a), Some(b)) if b > a);
    let still_open = first.deadline.is_some_and(|d| later.published <= d);
    same_figure && moved && still_open && !is_annual(first) && !is_annual(later)
}

/// Whether a target is a year's goal set in or just before that year (`今年…增长6%`), as
/// opposed to a horizon (`到2020年…`) set years ahead.
fn is_annual(c: &Claim) -> bool {
    let Some(p) = c.period else {
        return false;
    };
    let year = p.start.year();
    is_year(p.start, p.end) && (year == c.published.year() || year == c.published.year() + 1)
}
