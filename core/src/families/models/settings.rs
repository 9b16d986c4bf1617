//! The org's service settings: business schedules, SLAs, satisfaction forms, spam senders.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::families::models::resource_model::resource_model;
use crate::families::models::vocabulary::Channel;
use crate::generic::resource::BasicRelationships;
use crate::protocol::date_time::DateTime;
use crate::protocol::lenient;

/// The attributes of a business schedule.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct ScheduleAttributes {
    /// The name.
    #[serde(deserialize_with = "lenient::scalar")]
    pub name: Option<String>,
    /// Open hours by weekday (`"0"` is Sunday): `[start, end]` minute pairs, `null` when
    /// closed, as sent.
    #[serde(deserialize_with = "lenient::object_or_default")]
    pub hours: Map<String, Value>,
    /// Its time zone (`America/New_York`).
    #[serde(deserialize_with = "lenient::scalar")]
    pub timezone: Option<String>,
    /// Whether it is the org's default.
    #[serde(deserialize_with = "lenient::scalar")]
    pub default: Option<bool>,
    /// Holidays, as sent.
    pub holidays: Option<Value>,
    /// When it was created.
    #[serde(deserialize_with = "lenient::scalar")]
    pub created_at: Option<DateTime>,
    /// When it last changed.
    #[serde(deserialize_with = "lenient::scalar")]
    pub updated_at: Option<DateTime>,
}

resource_model!(
    /// A business schedule: the hours SLAs and routing count in.
    ///
    /// ```
    /// # let body = br#"{"data":{"type":"schedule","id":"5e21e0f9520ec30019df3dcf","attributes":{"name":"Biz Hours","hours":{"0":null,"1":[[480,1020]]},"timezone":"America/New_York","default":true}}}"#;
    /// # let response = http::Response::builder().status(200).body(body.to_vec())?;
    /// use kustomer::{Operation, schedules::GetSchedule};
    ///
    /// let schedule = GetSchedule::default_schedule().parse(response)?;
    /// assert_eq!(schedule.open_hours(1), vec![(480, 1020)]);
    /// assert!(schedule.open_hours(0).is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    Schedule, ScheduleAttributes, BasicRelationships
);

impl Schedule {
    /// The open stretches of a weekday (0 is Sunday) as `(start, end)` minutes of the day;
    /// empty when closed or unreadable.
    pub fn open_hours(&self, weekday: u8) -> Vec<(u16, u16)> {
        let Some(Value::Array(ranges)) = self.attributes.hours.get(&weekday.to_string()) else {
            return Vec::new();
        };
        ranges
            .iter()
            .filter_map(|range| {
                let pair = range.as_array()?;
                let minute = |v: &Value| u16::try_from(v.as_u64()?).ok();
                Some((minute(pair.first()?)?, minute(pair.get(1)?)?))
            })
            .collect()
    }
}

resource_model!(
    /// An SLA policy. Its versions come in the answer's `included` when the get asks for them
    /// ([`GetSla::versions`](crate::slas::GetSla::versions)); read them with [`Sla::versions`].
    ///
    /// ```
    /// # let body = br#"{"data":{"type":"sla","id":"5fadc1ba6647f1953ff94916","attributes":{"currentVersion":1}},"included":{"type":"sla_version","id":"5fadc1dd6647f175a7f9491e"}}"#;
    /// # let response = http::Response::builder().status(200).body(body.to_vec())?;
    /// use kustomer::{Operation, slas::{GetSla, SlaVersions}};
    ///
    /// let sla = GetSla::new("5fadc1ba6647f1953ff94916").versions(SlaVersions::Active).parse(response)?;
    /// assert_eq!(sla.attributes.current_version, Some(1));
    /// assert_eq!(sla.versions()[0]["id"], "5fadc1dd6647f175a7f9491e");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    Sla, SlaAttributes, BasicRelationships
);

