//! The fake's table of families, customers included: one row a family (its path, type, search
//! context, writes, lookups and parents), and the collections rows make. Data only: the
//! handlers in `families` serve it, the store keys its records by it.

use serde_json::{Map, Value};

use crate::answers::Answer;

/// A family's own limits on a write body: `Err` with the API's answer.
pub(crate) type Limits = fn(&Map<String, Value>) -> Result<(), Answer>;

/// One family of the fake.
#[derive(Debug)]
pub(crate) struct FamilySpec {
    /// The collection's path segment: `conversations`.
    pub(crate) path: &'static str,
    /// The record `type`: `conversation` (`kobject.<klass>` for custom objects).
    pub(crate) kind: &'static str,
    /// The search context (`""`: not searchable; custom objects add `_<klass>`).
    pub(crate) context: &'static str,
    /// The lookup segment's key (`externalId`), if the family has one.
    pub(crate) external_id_key: Option<&'static str>,
    /// operationIds whose request schemas give the keys of each write; `""` where the family
    /// has no such write.
    pub(crate) create: &'static str,
    pub(crate) put: &'static str,
    pub(crate) patch: &'static str,
    pub(crate) bulk_create: &'static str,
    pub(crate) bulk_update: &'static str,
    /// Whether `PUT` takes `?replace=`.
    pub(crate) replace: bool,
    /// Whether `DELETE {path}/{id}` exists, and `DELETE {path}/bulk?ids=`.
    pub(crate) deletable: bool,
    pub(crate) bulk_delete: bool,
    /// The largest page its list serves.
    pub(crate) list_max: usize,
    /// One collection per klass: `/klasses/{name}` (custom objects).
    pub(crate) scoped: bool,
    /// Parents this family is listed (and perhaps created) under: the parent's path segment,
    /// the relationship that names it, and the create's operationId.
    pub(crate) parents: &'static [(&'static str, &'static str, Option<&'static str>)],
    /// Lookup segments beside the external ID's (`email=`, `phone=`), each matching an entry
    /// of the attribute list named by its plural (`emails[].email`).
    pub(crate) lookups: &'static [&'static str],
    /// The page size of a list that names none.
    pub(crate) list_default: usize,
    /// The `context` of its bulk jobs: create, update, delete.
    pub(crate) bulk_contexts: [&'static str; 3],
    /// Body keys a create turns into relationships (a message's `conversation`).
    pub(crate) relations: &'static [&'static str],
    /// Whether tag names in a body become tag IDs, as the API stores them.
    pub(crate) tag_ids: bool,
    /// Whether a create with an external ID another record has is a 409.
    pub(crate) unique_external_id: bool,
    /// Limits the API checks on every write beyond the schema's keys.
    pub(crate) check: Option<Limits>,
    /// The query parameters its list filters on, each with the attribute it compares: a
    /// string as it is, a boolean as `true` or `false`, an absent one as `false`.
    pub(crate) list_params: &'static [(&'static str, &'static str)],
}

/// A row's defaults: nothing but get and list.
const READ_ONLY: FamilySpec = FamilySpec {
    path: "",
    kind: "",
    context: "",
    external_id_key: None,
    create: "",
    put: "",
    patch: "",
    bulk_create: "",
    bulk_update: "",
    replace: false,
    deletable: false,
    bulk_delete: false,
    list_max: 100,
    scoped: false,
    parents: &[],
    lookups: &[],
    list_default: 100,
    bulk_contexts: [
        "api.sobjects.bulk-create",
        "api.sobjects.bulk-update",
        "api.sobjects.bulk-delete",
    ],
    relations: &["customer", "conversation", "company"],
    tag_ids: true,
    unique_external_id: false,
    check: None,
    list_params: &[("deleted", "/attributes/deleted")],
};

