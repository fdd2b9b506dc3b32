#include "albsim/load_scenario.hpp"

#include "albsim/input_error.hpp"
#include "albsim/scenario.hpp"
#include "io/read_file.hpp"
#include "scenario/parse_scenario.hpp"
#include "scenario/scenario_document.hpp"

namespace albsim {
namespace {

nlohmann::json parse_scenario_json(const std::string& text, const std::string& file) {
  try {
    return parse_json(text);
  } catch (const ReadError& e) {
    throw InputError(file, "", e.what());
  }
}

std::string read_scenario_file(const std::string& path) {
  try {
    return read_file(path, "scenario file");
  } catch (const ReadError& e) {
    throw InputError(path, "", e.what());
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

}  // namespace

nlohmann::json read_scenario_document(const std::string& path,
                                      const std::vector<Override>& overrides) {
  return overridden(parse_scenario_json(read_scenario_file(path), path), overrides);
}

Scenario load_scenario_document(nlohmann::json document, const std::string& file,
                                const std::vector<Override>& overrides, FileCache& files) {
  return check_scenario(parse_scenario(overridden(std::move(document), overrides), file, files));
}

Scenario load_scenario_text(const std::string& text, const std::string& file,
                            const std::vector<Override>& overrides) {
  FileCache files;
  return load_scenario_document(parse_scenario_json(text, file), file, overrides, files);
}

Scenario load_scenario(const std::string& path, const std::vector<Override>& overrides) {
  return load_scenario_text(read_scenario_file(path), path, overrides);
}

}  // namespace albsim
