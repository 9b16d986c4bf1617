//! Team operations: teams of users, their members. Not in Kustomer's spec: paths and shapes
//! from its API reference.
//!
//! Roles: reads need only `org.user.team.read` / `org.permission.team.read`; writes
//! `org.admin.team.write` / `org.permission.team.create`, `.update`, `.delete`.

use std::borrow::Cow;

use http::{Method, Request, Response};
use serde::Serialize;

use crate::families::models::{Team, User};
use crate::generic::family::{
    Creatable, Deletable, Family, Gettable, Input, Listable, Updatable, UpdateMethods,
};
use crate::protocol::config::Config;
use crate::protocol::error::{Error, InvalidInput};
use crate::protocol::json_body::json_body;
use crate::protocol::operation::Operation;
use crate::protocol::page::parse_one;
use crate::protocol::path::segment;
use crate::protocol::str_list::StrList;
use crate::protocol::validation::{chars_between, check_list_max, max_chars, not_empty};

crate::generic::declare::family! {
    impl Family for Team {
        type Scope = ();
        const PATH: &'static str = "/teams";
        const NAME: &'static str = "team";
        const ID: &'static str = "team id";
    }

    handle {
        /// Team operations through a [`Client`](crate::Client); from
        /// [`Client::teams`](crate::Client::teams).
        pub type Teams;
        /// Team operations: get, list, create, update, delete, members added and removed.
        ///
        /// ```no_run
        /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
        /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
        /// use kustomer::teams::ListTeams;
        ///
        /// let teams = client.teams().list(ListTeams::new().page_size(500)).count();
        /// # Ok::<(), kustomer::Error>(())
        /// ```
        pub fn teams;
    }

    /// Get a team by ID (`GET /v1/teams/{id}`).
    ///
    /// Roles: `org.user.team.read` or `org.permission.team.read`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, teams::GetTeam};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// assert_eq!(GetTeam::new("5e0f779ed95b430019b57715").build(&config)?.uri().path(), "/v1/teams/5e0f779ed95b430019b57715");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type GetTeam<'a> = crate::generic::ops::Get<'a, Team> { Get => "GetTeamById" };

    /// List the org's teams (`GET /v1/teams`, pages of up to 500).
    ///
    /// Roles: `org.user.team.read` or `org.permission.team.read`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, teams::ListTeams};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// assert_eq!(ListTeams::new().page_size(500).build(&config)?.uri().query(), Some("pageSize=500"));
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type ListTeams = crate::generic::ops::List<Team> { List => "GetTeams" };

    /// Create a team (`POST /v1/teams`; 201).
    ///
    /// Roles: `org.admin.team.write` or `org.permission.team.create`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, teams::{CreateTeam, TeamInput}};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// assert_eq!(CreateTeam::new(TeamInput::new("billing")).build(&config)?.body(), br#"{"name":"billing"}"#);
    /// assert!(CreateTeam::new(TeamInput::default()).build(&config).is_err());
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type CreateTeam<'a> = crate::generic::ops::Create<'a, Team> { Create => "CreateTeam" };

    /// Update a team (`PUT` or `PATCH /v1/teams/{id}`).
    ///
    /// Roles: `org.admin.team.write` or `org.permission.team.update`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, teams::{TeamInput, UpdateTeam}};
    /// use kustomer::ops::UpdateMode;
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let icon = TeamInput::default().icon("headset");
    /// let request = UpdateTeam::new("5e0f779ed95b430019b57715", &icon).mode(UpdateMode::Patch).build(&config)?;
    /// assert_eq!(request.method(), http::Method::PATCH);
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type UpdateTeam<'a> = crate::generic::ops::Update<'a, Team> {
        Put => "UpdateTeamById", Patch => "UpdateTeamAttributes"
    };

    /// Delete a team (`DELETE /v1/teams/{id}`; 204).
    ///
    /// Roles: `org.admin.team.write` or `org.permission.team.delete`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, teams::DeleteTeam};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// assert_eq!(DeleteTeam::new("5e0f779ed95b430019b57715").build(&config)?.method(), http::Method::DELETE);
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type DeleteTeam<'a> = crate::generic::ops::Delete<'a, Team> { Delete => "DeleteTeam" };

    /// List the teams a user is on (`GET /v1/users/{id}/teams`, pages of up to 500).
    ///
    /// Roles: `org.user.team.read` or `org.permission.team.read`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, users::ListUserTeams};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let request = ListUserTeams::new("5d5dae1d731d4e001ad55054").build(&config)?;
    /// assert_eq!(request.uri().path(), "/v1/users/5d5dae1d731d4e001ad55054/teams");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type ListUserTeams<'a> = crate::generic::ops::ListUnder<'a, User, Team> {
        ListUnder(User) => "GetUsersTeams"
    };
}
impl Gettable for Team {}
impl Listable for Team {
    const MAX_PAGE_SIZE: u32 = 500;
}
impl Creatable for Team {
    type Input = TeamInput;
    fn check_create(input: &TeamInput) -> Result<(), InvalidInput> {
        crate::protocol::validation::required("name", &input.name)
    }
}
impl Updatable for Team {
    type Update = TeamInput;
    const METHODS: UpdateMethods = UpdateMethods::PUT_AND_PATCH;
}
impl Deletable for Team {}

