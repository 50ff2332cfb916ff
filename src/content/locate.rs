//! Finds where a field path (`sets[0].questions[6].answer`) stands in a JSON text, as a line and
//! column, so the validator can point organizers at the exact place to fix; and the other way
//! round, the field path of the place a JSON parse error points at.

/// Line and column (both from 1) of the value at `path`, or of the nearest enclosing value that
/// exists (a missing field points at the object that should hold it). `None` for text that is
/// not JSON.
pub fn locate(text: &str, path: &str) -> Option<(usize, usize)> {
    let found = scan(text)?;
    let mut wanted = path.to_owned();
    loop {
        if let Some(value) = found.iter().find(|v| v.path == wanted) {
            return Some(line_column(text, value.start));
        }
        let cut = wanted.rfind(['.', '['])?;
        wanted.truncate(cut);
    }
}

/// Turns the place serde_json reports for an error (line from 1; column = bytes of that line up
/// to the error) into a character column, so lines holding Chinese text are counted as an editor
/// counts them.
pub fn char_column(text: &str, line: usize, byte_column: usize) -> usize {
    let start = line_start(text, line);
    let mut end = (start + byte_column).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text[start..end].chars().count()
}

/// The field path of the innermost value at a parse error's place (line from 1, column in
/// characters as [`char_column`] gives it), e.g. `sets[0].questions[3]` for a question missing
/// its answer. Empty for the top level, and for text too damaged to follow up to that place.
pub fn path_at(text: &str, line: usize, column: usize) -> String {
    let start = line_start(text, line);
    let offset = start
        + text[start..]
            .chars()
            .take(column)
            .map(char::len_utf8)
            .sum::<usize>();
    let mut found = Vec::new();
    let mut scanner = Scanner {
        bytes: text.as_bytes(),
        at: 0,
    };
    // A truncated or broken file still yields the values that start before the damage.
    let _ = scanner.value(String::new(), &mut found);
    found
        .into_iter()
        .rev()
        .find(|v| v.start < offset && offset <= v.end)
        .map(|v| v.path)
        .unwrap_or_default()
}

/// The byte offset where line `line` (from 1) starts; the end of the text past the last line.
fn line_start(text: &str, line: usize) -> usize {
    if line <= 1 {
        0
    } else {
        text.match_indices('\n')
            .nth(line - 2)
            .map_or(text.len(), |(i, _)| i + 1)
    }
}

fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// One value of the text: its field path and where it starts and ends (byte offsets; `end` is
/// just past it, or the end of the text for a value the text breaks off inside).
struct Found {
    path: String,
    start: usize,
    end: usize,
}

/// Every value of a JSON text, outermost first; `None` for text that is not JSON.
fn scan(text: &str) -> Option<Vec<Found>> {
    let mut found = Vec::new();
    let mut scanner = Scanner {
        bytes: text.as_bytes(),
        at: 0,
    };
    scanner.value(String::new(), &mut found)?;
    Some(found)
}

