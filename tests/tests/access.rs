//! Kustomer's access-management API against the fake server, through both transports: auth
//! settings, roles, role groups, auth tokens (a login's token authenticates, a deleted one does
//! not, deleting the current one revokes the caller's key), invitations, the current user's
//! update, several users by ID, password resets. Secrets never show.

// Test helpers may unwrap: a panic here is a failing test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use http::Method;
use kustomer::auth::AuthSettingsInput;
use kustomer::auth_tokens::{GetAuthToken, ListAuthTokens, TokenLogin};
use kustomer::role_groups::{ListRoleGroups, RoleGroupInput};
use kustomer::users::{ListUsers, PasswordReset, UserFilter, UserInvite, UserUpdate};
use kustomer::{ApiKey, Client, Error, TransportOptions};
use kustomer_fake::{
    ADMIN_ROLE_GROUP_ID, API_KEY_TOKEN_ID, COLLEAGUE_USER_ID, CURRENT_USER_ID, FAKE_DOMAIN,
    FAKE_PASSWORD, FakeKustomer, Fault, Route, SUPPORT_ROLE_GROUP_ID, clients_with,
};

/// Runs `test` once per transport, each on a fresh fake (a test may revoke its key).
fn each_transport(test: impl Fn(&str, &FakeKustomer, &Client)) {
    for index in 0..2 {
        let fake = FakeKustomer::start().unwrap();
        let clients = clients_with(&fake.config(), TransportOptions::default(), |b| b).unwrap();
        let (name, client) = &clients[index];
        test(name, &fake, client);
    }
}

/// A client of the same transport calling with another key.
fn client_with_key(fake: &FakeKustomer, name: &str, key: &str) -> Client {
    let config = fake.config_with_key(key);
    let clients = clients_with(&config, TransportOptions::default(), |b| b).unwrap();
    clients
        .into_iter()
        .find(|(n, _)| *n == name)
        .map(|(_, c)| c)
        .unwrap()
}

/// Every request the fake recorded, as a test would print it.
fn printed(fake: &FakeKustomer) -> String {
    format!("{:?}", fake.requests())
}

#[test]
fn auth_settings_roles_and_role_groups() {
    each_transport(|name, fake, client| {
        let auth = client.auth();
        let settings = auth.settings().unwrap();
        assert_eq!(
            settings.attributes.kustomer.and_then(|k| k.enabled),
            Some(true),
            "{name}"
        );
        let changed = auth
            .update_settings(&AuthSettingsInput::new(true, true).session_milliseconds(3_600_000))
            .unwrap();
        assert_eq!(
            changed.attributes.google.and_then(|g| g.enabled),
            Some(true),
            "{name}"
        );
        assert_eq!(
            changed
                .attributes
                .app
                .and_then(|a| a.user_session_expiration_milliseconds),
            Some(3_600_000),
            "{name}"
        );
        let public = auth.public_settings().unwrap();
        assert_eq!(
            public.attributes.google.and_then(|g| g.enabled),
            Some(true),
            "{name}"
        );
        assert!(
            public.attributes.app.is_none(),
            "{name}: public settings are only the logins"
        );

        let customer = auth.customer_settings().unwrap();
        let secret = customer.attributes.secret.clone().unwrap();
        assert_eq!(
            secret.expose_secret(),
            "fake-customer-auth-secret-0123",
            "{name}"
        );
        let shown = format!("{customer:?} {}", serde_json::to_string(&customer).unwrap());
        assert!(
            !shown.contains("fake-customer-auth-secret"),
            "{name}: {shown}"
        );

        let roles: Vec<String> = auth.roles().map(|r| r.unwrap().id).collect();
        assert!(roles.contains(&"org.admin".to_owned()), "{name}: {roles:?}");

        let groups = client.role_groups();
        let listed: Vec<String> = groups
            .list(ListRoleGroups::new())
            .map(|g| g.unwrap().id)
            .collect();
        assert_eq!(
            listed,
            [ADMIN_ROLE_GROUP_ID, SUPPORT_ROLE_GROUP_ID],
            "{name}"
        );
        let created = groups
            .create(&RoleGroupInput::new("Billing").roles(["org.user.customer.read"]))
            .unwrap();
        assert_eq!(
            created.attributes.name.as_deref(),
            Some("Billing"),
            "{name}"
        );
        let renamed = groups
            .update(
                &created.id,
                &RoleGroupInput::default().description("Refunds"),
                kustomer::ops::UpdateMode::Merge,
            )
            .unwrap();
        assert_eq!(
            renamed.attributes.description.as_deref(),
            Some("Refunds"),
            "{name}"
        );
        assert_eq!(
            groups.get(&created.id).unwrap().attributes.roles,
            ["org.user.customer.read"],
            "{name}"
        );
        groups.delete(&created.id).unwrap();
        assert!(
            groups.get(&created.id).unwrap_err().is_not_found(),
            "{name}"
        );
        // The fake checks each body against the schema written from the TypeScript types.
        let bad = RoleGroupInput::default().display(true);
        assert!(
            matches!(groups.create(&bad), Err(Error::InvalidInput(_))),
            "{name}: a name is required before anything is sent"
        );
        assert!(
            !printed(fake).contains("fake-customer-auth-secret"),
            "{name}"
        );
    });
}

