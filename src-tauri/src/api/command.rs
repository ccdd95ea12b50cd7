//! The shape of a command: a name, the permission it needs, a request and a response type
//! (both generated for the UI), and the function that runs it against a store.

use std::time::Duration;

use base64::Engine;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use ts_rs::{Config, TS};

use super::{Caller, Permission};
use crate::error::{AppError, ErrorCode};
use crate::fonts::FontCache;
use crate::store::{Clock, Store};

/// What a command runs with: the caller's store, who the caller is, the clock and the fonts.
pub struct Env<'a> {
    pub store: &'a mut dyn Store,
    pub caller: &'a Caller,
    pub clock: &'a dyn Clock,
    pub fonts: &'a FontCache,
    /// How long an article stays checked out without a renewal.
    pub lease_ttl: Duration,
}

impl std::fmt::Debug for Env<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Env").field("caller", self.caller).finish_non_exhaustive()
    }
}

/// A request as it arrives: JSON arguments, or a file's bytes with their metadata in headers
/// (a file as a JSON array of numbers would be several times its size).
#[derive(Debug, Clone, PartialEq)]
pub enum Body {
    Json(serde_json::Value),
    Raw { bytes: Vec<u8>, headers: Vec<(String, String)> },
}

impl Body {
    pub fn header(&self, name: &str) -> Option<&str> {
        match self {
            Body::Json(_) => None,
            Body::Raw { headers, .. } => headers
                .iter()
                .find(|(key, _)| key.eq_ignore_ascii_case(name))
                .map(|(_, value)| value.as_str()),
        }
    }
}

/// An answer as it leaves: JSON, or bytes (a font file for the preview).
#[derive(Debug, Clone, PartialEq)]
pub enum Reply {
    Json(serde_json::Value),
    Raw(Vec<u8>),
}

/// One operation of the service, the same for the desktop window, the browser, the CLI and
/// the office server.
pub trait Command {
    const NAME: &'static str;
    /// What the command does, as a refusal says it: 只有编辑可以「修改正文」.
    const WHAT: &'static str;
    const MAY: Permission;
    type Request: Serialize + DeserializeOwned + TS;
    type Response: Serialize + DeserializeOwned + TS;

    fn run(env: &mut Env, request: Self::Request) -> Result<Self::Response, AppError>;

    /// The request's TypeScript type in the generated contract.
    fn request_ts(cfg: &Config) -> String {
        <Self::Request as TS>::name(cfg)
    }

    fn response_ts(cfg: &Config) -> String {
        <Self::Response as TS>::name(cfg)
    }

    fn parse(body: Body) -> Result<Self::Request, AppError> {
        match body {
            Body::Json(value) => serde_json::from_value(value).map_err(|e| malformed(Self::NAME, &e)),
            Body::Raw { .. } => Err(malformed(Self::NAME, &"文件内容")),
        }
    }

    fn encode(request: &Self::Request) -> Body {
        Body::Json(serde_json::to_value(request).expect("requests serialize without failure"))
    }

    fn reply(response: Self::Response) -> Reply {
        Reply::Json(serde_json::to_value(response).expect("responses serialize without failure"))
    }

    fn decode(reply: Reply) -> Result<Self::Response, AppError> {
        match reply {
            Reply::Json(value) => {
                serde_json::from_value(value).map_err(|e| answer_unreadable(Self::NAME, &e))
            }
            Reply::Raw(_) => Err(answer_unreadable(Self::NAME, &"收到的是文件内容")),
        }
    }
}

/// The arguments could not be read: a client of another version, or a hand-made request.
pub fn malformed(command: &str, detail: &dyn std::fmt::Display) -> AppError {
    AppError::invalid(format!(
        "请求“{command}”的内容不完整或格式不对（{detail}），什么也没有改动；请刷新页面或升级客户端后重试"
    ))
}

fn answer_unreadable(command: &str, detail: &dyn std::fmt::Display) -> AppError {
    AppError::new(
        ErrorCode::Internal,
        format!(
            "服务器对“{command}”的答复无法读取（{detail}）；客户端与服务器的版本可能不一致，请升级后重试"
        ),
    )
}

/// A command without arguments: `{}`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct NoArgs {}

/// A command without an answer beyond success.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Done {}

/// File contents inside JSON, as base64 (`string` in TypeScript).
#[derive(Clone, PartialEq, Eq, Default, TS)]
pub struct Bytes(#[ts(type = "string")] pub Vec<u8>);

impl std::fmt::Debug for Bytes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Bytes({} bytes)", self.0.len())
    }
}

impl Serialize for Bytes {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&base64::engine::general_purpose::STANDARD.encode(&self.0))
    }
}

impl<'de> Deserialize<'de> for Bytes {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        base64::engine::general_purpose::STANDARD.decode(text).map(Bytes).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_travel_as_base64_and_come_back_whole() {
        let bytes = Bytes(vec![0, 1, 2, 250, 255]);
        let json = serde_json::to_string(&bytes).expect("serializes");
        assert_eq!(json, "\"AAEC+v8=\"");
        assert_eq!(serde_json::from_str::<Bytes>(&json).expect("reads back"), bytes);
    }

    #[test]
    fn no_args_reads_an_empty_object() {
        assert_eq!(serde_json::from_str::<NoArgs>("{}").expect("empty object"), NoArgs {});
    }
}
