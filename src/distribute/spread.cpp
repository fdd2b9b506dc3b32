#include "distribute/spread.hpp"

#include <algorithm>
#include <exception>
#include <stdexcept>
#include <thread>

#include "albsim/input_error.hpp"
#include "core/parallel_for.hpp"
#include "distribute/byte_codec.hpp"

namespace albsim {
namespace {

enum class Outcome : std::uint64_t { ok = 0, input_error = 1, failure = 2 };

// This process's outcome: ok, or the error (kind and message) it met.
struct Status {
  Outcome outcome = Outcome::ok;
  std::string message;
};

Status status_of(const std::exception_ptr& error) {
  if (!error) return {};
  try {
    std::rethrow_exception(error);
  } catch (const InputError& e) {
    return {Outcome::input_error, e.what()};
  } catch (const std::exception& e) {
    return {Outcome::failure, e.what()};
  } catch (...) {
    return {Outcome::failure, "an unknown exception"};
  }
}

void write_status(ByteWriter& w, const Status& s) {
  w.u64(static_cast<std::uint64_t>(s.outcome));
  w.text(s.message);
}

Status read_status(ByteReader& r) {
  Status s;
  const std::uint64_t outcome = r.u64();
  if (outcome > 2) throw CorruptRecord("a peer sent an unknown outcome");
  s.outcome = static_cast<Outcome>(outcome);
  s.message = r.text();
  return s;
}

// Throws the first failed process's error, the same way on every process.
[[noreturn]] void rethrow(const Status& s) {
  if (s.outcome == Outcome::input_error) throw InputError::relayed(s.message);
  throw std::runtime_error(s.message);
}

}  // namespace

int threads_for(const Peers& peers, int threads) {
  if (threads > 0) return threads;
  const int cores = static_cast<int>(std::max(1U, std::thread::hardware_concurrency()));
  return std::max(1, cores / std::max(1, peers.size_on_this_machine()));
}

std::size_t share_of(const Peers& peers, std::size_t count) {
  const auto rank = static_cast<std::size_t>(peers.rank());
  const auto size = static_cast<std::size_t>(peers.size());
  return count > rank ? (count - rank + size - 1) / size : 0;
}

std::vector<std::string> spread(Peers& peers, std::size_t count, int threads,
                                const std::function<std::string(std::size_t)>& task,
                                const std::function<void(std::size_t finished)>& on_done) {
  const auto rank = static_cast<std::size_t>(peers.rank());
  const auto size = static_cast<std::size_t>(peers.size());
  std::vector<std::string> mine(share_of(peers, count));
  std::exception_ptr error;
  try {
    parallel_for(
        mine.size(), threads_for(peers, threads),
        [&](std::size_t k) { mine[k] = task(rank + k * size); }, on_done);
  } catch (...) {
    error = std::current_exception();
  }
  if (size == 1) {
    if (error) std::rethrow_exception(error);
    return mine;
  }

  ByteWriter w;
  write_status(w, status_of(error));
  if (!error)
    for (const std::string& record : mine) w.text(record);
  const std::vector<std::string> all = peers.all_gather(w.take());

  std::vector<Status> statuses;
  std::vector<ByteReader> readers;
  for (const std::string& bytes : all) {
    readers.emplace_back(bytes);
    statuses.push_back(read_status(readers.back()));
  }
  for (const Status& s : statuses)
    if (s.outcome != Outcome::ok) rethrow(s);
  std::vector<std::string> results(count);
  for (std::size_t k = 0; k < count; ++k) results[k] = readers[k % size].text();
  for (ByteReader& r : readers) r.expect_end();
  return results;
}

void agree(Peers& peers, const std::function<void()>& step) {
  std::exception_ptr error;
  try {
    step();
  } catch (...) {
    error = std::current_exception();
  }
  if (peers.size() == 1) {
    if (error) std::rethrow_exception(error);
    return;
  }
  ByteWriter w;
  write_status(w, status_of(error));
  for (const std::string& bytes : peers.all_gather(w.take())) {
    ByteReader r(bytes);
    const Status s = read_status(r);
    if (s.outcome != Outcome::ok) rethrow(s);
  }
}

std::string from_root(Peers& peers, const std::string& bytes) {
  if (peers.size() == 1) return bytes;
  return peers.all_gather(peers.is_root() ? bytes : std::string())[0];
}

}  // namespace albsim
