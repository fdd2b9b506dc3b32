// EventQueue: a 4-ary min-heap of events ordered by (time, class, insertion sequence), the
// order of MODEL.md §2; `Class` is the model's enum of event classes (one byte, ordered by value).
// Push and pop are O(log n): four children a node halve the depth of a binary heap, and a node's
// children share a cache line or two, so a pop touches half as many lines. Memory is one entry per
// pending event. The queue knows nothing of what a payload means. Cancellation is lazy: a payload
// carries whatever the owner needs to recognise a stale event when it is popped, and the owner
// skips it; discard_if() drops stale entries early, so they stop costing memory and heap depth.
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
    sift_up(heap_.size() - 1);
  }

  bool empty() const { return heap_.empty(); }
  std::size_t size() const { return heap_.size(); }
  const Entry& top() const { return heap_.front(); }

  // Removes every entry whose payload satisfies `stale`, in O(n). The entries that stay pop in
  // the same order as before: their keys are distinct, so any heap of them pops one sequence.
  template <class Stale>
  void discard_if(Stale stale) {
    std::erase_if(heap_, [&](const Entry& entry) { return stale(entry.payload); });
    if (heap_.size() < 2) return;
    for (std::size_t i = (heap_.size() - 2) / kArity + 1; i-- > 0;)  // the nodes with children
      sift_down(i, std::move(heap_[i]));
  }

  Entry pop() {
    Entry top = std::move(heap_.front());
    Entry last = std::move(heap_.back());
    heap_.pop_back();
    if (!heap_.empty()) sift_down(0, std::move(last));
    return top;
  }

 private:
  static constexpr std::size_t kArity = 4;  // node i's children: kArity i + 1 .. kArity i + kArity

  static bool before(const Entry& a, const Entry& b) {
    if (a.time != b.time) return a.time < b.time;
    return a.order < b.order;
  }
  // The entry at `i` moved up past every later parent.
  void sift_up(std::size_t i) {
    Entry entry = std::move(heap_[i]);
    while (i > 0) {
      const std::size_t parent = (i - 1) / kArity;
      if (!before(entry, heap_[parent])) break;
      heap_[i] = std::move(heap_[parent]);
      i = parent;
    }
    heap_[i] = std::move(entry);
  }
  // `entry` placed in the hole at `i`, whose subtrees are heaps: the earliest child moves up
  // while it is before `entry`.
  void sift_down(std::size_t i, Entry entry) {
    const std::size_t n = heap_.size();
    for (;;) {
      const std::size_t first = kArity * i + 1;
      if (first >= n) break;
      const std::size_t end = std::min(first + kArity, n);
      std::size_t earliest = first;
      for (std::size_t child = first + 1; child < end; ++child)
        if (before(heap_[child], heap_[earliest])) earliest = child;
      if (!before(heap_[earliest], entry)) break;
      heap_[i] = std::move(heap_[earliest]);
      i = earliest;
    }
    heap_[i] = std::move(entry);
  }

  std::vector<Entry> heap_;
  std::uint64_t next_sequence_ = 0;  // 2^56 insertions before it would reach the class bits
};

}  // namespace albsim
