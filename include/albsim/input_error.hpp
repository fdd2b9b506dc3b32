// InputError: a fault in user input, carried from where it is found up to the CLI, which prints
// what() as one line and exits 2. The message names the file, the JSON pointer and the fix.
// It is always one printable line: control characters (a NUL, a CR, a newline) and bytes that are
// not UTF-8 are shown as \xNN escapes, and a message longer than kMaxMessage characters is cut
// with a note of how much was left out.
#pragma once

#include <cstddef>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <string_view>

namespace albsim {

// The length of the UTF-8 sequence that starts at text[i], or 0 when the bytes there are not valid
// UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing past U+10FFFF).
inline std::size_t utf8_length(std::string_view text, std::size_t i) {
  const auto c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) return 1;
  const std::size_t length = c >= 0xC2 && c <= 0xDF   ? 2
                             : c >= 0xE0 && c <= 0xEF ? 3
                             : c >= 0xF0 && c <= 0xF4 ? 4
                                                      : 0;
  if (length == 0 || i + length > text.size()) return 0;
  for (std::size_t k = 1; k < length; ++k)
    if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return 0;
  const auto second = static_cast<unsigned char>(text[i + 1]);
  if ((c == 0xE0 && second < 0xA0) || (c == 0xED && second > 0x9F) ||
      (c == 0xF0 && second < 0x90) || (c == 0xF4 && second > 0x8F))
    return 0;
  return length;
}

inline bool valid_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t length = utf8_length(text, i);
    if (length == 0) return false;
    i += length;
  }
  return true;
}

// `text` as one printable line of valid UTF-8, at most about `max_bytes` long (see InputError).
inline std::string printable_line(std::string_view text, std::size_t max_bytes = 1000) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size() && out.size() < max_bytes) {
    const auto c = static_cast<unsigned char>(text[i]);
    const std::size_t length = utf8_length(text, i);
    if (length == 0 || c < 0x20 || c == 0x7F) {
      char escaped[5];
      std::snprintf(escaped, sizeof escaped, "\\x%02X", c);
      out += escaped;
      ++i;
      continue;
    }
    out.append(text.substr(i, length));
    i += length;
  }
  if (i < text.size()) out += " ... (" + std::to_string(text.size() - i) + " more bytes)";
  return out;
}

inline constexpr std::size_t kMaxMessage = 1000;

class InputError : public std::runtime_error {
 public:
  // An empty `file` (a path given as "") shows as "".
  InputError(const std::string& file, const std::string& pointer, const std::string& problem)
      : std::runtime_error(printable_line((file.empty() ? std::string("\"\"") : file) +
                                              (pointer.empty() ? "" : ": " + pointer) + ": " +
                                              problem,
                                          kMaxMessage)),
        file_(file),
        pointer_(pointer) {}

  // The error another process met, from its what(): the same line, file and pointer unknown.
  static InputError relayed(const std::string& line) { return InputError(line); }

  const std::string& file() const { return file_; }
  const std::string& pointer() const { return pointer_; }

 private:
  explicit InputError(const std::string& line)
      : std::runtime_error(printable_line(line, kMaxMessage)) {}

  std::string file_;
  std::string pointer_;
};

}  // namespace albsim
