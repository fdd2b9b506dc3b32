#include "core/lognormal.hpp"

#include "core/table_exp.hpp"

namespace albsim {

void lognormal_multipliers(RandomStream& stream, double sigma, std::span<double> out) {
  stream.standard_normals(out);
  const double mean_shift = sigma * sigma / 2;
  for (double& x : out) x = table_exp(sigma * x - mean_shift);
}

}  // namespace albsim
