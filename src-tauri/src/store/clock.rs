use chrono::{DateTime, FixedOffset, Local, NaiveDate, Offset, TimeZone, Utc};

/// Where the core gets the time. Passed in so that tests and exports are repeatable; the real
/// clock below is the only code allowed to read the system time.
pub trait Clock: Send {
    fn now(&self) -> DateTime<Utc>;
    /// The local calendar date, the default date of a new issue.
    fn today(&self) -> NaiveDate;
    /// Where the user's local time is reckoned, for showing stored UTC times.
    fn zone(&self) -> LocalZone;
    /// Another handle on the same clock (a store and the commands around it each keep one).
    fn boxed(&self) -> Box<dyn Clock>;
}

/// The user's time zone: the machine's, or a fixed offset where output must be repeatable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LocalZone {
    System,
    Fixed(FixedOffset),
}

impl LocalZone {
    /// The offset in force at `at`, so a zone with summer time shows each time as it was read
    /// on the wall then.
    pub fn offset_at(self, at: DateTime<Utc>) -> FixedOffset {
        match self {
            LocalZone::System => Local.offset_from_utc_datetime(&at.naive_utc()).fix(),
            LocalZone::Fixed(offset) => offset,
        }
    }
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

    /// UTC, like `today`.
    fn zone(&self) -> LocalZone {
        LocalZone::Fixed(FixedOffset::east_opt(0).expect("zero is a valid offset"))
    }

    fn boxed(&self) -> Box<dyn Clock> {
        Box::new(*self)
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
        Local::now().date_naive()
    }

    fn zone(&self) -> LocalZone {
        LocalZone::System
    }

    fn boxed(&self) -> Box<dyn Clock> {
        Box::new(*self)
    }
}
