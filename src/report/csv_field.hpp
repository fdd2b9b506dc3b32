// One CSV field per RFC 4180: quoted, with quotes doubled, when it holds a comma, a quote or a
// line break (ids and names may hold any of them); else as it is.
#pragma once

#include <string>

namespace albsim {

inline std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

}  // namespace albsim
