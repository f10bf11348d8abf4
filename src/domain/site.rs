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
}
