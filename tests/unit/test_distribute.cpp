// The pieces that spread runs over processes and shards: the exact record encoding, the shard
// file, --shard parsing, and spread()/agree()/from_root() over several in-process "ranks".
#include <barrier>
#include <bit>
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <map>
#include <mutex>
#include <thread>

#include "albsim/input_error.hpp"
#include "distribute/byte_codec.hpp"
#include "distribute/report_record.hpp"
#include "distribute/shard_file.hpp"
#include "distribute/shard_records.hpp"
#include "distribute/shard_spec.hpp"
#include "distribute/spread.hpp"
#include "plan/run_record.hpp"
#include "support.hpp"

namespace albsim {
namespace {

bool same_bits(double a, double b) {
  return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b);
}

Report sample_report() {
  Report r;
  r.horizon_hours = 720.5;
  LoadBalancerReport lb;
  lb.id = "web, \"east\"";
  lb.addresses = {7, 5, 2, 1234.25, -0.0, 3};
  lb.allowlist.emplace();
  lb.allowlist->in_allowlist_ratio = 0.1 + 0.2;  // not a short decimal
  lb.allowlist->breach_episodes = 4;
  lb.allowlist->breach_seconds = 1e-300;
  lb.allowlist->longest_breach_s = std::numeric_limits<double>::infinity();
  lb.allowlist->first_breach_s = std::nullopt;
  lb.allowlist->distinct_outside_addresses = std::numeric_limits<std::uint64_t>::max();
  lb.allowlist->dns_changes = 9;
  lb.allowlist->client_failure_ratio = std::nan("");
  lb.cost = {1, 2, 3, 4, 5, 6, 7, 8};
  lb.outside_cidrs = {{Ipv4{0xC6336400}, 24}, {Ipv4{0}, 0}, {Ipv4{0xFFFFFFFF}, 32}};
  r.load_balancers = {lb, LoadBalancerReport{}};
  PoolReport pool;
  pool.id = "edge";
  pool.source = PoolSource::amazon;
  pool.capacity = 8;
  pool.utilization = std::nullopt;
  pool.exhausted_seconds = 60.000000000000007;
  r.pools = {pool};
  r.cost.total = 99.99;
  r.allowlist.emplace().first_breach_s = 3600;
  return r;
}

TEST_CASE("FNV-1a-64 gives the published test vectors") {
  Fnv1a64 empty;
  CHECK(empty.hex() == "cbf29ce484222325");
  Fnv1a64 a;
  a.add("a");
  CHECK(a.hex() == "af63dc4c8601ec8c");
  Fnv1a64 pieces;  // fed in pieces, the same as at once
  pieces.add("foo");
  pieces.add("bar");
  Fnv1a64 whole;
  whole.add("foobar");
  CHECK(pieces.value() == whole.value());
  CHECK(whole.hex() == "85944171f73967e8");
}

TEST_CASE("a report survives encoding bit for bit") {
  const Report in = sample_report();
  const Report out = decode_report(encode_report(in));
  REQUIRE(out.load_balancers.size() == 2);
  const LoadBalancerReport& a = in.load_balancers[0];
  const LoadBalancerReport& b = out.load_balancers[0];
  CHECK(b.id == a.id);
  CHECK(same_bits(out.horizon_hours, 720.5));
  CHECK(b.addresses.peak_total == 7);
  CHECK(same_bits(b.addresses.managed_address_hours, -0.0));
  CHECK(same_bits(*b.allowlist->in_allowlist_ratio, 0.1 + 0.2));
  CHECK(same_bits(b.allowlist->breach_seconds, 1e-300));
  CHECK(std::isinf(b.allowlist->longest_breach_s));
  CHECK_FALSE(b.allowlist->first_breach_s.has_value());
  CHECK(b.allowlist->distinct_outside_addresses == std::numeric_limits<std::uint64_t>::max());
  CHECK(std::isnan(b.allowlist->client_failure_ratio));
  CHECK(same_bits(b.cost.saving, 8));
  CHECK(b.outside_cidrs == a.outside_cidrs);
  CHECK_FALSE(out.load_balancers[1].allowlist.has_value());  // one without an allowlist
  CHECK(out.pools[0].source == PoolSource::amazon);
  CHECK_FALSE(out.pools[0].utilization.has_value());
  CHECK(same_bits(out.pools[0].exhausted_seconds, 60.000000000000007));
  CHECK(same_bits(out.cost.total, 99.99));
  CHECK(*out.allowlist->first_breach_s == 3600);
  CHECK(encode_report(out) == encode_report(in));
}

TEST_CASE("damaged report records are refused, never read past their end") {
  const std::string bytes = encode_report(sample_report());
  for (const std::size_t cut : {std::size_t{0}, std::size_t{7}, bytes.size() / 2, bytes.size() - 1})
    CHECK_THROWS_AS(decode_report(bytes.substr(0, cut)), CorruptRecord);
  CHECK_THROWS_AS(decode_report(bytes + "x"), CorruptRecord);
  // A load balancer count of 2^60 in a short record: refused before any allocation.
  ByteWriter w;
  w.f64(1);
  w.u64(std::uint64_t{1} << 60);
  CHECK_THROWS_AS(decode_report(w.bytes()), CorruptRecord);
}

TEST_CASE("a run shard whose reports have other figures is refused, not misread") {
  // The record layout follows the report schema's visitors; a shard from an albsim with other
  // figures (or from before shards named their schema) is refused by name.
  const std::string schema = report_schema_fingerprint();
  CHECK(schema.size() == 16);
  CHECK(schema.find_first_not_of("0123456789abcdef") == std::string::npos);
  ShardFile shard;
  shard.path = "dir/shard-0.albsim";
  shard.header = {{"shard", {{"index", 0}, {"count", 1}}}, {"report_schema", schema}};
  shard.records = {{0, encode_report(sample_report())}};
  CHECK(replication_reports({shard}, 1).at(0).load_balancers.size() == 2);
  for (const nlohmann::json& other : {nlohmann::json("0123456789abcdef"), nlohmann::json()}) {
    shard.header.erase("report_schema");
    if (!other.is_null()) shard.header["report_schema"] = other;
    try {
      replication_reports({shard}, 1);
      FAIL("a shard of another report schema was merged");
    } catch (const InputError& e) {
      CHECK_THAT(e.what(), Catch::Contains("dir/shard-0.albsim") &&
                               Catch::Contains("other figures than this albsim's") &&
                               Catch::Contains("run the shards again"));
    }
  }
}

TEST_CASE("a plan run record survives encoding bit for bit") {
  RunRecord in;
  in.figures = {true, 0.99990000000000001, 12.5};
  in.cost = {1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 24.000000000000004};
  in.lcu_hours_per_month = 1e9 / 3;
  const RunRecord out = decode_run_record(encode_run_record(in));
  CHECK(out.figures.breached);
  CHECK(same_bits(out.figures.in_allowlist, in.figures.in_allowlist));
  CHECK(same_bits(out.cost.total, 24.000000000000004));
  CHECK(same_bits(out.lcu_hours_per_month, 1e9 / 3));
  CHECK(run_key(3, 7) == (std::uint64_t{3} << 32 | 7));
}

TEST_CASE("shard specs: K/N, and auto/N from a batch engine's index") {
  const auto no_env = [](const char*) -> const char* { return nullptr; };
  const ShardSpec s = parse_shard("2/5", no_env);
  CHECK(s.index == 2);
  CHECK(s.count == 5);
  CHECK(s.replications_of(13) == std::vector<std::uint64_t>{2, 7, 12});
  CHECK(ShardSpec{4, 5}.replications_of(3).empty());
  CHECK(parse_shard("0/1", no_env).count == 1);

  std::map<std::string, std::string> env;
  const auto from_env = [&](const char* name) -> const char* {
    const auto it = env.find(name);
    return it == env.end() ? nullptr : it->second.c_str();
  };
  env["SLURM_ARRAY_TASK_ID"] = "1";
  CHECK(parse_shard("auto/4", from_env).index == 1);
  env["AWS_BATCH_JOB_ARRAY_INDEX"] = "2";
  CHECK(parse_shard("auto/4", from_env).index == 2);
  env["JOB_COMPLETION_INDEX"] = "3";  // Kubernetes first
  CHECK(parse_shard("auto/4", from_env).index == 3);
  env["JOB_COMPLETION_INDEX"] = "4";
  CHECK_THROWS_WITH(parse_shard("auto/4", from_env),
                    Catch::Contains("JOB_COMPLETION_INDEX=4 is outside 0 .. 3"));
  env["JOB_COMPLETION_INDEX"] = "x";
  CHECK_THROWS_WITH(parse_shard("auto/4", from_env), Catch::Contains("is not a whole number"));

  for (const char* bad : {"5/5", "-1/3", "a/3", "1/0", "1/100001", "3", "1/", "/4", "1/2/3", ""})
    CHECK_THROWS_AS(parse_shard(bad, no_env), InputError);
  CHECK_THROWS_WITH(parse_shard("auto/2", no_env), Catch::Contains("SLURM_ARRAY_TASK_ID"));
}

TEST_CASE("shard files keep their records and refuse a truncated or damaged copy") {
  const auto dir = test::fresh_scratch_dir("shard-file");
  std::filesystem::create_directories(dir);
  const nlohmann::json header = {{"kind", "run"},
                                 {"albsim", "test"},
                                 {"build", "test+0"},
                                 {"scenario", {{"content_hash", "00"}}},
                                 {"options", nlohmann::json::object()},
                                 {"shard", {{"index", 1}, {"count", 3}}}};
  const std::vector<std::pair<std::uint64_t, std::string>> records = {
      {1, "one"}, {4, std::string("\0four\xff", 6)}, {7, ""}};
  write_shard_file(dir / "shard-1.albsim", header, records);
  const ShardFile read = read_shard_file(dir / "shard-1.albsim");
  CHECK(read.header == header);
  CHECK(read.records == records);
  CHECK(read.index() == 1);

  const std::string bytes = test::read_text(dir / "shard-1.albsim");
  auto write = [&](const std::string& name, const std::string& content) {
    std::ofstream(dir / name, std::ios::binary) << content;
    return dir / name;
  };
  CHECK_THROWS_WITH(read_shard_file(write("short.albsim", bytes.substr(0, bytes.size() - 3))),
                    Catch::Contains("is truncated or damaged"));
  std::string flipped = bytes;
  flipped[bytes.size() / 2] = static_cast<char>(flipped[bytes.size() / 2] ^ 0x01);
  CHECK_THROWS_WITH(read_shard_file(write("flipped.albsim", flipped)),
                    Catch::Contains("is truncated or damaged"));
  CHECK_THROWS_WITH(read_shard_file(write("other.albsim", "{\"json\": true}")),
                    Catch::Contains("is not an albsim shard file"));
  std::filesystem::remove_all(dir);
}

// P in-process "ranks", each on its own thread, exchanging through shared memory the way MPI
// ranks do through MPI_Allgatherv.
class ThreadPeers final : public Peers {
 public:
  struct Hub {
    explicit Hub(int ranks) : size(ranks), sync(ranks), slots(static_cast<std::size_t>(ranks)) {}
    int size;
    std::barrier<> sync;
    std::vector<std::string> slots;
  };
  ThreadPeers(Hub& hub, int rank) : hub_(hub), rank_(rank) {}
  int rank() const override { return rank_; }
  int size() const override { return hub_.size; }
  int size_on_this_machine() const override { return hub_.size; }
  std::vector<std::string> all_gather(const std::string& mine) override {
    hub_.slots[static_cast<std::size_t>(rank_)] = mine;
    hub_.sync.arrive_and_wait();
    std::vector<std::string> all = hub_.slots;
    hub_.sync.arrive_and_wait();  // every rank has read before the next call writes
    return all;
  }

