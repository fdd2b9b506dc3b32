// The noise multipliers of MODEL.md §5: exp(sigma Z - sigma^2 / 2), Z standard normal, so their
// mean is 1.
#pragma once

#include <span>

#include "core/random_stream.hpp"

namespace albsim {

// Fills `out` with one multiplier per element, each from the next standard normal of `stream`
// (RandomStream::standard_normals), e^x by table_exp: the same numbers however a run of
// multipliers is split into calls.
void lognormal_multipliers(RandomStream& stream, double sigma, std::span<double> out);

}  // namespace albsim
