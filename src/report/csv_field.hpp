// The fields of albsim's CSV outputs: text per RFC 4180, and numbers as the timeseries write
// them.
#pragma once

#include <charconv>
#include <string>
#include <string_view>

namespace albsim {

// Text from an input (an id, a name) as a spreadsheet keeps it as text: one beginning with '=',
// '+', '-', '@', a tab or a carriage return would be read as a formula when the CSV is opened
// (CSV injection, OWASP), so it gets a leading apostrophe, which spreadsheets take as "text
// follows"; any other text is returned as it is. Applied where an input's text enters a CSV
// output, never to albsim's own numbers and dates.
inline std::string spreadsheet_text(const std::string& text) {
  if (text.empty() || std::string_view("=+-@\t\r").find(text.front()) == std::string_view::npos)
    return text;
  return "'" + text;
}

// One CSV field per RFC 4180: quoted, with quotes doubled, when it holds a comma, a quote or a
// line break (ids and names may hold any of them); else as it is.
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

// A comma, then `value` to six significant digits (LCU and the envelope's values).
inline void append_csv_value(std::string& line, double value) {
  char buffer[32];
  const auto end =
      std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::general, 6).ptr;
  line += ',';
  line.append(buffer, end);
}

}  // namespace albsim
