//! The cheapest way to read a run of characters as words of the model: a Viterbi search over
//! the word lattice, the state being the last word (the model is a bigram).

use super::model::{LanguageModel, UNKNOWN_COST, WordId};

/// The best reading of a run: its cost and, for each character, the length of the word it
/// falls in (1 where the character stands alone, which is where typos show).
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    pub cost: f32,
    pub word_length: Vec<usize>,
}

/// One way of having read the characters before position `i`: its last word (`None` for an
/// unknown character), cost, and the state it came from.
#[derive(Debug, Clone, Copy)]
struct State {
    last: Option<WordId>,
    cost: f32,
    from: usize,
    from_state: usize,
}

pub fn best_reading(model: &LanguageModel, chars: &[char]) -> Reading {
    // A check reads a few windows per candidate, thousands a page: the states' vectors are
    // kept between calls instead of allocated each time.
    thread_local! {
        static STATES: std::cell::RefCell<Vec<Vec<State>>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    STATES.with_borrow_mut(|states| read_into(states, model, chars))
}

fn read_into(states: &mut Vec<Vec<State>>, model: &LanguageModel, chars: &[char]) -> Reading {
    let n = chars.len();
    states.iter_mut().for_each(Vec::clear);
    if states.len() < n + 1 {
        states.resize_with(n + 1, Vec::new);
    }
    states[0].push(State { last: None, cost: 0.0, from: 0, from_state: 0 });
    for i in 0..n {
        if states[i].is_empty() {
            continue;
        }
        for length in 1..=model.longest_word().min(n - i) {
            let span = &chars[i..i + length];
            if length > 1 && !model.begins_a_word(&span[..length - 1]) {
                break;
            }
            let id = model.id_of(span);
            if id.is_none() && length > 1 {
                continue;
            }
            let (done, ahead) = states.split_at_mut(i + 1);
            for (from_state, state) in done[i].iter().enumerate() {
                let step = id.map_or(UNKNOWN_COST, |id| model.cost(state.last, id));
                let next = State { last: id, cost: state.cost + step, from: i, from_state };
                keep_cheaper(&mut ahead[length - 1], next);
            }
        }
    }
    trace_back(states, n)
}

/// Keeps one state per last word, the cheaper one.
fn keep_cheaper(states: &mut Vec<State>, next: State) {
    match states.iter_mut().find(|s| s.last == next.last) {
        Some(old) if old.cost <= next.cost => {}
        Some(old) => *old = next,
        None => states.push(next),
    }
}

fn trace_back(states: &[Vec<State>], n: usize) -> Reading {
    let mut word_length = vec![1; n];
    let Some((mut index, best)) = states[n].iter().enumerate().min_by(|a, b| a.1.cost.total_cmp(&b.1.cost))
    else {
        return Reading { cost: 0.0, word_length };
    };
    let cost = best.cost;
    let mut end = n;
    while end > 0 {
        let state = states[end][index];
        word_length[state.from..end].fill(end - state.from);
        (end, index) = (state.from, state.from_state);
    }
    Reading { cost, word_length }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(text: &str) -> Vec<char> {
        text.chars().collect()
    }

    #[test]
    fn words_are_found_in_a_run() {
        let model = LanguageModel::shipped();
        let reading = best_reading(model, &chars("建立健全工作机制"));
        assert!(reading.word_length.iter().all(|&length| length >= 2), "{:?}", reading.word_length);
        assert_eq!(reading.word_length.len(), 8);
    }

    #[test]
    fn a_typo_breaks_a_word_and_costs_more() {
        let model = LanguageModel::shipped();
        let right = best_reading(model, &chars("总体要求"));
        let wrong = best_reading(model, &chars("总休要求"));
        assert!(wrong.cost > right.cost + 5.0, "{} against {}", wrong.cost, right.cost);
        assert_eq!(wrong.word_length[1], 1, "休 stands alone");
    }
}
