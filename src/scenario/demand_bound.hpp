// demand_bound: how large a load balancer's demand can get (MODEL.md §5: the profile with growth,
// times every surge in force, times a noise draw), so that it stays a finite number.
//
// A lognormal noise multiplier exp(sigma Z - sigma^2 / 2) never exceeds e^37 (about 1.2e16: the
// normal draws stay within |Z| < 8.6). So while the profile and the product of the surges in
// force each stay within kMaxDemandFactor, demand stays below 1e216: finite, and so are the
// requirement and the integrals over it. A scenario that could pass either bound is refused.
#pragma once

#include "albsim/scenario.hpp"

namespace albsim {

inline constexpr double kMaxDemandFactor = 1e100;

// The largest value the profile can take over [0, horizon), growth included (noise and surges
// left out); +inf when that overflows.
double peak_bound(const DemandSpec& demand, SimTime horizon);

// Throws InputError (at the load balancer's demand, or at the surge that contributes most) when
// a profile's peak or the surges that can be in force at once pass kMaxDemandFactor. Surges
// that can be in force at once: the scheduled ones that overlap, and for each random process
// lambda + 6 sqrt(lambda) + 20 of them, lambda = rate x duration (in force at once is Poisson
// with mean lambda; that many is beyond any run's reach).
void check_demand_bounds(const Scenario& scenario);

}  // namespace albsim
