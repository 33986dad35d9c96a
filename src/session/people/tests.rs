use super::*;

#[test]
fn a_plain_name_keeps_its_words() {
    assert_eq!(slug("sam lee", 48), "sam-lee");
    assert_eq!(slug(&key(Some("  Sam   Lee ")), 48), "sam-lee");
    assert_eq!(key(Some("Sam Lee")), key(Some("sam  lee")));
}

#[test]
fn anything_lost_adds_a_hash_so_names_never_collide() {
    let names = [
        "sam lee", "sam-lee", "sam_lee", "sam  lee", "sam lee ", " sam lee", "Sam Lee", "sam.lee",
        "josé", "jose", "李雷", "..", "", "-", "a", "a-",
    ];
    let slugs: Vec<String> = names.iter().map(|n| slug(n, 48)).collect();
    for (i, a) in slugs.iter().enumerate() {
        for (j, b) in slugs.iter().enumerate() {
            assert!(
                i == j || a != b,
                "{:?} and {:?} share {a}",
                names[i],
                names[j]
            );
        }
    }
    assert!(slug("sam-lee", 48).starts_with("sam-lee_"));
    assert!(slug("李雷", 48).starts_with('_'));
}

#[test]
fn a_slug_is_safe_in_a_file_name() {
    for n in [
        "../../etc/passwd",
        "a/b",
        "C:\\x",
        ".hidden",
        "nul\0byte",
        "...",
    ] {
        let s = slug(n, 48);
        assert!(
            s.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_'),
            "{s}"
        );
        assert!(!s.starts_with('.'), "{s}");
    }
}

#[test]
fn long_names_and_ids_are_capped_and_still_differ() {
    let long = "x".repeat(300);
    let other = format!("{}y", "x".repeat(299));
    let (a, b) = (
        slug_with(&long, '-', ID_CAP),
        slug_with(&other, '-', ID_CAP),
    );
    assert_eq!(slug_with("career-tracks", '-', ID_CAP), "career-tracks");
    assert_ne!(slug_with("Career-tracks", '-', ID_CAP), "career-tracks");
    assert!(a.len() <= ID_CAP + 11, "{a}");
    assert_ne!(a, b);
    let dir = tempfile::tempdir().unwrap();
    let path = new_file(dir.path(), &long, Timestamp::from_secs(0));
    assert!(path.file_name().unwrap().len() < 100, "{}", path.display());
    std::fs::write(&path, "x").unwrap();
    assert_ne!(new_file(dir.path(), &long, Timestamp::from_secs(0)), path);
}

#[test]
fn a_new_file_is_named_by_assessment_and_time() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_file(
        dir.path(),
        "career-tracks",
        Timestamp::from_secs(86_400 + 61),
    );
    assert_eq!(
        path.file_name().unwrap(),
        "career-tracks-19700102-000101.yaml"
    );
}

#[test]
fn the_self_person_has_no_stored_name() {
    assert_eq!(stored_name(Some("me")), None);
    assert_eq!(stored_name(Some(" ME ")), None);
    assert_eq!(stored_name(None), None);
    assert_eq!(stored_name(Some("Ada")).as_deref(), Some("Ada"));
    assert_eq!(possessive(None), "Your");
    assert_eq!(possessive(Some("Sam Lee")), "Sam Lee's");
    assert_eq!(
        folder(Path::new("/d"), Some("Me")),
        Path::new("/d/people/me")
    );
}

#[test]
fn a_name_typed_composed_and_decomposed_is_one_key_and_one_folder() {
    let (composed, decomposed) = ("Jos\u{e9}", "Jose\u{301}");
    assert_eq!(key(Some(composed)), key(Some(decomposed)));
    assert_eq!(stored_name(Some(decomposed)).as_deref(), Some(composed));
    let root = Path::new("/d");
    assert_eq!(folder(root, Some(composed)), folder(root, Some(decomposed)));
}

#[test]
fn bidi_marks_and_zero_width_characters_are_no_part_of_a_name() {
    for pasted in [
        "Ana\u{200F}",
        "Ana\u{200E}",
        "\u{202E}Ana",
        "\u{2066}Ana\u{2069}",
        "An\u{061C}a",
        "A\u{200B}na",
        "Ana\u{200D}",
        "\u{FEFF}Ana",
        "Ana\u{1b}[31m",
    ] {
        assert_eq!(key(Some(pasted)), "ana", "{pasted:?}");
        assert_eq!(
            stored_name(Some(pasted)).as_deref(),
            Some("Ana"),
            "{pasted:?}"
        );
    }
}

