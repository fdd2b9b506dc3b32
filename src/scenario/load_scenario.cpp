#include <fstream>
#include <sstream>

#include "albsim/input_error.hpp"
#include "albsim/scenario.hpp"
#include "scenario/parse_scenario.hpp"
#include "scenario/scenario_document.hpp"

namespace albsim {
namespace {

// 1-based line and column of a 1-based byte offset into `text`.
std::string line_and_column(const std::string& text, std::size_t byte) {
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i + 1 < byte && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

nlohmann::json parse_json(const std::string& text, const std::string& file) {
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    std::string what = e.what();
    const auto detail = what.find("parse error");
    const auto colon = what.find(": ", detail == std::string::npos ? 0 : detail);
    const std::string reason = colon == std::string::npos ? what : what.substr(colon + 2);
    throw InputError(file, "",
                     "malformed JSON at " + line_and_column(text, e.byte) + ": " + reason);
  }
}

void apply_override(nlohmann::json& document, const Override& o) {
  nlohmann::json value;
  try {
    value = nlohmann::json::parse(o.value);
  } catch (const nlohmann::json::parse_error&) {
    value = o.value;  // not JSON: a plain string, as a shell user would expect
  }
  try {
    const nlohmann::json::json_pointer pointer(o.pointer);
    if (pointer.empty()) throw InputError("--set", o.pointer, "cannot replace the whole document");
    if (!document.contains(pointer.parent_pointer()))
      throw InputError("--set", o.pointer, "the parent of this JSON pointer does not exist");
    document[pointer] = value;
  } catch (const nlohmann::json::exception& e) {
    throw InputError("--set", o.pointer,
                     std::string("not a usable JSON pointer (") + e.what() +
                         "); write it like /load_balancers/0/max_nodes_per_az");
  }
}

nlohmann::json overridden(nlohmann::json document, const std::vector<Override>& overrides) {
  for (const Override& o : overrides) apply_override(document, o);
  return document;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path, "", "cannot open the scenario file");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

nlohmann::json read_scenario_document(const std::string& path,
                                      const std::vector<Override>& overrides) {
  return overridden(parse_json(read_file(path), path), overrides);
}

Scenario load_scenario_document(nlohmann::json document, const std::string& file,
                                const std::vector<Override>& overrides, FileCache& files) {
  return check_scenario(parse_scenario(overridden(std::move(document), overrides), file, files));
}

Scenario load_scenario_text(const std::string& text, const std::string& file,
                            const std::vector<Override>& overrides) {
  FileCache files;
  return load_scenario_document(parse_json(text, file), file, overrides, files);
}

Scenario load_scenario(const std::string& path, const std::vector<Override>& overrides) {
  return load_scenario_text(read_file(path), path, overrides);
}

}  // namespace albsim
