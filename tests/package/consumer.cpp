// Uses only the installed public headers: loads a scenario, simulates it, writes report.json.
#include <iostream>

#include "albsim/load_scenario.hpp"
#include "albsim/report_output.hpp"
#include "albsim/simulation.hpp"
#include "albsim/version.hpp"

int main() {
  // One load balancer of 2 AZs at 60 LCU: ceil(30 / 25) = 2 nodes per AZ, from a /24 BYOIP pool.
  const albsim::Scenario scenario = albsim::load_scenario_text(R"({
    "horizon": "1d",
    "pools": [{"id": "p", "source": "byoip", "locale": "us-east-1", "cidrs": ["203.0.113.0/24"]}],
    "load_balancers": [{"id": "web", "pool": "p", "azs": ["a", "b"], "demand": {"constant": 60}}]
  })",
                                                               "consumer.json");
  const albsim::Report report = albsim::simulate(scenario);
  std::cout << "albsim " << ALBSIM_VERSION << " peak_total "
            << report.load_balancers[0].addresses.peak_total << "\n";
  return report_to_json(scenario, {report}).empty() ? 1 : 0;
}
