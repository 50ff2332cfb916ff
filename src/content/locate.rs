//! Finds where a field path (`sets[0].questions[6].answer`) stands in a JSON text, as a line and
//! column, so the validator can point organizers at the exact place to fix.

/// Line and column (both from 1) of the value at `path`, or of the nearest enclosing value that
/// exists (a missing field points at the object that should hold it). `None` for text that is
/// not JSON.
pub fn locate(text: &str, path: &str) -> Option<(usize, usize)> {
    let mut found: Vec<(String, usize)> = Vec::new();
    let mut scanner = Scanner {
        bytes: text.as_bytes(),
        at: 0,
    };
    scanner.value(String::new(), &mut found)?;
    let mut wanted = path.to_owned();
    loop {
        if let Some((_, offset)) = found.iter().find(|(p, _)| *p == wanted) {
            return Some(line_column(text, *offset));
        }
        let cut = wanted.rfind(['.', '['])?;
        wanted.truncate(cut);
    }
}

fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
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

    /// Reads one value, recording where every value inside it starts.
    fn value(&mut self, path: String, found: &mut Vec<(String, usize)>) -> Option<()> {
        self.skip_space();
        found.push((path.clone(), self.at));
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
                        _ => {
                            self.value(format!("{path}[{index}]"), found)?;
                            index += 1;
                        }
                    }
                }
            }
            b'"' => self.string().map(|_| ()),
            _ => {
                while let Some(b) = self.peek() {
                    if b == b',' || b == b'}' || b == b']' || b.is_ascii_whitespace() {
                        break;
                    }
                    self.at += 1;
                }
                Some(())
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
}
