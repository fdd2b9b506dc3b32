// Peers: the processes that share one run (MPI ranks), seen through the two collective calls
// albsim needs. A process started without mpirun is alone: rank 0 of 1.
#pragma once

#include <string>
#include <vector>

namespace albsim {

class Peers {
 public:
  virtual ~Peers() = default;
  virtual int rank() const = 0;
  virtual int size() const = 0;
  // Processes of this run on this machine (they share its cores).
  virtual int size_on_this_machine() const = 0;
  // Every process passes its bytes; every process gets all of them, in rank order. A collective
  // call: every process must make it, in the same order.
  virtual std::vector<std::string> all_gather(const std::string& mine) = 0;

  bool is_root() const { return rank() == 0; }
};

// The Peers of a process running alone.
Peers& this_process_alone();

}  // namespace albsim