 private:
  Hub& hub_;
  int rank_;
};

// Runs `body(peers)` on P threads as ranks 0 .. P-1; returns each rank's result or error text.
template <class Body>
std::vector<std::string> on_ranks(int size, Body body) {
  ThreadPeers::Hub hub(size);
  std::vector<std::string> out(static_cast<std::size_t>(size));
  std::vector<std::thread> threads;
  for (int r = 0; r < size; ++r)
    threads.emplace_back([&, r] {
      ThreadPeers peers(hub, r);
      try {
        out[static_cast<std::size_t>(r)] = body(peers);
      } catch (const InputError& e) {
        out[static_cast<std::size_t>(r)] = std::string("input error: ") + e.what();
      } catch (const std::exception& e) {
        out[static_cast<std::size_t>(r)] = std::string("error: ") + e.what();
      }
    });
  for (std::thread& t : threads) t.join();
  return out;
}

TEST_CASE("spread gives every rank every result, task k run on rank k mod P") {
  for (const int size : {1, 2, 3, 4}) {
    const auto results = on_ranks(size, [](Peers& peers) {
      std::string ran;
      std::mutex m;
      const auto all = spread(peers, 10, 2, [&](std::size_t k) {
        const std::lock_guard lock(m);
        ran += std::to_string(k) + ",";
        return "task" + std::to_string(k) + "@" + std::to_string(peers.rank());
      });
      std::string joined;
      for (const std::string& s : all) joined += s + ";";
      return joined + "|" + std::to_string(ran.size());
    });
    std::string expected;
    for (int k = 0; k < 10; ++k)
      expected += "task" + std::to_string(k) + "@" + std::to_string(k % size) + ";";
    for (int r = 0; r < size; ++r) {
      CAPTURE(size, r);
      CHECK(results[static_cast<std::size_t>(r)].substr(0, expected.size()) == expected);
    }
  }
}

TEST_CASE("an error on one rank is thrown on every rank, as the same kind") {
  const auto results = on_ranks(3, [](Peers& peers) {
    spread(peers, 9, 1, [&](std::size_t k) -> std::string {
      if (k == 4) throw InputError("trace.csv", "/0", "bad row");  // on rank 1
      return "ok";
    });
    return std::string("finished");
  });
  for (const std::string& r : results) CHECK(r == "input error: trace.csv: /0: bad row");

  const auto setup = on_ranks(3, [](Peers& peers) {
    agree(peers, [&] {
      if (peers.is_root()) throw InputError("--out", "", "cannot create directory x");
    });
    return std::string("finished");
  });
  for (const std::string& r : setup) CHECK(r == "input error: --out: cannot create directory x");

  const auto internal = on_ranks(2, [](Peers& peers) {
    spread(peers, 2, 1, [&](std::size_t k) -> std::string {
      if (k == 1) throw std::logic_error("invariant broken");
      return "ok";
    });
    return std::string("finished");
  });
  for (const std::string& r : internal) CHECK(r == "error: invariant broken");
}

TEST_CASE("from_root gives rank 0's bytes to every rank") {
  const auto results = on_ranks(
      4, [](Peers& peers) { return from_root(peers, "rank" + std::to_string(peers.rank())); });
  for (const std::string& r : results) CHECK(r == "rank0");
  CHECK(share_of(this_process_alone(), 5) == 5);
}

}  // namespace