#[test]
fn a_login_token_authenticates_until_deleted_and_the_current_one_revokes_the_key() {
    each_transport(|name, fake, client| {
        let tokens = client.auth_tokens();
        let mine = tokens.current().unwrap();
        assert_eq!(mine.id, API_KEY_TOKEN_ID, "{name}");
        assert_eq!(
            client
                .execute(&GetAuthToken::new(API_KEY_TOKEN_ID))
                .unwrap()
                .id,
            API_KEY_TOKEN_ID,
            "{name}"
        );

        let login = TokenLogin::new(FAKE_DOMAIN, "grace.hopper@example.com", FAKE_PASSWORD);
        let created = tokens.create(&login).unwrap();
        let value = created.expose_token().unwrap().to_owned();
        let shown = format!("{created:?} {}", serde_json::to_string(&created).unwrap());
        assert!(!shown.contains(&value), "{name}: {shown}");
        assert!(
            !printed(fake).contains(FAKE_PASSWORD),
            "{name}: the login's password"
        );
        let listed: Vec<String> = tokens
            .list(ListAuthTokens::new())
            .map(|t| t.unwrap().id)
            .collect();
        assert_eq!(listed, [API_KEY_TOKEN_ID, created.id.as_str()], "{name}");
        assert!(
            tokens.get(&created.id).unwrap().attributes.token.is_none(),
            "{name}: only the create answers the value"
        );

        // The new token authenticates another client, until it is deleted.
        let other = client_with_key(fake, name, &value);
        assert_eq!(
            other.auth_tokens().current().unwrap().id,
            created.id,
            "{name}"
        );
        tokens.delete(&created.id).unwrap();
        assert!(
            other.users().current().unwrap_err().is_unauthorized(),
            "{name}"
        );

        // A wrong password is refused, and the error does not carry it.
        let wrong = TokenLogin::new(FAKE_DOMAIN, "grace.hopper@example.com", "not-it-0987");
        let refused = tokens.create(&wrong).unwrap_err();
        assert!(refused.is_unauthorized(), "{name}: {refused}");
        let said = format!("{refused} {refused:?}");
        assert!(!said.contains("not-it-0987"), "{name}: {said}");

        // Deleting the current token revokes the key this client calls with.
        tokens.delete_current().unwrap();
        let after = client.users().current().unwrap_err();
        assert!(after.is_unauthorized(), "{name}: {after}");
        assert!(
            after.to_string().contains("DeleteCurrentAuthToken"),
            "{name}: the error says why: {after}"
        );
    });
}

