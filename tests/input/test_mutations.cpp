// Robustness: every value of every example scenario (but those replaying traces, whose loading
// has its own tests) replaced by values of the wrong type or range must give either a valid
// scenario or an InputError, never another exception or a crash.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "albsim/input_error.hpp"
#include "albsim/load_scenario.hpp"
#include "support.hpp"

using namespace albsim;
using nlohmann::json;

namespace {

void collect_pointers(const json& j, const json::json_pointer& at,
                      std::vector<json::json_pointer>& out) {
  out.push_back(at);
  if (j.is_object())
    for (const auto& [key, value] : j.items()) collect_pointers(value, at / key, out);
  if (j.is_array())
    for (std::size_t i = 0; i < j.size(); ++i) collect_pointers(j[i], at / i, out);
}

}  // namespace

TEST_CASE("mutated example scenarios are accepted or refused with an InputError") {
  const json replacements = json::array({nullptr, -1, 0, 1e300, "x", "", json::object(),
                                         json::array(), true, "203.0.113.0/33", "9999d"});
  std::size_t tried = 0, refused = 0;
  for (const auto& entry : std::filesystem::directory_iterator(test::source_path("scenarios"))) {
    if (entry.path().extension() != ".json") continue;
    std::ifstream in(entry.path());
    const json original = json::parse(in);
    if (original.dump().find("\"trace\"") != std::string::npos) continue;  // see test_trace.cpp
    std::vector<json::json_pointer> pointers;
    collect_pointers(original, json::json_pointer(), pointers);
    for (const auto& pointer : pointers) {
      if (pointer.empty()) continue;
      for (const json& value : replacements) {
        json doc = original;
        doc[pointer] = value;
        ++tried;
        try {
          // Resolve relative trace files against the example's own folder.
          load_scenario_text(doc.dump(), entry.path().string());
        } catch (const InputError&) {
          ++refused;
        } catch (const std::exception& e) {
          FAIL(entry.path().filename().string()
               << " " << pointer.to_string() << " = " << value.dump() << ": " << e.what());
        }
      }
    }
  }
  CHECK(tried > 1000);
  CHECK(refused > tried / 2);
}
