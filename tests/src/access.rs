//! The fake's access management: logins that make auth tokens (which then authenticate), the
//! current token (deleting it revokes the key that called), the org's auth settings, roles,
//! the current user's update, several users by ID, and password resets. Role groups and
//! invitations are the family table's.

use http::Method;
use serde_json::{Map, Value, json};

use crate::answers::{Answer, bad, error_body, list_answer, not_found, one};
use crate::bodies::{Keys, checked_write};
use crate::store::{Store, apply_update, reference, stamp_new};
use crate::table::{AUTH_TOKENS, Collection};

/// The roles the fake org can give.
const ROLES: [&str; 6] = [
    "org.admin",
    "org.admin.security",
    "org.admin.user",
    "org.user",
    "org.user.customer.read",
    "org.user.conversation.write",
];

/// The access-management routes; `None` for any other path.
pub(crate) fn route(
    method: &Method,
    segs: &[&str],
    pairs: &[(String, String)],
    body: &[u8],
    store: &mut Store,
) -> Option<Answer> {
    Some(match (method, segs) {
        (&Method::GET, ["auth", "settings"]) => settings(store, "auth/settings")?,
        (&Method::PUT, ["auth", "settings"]) => update_settings(body, store),
        (&Method::GET, ["auth", "customer", "settings"]) => {
            settings(store, "auth/customer/settings")?
        }
        (&Method::GET, ["p", "auth", "settings"]) => public_settings(store)?,
        (&Method::GET, ["auth", "roles"]) => {
            let roles: Vec<Value> = ROLES
                .iter()
                .map(|role| json!({"type": "role", "id": role}))
                .collect();
            (200, json!({"data": roles}).to_string())
        }
        (&Method::GET, ["auth", "tokens"]) => {
            crate::families::list(&Collection::of(&AUTH_TOKENS), pairs, store, None)
        }
        (&Method::POST, ["auth", "tokens"]) => login(body, store),
        (&Method::GET, ["auth", "tokens", id]) => match token_id(store, id) {
            Some(id) => match store.record("auth/tokens", &id) {
                Some(token) => one(200, token),
                None => not_found("id"),
            },
            None => not_found("id"),
        },
        (&Method::DELETE, ["auth", "tokens", id]) => match token_id(store, id) {
            Some(id) if store.delete_record("auth/tokens", &id) => {
                // Its value authenticates nothing any more.
                store.bearers.retain(|_, record| *record != id);
                (204, String::new())
            }
            _ => not_found("id"),
        },
        (&Method::PUT, ["users", "current"]) => update_current_user(body, store),
        (&Method::POST, ["users", "passwordreset"]) => {
            match checked_write(body, "ResetUsersPassword", Keys::Strict) {
                // Kustomer answers the same whether or not the email is a user's.
                Ok(_) => (204, String::new()),
                Err(answer) => answer,
            }
        }
        (&Method::GET, ["users", ids]) if ids.contains(',') => users_by_ids(ids, pairs, store),
        _ => return None,
    })
}

/// The token record `id` names: `current` is the caller's.
fn token_id(store: &Store, id: &str) -> Option<String> {
    match id {
        "current" => store.caller.clone(),
        other => Some(other.to_owned()),
    }
}

/// A settings document, kept as the one record of its collection.
fn settings(store: &Store, collection: &str) -> Option<Answer> {
    let record = store.records(collection).next()?;
    Some(one(200, record))
}

/// The public settings: whether each login is allowed, and nothing else.
fn public_settings(store: &Store) -> Option<Answer> {
    let record = store.records("auth/settings").next()?;
    let enabled = |name: &str| json!({"enabled": record.pointer(&format!("/attributes/{name}/enabled")).cloned().unwrap_or(Value::Bool(false))});
    let public = json!({"type": "auth_settings", "id": record.get("id"),
        "attributes": {"kustomer": enabled("kustomer"), "google": enabled("google"),
            "saml": enabled("saml")},
        "links": {"self": "/v1/p/auth/settings"}});
    Some(one(200, &public))
}