TEST_CASE("shards of two builds are refused, naming both builds") {
  const auto dir = test::fresh_scratch_dir("shard-builds");
  std::filesystem::create_directories(dir);
  const auto header = [](int index, const char* build) {
    return nlohmann::json{{"kind", "run"},
                          {"albsim", "0.1.0"},
                          {"build", build},
                          {"scenario", {{"content_hash", "00"}}},
                          {"options", nlohmann::json::object()},
                          {"shard", {{"index", index}, {"count", 2}}}};
  };
  write_shard_file(dir / "shard-0.albsim", header(0, "0.1.0+aaaaaaaaaaaa.11111111"), {});
  write_shard_file(dir / "shard-1.albsim", header(1, "0.1.0+bbbbbbbbbbbb.11111111"), {});
  CHECK_THROWS_WITH(read_shard_set({dir.string()}, "shard", "run"),
                    (dir / "shard-1.albsim").string() +
                        ": was written by albsim build 0.1.0+bbbbbbbbbbbb.11111111, " +
                        (dir / "shard-0.albsim").string() +
                        " by build 0.1.0+aaaaaaaaaaaa.11111111; run every shard with one build "
                        "(one image, by digest)");
  // A shard of an albsim from before build ids is refused too.
  nlohmann::json old = header(1, "");
  old.erase("build");
  write_shard_file(dir / "shard-1.albsim", old, {});
  CHECK_THROWS_WITH(read_shard_set({dir.string()}, "shard", "run"),
                    Catch::Contains("has a header without its kind, albsim version, build"));
}

}  // namespace albsim
