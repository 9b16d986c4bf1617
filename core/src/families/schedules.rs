//! Business schedules: the hours SLAs and routing count in.
//!
//! Roles: read `org.user.schedule.read` / `org.permission.schedule.read`; write
//! `org.admin.schedule.write` / `org.permission.schedule.create`, `.update`, `.delete`.

use std::collections::BTreeMap;

use serde::{Serialize, Serializer};

use crate::families::models::Schedule;
use crate::generic::family::{
    Creatable, Deletable, Gettable, Input, Listable, Updatable, UpdateMethods,
};
use crate::protocol::error::InvalidInput;
use crate::protocol::validation::{chars_between, not_empty};

crate::generic::declare::family! {
    impl Family for Schedule {
        type Scope = ();
        const PATH: &'static str = "/schedules";
        const NAME: &'static str = "business schedule";
        const ID: &'static str = "schedule id";
    }

    handle {
        /// Business schedule operations through a [`Client`](crate::Client); from
        /// [`Client::schedules`](crate::Client::schedules).
        pub type Schedules;
        /// Business schedule operations: get, the default, list, create, update, delete.
        ///
        /// ```no_run
        /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
        /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
        /// let hours = client.schedules().get("default")?.open_hours(1);
        /// # Ok::<(), kustomer::Error>(())
        /// ```
        pub fn schedules;
    }

    /// Get a business schedule (`GET /v1/schedules/{id}`), or the default one
    /// (`GET /v1/schedules/default`).
    ///
    /// Roles: `org.user.schedule.read` or `org.permission.schedule.read`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, schedules::GetSchedule};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// assert_eq!(GetSchedule::default_schedule().build(&config)?.uri().path(), "/v1/schedules/default");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type GetSchedule<'a> = crate::generic::ops::Get<'a, Schedule> {
        GetAlias("default") => "GetDefaultSchedule", Get => "GetScheduleById"
    };

    /// List the business schedules (`GET /v1/schedules`).
    ///
    /// Roles: `org.user.schedule.read` or `org.permission.schedule.read`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, schedules::ListSchedules};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// assert_eq!(ListSchedules::new().build(&config)?.uri().path(), "/v1/schedules");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type ListSchedules = crate::generic::ops::List<Schedule> { List => "GetAllSchedules" };

    /// Create a business schedule (`POST /v1/schedules`).
    ///
    /// Roles: `org.admin.schedule.write` or `org.permission.schedule.create`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, schedules::{CreateSchedule, ScheduleInput}};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// assert!(CreateSchedule::new(ScheduleInput::new("Weekends", "UTC").open(0, 600, 900)).build(&config).is_ok());
    /// assert!(CreateSchedule::new(ScheduleInput::new("Bad", "UTC").open(1, 900, 600)).build(&config).is_err());
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type CreateSchedule<'a> = crate::generic::ops::Create<'a, Schedule> {
        Create => "CreateSchedule"
    };

    /// Replace a business schedule (`PUT /v1/schedules/{id}`).
    ///
    /// Roles: `org.admin.schedule.write` or `org.permission.schedule.update`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, schedules::{ScheduleInput, UpdateSchedule}};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let request = UpdateSchedule::new("5e21e0f9520ec30019df3dcf", ScheduleInput::new("Biz", "UTC")).build(&config)?;
    /// assert_eq!(request.method(), http::Method::PUT);
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type UpdateSchedule<'a> = crate::generic::ops::Update<'a, Schedule> {
        Put => "UpdateScheduleById"
    };

    /// Delete a business schedule (`DELETE /v1/schedules/{id}`).
    ///
    /// Roles: `org.admin.schedule.write` or `org.permission.schedule.delete`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, schedules::DeleteSchedule};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// assert_eq!(DeleteSchedule::new("5e21e0f9520ec30019df3dcf").build(&config)?.method(), http::Method::DELETE);
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type DeleteSchedule<'a> = crate::generic::ops::Delete<'a, Schedule> {
        Delete => "DeleteScheduleById"
    };
}
impl Gettable for Schedule {}
impl Listable for Schedule {
    const MAX_PAGE_SIZE: u32 = 100;
}
impl Creatable for Schedule {
    type Input = ScheduleInput;
}
impl Updatable for Schedule {
    type Update = ScheduleInput;
    const METHODS: UpdateMethods = UpdateMethods::PUT;
}
impl Deletable for Schedule {}