/// Every family of the fake.
pub(crate) const FAMILIES: &[FamilySpec] = &[
    CUSTOMERS,
    FamilySpec {
        path: "conversations",
        kind: "conversation",
        context: "conversation",
        external_id_key: Some("externalId"),
        create: "CreateConversation",
        put: "UpdateConversation",
        patch: "UpdateConversationAttributes",
        bulk_create: "BulkCreateConversations",
        bulk_update: "BulkBatchUpdateConversations",
        replace: true,
        deletable: true,
        parents: &[(
            "customers",
            "customer",
            Some("CreateConversationForCustomer"),
        )],
        ..READ_ONLY
    },
    FamilySpec {
        path: "messages",
        kind: "message",
        context: "message",
        external_id_key: Some("externalid"),
        create: "CreateMessage",
        put: "UpdateMessage",
        patch: "UpdateMessageAttributes",
        bulk_create: "BulkCreateMessages",
        bulk_update: "BulkBatchUpdateMessages",
        replace: true,
        parents: &[
            (
                "conversations",
                "conversation",
                Some("CreateMessageFromConversation"),
            ),
            ("customers", "customer", Some("CreateMessageByCustomer")),
        ],
        ..READ_ONLY
    },
    FamilySpec {
        path: "notes",
        kind: "note",
        context: "note",
        create: "CreateNote",
        put: "UpdateNoteById",
        patch: "PatchNoteById",
        bulk_create: "BulkCreateNotes",
        bulk_update: "BulkBatchUpdateNotes",
        replace: true,
        deletable: true,
        parents: &[
            (
                "conversations",
                "conversation",
                Some("CreateNoteWithinConversation"),
            ),
            ("customers", "customer", None),
        ],
        ..READ_ONLY
    },
    FamilySpec {
        path: "companies",
        kind: "company",
        context: "company",
        create: "CreateCompany",
        put: "UpdateCompanyAttributes",
        bulk_create: "BulkCreateCompanies",
        bulk_update: "BulkBatchUpdateCompanies",
        ..READ_ONLY
    },
    FamilySpec {
        path: "klasses",
        kind: "klass",
        create: "CreateKlass",
        put: "UpdateKlass",
        deletable: true,
        ..READ_ONLY
    },
    KOBJECTS,
    FamilySpec {
        path: "users",
        kind: "user",
        // One at a time, as Kustomer takes them.
        list_params: &[
            ("deleted", "/attributes/deleted"),
            ("pending", "/attributes/password/allowNew"),
            ("userType", "/attributes/userType"),
            ("email", "/attributes/email"),
        ],
        create: "CreateInviteNewUser",
        put: "UpdateUserById",
        list_max: 500,
        ..READ_ONLY
    },
    FamilySpec {
        path: "teams",
        kind: "team",
        create: "CreateTeam",
        put: "UpdateTeamById",
        patch: "UpdateTeamAttributes",
        deletable: true,
        list_max: 500,
        ..READ_ONLY
    },
    FamilySpec {
        path: "role-groups",
        kind: "role_group",
        create: "CreateRoleGroup",
        put: "UpdateRoleGroup",
        deletable: true,
        ..READ_ONLY
    },
    FamilySpec {
        path: "tags",
        kind: "tag",
        create: "CreateTag",
        put: "UpdateTag",
        deletable: true,
        ..READ_ONLY
    },
    FamilySpec {
        path: "shortcuts",
        kind: "shortcut",
        deletable: true,
        ..READ_ONLY
    },
    SHORTCUT_CATEGORIES,
    FamilySpec {
        path: "brands",
        kind: "brand",
        create: "CreateBrand",
        patch: "PatchBrand",
        ..READ_ONLY
    },
    FamilySpec {
        path: "orgs",
        kind: "org",
        ..READ_ONLY
    },
    FamilySpec {
        path: "attachments",
        kind: "attachment",
        create: "CreateAttachment",
        put: "UpsertAttachment",
        deletable: true,
        parents: &[
            ("drafts", "draft", Some("CreateDraftAttachment")),
            ("forwards", "forward", Some("CreateForwardAttachment")),
        ],
        ..READ_ONLY
    },
    FamilySpec {
        path: "media",
        kind: "attachment",
        create: "CreateMedia",
        put: "UpdateMedia",
        ..READ_ONLY
    },
    FamilySpec {
        path: "drafts",
        kind: "draft",
        put: "UpdateDraft",
        deletable: true,
        parents: &[("customers", "customer", Some("CreateDraftByCustomer"))],
        ..READ_ONLY
    },
    FamilySpec {
        path: "forwards",
        kind: "forward",
        put: "UpdateDraftForward",
        parents: &[(
            "conversations",
            "conversation",
            Some("CreateForwardByConversation"),
        )],
        ..READ_ONLY
    },
    FamilySpec {
        path: "outboundAccounts",
        kind: "outbound_account",
        ..READ_ONLY
    },
    FamilySpec {
        path: "schedules",
        kind: "schedule",
        create: "CreateSchedule",
        put: "UpdateScheduleById",
        deletable: true,
        ..READ_ONLY
    },
    FamilySpec {
        path: "slas",
        kind: "sla",
        ..READ_ONLY
    },
    FamilySpec {
        path: "satisfaction",
        kind: "satisfaction",
        ..READ_ONLY
    },
    FamilySpec {
        path: "times",
        kind: "conversation_time",
        context: "conversation_time",
        list_max: 1_000,
        parents: &[("conversations", "conversation", None)],
        ..READ_ONLY
    },
    FamilySpec {
        path: "work-sessions",
        kind: "work_session",
        context: "work_session",
        ..READ_ONLY
    },
    FamilySpec {
        path: "work-items",
        kind: "work_item",
        context: "work_item",
        ..READ_ONLY
    },
    FamilySpec {
        path: "events",
        kind: "customer_event",
        // A customer's events by name.
        list_params: &[
            ("deleted", "/attributes/deleted"),
            ("name", "/attributes/name"),
        ],
        parents: &[("customers", "customer", None)],
        ..READ_ONLY
    },
    FamilySpec {
        path: "sessions",
        kind: "customer_session",
        parents: &[("customers", "customer", None)],
        ..READ_ONLY
    },
    FamilySpec {
        path: "outbound-webhooks",
        kind: "outbound_webhook",
        create: "CreateWebhook",
        deletable: true,
        ..READ_ONLY
    },
    FamilySpec {
        path: "metadata",
        kind: "metadata",
        put: "UpdateCustomAttributeMetadata",
        ..READ_ONLY
    },
];

