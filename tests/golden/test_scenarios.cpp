// Every example in scenarios/ validates, runs with all invariants checked, and is deterministic.
// The hand-derived figures of each example are checked in test_example_goldens.cpp.
#include <catch2/catch.hpp>
#include <filesystem>

#include "albsim/load_scenario.hpp"
#include "albsim/report_output.hpp"
#include "support.hpp"

using namespace albsim;

TEST_CASE("every example scenario runs with invariants intact, deterministically") {
  const std::filesystem::path dir = test::source_path("scenarios");
  std::size_t count = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".json") continue;
    ++count;
    INFO(entry.path().string());
    const Scenario s = load_scenario(entry.path().string());
    const Report first = test::run_checked(s);
    const Report second = simulate(s);
    CHECK(report_to_json(s, {first}) == report_to_json(s, {second}));
  }
  CHECK(count >= 5);
}
