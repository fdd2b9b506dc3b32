// MpiPeers: the ranks of MPI_COMM_WORLD as Peers. Only the albsim executable links MPI.
#pragma once

#include <memory>

#include "distribute/peers.hpp"

namespace albsim {

// Whether this process was started by mpirun (or another launcher of OpenMPI, MPICH or PMIx):
// a variable the launcher sets is present. A binary started by hand never starts MPI.
bool launched_by_mpi();

// Initialises MPI (MPI_Init) for the object's lifetime; MPI_Finalize in the destructor.
class MpiPeers final : public Peers {
 public:
  MpiPeers(int& argc, char**& argv);
  ~MpiPeers() override;
  MpiPeers(const MpiPeers&) = delete;
  MpiPeers& operator=(const MpiPeers&) = delete;

  int rank() const override { return rank_; }
  int size() const override { return size_; }
  int size_on_this_machine() const override { return local_size_; }
  // Throws std::runtime_error when one process's bytes exceed 2 GiB (MPI counts are int).
  std::vector<std::string> all_gather(const std::string& mine) override;

 private:
  int rank_ = 0;
  int size_ = 1;
  int local_size_ = 1;
};

}  // namespace albsim