/// The most user IDs one team write takes; a guard against runaway lists, not an API limit.
const MAX_MEMBERS: usize = 1_000;

/// A team to create or update (`POST /v1/teams`, `PUT`/`PATCH /v1/teams/{id}`). Only the fields
/// that are set are sent.
///
/// ```
/// use kustomer::teams::TeamInput;
///
/// let billing = TeamInput::new("billing").member("5d5dae1d731d4e001ad55054");
/// assert_eq!(serde_json::to_string(&billing).unwrap(), r#"{"name":"billing","members":["5d5dae1d731d4e001ad55054"]}"#);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct TeamInput {
    /// The name, 1 to 256 characters (required to create).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The name shown to users, at most 256 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// The icon's name, at most 64 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub icon: Option<String>,
    /// Member user IDs, unique (replaces the members on an update).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub members: Option<Vec<String>>,
    /// Role group IDs, unique.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role_groups: Option<Vec<String>>,
    /// Your ID for the team, at most 256 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
}

impl TeamInput {
    /// A team named `name`.
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            name: Some(name.into()),
            ..Self::default()
        }
    }

    /// Adds a member.
    #[must_use]
    pub fn member(mut self, user_id: impl Into<String>) -> Self {
        self.members
            .get_or_insert_with(Vec::new)
            .push(user_id.into());
        self
    }
}

impl Input for TeamInput {
    fn validate(&self) -> Result<(), InvalidInput> {
        if let Some(name) = &self.name {
            chars_between("name", name, 1, 256)?;
        }
        max_chars("displayName", self.display_name.as_deref(), 256)?;
        max_chars("icon", self.icon.as_deref(), 64)?;
        max_chars("externalId", self.external_id.as_deref(), 256)?;
        check_list_max("members", self.members.as_deref(), MAX_MEMBERS, |m| {
            not_empty("members", m)
        })?;
        check_list_max(
            "roleGroups",
            self.role_groups.as_deref(),
            MAX_MEMBERS,
            |g| not_empty("roleGroups", g),
        )
    }
}

impl<T: crate::protocol::transport::Transport> crate::generic::handle::Handle<'_, T, Team> {
    /// Adds users to a team; see [`TeamMembers::add`].
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// let team = client.teams().add_members("5e0f779ed95b430019b57715", &["5d5dae1d731d4e001ad55054"])?;
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn add_members<'l>(
        &self,
        team_id: &str,
        user_ids: impl Into<StrList<'l>>,
    ) -> Result<Team, Error> {
        let user_ids = user_ids.into();
        self.client()
            .execute(&TeamMembers::add(team_id, user_ids.as_slice()))
    }

    /// Removes users from a team; see [`TeamMembers::remove`].
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// client.teams().remove_members("5e0f779ed95b430019b57715", &["5d5dae1d731d4e001ad55054"])?;
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn remove_members<'l>(
        &self,
        team_id: &str,
        user_ids: impl Into<StrList<'l>>,
    ) -> Result<Team, Error> {
        let user_ids = user_ids.into();
        self.client()
            .execute(&TeamMembers::remove(team_id, user_ids.as_slice()))
    }
}

