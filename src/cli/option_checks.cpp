#include "cli/option_checks.hpp"

#include <cctype>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace albsim {
namespace {

// `text` cut to 40 bytes for a message (InputError-style escaping happens where it is printed).
std::string shown(const std::string& text) {
  return "\"" + (text.size() > 40 ? text.substr(0, 40) + "..." : text) + "\"";
}

std::string number(double v) {
  char text[32];
  std::snprintf(text, sizeof text, "%.10g", v);
  return text;
}

}  // namespace

CLI::Validator whole_number(std::int64_t low, std::int64_t high) {
  const std::string range = std::to_string(low) + " to " + std::to_string(high);
  return CLI::Validator(
      [=](std::string& text) -> std::string {
        std::int64_t value = 0;
        const char* end = text.data() + text.size();
        const auto [stop, error] = std::from_chars(text.data(), end, value);
        if (text.empty() || stop != end || error == std::errc::invalid_argument)
          return "must be a whole number from " + range + " (found " + shown(text) + ")";
        if (error == std::errc::result_out_of_range || value < low || value > high)
          return "must be from " + range + " (found " + shown(text) + ")";
        return "";
      },
      "INT in " + range);
}

CLI::Validator finite_number(double low, double high) {
  const std::string range = number(low) + " to " + number(high);
  return CLI::Validator(
      [=](std::string& text) -> std::string {
        errno = 0;
        char* stop = nullptr;
        const double value = std::strtod(text.c_str(), &stop);
        if (text.empty() || stop != text.c_str() + text.size() ||
            std::isspace(static_cast<unsigned char>(text[0])))
          return "must be a number from " + range + " (found " + shown(text) + ")";
        if (!std::isfinite(value) || errno == ERANGE || value < low || value > high)
          return "must be a finite number from " + range + " (found " + shown(text) + ")";
        return "";
      },
      "NUMBER in " + range);
}

std::optional<std::string> argument_fault(int argc, const char* const* argv) {
  if (argc > static_cast<int>(kMaxArguments))
    return std::to_string(argc - 1) + " arguments; at most " + std::to_string(kMaxArguments - 1) +
           " (put overrides in the scenario file)";
  for (int i = 1; i < argc; ++i) {
    const std::size_t length = std::char_traits<char>::length(argv[i]);
    if (length > kMaxArgumentBytes)
      return "argument " + std::to_string(i) + " is " + std::to_string(length) +
             " bytes long; at most " + std::to_string(kMaxArgumentBytes) + " (it starts " +
             shown(std::string(argv[i], 40)) + ")";
  }
  return std::nullopt;
}

}  // namespace albsim
