//! The 要目 of a back issue: where it is, its entries, and the article titles it announces.

use super::ImportedArticle;
use super::chars::{is_chinese, is_han, is_space};
use super::lines::{LineMark, SourceLine};

/// Bullets that lead a 要目 entry.
const BULLETS: [char; 6] = ['●', '•', '·', '◆', '■', '★'];

/// The line that heads the 要目 (`要目`, `要 目`, `本期要目`, `目录`).
pub fn contents_heading(lines: &[SourceLine]) -> Option<usize> {
    lines.iter().position(|line| matches!(squeezed(line).as_str(), "要目" | "本期要目" | "目录"))
}

/// The 要目 ends at a marked line, at a blank line before something that is not an entry,
/// or where the first entry's title comes back as the first article's title (text with no
/// blank lines, as from Word or a PDF).
pub fn contents_end(lines: &[SourceLine], first: usize, footer_at: usize) -> usize {
    let first_entry = lines.get(first).map(|line| comparable(&contents_entry(line))).unwrap_or_default();
    (first..footer_at)
        .find(|&i| {
            let line = &lines[i];
            let later = i > first;
            // A bullet alone on its line (as pdftotext sets it apart) leads the line after it.
            let after_bare_bullet = later && is_bare_bullet(&lines[i - 1]);
            let separated = later && line.blank_before && !is_contents_entry(line) && !after_bare_bullet;
            let text = comparable(&line.plain_text());
            let title_again = later && !text.is_empty() && first_entry.starts_with(&text);
            line.mark != LineMark::Plain || separated || title_again
        })
        .unwrap_or(footer_at)
}

/// The entries of the 要目 lines. Where entries are led by bullets, a line without one is
/// the rest of the entry above it (a long entry wrapped on the printed page).
pub fn contents_entries(lines: &[SourceLine]) -> Vec<String> {
    let bulleted = lines.iter().any(is_contents_entry);
    let mut entries: Vec<String> = Vec::new();
    for line in lines {
        let entry = contents_entry(line);
        match entries.last_mut() {
            Some(last) if bulleted && !is_contents_entry(line) => last.push_str(&entry),
            _ => entries.push(entry),
        }
    }
    entries.retain(|entry| !entry.is_empty());
    entries
}

fn squeezed(line: &SourceLine) -> String {
    line.plain_text().chars().filter(|&c| !is_space(c)).collect()
}

/// Han, letters and digits only: how titles are compared with 要目 entries, whatever the
/// punctuation width, quotes and spaces of either.
pub fn comparable(text: &str) -> String {
    text.chars().filter(|&c| c.is_alphanumeric() && !is_chinese(c) || is_han(c)).collect()
}

fn contents_entry(line: &SourceLine) -> String {
    let text = line.plain_text();
    text.trim_start_matches(|c: char| BULLETS.contains(&c) || is_space(c)).trim().to_owned()
}

fn is_bare_bullet(line: &SourceLine) -> bool {
    let text = line.plain_text();
    let text = text.trim();
    !text.is_empty() && text.chars().all(|c| BULLETS.contains(&c))
}

fn is_contents_entry(line: &SourceLine) -> bool {
    line.plain_text().starts_with(BULLETS)
}

/// Without `#` marks, a line that begins a 要目 entry begins that article; following lines
/// that continue the entry are the rest of its title. Answers whether any title was found.
pub fn mark_titles_from_contents(body: &mut [SourceLine], contents: &[String]) -> bool {
    let mut entries = contents.iter().map(|entry| comparable(entry)).peekable();
    let mut found = false;
    let mut i = 0;
    while i < body.len() {
        let Some(entry) = entries.peek().cloned() else { break };
        let text = comparable(&body[i].plain_text());
        if !text.is_empty() && entry.starts_with(&text) {
            body[i].mark = LineMark::Title;
            found = true;
            let mut matched = text;
            while matched.len() < entry.len() && i + 1 < body.len() {
                let next = comparable(&body[i + 1].plain_text());
                if next.is_empty() || !entry[matched.len()..].starts_with(&next) {
                    break;
                }
                matched.push_str(&next);
                i += 1;
                body[i].mark = LineMark::Title;
            }
            entries.next();
        }
        i += 1;
    }
    found
}

pub fn contents_mismatches(contents: &[String], articles: &[ImportedArticle]) -> Vec<String> {
    if contents.is_empty() {
        return vec!["没有找到要目；要目将按文章标题重新生成".into()];
    }
    let titles: Vec<String> = articles.iter().map(|a| a.with_safe_changes().title_text()).collect();
    let mut warnings = Vec::new();
    if contents.len() != titles.len() {
        warnings.push(format!("要目有 {} 条，正文识别出 {} 篇文章，请核对", contents.len(), titles.len()));
    }
    for (entry, title) in contents.iter().zip(&titles) {
        if comparable(entry) != comparable(title) {
            warnings.push(format!("要目“{entry}”与标题“{title}”不一致（要目将按标题重新生成）"));
        }
    }
    warnings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::lines::text_lines;

    #[test]
    fn wrapped_bulleted_entries_are_joined() {
        let lines = text_lines(
            "●岳阳市人大常委会：以“三个聚焦”推动代表联络\n站提质增效\n●望城区：小切口监督解决大民生",
        );
        assert_eq!(
            contents_entries(&lines),
            ["岳阳市人大常委会：以“三个聚焦”推动代表联络站提质增效", "望城区：小切口监督解决大民生"]
        );
    }

    #[test]
    fn a_bullet_alone_on_its_line_leads_the_entry_below() {
        let lines = text_lines(
            "要 目\n●\n\n岳阳市的做法推动代表联络\n站提质增效\n●\n\n望城区的做法\n\n岳阳市的做法推动代表联络站提质增效\n正文。",
        );
        let end = contents_end(&lines, 1, lines.len());
        assert_eq!(contents_entries(&lines[1..end]), ["岳阳市的做法推动代表联络站提质增效", "望城区的做法"]);
        assert_eq!(
            lines[end].plain_text(),
            "岳阳市的做法推动代表联络站提质增效",
            "the first title ends the 要目"
        );
    }

    #[test]
    fn entries_without_bullets_are_one_a_line() {
        let lines = text_lines("岳阳市的做法\n望城区的做法");
        assert_eq!(contents_entries(&lines), ["岳阳市的做法", "望城区的做法"]);
    }
}
