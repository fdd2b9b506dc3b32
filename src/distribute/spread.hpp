// spread(): runs a list of tasks across Peers (each process its share, on its own threads) and
// gives every process every task's result, in task order. What a task returns are bytes
// (report_record.hpp, plan records), so the same code serves one process and many.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "distribute/peers.hpp"

namespace albsim {

// Task k runs on the process with rank k mod size (task 0 on rank 0, which keeps any output
// that only one task writes, like replication 0's timeseries). `threads`: per process, 0 for
// the cores of this machine divided among the processes on it. `on_done` counts this process's
// finished tasks. An exception in any task of any process is thrown on every process (as
// InputError when it was one, else std::runtime_error with its message), after all stopped.
std::vector<std::string> spread(Peers& peers, std::size_t count, int threads,
                                const std::function<std::string(std::size_t)>& task,
                                const std::function<void(std::size_t finished)>& on_done = {});

// The threads this process runs tasks on: `threads`, or for 0 the cores of this machine divided
// among the processes on it.
int threads_for(const Peers& peers, int threads);

// The number of tasks of `count` that this process runs.
std::size_t share_of(const Peers& peers, std::size_t count);

// Runs `step` (setup only one process does, like opening output files) and makes its outcome
// collective: when it throws on any process, the same error is thrown on every process, so none
// waits forever in a later collective call.
void agree(Peers& peers, const std::function<void()>& step);

// The bytes rank 0 passes, on every process: rank 0's decision, binding on all.
std::string from_root(Peers& peers, const std::string& bytes);

}  // namespace albsim
