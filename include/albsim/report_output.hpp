// The writers of reports: report.json and a summary table for people.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "albsim/report.hpp"
#include "albsim/scenario.hpp"

namespace albsim {

// report.json text ("schema": "albsim.report/1"), deterministic byte for byte. Replication 0
// is the concrete run; with more than one, a `distribution` object summarises them all.
std::string report_to_json(const Scenario& scenario, const std::vector<Report>& replications);

// A short table for people: per load balancer, per pool, fleet cost per month; with more than
// one replication, the distribution of the key figures.
void print_summary(std::ostream& out, const Scenario& scenario,
                   const std::vector<Report>& replications);

}  // namespace albsim
