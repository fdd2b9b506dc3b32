// EventQueue: a binary min-heap of events ordered by (time, class, insertion sequence), the
// order of MODEL.md §2; `Class` is the model's enum of event classes (one byte, ordered by value).
// Push and pop are O(log n); memory is one entry per pending event. The queue knows nothing of what
// a payload means. Cancellation is lazy: a payload carries whatever the owner needs to recognise a
// stale event when it is popped, and the owner skips it; discard_if() drops stale entries early, so
// they stop costing memory and heap depth.
#pragma once

#include <algorithm>
#include <cstdint>
#include <type_traits>
#include <vector>

#include "albsim/sim_time.hpp"

namespace albsim {

template <class Payload, class Class>
class EventQueue {
  static_assert(std::is_enum_v<Class> && sizeof(Class) == 1, "an event class is a one-byte enum");

 public:
  struct Entry {
    SimTime time;
    std::uint64_t order = 0;  // class in the top 8 bits, insertion sequence below
    Payload payload{};
    Class event_class() const { return static_cast<Class>(order >> 56); }
  };

  void push(SimTime time, Class event_class, const Payload& payload) {
    const std::uint64_t order =
        (std::uint64_t{static_cast<std::uint8_t>(event_class)} << 56) | next_sequence_++;
    heap_.push_back(Entry{time, order, payload});
    std::push_heap(heap_.begin(), heap_.end(), Later{});
  }

  bool empty() const { return heap_.empty(); }
  std::size_t size() const { return heap_.size(); }
  const Entry& top() const { return heap_.front(); }

  // Removes every entry whose payload satisfies `stale`, in O(n). The entries that stay pop in
  // the same order as before: their keys are distinct, so any heap of them pops one sequence.
  template <class Stale>
  void discard_if(Stale stale) {
    std::erase_if(heap_, [&](const Entry& entry) { return stale(entry.payload); });
    std::make_heap(heap_.begin(), heap_.end(), Later{});
  }

  Entry pop() {
    std::pop_heap(heap_.begin(), heap_.end(), Later{});
    Entry entry = std::move(heap_.back());
    heap_.pop_back();
    return entry;
  }

 private:
  struct Later {
    bool operator()(const Entry& a, const Entry& b) const {
      if (a.time != b.time) return a.time > b.time;
      return a.order > b.order;
    }
  };

  std::vector<Entry> heap_;
  std::uint64_t next_sequence_ = 0;  // 2^56 insertions before it would reach the class bits
};

}  // namespace albsim
