// CSV fields as trace files hold them: one line's fields in order (RFC 4180, but no line break
// inside a field), each trimmed of spaces. Inline: the trace reader calls it per field.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "io/trace_error.hpp"

namespace albsim {

// `s` without trailing carriage returns and spaces and leading spaces.
inline std::string_view trim_field(std::string_view s) {
  while (!s.empty() && (s.back() == '\r' || s.back() == ' ')) s.remove_suffix(1);
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  return s;
}

// The fields of one CSV line, in order (RFC 4180, but no line break inside a field). A field
// that begins with a double quote runs to its closing quote, commas included, and reads as the
// text between the quotes; a doubled quote inside stays doubled (no number or timestamp holds
// one). Spaces around a field are dropped.
class CsvFields {
 public:
  CsvFields(std::string_view line, std::size_t line_no) : rest_(line), line_no_(line_no) {}

  // The next field; call while more().
  std::string_view next() {
    while (!rest_.empty() && rest_.front() == ' ') rest_.remove_prefix(1);
    if (rest_.empty() || rest_.front() != '"') {
      const std::size_t comma = rest_.find(',');
      const std::string_view field = trim_field(rest_.substr(0, comma));
      advance(comma);
      return field;
    }
    std::size_t close = 1;
    for (;; close += 2) {  // past a doubled quote
      close = rest_.find('"', close);
      if (close == std::string_view::npos)
        throw TraceError(line_no_,
                         "a quoted field has no closing quote on its line (a field "
                         "cannot span lines)");
      if (close + 1 >= rest_.size() || rest_[close + 1] != '"') break;
    }
    const std::string_view field = rest_.substr(1, close - 1);
    std::size_t comma = close + 1;
    while (comma < rest_.size() && rest_[comma] == ' ') ++comma;
    if (comma == rest_.size())
      comma = std::string_view::npos;
    else if (rest_[comma] != ',')
      throw TraceError(line_no_,
                       "text after the closing quote of field \"" + std::string(field) + "\"");
    advance(comma);
    return field;
  }
  bool more() const { return more_; }

 private:
  void advance(std::size_t comma) {
    more_ = comma != std::string_view::npos;
    rest_.remove_prefix(more_ ? comma + 1 : rest_.size());
  }

  std::string_view rest_;
  std::size_t line_no_;
  bool more_ = true;
};

}  // namespace albsim
