#include "io/read_file.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace albsim {
namespace {

// nlohmann's own message, "[json.exception.parse_error.101] parse error at line L, column C:
// <reason>", as "malformed JSON at line L, column C: <reason>".
ReadError malformed(const nlohmann::json::parse_error& e) {
  const std::string what = e.what();
  const auto at = what.find("at line");
  return ReadError("malformed JSON " + (at == std::string::npos ? what : what.substr(at)));
}

template <class Json>
Json parse(std::string_view text) {
  try {
    return Json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    throw malformed(e);
  }
}

}  // namespace

std::string read_file(const std::string& path, std::string_view what) {
  std::error_code error;
  if (std::filesystem::is_directory(path, error))
    throw ReadError("is a directory, not the " + std::string(what));
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ReadError("cannot open the " + std::string(what));
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

nlohmann::json parse_json(std::string_view text) {
  return parse<nlohmann::json>(text);
}

nlohmann::ordered_json parse_ordered_json(std::string_view text) {
  return parse<nlohmann::ordered_json>(text);
}

}  // namespace albsim
