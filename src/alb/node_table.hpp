// Nodes of every load balancer (MODEL.md §4, node states), in a slot table whose slots are reused
// once a node's address is released, so memory follows the live fleet, not the horizon.
// A node records the address it was given; it holds none itself.
#pragma once

#include <cstdint>
#include <limits>
#include <vector>

namespace albsim {

enum class NodeState : std::uint8_t { launching, in_service, draining, terminated };

inline constexpr std::uint32_t kNoSlot = std::numeric_limits<std::uint32_t>::max();

struct Node {
  std::uint32_t id = 0;  // increases in creation order across the scenario
  std::uint32_t lb = 0;
  std::uint32_t az = 0;
  NodeState state = NodeState::launching;
  bool managed = false;   // holds an AWS-managed address
  bool retiring = false;  // a replacement is launching for it
  bool exposed = false;   // in DNS
  std::uint32_t address = 0;
  std::uint32_t pool = 0;                 // the pool it drew from (when not managed)
  std::uint32_t replaces_slot = kNoSlot;  // the retiring node this one replaces
  std::uint32_t replaces_id = 0;
};

// Whether the node is in its AZ's c_az (MODEL.md §4): launching, or in service and not retiring.
inline bool counts_in_c_az(const Node& node) {
  return node.state == NodeState::launching ||
         (node.state == NodeState::in_service && !node.retiring);
}

// A reference to a node that events carry: stale once the slot holds another node.
struct NodeRef {
  std::uint32_t slot = 0;
  std::uint32_t id = 0;
};

class NodeTable {
 public:
  std::uint32_t create(const Node& node);
  void destroy(std::uint32_t slot);
  Node& operator[](std::uint32_t slot) { return slots_[slot]; }
  const Node& operator[](std::uint32_t slot) const { return slots_[slot]; }
  // True while the referenced slot still holds that node (events about a gone node are stale).
  bool holds(NodeRef ref) const {
    return ref.slot < slots_.size() && live_[ref.slot] && slots_[ref.slot].id == ref.id;
  }
  std::size_t slot_count() const { return slots_.size(); }
  bool live(std::uint32_t slot) const { return live_[slot]; }

 private:
  std::vector<Node> slots_;
  std::vector<bool> live_;
  std::vector<std::uint32_t> free_slots_;
};

}  // namespace albsim
