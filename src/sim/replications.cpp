#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>

#include "albsim/simulation.hpp"

namespace albsim {

std::vector<Report> simulate_replications(const Scenario& scenario,
                                          const ReplicationOptions& options) {
  const int count = std::max(1, options.replications);
  const int hardware = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  const int threads = std::clamp(options.threads > 0 ? options.threads : hardware, 1, count);

  std::vector<Report> reports(static_cast<std::size_t>(count));
  std::atomic<int> next{0};
  std::mutex progress_mutex;
  int finished = 0;
  std::exception_ptr failure;
  std::atomic<bool> failed{false};

  auto worker = [&] {
    for (int i = next++; i < count && !failed; i = next++) {
      try {
        SimulationOptions run_options;
        if (i == 0) run_options = options.first;
        run_options.replication = static_cast<std::uint64_t>(i);
        reports[static_cast<std::size_t>(i)] = simulate(scenario, run_options);
      } catch (...) {
        std::lock_guard lock(progress_mutex);
        if (!failure) failure = std::current_exception();
        failed = true;
        return;
      }
      std::lock_guard lock(progress_mutex);
      ++finished;
      if (options.on_progress) options.on_progress(finished);
    }
  };

  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (std::thread& t : pool) t.join();
  if (failure) std::rethrow_exception(failure);
  return reports;
}

}  // namespace albsim
