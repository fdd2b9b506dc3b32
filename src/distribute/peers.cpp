#include "distribute/peers.hpp"

namespace albsim {
namespace {

class Alone final : public Peers {
 public:
  int rank() const override { return 0; }
  int size() const override { return 1; }
  int size_on_this_machine() const override { return 1; }
  std::vector<std::string> all_gather(const std::string& mine) override { return {mine}; }
};

}  // namespace

Peers& this_process_alone() {
  static Alone alone;
  return alone;
}

}  // namespace albsim
