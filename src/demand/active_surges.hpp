// ActiveSurges: the surge multipliers in force on one load balancer, in the order they started.
//
// Their product is the left fold ((1 * m1) * m2) * ... over that order, and a surge that ends
// removes the earliest-started one in force with its multiplier; so the product is the same
// number however many surges came and went before (floating-point products depend on order).
// A start costs O(log k) and keeps the product; an end costs O(log k) amortized and the next
// product() folds again, O(number in force); k is the number of distinct multipliers.
#pragma once

#include <cstddef>
#include <deque>
#include <map>
#include <vector>

namespace albsim {

class ActiveSurges {
 public:
  void start(double multiplier);
  // Precondition: a surge with this multiplier is in force.
  void end(double multiplier);
  double product() const;

 private:
  struct Slot {
    double multiplier;
    bool in_force;
  };
  void compact();

  std::vector<Slot> slots_;  // start order; ended slots are dropped once they are the majority
  // The slots in force of each multiplier, ascending.
  std::map<double, std::deque<std::size_t>> in_force_at_;
  std::size_t in_force_ = 0;
  mutable double product_ = 1.0;
  mutable bool product_known_ = true;
};

}  // namespace albsim
