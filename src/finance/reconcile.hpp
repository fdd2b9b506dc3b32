// albsim reconcile: a bill's public IPv4 and IPAM lines against the scenario's simulated charges
// over the bill's window, per usage, per resource where the bill names one the scenario knows,
// and per UTC day, with each difference's likely cause.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "albsim/charges.hpp"
#include "albsim/scenario.hpp"
#include "core/source_window.hpp"
#include "finance/bill.hpp"

namespace albsim {

struct ReconcileFigures {
  double billed_quantity = 0, billed_cost = 0;  // IP-hours, USD
  double simulated_quantity = 0, simulated_cost = 0;
  double difference() const { return billed_cost - simulated_cost; }
};

struct ReconcileRow {
  BillUsage usage = BillUsage::in_use_address;
  std::string resource;  // the bill's resource id, or the scenario's when only simulated
  std::string matched;   // the scenario's load balancer or pool; empty when unknown
  ReconcileFigures figures;
  std::string cause;  // "matches", or the likely cause of the difference
};

struct ReconcileDay {
  std::int64_t day_ms = 0;  // 00:00 UTC
  BillUsage usage = BillUsage::in_use_address;
  ReconcileFigures figures;
};

struct Reconciliation {
  std::int64_t from_ms = 0, to_ms = 0;  // the window, [from, to)
  EpochSpan billed;      // the first to the last hour of the bill's lines in the scenario's Region
  std::string run_note;  // how the scenario's run was placed on the window
  std::vector<ReconcileRow> by_usage;  // resource empty
  std::vector<ReconcileRow> by_resource;
  std::vector<ReconcileDay> by_day;
  ReconcileFigures total;
  std::size_t bill_lines = 0;     // kept lines of the scenario's Region inside the window
  std::size_t other_regions = 0;  // kept lines of other Regions, left out
};

// Runs the scenario over the window (given, or the first to last hour of the bill's lines in the
// scenario's Region) and compares; lines of other Regions are left out. A scenario with `start`
// must cover the window; one without is run from the window's start. Throws InputError: a bill
// with no line in the scenario's Region, a window that reaches beyond the bill's lines by more
// than the window rule's margin (core/source_window.hpp), a window the scenario does not cover.
Reconciliation reconcile(const Scenario& scenario, const Bill& bill,
                         std::optional<std::int64_t> from_ms, std::optional<std::int64_t> to_ms);

}  // namespace albsim
