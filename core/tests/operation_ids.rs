//! Each kind of operation names its operationId, as the spec spells it, for logs and traces.

// Test helpers may unwrap: a panic here is a failing test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use kustomer::Operation;
use kustomer::attachments::{GetMessageAttachment, UploadFile};
use kustomer::audit_logs::ListAuditLogs;
use kustomer::brands::GetBrand;
use kustomer::conversations::{
    ConversationUpdate, ListConversationEvents, TagConversation, UpdateConversation,
};
use kustomer::custom_objects::{
    BulkKObjects, CreateCustomerKObject, KObjectInput, ListCustomerKObjects,
};
use kustomer::customers::{
    BulkCustomers, CustomerInput, DeleteCustomer, GetCustomer, ListCustomers, LookupCustomer,
    SearchCustomers, UpdateCustomer,
};
use kustomer::drafts::DeleteDraftAttachment;
use kustomer::messages::ListConversationMessages;
use kustomer::models::UploadPolicy;
use kustomer::ops::UpdateMode;
use kustomer::schedules::GetSchedule;
use kustomer::search::SearchQuery;
use kustomer::teams::TeamMembers;
use kustomer::tracking::{CreateTrackingEvent, TrackingEventInput};
use kustomer::users::GetUser;

fn id<O: Operation>(op: &O) -> &'static str {
    op.operation_id()
}

#[test]
fn every_kind_of_operation_names_its_operation_id() {
    let customer = CustomerInput::new().name("Ada");
    let cases: Vec<(&'static str, &'static str)> = vec![
        (id(&GetCustomer::new("x")), "GetCustomerById"),
        (id(&ListCustomers::new()), "GetCustomers"),
        (id(&UpdateCustomer::new("x", &customer)), "UpdateCustomer"),
        (
            id(&UpdateCustomer::new("x", &customer).mode(UpdateMode::Patch)),
            "UpdateCustomerAttributes",
        ),
        (id(&DeleteCustomer::new("x")), "DeleteCustomer"),
        (
            id(&BulkCustomers::create(vec![customer.clone()])),
            "BulkCreateCustomers",
        ),
        (
            id(&BulkCustomers::delete(vec!["x".to_owned()])),
            "BulkDeleteCustomers",
        ),
        (id(&LookupCustomer::by_phone("+1")), "GetCustomerByPhone"),
        (
            id(&SearchCustomers::new(SearchQuery::new())),
            "CustomerSearch",
        ),
        (
            id(&SearchCustomers::new(SearchQuery::new()).archive(true)),
            "CustomerArchiveSearch",
        ),
        (
            id(&UpdateConversation::new("x", ConversationUpdate::new()).mode(UpdateMode::Patch)),
            "UpdateConversationAttributes",
        ),
        (
            id(&TagConversation::remove("x", vec!["a".to_owned()])),
            "RemoveTagsFromConversation",
        ),
        (
            id(&ListConversationEvents::new("x")),
            "GetConversationEvents",
        ),
        (
            id(&ListConversationMessages::new("x")),
            "GetMessagesByConversation",
        ),
        (
            id(&ListCustomerKObjects::within("order", "x")),
            "FindCustomerKObjects",
        ),
        (
            id(&CreateCustomerKObject::within(
                "order",
                "x",
                KObjectInput::new("t"),
            )),
            "CreateCustomerKObject",
        ),
        (
            id(&BulkKObjects::delete_within("order", vec!["x".to_owned()])),
            "BulkDeleteKObjects",
        ),
        (id(&GetBrand::default_brand()), "GetDefaultBrand"),
        (id(&GetBrand::new("x")), "GetBrandById"),
        (id(&GetSchedule::default_schedule()), "GetDefaultSchedule"),
        (
            id(&GetMessageAttachment::new("m", "a")),
            "GetAttachmentByMessageAndAttachmentId",
        ),
        (
            id(&DeleteDraftAttachment::new("d", "a")),
            "DeleteDraftAttachment",
        ),
        (id(&ListAuditLogs::new()), "GetAuditLogs"),
        (
            id(&CreateTrackingEvent::new(TrackingEventInput::new("a.b"))),
            "CreateTrackingEvent",
        ),
        (
            id(&TeamMembers::add("t", vec!["u".to_owned()])),
            "AddTeamMember",
        ),
        (id(&GetUser::current()), "GetCurrentUser"),
    ];
    for (got, want) in cases {
        assert_eq!(got, want);
    }
    // Resource IDs name records, never lookup keys.
    assert_eq!(
        GetCustomer::new("58210c3db0f09110006b7953").resource_id(),
        Some("58210c3db0f09110006b7953")
    );
    assert_eq!(
        LookupCustomer::by_email("ada@example.com").resource_id(),
        None
    );
    let policy = UploadPolicy::new("https://s.example.com/", Default::default());
    let upload = UploadFile::from_bytes(&policy, "a", "t", b"x").unwrap();
    assert_eq!(upload.operation_id(), "UploadFile");
}
