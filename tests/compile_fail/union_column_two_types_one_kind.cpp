// expect: quarry: a column of a UNION/INTERSECT/EXCEPT has one SQL kind but two C\+\+ types on its sides
// Misuse: union_() of an enum mapped to text (value_traits) and a std::string column: rows would be read as the enum.
#include <quarry/quarry.hpp>

enum class color { red, green };
template <>
struct quarry::value_traits<color> {
  using storage = std::string;
  static constexpr quarry::sql_kind kind = quarry::sql_kind::text;
  static constexpr std::string_view name = "color";
  static std::string to_storage(color c) { return c == color::red ? "red" : "green"; }
  static color from_storage(const std::string& s) { return s == "red" ? color::red : color::green; }
};

struct Paint { std::int64_t id; color shade; std::string label; };
inline constexpr struct paints_t : quarry::table<"paints", Paint> {
  column<&Paint::id, "id", quarry::identity> id;
  column<&Paint::shade, "shade"> shade;
  column<&Paint::label, "label"> label;
} paints;

void misuse() {
#ifndef QUARRY_CF_CONTROL
  (void)quarry::union_(quarry::select(paints.shade).from(paints), quarry::select(paints.label).from(paints));
#else
  (void)quarry::union_(quarry::select(paints.shade).from(paints), quarry::select(paints.shade).from(paints));
#endif
}
