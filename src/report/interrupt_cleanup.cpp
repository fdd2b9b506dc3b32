#include "report/interrupt_cleanup.hpp"

#include <signal.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cstring>

namespace albsim {
namespace {

constexpr std::size_t kSlots = 64;
constexpr std::size_t kPathBytes = 4096;

enum Slot : int { kFree = 0, kFilling = 1, kLive = 2 };

struct Table {
  std::array<std::atomic<int>, kSlots> state{};
  std::array<std::array<char, kPathBytes>, kSlots> path{};
};
Table table;
volatile sig_atomic_t announce_interrupt = 1;

void write_text(const char* text) {
  const std::size_t length = std::strlen(text);
  std::size_t done = 0;
  while (done < length) {
    const ssize_t n = ::write(STDERR_FILENO, text + done, length - done);
    if (n <= 0) return;
    done += static_cast<std::size_t>(n);
  }
}

extern "C" void on_interrupt(int signal) {
  for (std::size_t i = 0; i < kSlots; ++i)
    if (table.state[i].load() == kLive) ::unlink(table.path[i].data());
  if (announce_interrupt)
    write_text(signal == SIGINT ? "albsim: interrupted (SIGINT): temporary files removed, outputs "
                                  "not yet written were not written\n"
                                : "albsim: terminated (SIGTERM): temporary files removed, outputs "
                                  "not yet written were not written\n");
  ::_exit(128 + signal);
}

void install(int signal) {
  struct sigaction current {};
  if (::sigaction(signal, nullptr, &current) == 0 && current.sa_handler == SIG_IGN) return;
  struct sigaction action {};
  action.sa_handler = on_interrupt;
  sigemptyset(&action.sa_mask);
  sigaddset(&action.sa_mask, SIGINT);
  sigaddset(&action.sa_mask, SIGTERM);
  ::sigaction(signal, &action, nullptr);
}

}  // namespace

void install_interrupt_cleanup(bool announce) {
  announce_interrupt = announce ? 1 : 0;
  install(SIGINT);
  install(SIGTERM);
}

RegisteredTemporary::RegisteredTemporary(const std::string& path) : slot_(-1) {
  if (path.size() >= kPathBytes) return;
  for (std::size_t i = 0; i < kSlots; ++i) {
    int expected = kFree;
    if (!table.state[i].compare_exchange_strong(expected, kFilling)) continue;
    std::memcpy(table.path[i].data(), path.c_str(), path.size() + 1);
    table.state[i].store(kLive);
    slot_ = static_cast<int>(i);
    return;
  }
}

RegisteredTemporary::~RegisteredTemporary() {
  if (slot_ >= 0) table.state[static_cast<std::size_t>(slot_)].store(kFree);
}

}  // namespace albsim
