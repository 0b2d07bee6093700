//! What the two generated OpenAPI documents (the Content API's and the Admin API's) share:
//! the one error answer, and the site's own values for the parameters that name an edition or
//! a section, filled in when a document is served.

use dateline_newsroom::SiteData;
use serde::Serialize;
use serde_json::{Value, json};
use utoipa::openapi::content::ContentBuilder;
use utoipa::openapi::response::{Response, ResponseBuilder};
use utoipa::openapi::{Ref, RefOr};

/// Text or video: a story's kind, as both APIs write it.
#[derive(Serialize, serde::Deserialize, utoipa::ToSchema, Clone, Copy)]
#[serde(rename_all = "lowercase")]
pub(crate) enum StoryKind {
    Text,
    Video,
}

impl From<dateline_core::StoryKind> for StoryKind {
    fn from(kind: dateline_core::StoryKind) -> StoryKind {
        match kind {
            dateline_core::StoryKind::Text => StoryKind::Text,
            dateline_core::StoryKind::Video => StoryKind::Video,
        }
    }
}

/// An answer with the error body, `{"error": {"code", "message"}}`.
pub(crate) fn error_answer(description: &str) -> RefOr<Response> {
    let content = ContentBuilder::new().schema(Some(Ref::from_schema_name("Error"))).build();
    ResponseBuilder::new().description(description).content("application/json", content).build().into()
}

/// Gives every parameter named `edition` (and every `edition` of a request body) the site's
/// edition codes as its values, and every query parameter named `section` (and `section_id`
/// of a request body) the site's section ids, so that what the document allows is what the
/// server accepts.
pub(crate) fn describe_site(document: &mut Value, site: &SiteData) {
    let editions: Vec<Value> = site.editions.iter().map(|e| json!(e.code.as_str())).collect();
    let sections: Vec<Value> = site.sections.iter().map(|s| json!(s.id.0)).collect();
    // Request bodies (the components named `…Body`) name an edition or a section the same way.
    if let Some(schemas) = document.pointer_mut("/components/schemas").and_then(Value::as_object_mut) {
        for (_, schema) in schemas.iter_mut().filter(|(name, _)| name.ends_with("Body")) {
            for (property, values) in [("edition", &editions), ("section_id", &sections)] {
                let field = schema.get_mut("properties").and_then(|p| p.get_mut(property));
                if let Some(field) = field.filter(|f| f.is_object() && !values.is_empty()) {
                    field["enum"] = Value::Array(values.clone());
                }
            }
        }
    }
    let Some(paths) = document.get_mut("paths").and_then(Value::as_object_mut) else { return };
    for item in paths.values_mut() {
        let Some(item) = item.as_object_mut() else { continue };
        for operation in item.values_mut() {
            let Some(parameters) = operation.get_mut("parameters").and_then(Value::as_array_mut) else { continue };
            for parameter in parameters {
                let values = match parameter["name"].as_str() {
                    Some("edition") => &editions,
                    Some("section") if parameter["in"] == "query" => &sections,
                    _ => continue,
                };
                let schema = &mut parameter["schema"];
                if schema.is_object() && !values.is_empty() {
                    schema["enum"] = Value::Array(values.clone());
                }
            }
        }
    }
}
