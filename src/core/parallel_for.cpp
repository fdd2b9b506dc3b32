#include "core/parallel_for.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace albsim {

void parallel_for(std::size_t count, int threads, const std::function<void(std::size_t)>& task,
                  const std::function<void(std::size_t finished)>& on_done) {
  if (count == 0) return;
  const std::size_t hardware = std::max(1u, std::thread::hardware_concurrency());
  const std::size_t workers =
      std::clamp<std::size_t>(threads > 0 ? static_cast<std::size_t>(threads) : hardware, 1, count);

  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::mutex mutex;
  std::size_t finished = 0;
  std::exception_ptr failure;

  auto work = [&] {
    for (std::size_t i = next++; i < count && !failed; i = next++) {
      try {
        task(i);
      } catch (...) {
        std::lock_guard lock(mutex);
        if (!failure) failure = std::current_exception();
        failed = true;
        return;
      }
      std::lock_guard lock(mutex);
      ++finished;
      if (on_done) on_done(finished);
    }
  };

  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < workers; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace albsim
