// The one reader of external files: every scenario, trace, ip-ranges.json and AWS CLI output goes
// through read_file(), and every JSON text through parse_json(), so the input boundary is closed
// in one place. Both throw ReadError, whose message says what is wrong (without the path); the
// caller names the file, and the JSON pointer where it has one.
#pragma once

#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <string_view>

namespace albsim {

class ReadError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The whole file. `what` names it in the message ("cannot open the trace file").
std::string read_file(const std::string& path, std::string_view what);

// JSON text; a syntax error reads "malformed JSON at line L, column C: <reason>".
nlohmann::json parse_json(std::string_view text);
nlohmann::ordered_json parse_ordered_json(std::string_view text);

}  // namespace albsim