#[test]
fn invitations_the_current_user_several_users_and_password_resets() {
    each_transport(|name, fake, client| {
        let users = client.users();
        let invited = users
            .invite(
                &UserInvite::new("Ada Lovelace", "ada@example.com")
                    .role_groups([SUPPORT_ROLE_GROUP_ID]),
            )
            .unwrap();
        assert_eq!(
            invited.attributes.role_groups,
            [SUPPORT_ROLE_GROUP_ID],
            "{name}"
        );
        assert_eq!(
            invited
                .attributes
                .password
                .as_ref()
                .and_then(|p| p.allow_new),
            Some(true),
            "{name}"
        );
        let listed: Vec<String> = users
            .list(ListUsers::new())
            .map(|u| u.unwrap().id)
            .collect();
        assert!(
            listed.contains(&invited.id),
            "{name}: the invitation is a user"
        );
        let only = |filter: UserFilter| -> Vec<String> {
            users
                .list(ListUsers::new().only(filter))
                .map(|u| u.unwrap().id)
                .collect()
        };
        assert_eq!(
            only(UserFilter::Pending(true)),
            [invited.id.as_str()],
            "{name}"
        );
        assert_eq!(
            only(UserFilter::UserType(kustomer::models::UserType::Machine)),
            [CURRENT_USER_ID],
            "{name}"
        );
        assert_eq!(
            only(UserFilter::Email("grace.hopper@example.com".into())),
            [COLLEAGUE_USER_ID],
            "{name}"
        );

        let me = users
            .update_current(
                &UserUpdate::default()
                    .email_signature("Ada, support")
                    .password("n3w-secret-pass", "old-secret-pass"),
            )
            .unwrap();
        assert_eq!(me.id, CURRENT_USER_ID, "{name}");
        assert_eq!(
            me.attributes.email_signature.as_deref(),
            Some("Ada, support"),
            "{name}"
        );
        let shown = printed(fake);
        assert!(
            !shown.contains("n3w-secret-pass") && !shown.contains("old-secret-pass"),
            "{name}: {shown}"
        );

        let many = users
            .get_many([
                CURRENT_USER_ID,
                COLLEAGUE_USER_ID,
                "5d5dae1d731d4e001ad5ffff",
            ])
            .unwrap();
        let ids: Vec<&str> = many.iter().map(|u| u.id.as_str()).collect();
        assert_eq!(ids, [CURRENT_USER_ID, COLLEAGUE_USER_ID], "{name}");
        // One ID answers one object: read as a list too.
        let one = users.get_many([COLLEAGUE_USER_ID]).unwrap();
        assert_eq!(one.len(), 1, "{name}");
        assert_eq!(one[0].id, COLLEAGUE_USER_ID, "{name}");

        users
            .reset_password(&PasswordReset::new(FAKE_DOMAIN, "ada@example.com"))
            .unwrap();
    });
}

#[test]
fn invitations_and_password_resets_are_sent_once() {
    each_transport(|name, fake, client| {
        for (path, send) in [
            (
                "/users",
                Box::new(|c: &Client| {
                    c.users()
                        .invite(&UserInvite::new("Ada", "ada@example.com"))
                        .map(drop)
                }) as Box<dyn Fn(&Client) -> Result<(), Error>>,
            ),
            (
                "/users/passwordreset",
                Box::new(|c: &Client| {
                    c.users()
                        .reset_password(&PasswordReset::new(FAKE_DOMAIN, "ada@example.com"))
                }),
            ),
        ] {
            fake.fail_on(
                Route::new(Method::POST, path),
                Fault::RateLimited { reset_secs: 0 },
            );
            let before = fake.requests().len();
            assert!(send(client).is_err(), "{name} {path}: the 429 comes back");
            let sent = fake.requests()[before..]
                .iter()
                .filter(|r| r.raw_url == format!("/v1{path}"))
                .count();
            assert_eq!(sent, 1, "{name} {path}: not sent again, even after a 429");
        }
    });
}

#[test]
fn an_empty_or_blank_secret_is_refused_before_anything_is_sent() {
    let login = TokenLogin::new(FAKE_DOMAIN, "ada@example.com", "");
    let config = kustomer::Config::new(ApiKey::new("key").unwrap());
    assert!(
        kustomer::Operation::build(&kustomer::auth_tokens::CreateToken::new(&login), &config)
            .is_err()
    );
    let half = UserUpdate::default().password("", "old");
    assert!(
        kustomer::Operation::build(&kustomer::users::UpdateUser::new("current", &half), &config)
            .is_err()
    );
}
