//! Users (agents and API users) and teams.

use serde::{Deserialize, Serialize};

use crate::families::models::resource_model::resource_model;
use crate::families::models::vocabulary::UserType;
use crate::generic::resource::BasicRelationships;
use crate::protocol::date_time::DateTime;
use crate::protocol::lenient;

resource_model!(
    /// A Kustomer user: an agent, or a machine user behind an API key.
    ///
    /// ```
    /// # let body = br#"{"data":{"type":"user","id":"5d5dae1d731d4e001ad55054","attributes":{"displayName":"Ada","userType":"user"}}}"#;
    /// # let response = http::Response::builder().status(200).body(body.to_vec())?;
    /// use kustomer::{Operation, users::GetUser};
    ///
    /// let user = GetUser::current().parse(response)?;
    /// assert_eq!(user.attributes.display_name.as_deref(), Some("Ada"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    User, UserAttributes, BasicRelationships
);

/// The attributes of a user. Date-times are [`DateTime`]s: the instant, or the text sent when it is
/// none.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct UserAttributes {
    /// The name shown to customers and colleagues.
    #[serde(deserialize_with = "lenient::scalar")]
    pub display_name: Option<String>,
    /// The full name.
    #[serde(deserialize_with = "lenient::scalar")]
    pub name: Option<String>,
    /// `user`, `machine`, `limited` or `hourly`.
    #[serde(deserialize_with = "lenient::scalar")]
    pub user_type: Option<UserType>,
    /// Email address.
    #[serde(deserialize_with = "lenient::scalar")]
    pub email: Option<String>,
    /// Mobile number.
    #[serde(deserialize_with = "lenient::scalar")]
    pub mobile: Option<String>,
    /// Avatar URL.
    #[serde(deserialize_with = "lenient::scalar")]
    pub avatar_url: Option<String>,
    /// The signature put under the user's emails.
    #[serde(deserialize_with = "lenient::scalar")]
    pub email_signature: Option<String>,
    /// Whether a new password may or must be set (a pending invitation may set one).
    #[serde(deserialize_with = "lenient::object")]
    pub password: Option<crate::families::models::PasswordState>,
    /// Whether the user is deactivated.
    #[serde(deserialize_with = "lenient::scalar")]
    pub deleted: Option<bool>,
    /// Roles (`org.user.customer.read`, ...).
    #[serde(deserialize_with = "lenient::scalars")]
    pub roles: Vec<String>,
    /// Role group IDs.
    #[serde(deserialize_with = "lenient::scalars")]
    pub role_groups: Vec<String>,
    /// When the email was verified.
    #[serde(deserialize_with = "lenient::scalar")]
    pub email_verified_at: Option<DateTime>,
    /// First login.
    #[serde(deserialize_with = "lenient::scalar")]
    pub first_login_at: Option<DateTime>,
    /// Most recent login.
    #[serde(deserialize_with = "lenient::scalar")]
    pub most_recent_login_at: Option<DateTime>,
    /// When the user was deleted.
    #[serde(deserialize_with = "lenient::scalar")]
    pub deleted_at: Option<DateTime>,
    /// When it was created.
    #[serde(deserialize_with = "lenient::scalar")]
    pub created_at: Option<DateTime>,
    /// When it last changed.
    #[serde(deserialize_with = "lenient::scalar")]
    pub updated_at: Option<DateTime>,
    /// When a user last modified it.
    #[serde(deserialize_with = "lenient::scalar")]
    pub modified_at: Option<DateTime>,
}

resource_model!(
    /// A team of users.
    ///
    /// ```
    /// # let body = br#"{"data":{"type":"team","id":"5e0f779ed95b430019b57715","attributes":{"name":"billing","members":["5d5dae1d731d4e001ad55054"]}}}"#;
    /// # let response = http::Response::builder().status(200).body(body.to_vec())?;
    /// use kustomer::{Operation, teams::GetTeam};
    ///
    /// let team = GetTeam::new("5e0f779ed95b430019b57715").parse(response)?;
    /// assert_eq!(team.attributes.members, ["5d5dae1d731d4e001ad55054"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    Team, TeamAttributes, BasicRelationships
);

/// The attributes of a team.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct TeamAttributes {
    /// The name.
    #[serde(deserialize_with = "lenient::scalar")]
    pub name: Option<String>,
    /// The name shown to users.
    #[serde(deserialize_with = "lenient::scalar")]
    pub display_name: Option<String>,
    /// The icon's name.
    #[serde(deserialize_with = "lenient::scalar")]
    pub icon: Option<String>,
    /// Member user IDs.
    #[serde(deserialize_with = "lenient::scalars")]
    pub members: Vec<String>,
    /// Role group IDs.
    #[serde(deserialize_with = "lenient::scalars")]
    pub role_groups: Vec<String>,
    /// Whether it is deleted.
    #[serde(deserialize_with = "lenient::scalar")]
    pub deleted: Option<bool>,
    /// When it was deleted.
    #[serde(deserialize_with = "lenient::scalar")]
    pub deleted_at: Option<DateTime>,
    /// When it was created.
    #[serde(deserialize_with = "lenient::scalar")]
    pub created_at: Option<DateTime>,
    /// When it last changed.
    #[serde(deserialize_with = "lenient::scalar")]
    pub updated_at: Option<DateTime>,
}