/// A business schedule to create or replace (`POST /v1/schedules`, `PUT /v1/schedules/{id}`):
/// a name, a time zone, whether it is the default, and open hours for each weekday (0 is
/// Sunday) as `(start, end)` minutes of the day; a day with none is closed. All of it is sent.
///
/// ```
/// use kustomer::schedules::ScheduleInput;
///
/// let weekdays = (1..=5).fold(ScheduleInput::new("Biz Hours", "America/New_York"), |s, day| s.open(day, 480, 1020));
/// let body = serde_json::to_value(&weekdays).unwrap();
/// assert_eq!(body["hours"]["1"], serde_json::json!([[480, 1020]]));
/// assert_eq!(body["hours"]["0"], serde_json::Value::Null);
/// assert!(kustomer::family::Input::validate(&weekdays.open(7, 0, 60)).is_err()); // no day 7
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ScheduleInput {
    /// The name, 1 to 256 characters.
    pub name: String,
    /// Open stretches by weekday, 0 (Sunday) to 6.
    #[serde(serialize_with = "week")]
    pub hours: BTreeMap<u8, Vec<(u16, u16)>>,
    /// The time zone (`America/New_York`).
    pub timezone: String,
    /// Whether it is the org's default.
    pub default: bool,
}

impl ScheduleInput {
    /// A schedule closed every day.
    pub fn new(name: impl Into<String>, timezone: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            timezone: timezone.into(),
            ..Self::default()
        }
    }

    /// Opens `weekday` (0 is Sunday) from minute `start` to minute `end` of the day.
    #[must_use]
    pub fn open(mut self, weekday: u8, start: u16, end: u16) -> Self {
        self.hours.entry(weekday).or_default().push((start, end));
        self
    }

    /// Makes it the org's default.
    #[must_use]
    pub fn default_schedule(mut self) -> Self {
        self.default = true;
        self
    }
}

/// All seven days, `null` when closed: the API requires every day.
fn week<S: Serializer>(hours: &BTreeMap<u8, Vec<(u16, u16)>>, s: S) -> Result<S::Ok, S::Error> {
    let days: BTreeMap<String, Option<Vec<[u16; 2]>>> = (0..7u8)
        .map(|day| {
            let open = hours
                .get(&day)
                .filter(|r| !r.is_empty())
                .map(|r| r.iter().map(|&(a, b)| [a, b]).collect());
            (day.to_string(), open)
        })
        .collect();
    days.serialize(s)
}

impl Input for ScheduleInput {
    fn validate(&self) -> Result<(), InvalidInput> {
        chars_between("name", &self.name, 1, 256)?;
        not_empty("timezone", &self.timezone)?;
        for (day, ranges) in &self.hours {
            if *day > 6 {
                return Err(InvalidInput::new(
                    "hours",
                    format!("has no weekday {day} (0 to 6)"),
                ));
            }
            if let Some((a, b)) = ranges.iter().find(|(a, b)| a > b || *b > 1440) {
                return Err(InvalidInput::new(
                    "hours",
                    format!("{a}..{b} is not a stretch of minutes within a day (0 to 1440)"),
                ));
            }
        }
        Ok(())
    }
}

crate::generic::ops::helpers::input_cow!(ScheduleInput);

impl GetSchedule<'static> {
    /// The org's default schedule: `GET /v1/schedules/default`.
    pub fn default_schedule() -> Self {
        Self::new("default")
    }
}

impl GetSchedule<'_> {
    /// Includes the schedule's holidays in the answer (`?include=holidays`), in
    /// [`ScheduleAttributes::holidays`](crate::models::ScheduleAttributes::holidays).
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, schedules::GetSchedule};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let request = GetSchedule::default_schedule().include_holidays().build(&config)?;
    /// assert_eq!(request.uri().query(), Some("include=holidays"));
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    #[must_use]
    pub fn include_holidays(self) -> Self {
        self.with_option("include", "holidays")
    }
}

crate::generic::ops::helpers::setters!(ScheduleInput {
    #[doc = "Sets `name`: the name, 1 to 256 characters."]
    name: set String,
    #[doc = "Sets `hours`: open stretches by weekday, 0 (Sunday) to 6."]
    hours: set BTreeMap<u8, Vec<(u16, u16)>>,
    #[doc = "Sets `timezone`: the time zone (`America/New_York`)."]
    timezone: set String,
});
