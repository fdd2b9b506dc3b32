// From requests and bytes to LCU (MODEL.md §5, the trace's `lcu` conversion), after FACTS.md: an
// LCU is 25 new connections/s, 3,000 active connections, 1 GB/h processed or 1,000 rule
// evaluations/s, whichever is highest. Demand's business: the trace reader only reads columns
// and hands each sample's quantities here.
#pragma once

namespace albsim {

// The scenario's per-request factors (demand.trace.lcu).
struct LcuFactors {
  double new_connections_per_request = 1;
  double rule_evaluations_per_request = 0;
  double bytes_per_gb = 1073741824.0;  // 2^30
};

// LCU of one sample of `period_s` seconds holding `requests`, `bytes` and `active_connections`.
double lcu_of_sample(const LcuFactors& factors, double requests, double bytes,
                     double active_connections, double period_s);

// lcu_of_sample with `factors`, as the trace reader takes it (io/trace_loader.hpp, SampleToLcu).
inline auto sample_to_lcu(LcuFactors factors) {
  return [factors](double requests, double bytes, double active_connections, double period_s) {
    return lcu_of_sample(factors, requests, bytes, active_connections, period_s);
  };
}

}  // namespace albsim
