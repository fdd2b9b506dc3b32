// What albsim reconcile prints, and reconcile.json ("schema": "albsim.reconcile/1").
#pragma once

#include <ostream>
#include <string>

#include "finance/bill.hpp"
#include "finance/reconcile.hpp"

namespace albsim {

void print_reconciliation(std::ostream& out, const Bill& bill, const Reconciliation& r);

// The sentence warning that the bill's lines cover only part of the window (the rest is
// simulated, not billed); empty when they cover all of it.
std::string coverage_warning(const Reconciliation& r);

std::string reconciliation_json(const Scenario& scenario, const Bill& bill,
                                const Reconciliation& r);

}  // namespace albsim
