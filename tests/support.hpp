// Helpers shared by the tests: scenarios from inline JSON, runs with invariant checks on.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "albsim/load_scenario.hpp"
#include "albsim/report.hpp"
#include "albsim/scenario.hpp"
#include "albsim/simulation.hpp"
#include "cli/cli.hpp"

namespace albsim::test {

// A path in the temporary directory private to this test process (ctest runs test cases as
// parallel processes).
inline std::filesystem::path scratch_path(const std::string& name) {
  return std::filesystem::temp_directory_path() /
         ("albsim-" + std::to_string(::getpid()) + "-" + name);
}

// scratch_path(name), emptied: a directory that does not exist yet.
inline std::filesystem::path fresh_scratch_dir(const std::string& name) {
  const std::filesystem::path dir = scratch_path(name);
  std::filesystem::remove_all(dir);
  return dir;
}

// A fresh scratch folder (fresh_scratch_dir(name), created) with files written into it.
struct ScratchFolder {
  std::filesystem::path dir;
  explicit ScratchFolder(const std::string& name) : dir(fresh_scratch_dir(name)) {
    std::filesystem::create_directories(dir);
  }
  // Writes `text` to dir/file and returns that path.
  std::string write(const std::string& file, const std::string& text) const {
    std::ofstream(dir / file, std::ios::binary) << text;
    return (dir / file).string();
  }
};

// The whole file, or "" when it cannot be read.
inline std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The JSON document in `path` (a test's own output, known to parse).
inline nlohmann::json read_json(const std::filesystem::path& path) {
  std::ifstream in(path);
  return nlohmann::json::parse(in);
}

inline std::string source_path(const std::string& relative) {
  return std::string(ALBSIM_SOURCE_DIR) + "/" + relative;
}

inline Scenario scenario_from(const nlohmann::json& document) {
  return load_scenario_text(document.dump(), "test.json");
}

// Runs with every invariant checked after every settled instant.
inline Report run_checked(const Scenario& scenario) {
  SimulationOptions options;
  options.check_invariants = true;
  return simulate(scenario, options);
}

inline Report run_checked(const nlohmann::json& document) {
  return run_checked(scenario_from(document));
}

inline Report run_file(const std::string& relative) {
  return run_checked(load_scenario(source_path(relative)));
}

struct CliResult {
  int code;
  std::string out, err;
};

// Runs the command line in-process: `args` without the program name.
inline CliResult run_albsim(std::vector<std::string> args) {
  args.insert(args.begin(), "albsim");
  std::vector<const char*> argv;
  for (const auto& a : args) argv.push_back(a.c_str());
  std::ostringstream out, err;
  const int code = run_cli(static_cast<int>(argv.size()), argv.data(), out, err);
  return {code, out.str(), err.str()};
}

}  // namespace albsim::test
