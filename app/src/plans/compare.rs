//! What changed between two versions of a plan, item by item (matched by item key).

use super::{Difference, ItemDifference, ItemFields};

/// Items are `(key, fields)` in plan order. The differences come in the order of the
/// newer version, then the removed items in the order of the older one.
pub fn differences(before: &[(i64, ItemFields)], after: &[(i64, ItemFields)]) -> Vec<ItemDifference> {
    let find = |items: &[(i64, ItemFields)], key: i64| items.iter().find(|(k, _)| *k == key).map(|(_, f)| f.clone());
    let mut out = Vec::new();
    for (key, fields) in after {
        match find(before, *key) {
            None => out.push(ItemDifference {
                item_key: *key,
                difference: Difference::Added,
                before: None,
                after: Some(fields.clone()),
            }),
            Some(old) if old != *fields => out.push(ItemDifference {
                item_key: *key,
                difference: Difference::Changed,
                before: Some(old),
                after: Some(fields.clone()),
            }),
            Some(_) => {}
        }
    }
    for (key, fields) in before {
        if find(after, *key).is_none() {
            out.push(ItemDifference {
                item_key: *key,
                difference: Difference::Removed,
                before: Some(fields.clone()),
                after: None,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(what: &str) -> ItemFields {
        ItemFields {
            what: what.into(),
            owner: None,
            due_on: None,
            why: "omdat".into(),
            milestone_id: None,
            reunification_step_id: None,
        }
    }

    #[test]
    fn the_same_items_make_no_differences() {
        let items = vec![(1, item("Werk zoeken")), (2, item("Huis vinden"))];
        assert!(differences(&items, &items).is_empty());
    }

    #[test]
    fn added_changed_and_removed_items_are_each_named_once() {
        let before = vec![(1, item("Werk zoeken")), (2, item("Huis vinden")), (3, item("Cursus"))];
        let after = vec![
            (1, item("Werk zoeken")),
            (2, item("Een huis huren")),
            (4, item("Rijbewijs")),
        ];
        let found: Vec<(i64, Difference)> = differences(&before, &after)
            .iter()
            .map(|d| (d.item_key, d.difference))
            .collect();
        assert_eq!(
            found,
            vec![
                (2, Difference::Changed),
                (4, Difference::Added),
                (3, Difference::Removed)
            ]
        );
        let changed = &differences(&before, &after)[0];
        assert_eq!(changed.before.as_ref().unwrap().what, "Huis vinden");
        assert_eq!(changed.after.as_ref().unwrap().what, "Een huis huren");
    }
}
