// One draw of a duration that may be random (fixed, uniform or exponential), rounded to the
// millisecond. A fixed duration draws nothing from the stream.
#pragma once

#include "albsim/scenario.hpp"
#include "core/random_stream.hpp"

namespace albsim {

SimTime draw_duration(const DurationDistribution& d, RandomStream& draws);

}  // namespace albsim