#[test]
fn the_stored_name_collapses_white_space_and_keeps_its_case() {
    let stored = stored_name(Some("  Sam\t\n  Lee \u{200B} "));
    assert_eq!(stored.as_deref(), Some("Sam Lee"));
    assert_eq!(key(stored.as_deref()), "sam lee");
    assert_eq!(stored_name(Some("\u{200F} me \u{FEFF}")), None);
}

/// A session file of `name` in `dir`, as far as [`found`] reads it.
fn session_in(dir: &Path, file: &str, name: &str) {
    std::fs::create_dir_all(dir).unwrap();
    let text = format!("assessment: a\nanswers: {{}}\nsession:\n  name: {name}\n");
    std::fs::write(dir.join(file), text).unwrap();
}

#[test]
fn two_names_whose_slugs_collide_never_share_a_folder() {
    let root = tempfile::tempdir().unwrap();
    let (root, shared) = (root.path(), "x_0123456789");
    let people = root.join("people");
    let alice = folder_for(root, "alice", shared);
    assert_eq!(alice, people.join(shared));
    session_in(&alice, "a-1.yaml", "Alice");
    let bob = folder_for(root, "bob", shared);
    assert_eq!(bob, people.join(format!("{shared}-2")));
    session_in(&bob, "a-1.yaml", "Bob");
    // The same disk gives the same folders, to find as to create.
    assert_eq!(folder_for(root, "alice", shared), alice);
    assert_eq!(folder_for(root, "bob", shared), bob);
    assert_eq!(
        folder_for(root, "carol", shared),
        people.join(format!("{shared}-3"))
    );
}

#[test]
fn a_person_keeps_their_folder_after_the_first_one_is_emptied() {
    let root = tempfile::tempdir().unwrap();
    let (root, shared) = (root.path(), "x_0123456789");
    let people = root.join("people");
    std::fs::create_dir_all(people.join(shared)).unwrap();
    session_in(&people.join(format!("{shared}-2")), "a-1.yaml", "Bob");
    assert_eq!(
        folder_for(root, "bob", shared),
        people.join(format!("{shared}-2"))
    );
}

#[test]
fn a_person_whose_folder_holds_another_persons_sessions_gets_the_next_and_finds_only_theirs() {
    let root = tempfile::tempdir().unwrap();
    let root = root.path();
    let bobs = root
        .join("people")
        .join(slug(&key(Some("Bob")), PERSON_CAP));
    session_in(&bobs, "a-1.yaml", "Alice");
    let folder = folder(root, Some("Bob"));
    assert_eq!(folder, root.join("people/bob-2"));
    session_in(&folder, "a-2.yaml", "Bob");
    let all = all_of(root, Some("Bob"));
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].path, folder.join("a-2.yaml"));
    assert_eq!(
        all_of(root, Some("Alice")).len(),
        0,
        "not in Alice's folder"
    );
}

fn session(file: &str, updated: Option<i64>, answered: usize) -> Found {
    Found {
        path: PathBuf::from(file),
        assessment: "a".into(),
        meta: Meta {
            updated: updated.map(Timestamp::from_secs),
            ..Meta::default()
        },
        answered,
    }
}

fn files(sessions: Vec<Found>) -> Vec<String> {
    sessions
        .iter()
        .map(|f| f.path.display().to_string())
        .collect()
}

#[test]
fn the_latest_session_is_the_one_changed_last() {
    let now = Timestamp::from_secs(1000);
    let all = vec![
        session("b", Some(500), 1),
        session("a", Some(900), 1),
        session("c", None, 1),
    ];
    assert_eq!(files(newest_first(all, now, Latest::Any)), ["a", "b", "c"]);
}

#[test]
fn a_session_stamped_in_the_future_is_older_than_any_other() {
    let now = Timestamp::from_secs(1000);
    let all = vec![
        session("future", Some(5000), 3),
        session("past", Some(10), 1),
    ];
    let order = files(newest_first(all, now, Latest::Answered));
    assert_eq!(order, ["past", "future"]);
}

#[test]
fn an_empty_session_is_never_the_latest_with_answers_but_run_reopens_it() {
    let now = Timestamp::from_secs(1000);
    let all = || vec![session("old", Some(100), 4), session("empty", Some(900), 0)];
    assert_eq!(files(newest_first(all(), now, Latest::Answered)), ["old"]);
    assert_eq!(
        files(newest_first(all(), now, Latest::Any)),
        ["empty", "old"]
    );
    let answered_later = vec![session("new", Some(950), 2), session("empty", Some(900), 0)];
    assert_eq!(
        files(newest_first(answered_later, now, Latest::Any)),
        ["new", "empty"]
    );
}
