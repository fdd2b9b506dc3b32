// The albsim command line: `run`, `merge`, `validate`, `plan`, `import`, `observe`,
// `calibrate`, `reconcile`, `report`. Returns the process exit code: 0 ok, 2 bad input or usage
// (one line on `err` naming the file and JSON pointer), 3 `plan --check` found the pool as it
// is misses a target, 1 internal error.
#pragma once

#include <ostream>

#include "distribute/peers.hpp"

namespace albsim {

inline constexpr int kExitCheckFailed = 3;  // `plan --check`: the pool misses a target

// `peers`: the processes sharing this run under mpirun (only rank 0 writes files; the caller
// gives the others silent streams); alone otherwise.
int run_cli(int argc, const char* const* argv, std::ostream& out, std::ostream& err,
            Peers& peers = this_process_alone());

// For the albsim process alone (not a test calling run_cli): SIGINT and SIGTERM remove the
// output files being written and exit 130 or 143, with one line when `announce` (an MPI rank
// other than 0, which mpirun stops when rank 0 exits, prints nothing).
void clean_up_on_interrupt(bool announce);

}  // namespace albsim
