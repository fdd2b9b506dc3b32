#include <iostream>
#include <ostream>

#include "cli/cli.hpp"
#if ALBSIM_WITH_MPI
#include "mpi/mpi_peers.hpp"
#endif

int main(int argc, char** argv) {
#if ALBSIM_WITH_MPI
  if (albsim::launched_by_mpi()) {
    albsim::MpiPeers peers(argc, argv);
    if (peers.is_root()) return albsim::run_cli(argc, argv, std::cout, std::cerr, peers);
    std::ostream silent(nullptr);  // only rank 0 prints
    return albsim::run_cli(argc, argv, silent, silent, peers);
  }
#endif
  return albsim::run_cli(argc, argv, std::cout, std::cerr);
}
