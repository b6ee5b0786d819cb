package dev.postwright.llm.prompt;

/**
 * JSON schemas of the replies {@link Replies} reads, for writers that can hold a model to a
 * grammar (the built-in model): the model then cannot reply with anything else, so even a small
 * one returns JSON that parses. The bounds keep a rambling model from filling its context with
 * one field; they are wider than the prompts ask for, so a good reply is never cut.
 */
public final class ReplySchemas {
    private ReplySchemas() {}

    public static final String OUTLINE = """
            {"type": "object", "properties": {
              "title": {"type": "string", "minLength": 3, "maxLength": 120},
              "kind": {"enum": ["how-to", "list", "guide", "comparison", "article"]},
              "sections": {"type": "array", "minItems": 3, "maxItems": 8, "items": {
                "type": "object", "properties": {
                  "heading": {"type": "string", "minLength": 3, "maxLength": 120},
                  "points": {"type": "array", "minItems": 1, "maxItems": 5,
                             "items": {"type": "string", "minLength": 3, "maxLength": 240}}},
                "required": ["heading", "points"], "additionalProperties": false}}},
             "required": ["title", "kind", "sections"], "additionalProperties": false}""";

    public static final String METADATA = """
            {"type": "object", "properties": {
              "title": {"type": "string", "minLength": 3, "maxLength": 120},
              "subtitle": {"type": "string", "maxLength": 240},
              "metaDescription": {"type": "string", "minLength": 50, "maxLength": 200},
              "tags": {"type": "array", "maxItems": 8, "items": {"type": "string", "minLength": 1, "maxLength": 40}},
              "seoKeywords": {"type": "array", "maxItems": 10, "items": {"type": "string", "minLength": 1, "maxLength": 60}},
              "estimatedReadTime": {"type": "string", "maxLength": 20}},
             "required": ["title", "subtitle", "metaDescription", "tags", "seoKeywords", "estimatedReadTime"],
             "additionalProperties": false}""";

    public static final String VISUALS = """
            {"type": "object", "properties": {
              "visualContentSuggestions": {"type": "array", "minItems": 1, "maxItems": 8, "items": {
                "type": "object", "properties": {
                  "type": {"enum": ["featured-image", "image", "chart", "infographic"]},
                  "title": {"type": "string", "minLength": 1, "maxLength": 120},
                  "description": {"type": "string", "maxLength": 300},
                  "placement": {"type": "string", "minLength": 1, "maxLength": 160},
                  "prompt": {"type": "string", "minLength": 1, "maxLength": 400},
                  "altText": {"type": "string", "minLength": 1, "maxLength": 200},
                  "priority": {"enum": ["high", "medium", "low"]}},
                "required": ["type", "title", "description", "placement", "prompt", "altText", "priority"],
                "additionalProperties": false}}},
             "required": ["visualContentSuggestions"], "additionalProperties": false}""";
}
