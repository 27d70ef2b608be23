#pragma once
/// \file quarry/backend/postgres/oid.hpp
/// The built-in PostgreSQL type OIDs quarry binds and reads (fixed since PostgreSQL 8; see
/// src/include/catalog/pg_type.dat), and their SQL names for messages.

#include <string>

namespace quarry::postgres {

/// A PostgreSQL type OID (libpq's `Oid` is the same unsigned int).
using oid_t = unsigned int;

namespace oid {
inline constexpr oid_t unknown = 0;  ///< as a parameter type: "let the server infer it"
inline constexpr oid_t bool_ = 16;
inline constexpr oid_t bytea = 17;
inline constexpr oid_t char_ = 18;  ///< "char", the one-byte internal type
inline constexpr oid_t name = 19;
inline constexpr oid_t int8 = 20;
inline constexpr oid_t int2 = 21;
inline constexpr oid_t int4 = 23;
inline constexpr oid_t text = 25;
inline constexpr oid_t oid = 26;
inline constexpr oid_t json = 114;
inline constexpr oid_t xml = 142;
inline constexpr oid_t float4 = 700;
inline constexpr oid_t float8 = 701;
inline constexpr oid_t unknown_literal = 705;
inline constexpr oid_t bpchar = 1042;
inline constexpr oid_t varchar = 1043;
inline constexpr oid_t date = 1082;
inline constexpr oid_t time = 1083;
inline constexpr oid_t timestamp = 1114;
inline constexpr oid_t timestamptz = 1184;
inline constexpr oid_t interval = 1186;
inline constexpr oid_t numeric = 1700;
inline constexpr oid_t uuid = 2950;
inline constexpr oid_t jsonb = 3802;

inline constexpr oid_t bool_array = 1000;
inline constexpr oid_t bytea_array = 1001;
inline constexpr oid_t int8_array = 1016;
inline constexpr oid_t text_array = 1009;
inline constexpr oid_t float8_array = 1022;
inline constexpr oid_t date_array = 1182;
inline constexpr oid_t timestamptz_array = 1185;
inline constexpr oid_t numeric_array = 1231;
}  // namespace oid

/// The SQL name of a type OID for messages: "integer", "text", or "type OID 16385" for types
/// quarry does not know (enums, domains, extension types).
inline std::string type_name(oid_t t) {
  switch (t) {
    case oid::bool_: return "boolean";
    case oid::bytea: return "bytea";
    case oid::char_: return "\"char\"";
    case oid::name: return "name";
    case oid::int8: return "bigint";
    case oid::int2: return "smallint";
    case oid::int4: return "integer";
    case oid::text: return "text";
    case oid::oid: return "oid";
    case oid::json: return "json";
    case oid::xml: return "xml";
    case oid::float4: return "real";
    case oid::float8: return "double precision";
    case oid::unknown_literal: return "unknown";
    case oid::bpchar: return "character";
    case oid::varchar: return "character varying";
    case oid::date: return "date";
    case oid::time: return "time";
    case oid::timestamp: return "timestamp without time zone";
    case oid::timestamptz: return "timestamp with time zone";
    case oid::interval: return "interval";
    case oid::numeric: return "numeric";
    case oid::uuid: return "uuid";
    case oid::jsonb: return "jsonb";
    case oid::bool_array: return "boolean[]";
    case oid::bytea_array: return "bytea[]";
    case oid::int8_array: return "bigint[]";
    case oid::text_array: return "text[]";
    case oid::float8_array: return "double precision[]";
    case oid::date_array: return "date[]";
    case oid::timestamptz_array: return "timestamp with time zone[]";
    case oid::numeric_array: return "numeric[]";
    default: return "type OID " + std::to_string(t);
  }
}

}  // namespace quarry::postgres
