// Robustness: every value of every example scenario (but those replaying traces, whose loading
// has its own tests) replaced by values of the wrong type or range must give either a valid
// scenario or an InputError, never another exception or a crash.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

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

namespace {

// Every value of a JSON file replaced, one at a time, by a hostile one, written to `path`; after
// each, `consume` must succeed or throw InputError. Returns how many were refused.
template <class Consume>
std::size_t mutate_json_file(const std::string& original_path, const std::filesystem::path& path,
                             Consume&& consume, std::size_t& tried) {
  const json replacements = json::array({nullptr, -1, 1e300, "x", "", json::object(), json::array(),
                                         true, "2026-13-01T00:00:00Z", "203.0.113.0/33"});
  const json original = json::parse(test::read_text(original_path));
  std::vector<json::json_pointer> pointers;
  collect_pointers(original, json::json_pointer(), pointers);
  std::size_t refused = 0;
  for (const auto& pointer : pointers) {
    for (const json& value : replacements) {
      json doc = original;
      if (pointer.empty())
        doc = value;
      else
        doc[pointer] = value;
      std::ofstream(path, std::ios::binary) << doc.dump();
      ++tried;
      try {
        consume();
      } catch (const InputError&) {
        ++refused;
      } catch (const std::exception& e) {
        FAIL(original_path << " " << pointer.to_string() << " = " << value.dump() << ": "
                           << e.what());
      }
    }
  }
  return refused;
}

}  // namespace

TEST_CASE("mutated external files (CloudWatch, import inputs, ip-ranges) give an InputError") {
  const std::filesystem::path dir = test::fresh_scratch_dir("mutated-files");
  std::filesystem::create_directories(dir);
  std::size_t tried = 0, refused = 0;

  // CloudWatch get-metric-data, read as a scenario's trace.
  const auto metrics = dir / "metrics.json";
  std::ofstream(dir / "cw.json") << R"({"horizon": "1d", "pools": [], "load_balancers": [
      {"id": "a", "azs": ["x", "y"],
       "demand": {"trace": {"file": "metrics.json", "format": "cloudwatch"}}}]})";
  refused += mutate_json_file(
      test::source_path("tests/data/aws/get-metric-data.json"), metrics,
      [&] { load_scenario((dir / "cw.json").string()); }, tried);

  // ip-ranges.json, as a scenario's managed ranges (a small file of the real shape).
  const auto ranges = dir / "ranges.json";
  const auto ranges_original = dir / "ranges-original.json";
  std::ofstream(ranges_original) << R"({"syncToken": "1", "createDate": "2026-01-01-00-00-00",
      "prefixes": [{"ip_prefix": "3.80.0.0/12", "region": "us-east-1", "service": "EC2",
                    "network_border_group": "us-east-1"}]})";
  std::ofstream(dir / "managed.json") << R"({"horizon": "1d", "pools": [], "load_balancers": [
      {"id": "a", "azs": ["x", "y"], "demand": {"constant": 10}}],
      "managed_ranges": {"ip_ranges_file": "ranges.json"}})";
  refused += mutate_json_file(
      ranges_original.string(), ranges, [&] { load_scenario((dir / "managed.json").string()); },
      tried);

  // Every `import aws` input, the others as the AWS CLI examples print them.
  const std::vector<std::string> inputs = {"describe-ipam-pools", "describe-load-balancers",
                                           "get-ipam-pool-cidrs", "get-ipam-pool-allocations"};
  for (const std::string& mutated : inputs) {
    auto file = [&](const std::string& name) {
      return name == mutated ? (dir / (name + ".json")).string()
                             : test::source_path("tests/data/aws/" + name + ".json");
    };
    refused += mutate_json_file(
        test::source_path("tests/data/aws/" + mutated + ".json"), dir / (mutated + ".json"),
        [&] {
          const auto r = test::run_albsim(
              {"import", "aws", "--ipam-pools", file("describe-ipam-pools"), "--load-balancers",
               file("describe-load-balancers"), "--pool-cidrs", file("get-ipam-pool-cidrs"),
               "--allocations", file("get-ipam-pool-allocations"), "--out",
               (dir / "imported.json").string(), "--quiet"});
          if (r.code == 2) throw InputError("import", "", r.err);
          if (r.code != 0) throw std::runtime_error(r.err);
        },
        tried);
  }
  CHECK(tried > 500);
  CHECK(refused > 0);
}

TEST_CASE("mutated CSV traces give an InputError") {
  const std::filesystem::path dir = test::fresh_scratch_dir("mutated-csv");
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "s.json") << R"({"horizon": "1d", "pools": [], "load_balancers": [
      {"id": "a", "azs": ["x", "y"], "demand": {"trace": {"file": "t.csv", "time_column": "t",
       "lcu": {"requests_column": "r", "bytes_column": "b"}}}}]})";
  const std::vector<std::string> rows = {"t,r,b", "0,100,1000", "60,200,2000", "120,50,0"};
  const std::vector<std::string> hostile = {"",
                                            "1e400",
                                            "-1",
                                            "nan",
                                            "inf",
                                            "x",
                                            "\xff",
                                            "9e15",
                                            "1,2",
                                            "\"",
                                            "0x10",
                                            " 7 ",
                                            "2026-02-30T00:00Z",
                                            "\r"};
  std::size_t tried = 0;
  for (std::size_t row = 0; row < rows.size(); ++row) {
    for (std::size_t field = 0; field < 3; ++field) {
      for (const std::string& token : hostile) {
        std::ofstream csv(dir / "t.csv", std::ios::binary);
        for (std::size_t r = 0; r < rows.size(); ++r) {
          std::string line = rows[r];
          if (r == row) {
            std::vector<std::string> fields;
            std::stringstream parts(line);
            for (std::string f; std::getline(parts, f, ',');) fields.push_back(f);
            fields[field] = token;
            line = fields[0] + "," + fields[1] + "," + fields[2];
          }
          csv << line << "\n";
        }
        csv.close();
        ++tried;
        try {
          load_scenario((dir / "s.json").string());
        } catch (const InputError&) {
        } catch (const std::exception& e) {
          FAIL("row " << row << " field " << field << " = " << token << ": " << e.what());
        }
      }
    }
  }
  CHECK(tried == 4 * 3 * hostile.size());
}
