//! Deep links: the addresses that open one quiz set, guide section, route or the emergency card
//! on another device, in the same language (and, for quizzes and guide sections, the same age band).

use crate::content::AgeBand;
use crate::i18n::Lang;

/// A place in the site worth opening on another device.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DeepLink {
    /// The quiz topics.
    Quizzes,
    /// A quiz set, optionally for one age band.
    Quiz {
        /// The set's id.
        set: String,
        /// The age band the questions are chosen for.
        age: Option<AgeBand>,
    },
    /// One guide section, optionally for one age band (children see short words only).
    GuideSection {
        /// The section's id.
        section: String,
        /// The age band the section is shown for.
        age: Option<AgeBand>,
    },
    /// The guide's section list.
    Guide,
    /// One patrol route, by id.
    Route(String),
    /// The map with every route.
    Map,
    /// The emergency card.
    Emergency,
}

impl DeepLink {
    /// The path and query, e.g. `/quiz/water-saving?age=grades-1-3&lang=en`. Quiz set and guide
    /// section ids are slugs (the content validator checks them); route ids come from GeoJSON as
    /// a mapping tool wrote them (`North bank`, `路线1`), so they are escaped with [`url_part`].
    pub fn path(&self, lang: Lang) -> String {
        match self {
            DeepLink::Quizzes => format!("/quiz?lang={}", lang.code()),
            DeepLink::Quiz { set, age } => format!("/quiz/{set}{}", age_query(*age, lang)),
            DeepLink::GuideSection { section, age } => {
                format!("/guide/{section}{}", age_query(*age, lang))
            }
            DeepLink::Guide => format!("/guide?lang={}", lang.code()),
            DeepLink::Route(id) => format!("/map/{}?lang={}", url_part(id), lang.code()),
            DeepLink::Map => format!("/map?lang={}", lang.code()),
            DeepLink::Emergency => format!("/emergency?lang={}", lang.code()),
        }
    }

    /// The whole address on a site served from `origin` (e.g. `https://example.org`).
    pub fn url(&self, origin: &str, lang: Lang) -> String {
        format!("{}{}", origin.trim_end_matches('/'), self.path(lang))
    }
}

/// `text` as one path segment or query value: every byte but ASCII letters, digits and `-._~`
/// percent-encoded, like `encodeURIComponent` (the router decodes it back). Slugs come out
/// unchanged. For ids the content does not restrict: a map's route and place ids.
pub fn url_part(text: &str) -> String {
    let mut part = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            part.push(char::from(byte));
        } else {
            part.push_str(&format!("%{byte:02X}"));
        }
    }
    part
}

/// The printable worksheet of a quiz set, e.g. `/quiz/water-saving/worksheet?age=grades-1-3&lang=en`.
pub fn worksheet_path(set: &str, age: Option<AgeBand>, lang: Lang) -> String {
    format!("/quiz/{set}/worksheet{}", age_query(age, lang))
}

/// `?age=…&lang=…` for a quiz or guide page. All ages says so (`age=all`): without it the
/// device that opens the link (a pupil's tablet scanning the projector's QR code, a lesson
/// frame, a colleague's PC printing the worksheet) would show the band it last saved instead.
pub fn age_query(age: Option<AgeBand>, lang: Lang) -> String {
    let band = age.map_or(crate::shell::ALL_AGES, AgeBand::code);
    format!("?age={band}&lang={}", lang.code())
}

/// The address of a page as a lesson embed: the page alone (`embed=1`), optionally in large
/// type for a projector (`text=large`).
pub fn embed_url(origin: &str, link: &DeepLink, lang: Lang, large_text: bool) -> String {
    let large = if large_text { "&text=large" } else { "" };
    format!("{}&embed=1{large}", link.url(origin, lang))
}

/// The code a teacher pastes into a lesson page or learning platform: the iframe, and a few
/// lines that size it to its content from the page's `height` messages (see `docs/embed.md`).
pub fn embed_code(url: &str, title: &str) -> String {
    format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"640\" style=\"border:0;max-width:100%\" loading=\"lazy\" allow=\"geolocation; clipboard-write\"></iframe>\n\
<script>\n\
addEventListener('message', function (e) {{\n\
  if (!e.data || e.data.source !== 'river-guardians' || e.data.type !== 'height') return;\n\
  document.querySelectorAll('iframe').forEach(function (f) {{\n\
    if (f.contentWindow === e.source) f.style.height = e.data.height + 'px';\n\
  }});\n\
}});\n\
</script>",
        escape_attribute(url),
        escape_attribute(title)
    )
}

/// Text made safe inside a double-quoted HTML attribute (content titles may hold `"` or `<`).
fn escape_attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
