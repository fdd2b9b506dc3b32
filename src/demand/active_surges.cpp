#include "demand/active_surges.hpp"

#include <stdexcept>

namespace albsim {

void ActiveSurges::start(double multiplier) {
  in_force_at_[multiplier].push_back(slots_.size());
  slots_.push_back({multiplier, true});
  ++in_force_;
  if (product_known_) product_ *= multiplier;  // the fold, one step further
}

void ActiveSurges::end(double multiplier) {
  const auto found = in_force_at_.find(multiplier);
  if (found == in_force_at_.end()) throw std::logic_error("ActiveSurges: no such surge in force");
  slots_[found->second.front()].in_force = false;
  found->second.pop_front();
  if (found->second.empty()) in_force_at_.erase(found);
  --in_force_;
  product_known_ = false;
  if (2 * in_force_ < slots_.size()) compact();
}

double ActiveSurges::product() const {
  if (!product_known_) {
    product_ = 1.0;
    for (const Slot& slot : slots_)
      if (slot.in_force) product_ *= slot.multiplier;
    product_known_ = true;
  }
  return product_;
}

void ActiveSurges::compact() {
  std::size_t kept = 0;
  for (const Slot& slot : slots_)
    if (slot.in_force) slots_[kept++] = slot;
  slots_.resize(kept);
  for (auto& [multiplier, at] : in_force_at_) at.clear();
  for (std::size_t i = 0; i < slots_.size(); ++i) in_force_at_[slots_[i].multiplier].push_back(i);
}

}  // namespace albsim
