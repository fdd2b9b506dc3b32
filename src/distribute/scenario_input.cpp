#include "distribute/scenario_input.hpp"

#include <filesystem>

#include "albsim/input_error.hpp"
#include "distribute/content_hash.hpp"
#include "scenario/scenario_document.hpp"
#include "scenario/trace_inputs.hpp"

namespace albsim {

ScenarioInput load_scenario_input(const std::string& path, const std::vector<Override>& overrides,
                                  std::ostream& err) {
  const nlohmann::json document = read_scenario_document(path, overrides);
  FileCache files;
  ScenarioInput input{load_scenario_document(document, path, {}, files), ""};
  input.content_hash = content_hash(document, files);
  print_scenario_notes(input.scenario, err);
  return input;
}

void print_scenario_notes(const Scenario& scenario, std::ostream& err) {
  for (const TraceInput& trace : scenario.trace_inputs) err << trace_input_line(trace) << "\n";
  for (const std::string& warning : scenario.warnings)
    err << "warning: " << printable_line(warning) << "\n";
}

nlohmann::json scenario_header(const std::string& path, const std::vector<Override>& overrides,
                               const std::string& content_hash) {
  return {{"path", std::filesystem::absolute(path).lexically_normal().string()},
          {"given", path},
          {"overrides", overrides_json(overrides)},
          {"content_hash", content_hash}};
}

nlohmann::json overrides_json(const std::vector<Override>& overrides) {
  nlohmann::json list = nlohmann::json::array();
  for (const Override& o : overrides) list.push_back(nlohmann::json::array({o.pointer, o.value}));
  return list;
}

std::vector<Override> overrides_from_json(const nlohmann::json& list) {
  std::vector<Override> overrides;
  for (const nlohmann::json& pair : list)
    overrides.push_back({pair.at(0).get<std::string>(), pair.at(1).get<std::string>()});
  return overrides;
}

std::string scenario_path_of(const nlohmann::json& header,
                             const std::optional<std::string>& moved) {
  if (moved) return *moved;
  const nlohmann::json& s = header.at("scenario");
  const std::string absolute = s.value("path", "");
  std::error_code ec;
  if (!absolute.empty() && std::filesystem::exists(absolute, ec)) return absolute;
  const std::string given = s.value("given", absolute);
  if (!std::filesystem::exists(given, ec))  // run elsewhere, or moved since
    throw InputError(given, "",
                     "the scenario the shards ran is not there, nor at " + absolute +
                         ": give it with --scenario");
  return given;
}

}  // namespace albsim
