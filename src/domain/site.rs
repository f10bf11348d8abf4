//! Where the app is hosted: a regency puts the build under any sub-path of
//! its website, and routes and the service worker scope follow from it.

/// The folder path of the document's base URL, without the trailing slash:
/// `https://kab.go.id/dinsos/pandu/` gives `/dinsos/pandu`, a site root
/// gives `""`. A file name after the last slash is not part of the folder.
pub fn base_path_of(url: &str) -> String {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = after_scheme.find('/').map_or("", |i| &after_scheme[i..]);
    let path = path.split(['?', '#']).next().unwrap_or("");
    path.rfind('/').map_or("", |i| &path[..i]).to_string()
}

/// An in-app link: `join("/pandu", "settings")` is `/pandu/settings`,
/// `join("", "")` is `/`.
pub fn join(base: &str, route: &str) -> String {
    format!("{base}/{}", route.trim_start_matches('/'))
}

/// The folder of the office workspace below the app (`<sub-path>/kantor/`).
pub const OFFICE_DIR: &str = "kantor";

/// The app's own folder from a wing's base path: the office wing's
/// `/pandu/kantor` gives `/pandu`; the village wing's base is the app's.
pub fn app_root(base: &str, wing_dir: &str) -> String {
    if wing_dir.is_empty() {
        return base.to_string();
    }
    base.strip_suffix(wing_dir)
        .and_then(|b| b.strip_suffix('/'))
        .unwrap_or(base)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_path_is_the_folder_of_the_base_url() {
        for (url, expected) in [
            ("http://127.0.0.1:8080/", ""),
            ("http://127.0.0.1:8080", ""),
            ("http://127.0.0.1:8080/pandu/", "/pandu"),
            ("https://kab.go.id/dinsos/pandu/", "/dinsos/pandu"),
            ("https://kab.go.id/dinsos/pandu/index.html", "/dinsos/pandu"),
            ("https://kab.go.id/pandu/?x=1#y", "/pandu"),
        ] {
            assert_eq!(base_path_of(url), expected, "{url}");
        }
    }

    #[test]
    fn links_join_the_base_and_the_route() {
        assert_eq!(join("", ""), "/");
        assert_eq!(join("", "settings"), "/settings");
        assert_eq!(join("/pandu", "/about"), "/pandu/about");
        assert_eq!(join("/dinsos/pandu", ""), "/dinsos/pandu/");
    }

    #[test]
    fn the_app_root_is_the_office_wings_parent_folder() {
        assert_eq!(app_root("/pandu/kantor", OFFICE_DIR), "/pandu");
        assert_eq!(
            app_root("/dinsos/pandu/kantor", OFFICE_DIR),
            "/dinsos/pandu"
        );
        assert_eq!(app_root("/kantor", OFFICE_DIR), "");
        assert_eq!(app_root("/pandu", ""), "/pandu");
        assert_eq!(app_root("", ""), "");
        // A base not in the folder is left as it is.
        assert_eq!(app_root("/pandu", OFFICE_DIR), "/pandu");
        assert_eq!(
            join(&app_root("/kantor", OFFICE_DIR), "packs/index.json"),
            "/packs/index.json"
        );
    }
}
