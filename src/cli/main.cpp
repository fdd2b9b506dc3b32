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
    albsim::clean_up_on_interrupt(peers.is_root());
    std::ostream silent(nullptr);  // only rank 0 prints
    const int code = peers.is_root() ? albsim::run_cli(argc, argv, std::cout, std::cerr, peers)
                                     : albsim::run_cli(argc, argv, silent, silent, peers);
    // The outcome is printed: mpirun stopping this rank while MPI finalizes (another rank
    // failed) is not news.
    albsim::clean_up_on_interrupt(false);
    return code;
  }
#endif
  albsim::clean_up_on_interrupt(true);
  return albsim::run_cli(argc, argv, std::cout, std::cerr);
}