impl Sla {
    /// The `sla_version` resources the answer included, as sent (one object or an array, both
    /// read as a list). Empty if the get did not ask for versions or the record has no raw
    /// JSON. Parses the raw document on each call.
    pub fn versions(&self) -> Vec<serde_json::Value> {
        self.raw
            .as_ref()
            .map(|raw| raw.included())
            .unwrap_or_default()
    }
}

/// The attributes of an SLA.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct SlaAttributes {
    /// The version in force.
    #[serde(deserialize_with = "lenient::scalar")]
    pub current_version: Option<u64>,
    /// When it was created.
    #[serde(deserialize_with = "lenient::scalar")]
    pub created_at: Option<DateTime>,
}

resource_model!(
    /// A satisfaction (CSAT) form.
    ///
    /// ```
    /// # let body = br#"{"meta":{"pageSize":100,"page":1},"data":[{"type":"satisfaction","id":"5daf7921124be4f2960cb197","attributes":{"name":"Email form","formType":"csat","enabled":true}}]}"#;
    /// # let response = http::Response::builder().status(200).body(body.to_vec())?;
    /// use kustomer::{Operation, satisfaction::ListSatisfactionForms};
    ///
    /// let page = ListSatisfactionForms::new().parse(response)?;
    /// assert_eq!(page.items[0].attributes.form_type.as_deref(), Some("csat"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    Satisfaction, SatisfactionAttributes, BasicRelationships
);

/// The attributes of a satisfaction form.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct SatisfactionAttributes {
    /// The name.
    #[serde(deserialize_with = "lenient::scalar")]
    pub name: Option<String>,
    /// `csat`, ...
    #[serde(deserialize_with = "lenient::scalar")]
    pub form_type: Option<String>,
    /// Whether it is sent.
    #[serde(deserialize_with = "lenient::scalar")]
    pub enabled: Option<bool>,
    /// The channel it goes out on.
    #[serde(deserialize_with = "lenient::scalar")]
    pub channel: Option<Channel>,
    /// The rating scale, as sent.
    pub scale: Option<Value>,
    /// The questions, as sent.
    #[serde(deserialize_with = "lenient::objects")]
    pub questions: Vec<Map<String, Value>>,
    /// When it was created.
    #[serde(deserialize_with = "lenient::scalar")]
    pub created_at: Option<DateTime>,
    /// When it last changed.
    #[serde(deserialize_with = "lenient::scalar")]
    pub updated_at: Option<DateTime>,
}

resource_model!(
    /// A sender on the org's spam allow or block list.
    ///
    /// ```
    /// # let body = br#"{"data":{"type":"sender","id":"5f52b303775dbe9e4ed8f9a3","attributes":{"sender":"allow@me.com","channel":"email","list":"whitelist"}}}"#;
    /// # let response = http::Response::builder().status(200).body(body.to_vec())?;
    /// use kustomer::{Operation, spam::{SpamSenderInput, UpsertSpamSender}};
    ///
    /// let sender = UpsertSpamSender::new(SpamSenderInput::allow("allow@me.com")).parse(response)?;
    /// assert_eq!(sender.attributes.list.as_deref(), Some("whitelist"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    SpamSender, SpamSenderAttributes, BasicRelationships
);

/// The attributes of a spam-list sender.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct SpamSenderAttributes {
    /// The address.
    #[serde(deserialize_with = "lenient::scalar")]
    pub sender: Option<String>,
    /// The channel (`email`).
    #[serde(deserialize_with = "lenient::scalar")]
    pub channel: Option<Channel>,
    /// `whitelist` (never spam) or `blacklist` (always spam).
    #[serde(deserialize_with = "lenient::scalar")]
    pub list: Option<String>,
    /// When it was created.
    #[serde(deserialize_with = "lenient::scalar")]
    pub created_at: Option<DateTime>,
    /// When it last changed.
    #[serde(deserialize_with = "lenient::scalar")]
    pub updated_at: Option<DateTime>,
}