/// Customers: looked up by email and phone too, listed 30 a page by default, with the bulk job
/// contexts of their own; `company` is an attribute and tags stay names.
pub(crate) const CUSTOMERS: FamilySpec = FamilySpec {
    path: "customers",
    kind: "customer",
    context: "customer",
    external_id_key: Some("externalId"),
    create: "CreateCustomer",
    put: "UpdateCustomer",
    patch: "UpdateCustomerAttributes",
    bulk_create: "BulkCreateCustomers",
    bulk_update: "BulkBatchUpdateCustomers",
    replace: true,
    deletable: true,
    bulk_delete: true,
    lookups: &["email", "phone"],
    list_default: 30,
    bulk_contexts: [
        "api.sobjects.customers.bulk-create",
        "api.sobjects.customers.bulk-update",
        "api.sobjects.customers.bulk-delete",
    ],
    relations: &[],
    tag_ids: false,
    unique_external_id: true,
    check: Some(crate::limits::customer),
    ..READ_ONLY
};

/// Custom objects: `/klasses/{name}`, one collection per klass.
pub(crate) const KOBJECTS: FamilySpec = FamilySpec {
    path: "klasses",
    kind: "kobject",
    context: "kobject",
    external_id_key: Some("externalId"),
    create: "CreateKObject",
    put: "UpdateKObject",
    bulk_create: "BulkCreateKObjects",
    bulk_update: "BulkBatchUpdateKObjects",
    deletable: true,
    bulk_delete: true,
    scoped: true,
    parents: &[
        ("customers", "customer", Some("CreateCustomerKObject")),
        ("companies", "company", None),
    ],
    ..READ_ONLY
};

/// `/auth/tokens`: listed, read and deleted as any family; created by a login (`access`).
pub(crate) const AUTH_TOKENS: FamilySpec = FamilySpec {
    path: "auth/tokens",
    kind: "auth_token",
    deletable: true,
    ..READ_ONLY
};

/// `/shortcuts/categories`, read only.
pub(crate) const SHORTCUT_CATEGORIES: FamilySpec = FamilySpec {
    path: "shortcuts/categories",
    kind: "shortcut-category",
    ..READ_ONLY
};

/// One collection of a family: the family, and the klass for custom objects.
#[derive(Debug, Clone)]
pub(crate) struct Collection {
    pub(crate) spec: &'static FamilySpec,
    pub(crate) scope: Option<String>,
}

impl Collection {
    pub(crate) fn of(spec: &'static FamilySpec) -> Self {
        Self { spec, scope: None }
    }

    /// Where the store keeps its records: `companies`, `klasses/order`.
    pub(crate) fn key(&self) -> String {
        match &self.scope {
            Some(name) => format!("{}/{name}", self.spec.path),
            None => self.spec.path.to_owned(),
        }
    }

    /// Its records' `type`.
    pub(crate) fn kind(&self) -> String {
        match &self.scope {
            Some(name) => format!("{}.{name}", self.spec.kind),
            None => self.spec.kind.to_owned(),
        }
    }

    /// A record's `links.self`: custom objects' use the pluralised klass name, as the API's do.
    pub(crate) fn self_link(&self, id: &str) -> String {
        match &self.scope {
            Some(name) => format!("/v1/{}/{name}s/{id}", self.spec.path),
            None => format!("/v1/{}/{id}", self.spec.path),
        }
    }
}
