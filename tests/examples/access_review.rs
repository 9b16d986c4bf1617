//! An access review: every user of the org with their role groups and teams, then the auth
//! tokens of the key's user (their values are never printed: only their last characters), as
//! tables. Read only.
//!
//! ```text
//! cargo run -p kustomer-fake --example access_review                      # against the embedded fake server
//! KUSTOMER_API_KEY=... cargo run -p kustomer-fake --example access_review # against your org (reads only)
//! ```

use std::collections::HashMap;
use std::process::ExitCode;

use kustomer::Client;
use kustomer::auth_tokens::ListAuthTokens;
use kustomer::role_groups::ListRoleGroups;
use kustomer::teams::ListTeams;
use kustomer::users::ListUsers;
use kustomer_ureq::UreqTransport;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let (config, _fake) = kustomer_fake::env_or_fake(|_| {})?;
    let client = Client::new(config, UreqTransport::new());

    // Names by ID, each list read once.
    let groups: HashMap<String, String> = client
        .role_groups()
        .list(ListRoleGroups::new())
        .map(|g| g.map(|g| (g.id, g.attributes.name.unwrap_or_default())))
        .collect::<Result<_, _>>()?;
    let mut teams_of: HashMap<String, Vec<String>> = HashMap::new();
    for team in client.teams().list(ListTeams::new().page_size(500)) {
        let team = team?;
        let name = team.attributes.name.clone().unwrap_or_default();
        for member in &team.attributes.members {
            teams_of
                .entry(member.clone())
                .or_default()
                .push(name.clone());
        }
    }
    let names = |ids: &[String], known: &HashMap<String, String>| -> String {
        let listed: Vec<&str> = ids
            .iter()
            .map(|id| known.get(id).map_or(id.as_str(), String::as_str))
            .collect();
        if listed.is_empty() {
            "-".to_owned()
        } else {
            listed.join(", ")
        }
    };

    println!(
        "{:<24} {:<28} {:<8} {:<28} teams",
        "user", "email", "type", "role groups"
    );
    let mut users = 0;
    for user in client.users().list(ListUsers::new().page_size(500)) {
        let user = user?;
        let a = &user.attributes;
        let teams = teams_of
            .get(&user.id)
            .map_or_else(|| "-".to_owned(), |t| t.join(", "));
        println!(
            "{:<24} {:<28} {:<8} {:<28} {teams}",
            a.display_name
                .as_deref()
                .or(a.name.as_deref())
                .unwrap_or("-"),
            a.email.as_deref().unwrap_or("-"),
            a.user_type.as_ref().map(|v| v.as_str()).unwrap_or("-"),
            names(&a.role_groups, &groups),
        );
        users += 1;
    }
    println!("{users} users");
    println!();

    println!("{:<26} {:<16} {:<10} roles", "token", "name", "ends in");
    let mut tokens = 0;
    for token in client.auth_tokens().list(ListAuthTokens::new()) {
        let token = token?;
        let a = &token.attributes;
        println!(
            "{:<26} {:<16} …{:<9} {}",
            token.id,
            a.name.as_deref().unwrap_or("-"),
            a.last_token_chars.as_deref().unwrap_or("?"),
            a.roles.join(", "),
        );
        tokens += 1;
    }
    println!("{tokens} tokens");
    Ok(())
}
