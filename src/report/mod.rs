//! Renderers: they turn what the engine found into text for people and programs, and decide
//! nothing themselves.

pub mod articles;
pub mod claimreview;
pub mod claims;
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
pub mod window;

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
