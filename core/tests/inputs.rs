//! Every input with custom attributes takes them through the same typed setters.

// Test helpers may unwrap: a panic here is a failing test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use kustomer::companies::CompanyInput;
use kustomer::conversations::{ConversationInput, ConversationUpdate};
use kustomer::custom_objects::KObjectInput;
use kustomer::customers::CustomerInput;
use kustomer::messages::{MessageInput, MessageUpdate};
use kustomer::models::Channel;
use kustomer::tracking::TrackingIdentityInput;
use serde_json::{Value, json};

fn custom(input: &impl serde::Serialize) -> Value {
    let body = serde_json::to_value(input).expect("an input serializes");
    body.get("custom").cloned().unwrap_or_default()
}

#[test]
fn every_input_with_custom_attributes_sets_them_typed() {
    let expected = json!({
        "tierStr": "gold", "ordersNum": 2.0, "vipBool": true, "renewsAt": "2025-01-01T00:00:00.000Z"
    });
    macro_rules! set {
        ($input:expr) => {
            $input
                .custom_str("tierStr", "gold")
                .custom_num("ordersNum", 2.0)
                .custom_bool("vipBool", true)
                .custom_at("renewsAt", kustomer::Timestamp::constant(1_735_689_600, 0))
        };
    }
    assert_eq!(custom(&set!(CustomerInput::new())), expected);
    assert_eq!(custom(&set!(CompanyInput::new())), expected);
    assert_eq!(custom(&set!(ConversationInput::new())), expected);
    assert_eq!(custom(&set!(ConversationUpdate::new())), expected);
    assert_eq!(
        custom(&set!(MessageInput::inbound(Channel::Email, "postmark"))),
        expected
    );
    assert_eq!(custom(&set!(MessageUpdate::new())), expected);
    assert_eq!(custom(&set!(KObjectInput::new("Order #7"))), expected);
    assert_eq!(
        custom(&set!(TrackingIdentityInput::email("ada@example.com"))),
        expected
    );
}
