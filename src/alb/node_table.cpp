#include "alb/node_table.hpp"

namespace albsim {

std::uint32_t NodeTable::create(const Node& node) {
  if (!free_slots_.empty()) {
    const std::uint32_t slot = free_slots_.back();
    free_slots_.pop_back();
    slots_[slot] = node;
    live_[slot] = true;
    return slot;
  }
  slots_.push_back(node);
  live_.push_back(true);
  return static_cast<std::uint32_t>(slots_.size() - 1);
}

void NodeTable::destroy(std::uint32_t slot) {
  live_[slot] = false;
  free_slots_.push_back(slot);
}

}  // namespace albsim
