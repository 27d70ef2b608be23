#pragma once
/// \file quarry/backend/postgres/detail/conninfo.hpp
/// Turns quarry::postgres::options into libpq connection keywords: the user's conninfo or URL is
/// parsed by libpq itself (PQconninfoParse), then quarry's options are layered on top. Also names
/// the server in messages (host, port, database, user), never the password.

#include <libpq-fe.h>

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "quarry/backend/postgres/error.hpp"
#include "quarry/backend/postgres/options.hpp"
#include "quarry/core/error.hpp"

namespace quarry::postgres::detail {

/// Keyword/value pairs for PQconnectdbParams.
class connect_params {
 public:
  /// Parses `o.conninfo` and applies the options; throws quarry::open_error for a malformed one.
  explicit connect_params(const options& o) {
    char* err = nullptr;
    std::unique_ptr<PQconninfoOption, decltype(&PQconninfoFree)> parsed(PQconninfoParse(o.conninfo.c_str(), &err),
                                                                       &PQconninfoFree);
    if (!parsed) {
      std::string why = err ? err : "out of memory";
      PQfreemem(err);
      // libpq's parse errors name the offending token, never the whole string (which may hold a
      // password), so the message is safe to show.
      throw open_error(errc::cannot_open,
                       "quarry: cannot connect to PostgreSQL: the connection string is malformed: " + one_line(why) +
                           "; expected \"host=... port=... dbname=... user=...\" or postgresql://user@host:port/dbname");
    }
    for (PQconninfoOption* p = parsed.get(); p->keyword; ++p)
      if (p->val) set(p->keyword, p->val);
    if (!o.application_name.empty() && get("application_name").empty()) set("application_name", o.application_name);
    if (o.connect_timeout) set("connect_timeout", std::to_string(o.connect_timeout->count()));
    if (get("client_encoding").empty()) set("client_encoding", "UTF8");
    std::string extra;
    if (o.statement_timeout) extra += "-c statement_timeout=" + std::to_string(o.statement_timeout->count());
    if (o.time_zone && !o.time_zone->empty()) {
      if (!extra.empty()) extra += ' ';
      extra += "-c TimeZone=" + escape_option(*o.time_zone);
    }
    if (!extra.empty()) {
      std::string prev = get("options");
      set("options", prev.empty() ? extra : prev + ' ' + extra);
    }
  }

  void set(std::string_view key, std::string value) {
    for (auto& kv : kv_)
      if (kv.first == key) {
        kv.second = std::move(value);
        return;
      }
    kv_.emplace_back(std::string(key), std::move(value));
  }
  std::string get(std::string_view key) const {
    for (auto& kv : kv_)
      if (kv.first == key) return kv.second;
    return {};
  }

  /// Opens the connection (blocking). Never returns null except when out of memory.
  PGconn* connect() const {
    std::vector<const char*> keys, values;
    for (auto& kv : kv_) {
      keys.push_back(kv.first.c_str());
      values.push_back(kv.second.c_str());
    }
    keys.push_back(nullptr);
    values.push_back(nullptr);
    return PQconnectdbParams(keys.data(), values.data(), 0);
  }

  /// "host 127.0.0.1 port 5432 (database app, user app)", from what libpq used where it tried.
  std::string describe(PGconn* c) const {
    auto pick = [&](const char* used, const char* key, const char* fallback) {
      if (used && *used) return std::string(used);
      std::string v = get(key);
      return v.empty() ? std::string(fallback) : v;
    };
    std::string host = pick(c ? PQhost(c) : nullptr, "host", "");
    if (host.empty()) host = pick(nullptr, "hostaddr", "the default socket");
    std::string out = "host " + host + " port " + pick(c ? PQport(c) : nullptr, "port", "5432");
    std::string db = pick(c ? PQdb(c) : nullptr, "dbname", "");
    std::string user = pick(c ? PQuser(c) : nullptr, "user", "");
    if (!db.empty() || !user.empty()) out += " (database " + db + ", user " + user + ")";
    return out;
  }

  /// `message` without the password, should a library ever echo it.
  std::string scrub(std::string message) const {
    std::string pw = get("password");
    if (pw.size() >= 3)
      for (auto at = message.find(pw); at != std::string::npos; at = message.find(pw, at))
        message.replace(at, pw.size(), "********");
    return message;
  }

 private:
  // libpq splits `options` at spaces; a backslash escapes a space or a backslash.
  static std::string escape_option(std::string_view v) {
    std::string out;
    for (char ch : v) {
      if (ch == ' ' || ch == '\\') out += '\\';
      out += ch;
    }
    return out;
  }

  std::vector<std::pair<std::string, std::string>> kv_;
};

}  // namespace quarry::postgres::detail
