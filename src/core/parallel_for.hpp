// parallel_for(): runs task(0) .. task(count - 1) on a pool of threads. Tasks must write only
// to their own slots, so results do not depend on the thread count or the order of execution.
#pragma once

#include <cstddef>
#include <functional>

namespace albsim {

// Threads: `threads` when positive, else every hardware thread; never more than `count`. The
// calling thread works too. `on_done` (optional) runs after each task with the number finished
// so far; its calls are serialised but may come from any thread. The first exception thrown by
// a task stops the remaining tasks and is rethrown here after every thread has stopped.
void parallel_for(std::size_t count, int threads, const std::function<void(std::size_t)>& task,
                  const std::function<void(std::size_t finished)>& on_done = {});

}  // namespace albsim
