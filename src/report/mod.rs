//! Renderers: they turn what the engine found into text for people and programs, and decide
//! nothing themselves.

pub mod claimreview;
pub mod claims;
pub mod context;
pub mod findings;
pub mod fitted;
pub mod github;
pub mod html;
pub mod inspect;
pub mod ledger;
pub mod parse;
pub mod quote;
pub mod sarif;
pub mod spreadsheet;

pub use crate::wire::articles;
pub use context::{Context, Settings};

/// How human output is drawn: in colour or not, and for a terminal of a known width.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Drawing {
    /// Colour the output (ANSI escapes).
    pub colour: bool,
    /// The terminal's width in columns: text wraps there and source lines wider than fits are
    /// cut to windows around their labels. `None` (a pipe, a file) wraps text at
    /// [`DEFAULT_WIDTH`] and keeps lines whole up to [`fitted::MAX_LINE_WIDTH`] columns.
    pub width: Option<usize>,
}

/// Where text wraps when no width is known.
pub const DEFAULT_WIDTH: usize = 100;

impl Drawing {
    /// The miette renderer for this drawing; render through [`Self::render`], which also
    /// cuts lines too wide.
    pub fn handler(&self) -> miette::GraphicalReportHandler {
        graphical_handler(self.colour, self.width.unwrap_or(DEFAULT_WIDTH))
    }

    /// Renders `diagnostic` onto `out`, its source lines cut to fit.
    pub fn render(&self, diagnostic: &dyn miette::Diagnostic, out: &mut String) {
        fitted::render(&self.handler(), diagnostic, self.width, out);
    }
}

/// The miette renderer every human report uses: Unicode drawing, colour only when asked,
/// a fixed width, no hyperlinks. Render through [`fitted::render`], which cuts long lines.
pub fn graphical_handler(colour: bool, width: usize) -> miette::GraphicalReportHandler {
    let theme = if colour {
        miette::GraphicalTheme::unicode()
    } else {
        miette::GraphicalTheme::unicode_nocolor()
    };
    miette::GraphicalReportHandler::new_themed(theme)
        .with_width(width)
        .with_links(false)
}
