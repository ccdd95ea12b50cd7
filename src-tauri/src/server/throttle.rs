//! Slowing down repeated failed logins: after a few failures for the same name or from the
//! same address, each further attempt waits longer (up to half a minute), so that guessing
//! passwords takes years, while a user who mistyped twice notices nothing.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Failures that cost nothing.
const FREE_FAILURES: u32 = 3;
/// Failures older than this are forgotten.
const WINDOW: Duration = Duration::from_secs(15 * 60);
const LONGEST_WAIT: Duration = Duration::from_secs(30);

#[derive(Debug, Default)]
pub struct LoginThrottle {
    failures: Mutex<HashMap<String, (u32, Instant)>>,
}

impl LoginThrottle {
    /// How long the next attempt under any of `keys` (the name, the address) must wait.
    pub fn wait_for(&self, keys: &[String], now: Instant) -> Duration {
        let failures = self.lock();
        keys.iter()
            .filter_map(|key| failures.get(key))
            .filter(|(_, last)| now.duration_since(*last) < WINDOW)
            .map(|(count, _)| wait_after(*count))
            .max()
            .unwrap_or(Duration::ZERO)
    }

    pub fn failed(&self, keys: &[String], now: Instant) {
        let mut failures = self.lock();
        failures.retain(|_, (_, last)| now.duration_since(*last) < WINDOW);
        for key in keys {
            let entry = failures.entry(key.clone()).or_insert((0, now));
            *entry = (entry.0 + 1, now);
        }
    }

    pub fn succeeded(&self, keys: &[String]) {
        let mut failures = self.lock();
        for key in keys {
            failures.remove(key);
        }
    }

    /// A poisoned lock only means a panic elsewhere; the counts stay usable.
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, (u32, Instant)>> {
        self.failures.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

fn wait_after(failures: u32) -> Duration {
    if failures < FREE_FAILURES {
        return Duration::ZERO;
    }
    Duration::from_secs(1 << (failures - FREE_FAILURES).min(5)).min(LONGEST_WAIT)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_few_mistakes_cost_nothing_and_more_cost_more_up_to_a_limit() {
        let throttle = LoginThrottle::default();
        let keys = ["name:汤建".to_owned()];
        let start = Instant::now();
        for _ in 0..FREE_FAILURES - 1 {
            throttle.failed(&keys, start);
        }
        assert_eq!(throttle.wait_for(&keys, start), Duration::ZERO);
        throttle.failed(&keys, start);
        assert_eq!(throttle.wait_for(&keys, start), Duration::from_secs(1));
        throttle.failed(&keys, start);
        assert_eq!(throttle.wait_for(&keys, start), Duration::from_secs(2));
        for _ in 0..20 {
            throttle.failed(&keys, start);
        }
        assert_eq!(throttle.wait_for(&keys, start), LONGEST_WAIT);
    }

    #[test]
    fn a_success_or_a_quiet_quarter_hour_forgets_the_failures() {
        let throttle = LoginThrottle::default();
        let keys = ["addr:10.0.0.7".to_owned()];
        let start = Instant::now();
        for _ in 0..6 {
            throttle.failed(&keys, start);
        }
        assert!(throttle.wait_for(&keys, start + WINDOW + Duration::from_secs(1)).is_zero());
        throttle.succeeded(&keys);
        assert!(throttle.wait_for(&keys, start).is_zero());
    }
}
