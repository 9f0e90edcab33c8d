//! Page metadata from the HTML head, JSON-LD and microdata.
