#include "core/lognormal.hpp"

#include "core/table_exp.hpp"

namespace albsim {

void lognormal_multipliers(RandomStream& stream, double sigma, std::span<double> out) {
  stream.standard_normals(out);
  const double mean_shift = sigma * sigma / 2;
  for (double& x : out) x = sigma * x - mean_shift;
  table_exp_in_place(out);
}

}  // namespace albsim
