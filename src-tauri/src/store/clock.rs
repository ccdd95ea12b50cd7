use chrono::{DateTime, NaiveDate, Utc};

/// Where the core gets the time. Passed in so that tests and exports are repeatable; the real
/// clock below is the only code allowed to read the system time.
pub trait Clock: Send {
    fn now(&self) -> DateTime<Utc>;
    /// The local calendar date, the default date of a new issue.
    fn today(&self) -> NaiveDate;
}

/// A clock that always answers the same instant.
#[derive(Debug, Clone, Copy)]
pub struct FixedClock(pub DateTime<Utc>);

impl Clock for FixedClock {
    fn now(&self) -> DateTime<Utc> {
        self.0
    }

    fn today(&self) -> NaiveDate {
        self.0.date_naive()
    }
}

/// The machine's clock, for the CLI and the desktop app.
#[derive(Debug, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    #[allow(clippy::disallowed_methods, reason = "the one adapter that supplies the real clock")]
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }

    #[allow(clippy::disallowed_methods, reason = "the one adapter that supplies the real clock")]
    fn today(&self) -> NaiveDate {
        chrono::Local::now().date_naive()
    }
}
