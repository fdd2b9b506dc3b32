// libFuzzer target: a bill (CUR 2.0, legacy CUR or FOCUS; CSV or gzip) read and reconciled with
// the finance example's scenario, then printed and written as reconcile.json's text (where a
// figure that is not finite or a resource id that is not UTF-8 would show). Any input must give
// a reconciliation or an InputError.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "albsim/input_error.hpp"
#include "albsim/load_scenario.hpp"
#include "finance/reconcile.hpp"
#include "finance/reconcile_output.hpp"

namespace {

// scenarios/finance/ipv4-bill.json, shortened to one day so that a run stays short.
const char* kScenario = R"({
  "name": "fuzz-bill", "region": "us-east-1", "start": "2026-11-01T00:00:00Z", "horizon": "1d",
  "pricing": {"ipam_tier": "advanced"},
  "pools": [
    {"id": "ipam-pool-0a1b2c3d4e5f60789", "source": "amazon", "locale": "us-east-1",
     "netmask_length": 29},
    {"id": "ipam-pool-0fedcba9876543210", "source": "byoip", "locale": "us-east-1",
     "cidrs": ["198.51.100.0/24"]}],
  "reservations": [{"pool": "ipam-pool-0a1b2c3d4e5f60789", "count": 1}],
  "load_balancers": [
    {"id": "checkout", "pool": "ipam-pool-0a1b2c3d4e5f60789", "azs": ["use1-az1", "use1-az2"],
     "demand": {"constant": 50}},
    {"id": "legacy", "azs": ["use1-az1", "use1-az2"], "demand": {"constant": 10}}]
})";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const albsim::Scenario scenario = albsim::load_scenario_text(kScenario, "fuzz.json");
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  try {
    const albsim::Bill bill = albsim::parse_bills({{"fuzz.csv", bytes}});
    const albsim::Reconciliation r = albsim::reconcile(scenario, bill, std::nullopt, std::nullopt);
    std::ostringstream printed;
    albsim::print_reconciliation(printed, bill, r);
    albsim::reconciliation_json(scenario, bill, r);
  } catch (const albsim::InputError&) {
  }
  return 0;
}