fn update_settings(body: &[u8], store: &mut Store) -> Answer {
    let map = match checked_write(body, "UpdateAuthSettings", Keys::Strict) {
        Ok(map) => map,
        Err(answer) => return answer,
    };
    let now = store.now();
    let Some(id) = store
        .records("auth/settings")
        .next()
        .and_then(|r| r.get("id")?.as_str().map(str::to_owned))
    else {
        return not_found("id");
    };
    let Some(record) = store.record_mut("auth/settings", &id) else {
        return not_found("id");
    };
    match apply_update(record, &map, false, &now, &[]) {
        Ok(()) => one(200, record),
        Err(status) => (status, error_body(status, "conflict", "Conflict")),
    }
}

/// `POST /auth/tokens`: a login to org `acme` as a seeded (or invited) user with the fake's
/// password makes a token whose value authenticates later requests.
fn login(body: &[u8], store: &mut Store) -> Answer {
    let map = match checked_write(body, "CreateToken", Keys::Strict) {
        Ok(map) => map,
        Err(answer) => return answer,
    };
    let text = |key: &str| map.get(key).and_then(Value::as_str).unwrap_or_default();
    let user = store
        .records("users")
        .find(|u| u.pointer("/attributes/email").and_then(Value::as_str) == Some(text("email")))
        .and_then(|u| u.get("id")?.as_str().map(str::to_owned));
    let (Some(user), true, true) = (
        user,
        text("domain") == crate::FAKE_DOMAIN,
        text("password") == crate::FAKE_PASSWORD,
    ) else {
        return (
            401,
            error_body(401, "unauthorized", "Invalid domain, email or password"),
        );
    };
    let id = store.next_id();
    let now = store.now();
    let value = format!("fake-token-{id}");
    // ASCII: its last four bytes are its last four characters.
    let last = value
        .get(value.len().saturating_sub(4)..)
        .unwrap_or_default();
    let mut attributes = Map::new();
    attributes.insert("name".into(), "Login".into());
    attributes.insert("lastTokenChars".into(), last.into());
    attributes.insert("roles".into(), json!(["org.user"]));
    attributes.insert("ipAddress".into(), "127.0.0.1".into());
    attributes.insert("userAgent".into(), "kustomer-fake".into());
    attributes.insert("lastAccessedAt".into(), now.clone().into());
    stamp_new(&mut attributes, now);
    let record = json!({"type": "auth_token", "id": id, "attributes": attributes,
        "relationships": {"user": reference("user", &user)},
        "links": {"self": format!("/v1/auth/tokens/{id}")}});
    store.push("auth/tokens", record.clone());
    store.bearers.insert(value.clone(), id);
    // Only the create's answer carries the value.
    let mut answer = record;
    if let Some(attributes) = answer.get_mut("attributes").and_then(Value::as_object_mut) {
        attributes.insert("token".into(), value.into());
    }
    one(201, &answer)
}

/// `PUT /users/current`: the API key's own user, as `GET /users/current` finds it.
fn update_current_user(body: &[u8], store: &mut Store) -> Answer {
    let map = match checked_write(body, "UpdateCurrentUser", Keys::Strict) {
        Ok(map) => map,
        Err(answer) => return answer,
    };
    let current = store
        .record_or_alias("users", "current")
        .and_then(|u| u.id().map(str::to_owned));
    let Some(id) = current else {
        return not_found("id");
    };
    let Some(users) = crate::families::family("users") else {
        return not_found("path");
    };
    // A password is taken, and never stored or shown.
    let mut map = map;
    map.remove("password");
    map.remove("currentPassword");
    match store.update_record(&Collection::of(users), &id, &map, false) {
        Ok(user) => one(200, &user),
        Err(status) => (status, error_body(status, "notfound", "Not Found")),
    }
}

/// `GET /users/a,b,c`: the users found, as a page.
fn users_by_ids(ids: &str, pairs: &[(String, String)], store: &Store) -> Answer {
    let ids: Vec<&str> = ids.split(',').collect();
    if ids.iter().any(|id| id.is_empty()) || ids.len() > 100 {
        return bad("ids takes 1 to 100 user IDs, separated by commas");
    }
    let found: Vec<Value> = ids
        .iter()
        .filter_map(|id| store.record("users", id).cloned())
        .collect();
    list_answer("/users", pairs, &found, 100, false)
}
