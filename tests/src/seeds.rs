//! The fake org's catalog, seeded at start: its user and org, colleagues, the default brand,
//! the `order` klass with its custom-attribute metadata, the customer metadata, shortcuts and
//! their categories. Shapes follow the spec's examples and KUSTOMER_API.md.

use serde_json::{Value, json};

use crate::store::Store;

/// The API key's own user (`GET /users/current`).
pub const CURRENT_USER_ID: &str = "5d5dae1d731d4e001ad55054";
/// A colleague of the current user.
pub const COLLEAGUE_USER_ID: &str = "5d5dae1d731d4e001ad55055";
/// The fake org (`GET /orgs/current`).
pub const ORG_ID: &str = "5d5dae1ccd1e87001a6a7ea4";
/// The org's default brand (`GET /brands/default`).
pub const DEFAULT_BRAND_ID: &str = "5daf7921124be4f2960cb196";
/// The `order` klass.
pub const ORDER_KLASS_ID: &str = "5826a39b0fcc2514008b2a92";
/// The default business schedule (`GET /schedules/default`).
pub const DEFAULT_SCHEDULE_ID: &str = "5e21e0f9520ec30019df3dcf";
/// An SLA policy.
pub const SLA_ID: &str = "5fadc1ba6647f1953ff94916";

/// The token record of the fake's API key (`GET /auth/tokens/current` with it).
pub const API_KEY_TOKEN_ID: &str = "5d5dae1e0c0ffee000000001";
/// The system role group every admin is in.
pub const ADMIN_ROLE_GROUP_ID: &str = "5d5dae1e0c0ffee000000010";
/// A custom role group.
pub const SUPPORT_ROLE_GROUP_ID: &str = "5d5dae1e0c0ffee000000011";
/// A team the colleague is on.
pub const SUPPORT_TEAM_ID: &str = "5d5dae1e0c0ffee000000020";
/// The password of every seeded user, for a login (`POST /auth/tokens`) to the org `acme`.
pub const FAKE_PASSWORD: &str = "fake-password-0123";
/// The org's domain, for a login.
pub const FAKE_DOMAIN: &str = "acme";

const AT: &str = "2019-10-22T21:48:17.993Z";

fn org() -> Value {
    json!({"links": {"self": format!("/v1/orgs/{ORG_ID}")}, "data": {"type": "org", "id": ORG_ID}})
}

fn resource(kind: &str, path: &str, id: &str, attributes: Value) -> Value {
    json!({"type": kind, "id": id, "attributes": attributes,
        "relationships": {"org": org()}, "links": {"self": format!("/v1/{path}/{id}")}})
}

impl Store {
    pub(crate) fn seed_catalog(&mut self) {
        for (id, name, kind, group) in [
            (CURRENT_USER_ID, "API User", "machine", ADMIN_ROLE_GROUP_ID),
            (
                COLLEAGUE_USER_ID,
                "Grace Hopper",
                "user",
                SUPPORT_ROLE_GROUP_ID,
            ),
        ] {
            let user = json!({"displayName": name, "name": name, "userType": kind,
                "email": format!("{}@example.com", name.to_lowercase().replace(' ', ".")),
                "roles": ["org.user.customer.read"], "roleGroups": [group],
                "createdAt": AT, "updatedAt": AT});
            self.push("users", resource("user", "users", id, user));
        }
        self.seed_access();
        let acme = json!({"name": "acme", "displayName": "Acme", "createdAt": AT, "updatedAt": AT});
        self.push("orgs", resource("org", "orgs", ORG_ID, acme));
        let brand = json!({"name": "default", "default": true, "createdAt": AT, "updatedAt": AT});
        self.push(
            "brands",
            resource("brand", "brands", DEFAULT_BRAND_ID, brand),
        );
        let order = json!({"name": "order", "displayName": "Order", "icon": "truck-delivery",
            "status": "enabled", "mixins": [], "createdAt": AT, "updatedAt": AT});
        let mut klass = resource("klass", "klasses", ORDER_KLASS_ID, order);
        if let Some(relationships) = klass
            .get_mut("relationships")
            .and_then(Value::as_object_mut)
        {
            relationships.insert(
                "kobjects".into(),
                json!({"links": {"self": "/v1/klasses/orders"}}),
            );
        }
        self.push("klasses", klass);
        let order_properties = json!({"properties": {
            "totalNum": {"type": "number", "displayName": "Total"},
            "statusStr": {"type": "string", "displayName": "Status",
                "enumeration": ["placed", "paid", "shipped"]},
            "placedAt": {"type": "date", "displayName": "Placed"}}});
        self.push(
            "metadata",
            resource("metadata", "metadata", "kobject.order", order_properties),
        );
        let customer_properties = json!({"properties": {
            "tierStr": {"type": "string", "displayName": "Tier"},
            "ordersId": {"type": "string", "target": "kobject.order", "multi": true,
                "displayName": "Orders"}}});
        self.push(
            "metadata",
            resource("metadata", "metadata", "customer", customer_properties),
        );
        for (i, (name, text)) in [
            ("refund", "Your refund is on its way."),
            ("hours", "We answer from 9 to 5, Monday to Friday."),
        ]
        .iter()
        .enumerate()
        {
            let id = format!("5e0f779ed95b430019b5771{i}");
            let shortcut = json!({"name": name, "draft": {"text": text}, "isPrivate": false,
                "categories": ["5e0f779ed95b430019b57720"], "rev": 1,
                "createdAt": AT, "updatedAt": AT});
            self.push(
                "shortcuts",
                resource("shortcut", "shortcuts", &id, shortcut),
            );
        }
        for (channel, name, account) in [
            ("email", "acme support", "support@acme.example"),
            ("sms", "(800) 555-1212", "+18005551212"),
        ] {
            // Real answers carry no `id`.
            self.push(
                "outboundAccounts",
                json!({"type": "outbound_account",
                    "attributes": {"channel": channel, "name": name, "account": account}}),
            );
        }
        let hours = json!({"name": "Biz Hours", "timezone": "America/New_York", "default": true,
            "hours": {"0": null, "1": [[480, 1020]], "2": [[480, 1020]], "3": [[480, 1020]],
                "4": [[480, 1020]], "5": [[480, 1020]], "6": null},
            "createdAt": AT, "updatedAt": AT});
        self.push(
            "schedules",
            resource("schedule", "schedules", DEFAULT_SCHEDULE_ID, hours),
        );
        let sla = json!({"currentVersion": 1, "createdAt": AT});
        self.push("slas", resource("sla", "slas", SLA_ID, sla));
        let form = json!({"name": "Email survey", "formType": "csat", "enabled": true,
            "channel": "email", "scale": {"options": 5, "type": "number"}, "questions": [],
            "createdAt": AT, "updatedAt": AT});
        self.push(
            "satisfaction",
            resource(
                "satisfaction",
                "satisfaction",
                "5daf7921124be4f2960cb197",
                form,
            ),
        );
        let category = json!({"name": "Billing", "createdAt": AT, "updatedAt": AT});
        self.push(
            "shortcuts/categories",
            resource(
                "shortcut-category",
                "shortcuts/categories",
                "5e0f779ed95b430019b57720",
                category,
            ),
        );
    }

