#include "albsim/load_scenario.hpp"

#include <algorithm>
#include <filesystem>

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
    return read_file(path, "scenario file", kMaxJsonBytes);
  } catch (const ReadError& e) {
    throw InputError(path, "", e.what());
  }
}

// The value of an override: JSON when it parses, else the text as a JSON string (as a shell user
// would expect). A number that overflows a double or text that is not UTF-8 is refused here.
nlohmann::json override_value(const Override& o) {
  try {
    return parse_json(o.value);
  } catch (const ReadError& e) {
    if (std::string_view(e.what()).find("does not fit a double") != std::string_view::npos)
      throw InputError("--set", o.pointer, "the number " + o.value + " does not fit a double");
  }
  if (!valid_utf8(o.value))
    throw InputError("--set", o.pointer, "the value is not valid UTF-8: " + o.value);
  return o.value;
}

// nlohmann's reason for refusing a pointer, without its "[json.exception.parse_error.N] parse
// error: " prefix.
std::string pointer_fault(const nlohmann::json::exception& e) {
  std::string reason = e.what();
  if (const auto bracket = reason.find("] "); bracket != std::string::npos)
    reason.erase(0, bracket + 2);
  if (reason.rfind("parse error: ", 0) == 0) reason.erase(0, 13);
  return reason;
}

// Creates the objects missing on the way to `parent` (the user's --set /pricing/x on a scenario
// without `pricing`). Array elements are never created: an index past an array's end, or a
// missing key under something that is not an object, is an error naming that ancestor.
void create_parents(nlohmann::json& document, const nlohmann::json::json_pointer& parent,
                    const Override& o) {
  std::vector<nlohmann::json::json_pointer> missing;
  for (nlohmann::json::json_pointer p = parent; !p.empty() && !document.contains(p);
       p = p.parent_pointer())
    missing.push_back(p);
  for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
    nlohmann::json& container = document[it->parent_pointer()];
    if (!container.is_object())
      throw InputError(
          "--set", o.pointer,
          it->to_string() + " does not exist and " +
              (container.is_array() ? "--set does not create array elements; give an existing "
                                      "index"
                                    : it->parent_pointer().to_string() + " is a " +
                                          container.type_name() + ", not an object"));
    container[it->back()] = nlohmann::json::object();
  }
}

// An override's pointer and value are held to what a scenario file may hold: a pointer of at
// most kMaxJsonDepth tokens and kMaxOverrideBytes bytes, a value of at most kMaxOverrideBytes
// (both checked before anything is created or parsed).
void check_override_size(const Override& o) {
  const auto depth = std::count(o.pointer.begin(), o.pointer.end(), '/');
  if (depth > kMaxJsonDepth)
    throw InputError("--set", o.pointer.substr(0, 60) + "...",
                     "the pointer is " + std::to_string(depth) + " levels deep; a scenario nests " +
                         "at most " + std::to_string(kMaxJsonDepth));
  if (o.pointer.size() > kMaxOverrideBytes)
    throw InputError("--set", o.pointer.substr(0, 60) + "...",
                     "the pointer is " + std::to_string(o.pointer.size()) +
                         " bytes long; at most " + std::to_string(kMaxOverrideBytes));
  if (o.value.size() > kMaxOverrideBytes)
    throw InputError("--set", o.pointer,
                     "the value is " + std::to_string(o.value.size()) + " bytes long; at most " +
                         std::to_string(kMaxOverrideBytes) + " (put a larger value in the file)");
}

// An array index as JSON Pointer writes one (RFC 6901): "0", or digits without a leading zero.
bool is_array_index(const std::string& token) {
  return !token.empty() && token.size() <= 9 &&
         token.find_first_not_of("0123456789") == std::string::npos &&
         (token == "0" || token[0] != '0');
}

void apply_override(nlohmann::json& document, const Override& o) {
  check_override_size(o);
  const nlohmann::json value = override_value(o);
  try {
    const nlohmann::json::json_pointer pointer(o.pointer);
    if (pointer.empty()) throw InputError("--set", o.pointer, "cannot replace the whole document");
    const nlohmann::json::json_pointer parent = pointer.parent_pointer();
    create_parents(document, parent, o);
    const nlohmann::json& container = document[parent];
    if (!container.is_object() && !container.is_array())
      throw InputError("--set", o.pointer,
                       parent.to_string() + " is a " + container.type_name() +
                           ", not an object or array that could hold " + pointer.back());
    if (container.is_array() && pointer.back() != "-" && !is_array_index(pointer.back()))
      throw InputError("--set", o.pointer,
                       "\"" + pointer.back() +
                           "\" is not an array index; write a whole number (0, 1, ...), or - to "
                           "append");
    if (container.is_array() && pointer.back() != "-" &&
        std::stoul(pointer.back()) > container.size())
      throw InputError("--set", o.pointer,
                       "the index is past the end of an array of " +
                           std::to_string(container.size()) + "; give an existing index, or " +
                           std::to_string(container.size()) + " or - to append");
    document[pointer] = value;
  } catch (const nlohmann::json::exception& e) {
    throw InputError("--set", o.pointer,
                     "not a usable JSON pointer (" + pointer_fault(e) +
                         "); write it like /load_balancers/0/max_nodes_per_az");
  }
}

nlohmann::json overridden(nlohmann::json document, const std::vector<Override>& overrides) {
  if (overrides.size() > kMaxOverrides)
    throw InputError("--set", "",
                     std::to_string(overrides.size()) + " overrides; at most " +
                         std::to_string(kMaxOverrides) + " (put them in the scenario file)");
  for (const Override& o : overrides) apply_override(document, o);
  return document;
}

}  // namespace

nlohmann::json read_scenario_document(const std::string& path,
                                      const std::vector<Override>& overrides) {
  return overridden(parse_scenario_json(read_scenario_file(path), path), overrides);
}

void anchor_file_paths(nlohmann::json& document, const std::string& path) {
  const std::filesystem::path base = std::filesystem::absolute(path).parent_path();
  const auto anchor = [&](nlohmann::json& j) {
    if (j.is_string() && std::filesystem::path(j.get<std::string>()).is_relative())
      j = (base / j.get<std::string>()).lexically_normal().string();
  };
  const auto member = [](nlohmann::json& j, const char* key) -> nlohmann::json* {
    return j.is_object() && j.contains(key) ? &j[key] : nullptr;
  };
  if (nlohmann::json* ranges = member(document, "managed_ranges"))
    if (nlohmann::json* file = member(*ranges, "ip_ranges_file")) anchor(*file);
  if (nlohmann::json* lbs = member(document, "load_balancers"); lbs && lbs->is_array())
    for (nlohmann::json& lb : *lbs)
      if (nlohmann::json* demand = member(lb, "demand"))
        if (nlohmann::json* trace = member(*demand, "trace"))
          if (nlohmann::json* file = member(*trace, "file")) anchor(*file);
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
