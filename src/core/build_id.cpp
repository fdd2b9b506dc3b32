#include "core/build_id.hpp"

#include "albsim_build_id.hpp"

namespace albsim {

const char* build_id() {
  return ALBSIM_BUILD_ID;
}

}  // namespace albsim