/// Add users to a team or remove them (`POST` or `DELETE /v1/teams/{id}/members` with
/// `{"members": [user ids]}`, the TypeScript client's `AddTeamMember` and `RemoveTeamMember`);
/// answers the team.
///
/// Roles: `org.admin.team.write` or `org.permission.team.update`.
///
/// ```
/// use kustomer::{ApiKey, Config, Operation, teams::TeamMembers};
///
/// let config = Config::new(ApiKey::new("key")?);
/// let users = vec!["5d5dae1d731d4e001ad55054".to_string()];
/// let request = TeamMembers::add("5e0f779ed95b430019b57715", users).build(&config)?;
/// assert_eq!(request.uri().path(), "/v1/teams/5e0f779ed95b430019b57715/members");
/// assert_eq!(request.body(), br#"{"members":["5d5dae1d731d4e001ad55054"]}"#);
/// assert!(TeamMembers::remove("5e0f779ed95b430019b57715", Vec::<String>::new()).build(&config).is_err());
/// # Ok::<(), kustomer::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamMembers<'a> {
    team: Cow<'a, str>,
    members: Cow<'a, [String]>,
    add: bool,
}

#[derive(Serialize)]
struct MembersBody<'a> {
    members: &'a [String],
}

impl<'a> TeamMembers<'a> {
    /// Add these users to team `team`.
    pub fn add(team: impl Into<Cow<'a, str>>, users: impl Into<StrList<'a>>) -> Self {
        Self {
            team: team.into(),
            members: users.into().into_cow(),
            add: true,
        }
    }

    /// Remove these users from team `team`.
    pub fn remove(team: impl Into<Cow<'a, str>>, users: impl Into<StrList<'a>>) -> Self {
        Self {
            add: false,
            ..Self::add(team, users)
        }
    }
}

impl Operation for TeamMembers<'_> {
    type Output = Team;

    fn operation_id(&self) -> &'static str {
        if self.add {
            "AddTeamMember"
        } else {
            "RemoveTeamMember"
        }
    }

    fn resource_id(&self) -> Option<&str> {
        Some(&self.team)
    }

    fn build(&self, config: &Config) -> Result<Request<Vec<u8>>, Error> {
        if self.members.is_empty() {
            return Err(InvalidInput::new("members", "names no user").into());
        }
        check_list_max("members", Some(&self.members[..]), MAX_MEMBERS, |m| {
            not_empty("members", m)
        })?;
        let team = segment(Team::ID, &self.team)?;
        let method = if self.add {
            Method::POST
        } else {
            Method::DELETE
        };
        let body = json_body(&MembersBody {
            members: &self.members,
        })?;
        config.request(method, format_args!("/teams/{team}/members"), Some(body))
    }

    fn parse<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<Team, Error> {
        parse_one(response)
    }
}

crate::generic::ops::helpers::input_cow!(TeamInput);

crate::generic::ops::helpers::setters!(TeamInput {
    #[doc = "Sets `name`: the name, 1 to 256 characters (required to create)."]
    name: opt String,
    #[doc = "Sets `display_name`: the name shown to users, at most 256 characters."]
    display_name: opt String,
    #[doc = "Sets `icon`: the icon's name, at most 64 characters."]
    icon: opt String,
    #[doc = "Sets `members`: member user IDs, unique (replaces the members on an update)."]
    members: opt Vec<String>,
    #[doc = "Sets `role_groups`: role group IDs, unique."]
    role_groups: opt Vec<String>,
    #[doc = "Sets `external_id`: your ID for the team, at most 256 characters."]
    external_id: opt String,
});