    /// The access-management seeds: the API key's token, the role groups, a team, the org's
    /// auth settings and customer-auth settings.
    fn seed_access(&mut self) {
        let user = |id: &str| json!({"links": {"self": format!("/v1/users/{id}")}, "data": {"type": "user", "id": id}});
        let token = json!({"type": "auth_token", "id": API_KEY_TOKEN_ID, "attributes": {
                "name": "API key", "lastTokenChars": "6789", "roles": ["org.admin", "org.user"],
                "ipAddress": "127.0.0.1", "userAgent": "kustomer-fake", "createdAt": AT,
                "updatedAt": AT, "lastAccessedAt": AT},
            "relationships": {"org": org(), "user": user(CURRENT_USER_ID)},
            "links": {"self": format!("/v1/auth/tokens/{API_KEY_TOKEN_ID}")}});
        self.push("auth/tokens", token);
        self.bearers
            .insert(crate::FAKE_API_KEY.to_owned(), API_KEY_TOKEN_ID.to_owned());
        for (id, name, system, roles) in [
            (
                ADMIN_ROLE_GROUP_ID,
                "Administrators",
                true,
                vec!["org.admin", "org.user"],
            ),
            (
                SUPPORT_ROLE_GROUP_ID,
                "Support",
                false,
                vec!["org.user.customer.read", "org.user.conversation.write"],
            ),
        ] {
            let group = json!({"name": name, "description": format!("{name} of Acme"),
                "display": true, "system": system, "roles": roles, "createdAt": AT, "updatedAt": AT});
            self.push(
                "role-groups",
                resource("role_group", "role-groups", id, group),
            );
        }
        let team = json!({"name": "support", "displayName": "Support", "icon": "headset",
            "members": [COLLEAGUE_USER_ID], "createdAt": AT, "updatedAt": AT});
        self.push("teams", resource("team", "teams", SUPPORT_TEAM_ID, team));
        let settings = json!({"kustomer": {"enabled": true}, "google": {"enabled": false},
            "saml": {"idpPublicCerts": [], "idpLoginUrl": "", "idpLogoutUrl": "", "idpIssuerId": "",
                "forceAuth": false, "signRequests": false, "allowUnencryptedAssert": false,
                "enabled": false},
            "app": {"userSessionExpirationMilliseconds": 43_200_000},
            "createdAt": AT, "updatedAt": AT, "modifiedAt": AT});
        self.push(
            "auth/settings",
            resource(
                "auth_settings",
                "auth/settings",
                "5d5dae1e0c0ffee000000030",
                settings,
            ),
        );
        let customer = json!({"secret": "fake-customer-auth-secret-0123", "corsWhitelist": [],
            "createdAt": AT, "updatedAt": AT});
        self.push(
            "auth/customer/settings",
            resource(
                "customer_auth_settings",
                "auth/customer/settings",
                "5d5dae1e0c0ffee000000031",
                customer,
            ),
        );
    }
}
