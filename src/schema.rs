//! A JSON Schema of assessment format 1, for editors (yaml-language-server).

use serde_json::{Value, json};

/// The schema document.
pub fn schema() -> Value {
    let id = json!({ "type": "string", "pattern": "^[a-z0-9][a-z0-9_-]*$" });
    let weights = json!({
        "type": "object",
        "description": "Weight toward each track id: a finite number, negative allowed.",
        "additionalProperties": { "type": "number" }
    });
    let scale = json!({
        "type": "object",
        "additionalProperties": false,
        "properties": {
            "min": { "type": "integer", "default": 1 },
            "max": { "type": "integer", "default": 5, "description": "Greater than min; at most 11 points." },
            "labels": { "type": "array", "items": { "type": "string" }, "description": "Exactly max - min + 1 labels." }
        }
    });
    let option = json!({
        "type": "object",
        "additionalProperties": false,
        "required": ["id", "label"],
        "properties": { "id": id, "label": { "type": "string" }, "weights": weights }
    });
    let steps = json!({
        "type": "array",
        "items": {
            "oneOf": [
                { "type": "string" },
                {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["step"],
                    "properties": {
                        "step": { "type": "string" },
                        "show_if": { "$ref": "#/definitions/condition", "description": "Offered only when this holds for the person's answers; may name any question" }
                    }
                }
            ]
        }
    });
    json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "crossroads assessment, format 1",
        "type": "object",
        "additionalProperties": false,
        "required": ["format", "id", "title", "tracks", "sections"],
        "definitions": {
            "condition": {
                "type": "object",
                "additionalProperties": false,
                "description": "One test: question with is / in / at_least / at_most / answered; or all / any / not.",
                "properties": {
                    "question": id,
                    "is": { "type": "string" },
                    "in": { "type": "array", "items": { "type": "string" }, "minItems": 1 },
                    "at_least": { "type": "number" },
                    "at_most": { "type": "number" },
                    "answered": { "type": "boolean" },
                    "all": { "type": "array", "items": { "$ref": "#/definitions/condition" }, "minItems": 1 },
                    "any": { "type": "array", "items": { "$ref": "#/definitions/condition" }, "minItems": 1 },
                    "not": { "$ref": "#/definitions/condition" }
                }
            },
            "question": {
                "type": "object",
                "additionalProperties": false,
                "required": ["id", "type", "text"],
                "properties": {
                    "id": id,
                    "type": { "enum": ["likert", "choice", "multi", "rank", "text"] },
                    "text": { "type": "string" },
                    "help": { "type": "string" },
                    "coach": { "type": "string", "description": "Shown only in coach mode and coach reports." },
                    "required": { "type": "boolean", "default": false },
                    "show_if": { "$ref": "#/definitions/condition" },
                    "weights": weights,
                    "reverse": { "type": "boolean", "default": false },
                    "scale": scale,
                    "options": { "type": "array", "items": option, "minItems": 2 },
                    "min": { "type": "integer", "minimum": 0 },
                    "max": { "type": "integer", "minimum": 0 },
                    "max_length": { "type": "integer", "minimum": 0, "default": 2000 },
                    "shuffle": { "type": "boolean", "description": "choice, multi and rank: show the options in an order drawn once per session (default: the file's shuffle)" }
                }
            }
        },
        "properties": {
            "format": { "const": 1 },
            "id": { "type": "string", "pattern": "^[a-z0-9][a-z0-9-]*$" },
            "title": { "type": "string" },
            "version": { "type": ["string", "number"] },
            "description": { "type": "string" },
            "estimated_minutes": { "type": "integer", "minimum": 1 },
            "tie_margin": { "type": "number", "minimum": 0, "default": 5 },
            "shuffle": { "type": "boolean", "default": false, "description": "Show the options of choice, multi and rank questions in an order drawn once per session, unless a question says otherwise; scoring never depends on it" },
            "scale": scale,
            "bands": {
                "type": "array",
                "items": {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["min", "label"],
                    "properties": {
                        "min": { "type": "number" },
                        "label": { "type": "string" },
                        "message": { "type": "string" }
                    }
                }
            },
            "tracks": {
                "type": "array",
                "minItems": 2,
                "items": {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["id", "name"],
                    "properties": {
                        "id": id,
                        "name": { "type": "string" },
                        "short": { "type": "string", "maxLength": 12 },
                        "summary": { "type": "string" },
                        "strengths": { "type": "array", "items": { "type": "string" } },
                        "growth": steps
                    }
                }
            },
            "blends": {
                "type": "array",
                "description": "Steps for a result that is a blend of two tracks: what helps choose between them",
                "items": {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["tracks", "growth"],
                    "properties": {
                        "tracks": { "type": "array", "items": id, "minItems": 2, "maxItems": 2 },
                        "growth": steps
                    }
                }
            },
            "axes": {
                "type": "array",
                "items": {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["id", "left", "right"],
                    "properties": { "id": id, "left": id, "right": id, "label": { "type": "string" } }
                }
            },
            "sections": {
                "type": "array",
                "minItems": 1,
                "items": {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["id", "title", "questions"],
                    "properties": {
                        "id": id,
                        "title": { "type": "string" },
                        "intro": { "type": "string" },
                        "questions": { "type": "array", "minItems": 1, "items": { "$ref": "#/definitions/question" } }
                    }
                }
            }
        }
    })
}
