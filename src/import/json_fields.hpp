// Reading the AWS CLI's JSON leniently: the fields albsim takes, "" when absent or not text.
#pragma once

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <string>

namespace albsim {

// The string member `key` of `j`, or "" when `j` is not an object or the member is not a string.
inline std::string text(const nlohmann::ordered_json& j, const char* key) {
  return j.is_object() && j.contains(key) && j[key].is_string() ? j[key].get<std::string>()
                                                                : std::string();
}

inline std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

}  // namespace albsim