struct Scanner<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Scanner<'_> {
    fn skip_space(&mut self) {
        while self.at < self.bytes.len() && self.bytes[self.at].is_ascii_whitespace() {
            self.at += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn string(&mut self) -> Option<String> {
        self.at += 1;
        let start = self.at;
        while let Some(b) = self.peek() {
            match b {
                b'\\' => self.at += 2,
                b'"' => {
                    let raw = std::str::from_utf8(&self.bytes[start..self.at]).ok()?;
                    self.at += 1;
                    return serde_json::from_str(&format!("\"{raw}\"")).ok();
                }
                _ => self.at += 1,
            }
        }
        None
    }

    /// Reads one value, recording where every value inside it starts and ends.
    fn value(&mut self, path: String, found: &mut Vec<Found>) -> Option<()> {
        self.skip_space();
        let index = found.len();
        found.push(Found {
            path: path.clone(),
            start: self.at,
            end: self.bytes.len(),
        });
        let read = self.value_body(path, found);
        if read.is_some() {
            found[index].end = self.at.min(self.bytes.len());
        }
        read
    }

    fn value_body(&mut self, path: String, found: &mut Vec<Found>) -> Option<()> {
        match self.peek()? {
            b'{' => {
                self.at += 1;
                loop {
                    self.skip_space();
                    match self.peek()? {
                        b'}' => {
                            self.at += 1;
                            return Some(());
                        }
                        b',' => self.at += 1,
                        b'"' => {
                            let key = self.string()?;
                            self.skip_space();
                            if self.peek()? != b':' {
                                return None;
                            }
                            self.at += 1;
                            let child = if path.is_empty() {
                                key
                            } else {
                                format!("{path}.{key}")
                            };
                            self.value(child, found)?;
                        }
                        _ => return None,
                    }
                }
            }
            b'[' => {
                self.at += 1;
                let mut index = 0;
                loop {
                    self.skip_space();
                    match self.peek()? {
                        b']' => {
                            self.at += 1;
                            return Some(());
                        }
                        b',' => self.at += 1,
                        // An object's end where the list's should be (`["a" }`): not JSON.
                        b'}' => return None,
                        _ => {
                            self.value(format!("{path}[{index}]"), found)?;
                            index += 1;
                        }
                    }
                }
            }
            b'"' => self.string().map(|_| ()),
            _ => {
                let start = self.at;
                while let Some(b) = self.peek() {
                    if b == b',' || b == b'}' || b == b']' || b.is_ascii_whitespace() {
                        break;
                    }
                    self.at += 1;
                }
                // No value where one should be (`{"a": }`): not JSON, and reading on from the
                // same place would never end.
                (self.at > start).then_some(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::locate;

    #[test]
    fn finds_fields_items_and_the_nearest_parent() {
        let text = "{\n  \"sets\": [\n    {\"id\": \"a\",\n     \"answer\": 5}\n  ]\n}";
        assert_eq!(locate(text, "sets[0].answer"), Some((4, 16)));
        assert_eq!(locate(text, "sets[0].id"), Some((3, 12)));
        assert_eq!(
            locate(text, "sets[0].title.en"),
            Some((3, 5)),
            "missing: the object that should hold it"
        );
        assert_eq!(locate(text, "sets[3]"), Some((2, 11)));
        assert_eq!(locate("{\"a\": \"x\\\"y\", \"b\": 1}", "b"), Some((1, 20)));
        assert_eq!(locate("{ not json", "a"), None);
    }

    /// The places serde_json reports, read back as field paths and character columns.
    #[test]
    fn parse_errors_get_the_path_of_the_value_they_point_at() {
        use super::{char_column, path_at};
        let place = |text: &str| {
            let e = serde_json::from_str::<Doc>(text).unwrap_err();
            let column = char_column(text, e.line(), e.column());
            (e.line(), column, path_at(text, e.line(), column))
        };
        #[derive(serde::Deserialize, Debug)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Doc {
            items: Vec<Item>,
        }
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct Item {
            name: String,
            count: u8,
        }
        // A missing field: the object that lacks it.
        let text =
            "{\"items\": [\n  {\"name\": \"护河\", \"count\": 1},\n  {\"name\": \"护水\"}\n]}";
        assert_eq!(place(text), (3, 16, "items[1]".to_owned()));
        // A wrong type: the value itself, its column counted in characters, not bytes.
        let text = "{\"items\": [{\"name\": \"护河护水\", \"count\": \"many\"}]}";
        assert_eq!(place(text), (1, 43, "items[0].count".to_owned()));
        // An unknown key: the object holding it.
        assert_eq!(place("{\"items\": [], \"colour\": 1}").2, "");
        // Truncated: the innermost value left open.
        assert_eq!(
            place("{\"items\": [{\"name\": \"a\", \"count\": 1}, {\"name\"").2,
            "items[1]"
        );
        // Brackets that do not close what they should: the value left open, and an answer (the
        // scan used to loop for ever on these, taking the validator's memory with it).
        assert_eq!(
            place("{\"items\": [{\"name\": \"a\", \"count\": 1} }").2,
            "items"
        );
        assert_eq!(
            place("{\"items\": [{\"name\": \"a\", \"count\": } ]}").2,
            "items[0].count"
        );
        assert_eq!(place("{\"items\": [ , ]}").2, "items");
    }
}
